// Package petrarcheval is the `dyad eval petrarch` suite: it codes the
// sentences of a PETRARCH validation-records file (unit tests, the
// UniversalPetrarch GSR) from their raw text through dyad's own tokenizer,
// tagger, lemmatizer and parser, and scores the coded (source, target, event
// code) triples against the gold codings: event-level precision, recall, F1
// and the share of records coded exactly. Actors come from the actor and
// agent dictionaries the file's <Environment> names, and sentences with a
// phrase of its discard list are not coded; the verbs come from dyad's own
// lexicon, or with --verbs dict from the file's verb dictionary (compat
// mode). It knows nothing of how the coder works inside.
package petrarcheval

import (
	"context"
	"flag"
	"fmt"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/dyadhq/dyad/internal/actor/petrarch"
	"github.com/dyadhq/dyad/internal/conllu"
	"github.com/dyadhq/dyad/internal/datadir"
	"github.com/dyadhq/dyad/internal/eval"
	"github.com/dyadhq/dyad/internal/event"
	"github.com/dyadhq/dyad/internal/event/compat"
	recs "github.com/dyadhq/dyad/internal/petrarch"
	"github.com/dyadhq/dyad/internal/pipeline"
	"github.com/dyadhq/dyad/pkg/doc"
)

func init() {
	var records, dicts, verbs *string
	var gold *bool
	var errs *int
	eval.Register(&eval.Suite{
		Name:    "petrarch",
		Summary: "event coder on PETRARCH validation records: P/R/F1 on (source, target, code), exact records",
		Usage:   "--records FILE [--dictionaries DIR] [--verbs own|dict] [--gold-parse]",
		Flags: func(fs *flag.FlagSet) {
			records = fs.String("records", DefaultRecords(), "validation-records file")
			dicts = fs.String("dictionaries", "", "dictionary folder (default: dictionaries/ beside the records); naming it selects compat mode (--verbs dict)")
			verbs = fs.String("verbs", "own", "verb patterns: own (dyad's lexicon) or dict (the Environment's verb dictionary: compat mode)")
			gold = fs.Bool("gold-parse", false, "use the records' CoNLL-U parses instead of dyad's parse (for comparison)")
			errs = fs.Int("errors", 0, "print up to N records coded wrongly")
		},
		Run: func(ctx context.Context, fs *flag.FlagSet) (*eval.Report, error) {
			// Naming the dictionaries is asking for compat mode: their verbs too,
			// unless --verbs says otherwise.
			set := map[string]bool{}
			fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
			v := *verbs
			if set["dictionaries"] && !set["verbs"] {
				v = "dict"
			}
			return Run(ctx, Options{Records: *records, Dictionaries: *dicts, Verbs: v, GoldParse: *gold, Errors: *errs})
		},
	})
}

// DefaultRecords is the PETRARCH unit-test file under the data folder.
func DefaultRecords() string {
	return datadir.Path("petrarch", "unit-tests", "PETR.UnitTest.records.xml")
}

// Options tune a run.
type Options struct {
	Records      string
	Dictionaries string // "" : dictionaries/ beside Records
	Verbs        string // "own" or "dict"
	GoldParse    bool
	Errors       int
}

type triple struct{ src, tgt, code string }

func (t triple) String() string { return t.src + " " + t.tgt + " " + t.code }

// Run scores one records file.
func Run(ctx context.Context, o Options) (*eval.Report, error) {
	f, err := recs.ReadFile(o.Records)
	if err != nil {
		return nil, err
	}
	dir := o.Dictionaries
	if dir == "" {
		dir = filepath.Join(filepath.Dir(o.Records), "dictionaries")
	}
	var paths []string
	for _, a := range append(append([]string{}, f.Env.ActorFiles...), f.Env.AgentFiles...) {
		paths = append(paths, filepath.Join(dir, a))
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("%s: <Environment> names no actor or agent files", o.Records)
	}
	dict, err := petrarch.Load(paths...)
	if err != nil {
		return nil, err
	}
	lex, err := event.LoadOwn()
	if err != nil {
		return nil, err
	}
	switch o.Verbs {
	case "own", "":
	case "dict":
		if f.Env.VerbFile == "" {
			return nil, fmt.Errorf("%s: <Environment> names no verb file", o.Records)
		}
		vl, _, err := compat.LoadVerbs(filepath.Join(dir, f.Env.VerbFile))
		if err != nil {
			return nil, err
		}
		lex = lex.WithRulesOf(vl)
	default:
		return nil, fmt.Errorf("--verbs %q: want own or dict", o.Verbs)
	}
	var discards *compat.Discards
	if f.Env.DiscardFile != "" {
		if discards, err = compat.LoadDiscards(filepath.Join(dir, f.Env.DiscardFile)); err != nil {
			return nil, err
		}
	}
	// The gold is dyadic: an act without a named target is not scored.
	coder := event.NewWith(lex, dict, event.Options{RequireTarget: true})
	var pl *pipeline.Pipeline
	if !o.GoldParse {
		if pl, err = pipeline.New(pipeline.Options{Until: "parse"}); err != nil {
			return nil, err
		}
	}
	include := map[string]bool{}
	for _, c := range f.Env.Include {
		include[c] = true
	}
	rep := eval.NewReport("petrarch", o.Records)
	var prf eval.PRF
	n, exact, skipped := 0, 0, 0
	shown := 0
	for i := range f.Records {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		r := &f.Records[i]
		if !r.Evaluate || (len(include) > 0 && r.Category != "" && !include[r.Category]) {
			skipped++
			continue
		}
		var d *doc.Document
		if o.GoldParse {
			sents, err := conllu.Read(strings.NewReader(r.Parse), fmt.Sprintf("%s:%d", o.Records, r.Line))
			if err != nil || len(sents) == 0 {
				skipped++ // a bracketed (Penn) parse: only CoNLL-U is used
				continue
			}
			d = conllu.ToDocument(sents)
		} else {
			d = &doc.Document{Text: r.Text}
		}
		d.Published = r.Date
		if pl != nil {
			if _, err := pl.Process(d); err != nil {
				return nil, fmt.Errorf("%s:%d: %w", o.Records, r.Line, err)
			}
		}
		var got []triple
		if ok, _ := discards.Match(r.Text); !ok {
			got = predicted(coder.Code(d, nil, nil))
		}
		want := expected(r)
		c := score(got, want)
		prf.Add(c)
		n++
		if c.FP == 0 && c.FN == 0 {
			exact++
		} else if shown < o.Errors {
			shown++
			rep.Notef("%s [%s] %s\n    gold %v\n    got  %v", r.ID, r.Category, r.Text, want, got)
		}
	}
	if n == 0 {
		return nil, fmt.Errorf("%s: no records to evaluate", o.Records)
	}
	rep.Set("precision", prf.Precision())
	rep.Set("recall", prf.Recall())
	rep.Set("f1", prf.F1())
	rep.Set("exact_match", float64(exact)/float64(n))
	rep.Set("records", float64(n))
	rep.Set("gold_events", float64(prf.TP+prf.FN))
	rep.Set("coded_events", float64(prf.TP+prf.FP))
	parse := "dyad's parse from raw text"
	if o.GoldParse {
		parse = "the records' gold CoNLL-U parses"
	}
	rep.Notef("verbs: %s; actors: %s; %s; %d records skipped (evaluate=false, excluded category, or no usable parse)",
		verbsName(o.Verbs, f.Env.VerbFile), dir, parse, skipped)
	return rep, nil
}

func verbsName(v, file string) string {
	if v == "dict" {
		return file + " (compat)"
	}
	return "dyad lexicon"
}

// predicted keeps the asserted events and those stated for the future
// ("will supply arms", which PETRARCH's gold codes as the act), once each.
func predicted(evs []event.Event) []triple {
	var out []triple
	for _, e := range evs {
		if e.Negated || (e.Modality != "" && e.Modality != event.ModFuture) {
			continue
		}
		t := triple{e.Source.Code, e.Target.Code, e.Code}
		if t.tgt == "" {
			t.tgt = "---"
		}
		if !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	sortTriples(out)
	return out
}

func expected(r *recs.Record) []triple {
	var out []triple
	if r.NoEvents || r.Error != "" {
		return nil
	}
	for _, c := range r.Codings {
		if c.Event == "" {
			continue
		}
		t := triple{c.Source, c.Target, c.Event}
		if !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	sortTriples(out)
	return out
}

func sortTriples(ts []triple) {
	sort.Slice(ts, func(i, j int) bool { return ts[i].String() < ts[j].String() })
}

func score(got, want []triple) eval.PRF {
	var c eval.PRF
	for _, g := range got {
		if slices.Contains(want, g) {
			c.TP++
		} else {
			c.FP++
		}
	}
	c.FN = len(want) - c.TP
	return c
}
