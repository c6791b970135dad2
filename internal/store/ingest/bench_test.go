package ingest

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/dyadhq/dyad/internal/datadir/datatest"
	"github.com/dyadhq/dyad/internal/pipeline"
	"github.com/dyadhq/dyad/internal/reader"
	"github.com/dyadhq/dyad/internal/store/sqlite"
	"github.com/dyadhq/dyad/pkg/doc"
)

// BenchmarkReuters ingests the Reuters-21578 archive into a new SQLite
// store and reports documents/s (compare BenchmarkReutersPipeline).
func BenchmarkReuters(b *testing.B) {
	docs := reuters(b)
	for i := 0; i < b.N; i++ {
		st, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "b.db"))
		if err != nil {
			b.Fatal(err)
		}
		p, err := pipeline.New(pipeline.Options{})
		if err != nil {
			b.Fatal(err)
		}
		res, err := Run(context.Background(), st, p, memSource(docs), Options{})
		if err != nil {
			b.Fatal(err)
		}
		st.Close()
		b.ReportMetric(float64(res.Read)/res.Elapsed.Seconds(), "docs/s")
	}
}

// BenchmarkReutersPipeline runs the bare pipeline over the same documents.
func BenchmarkReutersPipeline(b *testing.B) {
	docs := reuters(b)
	for i := 0; i < b.N; i++ {
		b.StopTimer() // model loading is not the pipeline's throughput
		p, err := pipeline.New(pipeline.Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		err = p.Stream(context.Background(), 0, memSource(docs), func(*pipeline.State, error) error { return nil })
		if err != nil {
			b.Fatal(err)
		}
	}
}

func reuters(b *testing.B) []*doc.Document {
	dir := datatest.Require(b, "reuters21578")
	var docs []*doc.Document
	err := reader.Walk(context.Background(), []string{dir}, reader.Options{OnBad: func(*reader.Error) error { return nil }},
		func(d *doc.Document) error { docs = append(docs, d); return nil })
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	return docs
}

func memSource(docs []*doc.Document) pipeline.Source {
	return func(emit func(*doc.Document) error) error {
		for _, d := range docs {
			c := *d
			c.Tokens, c.Sentences = nil, nil
			if err := emit(&c); err != nil {
				return err
			}
		}
		return nil
	}
}
