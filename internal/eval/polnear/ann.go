// Package polnear scores dyad's quote attribution on PolNeAR-format data
// (a split folder with text/NAME.txt and attributions/NAME_ANNOTATOR.ann
// BRAT standoff files: Source, Cue and Content spans linked by E lines).
// It reads the files, runs the pipeline up to the quotes stage and compares
// spans; it knows nothing of how quotes are found.
package polnear

import (
	"bufio"
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Span is a byte range of the article text, end exclusive.
type Span struct{ Start, End int }

// Attribution is one gold E line: its roles as spans (a discontinuous BRAT
// span becomes its fragments' hull, Content2 joins Content).
type Attribution struct {
	Source, Cue, Content Span // zero Span: absent
	HasSource            bool
}

// ParseAnn reads a BRAT .ann file for text. Offsets in the file count code
// points; they are converted to bytes of text. Only T, E and # lines are
// read (span text may contain raw newlines); Discuss and Discard spans are
// ignored; E lines without a Content are dropped.
func ParseAnn(data []byte, text string) ([]Attribution, error) {
	runeToByte := make([]int, 0, len(text)+1)
	for i := range text {
		runeToByte = append(runeToByte, i)
	}
	runeToByte = append(runeToByte, len(text))
	spans := map[string]Span{}
	var events [][]string
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 1<<16), 1<<24)
	for ln := 1; sc.Scan(); ln++ {
		line := sc.Text()
		if len(line) < 2 || (line[0] != 'T' && line[0] != 'E') || !isDigits(line[1:strings.IndexByte(line+"\t", '\t')]) {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 2 {
			return nil, fmt.Errorf("line %d: no fields", ln)
		}
		switch line[0] {
		case 'T':
			sp, err := parseSpan(f[1], runeToByte)
			if err != nil {
				return nil, fmt.Errorf("line %d: %w", ln, err)
			}
			spans[f[0]] = sp
		case 'E':
			events = append(events, strings.Fields(f[1]))
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	var out []Attribution
	for _, ev := range events {
		var a Attribution
		for _, item := range ev[min(1, len(ev)):] {
			role, id, ok := strings.Cut(item, ":")
			if !ok {
				continue
			}
			sp, ok := spans[id]
			if !ok {
				continue
			}
			switch role {
			case "Source":
				a.Source, a.HasSource = sp, true
			case "Cue":
				a.Cue = sp
			case "Content", "Content2":
				a.Content = hull(a.Content, sp)
			}
		}
		if a.Content.End > a.Content.Start {
			out = append(out, a)
		}
	}
	return out, nil
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// parseSpan reads "LABEL START END[;START END...]" into the hull of its
// fragments in bytes.
func parseSpan(s string, runeToByte []int) (Span, error) {
	_, rest, ok := strings.Cut(s, " ")
	if !ok {
		return Span{}, fmt.Errorf("bad span %q", s)
	}
	var out Span
	for _, frag := range strings.Split(rest, ";") {
		a, b, ok := strings.Cut(strings.TrimSpace(frag), " ")
		if !ok {
			return Span{}, fmt.Errorf("bad fragment %q", frag)
		}
		x, err1 := strconv.Atoi(a)
		y, err2 := strconv.Atoi(b)
		if err1 != nil || err2 != nil || x < 0 || y < x || y >= len(runeToByte) {
			return Span{}, fmt.Errorf("bad offsets %q", frag)
		}
		out = hull(out, Span{runeToByte[x], runeToByte[y]})
	}
	return out, nil
}

func hull(a, b Span) Span {
	if a.End <= a.Start {
		return b
	}
	if b.End <= b.Start {
		return a
	}
	return Span{min(a.Start, b.Start), max(a.End, b.End)}
}

// validText reports whether b is UTF-8 text.
func validText(b []byte) bool { return utf8.Valid(b) }
