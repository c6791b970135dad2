package tag

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/dyadhq/dyad/internal/conllu"
)

// TrainConfig says how to train a tagger.
type TrainConfig struct {
	// Context, when set, stops training early with its error.
	Context    context.Context
	Train, Dev []conllu.Sentence // Dev may be empty: then every epoch runs
	Seed       uint64
	// Epochs bounds the epochs of each pass (default 20); training stops
	// earlier once dev accuracy has not improved for Patience epochs
	// (default 3).
	Epochs, Patience int
	// Folds is the number of jackknife folds that give the second pass
	// realistic first-pass tags on the training data (default 5); 1 trains
	// one pass only.
	Folds int
	// SureAccuracy is the dev accuracy that the first-pass tags the second
	// pass keeps must reach (default 0.99): the higher, the more words the
	// second pass re-tags and the slower tagging is.
	SureAccuracy float64
	// Log receives one line per epoch with dev scores; may be nil.
	Log io.Writer
	// Progress, when set, is called as training goes with the sentences
	// processed and the total planned.
	Progress func(done, total int)
}

// example is one training sentence: words and gold classes.
type example struct {
	words []string
	gold  []int16 // -1 for a class never seen in training
	upos  []string
	xpos  []string
	feats []string
}

func toExamples(sents []conllu.Sentence) []example {
	out := make([]example, 0, len(sents))
	for i := range sents {
		ws := sents[i].Words
		if len(ws) == 0 {
			continue
		}
		ex := example{words: make([]string, len(ws)), gold: make([]int16, len(ws)),
			upos: make([]string, len(ws)), xpos: make([]string, len(ws)), feats: make([]string, len(ws))}
		for j, w := range ws {
			ex.words[j], ex.upos[j], ex.xpos[j], ex.feats[j] = w.Form, w.UPOS, w.XPOS, w.Feats
		}
		out = append(out, ex)
	}
	return out
}

// classesOf lists the joint classes of the training data, most frequent first.
func classesOf(exs []example) []class {
	count := map[class]int{}
	for _, ex := range exs {
		for j := range ex.words {
			count[class{ex.upos[j], ex.xpos[j]}]++
		}
	}
	out := make([]class, 0, len(count))
	for c := range count {
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b class) int {
		if count[a] != count[b] {
			return count[b] - count[a]
		}
		if a.xpos != b.xpos {
			return cmpS(a.xpos, b.xpos)
		}
		return cmpS(a.upos, b.upos)
	})
	return out
}

func cmpS(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func setGold(exs []example, classes []class) {
	id := map[class]int16{}
	for i, c := range classes {
		id[c] = int16(i)
	}
	for _, ex := range exs {
		for j := range ex.words {
			c, ok := id[class{ex.upos[j], ex.xpos[j]}]
			if !ok {
				c = -1
			}
			ex.gold[j] = c
		}
	}
}

// openFreq is the frequency up to which a word counts as rare when
// collecting the open classes.
const openFreq = 2

// Train trains a tagger. The same data and configuration give the same model.
func Train(cfg TrainConfig) (*Tagger, error) {
	if cfg.Epochs <= 0 {
		cfg.Epochs = 20
	}
	if cfg.Patience <= 0 {
		cfg.Patience = 3
	}
	if cfg.Folds <= 0 {
		cfg.Folds = 5
	}
	if cfg.SureAccuracy <= 0 {
		cfg.SureAccuracy = 0.99
	}
	if cfg.Context == nil {
		cfg.Context = context.Background()
	}
	train, dev := toExamples(cfg.Train), toExamples(cfg.Dev)
	if len(train) == 0 {
		return nil, errors.New("tag: no training sentences")
	}
	classes := classesOf(train)
	if len(classes) > maxClasses {
		return nil, fmt.Errorf("tag: %d classes in the training data, at most %d", len(classes), maxClasses)
	}
	setGold(train, classes)
	setGold(dev, classes)
	r := &run{cfg: cfg, classes: classes}
	r.total = len(train) * cfg.Epochs * 2
	if cfg.Folds > 1 {
		r.total += len(train) * cfg.Epochs * (cfg.Folds - 1)
	}
	t := &Tagger{classes: classes, open: openClasses(train, openFreq, len(classes))}
	t.lex = buildLexicon(train)
	t.init()

	start := time.Now()
	var epochs int
	t.m1, epochs = r.pass(t, "pass 1", train, nil, dev, nil, cfg.Epochs, 1)
	if err := cfg.Context.Err(); err != nil {
		return nil, err
	}
	if cfg.Folds > 1 {
		t.sureMargin = chooseMargin(t, dev, cfg.SureAccuracy)
		r.logf("second pass re-tags words whose first-pass lead is under %.3g (%.0f%% of the scored dev words)\n", t.sureMargin, 100*t.retagShare)
		// Tag each fold of the training data with a first pass trained on
		// the other folds, so that the second pass learns from first-pass
		// tags as good (and as bad) as it will see at run time.
		firstTrain := make([]tagged, len(train))
		for k := 0; k < cfg.Folds; k++ {
			var in, out []example
			var outIdx []int
			for i := range train {
				if i%cfg.Folds == k {
					out = append(out, train[i])
					outIdx = append(outIdx, i)
				} else {
					in = append(in, train[i])
				}
			}
			ft := &Tagger{classes: classes, lex: buildLexicon(in), open: openClasses(in, openFreq, len(classes)), sureMargin: t.sureMargin}
			ft.init()
			ft.m1, _ = r.pass(ft, fmt.Sprintf("fold %d/%d", k+1, cfg.Folds), in, nil, nil, nil, epochs, uint64(10+k))
			if err := cfg.Context.Err(); err != nil {
				return nil, err
			}
			for j, ex := range out {
				firstTrain[outIdx[j]] = ft.firstPass(ex.words)
			}
		}
		firstDev := make([]tagged, len(dev))
		for i, ex := range dev {
			firstDev[i] = t.firstPass(ex.words)
		}
		t.m2, _ = r.pass(t, "pass 2", train, firstTrain, dev, firstDev, cfg.Epochs, 2)
	}
	if err := cfg.Context.Err(); err != nil {
		return nil, err
	}
	t.morph = buildMorph(train, len(classes))
	t.prepare()
	if cfg.Log != nil {
		fmt.Fprintf(cfg.Log, "trained in %s\n", time.Since(start).Round(time.Second))
	}
	return t, nil
}

// run is the state shared by the passes of one training.
type run struct {
	cfg     TrainConfig
	classes []class
	done    int
	total   int
}

// pass trains one pass for up to maxEpochs epochs and returns the averaged
// weights of the best epoch on dev (the last when dev is empty) and that
// epoch's number. first/firstDev hold earlier-pass classes for the second pass.
func (r *run) pass(t *Tagger, name string, train []example, first []tagged, dev []example, firstDev []tagged, maxEpochs int, stream uint64) (*weights, int) {
	rng := rand.New(rand.NewPCG(r.cfg.Seed, stream))
	order := make([]int, len(train))
	for i := range order {
		order[i] = i
	}
	tr := newTrainer()
	sc := t.pool.Get().(*scratch)
	defer t.pool.Put(sc)
	var best *weights
	bestEpoch, bestScore, stale := 0, -1.0, 0
	var pred []int16
	for epoch := 1; epoch <= maxEpochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs, n := 0, 0
		for _, idx := range order {
			ex := &train[idx]
			var f []int16
			var fs []bool
			if first != nil {
				f, fs = first[idx].cls, first[idx].sure
			}
			sc.sent.load(ex.words, t.lex)
			pred = grow(pred, len(ex.words))
			for i := range ex.words {
				g := int(ex.gold[i])
				if fs != nil && fs[i] {
					pred[i] = f[i]
					continue
				}
				a := &sc.sent.a[i+pad]
				cands := t.candidates(a)
				if a.fixed >= 0 || len(cands) == 1 {
					pred[i] = a.fixed
					if a.fixed < 0 {
						pred[i] = int16(cands[0])
					}
					continue
				}
				tr.c++
				sc.feats = features(sc.feats[:0], &sc.sent, i, pred, f)
				p, _ := argmax(tr, sc, cands, nil, nil)
				if p != g {
					// A gold class outside the candidates (a rare word in an
					// unusual class) still teaches the features.
					tr.update(sc.feats, g, p)
					errs++
				}
				n++
				pred[i] = int16(p)
			}
			r.done++
			if r.done%200 == 0 {
				if r.cfg.Progress != nil {
					r.cfg.Progress(r.done, r.total)
				}
				if r.cfg.Context.Err() != nil {
					return best, bestEpoch
				}
			}
		}
		avg := tr.average(0)
		if len(dev) == 0 {
			best, bestEpoch = avg, epoch
			r.logf("%s epoch %d: train error %.2f%%, %d features\n", name, epoch, 100*float64(errs)/float64(max(n, 1)), avg.rowsN)
			continue
		}
		sc2 := t.pool.Get().(*scratch)
		s := r.score(t, avg, dev, firstDev, sc2)
		t.pool.Put(sc2)
		r.logf("%s epoch %d: train error %.2f%%, dev UPOS %.2f XPOS %.2f, %d features\n", name, epoch,
			100*float64(errs)/float64(max(n, 1)), 100*s.upos, 100*s.xpos, avg.rowsN)
		if v := s.upos + s.xpos; v > bestScore {
			best, bestEpoch, bestScore, stale = avg, epoch, v, 0
		} else if stale++; stale >= r.cfg.Patience {
			break
		}
	}
	r.logf("%s: best epoch %d\n", name, bestEpoch)
	return best, bestEpoch
}

func (r *run) logf(format string, args ...any) {
	if r.cfg.Log != nil {
		fmt.Fprintf(r.cfg.Log, format, args...)
	}
}

type passScore struct{ upos, xpos float64 }

// score tags dev with weights m (as the given pass) and returns accuracies.
func (r *run) score(t *Tagger, m *weights, dev []example, firstDev []tagged, sc *scratch) passScore {
	var n, u, x int
	for i, ex := range dev {
		sc.sent.load(ex.words, t.lex)
		out := make([]int16, len(ex.words))
		var f []int16
		var fs []bool
		if firstDev != nil {
			f, fs = firstDev[i].cls, firstDev[i].sure
		}
		t.predict(sc, m, f, fs, out, nil)
		for j, c := range out {
			n++
			if r.classes[c].upos == ex.upos[j] {
				u++
			}
			if r.classes[c].xpos == ex.xpos[j] {
				x++
			}
		}
	}
	return passScore{float64(u) / float64(max(n, 1)), float64(x) / float64(max(n, 1))}
}

// tagged is a sentence's first-pass classes and which of them are sure.
type tagged struct {
	cls  []int16
	sure []bool
}

// firstPass runs the first pass alone.
func (t *Tagger) firstPass(words []string) tagged {
	sc := t.pool.Get().(*scratch)
	defer t.pool.Put(sc)
	sc.sent.load(words, t.lex)
	out := tagged{cls: make([]int16, len(words)), sure: make([]bool, len(words))}
	t.predict(sc, t.m1, nil, nil, out.cls, out.sure)
	return out
}

// chooseMargin returns the smallest first-pass lead above which the first
// pass is right on at least acc of the dev words that needed scoring, so that
// the second pass spends its time where the first is unsure. Without dev it
// returns a lead that keeps nothing.
func chooseMargin(t *Tagger, dev []example, acc float64) float64 {
	type point struct {
		lead  int32
		right bool
	}
	var pts []point
	sc := t.pool.Get().(*scratch)
	defer t.pool.Put(sc)
	for _, ex := range dev {
		sc.sent.load(ex.words, t.lex)
		var out []int16
		for i := range ex.words {
			a := &sc.sent.a[i+pad]
			cands := t.candidates(a)
			if a.fixed >= 0 {
				out = append(out, a.fixed)
				continue
			}
			if len(cands) == 1 {
				out = append(out, int16(cands[0]))
				continue
			}
			sc.feats = features(sc.feats[:0], &sc.sent, i, out, nil)
			c, lead := argmax(t.m1, sc, cands, nil, nil)
			out = append(out, int16(c))
			pts = append(pts, point{lead, c == int(ex.gold[i])})
		}
	}
	if len(pts) == 0 {
		return math.MaxFloat32
	}
	slices.SortFunc(pts, func(a, b point) int { return cmp.Compare(b.lead, a.lead) })
	best := int32(math.MaxInt32)
	right := 0
	for i, p := range pts {
		if p.right {
			right++
		}
		if float64(right) >= acc*float64(i+1) && (i+1 == len(pts) || pts[i+1].lead != p.lead) {
			best = p.lead
		}
	}
	if best == math.MaxInt32 {
		return math.MaxFloat32
	}
	unsure := 0
	for _, p := range pts {
		if p.lead < best {
			unsure++
		}
	}
	t.retagShare = float64(unsure) / float64(len(pts))
	return float64(best) * t.m1.scale
}
