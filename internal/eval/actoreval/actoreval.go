// Package actoreval is the `dyad eval actors` suite: how well the entity
// stage (package entity: recognizer, actor dictionary, coreference) codes
// actors.
//
//   - On the PETRARCH validation records (../shared/data/petrarch), coded
//     with the dictionaries each file's <Environment> names (compat mode):
//     the share of gold source and target codes that the sentence's entities
//     carry (recall, exact and by country), and the share of the codes found
//     that are gold (precision; gold codes only name event participants, so
//     it understates). The GSR records are also coded with dyad's own
//     dictionary, for comparison.
//   - On a hand-coded gold set of actor mentions in Reuters-21578 stories
//     (testdata/reuters-actors.tsv, embedded): the share of mentions whose
//     entity has the expected code on the story's date (exact and by
//     country), with dyad's dictionary and with the Phoenix dictionaries.
//
// It knows nothing of how entities are found; it runs the pipeline up to
// the parser and then the entity stage with the dictionary under test.
package actoreval

import (
	"context"
	_ "embed"
	"flag"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/dyadhq/dyad/internal/actor"
	actorpetrarch "github.com/dyadhq/dyad/internal/actor/petrarch"
	"github.com/dyadhq/dyad/internal/datadir"
	"github.com/dyadhq/dyad/internal/entity"
	"github.com/dyadhq/dyad/internal/eval"
	"github.com/dyadhq/dyad/internal/ner"
	"github.com/dyadhq/dyad/internal/petrarch"
	"github.com/dyadhq/dyad/internal/pipeline"
	"github.com/dyadhq/dyad/internal/reader"
	"github.com/dyadhq/dyad/pkg/doc"
)

//go:embed testdata/reuters-actors.tsv
var reutersGold string

func init() {
	var errs *int
	eval.Register(&eval.Suite{
		Name:    "actors",
		Summary: "actor coding: PETRARCH records with their dictionaries (compat mode) and a hand-coded Reuters-21578 gold set",
		Usage:   "(data under the shared data folder: petrarch/, reuters21578/)",
		Flags: func(fs *flag.FlagSet) {
			errs = fs.Int("errors", 0, "print up to N misses per part")
		},
		Run: func(ctx context.Context, fs *flag.FlagSet) (*eval.Report, error) {
			return Run(ctx, Options{Errors: *errs})
		},
	})
}

// Options tune a run.
type Options struct {
	Errors int
	// Skip parts: "gsr", "unit", "gsr_own", "reuters", "reuters_phoenix".
	Skip map[string]bool
}

// prep runs the stages before the entity stage (the pipeline up to the
// parser) and holds the recognizer the entity resolver is built with.
type prep struct {
	pl *pipeline.Pipeline
	nm *ner.Model
}

func newPrep() (*prep, error) {
	pl, err := pipeline.New(pipeline.Options{Until: "parse"})
	if err != nil {
		return nil, err
	}
	nm, err := ner.Load()
	if err != nil {
		return nil, err
	}
	return &prep{pl, nm}, nil
}

func (p *prep) run(d *doc.Document) error {
	_, err := p.pl.Process(d)
	return err
}

// Run evaluates every part whose data is present.
func Run(ctx context.Context, opt Options) (*eval.Report, error) {
	p, err := newPrep()
	if err != nil {
		return nil, err
	}
	own, err := actor.Load()
	if err != nil {
		return nil, err
	}
	rep := eval.NewReport("actors", datadir.Dir())
	gsr := datadir.Path("petrarch", "gsr", "gsr_dev.xml")
	unit := datadir.Path("petrarch", "unit-tests", "PETR.UnitTest.records.xml")
	if !opt.Skip["gsr"] && datadir.Exists("petrarch", "gsr", "gsr_dev.xml") {
		if err := records(ctx, p, rep, "gsr", gsr, nil, opt.Errors); err != nil {
			return nil, err
		}
	}
	if !opt.Skip["gsr_own"] && datadir.Exists("petrarch", "gsr", "gsr_dev.xml") {
		if err := records(ctx, p, rep, "gsr_own", gsr, own, opt.Errors); err != nil {
			return nil, err
		}
	}
	if !opt.Skip["unit"] && datadir.Exists("petrarch", "unit-tests", "PETR.UnitTest.records.xml") {
		if err := records(ctx, p, rep, "unit", unit, nil, opt.Errors); err != nil {
			return nil, err
		}
	}
	if datadir.Exists("reuters21578") {
		gold, err := ParseGold(reutersGold)
		if err != nil {
			return nil, err
		}
		if !opt.Skip["reuters"] {
			if err := reuters(ctx, p, rep, "reuters", gold, own, opt.Errors); err != nil {
				return nil, err
			}
		}
		if !opt.Skip["reuters_phoenix"] && datadir.Exists("petrarch", "gsr", "dictionaries") {
			phx, err := phoenix()
			if err != nil {
				return nil, err
			}
			if err := reuters(ctx, p, rep, "reuters_phoenix", gold, phx, opt.Errors); err != nil {
				return nil, err
			}
		}
	}
	return rep, nil
}

func phoenix() (*actor.Dictionary, error) {
	dir := datadir.Path("petrarch", "gsr", "dictionaries")
	var paths []string
	for _, f := range []string{"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt", "Phoenix.agents.txt"} {
		paths = append(paths, filepath.Join(dir, f))
	}
	return actorpetrarch.Load(paths...)
}

// records scores one validation-records file. dict nil means the
// dictionaries its Environment names.
func records(ctx context.Context, p *prep, rep *eval.Report, name, path string, dict *actor.Dictionary, maxErr int) error {
	f, err := petrarch.ReadFile(path)
	if err != nil {
		return err
	}
	if dict == nil {
		dir := filepath.Join(filepath.Dir(path), "dictionaries")
		var paths []string
		for _, a := range append(append([]string(nil), f.Env.ActorFiles...), f.Env.AgentFiles...) {
			paths = append(paths, filepath.Join(dir, strings.TrimSpace(a)))
		}
		if dict, err = actorpetrarch.Load(paths...); err != nil {
			return fmt.Errorf("%s: dictionaries: %w", path, err)
		}
	}
	r := entity.New(dict, p.nm)
	var gold, goldHit, goldCountry, pred, predHit, recs int
	shown := 0
	for _, rec := range f.Records {
		if err := ctx.Err(); err != nil {
			return err
		}
		if !rec.Evaluate || rec.Error != "" || len(rec.Codings) == 0 {
			continue
		}
		want := map[string]bool{}
		for _, c := range rec.Codings {
			for _, code := range []string{c.Source, c.Target} {
				if code = strings.TrimSpace(code); code != "" {
					want[code] = true
				}
			}
		}
		if len(want) == 0 {
			continue
		}
		recs++
		d := &doc.Document{Text: rec.Text, Published: rec.Date}
		if err := p.run(d); err != nil {
			return err
		}
		res := r.Resolve(d)
		have := map[string]bool{}
		countries := map[string]bool{}
		for _, e := range res.Entities {
			// a PETRARCH compound actor ("FRO/BIL/SAM") codes each part
			for _, c := range strings.Split(string(e.Code), "/") {
				if c != "" {
					have[c] = true
					countries[prefix3(c)] = true
				}
			}
		}
		var missed []string
		for code := range want {
			gold++
			if have[code] {
				goldHit++
			} else {
				missed = append(missed, code)
			}
			if countries[prefix3(code)] {
				goldCountry++
			}
		}
		for code := range have {
			pred++
			if want[code] {
				predHit++
			}
		}
		if len(missed) > 0 && shown < maxErr {
			shown++
			var got []string
			for c := range have {
				got = append(got, c)
			}
			rep.Notef("%s %s: missed %v, found %v: %s", name, rec.ID, missed, got, rec.Text)
		}
	}
	rep.Set(name+"_records", float64(recs))
	rep.Set(name+"_gold_codes", float64(gold))
	rep.Set(name+"_recall", pct(goldHit, gold))
	rep.Set(name+"_country_recall", pct(goldCountry, gold))
	rep.Set(name+"_precision", pct(predHit, pred))
	return nil
}

func prefix3(s string) string {
	if len(s) > 3 {
		return s[:3]
	}
	return s
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// Gold is one hand-coded mention.
type Gold struct {
	NewID string
	Words []string
	N     int
	Code  string
	Note  string
	Line  int
}

// ParseGold reads the gold TSV (see testdata/reuters-actors.tsv).
func ParseGold(s string) ([]Gold, error) {
	var out []Gold
	for i, line := range strings.Split(s, "\n") {
		line = strings.TrimRight(line, "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 4 {
			return nil, fmt.Errorf("reuters-actors.tsv:%d: want NEWID, TEXT, N, CODE[, NOTE]", i+1)
		}
		n, err := strconv.Atoi(f[2])
		if err != nil || n < 1 {
			return nil, fmt.Errorf("reuters-actors.tsv:%d: bad occurrence %q", i+1, f[2])
		}
		g := Gold{NewID: f[0], Words: strings.Fields(f[1]), N: n, Code: f[3], Line: i + 1}
		if len(f) > 4 {
			g.Note = f[4]
		}
		if len(g.Words) == 0 || g.Code == "" {
			return nil, fmt.Errorf("reuters-actors.tsv:%d: empty text or code", i+1)
		}
		out = append(out, g)
	}
	return out, nil
}

// find returns the last token of the n-th occurrence of words in d, or
// -1. Words are matched against the text from a token's start, any
// whitespace between them, and must end at a word boundary, so that a
// tokenization that splits "U.S." still finds it.
func find(d *doc.Document, words []string, n int) int {
	text := d.Text
	for i := range d.Tokens {
		pos := d.Tokens[i].Start
		ok := true
		for k, w := range words {
			if k > 0 {
				j := pos
				for j < len(text) && (text[j] == ' ' || text[j] == '\n' || text[j] == '\t') {
					j++
				}
				if j == pos {
					ok = false
					break
				}
				pos = j
			}
			if !strings.HasPrefix(text[pos:], w) {
				ok = false
				break
			}
			pos += len(w)
		}
		if !ok || pos < len(text) && isWordByte(text[pos]) && isWordByte(text[pos-1]) {
			continue
		}
		if n--; n == 0 {
			last := i
			for last+1 < len(d.Tokens) && d.Tokens[last+1].Start < pos {
				last++
			}
			return last
		}
	}
	return -1
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// reuters scores the gold mentions with dict.
func reuters(ctx context.Context, p *prep, rep *eval.Report, name string, gold []Gold, dict *actor.Dictionary, maxErr int) error {
	want := map[string]bool{}
	for _, g := range gold {
		want["reuters-21578-"+g.NewID] = true
	}
	docs := map[string]*doc.Document{}
	err := reader.Walk(ctx, []string{datadir.Path("reuters21578")}, reader.Options{OnBad: func(*reader.Error) error { return nil }}, func(d *doc.Document) error {
		if want[d.ID] {
			docs[d.ID] = d
		}
		return nil
	})
	if err != nil {
		return err
	}
	r := entity.New(dict, p.nm)
	results := map[string]*entity.Result{}
	var exact, country, total int
	shown := 0
	for _, g := range gold {
		id := "reuters-21578-" + g.NewID
		d := docs[id]
		if d == nil {
			return fmt.Errorf("reuters-actors.tsv:%d: story NEWID %s not found", g.Line, g.NewID)
		}
		res, ok := results[id]
		if !ok {
			if err := p.run(d); err != nil {
				return err
			}
			res = r.Resolve(d)
			results[id] = res
		}
		tok := find(d, g.Words, g.N)
		if tok < 0 {
			return fmt.Errorf("reuters-actors.tsv:%d: %q (occurrence %d) not in story %s", g.Line, strings.Join(g.Words, " "), g.N, g.NewID)
		}
		total++
		got := ""
		if e := res.ActorAt(tok); e != nil {
			got = string(e.Code)
		}
		if got == g.Code {
			exact++
		} else if shown < maxErr {
			shown++
			rep.Notef("%s %s %q#%d: got %q, want %s (%s)", name, g.NewID, strings.Join(g.Words, " "), g.N, got, g.Code, g.Note)
		}
		if got != "" && prefix3(got) == prefix3(g.Code) {
			country++
		}
	}
	rep.Set(name+"_mentions", float64(total))
	rep.Set(name+"_exact", pct(exact, total))
	rep.Set(name+"_country", pct(country, total))
	return nil
}
