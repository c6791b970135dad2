package ner

// featIndex maps feature hashes to weight rows. It is an open-addressing
// table at a load of at most 1/2: the recognizer looks up every feature of
// every token, most of them absent from the model, and a flat table answers
// those faster than a Go map.
type featIndex struct {
	keys []uint64 // 0 marks an empty slot; the hash 0 is kept in zero
	rows []int32
	zero int32 // row of the hash 0, or -1
	n    int
}

// newFeatIndex returns an index with room for n features.
func newFeatIndex(n int) *featIndex {
	size := 16
	for size < 2*n {
		size *= 2
	}
	return &featIndex{keys: make([]uint64, size), rows: make([]int32, size), zero: -1}
}

func (x *featIndex) slot(k uint64) int {
	return int((k * 0x9E3779B97F4A7C15) >> 32 & uint64(len(x.keys)-1))
}

// put maps k to row r; it must not be called for more than the n features
// the index was made for.
func (x *featIndex) put(k uint64, r int32) {
	if k == 0 {
		if x.zero < 0 {
			x.n++
		}
		x.zero = r
		return
	}
	mask := len(x.keys) - 1
	for i := x.slot(k); ; i = (i + 1) & mask {
		switch x.keys[i] {
		case 0:
			x.keys[i], x.rows[i] = k, r
			x.n++
			return
		case k:
			x.rows[i] = r
			return
		}
	}
}

// get returns k's row.
func (x *featIndex) get(k uint64) (int32, bool) {
	if k == 0 {
		return x.zero, x.zero >= 0
	}
	mask := len(x.keys) - 1
	for i := x.slot(k); ; i = (i + 1) & mask {
		switch x.keys[i] {
		case k:
			return x.rows[i], true
		case 0:
			return 0, false
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
	for i, k := range x.keys {
		if k != 0 {
			fn(k, x.rows[i])
		}
	}
}
