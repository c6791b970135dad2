package udeval

import "strings"

// pair is one gold word aligned to one system word (indices).
type pair struct{ gold, sys int }

type alignment struct {
	pairs     []pair
	sysToGold map[int]int
}

func (a *alignment) add(g, s int) {
	a.pairs = append(a.pairs, pair{g, s})
	a.sysToGold[s] = g
}

// align pairs system words with gold words. Words outside multiword tokens
// align when their spans are equal. Around multiword tokens (of either side)
// it takes the smallest span of text that no multiword token crosses, and
// aligns the words inside it by the longest common subsequence of their
// lower-cased forms.
func align(gold, sys []word) *alignment {
	a := &alignment{sysToGold: make(map[int]int, len(sys))}
	gi, si := 0, 0
	for gi < len(gold) && si < len(sys) {
		if !gold[gi].multi && !sys[si].multi {
			switch g, s := gold[gi].span, sys[si].span; {
			case g == s:
				a.add(gi, si)
				gi++
				si++
			case g.start <= s.start:
				gi++
			default:
				si++
			}
			continue
		}
		var gs, ss int
		gs, ss, gi, si = multiwordSpan(gold, sys, gi, si)
		if gi > gs && si > ss {
			alignLCS(a, gold[gs:gi], sys[ss:si], gs, ss)
		}
	}
	return a
}

// multiwordSpan finds the words [gs,ge) and [ss,se) of the smallest span
// that starts with the multiword token at gold[gi] or sys[si] and that no
// multiword token sticks out of.
func multiwordSpan(gold, sys []word, gi, si int) (gs, ss, ge, se int) {
	var end int
	if gold[gi].multi {
		end = gold[gi].span.end
		// A single system word that starts before the gold multiword token
		// cannot belong to the span.
		if !sys[si].multi && sys[si].span.start < gold[gi].span.start {
			si++
		}
	} else {
		end = sys[si].span.end
		if !gold[gi].multi && gold[gi].span.start < sys[si].span.start {
			gi++
		}
	}
	gs, ss = gi, si
	for !beyond(gold, gi, end) || !beyond(sys, si, end) {
		if gi < len(gold) && (si >= len(sys) || gold[gi].span.start <= sys[si].span.start) {
			end = extend(&gold[gi], end)
			gi++
		} else {
			end = extend(&sys[si], end)
			si++
		}
	}
	return gs, ss, gi, si
}

// beyond reports whether words[i] lies past a multiword span ending at end:
// a multiword part when it starts at or after end, a plain word when it
// ends after it.
func beyond(words []word, i, end int) bool {
	if i >= len(words) {
		return true
	}
	if words[i].multi {
		return words[i].span.start >= end
	}
	return words[i].span.end > end
}

// extend grows the span's end to cover a multiword token that reaches past it.
func extend(w *word, end int) int {
	if w.multi && w.span.end > end {
		return w.span.end
	}
	return end
}

// alignLCS aligns the words of gold and sys (slices starting at word
// indices g0 and s0) along a longest common subsequence of their
// lower-cased forms, taking a match as soon as the forms agree.
func alignLCS(a *alignment, gold, sys []word, g0, s0 int) {
	ng, ns := len(gold), len(sys)
	gf := make([]string, ng)
	sf := make([]string, ns)
	for i := range gold {
		gf[i] = strings.ToLower(gold[i].form)
	}
	for i := range sys {
		sf[i] = strings.ToLower(sys[i].form)
	}
	// lcs[g][s] is the LCS length of gold[g:] and sys[s:]; row ng and
	// column ns are zero.
	lcs := make([][]int, ng+1)
	for g := range lcs {
		lcs[g] = make([]int, ns+1)
	}
	for g := ng - 1; g >= 0; g-- {
		for s := ns - 1; s >= 0; s-- {
			v := lcs[g+1][s]
			if lcs[g][s+1] > v {
				v = lcs[g][s+1]
			}
			if gf[g] == sf[s] && lcs[g+1][s+1]+1 > v {
				v = lcs[g+1][s+1] + 1
			}
			lcs[g][s] = v
		}
	}
	g, s := 0, 0
	for g < ng && s < ns {
		switch {
		case gf[g] == sf[s]:
			a.add(g0+g, s0+s)
			g++
			s++
		case lcs[g][s] == lcs[g+1][s]:
			g++
		default:
			s++
		}
	}
}
