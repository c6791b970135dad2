package timeml

import (
	"context"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/dyadhq/dyad/internal/datadir"
	"github.com/dyadhq/dyad/internal/eval"
	"github.com/dyadhq/dyad/internal/pipeline"
	"github.com/dyadhq/dyad/internal/timex"
	"github.com/dyadhq/dyad/pkg/doc"
)

func init() {
	var (
		errs     *int
		outDir   *string
		noAnchor *bool
	)
	eval.Register(&eval.Suite{
		Name:    "timeml",
		Summary: "time expressions on TimeML (TempEval-3): strict/relaxed F1, type accuracy, value F1",
		Usage:   "[DIR|FILE.tml ...] (default: tempeval3/AQUAINT and tempeval3/TimeBank)",
		Flags: func(fs *flag.FlagSet) {
			errs = fs.Int("errors", 0, "print up to N example errors per category")
			outDir = fs.String("out", "", "write system .tml files here (one folder per input) for the official scorer")
			noAnchor = fs.Bool("no-anchor", false, "ignore the DCT (relative expressions stay unresolved)")
		},
		Run: func(ctx context.Context, fs *flag.FlagSet) (*eval.Report, error) {
			dirs := fs.Args()
			if len(dirs) == 0 {
				dirs = DefaultDirs()
			}
			return Run(ctx, dirs, Options{Errors: *errs, OutDir: *outDir, NoAnchor: *noAnchor})
		},
	})
}

// DefaultDirs are the TempEval-3 training folders under the data folder.
func DefaultDirs() []string {
	return []string{datadir.Path("tempeval3", "AQUAINT"), datadir.Path("tempeval3", "TimeBank")}
}

// Options tune a run.
type Options struct {
	Errors   int    // example errors to print per category
	OutDir   string // where to write system .tml files ("" none)
	NoAnchor bool   // do not anchor on the DCT
	MaxFiles int    // read at most this many files per folder (0 all)
}

// Result is the outcome on one folder (or file).
type Result struct {
	Name   string
	Files  int
	Counts Counts
	Errors []Error
}

// Error is one disagreement with the gold standard.
type Error struct {
	Kind     string // missed, spurious, value, type, extent
	Category string // Kind plus the value's shape: "value/day"
	File     string
	Text     string // the gold (or system) text with some context
	Gold     string // type and value
	Sys      string
}

// Run evaluates every .tml file under each of dirs.
func Run(ctx context.Context, dirs []string, opt Options) (*eval.Report, error) {
	proc, err := newProcessor()
	if err != nil {
		return nil, err
	}
	rep := eval.NewReport("timeml", strings.Join(dirs, " "))
	var all Counts
	var results []*Result
	files := 0
	for _, dir := range dirs {
		res, err := evalDir(ctx, proc, dir, opt)
		if err != nil {
			return nil, err
		}
		results = append(results, res)
		all.Add(res.Counts)
		files += res.Files
	}
	setMetrics(rep, all)
	rep.Set("documents", float64(files))
	rep.Set("gold", float64(all.Gold))
	rep.Set("system", float64(all.Sys))
	folders := map[string]any{}
	for _, r := range results {
		folders[r.Name] = metricsMap(r.Counts, r.Files)
		rep.Notef("%-10s files %3d  gold %4d  sys %4d  strict F1 %.4f  relaxed F1 %.4f (P %.4f R %.4f)  type acc %.4f  value acc %.4f  value F1 %.4f",
			r.Name, r.Files, r.Counts.Gold, r.Counts.Sys, r.Counts.StrictF1(), r.Counts.RelaxedF1(), r.Counts.RelaxedP(), r.Counts.RelaxedR(),
			r.Counts.TypeAccuracy(), r.Counts.ValueAccuracy(), r.Counts.ValueF1())
	}
	anchor := "DCT"
	if opt.NoAnchor {
		anchor = "none"
	}
	rep.Notef("anchor: %s; pipeline stages: %s; matching: one-to-one by overlap (TempEval-3 relaxed), strict = identical text", anchor, strings.Join(proc.stages, ","))
	// Error categories over all folders.
	cats := map[string][]Error{}
	for _, r := range results {
		for _, e := range r.Errors {
			cats[e.Category] = append(cats[e.Category], e)
		}
	}
	names := make([]string, 0, len(cats))
	counts := map[string]int{}
	for k, v := range cats {
		names = append(names, k)
		counts[k] = len(v)
	}
	sort.Slice(names, func(a, b int) bool {
		if len(cats[names[a]]) != len(cats[names[b]]) {
			return len(cats[names[a]]) > len(cats[names[b]])
		}
		return names[a] < names[b]
	})
	var line []string
	for _, n := range names {
		line = append(line, fmt.Sprintf("%s %d", n, len(cats[n])))
	}
	if len(line) > 0 {
		rep.Notef("errors: %s", strings.Join(line, ", "))
	}
	if opt.Errors > 0 {
		for _, n := range names {
			for k, e := range cats[n] {
				if k >= opt.Errors {
					break
				}
				rep.Notef("  %-16s %-28s gold %-24s sys %-24s %q", n, filepath.Base(e.File), e.Gold, e.Sys, e.Text)
			}
		}
	}
	rep.Extra = map[string]any{"folders": folders, "errors": counts}
	return rep, nil
}

func setMetrics(rep *eval.Report, c Counts) {
	for _, kv := range metricList(c) {
		rep.Set(kv.k, kv.v)
	}
}

type kv struct {
	k string
	v float64
}

func metricList(c Counts) []kv {
	return []kv{
		{"strict_precision", c.StrictP()}, {"strict_recall", c.StrictR()}, {"strict_f1", c.StrictF1()},
		{"relaxed_precision", c.RelaxedP()}, {"relaxed_recall", c.RelaxedR()}, {"relaxed_f1", c.RelaxedF1()},
		{"type_accuracy", c.TypeAccuracy()}, {"value_accuracy", c.ValueAccuracy()},
		{"type_f1", c.TypeF1()}, {"value_f1", c.ValueF1()},
	}
}

func metricsMap(c Counts, files int) map[string]float64 {
	m := map[string]float64{"documents": float64(files), "gold": float64(c.Gold), "system": float64(c.Sys)}
	for _, kv := range metricList(c) {
		m[kv.k] = kv.v
	}
	return m
}

// processor runs the pipeline's stages that come before time expressions.
type processor struct {
	p      *pipeline.Pipeline
	stages []string
}

func newProcessor() (*processor, error) {
	names := pipeline.StageNames()
	until := ""
	for i, n := range names {
		if n == "timex" || n == "time" || n == "times" {
			if i > 0 {
				until = names[i-1]
			}
			break
		}
		until = n
	}
	p, err := pipeline.New(pipeline.Options{Until: until})
	if err != nil {
		return nil, err
	}
	var used []string
	for _, n := range names {
		used = append(used, n)
		if n == until {
			break
		}
	}
	return &processor{p: p, stages: used}, nil
}

// Extract runs the pipeline and the extractor on one TimeML document.
func (p *processor) Extract(td *Doc, anchor time.Time) ([]timex.Timex, error) {
	d := &doc.Document{ID: td.ID, Text: td.Text, Published: anchor, Origin: td.Path}
	if _, err := p.p.Process(d); err != nil {
		return nil, err
	}
	return timex.Extract(d, anchor), nil
}

// tmlFiles lists the .tml files under path (a file or a folder), sorted.
func tmlFiles(path string) ([]string, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !st.IsDir() {
		return []string{path}, nil
	}
	var out []string
	err = filepath.WalkDir(path, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !e.IsDir() && strings.HasSuffix(strings.ToLower(e.Name()), ".tml") {
			out = append(out, p)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no .tml files", path)
	}
	sort.Strings(out)
	return out, nil
}

func evalDir(ctx context.Context, proc *processor, dir string, opt Options) (*Result, error) {
	files, err := tmlFiles(dir)
	if err != nil {
		return nil, err
	}
	if opt.MaxFiles > 0 && len(files) > opt.MaxFiles {
		files = files[:opt.MaxFiles]
	}
	res := &Result{Name: filepath.Base(filepath.Clean(dir))}
	outDir := ""
	if opt.OutDir != "" {
		outDir = filepath.Join(opt.OutDir, res.Name)
		if err := os.MkdirAll(outDir, 0o755); err != nil {
			return nil, err
		}
	}
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		td, err := ReadFile(f)
		if err != nil {
			return nil, err
		}
		anchor := td.Anchor()
		if opt.NoAnchor {
			anchor = time.Time{}
		}
		got, err := proc.Extract(td, anchor)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		sys := make([]Span, len(got))
		for i, t := range got {
			sys[i] = Span{ID: fmt.Sprintf("ts%d", i+1), Start: t.Start, End: t.End, Type: t.Type, Value: t.Value, Mod: t.Mod}
		}
		c, pairs := Score(td.Text, td.Times, sys)
		res.Counts.Add(c)
		res.Files++
		res.Errors = append(res.Errors, describe(td, sys, pairs)...)
		if outDir != "" {
			if err := writeSystem(f, filepath.Join(outDir, filepath.Base(f)), td, sys, pairs); err != nil {
				return nil, err
			}
		}
	}
	return res, nil
}

// describe lists the disagreements of one document.
func describe(td *Doc, sys []Span, pairs []Pair) []Error {
	var out []Error
	ctx := func(s Span) string {
		a, b := max(0, s.Start-30), min(len(td.Text), s.End+30)
		for a > 0 && a < len(td.Text) && td.Text[a]&0xC0 == 0x80 {
			a--
		}
		for b < len(td.Text) && td.Text[b]&0xC0 == 0x80 {
			b++
		}
		return strings.ReplaceAll(td.Text[a:s.Start]+"[["+td.Text[s.Start:s.End]+"]]"+td.Text[s.End:b], "\n", " ")
	}
	tv := func(s Span) string { return s.Type + " " + s.Value }
	for _, p := range pairs {
		switch {
		case p.S < 0:
			g := td.Times[p.G]
			out = append(out, Error{Kind: "missed", Category: "missed/" + Shape(g.Type, g.Value), File: td.Path, Text: ctx(g), Gold: tv(g)})
		case p.G < 0:
			s := sys[p.S]
			out = append(out, Error{Kind: "spurious", Category: "spurious/" + Shape(s.Type, s.Value), File: td.Path, Text: ctx(s), Sys: tv(s)})
		default:
			g, s := td.Times[p.G], sys[p.S]
			switch {
			case g.Value != s.Value:
				out = append(out, Error{Kind: "value", Category: "value/" + Shape(g.Type, g.Value), File: td.Path, Text: ctx(g) + " ~ " + td.Text[s.Start:s.End], Gold: tv(g), Sys: tv(s)})
			case g.Type != s.Type:
				out = append(out, Error{Kind: "type", Category: "type/" + g.Type, File: td.Path, Text: ctx(g), Gold: tv(g), Sys: tv(s)})
			case g.Start != s.Start || g.End != s.End:
				out = append(out, Error{Kind: "extent", Category: "extent", File: td.Path, Text: ctx(g) + " ~ " + td.Text[s.Start:s.End], Gold: tv(g), Sys: tv(s)})
			}
		}
	}
	return out
}

// writeSystem copies the gold file with its <TEXT> content replaced by the
// text and the system's TIMEX3 tags, ids taken from the matched gold
// expressions, so that the official scorer can be run on the output.
func writeSystem(src, dst string, td *Doc, sys []Span, pairs []Pair) error {
	raw, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	s := string(raw)
	a := strings.Index(s, "<TEXT>")
	b := strings.LastIndex(s, "</TEXT>")
	if a < 0 || b < a {
		return fmt.Errorf("%s: cannot find <TEXT>", src)
	}
	ids := make([]string, len(sys))
	for i := range sys {
		ids[i] = sys[i].ID
	}
	for _, p := range pairs {
		if p.G >= 0 && p.S >= 0 {
			ids[p.S] = td.Times[p.G].ID
		}
	}
	order := make([]int, len(sys))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(x, y int) bool { return sys[order[x]].Start < sys[order[y]].Start })
	var out strings.Builder
	out.WriteString(s[:a+len("<TEXT>")])
	pos := 0
	for _, i := range order {
		t := sys[i]
		if t.Start < pos {
			continue // overlapping output cannot be written inline
		}
		out.WriteString(escape(td.Text[pos:t.Start]))
		fmt.Fprintf(&out, `<TIMEX3 tid="%s" type="%s" value="%s">`, ids[i], escape(t.Type), escape(t.Value))
		out.WriteString(escape(td.Text[t.Start:t.End]))
		out.WriteString("</TIMEX3>")
		pos = t.End
	}
	out.WriteString(escape(td.Text[pos:]))
	out.WriteString(s[b:])
	return os.WriteFile(dst, []byte(out.String()), 0o644)
}

func escape(s string) string {
	if !strings.ContainsAny(s, "&<>\"") {
		return s
	}
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "\"", "&quot;")
	return r.Replace(s)
}
