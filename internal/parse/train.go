package parse

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

// Config drives training.
type Config struct {
	// Train and Dev are the treebanks, with the tags the parser will see
	// (gold, or predicted by jackknifing for training and by the tagger for
	// dev). Dev picks the best epoch.
	Train, Dev []conllu.Sentence
	Seed       uint64
	// Epochs is the most epochs to run (default 30); Patience stops after
	// that many epochs without a better dev LAS (default 5).
	Epochs, Patience int
	// MinWordCount: rarer training words are known by their signature only
	// (default 2).
	MinWordCount int
	// MinLiftCount: pseudo-projective label encodings seen fewer times are
	// dropped (the word is still lifted, under its plain label; default 5).
	MinLiftCount int
	// MinUpdates: features the perceptron changed fewer times are left out
	// of the model (default 2), which makes it smaller and faster.
	MinUpdates int
	// Prune, when positive, drops the best model's quantized weights
	// smaller than it in magnitude (and the features left with none): a
	// table half the size parses much faster for a little accuracy.
	Prune int
	// Features is the feature set: template groups (FeatLabelContext,
	// FeatUPOS) beyond the base set; DefaultFeatures is dyad's.
	Features int
	// ExploreFrom is the first epoch (from 1) in which training follows the
	// model's own moves with probability ExploreProb (defaults 2 and 0.9).
	ExploreFrom int
	ExploreProb float64
	// Log receives progress lines; may be nil.
	Log io.Writer
	// Context, when set, stops training early with its error.
	Context context.Context
}

func (c *Config) defaults() {
	if c.Epochs <= 0 {
		c.Epochs = 30
	}
	if c.Patience <= 0 {
		c.Patience = 5
	}
	if c.MinWordCount <= 0 {
		c.MinWordCount = 2
	}
	if c.MinLiftCount <= 0 {
		c.MinLiftCount = 5
	}
	if c.MinUpdates <= 0 {
		c.MinUpdates = 2
	}
	if c.ExploreFrom <= 0 {
		c.ExploreFrom = 2
	}
	if c.ExploreProb == 0 {
		c.ExploreProb = 0.9
	}
}

// example is one sentence in parser ids, with its trees.
type example struct {
	w, t []int32 // n+1, the root last
	g    *gold   // projectivized training tree; nil for dev
	// The original tree, for scoring: heads with the root as n.
	head  []int32
	label []string
}

func (e *example) n() int { return len(e.w) - 1 }

// Train trains a parser. The same data, configuration and seed give the
// same model, byte for byte.
func Train(cfg Config) (*Parser, error) {
	cfg.defaults()
	if len(cfg.Train) == 0 {
		return nil, errors.New("parse: no training sentences")
	}
	logf := func(format string, args ...any) {
		if cfg.Log != nil {
			fmt.Fprintf(cfg.Log, format+"\n", args...)
		}
	}
	if cfg.Features&^allFeatures != 0 {
		return nil, fmt.Errorf("parse: unknown feature set %#x", cfg.Features)
	}
	lx, train, err := buildLexicon(cfg.Train, cfg.MinWordCount, cfg.MinLiftCount)
	if err != nil {
		return nil, err
	}
	lx.feats = uint8(cfg.Features)
	dev := make([]*example, 0, len(cfg.Dev))
	for i := range cfg.Dev {
		e, err := lx.example(&cfg.Dev[i], false)
		if err != nil {
			return nil, err
		}
		dev = append(dev, e)
	}
	logf("parse: %d training sentences, %d words in the vocabulary, %d tags, %d labels",
		len(train), len(lx.words), len(lx.xpos)*lx.nUPOS, len(lx.labels))

	tr := newTrainer(lx, cfg.Seed)
	order := make([]int, len(train))
	for i := range order {
		order[i] = i
	}
	var best *Parser
	bestLAS, bestEpoch := -1.0, 0
	for ep := 1; ep <= cfg.Epochs; ep++ {
		t0 := time.Now()
		tr.rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		explore := 0.0
		if ep >= cfg.ExploreFrom {
			explore = cfg.ExploreProb
		}
		var errs, steps int
		for k, i := range order {
			if cfg.Context != nil && k%500 == 0 && cfg.Context.Err() != nil {
				return nil, cfg.Context.Err()
			}
			e, s := tr.sentence(train[i], explore)
			errs += e
			steps += s
		}
		p := newParser(lx, tr.average(cfg.MinUpdates))
		msg := fmt.Sprintf("epoch %2d: %6.2f%% move errors, %d features (%d kept), %.1fs", ep,
			100*float64(errs)/float64(max(steps, 1)), len(tr.index), p.m.features(), time.Since(t0).Seconds())
		if len(dev) == 0 {
			logf("%s", msg)
			best, bestEpoch = p, ep
			continue
		}
		sc := p.scoreExamples(dev)
		logf("%s; dev UAS %.2f LAS %.2f (full labels %.2f) CLAS %.2f", msg, sc.UAS(), sc.LAS(), sc.LASFull(), sc.CLAS())
		if las := sc.LAS(); las > bestLAS {
			best, bestLAS, bestEpoch = p, las, ep
		} else if ep-bestEpoch >= cfg.Patience {
			logf("no dev gain for %d epochs: stopping", cfg.Patience)
			break
		}
	}
	logf("best epoch %d", bestEpoch)
	if cfg.Prune > 0 && best != nil {
		best = newParser(best.lx, best.m.pruned(int16(min(cfg.Prune, math.MaxInt16))))
		if len(dev) > 0 {
			sc := best.scoreExamples(dev)
			logf("pruned below %d: %d features; dev UAS %.2f LAS %.2f CLAS %.2f", cfg.Prune, best.m.features(), sc.UAS(), sc.LAS(), sc.CLAS())
		}
	}
	return best, nil
}

// buildLexicon indexes words, tags and labels of the training sentences and
// converts them.
func buildLexicon(sents []conllu.Sentence, minCount, minLift int) (*lexicon, []*example, error) {
	lx := &lexicon{words: map[string]int32{}, xpos: map[string]int32{}, upos: map[string]int32{}}
	counts := map[string]int{}
	xset, uset := map[string]bool{}, map[string]bool{}
	lcount := map[string]int{}
	var buf []byte
	projTrees := make([][]int32, len(sents))
	projLabels := make([][]string, len(sents))
	for si := range sents {
		s := &sents[si]
		n := len(s.Words)
		head, label := make([]int32, n), make([]string, n)
		for i, w := range s.Words {
			buf = normalize(buf[:0], w.Form)
			counts[string(buf)]++
			xset[w.XPOS], uset[w.UPOS] = true, true
			if w.Head < 0 || w.Head > n {
				return nil, nil, fmt.Errorf("parse: sentence %s word %d: head %d out of range", s.ID(), w.ID, w.Head)
			}
			head[i] = int32(w.Head - 1)
			if w.Head == 0 {
				head[i] = int32(n)
			}
			label[i] = w.Deprel
		}
		if err := checkTree(head); err != nil {
			return nil, nil, fmt.Errorf("parse: sentence %s: %w", s.ID(), err)
		}
		projTrees[si], projLabels[si], _ = projectivize(head, label)
		for _, l := range projLabels[si] {
			lcount[l]++
		}
	}
	for si := range projLabels {
		for i, l := range projLabels[si] {
			if b, _, _, ok := splitLabel(l); ok && lcount[l] < minLift {
				projLabels[si][i] = b
				lcount[b]++
			}
		}
	}
	for l, c := range lcount {
		if b, h, _, ok := splitLabel(l); ok {
			if c < minLift {
				delete(lcount, l)
			} else {
				lcount[b] += 0
				lcount[h] += 0
			}
		}
	}
	lcount["root"] += 0
	words := sortedKeys(counts)
	next := int32(firstWord)
	for _, w := range words {
		if counts[w] >= minCount {
			lx.words[w] = next
			next++
		}
	}
	for i, x := range sortedKeys(xset) {
		lx.xpos[x] = int32(i)
	}
	for i, u := range sortedKeys(uset) {
		lx.upos[u] = int32(i)
	}
	lx.nUPOS = len(uset)
	lx.labels = sortedKeys(lcount)
	if len(lx.labels) > 255 {
		return nil, nil, fmt.Errorf("parse: %d labels (at most 255)", len(lx.labels))
	}
	lx.index()
	exs := make([]*example, len(sents))
	for si := range sents {
		e, err := lx.example(&sents[si], true)
		if err != nil {
			return nil, nil, err
		}
		gl := make([]int16, len(projLabels[si]))
		for i, l := range projLabels[si] {
			gl[i] = lx.labelIndex(l)
		}
		e.g = newGold(projTrees[si], gl)
		exs[si] = e
	}
	return lx, exs, nil
}

// index derives the label tables from lx.labels and the universal-tag
// table (utag) from the tag sets.
func (lx *lexicon) index() {
	lx.utag = make([]uint64, firstTag+len(lx.xpos)*lx.nUPOS)
	for tx := range lx.utag {
		lx.utag[tx] = lx.uposAtom(int32(tx))
	}
	id := map[string]int16{}
	for i, l := range lx.labels {
		id[l] = int16(i)
	}
	lx.root = id["root"]
	nl := len(lx.labels)
	lx.lbase, lx.lhead, lx.lrank = make([]int16, nl), make([]int16, nl), make([]uint8, nl)
	for i, l := range lx.labels {
		lx.lbase[i], lx.lhead[i] = int16(i), -1
		if b, h, rank, ok := splitLabel(l); ok {
			bi, ok1 := id[b]
			hi, ok2 := id[h]
			if ok1 && ok2 {
				lx.lbase[i], lx.lhead[i], lx.lrank[i] = bi, hi, uint8(min(rank, 255))
			}
		}
	}
}

func (lx *lexicon) labelIndex(l string) int16 {
	i, _ := slices.BinarySearch(lx.labels, l)
	return int16(i)
}

// example converts a sentence; its tree is kept for scoring.
func (lx *lexicon) example(s *conllu.Sentence, needTree bool) (*example, error) {
	n := len(s.Words)
	e := &example{w: make([]int32, n+1), t: make([]int32, n+1), head: make([]int32, n), label: make([]string, n)}
	var buf []byte
	for i, w := range s.Words {
		e.w[i], buf = lx.wordID(buf, w.Form)
		e.t[i] = lx.tagID(w.XPOS, w.UPOS)
		if w.Head < 0 || w.Head > n {
			if needTree {
				return nil, fmt.Errorf("parse: sentence %s word %d: head %d out of range", s.ID(), w.ID, w.Head)
			}
			e.head[i] = -1
		} else if w.Head == 0 {
			e.head[i] = int32(n)
		} else {
			e.head[i] = int32(w.Head - 1)
		}
		e.label[i] = w.Deprel
	}
	e.w[n], e.t[n] = idRoot, idRoot
	return e, nil
}

// checkTree verifies that head (root as n) is a tree with a single root.
func checkTree(head []int32) error {
	n := int32(len(head))
	roots := 0
	for d, h := range head {
		if h == n {
			roots++
		}
		if h < 0 || h > n || h == int32(d) {
			return fmt.Errorf("word %d: bad head %d", d+1, h+1)
		}
		if !dominatedByRoot(head, int32(d)) {
			return fmt.Errorf("word %d is on a cycle", d+1)
		}
	}
	if roots != 1 {
		return fmt.Errorf("%d roots", roots)
	}
	return nil
}

func dominatedByRoot(head []int32, k int32) bool {
	n := int32(len(head))
	for steps := int32(0); steps <= n; steps++ {
		if k == n {
			return true
		}
		k = head[k]
	}
	return false
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.SortFunc(out, cmp.Compare[string])
	return out
}

// trainer holds the perceptron weights being trained: for each feature, the
// move weights and per-direction label weights, each with the running sums
// that give the averaged weights (w - u/c, Daumé 2006).
type trainer struct {
	lx    *lexicon
	rng   *rand.Rand
	index map[uint64]int32
	keys  []uint64
	mw    [][nMoves]float64
	mu    [][nMoves]float64
	lrows [][2][]lent
	ups   []int32 // updates per feature
	c     float64 // number of decisions so far
	st    state
	kb    [maxFeats]uint64
	found []int32
	lsc   []float64
}

type lent struct {
	l    int16
	w, u float64
}

func newTrainer(lx *lexicon, seed uint64) *trainer {
	return &trainer{lx: lx, rng: rand.New(rand.NewPCG(seed, 0x5EED0F9A25E)), index: map[uint64]int32{},
		lsc: make([]float64, len(lx.labels)), c: 1}
}

// lookup sets t.found to the known features among keys, those of the first
// nLabel keys first, and returns how many of those there are.
func (t *trainer) lookup(keys []uint64, nLabel int) int {
	t.found = t.found[:0]
	fl := 0
	for i, key := range keys {
		if f, ok := t.index[key]; ok {
			t.found = append(t.found, f)
			if i < nLabel {
				fl++
			}
		}
	}
	return fl
}

func (t *trainer) feature(k uint64) int32 {
	if f, ok := t.index[k]; ok {
		return f
	}
	f := int32(len(t.keys))
	t.index[k] = f
	t.keys = append(t.keys, k)
	t.mw = append(t.mw, [nMoves]float64{})
	t.mu = append(t.mu, [nMoves]float64{})
	t.lrows = append(t.lrows, [2][]lent{})
	t.ups = append(t.ups, 0)
	return f
}

// sentence trains on one sentence, exploring with probability explore, and
// returns the number of wrong move predictions and of decisions.
func (t *trainer) sentence(e *example, explore float64) (errs, steps int) {
	st := &t.st
	n := e.n()
	st.reset(n)
	g := e.g
	var cost [nMoves]int
	for !st.terminal() {
		v := st.valid()
		if st.applyForced(v, t.lx.root) {
			continue
		}
		k, kl := features(st, e.w, e.t, t.lx, &t.kb)
		keys := t.kb[:k]
		fl := t.lookup(keys, kl)
		move := mRight
		if v != 1<<mRight {
			var sc [nMoves]float64
			for _, f := range t.found {
				w := &t.mw[f]
				sc[0] += w[0]
				sc[1] += w[1]
				sc[2] += w[2]
			}
			st.costs(g, v, &cost)
			pred, best := -1, -1
			minCost := 1 << 30
			for m := 0; m < nMoves; m++ {
				if v&(1<<m) != 0 && cost[m] < minCost {
					minCost = cost[m]
				}
			}
			for m := 0; m < nMoves; m++ {
				if v&(1<<m) == 0 {
					continue
				}
				if pred < 0 || sc[m] > sc[pred] {
					pred = m
				}
				if cost[m] == minCost && (best < 0 || sc[m] > sc[best]) {
					best = m
				}
			}
			steps++
			if cost[pred] > minCost {
				errs++
				for _, key := range keys {
					f := t.feature(key)
					t.ups[f]++
					t.mw[f][best]++
					t.mu[f][best] += t.c
					t.mw[f][pred]--
					t.mu[f][pred] -= t.c
				}
				// The new features must be seen by the label scorer too.
				fl = t.lookup(keys, kl)
			}
			move = best
			if explore > 0 && t.rng.Float64() < explore {
				move = pred
			}
		}
		var lab int16
		if move != mShift {
			lab = t.label(st, g, move, keys[:kl], t.found[:fl])
		}
		st.apply(move, lab)
		t.c++
	}
	return errs, steps
}

// label predicts the label of the arc move makes, learns from the gold label
// when the arc is right, and returns the label to apply.
func (t *trainer) label(st *state, g *gold, move int, keys []uint64, found []int32) int16 {
	dir := 0
	if move == mRight {
		dir = 1
	}
	sc := t.lsc
	clear(sc)
	for _, f := range found {
		for _, le := range t.lrows[f][dir] {
			sc[le.l] += le.w
		}
	}
	pred := -1
	for l, s := range sc {
		if int16(l) != t.lx.root && (pred < 0 || s > sc[pred]) {
			pred = l
		}
	}
	s0 := st.si(0)
	if g.head[s0] != st.arcHead(move) {
		return int16(pred)
	}
	gl := g.label[s0]
	if int16(pred) != gl {
		for _, key := range keys {
			f := t.feature(key)
			t.ups[f]++
			t.bump(&t.lrows[f][dir], gl, 1)
			t.bump(&t.lrows[f][dir], int16(pred), -1)
		}
	}
	return gl
}

func (t *trainer) bump(row *[]lent, l int16, d float64) {
	for i := range *row {
		if (*row)[i].l == l {
			(*row)[i].w += d
			(*row)[i].u += d * t.c
			return
		}
	}
	*row = append(*row, lent{l: l, w: d, u: d * t.c})
}

// average returns the model of the averaged weights.
func (t *trainer) average(minUpdates int) *model {
	feats := make([]feat, 0, len(t.keys))
	for f, key := range t.keys {
		if int(t.ups[f]) < minUpdates {
			continue
		}
		ft := feat{key: key}
		for m := 0; m < nMoves; m++ {
			ft.mv[m] = t.mw[f][m] - t.mu[f][m]/t.c
		}
		for dir := 0; dir < 2; dir++ {
			var ws []lweight
			for _, le := range t.lrows[f][dir] {
				ws = append(ws, lweight{uint8(le.l), le.w - le.u/t.c})
			}
			slices.SortFunc(ws, func(a, b lweight) int { return cmp.Compare(a.l, b.l) })
			if dir == 0 {
				ft.left = ws
			} else {
				ft.right = ws
			}
		}
		feats = append(feats, ft)
	}
	slices.SortFunc(feats, func(a, b feat) int { return cmp.Compare(a.key, b.key) })
	return quantize(feats)
}
