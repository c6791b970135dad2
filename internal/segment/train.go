package segment

import (
	"fmt"
	"math/rand/v2"

	"github.com/dyadhq/dyad/internal/tokenize"
)

// Example is one training or evaluation document: its text and the byte
// offsets where its gold sentences start.
type Example struct {
	Text   string
	Starts []int
}

// TrainOptions controls Train.
type TrainOptions struct {
	Epochs int    // passes over the training set (default 10)
	Seed   uint64 // shuffling seed; the same seed and data give the same model
	// Logf, when set, receives a line per epoch with the dev scores.
	Logf func(format string, args ...any)
}

// prepared is an example tokenized and run through the rules once.
type prepared struct {
	seg  segmenter
	gold []bool // per token: a gold sentence starts at it
}

func prepare(ex Example) prepared {
	toks := tokenize.Tokenize(ex.Text)
	p := prepared{seg: segmenter{text: ex.Text, toks: toks, layout: analyse(ex.Text), brk: make([]uint8, len(toks)+1)}}
	if len(toks) > 0 {
		p.seg.rules()
	}
	starts := make(map[int]bool, len(ex.Starts))
	for _, o := range ex.Starts {
		starts[o] = true
	}
	p.gold = make([]bool, len(toks))
	for i, t := range toks {
		p.gold[i] = starts[t.Start]
	}
	return p
}

// Train learns a boundary model from train (an averaged perceptron over the
// gaps the model decides, with the length of the current sentence taken
// from the gold segmentation), reporting dev scores after each epoch when
// opts.Logf is set. The same examples and seed give the same model.
func Train(train, dev []Example, opts TrainOptions) (*Model, error) {
	if len(train) == 0 {
		return nil, fmt.Errorf("segment: no training documents")
	}
	if opts.Epochs <= 0 {
		opts.Epochs = 10
	}
	docs := make([]prepared, len(train))
	for i, ex := range train {
		docs[i] = prepare(ex)
	}
	devDocs := make([]prepared, len(dev))
	for i, ex := range dev {
		devDocs[i] = prepare(ex)
	}
	cm := &Model{casing: casing(docs)}
	cm.index()
	w := make([]float64, modelSize)
	acc := make([]float64, modelSize) // sum of weights over time, for averaging
	last := make([]int, modelSize)    // time of each weight's last change
	clock := 1
	update := func(f []uint32, delta float64) {
		for _, k := range f {
			acc[k] += float64(clock-last[k]) * w[k]
			last[k] = clock
			w[k] += delta
		}
	}
	average := func() *Model {
		m := &Model{w: make([]float32, modelSize), casing: cm.casing, lex: cm.lex}
		for k := range w {
			total := acc[k] + float64(clock-last[k])*w[k]
			m.w[k] = float32(total / float64(clock))
		}
		return m
	}
	rng := rand.New(rand.NewPCG(opts.Seed, 0x5e6))
	order := make([]int, len(docs))
	for i := range order {
		order[i] = i
	}
	var f [featureCount]uint32
	for epoch := 1; epoch <= opts.Epochs; epoch++ {
		rng.Shuffle(len(order), func(a, b int) { order[a], order[b] = order[b], order[a] })
		errs, seen := 0, 0
		for _, di := range order {
			d := &docs[di]
			s := &d.seg
			var c gapContext
			for i := 1; i < len(s.toks); i++ {
				b := s.brk[i]
				if b&(bHard|bKeep) != 0 || !s.candidate(i) {
					if d.gold[i] {
						c.sent.restart(i)
					}
					continue
				}
				c.advance(s, i)
				n := s.features(&f, i, &c, cm)
				var score float64
				for _, k := range f[:n] {
					score += w[k]
				}
				gold := d.gold[i]
				if (score > 0) != gold || (gold && score < trainMargin) || (!gold && score > -trainMargin) {
					errs++
					if gold {
						update(f[:n], 1)
					} else {
						update(f[:n], -1)
					}
				}
				seen++
				clock++
				if gold {
					c.sent.restart(i)
				}
			}
		}
		if opts.Logf != nil {
			sc := evaluate(average(), devDocs)
			opts.Logf("epoch %d: %d/%d training mistakes; dev boundaries P %.2f R %.2f F1 %.2f, sentences F1 %.2f",
				epoch, errs, seen, 100*sc.BoundaryP, 100*sc.BoundaryR, 100*sc.BoundaryF1, 100*sc.SentenceF1)
		}
	}
	return average(), nil
}

// trainMargin makes the perceptron update on correct decisions that
// scored too close to zero, which steadies the learned weights.
const trainMargin = 1.0

// casing learns how words are written inside sentences (not at their
// start): words seen at least minCasing times, mostly in lower case or
// mostly capitalized; the same table carries positions.
func casing(docs []prepared) map[uint64]uint8 {
	const minCasing = 3
	type counts struct{ lower, upper int }
	seen := map[uint64]*counts{}
	for di := range docs {
		d := &docs[di]
		for i := range d.seg.toks {
			if d.gold[i] || i == 0 {
				continue
			}
			w := d.seg.word(i)
			if !isLetterByte(w[0]) {
				continue
			}
			h := formHash(w)
			c := seen[h]
			if c == nil {
				c = &counts{}
				seen[h] = c
			}
			if isUpper(w[0]) {
				c.upper++
			} else {
				c.lower++
			}
		}
	}
	out := positions(docs)
	for h, c := range seen {
		switch n := c.lower + c.upper; {
		case n < minCasing:
		case 4*c.lower >= 3*n:
			out[h] |= caseLower
		case 4*c.upper >= 3*n:
			out[h] |= caseUpper
		default:
			out[h] |= caseMixed
		}
	}
	return out
}

// positions learns, for words (of any case) and punctuation seen at least
// minPosition times, how often they start a sentence, as a rate class (see
// rateClass) at bit startShift: "Thanks", "Regards" and list dashes open
// lines that lack punctuation before them.
func positions(docs []prepared) map[uint64]uint8 {
	const minPosition = 5
	type counts struct{ n, first int }
	seen := map[uint64]*counts{}
	for di := range docs {
		d := &docs[di]
		for i := range d.seg.toks {
			h := formHash(d.seg.word(i))
			c := seen[h]
			if c == nil {
				c = &counts{}
				seen[h] = c
			}
			c.n++
			if i == 0 || d.gold[i] {
				c.first++
			}
		}
	}
	out := map[uint64]uint8{}
	for h, c := range seen {
		if c.n >= minPosition {
			out[h] = rateClass(c.first, c.n) << startShift
		}
	}
	return out
}

// rateClass buckets k of n: 1 rare (under 5%), 2 sometimes, 3 mostly (at
// least half); 0 is left for words not seen often enough.
func rateClass(k, n int) uint8 {
	switch {
	case 20*k < n:
		return 1
	case 2*k < n:
		return 2
	}
	return 3
}

// Scores are a segmentation's scores against gold sentences.
type Scores struct {
	// Boundaries: precision, recall and F1 of the sentence starts found
	// between tokens.
	BoundaryP, BoundaryR, BoundaryF1 float64
	// SentenceF1 counts a sentence right when both its ends are.
	SentenceF1 float64
}

// Score runs the rules and the model (nil: rules only) over examples and
// scores the sentences found against the gold ones.
func Score(m *Model, exs []Example) Scores {
	docs := make([]prepared, len(exs))
	for i, ex := range exs {
		docs[i] = prepare(ex)
	}
	return evaluate(m, docs)
}

func evaluate(m *Model, docs []prepared) Scores {
	tp, fp, fn := 0, 0, 0
	goldSents, sysSents, rightSents := 0, 0, 0
	for i := range docs {
		d := &docs[i]
		s := d.seg
		s.brk = append([]uint8(nil), d.seg.brk...)
		if m != nil && len(s.toks) > 0 {
			s.model(m)
		}
		goldStart, sysStart := 0, 0
		for k := 1; k <= len(s.toks); k++ {
			g := k == len(s.toks) || d.gold[k]
			y := k == len(s.toks) || s.brk[k]&bSentence != 0
			if k < len(s.toks) {
				switch {
				case y && g:
					tp++
				case y:
					fp++
				case g:
					fn++
				}
			}
			if g {
				goldSents++
			}
			if y {
				sysSents++
			}
			if g && y && goldStart == sysStart {
				rightSents++
			}
			if g {
				goldStart = k
			}
			if y {
				sysStart = k
			}
		}
	}
	var sc Scores
	if tp+fp > 0 {
		sc.BoundaryP = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		sc.BoundaryR = float64(tp) / float64(tp+fn)
	}
	if p, r := sc.BoundaryP, sc.BoundaryR; p+r > 0 {
		sc.BoundaryF1 = 2 * p * r / (p + r)
	}
	if goldSents+sysSents > 0 {
		sc.SentenceF1 = 2 * float64(rightSents) / float64(goldSents+sysSents)
	}
	return sc
}
