package lemma

import (
	"os"
	"testing"

	"github.com/dyadhq/dyad/internal/conllu"
	"github.com/dyadhq/dyad/internal/tag"
)

// TestReport prints the embedded lemmatizer's Lemmas accuracy on EWT dev and
// test (gold tokens), with gold tags and with the embedded tagger's tags. It
// runs only when DYAD_REPORT is set:
//
//	DYAD_REPORT=1 go test -run TestReport -v ./internal/lemma
func TestReport(t *testing.T) {
	if os.Getenv("DYAD_REPORT") == "" {
		t.Skip("set DYAD_REPORT=1 to print the figures")
	}
	l, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	tg, err := tag.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"dev", "test"} {
		sents := readEWT(t, "en_ewt-ud-"+name+".conllu")
		gold := l.Evaluate(sents)
		pred := l.Evaluate(retagged(tg, sents))
		t.Logf("%s: Lemmas %.2f%% with gold tags, %.2f%% with predicted tags (%d words)", name, 100*gold.Acc(), 100*pred.Acc(), gold.Words)
	}
}

// retagged returns a copy of sents with the tagger's UPOS and XPOS.
func retagged(tg *tag.Tagger, sents []conllu.Sentence) []conllu.Sentence {
	out := make([]conllu.Sentence, len(sents))
	for i, s := range sents {
		words := make([]string, len(s.Words))
		for j, w := range s.Words {
			words[j] = w.Form
		}
		upos, xpos, _ := tg.TagWords(words)
		out[i].Words = append([]conllu.Word(nil), s.Words...)
		for j := range out[i].Words {
			out[i].Words[j].UPOS, out[i].Words[j].XPOS = upos[j], xpos[j]
		}
	}
	return out
}
