package quote

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
			if s.upos(i) != "PROPN" && !(s.upos(i) == "NOUN" && isUpperWord(s.d.TokenText(i))) {
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
		if last-first < 3 || !s.hasVerb(first, last) {
			continue
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
