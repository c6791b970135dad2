// Package contract defines dyad's output contract, version 1: the JSON object
// written for each document by `dyad extract`, stored by `dyad ingest`, served
// by the HTTP API and read by exporters. docs/contract.md and
// docs/contract-v1.schema.json describe it for other tools.
//
// Field names are the contract: fields may be added, none renamed or removed.
// All offsets are byte offsets into Document.Text, and every span keeps
// Text[Start:End] == span text. This package holds plain data only; it knows
// nothing of how the annotations are made.
package contract

// Version names this contract in every document.
const Version = "dyad/v1"

// Document is the annotated form of one news story.
type Document struct {
	Contract  string `json:"contract"`
	ID        string `json:"id"`
	Title     string `json:"title"`
	Published string `json:"published,omitempty"` // YYYY-MM-DD or RFC 3339
	Source    string `json:"source,omitempty"`
	URL       string `json:"url,omitempty"`
	Language  string `json:"language,omitempty"`
	Text      string `json:"text"`

	Sentences []Sentence `json:"sentences"`
	Tokens    []Token    `json:"tokens,omitempty"` // only with --tokens
	Entities  []Entity   `json:"entities"`
	Events    []Event    `json:"events"`
	Quotes    []Quote    `json:"quotes"`
	Times     []Time     `json:"times"`

	Meta map[string]string `json:"meta,omitempty"`
}

// Sentence is one sentence of the text.
type Sentence struct {
	Index     int    `json:"index"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Text      string `json:"text"`
	Paragraph int    `json:"paragraph"`
}

// Token is one syntactic word in UD terms. ID and Head count from 1 within
// the sentence as in CoNLL-U (Head 0 is the root).
type Token struct {
	Index      int    `json:"index"` // position in the document
	Sentence   int    `json:"sentence"`
	ID         int    `json:"id"`
	Start      int    `json:"start"`
	End        int    `json:"end"`
	Text       string `json:"text"`
	Norm       string `json:"norm,omitempty"`
	SpaceAfter bool   `json:"space_after"`
	Fused      bool   `json:"fused,omitempty"`
	UPOS       string `json:"upos,omitempty"`
	XPOS       string `json:"xpos,omitempty"`
	Feats      string `json:"feats,omitempty"`
	Lemma      string `json:"lemma,omitempty"`
	Head       *int   `json:"head,omitempty"` // nil when unparsed
	Deprel     string `json:"deprel,omitempty"`
}

// Span is a piece of the text.
type Span struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Entity is one thing the story talks about, with all its mentions.
type Entity struct {
	ID        string    `json:"id"`
	Text      string    `json:"text"` // the first (or most complete) mention
	Canonical string    `json:"canonical"`
	Type      string    `json:"type"` // PER, ORG, LOC, GPE, NORP...
	Actor     *Actor    `json:"actor"`
	Mentions  []Mention `json:"mentions"`
	// Members are the ids of a group's entities ("the two presidents").
	Members []string `json:"members,omitempty"`
}

// Actor is a CAMEO-style actor code valid on the story's date.
type Actor struct {
	Code    string `json:"code"`
	Country string `json:"country,omitempty"`
	Role    string `json:"role,omitempty"`
}

// Mention is one place an entity is named or referred to.
type Mention struct {
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Text     string `json:"text"`
	Sentence int    `json:"sentence"`
	Kind     string `json:"kind,omitempty"` // name, pronoun, title, nominal...
}

// Event is one coded political event: who did what to whom.
type Event struct {
	ID       string      `json:"id"`
	Sentence int         `json:"sentence"`
	Source   Participant `json:"source"`
	Target   Participant `json:"target"`
	Cameo    Cameo       `json:"cameo"`
	Plover   Plover      `json:"plover"`
	Trigger  Span        `json:"trigger"`
	Date     string      `json:"date,omitempty"`
	// DateFrom says where Date came from: "text" (a time expression attached
	// to the event) or "published" (the publication date, as a fallback).
	DateFrom string   `json:"date_from,omitempty"`
	Negated  bool     `json:"negated"`
	Reported bool     `json:"reported"`
	Modality string   `json:"modality,omitempty"` // "", future, conditional, intent...
	Location *Span    `json:"location,omitempty"`
	Mentions []Span   `json:"mentions,omitempty"` // every telling of the same event
	Issues   []string `json:"issues,omitempty"`
}

// Participant is the source or target of an event.
type Participant struct {
	Entity string `json:"entity,omitempty"` // Entity.ID
	Code   string `json:"code"`
	Text   string `json:"text"`
	Start  int    `json:"start"`
	End    int    `json:"end"`
}

// Cameo is an event's CAMEO coding.
type Cameo struct {
	Code      string  `json:"code"`
	Name      string  `json:"name,omitempty"`
	Root      string  `json:"root"`
	QuadClass int     `json:"quad_class"`
	Goldstein float64 `json:"goldstein"`
}

// Plover is an event's PLOVER coding.
type Plover struct {
	Type    string `json:"type"`
	Mode    string `json:"mode,omitempty"`
	Context string `json:"context,omitempty"`
}

// Quote is one attributed statement.
type Quote struct {
	ID        string  `json:"id"`
	Kind      string  `json:"kind"` // direct, indirect, mixed
	Text      string  `json:"text"`
	Start     int     `json:"start"`
	End       int     `json:"end"`
	Speaker   Speaker `json:"speaker"`
	Cue       Cue     `json:"cue"`
	Medium    string  `json:"medium,omitempty"`
	Addressee string  `json:"addressee,omitempty"`
	Date      string  `json:"date,omitempty"`
}

// Speaker is who said a quote.
type Speaker struct {
	Entity    string `json:"entity,omitempty"`
	Name      string `json:"name,omitempty"`
	Code      string `json:"code,omitempty"`
	Text      string `json:"text,omitempty"`
	Start     int    `json:"start,omitempty"`
	End       int    `json:"end,omitempty"`
	Anonymous bool   `json:"anonymous,omitempty"`
}

// Cue is the word or phrase that signals a quote.
type Cue struct {
	Lemma string `json:"lemma"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Time is a TIMEX3-style time expression with its normalized value.
type Time struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Type  string `json:"type"`  // DATE, TIME, DURATION, SET
	Value string `json:"value"` // TIMEX3 value: 2017-01-27, PT50M, PAST_REF...
	Mod   string `json:"mod,omitempty"`
}

// New returns an empty document with every array non-nil, so that JSON
// consumers always see [] rather than null.
func New() Document {
	return Document{
		Contract:  Version,
		Sentences: []Sentence{},
		Entities:  []Entity{},
		Events:    []Event{},
		Quotes:    []Quote{},
		Times:     []Time{},
	}
}
