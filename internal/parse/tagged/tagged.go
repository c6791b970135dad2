// Package tagged gives treebank sentences the tags dyad's tagger predicts,
// so that the parser is trained and scored on the tags it sees in use: by
// jackknifing for a training set, by a trained tagger for dev or test. It
// joins package tag and the treebank; the parser itself knows neither.
package tagged

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/dyadhq/dyad/internal/conllu"
	"github.com/dyadhq/dyad/internal/tag"
)

// Jackknife returns a copy of train whose UPOS and XPOS come from taggers
// each trained on the other folds with cfg (its Train is set here; Dev, if
// any, stops training early). Folds are contiguous blocks, so a document's
// sentences are tagged by a tagger that never saw it. Up to jobs taggers
// train at once; the result does not depend on jobs.
func Jackknife(train []conllu.Sentence, cfg tag.TrainConfig, folds, jobs int, log io.Writer) ([]conllu.Sentence, error) {
	if folds < 2 {
		return nil, fmt.Errorf("jackknife: %d folds, need at least 2", folds)
	}
	out := make([]conllu.Sentence, len(train))
	copy(out, train)
	errs := make([]error, folds)
	sem := make(chan struct{}, max(jobs, 1))
	var wg sync.WaitGroup
	var mu sync.Mutex
	for k := 0; k < folds; k++ {
		lo, hi := k*len(train)/folds, (k+1)*len(train)/folds
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			rest := make([]conllu.Sentence, 0, len(train)-(hi-lo))
			rest = append(append(rest, train[:lo]...), train[hi:]...)
			t0 := time.Now()
			c := cfg
			c.Train, c.Log, c.Progress = rest, nil, nil
			tg, err := tag.Train(c)
			if err != nil {
				errs[k] = fmt.Errorf("jackknife fold %d: %w", k+1, err)
				return
			}
			held := out[lo:hi]
			for i := range held {
				held[i].Words = append([]conllu.Word(nil), held[i].Words...)
			}
			Retag(tg, held)
			if log != nil {
				mu.Lock()
				fmt.Fprintf(log, "jackknife: fold %d/%d tagged (%s)\n", k+1, folds, time.Since(t0).Round(time.Second))
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Retag replaces the UPOS and XPOS of sents, in place, with tg's.
func Retag(tg *tag.Tagger, sents []conllu.Sentence) {
	var words []string
	for i := range sents {
		ws := sents[i].Words
		words = words[:0]
		for _, w := range ws {
			words = append(words, w.Form)
		}
		if len(words) == 0 {
			continue
		}
		upos, xpos, _ := tg.TagWords(words)
		for j := range ws {
			ws[j].UPOS, ws[j].XPOS = upos[j], xpos[j]
		}
	}
}

// Tagger returns the tagger in the model file path, or dyad's built-in one
// when path is "".
func Tagger(path string) (*tag.Tagger, error) {
	if path == "" {
		return tag.Load()
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	tg, err := tag.Read(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return tg, nil
}
