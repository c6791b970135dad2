package actor

// The trie maps sequences of word ids to the terms that end there. Words are
// interned in a vocabulary; the root's children are a dense array indexed by
// word id (most text words fail there), deeper nodes keep their children
// sorted for binary search. Built once, then read-only and safe to share.

// case constraints of a term word, two bits each in payload.cases
const (
	caseAny   = 0 // written in lower case: any case matches
	caseCap   = 1 // written with a capital: the text word is not all lower case
	caseUpper = 2 // an acronym: the text word is all upper case
)

// term flags
const (
	tPlural  uint8 = 1 << iota // a plural form of a title or agent
	tTitled                    // a name that counts only after a title or honorific ("May")
	tShared                    // a name several people share ("Clinton")
	tAnyCase                   // matches in any case (PETRARCH agents)
	tBreakIn                   // the term has a hard break inside: never matched
	tSomeCap                   // some word of the text must have a capital (legacy names)
	tLegacy                    // from a PETRARCH dictionary: a later definition replaces it
)

// payload is one term ending at a trie node.
type payload struct {
	entry int32
	term  int32 // index into Dictionary.terms
	n     uint8 // words
	flags uint8
	cases uint32 // 2 bits per word for the first 16 words
}

func (p *payload) caseAt(i int) uint32 {
	if i >= 16 {
		return caseAny
	}
	return p.cases >> (2 * i) & 3
}

// accepts reports whether the text pieces satisfy the term's case.
func (p *payload) accepts(ps []piece) bool {
	if p.flags&tSomeCap != 0 {
		some := false
		for i := 0; i < int(p.n); i++ {
			if ps[i].flags&pUpper != 0 {
				some = true
				break
			}
		}
		if !some {
			return false
		}
	}
	if p.flags&tAnyCase != 0 || p.cases == 0 {
		return true
	}
	for i := 0; i < int(p.n) && i < 16; i++ {
		switch p.caseAt(i) {
		case caseCap:
			if ps[i].flags&pUpper == 0 && ps[i].flags&pLower != 0 {
				return false
			}
		case caseUpper:
			if ps[i].flags&pLower != 0 {
				return false
			}
		}
	}
	return true
}

type trie struct {
	vocab    map[string]int32
	rootNext []int32 // word id -> child of the root, -1 none
	start    []int32 // node -> first edge (len nodes+1)
	ewords   []int32 // edge word ids, sorted within a node
	enodes   []int32 // edge targets
	pstart   []int32 // node -> first payload (len nodes+1)
	payloads []payload
}

// next returns the child of node by word, or -1.
func (t *trie) next(node, word int32) int32 {
	if word < 0 {
		return -1
	}
	if node == 0 {
		return t.rootNext[word]
	}
	lo, hi := t.start[node], t.start[node+1]
	for lo < hi {
		m := (lo + hi) >> 1
		switch w := t.ewords[m]; {
		case w == word:
			return t.enodes[m]
		case w < word:
			lo = m + 1
		default:
			hi = m
		}
	}
	return -1
}

// terms returns the payloads ending at node.
func (t *trie) terms(node int32) []payload {
	return t.payloads[t.pstart[node]:t.pstart[node+1]]
}
