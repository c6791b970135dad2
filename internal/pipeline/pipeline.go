// Package pipeline runs dyad's stages over a document in their fixed order
// (tokenize, segment, tag, lemma, parse, timex, then the later stages) and
// renders the result in the output contract. It is the one place that knows
// every stage: each stage has a file here (stages.go for the syntax stages)
// that registers it and adapts it to the State; the stages' own packages know
// nothing of each other beyond the document they annotate.
// A Pipeline is safe for concurrent use: models are shared, state is per call.
package pipeline

import (
	"fmt"
	"runtime/debug"
	"slices"
	"sort"
	"sync/atomic"
	"time"

	"github.com/dyadhq/dyad/internal/timex"
	"github.com/dyadhq/dyad/pkg/doc"
)

// State is one document passing through the pipeline with what each stage
// made of it. Each later stage adds one field here, of a type its own
// package owns.
type State struct {
	Doc    *doc.Document
	Times  []timex.Timex
	Quotes quoteList // stage_quotes.go
	Actors entitySet // stage_entities.go
	Events eventList // stage_events.go
}

// stage is one named, loaded step with its timing counter.
type stage struct {
	name string
	run  func(*State)
	ns   atomic.Int64
}

// stageDef is a stage before its models are loaded. Stage files register
// their definitions from init; order fixes where a stage runs.
type stageDef struct {
	order int
	name  string
	load  func() (func(*State), error)
}

var defs []stageDef

// register adds a stage definition; it panics on a duplicate name or order
// because that is a programming error found by any test.
func register(order int, name string, load func() (func(*State), error)) {
	for _, d := range defs {
		if d.name == name || d.order == order {
			panic(fmt.Sprintf("pipeline: stage %q (order %d) registered twice", name, order))
		}
	}
	defs = append(defs, stageDef{order, name, load})
	sort.Slice(defs, func(i, j int) bool { return defs[i].order < defs[j].order })
}

// Options selects what the pipeline does.
type Options struct {
	// From starts at the named stage, for documents whose earlier stages
	// were done elsewhere (gold tokens and sentences); "" starts at the first.
	From string
	// Until stops after the named stage ("" runs every stage).
	Until string
	// Clock, when set, replaces the wall clock in the per-stage timings;
	// the benchmark passes its thread's CPU time, which other processes on
	// a shared machine do not inflate.
	Clock func() time.Duration
}

// Pipeline is a configured sequence of stages.
type Pipeline struct {
	clock  func() time.Duration
	stages []*stage
	docs   atomic.Int64
	words  atomic.Int64
}

// New builds a pipeline, loading the models of the stages it runs (each
// model is read once per process and shared).
func New(opts Options) (*Pipeline, error) {
	for _, name := range []string{opts.From, opts.Until} {
		if name != "" && !slices.Contains(StageNames(), name) {
			return nil, fmt.Errorf("unknown stage %q (stages: %v)", name, StageNames())
		}
	}
	p := &Pipeline{clock: opts.Clock}
	if p.clock == nil {
		base := time.Now()
		p.clock = func() time.Duration { return time.Since(base) }
	}
	started := opts.From == ""
	for _, d := range defs {
		if d.name == opts.From {
			started = true
		}
		if !started {
			if d.name == opts.Until {
				return nil, fmt.Errorf("stage %q comes before %q", opts.Until, opts.From)
			}
			continue
		}
		run, err := d.load()
		if err != nil {
			return nil, fmt.Errorf("pipeline: stage %s: %w", d.name, err)
		}
		p.stages = append(p.stages, &stage{name: d.name, run: run})
		if d.name == opts.Until {
			break
		}
	}
	return p, nil
}

// StageNames lists the stages in order.
func StageNames() []string {
	names := make([]string, len(defs))
	for i, d := range defs {
		names[i] = d.name
	}
	return names
}

// Process runs every stage on d. A stage that panics (a bug, never bad input)
// is reported as an error naming the document, so one story cannot take down
// a batch; the state is returned with what the stages before it made.
func (p *Pipeline) Process(d *doc.Document) (*State, error) {
	sts, errs := p.ProcessBatch([]*doc.Document{d})
	return sts[0], errs[0]
}

// ProcessBatch runs every stage on each of ds, as Process does, but stage by
// stage over the whole batch: a stage's models then stay in the processor's
// caches from one document to the next instead of being pushed out by the
// other stages' after every short story, which makes the pipeline faster
// (see Stream). The results, and the errors, are Process's for each
// document.
func (p *Pipeline) ProcessBatch(ds []*doc.Document) ([]*State, []error) {
	sts, errs := make([]*State, len(ds)), make([]error, len(ds))
	for i, d := range ds {
		sts[i] = &State{Doc: d}
	}
	for _, s := range p.stages {
		t0 := p.clock()
		for i, st := range sts {
			if errs[i] == nil {
				errs[i] = s.runOn(st)
			}
		}
		s.ns.Add(int64(p.clock() - t0))
	}
	for i, d := range ds {
		if errs[i] == nil {
			p.docs.Add(1)
			p.words.Add(int64(CountWords(d.Text)))
		}
	}
	return sts, errs
}

// runOn runs the stage on st, turning a panic into an error.
func (s *stage) runOn(st *State) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("pipeline: document %s: stage %s: panic: %v\n%s", st.Doc.ID, s.name, r, debug.Stack())
		}
	}()
	s.run(st)
	return nil
}

// Batches for ProcessBatch: enough documents to keep each stage's models
// in cache a while, few enough that a batch's states fit in memory easily.
const (
	batchDocs  = 32
	batchWords = 8000
)

// batchFull tells whether a batch of n documents and words words is full.
func batchFull(n, words int) bool { return n >= batchDocs || words >= batchWords }

// BatchLen returns how many of ds, from the first, make the next batch
// (for callers that hold their documents in memory, as the benchmark).
func BatchLen(ds []*doc.Document) int {
	words := 0
	for i, d := range ds {
		if i > 0 && batchFull(i, words) {
			return i
		}
		words += CountWords(d.Text)
	}
	return len(ds)
}

// StageStat is the time spent in one stage.
type StageStat struct {
	Name string
	Time time.Duration
}

// Stats returns the documents and words processed and the time per stage.
func (p *Pipeline) Stats() (docs, words int64, stages []StageStat) {
	for _, s := range p.stages {
		stages = append(stages, StageStat{s.name, time.Duration(s.ns.Load())})
	}
	return p.docs.Load(), p.words.Load(), stages
}

// CountWords counts whitespace-separated words, the unit of the speed figures.
func CountWords(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		sp := c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v'
		if !sp && !in {
			n++
		}
		in = !sp
	}
	return n
}
