// Package export writes annotated documents (the output contract) in the
// formats other tools read: JSON Lines (whole documents), CSV for
// spreadsheets, a GDELT 2.0-style event table, PETRARCH-style event
// records, and Parquet for pandas, R and DuckDB. Event and quote rows are
// flattened the same way for every format (Events, Quotes).
//
// It reads contract documents from wherever the caller gets them (a store,
// an extract output file) and knows nothing of either.
package export

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/dyadhq/dyad/internal/store"
	"github.com/dyadhq/dyad/pkg/contract"
)

// Formats lists the format names New accepts.
var Formats = []string{"jsonl", "csv", "gdelt", "petrarch", "parquet"}

// Options select what is written.
type Options struct {
	// Table is "events" (default) or "quotes", for csv and parquet; the
	// other formats have one table.
	Table string
}

// Writer writes documents in one format. Close flushes what is buffered
// (Parquet writes its footer) but does not close the underlying writer.
type Writer interface {
	Write(d *contract.Document) error
	Close() error
}

// New returns a writer of format to w.
func New(format string, w io.Writer, opts Options) (Writer, error) {
	switch opts.Table {
	case "", "events":
		opts.Table = "events"
	case "quotes":
		if format != "csv" && format != "parquet" {
			return nil, fmt.Errorf("--table quotes is for csv and parquet, not %s", format)
		}
	default:
		return nil, fmt.Errorf("unknown table %q (events or quotes)", opts.Table)
	}
	switch format {
	case "jsonl":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		return &jsonlWriter{enc: enc}, nil
	case "csv":
		return newCSV(w, opts.Table)
	case "gdelt":
		return &gdeltWriter{w: w}, nil
	case "petrarch":
		return &petrarchWriter{w: w}, nil
	case "parquet":
		return newParquet(w, opts.Table), nil
	}
	return nil, fmt.Errorf("unknown format %q (one of %s)", format, strings.Join(Formats, ", "))
}

type jsonlWriter struct{ enc *json.Encoder }

func (j *jsonlWriter) Write(d *contract.Document) error { return j.enc.Encode(d) }
func (j *jsonlWriter) Close() error                     { return nil }

// Event is one event, flattened: the row of the CSV and Parquet event
// tables, from which the GDELT and PETRARCH lines are made too.
type Event struct {
	DocKey        string  `parquet:"doc_key" csv:"doc_key"`
	DocID         string  `parquet:"doc_id" csv:"doc_id"`
	EventID       string  `parquet:"event_id" csv:"event_id"`
	Date          string  `parquet:"date" csv:"date"`
	Sentence      int32   `parquet:"sentence" csv:"sentence"`
	Paragraph     int32   `parquet:"paragraph" csv:"paragraph"`
	SourceCode    string  `parquet:"source_code" csv:"source_code"`
	SourceCountry string  `parquet:"source_country" csv:"source_country"`
	SourceText    string  `parquet:"source_text" csv:"source_text"`
	SourceName    string  `parquet:"source_name" csv:"source_name"` // the entity's canonical name
	TargetCode    string  `parquet:"target_code" csv:"target_code"`
	TargetCountry string  `parquet:"target_country" csv:"target_country"`
	TargetText    string  `parquet:"target_text" csv:"target_text"`
	TargetName    string  `parquet:"target_name" csv:"target_name"`
	CameoCode     string  `parquet:"cameo_code" csv:"cameo_code"`
	CameoName     string  `parquet:"cameo_name" csv:"cameo_name"`
	CameoRoot     string  `parquet:"cameo_root" csv:"cameo_root"`
	QuadClass     int32   `parquet:"quad_class" csv:"quad_class"`
	Goldstein     float64 `parquet:"goldstein" csv:"goldstein"`
	PloverType    string  `parquet:"plover_type" csv:"plover_type"`
	PloverMode    string  `parquet:"plover_mode" csv:"plover_mode"`
	PloverContext string  `parquet:"plover_context" csv:"plover_context"`
	Trigger       string  `parquet:"trigger" csv:"trigger"`
	Negated       bool    `parquet:"negated" csv:"negated"`
	Reported      bool    `parquet:"reported" csv:"reported"`
	Modality      string  `parquet:"modality" csv:"modality"`
	Location      string  `parquet:"location" csv:"location"`
	Mentions      int32   `parquet:"mentions" csv:"mentions"`
	Issues        string  `parquet:"issues" csv:"issues"` // joined with ";"
	Title         string  `parquet:"title" csv:"title"`
	Published     string  `parquet:"published" csv:"published"`
	Source        string  `parquet:"source" csv:"source"`
	URL           string  `parquet:"url" csv:"url"`
	SentenceText  string  `parquet:"sentence_text" csv:"sentence_text"`
}

// Quote is one quote, flattened.
type Quote struct {
	DocKey      string `parquet:"doc_key" csv:"doc_key"`
	DocID       string `parquet:"doc_id" csv:"doc_id"`
	QuoteID     string `parquet:"quote_id" csv:"quote_id"`
	Date        string `parquet:"date" csv:"date"`
	Kind        string `parquet:"kind" csv:"kind"`
	SpeakerName string `parquet:"speaker_name" csv:"speaker_name"`
	SpeakerCode string `parquet:"speaker_code" csv:"speaker_code"`
	Anonymous   bool   `parquet:"anonymous" csv:"anonymous"`
	Cue         string `parquet:"cue" csv:"cue"`
	Medium      string `parquet:"medium" csv:"medium"`
	Addressee   string `parquet:"addressee" csv:"addressee"`
	Text        string `parquet:"text" csv:"text"`
	Start       int32  `parquet:"start" csv:"start"`
	End         int32  `parquet:"end" csv:"end"`
	Title       string `parquet:"title" csv:"title"`
	Published   string `parquet:"published" csv:"published"`
	Source      string `parquet:"source" csv:"source"`
	URL         string `parquet:"url" csv:"url"`
}

// Events flattens the events of d.
func Events(d *contract.Document) []Event {
	if len(d.Events) == 0 {
		return nil
	}
	key := store.DocKey(d)
	countries := store.ActorCountries(d)
	names := make(map[string]string, len(d.Entities))
	for _, en := range d.Entities {
		names[en.ID] = en.Canonical
	}
	out := make([]Event, 0, len(d.Events))
	for _, e := range d.Events {
		r := Event{
			DocKey: key, DocID: d.ID, EventID: e.ID, Date: store.EventDay(e, d.Published), Sentence: int32(e.Sentence),
			SourceCode: strings.ToUpper(e.Source.Code), SourceCountry: store.Country(e.Source, countries), SourceText: e.Source.Text,
			TargetCode: strings.ToUpper(e.Target.Code), TargetCountry: store.Country(e.Target, countries), TargetText: e.Target.Text,
			SourceName: names[e.Source.Entity], TargetName: names[e.Target.Entity],
			CameoCode: e.Cameo.Code, CameoName: e.Cameo.Name, CameoRoot: e.Cameo.Root, QuadClass: int32(e.Cameo.QuadClass),
			Goldstein: e.Cameo.Goldstein, PloverType: e.Plover.Type, PloverMode: e.Plover.Mode, PloverContext: e.Plover.Context,
			Trigger: e.Trigger.Text, Negated: e.Negated, Reported: e.Reported, Modality: e.Modality,
			Mentions: int32(max(1, len(e.Mentions))), Issues: strings.Join(e.Issues, ";"),
			Title: d.Title, Published: d.Published, Source: d.Source, URL: d.URL,
		}
		if r.CameoRoot == "" && len(r.CameoCode) >= 2 {
			r.CameoRoot = r.CameoCode[:2]
		}
		if e.Location != nil {
			r.Location = e.Location.Text
		}
		if e.Sentence >= 0 && e.Sentence < len(d.Sentences) {
			s := d.Sentences[e.Sentence]
			r.Paragraph = int32(s.Paragraph)
			if s.Start >= 0 && s.Start <= s.End && s.End <= len(d.Text) {
				r.SentenceText = d.Text[s.Start:s.End]
			}
		}
		out = append(out, r)
	}
	return out
}

// Quotes flattens the quotes of d.
func Quotes(d *contract.Document) []Quote {
	if len(d.Quotes) == 0 {
		return nil
	}
	key := store.DocKey(d)
	out := make([]Quote, 0, len(d.Quotes))
	for _, q := range d.Quotes {
		date := q.Date
		if date == "" && len(d.Published) >= 10 {
			date = d.Published[:10]
		}
		name := q.Speaker.Name
		if name == "" {
			name = q.Speaker.Text
		}
		out = append(out, Quote{
			DocKey: key, DocID: d.ID, QuoteID: q.ID, Date: date, Kind: q.Kind, SpeakerName: name,
			SpeakerCode: strings.ToUpper(q.Speaker.Code), Anonymous: q.Speaker.Anonymous, Cue: q.Cue.Text,
			Medium: q.Medium, Addressee: q.Addressee, Text: q.Text, Start: int32(q.Start), End: int32(q.End),
			Title: d.Title, Published: d.Published, Source: d.Source, URL: d.URL,
		})
	}
	return out
}

// ReadJSON reads contract documents from r: JSON objects one after another
// (dyad extract's json and jsonl output) or one JSON array of them, and
// calls fn for each. name names r in errors, with the document's number.
func ReadJSON(r io.Reader, name string, fn func(*contract.Document) error) error {
	dec := json.NewDecoder(r)
	n := 0
	one := func(raw json.RawMessage) error {
		n++
		var d contract.Document
		if err := json.Unmarshal(raw, &d); err != nil {
			return fmt.Errorf("%s: document %d: %v", name, n, err)
		}
		if err := store.Check(&d); err != nil {
			return fmt.Errorf("%s: document %d: %v", name, n, err)
		}
		return fn(&d)
	}
	for {
		var raw json.RawMessage
		if err := dec.Decode(&raw); err == io.EOF {
			return nil
		} else if err != nil {
			return fmt.Errorf("%s: after document %d: %v", name, n, err)
		}
		switch {
		case len(raw) > 0 && raw[0] == '[':
			var arr []json.RawMessage
			if err := json.Unmarshal(raw, &arr); err != nil {
				return fmt.Errorf("%s: %v", name, err)
			}
			for _, a := range arr {
				if err := one(a); err != nil {
					return err
				}
			}
		case len(raw) > 0 && raw[0] == '{':
			if err := one(raw); err != nil {
				return err
			}
		default:
			return fmt.Errorf("%s: document %d is not a JSON object", name, n+1)
		}
	}
}
