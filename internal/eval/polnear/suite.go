package polnear

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/dyadhq/dyad/internal/datadir"
	"github.com/dyadhq/dyad/internal/eval"
	"github.com/dyadhq/dyad/internal/pipeline"
	"github.com/dyadhq/dyad/internal/quote"
	"github.com/dyadhq/dyad/pkg/doc"
)

func init() {
	var errs *int
	var agree *bool
	eval.Register(&eval.Suite{
		Name:    "polnear",
		Summary: "quote attribution on PolNeAR (BRAT Source/Cue/Content): content exact/overlap, source and cue F1",
		Usage:   "[DIR] (a split folder with text/ and attributions/; default polnear/dev)",
		Flags: func(fs *flag.FlagSet) {
			errs = fs.Int("errors", 0, "print up to N missed and N spurious contents")
			agree = fs.Bool("agreement", false, "score annotators against each other (and dyad against each) on the articles several people annotated: the human ceiling")
		},
		Run: func(ctx context.Context, fs *flag.FlagSet) (*eval.Report, error) {
			dir := datadir.Path("polnear", "dev")
			if fs.NArg() > 0 {
				dir = fs.Arg(0)
			}
			if *agree {
				return Agreement(ctx, dir)
			}
			return Run(ctx, dir, Options{Errors: *errs})
		},
	})
}

// Options tune a run.
type Options struct {
	Errors   int // example errors to print
	MaxFiles int // read at most this many articles (0 all)
}

// Article is one text with its gold attributions.
type Article struct {
	Name string
	Text string
	Gold []Attribution
}

// Load reads a split folder: every text/NAME.txt with the first
// attributions/NAME_*.ann in name order (articles annotated by several
// people are scored once, against the first annotator). A text without an
// .ann file is an error.
func Load(dir string, maxFiles int) ([]Article, error) {
	return load(dir, maxFiles, false)
}

// LoadAll reads a split folder like Load, but with every annotator's file:
// an article annotated by k people gives k Articles (same Name and Text, in
// annotator-id order).
func LoadAll(dir string) ([]Article, error) { return load(dir, 0, true) }

func load(dir string, maxFiles int, every bool) ([]Article, error) {
	texts, err := filepath.Glob(filepath.Join(dir, "text", "*.txt"))
	if err != nil {
		return nil, err
	}
	if len(texts) == 0 {
		return nil, fmt.Errorf("polnear: no text/*.txt in %s", dir)
	}
	anns, err := filepath.Glob(filepath.Join(dir, "attributions", "*.ann"))
	if err != nil {
		return nil, err
	}
	sort.Strings(texts)
	sort.Strings(anns)
	var out []Article
	for n, tp := range texts {
		if maxFiles > 0 && n >= maxFiles {
			break
		}
		name := strings.TrimSuffix(filepath.Base(tp), ".txt")
		var aps []string
		for _, a := range anns {
			b := strings.TrimSuffix(filepath.Base(a), ".ann")
			if i := strings.LastIndexByte(b, '_'); i > 0 && b[:i] == name {
				aps = append(aps, a)
				if !every {
					break
				}
			}
		}
		if len(aps) == 0 {
			return nil, fmt.Errorf("polnear: %s: no attributions/%s_*.ann", tp, name)
		}
		tb, err := os.ReadFile(tp)
		if err != nil {
			return nil, err
		}
		if !validText(tb) {
			return nil, fmt.Errorf("polnear: %s: not UTF-8", tp)
		}
		for _, ap := range aps {
			ab, err := os.ReadFile(ap)
			if err != nil {
				return nil, err
			}
			gold, err := ParseAnn(ab, string(tb))
			if err != nil {
				return nil, fmt.Errorf("polnear: %s: %w", ap, err)
			}
			out = append(out, Article{Name: name, Text: string(tb), Gold: gold})
		}
	}
	return out, nil
}

// Run scores the quotes stage on a split folder.
func Run(ctx context.Context, dir string, opt Options) (*eval.Report, error) {
	arts, err := Load(dir, opt.MaxFiles)
	if err != nil {
		return nil, err
	}
	rep := eval.NewReport("polnear", dir)
	process, err := newProcessor()
	if err != nil {
		return nil, err
	}
	var all Counts
	var missed, spurious []string
	for _, a := range arts {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		d := &doc.Document{ID: a.Name, Text: a.Text, Origin: a.Name}
		qs, err := process(d)
		if err != nil {
			return nil, err
		}
		sys := Systems(qs)
		c := Score(a.Text, a.Gold, sys)
		all.Add(c)
		if opt.Errors > 0 {
			missed, spurious = examples(a, sys, missed, spurious, opt.Errors)
		}
	}
	setMetrics(rep, "", all)
	rep.Set("documents", float64(len(arts)))
	rep.Notef("alignment rules: internal/eval/polnear/score.go (Counts); one .ann per article (first annotator)")
	for _, m := range missed {
		rep.Notef("missed:   %s", m)
	}
	for _, s := range spurious {
		rep.Notef("spurious: %s", s)
	}
	return rep, nil
}

// Headline returns the suite's four headline figures from c: content
// overlap F1, content exact F1, source F1 and cue F1.
func (c Counts) Headline() (overlap, exact, source, cue float64) {
	_, _, exact = f1(float64(c.ContentExact), float64(c.Sys), float64(c.Gold))
	_, _, overlap = c.overlap()
	_, _, source = f1(float64(c.SrcTP), float64(c.SrcSys), float64(c.SrcGold))
	_, _, cue = f1(float64(c.CueTP), float64(c.CueSys), float64(c.CueGold))
	return
}

// overlap returns content overlap precision, recall and F1, whose
// precision and recall use their own credit sums.
func (c Counts) overlap() (p, r, f float64) {
	p, _, _ = f1(c.OverlapP, float64(c.Sys), 1)
	_, r, _ = f1(c.OverlapR, 1, float64(c.Gold))
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

// setMetrics sets c's figures in rep, each name after prefix.
func setMetrics(rep *eval.Report, prefix string, c Counts) {
	_, _, fe := f1(float64(c.ContentExact), float64(c.Sys), float64(c.Gold))
	op, or, fo := c.overlap()
	ps, rs, fs := f1(float64(c.SrcTP), float64(c.SrcSys), float64(c.SrcGold))
	pc, rc, fc := f1(float64(c.CueTP), float64(c.CueSys), float64(c.CueGold))
	_, _, fse := f1(float64(c.SrcExac), float64(c.SrcSys), float64(c.SrcGold))
	_, _, fce := f1(float64(c.CueExac), float64(c.CueSys), float64(c.CueGold))
	_, _, fa := f1(float64(c.Aligned), float64(c.Sys), float64(c.Gold))
	for _, m := range []struct {
		name string
		v    float64
	}{
		{"content_exact_f1", fe}, {"content_overlap_f1", fo}, {"content_overlap_p", op}, {"content_overlap_r", or},
		{"content_any_overlap_f1", fa}, {"source_f1", fs}, {"source_p", ps}, {"source_r", rs},
		{"cue_f1", fc}, {"cue_p", pc}, {"cue_r", rc}, {"source_exact_f1", fse}, {"cue_exact_f1", fce},
		{"gold", float64(c.Gold)}, {"system", float64(c.Sys)},
	} {
		rep.Set(prefix+m.name, m.v)
	}
}

// Systems converts quotes to spans, merging quotes that share a cue
// (an interrupted quote) into one attribution.
func Systems(qs []quote.Quote) []System {
	var out []System
	byCue := map[Span]int{}
	outOf := make([]int, len(qs)) // system attribution holding each quote
	for qi, q := range qs {
		outOf[qi] = len(out)
		if c := q.Continues; c >= 0 && c < qi {
			// A continuation ("...," he said. "...") is the same
			// attribution as the quote it continues: the gold spans both.
			o := &out[outOf[c]]
			o.Content = hull(o.Content, Span{q.Start, q.End})
			outOf[qi] = outOf[c]
			continue
		}
		s := System{Content: Span{q.Start, q.End}}
		if q.Speaker.Start >= 0 && q.Speaker.End > q.Speaker.Start && q.Continues < 0 {
			s.Source, s.HasSource = Span{q.Speaker.Start, q.Speaker.End}, true
		}
		if q.Cue.First >= 0 && q.Cue.End > q.Cue.Start {
			s.Cue, s.HasCue = Span{q.Cue.Start, q.Cue.End}, true
			if i, ok := byCue[s.Cue]; ok {
				out[i].Content = hull(out[i].Content, s.Content)
				outOf[qi] = i
				continue
			}
			byCue[s.Cue] = len(out)
		}
		out = append(out, s)
	}
	return out
}

func examples(a Article, sys []System, missed, spurious []string, n int) ([]string, []string) {
	w := newWordIndex(a.Text)
	clip := func(s Span) string {
		t := strings.ReplaceAll(a.Text[s.Start:s.End], "\n", " ")
		if len(t) > 160 {
			t = t[:157] + "..."
		}
		return t
	}
	for _, g := range a.Gold {
		if len(missed) >= n {
			break
		}
		hit := false
		for _, s := range sys {
			if w.overlap(g.Content, s.Content) > 0 {
				hit = true
				break
			}
		}
		if !hit {
			cue := ""
			if g.Cue.End > g.Cue.Start {
				cue = a.Text[g.Cue.Start:g.Cue.End]
			}
			missed = append(missed, fmt.Sprintf("%s [cue %q] %s", a.Name, cue, clip(g.Content)))
		}
	}
	for _, s := range sys {
		if len(spurious) >= n {
			break
		}
		hit := false
		for _, g := range a.Gold {
			if w.overlap(g.Content, s.Content) > 0 {
				hit = true
				break
			}
		}
		if !hit {
			cue := ""
			if s.HasCue {
				cue = a.Text[s.Cue.Start:s.Cue.End]
			}
			spurious = append(spurious, fmt.Sprintf("%s [cue %q] %s", a.Name, cue, clip(s.Content)))
		}
	}
	return missed, spurious
}

// newProcessor runs the pipeline up to the quotes stage (with the entity
// stage, through which speakers resolve).
func newProcessor() (func(*doc.Document) ([]quote.Quote, error), error) {
	p, err := pipeline.New(pipeline.Options{Until: "quotes"})
	if err != nil {
		return nil, err
	}
	return func(d *doc.Document) ([]quote.Quote, error) {
		st, err := p.Process(d)
		if err != nil {
			return nil, err
		}
		return st.Quotes, nil
	}, nil
}
