package tag

import (
	"strings"
	"testing"

	"github.com/dyadhq/dyad/internal/conllu"
	"github.com/dyadhq/dyad/internal/datadir/datatest"
	"github.com/dyadhq/dyad/pkg/doc"
)

// readEWT reads a UD English EWT file, skipping the test when it is absent.
func readEWT(tb testing.TB, name string) []conllu.Sentence {
	tb.Helper()
	sents, err := conllu.ReadFile(datatest.Require(tb, "ud-ewt", name))
	if err != nil {
		tb.Fatal(err)
	}
	return sents
}

// docOf builds a document from gold-tokenized sentences: words joined by
// single spaces, one sentence after another.
func docOf(sents []conllu.Sentence) *doc.Document {
	var b strings.Builder
	d := &doc.Document{}
	for _, s := range sents {
		if len(s.Words) == 0 {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		first := len(d.Tokens)
		start := b.Len()
		for j, w := range s.Words {
			if j > 0 {
				b.WriteByte(' ')
			}
			d.Tokens = append(d.Tokens, doc.Token{Start: b.Len(), End: b.Len() + len(w.Form), SpaceAfter: true, Head: -1})
			b.WriteString(w.Form)
		}
		d.Sentences = append(d.Sentences, doc.Sentence{Start: start, End: b.Len(), First: first, Last: len(d.Tokens)})
	}
	d.Text = b.String()
	return d
}
