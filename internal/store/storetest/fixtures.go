// Package storetest is the conformance suite every store backend passes
// (Run), and a builder of synthetic annotated documents (Builder, Corpus)
// that the store, API, export and web tests share, so that they do not
// depend on what the pipeline makes of a text. Its stories, people and
// sentences are invented.
package storetest

import (
	"fmt"
	"strings"

	"github.com/dyadhq/dyad/pkg/contract"
)

// Builder makes a contract document sentence by sentence, with annotations
// located by searching their text in a sentence, so offsets are always right.
type Builder struct {
	d        contract.Document
	entities map[string]int
}

// NewDoc starts a document.
func NewDoc(id, title, published string) *Builder {
	d := contract.New()
	d.ID, d.Title, d.Published, d.Language = id, title, published, "en"
	return &Builder{d: d, entities: map[string]int{}}
}

// Text sets the body directly (for documents whose sentences are added by
// the pipeline or by Sentence calls that must match existing text).
func (b *Builder) Text(text string) *Builder {
	b.d.Text = text
	return b
}

// Sentence appends a sentence (separated by a space) and returns its index.
func (b *Builder) Sentence(text string) int {
	if b.d.Text != "" {
		b.d.Text += " "
	}
	start := len(b.d.Text)
	b.d.Text += text
	i := len(b.d.Sentences)
	b.d.Sentences = append(b.d.Sentences, contract.Sentence{Index: i, Start: start, End: len(b.d.Text), Text: text})
	return i
}

// find returns the byte span of the n-th (0-based) occurrence of s in
// sentence sent, or in the whole text when sent < 0.
func (b *Builder) find(sent int, s string, n int) (int, int) {
	base, hay := 0, b.d.Text
	if sent >= 0 {
		base, hay = b.d.Sentences[sent].Start, b.d.Sentences[sent].Text
	}
	off := 0
	for k := 0; ; k++ {
		i := strings.Index(hay[off:], s)
		if i < 0 {
			panic(fmt.Sprintf("storetest: %q not found in sentence %d of %s", s, sent, b.d.ID))
		}
		if k == n {
			return base + off + i, base + off + i + len(s)
		}
		off += i + len(s)
	}
}

// Entity adds an entity (an actor when code is not "") mentioned by the
// first occurrence of mention in sentence sent; more mentions by Mention.
func (b *Builder) Entity(id, typ, mention string, sent int, code, country, role string) *Builder {
	e := contract.Entity{ID: id, Text: mention, Canonical: mention, Type: typ}
	if code != "" {
		e.Actor = &contract.Actor{Code: code, Country: country, Role: role}
	}
	b.entities[id] = len(b.d.Entities)
	b.d.Entities = append(b.d.Entities, e)
	return b.Mention(id, mention, sent, 0)
}

// Mention adds the n-th occurrence of text in sentence sent as a mention.
func (b *Builder) Mention(entity, text string, sent, n int) *Builder {
	s, e := b.find(sent, text, n)
	ent := &b.d.Entities[b.entities[entity]]
	ent.Mentions = append(ent.Mentions, contract.Mention{Start: s, End: e, Text: text, Sentence: sent, Kind: "name"})
	return b
}

func (b *Builder) participant(entity string, sent int) contract.Participant {
	i, ok := b.entities[entity]
	if !ok {
		panic("storetest: unknown entity " + entity)
	}
	e := b.d.Entities[i]
	p := contract.Participant{Entity: entity, Text: e.Text}
	if e.Actor != nil {
		p.Code = e.Actor.Code
	}
	for _, m := range e.Mentions {
		if m.Sentence == sent {
			p.Start, p.End, p.Text = m.Start, m.End, m.Text
			break
		}
	}
	return p
}

// Ev describes an event for Event.
type Ev struct {
	Sentence       int
	Source, Target string // entity ids
	Trigger        string
	Code, Name     string
	Quad           int
	Goldstein      float64
	Plover         string
	Date           string // "" takes the publication date
}

// Event adds an event.
func (b *Builder) Event(v Ev) *Builder {
	s, e := b.find(v.Sentence, v.Trigger, 0)
	ev := contract.Event{
		ID: fmt.Sprintf("ev%d", len(b.d.Events)+1), Sentence: v.Sentence,
		Source: b.participant(v.Source, v.Sentence), Target: b.participant(v.Target, v.Sentence),
		Cameo:   contract.Cameo{Code: v.Code, Name: v.Name, Root: v.Code[:2], QuadClass: v.Quad, Goldstein: v.Goldstein},
		Plover:  contract.Plover{Type: v.Plover},
		Trigger: contract.Span{Start: s, End: e, Text: v.Trigger},
		Date:    v.Date, DateFrom: "text",
	}
	if ev.Date == "" {
		ev.Date, ev.DateFrom = b.d.Published, "published"
	}
	b.d.Events = append(b.d.Events, ev)
	return b
}

// Quote adds a quote of text in sentence sent, said by entity speaker (its
// mention in the same sentence), signalled by cue.
func (b *Builder) Quote(sent int, text, speaker, cue, date string) *Builder {
	s, e := b.find(sent, text, 0)
	p := b.participant(speaker, sent)
	ent := b.d.Entities[b.entities[speaker]]
	cs, ce := b.find(sent, cue, 0)
	q := contract.Quote{
		ID: fmt.Sprintf("q%d", len(b.d.Quotes)+1), Kind: "direct", Text: text, Start: s, End: e,
		Speaker: contract.Speaker{Entity: speaker, Name: ent.Canonical, Code: p.Code, Text: p.Text, Start: p.Start, End: p.End},
		Cue:     contract.Cue{Lemma: strings.ToLower(cue), Start: cs, End: ce, Text: cue},
		Date:    date,
	}
	b.d.Quotes = append(b.d.Quotes, q)
	return b
}

// Time adds a time expression.
func (b *Builder) Time(sent int, text, typ, value string) *Builder {
	s, e := b.find(sent, text, 0)
	b.d.Times = append(b.d.Times, contract.Time{Text: text, Start: s, End: e, Type: typ, Value: value})
	return b
}

// Doc returns the document.
func (b *Builder) Doc() *contract.Document {
	d := b.d
	return &d
}

// Corpus is a small synthetic corpus: three stories about Russia, the
// United States and Ukraine with events, quotes and times, and one story
// with hostile markup and no annotations.
func Corpus() []*contract.Document {
	a := NewDoc("call", "Moscow and Washington trade words", "2017-01-28")
	s0 := a.Sentence("Russia criticized the United States over sanctions on Friday.")
	s1 := a.Sentence("The United States agreed to hold talks with Russia.")
	s2 := a.Sentence(`"We have no hopes of relief from sanctions," Orlov said.`)
	a.Entity("e1", "GPE", "Russia", s0, "RUS", "RUS", "").Mention("e1", "Russia", s1, 0).
		Entity("e2", "GPE", "United States", s0, "USA", "USA", "").Mention("e2", "United States", s1, 0).
		Entity("e3", "PER", "Orlov", s2, "RUSGOV", "RUS", "GOV").
		Event(Ev{Sentence: s0, Source: "e1", Target: "e2", Trigger: "criticized", Code: "111", Name: "Criticize or denounce", Quad: 3, Goldstein: -2, Plover: "ACCUSE", Date: "2017-01-27"}).
		Event(Ev{Sentence: s1, Source: "e2", Target: "e1", Trigger: "agreed", Code: "036", Name: "Express intent to meet or negotiate", Quad: 1, Goldstein: 4, Plover: "CONSULT"}).
		Quote(s2, "We have no hopes of relief from sanctions,", "e3", "said", "").
		Time(s0, "Friday", "DATE", "2017-01-27")

	b := NewDoc("shelling", "Ukraine accuses Russia", "2017-02-03")
	t0 := b.Sentence("Ukraine accused Russian forces of shelling Avdiivka.")
	t1 := b.Sentence("Russian forces attacked the town again.")
	t2 := b.Sentence(`"The deal is good for Russia," Hale told reporters.`)
	b.Entity("e1", "GPE", "Ukraine", t0, "UKR", "UKR", "").
		Entity("e2", "ORG", "Russian forces", t0, "RUSMIL", "RUS", "MIL").Mention("e2", "Russian forces", t1, 0).
		Entity("e3", "GPE", "town", t1, "UKR", "UKR", "").
		Entity("e4", "PER", "Hale", t2, "USAGOV", "USA", "GOV").
		Event(Ev{Sentence: t0, Source: "e1", Target: "e2", Trigger: "accused", Code: "112", Name: "Accuse", Quad: 3, Goldstein: -2, Plover: "ACCUSE"}).
		Event(Ev{Sentence: t1, Source: "e2", Target: "e3", Trigger: "attacked", Code: "190", Name: "Use conventional military force", Quad: 4, Goldstein: -10, Plover: "ASSAULT"}).
		Quote(t2, "The deal is good for Russia,", "e4", "told", "")

	c := NewDoc("consult", "Europe weighs sanctions", "")
	u0 := c.Sentence("Germany met France to discuss sanctions on Russia.")
	u1 := c.Sentence("The White House praised Russia on February 5, 2017.")
	c.Entity("e1", "GPE", "Germany", u0, "DEU", "DEU", "").
		Entity("e2", "GPE", "France", u0, "FRA", "FRA", "").
		Entity("e3", "ORG", "White House", u1, "USAGOV", "USA", "GOV").
		Entity("e4", "GPE", "Russia", u1, "RUS", "RUS", "").
		Event(Ev{Sentence: u0, Source: "e1", Target: "e2", Trigger: "met", Code: "040", Name: "Consult", Quad: 1, Goldstein: 1, Plover: "CONSULT", Date: "2017-02-05"}).
		Event(Ev{Sentence: u1, Source: "e3", Target: "e4", Trigger: "praised", Code: "051", Name: "Praise or endorse", Quad: 1, Goldstein: 3.4, Plover: "SUPPORT", Date: "2017-02-05"}).
		Time(u1, "February 5, 2017", "DATE", "2017-02-05")

	d := NewDoc("hostile", `<img src=x onerror="window.__xss=1">`, "2017-03-01")
	d.Sentence(`<script>window.__xss=1</script> Markup in a story is text.`)
	d.Sentence(`<b onmouseover="window.__xss=1">bold</b> & "quoted" text.`)
	return []*contract.Document{a.Doc(), b.Doc(), c.Doc(), d.Doc()}
}
