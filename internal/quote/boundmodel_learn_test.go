//go:build quotelearn

package quote_test

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/dyadhq/dyad/internal/eval/polnear"
	"github.com/dyadhq/dyad/internal/quote"
)

// TestLearnBounds cross-validates the bounds model on a PolNeAR-format
// split (DYAD_QUOTE_LEARN; use train, never dev): for each of five folds
// by document it trains on the others and scores the extractor with the
// fold's model at each margin of DYAD_BOUNDS_MARGIN (comma-separated) on
// the held-out documents, beside the extractor without one. It runs only
// with the quotelearn build tag:
//
//	DYAD_QUOTE_LEARN=/work/shared/data/polnear/train go test -tags quotelearn -run TestLearnBounds -v -timeout 30m ./internal/quote/
func TestLearnBounds(t *testing.T) {
	items, dict := learnSplit(t)
	margins := floats(t, "DYAD_BOUNDS_MARGIN", "0")
	const folds = 5
	base := quote.New(dict).WithBounds(nil)
	results := make([]polnear.Counts, len(margins)+1)
	cfg := quote.DefaultBoundTrainConfig()
	if v := os.Getenv("DYAD_BOUNDS_EPOCHS"); v != "" {
		cfg.Epochs, _ = strconv.Atoi(v)
	}
	for k := 0; k < folds; k++ {
		var exs []quote.BoundExample
		for i, it := range items {
			if i%folds != k {
				exs = append(exs, it.boundExample())
			}
		}
		m, st := quote.TrainBounds(base, exs, cfg)
		fmt.Printf("fold %d: %+v, %d features\n", k, st, m.Len())
		var held []quote.BoundExample
		for i, it := range items {
			if i%folds == k {
				held = append(held, it.boundExample())
			}
		}
		for _, mg := range margins {
			mm := *m
			mm.Margin = mg
			ds := quote.EvalBounds(base, &mm, held)
			fmt.Printf("  margin %v: starts %d rules %d model %d; ends %d rules %d model %d\n", mg,
				ds.Starts, ds.RuleStarts, ds.ModelStarts, ds.Ends, ds.RuleEnds, ds.ModelEnds)
		}
		xs := make([]*quote.Extractor, len(margins))
		for j, mg := range margins {
			mm := *m
			mm.Margin = mg
			xs[j] = quote.New(dict).WithBounds(&mm)
		}
		for i, it := range items {
			if i%folds != k {
				continue
			}
			results[0].Add(it.score(base))
			for j, x := range xs {
				results[j+1].Add(it.score(x))
			}
		}
	}
	fmt.Println("margin  overlap_f1  exact_f1  source_f1  cue_f1  system  gold")
	for j, c := range results {
		name := "rules "
		if j > 0 {
			name = fmt.Sprintf("%-6v", margins[j-1])
		}
		fmt.Printf("%s  %s\n", name, figures(c))
	}
}

func (it learnItem) boundExample() quote.BoundExample {
	e := quote.BoundExample{Doc: it.st.Doc, Times: it.st.Times}
	for _, g := range it.art.Gold {
		e.Gold = append(e.Gold, quote.GoldSpans{Cue: [2]int{g.Cue.Start, g.Cue.End}, Content: [2]int{g.Content.Start, g.Content.End}})
	}
	return e
}

// TestBoundsSample prints, for the held-out documents of fold 0, each
// content whose edges the fold's model or the rules set apart from the
// gold's: R the rules', M the model's, G the gold content.
func TestBoundsSample(t *testing.T) {
	items, dict := learnSplit(t)
	base := quote.New(dict).WithBounds(nil)
	var exs []quote.BoundExample
	for i, it := range items {
		if i%5 != 0 {
			exs = append(exs, it.boundExample())
		}
	}
	m, _ := quote.TrainBounds(base, exs, quote.DefaultBoundTrainConfig())
	x := quote.New(dict).WithBounds(m)
	clip := func(s string) string { return strings.ReplaceAll(s, "\n", " ") }
	var good, bad, both int
	for i, it := range items {
		if i%5 != 0 {
			continue
		}
		txt := it.art.Text
		rules := map[[2]int]quote.Quote{}
		for _, q := range base.Extract(it.st.Doc, it.st.Times, nil) {
			rules[[2]int{q.Cue.Start, q.Cue.End}] = q
		}
		for _, q := range x.Extract(it.st.Doc, it.st.Times, nil) {
			r, ok := rules[[2]int{q.Cue.Start, q.Cue.End}]
			if !ok || q.Kind == quote.Direct || q.Continues >= 0 {
				continue
			}
			for _, g := range it.art.Gold {
				if g.Cue.Start >= q.Cue.End || g.Cue.End <= q.Cue.Start {
					continue
				}
				gs := [2]int{g.Content.Start, g.Content.End}
				rOK, mOK := gs == [2]int{r.Start, r.End}, gs == [2]int{q.Start, q.End}
				switch {
				case rOK && mOK:
					continue
				case mOK:
					good++
				case rOK:
					bad++
				default:
					both++
				}
				fmt.Printf("%s/%s %s [%s]\n  R %s\n  M %s\n  G %s\n", boolMark(rOK), boolMark(mOK), q.Kind, txt[q.Cue.Start:q.Cue.End],
					clip(txt[r.Start:r.End]), clip(txt[q.Start:q.End]), clip(txt[gs[0]:gs[1]]))
				break
			}
		}
	}
	fmt.Printf("model right, rules wrong %d; rules right, model wrong %d; both wrong %d\n", good, bad, both)
}

func boolMark(b bool) string {
	if b {
		return "+"
	}
	return "-"
}
