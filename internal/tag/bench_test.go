package tag

import (
	"testing"
	"time"

	prosetag "github.com/jdkato/prose/v3/tag"
)

// BenchmarkTag tags EWT test (gold tokens) with the embedded model.
func BenchmarkTag(b *testing.B) {
	sents := readEWT(b, "en_ewt-ud-test.conllu")
	tg, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	d := docOf(sents)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		tg.Tag(d)
	}
	b.ReportMetric(float64(len(d.Tokens))*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}

// BenchmarkVersusProse tags EWT test (gold tokens) with dyad's embedded model
// and with prose's perceptron tagger (github.com/jdkato/prose/v3) in the
// same run, and reports each one's accuracy against the gold tags and speed,
// and the ratio of the speeds. prose gives Penn Treebank tags only; its UPOS
// comes from uposOfPTB.
func BenchmarkVersusProse(b *testing.B) {
	sents := readEWT(b, "en_ewt-ud-test.conllu")
	tg, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	pt, err := prosetag.New()
	if err != nil {
		b.Fatal(err)
	}
	d := docOf(sents)
	var gold []struct{ upos, xpos string }
	var ptoks [][]prosetag.Token
	for _, s := range sents {
		var toks []prosetag.Token
		for _, w := range s.Words {
			gold = append(gold, struct{ upos, xpos string }{w.UPOS, w.XPOS})
			toks = append(toks, prosetag.Token{Text: w.Form})
		}
		ptoks = append(ptoks, toks)
	}
	words := float64(len(gold))
	var dyadTime, proseTime time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		tg.Tag(d)
		t1 := time.Now()
		for _, toks := range ptoks {
			pt.TagTokens(toks)
		}
		proseTime += time.Since(t1)
		dyadTime += t1.Sub(t0)
	}
	b.StopTimer()
	var dU, dX, pU, pX int
	k := 0
	for _, toks := range ptoks {
		for j, tok := range toks {
			g := gold[k]
			if d.Tokens[k].UPOS == g.upos {
				dU++
			}
			if d.Tokens[k].XPOS == g.xpos {
				dX++
			}
			if uposOfPTB(tok.Text, tok.Tag, toks, j) == g.upos {
				pU++
			}
			if tok.Tag == g.xpos {
				pX++
			}
			k++
		}
	}
	dSpeed := words * float64(b.N) / dyadTime.Seconds()
	pSpeed := words * float64(b.N) / proseTime.Seconds()
	b.ReportMetric(100*float64(dU)/words, "dyad-UPOS-%")
	b.ReportMetric(100*float64(dX)/words, "dyad-XPOS-%")
	b.ReportMetric(100*float64(pU)/words, "prose-UPOS-%")
	b.ReportMetric(100*float64(pX)/words, "prose-XPOS-%")
	b.ReportMetric(dSpeed, "dyad-words/s")
	b.ReportMetric(pSpeed, "prose-words/s")
	b.ReportMetric(dSpeed/pSpeed, "speed-ratio")
}
