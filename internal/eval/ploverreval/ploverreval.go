// Package ploverreval is the `dyad eval plover` suite: it codes the gold
// sentences of the PLOVER GSR file (PLOVER_GSR_CAMEO.txt, examples from the
// CAMEO manual coded in PLOVER) from raw text through dyad's parse and event
// coder, maps the CAMEO codes to PLOVER, and scores the event type: accuracy
// over the records and macro F1 over the types. The file uses some PLOVER 0.5
// type names, mapped to the 2021 ontology: DEMAND is REQUEST, DISAPPROVE and
// INVESTIGATE are modes of ACCUSE, FIGHT is ASSAULT (COERCE for its deport
// mode). It knows nothing of how the coder works inside.
package ploverreval

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/dyadhq/dyad/internal/datadir"
	"github.com/dyadhq/dyad/internal/eval"
	"github.com/dyadhq/dyad/internal/event"
	"github.com/dyadhq/dyad/internal/pipeline"
	"github.com/dyadhq/dyad/internal/plover"
	"github.com/dyadhq/dyad/pkg/doc"
)

func init() {
	var errs *int
	eval.Register(&eval.Suite{
		Name:    "plover",
		Summary: "event coder on the PLOVER GSR sentences: PLOVER type accuracy and macro F1",
		Usage:   "[PLOVER_GSR_CAMEO.txt]",
		Flags: func(fs *flag.FlagSet) {
			errs = fs.Int("errors", 0, "print up to N records coded wrongly")
		},
		Run: func(ctx context.Context, fs *flag.FlagSet) (*eval.Report, error) {
			path := DefaultPath()
			if fs.NArg() > 0 {
				path = fs.Arg(0)
			}
			return Run(ctx, path, *errs)
		},
	})
}

// DefaultPath is the gold file under the data folder.
func DefaultPath() string { return datadir.Path("plover", "PLOVER_GSR_CAMEO.txt") }

// Record is one gold record (the fields the suite reads).
type Record struct {
	ID     string `json:"id"`
	Date   string `json:"date"`
	Event  string `json:"event"`
	Mode   string `json:"mode"`
	Text   string `json:"text"`
	Source []struct {
		Code string `json:"code"`
	} `json:"source"`
}

// Read parses the gold file, dropping its DOCUMENT record.
func Read(path string) ([]Record, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var all []Record
	if err := json.Unmarshal(b, &all); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var out []Record
	for _, r := range all {
		if r.Event == "" || r.Event == "DOCUMENT" || strings.TrimSpace(r.Text) == "" {
			continue
		}
		out = append(out, r)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no records", path)
	}
	return out, nil
}

// GoldType maps a record's type to the 2021 ontology.
func GoldType(event, mode string) string {
	switch event {
	case "DEMAND":
		return "REQUEST"
	case "DISAPPROVE", "INVESTIGATE":
		return "ACCUSE"
	case "FIGHT":
		if mode == "deport" {
			return "COERCE"
		}
		return "ASSAULT"
	}
	return event
}

// none is the prediction when nothing is coded.
const none = "NONE"

// Run scores the file at path.
func Run(ctx context.Context, path string, errs int) (*eval.Report, error) {
	recs, err := Read(path)
	if err != nil {
		return nil, err
	}
	pl, err := pipeline.New(pipeline.Options{Until: "parse"})
	if err != nil {
		return nil, err
	}
	coder, err := event.Load()
	if err != nil {
		return nil, err
	}
	rep := eval.NewReport("plover", path)
	per := map[string]*eval.PRF{}
	get := func(t string) *eval.PRF {
		if per[t] == nil {
			per[t] = &eval.PRF{}
		}
		return per[t]
	}
	correct, coded, shown := 0, 0, 0
	for _, r := range recs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		// The records' dates are placeholders (2000-01-01), so actors are
		// resolved undated.
		d := &doc.Document{Text: r.Text}
		if _, err := pl.Process(d); err != nil {
			return nil, fmt.Errorf("%s: %s: %w", path, r.ID, err)
		}
		want := GoldType(r.Event, r.Mode)
		got := predict(coder.Code(d, nil, nil), r)
		if got != none {
			coded++
		}
		if got == want {
			correct++
			get(want).TP++
		} else {
			get(want).FN++
			if got != none {
				get(got).FP++
			}
			if shown < errs {
				shown++
				rep.Notef("%s want %s got %s: %s", r.ID, want, got, r.Text)
			}
		}
	}
	// Macro F1 over the types the gold uses.
	var types []string
	for t, c := range per {
		if c.TP+c.FN > 0 {
			types = append(types, t)
		}
	}
	sort.Strings(types)
	macro := 0.0
	byType := map[string]float64{}
	for _, t := range types {
		f := per[t].F1()
		byType[t] = f
		macro += f
	}
	macro /= float64(len(types))
	rep.Set("type_accuracy", float64(correct)/float64(len(recs)))
	rep.Set("macro_f1", macro)
	rep.Set("coded", float64(coded)/float64(len(recs)))
	rep.Set("records", float64(len(recs)))
	if rep.Extra == nil {
		rep.Extra = map[string]any{}
	}
	rep.Extra["f1_by_type"] = byType
	for _, t := range types {
		c := per[t]
		rep.Notef("%-10s P %.3f R %.3f F1 %.3f (gold %d)", t, c.Precision(), c.Recall(), c.F1(), c.TP+c.FN)
	}
	rep.Notef("a record with no coded event counts as wrong; the predicted type is that of the coded event whose source matches the gold source, else of the first")
	return rep, nil
}

// predict picks the PLOVER type of the record's event: the first event
// whose source shares the gold source's country, else the first event;
// statements and appeals (CAMEO 01, 02) have no PLOVER type and are skipped.
func predict(evs []event.Event, r Record) string {
	first := none
	for _, e := range evs {
		if e.Negated {
			continue
		}
		p, ok := plover.FromCAMEO(e.Code)
		if !ok || p.Type == "" {
			continue
		}
		if first == none {
			first = p.Type
		}
		for _, s := range r.Source {
			if len(s.Code) >= 3 && strings.HasPrefix(e.Source.Code, s.Code[:3]) {
				return p.Type
			}
		}
	}
	return first
}
