// Package quote finds attributed statements in a parsed document: who said
// what, signalled by which words, to whom, through which medium and when.
//
// It finds direct quotes (straight and curly marks, single marks inside
// double ones, quotes over several sentences and over several paragraphs
// where a paragraph opens a quote without closing it), indirect speech ("X
// said that ...", "X told Y that ...", "according to X, ...", "..., saying
// that ...", "..., X said.", "This campaign, he says, is different", "a
// surge which Democrats say could help him", "In a new poll, ...",
// headlines such as "Trump Says ...") and mixed quotes (a quoted fragment
// inside reported speech). It also finds stances, positions attributed
// without reported words ("Trump criticized the deal", "she is critical
// of it", "he vowed to fight", "his calls to end it", "voters see her as
// prepared", "the court seemed to send a signal", "asked about it, ..."),
// which attribution corpora count, along with positions held as nouns and
// adjectives ("Republican calls for a special prosecutor", "her desire to
// win", "willing to compromise"), names given by someone ("what he calls
// corruption") and object relatives ("which the governor opposed"); they
// have Kind Stance and are not quotes. Stances also come from phrasal verbs
// ("took aim at", "weighed in on") and from their target's side ("the plan
// drew criticism from Democrats": the plan is the content, Democrats the
// source). Hearsay without a named source
// ("Reportedly, ...", "Trump leads in the polls") is indirect speech.
// Reported speech inside another attribution's content ("officials said
// the attack was planned and a witness told police that ...") is found in
// a second pass and ends the outer content. Each quote gets its cue (lemma and span), its
// speaker (the subject of the cue; a quote with no cue of its own takes the
// speaker of the quote it continues; unnamed sources are marked anonymous
// and never guessed), the medium or venue, the addressee and the date of
// the time expression in its clause. A last pass sets the edges as
// attribution annotators do, once every token's owner is known: the free
// clause before a quoted predicate ("The bill was "a mistake," she said")
// and the function words between a cue and its quote ("promised to
// "...""") join the content, a preposition opening a stance's object joins
// its cue ("hopes of"), and a comparison, a concession, a non-restrictive
// relative after a stance's object or a dangling conjunction leaves it.
//
// Beside its lexicons and rules it reads a learned cue model (CueModel,
// embedded from models/cues.bin.gz and trained on PolNeAR train by
// TrainCues): an averaged perceptron scoring verbs, nouns and adjectives as
// cues from their lemma, tags, neighbours and dependents. A verb the
// lexicons lack that scores high enough is read by the same rules as a
// stance verb; a word that no rule took and that scores high enough gets
// its content (its clausal complement, infinitive, object or prepositional
// phrase) and source (its subject or possessor) from the parse. A learned
// bounds model (BoundModel, models/bounds.bin.gz, trained on PolNeAR train
// by TrainBounds) then moves the edges of indirect, mixed and stance
// contents where it outscores the rules' edges by its margin.
//
// It reads the document's text, tokens with their XPOS/UPOS tags and lemmas,
// sentences with their paragraphs, and the dependency parse when one is
// there (subjects come from nsubj arcs; without a parse, from the words
// around the cue). It takes the time expressions of package timex as input.
// Speakers are resolved through the Speakers interface when the caller has
// entities and coreference; otherwise through the actor dictionary (dated
// by the publication date) and a rule sending he/she to the subject of the
// nearest earlier sentence that names a person, else to the last named
// speaker. It knows nothing of how tokens, tags or entities were made, nor
// of events or output formats.
package quote

import (
	"strings"

	"github.com/dyadhq/dyad/internal/actor"
	"github.com/dyadhq/dyad/internal/timex"
	"github.com/dyadhq/dyad/pkg/doc"
)

// Kinds of quotes.
const (
	Direct   = "direct"
	Indirect = "indirect"
	Mixed    = "mixed"
	// Stance is a position attributed without reported words ("Trump
	// criticized the deal", "she vowed to fight"): found because the same
	// rules find it and attribution corpora count it, but not a quote, so
	// the output contract leaves it out.
	Stance = "stance"
)

// Quote is one attributed statement.
type Quote struct {
	Kind string
	// Start, End are the bytes of the content; direct quotes include their
	// quote marks, indirect ones their "that".
	Start, End int
	// First, Last are the content's tokens [First, Last).
	First, Last int
	Sentence    int // sentence of the first content token
	Speaker     Speaker
	Cue         Cue
	Medium      string // "The Times of London", "a statement", "Twitter"
	Addressee   string // "reporters"
	Date        string // TIMEX3 value of the utterance's date, "" unknown
	// Continues is the index of the quote this one continues (it has no cue
	// of its own), -1 when none.
	Continues int
}

// Speaker is who said a quote.
type Speaker struct {
	Entity string // entity id from the Speakers resolver, "" without one
	Name   string // canonical name: "Donald Trump", "Kremlin"
	Code   string // CAMEO actor code: "USAGOV"
	// Start, End are the bytes of the speaker phrase in the text; First,
	// Last its tokens. All -1 when the quote has no speaker phrase.
	Start, End  int
	First, Last int
	Anonymous   bool // an unnamed source: "a senior official", "it was reported"
}

// Cue is the word or phrase that signals a quote.
type Cue struct {
	Lemma       string // "say", "tell", "according to"; "" for a continuation
	Start, End  int
	First, Last int
}

// Speakers resolves a token to the entity mentioned there, after
// coreference: the caller's entity stage implements it. ActorAt returns the
// entity whose mention covers token tok, with its name, code and the span
// of that mention.
type Speakers interface {
	ActorAt(tok int) (Speaker, bool)
}

// Extractor finds quotes. It is safe for concurrent use.
type Extractor struct {
	dict   *actor.Dictionary
	cues   *CueModel // learned cue verbs, nil none
	bounds boundHook // learned content edges (m nil: the rules alone)
}

// New returns an extractor resolving speakers through dict when no
// Speakers resolver is given (dict may be nil), admitting the cues of the
// embedded cue model (see CueModel and WithCues) and setting content edges
// with the embedded bounds model (see BoundModel and WithBounds).
func New(dict *actor.Dictionary) *Extractor {
	x := &Extractor{dict: dict}
	if m, err := LoadCueModel(); err == nil {
		x.cues = m
	}
	if m, err := LoadBoundModel(); err == nil {
		x.bounds.m = m
	}
	return x
}

// Extract returns the quotes of d in text order. times are d's time
// expressions (for dates); sp may be nil.
func (x *Extractor) Extract(d *doc.Document, times []timex.Timex, sp Speakers) []Quote {
	if len(d.Tokens) == 0 || len(d.Sentences) == 0 {
		return nil
	}
	s := newState(x, d, times, sp)
	s.direct()
	s.labels()
	s.indirect()
	s.directParse()
	s.learned()
	s.nested()
	s.continuations()
	s.bounds()
	// The bounds can give back words a content held at first ("...,
	// adding that ...", "... and said that ..."): the model's cues get
	// a second look at them.
	s.learned()
	s.finish()
	return s.quotes
}

// state is one document being processed.
type state struct {
	x      *Extractor
	d      *doc.Document
	times  []timex.Timex
	sp     Speakers
	date   actor.Date
	spans  []span
	tokQ   []int32 // span index holding each token, -1 none
	owner  []int32 // quote whose content or cue holds each token, -1 none
	quotes []Quote
	// spanQuote is the quote that took each quoted span (as its content,
	// or as a fragment of a mixed quote), -1 none yet.
	spanQuote []int
	parsed    bool
	inTime    []bool // tokens inside a time expression
	lemmas    []string
	lowers    []string   // lower-cased forms, computed once
	speakers  []resolved // resolved speakers of quotes, in text order
	names     []uint8    // tokens retagged by findNames (retagName, ...), nil none
	// only, when set, limits the cues indirect tries to these tokens (the
	// nested pass).
	only []bool
	// The cue model's scores (NaN not yet computed), its feature buffer
	// and the dependents table it reads.
	// learning lets cueAt admit the model's cues: the rules that read
	// particular verbs ("as he put it", "seemed to") go first.
	learning       bool
	cueScore       []float32
	cueLemmas      []string // cueLemma per token, "" not yet asked
	fbuf           []uint64
	kidStart, kids []int32
}

type resolved struct {
	sp     Speaker
	person bool
	end    int // token after the phrase
}

func newState(x *Extractor, d *doc.Document, times []timex.Timex, sp Speakers) *state {
	s := &state{x: x, d: d, times: times, sp: sp}
	if !d.Published.IsZero() {
		s.date = actor.DateOf(d.Published)
	}
	var paraStarts []int
	for i := 1; i < len(d.Sentences); i++ {
		if d.Sentences[i].Paragraph != d.Sentences[i-1].Paragraph {
			paraStarts = append(paraStarts, d.Sentences[i].Start)
		}
	}
	s.spans = findQuotes(d.Text, paraStarts)
	n := len(d.Tokens)
	s.tokQ = make([]int32, n)
	s.owner = make([]int32, n)
	s.lemmas = make([]string, n)
	s.lowers = make([]string, n)
	k := 0
	for i := range d.Tokens {
		t := &d.Tokens[i]
		for k < len(s.spans) && s.spans[k].End <= t.Start {
			k++
		}
		s.tokQ[i] = -1
		if k < len(s.spans) && t.Start >= s.spans[k].Start && t.End <= s.spans[k].End {
			s.tokQ[i] = int32(k)
		}
		s.owner[i] = -1
		s.lowers[i] = lowerASCII(d.Form(i))
		if t.Lemma != "" {
			s.lemmas[i] = lowerASCII(t.Lemma)
		} else {
			s.lemmas[i] = s.lowers[i]
		}
		if t.Deprel != "" {
			s.parsed = true
		}
	}
	if len(times) > 0 {
		s.inTime = make([]bool, n)
		for _, t := range times {
			for i := max(t.FirstTok, 0); i < t.LastTok && i < n; i++ {
				s.inTime[i] = true
			}
		}
	}
	s.findNames()
	s.spanQuote = make([]int, len(s.spans))
	for i := range s.spanQuote {
		s.spanQuote[i] = -1
	}
	return s
}

// spanTokens returns the tokens [first, last) of span k.
func (s *state) spanTokens(k int) (int, int) {
	first, last := -1, -1
	lo, hi := 0, len(s.d.Tokens)
	for lo < hi { // first token starting at or after the span
		m := (lo + hi) / 2
		if s.d.Tokens[m].Start < s.spans[k].Start {
			lo = m + 1
		} else {
			hi = m
		}
	}
	for i := lo; i < len(s.d.Tokens) && s.tokQ[i] == int32(k); i++ {
		if first < 0 {
			first = i
		}
		last = i + 1
	}
	return first, last
}

// add records a quote and marks its tokens.
func (s *state) add(q Quote) int {
	qi := len(s.quotes)
	s.quotes = append(s.quotes, q)
	for i := q.First; i < q.Last; i++ {
		if s.owner[i] < 0 {
			s.owner[i] = int32(qi)
		}
	}
	for i := q.Cue.First; i >= 0 && i < q.Cue.Last; i++ {
		if s.owner[i] < 0 {
			s.owner[i] = int32(qi)
		}
	}
	return qi
}

// content fills a quote's content from tokens [first, last).
func (s *state) content(q *Quote, first, last int) {
	q.First, q.Last = first, last
	q.Start, q.End = s.d.Tokens[first].Start, s.d.Tokens[last-1].End
	q.Sentence = s.d.SentenceOf(first)
}

func noSpeaker() Speaker { return Speaker{Start: -1, End: -1, First: -1, Last: -1} }

func (s *state) cueOf(lemma string, first, last int) Cue {
	return Cue{Lemma: lemma, First: first, Last: last, Start: s.d.Tokens[first].Start, End: s.d.Tokens[last-1].End}
}

// lowerASCII lower-cases s, allocating only when it has capitals.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' || c >= 0x80 {
			return strings.ToLower(s)
		}
	}
	return s
}

// nested finds reported speech inside the content of reported speech or
// a stance ("he said, while critics argue it will fail", "X believes the
// plan, which Y opposed, ..."): the rules run again over those contents,
// with the outer attributions' cues still claimed, and the contents are
// claimed again afterwards. Quoted words stay the direct pass's.
func (s *state) nested() {
	type claim struct{ tok, q int32 }
	var freed []claim
	for qi, q := range s.quotes {
		if q.Kind != Indirect && q.Kind != Stance {
			continue
		}
		for i := q.First; i < q.Last; i++ {
			if s.owner[i] == int32(qi) && s.tokQ[i] < 0 && (i < q.Cue.First || i >= q.Cue.Last) {
				s.owner[i] = -1
				freed = append(freed, claim{int32(i), int32(qi)})
			}
		}
	}
	if len(freed) == 0 {
		return
	}
	s.only = make([]bool, len(s.d.Tokens))
	for _, c := range freed {
		s.only[c.tok] = true
	}
	n := len(s.quotes)
	outer := make(map[int32]int32, len(freed))
	for _, c := range freed {
		outer[c.tok] = c.q
	}
	s.indirect()
	s.only = nil
	added := append([]Quote(nil), s.quotes[n:]...)
	s.quotes = s.quotes[:n]
	for i := range s.owner {
		if s.owner[i] >= int32(n) {
			s.owner[i] = -1
		}
	}
	for _, q := range added {
		if !s.keepNested(q) {
			continue
		}
		// The outer content ends where the inner attribution begins.
		at := min(q.First, q.Cue.First)
		if q.Speaker.First >= 0 {
			at = min(at, q.Speaker.First)
		}
		if o, ok := outer[int32(q.Cue.First)]; ok {
			oq := &s.quotes[o]
			if at <= oq.First+2 {
				continue
			}
			for i := at; i < oq.Last; i++ {
				if s.owner[i] == o {
					s.owner[i] = -1
				}
			}
			// "... for weeks and", "... worked even as": the words that
			// joined the inner attribution go with it.
			e := at
			for e > oq.First+1 && (s.isPunct(e-1) || s.isOneOf(e-1, "and but or while as because even though although whereas since so")) {
				e--
			}
			s.content(oq, oq.First, e)
		}
		s.add(q)
	}
	for _, c := range freed {
		if s.owner[c.tok] < 0 {
			s.owner[c.tok] = c.q
		}
	}
}

// keepNested tells whether an attribution found inside another's content
// stands on its own.
func (s *state) keepNested(q Quote) bool {
	fl, ok := cueVerbs[q.Cue.Lemma]
	return q.Kind == Indirect && ok && fl&cSpeech != 0
}
