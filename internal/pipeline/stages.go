package pipeline

import (
	"github.com/dyadhq/dyad/internal/lemma"
	"github.com/dyadhq/dyad/internal/parse"
	"github.com/dyadhq/dyad/internal/segment"
	"github.com/dyadhq/dyad/internal/tag"
	"github.com/dyadhq/dyad/internal/timex"
	"github.com/dyadhq/dyad/internal/tokenize"
)

// Stage order numbers leave room between them for stages added later.
const (
	orderTokenize = 10
	orderSegment  = 20
	orderTag      = 30
	orderLemma    = 40
	orderParse    = 50
	orderTimex    = 60
)

func init() {
	register(orderTokenize, "tokenize", func() (func(*State), error) {
		return func(s *State) { s.Doc.Tokens = tokenize.Tokenize(s.Doc.Text) }, nil
	})
	register(orderSegment, "segment", func() (func(*State), error) {
		return func(s *State) { s.Doc.Sentences = segment.Segment(s.Doc.Text, s.Doc.Tokens) }, nil
	})
	register(orderTag, "tag", func() (func(*State), error) {
		t, err := tag.Load()
		if err != nil {
			return nil, err
		}
		return func(s *State) { t.Tag(s.Doc) }, nil
	})
	register(orderLemma, "lemma", func() (func(*State), error) {
		l, err := lemma.Load()
		if err != nil {
			return nil, err
		}
		return func(s *State) { l.Lemmatize(s.Doc) }, nil
	})
	register(orderParse, "parse", func() (func(*State), error) {
		p, err := parse.Load()
		if err != nil {
			return nil, err
		}
		return func(s *State) { p.Parse(s.Doc) }, nil
	})
	register(orderTimex, "timex", func() (func(*State), error) {
		return func(s *State) { s.Times = timex.Extract(s.Doc, s.Doc.Published) }, nil
	})
}
