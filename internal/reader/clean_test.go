package reader

import (
	"encoding/binary"
	"testing"
)

// TestHasSpecial checks the word-at-a-time test never misses a byte the
// byte-wise table marks, at every position and next to every other byte.
func TestHasSpecial(t *testing.T) {
	for b := 0; b < 256; b++ {
		for pos := 0; pos < 8; pos++ {
			for _, fill := range []byte{'a', ' ', 0x1f, 0xff, 0x80} {
				var w [8]byte
				for i := range w {
					w[i] = fill
				}
				w[pos] = byte(b)
				want := false
				for _, c := range w {
					want = want || bodySpecial[c]
				}
				if want && !hasSpecial(binary.LittleEndian.Uint64(w[:])) {
					t.Fatalf("byte %#x at %d among %#x missed", b, pos, fill)
				}
			}
		}
	}
	if hasSpecial(binary.LittleEndian.Uint64([]byte("plain ok"))) {
		t.Error("plain ASCII flagged")
	}
}

func TestTrimSignoff(t *testing.T) {
	for in, want := range map[string]string{
		"Profit rose.\n Reuter":         "Profit rose.",
		"Profit rose. REUTER...":        "Profit rose.",
		"Profit rose.\nREUTER\n Reuter": "Profit rose.",
		"told Reuters":                  "told Reuters",
		"said Reuter":                   "said Reuter",
		"Reuter":                        "",
		"Rose by 5 pct, Reuters said.":  "Rose by 5 pct, Reuters said.",
		"ANOTHERREUTER":                 "ANOTHERREUTER",
	} {
		if got := string(trimSignoff([]byte(in))); got != want {
			t.Errorf("%q: %q, want %q", in, got, want)
		}
	}
}
