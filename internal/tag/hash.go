package tag

import (
	"unicode"
	"unicode/utf8"
)

// Features are 64-bit hashes built by mixing a template number with the
// hashes of the pieces it joins (words, affixes, tags), so that extracting a
// feature never builds a string.

// mix combines two 64-bit values into a well-spread hash (splitmix64 finaliser).
func mix(a, b uint64) uint64 {
	x := a*0x9E3779B97F4A7C15 + b + 0x632BE59BD9B4E019
	x ^= x >> 30
	x *= 0xBF58476D1CE4E5B9
	x ^= x >> 27
	x *= 0x94D049BB133111EB
	x ^= x >> 31
	return x
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// hashBytes hashes b (FNV-1a, then mixed), salted by kind so that the same
// string as a word and as a suffix differ.
func hashBytes(kind uint64, b []byte) uint64 {
	h := uint64(fnvOffset)
	for _, c := range b {
		h ^= uint64(c)
		h *= fnvPrime
	}
	return mix(kind, h)
}

// hashString is hashBytes for a string, without converting it.
func hashString(kind uint64, s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return mix(kind, h)
}

// Kinds of hashed pieces.
const (
	kWord uint64 = iota + 1
	kLower
	kSuffix
	kPrefix
	kShape
	kTag
	kAmb
	kFlags
	kBoundary
)

// lowerInto appends the lower-case form of s to buf (ASCII fast path).
func lowerInto(buf []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			for _, r := range s[i:] {
				buf = utf8.AppendRune(buf, unicode.ToLower(r))
			}
			return buf
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf
}

// Word flags.
const (
	fDigit = 1 << iota
	fUpper
	fLower
	fAllUpper
	fInitUpper
	fHyphen
	fPunctOnly
	fAt
	fURL
	fPeriod
	fApos
	fAllDigit
)

// shapeInto appends the shape of s to buf: X for upper-case letters, x for
// lower-case, d for digits, other characters as themselves, with runs of the
// same class cut at 3 and the whole at 12. It returns the flags too.
func shapeInto(buf []byte, s string) ([]byte, int) {
	var prev byte
	run := 0
	flags := 0
	nUpper, nLetter, nDigit := 0, 0, 0
	first := true
	for _, r := range s {
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
			nUpper++
			nLetter++
			flags |= fUpper
			if first {
				flags |= fInitUpper
			}
		case unicode.IsLetter(r):
			c = 'x'
			nLetter++
			flags |= fLower
		case unicode.IsDigit(r):
			c = 'd'
			nDigit++
			flags |= fDigit
		default:
			switch r {
			case '-':
				flags |= fHyphen
			case '@':
				flags |= fAt
			case '.':
				flags |= fPeriod
			case '\'', '’':
				flags |= fApos
			}
			if r < utf8.RuneSelf {
				c = byte(r)
			} else {
				c = '~'
			}
		}
		first = false
		if c == prev {
			run++
		} else {
			run = 1
			prev = c
		}
		if run <= 3 && len(buf) < 12 {
			buf = append(buf, c)
		}
	}
	if nLetter == 0 && nDigit == 0 && len(s) > 0 {
		flags |= fPunctOnly
	}
	if nLetter > 1 && nUpper == nLetter {
		flags |= fAllUpper
	}
	if nDigit > 0 && nLetter == 0 && nDigit == utf8.RuneCountInString(s) {
		flags |= fAllDigit
	}
	if hasURLMark(s) {
		flags |= fURL
	}
	return buf, flags
}

// hasURLMark reports whether s looks like a web address or file name.
func hasURLMark(s string) bool {
	for i := 0; i+2 < len(s); i++ {
		switch {
		case s[i] == ':' && s[i+1] == '/' && s[i+2] == '/':
			return true
		case (s[i] == 'w' || s[i] == 'W') && i+3 < len(s) && (s[i+1] == 'w' || s[i+1] == 'W') && (s[i+2] == 'w' || s[i+2] == 'W') && s[i+3] == '.':
			return true
		}
	}
	n := len(s)
	for _, tld := range [...]string{".com", ".org", ".net", ".edu", ".gov", ".htm", ".html"} {
		if n > len(tld) && equalFoldASCII(s[n-len(tld):], tld) {
			return true
		}
	}
	return false
}

func equalFoldASCII(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}
