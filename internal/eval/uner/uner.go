// Package uner is the `dyad eval uner` suite: exact-span precision, recall
// and F1 of the named-entity recognizer (package ner), per type and
// micro-averaged overall, on Universal NER English EWT with its gold words.
// The words are tagged by the embedded tagger and matched against the
// embedded actor dictionary, as in the pipeline. It knows nothing of how the
// model was trained.
package uner

import (
	"context"
	"flag"
	"fmt"
	"strings"

	"github.com/dyadhq/dyad/internal/actor"
	"github.com/dyadhq/dyad/internal/datadir"
	"github.com/dyadhq/dyad/internal/eval"
	"github.com/dyadhq/dyad/internal/ner"
	"github.com/dyadhq/dyad/internal/tag"
)

func init() {
	var errs *int
	var noGaz *bool
	eval.Register(&eval.Suite{
		Name:    "uner",
		Summary: "named entities on Universal NER English EWT: exact-span P/R/F1 per type (PER, ORG, LOC) and overall",
		Usage:   "[FILE.iob2] (default: uner-ewt/en_ewt-ud-test.iob2)",
		Flags: func(fs *flag.FlagSet) {
			errs = fs.Int("errors", 0, "print up to N sentences with errors")
			noGaz = fs.Bool("no-gazetteer", false, "do not match the actor dictionary (ablation)")
		},
		Run: func(ctx context.Context, fs *flag.FlagSet) (*eval.Report, error) {
			path := DefaultPath()
			if fs.NArg() > 0 {
				path = fs.Arg(0)
			}
			return Run(ctx, path, Options{Errors: *errs, NoGazetteer: *noGaz})
		},
	})
}

// DefaultPath is the UNER EWT test file under the data folder.
func DefaultPath() string { return datadir.Path("uner-ewt", "en_ewt-ud-test.iob2") }

// Options tune a run.
type Options struct {
	Errors      int
	NoGazetteer bool
	Model       *ner.Model // nil: the embedded model
}

// Run scores the model on an IOB2 file. Metric names: P, R, F1 (overall,
// in percent), then PER_P, PER_R, PER_F1 and the same for ORG and LOC.
func Run(ctx context.Context, path string, opt Options) (*eval.Report, error) {
	sents, err := ner.ReadIOB2File(path)
	if err != nil {
		return nil, err
	}
	m := opt.Model
	if m == nil {
		if m, err = ner.Load(); err != nil {
			return nil, err
		}
	}
	tagger, err := tag.Load()
	if err != nil {
		return nil, err
	}
	var dict *actor.Dictionary
	if !opt.NoGazetteer {
		if dict, err = actor.Load(); err != nil {
			return nil, err
		}
	}
	s := ner.NewScores()
	shown := 0
	rep := eval.NewReport("uner", path)
	for _, sent := range sents {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		p := ner.Prepare(sent, tagger, dict)
		pred := m.Label(p)
		s.Add(sent.Labels, pred)
		if shown < opt.Errors && !equal(sent.Labels, pred) {
			shown++
			rep.Notef("%s: %s", sent.ID, diff(sent.Words, sent.Labels, pred))
		}
	}
	rep.Set("P", 100*s.All.P())
	rep.Set("R", 100*s.All.R())
	rep.Set("F1", 100*s.All.F1())
	for _, t := range ner.Types {
		c := s.ByType[t]
		rep.Set(t+"_P", 100*c.P())
		rep.Set(t+"_R", 100*c.R())
		rep.Set(t+"_F1", 100*c.F1())
	}
	rep.Set("sentences", float64(len(sents)))
	rep.Set("gold_entities", float64(s.All.Gold))
	rep.Notef("exact-span match on gold words; tags from the embedded tagger; gazetteer: %v", !opt.NoGazetteer)
	return rep, nil
}

func equal(a, b []string) bool {
	for i := range a {
		if !sameLabel(a[i], b[i]) {
			return false
		}
	}
	return true
}

// sameLabel compares labels as scored: a gold OTH span, which the scorer
// reads as O, is no error.
func sameLabel(gold, pred string) bool {
	return ner.LabelIndex(gold) == ner.LabelIndex(pred)
}

// diff prints the sentence with gold/predicted labels on words where they
// differ.
func diff(words, gold, pred []string) string {
	var b strings.Builder
	for i, w := range words {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
		if !sameLabel(gold[i], pred[i]) {
			fmt.Fprintf(&b, "[%s|%s]", gold[i], pred[i])
		}
	}
	return b.String()
}
