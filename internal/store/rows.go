package store

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/dyadhq/dyad/pkg/contract"
)

// Rows is one document cut into the rows of the normalized tables. Both
// backends store exactly these, so they answer queries alike.
type Rows struct {
	Key       string
	Doc       *contract.Document
	Day       string // publication day YYYY-MM-DD, "" when unknown
	Body      []byte // the document as JSON
	Sentences []string
	Entities  []EntityRow
	Events    []EventRec
	Quotes    []QuoteRec
	Times     []contract.Time
}

// EntityRow is an entity's queryable fields.
type EntityRow struct {
	ID, Text, Canonical, Type string
	Code, Country, Role       string
	Mentions                  int
}

// EventRec is an event's queryable fields and its JSON.
type EventRec struct {
	ID                        string
	Sentence                  int
	SentenceText              string
	SourceCode, SourceCountry string
	TargetCode, TargetCountry string
	SourceText, TargetText    string
	Cameo, Root               string
	Quad                      int
	Goldstein                 float64
	Plover, Day               string
	Negated, Reported         bool
	Body                      []byte
}

// QuoteRec is a quote's queryable fields and its JSON.
type QuoteRec struct {
	ID, Kind, Text          string
	SpeakerName, SpeakerKey string // SpeakerKey: lower-case name for matching
	SpeakerCode             string
	Day                     string
	Body                    []byte
}

// MaxSentences bounds the sentences of one document: full-text rows are
// numbered document*MaxSentences+sentence, and the title takes the last
// number.
const MaxSentences = 1 << 20

// TitleSentence is the full-text row number used for a document's title.
const TitleSentence = MaxSentences - 1

// Check rejects a document the store cannot keep: not the contract, no
// text, or annotations outside the text. It names the document.
func Check(d *contract.Document) error {
	name := d.ID
	if name == "" {
		name = "(no id)"
	}
	switch {
	case d.Contract != contract.Version:
		return fmt.Errorf("document %s: contract %q, want %q", name, d.Contract, contract.Version)
	case strings.TrimSpace(d.Text) == "":
		return fmt.Errorf("document %s: empty text", name)
	case !utf8.ValidString(d.Text) || !utf8.ValidString(d.Title):
		return fmt.Errorf("document %s: invalid UTF-8", name)
	case strings.ContainsRune(d.Text, 0) || strings.ContainsRune(d.Title, 0):
		return fmt.Errorf("document %s: NUL in text", name)
	case len(d.Sentences) >= TitleSentence:
		return fmt.Errorf("document %s: %d sentences, at most %d", name, len(d.Sentences), TitleSentence-1)
	}
	n := len(d.Text)
	span := func(what string, i, s, e int) error {
		if s < 0 || e < s || e > n {
			return fmt.Errorf("document %s: %s %d: span [%d,%d) outside the text (%d bytes)", name, what, i, s, e, n)
		}
		return nil
	}
	for i, s := range d.Sentences {
		if err := span("sentence", i, s.Start, s.End); err != nil {
			return err
		}
	}
	for i, q := range d.Quotes {
		if err := span("quote", i, q.Start, q.End); err != nil {
			return err
		}
	}
	for i, e := range d.Events {
		if err := span("event trigger", i, e.Trigger.Start, e.Trigger.End); err != nil {
			return err
		}
	}
	for i, t := range d.Times {
		if err := span("time", i, t.Start, t.End); err != nil {
			return err
		}
	}
	for i, e := range d.Entities {
		for _, m := range e.Mentions {
			if err := span("entity", i, m.Start, m.End); err != nil {
				return err
			}
		}
	}
	return nil
}

// Normalize cuts d into rows after checking it.
func Normalize(d *contract.Document) (*Rows, error) {
	if err := Check(d); err != nil {
		return nil, err
	}
	body, err := json.Marshal(d)
	if err != nil {
		return nil, fmt.Errorf("document %s: %v", d.ID, err)
	}
	r := &Rows{Key: DocKey(d), Doc: d, Day: dayOf(d.Published), Body: body}
	r.Sentences = make([]string, len(d.Sentences))
	for i, s := range d.Sentences {
		r.Sentences[i] = d.Text[s.Start:s.End]
	}
	country := ActorCountries(d)
	for _, e := range d.Entities {
		row := EntityRow{ID: e.ID, Text: e.Text, Canonical: e.Canonical, Type: e.Type, Mentions: len(e.Mentions)}
		if e.Actor != nil {
			row.Code, row.Country, row.Role = strings.ToUpper(e.Actor.Code), strings.ToUpper(e.Actor.Country), e.Actor.Role
		}
		r.Entities = append(r.Entities, row)
	}
	for _, e := range d.Events {
		rec := EventRec{
			ID: e.ID, Sentence: e.Sentence,
			SourceCode: strings.ToUpper(e.Source.Code), TargetCode: strings.ToUpper(e.Target.Code),
			SourceText: e.Source.Text, TargetText: e.Target.Text,
			Cameo: e.Cameo.Code, Root: e.Cameo.Root, Quad: e.Cameo.QuadClass, Goldstein: e.Cameo.Goldstein,
			Plover: strings.ToUpper(e.Plover.Type), Negated: e.Negated, Reported: e.Reported,
		}
		if rec.Root == "" && len(rec.Cameo) >= 2 {
			rec.Root = rec.Cameo[:2]
		}
		rec.SourceCountry = Country(e.Source, country)
		rec.TargetCountry = Country(e.Target, country)
		if e.Sentence >= 0 && e.Sentence < len(r.Sentences) {
			rec.SentenceText = r.Sentences[e.Sentence]
		}
		rec.Day = EventDay(e, d.Published)
		if rec.Body, err = json.Marshal(e); err != nil {
			return nil, fmt.Errorf("document %s: event %s: %v", d.ID, e.ID, err)
		}
		r.Events = append(r.Events, rec)
	}
	for _, q := range d.Quotes {
		rec := QuoteRec{ID: q.ID, Kind: q.Kind, Text: q.Text, SpeakerName: q.Speaker.Name,
			SpeakerCode: strings.ToUpper(q.Speaker.Code)}
		if rec.SpeakerName == "" {
			rec.SpeakerName = q.Speaker.Text
		}
		rec.SpeakerKey = strings.ToLower(rec.SpeakerName)
		if rec.Day = dayOf(q.Date); rec.Day == "" {
			rec.Day = r.Day
		}
		if rec.Body, err = json.Marshal(q); err != nil {
			return nil, fmt.Errorf("document %s: quote %s: %v", d.ID, q.ID, err)
		}
		r.Quotes = append(r.Quotes, rec)
	}
	r.Times = d.Times
	return r, nil
}

// ActorCountries maps the ids of d's actor entities to their countries.
func ActorCountries(d *contract.Document) map[string]string {
	m := map[string]string{}
	for _, e := range d.Entities {
		if e.Actor != nil && e.Actor.Country != "" {
			m[e.ID] = strings.ToUpper(e.Actor.Country)
		}
	}
	return m
}

// Country is a participant's country: its entity's (byEntity, from
// ActorCountries), else the first three letters of its code (the CAMEO
// country or sector block).
func Country(p contract.Participant, byEntity map[string]string) string {
	if c := byEntity[p.Entity]; c != "" {
		return c
	}
	code := strings.ToUpper(p.Code)
	if len(code) >= 3 {
		return code[:3]
	}
	return code
}

// EventDay is the day of an event: its own date when it names a day, else
// the publication day; "" when neither does.
func EventDay(e contract.Event, published string) string {
	if d := dayOf(e.Date); d != "" {
		return d
	}
	return dayOf(published)
}

// dayOf returns the YYYY-MM-DD day a date or RFC 3339 time starts with,
// or "" when it does not start with a valid day.
func dayOf(s string) string {
	if len(s) < 10 {
		return ""
	}
	if _, err := time.Parse(time.DateOnly, s[:10]); err != nil {
		return ""
	}
	return s[:10]
}
