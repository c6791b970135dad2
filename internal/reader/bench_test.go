package reader

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/dyadhq/dyad/internal/datadir/datatest"
	"github.com/dyadhq/dyad/pkg/doc"
)

// BenchmarkReadReuters reads the whole Reuters-21578 archive (files from the
// page cache) and reports words/s, words being whitespace-separated words of
// the documents' text as in `dyad bench`, by wall time and by CPU time.
// Target: well above 20M words/s on one core.
func BenchmarkReadReuters(b *testing.B) {
	dir := datatest.Require(b, "reuters21578")
	src := []string{filepath.Join(dir, "*.sgm")}
	opts := Options{OnBad: func(*Error) error { return nil }}
	words, docs := 0, 0
	// Count the words once, outside the timed loop.
	if err := Walk(context.Background(), src, opts, func(d *doc.Document) error {
		docs++
		words += countWords(d.Text)
		return nil
	}); err != nil {
		b.Fatal(err)
	}
	for _, keep := range []bool{false, true} {
		// "keep" holds every document, as `dyad bench` does, which makes the
		// garbage collector's work grow with the corpus.
		b.Run(map[bool]string{false: "discard", true: "keep"}[keep], func(b *testing.B) {
			b.ReportAllocs()
			cpu0 := cpuTime()
			for b.Loop() {
				var kept []*doc.Document
				if err := Walk(context.Background(), src, opts, func(d *doc.Document) error {
					if keep {
						kept = append(kept, d)
					}
					return nil
				}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
			b.ReportMetric(float64(docs)*float64(b.N)/b.Elapsed().Seconds(), "docs/s")
			// Per second of CPU (all threads, the collector's too): steadier
			// than wall time on a shared machine.
			if cpu := cpuTime() - cpu0; cpu > 0 {
				b.ReportMetric(float64(words)*float64(b.N)/cpu.Seconds(), "words/cpu-s")
			}
		})
	}
}

// countWords counts whitespace-separated words (the unit of dyad's speed
// figures).
func countWords(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		sp := c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v'
		if !sp && !in {
			n++
		}
		in = !sp
	}
	return n
}
