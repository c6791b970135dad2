package reader

import (
	"bytes"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyadhq/dyad/pkg/doc"
)

// readTextSource reads one plain-text document from r.
func readTextSource(name string, r io.Reader, s *sink) error {
	return s.single(name, r, s.opts.MaxBytes, readText)
}

// checkText rejects bytes that are not a usable text document.
func checkText(data []byte) error {
	if len(bytes.TrimSpace(data)) == 0 {
		return ErrEmpty
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return ErrBinary
	}
	if !utf8.Valid(data) {
		return utf8Error(data, "")
	}
	return nil
}

// readText reads a plain-text document; the package comment gives the title
// rule.
func readText(name string, data []byte) (*doc.Document, error) {
	data = bytes.TrimPrefix(data, bom)
	if err := checkText(data); err != nil {
		return nil, err
	}
	text := string(data)
	d := &doc.Document{ID: docID(name), Origin: name, Language: "en"}
	if title, body, ok := splitTitle(text); ok {
		d.Title, text = title, body
	}
	d.Text = text
	return d, nil
}

// splitTitle splits a headline off the start of text, when there is one.
func splitTitle(text string) (title, body string, ok bool) {
	start := strings.TrimLeft(text, " \t\r\n")
	line, rest, found := strings.Cut(start, "\n")
	line = strings.TrimSpace(line)
	if !found || line == "" || strings.TrimSpace(rest) == "" {
		return "", text, false
	}
	nextLine := strings.TrimLeft(rest, " \t\r")
	blankNext := strings.HasPrefix(nextLine, "\n")
	if blankNext && looksLikeTitleParagraph(line) || !blankNext && looksLikeHeadline(line, nextLine) {
		return line, skipBlankLines(rest), true
	}
	return "", text, false
}

// skipBlankLines drops the blank lines at the start of s, keeping the
// indentation of the first line with text.
func skipBlankLines(s string) string {
	for {
		line, rest, ok := strings.Cut(s, "\n")
		if !ok || strings.TrimSpace(line) != "" {
			return s
		}
		s = rest
	}
}

// looksLikeTitleParagraph tells a title set off by a blank line from a
// one-line first paragraph.
func looksLikeTitleParagraph(line string) bool {
	n := len(strings.Fields(line))
	if n > 25 || !hasLetter(line) {
		return false
	}
	return !endsWithStop(line) || n <= 8
}

// looksLikeHeadline tells a headline on the line before the text from the
// first line of a hard-wrapped paragraph.
func looksLikeHeadline(line, next string) bool {
	if len(strings.Fields(line)) > 20 || len(line) > 200 || !hasLetter(line) {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(line)
	switch r {
	case '.', ',', ';', ':', '"', '\u201d', '\'', '\u2019', ')', ']', '-', '\u2013':
		return false
	}
	if n, _ := utf8.DecodeRuneInString(next); unicode.IsLower(n) {
		return false
	}
	return true
}

// endsWithStop reports a full stop at the end, also inside closing quotes.
func endsWithStop(line string) bool {
	l := strings.TrimRight(line, "\"'\u201d\u2019)")
	return strings.HasSuffix(l, ".") && !strings.HasSuffix(l, "...")
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}
