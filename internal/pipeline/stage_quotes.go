package pipeline

import (
	"fmt"

	"github.com/dyadhq/dyad/internal/actor"
	"github.com/dyadhq/dyad/internal/entity"
	"github.com/dyadhq/dyad/internal/quote"
	"github.com/dyadhq/dyad/pkg/contract"
)

// orderQuotes runs quotes after the entity stage (70) and events, so that
// speakers resolve through entities and coreference.
const orderQuotes = 90

// quoteList is the State field's type, named here so that pipeline.go
// needs no import for it.
type quoteList = []quote.Quote

func init() {
	register(orderQuotes, "quotes", func() (func(*State), error) {
		dict, err := actor.Load()
		if err != nil {
			return nil, err
		}
		x := quote.New(dict)
		return func(s *State) {
			// Speakers resolve through the entity stage's coreference when
			// it ran, else through the actor dictionary.
			var sp quote.Speakers
			if s.Actors != nil {
				sp = quoteSpeakers{s.Actors}
			}
			s.Quotes = x.Extract(s.Doc, s.Times, sp)
		}, nil
	})
	renderers = append(renderers, renderQuotes)
}

func renderQuotes(st *State, out *contract.Document) {
	d := st.Doc
	n := 0
	for _, q := range st.Quotes {
		if q.Kind == quote.Stance {
			continue // a position, not reported words
		}
		n++
		cq := contract.Quote{ID: fmt.Sprintf("q%d", n), Kind: q.Kind, Text: d.Text[q.Start:q.End],
			Start: q.Start, End: q.End, Medium: q.Medium, Addressee: q.Addressee, Date: q.Date,
			Speaker: contract.Speaker{Entity: q.Speaker.Entity, Name: q.Speaker.Name, Code: q.Speaker.Code,
				Anonymous: q.Speaker.Anonymous}}
		if q.Speaker.Start >= 0 && q.Speaker.End > q.Speaker.Start {
			cq.Speaker.Text = d.Text[q.Speaker.Start:q.Speaker.End]
			cq.Speaker.Start, cq.Speaker.End = q.Speaker.Start, q.Speaker.End
		}
		if q.Cue.First >= 0 && q.Cue.End > q.Cue.Start {
			cq.Cue = contract.Cue{Lemma: q.Cue.Lemma, Start: q.Cue.Start, End: q.Cue.End, Text: d.Text[q.Cue.Start:q.Cue.End]}
		}
		out.Quotes = append(out.Quotes, cq)
	}
}

// quoteSpeakers adapts the entity stage's result to the quote extractor's
// speaker lookup.
type quoteSpeakers struct{ r *entity.Result }

var _ quote.Speakers = quoteSpeakers{}

func (q quoteSpeakers) ActorAt(tok int) (quote.Speaker, bool) {
	e, m, ok := q.r.MentionAt(tok)
	if !ok {
		return quote.Speaker{}, false
	}
	return quote.Speaker{Entity: e.Ref(), Name: e.Canonical, Code: string(e.Code), Start: m.Start, End: m.End,
		First: m.First, Last: m.Last}, true
}
