package quote

import (
	"strings"
	"unicode"

	"github.com/dyadhq/dyad/pkg/doc"
)

// labels finds speaker labels: a paragraph that opens with a short name
// and a colon ("PENCE: Well, look, ...", "Trump: We will win") is that
// speaker's words, to the end of the paragraph. The colon is the cue
// (lemma ":"). Words that label other things ("Note:", "Update:") are not
// speakers.
func (s *state) labels() {
	for si, sent := range s.d.Sentences {
		if si > 0 && s.d.Sentences[si-1].Paragraph == sent.Paragraph {
			continue
		}
		c := -1
		for i := sent.First; i < sent.Last && i < sent.First+5; i++ {
			if s.is(i, ":") {
				c = i
				break
			}
			// A name, whatever the tagger made of it ("Matthews/NNS:").
			if s.upos(i) != "PROPN" && !(s.upos(i) == "NOUN" && isUpperWord(s.d.TokenText(i))) &&
				!(s.upos(i) != "PRON" && s.upos(i) != "DET" && !s.isPunct(i) && capitalized(s.d.TokenText(i))) {
				break
			}
		}
		if c <= sent.First || labelWords[s.lower(c-1)] || s.tokQ[c] >= 0 {
			continue
		}
		// The content runs to the end of the paragraph.
		last := sent.Last
		for k := si + 1; k < len(s.d.Sentences) && s.d.Sentences[k].Paragraph == sent.Paragraph; k++ {
			last = s.d.Sentences[k].Last
		}
		first := c + 1
		// Words, not a figure or a style rule ("Votes: 2,316", "align: left;").
		// A headline ("Clinton: Time for a new strategy"; the document's
		// first line is its headline) needs no verb.
		if last-first < 3 || !s.hasVerb(first, last) && !((si == 0 || s.titleCase(sent)) && s.hasLetters(first, last)) {
			continue
		}
		if si == 0 && (s.titleCase(sent) || !s.hasVerb(first, last)) && s.is(last-1, ".") && s.tokQ[last-1] < 0 {
			last-- // a headline's closing period is typography, not words
		}
		for i := first; i < last; i++ {
			if s.owner[i] >= 0 {
				return
			}
		}
		q := Quote{Kind: Direct, Continues: -1, Speaker: noSpeaker()}
		s.content(&q, first, last)
		q.Speaker.First, q.Speaker.Last = sent.First, c
		q.Cue = s.cueOf(":", c, c+1)
		for k := range s.spans {
			if s.spans[k].Start >= q.Start && s.spans[k].End <= q.End && s.spanQuote[k] < 0 {
				s.spanQuote[k] = len(s.quotes)
			}
		}
		s.add(q)
	}
}

func isUpperWord(w string) bool {
	n := 0
	for _, r := range w {
		if r >= 'a' && r <= 'z' {
			return false
		}
		if r >= 'A' && r <= 'Z' {
			n++
		}
	}
	return n > 1
}

// labelWords open a paragraph with a colon without naming a speaker.
var labelWords = map[string]bool{
	"note": true, "update": true, "correction": true, "photo": true, "source": true, "related": true,
	"more": true, "watch": true, "video": true, "editor": true, "disclosure": true, "clarification": true,
	"warning": true, "background": true, "contact": true, "email": true, "twitter": true, "facebook": true,
	"tags": true, "category": true, "by": true, "credit": true, "caption": true, "listen": true,
}

// titleCase tells whether most words of sent are capitalized: a headline.
func (s *state) titleCase(sent doc.Sentence) bool {
	caps, words := s.capsCount(sent)
	return words >= 3 && 2*caps > words
}

// capsCount counts the words of sent (tokens that begin with a letter)
// and those of them that begin with a capital.
func (s *state) capsCount(sent doc.Sentence) (caps, words int) {
	for i := sent.First; i < sent.Last; i++ {
		if w := s.d.Form(i); w != "" && unicode.IsLetter(rune(w[0])) {
			words++
			if unicode.IsUpper(rune(w[0])) {
				caps++
			}
		}
	}
	return caps, words
}

// hasLetters tells whether [a, b) holds at least two words.
func (s *state) hasLetters(a, b int) bool {
	n := 0
	for i := a; i < b; i++ {
		if w := s.d.Form(i); w != "" && unicode.IsLetter(rune(w[0])) {
			n++
		}
	}
	return n >= 2
}

// headline finds the attribution of a title-case headline, where tags
// are unreliable: "Trump Says Clinton Lied", "Biden Calls Trump A Risk",
// "Cruz Hints At Run", "Democrats Call For Action", "Poll Finds Clinton
// Ahead". The first word that is a cue or stance verb in a headline form
// (-s, -ed, or the bare form after a plural) splits the line: the words before are the
// source, the words after (past a particle) the content.
func (s *state) headline(sent doc.Sentence) bool {
	if !s.titleCase(sent) {
		return false
	}
	lo, hi := sent.First, sent.Last
	for i := lo + 1; i < hi-1; i++ {
		if s.owner[i] >= 0 || s.tokQ[i] >= 0 {
			return false
		}
		w := s.lower(i)
		// "Democrats Call For Action": a plural subject takes the bare
		// form.
		prev := s.lower(i - 1)
		plural := s.lemmas[i] == w && (s.upos(i-1) == "NOUN" || s.upos(i-1) == "PROPN") && s.xpos(i-1) != "POS" &&
			len(prev) > 3 && strings.HasSuffix(prev, "s") && !strings.HasSuffix(prev, "ss") && !strings.ContainsAny(prev, "'\u2019")
		if !strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ed") && !plural || s.upos(i) == "PUNCT" {
			continue
		}
		l := s.cueLemma(i)
		fl, speech := cueVerbs[l]
		parts, stance := stanceVerbs[l]
		if !speech && !stance || fl&cThat != 0 && !stance && !evidenceVerbs[l] {
			continue
		}
		a := lo
		for j := lo; j < i; j++ {
			if s.is(j, ":") {
				a = j + 1
			}
		}
		if i-a < 1 || i-a > 8 {
			return false
		}
		start, cueEnd := i+1, i+1
		for _, p := range strings.Fields(strings.TrimLeft(parts, "!~")) {
			if s.is(start, p) {
				start, cueEnd = start+1, cueEnd+1
				break
			}
		}
		end := s.contentEnd(start, hi)
		if end-start < 1 || !s.hasLetters(start, end) && end-start < 2 {
			return false
		}
		q := Quote{Kind: Indirect, Continues: -1, Speaker: noSpeaker()}
		if (!speech || fl&cSpeech == 0) && !evidenceVerbs[l] {
			q.Kind = Stance
		}
		s.content(&q, start, end)
		s.applyFrame(&q, frame{lemma: l, cueA: i, cueB: cueEnd, spkA: a, spkB: i, verb: true})
		s.add(q)
		return true
	}
	return false
}
