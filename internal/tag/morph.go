package tag

import (
	"slices"
)

// morphTable gives a word's morphological features from its form and class:
// the features most often seen with that (lower-cased word, class) in
// training, else those most often seen with the class.
type morphTable struct {
	values  []string          // distinct feature strings; 0 is "_"
	byWord  map[uint64]uint16 // mix(lower-case word hash, class) -> value
	byClass []uint16          // class -> value
	// items is the saved form of byWord, sorted by key.
	items []morphItem
}

type morphItem struct {
	key   uint64
	value uint16
}

func morphKey(lower uint64, cls int16) uint64 { return mix(lower, uint64(cls)+7) }

// feats returns the features of word j of the loaded sentence.
func (m *morphTable) feats(s *sentence, j int, cls []int16, _ string) string {
	if m == nil {
		return ""
	}
	c := cls[j]
	v, ok := m.byWord[morphKey(s.a[j+pad].lower, c)]
	if !ok {
		v = m.byClass[c]
	}
	if v == 0 {
		return ""
	}
	return m.values[v]
}

// buildMorph learns the table from training sentences with their features.
func buildMorph(sents []example, nClasses int) *morphTable {
	byWord := map[uint64]map[string]int{}
	classOf := map[uint64]int16{}
	byClass := make([]map[string]int, nClasses)
	var s sentence
	empty := &lexicon{words: map[string]lexEntry{}}
	for _, ex := range sents {
		s.load(ex.words, empty)
		for i := range ex.words {
			c := ex.gold[i]
			f := ex.feats[i]
			k := morphKey(s.a[i+pad].lower, c)
			if byWord[k] == nil {
				byWord[k] = map[string]int{}
			}
			byWord[k][f]++
			classOf[k] = c
			if byClass[c] == nil {
				byClass[c] = map[string]int{}
			}
			byClass[c][f]++
		}
	}
	m := &morphTable{values: []string{"_"}}
	index := map[string]uint16{"_": 0}
	valueOf := func(f string) uint16 {
		if v, ok := index[f]; ok {
			return v
		}
		v := uint16(len(m.values))
		m.values = append(m.values, f)
		index[f] = v
		return v
	}
	// Assign values in a fixed order so that the model is reproducible.
	m.byClass = make([]uint16, nClasses)
	for c := range byClass {
		m.byClass[c] = valueOf(mostCommon(byClass[c]))
	}
	keys := make([]uint64, 0, len(byWord))
	for k := range byWord {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		best := valueOf(mostCommon(byWord[k]))
		if best == m.byClass[classOf[k]] {
			continue // the class default says the same
		}
		m.items = append(m.items, morphItem{key: k, value: best})
	}
	m.index()
	return m
}

// mostCommon returns the most frequent string, the smallest on ties, "_" for none.
func mostCommon(m map[string]int) string {
	best, bestN := "_", 0
	for s, n := range m {
		if n > bestN || (n == bestN && s < best) {
			best, bestN = s, n
		}
	}
	return best
}

func (m *morphTable) index() {
	m.byWord = make(map[uint64]uint16, len(m.items))
	for _, it := range m.items {
		m.byWord[it.key] = it.value
	}
}
