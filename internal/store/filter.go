package store

import (
	"encoding/base64"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Limits on what a query may ask for.
const (
	DefaultLimit = 50
	MaxLimit     = 1000
	maxQuery     = 200 // bytes of full-text query
	maxActorCode = 32
)

// Range is an inclusive range of days, YYYY-MM-DD; either end may be "".
type Range struct {
	From, To string
}

// DocFilter selects documents.
type DocFilter struct {
	Range
	Q      string // full text (title and sentences)
	Source string // the document's source, exact
	Actor  string // an actor code prefix taking part in one of its events
	Limit  int
	Cursor string
}

// EventFilter selects events. Actor codes match by prefix: USA matches USA,
// USAGOV, USAMIL.
type EventFilter struct {
	Range
	Source string
	Target string
	// Symmetric also matches events from Target to Source.
	Symmetric bool
	Actor     string // either side
	Code      string // CAMEO code prefix: 04 matches 040, 042, 0421...
	Root      string // CAMEO root, exact (01-20)
	Plover    string // PLOVER type, exact
	Quad      int    // CAMEO quad class 1-4, 0 for any
	Q         string // full text of the event's sentence
	Doc       string // store key of a document
	Limit     int
	Cursor    string
}

// QuoteFilter selects quotes.
type QuoteFilter struct {
	Range
	// Speaker matches an actor code prefix when it looks like one (upper
	// case letters and digits, 3 or more), otherwise a part of the
	// speaker's name, case-insensitively.
	Speaker string
	Q       string
	Doc     string
	Limit   int
	Cursor  string
}

// DyadFilter selects the counterparts of one actor.
type DyadFilter struct {
	Range
	Actor string
	By    string // "code" (default) or "country": how counterparts are grouped
	Limit int
}

// SeriesFilter selects the events of a dyad over time.
type SeriesFilter struct {
	Range
	Source, Target string
	Symmetric      bool
	Code           string
	Interval       string // day (default), week, month
}

// NetworkFilter selects the edges of the actor network.
type NetworkFilter struct {
	Range
	By        string // "country" (default) or "code"
	Code      string
	MinEvents int
	Limit     int
}

// ActorFilter selects actors.
type ActorFilter struct {
	Range
	Prefix string
	By     string // "code" (default) or "country"
	Limit  int
}

// InvalidError is a filter value that is not acceptable; the API answers 400.
type InvalidError struct {
	Field, Value, Why string
}

func (e *InvalidError) Error() string {
	return fmt.Sprintf("invalid %s %q: %s", e.Field, e.Value, e.Why)
}

func invalid(field, value, why string) error {
	if len(value) > 64 {
		value = value[:64] + "..."
	}
	return &InvalidError{field, value, why}
}

// ActorCode normalizes an actor code (prefix): upper-case letters and
// digits, at most 32.
func ActorCode(field, s string) (string, error) {
	s = strings.ToUpper(strings.TrimSpace(s))
	if s == "" {
		return "", nil
	}
	if len(s) > maxActorCode {
		return "", invalid(field, s, "longer than 32 characters")
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return "", invalid(field, s, "an actor code has only letters and digits")
		}
	}
	return s, nil
}

// CameoCode validates a CAMEO event code prefix: 2 to 4 digits.
func CameoCode(field, s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	if len(s) < 2 || len(s) > 4 {
		return "", invalid(field, s, "a CAMEO code has 2 to 4 digits")
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return "", invalid(field, s, "a CAMEO code has only digits")
		}
	}
	return s, nil
}

// PloverType validates a PLOVER event type (letters and underscores).
func PloverType(s string) (string, error) {
	s = strings.ToUpper(strings.TrimSpace(s))
	if s == "" {
		return "", nil
	}
	if len(s) > 40 {
		return "", invalid("plover", s, "too long")
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= 'A' && c <= 'Z' || c == '_') {
			return "", invalid("plover", s, "a PLOVER type has only letters and underscores")
		}
	}
	return s, nil
}

// Day validates a day YYYY-MM-DD.
func Day(field, s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	if _, err := time.Parse(time.DateOnly, s); err != nil {
		return "", invalid(field, s, "want a date YYYY-MM-DD")
	}
	return s, nil
}

// Text validates a free-text parameter (full-text queries, names).
func Text(field, s string) (string, error) {
	s = strings.TrimSpace(s)
	if len(s) > maxQuery {
		return "", invalid(field, s, fmt.Sprintf("longer than %d bytes", maxQuery))
	}
	if !utf8.ValidString(s) {
		return "", invalid(field, s, "not UTF-8")
	}
	if strings.ContainsRune(s, 0) {
		return "", invalid(field, s, "contains NUL")
	}
	return s, nil
}

// DocKeyParam validates a document key (32 hex digits).
func DocKeyParam(field, s string) (string, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return "", nil
	}
	if len(s) != 32 {
		return "", invalid(field, s, "a document id has 32 hex digits")
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return "", invalid(field, s, "a document id has 32 hex digits")
		}
	}
	return s, nil
}

func limit(n int) (int, error) {
	switch {
	case n == 0:
		return DefaultLimit, nil
	case n < 0 || n > MaxLimit:
		return 0, invalid("limit", strconv.Itoa(n), fmt.Sprintf("want 1 to %d", MaxLimit))
	}
	return n, nil
}

func (r *Range) normalize() error {
	var err error
	if r.From, err = Day("from", r.From); err != nil {
		return err
	}
	if r.To, err = Day("to", r.To); err != nil {
		return err
	}
	if r.From != "" && r.To != "" && r.From > r.To {
		return invalid("to", r.To, "before from")
	}
	return nil
}

func by(field, s, def string) (string, error) {
	switch s {
	case "":
		return def, nil
	case "code", "country":
		return s, nil
	}
	return "", invalid(field, s, "want code or country")
}

// page validates a page size (filling the default) and a cursor.
func page(n *int, cursor string) (err error) {
	if *n, err = limit(*n); err != nil {
		return err
	}
	_, _, err = DecodeCursor(cursor)
	return err
}

// Normalize validates f and fills defaults.
func (f *DocFilter) Normalize() (err error) {
	if err = f.Range.normalize(); err != nil {
		return err
	}
	if f.Q, err = Text("q", f.Q); err != nil {
		return err
	}
	if f.Source, err = Text("source", f.Source); err != nil {
		return err
	}
	if f.Actor, err = ActorCode("actor", f.Actor); err != nil {
		return err
	}
	return page(&f.Limit, f.Cursor)
}

// Normalize validates f and fills defaults.
func (f *EventFilter) Normalize() (err error) {
	if err = f.Range.normalize(); err != nil {
		return err
	}
	for _, p := range []struct {
		name string
		v    *string
	}{{"source", &f.Source}, {"target", &f.Target}, {"actor", &f.Actor}} {
		if *p.v, err = ActorCode(p.name, *p.v); err != nil {
			return err
		}
	}
	if f.Symmetric && (f.Source == "" || f.Target == "") {
		return invalid("symmetric", "true", "needs both source and target")
	}
	if f.Code, err = CameoCode("code", f.Code); err != nil {
		return err
	}
	if f.Root, err = CameoCode("root", f.Root); err != nil {
		return err
	}
	if len(f.Root) > 2 {
		return invalid("root", f.Root, "a CAMEO root has 2 digits")
	}
	if f.Plover, err = PloverType(f.Plover); err != nil {
		return err
	}
	if f.Quad < 0 || f.Quad > 4 {
		return invalid("quad", strconv.Itoa(f.Quad), "want 1 to 4")
	}
	if f.Q, err = Text("q", f.Q); err != nil {
		return err
	}
	if f.Doc, err = DocKeyParam("doc", f.Doc); err != nil {
		return err
	}
	return page(&f.Limit, f.Cursor)
}

// Normalize validates f and fills defaults.
func (f *QuoteFilter) Normalize() (err error) {
	if err = f.Range.normalize(); err != nil {
		return err
	}
	if f.Speaker, err = Text("speaker", f.Speaker); err != nil {
		return err
	}
	if f.Q, err = Text("q", f.Q); err != nil {
		return err
	}
	if f.Doc, err = DocKeyParam("doc", f.Doc); err != nil {
		return err
	}
	return page(&f.Limit, f.Cursor)
}

// SpeakerIsCode tells whether a speaker filter is an actor code prefix.
func SpeakerIsCode(s string) bool {
	if len(s) < 3 || len(s) > maxActorCode {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// Normalize validates f and fills defaults.
func (f *DyadFilter) Normalize() (err error) {
	if err = f.Range.normalize(); err != nil {
		return err
	}
	if f.Actor, err = ActorCode("actor", f.Actor); err != nil {
		return err
	}
	if f.Actor == "" {
		return invalid("actor", "", "required")
	}
	if f.By, err = by("by", f.By, "code"); err != nil {
		return err
	}
	f.Limit, err = limit(f.Limit)
	return err
}

// Normalize validates f and fills defaults.
func (f *SeriesFilter) Normalize() (err error) {
	if err = f.Range.normalize(); err != nil {
		return err
	}
	if f.Source, err = ActorCode("source", f.Source); err != nil {
		return err
	}
	if f.Target, err = ActorCode("target", f.Target); err != nil {
		return err
	}
	if f.Symmetric && (f.Source == "" || f.Target == "") {
		return invalid("symmetric", "true", "needs both source and target")
	}
	if f.Code, err = CameoCode("code", f.Code); err != nil {
		return err
	}
	switch f.Interval {
	case "":
		f.Interval = "day"
	case "day", "week", "month":
	default:
		return invalid("interval", f.Interval, "want day, week or month")
	}
	return nil
}

// Normalize validates f and fills defaults.
func (f *NetworkFilter) Normalize() (err error) {
	if err = f.Range.normalize(); err != nil {
		return err
	}
	if f.By, err = by("by", f.By, "country"); err != nil {
		return err
	}
	if f.Code, err = CameoCode("code", f.Code); err != nil {
		return err
	}
	if f.MinEvents < 0 {
		return invalid("min", strconv.Itoa(f.MinEvents), "negative")
	}
	if f.MinEvents == 0 {
		f.MinEvents = 1
	}
	if f.Limit == 0 {
		f.Limit = 100
	}
	f.Limit, err = limit(f.Limit)
	return err
}

// Normalize validates f and fills defaults.
func (f *ActorFilter) Normalize() (err error) {
	if err = f.Range.normalize(); err != nil {
		return err
	}
	if f.Prefix, err = ActorCode("prefix", f.Prefix); err != nil {
		return err
	}
	if f.By, err = by("by", f.By, "code"); err != nil {
		return err
	}
	f.Limit, err = limit(f.Limit)
	return err
}

// EncodeCursor makes the opaque cursor that resumes a listing after the row
// (day, id), rows being ordered by day then id, descending.
func EncodeCursor(day string, id int64) string {
	return base64.RawURLEncoding.EncodeToString([]byte(day + "/" + strconv.FormatInt(id, 10)))
}

// DecodeCursor reads a cursor; "" is the first page (ok false).
func DecodeCursor(c string) (day string, id int64, err error) {
	if c == "" {
		return "", 0, nil
	}
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil || len(b) > 64 {
		return "", 0, invalid("cursor", c, "not a cursor from this API")
	}
	d, n, ok := strings.Cut(string(b), "/")
	if !ok {
		return "", 0, invalid("cursor", c, "not a cursor from this API")
	}
	if d != "" {
		if _, err := time.Parse(time.DateOnly, d); err != nil {
			return "", 0, invalid("cursor", c, "not a cursor from this API")
		}
	}
	id, err = strconv.ParseInt(n, 10, 64)
	if err != nil || id <= 0 {
		return "", 0, invalid("cursor", c, "not a cursor from this API")
	}
	return d, id, nil
}

// PrefixEnd returns the smallest string greater than every string that has
// prefix p (p is upper-case letters and digits), so that a prefix match is
// the index-friendly range p <= code < PrefixEnd(p).
func PrefixEnd(p string) string {
	b := []byte(p)
	b[len(b)-1]++
	return string(b)
}

// Fold merges day buckets (sorted by day) into weeks (starting Monday) or
// months; "day" returns them unchanged.
func Fold(days []Bucket, interval string) []Bucket {
	if interval == "day" || interval == "" {
		return days
	}
	var out []Bucket
	for _, b := range days {
		t, err := time.Parse(time.DateOnly, b.Start)
		if err != nil {
			continue
		}
		switch interval {
		case "week":
			t = t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
		case "month":
			t = time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
		}
		start := t.Format(time.DateOnly)
		if n := len(out); n > 0 && out[n-1].Start == start {
			o := &out[n-1]
			total := o.Events + b.Events
			if total > 0 {
				o.MeanGoldstein = (o.MeanGoldstein*float64(o.Events) + b.MeanGoldstein*float64(b.Events)) / float64(total)
			}
			o.Events = total
			for i := range o.Quad {
				o.Quad[i] += b.Quad[i]
			}
			continue
		}
		b.Start = start
		out = append(out, b)
	}
	return out
}
