package reader

// JSON and JSON Lines. A record is an object
//
//	{"id": "...", "title": "...", "text": "...", "published": "...",
//	 "url": "...", "source": "...", "language": "en", "meta": {"k": "v"}}
//
// where only "text" is required (a record without text is ErrEmpty); "id" may
// be a string or a number (without one the ID is the file's base name plus
// the record's number); "published" takes the forms of date.go, or a number
// for Unix time; "meta" values that are not strings are kept as their JSON
// text. Field names match case-insensitively; unknown fields are ignored.
//
// A file is read as JSON Lines when its name says so (.jsonl, .ndjson) or
// when its first line is a complete JSON object and another object follows:
// one record a line, blank lines skipped, a bad line reported as "line N"
// (counting every line from 1) and reading going on. Other
// JSON is one object, an array of objects (records "index N", from 0), or
// several objects one after another ("object N", from 1); a syntax error
// there ends the file, since nothing after it can be trusted. An empty array
// is ErrEmpty, as a feed without items is.

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/dyadhq/dyad/pkg/doc"
)

type jsonRecord struct {
	ID        json.RawMessage            `json:"id"`
	Title     string                     `json:"title"`
	Text      string                     `json:"text"`
	Published json.RawMessage            `json:"published"`
	URL       string                     `json:"url"`
	Source    string                     `json:"source"`
	Language  string                     `json:"language"`
	Meta      map[string]json.RawMessage `json:"meta"`
}

// readJSON reads JSON or, when lines is set or the content says so, JSON
// Lines.
func readJSON(name string, r *bufio.Reader, s *sink, lines bool) error {
	skipBOM(r)
	first, skipped, err := peekNonSpace(r)
	if err == io.EOF {
		return s.bad(name, "", ErrEmpty)
	} else if err != nil {
		return s.bad(name, "", readErr(err))
	}
	if !lines && first == '{' {
		lines = firstLineIsObject(r)
	}
	if lines {
		return readJSONLines(name, r, s, skipped)
	}
	if first != '{' && first != '[' {
		return s.bad(name, "", fmt.Errorf("%w: not JSON (starts with %q)", ErrMalformed, first))
	}
	return readJSONValues(name, r, s, first == '[')
}

func skipBOM(r *bufio.Reader) {
	if b, _ := r.Peek(3); bytes.Equal(b, bom) {
		r.Discard(3)
	}
}

// peekNonSpace discards leading white space and returns the next byte and
// the number of line breaks discarded.
func peekNonSpace(r *bufio.Reader) (c byte, lines int, err error) {
	for {
		b, err := r.Peek(1)
		if err != nil {
			return 0, lines, err
		}
		switch b[0] {
		case '\n':
			lines++
			fallthrough
		case ' ', '\t', '\r':
			r.Discard(1)
		default:
			return b[0], lines, nil
		}
	}
}

// firstLineIsObject tells JSON Lines from a pretty-printed object: the first
// line of JSON Lines is a whole object, and another object follows it.
func firstLineIsObject(r *bufio.Reader) bool {
	buf, _ := r.Peek(r.Size())
	line, rest, found := bytes.Cut(buf, []byte("\n"))
	if !found {
		return false
	}
	line = bytes.TrimSpace(line)
	return len(line) > 1 && line[0] == '{' && json.Valid(line) && firstNonSpace(rest) == '{'
}

// readJSONLines reads one record a line; skipped lines were read before.
func readJSONLines(name string, r *bufio.Reader, s *sink, skipped int) error {
	limit := s.rawLimit()
	var buf []byte
	for n := skipped + 1; ; n++ {
		line, tooLong, err := readLine(r, limit, buf[:0])
		buf = line
		if err != nil && err != io.EOF {
			return s.bad(name, "line "+strconv.Itoa(n), readErr(err))
		}
		rec := "line " + strconv.Itoa(n)
		if tooLong {
			if berr := s.bad(name, rec, fmt.Errorf("%w (line longer than %d bytes)", ErrTooLarge, limit)); berr != nil {
				return berr
			}
		} else if t := bytes.TrimSpace(line); len(t) > 0 {
			origin := name + ":" + strconv.Itoa(n)
			if derr := s.jsonRecord(name, rec, origin, docID(name)+"-"+strconv.Itoa(n), t); derr != nil {
				return derr
			}
		}
		if err == io.EOF {
			return nil
		}
	}
}

// readLine reads one line into buf, keeping at most limit bytes; a longer
// line is read to its end and reported as too long.
func readLine(r *bufio.Reader, limit int, buf []byte) (line []byte, tooLong bool, err error) {
	for {
		frag, err := r.ReadSlice('\n')
		if len(buf)+len(frag) <= limit {
			buf = append(buf, frag...)
		} else {
			tooLong = true
		}
		if err != bufio.ErrBufferFull {
			return buf, tooLong, err
		}
	}
}

// errRecordTooLarge stops a JSON decoder inside an oversize record.
var errRecordTooLarge = errors.New("record too large")

// windowReader stops reading more than limit bytes past the mark, so one
// huge array element cannot take all memory.
type windowReader struct {
	r     io.Reader
	n     int64 // bytes read so far
	limit int64 // n may not pass this
}

func (w *windowReader) Read(p []byte) (int, error) {
	if w.n >= w.limit {
		return 0, errRecordTooLarge
	}
	if int64(len(p)) > w.limit-w.n {
		p = p[:w.limit-w.n]
	}
	n, err := w.r.Read(p)
	w.n += int64(n)
	return n, err
}

// readJSONValues reads an array of objects or a sequence of objects with a
// streaming decoder.
func readJSONValues(name string, r *bufio.Reader, s *sink, array bool) error {
	wr := &windowReader{r: r}
	dec := json.NewDecoder(wr)
	limit := int64(s.rawLimit())
	wr.limit = limit
	if array {
		if _, err := dec.Token(); err != nil {
			return s.bad(name, "", jsonErr(err))
		}
	}
	base := docID(name)
	records := 0
	for i := 0; ; i++ {
		if (array || i > 0) && !dec.More() {
			break
		}
		records++
		rec, origin, id := "object "+strconv.Itoa(i+1), fmt.Sprintf("%s#%d", name, i+1), base+"-"+strconv.Itoa(i+1)
		if array {
			rec, origin, id = "index "+strconv.Itoa(i), fmt.Sprintf("%s[%d]", name, i), base+"-"+strconv.Itoa(i)
		}
		// Each record may read at most limit bytes beyond what is buffered.
		wr.limit = wr.n + limit
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return s.bad(name, rec, jsonErr(err))
		}
		if !array && i == 0 && !dec.More() {
			rec, origin, id = "", name, base // a single object: the file is the record
		}
		if err := s.jsonRecord(name, rec, origin, id, raw); err != nil {
			return err
		}
	}
	wr.limit = wr.n + limit
	if array {
		if _, err := dec.Token(); err != nil {
			return s.bad(name, "", jsonErr(err))
		}
	}
	if trailing(dec, wr) {
		return s.bad(name, "", fmt.Errorf("%w: data after the JSON value", ErrMalformed))
	}
	if records == 0 {
		// Like a feed without items: say so rather than print nothing.
		return s.bad(name, "", fmt.Errorf("%w: the JSON array holds no records", ErrEmpty))
	}
	return nil
}

// trailing reports whether anything but white space follows the decoder's
// last value.
func trailing(dec *json.Decoder, r io.Reader) bool {
	_, _, err := peekNonSpace(bufio.NewReader(io.MultiReader(dec.Buffered(), r)))
	return err == nil
}

func jsonErr(err error) error {
	switch {
	case errors.Is(err, errRecordTooLarge):
		return ErrTooLarge
	case err == io.EOF, err == io.ErrUnexpectedEOF:
		return fmt.Errorf("%w: unexpected end of JSON", ErrMalformed)
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Errorf("%w: %v (byte %d)", ErrMalformed, err, se.Offset)
	}
	return fmt.Errorf("%w: %v", ErrMalformed, readErr(err))
}

// jsonRecord turns one JSON object into a document and delivers it.
func (s *sink) jsonRecord(name, rec, origin, id string, raw []byte) error {
	d, err := jsonDocument(raw, id)
	if err != nil {
		return s.bad(name, rec, err)
	}
	d.Origin = origin
	return s.deliver(name, rec, d)
}

func jsonDocument(raw []byte, id string) (*doc.Document, error) {
	if !utf8.Valid(raw) {
		return nil, utf8Error(raw, "the record")
	}
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || raw[0] != '{' {
		return nil, fmt.Errorf("%w: not a JSON object", ErrMalformed)
	}
	var r jsonRecord
	if err := json.Unmarshal(raw, &r); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return nil, fmt.Errorf("%w: field %q: %s where %s was expected", ErrMalformed, te.Field, te.Value, te.Type)
		}
		return nil, fmt.Errorf("%w: %v", ErrMalformed, err)
	}
	if len(bytes.TrimSpace([]byte(r.Text))) == 0 {
		return nil, fmt.Errorf("%w: no \"text\"", ErrEmpty)
	}
	d := &doc.Document{Title: r.Title, Text: r.Text, URL: r.URL, Source: r.Source, Language: r.Language}
	d.ID = id
	if v, err := jsonScalar(r.ID); err != nil {
		return nil, fmt.Errorf("%w: \"id\" must be a string or a number", ErrMalformed)
	} else if v != "" {
		d.ID = v
	}
	if err := jsonPublished(d, r.Published); err != nil {
		return nil, fmt.Errorf("%w: \"published\": %v", ErrMalformed, err)
	}
	if len(r.Meta) > 0 {
		d.Meta = make(map[string]string, len(r.Meta))
		for k, v := range r.Meta {
			if s, err := jsonScalar(v); err == nil {
				d.Meta[k] = s
			} else {
				d.Meta[k] = string(v)
			}
		}
	}
	return d, nil
}

// jsonScalar returns a string's value, a number's or boolean's text, and ""
// for null or absence; objects and arrays are an error.
func jsonScalar(v json.RawMessage) (string, error) {
	if len(v) == 0 || string(v) == "null" {
		return "", nil
	}
	switch v[0] {
	case '"':
		var s string
		err := json.Unmarshal(v, &s)
		return s, err
	case '{', '[':
		return "", errors.New("not a scalar")
	}
	return string(v), nil
}

func jsonPublished(d *doc.Document, v json.RawMessage) error {
	if len(v) == 0 || string(v) == "null" {
		return nil
	}
	switch c := v[0]; {
	case c == '"':
		var s string
		if err := json.Unmarshal(v, &s); err != nil {
			return err
		}
		if s == "" {
			return nil
		}
		t, clock, err := parseDate(s)
		if err != nil {
			return err
		}
		d.Published, d.PublishedHasClock = t, clock
	case c == '-' || c >= '0' && c <= '9':
		t, err := unixDate(string(v))
		if err != nil {
			return err
		}
		d.Published, d.PublishedHasClock = t, true
	default:
		return errors.New("must be a date string or a number")
	}
	return nil
}
