// Package eval is the registry of dyad's evaluation suites and the report they
// print. Suites live in their own packages (internal/eval/...), register
// themselves in init, take their data path as an argument (defaulting under
// the shared data folder) and return a Report. This package knows no suite.
package eval

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"
	"sync"
	"text/tabwriter"
)

// Suite is one evaluation.
type Suite struct {
	Name    string
	Summary string // one line for `dyad eval --help`
	// Usage describes the arguments, e.g. "[FILE.conllu]".
	Usage string
	// Flags declares the suite's own flags; may be nil.
	Flags func(fs *flag.FlagSet)
	// Run evaluates, with fs parsed and fs.Args() the positional arguments.
	Run func(ctx context.Context, fs *flag.FlagSet) (*Report, error)
}

var (
	mu     sync.Mutex
	suites = map[string]*Suite{}
)

// Register adds a suite; registering a name twice panics.
func Register(s *Suite) {
	mu.Lock()
	defer mu.Unlock()
	if _, dup := suites[s.Name]; dup {
		panic("eval: suite registered twice: " + s.Name)
	}
	suites[s.Name] = s
}

// Lookup returns the named suite.
func Lookup(name string) (*Suite, bool) {
	mu.Lock()
	defer mu.Unlock()
	s, ok := suites[name]
	return s, ok
}

// Suites returns every registered suite, sorted by name.
func Suites() []*Suite {
	mu.Lock()
	defer mu.Unlock()
	out := make([]*Suite, 0, len(suites))
	for _, s := range suites {
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Report is what a suite measured.
type Report struct {
	Suite string
	Data  string // the data evaluated (file or folder)
	// Metrics in the order they were added.
	names   []string
	metrics map[string]float64
	// Notes are extra lines for the readable form (settings, failures).
	Notes []string
	// Extra holds structured details for --json (per-type scores, failures).
	Extra map[string]any
}

// NewReport starts a report for suite on data.
func NewReport(suite, data string) *Report {
	return &Report{Suite: suite, Data: data, metrics: map[string]float64{}}
}

// Set records a metric; setting a name again replaces its value.
func (r *Report) Set(name string, v float64) {
	if _, ok := r.metrics[name]; !ok {
		r.names = append(r.names, name)
	}
	r.metrics[name] = v
}

// Metric returns a recorded metric.
func (r *Report) Metric(name string) (float64, bool) {
	v, ok := r.metrics[name]
	return v, ok
}

// Names returns the metric names in the order they were set.
func (r *Report) Names() []string { return append([]string(nil), r.names...) }

// Notef adds a line to the readable form.
func (r *Report) Notef(format string, args ...any) {
	r.Notes = append(r.Notes, fmt.Sprintf(format, args...))
}

// WriteText prints the report as a table followed by its notes.
func (r *Report) WriteText(w io.Writer) error {
	fmt.Fprintf(w, "suite: %s\n", r.Suite)
	if r.Data != "" {
		fmt.Fprintf(w, "data:  %s\n", r.Data)
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "metric\tvalue")
	for _, n := range r.names {
		fmt.Fprintf(tw, "%s\t%s\n", n, formatValue(r.metrics[n]))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, n := range r.Notes {
		if _, err := fmt.Fprintln(w, n); err != nil {
			return err
		}
	}
	return nil
}

func formatValue(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return fmt.Sprintf("%.0f", v)
	}
	return fmt.Sprintf("%.4g", v)
}

// WriteJSON prints {"suite":..., "data":..., "metrics":{...}, ...extra}.
func (r *Report) WriteJSON(w io.Writer) error {
	obj := map[string]any{"suite": r.Suite, "metrics": r.metrics}
	if r.Data != "" {
		obj["data"] = r.Data
	}
	for k, v := range r.Extra {
		if k != "suite" && k != "metrics" && k != "data" {
			obj[k] = v
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(obj)
}

// PRF holds counts for precision, recall and F1.
type PRF struct{ TP, FP, FN int }

// Precision returns TP/(TP+FP), or 0 when nothing was predicted.
func (c PRF) Precision() float64 { return ratio(c.TP, c.TP+c.FP) }

// Recall returns TP/(TP+FN), or 0 when nothing was expected.
func (c PRF) Recall() float64 { return ratio(c.TP, c.TP+c.FN) }

// F1 returns the harmonic mean of precision and recall.
func (c PRF) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Add sums counts.
func (c *PRF) Add(o PRF) { c.TP += o.TP; c.FP += o.FP; c.FN += o.FN }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Pct rounds a fraction to a percentage with two decimals.
func Pct(f float64) float64 { return math.Round(f*10000) / 100 }

// Usage formats the suite list for help text.
func Usage() string {
	var b strings.Builder
	for _, s := range Suites() {
		fmt.Fprintf(&b, "  %-14s %s\n", s.Name, s.Summary)
	}
	return b.String()
}
