// Package ud is the "ud" evaluation suite: dyad's analysis of a Universal
// Dependencies treebank scored with the CoNLL 2018 shared-task metrics
// (package udeval).
//
// In the default raw-text mode the suite rebuilds each document's text from
// the treebank (conllu.RawText), runs dyad's tokenizer and segmenter, then
// the annotation step when one is plugged in (Annotate), and scores Tokens,
// Sentences and Words, and UPOS, XPOS, UFeats, Lemmas, UAS, LAS and CLAS
// when annotating. With --gold-tokens the system starts from the gold words
// and sentences instead, so that the models are scored apart from
// tokenization. --segment-only scores tokenization and segmentation alone.
// The suite knows the models only through Annotate.
package ud

import (
	"context"
	"flag"
	"fmt"

	"github.com/dyadhq/dyad/internal/conllu"
	"github.com/dyadhq/dyad/internal/datadir"
	"github.com/dyadhq/dyad/internal/eval"
	"github.com/dyadhq/dyad/internal/segment"
	"github.com/dyadhq/dyad/internal/tokenize"
	"github.com/dyadhq/dyad/internal/udeval"
	"github.com/dyadhq/dyad/pkg/doc"
)

// Annotate tags, lemmatizes and parses a tokenized, segmented document in
// place (UPOS, XPOS, Feats, Lemma, Head, Deprel of its tokens). It is nil
// until the models exist; plugging them in is setting it, for example from
// this package's init:
//
//	Annotate = func(d *doc.Document) error { tag.Tag(d); lemma.Lemmatize(d); return parse.Parse(d) }
//
// When it is nil the suite reports Tokens, Sentences and Words only.
var Annotate func(d *doc.Document) error

// annotationMetrics are reported when the models run, in this order.
var annotationMetrics = []string{"UPOS", "XPOS", "UFeats", "Lemmas", "UAS", "LAS", "CLAS"}

func init() {
	eval.Register(&eval.Suite{
		Name:    "ud",
		Summary: "UD English EWT: tokens, sentences, words (and tags, lemmas, parses) with the CoNLL 2018 metrics",
		Usage:   "[--segment-only | --gold-tokens] [FILE.conllu]",
		Flags: func(fs *flag.FlagSet) {
			fs.Bool("segment-only", false, "score tokenization and segmentation only, from raw text")
			fs.Bool("gold-tokens", false, "start from the gold words and sentences and score the models")
		},
		Run: run,
	})
}

// Mode selects what the system starts from.
type Mode int

const (
	// Raw runs the tokenizer, segmenter and models on the rebuilt text.
	Raw Mode = iota
	// SegmentOnly runs the tokenizer and segmenter only.
	SegmentOnly
	// GoldTokens runs the models on the gold words and sentences.
	GoldTokens
)

func run(ctx context.Context, fs *flag.FlagSet) (*eval.Report, error) {
	path := datadir.Path("ud-ewt", "en_ewt-ud-test.conllu")
	if fs.NArg() > 1 {
		return nil, fmt.Errorf("one CoNLL-U file at most, got %d", fs.NArg())
	}
	if fs.NArg() == 1 {
		path = fs.Arg(0)
	}
	mode := Raw
	segOnly := fs.Lookup("segment-only").Value.(flag.Getter).Get().(bool)
	goldTok := fs.Lookup("gold-tokens").Value.(flag.Getter).Get().(bool)
	switch {
	case segOnly && goldTok:
		return nil, fmt.Errorf("--segment-only and --gold-tokens exclude each other")
	case segOnly:
		mode = SegmentOnly
	case goldTok:
		mode = GoldTokens
	}
	gold, err := conllu.ReadFile(path)
	if err != nil {
		return nil, err
	}
	sc, err := Evaluate(ctx, gold, mode, Annotate)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return report(path, mode, sc, Annotate != nil && mode != SegmentOnly), nil
}

// Evaluate runs dyad over the documents of gold in the given mode (with
// annotate, when not nil and the mode is not SegmentOnly) and scores the
// result.
func Evaluate(ctx context.Context, gold []conllu.Sentence, mode Mode, annotate func(*doc.Document) error) (*udeval.Scores, error) {
	var system []conllu.Sentence
	for _, d := range conllu.Documents(gold) {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		var dd *doc.Document
		if mode == GoldTokens {
			dd = conllu.ToWords(d)
		} else {
			raw := conllu.RawText(d)
			dd = &doc.Document{Text: raw.Text}
			dd.Tokens = tokenize.Tokenize(dd.Text)
			dd.Sentences = segment.Segment(dd.Text, dd.Tokens)
		}
		if id, ok := d[0].Comment("newdoc id"); ok {
			dd.ID = id
		}
		if err := dd.Check(); err != nil {
			return nil, fmt.Errorf("document %s: %w", dd.ID, err)
		}
		if annotate != nil && mode != SegmentOnly {
			if err := annotate(dd); err != nil {
				return nil, fmt.Errorf("document %s: %w", dd.ID, err)
			}
		}
		system = append(system, conllu.FromDocument(dd)...)
	}
	return udeval.Evaluate(gold, system)
}

func report(path string, mode Mode, sc *udeval.Scores, annotated bool) *eval.Report {
	rep := eval.NewReport("ud", path)
	names := []string{"Tokens", "Sentences", "Words"}
	if annotated {
		names = append(names, annotationMetrics...)
	}
	detail := map[string]any{}
	for _, name := range names {
		s, _ := sc.Get(name)
		rep.Set(name, eval.Pct(s.F1()))
		m := map[string]any{"precision": eval.Pct(s.Precision()), "recall": eval.Pct(s.Recall()),
			"f1": eval.Pct(s.F1()), "gold": s.Gold, "system": s.System, "correct": s.Correct}
		if name != "Tokens" && name != "Sentences" && name != "Words" {
			m["aligned_accuracy"] = eval.Pct(s.AlignedAccuracy())
		}
		detail[name] = m
		rep.Notef("%-9s P %6.2f  R %6.2f  F1 %6.2f  (gold %d, system %d, correct %d)", name,
			100*s.Precision(), 100*s.Recall(), 100*s.F1(), s.Gold, s.System, s.Correct)
	}
	modeName := map[Mode]string{Raw: "raw text", SegmentOnly: "raw text, segmentation only", GoldTokens: "gold tokens"}[mode]
	if !annotated && mode != SegmentOnly {
		modeName += " (no annotation step plugged in: tokens, sentences and words only)"
	}
	rep.Notef("mode: %s", modeName)
	rep.Extra = map[string]any{"mode": modeName, "scores": detail}
	return rep
}
