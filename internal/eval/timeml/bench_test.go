package timeml

import (
	"path/filepath"
	"testing"

	"github.com/dyadhq/dyad/internal/datadir/datatest"
	"github.com/dyadhq/dyad/internal/pipeline"
	"github.com/dyadhq/dyad/internal/segment"
	"github.com/dyadhq/dyad/internal/timex"
	"github.com/dyadhq/dyad/internal/tokenize"
	"github.com/dyadhq/dyad/pkg/doc"
)

// BenchmarkExtract measures the time-expression extractor alone (the
// tokenizer and segmenter run before the timer) over the TimeBank texts,
// anchored on their creation times. The target is at least a million words
// per second per core: see the words/s metric.
func BenchmarkExtract(b *testing.B) {
	dir := datatest.Require(b, "tempeval3", "TimeBank")
	files, err := filepath.Glob(filepath.Join(dir, "*.tml"))
	if err != nil || len(files) == 0 {
		b.Skip("no TimeBank files")
	}
	type item struct {
		d  *doc.Document
		td *Doc
	}
	var docs []item
	words := 0
	for _, f := range files {
		td, err := ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		d := &doc.Document{Text: td.Text}
		d.Tokens = tokenize.Tokenize(d.Text)
		d.Sentences = segment.Segment(d.Text, d.Tokens)
		docs = append(docs, item{d, td})
		words += pipeline.CountWords(d.Text)
	}
	b.SetBytes(0)
	b.ReportAllocs()
	b.ResetTimer()
	n := 0
	for i := 0; i < b.N; i++ {
		for _, it := range docs {
			n += len(timex.Extract(it.d, it.td.Anchor()))
		}
	}
	b.StopTimer()
	if n == 0 {
		b.Fatal("no expressions found")
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}
