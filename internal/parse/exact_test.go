package parse

import (
	"slices"
	"testing"

	"github.com/dyadhq/dyad/pkg/doc"
)

// refParse parses d the plain way, as the model is defined: every feature
// key probed for on its own from its home slot, its move weights and, for
// the label features, its label weights (unpacked) summed one by one. No
// bitmap, no touching ahead, no fused sums: the reference the fast path in
// run must match exactly.
func (p *Parser) refParse(d *doc.Document) {
	sc := &scratch{}
	m := p.m
	mask := uint64(len(m.ents) - 1)
	find := func(k uint64) *entry {
		fp := uint32(k | 1)
		for j := m.home(k); ; j = (j + 1) & mask {
			switch m.ents[j].fp {
			case fp:
				return &m.ents[j]
			case 0:
				return nil
			}
		}
	}
	for _, s := range d.Sentences {
		first, n := s.First, s.Last-s.First
		sc.w, sc.t = grow32(sc.w, n+1), grow32(sc.t, n+1)
		for i := 0; i < n; i++ {
			tk := &d.Tokens[first+i]
			sc.w[i], sc.buf = p.lx.wordID(sc.buf, d.Form(first+i))
			sc.t[i] = p.lx.tagID(tk.XPOS, tk.UPOS)
		}
		sc.w[n], sc.t[n] = idRoot, idRoot
		st := &sc.st
		st.reset(n)
		for !st.terminal() {
			v := st.valid()
			if st.applyForced(v, p.lx.root) {
				continue
			}
			k, kl := features(st, sc.w, sc.t, p.lx, &sc.keys)
			var ms [nMoves]int32
			for _, key := range sc.keys[:k] {
				if e := find(key); e != nil {
					for mv, w := range e.mv {
						ms[mv] += int32(w)
					}
				}
			}
			move := mRight
			if v != 1<<mRight {
				move = argmaxMove(&ms, v)
			}
			lab := int16(0)
			if move != mShift {
				var ls [256]int32
				for _, key := range sc.keys[:kl] {
					e := find(key)
					if e == nil {
						continue
					}
					row := unpack(m.lw[e.lo : e.lo+uint32(e.nl)+uint32(e.nr)])
					row = row[:e.nl]
					if move == mRight {
						row = unpack(m.lw[e.lo+uint32(e.nl) : e.lo+uint32(e.nl)+uint32(e.nr)])
					}
					for _, q := range row {
						ls[q.l] += int32(q.w)
					}
				}
				lab = p.bestLabel(ls[:len(p.lx.labels)])
			}
			st.apply(move, lab)
		}
		p.store(sc, d, first, n)
	}
}

// TestFastPathIsExact parses EWT dev with Parse and with refParse and
// requires the same head and relation for every word: the bitmap, the
// touching ahead, the fused sums and the packed label weights change
// nothing.
func TestFastPathIsExact(t *testing.T) {
	sents := devTrees(t)
	p := testParser(t)
	fast, ref := GoldTokens(sents), GoldTokens(sents)
	p.Parse(fast)
	p.refParse(ref)
	diff := 0
	for i := range fast.Tokens {
		a, b := &fast.Tokens[i], &ref.Tokens[i]
		if a.Head != b.Head || a.Deprel != b.Deprel {
			if diff++; diff <= 5 {
				t.Errorf("word %d: fast %d %s, reference %d %s", i, a.Head, a.Deprel, b.Head, b.Deprel)
			}
		}
	}
	if diff > 0 {
		t.Fatalf("%d of %d words differ", diff, len(fast.Tokens))
	}
}

func TestPackedLabelWeights(t *testing.T) {
	ws := []qweight{{0, 0}, {1, 1}, {2, -1}, {69, 32000}, {254, -32768}, {255, 32767}}
	var ps []lpack
	for _, q := range ws {
		ps = append(ps, pack(q))
	}
	if got := unpack(ps); !slices.Equal(got, ws) {
		t.Fatalf("unpack(pack(%v)) = %v", ws, got)
	}
	for i, p := range ps {
		if l, w := uint8(p), int32(p)>>16; l != ws[i].l || w != int32(ws[i].w) {
			t.Errorf("%v: scoring reads label %d weight %d", ws[i], l, w)
		}
	}
}

// TestUposAtomTable checks the table features read the universal tag atom
// from against the arithmetic it replaces.
func TestUposAtomTable(t *testing.T) {
	p := testParser(t)
	lx := p.lx
	if want := firstTag + len(lx.xpos)*lx.nUPOS; len(lx.utag) != want {
		t.Fatalf("utag has %d entries, want %d", len(lx.utag), want)
	}
	for tx, u := range lx.utag {
		want := uint64(tx)
		if tx >= firstTag {
			want = uint64(firstTag + (tx-firstTag)%lx.nUPOS)
		}
		if u != want {
			t.Fatalf("utag[%d] = %d, want %d", tx, u, want)
		}
	}
}
