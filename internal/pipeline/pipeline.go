// Package pipeline runs dyad's stages over a document in their fixed order
// (tokenize, segment, then the later stages as they are added) and renders
// the result in the output contract. It is the one place that knows every
// stage; stages know nothing of each other beyond the document they annotate.
// A Pipeline is safe for concurrent use: models are shared, state is per call.
package pipeline

import (
	"fmt"
	"runtime/debug"
	"sync/atomic"
	"time"

	"github.com/dyadhq/dyad/internal/segment"
	"github.com/dyadhq/dyad/internal/timex"
	"github.com/dyadhq/dyad/internal/tokenize"
	"github.com/dyadhq/dyad/pkg/doc"
)

// State is one document passing through the pipeline with what each stage
// made of it.
type State struct {
	Doc   *doc.Document
	Times []timex.Timex
}

// stage is one named step.
type stage struct {
	name string
	run  func(*State)
	ns   atomic.Int64
}

// Options selects what the pipeline does.
type Options struct {
	// Until stops after the named stage ("" runs every stage).
	Until string
}

// Pipeline is a configured sequence of stages.
type Pipeline struct {
	stages []*stage
	docs   atomic.Int64
	words  atomic.Int64
}

// allStages returns every stage in pipeline order; each call gives fresh
// timing counters.
func allStages() []*stage {
	return []*stage{
		{name: "tokenize", run: func(s *State) { s.Doc.Tokens = tokenize.Tokenize(s.Doc.Text) }},
		{name: "segment", run: func(s *State) { s.Doc.Sentences = segment.Segment(s.Doc.Text, s.Doc.Tokens) }},
		{name: "timex", run: func(s *State) { s.Times = timex.Extract(s.Doc, s.Doc.Published) }},
	}
}

// New builds a pipeline.
func New(opts Options) (*Pipeline, error) {
	p := &Pipeline{}
	for _, st := range allStages() {
		p.stages = append(p.stages, st)
		if st.name == opts.Until {
			return p, nil
		}
	}
	if opts.Until != "" {
		return nil, fmt.Errorf("unknown stage %q (stages: %v)", opts.Until, StageNames())
	}
	return p, nil
}

// StageNames lists the stages in order.
func StageNames() []string {
	var names []string
	for _, st := range allStages() {
		names = append(names, st.name)
	}
	return names
}

// Process runs every stage on d. A stage that panics (a bug, never bad input)
// is reported as an error naming the document, so one story cannot take down
// a batch.
func (p *Pipeline) Process(d *doc.Document) (st *State, err error) {
	st = &State{Doc: d}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("pipeline: document %s: panic: %v\n%s", d.ID, r, debug.Stack())
		}
	}()
	for _, s := range p.stages {
		t0 := time.Now()
		s.run(st)
		s.ns.Add(int64(time.Since(t0)))
	}
	p.docs.Add(1)
	p.words.Add(int64(CountWords(d.Text)))
	return st, nil
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
