// Package tokenize splits text into words (UD syntactic words) with byte
// offsets into the text, following the conventions of UD English EWT:
// punctuation, hyphens and slashes are split off the way EWT splits them,
// URLs, e-mail addresses, @handles, #hashtags, numbers, abbreviations and
// emoticons stay whole, and contractions and possessives become multiword
// tokens (don't = do + n't, Bush's = Bush + 's) whose parts are all
// substrings of the text, every part but the last marked Fused.
//
// It reads bytes through lookup tables, allocates no string per token (words
// are offsets; a normalized form is a constant string, except for the rare
// word with a curly apostrophe inside it) and uses no regular expressions.
// It knows nothing of sentences, tags or documents beyond the text it is
// given; the one piece of sentence knowledge it needs (does this "Inc." end
// a sentence, so that its period is a word of its own, as EWT has it?) it
// shares with the segmenter through AbbrevOf and AbbrevEnds.
package tokenize

import (
	"strings"
	"unicode/utf8"

	"github.com/dyadhq/dyad/pkg/doc"
)

// Tokenize returns the words of text. Every token t keeps
// text[t.Start:t.End] as its surface and Head -1 (unparsed).
func Tokenize(text string) []doc.Token {
	return Append(make([]doc.Token, 0, len(text)/5+1), text)
}

// Append appends the words of text to dst and returns the extended slice,
// so that a caller can reuse one slice across documents.
func Append(dst []doc.Token, text string) []doc.Token {
	t := tokenizer{text: text, toks: dst}
	t.run()
	return t.toks
}

type tokenizer struct {
	text string
	toks []doc.Token
	// hasAt tells that the chunk being tokenized holds an "@".
	hasAt bool
	// openSingle is set after an opening single quote ('normal' or ‘x’)
	// until it closes or the paragraph ends, so that the quote closing
	// "the 'others'" is not read as a possessive apostrophe.
	openSingle bool
}

func (t *tokenizer) run() {
	text := t.text
	n := len(text)
	newlines := 0
	for i := 0; i < n; {
		c := text[i]
		if c < utf8.RuneSelf {
			if ascii[c] == cSpace {
				if c == '\n' {
					if newlines++; newlines >= 2 {
						t.openSingle = false
					}
				}
				i++
				continue
			}
		} else if k, _, w := kindAt(text, i); k == rkSpace {
			i += w
			continue
		}
		newlines = 0
		j, at := chunkEnd(text, i)
		t.hasAt = at
		t.chunk(i, j)
		if j < n {
			t.toks[len(t.toks)-1].SpaceAfter = true
		}
		i = j
	}
}

// chunkEnd returns the end of the run of non-space characters starting at
// i, and whether it holds an "@" (which may make an e-mail address).
func chunkEnd(text string, i int) (int, bool) {
	at := false
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case ascii[c] == cSpace:
				return i, at
			case c == '@':
				at = true
			}
			i++
			continue
		}
		k, _, w := kindAt(text, i)
		if k == rkSpace {
			return i, at
		}
		i += w
	}
	return i, at
}

// emit appends the word text[s:e].
func (t *tokenizer) emit(s, e int, norm string) {
	t.toks = append(t.toks, doc.Token{Start: s, End: e, Norm: norm, Head: -1})
}

// emitFused appends text[s:e] as a non-final part of a multiword token.
func (t *tokenizer) emitFused(s, e int, norm string) {
	t.toks = append(t.toks, doc.Token{Start: s, End: e, Norm: norm, Fused: true, Head: -1})
}

// chunk tokenizes text[s:e], which holds no whitespace, covering every byte.
func (t *tokenizer) chunk(s, e int) {
	text := t.text
	// The common case first: a plain word of ASCII letters, alone or with
	// a comma after it, which no later rule could split.
	q := s
	for q < e && text[q] < utf8.RuneSelf && ascii[text[q]]&cLetter != 0 {
		q++
	}
	if n := q - s; n > 0 && (q == e || (q == e-1 && text[q] == ',')) && (n < 2 || n > maxBare || !mayBeBare(text[s:q])) {
		t.emit(s, q, "")
		if q < e {
			t.emit(q, e, "")
		}
		return
	}
	if c := text[s]; c < utf8.RuneSelf && ascii[c]&cPunct != 0 && decoration(text, s, e) {
		t.emit(s, e, "")
		return
	}
	for p := s; p < e; {
		c := text[p]
		if c < utf8.RuneSelf {
			if ascii[c]&cAlnum != 0 {
				if q := fileNameEnd(text, p, e); q > p {
					t.emit(p, q, "")
					p = q
					continue
				}
				p = t.word(s, p, e)
			} else {
				p = t.punct(s, p, e)
			}
			continue
		}
		k, _, w := kindAt(text, p)
		switch k {
		case rkLetter:
			p = t.word(s, p, e)
		case rkJoin:
			// A combining mark or format character continues the token
			// before it; at the start of a chunk it starts a word.
			if n := len(t.toks); p > s && n > 0 && t.toks[n-1].End == p {
				t.toks[n-1].End = p + w
				p += w
			} else {
				p = t.word(s, p, e)
			}
		default:
			p = t.punct(s, p, e)
		}
	}
}

// word tokenizes the word starting at text[p] (a letter, digit or joiner)
// and returns where it ends.
func (t *tokenizer) word(s, p, e int) int {
	text := t.text
	if q := urlEnd(text, p, e); q > p {
		t.emit(p, q, "")
		return q
	}
	if t.hasAt {
		if q := emailEnd(text, p, e); q > p {
			t.emit(p, q, "")
			return q
		}
	}
	q, flags := coreEnd(text, p, e)
	if q == p {
		// cannot happen for a letter or digit; keep going on anything else
		_, w := utf8.DecodeRuneInString(text[p:])
		t.emit(p, p+w, "")
		return p + w
	}
	if q < e && text[q] == '!' && q-p == 5 && equalFold(text[p:q], "yahoo") {
		t.emit(p, q+1, "") // the company's name holds its "!"
		return q + 1
	}
	if q < e && text[q] == '.' && t.attachPeriod(p, q, e) {
		t.emit(p, q+1, "")
		return q + 1
	}
	return t.splitClitics(p, q, e, flags)
}

// What coreEnd saw in a word, so that later steps skip what cannot apply.
const (
	wApos      = 1 << iota // an ASCII apostrophe
	wCurly                 // a curly apostrophe (’) or a backtick, to normalize
	wNonLetter             // anything but ASCII letters
)

// coreEnd scans a word from p: letters and digits joined by the inner
// punctuation EWT keeps inside words (1,000.50 10:30 U.S e-mail 9/11 AT&T
// don't site.com). It returns the word's end and what it holds (w* flags).
func coreEnd(text string, p, e int) (int, uint8) {
	q := p
	var flags uint8
	seg := p         // start of the current run of letters and digits
	prev := 0        // class of the last character: cLetter, cDigit or 0
	segLen := 0      // characters in the current run
	letters := false // the word has had a letter
	if c := text[p]; c == '$' || c == '+' {
		flags |= wNonLetter
		q++ // $ome (a word spelled with $), +44
		seg = q
		if c == '$' {
			prev = cLetter
		}
	}
	for q < e {
		c := text[q]
		if c >= utf8.RuneSelf {
			flags |= wNonLetter
			k, r, w := kindAt(text, q)
			switch {
			case k == rkLetter:
				prev, letters = cLetter, true
			case k == rkJoin:
			case k == rkApos && q+w < e && isWordStart(text, q+w):
				flags |= wCurly
				prev = 0
				seg, segLen = q+w, -1
			case (r == '\u00b0' || r == '\u00ba') && segLen == 1 && (text[q-1]|0x20) == 'n':
				// N° (numero) is one word.
			default:
				return q, flags
			}
			q += w
			segLen++
			continue
		}
		if cl := ascii[c]; cl&cAlnum != 0 {
			if cl&cDigit != 0 {
				flags |= wNonLetter
				prev = cDigit
			} else {
				if prev == cDigit && !letters && !unitKept(text, q, e) {
					return q, flags // 7am, 35mm, 65k: number and unit are two words
				}
				prev, letters = cLetter, true
			}
			q++
			segLen++
			continue
		}
		if q+1 >= e {
			if c == '$' && prev == cLetter && segLen >= 2 {
				return q + 1, flags | wNonLetter // Thi$, US$
			}
			return q, flags
		}
		nx := text[q+1]
		ok := false
		switch c {
		case '.':
			switch {
			case prev == cDigit && isDigitByte(nx):
				ok = true
			case prev == cDigit && isLetterByte(nx):
				// 1.DOC stays whole, 1,000.That is a missing space.
				ok = !capitalizedAt(text, q+1, e)
			case prev == cLetter && isDigitByte(nx):
				ok = true
			case prev == cLetter && isLetterByte(nx):
				// U.S.A, Ph.D and site.com are words; "them.lol" and
				// "world.Today" are a missing space.
				if segLen <= 2 && shortLetters(text, q+1, e, 2) {
					ok = true
				} else if j := hostEnd(text, q+1, e); j > 0 {
					return j, flags
				}
			}
		case ',':
			ok = prev == cDigit && thousands(text, q+1, e)
		case ':':
			ok = prev == cDigit && isDigitByte(nx)
		case '-':
			switch {
			case prev == cDigit && isDigitByte(nx):
				ok = keepNumberHyphen(text, seg, q, e)
			case prev == cLetter && isAlnumByte(nx) && seg == p:
				ok = isHyphenPrefix(text[seg:q])
			}
		case '/':
			switch {
			case prev == cDigit && isDigitByte(nx):
				// dates and 9/11 stay whole; 1/2 and 3/4 are split
				ok = segLen > 1 || (q+2 < e && (isDigitByte(text[q+2]) || text[q+2] == '/'))
			case prev == cLetter && segLen == 1 && isLetterByte(nx) && (q+2 >= e || !isAlnumByte(text[q+2])):
				ok = true // l/c, w/o
			}
		case '&':
			// AT&T, PG&E, P&L, B&B
			ok = prev == cLetter && segLen <= 3 && isLetterByte(nx) && shortLetters(text, q+1, e, 3)
		case '\'', '`':
			ok = prev != 0 && isWordStart(text, q+1)
		case '_':
			ok = prev != 0 && isAlnumByte(nx)
		case '*':
			ok = prev == cLetter && isLetterByte(nx) // censored: sh*t
		case '$':
			switch {
			case prev == cLetter && (isLetterByte(nx) || nx == '$'):
				ok = true // me$$age, co$t
			case prev == cLetter && segLen >= 2:
				return q + 1, flags | wNonLetter // Ye$, US$ before a number
			}
		}
		if !ok {
			return q, flags
		}
		switch c {
		case '\'':
			flags |= wApos
		case '`':
			flags |= wCurly
		}
		flags |= wNonLetter
		q++
		seg, segLen, prev = q, 0, 0
		if c == '$' || c == '*' {
			prev = cLetter
		}
	}
	return q, flags
}

// unitKept reports whether the letters at text[i] that follow a number stay
// in its word: ordinals (1st 22nd 4th), decades (1990s) and one capital
// (83N); units, magnitudes and times are split off (7am 35mm 65k 39K 80Hz).
func unitKept(text string, i, e int) bool {
	j := i
	for j < e && isLetterByte(text[j]) {
		j++
	}
	if j < e && isDigitByte(text[j]) {
		return true // a code: 3143C1, 2d4
	}
	w := text[i:j]
	if w == "K" || w == "M" || w == "B" || w == "BN" {
		return false // magnitudes: 39K, 13.9M, 2B
	}
	if upperWord(w) && !equalFold(w, "am") && !equalFold(w, "pm") {
		return true // 10MM, 4105SF
	}
	switch len(w) {
	case 1:
		return isUpperByte(w[0]) || w[0] == 's'
	case 2:
		return equalFold(w, "st") || equalFold(w, "nd") || equalFold(w, "rd") || equalFold(w, "th")
	}
	return false
}

func upperWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if !isUpperByte(w[i]) {
			return false
		}
	}
	return true
}

// keepNumberHyphen decides a hyphen between digits at text[q]: phone
// numbers and identifiers stay whole (713-853-3989, 646-8420, x3-9890), ranges
// are split (3-5, 80-120, 5:00-8:30).
func keepNumberHyphen(text string, seg, q, e int) bool {
	before := q - seg
	j := q + 1
	for j < e && isDigitByte(text[j]) {
		j++
	}
	after := j - q - 1
	switch {
	case before == 4 && after == 4 && yearAt(text, q-4, q) && yearAt(text, q+1, j) && text[q+1:j] > text[q-4:q]:
		return false // a span of years: 1969-1970
	case after >= 4:
		return true
	case j+1 < e && text[j] == '-' && isDigitByte(text[j+1]):
		return true // three parts: 1-800-991-9019, 11-20-2000
	}
	return before > 0 && seg > 0 && text[seg-1] == '-' // a later hyphen of a kept number
}

// fileNameEnd returns the end of a file name that starts at text[s] and
// fills the rest of the chunk text[:e] but for closing punctuation ("ld2d-#69366-1.DOC", "Em-enro2.doc,"),
// or s. A name with punctuation inside is kept whole only when it ends in a
// known file extension; a URL, a path with slashes and a name with
// brackets (split in EWT) are left to the other rules.
func fileNameEnd(text string, s, e int) int {
	q := e
	for q > s && strings.IndexByte(",;:)]>\"'!?", text[q-1]) >= 0 {
		q--
	}
	dot := strings.LastIndexByte(text[s:q], '.')
	if dot <= 0 || !isAlnumByte(text[s]) || !inLower(text[s+dot+1:q], fileExtensions) {
		return s
	}
	inner := false
	for i := s; i < s+dot; i++ {
		c := text[i]
		if c >= utf8.RuneSelf || strings.IndexByte("/@\\()[]{}<>", c) >= 0 {
			return s
		}
		if !isAlnumByte(c) && c != '.' {
			inner = true
		}
	}
	if !inner {
		return s // plain names (notes.doc) are kept whole by the word rules already
	}
	return q
}

// yearAt reports whether text[p:q] is a year of four digits from 1000 to
// 2099. Its "'s" is a possessive ("1986's profits") unless it is a decade
// ("the 1980's").
func yearAt(text string, p, q int) bool {
	if q-p != 4 {
		return false
	}
	for i := p; i < q; i++ {
		if !isDigitByte(text[i]) {
			return false
		}
	}
	return text[p] == '1' || (text[p] == '2' && text[p+1] == '0')
}

// shortLetters reports whether at most n letters start at text[i] and no
// letter or digit follows them.
func shortLetters(text string, i, e, n int) bool {
	j := i
	for j < e && isLetterByte(text[j]) {
		j++
	}
	return j-i <= n && (j >= e || !isAlnumByte(text[j]))
}

// isWordStart reports whether a letter starts at text[i].
func isWordStart(text string, i int) bool {
	if i >= len(text) {
		return false
	}
	c := text[i]
	if c < utf8.RuneSelf {
		return ascii[c]&cLetter != 0
	}
	k, _, _ := kindAt(text, i)
	return k == rkLetter
}

// capitalizedAt reports whether an upper-case letter followed by a
// lower-case one starts at text[i].
func capitalizedAt(text string, i, e int) bool {
	return i+1 < e && isUpperByte(text[i]) && isLowerByte(text[i+1])
}

// hostEnd returns the end of the dotted name continuing at text[i] when it
// ends in a top-level domain or a file extension (site.com, notes.doc,
// mail.yahoo.co.uk) or is a lower-case newsgroup name with two periods or
// more (comp.sources.unix), so that its periods are inside one word; else -1.
func hostEnd(text string, i, e int) int {
	last, dots := i, 0
	j := i
	for j < e {
		c := text[j]
		switch {
		case isAlnumByte(c) || c == '-' || c == '_':
		case c == '.' && j+1 < e && isAlnumByte(text[j+1]):
			last = j + 1
			dots++
		default:
			return hostOK(text, i, last, j, dots)
		}
		j++
	}
	return hostOK(text, i, last, j, dots)
}

func hostOK(text string, i, last, j, dots int) int {
	for j > last && (text[j-1] == '-' || text[j-1] == '_') {
		j--
	}
	if suffixKnown(text[last:j]) || (dots > 0 && allLower(text[i:j])) {
		return j
	}
	return -1
}

// allLower reports whether s has no upper-case ASCII letter (newsgroup
// names such as comp.sources.unix).
func allLower(s string) bool {
	for i := 0; i < len(s); i++ {
		if isUpperByte(s[i]) {
			return false
		}
	}
	return true
}

func suffixKnown(w string) bool { return inLower(w, topLevelDomains, fileExtensions) }

// inLower reports whether w, of two to four bytes, is in one of sets once
// lower-cased (domain endings and file extensions).
func inLower(w string, sets ...map[string]bool) bool {
	if len(w) < 2 || len(w) > 4 {
		return false
	}
	var buf [4]byte
	for k := 0; k < len(w); k++ {
		buf[k] = lower(w[k])
	}
	for _, set := range sets {
		if set[string(buf[:len(w)])] {
			return true
		}
	}
	return false
}

// thousands reports whether text[i:] starts with three digits not followed
// by another digit (the group after a thousands comma).
func thousands(text string, i, e int) bool {
	if i+3 > e {
		return false
	}
	for k := i; k < i+3; k++ {
		if !isDigitByte(text[k]) {
			return false
		}
	}
	return i+3 == e || !isDigitByte(text[i+3])
}

// attachPeriod decides whether the period at text[q] belongs to the word
// text[p:q]: it does for an abbreviation or initial, unless the period also
// ends the sentence (EWT then writes the abbreviation and the period as two
// words: "Inc" ".").
func (t *tokenizer) attachPeriod(p, q, e int) bool {
	text := t.text
	kind := AbbrevOf(text[p:q])
	if kind == NotAbbrev || kind == Initial && p > 0 && isDigitByte(text[p-1]) {
		return false // "$13.9M." is a magnitude and a full stop, not an initial
	}
	if q+1 < e {
		// "U.S.," and "Inc.)" keep their period, and "U.S.." is "U.S."
		// and "."; "etc..." is a word and an ellipsis.
		return text[q+1] != '.' || q+2 >= e || text[q+2] != '.'
	}
	next, end := NextWord(text, q+1)
	return !AbbrevEnds(kind, next, end)
}

// AbbrevEnds reports whether a sentence ends after an abbreviation of the
// given kind (with its period) when next is the following word (opening
// quotes and brackets skipped) and end tells that the paragraph or text ends
// first. Prefixes (Mr., Gen., St.) never end a sentence before a word; other
// abbreviations and initials end one before a capitalized word that commonly
// starts sentences (The, He, How), and run on into names (U.S. Government,
// Albert I. Jones), numbers and lower-case words.
func AbbrevEnds(kind Abbrev, next string, end bool) bool {
	if end {
		return true
	}
	if kind == Prefix || next == "" || !isUpperByte(next[0]) {
		return false
	}
	return IsStarter(next)
}

// NextWord returns the first word after text[i:], skipping whitespace and
// opening quotes and brackets; end reports that the text or the paragraph
// (a blank line) comes first.
func NextWord(text string, i int) (word string, end bool) {
	a, b, end := nextWord(text, i)
	return text[a:b], end
}

// nextWord is NextWord giving the word's bounds, text[a:b].
func nextWord(text string, i int) (a, b int, end bool) {
	newlines := 0
	for i < len(text) {
		c := text[i]
		if c == '\n' {
			if newlines++; newlines >= 2 {
				return i, i, true
			}
		} else if sp, w := isSpaceAt(text, i); sp {
			i += w
			continue
		} else {
			break
		}
		i++
	}
	if i >= len(text) {
		return i, i, true
	}
	for k := 0; k < 3 && i < len(text); k++ {
		switch c := text[i]; c {
		case '"', '\'', '(', '[', '`':
			i++
			continue
		}
		if strings.HasPrefix(text[i:], "\u201c") || strings.HasPrefix(text[i:], "\u2018") {
			i += 3
			continue
		}
		break
	}
	j := i
	for j < len(text) && isAlnumByte(text[j]) {
		j++
	}
	return i, j, false
}

// urlEnd returns the end of a URL starting at text[p] (http://, https://,
// ftp://, www.), or p. Trailing punctuation is left out, and a closing
// bracket unless the URL opened one.
func urlEnd(text string, p, e int) int {
	c := text[p] | 0x20
	if c != 'h' && c != 'w' && c != 'f' && c != 'm' {
		return p
	}
	rest := text[p:e]
	if !(hasPrefixFold(rest, "http://") || hasPrefixFold(rest, "https://") ||
		hasPrefixFold(rest, "ftp://") || (hasPrefixFold(rest, "mailto:") && len(rest) > 7) ||
		(hasPrefixFold(rest, "www.") && len(rest) > 4 && isAlnumByte(rest[4]))) {
		return p
	}
	q := e
	for q > p {
		switch text[q-1] {
		case '.', ',', ';', ':', '!', '?', '\'', '"', '>':
			q--
			continue
		case ')', ']':
			open := byte('(')
			if text[q-1] == ']' {
				open = '['
			}
			if strings.IndexByte(text[p:q-1], open) < 0 {
				q--
				continue
			}
		}
		break
	}
	// Curly closing quotes after a URL.
	for q-3 > p && (text[q-3:q] == "\u201d" || text[q-3:q] == "\u2019") {
		q -= 3
	}
	return q
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && equalFold(s[:len(prefix)], prefix)
}

// emailEnd returns the end of an e-mail address starting at text[p]
// (local@domain, the domain holding a period or being a bare name as in
// Enron's "John Griffith@ENRON"), or p.
func emailEnd(text string, p, e int) int {
	at := strings.IndexByte(text[p:e], '@')
	if at <= 0 {
		return p
	}
	at += p
	for i := p; i < at; i++ {
		c := text[i]
		if !(isAlnumByte(c) || c == '.' || c == '_' || c == '-' || c == '+' || c == '%') {
			return p
		}
	}
	q := at + 1
	for q < e && (isAlnumByte(text[q]) || text[q] == '.' || text[q] == '-' || text[q] == '_') {
		q++
	}
	for q > at+1 && (text[q-1] == '.' || text[q-1] == '-') {
		q--
	}
	if q == at+1 || !isAlnumByte(text[at+1]) {
		return p
	}
	// The local part may end in "..." (addresses shortened by news
	// archives: mayur...@yahoo.com) but must hold a letter or digit.
	if !isAlnumByte(text[p]) {
		return p
	}
	return q
}

// splitClitics emits the word text[p:q], split into its multiword-token
// parts (do n't, Bush 's, can not, gon na, parents '), and returns where it
// ends (after a possessive apostrophe it took in).
func (t *tokenizer) splitClitics(p, q, e int, flags uint8) int {
	text := t.text
	// Possessive apostrophe after a plural or a name in s, x, z
	// ("parents' house", "Perez' book"); a dropped g ("lovin'") stays in
	// its word.
	if q < e && q-p >= 2 && !t.openSingle {
		last := text[q-1] | 0x20
		if w := apostropheAt(text, q); w > 0 && w == 1 && last == 'n' && (text[q-2]|0x20) == 'i' && q-p >= 4 &&
			(q+w >= e || !isAlnumByte(text[q+w])) {
			t.emit(p, q+w, "")
			return q + w
		}
		if w := apostropheAt(text, q); w > 0 && (last == 's' || last == 'x' || last == 'z') &&
			(q+w >= e || !isWordStart(text, q+w)) {
			t.emitWordParts(p, q, flags)
			t.toks[len(t.toks)-1].Fused = true
			norm := ""
			if w > 1 {
				norm = "'"
			}
			t.emit(q, q+w, norm)
			return q + w
		}
	}
	t.emitWordParts(p, q, flags)
	return q
}

// emitWordParts emits text[p:q] as one word or as the parts of a contraction.
func (t *tokenizer) emitWordParts(p, q int, flags uint8) {
	text := t.text
	curly := flags&wCurly != 0
	// The last apostrophe decides: "don't", "it's", "y'all" (no split).
	for a := q - 1; a > p && flags&(wApos|wCurly) != 0; a-- {
		w := apostropheAt(text, a)
		if w == 0 {
			continue
		}
		suffix := text[a+w : q]
		if (suffix == "t" || suffix == "T") && a-1 > p && (text[a-1]|0x20) == 'n' {
			t.emitApostropheWord(p, a-1, true, curly)
			t.emit(a-1, q, cliticNorm("n't", text[a-1:q], w))
			return
		}
		if k := a - 1; k >= p && isDigitByte(text[k]) && equalFold(suffix, "s") && (!yearAt(text, p, a) || text[k] == '0') {
			break // a plural, kept whole as EWT does: the 1980's, 767's, M16's
		}
		for k, cl := range clitics {
			if equalFold(suffix, cl) {
				t.emitApostropheWord(p, a, true, curly)
				t.emit(a, q, cliticNorm(cliticForms[k], text[a:q], w))
				return
			}
		}
		break
	}
	if n := q - p; n >= 2 && n <= maxBare && flags&wNonLetter == 0 && mayBeBare(text[p:q]) {
		var buf [maxBare]byte
		for i := p; i < q; i++ {
			buf[i-p] = lower(text[i])
		}
		{
			if sp, ok := bareContractions[string(buf[:n])]; ok {
				a, b := p+int(sp.a), p+int(sp.a)+int(sp.b)
				t.emitFused(p, a, "")
				if b < q {
					t.emitFused(a, b, "")
					t.emit(b, q, "")
				} else {
					t.emit(a, b, bareNorm[string(buf[sp.a:n])])
				}
				return
			}
			if cc, ok := contextContractions[string(buf[:n])]; ok && t.contracted(cc, p, q) {
				a := p + int(cc.sp.a)
				t.emitFused(p, a, "")
				t.emit(a, q, cc.norm)
				return
			}
		}
	}
	t.emitApostropheWord(p, q, false, curly)
}

// contracted reports whether the word text[p:q], spelled like the context
// contraction cc, is one here: the next word (not a hyphenated compound:
// "its all-time high") is one of cc.next, and, unless cc.afterWord, no word
// comes right before it.
func (t *tokenizer) contracted(cc contextContraction, p, q int) bool {
	a, b, end := nextWord(t.text, q)
	if end || a == b || !cc.next[t.text[a:b]] {
		return false
	}
	if b < len(t.text) && t.text[b] == '-' {
		return false
	}
	if !cc.afterWord {
		if n := len(t.toks); n > 0 && t.toks[n-1].End > 0 && isAlnumByte(t.text[t.toks[n-1].End-1]) {
			return false
		}
	}
	return true
}

// emitApostropheWord emits a word that may hold a curly apostrophe or a
// backtick inside (O’Brien), normalized to a straight one.
func (t *tokenizer) emitApostropheWord(p, q int, fused, curly bool) {
	norm := ""
	if w := t.text[p:q]; curly && (strings.Contains(w, "\u2019") || strings.IndexByte(w, '`') >= 0) {
		norm = straighten(w)
	}
	if fused {
		t.emitFused(p, q, norm)
	} else {
		t.emit(p, q, norm)
	}
}

// cliticNorm returns the normalized clitic ("'s", "n't") when the surface
// has a curly apostrophe or backtick, else "".
func cliticNorm(norm, surface string, aposWidth int) string {
	if aposWidth == 1 && strings.IndexByte(surface, '`') < 0 {
		return ""
	}
	return norm
}

// straighten replaces curly apostrophes and backticks with "'".
func straighten(s string) string {
	s = strings.ReplaceAll(s, "\u2019", "'")
	return strings.ReplaceAll(s, "`", "'")
}

// apostropheAt returns the width of an apostrophe (' ` or ’) at text[i], or 0.
func apostropheAt(text string, i int) int {
	switch c := text[i]; {
	case c == '\'' || c == '`':
		return 1
	case c == 0xe2 && strings.HasPrefix(text[i:], "\u2019"):
		return 3
	}
	return 0
}
