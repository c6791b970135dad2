package tag

import "slices"

// preScores holds, for one pass's weights and the tagger's lexicon, what
// the features that depend on the word and few other values add to the
// candidates' scores of each frequent ambiguous word (most of the words
// scored) and of an unknown word, so that tagging such a word looks up
// fewer features. The sums are of the same integer weights, so the scores
// are exactly those of looking every feature up.
type preScores struct {
	m scorer
	// lower[id] is what ambFeatures and lowerFeatures add to the candidates
	// of the lexicon entry with that id, in the order of its cands.
	lower [][]int32
	// cased[id] is what all the word's features but firstFeatures add for
	// the word as written in caseItems[id], for each capsVariant one after
	// the other; nil when its lower-case form has no id.
	cased [][]int32
	// first[id], for a second pass, is what firstFeatures add to the
	// candidates of the lexicon entry with that id, for each of them as the
	// first-pass class one after the other.
	first [][]int32
	// unknown is what ambFeatures and caseAmbFeatures add to the open
	// classes' scores of a word in neither lexicon, for each capsVariant.
	unknown []int32
	open    []uint8
}

// capsVariants is the number of (capitalisation, first word) pairs that
// the caps features tell apart.
const capsVariants = 4 * 2

func capsVariant(capsN, i int) int { return capsN*2 + min(i, 1) }

// prepare computes the preScores of the tagger's passes; call it once the
// model is complete.
func (t *Tagger) prepare() {
	t.pre = t.pre[:0]
	if t.m1 != nil {
		t.pre = append(t.pre, newPreScores(t.m1, t.lex, t.open, false))
	}
	if t.m2 != nil {
		t.pre = append(t.pre, newPreScores(t.m2, t.lex, t.open, true))
	}
}

// newPreScores computes the preScores of m, of the second pass when second.
func newPreScores(m scorer, lx *lexicon, open []uint8, second bool) *preScores {
	p := &preScores{m: m, lower: make([][]int32, len(lx.scored)), cased: make([][]int32, len(lx.caseItems)), open: open}
	scores := make([]int32, maxClasses)
	var sink uint64
	// sum appends what feats add to the scores of cands.
	sum := func(out []int32, feats []uint64, cands []uint8) []int32 {
		clear(scores)
		m.score(feats, cands, scores, &sink)
		for _, c := range cands {
			out = append(out, scores[c])
		}
		return out
	}
	// sumVariants appends what base and the features that depend on the
	// caps variant add to the scores of cands, for each variant.
	sumVariants := func(out []int32, base []int32, a *atoms, cands []uint8, withFlags bool) []int32 {
		var feats []uint64
		for v := range capsVariants { // v == capsVariant(v/2, v%2)
			n := len(out)
			feats = caseAmbFeatures(feats[:0], a, capsAtom(v/2), v%2)
			if withFlags {
				feats = capsFeatures(feats, a, capsAtom(v/2), v%2)
			}
			out = sum(out, feats, cands)
			for j, x := range base {
				out[n+j] += x
			}
		}
		return out
	}
	var feats []uint64
	if second {
		p.first = make([][]int32, len(lx.scored))
	}
	for id, w := range lx.scored {
		e := lx.words[w]
		a := atoms{amb: e.amb}
		lowerAtoms(&a, []byte(w))
		p.lower[id] = sum(nil, lowerFeatures(ambFeatures(feats[:0], &a), &a), e.cands)
		if second {
			for _, f0 := range e.cands {
				p.first[id] = sum(p.first[id], firstFeatures(feats[:0], &a, int(f0)), e.cands)
			}
		}
	}
	// The atoms of a word as written are computed as when tagging it.
	var s sentence
	for id, it := range lx.caseItems {
		var a atoms
		s.analyse(&a, it.word, lx)
		if a.lexID < 0 {
			continue
		}
		base := sum(nil, casedFeatures(lowerFeatures(ambFeatures(feats[:0], &a), &a), &a), a.cands)
		p.cased[id] = sumVariants(nil, base, &a, a.cands, true)
	}
	unknown := atoms{amb: ambUnknown, ambCase: ambUnknown}
	p.unknown = sumVariants(nil, sum(nil, ambFeatures(feats[:0], &unknown), open), &unknown, open, false)
	return p
}

// preFor returns the preScores of m, nil when there are none.
func (t *Tagger) preFor(m scorer) *preScores {
	for _, p := range t.pre {
		if p.m == m {
			return p
		}
	}
	return nil
}

// wordFeatures sets sc.feats to the features of word i of the loaded
// sentence (see features) and returns what the features left out add to the
// candidates' scores, from p (which may be nil): up to two vectors in the
// order of cands, or nil.
func (p *preScores) wordFeatures(sc *scratch, i int, cands []uint8, hist, first []int16) (k1, k2 []int32) {
	s := &sc.sent
	a := &s.a[i+pad]
	n := len(cands)
	out := sc.feats[:0]
	switch {
	case p == nil:
		sc.feats = features(out, s, i, hist, first)
		return nil, nil
	case a.lexID < 0:
		// An unknown word; its candidates are the open classes.
		if a.cands != nil || a.amb != ambUnknown || a.ambCase != ambUnknown || len(cands) != len(p.open) {
			sc.feats = features(out, s, i, hist, first)
			return nil, nil
		}
		v := capsVariant(s.capsN, i)
		k1 = p.unknown[v*n : (v+1)*n]
		out = capsFeatures(casedFeatures(lowerFeatures(out, a), a), a, s.caps, i)
		if first != nil {
			out = firstFeatures(out, a, int(first[i]))
		}
		sc.feats = contextFeatures(out, s, i, hist, first)
		return k1, nil
	case a.caseID >= 0 && p.cased[a.caseID] != nil:
		v := capsVariant(s.capsN, i)
		k1 = p.cased[a.caseID][v*n : (v+1)*n]
	default:
		k1 = p.lower[a.lexID]
		out = capsFeatures(caseAmbFeatures(casedFeatures(out, a), a, s.caps, i), a, s.caps, i)
	}
	if first != nil {
		if j := slices.Index(cands, uint8(first[i])); j >= 0 && first[i] >= 0 && p.first != nil {
			k2 = p.first[a.lexID][j*n : (j+1)*n]
		} else {
			out = firstFeatures(out, a, int(first[i]))
		}
	}
	sc.feats = contextFeatures(out, s, i, hist, first)
	return k1, k2
}
