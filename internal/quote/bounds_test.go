package quote

import (
	"testing"

	"github.com/dyadhq/dyad/internal/timex"
)

// TestBounds checks the edges the bounds pass sets, on parsed sentences
// written for the test: each case names the quote by its cue word and
// gives the content (and, when set, the cue span) it must have.
func TestBounds(t *testing.T) {
	for _, tc := range []struct {
		name, text, cue string
		kind, content   string
		cueText         string
	}{
		{"clause before quote", `The new tariff was "a mistake," the senator said.`, "said",
			Mixed, `The new tariff was "a mistake,"`, ""},
		{"fronted phrase stays out", `Behind closed doors, the governor is "furious about the vote," an aide said.`, "said",
			Mixed, `the governor is "furious about the vote,"`, ""},
		{"quote after colon is its own", `Her verdict was blunt: "This plan will fail," the mayor said.`, "said",
			Direct, `"This plan will fail,"`, ""},
		{"to before quote", `The governor promised to "fix the roads by spring."`, "promised",
			"", `to "fix the roads by spring."`, ""},
		{"determiner already in", `The senator criticized the "reckless spending" in the bill.`, "criticized",
			"", `the "reckless spending" in the bill`, ""},
		{"despite is the writer's", `The minister argued that the talks would succeed, despite the strikes.`, "argued",
			Indirect, `that the talks would succeed`, ""},
		{"relative after a stance's object", `The governor criticized the new law, which passed in May.`, "criticized",
			Stance, `the new law`, ""},
		{"comparison is the writer's", `Most voters said the economy was improving, compared with a third last year.`, "said",
			Indirect, `the economy was improving`, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := parsed(t, tc.text)
			qs := New(dict).Extract(d, timex.Extract(d, d.Published), nil)
			var got *Quote
			for i := range qs {
				if q := &qs[i]; q.Cue.First >= 0 && d.Form(q.Cue.First) == tc.cue {
					got = q
				}
			}
			if got == nil {
				t.Fatalf("no quote with cue %q in %+v", tc.cue, qs)
			}
			if c := tc.text[got.Start:got.End]; c != tc.content {
				t.Errorf("content %q, want %q", c, tc.content)
			}
			if tc.kind != "" && got.Kind != tc.kind {
				t.Errorf("kind %q, want %q", got.Kind, tc.kind)
			}
			if tc.cueText != "" && tc.text[got.Cue.Start:got.Cue.End] != tc.cueText {
				t.Errorf("cue %q, want %q", tc.text[got.Cue.Start:got.Cue.End], tc.cueText)
			}
		})
	}
}

// TestCuePreposition runs the rule on quotes set by hand, as the learned
// cue model (whose choices depend on its training) would leave them: the
// content right after the cue word, opening with a preposition.
func TestCuePreposition(t *testing.T) {
	for _, tc := range []struct {
		name, text           string
		cue, first, last     int // token indices: cue word, content [first, last)
		wantCue, wantContent string
	}{
		{"of", "Her hopes of a quick win faded.", 1, 2, 6, "hopes of", "a quick win"},
		{"about", "They sent stories about how the race was shifting.", 2, 3, 9, "stories about", "how the race was shifting"},
		{"to stays", "He used the time to attack the plan.", 3, 4, 8, "time", "to attack the plan"},
		{"about an amount", "Officials said about half of them left.", 1, 2, 7, "said", "about half of them left"},
		{"one word left alone", "It was a vote of confidence.", 3, 4, 5, "vote", "of"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := parsed(t, tc.text)
			s := newState(New(dict), d, nil, nil)
			q := Quote{Kind: Stance, Continues: -1, Speaker: noSpeaker(), Cue: s.cueOf("x", tc.cue, tc.cue+1)}
			s.content(&q, tc.first, tc.last)
			s.add(q)
			s.cuePreposition()
			got := s.quotes[0]
			if c := tc.text[got.Cue.Start:got.Cue.End]; c != tc.wantCue {
				t.Errorf("cue %q, want %q", c, tc.wantCue)
			}
			if c := tc.text[got.Start:got.End]; c != tc.wantContent {
				t.Errorf("content %q, want %q", c, tc.wantContent)
			}
		})
	}
}

// TestConjunctions runs the rule on contents set by hand with a
// conjunction at an edge.
func TestConjunctions(t *testing.T) {
	for _, tc := range []struct {
		name, text  string
		kind        string
		first, last int
		want        string
	}{
		{"trailing and", "He said the plan was dead and the talks were over.", Indirect, 2, 7, "the plan was dead"},
		{"leading but", "But the plan was dead, he said.", Indirect, 0, 5, "the plan was dead"},
		{"trailing comma and or", "She said taxes would rise, or fall.", Indirect, 2, 7, "taxes would rise"},
		{"direct kept", `"And so it goes," he said.`, Direct, 0, 7, `"And so it goes,"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := parsed(t, tc.text)
			s := newState(New(dict), d, nil, nil)
			q := Quote{Kind: tc.kind, Continues: -1, Speaker: noSpeaker(), Cue: Cue{First: -1, Last: -1, Start: -1, End: -1}}
			s.content(&q, tc.first, tc.last)
			s.add(q)
			s.conjunctions()
			if c := tc.text[s.quotes[0].Start:s.quotes[0].End]; c != tc.want {
				t.Errorf("content %q, want %q", c, tc.want)
			}
		})
	}
}
