package parse

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Atom ids shared by words and tags: 0 is "no token", 1 the artificial root.
const (
	idNone    = 0
	idRoot    = 1
	idUnkTag  = 2
	firstTag  = 3
	firstSig  = 2 // word ids 2..2+nSigs-1 are unknown-word signatures
	nSigs     = 64
	firstWord = firstSig + nSigs
)

// lexicon maps the strings of a sentence to the ids the features use.
type lexicon struct {
	words  map[string]int32 // normalized form -> id (>= firstWord)
	xpos   map[string]int32 // XPOS -> index
	upos   map[string]int32 // UPOS -> index
	nUPOS  int
	feats  uint8    // the feature set (Feat... bits)
	labels []string // label index -> label (possibly "deprel|headdeprel")
	root   int16    // index of "root"
	// lbase is each label's plain relation and lhead the relation its
	// pseudo-projective encoding names (-1: none).
	// lrank says which match of lhead, breadth first, is the head.
	lbase, lhead []int16
	lrank        []uint8
	// utag maps a tag id to the id of its universal tag alone (see
	// uposAtom), so that features need no division.
	utag []uint64
}

// wordID returns the id of a word form, its signature when unknown.
func (lx *lexicon) wordID(buf []byte, form string) (int32, []byte) {
	buf = normalize(buf[:0], form)
	if id, ok := lx.words[string(buf)]; ok {
		return id, buf
	}
	return firstSig + signature(form), buf
}

// tagID returns the id of an (XPOS, UPOS) pair.
func (lx *lexicon) tagID(xpos, upos string) int32 {
	x, ok1 := lx.xpos[xpos]
	u, ok2 := lx.upos[upos]
	if !ok1 || !ok2 {
		return idUnkTag
	}
	return firstTag + x*int32(lx.nUPOS) + u
}

// uposAtom returns the id that stands for the universal tag of tag id tx
// (itself when tx is no (XPOS, UPOS) pair).
func (lx *lexicon) uposAtom(tx int32) uint64 {
	if tx >= firstTag && lx.nUPOS > 0 {
		return uint64(firstTag + (tx-firstTag)%int32(lx.nUPOS))
	}
	return uint64(tx)
}

// normalize lower-cases form and maps digits to 0, so numbers share ids.
func normalize(buf []byte, form string) []byte {
	for i := 0; i < len(form); i++ {
		c := form[i]
		if c >= utf8.RuneSelf {
			return append(buf[:0], normalizeSlow(form)...)
		}
		switch {
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case '0' <= c && c <= '9':
			c = '0'
		}
		buf = append(buf, c)
	}
	return buf
}

func normalizeSlow(form string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) {
			return '0'
		}
		return unicode.ToLower(r)
	}, form)
}

// signature classes an unknown word by its shape and ending (6 bits).
func signature(form string) int32 {
	var caps, lower, digit, other bool
	first := true
	var firstUpper bool
	for _, r := range form {
		switch {
		case unicode.IsUpper(r):
			caps = true
			if first {
				firstUpper = true
			}
		case unicode.IsLower(r):
			lower = true
		case unicode.IsDigit(r):
			digit = true
		default:
			other = true
		}
		first = false
	}
	var shape int32
	switch {
	case digit && !lower && !caps:
		shape = 0 // numbers
	case caps && !lower:
		shape = 1 // ACRONYM
	case firstUpper:
		shape = 2 // Capitalized
	case lower:
		shape = 3 // lower
	default:
		shape = 0
		if other {
			shape = 1
		}
	}
	if !lower {
		// Only digits/punctuation/caps: tell apart by the mix.
		var k int32
		if digit {
			k |= 1
		}
		if other {
			k |= 2
		}
		return shape*16 + k
	}
	return shape*16 + suffixClass(form, digit || other)
}

var suffixes = []string{"ing", "ed", "ly", "ion", "s", "er", "est", "al", "ity", "ive", "ous", "able", "ic", "y"}

func suffixClass(form string, mixed bool) int32 {
	if mixed {
		return 15
	}
	low := strings.ToLower(form)
	for i, s := range suffixes {
		if strings.HasSuffix(low, s) {
			return int32(i)
		}
	}
	return 14
}
