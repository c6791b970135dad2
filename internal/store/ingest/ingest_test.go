package ingest

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/dyadhq/dyad/internal/pipeline"
	"github.com/dyadhq/dyad/internal/store"
	"github.com/dyadhq/dyad/internal/store/sqlite"
	"github.com/dyadhq/dyad/pkg/doc"
)

func openStore(t *testing.T) store.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "i.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func newPipeline(t *testing.T) *pipeline.Pipeline {
	t.Helper()
	// Ingest does not depend on what the later stages find: stopping after
	// segment keeps the test fast and independent of the trained models.
	p, err := pipeline.New(pipeline.Options{Until: "segment"})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// stories makes n distinct documents.
func stories(n int) []*doc.Document {
	out := make([]*doc.Document, n)
	for i := range out {
		out[i] = &doc.Document{ID: fmt.Sprintf("s%03d", i), Title: fmt.Sprintf("Story %d", i),
			Text: fmt.Sprintf("Story number %d is here. Russia and Ukraine met on day %d.\n\nA second paragraph.", i, i)}
	}
	return out
}

func source(docs []*doc.Document) pipeline.Source {
	return func(emit func(*doc.Document) error) error {
		for _, d := range docs {
			c := *d
			if err := emit(&c); err != nil {
				return err
			}
		}
		return nil
	}
}

func count(t *testing.T, s store.Store) int64 {
	t.Helper()
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return st.Tables["documents"]
}

func TestIdempotent(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	docs := stories(40)
	in := append(append([]*doc.Document{}, docs...), docs[3], docs[7]) // repeats in the input
	res, err := Run(ctx, s, newPipeline(t), source(in), Options{BatchDocs: 7})
	if err != nil {
		t.Fatal(err)
	}
	if res.Read != 42 || res.Added != 40 || res.Skipped != 2 || res.Bad != 0 {
		t.Errorf("first run: %+v", res)
	}
	res, err = Run(ctx, s, newPipeline(t), source(in), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 0 || res.Skipped != 42 {
		t.Errorf("second run: %+v, want everything skipped", res)
	}
	if n := count(t, s); n != 40 {
		t.Errorf("%d documents stored, want 40", n)
	}
	d, err := s.Document(ctx, store.Key(docs[5].Title, docs[5].Text))
	if err != nil || d.ID != "s005" || len(d.Sentences) < 2 {
		t.Errorf("stored document: %+v %v", d, err)
	}
}

// TestInterrupt stops an ingest half way: what was stored is whole, and a
// second run stores the rest.
func TestInterrupt(t *testing.T) {
	s := openStore(t)
	docs := stories(100)
	ctx, cancel := context.WithCancel(context.Background())
	var n atomic.Int64
	res, err := Run(ctx, s, newPipeline(t), source(docs), Options{BatchDocs: 10, Workers: 2, Progress: func(k int) {
		if n.Add(int64(k)) >= 30 {
			cancel()
		}
	}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("interrupted run: %v", err)
	}
	stored := count(t, s)
	if stored < 30 || stored == 100 || int64(res.Added) != stored {
		t.Errorf("interrupted run stored %d, reported %+v", stored, res)
	}
	res, err = Run(context.Background(), s, newPipeline(t), source(docs), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if int64(res.Added)+stored != 100 || int64(res.Skipped) != stored {
		t.Errorf("resumed run: %+v after %d stored", res, stored)
	}
	if c := count(t, s); c != 100 {
		t.Errorf("%d stored after resuming", c)
	}
}

// failing fails every Put after the first.
type failing struct {
	store.Store
	puts atomic.Int64
}

func (f *failing) Put(ctx context.Context, rows []*store.Rows) (store.PutResult, error) {
	if f.puts.Add(1) > 1 {
		return store.PutResult{}, errors.New("disk full")
	}
	return f.Store.Put(ctx, rows)
}

func TestStoreError(t *testing.T) {
	s := openStore(t)
	f := &failing{Store: s}
	res, err := Run(context.Background(), f, newPipeline(t), source(stories(50)), Options{BatchDocs: 10})
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("err %v, want the store's error", err)
	}
	if res.Added != 10 || count(t, s) != 10 {
		t.Errorf("added %d, stored %d, want the first batch of 10", res.Added, count(t, s))
	}
}

func TestBadDocuments(t *testing.T) {
	s := openStore(t)
	docs := stories(5)
	docs[2].Text = "   " // the store rejects a blank text
	var bad []error
	res, err := Run(context.Background(), s, newPipeline(t), source(docs), Options{OnBad: func(err error) error {
		bad = append(bad, err)
		return nil
	}})
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 4 || res.Bad != 1 || len(bad) != 1 {
		t.Errorf("%+v, bad %v", res, bad)
	}
	// Without OnBad a bad document stops the ingest.
	s2 := openStore(t)
	if _, err := Run(context.Background(), s2, newPipeline(t), source(docs), Options{}); err == nil {
		t.Error("a bad document without OnBad did not stop the ingest")
	}
}
