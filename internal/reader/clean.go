package reader

import (
	"bytes"
	"encoding/binary"
	"unicode/utf8"
)

// Text cleaning for SGML: character references, control characters,
// paragraphs and the wire sign-off. sgml.go states the rules.

// bodySpecial marks the bytes appendBody cannot copy as they are.
var bodySpecial = func() (t [256]bool) {
	for c := 0; c < 0x20; c++ {
		t[c] = c != '\t'
	}
	t[0x7f] = true
	t['&'] = true
	return t
}()

// hasSpecial tells, eight bytes at a time (SWAR), whether w may hold a byte
// appendBody cannot copy as it is: below 0x20, '&', or 0x7f and above (bytes
// from 0x80 up are no problem, but are rare in the archive and cheap to let
// through the slower byte loop). It may answer yes wrongly, never no.
func hasSpecial(w uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	amp := w ^ (ones * '&')
	return ((w-ones*0x20)&^w|w|(w+ones)|(amp-ones)&^amp)&highs != 0
}

// plainRun returns the length of the run of bytes at the start of b that
// appendBody copies as they are.
func plainRun(b []byte) int {
	j := 0
	for j+8 <= len(b) && !hasSpecial(binary.LittleEndian.Uint64(b[j:])) {
		j += 8
	}
	for j < len(b) && !bodySpecial[b[j]] {
		j++
	}
	return j
}

// appendBody appends the cleaned text of src to dst.
func appendBody(dst, src []byte) []byte {
	start := len(dst)
	for i := 0; i < len(src); {
		j := i + plainRun(src[i:])
		dst = append(dst, src[i:j]...)
		if j == len(src) {
			break
		}
		c := src[j]
		i = j + 1
		switch c {
		case '&':
			r, n := entity(src[j:])
			switch {
			case n == 0:
				dst = append(dst, '&')
			case r >= 0:
				i = j + n
				dst = utf8.AppendRune(dst, r)
			default:
				i = j + n
			}
		case '\n':
			dst = trimLineEnd(dst, start)
			n := len(dst) - start
			if n == 0 || n >= 2 && dst[len(dst)-1] == '\n' && dst[len(dst)-2] == '\n' {
				continue // no leading or repeated blank lines
			}
			dst = append(dst, '\n')
			if dst[len(dst)-2] != '\n' && indented(src[i:]) {
				dst = append(dst, '\n')
			}
		}
		// other control characters and '\r' are dropped
	}
	return trimLineEnd(dst, start)
}

// trimLineEnd drops spaces and tabs at the end of dst[start:].
func trimLineEnd(dst []byte, start int) []byte {
	for len(dst) > start && (dst[len(dst)-1] == ' ' || dst[len(dst)-1] == '\t') {
		dst = dst[:len(dst)-1]
	}
	return dst
}

// indented reports whether the line b starts with white space and holds
// more than white space.
func indented(b []byte) bool {
	if len(b) == 0 || b[0] != ' ' && b[0] != '\t' {
		return false
	}
	for _, c := range b {
		switch c {
		case ' ', '\t':
		case '\n', '\r':
			return false
		default:
			return true
		}
	}
	return false
}

// appendInline appends src cleaned to one line: references resolved,
// control characters dropped, white space runs made one space, trimmed.
func appendInline(dst, src []byte) []byte {
	start, space := len(dst), false
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == ' ' || c == '\n' || c == '\t' || c == '\r':
			space = true
			i++
			continue
		case c < 0x20 || c == 0x7f:
			i++
			continue
		}
		if space && len(dst) > start {
			dst = append(dst, ' ')
		}
		space = false
		if c == '&' {
			if r, n := entity(src[i:]); n > 0 {
				i += n
				switch {
				case r == '\n' || r == '\t':
					space = true
				case r >= 0:
					dst = utf8.AppendRune(dst, r)
				}
				continue
			}
		}
		dst = append(dst, c)
		i++
	}
	return dst
}

// entity decodes the character reference at the start of b ('&'). It
// returns the length read (0: not a reference) and the character, or -1 for
// a control character, which is dropped.
func entity(b []byte) (rune, int) {
	if len(b) > 3 && b[1] == '#' {
		i, base := 2, 10
		if b[i] == 'x' || b[i] == 'X' {
			i, base = 3, 16
		}
		v, start := 0, i
		for ; i < len(b) && i-start < 8; i++ {
			d := hexVal(b[i])
			if d < 0 || d >= base {
				break
			}
			v = v*base + d
		}
		if i == start || i >= len(b) || b[i] != ';' {
			return 0, 0
		}
		switch {
		case v == '\n' || v == '\t':
			return rune(v), i + 1
		case v < 0x20 || v >= 0x7f && v < 0xa0 || v > utf8.MaxRune || v >= 0xd800 && v < 0xe000:
			return -1, i + 1
		}
		return rune(v), i + 1
	}
	for _, e := range namedEntities {
		if len(b) > len(e.name) && string(b[1:1+len(e.name)]) == e.name {
			return e.r, 1 + len(e.name)
		}
	}
	return 0, 0
}

var namedEntities = []struct {
	name string
	r    rune
}{{"lt;", '<'}, {"gt;", '>'}, {"amp;", '&'}, {"quot;", '"'}, {"apos;", '\''}}

func hexVal(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// trimSignoff removes the wire sign-off "Reuter" (any case, an "s" or
// dots after it; some stories sign off twice) from the end of b, with the
// white space before it. It must stand at the start of a line, be in
// capitals, or follow the end of a sentence, so that "... said Reuter" is
// kept.
func trimSignoff(b []byte) []byte {
	for range 3 {
		n := len(b)
		if b = trimSignoff1(b); len(b) == n {
			break
		}
	}
	return b
}

func trimSignoff1(b []byte) []byte {
	b = bytes.TrimRight(b, " \t\r\n")
	e := len(b)
	for e > 0 && b[e-1] == '.' {
		e--
	}
	w := e
	for w > 0 && (b[w-1]|0x20) >= 'a' && (b[w-1]|0x20) <= 'z' {
		w--
	}
	word := b[w:e]
	if !bytes.EqualFold(word, []byte("reuter")) && !bytes.EqualFold(word, []byte("reuters")) {
		return b
	}
	k := w
	for k > 0 && (b[k-1] == ' ' || b[k-1] == '\t') {
		k--
	}
	lineStart := k == 0 || b[k-1] == '\n'
	capitals := word[1] == 'E'
	afterStop := k < w && k > 0 && bytes.IndexByte([]byte(".!?\"')"), b[k-1]) >= 0
	if !lineStart && !capitals && !afterStop {
		return b
	}
	return bytes.TrimRight(b[:k], " \t\r\n")
}
