// Package entity finds the entities of a story and resolves every mention of
// each within the story (coreference): it joins the named-entity
// recognizer's spans (package ner) with the actor dictionary's matches
// (package actor), gives each entity a canonical name, a type (PER, ORG,
// GPE, LOC, NORP) and, for political actors, the CAMEO actor code valid on
// the story's publication date, and links to it the later mentions that
// refer back: surnames after full names ("Lavrov" after "Sergei Lavrov"),
// pronouns (he, his, she, her) by gender and distance, definite titles ("the
// president" is the president in office mentioned last), seats of power,
// adjectives of countries, and groups ("the two presidents", "the two
// countries").
//
// It reads tokens (with tags, for the recognizer), sentences, the text and
// the publication date. It knows nothing of events or quotes, which look
// entities up by token with Result.ActorAt.
package entity

import (
	"sort"
	"strconv"
	"strings"

	"github.com/dyadhq/dyad/internal/actor"
	"github.com/dyadhq/dyad/internal/ner"
	"github.com/dyadhq/dyad/pkg/doc"
)

// Types of entities.
const (
	PER  = "PER"
	ORG  = "ORG"
	LOC  = "LOC"
	GPE  = "GPE"  // a country, territory or city as a polity
	NORP = "NORP" // a nationality known only by its adjective ("Israeli")
)

// Mention kinds.
const (
	KindName      = "name"      // a name: "Vladimir Putin", "Putin", "Russia"
	KindTitle     = "title"     // a title naming the office holder: "the Russian foreign minister"
	KindPronoun   = "pronoun"   // he, his, she, her
	KindAdjective = "adjective" // "Russian", "Britain's" inside a longer mention
	KindNominal   = "nominal"   // a role noun: "Russian troops"
	KindGroup     = "group"     // "the two presidents"
	KindMetonym   = "metonym"   // a seat of power: "the Kremlin"
)

// Mention is one place an entity is named or referred to.
type Mention struct {
	Start, End  int // bytes of Document.Text
	First, Last int // tokens [First, Last)
	Sentence    int
	Kind        string
	// Nested mentions lie inside a longer mention of another entity
	// ("Britain's" in "Britain's Prime Minister Theresa May"); ActorAt
	// returns the longer one.
	Nested bool
}

// Entity is one thing the story talks about.
type Entity struct {
	ID        int // index in Result.Entities
	Canonical string
	Type      string
	// Code is the actor code on the story's date ("" for none); Country and
	// Role are its first country code and first role, when it has them.
	Code          actor.Code
	Country, Role string
	// Person is the dictionary's person, for people it knows.
	Person *actor.Person
	// Members are the entities of a group ("the two presidents").
	Members  []int
	Mentions []Mention

	key    string
	gender byte
	office bool // holds an office on the date (for titles and groups)
}

// Result is the entities of one document.
type Result struct {
	Entities []*Entity
	byTok    []int32 // token -> entity of the outermost mention covering it, -1
}

// ActorAt returns the entity of the mention covering token tok, or nil.
func (r *Result) ActorAt(tok int) *Entity {
	if r == nil || tok < 0 || tok >= len(r.byTok) || r.byTok[tok] < 0 {
		return nil
	}
	return r.Entities[r.byTok[tok]]
}

// Resolver finds entities with a dictionary and, optionally, a recognizer.
// It is safe for concurrent use.
type Resolver struct {
	dict *actor.Dictionary
	ner  *ner.Model
}

// New returns a resolver. model may be nil (dictionary matches only).
func New(dict *actor.Dictionary, model *ner.Model) *Resolver {
	return &Resolver{dict: dict, ner: model}
}

// Dictionary returns the resolver's actor dictionary.
func (r *Resolver) Dictionary() *actor.Dictionary { return r.dict }

// splitCode returns the country and first role of a code: "USAGOV" ->
// USA, GOV; "IMGMUSISI" -> "", "".
func (r *Resolver) splitCode(c actor.Code) (country, role string) {
	s := string(c)
	if len(s) < 3 {
		return "", ""
	}
	if r.dict.CountryName(s[:3]) != "" {
		country = s[:3]
		if len(s) >= 6 && actor.IsRole(s[3:6]) {
			role = s[3:6]
		}
	}
	return country, role
}

// sentenceOf maps tokens to sentence indexes.
func sentenceOf(d *doc.Document) []int {
	out := make([]int, len(d.Tokens))
	for si, s := range d.Sentences {
		for i := s.First; i < s.Last && i < len(out); i++ {
			out[i] = si
		}
	}
	return out
}

// quoted marks the tokens inside quotation marks, straight or curly. A
// straight quote opens when the one before it closed; a quote left open at
// the end of a paragraph closes there.
func quoted(d *doc.Document, sent []int) []bool {
	in := make([]bool, len(d.Tokens))
	open := false
	para := -1
	for i := range d.Tokens {
		if len(d.Sentences) > 0 {
			if p := d.Sentences[sent[i]].Paragraph; p != para {
				para, open = p, false
			}
		}
		switch d.Text[d.Tokens[i].Start:d.Tokens[i].End] {
		case "“", "«":
			open = true
			continue
		case "”", "»":
			open = false
			continue
		case "\"", "''", "``":
			open = !open
			continue
		}
		in[i] = open
	}
	return in
}

// sortMentions orders each entity's mentions by position.
func sortMentions(es []*Entity) {
	for _, e := range es {
		sort.SliceStable(e.Mentions, func(i, j int) bool { return e.Mentions[i].Start < e.Mentions[j].Start })
	}
}

// lowerWord is the lower-case surface of token i.
func lowerWord(d *doc.Document, i int) string {
	return strings.ToLower(d.Form(i))
}

// Ref is the entity's id in the output ("e1", "e2"...).
func (e *Entity) Ref() string { return "e" + strconv.Itoa(e.ID+1) }

// MentionAt returns the entity and the mention covering token tok (the
// outermost mention when several are nested).
func (r *Result) MentionAt(tok int) (*Entity, Mention, bool) {
	e := r.ActorAt(tok)
	if e == nil {
		return nil, Mention{}, false
	}
	for _, m := range e.Mentions {
		if !m.Nested && m.First <= tok && tok < m.Last {
			return e, m, true
		}
	}
	return nil, Mention{}, false
}
