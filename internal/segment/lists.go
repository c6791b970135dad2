package segment

import (
	"unicode"
	"unicode/utf8"
)

// listMarker is a candidate list-item marker: "1." "2)" "3.)" "a." "b)".
type listMarker struct {
	tok   int  // the number or letter
	delim int  // the last token of the marker (the period or bracket)
	val   int  // its value: 1 for "1" and for "a"
	alpha bool // a letter, not a number
}

// lists finds numbered and lettered lists written inline or one item per
// line ("1) The first item 2) The second item", "a. ... b. ... c. ..."): a
// marker is a number of one or two digits or a lower-case letter, followed
// by "." ")" or ".)", standing apart from the word before, and followed by a
// word. Markers count as a list only when consecutive ones run in sequence
// (1 then 2, a then b), so that a stray "2." stays a number ending a
// sentence. Every item of a list starts a sentence (at its bullet, if one
// precedes it), and no sentence ends inside a marker.
func (s *segmenter) lists() {
	var prev listMarker
	havePrev := false
	for i := 0; i < len(s.toks)-1; i++ {
		if t := &s.toks[i]; t.End-t.Start > 2 {
			continue // markers are one or two characters
		}
		m, ok := s.marker(i)
		if !ok {
			continue
		}
		if havePrev && m.alpha == prev.alpha && m.val == prev.val+1 {
			s.markItem(prev)
			s.markItem(m)
		}
		prev, havePrev = m, true
		i = m.delim
	}
}

func (s *segmenter) marker(i int) (listMarker, bool) {
	w := s.word(i)
	m := listMarker{tok: i, delim: i}
	switch {
	case len(w) == 1 && isDigit(w[0]):
		m.val = int(w[0] - '0')
	case len(w) == 2 && isDigit(w[0]) && isDigit(w[1]):
		m.val = int(w[0]-'0')*10 + int(w[1]-'0')
	case len(w) == 1 && isLower(w[0]):
		m.val, m.alpha = int(w[0]-'a')+1, true
	case len(w) == 2 && isLower(w[0]) && w[1] == '.':
		m.val, m.alpha = int(w[0]-'a')+1, true
	default:
		return m, false
	}
	// It stands apart: at the start, after a space, or after a bullet.
	if i > 0 && s.attached(i) && !isBulletWord(s.word(i-1)) {
		return m, false
	}
	d := i
	if len(w) == 2 && w[1] == '.' {
		// "a." with its period
	} else if d+1 < len(s.toks) && s.attached(d+1) && (s.word(d+1) == "." || s.word(d+1) == ")") {
		d++
	} else {
		return m, false
	}
	if s.word(d) != ")" && d+1 < len(s.toks) && s.attached(d+1) && s.word(d+1) == ")" {
		d++
	}
	if d+1 >= len(s.toks) || s.attached(d+1) {
		return m, false
	}
	if r, _ := utf8.DecodeRuneInString(s.word(d + 1)); !unicode.IsLetter(r) {
		return m, false
	}
	m.delim = d
	return m, true
}

// markItem makes the list item at m start a sentence.
func (s *segmenter) markItem(m listMarker) {
	start := m.tok
	if start > 0 && isBulletWord(s.word(start-1)) {
		start--
	}
	if start > 0 {
		s.brk[start] |= bSentence | bHard
	}
	for k := m.tok + 1; k <= m.delim; k++ {
		s.brk[k] |= bKeep | bHard
	}
	s.brk[m.delim+1] |= bHard
}

func isBulletWord(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	return n == len(w) && (isBullet(r) || r == '-' || r == '*')
}

func isUpperRune(r rune) bool { return unicode.IsUpper(r) }
func isLowerRune(r rune) bool { return unicode.IsLower(r) }
