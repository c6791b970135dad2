package actoreval

import (
	"context"
	"strings"
	"testing"

	"github.com/dyadhq/dyad/internal/datadir/datatest"
	"github.com/dyadhq/dyad/pkg/doc"
)

func TestParseGold(t *testing.T) {
	gold, err := ParseGold(reutersGold)
	if err != nil {
		t.Fatal(err)
	}
	if len(gold) < 50 {
		t.Errorf("%d gold mentions, want at least 50", len(gold))
	}
	for _, bad := range []string{"1\tx\t0\tUSA\n", "1\tx\n", "1\t \t1\tUSA\n"} {
		if _, err := ParseGold(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestFind(t *testing.T) {
	d := &doc.Document{Text: "the Soviet leader met the Soviet leader"}
	off := 0
	for _, w := range strings.Fields(d.Text) {
		i := strings.Index(d.Text[off:], w) + off
		d.Tokens = append(d.Tokens, doc.Token{Start: i, End: i + len(w)})
		off = i + len(w)
	}
	tests := []struct {
		words string
		n     int
		want  int
	}{{"Soviet leader", 1, 2}, {"Soviet leader", 2, 6}, {"Soviet leader", 3, -1}, {"he", 1, -1}}
	for _, tc := range tests {
		if got := find(d, strings.Fields(tc.words), tc.n); got != tc.want {
			t.Errorf("find(%q, %d) = %d, want %d", tc.words, tc.n, got, tc.want)
		}
	}
}

// TestFloors runs the suite and checks floors well below the measured
// figures (docs/entities.md).
func TestFloors(t *testing.T) {
	datatest.Require(t, "petrarch")
	datatest.Require(t, "reuters21578")
	if testing.Short() {
		t.Skip("reads the whole Reuters archive")
	}
	rep, err := Run(context.Background(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range rep.Names() {
		v, _ := rep.Metric(n)
		t.Logf("%s %.2f", n, v)
	}
	for _, n := range rep.Notes {
		t.Log(n)
	}
	floors := map[string]float64{"gsr_recall": 40, "unit_recall": 40, "reuters_exact": 50, "reuters_country": 60}
	for name, floor := range floors {
		if v, _ := rep.Metric(name); v < floor {
			t.Errorf("%s = %.2f, want >= %.0f", name, v, floor)
		}
	}
}
