package tokenize

import (
	"strings"
	"unicode/utf8"
)

// emoticons are kept whole when they stand apart from words.
var emoticons = []string{
	">:-(", ">:(", ":'-(", ":'(", "</3", ":-)", ":-(", ";-)", ":-D", ":-P", ":-p", ":-/", ":-|", ":-O", ":-o",
	":-*", "^_^", "^-^", "-_-", ":)", ":(", ";)", ":D", ":P", ":p", ":/", ":|", ":O", ":o",
	":*", ":S", ":]", ":[", ";D", ";P", ";p", "=)", "=(", "=D", "=P", "<3", "(:", "^^", ":3",
}

// punctNorm maps punctuation to the ASCII form the later stages know.
var punctNorm = map[rune]string{
	'\u201c': "\"", '\u201d': "\"", '\u201e': "\"", '\u201f': "\"", '\u00ab': "\"", '\u00bb': "\"",
	'\u2033': "\"", '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'", '\u2032': "'",
	'\u2013': "-", '\u2014': "--", '\u2015': "--", '\u2010': "-", '\u2011': "-", '\u2012': "-",
	'\u2212': "-", '\u2026': "...", '\u2022': "*", '\u00b7': "*", '\u2043': "-", '\uff0c': ",",
}

// punct tokenizes the punctuation or symbol at text[p] (inside the chunk
// text[s:e]) and returns where its token ends.
func (t *tokenizer) punct(s, p, e int) int {
	text := t.text
	c := text[p]
	if q := emoticonEnd(text, s, p, e); q > p {
		t.emit(p, q, "")
		return q
	}
	if c >= utf8.RuneSelf {
		r, w := utf8.DecodeRuneInString(text[p:])
		switch r {
		case '\u2019':
			return t.apostrophe(s, p, e, w)
		case '\u2018':
			if q := p + w; q+3 <= e && (text[q:q+3] == "\u2019" || text[q:q+3] == "\u2018") {
				t.emit(p, q+3, "\"") // ‘’ and ‘‘ are one double quote
				return q + 3
			}
			if p+w < e && isWordStart(text, p+w) {
				t.openSingle = true
			}
		}
		q := p + w
		// A run of the same symbol is one token (——, …).
		if r != utf8.RuneError {
			for q+w <= e && text[q:q+w] == text[p:p+w] {
				q += w
			}
		}
		norm := ""
		if q == p+w {
			norm = punctNorm[r]
		}
		if r == '\u2026' {
			for q < e && text[q] == '.' {
				q++ // ….
			}
		}
		t.emit(p, q, norm)
		return q
	}
	q := p + 1
	switch c {
	case '.':
		if q < e && isAlnumByte(text[q]) && (p == s || !isAlnumByte(text[p-1]) && text[p-1] != '.') {
			// ".doc", "$.04": a period that starts a word
			for q < e && (isAlnumByte(text[q]) || (text[q] == '.' && q+1 < e && isAlnumByte(text[q+1]))) {
				q++
			}
			break
		}
		for q < e && text[q] == '.' {
			q++
		}
		if q-p == 1 {
			for q < e && (text[q] == '!' || text[q] == '?') {
				q++ // .? .!
			}
		}
	case '!', '?':
		// A run of ! and ?, with one period after it (!.), but not an
		// ellipsis (?... is two words).
		for q < e && (text[q] == '!' || text[q] == '?') {
			q++
		}
		if q < e && text[q] == '.' && (q+1 >= e || text[q+1] != '.') {
			q++
		}
	case '\'', '`':
		return t.apostrophe(s, p, e, 1)
	case '"', '(', '[', ']', '{', '}':
		// always one character each
	case '$':
		if q < e && isLowerByte(text[q]) {
			return t.word(s, p, e) // $ome, $ervice: a word spelled with $
		}
		for q < e && text[q] == '$' {
			q++ // $$$
		}
	case '+':
		if q < e && isDigitByte(text[q]) && (p == s || !isAlnumByte(text[p-1])) {
			return t.word(s, p, e) // +44, +1: a signed number
		}
		for q < e && text[q] == '+' {
			q++
		}
	case '@', '#':
		// @handle, #hashtag (not "#1", which EWT splits)
		if q < e && (isLetterByte(text[q]) || text[q] == '_') && (p == s || !isAlnumByte(text[p-1])) {
			for q < e && (isAlnumByte(text[q]) || text[q] == '_') {
				q++
			}
			break
		}
		for q < e && text[q] == c {
			q++
		}
	case '<', '-', '=', '>':
		q = arrowEnd(text, p, e)
	default:
		// A run of the same character is one token: ** ~~ )).
		for q < e && text[q] == c {
			q++
		}
	}
	t.emit(p, q, "")
	return q
}

// arrowEnd returns the end of a run of -, = , < or > starting at text[p]:
// "--" and "====" and "<<" are runs of one character, and arrows (-> <-
// ===> >=) are one token.
func arrowEnd(text string, p, e int) int {
	c := text[p]
	q := p + 1
	for q < e && text[q] == c {
		q++
	}
	switch {
	case (c == '-' || c == '=') && q < e && text[q] == '>':
		q++ // -> ==>
	case c == '<' && q-p == 1 && q < e && (text[q] == '-' || text[q] == '='):
		d := text[q]
		for q < e && text[q] == d {
			q++ // <- <==
		}
	case c == '>' && q-p == 1 && q < e && text[q] == '=':
		q++ // >=
	}
	return q
}

// decoration reports whether the chunk text[s:e] is a line of symbols such
// as "*~*~*~*" or "---->===}*{===<----", which EWT keeps as one token: at
// least three characters, all from a set of drawing symbols, at least two of
// them different.
func decoration(text string, s, e int) bool {
	if e-s < 3 {
		return false
	}
	first := text[s]
	mixed := false
	for i := s; i < e; i++ {
		switch c := text[i]; c {
		case '-', '=', '_', '*', '~', '+', '<', '>', '|', '#', '{', '}', '^', '.', ':', '/', '\\':
			if c != first {
				mixed = true
			}
		default:
			return false
		}
	}
	return mixed
}

// apostrophe tokenizes an apostrophe or single quote of width w at text[p]:
// a word spelled with a leading apostrophe ('s, 'em, '90s), a doubled quote
// (” or “), or a single opening or closing quote.
func (t *tokenizer) apostrophe(s, p, e, w int) int {
	text := t.text
	q := p + w
	// A leading-apostrophe word: the letters after it, then no more letters.
	j := q
	for j < e && isAlnumByte(text[j]) {
		j++
	}
	if j > q && (j >= e || !isWordStart(text, j)) {
		word := text[q:j]
		lw := len(word)
		if lw <= 5 && leadingApos(word) || (lw >= 2 && lw <= 3 && isDigitByte(word[0]) && isDigitByte(word[1]) && (lw == 2 || (word[2]|0x20) == 's')) {
			norm := ""
			if w > 1 {
				norm = "'" + strings.ToLower(word)
				if _, ok := cliticNorms[norm]; ok {
					norm = cliticNorms[norm]
				}
			}
			t.emit(p, j, norm)
			return j
		}
	}
	// Doubled quote: '' or `` or ’’.
	if q+w <= e && text[q:q+w] == text[p:q] {
		t.emit(p, q+w, "\"")
		return q + w
	}
	// A quote opens before a word at the start of a chunk (or after an
	// opening bracket) and closes otherwise.
	if isWordStart(text, q) && (p == s || !isAlnumByte(text[p-1])) {
		t.openSingle = true
	} else {
		t.openSingle = false
	}
	norm := ""
	switch {
	case w > 1:
		norm = "'"
	case text[p] == '`':
		norm = "'"
	}
	t.emit(p, q, norm)
	return q
}

// cliticNorms interns the normalized leading-apostrophe words so that the
// common ones allocate nothing.
var cliticNorms = map[string]string{
	"'s": "'s", "'m": "'m", "'d": "'d", "'ll": "'ll", "'re": "'re", "'ve": "'ve", "'em": "'em",
}

func leadingApos(word string) bool {
	var buf [5]byte
	for i := 0; i < len(word); i++ {
		buf[i] = lower(word[i])
	}
	return leadingApostrophe[string(buf[:len(word)])]
}

// emoticonEnd returns the end of an emoticon at text[p] in the chunk
// text[s:e], or p. An emoticon must end the chunk or be followed by
// punctuation, and one that starts with a bracket or letter must start the
// chunk, so that "(:" in "f(:x)" and "XD" in "XDR" stay apart.
func emoticonEnd(text string, s, p, e int) int {
	c := text[p]
	switch c {
	case ':', ';', '=', '>':
	case '<', '^', '-', '(':
		if p != s {
			return p // (: -_- ^_^ <3 stand apart
		}
	default:
		return p
	}
	if p+1 >= e {
		return p
	}
	for _, em := range emoticons {
		if !strings.HasPrefix(text[p:e], em) {
			continue
		}
		q := p + len(em)
		if q < e && (isAlnumByte(text[q]) || text[q] >= utf8.RuneSelf) {
			continue
		}
		return q
	}
	return p
}
