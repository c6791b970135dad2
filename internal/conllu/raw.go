package conllu

import "strings"

// Span is a byte range of a rebuilt raw text.
type Span struct{ Start, End int }

// Raw is the raw text a treebank was made from, rebuilt from its surface
// tokens and SpaceAfter=No, with the gold spans of sentences, surface tokens
// and words. Paragraphs and documents are separated by a blank line; sentences
// inside a paragraph by the space their last token leaves (or none).
type Raw struct {
	Text      string
	Sentences []Span
	Tokens    [][]Token // per sentence
	TokSpans  [][]Span  // per sentence, one span per surface token
}

// RawText rebuilds the raw text of sents.
func RawText(sents []Sentence) Raw {
	var b strings.Builder
	r := Raw{Sentences: make([]Span, len(sents)), Tokens: make([][]Token, len(sents)), TokSpans: make([][]Span, len(sents))}
	space := false
	for i := range sents {
		s := &sents[i]
		if i > 0 {
			switch {
			case s.NewPar():
				b.WriteString("\n\n")
			case space:
				b.WriteByte(' ')
			}
		}
		toks := s.Tokens()
		spans := make([]Span, len(toks))
		start := b.Len()
		for j, t := range toks {
			if j > 0 && toks[j-1].SpaceAfter {
				b.WriteByte(' ')
			}
			spans[j].Start = b.Len()
			b.WriteString(t.Form)
			spans[j].End = b.Len()
		}
		r.Sentences[i] = Span{start, b.Len()}
		r.Tokens[i], r.TokSpans[i] = toks, spans
		space = len(toks) == 0 || toks[len(toks)-1].SpaceAfter
	}
	r.Text = b.String()
	return r
}
