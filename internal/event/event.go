// Package event is dyad's event coder: from each sentence's dependency parse,
// lemmas and actor mentions it codes who did what to whom as CAMEO events,
// with the trigger, the flags that say how the text asserts the event
// (negated, reported, modality) and the time expression attached to it.
//
// The coder works over lemmas and dependency relations (UD), never over
// surface strings: a lexicon (data/lexicon.txt, format in docs/events.md)
// maps a trigger lemma with its particles, objects and prepositions to a CAMEO
// code, and general rules handle passives, light verbs and nominal events,
// control, coordination, symmetric acts, frames such as "agreed to meet"
// (intent), "urged X to" (appeal) and "threatened to" (threat), negation,
// modality, conditionals and reported speech.
//
// It reads what earlier stages wrote (tokens, lemmas, parse, actor matches,
// time spans) and knows nothing of how they were made, nor of the output
// contract, named-entity recognition or coreference: a later stage hands it
// actors through the Actors interface, and without one it matches the actor
// dictionary itself on the noun phrases.
package event

// Actor is one participant of an event: an actor code and where it is named.
type Actor struct {
	Code   string // CAMEO actor code ("RUSGOV")
	Entity string // entity id from the entity stage, "" when unknown
	Start  int    // bytes of Document.Text
	End    int
	First  int // tokens [First, Last)
	Last   int
	// Place marks a mention that names a place (a country, capital, city or
	// region), which can also be where an event happened.
	Place bool
	// Person marks a mention of one person: "Sanders attacked Clinton" is
	// words between two people, not force.
	Person bool
}

// Actors gives the actor of the mention that covers token tok (after
// coreference, so a pronoun gives its antecedent's actor). The entity stage
// implements it; the coder falls back to its own dictionary matching when
// none is given.
type Actors interface {
	ActorAt(tok int) (Actor, bool)
}

// Span is a byte span of Document.Text, e.g. a time expression.
type Span struct{ Start, End int }

// Modality values: how an event that is not simply asserted is meant.
const (
	// ModFuture: "will meet", coded as the act itself when no intent or
	// threat code applies.
	ModFuture = "future"
	// ModPossible: "may attack", "could meet".
	ModPossible = "possible"
	// ModConditional: "if we can get along", "unless they withdraw".
	ModConditional = "conditional"
	// ModHypothetical: an act only talked about, planned by nobody named, or
	// judged premature ("too soon to think about lifting the embargo").
	ModHypothetical = "hypothetical"
)

// Mention is one place where an event is told.
type Mention struct {
	Sentence int
	Trigger  int // token index of the trigger
}

// Event is one coded event.
type Event struct {
	Sentence int
	Source   Actor
	Target   Actor // Code "" when the event has no target
	Code     string
	// Trigger is the token that carries the event (the verb, the event noun,
	// or the frame verb of "agreed to meet").
	Trigger int
	// Time indexes the time span attached to the event, -1 for none.
	Time int
	// Location is the place the sentence says the event happened ("in
	// Baghdad"); Code "" when none.
	Location Actor
	Negated  bool
	Reported bool
	Modality string
	// Mentions lists every telling of the event, the first included.
	Mentions []Mention
	// Rule is where the lexicon rule that coded the event is ("file:line").
	Rule string
}

// Asserted reports whether the text asserts the event happened (or happens):
// not negated and without modality.
func (e *Event) Asserted() bool { return !e.Negated && e.Modality == "" }
