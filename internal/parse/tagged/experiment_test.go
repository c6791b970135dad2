package tagged

import (
	"os"
	"testing"
	"time"

	"github.com/dyadhq/dyad/internal/conllu"
	"github.com/dyadhq/dyad/internal/datadir/datatest"
	"github.com/dyadhq/dyad/internal/tag"
)

// TestMakeTagged writes, for experiments by hand, EWT train jackknifed and a
// tagger trained on all of train (for dev and test):
//
//	DYAD_TAGGED_OUT=/tmp/ewt go test -run MakeTagged -v -timeout 2h ./internal/parse/tagged
func TestMakeTagged(t *testing.T) {
	out := os.Getenv("DYAD_TAGGED_OUT")
	if out == "" {
		t.Skip("set DYAD_TAGGED_OUT to a file prefix to run")
	}
	train, err := conllu.ReadFile(datatest.Require(t, "ud-ewt", "en_ewt-ud-train.conllu"))
	if err != nil {
		t.Fatal(err)
	}
	dev, err := conllu.ReadFile(datatest.Require(t, "ud-ewt", "en_ewt-ud-dev.conllu"))
	if err != nil {
		t.Fatal(err)
	}
	t0 := time.Now()
	cfg := tag.TrainConfig{Train: train, Dev: dev, Seed: 1, Folds: 1}
	tg, err := tag.Train(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("full tagger trained in %s", time.Since(t0))
	f, err := os.Create(out + ".tagger.gz")
	if err != nil {
		t.Fatal(err)
	}
	if err := tg.Save(f); err != nil {
		t.Fatal(err)
	}
	f.Close()
	jk, err := Jackknife(train, cfg, 5, 2, os.Stderr)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("jackknifed in %s", time.Since(t0))
	f, err = os.Create(out + ".train.conllu")
	if err != nil {
		t.Fatal(err)
	}
	if err := conllu.Write(f, jk); err != nil {
		t.Fatal(err)
	}
	f.Close()
}

// TestRetagFiles writes EWT dev and test tagged by the tagger in
// $DYAD_TAGGER_MODEL, for experiments by hand:
//
//	DYAD_TAGGER_MODEL=/tmp/ewt.tagger.gz DYAD_TAGGED_OUT=/tmp/ewt go test -run RetagFiles ./internal/parse/tagged
func TestRetagFiles(t *testing.T) {
	out, model := os.Getenv("DYAD_TAGGED_OUT"), os.Getenv("DYAD_TAGGER_MODEL")
	if out == "" || model == "" {
		t.Skip("set DYAD_TAGGED_OUT and DYAD_TAGGER_MODEL to run")
	}
	tg, err := Tagger(model)
	if err != nil {
		t.Fatal(err)
	}
	for _, split := range []string{"dev", "test"} {
		s, err := conllu.ReadFile(datatest.Require(t, "ud-ewt", "en_ewt-ud-"+split+".conllu"))
		if err != nil {
			t.Fatal(err)
		}
		gold := 0
		words := 0
		orig := make([][2]string, 0)
		for i := range s {
			for _, w := range s[i].Words {
				orig = append(orig, [2]string{w.UPOS, w.XPOS})
			}
		}
		Retag(tg, s)
		k := 0
		for i := range s {
			for _, w := range s[i].Words {
				if orig[k] == [2]string{w.UPOS, w.XPOS} {
					gold++
				}
				words++
				k++
			}
		}
		t.Logf("%s: UPOS+XPOS both right on %.2f%% of %d words", split, 100*float64(gold)/float64(words), words)
		f, err := os.Create(out + "." + split + ".conllu")
		if err != nil {
			t.Fatal(err)
		}
		if err := conllu.Write(f, s); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
}
