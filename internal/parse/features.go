package parse

// Features are the Zhang and Nivre (2011) templates adapted to arc-hybrid:
// the candidate arcs join s0 with b0 (LEFT) or s1 (RIGHT), so the pairs and
// triples centre on those three words, their leftmost and rightmost children
// and the labels already given. Each template's atoms are packed into one
// integer and hashed with the template number; no strings are built.

const maxFeats = 192

// Feature sets: template groups beyond the base set, chosen at training
// and kept in the model file.
const (
	// FeatLabelContext adds what decides a relation beyond the word pair:
	// the dependent's leftmost child word under each candidate head and
	// the relations the heads already have.
	FeatLabelContext = 1 << iota
	// FeatUPOS adds the universal tags alone, which stay right when the
	// fine tag is wrong.
	FeatUPOS
	// FeatUPOSContext adds universal-tag triples and distances around the
	// candidate arcs, for moves only.
	FeatUPOSContext
	// FeatUPOSChildren adds the universal tags of the words around the
	// candidate arcs and of their nearest children, for moves only.
	FeatUPOSChildren

	// DefaultFeatures is the set dyad's model is trained with.
	DefaultFeatures = FeatLabelContext | FeatUPOS | FeatUPOSContext
	allFeatures     = FeatLabelContext | FeatUPOS | FeatUPOSContext | FeatUPOSChildren
)

// fkey hashes template t with packed atoms x; never 0 (the empty slot).
func fkey(t, x uint64) uint64 {
	h := x*0x9E3779B97F4A7C15 ^ (t+1)*0xC2B2AE3D27D4EB4F
	h ^= h >> 31
	h *= 0xD6E8FEB86659FD93
	h ^= h >> 29
	return h | 1
}

// distBucket buckets a distance between two words.
func distBucket(d int32) uint64 {
	switch {
	case d <= 0:
		return 0
	case d <= 4:
		return uint64(d)
	case d <= 6:
		return 5
	case d <= 9:
		return 6
	case d <= 14:
		return 7
	}
	return 8
}

func sat(v uint8) uint64 {
	if v > 6 {
		return 6
	}
	return uint64(v)
}

// ctx holds the atoms of one configuration.
type ctx struct {
	w, p, l, u [nPos]uint64
}

// Positions in ctx.
const (
	pS0 = iota
	pS1
	pS2
	pB0
	pB1
	pB2
	pB3
	pS0L1
	pS0L2
	pS0R1
	pS0R2
	pS1L1
	pS1R1
	pS1R2
	pB0L1
	pB0L2
	pS0L1L1
	pS1R1R1
	nPos
)

// features writes the feature keys of configuration s over the sentence's
// word ids w and tag ids t into keys and returns how many it wrote and how
// many of the first ones also score labels.
func features(s *state, w, t []int32, lx *lexicon, keys *[maxFeats]uint64) (n, nLabel int) {
	return modelFeatures(s, w, t, lx, keys, nil, nil)
}

// modelFeatures is features for model m (nil: all the keys): it keeps only
// the keys that m's bitmap of known features (see setKnown) lets through,
// testing each as it makes it without a branch, and writes their home
// slots to homes, so that lookup's loop of touches is as short as can be.
func modelFeatures(s *state, w, t []int32, lx *lexicon, keys *[maxFeats]uint64, m *model, homes *[maxFeats]uint32) (n, nLabel int) {
	var c ctx
	utag := lx.utag
	set := func(pos int, x int32) {
		if x >= 0 {
			tx := t[x]
			c.w[pos], c.p[pos] = uint64(w[x]), uint64(tx)
			if uint32(tx) < uint32(len(utag)) {
				c.u[pos] = utag[tx]
			} else {
				c.u[pos] = lx.uposAtom(tx)
			}
			if l := s.label[x]; l >= 0 {
				c.l[pos] = uint64(l) + 1
			}
		}
	}
	s0, s1, s2 := s.si(0), s.si(1), s.si(2)
	b0 := s.b
	set(pS0, s0)
	set(pS1, s1)
	set(pS2, s2)
	set(pB0, b0)
	set(pB1, s.bi(1))
	set(pB2, s.bi(2))
	set(pB3, s.bi(3))
	var s0l1, s1r1 int32 = -1, -1
	if s0 >= 0 {
		s0l1 = s.l1[s0]
		set(pS0L1, s0l1)
		set(pS0L2, s.l2[s0])
		set(pS0R1, s.r1[s0])
		set(pS0R2, s.r2[s0])
		if s0l1 >= 0 {
			set(pS0L1L1, s.l1[s0l1])
		}
	}
	if s1 >= 0 {
		s1r1 = s.r1[s1]
		set(pS1L1, s.l1[s1])
		set(pS1R1, s1r1)
		set(pS1R2, s.r2[s1])
		if s1r1 >= 0 {
			set(pS1R1R1, s.r1[s1r1])
		}
	}
	set(pB0L1, s.l1[b0])
	set(pB0L2, s.l2[b0])

	// put writes the packed atoms of template i; hash turns those of
	// templates from..i into keys.
	var i int
	put := func(x uint64) {
		keys[i] = x
		i++
	}
	hash := func(from int) {
		if m == nil {
			for t := from; t < i; t++ {
				keys[t] = fkey(uint64(t), keys[t])
			}
			n = i
			return
		}
		known := m.known
		if known == nil {
			known = allKnown[:]
		}
		bm := uint32(len(known)*64 - 1)
		// The shifts of home (see model.home), masked so that the
		// compiler needs no checks for shifts past the width.
		sh, xb, fs := m.shift&63, m.xb&63, (32-m.xb)&63
		for t := from; t < i; t++ {
			k := fkey(uint64(t), keys[t])
			keys[n] = k
			homes[n] = uint32((k>>sh)<<xb | uint64(uint32(k))>>fs)
			b := (uint32(k) >> 1) & bm // knownBit
			n += int(known[b>>6] >> (b & 63) & 1)
		}
	}
	W, P, L, U := &c.w, &c.p, &c.l, &c.u
	wp := func(k int) uint64 { return W[k]<<10 | P[k] }
	var dsb, dss uint64
	if s0 >= 0 {
		dsb = distBucket(b0 - s0)
		if s1 >= 0 {
			dss = distBucket(s0 - s1)
		}
	}
	var s0vl, s0vr, s1vl, s1vr uint64
	var s0ls, s0rs, s1rs uint64
	if s0 >= 0 {
		s0vl, s0vr = sat(s.vl[s0]), sat(s.vr[s0])
		s0ls, s0rs = s.ls[s0], s.rs[s0]
	}
	if s1 >= 0 {
		s1vl, s1vr = sat(s.vl[s1]), sat(s.vr[s1])
		s1rs = s.rs[s1]
	}
	b0vl, b0ls := sat(s.vl[b0]), s.ls[b0]

	// The templates up to nLabel also score labels: the dependent s0, both
	// candidate heads and what is already attached to them.
	put(0) // bias
	for _, k := range [...]int{pS0, pS1, pB0} {
		put(W[k])
		put(P[k])
		put(wp(k))
	}
	// s0 and b0: the LEFT arc.
	put(wp(pS0)<<32 | wp(pB0))
	put(wp(pS0)<<32 | W[pB0])
	put(W[pS0]<<32 | wp(pB0))
	put(wp(pS0)<<32 | P[pB0])
	put(P[pS0]<<32 | wp(pB0))
	put(W[pS0]<<32 | W[pB0])
	put(P[pS0]<<32 | P[pB0])
	// s1 and s0: the RIGHT arc.
	put(wp(pS1)<<32 | wp(pS0))
	put(wp(pS1)<<32 | W[pS0])
	put(W[pS1]<<32 | wp(pS0))
	put(wp(pS1)<<32 | P[pS0])
	put(P[pS1]<<32 | wp(pS0))
	put(W[pS1]<<32 | W[pS0])
	put(P[pS1]<<32 | P[pS0])
	put(P[pS0]<<20 | P[pB0]<<10 | P[pB1])
	put(P[pS1]<<20 | P[pS0]<<10 | P[pB0])
	put(P[pS0]<<20 | P[pS0L1]<<10 | P[pB0])
	put(P[pS0]<<20 | P[pS0R1]<<10 | P[pB0])
	put(P[pS0]<<20 | P[pB0]<<10 | P[pB0L1])
	put(P[pS1]<<20 | P[pS1R1]<<10 | P[pS0])
	put(P[pS1]<<20 | P[pS0]<<10 | P[pS0L1])
	put(P[pS1]<<20 | P[pS0]<<10 | P[pS0R1])
	put(W[pS0]<<4 | dsb)
	put(P[pS0]<<14 | P[pB0]<<4 | dsb)
	put(W[pS0]<<4 | dss)
	put(P[pS1]<<14 | P[pS0]<<4 | dss)
	put(W[pS0]<<4 | s0vl)
	put(P[pS0]<<4 | s0vl)
	put(W[pS0]<<4 | s0vr)
	put(P[pS0]<<4 | s0vr)
	for _, k := range [...]int{pS0L1, pS0R1} {
		put(W[k])
		put(P[k])
		put(L[k])
	}
	for _, k := range [...]int{pS0L2, pS0R2, pS1R1, pB0L1} {
		put(P[k])
		put(L[k])
	}
	put(P[pS0]<<20 | L[pS0L1]<<10 | L[pS0L2])
	put(P[pS0]<<20 | L[pS0R1]<<10 | L[pS0R2])
	put(mixSet(W[pS0], s0ls))
	put(mixSet(P[pS0], s0ls))
	put(mixSet(W[pS0], s0rs))
	put(mixSet(P[pS0], s0rs))
	put(mixSet(P[pS1], s1rs))
	put(mixSet(P[pB0], b0ls))
	put(W[pS0]<<20 | L[pS0L1]<<10 | L[pS0R1])
	put(W[pB0]<<10 | L[pB0L1])
	put(W[pS1]<<10 | L[pS1R1])
	if lx.feats&FeatLabelContext != 0 {
		var s1ls uint64
		if s1 >= 0 {
			s1ls = s.ls[s1]
		}
		put(P[pB0]<<36 | P[pS0]<<26 | W[pS0L1])
		put(P[pS1]<<36 | P[pS0]<<26 | W[pS0L1])
		put(W[pB0]<<36 | P[pS0]<<26 | W[pS0L1])
		put(W[pS1]<<36 | P[pS0]<<26 | W[pS0L1])
		put(mixSet(P[pS0]<<10|P[pB0], b0ls))
		put(mixSet(P[pS0]<<10|P[pS1], s1rs))
		put(mixSet(P[pS0]<<10|P[pS1], s1ls))
		put(mixSet(P[pS0]<<10|P[pB0], s0ls))
		put(mixSet(P[pS0]<<10|P[pS1], s0ls))
	}
	if lx.feats&FeatUPOS != 0 {
		for _, k := range [...]int{pS0, pS1, pB0, pB1} {
			put(U[k])
		}
		put(W[pS0]<<10 | U[pB0])
		put(U[pS0]<<10 | W[pB0])
		put(W[pS1]<<10 | U[pS0])
		put(U[pS1]<<10 | W[pS0])
		put(U[pS0]<<10 | U[pB0])
		put(U[pS1]<<10 | U[pS0])
		put(U[pS1]<<20 | U[pS0]<<10 | U[pB0])
		put(U[pS0]<<20 | U[pB0]<<10 | U[pB1])
	}
	hash(0)
	nLabel, from := n, i

	// Moves only.
	for _, k := range [...]int{pS2, pB1, pB2} {
		put(W[k])
		put(P[k])
		put(wp(k))
	}
	put(P[pB3])
	put(P[pS1]<<32 | P[pB0])
	put(W[pS1]<<32 | P[pB0])
	put(P[pS1]<<32 | W[pB0])
	put(P[pB0]<<20 | P[pB1]<<10 | P[pB2])
	put(P[pS2]<<20 | P[pS1]<<10 | P[pS0])
	put(P[pS1]<<20 | P[pS0]<<10 | P[pB1])
	put(P[pS1]<<20 | P[pS1L1]<<10 | P[pS0])
	put(W[pS0]<<20 | P[pS1]<<10 | P[pB0])
	put(P[pS0]<<20 | W[pS1]<<10 | P[pB0])
	put(P[pS0]<<4 | dsb)
	put(W[pB0]<<4 | dsb)
	put(P[pB0]<<4 | dsb)
	put(W[pS0]<<36 | W[pB0]<<4 | dsb)
	put(W[pS1]<<4 | dss)
	put(P[pS1]<<4 | dss)
	put(W[pS1]<<36 | W[pS0]<<4 | dss)
	put(W[pS1]<<4 | s1vl)
	put(P[pS1]<<4 | s1vl)
	put(W[pS1]<<4 | s1vr)
	put(P[pS1]<<4 | s1vr)
	put(W[pB0]<<4 | b0vl)
	put(P[pB0]<<4 | b0vl)
	for _, k := range [...]int{pS1L1, pS1R1, pB0L1} {
		put(W[k])
	}
	put(P[pS1L1])
	put(L[pS1L1])
	for _, k := range [...]int{pS1R2, pB0L2, pS0L1L1, pS1R1R1} {
		put(P[k])
		put(L[k])
	}
	put(P[pS0]<<20 | P[pS0L1]<<10 | P[pS0L2])
	put(P[pS0]<<20 | P[pS0R1]<<10 | P[pS0R2])
	put(P[pS1]<<20 | P[pS1R1]<<10 | P[pS1R2])
	put(P[pB0]<<20 | P[pB0L1]<<10 | P[pB0L2])
	put(P[pB0]<<20 | L[pB0L1]<<10 | L[pB0L2])
	put(P[pS1]<<20 | L[pS1R1]<<10 | L[pS1R2])
	put(mixSet(W[pB0], b0ls))
	if lx.feats&FeatUPOSContext != 0 {
		put(U[pS1]<<20 | U[pS0]<<10 | U[pB1])
		put(U[pB0]<<20 | U[pB1]<<10 | U[pB2])
		put(U[pS2]<<20 | U[pS1]<<10 | U[pS0])
		put(U[pS0]<<20 | U[pS0L1]<<10 | U[pB0])
		put(U[pS0]<<20 | U[pS0R1]<<10 | U[pB0])
		put(U[pS0]<<20 | U[pB0]<<10 | U[pB0L1])
		put(U[pS1]<<20 | U[pS1R1]<<10 | U[pS0])
		put(U[pS1]<<20 | U[pS0]<<10 | U[pS0L1])
		put(U[pS1]<<20 | U[pS0]<<10 | U[pS0R1])
		put(U[pS0]<<14 | U[pB0]<<4 | dsb)
		put(U[pS1]<<14 | U[pS0]<<4 | dss)
		put(W[pS0]<<20 | U[pS1]<<10 | U[pB0])
		put(U[pS0]<<20 | W[pS1]<<10 | U[pB0])
	}
	if lx.feats&FeatUPOSChildren != 0 {
		for _, k := range [...]int{pS2, pB2, pB3, pS0L1, pS0R1, pS1R1, pB0L1} {
			put(U[k])
		}
		put(U[pS0]<<20 | U[pS0L1]<<10 | U[pS0L2])
		put(U[pS0]<<20 | U[pS0R1]<<10 | U[pS0R2])
		put(U[pS1]<<20 | U[pS1R1]<<10 | U[pS1R2])
		put(U[pB0]<<20 | U[pB0L1]<<10 | U[pB0L2])
		put(W[pB0]<<10 | U[pB1])
		put(U[pB0]<<10 | W[pB1])
	}
	hash(from)
	return n, nLabel
}

// mixSet folds a label bit set into one atom.
func mixSet(a, set uint64) uint64 {
	return a ^ (set * 0xFF51AFD7ED558CCD)
}
