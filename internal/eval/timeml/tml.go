// Package timeml evaluates dyad's time expressions (internal/timex) on
// TimeML corpora such as TempEval-3 (TimeBank, AQUAINT and the platinum
// test set): it reads .tml files, runs the pipeline's tokenizer and
// segmenter and the extractor with the document creation time as anchor,
// and scores the result as the official TempEval-3 entity scorer does
// (strict and relaxed extent match, type and value accuracy, value F1).
// It registers the suite "timeml" with package eval. It knows the
// extractor's API only, not how it works.
package timeml

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

// Doc is one TimeML document: the text inside <TEXT> with every tag
// removed and entities decoded, and its TIMEX3 annotations as byte spans.
type Doc struct {
	Path  string
	ID    string // <DOCID>
	DCT   string // value of the creation-time TIMEX3 ("" when absent)
	Text  string
	Times []Span
}

// Span is one TIMEX3 inside <TEXT>.
type Span struct {
	ID         string // tid
	Start, End int    // bytes into Doc.Text
	Type       string
	Value      string
	Mod        string
}

// Anchor returns the DCT as a date, or the zero time when it is absent or
// not a calendar date.
func (d *Doc) Anchor() time.Time {
	v := d.DCT
	if len(v) < 10 {
		return time.Time{}
	}
	t, err := time.Parse("2006-01-02", v[:10])
	if err != nil {
		return time.Time{}
	}
	return t
}

// ReadFile reads one .tml file.
func ReadFile(path string) (*Doc, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	d, err := Parse(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	d.Path = path
	return d, nil
}

// Parse reads a TimeML document. It fails on malformed XML, on a missing
// or repeated <TEXT>, and on nested TIMEX3 elements, naming the line.
func Parse(data []byte) (*Doc, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	d := &Doc{}
	var text strings.Builder
	var (
		inText, seenText, inDCT, inDocID bool
		open                             *Span
		depth                            int // element depth inside <TEXT>
	)
	line := func() int {
		off := int(dec.InputOffset())
		return 1 + bytes.Count(data[:min(off, len(data))], []byte{'\n'})
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				return nil, fmt.Errorf("line %d: %s", se.Line, se.Msg)
			}
			return nil, fmt.Errorf("line %d: %w", line(), err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := t.Name.Local
			switch {
			case name == "TEXT" && !inText:
				if seenText {
					return nil, fmt.Errorf("line %d: second <TEXT>", line())
				}
				inText, seenText = true, true
				depth = 0
				continue
			case name == "DCT":
				inDCT = true
			case name == "DOCID":
				inDocID = true
			case name == "TIMEX3" && inDCT && !inText:
				if d.DCT == "" {
					d.DCT = attr(t, "value")
				}
			case name == "TIMEX3" && inText:
				if open != nil {
					return nil, fmt.Errorf("line %d: TIMEX3 %q nested in TIMEX3 %q", line(), attr(t, "tid"), open.ID)
				}
				open = &Span{ID: attr(t, "tid"), Start: text.Len(), Type: attr(t, "type"), Value: attr(t, "value"), Mod: attr(t, "mod")}
			}
			if inText {
				depth++
			}
		case xml.EndElement:
			name := t.Name.Local
			switch {
			case name == "TEXT" && inText && depth == 0:
				inText = false
				if open != nil {
					return nil, fmt.Errorf("line %d: TIMEX3 %q not closed before </TEXT>", line(), open.ID)
				}
				continue
			case name == "DCT":
				inDCT = false
			case name == "DOCID":
				inDocID = false
			case name == "TIMEX3" && inText && open != nil:
				open.End = text.Len()
				d.Times = append(d.Times, *open)
				open = nil
			}
			if inText {
				depth--
			}
		case xml.CharData:
			if inText {
				text.Write(t)
			} else if inDocID {
				d.ID += strings.TrimSpace(string(t))
			}
		}
	}
	if !seenText {
		return nil, errors.New("no <TEXT> element")
	}
	d.Text = text.String()
	return d, nil
}

func attr(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}
