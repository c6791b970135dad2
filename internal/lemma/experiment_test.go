package lemma

import (
	"os"
	"testing"
)

// TestExperiment trains on EWT train and prints dev/test scores with gold
// tags; it runs only when DYAD_LEMMA_EXPERIMENT is set.
func TestExperiment(t *testing.T) {
	if os.Getenv("DYAD_LEMMA_EXPERIMENT") == "" {
		t.Skip("set DYAD_LEMMA_EXPERIMENT=1 to run")
	}
	train, dev, test := readEWT(t, "en_ewt-ud-train.conllu"), readEWT(t, "en_ewt-ud-dev.conllu"), readEWT(t, "en_ewt-ud-test.conllu")
	l, err := Train(TrainConfig{Train: train, Dev: dev, Log: os.Stderr})
	if err != nil {
		t.Fatal(err)
	}
	for name, s := range map[string]Scores{"dev": l.Evaluate(dev), "test": l.Evaluate(test)} {
		t.Logf("%s: Lemmas %.2f (%d words)", name, 100*s.Acc(), s.Words)
	}
	if os.Getenv("DYAD_LEMMA_ERRORS") != "" {
		for _, s := range dev {
			for _, w := range s.Words {
				if got := l.Lemma(w.Form, w.XPOS); got != w.Lemma {
					t.Logf("%s/%s -> %s, want %s", w.Form, w.XPOS, got, w.Lemma)
				}
			}
		}
	}
	if p := os.Getenv("DYAD_LEMMA_SAVE"); p != "" {
		f, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := l.Save(f); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
}
