package parseeval

import (
	"context"
	"flag"
	"os"
	"testing"

	"github.com/dyadhq/dyad/internal/datadir/datatest"
	"github.com/dyadhq/dyad/internal/eval"
)

// TestSuite runs the suite on EWT dev with both tag sources ($DYAD_PARSE_MODEL
// picks a model file instead of the built-in one).
func TestSuite(t *testing.T) {
	path := datatest.Require(t, "ud-ewt", "en_ewt-ud-dev.conllu")
	s, ok := eval.Lookup("parse")
	if !ok {
		t.Fatal("suite parse not registered")
	}
	for _, tags := range []string{"gold", "tagger"} {
		fs := flag.NewFlagSet("parse", flag.ContinueOnError)
		s.Flags(fs)
		args := []string{"--tags", tags}
		if m := os.Getenv("DYAD_PARSE_MODEL"); m != "" {
			args = append(args, "--model", m)
		}
		if err := fs.Parse(append(args, path)); err != nil {
			t.Fatal(err)
		}
		r, err := s.Run(context.Background(), fs)
		if err != nil {
			t.Fatal(err)
		}
		las, _ := r.Metric("LAS")
		uas, _ := r.Metric("UAS")
		clas, _ := r.Metric("CLAS")
		full, _ := r.Metric("LAS_full")
		t.Logf("%s tags: UAS %.2f LAS %.2f LAS_full %.2f CLAS %.2f", tags, uas, las, full, clas)
		if las < 75 || uas < las || las < full {
			t.Errorf("%s tags: implausible scores UAS %.2f LAS %.2f LAS_full %.2f", tags, uas, las, full)
		}
	}
}
