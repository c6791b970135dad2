package lemma

import (
	"strings"
	"testing"

	"github.com/dyadhq/dyad/pkg/doc"
)

// BenchmarkLemmatize lemmatizes EWT test (gold tokens and tags).
func BenchmarkLemmatize(b *testing.B) {
	sents := readEWT(b, "en_ewt-ud-test.conllu")
	l, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	var sb strings.Builder
	d := &doc.Document{}
	for _, s := range sents {
		for _, w := range s.Words {
			if sb.Len() > 0 {
				sb.WriteByte(' ')
			}
			d.Tokens = append(d.Tokens, doc.Token{Start: sb.Len(), End: sb.Len() + len(w.Form), XPOS: w.XPOS})
			sb.WriteString(w.Form)
		}
	}
	d.Text = sb.String()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		l.Lemmatize(d)
	}
	b.ReportMetric(float64(len(d.Tokens))*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}
