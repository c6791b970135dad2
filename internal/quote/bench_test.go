package quote

import (
	"os"
	"strings"
	"testing"

	"github.com/dyadhq/dyad/internal/datadir"
	"github.com/dyadhq/dyad/internal/timex"
)

// benchText is the worked example when the shared examples are present,
// else a built-in paragraph, repeated to a news-story size.
func benchText() string {
	b, err := os.ReadFile(datadir.Path("..", "examples", "trump-putin-call.txt"))
	if err != nil {
		b = []byte(`"We have no illusions," Lavrov said. Trump said on Friday that it was too early, according to the Kremlin.` + "\n")
	}
	return strings.Repeat(string(b)+"\n", 4)
}

// BenchmarkExtract measures quote extraction alone on a tagged,
// lemmatized document (the pipeline's syntax stages are not timed).
func BenchmarkExtract(b *testing.B) {
	d, _ := analyze(b, benchText(), nil)
	times := timex.Extract(d, d.Published)
	x := New(dict)
	words := len(strings.Fields(d.Text))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		x.Extract(d, times, nil)
	}
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
}

// BenchmarkTimesAndQuotes measures the two stages together, to compare
// with the tagger's cost in BenchmarkTag (the stages' budget is a tenth of
// the pipeline).
func BenchmarkTimesAndQuotes(b *testing.B) {
	d, _ := analyze(b, benchText(), nil)
	x := New(dict)
	words := len(strings.Fields(d.Text))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		x.Extract(d, timex.Extract(d, d.Published), nil)
	}
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
}

// BenchmarkTag is the tagger alone on the same text, for scale.
func BenchmarkTag(b *testing.B) {
	d, _ := analyze(b, benchText(), nil)
	words := len(strings.Fields(d.Text))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		tagger.Tag(d)
	}
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
}

// BenchmarkExtractParsed is BenchmarkExtract on a dependency-parsed
// document, as in the pipeline, where the cue and bounds models also read
// the parse; the other cases leave one model out, to see what each costs.
func BenchmarkExtractParsed(b *testing.B) {
	d := parsed(b, benchText())
	times := timex.Extract(d, d.Published)
	words := len(strings.Fields(d.Text))
	for _, bc := range []struct {
		name string
		x    *Extractor
	}{{"models", New(dict)}, {"no-cue-model", New(dict).WithCues(nil, 0, 0)}, {"no-bounds-model", New(dict).WithBounds(nil)}} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				bc.x.Extract(d, times, nil)
			}
			b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
		})
	}
}
