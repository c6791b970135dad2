package tag

import (
	"math"
	"math/bits"
	"slices"
)

// weights is a trained linear model ready for scoring: an open-addressing
// hash table from a feature's 32-bit key to its non-zero weights. The table
// is an array of buckets of four slots, one cache line each; a key lives in
// its home bucket or, when that is full, the next one with room. Each slot
// holds the key and up to three weights, each packed with its class as
// weight<<7 | class, so that a feature with a short row costs one cache
// line. A longer row (the commonest features have them, so most look-ups
// find one) lives in ext: a class mask of four words, then the packed
// weights in class order, so that scoring a few candidate classes costs a
// few popcounts, not a walk over the row. Weights are fixed-point integers
// (one scale per model), so scores add up in integers.
type weights struct {
	buckets []bucket
	ext     []int32
	scale   float64 // a weight is value*scale
	rowsN   int
}

// bucket is four slots filled in order, so that a bucket whose last slot is
// empty never overflowed.
type bucket [4]slot

// slot is one entry of the table: key 0 is an empty slot. Unused weights
// are 0, which adds nothing to class 0. When e[2] >= extFlag, the row is
// in ext, at offset e[2]-extFlag, and e[0] and e[1] are 0.
type slot struct {
	key uint32
	e   [3]int32
}

// maskWords is the length of an ext row's class mask in int32 words.
const maskWords = 4

// extFlag marks a slot's last word as an offset in ext: packed weights are
// below 1<<29 in magnitude, so they never reach it.
const extFlag = 1 << 30

// maxQ is the largest magnitude of a quantized weight; scores of up to
// 2*maxFeatures weights stay within int32, and a weight packed with its
// class (q<<7) stays below 1<<29.
const maxQ = 1<<22 - 1

// maxClasses is the most classes a model can have (7 bits of a packed
// weight); score takes a scores slice of this length.
const maxClasses = 128

// pack joins a quantized weight and its class.
func pack(c uint8, q int32) int32 { return q<<7 | int32(c) }

// key32 folds a feature hash to the 32-bit key the table stores; 0 marks an
// empty slot, so it is never a key.
func key32(h uint64) uint32 {
	k := uint32(h>>32) ^ uint32(h)
	if k == 0 {
		k = 1
	}
	return k
}

// home is the first bucket to probe for key k in a table of n buckets.
func home(k uint32, n int) int { return int((uint64(k*0x9E3779B1) * uint64(n)) >> 32) }

// score adds the weights of feats to scores, which must have maxClasses
// entries, for the candidate classes at least: short rows add all their
// weights (the caller reads the candidates' scores only, and an add is
// cheaper than a check), long rows those of cands unless they are many
// (cands nil: all classes). The home buckets are read first, in a loop of
// independent loads, so that their cache misses overlap, and likewise the
// long rows.
func (m *weights) score(feats []uint64, cands []uint8, scores []int32, sink *uint64) {
	sc := (*[maxClasses]int32)(scores)
	buckets := m.buckets
	nb := len(buckets)
	var touch uint32
	for _, h := range feats {
		touch += buckets[home(key32(h), nb)][0].key
	}
	var long [2 * maxFeatures]int32
	n := 0
	for _, h := range feats {
		k := key32(h)
		for b := home(k, nb); ; {
			bk := &buckets[b]
			// Which slot matches, without a branch per slot that the CPU
			// would mispredict: (x-1)>>63 is 1 for x == 0 only.
			hit := (uint64(bk[0].key^k)-1)>>63 | (uint64(bk[1].key^k)-1)>>63<<1 |
				(uint64(bk[2].key^k)-1)>>63<<2 | (uint64(bk[3].key^k)-1)>>63<<3
			if hit != 0 {
				s := &bk[bits.TrailingZeros64(hit)&3]
				e0, e1, e2 := s.e[0], s.e[1], s.e[2]
				if e2 < extFlag {
					sc[e0&127] += e0 >> 7
					sc[e1&127] += e1 >> 7
					sc[e2&127] += e2 >> 7
				} else {
					long[n] = e2 - extFlag
					n++
				}
				break
			}
			if bk[3].key == 0 {
				break
			}
			if b++; b == nb {
				b = 0
			}
		}
	}
	ext := m.ext
	for _, off := range long[:n] {
		touch += uint32(ext[off])
	}
	*sink += uint64(touch) // the caller keeps it, so the loads stay
	for _, off := range long[:n] {
		r := ext[off:]
		m0 := uint64(uint32(r[0])) | uint64(uint32(r[1]))<<32
		m1 := uint64(uint32(r[2])) | uint64(uint32(r[3]))<<32
		lo := bits.OnesCount64(m0)
		row := r[maskWords : maskWords+lo+bits.OnesCount64(m1)]
		if cands == nil || len(cands) > 24 {
			for _, e := range row {
				sc[e&127] += e >> 7
			}
			continue
		}
		for _, c := range cands {
			if c < 64 {
				if m0>>c&1 != 0 {
					sc[c] += row[bits.OnesCount64(m0&(1<<c-1))] >> 7
				}
			} else if m1>>(c-64)&1 != 0 {
				sc[c&127] += row[lo+bits.OnesCount64(m1&(1<<(c-64)-1))] >> 7
			}
		}
	}
}

// sparseRow is one feature's weights while a model is being assembled.
type sparseRow struct {
	key  uint32
	full uint64 // the feature's full hash, to order colliding rows
	cls  []uint8
	w    []float32
}

// buildWeights packs rows (any order; rows with equal keys are merged) into a
// scoring table, quantizing weights to multiples of scale (0: chosen from the
// largest weight). The result depends only on the rows' content.
func buildWeights(rows []sparseRow, scale float64) *weights {
	slices.SortFunc(rows, func(a, b sparseRow) int {
		if a.key != b.key {
			return cmpU(uint64(a.key), uint64(b.key))
		}
		return cmpU(a.full, b.full)
	})
	// Merge rows whose 32-bit keys collide.
	merged := rows[:0]
	for _, r := range rows {
		if n := len(merged); n > 0 && merged[n-1].key == r.key {
			merged[n-1] = mergeRows(merged[n-1], r)
			continue
		}
		merged = append(merged, r)
	}
	rows = merged
	if scale == 0 {
		maxAbs := 0.0
		for _, r := range rows {
			for _, w := range r.w {
				maxAbs = max(maxAbs, math.Abs(float64(w)))
			}
		}
		scale = max(maxAbs, 1e-9) / maxQ
	}
	m := &weights{scale: scale}
	// A load of 1/2: most lookups are of features the model has, and most
	// find them in their home bucket.
	nb := max(1, (2*len(rows)+3)/4)
	m.buckets = make([]bucket, nb)
	extLen := 0 // at most, as weights that round to 0 are dropped
	for _, r := range rows {
		if len(r.cls) > len(slot{}.e) {
			extLen += maskWords + len(r.cls)
		}
	}
	m.ext = make([]int32, 0, extLen)
	var packed []int32
	for _, r := range rows {
		packed = packed[:0]
		for j, c := range r.cls {
			q := int64(math.Round(float64(r.w[j]) / scale))
			if q == 0 {
				continue
			}
			packed = append(packed, pack(c, int32(max(-maxQ, min(maxQ, q)))))
		}
		if len(packed) == 0 {
			continue
		}
		s := m.freeSlot(r.key)
		s.key = r.key
		if len(packed) <= len(s.e) {
			copy(s.e[:], packed)
		} else {
			s.e[2] = extFlag + int32(len(m.ext))
			var mask [2]uint64
			for _, e := range packed {
				c := e & 127
				mask[c>>6] |= 1 << (c & 63)
			}
			m.ext = append(m.ext, int32(uint32(mask[0])), int32(uint32(mask[0]>>32)),
				int32(uint32(mask[1])), int32(uint32(mask[1]>>32)))
			m.ext = append(m.ext, packed...)
		}
		m.rowsN++
	}
	return m
}

// freeSlot returns the slot where key k goes: the first empty one from its
// home bucket on.
func (m *weights) freeSlot(k uint32) *slot {
	n := len(m.buckets)
	for b := home(k, n); ; {
		for j := range m.buckets[b] {
			if s := &m.buckets[b][j]; s.key == 0 {
				return s
			}
		}
		if b++; b == n {
			b = 0
		}
	}
}

func mergeRows(a, b sparseRow) sparseRow {
	acc := map[uint8]float32{}
	for j, c := range a.cls {
		acc[c] += a.w[j]
	}
	for j, c := range b.cls {
		acc[c] += b.w[j]
	}
	out := sparseRow{key: a.key}
	for c := 0; c < 256; c++ {
		if v, ok := acc[uint8(c)]; ok && v != 0 {
			out.cls = append(out.cls, uint8(c))
			out.w = append(out.w, v)
		}
	}
	return out
}

// packedRow returns the packed weights of a slot, in class order.
func (m *weights) packedRow(s *slot) []int32 {
	if s.e[2] >= extFlag {
		r := m.ext[int(s.e[2]-extFlag):]
		n := 0
		for _, w := range r[:maskWords] {
			n += bits.OnesCount32(uint32(w))
		}
		return slices.Clone(r[maskWords : maskWords+n])
	}
	out := make([]int32, 0, len(s.e))
	for _, e := range s.e {
		if e != 0 {
			out = append(out, e)
		}
	}
	return out
}

// rows unpacks the model into rows sorted by key.
func (m *weights) rows() []sparseRow {
	out := make([]sparseRow, 0, m.rowsN)
	for b := range m.buckets {
		for j := range m.buckets[b] {
			s := &m.buckets[b][j]
			if s.key == 0 {
				continue
			}
			r := sparseRow{key: s.key}
			for _, e := range m.packedRow(s) {
				r.cls = append(r.cls, uint8(e&127))
				r.w = append(r.w, float32(float64(e>>7)*m.scale))
			}
			out = append(out, r)
		}
	}
	slices.SortFunc(out, func(a, b sparseRow) int { return cmpU(uint64(a.key), uint64(b.key)) })
	return out
}

// trainer holds an averaged perceptron's weights while training. Averages use
// the usual trick: with c the number of examples seen, each update of size d
// also adds c*d to u, and the average is w - u/c.
type trainer struct {
	index map[uint64]int32
	rows  [][]tEntry
	c     int64
}

type tEntry struct {
	cls int16
	w   int32
	u   int64
}

func newTrainer() *trainer { return &trainer{index: map[uint64]int32{}} }

// score adds the current weights of feats to scores.
func (t *trainer) score(feats []uint64, _ []uint8, scores []int32, _ *uint64) {
	for _, h := range feats {
		r, ok := t.index[h]
		if !ok {
			continue
		}
		for _, e := range t.rows[r] {
			scores[e.cls] += e.w
		}
	}
}

func (t *trainer) unit() float64 { return 1 }

// update moves the weights of feats towards gold and away from pred.
func (t *trainer) update(feats []uint64, gold, pred int) {
	for _, h := range feats {
		r, ok := t.index[h]
		if !ok {
			r = int32(len(t.rows))
			t.index[h] = r
			t.rows = append(t.rows, nil)
		}
		t.add(r, gold, 1)
		t.add(r, pred, -1)
	}
}

func (t *trainer) add(r int32, cls, d int) {
	row := t.rows[r]
	for j := range row {
		if int(row[j].cls) == cls {
			row[j].w += int32(d)
			row[j].u += t.c * int64(d)
			return
		}
	}
	t.rows[r] = append(row, tEntry{cls: int16(cls), w: int32(d), u: t.c * int64(d)})
}

// average returns the averaged weights as a scoring model, dropping weights
// whose magnitude is below prune.
func (t *trainer) average(prune float64) *weights {
	c := float64(t.c)
	if c == 0 {
		c = 1
	}
	rows := make([]sparseRow, 0, len(t.rows))
	for h, r := range t.index {
		entries := slices.Clone(t.rows[r])
		slices.SortFunc(entries, func(a, b tEntry) int { return int(a.cls) - int(b.cls) })
		var sr sparseRow
		for _, e := range entries {
			v := float64(e.w) - float64(e.u)/c
			if math.Abs(v) < prune || v == 0 {
				continue
			}
			sr.cls = append(sr.cls, uint8(e.cls))
			sr.w = append(sr.w, float32(v))
		}
		if len(sr.cls) > 0 {
			sr.key, sr.full = key32(h), h
			rows = append(rows, sr)
		}
	}
	return buildWeights(rows, 0)
}

func cmpU(a, b uint64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func (m *weights) unit() float64 { return m.scale }
