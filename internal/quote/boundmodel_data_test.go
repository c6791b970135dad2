package quote_test

import (
	"testing"

	"github.com/dyadhq/dyad/internal/actor"
	"github.com/dyadhq/dyad/internal/datadir/datatest"
	"github.com/dyadhq/dyad/internal/eval/polnear"
	"github.com/dyadhq/dyad/internal/pipeline"
	"github.com/dyadhq/dyad/internal/quote"
	"github.com/dyadhq/dyad/pkg/doc"
)

// TestBoundModelPolNeAR scores the extractor with and without the bounds
// model on the first articles of PolNeAR dev (`dyad eval polnear` gives
// the figures on all of it): content overlap and exact F1 must stay above
// floors well below those measured, and the model must not score below
// the rules alone.
func TestBoundModelPolNeAR(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the pipeline over PolNeAR dev")
	}
	dir := datatest.Require(t, "polnear", "dev")
	arts, err := polnear.Load(dir, 40)
	if err != nil {
		t.Fatal(err)
	}
	// Up to the times: contents do not depend on the entity stage.
	p, err := pipeline.New(pipeline.Options{Until: "timex"})
	if err != nil {
		t.Fatal(err)
	}
	dict, err := actor.Load()
	if err != nil {
		t.Fatal(err)
	}
	x := quote.New(dict)
	rules := x.WithBounds(nil)
	var with, without polnear.Counts
	for _, a := range arts {
		st, err := p.Process(&doc.Document{ID: a.Name, Text: a.Text, Origin: a.Name})
		if err != nil {
			t.Fatal(err)
		}
		with.Add(polnear.Score(a.Text, a.Gold, polnear.Systems(x.Extract(st.Doc, st.Times, nil))))
		without.Add(polnear.Score(a.Text, a.Gold, polnear.Systems(rules.Extract(st.Doc, st.Times, nil))))
	}
	overlap, exact, _, _ := with.Headline()
	rOverlap, rExact, _, _ := without.Headline()
	t.Logf("%d articles: content overlap F1 %.4f (rules alone %.4f), exact F1 %.4f (%.4f)", len(arts), overlap, rOverlap, exact, rExact)
	if overlap < 0.70 || exact < 0.50 {
		t.Errorf("content overlap F1 %.4f (floor 0.70), exact F1 %.4f (floor 0.50)", overlap, exact)
	}
	if overlap < rOverlap || exact < rExact {
		t.Errorf("the bounds model scores below the rules alone: overlap %.4f < %.4f or exact %.4f < %.4f", overlap, rOverlap, exact, rExact)
	}
}
