package goldenrules

import (
	"context"
	"flag"
	"testing"

	"github.com/dyadhq/dyad/internal/datadir/datatest"
)

func TestNormalize(t *testing.T) {
	if got := Normalize("  It was a cold \nnight.\t"); got != "It was a cold night." {
		t.Errorf("Normalize: %q", got)
	}
}

func TestCheck(t *testing.T) {
	rules := []Rule{
		{Number: 1, Name: "simple", Input: "Hello World. My name is Jonas.", Expected: []string{"Hello World.", "My name is Jonas."}},
		{Number: 2, Name: "wrong on purpose", Input: "One. Two.", Expected: []string{"One. Two."}},
	}
	fails := Check(rules)
	if len(fails) != 1 || fails[0].Number != 2 || len(fails[0].Got) != 2 {
		t.Errorf("failures %+v", fails)
	}
}

// TestGoldenRules runs the suite on the shared data and asserts a floor
// below the measured 51/52.
func TestGoldenRules(t *testing.T) {
	path := datatest.Require(t, "golden-rules", "english.json")
	fs := flag.NewFlagSet("golden-rules", flag.ContinueOnError)
	if err := fs.Parse([]string{path}); err != nil {
		t.Fatal(err)
	}
	rep, err := run(context.Background(), fs)
	if err != nil {
		t.Fatal(err)
	}
	passed, _ := rep.Metric("passed")
	total, _ := rep.Metric("total")
	if total != 52 || passed < 49 {
		t.Errorf("passed %v/%v, want at least 49/52", passed, total)
		for _, n := range rep.Notes {
			t.Log(n)
		}
	}
}
