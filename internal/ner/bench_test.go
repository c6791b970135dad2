package ner

import (
	"testing"

	"github.com/dyadhq/dyad/internal/actor"
	"github.com/dyadhq/dyad/internal/datadir/datatest"
	"github.com/dyadhq/dyad/pkg/doc"
)

// BenchmarkRecognize measures the recognizer alone (features, scores,
// Viterbi) on tagged, gazetteer-matched UNER EWT test sentences; it reports
// words per second.
func BenchmarkRecognize(b *testing.B) {
	path := datatest.Require(b, "uner-ewt", "en_ewt-ud-test.iob2")
	sents, err := ReadIOB2File(path)
	if err != nil {
		b.Fatal(err)
	}
	m, tg := modelAndTagger(b)
	dict, err := actor.Load()
	if err != nil {
		b.Fatal(err)
	}
	type input struct {
		d   *doc.Document
		gaz []uint8
	}
	var ins []input
	words := 0
	for _, s := range sents {
		d := WordsDoc(s.Words)
		tg.Tag(d)
		ins = append(ins, input{d, Gazetteer(d, dict, dict.Match(d))})
		words += len(s.Words)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, in := range ins {
			m.Recognize(in.d, in.gaz)
		}
	}
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
}
