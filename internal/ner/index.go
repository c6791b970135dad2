package ner

import "math/bits"

// featIndex maps feature hashes to weight rows. The recognizer looks up
// every feature of every token, most of them absent from the model, so
// the index is laid out for misses: a small open-addressing table of
// 32-bit slots (a load of at most 2/3, sixteen slots to a cache line),
// each holding a row number and a fingerprint of its key, answers almost
// every absent feature without leaving that table; the full keys sit
// beside their weights in the rows, so that a present feature costs one
// more cache line and a fingerprint collision is caught by the key
// comparison (lookups are exact).
type featIndex struct {
	slots   []uint32 // fingerprint<<rowBits | row+1; 0 marks an empty slot
	rows    []featRow
	rowBits uint   // bits of a slot that hold row+1
	fpShift uint   // the fingerprint is the top 32-rowBits bits of the mixed key
	zero    int32  // row of the hash 0, or -1
	n       int    // features held
	mask    uint64 // len(slots)-1
}

// featRow is one feature: its key and its weight for each label, in units
// of the model's scale.
type featRow struct {
	key uint64
	w   [nLabels]int16
}

const goldenMul = 0x9E3779B97F4A7C15

// newFeatIndex returns an index with room for n features, of rows 0..n-1.
func newFeatIndex(n int) *featIndex {
	size := 16
	for size < n+n/2 {
		size *= 2
	}
	rb := uint(bits.Len(uint(n + 1)))
	if rb > 31 {
		panic("ner: feature index too large")
	}
	return &featIndex{slots: make([]uint32, size), rows: make([]featRow, n), rowBits: rb,
		fpShift: 64 - (32 - rb), zero: -1, mask: uint64(size - 1)}
}

// home returns k's first slot and the fingerprint part of its slots.
func (x *featIndex) home(k uint64) (uint64, uint32) {
	h := k * goldenMul
	return h >> 32 & x.mask, uint32(h>>x.fpShift) << x.rowBits
}

// put maps k to row r (r < the n the index was made for) with weights w.
func (x *featIndex) put(k uint64, r int32, w *[nLabels]int16) {
	x.rows[r] = featRow{key: k, w: *w}
	if k == 0 {
		if x.zero < 0 {
			x.n++
		}
		x.zero = r
		return
	}
	i, fp := x.home(k)
	for ; ; i = (i + 1) & x.mask {
		s := x.slots[i]
		if s == 0 {
			x.slots[i] = fp | uint32(r+1)
			x.n++
			return
		}
		if x.rows[s&(1<<x.rowBits-1)-1].key == k {
			x.slots[i] = fp | uint32(r+1)
			return
		}
	}
}

// probe returns k's row, or -1, searching from slot i.
func (x *featIndex) probe(k uint64, i uint64, fp uint32) int32 {
	rowMask := uint32(1)<<x.rowBits - 1
	for ; ; i = (i + 1) & x.mask {
		s := x.slots[i]
		if s == 0 {
			return -1
		}
		if s&^rowMask == fp {
			if r := s&rowMask - 1; x.rows[r].key == k {
				return int32(r)
			}
		}
	}
}

// get returns k's row.
func (x *featIndex) get(k uint64) (int32, bool) {
	if k == 0 {
		return x.zero, x.zero >= 0
	}
	i, fp := x.home(k)
	r := x.probe(k, i, fp)
	return r, r >= 0
}

// weights returns row r's weights.
func (x *featIndex) weights(r int32) *[nLabels]int16 { return &x.rows[r].w }

// maxBatch is how many features addRows looks up together.
const maxBatch = 256

// addRows adds to acc the weights of the features of fs that the index
// holds.
func (x *featIndex) addRows(fs []uint64, acc *[nLabels]int32, sink *uint32) {
	accs := [1][nLabels]int32{*acc}
	x.addRowsTo(fs, nil, accs[:], sink)
	*acc = accs[0]
}

// addRowsTo adds the weights of each feature fs[j] that the index holds
// to accs[to[j]] (to nil: all to accs[0]). It looks features up in blocks
// of four passes, so that their cache misses overlap instead of queueing
// behind each other: the first loads every home slot (sink keeps the
// loads), the second probes the slots, now cached, for rows whose
// fingerprint matches, the third loads those rows, the fourth checks each
// row's key and adds its weights.
func (x *featIndex) addRowsTo(fs []uint64, to []int32, accs [][nLabels]int32, sink *uint32) {
	var cand [maxBatch]int32
	var home [maxBatch]uint64
	var fps [maxBatch]uint32
	rowMask := uint32(1)<<x.rowBits - 1
	for len(fs) > 0 {
		blk := fs[:min(len(fs), maxBatch)]
		var t uint32
		for j, k := range blk {
			i, fp := x.home(k)
			home[j], fps[j] = i, fp
			t += x.slots[i]
		}
		*sink += t
		for j, k := range blk {
			c := int32(-1)
			if k == 0 {
				c = x.zero
			} else {
				for i := home[j]; ; i = (i + 1) & x.mask {
					s := x.slots[i]
					if s == 0 {
						break
					}
					if s&^rowMask == fps[j] {
						c = int32(s&rowMask - 1)
						break
					}
				}
			}
			cand[j] = c
		}
		t = 0
		for _, c := range cand[:len(blk)] {
			if c >= 0 {
				t += uint32(x.rows[c].key)
			}
		}
		*sink += t
		for j, c := range cand[:len(blk)] {
			if c < 0 {
				continue
			}
			k := blk[j]
			row := &x.rows[c]
			if row.key != k && k != 0 {
				// A fingerprint collision: search on past it.
				i := home[j]
				for x.slots[i]&rowMask-1 != uint32(c) {
					i = (i + 1) & x.mask
				}
				if c = x.probe(k, (i+1)&x.mask, fps[j]); c < 0 {
					continue
				}
				row = &x.rows[c]
			}
			acc := &accs[0]
			if to != nil {
				acc = &accs[to[j]]
			}
			for l := range acc {
				acc[l] += int32(row.w[l])
			}
		}
		fs = fs[len(blk):]
		if to != nil {
			to = to[len(blk):]
		}
	}
}

// len is the number of features.
func (x *featIndex) len() int { return x.n }

// each calls fn for every feature, in no particular order.
func (x *featIndex) each(fn func(k uint64, r int32)) {
	if x.zero >= 0 {
		fn(0, x.zero)
	}
	rowMask := uint32(1)<<x.rowBits - 1
	for _, s := range x.slots {
		if s != 0 {
			r := int32(s&rowMask - 1)
			fn(x.rows[r].key, r)
		}
	}
}
