// Package tokenize splits text into words (UD syntactic words) with byte
// offsets into the text. It knows nothing of sentences, tags or documents
// beyond the text it is given.
package tokenize

import (
	"unicode"
	"unicode/utf8"

	"github.com/dyadhq/dyad/pkg/doc"
)

// Tokenize returns the words of text. Every token t keeps
// text[t.Start:t.End] as its surface and Head -1 (unparsed).
func Tokenize(text string) []doc.Token {
	toks := make([]doc.Token, 0, len(text)/5)
	i := 0
	for i < len(text) {
		r, w := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			if n := len(toks); n > 0 && toks[n-1].End == i {
				toks[n-1].SpaceAfter = true
			}
			i += w
			continue
		}
		start := i
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			for i < len(text) {
				r, w = utf8.DecodeRuneInString(text[i:])
				if !(unicode.IsLetter(r) || unicode.IsDigit(r)) {
					break
				}
				i += w
			}
		} else {
			i += w
		}
		toks = append(toks, doc.Token{Start: start, End: i, Head: -1})
	}
	return toks
}
