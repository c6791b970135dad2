package pipeline

import (
	"time"

	"github.com/dyadhq/dyad/pkg/contract"
	"github.com/dyadhq/dyad/pkg/doc"
)

// RenderOptions selects optional parts of the output.
type RenderOptions struct {
	Tokens bool
}

// renderers add the later stages' parts of the output; each stage file
// appends its own from init.
var renderers []func(st *State, out *contract.Document)

// Render turns a processed document into the output contract.
func Render(st *State, opts RenderOptions) contract.Document {
	d := st.Doc
	out := contract.New()
	out.ID, out.Title, out.Text = d.ID, d.Title, d.Text
	out.Published = FormatPublished(d)
	out.Source, out.URL, out.Language = d.Source, d.URL, d.Language
	if len(d.Meta) > 0 {
		out.Meta = d.Meta
	}
	for i, s := range d.Sentences {
		out.Sentences = append(out.Sentences, contract.Sentence{Index: i, Start: s.Start, End: s.End,
			Text: d.Text[s.Start:s.End], Paragraph: s.Paragraph})
	}
	if opts.Tokens {
		out.Tokens = renderTokens(d)
	}
	for _, t := range st.Times {
		out.Times = append(out.Times, contract.Time{Text: d.Text[t.Start:t.End], Start: t.Start, End: t.End,
			Type: t.Type, Value: t.Value, Mod: t.Mod})
	}
	for _, r := range renderers {
		r(st, &out)
	}
	return out
}

func renderTokens(d *doc.Document) []contract.Token {
	toks := make([]contract.Token, 0, len(d.Tokens))
	for si, s := range d.Sentences {
		for i := s.First; i < s.Last; i++ {
			t := &d.Tokens[i]
			ct := contract.Token{Index: i, Sentence: si, ID: i - s.First + 1, Start: t.Start, End: t.End,
				Text: d.Text[t.Start:t.End], Norm: t.Norm, SpaceAfter: t.SpaceAfter, Fused: t.Fused,
				UPOS: t.UPOS, XPOS: t.XPOS, Feats: t.Feats, Lemma: t.Lemma, Deprel: t.Deprel}
			if t.Deprel != "" {
				h := 0
				if t.Head >= 0 {
					h = t.Head - s.First + 1
				}
				ct.Head = &h
			}
			toks = append(toks, ct)
		}
	}
	return toks
}

// FormatPublished prints the publication date as YYYY-MM-DD, or RFC 3339 when
// it carries a time of day; "" when unknown.
func FormatPublished(d *doc.Document) string {
	if d.Published.IsZero() {
		return ""
	}
	if d.PublishedHasClock {
		return d.Published.Format(time.RFC3339)
	}
	return d.Published.Format(time.DateOnly)
}
