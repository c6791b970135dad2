package quote

import (
	"strings"
	"testing"

	"github.com/dyadhq/dyad/internal/timex"
	"github.com/dyadhq/dyad/pkg/doc"
)

// Sources that PolNeAR annotators name and the rules used to miss or
// misplace, found from the parse once the contents are set: the subject
// of the verb a noun cue is the object of, the actor behind a possessive
// pronoun, the main subject of a participle or an infinitive that hangs
// on a clause, a subject cut before a relative clause holding another
// cue, words the tagger misread before a cue at the head of a sentence,
// a subject the parse hangs on an auxiliary, and a name the tagger broke
// after an inverted cue. Each sentence is written for this
// test; the attribution checked is the one whose cue holds cue.
func TestRecoveredSources(t *testing.T) {
	for _, tc := range []struct {
		name, text, cue, phrase string
	}{
		{"light verb with a noun cue", "The mayor made an urgent call for calm on Sunday.", "call", "The mayor"},
		{"statement of concern", "The union issued a statement of concern about the layoffs.", "statement", "The union"},
		{"possessive pronoun on an object", "The senator signaled his desire to leave the committee.", "desire", "The senator"},
		{"participle after a comma", "The governor rejected the idea that the cuts were a mistake, saying they had saved money.", "saying", "The governor"},
		{"participle after a joined adjunct", "The senator backed the nominee in early June, but only after weeks of doubt, telling reporters that she was ready.", "telling", "The senator"},
		{"participle after a medium", "The city released a statement Wednesday saying the park would reopen.", "saying", "The city"},
		{"infinitive after an object", "The governor used her speech to attack the new tax plan.", "attack", "The governor"},
		{"infinitive after a used object", "The senator used her floor speech to offer support for the farmers.", "offer", "The senator"},
		{"subject cut before a relative clause with a cue", "Several senators, who have long opposed the new rule, have pledged to block it.", "pledged", "Several senators"},
		{"name read as an adverb", "Trump says on Fox that the race is close.", "says", "Trump"},
		{"subject read as an adjective", "Several argued that the plan was too costly.", "argued", "Several"},
		{"subject on the auxiliary", "Local farmers have hoped that the rain would come.", "hoped", "Local farmers"},
		{"broken name after an inverted cue", `"We will appeal," said Common Watch president Joe Ross.`, "said", "Common Watch president Joe Ross"},
	} {
		t.Run(tc.name, func(t *testing.T) { expectSource(t, tc.text, tc.cue, tc.phrase) })
	}
}

// quoteAtCue parses and extracts text and returns the attribution whose
// cue holds the first occurrence of cue; when there is none it reports
// an error and returns nil.
func quoteAtCue(t *testing.T, text, cue string) (*doc.Document, []Quote, *Quote) {
	t.Helper()
	d := parsed(t, text)
	qs := New(dict).Extract(d, timex.Extract(d, d.Published), nil)
	at := strings.Index(text, cue)
	for i, q := range qs {
		if q.Cue.First >= 0 && q.Cue.Start <= at && q.Cue.End > at {
			return d, qs, &qs[i]
		}
	}
	t.Errorf("no attribution with the cue %q: %s", cue, dump(d, qs))
	return d, qs, nil
}

// expectSource checks the source phrase ("" for none) of the attribution
// whose cue holds the first occurrence of cue in text.
func expectSource(t *testing.T, text, cue, phrase string) {
	t.Helper()
	d, qs, q := quoteAtCue(t, text, cue)
	if q == nil {
		return
	}
	got := ""
	if q.Speaker.Start >= 0 {
		got = d.Text[q.Speaker.Start:q.Speaker.End]
	}
	if got != phrase {
		t.Errorf("source = %q, want %q: %s", got, phrase, dump(d, qs))
	}
}
