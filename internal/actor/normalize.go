package actor

import (
	"unicode"
	"unicode/utf8"
)

// Text and dictionary terms are cut into the same units, "pieces", so that
// matching does not depend on how a tokenizer split the words:
//
//   - whitespace separates chunks; inside a chunk, letters and digits make a
//     piece and most punctuation separates pieces ("Israeli-Palestinian" is
//     israeli + palestinian, "al-Qaeda" is al + qaeda);
//   - a piece is lower-cased and Latin letters lose their diacritics
//     ("Élysée" -> elysee, "Erdoğan" -> erdogan);
//   - single letters joined by full stops are one piece ("U.S." -> us);
//   - apostrophes inside a word are dropped ("Qa'ida" -> qaida) and a
//     possessive 's is dropped ("Britain's" -> britain);
//   - '@' starts a handle piece ("@POTUS" -> @potus).
//
// Some punctuation is a hard break that no name and no composition crosses:
// commas, colons, brackets, quotes, sentence-final full stops, a blank line.

// piece flags
const (
	pUpper   uint8 = 1 << iota // has an upper-case letter
	pLower                     // has a lower-case letter
	pBreak                     // a hard break precedes the piece
	pAbbrev                    // an abbreviation: "U.S.", "J."
	pHandle                    // starts with '@'
	pDotEnds                   // a full stop follows the piece at the end of its chunk
)

// piece is one normalized word of a text.
type piece struct {
	start, end int32 // bytes in the text (the surface, without a possessive 's)
	k0, k1     int32 // key = scanner.buf[k0:k1]
	flags      uint8
	id, alt    int32 // vocabulary ids of the key and of the token's lemma (-1: none)
}

// scanner cuts text into pieces; it is reused to avoid allocation.
type scanner struct {
	buf    []byte
	pieces []piece
	// abbrev reports whether a piece key is a known abbreviation ("pres",
	// "mr") whose full stop does not end a sentence.
	abbrev func(key []byte) bool
}

func (s *scanner) reset() {
	s.buf = s.buf[:0]
	s.pieces = s.pieces[:0]
}

func (s *scanner) key(p *piece) []byte { return s.buf[p.k0:p.k1] }

// scan appends the pieces of text, whose first byte is at offset base of the
// document.
func (s *scanner) scan(text string, base int) {
	brk := true // nothing joins across the start of a text
	i := 0
	newlines := 0
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' {
				i++
				continue
			}
			if c == '\n' {
				newlines++
				if newlines >= 2 {
					brk = true
				}
				i++
				continue
			}
		} else if r, w := utf8.DecodeRuneInString(text[i:]); unicode.IsSpace(r) {
			i += w
			continue
		}
		newlines = 0
		j := i
		for j < len(text) {
			c := text[j]
			if c < utf8.RuneSelf {
				if c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v' {
					break
				}
				j++
				continue
			}
			r, w := utf8.DecodeRuneInString(text[j:])
			if unicode.IsSpace(r) {
				break
			}
			j += w
		}
		brk = s.chunk(text, i, j, base, brk)
		i = j
	}
}

// chunk scans text[i:j], a run without whitespace. brk says whether a hard
// break precedes it; it returns whether one follows it.
func (s *scanner) chunk(text string, i, j, base int, brk bool) bool {
	first := len(s.pieces)
	dotEnd := false
	for i < j {
		r, w := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(text[i:j])
		}
		handle := r == '@' && i+w < j && isAlnumAt(text, i+w, j)
		if !handle && !isAlnum(r) {
			dotEnd = false
			switch {
			case r == '.':
				dotEnd = i+w == j
			case softSep(r):
			case isApos(r) && len(s.pieces) > first:
				// a closing quote or a plural possessive (Russians')
			default:
				brk = true
			}
			i += w
			continue
		}
		dotEnd = false
		p := piece{start: int32(base + i), k0: int32(len(s.buf)), id: -1, alt: -1}
		if brk {
			p.flags |= pBreak
			brk = false
		}
		if handle {
			p.flags |= pHandle
			s.buf = append(s.buf, '@')
			i += w
		}
		if end, ok := s.abbreviation(text, i, j, &p); ok {
			p.end = int32(base + end)
			p.flags |= pAbbrev
			i = end
		} else {
			for i < j {
				r, w := rune(text[i]), 1
				if r >= utf8.RuneSelf {
					r, w = utf8.DecodeRuneInString(text[i:j])
				}
				if isAlnum(r) {
					s.fold(r, &p)
					i += w
					continue
				}
				if isApos(r) && i+w < j {
					k := i + w
					if (text[k] == 's' || text[k] == 'S') && (k+1 == j || !isAlnumAt(text, k+1, j)) {
						// possessive: the piece ends before it
						p.end = int32(base + i)
						i = k + 1
						goto done
					}
					if isAlnumAt(text, k, j) {
						i = k // an apostrophe inside a word
						continue
					}
				}
				break
			}
			p.end = int32(base + i)
		}
	done:
		p.k1 = int32(len(s.buf))
		s.pieces = append(s.pieces, p)
	}
	if dotEnd && len(s.pieces) > first {
		last := &s.pieces[len(s.pieces)-1]
		last.flags |= pDotEnds
		if last.flags&pAbbrev == 0 && last.k1-last.k0 > 1 && (s.abbrev == nil || !s.abbrev(s.buf[last.k0:last.k1])) {
			return true // a sentence-final full stop
		}
	}
	return brk
}

// abbreviation recognizes single letters joined by full stops ("U.S.",
// "U.N", "e.g.") at text[i:], appending their letters as one key.
func (s *scanner) abbreviation(text string, i, j int, p *piece) (end int, ok bool) {
	n, k := 0, i
	for k < j {
		r, w := utf8.DecodeRuneInString(text[k:j])
		if !unicode.IsLetter(r) {
			break
		}
		if k+w < j && isAlnumAt(text, k+w, j) {
			break // not a single letter
		}
		n++
		k += w
		end = k
		if k < j && text[k] == '.' {
			k++
			end = k
			continue
		}
		break
	}
	if n < 2 {
		return 0, false
	}
	for k := i; k < end; {
		r, w := utf8.DecodeRuneInString(text[k:end])
		if r != '.' {
			s.fold(r, p)
		}
		k += w
	}
	return end, true
}

// fold appends the key form of r and records its case.
func (s *scanner) fold(r rune, p *piece) {
	if r < utf8.RuneSelf {
		c := byte(r)
		switch {
		case c >= 'A' && c <= 'Z':
			p.flags |= pUpper
			c += 'a' - 'A'
		case c >= 'a' && c <= 'z':
			p.flags |= pLower
		}
		s.buf = append(s.buf, c)
		return
	}
	if unicode.Is(unicode.Mn, r) {
		return // a combining accent: "e\u0301" folds like "é"
	}
	if unicode.IsUpper(r) {
		p.flags |= pUpper
	} else if unicode.IsLower(r) {
		p.flags |= pLower
	}
	switch r {
	case 'ß':
		s.buf = append(s.buf, 's', 's')
		return
	case 'Æ', 'æ':
		s.buf = append(s.buf, 'a', 'e')
		return
	case 'Œ', 'œ':
		s.buf = append(s.buf, 'o', 'e')
		return
	case 'Þ', 'þ':
		s.buf = append(s.buf, 't', 'h')
		return
	case 'Ĳ', 'ĳ':
		s.buf = append(s.buf, 'i', 'j')
		return
	case 'Ș', 'ș', 'Ş':
		s.buf = append(s.buf, 's')
		return
	case 'Ț', 'ț':
		s.buf = append(s.buf, 't')
		return
	}
	if r >= 0xC0 && r < 0x180 {
		if b := latinBase[r-0xC0]; b != '*' {
			s.buf = append(s.buf, b)
			return
		}
	}
	s.buf = utf8.AppendRune(s.buf, unicode.ToLower(r))
}

// latinBase maps U+00C0..U+017F to base letters ('*': not a letter or
// handled above).
const latinBase = "aaaaaa*ceeeeiiii" + "dnooooo*ouuuuy*s" + // U+00C0
	"aaaaaa*ceeeeiiii" + "dnooooo*ouuuuy*y" + // U+00E0
	"aaaaaaccccccccdd" + "ddeeeeeeeeeegggg" + // U+0100
	"gggghhhhiiiiiiii" + "ii**jjkkklllllll" + // U+0120
	"lllnnnnnnnnnoooo" + "oo**rrrrrrssssss" + // U+0140
	"ssttttttuuuuuuuu" + "uuuuwwyyyzzzzzzs" // U+0160

func isAlnum(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isAlnumAt(text string, i, j int) bool {
	if i >= j {
		return false
	}
	if c := text[i]; c < utf8.RuneSelf {
		return isAlnum(rune(c))
	}
	r, _ := utf8.DecodeRuneInString(text[i:j])
	return isAlnum(r)
}

func isApos(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

// softSep are separators that join the pieces on both sides.
func softSep(r rune) bool {
	switch r {
	case '-', '‐', '‑', '&', '+', '_', '#', '%', '$', '€', '£', '*', '/', '~':
		return true
	}
	return false
}
