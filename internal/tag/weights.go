package tag

import (
	"math"
	"math/bits"
	"slices"
)

// weights is a trained linear model ready for scoring: an open-addressing
// hash table from a feature's 32-bit key to its row of non-zero weights. A
// row starts with a bit mask of the classes it has weights for (four int32
// words) followed by the weights in class order, so that scoring a few
// candidate classes costs a few popcounts, not a walk over the row, and the
// mask shares a cache line with the weights. Weights are fixed-point
// integers (one scale per model), so scores add up in integers.
type weights struct {
	slots []uint64 // key<<32 | offset of the row in w; 0 is an empty slot
	w     []int32
	scale float64 // a weight is value*scale
	rowsN int
}

// maskWords is the length of a row's class mask in int32 words.
const maskWords = 4

// maxQ is the largest magnitude of a quantized weight; scores of up to
// 2*maxFeatures weights stay within int32.
const maxQ = 1<<22 - 1

// maxClasses is the most classes a model can have (the row masks' width).
const maxClasses = 128

// key32 folds a feature hash to the 32-bit key the table stores; 0 marks an
// empty slot, so it is never a key.
func key32(h uint64) uint32 {
	k := uint32(h>>32) ^ uint32(h)
	if k == 0 {
		k = 1
	}
	return k
}

// home is the first slot to probe for key k in a table of n slots.
func home(k uint32, n int) int { return int((uint64(k*0x9E3779B1) * uint64(n)) >> 32) }

// find returns the offset in w of the row of feature hash h, or -1.
func (m *weights) find(h uint64) int {
	k := key32(h)
	n := len(m.slots)
	for i := home(k, n); ; {
		v := m.slots[i]
		if uint32(v>>32) == k {
			return int(uint32(v))
		}
		if v == 0 {
			return -1
		}
		if i++; i == n {
			i = 0
		}
	}
}

// rowMask returns the class mask of the row at off.
func (m *weights) rowMask(off int) (uint64, uint64) {
	r := m.w[off : off+maskWords]
	return uint64(uint32(r[0])) | uint64(uint32(r[1]))<<32, uint64(uint32(r[2])) | uint64(uint32(r[3]))<<32
}

// score adds the weights of feats to scores, for the candidate classes only
// (all classes when cands is nil). The table look-ups come first, in a loop
// of independent loads, so that their cache misses overlap.
func (m *weights) score(feats []uint64, cands []uint8, scores []int32, sink *uint64) {
	var found [2 * maxFeatures]int32
	// Touch every home slot, then every row found, in loops of loads that
	// do not wait on each other, so that their cache misses overlap and the
	// probes and sums below mostly hit.
	var touch uint64
	ns := len(m.slots)
	for _, h := range feats {
		touch += m.slots[home(key32(h), ns)]
	}
	n := 0
	for _, h := range feats {
		if off := m.find(h); off >= 0 {
			found[n] = int32(off)
			n++
		}
	}
	w := m.w
	var rows int32
	for _, off := range found[:n] {
		rows += w[off]
	}
	*sink += touch + uint64(rows) // the caller keeps it, so the loads stay
	if cands == nil || len(cands) > 24 {
		for _, off := range found[:n] {
			m0, m1 := m.rowMask(int(off))
			k := int(off) + maskWords
			for b := m0; b != 0; b &= b - 1 {
				scores[trailing(b)] += w[k]
				k++
			}
			for b := m1; b != 0; b &= b - 1 {
				scores[64+trailing(b)] += w[k]
				k++
			}
		}
		return
	}
	for _, off := range found[:n] {
		m0, m1 := m.rowMask(int(off))
		base := int(off) + maskWords
		lo := bits.OnesCount64(m0)
		for _, c := range cands {
			if c < 64 {
				if m0>>c&1 != 0 {
					scores[c] += w[base+bits.OnesCount64(m0&(1<<c-1))]
				}
			} else if m1>>(c-64)&1 != 0 {
				scores[c] += w[base+lo+bits.OnesCount64(m1&(1<<(c-64)-1))]
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
	ent := 0
	for _, r := range rows {
		ent += len(r.cls)
	}
	m.w = make([]int32, 0, ent+maskWords*len(rows))
	// A load of 1/2: most lookups are of features the model lacks (rare
	// words, new contexts), and a miss probes until an empty slot.
	m.slots = make([]uint64, 2*len(rows)+1)
	n := len(m.slots)
	for _, r := range rows {
		off := len(m.w)
		m.w = append(m.w, 0, 0, 0, 0)
		var mask [2]uint64
		for j, c := range r.cls {
			q := int64(math.Round(float64(r.w[j]) / scale))
			if q == 0 {
				continue
			}
			m.w = append(m.w, int32(max(-maxQ, min(maxQ, q))))
			mask[c>>6] |= 1 << (c & 63)
		}
		if len(m.w) == off+maskWords {
			m.w = m.w[:off]
			continue
		}
		m.w[off], m.w[off+1] = int32(uint32(mask[0])), int32(uint32(mask[0]>>32))
		m.w[off+2], m.w[off+3] = int32(uint32(mask[1])), int32(uint32(mask[1]>>32))
		i := home(r.key, n)
		for m.slots[i] != 0 {
			if i++; i == n {
				i = 0
			}
		}
		m.slots[i] = uint64(r.key)<<32 | uint64(off)
		m.rowsN++
	}
	return m
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

// rows unpacks the model into rows sorted by key.
func (m *weights) rows() []sparseRow {
	out := make([]sparseRow, 0, m.rowsN)
	for _, v := range m.slots {
		if v == 0 {
			continue
		}
		off := int(uint32(v))
		r := sparseRow{key: uint32(v >> 32)}
		m0, m1 := m.rowMask(off)
		k := off + maskWords
		for half, b := range [2]uint64{m0, m1} {
			for ; b != 0; b &= b - 1 {
				r.cls = append(r.cls, uint8(half<<6|trailing(b)))
				r.w = append(r.w, float32(float64(m.w[k])*m.scale))
				k++
			}
		}
		out = append(out, r)
	}
	slices.SortFunc(out, func(a, b sparseRow) int { return cmpU(uint64(a.key), uint64(b.key)) })
	return out
}

func trailing(b uint64) int { return bits.TrailingZeros64(b) }

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
