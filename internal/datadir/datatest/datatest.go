// Package datatest lets tests that need the shared data skip, with a clear
// message, when it is absent.
package datatest

import (
	"testing"

	"github.com/dyadhq/dyad/internal/datadir"
)

// Require returns the path of parts under the data folder, or skips the test
// when it does not exist.
func Require(tb testing.TB, parts ...string) string {
	tb.Helper()
	p := datadir.Path(parts...)
	if !datadir.Exists(parts...) {
		tb.Skipf("shared data %s not found (set %s or put shared/ beside the project)", p, datadir.Env)
	}
	return p
}
