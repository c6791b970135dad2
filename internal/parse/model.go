package parse

import (
	"cmp"
	"math"
	"math/bits"
	"slices"
)

// entry is one feature of a trained model: its weights for the three moves
// and where its label weights lie. Entries live in an open-addressing table
// placed by the key's high bits and recognised by its low 32 bits, so that a
// feature costs one probe of 16 bytes. (A foreign feature matches a stored
// one by chance about once in 4 billion probes.)
type entry struct {
	fp     uint32 // low bits of the key; 0: empty slot (keys are odd)
	lo     uint32 // first label weight
	mv     [nMoves]int16
	nl, nr uint8 // label weights for LEFT arcs, then for RIGHT arcs
}

// model is the read-only scorer used for parsing. Weights are quantized to
// 16 bits; scores are sums in int32.
type model struct {
	// A key's home slot is its top 64-shift bits, followed by the top xb
	// bits of its fingerprint when the table was widened (see widened).
	shift, xb uint
	ents      []entry
	lw        []lpack // label weights
	// disp is each used slot's distance from its home slot, kept so that a
	// model can be saved and rebuilt at another size.
	disp []uint16
	// known has a bit per fingerprint hash (see knownBit), set for the
	// features in the table; nil in models being trained.
	known []uint64
}

// feat is one feature with its weights, the form models are built from.
type feat struct {
	key   uint64
	mv    [nMoves]float64
	left  []lweight
	right []lweight
}

type lweight struct {
	l uint8
	w float64
}

// quantize maps the features' weights to int16 with one scale for moves and
// one for labels, dropping weights that round to zero and features left
// without any, and indexes them.
func quantize(feats []feat) *model {
	var maxMv, maxL float64
	for i := range feats {
		for _, w := range feats[i].mv {
			maxMv = max(maxMv, math.Abs(w))
		}
		for _, ws := range [2][]lweight{feats[i].left, feats[i].right} {
			for _, lw := range ws {
				maxL = max(maxL, math.Abs(lw.w))
			}
		}
	}
	qm, ql := 32000/max(maxMv, 1e-9), 32000/max(maxL, 1e-9)
	q := func(w, s float64) int16 { return int16(math.Round(w * s)) }
	type qfeat struct {
		key         uint64
		mv          [nMoves]int16
		left, right []qweight
	}
	var out []qfeat
	nl := 0
	for i := range feats {
		f := &feats[i]
		var g qfeat
		g.key = f.key
		any := false
		for m, w := range f.mv {
			g.mv[m] = q(w, qm)
			any = any || g.mv[m] != 0
		}
		for _, lw := range f.left {
			if v := q(lw.w, ql); v != 0 {
				g.left = append(g.left, qweight{lw.l, v})
			}
		}
		for _, lw := range f.right {
			if v := q(lw.w, ql); v != 0 {
				g.right = append(g.right, qweight{lw.l, v})
			}
		}
		if any || len(g.left)+len(g.right) > 0 {
			out = append(out, g)
			nl += len(g.left) + len(g.right)
		}
	}
	m := newModel(len(out), nl)
	ents := make([]slotted, len(out))
	for i := range out {
		ents[i] = slotted{home: out[i].key >> m.shift, fp: uint32(out[i].key | 1), mv: out[i].mv,
			left: out[i].left, right: out[i].right}
	}
	m.fill(ents)
	return m
}

// slotted is a feature as the table knows it: its home slot (the key's high
// bits), its fingerprint (the low bits) and its weights.
type slotted struct {
	home        uint64
	fp          uint32
	mv          [nMoves]int16
	left, right []qweight
}

// fill places the features in a canonical order (by home slot, then
// fingerprint), so the same features always give the same table.
func (m *model) fill(ents []slotted) {
	sortCanonical(ents)
	mask := uint64(len(m.ents) - 1)
	for i := range ents {
		e := &ents[i]
		j := e.home
		for m.ents[j].fp != 0 {
			j = (j + 1) & mask
		}
		m.put(int(j), e.fp, e.mv, e.left, e.right)
		m.disp[j] = uint16(min((j-e.home)&mask, math.MaxUint16))
	}
}

// sortCanonical orders features by home slot, then fingerprint: the order
// fill places them in, and so the order a file must list them in for a
// reader placing them as they come to rebuild the same table.
func sortCanonical(ents []slotted) {
	slices.SortFunc(ents, func(a, b slotted) int {
		if c := cmp.Compare(a.home, b.home); c != 0 {
			return c
		}
		return cmp.Compare(a.fp, b.fp)
	})
}

// slots lists the table's features with their home slots in a table of
// 2^(64-shift) slots (before any widening), in table order (features that
// wrapped past the end come first).
func (m *model) slots() []slotted {
	var out []slotted
	mask := uint64(len(m.ents) - 1)
	for j := range m.ents {
		e := &m.ents[j]
		if e.fp == 0 {
			continue
		}
		lw := unpack(m.lw[e.lo : e.lo+uint32(e.nl)+uint32(e.nr)])
		out = append(out, slotted{home: ((uint64(j) - uint64(m.disp[j])) & mask) >> m.xb, fp: e.fp, mv: e.mv,
			left: lw[:e.nl], right: lw[e.nl:]})
	}
	return out
}

type qweight struct {
	l uint8
	w int16
}

// lpack is a label weight as the table keeps it, weight<<16 | label, so
// that scoring reads it with one load.
type lpack uint32

func pack(q qweight) lpack { return lpack(uint32(uint16(q.w))<<16 | uint32(q.l)) }

func unpack(ps []lpack) []qweight {
	out := make([]qweight, len(ps))
	for i, p := range ps {
		out[i] = qweight{l: uint8(p), w: int16(p >> 16)}
	}
	return out
}

// newModel makes an empty table for n features and nl label weights.
func newModel(n, nl int) *model {
	// A load of 1/2 to 2/3: probe runs stay short, and neighbouring slots
	// share cache lines.
	size := 1 << 4
	for size < n+n/2 {
		size <<= 1
	}
	return &model{shift: uint(64 - bits.TrailingZeros(uint(size))), ents: make([]entry, size),
		lw: make([]lpack, 0, nl), disp: make([]uint16, size)}
}

func (m *model) put(j int, fp uint32, mv [nMoves]int16, left, right []qweight) {
	e := &m.ents[j]
	e.fp, e.mv, e.lo = fp, mv, uint32(len(m.lw))
	e.nl, e.nr = uint8(len(left)), uint8(len(right))
	for _, q := range left {
		m.lw = append(m.lw, pack(q))
	}
	for _, q := range right {
		m.lw = append(m.lw, pack(q))
	}
}

// home is key k's home slot.
func (m *model) home(k uint64) uint64 { return wideHome(k>>m.shift, uint32(k), m.xb) }

// wideHome is the home slot, in a table widened xb times, of the feature
// whose home before widening is home and whose fingerprint is fp: the top xb
// bits of the fingerprint follow the home's.
func wideHome(home uint64, fp uint32, xb uint) uint64 {
	return home<<xb | uint64(fp>>(32-xb))
}

// widened returns m in a table of 2^xb times the slots, with the bitmap of
// known features. At a load of a third (xb 1) rather than two thirds, a
// look-up, which mostly misses the cache, probes about half as many slots,
// and the parser runs about 15% faster with the same output for twice the
// table's memory; readXB says how far a read table is widened.
func (m *model) widened(xb uint) *model {
	ents := m.slots()
	for i := range ents {
		ents[i].home = wideHome(ents[i].home, ents[i].fp, xb)
	}
	size := len(m.ents) >> m.xb << xb
	w := &model{shift: m.shift, xb: xb, ents: make([]entry, size), lw: make([]lpack, 0, len(m.lw)),
		disp: make([]uint16, size)}
	hugePages(w.ents, false)
	w.fill(ents)
	hugePages(w.ents, true)
	w.setKnown(len(ents))
	return w
}

// setKnown fills the bitmap of the n features in the table. About six bits
// per feature: a sixth of the keys the model lacks get past the bitmap,
// which at 512 KB for the shipped model mostly stays in cache, while their
// probes of the table would mostly miss it. A quarter of the keys a parse
// looks up are not in the table, so this saves about a sixth of the
// misses, or 10-15% of the parser's time.
func (m *model) setKnown(n int) {
	bits := 64
	for bits < 6*n {
		bits <<= 1
	}
	m.known = make([]uint64, bits/64)
	for i := range m.ents {
		if fp := m.ents[i].fp; fp != 0 {
			b := m.knownBit(fp)
			m.known[b>>6] |= 1 << (b & 63)
		}
	}
}

// knownBit is the bit of known for fingerprint fp.
func (m *model) knownBit(fp uint32) uint32 {
	return (fp >> 1) & uint32(len(m.known)*64-1)
}

// lookup finds the keys the model knows, adds their move weights to ms and
// writes their table slots to found, those of the first nLabel keys first:
// it returns how many it found and how many of them come from those. homes
// holds the keys' home slots. The keys the bitmap of known features stops
// are best left out (see modelFeatures): they are not in the table, and
// probing for them mostly misses the cache. The caller keeps *sink, so
// that the compiler keeps the prefetching loads.
func (m *model) lookup(keys []uint64, nLabel int, homes *[maxFeats]uint32, found *[maxFeats]int32, ms *[nMoves]int32, sink *uint32) (nf, nfl int) {
	hs := homes[:len(keys)]
	// Touch every home slot first, of the keys that score moves only too:
	// these loads do not wait on each other, so their cache misses
	// overlap, and the probes below then mostly hit. The loop is as short
	// as can be: the CPU overlaps the misses of as many touches as its
	// reorder window holds, and most touches hit the cache.
	*sink += m.touch(hs)
	nfl = m.probe(keys[:nLabel], hs[:nLabel], found, 0, ms)
	return m.probe(keys[nLabel:], hs[nLabel:], found, nfl, ms), nfl
}

// touch returns the sum of the fingerprints at homes, loads that only warm
// the cache. Not inlined: in lookup, the compiler keeps the sum in memory.
//
//go:noinline
func (m *model) touch(homes []uint32) uint32 {
	ents := m.ents
	mask := uint32(len(ents) - 1)
	var t uint32
	for _, h := range homes {
		t += ents[h&mask].fp
	}
	return t
}

// allKnown is the bitmap of a model without one: every key gets through.
var allKnown = [1]uint64{^uint64(0)}

// probe writes the slots of the keys found, from their homes on, to found
// from index nf on, adds their move weights to ms and returns the new
// count.
func (m *model) probe(keys []uint64, homes []uint32, found *[maxFeats]int32, nf int, ms *[nMoves]int32) int {
	ents := m.ents
	mask := uint64(len(ents) - 1)
	homes = homes[:len(keys)]
	var m0, m1, m2 int32
	for i, k := range keys {
		j := uint64(homes[i])
		fp := uint32(k | 1)
		for {
			e := &ents[j&mask]
			if e.fp == fp {
				m0 += int32(e.mv[0])
				m1 += int32(e.mv[1])
				m2 += int32(e.mv[2])
				found[nf] = int32(j)
				nf++
				break
			}
			if e.fp == 0 {
				break
			}
			j = (j + 1) & mask
		}
	}
	ms[0] += m0
	ms[1] += m1
	ms[2] += m2
	return nf
}

// labelScores sums the label weights for arcs in direction move (mLeft or
// mRight) into sc, of which it first clears the nLabels used; span is
// scratch space. The caller keeps *sink (see lookup).
func (m *model) labelScores(found []int32, move int, sc *[256]int32, nLabels int, span *[maxFeats]lspan, sink *uint32) {
	clear(sc[:nLabels])
	lw := m.lw
	if len(lw) == 0 {
		return
	}
	sp := span[:len(found)]
	if move == mRight {
		m.spans(found, sp, true)
	} else {
		m.spans(found, sp, false)
	}
	// Touch the first and last of each feature's label weights first:
	// independent loads whose cache misses overlap (see lookup). A feature
	// without any touches the first weight, which stays in cache; by
	// arithmetic, not a branch: mispredicted branches among the touches
	// would cut short the run of overlapping misses.
	var touch uint32
	for _, s := range sp {
		lo, hi := s.lo, s.hi
		has := (hi - lo + 255) >> 8 // 1 if it has any (at most 255), else 0
		touch += uint32(lw[lo*has]) + uint32(lw[(hi-1)*has])
	}
	*sink += touch
	for _, s := range sp {
		for _, p := range lw[s.lo:s.hi] {
			sc[uint8(p)] += int32(p) >> 16
		}
	}
}

// lspan is where a feature's label weights for one direction lie in lw.
type lspan struct{ lo, hi uint32 }

// spans writes where the label weights of the features in the slots found
// lie for right or left arcs to sp.
func (m *model) spans(found []int32, sp []lspan, right bool) {
	ents := m.ents
	mask := uint32(len(ents) - 1)
	sp = sp[:len(found)]
	for i, j := range found {
		e := &ents[uint32(j)&mask]
		lo, n := e.lo, uint32(e.nl)
		if right {
			lo, n = lo+n, uint32(e.nr)
		}
		sp[i] = lspan{lo, lo + n}
	}
}

// features counts the features in the table.
func (m *model) features() int {
	n := 0
	for i := range m.ents {
		if m.ents[i].fp != 0 {
			n++
		}
	}
	return n
}

// rebuild makes a table for ents, whose home slots are for a table of
// 2^logSize: at the size newModel picks when that is not larger (homes
// scale down by dropping low bits), else at the saved size.
func rebuild(ents []slotted, logSize uint, nl int) *model {
	m := newModel(len(ents), nl)
	if have := uint(64 - m.shift); have < logSize {
		for i := range ents {
			ents[i].home >>= logSize - have
		}
	} else {
		m = &model{shift: 64 - logSize, ents: make([]entry, 1<<logSize), lw: make([]lpack, 0, nl),
			disp: make([]uint16, 1<<logSize)}
	}
	m.fill(ents)
	return m
}

// pruned returns m without the weights below min in magnitude, and without
// the features left with none: a smaller table, fewer cache misses and a
// smaller file, for a little accuracy.
func (m *model) pruned(min int16) *model {
	abs := func(x int16) int16 {
		if x < 0 {
			return -x
		}
		return x
	}
	var kept []slotted
	nl := 0
	for _, e := range m.slots() {
		big := false
		for k, w := range e.mv {
			if abs(w) < min {
				e.mv[k] = 0
			}
			big = big || e.mv[k] != 0
		}
		var left, right []qweight
		for _, lw := range e.left {
			if abs(lw.w) >= min {
				left = append(left, lw)
			}
		}
		for _, lw := range e.right {
			if abs(lw.w) >= min {
				right = append(right, lw)
			}
		}
		e.left, e.right = left, right
		if big || len(left)+len(right) > 0 {
			kept = append(kept, e)
			nl += len(left) + len(right)
		}
	}
	return rebuild(kept, uint(64-m.shift), nl)
}
