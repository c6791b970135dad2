package entity

import (
	"strings"
	"testing"
)

// BenchmarkResolve measures the entity stage alone (dictionary match,
// recognizer, coreference) on the worked example, already tagged; it
// reports words (whitespace-separated) per second of wall time and per
// second of CPU time (the figure that holds on a busy machine).
func BenchmarkResolve(b *testing.B) {
	text := exampleStory(b)
	d, _ := process(b, text, "2017-01-28")
	r, err := testResolver()
	if err != nil {
		b.Fatal(err)
	}
	words := len(strings.Fields(text))
	b.ResetTimer()
	c0 := cpuTime()
	for i := 0; i < b.N; i++ {
		r.Resolve(d)
	}
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
	if cpu := cpuTime() - c0; cpu > 0 {
		b.ReportMetric(float64(words*b.N)/cpu.Seconds(), "words/cpu-s")
	}
}
