package api

import (
	"context"
	"math/rand/v2"
	"path/filepath"
	"testing"

	"github.com/dyadhq/dyad/internal/datadir/datatest"
	"github.com/dyadhq/dyad/internal/pipeline"
	"github.com/dyadhq/dyad/internal/reader"
	"github.com/dyadhq/dyad/internal/store"
	"github.com/dyadhq/dyad/internal/store/sqlite"
	"github.com/dyadhq/dyad/internal/store/storetest"
	"github.com/dyadhq/dyad/pkg/doc"
)

// BenchmarkEventsLatency loads the Reuters-21578 archive into a new SQLite
// store, split into sentences, with synthetic events on half the sentences
// (the pipeline makes none yet; a fixed seed makes them the same each run),
// then times 2,000 filtered events queries over HTTP on loopback and
// reports their p50 and p99 in milliseconds. Target: p99 < 50 ms.
//
//	go test -run '^$' -bench EventsLatency -benchtime 1x ./internal/api/
func BenchmarkEventsLatency(b *testing.B) {
	dir := datatest.Require(b, "reuters21578")
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "reuters.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	// The store's rows come from sentences and the synthetic events, so
	// the pipeline stops after segment (fast, and free of trained models).
	p, err := pipeline.New(pipeline.Options{Until: "segment"})
	if err != nil {
		b.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	var batch []*store.Rows
	flush := func() {
		if _, err := st.Put(ctx, batch); err != nil {
			b.Fatal(err)
		}
		batch = batch[:0]
	}
	err = reader.Walk(ctx, []string{dir}, reader.Options{OnBad: func(*reader.Error) error { return nil }}, func(d *doc.Document) error {
		s, err := p.Process(d)
		if err != nil {
			return err
		}
		out := pipeline.Render(s, pipeline.RenderOptions{})
		storetest.Synthesize(&out, rng, 0.5)
		r, err := store.Normalize(&out)
		if err != nil {
			return err
		}
		if batch = append(batch, r); len(batch) == 1000 {
			flush()
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	flush()
	if err := st.Optimize(ctx); err != nil { // as dyad ingest does
		b.Fatal(err)
	}
	stats, err := st.Stats(ctx)
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("store: %d documents, %d sentences, %d events", stats.Tables["documents"], stats.Tables["sentences"], stats.Tables["events"])
	b.ResetTimer()
	for range b.N {
		lat, err := MeasureLatency(ctx, st, 2000)
		if err != nil {
			b.Fatal(err)
		}
		for _, p := range lat.Paths {
			b.Logf("median %6.2f ms  %s", float64(lat.Median[p].Microseconds())/1000, p)
		}
		b.ReportMetric(float64(lat.P50.Microseconds())/1000, "p50-ms")
		b.ReportMetric(float64(lat.P99.Microseconds())/1000, "p99-ms")
		b.ReportMetric(float64(lat.Max.Microseconds())/1000, "max-ms")
	}
}
