package segment

import (
	"testing"

	"github.com/dyadhq/dyad/internal/tokenize"
	"github.com/dyadhq/dyad/pkg/doc"
)

// FuzzSegment segments arbitrary text (valid UTF-8 or not) and checks that
// nothing panics and that the sentences cover every token, in order, with
// the document's invariants (doc.Document.Check) holding, with and without
// the model.
func FuzzSegment(f *testing.F) {
	for _, s := range []string{
		"Hello World. My name is Jonas.", "1.) The first item 2.) The second item", "a\nb\n\nc",
		"Mr. Smith. . . . The end… “Quote.” (Parens.) x", "\xff\n\n \xfe.", "•\n⁃9. Item\n    Indented",
		"Line one\nline two is longer than the first\n    Indented next.", "i think so. lol!! :)",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		toks := tokenize.Tokenize(text)
		for _, seg := range []func(string, []doc.Token) []doc.Sentence{Segment, SegmentRules} {
			sents := seg(text, toks)
			d := doc.Document{Text: text, Tokens: toks, Sentences: sents}
			if err := d.Check(); err != nil {
				t.Fatalf("%q: %v", text, err)
			}
			if len(toks) > 0 && (len(sents) == 0 || sents[len(sents)-1].Last != len(toks)) {
				t.Fatalf("%q: sentences do not cover the tokens", text)
			}
			for i, s := range sents {
				if s.Start != toks[s.First].Start || s.End != toks[s.Last-1].End {
					t.Fatalf("%q: sentence %d [%d,%d) is not the span of its tokens", text, i, s.Start, s.End)
				}
				if i > 0 && s.Paragraph < sents[i-1].Paragraph {
					t.Fatalf("%q: paragraph numbers go back at sentence %d", text, i)
				}
			}
		}
	})
}
