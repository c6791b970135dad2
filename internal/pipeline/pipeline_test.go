package pipeline

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/dyadhq/dyad/pkg/doc"
)

func TestStreamKeepsOrder(t *testing.T) {
	p, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	const n = 200
	src := func(emit func(*doc.Document) error) error {
		for i := range n {
			if err := emit(&doc.Document{ID: fmt.Sprint(i), Text: "Word number one. Two words here."}); err != nil {
				return err
			}
		}
		return nil
	}
	next := 0
	err = p.Stream(context.Background(), 4, src, func(st *State, err error) error {
		if err != nil {
			return err
		}
		if st.Doc.ID != fmt.Sprint(next) {
			return fmt.Errorf("got document %s, want %d", st.Doc.ID, next)
		}
		if err := st.Doc.Check(); err != nil {
			return err
		}
		next++
		return nil
	})
	if err != nil || next != n {
		t.Fatalf("err %v after %d documents", err, next)
	}
	docs, words, stages := p.Stats()
	if docs != n || words != 6*n || len(stages) != len(StageNames()) {
		t.Errorf("stats: %d docs %d words %d stages", docs, words, len(stages))
	}
}

func TestStreamStopsOnSinkError(t *testing.T) {
	p, _ := New(Options{})
	stop := errors.New("stop")
	emitted := 0
	src := func(emit func(*doc.Document) error) error {
		for {
			if err := emit(&doc.Document{Text: "x"}); err != nil {
				return err
			}
			emitted++
		}
	}
	seen := 0
	err := p.Stream(context.Background(), 2, src, func(*State, error) error {
		seen++
		if seen == 3 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || seen != 3 {
		t.Fatalf("err %v, seen %d", err, seen)
	}
}

func TestUntil(t *testing.T) {
	p, err := New(Options{Until: "tokenize"})
	if err != nil {
		t.Fatal(err)
	}
	st, _ := p.Process(&doc.Document{Text: "A b."})
	if len(st.Doc.Tokens) == 0 || len(st.Doc.Sentences) != 0 {
		t.Errorf("Until tokenize: %d tokens %d sentences", len(st.Doc.Tokens), len(st.Doc.Sentences))
	}
	if _, err := New(Options{Until: "nope"}); err == nil {
		t.Error("unknown stage accepted")
	}
}

func TestCountWords(t *testing.T) {
	for in, want := range map[string]int{"": 0, "  ": 0, "a": 1, " a  b\nc\t": 3, "don't stop": 2} {
		if got := CountWords(in); got != want {
			t.Errorf("CountWords(%q) = %d, want %d", in, got, want)
		}
	}
}

// TestStreamDoesNotWaitForAFullBatch feeds one document at a time, the next
// only once the sink has the last: a pipe or feed must get each result
// without waiting for a batch to fill.
func TestStreamDoesNotWaitForAFullBatch(t *testing.T) {
	p, err := New(Options{Until: "segment"})
	if err != nil {
		t.Fatal(err)
	}
	got := make(chan string, 1)
	src := func(emit func(*doc.Document) error) error {
		for i := range 5 {
			id := fmt.Sprint(i)
			if err := emit(&doc.Document{ID: id, Text: "One line."}); err != nil {
				return err
			}
			select {
			case g := <-got:
				if g != id {
					return fmt.Errorf("sink got %s, want %s", g, id)
				}
			case <-time.After(10 * time.Second):
				return fmt.Errorf("document %s held back", id)
			}
		}
		return nil
	}
	err = p.Stream(context.Background(), 2, src, func(st *State, err error) error {
		if err == nil {
			got <- st.Doc.ID
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestProcessBatchSameAsProcess checks that running the stages batch-wise
// gives each document what Process gives it.
func TestProcessBatchSameAsProcess(t *testing.T) {
	p, err := New(Options{})
	if err != nil {
		t.Skipf("models not available: %v", err)
	}
	texts := []string{
		"The mayor of Springfield met the governor on Monday. \"We agreed on the budget,\" she said.",
		"Chile accused Peru of closing the border. Peru denied it.",
		"",
		"Exports rose 5 pct in March, the ministry said.",
		"France and Germany signed a trade pact in Paris on Friday.",
	}
	var batch []*doc.Document
	var single []string
	for i, tx := range texts {
		batch = append(batch, &doc.Document{ID: fmt.Sprint(i), Text: tx})
		st, err := p.Process(&doc.Document{ID: fmt.Sprint(i), Text: tx})
		if err != nil {
			t.Fatal(err)
		}
		single = append(single, render(t, st))
	}
	sts, errs := p.ProcessBatch(batch)
	for i := range texts {
		if errs[i] != nil {
			t.Fatal(errs[i])
		}
		if got := render(t, sts[i]); got != single[i] {
			t.Errorf("document %d: batch gives\n%s\nProcess gives\n%s", i, got, single[i])
		}
	}
}

func render(t *testing.T, st *State) string {
	t.Helper()
	b, err := json.Marshal(Render(st, RenderOptions{Tokens: true}))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestStreamFinishesEveryBatch runs many short streams: the last batch,
// handed over as the source ends, must always reach the sink.
func TestStreamFinishesEveryBatch(t *testing.T) {
	p, err := New(Options{Until: "segment"})
	if err != nil {
		t.Fatal(err)
	}
	for run := range 300 {
		n, workers := 1+run%7, 1+run%3
		src := func(emit func(*doc.Document) error) error {
			for i := range n {
				if err := emit(&doc.Document{ID: fmt.Sprint(i), Text: "A line."}); err != nil {
					return err
				}
			}
			return nil
		}
		got := 0
		done := make(chan error, 1)
		go func() {
			done <- p.Stream(context.Background(), workers, src, func(*State, error) error { got++; return nil })
		}()
		select {
		case err := <-done:
			if err != nil || got != n {
				t.Fatalf("run %d: %d of %d documents, err %v", run, got, n, err)
			}
		case <-time.After(20 * time.Second):
			t.Fatalf("run %d (%d documents, %d workers): the stream did not end", run, n, workers)
		}
	}
}
