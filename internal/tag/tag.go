// Package tag is dyad's part-of-speech tagger: it fills each word's universal
// tag (UPOS), Penn Treebank tag (XPOS) and morphological features (Feats).
//
// The model is a pair of greedy averaged perceptrons over hashed features
// (the word, its affixes and shape, the classes seen with it and its
// neighbours in training, the tags already assigned). Each class is a joint
// (XPOS, UPOS) pair, so the two tag sets always agree. A frequent word may
// only take the classes it was seen with in training; others choose among the
// open classes. The first pass tags left to right; the second re-tags, seeing
// the first pass's tags to the right, only the words where the first pass was
// unsure. Feats come from a table of (word, class) learned in training.
// Features are computed once per word and joined by hashing, never by
// building strings; what the features of a frequent word alone add to its
// scores is summed once, when the model is loaded.
//
// The tagger reads only the tokens' forms and the sentence bounds; it knows
// nothing of how they were made, nor of lemmas, parses or anything later.
// A Tagger is safe for concurrent use.
package tag

import (
	"math"
	"strings"
	"sync"

	"github.com/dyadhq/dyad/pkg/doc"
)

// class is one joint tag.
type class struct{ upos, xpos string }

// Tagger assigns tags with a trained model.
type Tagger struct {
	classes []class
	lex     *lexicon
	m1, m2  *weights // the passes; m2 may be nil (one pass)
	open    []uint8  // classes of rare and unknown words
	// sureMargin is the first-pass lead (in score units) above which the
	// second pass keeps the first pass's class; 0 re-tags every word.
	sureMargin float64
	retagShare float64 // share of scored dev words under sureMargin (training log only)
	morph      *morphTable
	pre        []*preScores // of m1 and m2, when prepared
	pool       sync.Pool
}

// scratch is per-call working space.
type scratch struct {
	sent   sentence
	feats  []uint64
	scores []int32
	first  []int16
	sure   []bool
	second []int16
	words  []string
	sink   uint64 // keeps the weights' prefetching loads (see weights.score)
}

func (t *Tagger) init() {
	t.pool.New = func() any {
		// weights.score adds to any class's score: room for all of them.
		return &scratch{feats: make([]uint64, 0, 2*maxFeatures), scores: make([]int32, maxClasses)}
	}
}

// scorer is a linear model: the trained weights or those being trained.
type scorer interface {
	score(feats []uint64, cands []uint8, scores []int32, sink *uint64)
	unit() float64 // the value of a score of 1
}

// predict tags the sentence loaded in sc.sent with model m, writing classes
// to out. For a second pass, first holds the first pass's classes and
// firstSure which of them to keep as they are. sure, when not nil, receives
// whether each class won by at least t.sureMargin.
func (t *Tagger) predict(sc *scratch, m scorer, first []int16, firstSure []bool, out []int16, sure []bool) {
	n := len(out)
	minMargin := int32(math.MaxInt32)
	if t.sureMargin > 0 {
		minMargin = int32(min(t.sureMargin/m.unit(), math.MaxInt32))
	}
	pre := t.preFor(m)
	for i := 0; i < n; i++ {
		if firstSure != nil && firstSure[i] {
			out[i] = first[i]
			continue
		}
		a := &sc.sent.a[i+pad]
		cands := t.candidates(a)
		if a.fixed >= 0 || len(cands) == 1 {
			out[i] = a.fixed
			if a.fixed < 0 {
				out[i] = int16(cands[0])
			}
			if sure != nil {
				sure[i] = true
			}
			continue
		}
		k1, k2 := pre.wordFeatures(sc, i, cands, out, first)
		c, margin := argmax(m, sc, cands, k1, k2)
		out[i] = int16(c)
		if sure != nil {
			sure[i] = margin >= minMargin
		}
	}
}

// candidates returns the classes a word may take: those seen with it in
// training when it is frequent enough to trust that, else the open classes.
func (t *Tagger) candidates(a *atoms) []uint8 {
	if a.cands != nil {
		return a.cands
	}
	return t.open
}

// argmax returns the best-scoring candidate class (the lowest on ties) and
// its lead over the runner-up. k1 and k2, when not nil, hold scores to add
// to the candidates', in their order.
func argmax(m scorer, sc *scratch, cands []uint8, k1, k2 []int32) (int, int32) {
	scores := sc.scores
	clear(scores)
	m.score(sc.feats, cands, scores, &sc.sink)
	for j, v := range k1 {
		scores[cands[j]] += v
	}
	for j, v := range k2 {
		scores[cands[j]] += v
	}
	best, second := int(cands[0]), int32(math.MinInt32)
	for _, c := range cands[1:] {
		v := scores[c]
		switch {
		case v > scores[best] || (v == scores[best] && int(c) < best):
			second = max(second, scores[best])
			best = int(c)
		default:
			second = max(second, v)
		}
	}
	if second == math.MinInt32 {
		return best, math.MaxInt32
	}
	return best, scores[best] - second
}

// tagWords returns the classes of a sentence's words.
func (t *Tagger) tagWords(sc *scratch, words []string) []int16 {
	if t.m2 == nil {
		return t.tagWith(sc, words, t.m1, nil)
	}
	return t.tagWith(sc, words, t.m1, t.m2)
}

// tagWith is tagWords with the passes' models given (m2 nil: one pass), so
// that tests can swap in other scorers of the same weights.
func (t *Tagger) tagWith(sc *scratch, words []string, m1, m2 scorer) []int16 {
	n := len(words)
	sc.sent.load(words, t.lex)
	sc.first = grow(sc.first, n)
	if m2 == nil {
		t.predict(sc, m1, nil, nil, sc.first, nil)
		return sc.first
	}
	sc.sure = growBool(sc.sure, n)
	t.predict(sc, m1, nil, nil, sc.first, sc.sure)
	sc.second = grow(sc.second, n)
	t.predict(sc, m2, sc.first, sc.sure, sc.second, nil)
	t.finiteVerb(words, sc.second)
	return sc.second
}

// finiteVerb gives a full sentence that was tagged without a finite verb
// one: a regular past form right after a noun or pronoun, with no
// auxiliary before it, is the past tense, not the participle ("The
// president called Putin.", "the two presidents discussed the conflict").
// The tagger learns the participle reading from web text ("a place called
// Joe's"), which a sentence with no other verb rules out.
func (t *Tagger) finiteVerb(words []string, cls []int16) {
	if len(words) < 3 {
		return
	}
	cand := -1
	for j, c := range cls {
		switch t.classes[c].xpos {
		case "VBD", "VBZ", "VBP", "MD":
			return
		case "VBN":
			if cand >= 0 || j == 0 || !strings.HasSuffix(strings.ToLower(words[j]), "ed") {
				continue
			}
			switch t.classes[cls[j-1]].xpos {
			case "NN", "NNS", "NNP", "NNPS", "PRP":
				cand = j
			}
		}
	}
	if cand < 0 {
		return
	}
	for k := cand - 1; k >= 0 && k >= cand-4; k-- {
		switch strings.ToLower(words[k]) {
		case "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "'s", "'re", "get", "got":
			return // an auxiliary or a copula: a real participle
		}
	}
	if vbd := t.classIndex("VERB", "VBD"); vbd >= 0 {
		cls[cand] = int16(vbd) // looked up only here: repairs are rare
	}
}

// classIndex returns the class with the given tags, -1 when none.
func (t *Tagger) classIndex(upos, xpos string) int {
	for i, c := range t.classes {
		if c.upos == upos && c.xpos == xpos {
			return i
		}
	}
	return -1
}

func grow(s []int16, n int) []int16 {
	if cap(s) < n {
		return make([]int16, n)
	}
	return s[:n]
}

func growBool(s []bool, n int) []bool {
	if cap(s) < n {
		return make([]bool, n)
	}
	return s[:n]
}

// Tag fills UPOS, XPOS and Feats of every token of d, sentence by sentence.
// Tokens outside any sentence (a document not yet segmented) are tagged as
// one sentence.
func (t *Tagger) Tag(d *doc.Document) {
	sc := t.pool.Get().(*scratch)
	defer t.pool.Put(sc)
	if len(d.Sentences) == 0 {
		t.tagRange(sc, d, 0, len(d.Tokens))
		return
	}
	for _, s := range d.Sentences {
		t.tagRange(sc, d, s.First, s.Last)
	}
}

func (t *Tagger) tagRange(sc *scratch, d *doc.Document, first, last int) {
	if last <= first {
		return
	}
	sc.words = sc.words[:0]
	for i := first; i < last; i++ {
		sc.words = append(sc.words, d.Form(i))
	}
	cls := t.tagWords(sc, sc.words)
	for j, c := range cls {
		tok := &d.Tokens[first+j]
		tok.UPOS, tok.XPOS = t.classes[c].upos, t.classes[c].xpos
		tok.Feats = t.morph.feats(&sc.sent, j, cls, sc.words[j])
	}
}

// TagWords tags one sentence given as its words and returns the tags and
// features of each word.
func (t *Tagger) TagWords(words []string) (upos, xpos, feats []string) {
	sc := t.pool.Get().(*scratch)
	defer t.pool.Put(sc)
	cls := t.tagWords(sc, words)
	upos, xpos, feats = make([]string, len(words)), make([]string, len(words)), make([]string, len(words))
	for j, c := range cls {
		upos[j], xpos[j] = t.classes[c].upos, t.classes[c].xpos
		feats[j] = t.morph.feats(&sc.sent, j, cls, words[j])
	}
	return upos, xpos, feats
}
