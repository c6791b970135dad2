// Package parseeval is the "parse" evaluation suite: it parses a CoNLL-U
// treebank on its gold tokens, with its gold tags or with the tags of dyad's
// tagger, and prints UAS, LAS (universal relations, as CoNLL 2018 scores
// them), LAS over full relations and CLAS.
package parseeval

import (
	"context"
	"flag"
	"fmt"

	"github.com/dyadhq/dyad/internal/conllu"
	"github.com/dyadhq/dyad/internal/datadir"
	"github.com/dyadhq/dyad/internal/eval"
	"github.com/dyadhq/dyad/internal/parse"
	"github.com/dyadhq/dyad/internal/tag"
)

func init() {
	eval.Register(&eval.Suite{
		Name:    "parse",
		Summary: "dependency parser on gold tokens: UAS, LAS, CLAS (EWT dev by default)",
		Usage:   "[--tags tagger|gold] [--model FILE] [FILE.conllu]",
		Flags: func(fs *flag.FlagSet) {
			fs.String("tags", "tagger", "tags to parse with: tagger (dyad's, as in use) or gold (the file's)")
			fs.String("model", "", "parser model file (default: the one built in)")
		},
		Run: run,
	})
}

func run(_ context.Context, fs *flag.FlagSet) (*eval.Report, error) {
	path := datadir.Path("ud-ewt", "en_ewt-ud-dev.conllu")
	if fs.NArg() > 0 {
		path = fs.Arg(0)
	}
	tags := fs.Lookup("tags").Value.String()
	modelPath := fs.Lookup("model").Value.String()
	sents, err := conllu.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var p *parse.Parser
	if modelPath != "" {
		p, err = parse.ReadFile(modelPath)
	} else {
		p, err = parse.Load()
	}
	if err != nil {
		return nil, err
	}
	d := parse.GoldTokens(sents)
	switch tags {
	case "gold":
	case "tagger":
		tg, err := tag.Load()
		if err != nil {
			return nil, err
		}
		tg.Tag(d)
	default:
		return nil, fmt.Errorf("--tags %q: want tagger or gold", tags)
	}
	p.Parse(d)
	sc := parse.ScoreDocument(d, sents)
	r := eval.NewReport("parse", path)
	r.Set("words", float64(sc.Words))
	r.Set("UAS", round2(sc.UAS()))
	r.Set("LAS", round2(sc.LAS()))
	r.Set("LAS_full", round2(sc.LASFull()))
	r.Set("CLAS", round2(sc.CLAS()))
	r.Notef("gold tokens, %s tags; LAS compares universal relations (CoNLL 2018), LAS_full whole labels; punctuation counts", tags)
	return r, nil
}

func round2(x float64) float64 { return eval.Pct(x / 100) }
