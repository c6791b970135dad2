package tag

import (
	"maps"
	"slices"
	"strings"
)

// lexicon is what the training data says about each known (lower-cased)
// word: the classes seen with it (its ambiguity class, a strong feature for
// the word and its neighbours), the candidate classes of a frequent word, and
// the one class of a frequent unambiguous word.
type lexicon struct {
	items []lexItem // sorted by word; what is saved
	words map[string]lexEntry
	// caseItems and cased are the ambiguity classes of words as written.
	caseItems []lexItem
	cased     map[string]casedEntry
	// scored lists the words of the entries with an id, by id.
	scored []string
}

type lexItem struct {
	word  string
	amb   []uint8 // classes, ascending
	fixed int16   // -1 when the word is ambiguous or rare
	// restrict: the word is frequent enough that its tag is taken from amb.
	restrict bool
}

type lexEntry struct {
	amb   uint64
	fixed int16
	cands []uint8
	// id numbers the entries whose words are scored among their candidates
	// (restricted, more than one class, not fixed), from 0; -1 for others.
	id int32
}

type casedEntry struct {
	amb uint64
	id  int32 // the index in caseItems
}

// Lexicon thresholds: a word needs minAmbFreq occurrences to get an ambiguity
// class (rarer words look like unknown ones, as they will at run time), and a
// class needs ambShare of a word's occurrences to count in it. A word is
// fixed to one class when it is frequent and (nearly) never anything else.
const (
	minAmbFreq  = 2
	minCandFreq = 5
	ambShare    = 0
	minFixFreq  = 30
	fixSharePPM = 999_000
)

// buildLexicon counts classes per lower-cased word over the training data.
func buildLexicon(sents []example) *lexicon {
	counts := map[string]map[uint8]int{}
	cased := map[string]map[uint8]int{}
	var buf []byte
	add := func(counts map[string]map[uint8]int, w string, c int16) {
		m := counts[w]
		if m == nil {
			m = map[uint8]int{}
			counts[w] = m
		}
		m[uint8(c)]++
	}
	for _, s := range sents {
		for i, w := range s.words {
			buf = lowerInto(buf[:0], w)
			add(counts, string(buf), s.gold[i])
			add(cased, w, s.gold[i])
		}
	}
	lx := &lexicon{}
	for _, k := range slices.Sorted(maps.Keys(cased)) {
		if amb := ambiguity(cased[k]); amb != nil {
			lx.caseItems = append(lx.caseItems, lexItem{word: k, amb: amb, fixed: -1})
		}
	}
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		it := lexItem{word: k, fixed: -1}
		m := counts[k]
		total, best, bestN := 0, -1, 0
		for c, n := range m {
			total += n
			if n > bestN || (n == bestN && int(c) < best) {
				best, bestN = int(c), n
			}
		}
		it.amb = ambiguity(m)
		it.restrict = total >= minCandFreq
		if total >= minFixFreq && int64(bestN)*1_000_000 >= int64(total)*fixSharePPM {
			it.fixed = int16(best)
		}
		if it.amb == nil && it.fixed < 0 {
			continue
		}
		lx.items = append(lx.items, it)
	}
	lx.index()
	return lx
}

// ambiguity returns the classes of a word with the given class counts, or
// nil for a rare word.
func ambiguity(m map[uint8]int) []uint8 {
	total := 0
	for _, n := range m {
		total += n
	}
	if total < minAmbFreq {
		return nil
	}
	var amb []uint8
	for c, n := range m {
		if float64(n) > ambShare*float64(total) {
			amb = append(amb, c)
		}
	}
	slices.Sort(amb)
	return amb
}

func ambHash(amb []uint8) uint64 {
	h := uint64(kAmb)
	for _, c := range amb {
		h = mix(h, uint64(c))
	}
	return h
}

// index builds the lookup maps from items.
func (lx *lexicon) index() {
	lx.cased = make(map[string]casedEntry, len(lx.caseItems))
	for i, it := range lx.caseItems {
		lx.cased[strings.Clone(it.word)] = casedEntry{amb: mix(ambHash(it.amb), 1), id: int32(i)}
	}
	lx.words = make(map[string]lexEntry, len(lx.items))
	lx.scored = lx.scored[:0]
	for _, it := range lx.items {
		e := lexEntry{amb: ambUnknown, fixed: it.fixed, id: -1}
		if len(it.amb) > 0 {
			e.amb = ambHash(it.amb)
			if it.restrict {
				e.cands = it.amb
				if len(e.cands) > 1 && e.fixed < 0 {
					e.id = int32(len(lx.scored))
					lx.scored = append(lx.scored, it.word)
				}
			}
		}
		lx.words[strings.Clone(it.word)] = e
	}
}

// openClasses returns the classes seen with rare words (at most maxFreq
// occurrences), the candidates for words the lexicon does not restrict; all
// nClasses when no word is rare.
func openClasses(sents []example, maxFreq, nClasses int) []uint8 {
	freq := map[string]int{}
	var buf []byte
	for _, s := range sents {
		for _, w := range s.words {
			buf = lowerInto(buf[:0], w)
			freq[string(buf)]++
		}
	}
	seen := map[uint8]bool{}
	for _, s := range sents {
		for i, w := range s.words {
			buf = lowerInto(buf[:0], w)
			if freq[string(buf)] <= maxFreq {
				seen[uint8(s.gold[i])] = true
			}
		}
	}
	if len(seen) == 0 {
		for c := range nClasses {
			seen[uint8(c)] = true
		}
	}
	return slices.Sorted(maps.Keys(seen))
}
