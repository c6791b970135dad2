package pipeline

import (
	"github.com/dyadhq/dyad/internal/actor"
	"github.com/dyadhq/dyad/internal/entity"
	"github.com/dyadhq/dyad/internal/ner"
	"github.com/dyadhq/dyad/pkg/contract"
)

// orderEntities runs the entity stage (recognizer, actor dictionary,
// coreference) after the syntax and time stages.
const orderEntities = 70

// entitySet is the State field's type, named here so that pipeline.go
// needs no import for it.
type entitySet = *entity.Result

func init() {
	register(orderEntities, "entities", func() (func(*State), error) {
		dict, err := actor.Load()
		if err != nil {
			return nil, err
		}
		model, err := ner.Load()
		if err != nil {
			return nil, err
		}
		r := entity.New(dict, model)
		return func(s *State) { s.Actors = r.Resolve(s.Doc) }, nil
	})
	renderers = append(renderers, renderEntities)
}

func renderEntities(st *State, out *contract.Document) {
	if st.Actors == nil {
		return
	}
	d := st.Doc
	for _, e := range st.Actors.Entities {
		ce := contract.Entity{ID: e.Ref(), Canonical: e.Canonical, Type: e.Type, Mentions: []contract.Mention{}}
		if e.Code != "" {
			ce.Actor = &contract.Actor{Code: string(e.Code), Country: e.Country, Role: e.Role}
		}
		for _, m := range e.Mentions {
			ce.Mentions = append(ce.Mentions, contract.Mention{Start: m.Start, End: m.End, Text: d.Text[m.Start:m.End],
				Sentence: m.Sentence, Kind: m.Kind})
		}
		// the text is the first name-like mention, else the first mention
		for _, m := range ce.Mentions {
			if m.Kind == entity.KindName || m.Kind == entity.KindTitle || m.Kind == entity.KindMetonym {
				ce.Text = m.Text
				break
			}
		}
		if ce.Text == "" && len(ce.Mentions) > 0 {
			ce.Text = ce.Mentions[0].Text
		}
		for _, m := range e.Members {
			ce.Members = append(ce.Members, st.Actors.Entities[m].Ref())
		}
		out.Entities = append(out.Entities, ce)
	}
}
