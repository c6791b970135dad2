package quote

import (
	"math"
	"sync"
)

// The bounds model's candidates and features. The candidate ends of a
// content [First, Last) are its present end and the positions up to the
// end of its sentence (or its cue, its speaker, another quote) before a
// break word (punctuation, a conjunction, a subordinator or relative,
// "to") or after a closing quote mark; its candidate starts, the same near
// its present start (after prepositions too), and the first token it may
// take. Each
// candidate's features are the words, tags and relations on both sides of
// the edge, the word the edge cuts off from the content and whether it
// heads a clause, how many arcs the edge cuts, whether the content is its
// root's whole subtree, what the sentence keeps on the far side, the
// quote's kind, where its cue is and how far the edge moves.

// boundModeled tells whether the model sets quote q's edges: reported
// speech, mixed quotes and stances with a cue; a direct quote's marks are
// its edges, and a continuation has no cue to read.
func boundModeled(q *Quote) bool {
	return (q.Kind == Indirect || q.Kind == Mixed || q.Kind == Stance) && q.Continues < 0 && q.Cue.First >= 0 && q.Last > q.First
}

// edgeRange returns the candidate starts [b0, b1] and ends [e0, e1] of
// quote qi.
func (s *state) edgeRange(qi int) (b0, b1, e0, e1 int) {
	q := &s.quotes[qi]
	lo, _ := s.sentBounds(q.First)
	_, hi := s.sentBounds(q.Last - 1)
	b0 = q.First
	for b0 > lo && !s.edgeBarrier(qi, b0-1) {
		b0--
	}
	e1 = q.Last
	for e1 < hi && !s.edgeBarrier(qi, e1) {
		e1++
	}
	return b0, q.Last - 1, q.First + 1, e1
}

// edgeBarrier tells whether a content of quote qi may not take token i:
// it is the quote's cue or speaker, or another quote's.
func (s *state) edgeBarrier(qi, i int) bool {
	q := &s.quotes[qi]
	return i >= q.Cue.First && i < q.Cue.Last || i >= q.Speaker.First && i < q.Speaker.Last ||
		s.owner[i] >= 0 && s.owner[i] != int32(qi)
}

// edgeDoc holds what the bounds features read of one document, computed
// once when first read: the hashes of each token's word, tag and relation
// (0: not yet), whether a verb's lemma is a cue's (0 not yet, 1 no, 2 yes)
// and the edges of each token's subtree (per sentence, done[sentence]).
type edgeDoc struct {
	s           *state
	word        []uint64
	tag, rel    []uint64
	cue         []uint8
	flags       []uint8 // flagSet and the flags below, 0: not yet
	left, right []int32
	done        []bool
	buf         []uint64
	cands       []int
	lo, hi      int // the sentence last looked up
}

// sent returns the token range of the sentence holding token k.
func (c *edgeDoc) sent(k int) (int, int) {
	if k < c.lo || k >= c.hi {
		c.lo, c.hi = c.s.sentBounds(k)
	}
	return c.lo, c.hi
}

// edgeDocs keeps edgeDocs for reuse: most documents need one, and making
// its tables anew for each costs more than scoring.
var edgeDocs = sync.Pool{New: func() any { return new(edgeDoc) }}

// newEdgeDoc returns an edgeDoc for s from the pool, its tables cleared;
// put it back with release.
func newEdgeDoc(s *state) *edgeDoc {
	c := edgeDocs.Get().(*edgeDoc)
	n, ns := len(s.d.Tokens), len(s.d.Sentences)
	c.s, c.lo, c.hi = s, 0, 0
	c.word, c.tag, c.rel = resize(c.word, n), resize(c.tag, n), resize(c.rel, n)
	c.cue, c.flags, c.done = resize(c.cue, n), resize(c.flags, n), resize(c.done, ns)
	c.left, c.right = resize(c.left, n), resize(c.right, n)
	return c
}

func (c *edgeDoc) release() {
	c.s = nil
	edgeDocs.Put(c)
}

// resize returns b with length n, all zero.
func resize[T any](b []T, n int) []T {
	if cap(b) < n {
		return make([]T, n)
	}
	b = b[:n]
	clear(b)
	return b
}

// subtree returns the first and last tokens of r's subtree.
func (c *edgeDoc) subtree(r int) (int, int) {
	si := c.s.d.SentenceOf(r)
	if si < 0 {
		return r, r
	}
	if !c.done[si] {
		c.done[si] = true
		toks := c.s.d.Tokens
		sent := c.s.d.Sentences[si]
		for k := sent.First; k < sent.Last; k++ {
			c.left[k], c.right[k] = int32(k), int32(k)
		}
		for k := sent.First; k < sent.Last; k++ {
			// Widen the subtree of every head above k to k.
			h := toks[k].Head
			for steps := 0; h >= sent.First && h < sent.Last && steps < 64; steps++ {
				c.left[h] = min(c.left[h], int32(k))
				c.right[h] = max(c.right[h], int32(k))
				h = toks[h].Head
			}
		}
	}
	return int(c.left[r]), int(c.right[r])
}

func (c *edgeDoc) subtreeStart(r int) int { a, _ := c.subtree(r); return a }

func (c *edgeDoc) subtreeEnd(r int) int { _, b := c.subtree(r); return b }

// Token flags, read in every candidate's loops over its sentence.
const (
	flagSet = 1 << iota
	flagPunct
	flagFinite
	flagVerb
)

// flag tells whether token k has flag f.
func (c *edgeDoc) flag(k int, f uint8) bool {
	if c.flags[k] == 0 {
		s := c.s
		v := uint8(flagSet)
		if s.isPunct(k) {
			v |= flagPunct
		}
		if s.isFinite(k) {
			v |= flagFinite
		}
		if s.isVerb(k) {
			v |= flagVerb
		}
		c.flags[k] = v
	}
	return c.flags[k]&f != 0
}

func (c *edgeDoc) punct(k int) bool { return c.flag(k, flagPunct) }

// cueVerb tells whether token k's lemma is a known cue's.
func (c *edgeDoc) cueVerb(k int) uint64 {
	if c.cue[k] == 0 {
		c.cue[k] = 1 + uint8(bit(known(c.s.cueLemma(k))))
	}
	return uint64(c.cue[k] - 1)
}

// Atoms for what lies outside the sentence and for absent values.
var (
	atomOut  = hashStr(fnvOffset, "<s>")
	atomNone = hashStr(fnvOffset, "-")
)

// w is token k's word as the features see it: names and numbers by their
// class, quote marks as one; outside the sentence [lo, hi), <s>.
func (c *edgeDoc) w(k, lo, hi int) uint64 {
	if k < lo || k >= hi {
		return atomOut
	}
	if c.word[k] == 0 {
		s := c.s
		w := s.lower(k)
		switch {
		case s.upos(k) == "PROPN":
			w = "<name>"
		case s.upos(k) == "NUM":
			w = "<num>"
		case s.tokQ[k] >= 0 && s.isPunct(k):
			w = "<mark>"
		}
		c.word[k] = hashStr(fnvOffset, w)
	}
	return c.word[k]
}

func (c *edgeDoc) t(k, lo, hi int) uint64 {
	if k < lo || k >= hi {
		return atomOut
	}
	if c.tag[k] == 0 {
		c.tag[k] = hashStr(fnvOffset, c.s.upos(k))
	}
	return c.tag[k]
}

func (c *edgeDoc) r(k, lo, hi int) uint64 {
	if k < lo || k >= hi {
		return atomOut
	}
	if c.rel[k] == 0 {
		c.rel[k] = hashStr(fnvOffset, c.s.d.Tokens[k].Deprel)
	}
	return c.rel[k]
}

// mix hashes a feature: its kind (one of the f constants) and its parts.
func mix(kind uint64, parts ...uint64) uint64 {
	h := fnvOffset ^ kind*0x9e3779b97f4a7c15
	for _, p := range parts {
		h ^= p
		h *= fnvPrime
		h ^= h >> 31
	}
	return h
}

// Feature kinds. The numbers are part of the model: renumbering them
// needs a retrained model.
const (
	fEd = iota + 1
	fEkd
	fEl
	fElt
	fElr
	fEn
	fEnt
	fEnr
	fEkn
	fEnn
	fEntt
	fEln
	fEltn
	fElen
	fEnh
	fEpn
	fEpnh
	fErest
	fEcn
	fEv
	fEvn
	fEt
	fEtn
	fEtd
	fEroot
	fEcut
	fEcutd
	fEq
	fBd
	fBkd
	fBpw
	fBf
	fBft
	fBfr
	fBkf
	fBp
	fBpt
	fBpp
	fBpf
	fBptf
	fBfh
	fBlen
	fBff
	fBpun
	fBrest
	fBcf
	fBt
	fBtf
	fBroot
	fBcut
	fBcutd
	fBq
)

// Places of a head (headPlace).
const (
	placeNone = iota
	placeRoot
	placeCue
	placeIn
	placeLeft
	placeRight
)

// headPlace tells where token k's head lies against the span [a, b) and
// quote q's cue.
func (s *state) headPlace(q *Quote, k, a, b int) uint64 {
	h := s.d.Tokens[k].Head
	switch {
	case h < 0:
		return placeRoot
	case h >= q.Cue.First && h < q.Cue.Last:
		return placeCue
	case h >= a && h < b:
		return placeIn
	case h < a:
		return placeLeft
	}
	return placeRight
}

// cuts counts the arcs a span [a, b) cuts on its side [x, y) (the words it
// leaves out there), at most 3 each: out, the span's words whose head is
// there; in, the words there (not punctuation, not the quote's cue or
// speaker) whose head is in the span.
func (c *edgeDoc) cuts(q *Quote, a, b, x, y int) (out, in uint64) {
	s := c.s
	for k := a; k < b; k++ {
		if h := s.d.Tokens[k].Head; h >= x && h < y && (h < q.Cue.First || h >= q.Cue.Last) {
			out++
		}
	}
	for k := x; k < y; k++ {
		if k >= q.Cue.First && k < q.Cue.Last || k >= q.Speaker.First && k < q.Speaker.Last || c.punct(k) {
			continue
		}
		if h := s.d.Tokens[k].Head; h >= a && h < b {
			in++
		}
	}
	return min(out, 3), min(in, 3)
}

// bucket groups a distance: 0, ±1, ±2-3, ±4-7, beyond.
func bucket(d int) uint64 {
	switch {
	case d == 0:
		return 0
	case d == 1:
		return 1
	case d == -1:
		return 2
	case d > 0 && d <= 3:
		return 3
	case d < 0 && d >= -3:
		return 4
	case d > 0 && d <= 7:
		return 5
	case d < 0 && d >= -7:
		return 6
	case d > 0:
		return 7
	}
	return 8
}

func bit(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

// quoteAtom codes q's kind and where its cue is against its content.
func quoteAtom(q *Quote) uint64 {
	var k uint64
	switch q.Kind {
	case Mixed:
		k = 1
	case Stance:
		k = 2
	}
	switch {
	case q.Cue.Last <= q.First:
		return k*3 + 0
	case q.Cue.First >= q.Last:
		return k*3 + 1
	}
	return k*3 + 2
}

// endFeatures appends the features of ending quote q's content before
// token e (the content being [q.First, e)) to out; ka is quoteAtom(q), cl
// the hash of q's cue lemma.
func (c *edgeDoc) endFeatures(q *Quote, ka, cl uint64, e int, out []uint64) []uint64 {
	s := c.s
	a := q.First
	lo, hi := c.sent(e - 1)
	l, n := e-1, e
	d := bucket(e - q.Last)
	wl, wn, wnn := c.w(l, lo, hi), c.w(n, lo, hi), c.w(n+1, lo, hi)
	tl, tn, tnn := c.t(l, lo, hi), c.t(n, lo, hi), c.t(n+1, lo, hi)
	rn := c.r(n, lo, hi)
	out = append(out,
		mix(fEd, d), mix(fEkd, ka, d),
		mix(fEl, wl), mix(fElt, tl), mix(fElr, c.r(l, lo, hi)),
		mix(fEn, wn), mix(fEnt, tn), mix(fEnr, rn), mix(fEkn, ka, wn),
		mix(fEnn, wn, wnn), mix(fEntt, tn, tnn), mix(fEln, wl, wn), mix(fEltn, tl, tn),
		mix(fElen, bucket(e-a)),
	)
	if n < hi {
		out = append(out, mix(fEnh, rn, s.headPlace(q, n, a, e)))
		if c.punct(n) && n+1 < hi {
			out = append(out, mix(fEpn, wn, wnn, c.r(n+1, lo, hi)), mix(fEpnh, wn, c.r(n+1, lo, hi), s.headPlace(q, n+1, a, e)))
		}
	}
	// What the content leaves in its sentence after it.
	words, finite := 0, false
	for j := e; j < hi; j++ {
		if j >= q.Cue.First && j < q.Cue.Last {
			break
		}
		if !c.punct(j) {
			words++
			finite = finite || c.flag(j, flagFinite)
		}
	}
	out = append(out, mix(fErest, bucket(words), bit(finite)), mix(fEcn, cl, wn))
	// A verb of saying soon after: ", adding that", "but argues".
	for j := e; j < min(hi, e+4); j++ {
		if c.flag(j, flagVerb) {
			k := c.cueVerb(j)
			out = append(out, mix(fEv, c.r(j, lo, hi), k), mix(fEvn, wn, k))
			break
		}
	}
	if t := c.cutOff(q, a, e, e, hi); t >= 0 {
		// The first word left out that hangs on the content: what kind of
		// phrase the edge cuts off.
		subj, fin := c.clauseOf(t)
		out = append(out, mix(fEt, c.r(t, lo, hi), c.t(t, lo, hi), subj, fin), mix(fEtn, c.r(t, lo, hi), wn, subj),
			mix(fEtd, c.r(t, lo, hi), bucket(t-e)))
	} else {
		out = append(out, mix(fEt, atomNone))
	}
	if r := s.spanRoot(a, e); r >= 0 {
		// Whether the content is its root's whole subtree.
		out = append(out, mix(fEroot, c.r(r, lo, hi), bucket(c.subtreeEnd(r)+1-e)))
	}
	o, i := c.cuts(q, a, e, e, hi)
	out = append(out, mix(fEcut, o, i), mix(fEcutd, o, i, d))
	if s.tokQ[l] >= 0 || n < hi && s.tokQ[n] >= 0 {
		out = append(out, mix(fEq, bit(s.tokQ[l] >= 0), bit(n < hi && s.tokQ[n] >= 0)))
	}
	return out
}

// startFeatures appends the features of starting quote q's content at
// token b (the content being [b, q.Last)) to out.
func (c *edgeDoc) startFeatures(q *Quote, ka, cl uint64, b int, out []uint64) []uint64 {
	s := c.s
	z := q.Last
	lo, hi := c.sent(b)
	f, p := b, b-1
	d := bucket(b - q.First)
	wf, wp, wpp := c.w(f, lo, hi), c.w(p, lo, hi), c.w(p-1, lo, hi)
	tf, tp := c.t(f, lo, hi), c.t(p, lo, hi)
	rf := c.r(f, lo, hi)
	var pw uint64
	switch {
	case p >= q.Cue.First && p < q.Cue.Last:
		pw = 1
	case p >= q.Speaker.First && p < q.Speaker.Last:
		pw = 2
	case p < lo:
		pw = 3
	}
	out = append(out,
		mix(fBd, d), mix(fBkd, ka, d), mix(fBpw, pw, d),
		mix(fBf, wf), mix(fBft, tf), mix(fBfr, rf), mix(fBkf, ka, wf),
		mix(fBp, wp), mix(fBpt, tp), mix(fBpp, wpp, wp), mix(fBpf, wp, wf), mix(fBptf, tp, tf),
		mix(fBfh, rf, s.headPlace(q, f, b, z)), mix(fBlen, bucket(z-b)),
	)
	if f+1 < hi {
		out = append(out, mix(fBff, wf, c.w(f+1, lo, hi)))
	}
	if p >= lo && c.punct(p) {
		out = append(out, mix(fBpun, wp, wf, rf))
	}
	words, finite := 0, false
	for j := b - 1; j >= lo; j-- {
		if j >= q.Cue.First && j < q.Cue.Last || j >= q.Speaker.First && j < q.Speaker.Last {
			break
		}
		if !c.punct(j) {
			words++
			finite = finite || c.flag(j, flagFinite)
		}
	}
	out = append(out, mix(fBrest, bucket(words), bit(finite)), mix(fBcf, cl, wf))
	if t := c.cutOff(q, b, z, lo, b); t >= 0 {
		subj, fin := c.clauseOf(t)
		out = append(out, mix(fBt, c.r(t, lo, hi), c.t(t, lo, hi), subj, fin), mix(fBtf, c.r(t, lo, hi), wf, subj))
	} else {
		out = append(out, mix(fBt, atomNone))
	}
	if r := s.spanRoot(b, z); r >= 0 {
		out = append(out, mix(fBroot, c.r(r, lo, hi), bucket(b-c.subtreeStart(r))))
	}
	o, i := c.cuts(q, b, z, lo, b)
	out = append(out, mix(fBcut, o, i), mix(fBcutd, o, i, d))
	if s.tokQ[f] >= 0 || p >= lo && s.tokQ[p] >= 0 {
		out = append(out, mix(fBq, bit(s.tokQ[f] >= 0), bit(p >= lo && s.tokQ[p] >= 0)))
	}
	return out
}

// bestEdge returns the candidate of cands that m scores highest, and
// that candidate's score less the score of cur (the rules' edge, one of
// cands); feats gives a candidate's features.
func (c *edgeDoc) bestEdge(m *BoundModel, cands []int, cur int, feats func(int, []uint64) []uint64) (int, float32) {
	best, bestV, curV := cur, float32(math.Inf(-1)), float32(0)
	for _, k := range cands {
		c.buf = feats(k, c.buf[:0])
		var v float32
		for _, h := range c.buf {
			v += m.w[h&boundMask]
		}
		if k == cur {
			curV = v
		}
		if v > bestV {
			best, bestV = k, v
		}
	}
	return best, bestV - curV
}

// modelBounds moves the edges of the contents the model reads where it
// outscores the rules' edges by the model's margin, in parsed documents.
// The ends of the quotes in fixed stay: a rule that cuts a comparison or a
// concession beats the model (measured on PolNeAR train).
func (s *state) modelBounds(fixed map[int]bool) {
	hook := s.x.bounds
	if hook.collect != nil {
		hook.collect(s, fixed)
	}
	m := hook.m
	if m == nil || m.n == 0 || !s.parsed {
		// The model learned from parsed text: without a parse, the rules
		// alone set the edges.
		return
	}
	var c *edgeDoc
	for qi := range s.quotes {
		q := &s.quotes[qi]
		if !boundModeled(q) {
			continue
		}
		if c == nil {
			c = newEdgeDoc(s)
			defer c.release()
		}
		ka, cl := quoteAtom(q), hashStr(fnvOffset, q.Cue.Lemma)
		b0, b1, e0, e1 := s.edgeRange(qi)
		a, z := q.First, q.Last
		if c.cands = s.startCands(q, b0, b1, c.cands[:0]); len(c.cands) > 1 {
			if b, gain := c.bestEdge(m, c.cands, q.First, func(k int, out []uint64) []uint64 { return c.startFeatures(q, ka, cl, k, out) }); gain > m.Margin {
				a = b
			}
		}
		if c.cands = s.endCands(q, e0, e1, c.cands[:0]); len(c.cands) > 1 && !fixed[qi] {
			if e, gain := c.bestEdge(m, c.cands, q.Last, func(k int, out []uint64) []uint64 { return c.endFeatures(q, ka, cl, k, out) }); gain > m.Margin {
				z = e
			}
		}
		if z > a && (a != q.First || z != q.Last) {
			s.reclaim(qi, a, z)
		}
	}
}

// reclaim sets quote qi's content to [a, z), handing the tokens it leaves
// back and claiming the free ones it takes, so that the next quote's
// candidates see them.
func (s *state) reclaim(qi, a, z int) {
	q := &s.quotes[qi]
	for i := q.First; i < q.Last; i++ {
		if (i < a || i >= z) && s.owner[i] == int32(qi) && (i < q.Cue.First || i >= q.Cue.Last) {
			s.owner[i] = -1
		}
	}
	for i := a; i < z; i++ {
		if s.owner[i] < 0 {
			s.owner[i] = int32(qi)
		}
	}
	s.content(q, a, z)
}

// spanRoot returns the first token of [a, b) whose head lies outside it,
// -1 none.
func (s *state) spanRoot(a, b int) int {
	for k := a; k < b; k++ {
		if h := s.d.Tokens[k].Head; h < a || h >= b {
			return k
		}
	}
	return -1
}

// cutOff returns the first word of [x, y) (not punctuation, not the
// quote's cue or speaker) whose head is in the span [a, b), -1 none.
func (c *edgeDoc) cutOff(q *Quote, a, b, x, y int) int {
	s := c.s
	for k := x; k < y; k++ {
		if k >= q.Cue.First && k < q.Cue.Last || k >= q.Speaker.First && k < q.Speaker.Last || c.punct(k) {
			continue
		}
		if h := s.d.Tokens[k].Head; h >= a && h < b {
			return k
		}
	}
	return -1
}

// clauseOf tells whether token k has a subject of its own and whether it
// is (or has an auxiliary that is) finite.
func (c *edgeDoc) clauseOf(k int) (subj, fin uint64) {
	s := c.s
	fin = bit(c.flag(k, flagFinite))
	for _, g := range s.children(k) {
		switch s.d.Tokens[g].Deprel {
		case "nsubj", "nsubj:pass", "expl":
			subj = 1
		case "aux", "aux:pass", "cop":
			if c.flag(int(g), flagFinite) {
				fin = 1
			}
		}
	}
	return subj, fin
}

// breakWord tells whether token k may open or close a phrase that a
// content takes or leaves: punctuation, a conjunction, a preposition, a
// subordinator or relative, "to".
func (s *state) breakWord(k int) bool {
	switch s.upos(k) {
	case "PUNCT", "CCONJ", "SCONJ", "ADP":
		return true
	}
	switch s.xpos(k) {
	case "WDT", "WP", "WRB", "TO":
		return true
	}
	return false
}

// startWindow is how far from the rules' start the model looks for
// another, besides the first token it may take: starts that move further
// are rare, and scoring them costs time (five-fold cross-validation on
// PolNeAR train found no loss).
const startWindow = 4

// startCands appends to out the candidate starts of q's content among
// [b0, b1]: its present start, the first candidate, and tokens after or
// at a break word, or at a quote's opening mark.
func (s *state) startCands(q *Quote, b0, b1 int, out []int) []int {
	if b0 < q.First-startWindow {
		out = append(out, b0)
	}
	for b := max(b0, q.First-startWindow); b <= min(b1, q.First+startWindow); b++ {
		if b == q.First || b == b0 || s.breakWord(b-1) || s.breakWord(b) && !s.isPunct(b) || s.tokQ[b] >= 0 && s.tokQ[b-1] != s.tokQ[b] {
			out = append(out, b)
		}
	}
	return out
}

// endCands appends to out the candidate ends of q's content among
// [e0, e1]: its present end, the last candidate, and positions before a
// break word other than a preposition (ending there gained nothing in
// cross-validation and cost time) or after a quote's closing mark, but not
// after an adverb set off by a comma.
func (s *state) endCands(q *Quote, e0, e1 int, out []int) []int {
	for e := e0; e <= e1; e++ {
		if e == q.Last || (e == e1 || s.breakWord(e) && s.upos(e) != "ADP" || s.tokQ[e-1] >= 0 && s.tokQ[e] != s.tokQ[e-1]) && !s.trailingAdverb(e) {
			out = append(out, e)
		}
	}
	return out
}

// trailingAdverb tells whether a content ending before token e would end
// with an adverb set off by a comma ("..., however."): a comment of the
// writer's the model is not to take in (attribution annotators rarely do).
func (s *state) trailingAdverb(e int) bool {
	return e >= 2 && s.tokQ[e-1] < 0 && s.isAdv(e-1) && s.is(e-2, ",")
}
