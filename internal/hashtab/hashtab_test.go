package hashtab

import "testing"

func TestTable(t *testing.T) {
	tab := New[float32](100)
	want := map[uint64]float32{}
	for i := uint64(0); i < 100; i++ {
		k := i * 0x9e3779b97f4a7c15 // spread, and some share low bits
		*tab.Ref(k) = float32(i) + 0.5
		want[k] = float32(i) + 0.5
	}
	*tab.Ref(7) += 1 // Ref finds an existing key
	want[7]++
	for k, v := range want {
		if got := tab.Get(k); got != v {
			t.Errorf("Get(%#x) = %v, want %v", k, got, v)
		}
	}
	for _, k := range []uint64{3, 1 << 40, ^uint64(0)} {
		if _, ok := want[k]; !ok && tab.Get(k) != 0 {
			t.Errorf("Get(%#x) of a missing key = %v, want 0", k, tab.Get(k))
		}
	}
	var empty Table[uint8]
	if empty.Get(42) != 0 {
		t.Error("a table never made gives a value")
	}
}
