package parse

import (
	"strings"

	"github.com/dyadhq/dyad/internal/conllu"
	"github.com/dyadhq/dyad/pkg/doc"
)

// GoldTokens builds one document from treebank sentences, one token per
// syntactic word (the words joined by spaces), with the treebank's UPOS,
// XPOS, features and lemmas and no parse: the input for scoring a parser
// on gold tokens.
func GoldTokens(sents []conllu.Sentence) *doc.Document {
	var b strings.Builder
	d := &doc.Document{}
	for i := range sents {
		s := &sents[i]
		if len(s.Words) == 0 {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		sent := doc.Sentence{Start: b.Len(), First: len(d.Tokens)}
		for j, w := range s.Words {
			if j > 0 {
				b.WriteByte(' ')
			}
			start := b.Len()
			b.WriteString(w.Form)
			d.Tokens = append(d.Tokens, doc.Token{Start: start, End: b.Len(), SpaceAfter: true,
				UPOS: w.UPOS, XPOS: w.XPOS, Feats: w.Feats, Lemma: w.Lemma, Head: -1})
		}
		sent.End, sent.Last = b.Len(), len(d.Tokens)
		d.Sentences = append(d.Sentences, sent)
	}
	d.Text = b.String()
	return d
}

// ScoreDocument compares the parse of d (made by GoldTokens from sents and
// then parsed) with the treebank's trees.
func ScoreDocument(d *doc.Document, sents []conllu.Sentence) Scores {
	var sc Scores
	k := 0
	for i := range sents {
		s := &sents[i]
		if len(s.Words) == 0 {
			continue
		}
		first := d.Sentences[k].First
		k++
		for j, w := range s.Words {
			t := &d.Tokens[first+j]
			head := 0
			if t.Head >= 0 {
				head = t.Head - first + 1
			}
			sc.ScoreWord(w.Head, head, w.Deprel, t.Deprel)
		}
	}
	return sc
}
