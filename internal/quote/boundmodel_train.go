package quote

import (
	"fmt"
	"io"
	"math"
	"slices"

	"github.com/dyadhq/dyad/internal/timex"
	"github.com/dyadhq/dyad/pkg/doc"
)

// BoundExample is one parsed document with its time expressions and the
// byte spans of its gold attributions' cues and contents, for TrainBounds.
type BoundExample struct {
	Doc   *doc.Document
	Times []timex.Timex
	Gold  []GoldSpans
}

// GoldSpans are the byte spans [start, end) of one gold attribution's cue
// and content.
type GoldSpans struct {
	Cue, Content [2]int
}

// BoundTrainConfig tunes TrainBounds.
type BoundTrainConfig struct {
	Epochs int       // passes over the data (default 10)
	Seed   uint64    // shuffling seed
	Margin float32   // the model's margin (BoundModel.Margin)
	Log    io.Writer // progress, nil for none
}

// DefaultBoundTrainConfig is the configuration of the embedded model, with
// the margin chosen by five-fold cross-validation on PolNeAR train.
func DefaultBoundTrainConfig() BoundTrainConfig {
	return BoundTrainConfig{Epochs: 10, Seed: 1, Margin: 2}
}

// edgeChoice is one decision: the features of each candidate edge, the
// gold candidate and the rules' one.
type edgeChoice struct {
	cands     [][]int32
	gold, cur int
	end       bool
}

// BoundStats counts what TrainBounds learned from.
type BoundStats struct {
	Quotes         int // contents of a gold cue that the model reads
	Starts, Ends   int // decisions: more than one candidate, the gold's among them
	StartOK, EndOK int // of those, edges the rules already set right
}

// TrainBounds learns a bounds model from parsed documents with gold
// attributions. Each document runs through x (without a bounds model) up
// to the bounds pass; every content the model reads whose cue overlaps a
// gold cue is an example, the gold content's start and end (when they are
// among the candidates) the right choices. The same examples, extractor,
// configuration and seed give the same model.
func TrainBounds(x *Extractor, exs []BoundExample, cfg BoundTrainConfig) (*BoundModel, BoundStats) {
	if cfg.Epochs == 0 {
		cfg.Epochs = 10
	}
	data, st := collectBounds(x, exs, func(f []uint64) []int32 {
		out := make([]int32, len(f))
		for i, h := range f {
			out[i] = int32(h & boundMask)
		}
		return out
	})
	p := newAveraged(1 << boundBits)
	sh := newShuffler(cfg.Seed, 0xb0d5, len(data))
	for ep := 0; ep < cfg.Epochs; ep++ {
		errs := 0
		for _, k := range sh.next() {
			e := data[k]
			pred, best := -1, math.Inf(-1)
			for ci, f := range e.cands {
				var v float64
				for _, j := range f {
					v += p.w[j]
				}
				if v > best {
					pred, best = ci, v
				}
			}
			if pred != e.gold {
				errs++
				for _, j := range e.cands[e.gold] {
					p.add(int(j), 1)
				}
				for _, j := range e.cands[pred] {
					p.add(int(j), -1)
				}
			}
			p.tick()
		}
		if cfg.Log != nil {
			fmt.Fprintf(cfg.Log, "bounds: epoch %d: %d decisions, %d mistakes\n", ep+1, len(data), errs)
		}
	}
	m := &BoundModel{w: make([]float32, 1<<boundBits), Margin: cfg.Margin}
	for j := range p.w {
		if a, ok := p.average(j); ok {
			m.w[j] = a
			m.n++
		}
	}
	return m, st
}

// goldFor returns the gold attribution whose cue overlaps q's, the one
// sharing most bytes of content with q when there are several.
func (s *state) goldFor(q *Quote, gold []GoldSpans) (GoldSpans, bool) {
	best, bestN := -1, -1
	for i, g := range gold {
		if g.Cue[0] >= q.Cue.End || g.Cue[1] <= q.Cue.Start || g.Content[1] <= g.Content[0] {
			continue
		}
		n := max(0, min(g.Content[1], q.End)-max(g.Content[0], q.Start))
		if n > bestN {
			best, bestN = i, n
		}
	}
	if best < 0 {
		return GoldSpans{}, false
	}
	return gold[best], true
}

// goldTokens returns the tokens [first, last) a byte span covers: first
// the first token ending after its start, last one past the last token
// starting before its end.
func (s *state) goldTokens(sp [2]int) (int, int) {
	first, last := -1, -1
	for i := range s.d.Tokens {
		t := &s.d.Tokens[i]
		if first < 0 && t.End > sp[0] {
			first = i
		}
		if t.Start < sp[1] {
			last = i + 1
		} else {
			break
		}
	}
	return first, last
}

// collectBounds runs the documents of exs through x up to the bounds pass
// and returns the decisions of the contents the model reads whose cue
// overlaps a gold cue, their features mapped to indices by intern.
func collectBounds(x *Extractor, exs []BoundExample, intern func([]uint64) []int32) ([]edgeChoice, BoundStats) {
	var st BoundStats
	var data []edgeChoice
	var gold []GoldSpans
	y := *x
	y.bounds.collect = func(s *state, fixed map[int]bool) {
		if !s.parsed {
			return
		}
		var ed *edgeDoc
		defer func() {
			if ed != nil {
				ed.release()
			}
		}()
		for qi := range s.quotes {
			q := &s.quotes[qi]
			if !boundModeled(q) {
				continue
			}
			g, ok := s.goldFor(q, gold)
			if !ok {
				continue
			}
			st.Quotes++
			if ed == nil {
				ed = newEdgeDoc(s)
			}
			ka, cl := quoteAtom(q), hashStr(fnvOffset, q.Cue.Lemma)
			b0, b1, e0, e1 := s.edgeRange(qi)
			gb, ge := s.goldTokens(g.Content)
			if cands := s.startCands(q, b0, b1, nil); len(cands) > 1 && slices.Contains(cands, gb) {
				st.Starts++
				if gb == q.First {
					st.StartOK++
				}
				c := edgeChoice{gold: slices.Index(cands, gb), cur: slices.Index(cands, q.First)}
				for _, k := range cands {
					c.cands = append(c.cands, intern(ed.startFeatures(q, ka, cl, k, nil)))
				}
				data = append(data, c)
			}
			if cands := s.endCands(q, e0, e1, nil); len(cands) > 1 && slices.Contains(cands, ge) && !fixed[qi] {
				st.Ends++
				if ge == q.Last {
					st.EndOK++
				}
				c := edgeChoice{gold: slices.Index(cands, ge), cur: slices.Index(cands, q.Last), end: true}
				for _, k := range cands {
					c.cands = append(c.cands, intern(ed.endFeatures(q, ka, cl, k, nil)))
				}
				data = append(data, c)
			}
		}
	}
	for _, e := range exs {
		gold = e.Gold
		y.Extract(e.Doc, e.Times, nil)
	}
	return data, st
}

// DecisionStats counts, over the decisions of held-out documents, the
// edges the rules and the model set right.
type DecisionStats struct {
	Starts, Ends           int
	RuleStarts, RuleEnds   int
	ModelStarts, ModelEnds int
}

// EvalBounds scores m's decisions on exs against the rules' (the edges
// the rules set before the model), at m's margin.
func EvalBounds(x *Extractor, m *BoundModel, exs []BoundExample) DecisionStats {
	var ds DecisionStats
	var buf []float32
	data, _ := collectBounds(x, exs, func(f []uint64) []int32 {
		v := float32(0)
		for _, h := range f {
			v += m.w[h&boundMask]
		}
		buf = append(buf, v)
		return nil
	})
	k := 0
	for _, c := range data {
		n := len(c.cands)
		sc := buf[k : k+n]
		k += n
		pred, best := c.cur, float32(math.Inf(-1))
		for i, v := range sc {
			if v > best {
				pred, best = i, v
			}
		}
		if best-sc[c.cur] <= m.Margin {
			pred = c.cur
		}
		if c.end {
			ds.Ends++
			ds.RuleEnds += b2i(c.cur == c.gold)
			ds.ModelEnds += b2i(pred == c.gold)
		} else {
			ds.Starts++
			ds.RuleStarts += b2i(c.cur == c.gold)
			ds.ModelStarts += b2i(pred == c.gold)
		}
	}
	return ds
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
