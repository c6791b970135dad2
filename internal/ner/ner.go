// Package ner is dyad's named-entity recognizer: it finds the names of
// people (PER), organizations (ORG) and places (LOC) in tagged tokens.
//
// The model is a first-order structured (averaged) perceptron over BIO
// labels, decoded with Viterbi under the BIO constraint (an I-X label only
// continues a B-X or I-X); its weights are the sum of several such
// perceptrons trained with different shuffles (TrainConfig.Runs). Its
// features are the word and its neighbours, their shapes, affixes and
// word classes (clusters.go), the part-of-speech tags, and gazetteer
// features: the kind of actor-dictionary match (country, capital, person,
// organization, armed group...) covering each token, so that the
// recognizer profits from dyad's own dictionary (third-party name lists
// are not used: what dyad ships is its own), and the memory of the names
// of its training corpus (memory.go). Features read one sentence at a
// time: the same sentence gets the same labels in any document. It is
// trained by Train on Universal NER English EWT (BIO tags over UD EWT
// words).
//
// The recognizer reads token forms, UPOS/XPOS tags and sentence bounds, and
// takes the actor matches as given; it knows nothing of coreference, of
// actor codes or of events. Finer types (GPE, NORP) are left to the entity
// stage, which knows the dictionary entries behind a span. A Model is safe
// for concurrent use.
package ner

import (
	"strings"

	"github.com/dyadhq/dyad/internal/actor"
	"github.com/dyadhq/dyad/pkg/doc"
)

// Types are the entity types the model recognizes, in label order.
var Types = []string{"PER", "ORG", "LOC"}

// Labels: O, then B-X and I-X for each type.
const (
	labelO = 0
	// nLabels is O plus B and I of each type.
	nLabels = 1 + 2*3
)

// labelNames are the BIO labels in index order.
var labelNames = [nLabels]string{"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"}

// LabelIndex returns the index of a BIO label; unknown labels (OTH, the
// malformed "B-O" of the unadjudicated train file) read as O.
func LabelIndex(s string) int {
	for i, n := range labelNames {
		if n == s {
			return i
		}
	}
	return labelO
}

func isB(l int) bool { return l > 0 && l%2 == 1 }
func isI(l int) bool { return l > 0 && l%2 == 0 }

// typeOf returns the type index (0 PER, 1 ORG, 2 LOC; 3 for the name
// memory's OTH) of a non-O label.
func typeOf(l int) int { return (l - 1) / 2 }

// allowed reports whether label b may follow label a (a = -1 at the start).
func allowed(a, b int) bool {
	if !isI(b) {
		return true
	}
	return a > 0 && typeOf(a) == typeOf(b)
}

// Span is a recognized name: tokens [First, Last) of the document.
type Span struct {
	First, Last int
	Type        string // PER, ORG, LOC
}

// Gazetteer codes: the kind of the actor match covering a token, and
// whether the token begins it.
type gaz uint8

const (
	gazNone gaz = iota
	gazCountry
	gazAdj
	gazCapital
	gazRegion
	gazMetonym
	gazOrg // IGO, NGO, PETRARCH actor
	gazNSA
	gazPerson
	gazTitle // title, agent or honorific
	gazTitledPerson
	gazKinds
)

func gazOfKind(k actor.Kind) gaz {
	switch k {
	case actor.KindCountry:
		return gazCountry
	case actor.KindAdjective:
		return gazAdj
	case actor.KindCapital:
		return gazCapital
	case actor.KindRegion:
		return gazRegion
	case actor.KindMetonym:
		return gazMetonym
	case actor.KindIGO, actor.KindNGO, actor.KindActor:
		return gazOrg
	case actor.KindNSA:
		return gazNSA
	case actor.KindPerson:
		return gazPerson
	case actor.KindTitle, actor.KindAgent, actor.KindHonorific:
		return gazTitle
	}
	return gazNone
}

// gazFolded marks a lower-case word that the dictionary knows as a country
// or capital when capitalized ("malaysia", "florida" is not one).
const gazFolded = 0x40

// Gazetteer turns actor matches into one code per token of d: the kind of
// the match covering the token, times two, plus one when the token begins
// the match; plus gazFolded for a lower-case word of four letters or more
// that dict knows, ignoring case, as a country, adjective or capital (web
// text writes "malaysia"). Matches need token spans; dict may be nil.
func Gazetteer(d *doc.Document, dict *actor.Dictionary, ms []actor.Match) []uint8 {
	ntok := len(d.Tokens)
	g := make([]uint8, ntok)
	if dict != nil {
		for i := range d.Tokens {
			w := d.TokenText(i)
			if len(w) < 4 || strings.ToLower(w) != w {
				continue
			}
			for _, e := range dict.Lookup(w) {
				if e.Kind == actor.KindCountry || e.Kind == actor.KindCapital || e.Kind == actor.KindAdjective {
					g[i] = gazFolded
					break
				}
			}
		}
	}
	for i := range ms {
		m := &ms[i]
		if m.First < 0 || m.Last > ntok || m.First >= m.Last {
			continue
		}
		k := gazOfKind(m.Kind)
		if k == gazPerson && m.Title != nil {
			k = gazTitledPerson
		}
		if k == gazNone {
			continue
		}
		for t := m.First; t < m.Last; t++ {
			g[t] = uint8(k)*2 | g[t]&gazFolded
		}
		g[m.First]++
	}
	return g
}

// Recognize finds the names in each sentence of d, whose tokens must carry
// UPOS and XPOS tags; gazetteer is Gazetteer of the document's actor
// matches (nil for none). Spans come in text order.
func (m *Model) Recognize(d *doc.Document, gazetteer []uint8) []Span {
	sc := m.getScratch()
	defer m.pool.Put(sc)
	var out []Span
	fill := func(first, last int) {
		m.begin(sc)
		for i := first; i < last; i++ {
			t := &d.Tokens[i]
			var g uint8
			if gazetteer != nil {
				g = gazetteer[i]
			}
			m.add(sc, d.Form(i), t.UPOS, t.XPOS, g)
		}
	}
	for _, s := range sentences(d) {
		if s.Last <= s.First {
			continue
		}
		fill(s.First, s.Last)
		labels := m.decode(sc)
		out = appendSpans(out, labels, s.First)
	}
	return out
}

// RecognizeWords labels one sentence given as words, tags and gazetteer
// codes, and returns its BIO labels.
func (m *Model) RecognizeWords(words, upos, xpos []string, gazetteer []uint8) []string {
	sc := m.getScratch()
	defer m.pool.Put(sc)
	labels := m.labelWords(sc, words, upos, xpos, gazetteer)
	out := make([]string, len(labels))
	for i, l := range labels {
		out[i] = labelNames[l]
	}
	return out
}

// appendSpans reads the spans of a BIO label sequence whose first token is
// document token base.
func appendSpans(out []Span, labels []int, base int) []Span {
	for _, s := range spansAll(labels) {
		if s.typ < len(Types) { // OTH is read but not output
			out = append(out, Span{First: base + s.First, Last: base + s.Last, Type: Types[s.typ]})
		}
	}
	return out
}

// labelWords labels one sentence given as words, tags and gazetteer codes
// (nil: none) with scratch sc; the labels are sc's.
func (m *Model) labelWords(sc *scratch, words, upos, xpos []string, gazetteer []uint8) []int {
	m.begin(sc)
	for i, w := range words {
		var g uint8
		if gazetteer != nil {
			g = gazetteer[i]
		}
		m.add(sc, w, upos[i], xpos[i], g)
	}
	return m.decode(sc)
}

// sentences returns d's sentences, or the whole document as one when it has
// none.
func sentences(d *doc.Document) []doc.Sentence {
	if len(d.Sentences) == 0 {
		return []doc.Sentence{{First: 0, Last: len(d.Tokens)}}
	}
	return d.Sentences
}
