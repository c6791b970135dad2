package ner

// Counts are exact-span matches of one type: a predicted span is correct
// when a gold span has the same first and last word and the same type.
type Counts struct{ Gold, Pred, Correct int }

// P, R and F1 in [0, 1].
func (c Counts) P() float64  { return ratio(c.Correct, c.Pred) }
func (c Counts) R() float64  { return ratio(c.Correct, c.Gold) }
func (c Counts) F1() float64 { return f1(c.P(), c.R()) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Scores are the counts by type and overall (micro-averaged, as conlleval).
type Scores struct {
	ByType map[string]*Counts
	All    Counts
}

// NewScores starts empty scores with every type present.
func NewScores() *Scores {
	s := &Scores{ByType: map[string]*Counts{}}
	for _, t := range Types {
		s.ByType[t] = &Counts{}
	}
	return s
}

// Add scores one sentence's predicted labels against its gold labels.
func (s *Scores) Add(gold, pred []string) {
	gi, pi := make([]int, len(gold)), make([]int, len(pred))
	for i := range gold {
		gi[i] = LabelIndex(gold[i])
	}
	for i := range pred {
		pi[i] = LabelIndex(pred[i])
	}
	s.addIdx(gi, pi)
}

func (s *Scores) addIdx(gold, pred []int) {
	gs, ps := appendSpans(nil, gold, 0), appendSpans(nil, pred, 0)
	set := map[Span]bool{}
	for _, g := range gs {
		set[g] = true
		s.ByType[g.Type].Gold++
		s.All.Gold++
	}
	for _, p := range ps {
		s.ByType[p.Type].Pred++
		s.All.Pred++
		if set[p] {
			s.ByType[p.Type].Correct++
			s.All.Correct++
		}
	}
}
