package ner

import (
	"slices"
	"strings"
)

// NameMemory remembers the names of the training corpus: each word
// sequence (in lower case) that it labels as a name, with the type it
// gives it most often and how reliably the corpus labels the sequence a
// name where it occurs. A feature says which remembered name, if any,
// covers a token and where the token sits in it, which reaches what
// word features cannot: the whole of a many-word name, the words of a
// name elsewhere common ("Home Depot", "Taco Bell").
//
// Learned on the whole training corpus, the memory would know every
// training name and the model would trust it blindly; Train therefore
// shows each training sentence the memory of the other folds of the
// corpus (by document), and keeps the memory of the whole corpus in the
// model for use.
type NameMemory struct {
	// codes maps the hash of a word sequence to its code (memPrefix
	// added when a longer name begins with the sequence, so that matching
	// stops at the first sequence that begins none).
	codes map[uint64]uint8
}

// memPrefix marks a sequence that begins a longer remembered name.
const memPrefix = 0x80

// memMaxLen is the most words of a remembered name.
const memMaxLen = 6

// memKey hashes a lower-case word sequence.
func memKey(words []string) uint64 {
	h := newHash(0xf0)
	for _, w := range words {
		h = h.str(w)
	}
	return uint64(h)
}

// LearnNameMemory learns the names of labelled sentences (OTH included).
// A name's code is 1 + 3*type + band, where band says how often the
// sequence is labelled a name (of any type) where it occurs: 0 at most
// half the time, 1 less than four times in five, 2 more often.
func LearnNameMemory(sents []Sentence) *NameMemory {
	type counts struct {
		byType [4]int
		all    int
		words  []string
	}
	c := map[uint64]*counts{}
	var lower []string
	lowerOf := func(s Sentence) []string {
		lower = lower[:0]
		for _, w := range s.Words {
			lower = append(lower, strings.ToLower(w))
		}
		return lower
	}
	labels := func(s Sentence) []int {
		ls := make([]int, len(s.Labels))
		for i, l := range s.Labels {
			ls[i] = memLabel(l)
		}
		return ls
	}
	for _, s := range sents {
		lw := lowerOf(s)
		for _, sp := range spansAll(labels(s)) {
			if sp.Last-sp.First > memMaxLen {
				continue
			}
			k := memKey(lw[sp.First:sp.Last])
			if c[k] == nil {
				c[k] = &counts{words: slices.Clone(lw[sp.First:sp.Last])}
			}
			c[k].byType[sp.typ]++
		}
	}
	// How often each remembered sequence occurs at all.
	for _, s := range sents {
		lw := lowerOf(s)
		for i := range lw {
			for j := i + 1; j <= len(lw) && j-i <= memMaxLen; j++ {
				if k, ok := c[memKey(lw[i:j])]; ok {
					k.all++
				}
			}
		}
	}
	m := &NameMemory{codes: make(map[uint64]uint8, len(c))}
	for k, n := range c {
		best, named := 0, 0
		for t, v := range n.byType {
			named += v
			if v > n.byType[best] {
				best = t
			}
		}
		var band uint8
		switch r := float64(named) / float64(max(n.all, named)); {
		case r >= 0.8:
			band = 2
		case r > 0.5:
			band = 1
		}
		m.codes[k] |= 1 + 3*uint8(best) + band
		for j := 1; j < len(n.words); j++ {
			m.codes[memKey(n.words[:j])] |= memPrefix
		}
	}
	return m
}

// memLabel is LabelIndex that keeps B-OTH and I-OTH (as the labels after
// the model's), which the memory remembers as a fourth type: a word
// sequence the corpus calls another name ("Firefox") is then known as no
// name of ours.
func memLabel(s string) int {
	switch s {
	case "B-OTH":
		return nLabels
	case "I-OTH":
		return nLabels + 1
	}
	return LabelIndex(s)
}

// typedSpan is a span of a label sequence with its type index.
type typedSpan struct{ First, Last, typ int }

// spansAll reads the spans of a label sequence, OTH included.
func spansAll(labels []int) []typedSpan {
	var out []typedSpan
	start := -1
	for i := 0; i <= len(labels); i++ {
		l := labelO
		if i < len(labels) {
			l = labels[i]
		}
		if start >= 0 && !(isI(l) && typeOf(l) == typeOf(labels[start])) {
			out = append(out, typedSpan{start, i, typeOf(labels[start])})
			start = -1
		}
		if isB(l) || (isI(l) && start < 0) {
			start = i
		}
	}
	return out
}

// Len is the number of remembered sequences (names and beginnings of
// names).
func (m *NameMemory) Len() int {
	if m == nil {
		return 0
	}
	return len(m.codes)
}

// sortedKeys returns the keys in order, for a byte-stable model file.
func (m *NameMemory) sortedKeys() []uint64 {
	ks := make([]uint64, 0, m.Len())
	if m != nil {
		for k := range m.codes {
			ks = append(ks, k)
		}
	}
	slices.Sort(ks)
	return ks
}

// match fills code and pos for each word of the lower-case sentence lw:
// the code of the longest remembered name covering it (leftmost first,
// names do not overlap), and its place in it (1 single, 2 first, 3 inside,
// 4 last; 0 and code 0 outside names). m may be nil.
func (m *NameMemory) match(lw []string, code, pos []uint8) {
	clear(code)
	clear(pos)
	if m == nil {
		return
	}
	for i := 0; i < len(lw); {
		bestJ, bestC := 0, uint8(0)
		h := newHash(0xf0)
		for j := i + 1; j <= len(lw) && j-i <= memMaxLen; j++ {
			h = h.str(lw[j-1])
			c, ok := m.codes[uint64(h)]
			if !ok {
				break
			}
			if c&^memPrefix != 0 {
				bestJ, bestC = j, c&^memPrefix
			}
			if c&memPrefix == 0 {
				break
			}
		}
		if bestJ == 0 {
			i++
			continue
		}
		markName(code, pos, i, bestJ, bestC)
		i = bestJ
	}
}

// markName gives words [i, j) the code c and their places in the name.
func markName(code, pos []uint8, i, j int, c uint8) {
	for k := i; k < j; k++ {
		code[k] = c
		switch {
		case j-i == 1:
			pos[k] = 1
		case k == i:
			pos[k] = 2
		case k == j-1:
			pos[k] = 4
		default:
			pos[k] = 3
		}
	}
}
