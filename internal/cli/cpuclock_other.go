//go:build !linux

package cli

import "time"

const clockName = "wall time"

var base = time.Now()

// threadCPU falls back to the wall clock where thread CPU time is not read.
func threadCPU() time.Duration { return time.Since(base) }

func cpuNow() time.Duration { return threadCPU() }
