//go:build race

package cluster

// raceEnabled tells the tests that the race detector slows everything
// several times, so that they size their workloads to stay fast.
const raceEnabled = true
