// Package segment groups the tokenizer's words into sentences and
// paragraphs. It reads the text and the tokens (offsets into it) and
// decides, between every two tokens, whether a sentence or a paragraph
// ends there:
//
//   - paragraphs end at blank lines, and at single newlines according to the
//     document's line layout (layout.go: one paragraph per line, or
//     hard-wrapped text with indented paragraphs);
//   - sentences end after final punctuation (. ! ? ... and their runs, with
//     closing quotes and brackets) when the next word can start a sentence,
//     which rules out abbreviations and titles (Mr., Gen., U.S. Government),
//     initials, decimals, URLs, e-mail addresses (all single tokens from the
//     tokenizer), ellipses inside a sentence and quotations that go on
//     ("...," he said);
//   - numbered and lettered lists (1) 2) or a. b.) and bullets start
//     sentences;
//   - a learned boundary model (model.go, trained on UD English EWT by
//     `dyad train segmenter`) judges the boundaries punctuation only
//     suggests and, in informal web text, finds those it leaves out; in
//     edited text it adds a boundary without punctuation only when sure.
//     SegmentRules segments without it.
//
// It knows nothing of tags, parses or what later stages do with sentences.
package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyadhq/dyad/internal/tokenize"
	"github.com/dyadhq/dyad/pkg/doc"
)

// Segment returns the sentences of text over toks, in order, covering every
// token.
func Segment(text string, toks []doc.Token) []doc.Sentence {
	return Append(nil, text, toks)
}

// Append appends the sentences of text over toks to dst.
func Append(dst []doc.Sentence, text string, toks []doc.Token) []doc.Sentence {
	if len(toks) == 0 {
		return dst
	}
	s := segmenter{text: text, toks: toks, layout: analyse(text), brk: make([]uint8, len(toks)+1)}
	s.rules()
	if m := defaultModel(); m != nil {
		s.model(m)
	}
	return s.sentences(dst)
}

// SegmentRules is Segment without the learned boundary model: the rules
// alone, for text far from the web genres the model was trained on, and for
// comparison.
func SegmentRules(text string, toks []doc.Token) []doc.Sentence {
	if len(toks) == 0 {
		return nil
	}
	s := segmenter{text: text, toks: toks, layout: analyse(text), brk: make([]uint8, len(toks)+1)}
	s.rules()
	return s.sentences(nil)
}

// rules runs every rule pass.
func (s *segmenter) rules() {
	s.lines()
	s.datelines()
	s.lists()
	s.punctuation()
	s.informal = s.isInformal()
}

// Break flags, per token: what the rules decided about a boundary before it.
const (
	bSentence  = 1 << iota // a sentence starts at this token
	bParagraph             // a paragraph starts at this token
	bKeep                  // no sentence may start at this token (inside a list marker)
	bHard                  // the rules decided for certain; the model leaves it alone
	bRule                  // punctuation says a sentence ends here; the model may disagree
	bRuleNo                // punctuation says the sentence goes on; the model may disagree
)

type segmenter struct {
	text   string
	toks   []doc.Token
	layout layout
	brk    []uint8

	blockEnd   int  // end of the current block of lines (wrapped layout)
	blockFinal bool // a line of that block ends with final punctuation

	informal bool // the text reads as informal web text (model.go)
}

func (s *segmenter) word(i int) string {
	t := &s.toks[i]
	return s.text[t.Start:t.End]
}

// attached reports whether token i follows token i-1 with no space between.
func (s *segmenter) attached(i int) bool {
	return i > 0 && s.toks[i].Start == s.toks[i-1].End
}

// datelines makes the dateline that opens a wire story or a paragraph a
// sentence of its own ("WASHINGTON - Michael Davidoff said", "MOSCOW
// (Reuters) - The Kremlin said"), so that later stages do not read the
// place as part of the name after it. A dateline is one to five words in
// capitals (commas and "ST." allowed), an optional date ("March 26"), an
// optional bracketed agency, then a dash; the word after the dash must be
// capitalized but not in capitals, which leaves headlines such as "U.S. -
// JAPAN TALKS" alone.
func (s *segmenter) datelines() {
	n := len(s.toks)
	for i := 0; i < n; i++ {
		if i > 0 && s.brk[i]&bParagraph == 0 {
			continue
		}
		j, words := i, 0
		for j < n && words <= 5 {
			w := s.word(j)
			if w == "," && words > 0 {
				j++
				continue
			}
			if !capitalsWord(w) {
				break
			}
			words++
			j++
		}
		if words == 0 || words > 5 || j >= n {
			continue
		}
		if j+1 < n && monthNames[strings.TrimSuffix(s.word(j), ".")] && isNumber(s.word(j+1)) {
			j += 2 // "WASHINGTON, March 26 -"
		}
		if s.word(j) == "(" { // (Reuters), (AP)
			k := j + 1
			for k < n && k < j+4 && s.word(k) != ")" {
				k++
			}
			if k >= n || s.word(k) != ")" {
				continue
			}
			j = k + 1
		}
		if j+1 >= n || !isDash(s.word(j)) || s.brk[j+1]&bParagraph != 0 {
			continue
		}
		if next := s.word(j + 1); !startsUpper(next) || capitalsWord(next) && len(next) > 1 {
			continue
		}
		s.brk[j+1] |= bSentence | bHard
	}
}

// monthNames are the months as a dateline writes them, in full or cut.
var monthNames = map[string]bool{
	"January": true, "February": true, "March": true, "April": true, "May": true, "June": true, "July": true,
	"August": true, "September": true, "October": true, "November": true, "December": true,
	"Jan": true, "Feb": true, "Mar": true, "Apr": true, "Jun": true, "Jul": true, "Aug": true,
	"Sep": true, "Sept": true, "Oct": true, "Nov": true, "Dec": true,
}

func isNumber(w string) bool {
	for i := 0; i < len(w); i++ {
		if !isDigit(w[i]) {
			return false
		}
	}
	return w != ""
}

// capitalsWord reports whether w is a word written in capitals (two
// letters or more, with inner or final periods and hyphens allowed:
// "ST.", "U.S.", "DAR-ES-SALAAM").
func capitalsWord(w string) bool {
	letters := 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= 'A' && c <= 'Z':
			letters++
		case c == '.' || c == '-' || c == '\'':
		default:
			return false
		}
	}
	return letters >= 2
}

func isDash(w string) bool { return w == "-" || w == "--" || w == "\u2014" || w == "\u2013" }

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// lines marks the paragraph and sentence breaks that newlines make.
func (s *segmenter) lines() {
	text := s.text
	for i := 1; i < len(s.toks); i++ {
		a, b := s.toks[i-1].End, s.toks[i].Start
		if b-a == 0 || (b-a == 1 && text[a] == ' ') {
			continue
		}
		nl, last := 0, -1
		for k := a; k < b; k++ {
			if text[k] == '\n' {
				nl++
				last = k
			}
		}
		switch {
		case nl == 0:
			continue
		case nl >= 2 || s.layout.lineMode:
			s.brk[i] |= bParagraph | bSentence | bHard
			continue
		case last+1 < b:
			// indented line: a new paragraph (Reuters), or a table row
			s.brk[i] |= bParagraph | bSentence | bHard
			continue
		}
		if a >= s.blockEnd {
			s.blockFinal, s.blockEnd = blockHasFinal(text, blockStart(text, a))
		}
		if !s.blockFinal {
			s.brk[i] |= bSentence | bHard
			continue
		}
		if !startsSentence(text, b) {
			continue
		}
		line := lineAt(text, last)
		if 10*len(line) < 6*s.layout.width && !endsSentence(line) && !endsClause(line) {
			s.brk[i] |= bSentence | bHard
		}
	}
}

// blockStart returns where the line holding text[i] starts.
func blockStart(text string, i int) int {
	return strings.LastIndexByte(text[:i], '\n') + 1
}

// startsSentence reports whether the word at text[i] could begin a
// sentence on its own: a capital, a digit or a bullet.
func startsSentence(text string, i int) bool {
	c := text[i]
	if c < utf8.RuneSelf {
		return isUpper(c) || isDigit(c) || c == '*' || c == '-' || c == '"' || c == '(' || c == '#'
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return isBullet(r) || r == '\u201c' || r == '\u2018' || isUpperRune(r)
}

// punctuation marks the sentence ends that punctuation makes.
func (s *segmenter) punctuation() {
	n := len(s.toks)
	for i := 0; i < n-1; i++ {
		w := s.word(i)
		if r, _ := utf8.DecodeRuneInString(w); isBullet(r) && len(w) == utf8.RuneLen(r) && i > 0 {
			s.brk[i] |= bSentence | bHard
			continue
		}
		kind := terminal(w)
		if kind == tNone {
			continue
		}
		if kind == tDot && w == "." {
			if g, ok := s.spacedEllipsis(i); ok {
				i = g
				continue
			}
		}
		if kind == tEllipsis && i > 0 && s.attached(i) && s.word(i-1) == "[" {
			continue // [...] marks an elision
		}
		k := s.closers(i)
		next := k + 1
		if next >= n || s.brk[next]&(bSentence|bKeep|bHard|bRuleNo) != 0 {
			i = k
			continue
		}
		if kind == tAbbrev {
			// The tokenizer kept the period on the word because the
			// sentence goes on; after a title, initial or dotted
			// abbreviation (U.S. Banks), or before a lower-case word, that
			// is certain; before a capital the model may still see an end
			// ("Corp. Analysts").
			ak := tokenize.AbbrevOf(w)
			nw, _ := tokenize.NextWord(s.text, s.toks[k].End)
			switch {
			case tokenize.AbbrevEnds(ak, nw, false):
				s.brk[next] |= bSentence | bRule
			case ak == tokenize.Prefix || ak == tokenize.Initial || ak == tokenize.Dotted || !s.canStart(next):
				s.brk[next] |= bHard
			default:
				s.brk[next] |= bRuleNo
			}
			i = k
			continue
		}
		if s.canStart(next) {
			s.brk[next] |= bSentence | bRule
			if kind == tDot && next == i+1 && s.attached(next) && s.attached(i) {
				// "world.Today": the tokenizer split a period from the
				// words on both sides, a sentence end typed without its
				// space; the model, which seldom saw one, does not
				// overrule it.
				s.brk[next] |= bHard
			}
		} else if s.quoteGoesOn(i, k) {
			// "'This is great.' she said": a quotation closed by its
			// final punctuation and a quote, then a lower-case word, is
			// part of the sentence that reports it.
			s.brk[next] |= bHard
		} else if kind != tDot || !s.attached(i) || next-i > 1 {
			// A bare period before a lower-case word is left open ("...
			// we met. i think"); ! ? ... runs before one stay inside the
			// sentence (Yahoo! in).
			s.brk[next] |= bRuleNo
		}
		i = k
	}
}

// quoteGoesOn reports whether the closers i+1..k after final punctuation
// hold a closing quote and a lower-case word follows (not a URL, which web
// text often puts after a quotation, as its own sentence).
func (s *segmenter) quoteGoesOn(i, k int) bool {
	quote := false
	for j := i + 1; j <= k; j++ {
		switch s.word(j) {
		case "'", "\"", "\u2019", "\u201d":
			quote = true
		}
	}
	if !quote {
		return false
	}
	w := s.word(k + 1)
	if !isLower(w[0]) {
		return false
	}
	for j := 0; j < len(w); j++ {
		if c := w[j]; !isLower(c) && !isUpper(c) && c != '\'' && c != '-' {
			return false
		}
	}
	return true
}

// closers returns the last of the closing quotes and brackets attached
// after token i.
func (s *segmenter) closers(i int) int {
	k := i
	for k+1 < len(s.toks) && s.attached(k+1) && s.brk[k+1]&bSentence == 0 && isCloser(s.word(k+1)) {
		k++
	}
	return k
}

// canStart reports whether token i, after final punctuation, begins a new
// sentence: a capitalized word, a number, an opening quote or bracket, a
// symbol; not a lower-case word or a continuing mark (, ; : % ) ]).
func (s *segmenter) canStart(i int) bool {
	w := s.word(i)
	c := w[0]
	if c < utf8.RuneSelf {
		switch {
		case isLower(c):
			return false
		case isUpper(c) || isDigit(c):
			return true
		}
		switch c {
		case ',', ';', ':', '%', ')', ']', '}', '.', '!', '?':
			return false
		}
		return true
	}
	r, _ := utf8.DecodeRuneInString(w)
	switch {
	case isUpperRune(r):
		return true
	case isLowerRune(r):
		return false
	case r == '\u201d' || r == '\u2019' || r == '\u2026':
		return false
	}
	return true
}

// spacedEllipsis handles ". . ." written with spaces, starting at the
// period token i. Three spaced periods are an ellipsis inside a sentence;
// four (". . . .") end one; a period attached to the word before followed by
// three spaced ones ends the sentence at the first period when a capitalized
// word follows, the ellipsis then opening the next. It returns the last
// token of the group and whether there was one.
func (s *segmenter) spacedEllipsis(i int) (int, bool) {
	g := i
	for g+1 < len(s.toks) && s.word(g+1) == "." && !s.attached(g+1) && s.brk[g+1]&bSentence == 0 {
		g++
	}
	m := g - i + 1
	if m < 3 {
		return i, false
	}
	attached := s.attached(i) && i > 0 && s.word(i-1) != "."
	k := s.closers(g)
	next := k + 1
	if next >= len(s.toks) || s.brk[next]&bSentence != 0 {
		return k, true
	}
	capNext := s.canStart(next) && isUpperWord(s.word(next))
	switch {
	case attached && m >= 4:
		if capNext {
			s.brk[i+1] |= bSentence | bHard
		}
		s.brk[next] |= bHard
	case m == 3:
		s.brk[next] |= bHard
	default:
		if s.canStart(next) {
			s.brk[next] |= bSentence
		}
		s.brk[next] |= bHard
	}
	return k, true
}

// Terminal kinds of a token.
const (
	tNone     = iota
	tDot      // one or more periods
	tMark     // a run of . ! ? holding ! or ?
	tEllipsis // … or ... (three or more periods)
	tAbbrev   // an abbreviation or initial with its period
)

func terminal(w string) int {
	if c := w[0]; c < utf8.RuneSelf && c != '.' && c != '!' && c != '?' && w[len(w)-1] != '.' {
		return tNone // the common case: a word or punctuation without a period
	}
	switch w {
	case ".":
		return tDot
	case "!", "?":
		return tMark
	case "\u2026":
		return tEllipsis
	}
	c := w[0]
	if c == '.' || c == '!' || c == '?' {
		dots := 0
		for i := 0; i < len(w); i++ {
			switch w[i] {
			case '.':
				dots++
			case '!', '?':
			default:
				if w[i:] == "\u2026" {
					return tEllipsis
				}
				return tNone
			}
		}
		if dots == len(w) {
			if dots >= 3 {
				return tEllipsis
			}
			return tDot
		}
		return tMark
	}
	if len(w) >= 2 && w[len(w)-1] == '.' && w[len(w)-2] != '.' && (isLetterByte(w[0]) || w[0] >= utf8.RuneSelf) {
		return tAbbrev
	}
	return tNone
}

// isCloser reports whether a token closes a quotation or bracket.
func isCloser(w string) bool {
	switch w {
	case "\"", "'", ")", "]", "}", "''", "\u201d", "\u2019", "\u00bb", "\u203a":
		return true
	}
	return false
}

func isBullet(r rune) bool {
	switch r {
	case '\u2022', '\u2043', '\u25e6', '\u25aa', '\u2023', '\u25cf', '\u2219', '\u25a0', '\u27a2':
		return true
	}
	return false
}

func isUpper(c byte) bool      { return c >= 'A' && c <= 'Z' }
func isLower(c byte) bool      { return c >= 'a' && c <= 'z' }
func isDigit(c byte) bool      { return c >= '0' && c <= '9' }
func isLetterByte(c byte) bool { return isUpper(c) || isLower(c) }

// isUpperWord reports whether w starts with a capital letter.
func isUpperWord(w string) bool {
	if w == "" {
		return false
	}
	if w[0] < utf8.RuneSelf {
		return isUpper(w[0])
	}
	r, _ := utf8.DecodeRuneInString(w)
	return isUpperRune(r)
}

// sentences turns the break flags into sentences.
func (s *segmenter) sentences(dst []doc.Sentence) []doc.Sentence {
	first, para := 0, 0
	for i := 1; i <= len(s.toks); i++ {
		if i < len(s.toks) && s.brk[i]&bSentence == 0 {
			continue
		}
		dst = append(dst, doc.Sentence{Start: s.toks[first].Start, End: s.toks[i-1].End,
			First: first, Last: i, Paragraph: para})
		if i < len(s.toks) && s.brk[i]&bParagraph != 0 {
			para++
		}
		first = i
	}
	return dst
}
