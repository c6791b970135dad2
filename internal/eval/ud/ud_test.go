package ud

import (
	"context"
	"flag"
	"strings"
	"testing"

	"github.com/dyadhq/dyad/internal/conllu"
	"github.com/dyadhq/dyad/internal/datadir/datatest"
	"github.com/dyadhq/dyad/pkg/doc"
)

// devSlice returns the first documents of EWT dev, about n sentences.
func devSlice(t *testing.T, n int) []conllu.Sentence {
	path := datatest.Require(t, "ud-ewt", "en_ewt-ud-dev.conllu")
	sents, err := conllu.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []conllu.Sentence
	for _, d := range conllu.Documents(sents) {
		if len(out) >= n {
			break
		}
		out = append(out, d...)
	}
	return out
}

// TestRawFloors asserts floors a few points below the measured figures
// (EWT dev: Tokens 99.7, Sentences 89.6, Words 99.4 on the whole set).
func TestRawFloors(t *testing.T) {
	gold := devSlice(t, 600)
	sc, err := Evaluate(context.Background(), gold, SegmentOnly, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("EWT dev, %d sentences: Tokens %.2f Sentences %.2f Words %.2f", len(gold),
		100*sc.Tokens.F1(), 100*sc.Sentences.F1(), 100*sc.Words.F1())
	for _, c := range []struct {
		name  string
		f1    float64
		floor float64
	}{{"Tokens", sc.Tokens.F1(), 0.985}, {"Sentences", sc.Sentences.F1(), 0.82}, {"Words", sc.Words.F1(), 0.98}} {
		if c.f1 < c.floor {
			t.Errorf("%s F1 %.2f below the floor %.1f", c.name, 100*c.f1, 100*c.floor)
		}
	}
}

// TestAnnotatePlumbing checks that the annotation step is called in the
// modes that use it and its output scored: an annotator that tags every word
// NOUN scores UPOS at the share of nouns, on gold tokens and on raw text.
func TestAnnotatePlumbing(t *testing.T) {
	gold := devSlice(t, 150)
	nouns, words := 0, 0
	for _, s := range gold {
		for _, w := range s.Words {
			words++
			if w.UPOS == "NOUN" {
				nouns++
			}
		}
	}
	calls := 0
	allNouns := func(d *doc.Document) error {
		calls++
		for i := range d.Tokens {
			d.Tokens[i].UPOS = "NOUN"
		}
		return nil
	}
	sc, err := Evaluate(context.Background(), gold, GoldTokens, allNouns)
	if err != nil {
		t.Fatal(err)
	}
	if calls == 0 || sc.Words.F1() != 1 || sc.Sentences.F1() != 1 || sc.UPOS.Correct != nouns || sc.UPOS.Gold != words {
		t.Errorf("gold tokens: %d calls, Words %+v Sentences %+v UPOS %+v (nouns %d of %d)", calls, sc.Words, sc.Sentences, sc.UPOS, nouns, words)
	}
	// The gold annotations must not leak into the system's.
	if sc.LAS.Correct != 0 || sc.Lemmas.Correct > sc.Lemmas.Gold/10 {
		t.Errorf("gold annotations leaked: LAS %+v Lemmas %+v", sc.LAS, sc.Lemmas)
	}
	calls = 0
	raw, err := Evaluate(context.Background(), gold, Raw, allNouns)
	if err != nil {
		t.Fatal(err)
	}
	if calls == 0 || raw.UPOS.Correct == 0 || raw.UPOS.Correct > nouns {
		t.Errorf("raw: %d calls, UPOS %+v", calls, raw.UPOS)
	}
	calls = 0
	if _, err := Evaluate(context.Background(), gold, SegmentOnly, allNouns); err != nil || calls != 0 {
		t.Errorf("segment-only called the annotator %d times (err %v)", calls, err)
	}
}

func TestReport(t *testing.T) {
	path := datatest.Require(t, "ud-ewt", "en_ewt-ud-dev.conllu")
	fs := flag.NewFlagSet("ud", flag.ContinueOnError)
	fs.Bool("segment-only", false, "")
	fs.Bool("gold-tokens", false, "")
	if err := fs.Parse([]string{"--segment-only", "--gold-tokens", path}); err != nil {
		t.Fatal(err)
	}
	if _, err := run(context.Background(), fs); err == nil || !strings.Contains(err.Error(), "exclude") {
		t.Errorf("both modes: err %v", err)
	}
}
