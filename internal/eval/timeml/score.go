package timeml

import (
	"sort"
	"strings"
)

// Counts holds the TempEval-3 Task A figures for time expressions.
//
// The official scorer (evaluate_entities.py) pairs gold and system TIMEX3s
// by id after the TimeML-Normalizer has given overlapping ones the same id;
// a pair is a relaxed match, and a strict one when the two texts are
// identical. Precision divides matches by the system's count, recall by the
// gold count; type and value accuracy are over relaxed matches, and value F1
// ("Attribute F1 Value") is relaxed F1 times value accuracy. Here pairs are
// made one to one by overlap: each gold expression, in text order, takes
// the unpaired system expression overlapping it most (the earliest on a
// tie). Expressions whose text is blank count in the totals but never
// match, as in the official scorer.
type Counts struct {
	Gold, Sys       int
	Strict, Relaxed int
	TypeOK, ValueOK int
}

// Add sums counts.
func (c *Counts) Add(o Counts) {
	c.Gold += o.Gold
	c.Sys += o.Sys
	c.Strict += o.Strict
	c.Relaxed += o.Relaxed
	c.TypeOK += o.TypeOK
	c.ValueOK += o.ValueOK
}

func frac(a, b int) float64 {
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

// StrictP is strict precision.
func (c Counts) StrictP() float64 { return frac(c.Strict, c.Sys) }

// StrictR is strict recall.
func (c Counts) StrictR() float64 { return frac(c.Strict, c.Gold) }

// StrictF1 is strict F1.
func (c Counts) StrictF1() float64 { return f1(c.StrictP(), c.StrictR()) }

// RelaxedP is relaxed precision.
func (c Counts) RelaxedP() float64 { return frac(c.Relaxed, c.Sys) }

// RelaxedR is relaxed recall.
func (c Counts) RelaxedR() float64 { return frac(c.Relaxed, c.Gold) }

// RelaxedF1 is relaxed F1.
func (c Counts) RelaxedF1() float64 { return f1(c.RelaxedP(), c.RelaxedR()) }

// TypeAccuracy is the share of relaxed matches with the gold type.
func (c Counts) TypeAccuracy() float64 { return frac(c.TypeOK, c.Relaxed) }

// ValueAccuracy is the share of relaxed matches with the gold value.
func (c Counts) ValueAccuracy() float64 { return frac(c.ValueOK, c.Relaxed) }

// ValueF1 is relaxed F1 times value accuracy, the TempEval-3 ranking score.
func (c Counts) ValueF1() float64 { return c.RelaxedF1() * c.ValueAccuracy() }

// TypeF1 is relaxed F1 times type accuracy.
func (c Counts) TypeF1() float64 { return c.RelaxedF1() * c.TypeAccuracy() }

// Pair is a gold expression and the system expression matched to it; G or
// S is -1 when one side has none.
type Pair struct{ G, S int }

// Score pairs gold and system spans over text and counts the matches.
// Pairs come back in text order, unmatched system spans after the gold.
func Score(text string, gold, sys []Span) (Counts, []Pair) {
	c := Counts{Gold: len(gold), Sys: len(sys)}
	blank := func(s Span) bool {
		return s.Start < 0 || s.End > len(text) || s.Start >= s.End || strings.TrimSpace(text[s.Start:s.End]) == ""
	}
	order := make([]int, len(sys))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return sys[order[a]].Start < sys[order[b]].Start })
	used := make([]bool, len(sys))
	var pairs []Pair
	for gi, g := range gold {
		best, bestOv := -1, 0
		if !blank(g) {
			for _, si := range order {
				s := sys[si]
				if used[si] || blank(s) {
					continue
				}
				if s.Start >= g.End {
					break
				}
				ov := min(g.End, s.End) - max(g.Start, s.Start)
				if ov > bestOv {
					best, bestOv = si, ov
				}
			}
		}
		pairs = append(pairs, Pair{gi, best})
		if best < 0 {
			continue
		}
		used[best] = true
		s := sys[best]
		c.Relaxed++
		if text[g.Start:g.End] == text[s.Start:s.End] {
			c.Strict++
		}
		if g.Type == s.Type {
			c.TypeOK++
		}
		if g.Value == s.Value {
			c.ValueOK++
		}
	}
	for si := range sys {
		if !used[si] {
			pairs = append(pairs, Pair{-1, si})
		}
	}
	return c, pairs
}

// Shape names the kind of a TIMEX3 value for error reports: "day",
// "month", "year", "quarter", "week", "time", "duration", "ref"...
func Shape(typ, v string) string {
	switch {
	case typ == "SET":
		return "set"
	case strings.HasSuffix(v, "_REF"):
		return "ref"
	case strings.HasPrefix(v, "P"):
		return "duration"
	case strings.Contains(v, "T"):
		return "time"
	case strings.Contains(v, "-W"):
		if strings.HasSuffix(v, "WE") {
			return "weekend"
		}
		if len(v) > 8 && v[len(v)-2] == '-' {
			return "weekday"
		}
		return "week"
	case strings.Contains(v, "-Q"):
		return "quarter"
	case strings.Contains(v, "-H"):
		return "half"
	case len(v) == 7 && (strings.HasSuffix(v, "SP") || strings.HasSuffix(v, "SU") || strings.HasSuffix(v, "FA") || strings.HasSuffix(v, "WI")):
		return "season"
	case len(v) == 10:
		return "day"
	case len(v) == 7:
		return "month"
	case len(v) == 4:
		return "year"
	case len(v) == 3:
		return "decade"
	case len(v) == 2:
		return "century"
	}
	return "other"
}
