// Package petrarch reads the file formats of the PETRARCH/TABARI event coders
// that dyad supports in compatibility mode and evaluation: validation records
// (gold-coded sentences) and, in verbs.go, verb dictionaries. It parses formats
// only; coding with them is the event coder's job.
package petrarch

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"
	"time"
)

// Environment is a records file's <Environment>: the dictionaries it names.
type Environment struct {
	VerbFile    string
	ActorFiles  []string
	AgentFiles  []string
	DiscardFile string
	IssueFile   string
	Include     []string // categories the file's authors include in validation
}

// Coding is one gold event: source and target actor codes and the event code.
type Coding struct {
	Source, Target, Event string
}

// Record is one validation sentence with its gold codings.
type Record struct {
	ID       string
	Date     time.Time
	Category string
	Text     string // whitespace-normalized sentence text
	Parse    string // the gold parse as given (Penn bracketed or CoNLL-U); ignored by dyad's coder
	Codings  []Coding
	NoEvents bool // explicitly marked as having no events
	// Error is PETRARCH's expected discard or error ("storydiscard",
	// "sentencediscard", "dateline", "bad_input_parse"): no events either.
	Error    string
	Evaluate bool // false when the record says evaluate="false"
	Line     int  // line of the <Sentence> element, for messages
}

// File is a parsed validation-records file.
type File struct {
	Path    string
	Env     Environment
	Records []Record
}

// ReadFile reads a validation-records file in either layout: <Sentence>
// elements containing their <EventCoding>, <Text> and <Parse> (PETRARCH unit
// tests), or self-closing <Sentence/> elements followed by them as siblings
// (UniversalPetrarch's validation files).
func ReadFile(path string) (*File, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	f, err := Read(bytes.NewReader(data), path)
	if err != nil {
		return nil, err
	}
	return f, nil
}

// sentenceTag matches <Sentence ...> and </Sentence>. Records are read as
// flat: codings, text and parse belong to the latest <Sentence>, so turning
// every open tag into an empty element and dropping close tags reads both
// layouts, and tolerates the stray </Sentence> some files have.
var sentenceTag = regexp.MustCompile(`(?i)<Sentence(\s[^>]*?)?/?>|</Sentence\s*>`)

// comment matches XML comments; the records files put "--" inside theirs,
// which XML forbids, so they are blanked before decoding.
var comment = regexp.MustCompile(`(?s)<!--.*?-->`)

// blankOut replaces everything but newlines with spaces, keeping line numbers.
func blankOut(m []byte) []byte {
	out := make([]byte, len(m))
	for i, c := range m {
		if c == '\n' {
			out[i] = '\n'
		} else {
			out[i] = ' '
		}
	}
	return out
}

// Read parses records from r; name is used in error messages.
func Read(r io.Reader, name string) (*File, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	data = comment.ReplaceAllFunc(data, blankOut)
	data = sentenceTag.ReplaceAllFunc(data, func(m []byte) []byte {
		if bytes.HasPrefix(m, []byte("</")) {
			return nil
		}
		m = bytes.TrimSuffix(bytes.TrimSuffix(m, []byte(">")), []byte("/"))
		return append(m, "/>"...)
	})
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	d.AutoClose = xml.HTMLAutoClose
	d.Entity = xml.HTMLEntity
	f := &File{Path: name}
	var cur *Record
	var stack []string
	var text strings.Builder
	inEnv := false
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			line, _ := d.InputPos()
			return nil, fmt.Errorf("%s:%d: malformed XML: %w", name, line, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			el := strings.ToLower(t.Name.Local)
			stack = append(stack, el)
			text.Reset()
			switch el {
			case "environment":
				inEnv = true
			case "sentence":
				line, _ := d.InputPos()
				rec, err := newRecord(t.Attr, line)
				if err != nil {
					return nil, fmt.Errorf("%s:%d: %w", name, line, err)
				}
				f.Records = append(f.Records, rec)
				cur = &f.Records[len(f.Records)-1]
			case "eventcoding":
				if cur == nil {
					line, _ := d.InputPos()
					return nil, fmt.Errorf("%s:%d: <EventCoding> before any <Sentence>", name, line)
				}
				addCoding(cur, t.Attr)
			}
		case xml.CharData:
			text.Write(t)
		case xml.EndElement:
			el := strings.ToLower(t.Name.Local)
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
			val := strings.TrimSpace(text.String())
			switch {
			case el == "environment":
				inEnv = false
			case inEnv:
				setEnv(&f.Env, el, val)
			case el == "text" && cur != nil:
				cur.Text = strings.Join(strings.Fields(val), " ")
			case el == "parse" && cur != nil:
				cur.Parse = val
			}
			text.Reset()
		}
	}
	for i := range f.Records {
		if f.Records[i].Text == "" {
			return nil, fmt.Errorf("%s:%d: record %s has no <Text>", name, f.Records[i].Line, f.Records[i].ID)
		}
	}
	if len(f.Records) == 0 {
		return nil, fmt.Errorf("%s: no <Sentence> records", name)
	}
	return f, nil
}

func newRecord(attrs []xml.Attr, line int) (Record, error) {
	rec := Record{Line: line, Evaluate: true}
	for _, a := range attrs {
		switch strings.ToLower(a.Name.Local) {
		case "id":
			rec.ID = a.Value
		case "category":
			rec.Category = a.Value
		case "evaluate":
			rec.Evaluate = !strings.EqualFold(a.Value, "false")
		case "date":
			t, err := parseDate(strings.TrimSpace(a.Value))
			if err != nil {
				return rec, err
			}
			rec.Date = t
		}
	}
	if rec.ID == "" {
		return rec, errors.New("<Sentence> without id")
	}
	return rec, nil
}

// parseDate reads YYYYMMDD, or YYMMDD as some records use (years from 50
// are 19xx).
func parseDate(v string) (time.Time, error) {
	switch len(v) {
	case 8:
		if t, err := time.Parse("20060102", v); err == nil {
			return t, nil
		}
	case 6:
		if t, err := time.Parse("060102", v); err == nil {
			if t.Year() >= 2050 {
				t = t.AddDate(-100, 0, 0)
			}
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("record date %q: want YYYYMMDD or YYMMDD", v)
}

func addCoding(rec *Record, attrs []xml.Attr) {
	var c Coding
	for _, a := range attrs {
		v := strings.TrimSpace(a.Value)
		switch strings.ToLower(a.Name.Local) {
		case "sourcecode":
			c.Source = v
		case "targetcode":
			c.Target = v
		case "eventcode":
			c.Event = v
		case "noevents":
			if strings.EqualFold(v, "true") {
				rec.NoEvents = true
				return
			}
		case "error":
			rec.Error = v
			return
		}
	}
	if c.Event != "" {
		rec.Codings = append(rec.Codings, c)
	}
}

func setEnv(env *Environment, el, val string) {
	list := func(s string) []string {
		var out []string
		for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' }) {
			out = append(out, p)
		}
		return out
	}
	switch el {
	case "verbfile":
		env.VerbFile = val
	case "actorfile":
		env.ActorFiles = list(val)
	case "agentfile":
		env.AgentFiles = list(val)
	case "discardfile":
		env.DiscardFile = val
	case "issuefile":
		env.IssueFile = val
	case "include":
		env.Include = list(val)
	}
}
