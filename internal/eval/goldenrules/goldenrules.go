// Package goldenrules is the "golden-rules" evaluation suite: the 52 Golden
// Rules of English sentence segmentation (pragmatic_segmenter's list),
// segmented by dyad's tokenizer and segmenter. A rule passes when the
// sentences, each trimmed and with runs of whitespace collapsed to one
// space, equal the expected ones. It knows only the tokenizer and segmenter.
package goldenrules

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/dyadhq/dyad/internal/datadir"
	"github.com/dyadhq/dyad/internal/eval"
	"github.com/dyadhq/dyad/internal/segment"
	"github.com/dyadhq/dyad/internal/tokenize"
)

func init() {
	eval.Register(&eval.Suite{
		Name:    "golden-rules",
		Summary: "sentence segmentation on the 52 Golden Rules (English)",
		Usage:   "[FILE.json]",
		Run:     run,
	})
}

// Rule is one case of the data file.
type Rule struct {
	Number   int      `json:"number"`
	Name     string   `json:"name"`
	Input    string   `json:"input"`
	Expected []string `json:"expected"`
}

// Failure is a rule whose sentences differ from the expected ones.
type Failure struct {
	Number   int      `json:"number"`
	Name     string   `json:"name"`
	Input    string   `json:"input"`
	Expected []string `json:"expected"`
	Got      []string `json:"got"`
}

// Load reads the rules from a JSON file.
func Load(path string) ([]Rule, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var rules []Rule
	if err := json.Unmarshal(data, &rules); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(rules) == 0 {
		return nil, fmt.Errorf("%s: no rules", path)
	}
	return rules, nil
}

// Sentences segments text and returns its sentences, normalized for
// comparison.
func Sentences(text string) []string {
	toks := tokenize.Tokenize(text)
	var out []string
	for _, s := range segment.Segment(text, toks) {
		out = append(out, Normalize(text[s.Start:s.End]))
	}
	return out
}

// Normalize trims a sentence and collapses its whitespace runs to one space.
func Normalize(s string) string { return strings.Join(strings.Fields(s), " ") }

// Check runs every rule and returns the failures.
func Check(rules []Rule) []Failure {
	var fails []Failure
	for _, r := range rules {
		got := Sentences(r.Input)
		want := make([]string, len(r.Expected))
		for i, e := range r.Expected {
			want[i] = Normalize(e)
		}
		if !equal(got, want) {
			fails = append(fails, Failure{Number: r.Number, Name: r.Name, Input: r.Input, Expected: want, Got: got})
		}
	}
	return fails
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func run(_ context.Context, fs *flag.FlagSet) (*eval.Report, error) {
	path := datadir.Path("golden-rules", "english.json")
	if fs.NArg() > 1 {
		return nil, fmt.Errorf("one rules file at most, got %d", fs.NArg())
	}
	if fs.NArg() == 1 {
		path = fs.Arg(0)
	}
	rules, err := Load(path)
	if err != nil {
		return nil, err
	}
	fails := Check(rules)
	rep := eval.NewReport("golden-rules", path)
	rep.Set("passed", float64(len(rules)-len(fails)))
	rep.Set("total", float64(len(rules)))
	rep.Notef("passed %d/%d (%.1f%%)", len(rules)-len(fails), len(rules),
		100*float64(len(rules)-len(fails))/float64(len(rules)))
	for _, f := range fails {
		rep.Notef("FAIL %d %s\n  input:    %q\n  expected: %q\n  got:      %q", f.Number, f.Name, f.Input, f.Expected, f.Got)
	}
	if fails == nil {
		fails = []Failure{}
	}
	rep.Extra = map[string]any{"failures": fails}
	return rep, nil
}
