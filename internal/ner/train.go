package ner

import (
	"context"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"

	"github.com/dyadhq/dyad/internal/actor"
	"github.com/dyadhq/dyad/internal/tag"
	"github.com/dyadhq/dyad/pkg/doc"
)

// Prepared is a corpus sentence with what the recognizer reads: tags and
// gazetteer codes.
type Prepared struct {
	Sentence
	UPOS, XPOS []string
	Gaz        []uint8
}

// fill loads the sentence's words into s.
func (p *Prepared) fill(s *sentence) {
	s.reset()
	for i, w := range p.Words {
		var g uint8
		if p.Gaz != nil {
			g = p.Gaz[i]
		}
		s.add(w, p.UPOS[i], p.XPOS[i], g)
	}
}

// Prepare tags a corpus sentence with tagger and matches dict over its
// words (joined by spaces), as the pipeline does over a story. A nil
// tagger or dictionary leaves that part empty.
func Prepare(s Sentence, tagger *tag.Tagger, dict *actor.Dictionary) Prepared {
	p := Prepared{Sentence: s}
	if tagger != nil {
		p.UPOS, p.XPOS, _ = tagger.TagWords(s.Words)
	} else {
		p.UPOS, p.XPOS = make([]string, len(s.Words)), make([]string, len(s.Words))
	}
	if dict != nil {
		d := WordsDoc(s.Words)
		p.Gaz = Gazetteer(d, dict, dict.Match(d))
	}
	return p
}

// WordsDoc makes a one-sentence document of words separated by spaces.
func WordsDoc(words []string) *doc.Document {
	var b strings.Builder
	d := &doc.Document{}
	for i, w := range words {
		if i > 0 {
			b.WriteByte(' ')
		}
		st := b.Len()
		b.WriteString(w)
		d.Tokens = append(d.Tokens, doc.Token{Start: st, End: b.Len(), SpaceAfter: i+1 < len(words), Head: -1})
	}
	d.Text = b.String()
	d.Sentences = []doc.Sentence{{Start: 0, End: len(d.Text), First: 0, Last: len(words)}}
	return d
}

// Label labels a prepared sentence.
func (m *Model) Label(p Prepared) []string {
	return m.RecognizeWords(p.Words, p.UPOS, p.XPOS, p.Gaz)
}

// Evaluate scores the model on prepared sentences.
func (m *Model) Evaluate(sents []Prepared) *Scores {
	s := NewScores()
	for _, p := range sents {
		s.Add(p.Labels, m.Label(p))
	}
	return s
}

// TrainConfig configures Train.
type TrainConfig struct {
	Context    context.Context
	Train, Dev []Prepared
	Seed       uint64
	Epochs     int // most epochs
	Patience   int // epochs without dev improvement before stopping
	// MinCount drops features seen fewer times in training.
	MinCount int
	// Clusters are the word classes the features read (nil for none).
	Clusters *Clusters
	// MemFolds is into how many folds (by document) the training corpus is
	// cut for the name memory: each training sentence sees the names of
	// the other folds. 0 leaves the memory out.
	MemFolds int
	// Runs is how many perceptrons are trained, each shuffling with its
	// own seed (Seed, then Seed+runSeedStep...) and stopping at its own
	// best dev epoch; the model is their summed weights. One run's model
	// leans on the order it saw the noisy training labels in, and the sum
	// of several lowers that variance (about a point of dev F1 for five).
	// 0 means 5.
	Runs int
	mem  *NameMemory // of the whole training corpus
	Log  io.Writer
}

// runSeedStep separates the seeds of a training's runs.
const runSeedStep = 1000003

type example struct {
	rows   []int32 // feature rows per token, -1 for dropped; off delimits
	off    []int32
	labels []int
}

// Train learns a model with the averaged structured perceptron: Runs
// perceptrons, each shuffling the training sentences every epoch with its
// own seed derived from Seed and keeping the averaged weights of the epoch
// that scored best on Dev (the last epoch without Dev), summed into one
// model. The same data and config give the same model.
func Train(cfg TrainConfig) (*Model, error) {
	if len(cfg.Train) == 0 {
		return nil, fmt.Errorf("ner: no training sentences")
	}
	if cfg.Epochs <= 0 {
		cfg.Epochs = 15
	}
	if cfg.Patience <= 0 {
		cfg.Patience = 3
	}
	if cfg.MinCount <= 0 {
		cfg.MinCount = 1
	}
	if cfg.Runs <= 0 {
		cfg.Runs = 5
	}
	ctx := cfg.Context
	if ctx == nil {
		ctx = context.Background()
	}
	logf := func(format string, args ...any) {
		if cfg.Log != nil {
			fmt.Fprintf(cfg.Log, format, args...)
		}
	}
	// Count features, then give each kept feature a row, in first-seen order
	// so that the rows (and the model) do not depend on map iteration.
	sent := sentence{cl: cfg.Clusters}
	var foldMem []*NameMemory
	var fold []int
	cfg.mem, foldMem, fold = memories(&cfg)
	featsOf := func(i int) {
		p := &cfg.Train[i]
		p.fill(&sent)
		if cfg.mem != nil {
			sent.mem = foldMem[fold[i]]
		}
		sent.featurize()
	}
	count := map[uint64]int32{}
	for i := range cfg.Train {
		featsOf(i)
		for _, f := range sent.feats {
			count[f]++
		}
	}
	index := map[uint64]int32{}
	var keys []uint64
	exs := make([]example, len(cfg.Train))
	for i := range cfg.Train {
		p := &cfg.Train[i]
		featsOf(i)
		ex := example{off: append([]int32(nil), sent.off...), rows: make([]int32, len(sent.feats)), labels: make([]int, len(p.Labels))}
		for k, f := range sent.feats {
			if count[f] < int32(cfg.MinCount) {
				ex.rows[k] = -1
				continue
			}
			r, ok := index[f]
			if !ok {
				r = int32(len(keys))
				index[f] = r
				keys = append(keys, f)
			}
			ex.rows[k] = r
		}
		for k, l := range p.Labels {
			ex.labels[k] = LabelIndex(l)
		}
		exs[i] = ex
	}
	count = nil
	logf("ner: %d sentences, %d features kept\n", len(exs), len(keys))
	w, trans, err := trainRuns(ctx, &cfg, exs, keys, logf)
	if err != nil {
		return nil, err
	}
	m := buildModel(keys, w, trans, cfg.Clusters)
	m.mem = cfg.mem
	return m, nil
}

// memories learns the name memory of the whole training corpus and of
// each fold's complement, and gives each training sentence its fold
// (documents in turn); all nil without MemFolds.
func memories(cfg *TrainConfig) (*NameMemory, []*NameMemory, []int) {
	k := cfg.MemFolds
	if k <= 0 {
		return nil, nil, nil
	}
	docs := map[string]int{}
	fold := make([]int, len(cfg.Train))
	all := make([]Sentence, len(cfg.Train))
	for i := range cfg.Train {
		d, ok := docs[cfg.Train[i].Doc]
		if !ok {
			d = len(docs)
			docs[cfg.Train[i].Doc] = d
		}
		fold[i] = d % k
		all[i] = cfg.Train[i].Sentence
	}
	folds := make([]*NameMemory, k)
	for f := range folds {
		var rest []Sentence
		for i, s := range all {
			if fold[i] != f {
				rest = append(rest, s)
			}
		}
		folds[f] = LearnNameMemory(rest)
	}
	return LearnNameMemory(all), folds, fold
}

// buildModel makes a model of the rows of w (one per key) that are not all
// zero, quantized to int16 in units of the largest weight / 32767, and the
// transition weights.
func buildModel(keys []uint64, w []float32, trans *[nLabels + 1][nLabels]float32, cl *Clusters) *Model {
	m := &Model{index: newFeatIndex(len(keys)), cl: cl, trans: *trans}
	var maxAbs float32
	for _, v := range w {
		maxAbs = max(maxAbs, float32(math.Abs(float64(v))))
	}
	m.scale = maxAbs / 32767
	if m.scale == 0 {
		m.scale = 1
	}
	rows := 0
	for r, k := range keys {
		row := w[r*nLabels : (r+1)*nLabels]
		nz := false
		for _, v := range row {
			if v != 0 {
				nz = true
			}
		}
		if nz {
			var q [nLabels]int16
			for l, v := range row {
				q[l] = int16(math.Round(float64(v / m.scale)))
			}
			m.index.put(k, int32(rows), &q)
			rows++
		}
	}
	return m
}

// trainRuns runs cfg.Runs perceptrons (two at a time: each holds its own
// weights) and sums their weights in run order, so that the model does
// not depend on which finishes first.
func trainRuns(ctx context.Context, cfg *TrainConfig, exs []example, keys []uint64, logf func(string, ...any)) ([]float32, *[nLabels + 1][nLabels]float32, error) {
	type result struct {
		w     []float32
		trans *[nLabels + 1][nLabels]float32
		err   error
	}
	res := make([]result, cfg.Runs)
	sem := make(chan struct{}, 2)
	var wg sync.WaitGroup
	var logMu sync.Mutex
	for r := range res {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			c := *cfg
			c.Seed = cfg.Seed + uint64(r)*runSeedStep
			lf := func(format string, args ...any) {
				logMu.Lock()
				defer logMu.Unlock()
				logf("run %d: "+format, append([]any{r + 1}, args...)...)
			}
			res[r].w, res[r].trans, res[r].err = trainRun(ctx, &c, exs, keys, lf)
		}()
	}
	wg.Wait()
	for _, r := range res {
		if r.err != nil {
			return nil, nil, r.err
		}
	}
	w, trans := res[0].w, res[0].trans
	for _, r := range res[1:] {
		for i, v := range r.w {
			w[i] += v
		}
		for a := range trans {
			for b := range trans[a] {
				trans[a][b] += r.trans[a][b]
			}
		}
	}
	return w, trans, nil
}

// trainRun runs the averaged perceptron and returns the averaged weights
// (a row of nLabels per key) of the epoch that scored best on Dev (the last
// epoch without Dev).
func trainRun(ctx context.Context, cfg *TrainConfig, exs []example, keys []uint64, logf func(string, ...any)) ([]float32, *[nLabels + 1][nLabels]float32, error) {
	nf := len(keys)
	w := make([]float32, nf*nLabels)
	u := make([]float32, nf*nLabels) // sum of c*update, for averaging
	var tw, tu [nLabels + 1][nLabels]float32
	c := float32(1)
	rng := rand.New(rand.NewPCG(cfg.Seed, cfg.Seed^0x9e3779b97f4a7c15))
	order := make([]int, len(exs))
	for i := range order {
		order[i] = i
	}
	var sc scratch
	upd := func(row int32, l int, d float32) {
		if row < 0 {
			return
		}
		w[int(row)*nLabels+l] += d
		u[int(row)*nLabels+l] += c * d
	}
	avgW := make([]float32, nf*nLabels)
	var avgT [nLabels + 1][nLabels]float32
	average := func() {
		for i := range avgW {
			avgW[i] = w[i] - u[i]/c
		}
		for a := range tw {
			for b := range tw[a] {
				avgT[a][b] = tw[a][b] - tu[a][b]/c
			}
		}
	}
	var bestW []float32
	var bestT [nLabels + 1][nLabels]float32
	bestF, bad := -1.0, 0
	for ep := 1; ep <= cfg.Epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs := 0
		for _, i := range order {
			if err := ctx.Err(); err != nil {
				return nil, nil, err
			}
			ex := &exs[i]
			n := len(ex.labels)
			sc.score = growF(sc.score, n*nLabels)
			clear(sc.score)
			for t := 0; t < n; t++ {
				row := sc.score[t*nLabels : (t+1)*nLabels]
				for _, r := range ex.rows[ex.off[t]:ex.off[t+1]] {
					if r >= 0 {
						wr := w[int(r)*nLabels : int(r+1)*nLabels]
						for l := range row {
							row[l] += wr[l]
						}
					}
				}
			}
			pred := viterbi(&sc, n, &tw)
			wrong := false
			for t := 0; t < n; t++ {
				g, p := ex.labels[t], pred[t]
				if g != p {
					wrong = true
					for _, r := range ex.rows[ex.off[t]:ex.off[t+1]] {
						upd(r, g, 1)
						upd(r, p, -1)
					}
				}
				gp, pp := -1, -1
				if t > 0 {
					gp, pp = ex.labels[t-1], pred[t-1]
				}
				if g != p || gp != pp {
					tw[gp+1][g]++
					tu[gp+1][g] += c
					tw[pp+1][p]--
					tu[pp+1][p] -= c
				}
			}
			if wrong {
				errs++
			}
			c++
		}
		average()
		if len(cfg.Dev) == 0 {
			bestW, bestT = avgW, avgT
			logf("ner: epoch %d: %d/%d training sentences wrong\n", ep, errs, len(exs))
			continue
		}
		m := buildModel(keys, avgW, &avgT, cfg.Clusters)
		m.mem = cfg.mem
		s := m.Evaluate(cfg.Dev)
		f := s.All.F1()
		logf("ner: epoch %d: %d/%d training sentences wrong, dev P %.2f R %.2f F1 %.2f (%d features)\n",
			ep, errs, len(exs), 100*s.All.P(), 100*s.All.R(), 100*f, m.index.len())
		if f > bestF {
			bestW, bestT, bestF, bad = slices.Clone(avgW), avgT, f, 0
		} else if bad++; bad >= cfg.Patience {
			break
		}
	}
	return bestW, &bestT, nil
}
