//go:build !unix

package entity

import "time"

func cpuTime() time.Duration { return 0 }
