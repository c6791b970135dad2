package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/dyadhq/dyad/internal/datadir/datatest"
	"github.com/dyadhq/dyad/internal/pipeline"
	"github.com/dyadhq/dyad/internal/reader"
	"github.com/dyadhq/dyad/internal/store"
	"github.com/dyadhq/dyad/internal/store/storetest"
	"github.com/dyadhq/dyad/pkg/contract"
	"github.com/dyadhq/dyad/pkg/doc"
)

// BenchmarkPut stores 1,000 Reuters-21578 stories annotated by the whole
// pipeline (annotation not timed; DYAD_BENCH_UNTIL stops it after a stage,
// DYAD_BENCH_JSONL reads dyad extract output instead) in batches of 64, as
// cluster workers do,
// and reports stories/s, rows/s and the bytes the stored stories take
// (tables and indexes): the figures for sizing PostgreSQL.
//
//	source scripts/testenv.sh
//	go test -run '^$' -bench Put -benchtime 1x ./internal/store/postgres/
func BenchmarkPut(b *testing.B) {
	if os.Getenv("DYAD_TEST_POSTGRES") == "" {
		b.Skip("DYAD_TEST_POSTGRES is not set: source scripts/testenv.sh")
	}
	var rows []*store.Rows
	nrows := 0
	add := func(out *contract.Document) error {
		r, err := store.Normalize(out)
		if err != nil {
			return err
		}
		rows = append(rows, r)
		nrows += 1 + len(out.Sentences) + len(out.Entities) + len(out.Events) + len(out.Quotes) + len(out.Times)
		return nil
	}
	if path := os.Getenv("DYAD_BENCH_JSONL"); path != "" {
		// Stories annotated beforehand (dyad extract --format jsonl): the
		// store's figures without loading the models.
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		defer f.Close()
		dec := json.NewDecoder(f)
		for len(rows) < 1000 {
			var d contract.Document
			if err := dec.Decode(&d); err == io.EOF {
				break
			} else if err != nil {
				b.Fatal(err)
			}
			if err := add(&d); err != nil {
				b.Fatal(err)
			}
		}
	} else {
		annotate(b, add)
	}
	b.Logf("%d stories, %d rows", len(rows), nrows)
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		dsn := storetest.PostgresDSN(b)
		s, err := Open(context.Background(), dsn)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		for i := 0; i < len(rows); i += 64 {
			if _, err := s.Put(context.Background(), rows[i:min(i+64, len(rows))]); err != nil {
				b.Fatal(err)
			}
		}
		b.StopTimer()
		s.Close()
		size := schemaBytes(b, dsn)
		el := b.Elapsed().Seconds()
		b.ReportMetric(float64(len(rows))/el, "stories/s")
		b.ReportMetric(float64(nrows)/el, "rows/s")
		b.ReportMetric(float64(size)/float64(len(rows)), "bytes/story")
	}
}

// schemaBytes is the size of every table and index of the DSN's schema.
func schemaBytes(b *testing.B, dsn string) int64 {
	ctx := context.Background()
	c, err := pgx.Connect(ctx, dsn)
	if err != nil {
		b.Fatal(err)
	}
	defer c.Close(ctx)
	var n int64
	err = c.QueryRow(ctx, `SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint FROM pg_class c
		JOIN pg_namespace ns ON ns.oid = c.relnamespace WHERE ns.nspname = current_schema() AND c.relkind = 'r'`).Scan(&n)
	if err != nil {
		b.Fatal(err)
	}
	return n
}

// annotate runs the whole pipeline over the first 1,000 Reuters stories.
func annotate(b *testing.B, add func(*contract.Document) error) {
	dir := datatest.Require(b, "reuters21578")
	p, err := pipeline.New(pipeline.Options{Until: os.Getenv("DYAD_BENCH_UNTIL")})
	if err != nil {
		b.Fatal(err)
	}
	n := 0
	errEnough := errors.New("enough")
	err = reader.Walk(context.Background(), []string{dir}, reader.Options{OnBad: func(*reader.Error) error { return nil }},
		func(d *doc.Document) error {
			s, err := p.Process(d)
			if err != nil {
				return nil // a pipeline bug; not the store's figure
			}
			out := pipeline.Render(s, pipeline.RenderOptions{})
			if err := add(&out); err != nil {
				return err
			}
			if n++; n == 1000 {
				return errEnough
			}
			return nil
		})
	if err != nil && !errors.Is(err, errEnough) {
		b.Fatal(err)
	}
}
