package quote

import (
	"strings"
	"testing"

	"github.com/dyadhq/dyad/internal/segment"
	"github.com/dyadhq/dyad/internal/tokenize"
	"github.com/dyadhq/dyad/pkg/doc"
)

// Constructions that end a content before the speaker's next predicate
// and "according to" after a one-word subject; each sentence is written
// for this test. They need no parse.
func TestJoinedPredicates(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       []want
	}{
		{"present cue and a present second predicate", `He says he respects the senator and calls her a friend.`,
			[]want{{kind: Indirect, text: "he respects the senator", phrase: "He", cue: "say"},
				{kind: Stance, text: "her a friend", phrase: "He", cue: "call"}}},
		{"participle after a comma", `The senator said the bill would pass, citing its broad support.`,
			[]want{{kind: Indirect, text: "the bill would pass", phrase: "The senator", cue: "say"},
				{kind: Stance, text: "its broad support", phrase: "The senator", cue: "cite"}}},
		{"joined clause after before", `The senator said the bill was dead, before his aides said it could still pass.`,
			[]want{{kind: Indirect, text: "the bill was dead", phrase: "The senator", cue: "say"},
				{kind: Indirect, text: "it could still pass", phrase: "his aides", cue: "say", anonymous: true}}},
		{"according to after a one-word subject", `Fundraising, according to the campaign, has surged in the same period.`,
			[]want{{kind: Indirect, text: "Fundraising, according to the campaign, has surged in the same period", phrase: "the campaign", cue: "according to"}}},
	} {
		t.Run(tc.name, func(t *testing.T) { expectAttributions(t, tc.text, tc.want) })
	}
}

// Frames read from the dependency parse with the embedded cue model: a
// verb's prepositional object and a passive's subject as the content,
// its agent as the source, and a source the rules missed taken from the
// cue's subject in the parse; for a participle or relative clause with
// no dependent to hold the content, the noun it modifies. Each sentence is
// written for this test.
func TestParseFrames(t *testing.T) {
	for _, tc := range []struct {
		name, text           string
		cue, content, phrase string // the attribution whose cue holds cue
	}{
		{"prepositional object", "The campaign has focused on jobs and wages.", "focused", "jobs and wages", "The campaign"},
		{"talked about", "The mayor talked about the budget gap.", "talked", "the budget gap", "The mayor"},
		{"gerund after a preposition", "The governor has been thinking about running for the Senate.", "thinking", "running for the Senate", "The governor"},
		{"passive subject and agent", "The new plan was criticized by Democrats.", "criticized", "The new plan", "Democrats"},
		{"source with a quoted title", `Joe Smith, host of "Morning Talk," suggested the plan could fail.`, "suggested", "the plan could fail", `Joe Smith, host of "Morning Talk,"`},
		// A cue with no dependent to hold its content, modifying the noun
		// that does.
		{"participle after its noun", "The measure proposed by the governor would raise taxes.", "proposed", "The measure", "the governor"},
		{"participle between commas", "The new tax, criticized by business groups, takes effect in May.", "criticized", "The new tax", "business groups"},
		{"free relative", "This is what the senator wrote.", "wrote", "what", "the senator"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, qs, q := quoteAtCue(t, tc.text, tc.cue)
			if q == nil {
				return
			}
			if got := d.Text[q.Start:q.End]; got != tc.content {
				t.Errorf("content = %q, want %q", got, tc.content)
			}
			if q.Speaker.Start < 0 || d.Text[q.Speaker.Start:q.Speaker.End] != tc.phrase {
				t.Errorf("source: %s, want %q", dump(d, qs), tc.phrase)
			}
		})
	}
}

// Sources corrected from the parse once the rules are done: a passive
// cue's subject is what the words are about, not who said them, and a
// participle takes the subject of the clause it hangs on. Each sentence
// is written for this test; phrase "" wants no source phrase.
func TestParseSources(t *testing.T) {
	for _, tc := range []struct {
		name, text, cue, phrase string
	}{
		{"raising passive names no one", "The senator is widely expected to win the primary.", "expected", ""},
		{"declared the winner", "The mayor was declared the winner on Tuesday night.", "declared", ""},
		{"asked before the answer", "Asked about the deal, the minister said it was fair.", "Asked", ""},
		{"the answer keeps its speaker", "Asked about the deal, the minister said it was fair.", "said", "the minister"},
		{"participle after an object", "The governor criticized the new budget for schools, saying it would hurt teachers.", "saying", "The governor"},
	} {
		t.Run(tc.name, func(t *testing.T) { expectSource(t, tc.text, tc.cue, tc.phrase) })
	}
}

// Words a content held until the bounds cut it back get a second look
// from the cue model: "..., adding that ...", "... and said that ...".
// Each sentence is written for this test.
func TestCuesFreedByBounds(t *testing.T) {
	for _, tc := range []struct {
		name, text, cue, content string
	}{
		{"joined verb", "The mayor declared “What a night for this city!” and said that her team would keep fighting “for every vote” across the state.",
			"said", "that her team would keep fighting “for every vote” across the state"},
		{"after but", "He said he would say “a few words” for the eventual winner but did not suggest it would be the mayor, who has a wide lead in the polls.",
			"suggest", "it would be the mayor, who has a wide lead in the polls"},
		{"participle", "The chairman, speaking to donors in Iowa after the caucuses, said that there is “only one real candidate able to win this state,” adding that it is why his rival “keeps attacking us every day.”",
			"adding", "that it is why his rival “keeps attacking us every day.”"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, _, q := quoteAtCue(t, tc.text, tc.cue)
			if q == nil {
				return
			}
			if got := d.Text[q.Start:q.End]; got != tc.content {
				t.Errorf("content = %q, want %q", got, tc.content)
			}
		})
	}
}

var parseFuzzRels = []string{"nsubj", "nsubj:pass", "obj", "obl", "ccomp", "xcomp", "advcl", "conj", "case", "mark",
	"aux:pass", "obl:agent", "punct", "det", "acl", "nmod", "expl", "aux"}

// FuzzExtractParsed is FuzzExtract with a made-up dependency parse (heads
// inside each sentence, hashed relations, cycles allowed), so that the
// rules and the cue model that read the parse meet any shape of it.
func FuzzExtractParsed(f *testing.F) {
	for _, s := range []string{
		`The plan was criticized by Democrats, saying it failed.`,
		`Smith, host of "Talk," suggested that it was over, according to aides.`,
		`Asked about it, he said the bill was dead and called it "a mess," citing costs.`,
		`Fundraising, according to the campaign, has surged; they are focused on jobs.`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := &doc.Document{Text: s}
		d.Tokens = tokenize.Tokenize(s)
		d.Sentences = segment.Segment(s, d.Tokens)
		for _, sent := range d.Sentences {
			for i := sent.First; i < sent.Last; i++ {
				w := strings.ToLower(d.TokenText(i))
				h := 7
				for _, c := range []byte(w) {
					h = h*31 + int(c)
				}
				h &= 1<<30 - 1
				tg := fuzzTags[h%len(fuzzTags)]
				tk := &d.Tokens[i]
				tk.XPOS, tk.UPOS, tk.Lemma = tg[0], tg[1], w
				tk.Head = sent.First + (h+i)%(sent.Last-sent.First)
				if tk.Head == i {
					tk.Head = -1
				}
				tk.Deprel = parseFuzzRels[(h/7+i)%len(parseFuzzRels)]
			}
		}
		prev := -1
		for _, q := range New(nil).Extract(d, nil, nil) {
			if q.Start < 0 || q.End > len(s) || q.End <= q.Start || q.Start < prev {
				t.Fatalf("bad quote span [%d,%d) in %q", q.Start, q.End, s)
			}
			prev = q.Start
			if q.Speaker.Start >= 0 && (q.Speaker.End > len(s) || q.Speaker.End <= q.Speaker.Start) {
				t.Fatalf("bad speaker %+v in %q", q.Speaker, s)
			}
		}
	})
}
