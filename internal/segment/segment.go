// Package segment groups tokens into sentences and paragraphs. It reads the
// text and the tokenizer's words; it knows nothing of tags or parses.
package segment

import (
	"strings"

	"github.com/dyadhq/dyad/pkg/doc"
)

// Segment returns the sentences of text over toks, in order, covering every
// token.
func Segment(text string, toks []doc.Token) []doc.Sentence {
	var out []doc.Sentence
	first, para := 0, 0
	flush := func(last int) {
		if last > first {
			out = append(out, doc.Sentence{Start: toks[first].Start, End: toks[last-1].End, First: first, Last: last, Paragraph: para})
		}
		first = last
	}
	for i := range toks {
		if i > first && strings.Count(text[toks[i-1].End:toks[i].Start], "\n") >= 2 {
			flush(i)
			para++
		}
		switch text[toks[i].Start:toks[i].End] {
		case ".", "!", "?":
			flush(i + 1)
		}
	}
	flush(len(toks))
	return out
}
