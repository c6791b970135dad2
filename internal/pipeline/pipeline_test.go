package pipeline

import (
	"context"
	"errors"
	"fmt"
	"testing"

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
