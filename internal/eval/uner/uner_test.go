package uner

import (
	"context"
	"testing"

	"github.com/dyadhq/dyad/internal/datadir/datatest"
)

// TestFloor runs the suite on UNER EWT test and checks a floor well below
// the measured figure (see docs/entities.md).
func TestFloor(t *testing.T) {
	path := datatest.Require(t, "uner-ewt", "en_ewt-ud-test.iob2")
	rep, err := Run(context.Background(), path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	floors := map[string]float64{"F1": 60, "PER_F1": 60, "LOC_F1": 60, "ORG_F1": 35}
	for _, n := range rep.Names() {
		v, _ := rep.Metric(n)
		t.Logf("%s %.2f", n, v)
	}
	for name, floor := range floors {
		if v, _ := rep.Metric(name); v < floor {
			t.Errorf("%s = %.2f, want >= %.0f", name, v, floor)
		}
	}
}
