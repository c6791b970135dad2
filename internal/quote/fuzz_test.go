package quote

import (
	"strings"
	"testing"

	"github.com/dyadhq/dyad/internal/segment"
	"github.com/dyadhq/dyad/internal/tokenize"
	"github.com/dyadhq/dyad/pkg/doc"
)

// fuzzTags are the tags given to tokens by a hash of their text, so that
// the fuzzer reaches the rules without a tagger model.
var fuzzTags = [][3]string{{"VBD", "VERB"}, {"NNP", "PROPN"}, {"NN", "NOUN"}, {"DT", "DET"}, {"PRP", "PRON"},
	{"IN", "ADP"}, {",", "PUNCT"}, {"MD", "AUX"}, {"VBG", "VERB"}, {"RB", "ADV"}, {"VBN", "VERB"}, {"PRP$", "PRON"}}

// FuzzExtract runs the extractor on any text with real tokens and
// sentences and hashed tags, checking that spans stay inside the text and
// quotes come in order.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		`"We will win," Trump said. "Big."`,
		"\u201cOne.\n\n\u201cTwo,\u201d he said, according to the Kremlin.",
		"PENCE: Well, we will win.\nIt was reported that 'x' y.",
		`'"'"`, "\u2019\u2018", ": said, that",
		`Bush's post: "We must move on." Asked why, she said no.`,
		"Trump Says Clinton Lied\n\nIn Trump's view, the deal, which Democrats say failed, seemed a disaster.",
		`His calls to end it went unheeded, records show, adding, "No."`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := &doc.Document{Text: s}
		d.Tokens = tokenize.Tokenize(s)
		d.Sentences = segment.Segment(s, d.Tokens)
		for i := range d.Tokens {
			w := strings.ToLower(d.TokenText(i))
			h := 0
			for _, c := range []byte(w) {
				h = h*31 + int(c)
			}
			if h < 0 {
				h = -h
			}
			tg := fuzzTags[h%len(fuzzTags)]
			if cueVerbs[w] != 0 || w == "said" || w == "told" {
				tg = fuzzTags[0]
			}
			d.Tokens[i].XPOS, d.Tokens[i].UPOS, d.Tokens[i].Lemma = tg[0], tg[1], w
			if w == "said" {
				d.Tokens[i].Lemma = "say"
			}
		}
		prev := -1
		for _, q := range New(nil).Extract(d, nil, nil) {
			if q.Start < 0 || q.End > len(s) || q.End <= q.Start || q.Start < prev {
				t.Fatalf("bad quote span [%d,%d) in %q", q.Start, q.End, s)
			}
			prev = q.Start
			if q.Cue.First >= 0 && (q.Cue.Start < 0 || q.Cue.End > len(s)) {
				t.Fatalf("bad cue %+v in %q", q.Cue, s)
			}
			if q.Speaker.Start >= 0 && (q.Speaker.End > len(s) || q.Speaker.End <= q.Speaker.Start) {
				t.Fatalf("bad speaker %+v in %q", q.Speaker, s)
			}
		}
	})
}
