package parse

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"sync"
	"testing"

	"github.com/dyadhq/dyad/internal/conllu"
	"github.com/dyadhq/dyad/internal/datadir/datatest"
)

var (
	ewtOnce  sync.Once
	ewtTrain []conllu.Sentence
	ewtErr   error
)

// trainTrees returns EWT train, or skips.
func trainTrees(t *testing.T) []conllu.Sentence {
	t.Helper()
	path := datatest.Require(t, "ud-ewt", "en_ewt-ud-train.conllu")
	ewtOnce.Do(func() { ewtTrain, ewtErr = conllu.ReadFile(path) })
	if ewtErr != nil {
		t.Fatal(ewtErr)
	}
	return ewtTrain
}

// treeOf returns a sentence's heads (root as n) and labels.
func treeOf(s *conllu.Sentence) ([]int32, []string) {
	n := len(s.Words)
	h, l := make([]int32, n), make([]string, n)
	for i, w := range s.Words {
		h[i] = int32(w.Head - 1)
		if w.Head == 0 {
			h[i] = int32(n)
		}
		l[i] = w.Deprel
	}
	return h, l
}

// followOracle runs the dynamic oracle from the start, choosing among the
// zero-cost moves with pick, and returns the tree it builds.
func followOracle(t *testing.T, g *gold, pick func(zero []int) int) []int32 {
	t.Helper()
	var st state
	st.reset(len(g.head))
	var cost [nMoves]int
	for !st.terminal() {
		v := st.valid()
		st.costs(g, v, &cost)
		var zero []int
		for m := 0; m < nMoves; m++ {
			if v&(1<<m) != 0 && cost[m] == 0 {
				zero = append(zero, m)
			}
		}
		if len(zero) == 0 {
			t.Fatalf("no zero-cost move (stack %v, b %d, costs %v)", st.stack, st.b, cost)
		}
		m := pick(zero)
		lab := int16(0)
		if m != mShift {
			lab = g.label[st.si(0)]
		}
		st.apply(m, lab)
	}
	return st.head[:len(g.head)]
}

func TestOracleReproducesEWT(t *testing.T) {
	sents := trainTrees(t)
	rng := rand.New(rand.NewPCG(1, 2))
	policies := map[string]func([]int) int{
		"first":  func(z []int) int { return z[0] },
		"last":   func(z []int) int { return z[len(z)-1] },
		"random": func(z []int) int { return z[rng.IntN(len(z))] },
	}
	proj := 0
	for i := range sents {
		h, l := treeOf(&sents[i])
		if smallestNonProjective(h) >= 0 {
			continue
		}
		proj++
		g := newGold(h, make([]int16, len(l)))
		for name, pick := range policies {
			if got := followOracle(t, g, pick); !slices.Equal(got, h) {
				t.Fatalf("sentence %s, policy %s: oracle built %v, gold %v", sents[i].ID(), name, got, h)
			}
		}
	}
	if proj < len(sents)*9/10 {
		t.Errorf("only %d of %d trees projective", proj, len(sents))
	}
}

// TestOracleCostsExact checks the dynamic oracle against exhaustive search:
// from random configurations of small random projective trees, each move's
// cost must equal the increase of the least reachable loss.
func TestOracleCostsExact(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	for trial := 0; trial < 300; trial++ {
		n := 2 + rng.IntN(6)
		head := randomProjectiveTree(rng, n)
		g := newGold(head, make([]int16, n))
		var st state
		st.reset(n)
		// Walk a random number of random valid moves.
		for k := rng.IntN(2 * n); k > 0 && !st.terminal(); k-- {
			st.apply(randomMove(rng, st.valid()), 0)
		}
		if st.terminal() {
			continue
		}
		memo := map[string]int{}
		base := minLoss(&st, head, memo)
		v := st.valid()
		var cost [nMoves]int
		st.costs(g, v, &cost)
		for m := 0; m < nMoves; m++ {
			if v&(1<<m) == 0 {
				continue
			}
			next := cloneState(&st)
			next.apply(m, 0)
			want := minLoss(next, head, memo) - base
			if cost[m] != want {
				t.Fatalf("tree %v stack %v b %d: move %d cost %d, exhaustive %d", head, st.stack, st.b, m, cost[m], want)
			}
		}
	}
}

func randomMove(rng *rand.Rand, v uint8) int {
	for {
		if m := rng.IntN(nMoves); v&(1<<m) != 0 {
			return m
		}
	}
}

// randomProjectiveTree draws a projective tree over n words (root as n).
func randomProjectiveTree(rng *rand.Rand, n int) []int32 {
	for {
		h := make([]int32, n)
		root := rng.IntN(n)
		for d := range h {
			if d == root {
				h[d] = int32(n)
			} else {
				h[d] = int32(rng.IntN(n))
			}
		}
		if checkTree(h) == nil && smallestNonProjective(h) < 0 {
			return h
		}
	}
}

func cloneState(s *state) *state {
	c := &state{n: s.n, b: s.b}
	c.stack = slices.Clone(s.stack)
	c.head, c.label = slices.Clone(s.head), slices.Clone(s.label)
	c.l1, c.l2, c.r1, c.r2 = slices.Clone(s.l1), slices.Clone(s.l2), slices.Clone(s.r1), slices.Clone(s.r2)
	c.vl, c.vr, c.ls, c.rs = slices.Clone(s.vl), slices.Clone(s.vr), slices.Clone(s.ls), slices.Clone(s.rs)
	c.inStk = slices.Clone(s.inStk)
	return c
}

// minLoss is the fewest wrong heads of any tree reachable from s.
func minLoss(s *state, gold []int32, memo map[string]int) int {
	key := fmt.Sprint(s.stack, s.b, s.head)
	if v, ok := memo[key]; ok {
		return v
	}
	v := minLossRec(s, gold, memo)
	memo[key] = v
	return v
}

func minLossRec(s *state, gold []int32, memo map[string]int) int {
	if s.terminal() {
		loss := 0
		for d, h := range gold {
			if s.head[d] != h {
				loss++
			}
		}
		return loss
	}
	best := 1 << 30
	v := s.valid()
	for m := 0; m < nMoves; m++ {
		if v&(1<<m) != 0 {
			c := cloneState(s)
			c.apply(m, 0)
			best = min(best, minLoss(c, gold, memo))
		}
	}
	return best
}

func TestEveryParseIsATree(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for trial := 0; trial < 2000; trial++ {
		n := 1 + rng.IntN(30)
		var st state
		st.reset(n)
		for !st.terminal() {
			v := st.valid()
			if v == 0 {
				t.Fatalf("stuck: stack %v b %d", st.stack, st.b)
			}
			st.apply(randomMove(rng, v), 0)
		}
		if err := checkTree(st.head[:n]); err != nil {
			t.Fatalf("random moves over %d words: %v (%v)", n, err, st.head[:n])
		}
	}
}

func TestProjectivizeRoundTrip(t *testing.T) {
	sents := trainTrees(t)
	lx := &lexicon{}
	nonProj, exact := 0, 0
	for i := range sents {
		h, l := treeOf(&sents[i])
		if smallestNonProjective(h) < 0 {
			continue
		}
		nonProj++
		ph, pl, lifted := projectivize(h, l)
		ph0 := slices.Clone(ph)
		if lifted == 0 || smallestNonProjective(ph) >= 0 {
			t.Fatalf("sentence %s: not projective after lifting %d words", sents[i].ID(), lifted)
		}
		if err := checkTree(ph); err != nil {
			t.Fatalf("sentence %s: lifting broke the tree: %v", sents[i].ID(), err)
		}
		// Decode with the labels of this sentence as the label set.
		lx.labels = sortedKeys(setOf(append(append([]string{"root"}, pl...), l...)))
		lx.index()
		lab := make([]int16, len(pl))
		for j, s := range pl {
			lab[j] = lx.labelIndex(s)
		}
		var sc scratch
		lower(ph, lab, lx, &sc)
		got := make([]string, len(lab))
		for j := range lab {
			got[j] = lx.labels[lab[j]]
		}
		if slices.Equal(ph, h) && slices.Equal(got, l) {
			exact++
		} else {
			t.Logf("sentence %s: round trip differs:\n gold %v %v\n proj %v %v\n back %v %v", sents[i].ID(), h, l, ph0, pl, ph, got)
		}
	}
	t.Logf("%d non-projective trees, %d restored exactly", nonProj, exact)
	if exact != nonProj {
		t.Errorf("%d of %d non-projective trees not restored", nonProj-exact, nonProj)
	}
}

func setOf(ss []string) map[string]bool {
	m := map[string]bool{}
	for _, s := range ss {
		m[s] = true
	}
	return m
}
