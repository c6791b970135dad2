package parseeval

import (
	"context"
	"os"
	"strconv"
	"testing"

	"github.com/dyadhq/dyad/internal/conllu"
	"github.com/dyadhq/dyad/internal/datadir/datatest"
	"github.com/dyadhq/dyad/internal/eval/ud"
	"github.com/dyadhq/dyad/internal/parse"
	"github.com/dyadhq/dyad/internal/parse/tagged"
	"github.com/dyadhq/dyad/pkg/doc"
)

// TestUDOfficial scores tagger + parser with the CoNLL 2018 metrics (package
// udeval) on gold tokens and on raw text (dyad's tokenizer and segmenter),
// for measuring by hand:
//
//	DYAD_PARSE_UD=en_ewt-ud-test.conllu go test -run UDOfficial -v ./internal/parse/parseeval
//
// $DYAD_PARSE_MODEL and $DYAD_TAGGER_MODEL pick model files.
func TestUDOfficial(t *testing.T) {
	file := os.Getenv("DYAD_PARSE_UD")
	if file == "" {
		t.Skip("set DYAD_PARSE_UD to an EWT file name to run")
	}
	gold, err := conllu.ReadFile(datatest.Require(t, "ud-ewt", file))
	if err != nil {
		t.Fatal(err)
	}
	var p *parse.Parser
	if m := os.Getenv("DYAD_PARSE_MODEL"); m != "" {
		p, err = parse.ReadFile(m)
	} else {
		p, err = parse.Load()
	}
	if err != nil {
		t.Fatal(err)
	}
	tg, err := tagged.Tagger(os.Getenv("DYAD_TAGGER_MODEL"))
	if err != nil {
		t.Fatal(err)
	}
	annotate := func(d *doc.Document) error { tg.Tag(d); p.Parse(d); return nil }
	for _, mode := range []struct {
		name string
		m    ud.Mode
	}{{"gold tokens", ud.GoldTokens}, {"raw text", ud.Raw}} {
		sc, err := ud.Evaluate(context.Background(), gold, mode.m, annotate)
		if err != nil {
			t.Fatal(err)
		}
		line := ""
		for _, name := range []string{"Tokens", "Sentences", "Words", "UPOS", "XPOS", "UAS", "LAS", "CLAS"} {
			s, _ := sc.Get(name)
			line += name + " " + pct(s.F1()) + "  "
		}
		t.Logf("%s, %s: %s", file, mode.name, line)
	}
}

func pct(f float64) string { return fmtFloat(100 * f) }

func fmtFloat(f float64) string { return strconv.FormatFloat(f, 'f', 2, 64) }
