package pipeline

import (
	"fmt"
	"regexp"

	"github.com/dyadhq/dyad/internal/cameo"
	"github.com/dyadhq/dyad/internal/entity"
	"github.com/dyadhq/dyad/internal/event"
	"github.com/dyadhq/dyad/internal/plover"
	"github.com/dyadhq/dyad/pkg/contract"
)

const orderEvents = 80

// eventList is the events stage's part of State.
type eventList = []event.Event

// calendarDay matches TIMEX3 values that name a day, month or year.
var calendarDay = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)

func init() {
	register(orderEvents, "events", func() (func(*State), error) {
		c, err := event.Load()
		if err != nil {
			return nil, err
		}
		return func(s *State) {
			var spans []event.Span
			for _, t := range s.Times {
				spans = append(spans, event.Span{Start: t.Start, End: t.End})
			}
			// Actors come from the entity stage (with coreference) when it
			// ran, else the coder matches the actor dictionary itself.
			var actors event.Actors
			if s.Actors != nil {
				actors = eventActors{s.Actors}
			}
			s.Events = c.Code(s.Doc, actors, spans)
		}, nil
	})
	renderers = append(renderers, renderEvents)
}

func renderEvents(st *State, out *contract.Document) {
	d := st.Doc
	pub := ""
	if !d.Published.IsZero() {
		pub = d.Published.Format("2006-01-02")
	}
	for i, e := range st.Events {
		ce := contract.Event{ID: fmt.Sprintf("v%d", i+1), Sentence: e.Sentence,
			Source: participant(d.Text, e.Source), Target: participant(d.Text, e.Target),
			Negated: e.Negated, Reported: e.Reported, Modality: e.Modality}
		ce.Cameo.Code = e.Code
		if cc, ok := cameo.Resolve(e.Code); ok {
			ce.Cameo.Name, ce.Cameo.Root, ce.Cameo.QuadClass, ce.Cameo.Goldstein = cc.Name, cc.Root, cc.QuadClass, cc.Goldstein
		}
		if p, ok := plover.FromCAMEO(e.Code); ok {
			ce.Plover = contract.Plover{Type: p.Type, Mode: p.Mode, Context: p.Context}
		}
		tk := d.Tokens[e.Trigger]
		ce.Trigger = contract.Span{Start: tk.Start, End: tk.End, Text: d.Text[tk.Start:tk.End]}
		if e.Time >= 0 && e.Time < len(st.Times) && calendarDay.MatchString(st.Times[e.Time].Value) {
			ce.Date, ce.DateFrom = st.Times[e.Time].Value, "text"
		} else if pub != "" {
			ce.Date, ce.DateFrom = pub, "published"
		}
		if l := e.Location; l.Code != "" {
			ce.Location = &contract.Span{Start: l.Start, End: l.End, Text: d.Text[l.Start:l.End]}
		}
		for _, m := range e.Mentions {
			mt := d.Tokens[m.Trigger]
			ce.Mentions = append(ce.Mentions, contract.Span{Start: mt.Start, End: mt.End, Text: d.Text[mt.Start:mt.End]})
		}
		out.Events = append(out.Events, ce)
	}
}

func participant(text string, a event.Actor) contract.Participant {
	if a.Code == "" {
		return contract.Participant{}
	}
	return contract.Participant{Entity: a.Entity, Code: a.Code, Text: text[a.Start:a.End], Start: a.Start, End: a.End}
}

// eventActors adapts the entity stage's result to the event coder's lookup
// (a pronoun gives its antecedent's actor).
type eventActors struct{ r *entity.Result }

var _ event.Actors = eventActors{}

func (a eventActors) ActorAt(tok int) (event.Actor, bool) {
	e, m, ok := a.r.MentionAt(tok)
	if !ok || e.Code == "" {
		return event.Actor{}, false
	}
	// A place named by its name ("in Vienna") can be where an event
	// happens rather than who takes part.
	place := (e.Type == entity.GPE || e.Type == entity.LOC) && m.Kind == entity.KindName
	return event.Actor{Code: string(e.Code), Entity: e.Ref(), Start: m.Start, End: m.End, First: m.First, Last: m.Last, Place: place,
		Person: e.Type == entity.PER && e.Members == nil}, true
}
