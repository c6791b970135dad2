package ner

import (
	"math/rand/v2"
	"testing"
)

// TestFeatIndex checks the index against a map on random keys, enough of
// them (and a fingerprint short enough) that fingerprint collisions, the
// hash 0 and keys put twice all occur, for get and for addRowsTo.
func TestFeatIndex(t *testing.T) {
	for _, n := range []int{1, 100, 1 << 18} {
		rng := rand.New(rand.NewPCG(uint64(n), 7))
		x := newFeatIndex(n)
		want := map[uint64]int32{}
		keys := make([]uint64, 0, n)
		for r := 0; r < n; r++ {
			k := rng.Uint64()
			if r == n/2 {
				k = 0
			}
			var w [nLabels]int16
			for l := range w {
				w[l] = int16(rng.IntN(65536) - 32768)
			}
			x.put(k, int32(r), &w)
			want[k] = int32(r)
			keys = append(keys, k)
		}
		if x.len() != len(want) {
			t.Fatalf("n=%d: len %d, want %d", n, x.len(), len(want))
		}
		seen := 0
		x.each(func(k uint64, r int32) {
			if want[k] != r {
				t.Fatalf("n=%d: each gives %x -> %d, want %d", n, k, r, want[k])
			}
			seen++
		})
		if seen != len(want) {
			t.Fatalf("n=%d: each saw %d features, want %d", n, seen, len(want))
		}
		// Present and absent keys, in batches of every size.
		probe := make([]uint64, 0, 8*n+64)
		for i := 0; i < 8*n+64; i++ {
			if i%3 == 0 {
				probe = append(probe, keys[rng.IntN(len(keys))])
			} else {
				probe = append(probe, rng.Uint64())
			}
		}
		var sink uint32
		for start := 0; start < len(probe); {
			end := min(len(probe), start+1+rng.IntN(2*maxBatch))
			blk := probe[start:end]
			to := make([]int32, len(blk))
			var wantAcc [3][nLabels]int32
			for j, k := range blk {
				to[j] = int32(j % 3)
				r, ok := x.get(k)
				wr, inMap := want[k]
				if ok != inMap || (ok && r != wr) {
					t.Fatalf("n=%d: get(%x) = %d, %v; want %d, %v", n, k, r, ok, wr, inMap)
				}
				if ok {
					for l, v := range x.weights(r) {
						wantAcc[j%3][l] += int32(v)
					}
				}
			}
			var acc [3][nLabels]int32
			x.addRowsTo(blk, to, acc[:], &sink)
			if acc != wantAcc {
				t.Fatalf("n=%d: addRowsTo %v, want %v", n, acc, wantAcc)
			}
			start = end
		}
	}
}
