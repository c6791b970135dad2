//go:build quotelearn

package quote_test

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/dyadhq/dyad/internal/actor"
	"github.com/dyadhq/dyad/internal/eval/polnear"
	"github.com/dyadhq/dyad/internal/quote"
)

// TestLearnCues cross-validates the cue model on a PolNeAR-format split
// (DYAD_QUOTE_LEARN; use train, never dev): for each of five folds by
// document it trains on the others and scores the extractor with the fold's
// model at each threshold of DYAD_QUOTE_LEARN_TH (comma-separated) on the
// held-out documents, beside the extractor without a model. It runs only
// with the quotelearn build tag:
//
//	DYAD_QUOTE_LEARN=/work/shared/data/polnear/train go test -tags quotelearn -run TestLearnCues -v -timeout 30m ./internal/quote/
func TestLearnCues(t *testing.T) {
	items, dict := learnSplit(t)
	ths := floats(t, "DYAD_QUOTE_LEARN_TH", "0")
	fbs := floats(t, "DYAD_QUOTE_LEARN_FB", "NaN")
	const folds = 5
	base := quote.New(dict).WithCues(nil, 0, 0)
	type cell struct{ th, fb float32 }
	var cells []cell
	for _, th := range ths {
		for _, fb := range fbs {
			cells = append(cells, cell{th, fb})
		}
	}
	results := make([]polnear.Counts, len(cells)+1)
	for k := 0; k < folds; k++ {
		var exs []quote.CueExample
		for i, it := range items {
			if i%folds != k {
				exs = append(exs, it.example())
			}
		}
		cfg := quote.DefaultCueTrainConfig()
		if v := os.Getenv("DYAD_QUOTE_LEARN_EPOCHS"); v != "" {
			cfg.Epochs, _ = strconv.Atoi(v)
		}
		if v := os.Getenv("DYAD_QUOTE_LEARN_MINCOUNT"); v != "" {
			cfg.MinCount, _ = strconv.Atoi(v)
		}
		m := quote.TrainCues(exs, cfg)
		for i, it := range items {
			if i%folds != k {
				continue
			}
			results[0].Add(it.score(base))
			for j, c := range cells {
				results[j+1].Add(it.score(base.WithCues(m, c.th, c.fb)))
			}
		}
	}
	fmt.Println("admit  fallback  overlap_f1  exact_f1  source_f1  cue_f1  system  gold")
	for j, c := range results {
		name := "none   none    "
		if j > 0 {
			c := cells[j-1]
			name = fmt.Sprintf("%-5v  %-8v", c.th, c.fb)
		}
		fmt.Printf("%s  %s\n", name, figures(c))
	}
}

// learnSplit loads the PolNeAR split of DYAD_QUOTE_LEARN (skipping the
// test when it is unset) and the actor dictionary the extractors resolve
// speakers with.
func learnSplit(t *testing.T) ([]learnItem, *actor.Dictionary) {
	dir := os.Getenv("DYAD_QUOTE_LEARN")
	if dir == "" {
		t.Skip("set DYAD_QUOTE_LEARN to a PolNeAR split folder")
	}
	items := loadSplit(t, dir)
	dict, err := actor.Load()
	if err != nil {
		t.Fatal(err)
	}
	return items, dict
}

func floats(t *testing.T, env, def string) []float32 {
	v := os.Getenv(env)
	if v == "" {
		v = def
	}
	var out []float32
	for _, f := range strings.Split(v, ",") {
		x, err := strconv.ParseFloat(f, 32)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, float32(x))
	}
	return out
}

func (it learnItem) example() quote.CueExample {
	e := quote.CueExample{Doc: it.st.Doc}
	for _, g := range it.art.Gold {
		if g.Cue.End > g.Cue.Start {
			e.Cues = append(e.Cues, [2]int{g.Cue.Start, g.Cue.End})
		}
	}
	return e
}

func (it learnItem) score(x *quote.Extractor) polnear.Counts {
	qs := x.Extract(it.st.Doc, it.st.Times, nil)
	return polnear.Score(it.art.Text, it.art.Gold, polnear.Systems(qs))
}

// figures prints the suite's headline metrics from counts.
func figures(c polnear.Counts) string {
	overlap, exact, source, cue := c.Headline()
	return fmt.Sprintf("%.4f      %.4f    %.4f     %.4f  %d  %d", overlap, exact, source, cue, c.Sys, c.Gold)
}

// TestMissedCues prints, for the gold attributions of DYAD_QUOTE_LEARN that
// no system attribution overlaps, the word class and lemma of the cue's
// main word, counted.
func TestMissedCues(t *testing.T) {
	dir := os.Getenv("DYAD_QUOTE_LEARN")
	if dir == "" {
		t.Skip("set DYAD_QUOTE_LEARN to a PolNeAR split folder")
	}
	items := loadSplit(t, dir)
	byPOS := map[string]int{}
	byLemma := map[string]int{}
	for _, it := range items {
		sys := polnear.Systems(it.st.Quotes)
		d := it.st.Doc
		for _, g := range it.art.Gold {
			hit := false
			for _, s := range sys {
				if s.Content.Start < g.Content.End && s.Content.End > g.Content.Start {
					hit = true
				}
			}
			if hit {
				continue
			}
			pos, lem := "nocue", ""
			for i, tk := range d.Tokens {
				if tk.Start < g.Cue.End && tk.End > g.Cue.Start {
					if pos == "nocue" || tk.UPOS == "VERB" || (pos == "ADP" || pos == "PUNCT" || pos == "DET" || pos == "AUX") && tk.UPOS != "PUNCT" {
						pos, lem = tk.UPOS, tk.Lemma
						_ = i
					}
				}
			}
			byPOS[pos]++
			byLemma[pos+" "+strings.ToLower(lem)]++
		}
	}
	for k, v := range byPOS {
		fmt.Printf("pos %s %d\n", k, v)
	}
	for k, v := range byLemma {
		if v >= 8 {
			fmt.Printf("lemma %s %d\n", k, v)
		}
	}
}

// TestLearnSample prints the attributions that the fold-0 model adds on
// its held-out documents, each marked + when a gold content overlaps it.
func TestLearnSample(t *testing.T) {
	items, dict := learnSplit(t)
	th := floats(t, "DYAD_QUOTE_LEARN_TH", "0")[0]
	fb := floats(t, "DYAD_QUOTE_LEARN_FB", "3")[0]
	var exs []quote.CueExample
	for i, it := range items {
		if i%5 != 0 {
			exs = append(exs, it.example())
		}
	}
	m := quote.TrainCues(exs, quote.CueTrainConfig{Seed: 1})
	base := quote.New(dict).WithCues(nil, 0, 0)
	x := base.WithCues(m, th, fb)
	for i, it := range items {
		if i%5 != 0 {
			continue
		}
		old := map[[2]int]bool{}
		for _, q := range base.Extract(it.st.Doc, it.st.Times, nil) {
			old[[2]int{q.Start, q.End}] = true
		}
		txt := it.art.Text
		for _, q := range x.Extract(it.st.Doc, it.st.Times, nil) {
			if old[[2]int{q.Start, q.End}] {
				continue
			}
			mark := "-"
			for _, g := range it.art.Gold {
				if g.Content.Start < q.End && g.Content.End > q.Start {
					mark = "+"
					if g.Content.Start == q.Start && g.Content.End == q.End {
						mark = "="
					}
				}
			}
			fmt.Printf("%s %s [%s] %s\n", mark, q.Kind, txt[max(q.Cue.Start, 0):max(q.Cue.End, 0)], strings.ReplaceAll(txt[q.Start:q.End], "\n", " "))
		}
	}
}

// TestTrainCueModel trains the cue model on the whole split of
// DYAD_QUOTE_LEARN with the thresholds chosen by TestLearnCues and writes
// it to DYAD_QUOTE_TRAIN_OUT (the embedded model is
// internal/quote/models/cues.bin.gz; `dyad train quotes` does the same).
func TestTrainCueModel(t *testing.T) {
	dir, out := os.Getenv("DYAD_QUOTE_LEARN"), os.Getenv("DYAD_QUOTE_TRAIN_OUT")
	if dir == "" || out == "" {
		t.Skip("set DYAD_QUOTE_LEARN to a PolNeAR split folder and DYAD_QUOTE_TRAIN_OUT to the model file")
	}
	items := loadSplit(t, dir)
	exs := make([]quote.CueExample, len(items))
	for i, it := range items {
		exs[i] = it.example()
	}
	cfg := quote.DefaultCueTrainConfig()
	cfg.Log = os.Stderr
	m := quote.TrainCues(exs, cfg)
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := m.Write(f); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	fmt.Printf("wrote %s: %d features\n", out, m.Len())
}
