// Package hashtab is an open-addressing hash table from 64-bit hashes to
// small values, for the models that look up hashed words or features in
// their inner loops, where a Go map's probing costs several times more.
// Keys are expected to be hashes already (their low bits spread well); it
// knows nothing of what was hashed.
package hashtab

// Table maps uint64 keys to values of type V; a missing key gives V's zero
// value. Key 0 is stored as 1, so the two are one key.
type Table[V any] struct {
	keys []uint64 // 0: empty
	vals []V
	mask uint64
}

// New returns a table sized for n keys (at most half full).
func New[V any](n int) Table[V] {
	size := 16
	for size < 2*n {
		size <<= 1
	}
	return Table[V]{keys: make([]uint64, size), vals: make([]V, size), mask: uint64(size - 1)}
}

// Ref returns the value slot of k, adding k when it is missing. The table
// must have room: New sizes it for the keys it will hold.
func (t *Table[V]) Ref(k uint64) *V {
	if k == 0 {
		k = 1
	}
	for i := k & t.mask; ; i = (i + 1) & t.mask {
		if t.keys[i] == 0 || t.keys[i] == k {
			t.keys[i] = k
			return &t.vals[i]
		}
	}
}

// Get returns the value of k (the zero value when k is missing, or when
// the table was never made).
func (t *Table[V]) Get(k uint64) V {
	var zero V
	if t.keys == nil {
		return zero
	}
	if k == 0 {
		k = 1
	}
	for i := k & t.mask; ; i = (i + 1) & t.mask {
		switch t.keys[i] {
		case k:
			return t.vals[i]
		case 0:
			return zero
		}
	}
}
