package quote

import (
	"unicode"
	"unicode/utf8"
)

// span is a run of quoted text [Start, End) in bytes, quote marks included.
type span struct {
	Start, End int
	// Open is set when the quote was still open at the end of its paragraph
	// (a multi-paragraph quote whose last paragraph never closed, or a typo).
	Open bool
	// Single marks a quote in single marks outside any double-quoted text.
	Single bool
}

// isDouble reports whether r is a double quotation mark and, for curly
// marks, which way it faces (+1 opening, -1 closing, 0 either).
func isDouble(r rune) (bool, int) {
	switch r {
	case '"', '\uFF02':
		return true, 0
	case '\u201C', '\u201E', '\u00AB': // “ „ «
		return true, 1
	case '\u201D', '\u00BB': // ” »
		return true, -1
	}
	return false, 0
}

func isSingle(r rune) bool { return r == '\'' || r == '\u2018' || r == '\u2019' }

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// runeBefore and runeAt read the runes around byte offset i (0 when none).
func runeBefore(s string, i int) rune {
	if i <= 0 {
		return 0
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return r
}

func runeAt(s string, i int) (rune, int) {
	if i >= len(s) {
		return 0, 0
	}
	return utf8.DecodeRuneInString(s[i:])
}

// findQuotes returns the quoted spans of text in order. paraStarts are the
// byte offsets where paragraphs after the first begin: a quote still open
// when its paragraph ends stops there, and when the next paragraph opens
// with a quote mark the two are one quote (the convention for a quote that
// runs over several paragraphs). Single-quoted spans are looked for only
// outside double quotes, where they are quotes in their own right (British
// style, or a fragment such as 'cautious'); inside double quotes they are
// part of the quote.
func findQuotes(text string, paraStarts []int) []span {
	var out []span
	open := -1
	para := 0
	lastNonSpace := 0 // end of the last non-space rune before i
	closeOpen := func() {
		out = append(out, span{Start: open, End: lastNonSpace, Open: true})
		open = -1
	}
	for i := 0; i < len(text); {
		for para < len(paraStarts) && i >= paraStarts[para] {
			if open >= 0 {
				closeOpen()
			}
			para++
		}
		if c := text[i]; c < utf8.RuneSelf && c != '"' && c != '`' && c != '\'' {
			// most bytes: plain ASCII, no mark
			if c != ' ' && (c < '\t' || c > '\r') {
				lastNonSpace = i + 1
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		ok, dir := isDouble(r)
		if !ok && i+1 < len(text) && (text[i] == '`' && text[i+1] == '`' || text[i] == '\'' && text[i+1] == '\'') {
			// `` and '' stand for double quotes in older wire and
			// newspaper text (``opening'', ''either way'').
			ok, size = true, 2
			if text[i] == '`' {
				dir = 1
			}
		}
		if ok {
			prev := runeBefore(text, i)
			next, _ := runeAt(text, i+size)
			opening := open < 0
			switch {
			case dir > 0 && open >= 0 && !unicode.IsSpace(prev) && prev != 0 && (next == 0 || unicode.IsSpace(next) || unicode.IsPunct(next)):
				opening = false // a “ used as a closing mark
			case dir < 0 && open < 0 && (prev == 0 || unicode.IsSpace(prev)) && isWordRune(next):
				opening = true // a ” used as an opening mark
			case dir < 0:
				opening = false
			case dir > 0 && open >= 0:
				// A new opening mark while a quote is open: the first one
				// was never closed; end it before this one.
				closeOpen()
				opening = true
			}
			if opening && open < 0 {
				// A paragraph that opens with a quote mark right after a
				// paragraph whose quote stayed open continues it.
				if n := len(out); n > 0 && out[n-1].Open && para > 0 && onlySpace(text, paraStarts[para-1], i) && out[n-1].End <= paraStarts[para-1] {
					open = out[n-1].Start
					out = out[:n-1]
				} else {
					open = i
				}
			} else if !opening && open >= 0 {
				out = append(out, span{Start: open, End: i + size})
				open = -1
			}
		}
		if !unicode.IsSpace(r) {
			lastNonSpace = i + size
		}
		i += size
	}
	if open >= 0 {
		closeOpen()
	}
	return mergeSingles(out, findSingles(text, out, paraStarts))
}

func onlySpace(s string, from, to int) bool {
	for _, r := range s[from:to] {
		if !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}

// findSingles pairs single quotation marks outside the double-quoted spans:
// an opening mark follows a space or the start and precedes a letter; a
// closing one follows a non-space and precedes a space, punctuation or the
// end. Apostrophes inside words (Iran's, don't) are neither. A pair never
// crosses a paragraph.
func findSingles(text string, doubles []span, paraStarts []int) []span {
	var out []span
	open, di, para := -1, 0, 0
	for i := 0; i < len(text); {
		for para < len(paraStarts) && i >= paraStarts[para] {
			open = -1
			para++
		}
		if di < len(doubles) && i >= doubles[di].Start {
			i = doubles[di].End
			di++
			open = -1
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == '\'' && (i+1 < len(text) && text[i+1] == '\'' || i > 0 && text[i-1] == '\'') {
			i++ // half of a '' double mark
			continue
		}
		if isSingle(r) {
			prev := runeBefore(text, i)
			next, _ := runeAt(text, i+size)
			switch {
			case r != '\u2019' && (prev == 0 || unicode.IsSpace(prev) || prev == '(' || prev == '[' || prev == '\u2014') && isWordRune(next):
				open = i
			case open >= 0 && r != '\u2018' && prev != 0 && !unicode.IsSpace(prev) && !isWordRune(next):
				out = append(out, span{Start: open, End: i + size, Single: true})
				open = -1
			}
		}
		i += size
	}
	return out
}

// mergeSingles merges two ordered, non-overlapping span lists.
func mergeSingles(a, b []span) []span {
	if len(b) == 0 {
		return a
	}
	out := make([]span, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		if j >= len(b) || (i < len(a) && a[i].Start < b[j].Start) {
			out = append(out, a[i])
			i++
		} else {
			out = append(out, b[j])
			j++
		}
	}
	return out
}
