package parse

import (
	"strconv"
	"strings"
)

// The pseudo-projective transform (Nivre and Nilsson 2005, the "head"
// encoding): before training, each non-projective arc is lifted to its
// head's head until the tree is projective, and the lifted word's label
// records the relation of its syntactic head ("advcl|ccomp"). After parsing,
// a word whose label carries such a mark is lowered to the first word with
// that relation found breadth-first below its head. When that search would
// find another word first, the label also says which match is meant
// ("case|conj|2"), so that the round trip gives back every tree.

// labelSep joins a relation and the relation of its syntactic head.
const labelSep = "|"

// projectivize returns a projective version of the tree (heads with the root
// as n = len(head)) with lifted words' labels encoded, and how many words it
// lifted.
func projectivize(head []int32, label []string) ([]int32, []string, int) {
	n := int32(len(head))
	h := append([]int32(nil), head...)
	l := append([]string(nil), label...)
	lifted := make([]bool, n)
	count := 0
	for {
		d := smallestNonProjective(h)
		if d < 0 {
			break
		}
		if !lifted[d] {
			lifted[d] = true
			count++
		}
		h[d] = h[h[d]]
	}
	if count == 0 {
		return h, l, 0
	}
	// Encode in the order the decoder lowers, on the tree it will see.
	cur := append([]int32(nil), h...)
	var kids [][]int32
	var q []int32
	for d := int32(0); d < n; d++ {
		if !lifted[d] {
			continue
		}
		want := label[head[d]]
		rank := 0
		q = candidates(cur, d, kids, q)
		for _, x := range q {
			if label[x] == want {
				rank++
				if x == head[d] {
					break
				}
			}
		}
		l[d] = label[d] + labelSep + want
		if rank > 1 {
			l[d] += labelSep + strconv.Itoa(rank)
		}
		cur[d] = head[d]
	}
	return h, l, count
}

// candidates lists the words below d's head other than d's subtree,
// breadth first, each level left to right.
func candidates(head []int32, d int32, kids [][]int32, q []int32) []int32 {
	n := int32(len(head))
	if cap(kids) < int(n)+1 {
		kids = make([][]int32, n+1)
	}
	kids = kids[:n+1]
	for i := range kids {
		kids[i] = kids[i][:0]
	}
	for x := int32(0); x < n; x++ {
		kids[head[x]] = append(kids[head[x]], x)
	}
	q = q[:0]
	for _, c := range kids[head[d]] {
		if c != d {
			q = append(q, c)
		}
	}
	for i := 0; i < len(q); i++ {
		for _, c := range kids[q[i]] {
			if c != d {
				q = append(q, c)
			}
		}
	}
	return q
}

// smallestNonProjective returns the dependent of the shortest non-projective
// arc (the leftmost among equals), or -1 when the tree is projective.
func smallestNonProjective(head []int32) int32 {
	n := int32(len(head))
	best, bestLen := int32(-1), n+1
	for d := int32(0); d < n; d++ {
		h := head[d]
		if h == n {
			continue
		}
		lo, hi := min(h, d), max(h, d)
		if hi-lo >= bestLen {
			continue
		}
		for k := lo + 1; k < hi; k++ {
			if !dominates(head, h, k) {
				best, bestLen = d, hi-lo
				break
			}
		}
	}
	return best
}

// dominates reports whether h is an ancestor of k.
func dominates(head []int32, h, k int32) bool {
	n := int32(len(head))
	for steps := int32(0); k != n && steps <= n; steps++ {
		k = head[k]
		if k == h {
			return true
		}
	}
	return false
}

// splitLabel returns the relation, the head's relation and the rank of the
// match (1 when not given) of an encoded label; ok is false for a plain one.
func splitLabel(l string) (base, headRel string, rank int, ok bool) {
	base, rest, ok := strings.Cut(l, labelSep)
	if !ok {
		return l, "", 0, false
	}
	headRel, r, hasRank := strings.Cut(rest, labelSep)
	rank = 1
	if hasRank {
		if k, err := strconv.Atoi(r); err == nil && k > 1 {
			rank = k
		}
	}
	return base, headRel, rank, true
}

// deprojectivize lowers the words whose labels carry a head relation, in
// the tree in sc.st (n words).
func (p *Parser) deprojectivize(sc *scratch, n int) {
	st := &sc.st
	enc := false
	for i := 0; i < n; i++ {
		if p.lx.lhead[st.label[i]] >= 0 {
			enc = true
			break
		}
	}
	if !enc {
		return
	}
	lower(st.head[:n], st.label[:n], p.lx, sc)
}

// lower applies the decoding to head and label (label indices of lx).
func lower(head []int32, label []int16, lx *lexicon, sc *scratch) {
	n := int32(len(head))
	for d := int32(0); d < n; d++ {
		l := label[d]
		want := lx.lhead[l]
		if want < 0 {
			continue
		}
		label[d] = lx.lbase[l]
		sc.queue = candidates(head, d, sc.kids, sc.queue)
		rank, first := int(lx.lrank[l]), int32(-1)
		for _, x := range sc.queue {
			if lx.lbase[label[x]] == want {
				if first < 0 {
					first = x
				}
				if rank--; rank == 0 {
					first = x
					break
				}
			}
		}
		if first >= 0 {
			head[d] = first
		}
	}
}
