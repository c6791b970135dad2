package petrarcheval

import (
	"context"
	"os"
	"testing"

	"github.com/dyadhq/dyad/internal/datadir/datatest"
)

func TestScore(t *testing.T) {
	got := []triple{{"A", "B", "040"}, {"A", "C", "190"}}
	want := []triple{{"A", "B", "040"}, {"B", "A", "040"}}
	c := score(got, want)
	if c.TP != 1 || c.FP != 1 || c.FN != 1 {
		t.Errorf("score = %+v, want TP 1 FP 1 FN 1", c)
	}
}

// TestGoldParseGSR runs the coder on the GSR file's gold UD parses, which
// needs no trained model, and checks a floor well below the measured figure.
func TestGoldParseGSR(t *testing.T) {
	path := datatest.Require(t, "petrarch", "gsr", "gsr_dev.xml")
	for _, verbs := range []string{"own", "dict"} {
		rep, err := Run(context.Background(), Options{Records: path, Verbs: verbs, GoldParse: true, Errors: 100})
		if err != nil {
			t.Fatal(err)
		}
		f1, _ := rep.Metric("f1")
		p, _ := rep.Metric("precision")
		r, _ := rep.Metric("recall")
		ex, _ := rep.Metric("exact_match")
		t.Logf("%s verbs, gold parse: P %.3f R %.3f F1 %.3f exact %.3f", verbs, p, r, f1, ex)
		if os.Getenv("PETR_ERRORS") == "gold" {
			rep.WriteText(os.Stdout)
		}
		if f1 < 0.25 {
			t.Errorf("%s verbs: F1 %.3f below the floor", verbs, f1)
		}
	}
}

// TestRawText scores both record files from raw text through dyad's parse,
// with dyad's lexicon and in compat mode; it skips while the parser model
// cannot be loaded.
func TestRawText(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: parses every record")
	}
	files := [][]string{{"petrarch", "unit-tests", "PETR.UnitTest.records.xml"}, {"petrarch", "gsr", "gsr_dev.xml"}}
	for _, p := range files {
		path := datatest.Require(t, p...)
		for _, verbs := range []string{"own", "dict"} {
			rep, err := Run(context.Background(), Options{Records: path, Verbs: verbs, Errors: 400})
			if err != nil {
				t.Skipf("cannot run the stack: %v", err)
			}
			f1, _ := rep.Metric("f1")
			pr, _ := rep.Metric("precision")
			r, _ := rep.Metric("recall")
			ex, _ := rep.Metric("exact_match")
			t.Logf("%s, %s verbs, raw text: P %.3f R %.3f F1 %.3f exact %.3f", p[len(p)-1], verbs, pr, r, f1, ex)
			if os.Getenv("PETR_ERRORS") == p[len(p)-1]+":"+verbs {
				rep.WriteText(os.Stdout)
			}
			// The unit tests' gold uses the Validate dictionary's own (WEIS)
			// codes, which dyad's lexicon does not speak: no floor there.
			if (verbs == "dict" || p[1] == "gsr") && f1 < 0.2 {
				t.Errorf("%s %s: F1 %.3f below the floor", p[len(p)-1], verbs, f1)
			}
			// dyad's own lexicon on the GSR records: measured 0.64 (P 0.74)
			if p[1] == "gsr" && verbs == "own" && (f1 < 0.45 || pr < 0.5) {
				t.Errorf("gsr own: P %.3f F1 %.3f below the floor", pr, f1)
			}
		}
	}
}
