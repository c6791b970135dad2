package timex

import (
	"unicode/utf8"

	"github.com/dyadhq/dyad/pkg/doc"
)

// The extractor works on atoms, not on the tokenizer's words: runs of ASCII
// letters, runs of digits and single punctuation marks, cut from the raw
// text. "Jan.", "p.m.", "50-minute", "1/16/2017" and "'90s" then look the
// same whatever the tokenizer made of them; tokens are used only for tags and
// for reporting token and sentence indices.

type atomKind uint8

const (
	kWord atomKind = iota + 1
	kNum
	kPunct
)

const (
	fGap       uint8 = 1 << iota // whitespace before the atom
	fPara                        // a blank line before the atom
	fCap                         // word starting with a capital
	fUpper                       // word all in capitals (two letters or more)
	fSentStart                   // first atom of a sentence (by the segmenter)
)

type atom struct {
	s, e  int32
	tok   int32 // token holding the atom's first byte, -1 when none
	kind  atomKind
	flags uint8
	ch    byte   // punctuation: the ASCII byte; curly quotes map to '\'' and '"'
	nd    uint8  // digits in a number
	n     int32  // value of a number (-1 when longer than 9 digits)
	ent   *entry // lexicon entry of a word, nil when unknown
}

func (a *atom) gap() bool  { return a.flags&fGap != 0 }
func (a *atom) cap() bool  { return a.flags&fCap != 0 }
func (a *atom) para() bool { return a.flags&fPara != 0 }

// is reports whether the atom is the word w (lower case).
func (a *atom) is(w string) bool { return a.ent != nil && a.ent.w == w }

// has reports whether the atom is a word of one of the classes in c.
func (a *atom) has(c class) bool { return a.ent != nil && a.ent.cls&c != 0 }

// punct reports whether the atom is the punctuation mark c.
func (a *atom) punct(c byte) bool { return a.kind == kPunct && a.ch == c }

// atomize cuts text into atoms, appending to buf. Token indices come from a
// merge walk over toks (sorted by offset).
func atomize(text string, toks []doc.Token, sents []doc.Sentence, buf []atom) []atom {
	out := buf[:0]
	ti, si := 0, 0
	var lower [maxWord]byte
	nl := 0
	gap := false
	i := 0
	for i < len(text) {
		c := text[i]
		if c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' {
			gap = true
			i++
			continue
		}
		if c == '\n' {
			gap = true
			nl++
			i++
			continue
		}
		if c >= 0x80 {
			r, w := utf8.DecodeRuneInString(text[i:])
			if r == 0xA0 || r == 0x2009 || r == 0x202F || r == 0x2002 || r == 0x2003 || r == 0x3000 {
				gap = true
				i += w
				continue
			}
			if r == 0x2028 || r == 0x2029 || r == 0x85 {
				gap = true
				nl++
				i += w
				continue
			}
		}
		a := atom{s: int32(i), tok: -1}
		switch {
		case isLetter(c):
			j, ascii := scanWord(text, i)
			a.kind = kWord
			if w := text[i:j]; ascii {
				if isUpper(w[0]) {
					a.flags |= fCap
					if len(w) > 1 && allUpper(w) {
						a.flags |= fUpper
					}
				}
				if len(w) <= maxWord && lexFilter(w) {
					n := copy(lower[:], w)
					for k := 0; k < n; k++ {
						if isUpper(lower[k]) {
							lower[k] += 'a' - 'A'
						}
					}
					a.ent = lexicon[string(lower[:n])]
				}
			}
			a.e = int32(j)
			i = j
		case c >= '0' && c <= '9':
			j := i
			v := int64(0)
			for j < len(text) && text[j] >= '0' && text[j] <= '9' {
				if j-i < 9 {
					v = v*10 + int64(text[j]-'0')
				}
				j++
			}
			a.kind = kNum
			if j-i > 9 {
				a.n = -1
				a.nd = 255
			} else {
				a.n = int32(v)
				a.nd = uint8(j - i)
			}
			a.e = int32(j)
			i = j
		case c < 0x80:
			a.kind = kPunct
			a.ch = c
			if c == '`' {
				a.ch = '\''
			}
			a.e = int32(i + 1)
			i++
		default:
			r, w := utf8.DecodeRuneInString(text[i:])
			if isNonASCIILetter(r) {
				// A word with accents or in another script: an opaque atom.
				j, _ := scanWord(text, i)
				a.kind = kWord
				a.e = int32(j)
				i = j
				break
			}
			a.kind = kPunct
			switch r {
			case 0x2018, 0x2019, 0x2032:
				a.ch = '\''
			case 0x201C, 0x201D:
				a.ch = '"'
			case 0x2013, 0x2014, 0x2010, 0x2011, 0x2212:
				a.ch = '-'
			default:
				a.ch = 0
			}
			a.e = int32(i + w)
			i += w
		}
		if gap {
			a.flags |= fGap
		}
		if nl >= 2 {
			a.flags |= fPara
		}
		gap, nl = false, 0
		for ti < len(toks) && toks[ti].End <= int(a.s) {
			ti++
		}
		if ti < len(toks) && toks[ti].Start <= int(a.s) {
			a.tok = int32(ti)
			for si < len(sents) && sents[si].Last <= ti {
				si++
			}
			if si < len(sents) && sents[si].First == ti && toks[ti].Start == int(a.s) {
				a.flags |= fSentStart
			}
		}
		out = append(out, a)
	}
	return out
}

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isUpper(c byte) bool  { return c >= 'A' && c <= 'Z' }

func allUpper(w string) bool {
	for i := 0; i < len(w); i++ {
		if !isUpper(w[i]) {
			return false
		}
	}
	return true
}

// scanWord returns the end of the word starting at i (ASCII and other
// letters) and whether it is all ASCII.
func scanWord(text string, i int) (int, bool) {
	ascii := true
	j := i
	for j < len(text) {
		if c := text[j]; c < 0x80 {
			if !isLetter(c) {
				break
			}
			j++
			continue
		}
		r, w := utf8.DecodeRuneInString(text[j:])
		if !isNonASCIILetter(r) {
			break
		}
		ascii = false
		j += w
	}
	return j, ascii
}

// isNonASCIILetter is a cheap test for letters beyond ASCII (Latin-1
// supplement and above, excluding the punctuation blocks).
func isNonASCIILetter(r rune) bool {
	switch {
	case r >= 0xC0 && r <= 0x24F && r != 0xD7 && r != 0xF7:
		return true
	case r >= 0x370 && r < 0x2000:
		return true
	case r >= 0x3040 && r < 0xFE00:
		return true
	}
	return false
}
