package tokenize

import (
	"unicode"
	"unicode/utf8"
)

// Character classes of ASCII bytes, looked up in one table so the hot loop
// never calls into package unicode for plain text.
const (
	cSpace = 1 << iota
	cLower
	cUpper
	cDigit
	cPunct // printable ASCII that is neither letter nor digit
)

const cLetter = cLower | cUpper
const cAlnum = cLetter | cDigit

var ascii = func() (t [utf8.RuneSelf]uint8) {
	for c := 0; c < utf8.RuneSelf; c++ {
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
			t[c] = cSpace
		case c >= 'a' && c <= 'z':
			t[c] = cLower
		case c >= 'A' && c <= 'Z':
			t[c] = cUpper
		case c >= '0' && c <= '9':
			t[c] = cDigit
		case c < ' ' || c == 0x7f:
			// Control characters are not whitespace to UD; they are
			// one-byte symbols like any other punctuation.
			t[c] = cPunct
		default:
			t[c] = cPunct
		}
	}
	return t
}()

// runeKind is the class of a non-ASCII rune.
type runeKind uint8

const (
	rkPunct  runeKind = iota // punctuation and symbols: one token per rune
	rkSpace                  // whitespace: separates tokens
	rkLetter                 // letters and digits: part of words
	rkJoin                   // combining marks and format characters: continue the token they follow
	rkApos                   // right single quotation mark, used as an apostrophe
)

// kindAt classifies the rune at text[i] (text[i] >= 0x80) and returns its width.
// Invalid bytes are one-byte symbols.
func kindAt(text string, i int) (runeKind, rune, int) {
	r, w := utf8.DecodeRuneInString(text[i:])
	return runeKindOf(r), r, w
}

func runeKindOf(r rune) runeKind {
	switch {
	case r == utf8.RuneError:
		return rkPunct
	case r == '\u2019':
		return rkApos
	case r == '\u00ad' || r == '\u200c' || r == '\u200d' || r == '\u2060' || r == '\ufeff' || r == '\u200b':
		// soft hyphen, zero-width (non-)joiner, word joiner, BOM, zero-width
		// space: invisible, they belong to the word they sit in.
		return rkJoin
	case unicode.IsSpace(r):
		return rkSpace
	case unicode.IsLetter(r) || unicode.IsDigit(r):
		return rkLetter
	case unicode.In(r, unicode.Mn, unicode.Me, unicode.Mc, unicode.Cf, unicode.Sk) && r != '\u00b4' && r != '\u02dc':
		// combining marks, format characters, modifier symbols (emoji skin
		// tones are Sk): never the start of a new token.
		return rkJoin
	case r >= 0xfe00 && r <= 0xfe0f:
		return rkJoin // variation selectors
	}
	return rkPunct
}

// isSpaceAt reports whether whitespace starts at text[i] and its width.
func isSpaceAt(text string, i int) (bool, int) {
	c := text[i]
	if c < utf8.RuneSelf {
		return ascii[c] == cSpace, 1
	}
	k, _, w := kindAt(text, i)
	return k == rkSpace, w
}

func isAlnumByte(c byte) bool  { return c < utf8.RuneSelf && ascii[c]&cAlnum != 0 }
func isLetterByte(c byte) bool { return c < utf8.RuneSelf && ascii[c]&cLetter != 0 }
func isDigitByte(c byte) bool  { return c >= '0' && c <= '9' }
func isUpperByte(c byte) bool  { return c >= 'A' && c <= 'Z' }
func isLowerByte(c byte) bool  { return c >= 'a' && c <= 'z' }

// letterAt reports whether a word character (ASCII alnum or a non-ASCII
// letter or digit) starts at text[i], and its width.
func letterAt(text string, i int) (bool, int) {
	if i >= len(text) {
		return false, 0
	}
	c := text[i]
	if c < utf8.RuneSelf {
		return ascii[c]&cAlnum != 0, 1
	}
	k, _, w := kindAt(text, i)
	return k == rkLetter, w
}

// lower folds an ASCII letter.
func lower(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// equalFold reports whether s equals the lower-case ASCII word w, ignoring case.
func equalFold(s, w string) bool {
	if len(s) != len(w) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if lower(s[i]) != w[i] {
			return false
		}
	}
	return true
}
