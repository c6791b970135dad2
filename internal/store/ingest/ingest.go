// Package ingest runs the pipeline over a stream of documents and writes
// the results to a store in batched transactions, skipping documents the
// store already holds before spending pipeline time on them. The pipeline
// runs on its workers while one writer goroutine stores finished batches, so
// storing overlaps annotating.
//
// It knows the pipeline and the store, not where documents come from (the
// caller passes a pipeline.Source) nor how progress is shown.
package ingest

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dyadhq/dyad/internal/pipeline"
	"github.com/dyadhq/dyad/internal/store"
	"github.com/dyadhq/dyad/pkg/doc"
)

// Options tune an ingest.
type Options struct {
	Workers    int // pipeline goroutines (0: GOMAXPROCS)
	BatchDocs  int // documents per transaction (0: 1000)
	BatchBytes int // JSON bytes per transaction (0: 8 MB)
	// OnBad is called for a document the pipeline or the store rejects;
	// returning nil skips it, an error stops the ingest. Nil stops.
	OnBad func(error) error
	// Progress is called with the number of documents done (stored,
	// skipped or bad) since the last call; from several goroutines.
	Progress func(n int)
	// NoDedupe sends every document through the pipeline even when the
	// store already holds it (the store still skips it): for benchmarks.
	NoDedupe bool
}

// Result counts what an ingest did.
type Result struct {
	Read    int   // documents from the source
	Added   int   // stored
	Skipped int   // already stored (or repeated in the input)
	Bad     int   // rejected and skipped
	Words   int64 // whitespace-separated words annotated
	Elapsed time.Duration
}

type counters struct {
	read, added, skipped, bad atomic.Int64
	words                     atomic.Int64
}

// Run ingests the documents of src into st. On an error or when ctx ends it
// stores the documents already annotated, then returns what it did with the
// error: every batch is committed whole or not at all, so the store is
// consistent and a rerun continues where this one stopped.
func Run(ctx context.Context, st store.Store, p *pipeline.Pipeline, src pipeline.Source, opts Options) (Result, error) {
	t0 := time.Now()
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	if opts.BatchDocs <= 0 {
		opts.BatchDocs = 1000
	}
	if opts.BatchBytes <= 0 {
		opts.BatchBytes = 8 << 20
	}
	progress := opts.Progress
	if progress == nil {
		progress = func(int) {}
	}
	var c counters
	var badMu sync.Mutex
	bad := func(err error) error {
		badMu.Lock()
		defer badMu.Unlock()
		if opts.OnBad == nil {
			return err
		}
		if err := opts.OnBad(err); err != nil {
			return err
		}
		c.bad.Add(1)
		progress(1)
		return nil
	}

	// The writer stores batches as they come; the first error stops the run.
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	batches := make(chan []*store.Rows, 2)
	var writeErr atomic.Pointer[error]
	writerDone := make(chan struct{})
	go func() {
		defer close(writerDone)
		for b := range batches {
			if writeErr.Load() != nil {
				continue
			}
			// A batch in hand is written even when ctx has ended, so an
			// interrupt loses no annotated document.
			res, err := st.Put(context.WithoutCancel(ctx), b)
			if err != nil {
				err = fmt.Errorf("storing a batch of %d documents: %w", len(b), err)
				writeErr.Store(&err)
				cancel(err)
				continue
			}
			c.added.Add(int64(res.Added))
			c.skipped.Add(int64(res.Skipped))
			progress(len(b))
		}
	}()

	var batch []*store.Rows
	var batchBytes int
	flush := func() {
		if len(batch) > 0 {
			batches <- batch
			batch, batchBytes = nil, 0
		}
	}
	sink := func(s *pipeline.State, perr error) error {
		if perr != nil {
			if ctx.Err() != nil && errors.Is(perr, ctx.Err()) {
				return perr
			}
			return bad(perr)
		}
		c.words.Add(int64(pipeline.CountWords(s.Doc.Text)))
		out := pipeline.Render(s, pipeline.RenderOptions{})
		rows, err := store.Normalize(&out)
		if err != nil {
			return bad(fmt.Errorf("%s: %w", origin(s.Doc), err))
		}
		batch = append(batch, rows)
		batchBytes += len(rows.Body)
		if len(batch) >= opts.BatchDocs || batchBytes >= opts.BatchBytes {
			flush()
		}
		if e := writeErr.Load(); e != nil {
			return *e
		}
		return nil
	}

	source := src
	if !opts.NoDedupe {
		source = dedupe(ctx, st, src, &c, progress)
	} else {
		source = func(emit func(*doc.Document) error) error {
			return src(func(d *doc.Document) error { c.read.Add(1); return emit(d) })
		}
	}
	err := p.Stream(ctx, opts.Workers, source, sink)
	flush()
	close(batches)
	<-writerDone
	if e := writeErr.Load(); e != nil {
		err = *e
	} else if err != nil && context.Cause(ctx) != nil && errors.Is(err, context.Canceled) {
		err = context.Cause(ctx)
	}
	if err == nil && c.added.Load() > 0 {
		if oerr := st.Optimize(ctx); oerr != nil {
			err = fmt.Errorf("refreshing statistics: %w", oerr)
		}
	}
	res := Result{Read: int(c.read.Load()), Added: int(c.added.Load()), Skipped: int(c.skipped.Load()),
		Bad: int(c.bad.Load()), Words: c.words.Load(), Elapsed: time.Since(t0)}
	return res, err
}

// dedupe wraps src so that documents already stored, or already seen in
// this run, are counted as skipped and never reach the pipeline. It asks
// the store about documents in groups, to keep round trips few.
func dedupe(ctx context.Context, st store.Store, src pipeline.Source, c *counters, progress func(int)) pipeline.Source {
	const group = 64
	return func(emit func(*doc.Document) error) error {
		seen := map[string]bool{}
		var pending []*doc.Document
		var keys []string
		check := func() error {
			if len(pending) == 0 {
				return nil
			}
			has, err := st.Has(ctx, keys)
			if err != nil {
				return fmt.Errorf("looking up stored documents: %w", err)
			}
			for i, d := range pending {
				k := keys[i]
				if has[k] || seen[k] {
					c.skipped.Add(1)
					progress(1)
					continue
				}
				seen[k] = true
				if err := emit(d); err != nil {
					return err
				}
			}
			pending, keys = pending[:0], keys[:0]
			return nil
		}
		err := src(func(d *doc.Document) error {
			c.read.Add(1)
			pending = append(pending, d)
			keys = append(keys, store.Key(d.Title, d.Text))
			if len(pending) >= group {
				return check()
			}
			return nil
		})
		if err != nil {
			return err
		}
		return check()
	}
}

func origin(d *doc.Document) string {
	if d.Origin != "" {
		return d.Origin
	}
	return "document " + d.ID
}
