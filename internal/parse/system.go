package parse

// The transition system is arc-hybrid (Kuhlmann, Gómez-Rodríguez and Satta
// 2011) with the artificial root at the end of the buffer (Ballesteros and
// Nivre 2013), so the root is attached last, and with two constraints that
// make every final configuration a single-rooted tree: SHIFT is not allowed
// once the buffer holds only the root, and LEFT onto the root only when the
// stack holds a single word.
//
// Words are 0..n-1 and the root is n. A word gets its head when it leaves the
// stack, so words on the stack and in the buffer are always unattached.

const (
	mShift = iota
	mLeft  // b0 -> s0, pop s0
	mRight // s1 -> s0, pop s0
	nMoves
)

// state is a parser configuration.
type state struct {
	n      int32
	stack  []int32
	b      int32   // first buffer word; the buffer is b..n
	head   []int32 // -1 while unattached, n for the root
	label  []int16 // label index of the arc to the head, -1 while unattached
	l1, l2 []int32 // leftmost and second leftmost children (-1: none)
	r1, r2 []int32 // rightmost and second rightmost children
	vl, vr []uint8 // numbers of left and right children (saturated)
	ls, rs []uint64
	inStk  []bool
}

// reset prepares s for a sentence of n words, reusing its storage.
func (s *state) reset(n int) {
	s.n = int32(n)
	s.stack = s.stack[:0]
	s.b = 0
	m := n + 1
	s.head = fill32(s.head, m, -1)
	s.l1 = fill32(s.l1, m, -1)
	s.l2 = fill32(s.l2, m, -1)
	s.r1 = fill32(s.r1, m, -1)
	s.r2 = fill32(s.r2, m, -1)
	if cap(s.label) < m {
		s.label = make([]int16, m)
		s.vl, s.vr = make([]uint8, m), make([]uint8, m)
		s.ls, s.rs = make([]uint64, m), make([]uint64, m)
		s.inStk = make([]bool, m)
	}
	s.label, s.vl, s.vr, s.ls, s.rs, s.inStk = s.label[:m], s.vl[:m], s.vr[:m], s.ls[:m], s.rs[:m], s.inStk[:m]
	for i := 0; i < m; i++ {
		s.label[i] = -1
		s.vl[i], s.vr[i], s.ls[i], s.rs[i], s.inStk[i] = 0, 0, 0, 0, false
	}
}

func fill32(a []int32, n int, v int32) []int32 {
	if cap(a) < n {
		a = make([]int32, n)
	}
	a = a[:n]
	for i := range a {
		a[i] = v
	}
	return a
}

// terminal reports whether the parse is complete.
func (s *state) terminal() bool { return s.b == s.n && len(s.stack) == 0 }

// s0, s1, s2 return stack items from the top, -1 when absent.
func (s *state) si(k int) int32 {
	if k < len(s.stack) {
		return s.stack[len(s.stack)-1-k]
	}
	return -1
}

// bi returns the k-th buffer item (the root included), -1 past the end.
func (s *state) bi(k int32) int32 {
	if j := s.b + k; j <= s.n {
		return j
	}
	return -1
}

// valid returns a bit set of the moves allowed in s.
func (s *state) valid() uint8 {
	var v uint8
	d := len(s.stack)
	if s.b < s.n {
		v |= 1 << mShift
		if d >= 1 {
			v |= 1 << mLeft
		}
	} else if d == 1 {
		v |= 1 << mLeft
	}
	if d >= 2 {
		v |= 1 << mRight
	}
	return v
}

// apply performs move m (with label lab for arcs); m must be valid.
// applyForced applies the move the state leaves no choice about, a shift
// or the last left-arc onto the root (labelled root), and reports whether
// there was one; valid is s.valid().
func (s *state) applyForced(valid uint8, root int16) bool {
	switch {
	case valid == 1<<mShift:
		s.apply(mShift, 0)
	case valid == 1<<mLeft && s.b == s.n:
		s.apply(mLeft, root)
	default:
		return false
	}
	return true
}

func (s *state) apply(m int, lab int16) {
	switch m {
	case mShift:
		s.stack = append(s.stack, s.b)
		s.inStk[s.b] = true
		s.b++
	case mLeft:
		d := s.pop()
		s.attach(s.b, d, lab)
	case mRight:
		d := s.pop()
		s.attach(s.stack[len(s.stack)-1], d, lab)
	}
}

func (s *state) pop() int32 {
	d := s.stack[len(s.stack)-1]
	s.stack = s.stack[:len(s.stack)-1]
	s.inStk[d] = false
	return d
}

// attach records the arc h -> d.
func (s *state) attach(h, d int32, lab int16) {
	s.head[d] = h
	s.label[d] = lab
	bit := uint64(1) << (uint(lab) & 63)
	if d < h {
		// Left children arrive nearest first, so d is the new leftmost.
		s.l2[h], s.l1[h] = s.l1[h], d
		if s.vl[h] < 255 {
			s.vl[h]++
		}
		s.ls[h] |= bit
	} else {
		// Right children arrive left to right, so d is the new rightmost.
		s.r2[h], s.r1[h] = s.r1[h], d
		if s.vr[h] < 255 {
			s.vr[h]++
		}
		s.rs[h] |= bit
	}
}

// arcHead returns the head that move m would give s0.
func (s *state) arcHead(m int) int32 {
	if m == mLeft {
		return s.b
	}
	return s.si(1)
}

// gold is the reference tree of a training sentence (projective), with the
// root as n, and each word's dependents in order.
type gold struct {
	head  []int32
	label []int16
	deps  [][]int32
}

func newGold(head []int32, label []int16) *gold {
	g := &gold{head: head, label: label, deps: make([][]int32, len(head)+1)}
	for d, h := range head {
		g.deps[h] = append(g.deps[h], int32(d))
	}
	return g
}

// depsFrom counts the gold dependents of x at or after position from.
func (g *gold) depsFrom(x, from int32) int {
	c := 0
	for _, d := range g.deps[x] {
		if d >= from {
			c++
		}
	}
	return c
}

// costs fills, for each move valid in s, the number of gold arcs it makes
// unreachable (the dynamic oracle of Goldberg and Nivre 2013 for
// arc-hybrid, with the root constraints taken into account; exact for
// projective trees, as a test checks by exhaustive search). Invalid moves
// get -1.
func (s *state) costs(g *gold, valid uint8, out *[nMoves]int) {
	for m := range out {
		out[m] = -1
	}
	s0, s1, b := s.si(0), s.si(1), s.b
	if valid&(1<<mShift) != 0 {
		c := 0
		// b0 can still get s0 as its head (by RIGHT once it is on top), but
		// no deeper stack word, and no stack word can get b0 as its head.
		if h := g.head[b]; h != s0 && h < b && s.inStk[h] {
			c++
		}
		// The root word can reach the root only from the bottom of the
		// stack (LEFT onto the root needs a stack of one).
		if g.head[b] == s.n && len(s.stack) > 0 {
			c++
		}
		for _, d := range g.deps[b] {
			if d < b && s.inStk[d] {
				c++
			}
		}
		out[mShift] = c
	}
	if valid&(1<<mLeft) != 0 {
		c := g.depsFrom(s0, b)
		if h := g.head[s0]; h != b && (h == s1 || h > b && (h < s.n || len(s.stack) == 1)) {
			c++
		}
		out[mLeft] = c
	}
	if valid&(1<<mRight) != 0 {
		// The root arc of a word above the bottom of the stack is already
		// out of reach, so only a buffer word counts as a lost head.
		c := g.depsFrom(s0, b)
		if h := g.head[s0]; h >= b && h < s.n {
			c++
		}
		out[mRight] = c
	}
}
