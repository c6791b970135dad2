package segment

import "strings"

// Line layout. A blank line always separates paragraphs. What a single
// newline means depends on how the document is laid out, which is decided
// once per document from the shape of its lines:
//
//   - One paragraph per line (news copied from the web, ../shared/examples):
//     most lines that are followed by another line end with sentence-final
//     punctuation, or some line is longer than any hard-wrapping width
//     (maxWrapped). Every newline then ends a paragraph, so headlines and
//     datelines without final punctuation stand alone.
//
//   - Hard-wrapped text (Reuters-21578 bodies, e-mail, PDF extracts): lines
//     are cut at a fixed width wherever a word ends, so most inner lines do
//     not end a sentence. A newline is then a space, except that
//       - an indented next line starts a paragraph (Reuters indents
//         paragraphs and table rows),
//       - in a block (between blank lines) where no line ends with
//         sentence-final punctuation, every line is its own sentence (a list,
//         a table, a run of headlines), and
//       - a short line (under shortLine of the document's widest line) that
//         does not end in punctuation, followed by a line that starts with a
//         capital, digit or bullet, ends a sentence (a title or heading).
//     A lower-case continuation never starts a sentence, so a sentence cut
//     by a newline ("This is a sentence\ncut off ...") stays whole.

// maxWrapped is the longest line (bytes) we expect in hard-wrapped text.
const maxWrapped = 120

type layout struct {
	lineMode bool // every newline ends a paragraph
	width    int  // longest line, in bytes (trailing spaces trimmed)
}

// analyse decides the layout of text from its lines.
func analyse(text string) layout {
	first := strings.IndexByte(text, '\n')
	if first < 0 {
		return layout{width: len(text)}
	}
	var l layout
	inner, innerPunct := 0, 0
	prevNonBlank, prevPunct := false, false
	for start := 0; start <= len(text); {
		end := start + strings.IndexByte(text[start:], '\n')
		if end < start {
			end = len(text)
		}
		line := trimRightSpace(text[start:end])
		blank := isBlank(line)
		if !blank {
			if n := len(line); n > l.width {
				l.width = n
			}
			if prevNonBlank {
				inner++
				if prevPunct {
					innerPunct++
				}
			}
			prevPunct = endsSentence(line)
		}
		prevNonBlank = !blank
		start = end + 1
	}
	l.lineMode = l.width > maxWrapped || (inner > 0 && 2*innerPunct >= inner)
	return l
}

// endsSentence reports whether a line ends with sentence-final punctuation,
// possibly followed by closing quotes or brackets.
func endsSentence(line string) bool {
	for len(line) > 0 {
		c := line[len(line)-1]
		switch {
		case c == '.' || c == '!' || c == '?':
			return true
		case c == '"' || c == '\'' || c == ')' || c == ']':
			line = line[:len(line)-1]
		case strings.HasSuffix(line, "\u201d") || strings.HasSuffix(line, "\u2019"):
			line = line[:len(line)-3]
		case strings.HasSuffix(line, "\u2026"):
			return true
		default:
			return false
		}
	}
	return false
}

// endsClause reports whether a line ends with punctuation that continues a
// sentence on the next line (a comma, colon, hyphen...).
func endsClause(line string) bool {
	if line == "" {
		return false
	}
	switch line[len(line)-1] {
	case ',', ';', ':', '-', '(', '&', '/':
		return true
	}
	return false
}

func trimRightSpace(s string) string {
	for len(s) > 0 {
		switch s[len(s)-1] {
		case ' ', '\t', '\r', '\v', '\f':
			s = s[:len(s)-1]
			continue
		}
		break
	}
	return s
}

func isBlank(line string) bool {
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case ' ', '\t', '\r', '\v', '\f':
		default:
			return false
		}
	}
	return true
}

// blockHasFinal reports whether some line of the block (the lines up to the
// next blank line) starting at text[start:] ends with sentence-final
// punctuation, and returns where the block ends.
func blockHasFinal(text string, start int) (bool, int) {
	has := false
	for start < len(text) {
		end := start + strings.IndexByte(text[start:], '\n')
		if end < start {
			end = len(text)
		}
		line := trimRightSpace(text[start:end])
		if isBlank(line) {
			return has, start
		}
		if endsSentence(line) {
			has = true
		}
		start = end + 1
	}
	return has, len(text)
}

// lineAt returns the line (trailing spaces trimmed) that ends at the
// newline text[nl].
func lineAt(text string, nl int) string {
	start := strings.LastIndexByte(text[:nl], '\n') + 1
	return trimRightSpace(text[start:nl])
}
