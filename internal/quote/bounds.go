package quote

import "strings"

// bounds adjusts the edges of contents and cues once every rule has run,
// when the owners of all tokens are known: a quote's lead-in words belong
// to it only if no other attribution claimed them. The hand rules go
// first; the bounds model (BoundModel) then moves a content's edges where
// it outscores them, except the ends cutTail set.
func (s *state) bounds() {
	s.leadingClause()
	s.leadingWords()
	s.cuePreposition()
	cut := s.cutTail()
	s.conjunctions()
	s.modelBounds(cut)
}

// leadingClause widens a direct quote whose cue follows it ("The bill's
// failure was "heartbreaking," she said") to the start of its sentence
// when the words before the quote belong to no other attribution: the
// writer's words that open the quoted clause are part of what the speaker
// is reported to have said. A fronted phrase without a verb ("Behind the
// scenes, ...") stays out, and so does a quote that follows punctuation
// ("His assessment: "...""), which is a clause of its own.
func (s *state) leadingClause() {
	for qi := range s.quotes {
		q := &s.quotes[qi]
		if q.Kind != Direct || q.Continues >= 0 || q.Cue.First < q.Last {
			continue
		}
		lo, _ := s.sentBounds(q.First)
		if lo >= q.First || s.isPunct(q.First-1) || s.d.SentenceOf(q.Cue.First) != s.d.SentenceOf(q.Last-1) {
			continue
		}
		free := true
		for i := lo; i < q.First && free; i++ {
			free = s.owner[i] < 0 || s.owner[i] == int32(qi)
			if s.tokQ[i] < 0 && s.isPunct(i) && sentenceMarks[s.lower(i)] {
				lo = i + 1 // a sentence the segmenter ran on
			}
		}
		if !free || lo >= q.First {
			continue
		}
		lo = s.skipFronted(lo, q.First)
		q.Kind, q.First, q.Start = Mixed, lo, s.d.Tokens[lo].Start
	}
}

// skipFronted skips, from the words before a quote, fronted phrases with
// no finite verb that end at a comma ("Behind the scenes, ...", "Still,
// ..."): they frame the sentence, not the quoted clause.
func (s *state) skipFronted(lo, first int) int {
	for {
		c := -1
		for i := lo; i < first; i++ {
			if s.isFinite(i) || s.tokQ[i] >= 0 {
				return lo
			}
			if s.is(i, ",") {
				c = i
				break
			}
		}
		if c < 0 || c+1 >= first {
			return lo
		}
		lo = c + 1
	}
}

// leadingWords widens a content that opens with a quote soon after its
// cue to the function words between them: "promising to “carpet bomb
// them”", "noted the “allegations ...”", "asked if he is “realistic”".
func (s *state) leadingWords() {
	for qi := range s.quotes {
		q := &s.quotes[qi]
		if q.Continues >= 0 || q.Cue.First < 0 || q.Cue.Last > q.First || s.tokQ[q.First] < 0 {
			continue
		}
		k := q.First
		for k > q.Cue.Last && q.First-k < 3 && s.tokQ[k-1] < 0 && s.owner[k-1] < 0 && s.leadWord(k-1) {
			k--
		}
		if k == q.Cue.Last && k < q.First {
			if q.Kind == Direct {
				q.Kind = Mixed
			}
			q.First, q.Start = k, s.d.Tokens[k].Start
		}
	}
}

// leadWord tells whether token i may join a quote's lead-in: a
// determiner, a possessive, "to" or a subordinating word.
func (s *state) leadWord(i int) bool {
	switch s.upos(i) {
	case "DET", "PART", "SCONJ":
		return true
	}
	return s.xpos(i) == "PRP$" || s.xpos(i) == "TO"
}

// cuePrepositions are the prepositions by which cue words take their
// object ("talked about", "critical of", "called for", "weighed in on",
// "fought over"). Attribution annotators mark them as part of the cue;
// "to" is left out, as they split on it (measured on PolNeAR train).
var cuePrepositions = wordSet("about of for on over")

// cuePreposition moves a preposition that opens a stance's content into
// its cue ("talked about | the plan", "critical of | the deal"). The cue's
// lemma stays the same.
func (s *state) cuePreposition() {
	for qi := range s.quotes {
		q := &s.quotes[qi]
		if q.Kind != Stance && q.Kind != Indirect || q.Cue.First < 0 || q.Cue.Last != q.First || q.Last-q.First < 2 {
			continue
		}
		if s.tokQ[q.First] >= 0 || !cuePrepositions[s.lower(q.First)] || s.approximate(q.First) {
			continue
		}
		q.Cue = s.cueOf(q.Cue.Lemma, q.Cue.First, q.First+1)
		s.content(q, q.First+1, q.Last)
	}
}

// approximate tells whether "about" or "over" at i modifies an amount
// ("said about half of them", "over 40 percent said"): an adverb, not the
// cue's preposition.
func (s *state) approximate(i int) bool {
	return i+1 < len(s.d.Tokens) && (s.upos(i+1) == "NUM" || amountWords[s.lower(i+1)])
}

// tailWords open a comment on reported speech after a comma rather than
// more of it: a comparison or a concession.
var tailWords = wordSet("compared despite")

// stanceRelatives open a non-restrictive relative clause after a stance's
// object ("criticized the law, which passed in May"): the writer says more
// about the object; the stance is over. After a person (", who ...")
// annotators split, and the object goes on (see recall_test.go).
var stanceRelatives = wordSet("which whose")

// cutTail ends reported speech and stances before ", compared with ..."
// and ", despite ...": the writer's comparison, not the speaker's words;
// and stances before a relative clause between commas. It returns the
// quotes it cut, whose ends the bounds model leaves alone.
func (s *state) cutTail() map[int]bool {
	cut := map[int]bool{}
	for qi := range s.quotes {
		q := &s.quotes[qi]
		if q.Kind != Indirect && q.Kind != Stance {
			continue
		}
		for j := q.First + 1; j+1 < q.Last; j++ {
			if s.tokQ[j] < 0 && s.is(j, ",") && s.tokQ[j+1] < 0 && (tailWords[s.lower(j+1)] || q.Kind == Stance && stanceRelatives[s.lower(j+1)]) {
				s.content(q, q.First, j)
				cut[qi] = true
				break
			}
		}
	}
	return cut
}

// conjunctions drops a conjunction left dangling at either edge of a
// content that is not a quote ("But the plan ...", "... the deal and"): it
// joins the content to the sentence, and is no part of either.
func (s *state) conjunctions() {
	for qi := range s.quotes {
		q := &s.quotes[qi]
		if q.Kind == Direct || q.Continues >= 0 {
			continue
		}
		a, b := q.First, q.Last
		for b-a > 1 && s.tokQ[b-1] < 0 && (conjunctionWords[s.lower(b-1)] || s.is(b-1, ",")) {
			b--
		}
		for b-a > 1 && s.tokQ[a] < 0 && (s.is(a, "and") || s.is(a, "but")) && !s.isPunct(a+1) {
			a++
		}
		if a != q.First || b != q.Last {
			s.content(q, a, b)
		}
	}
}

var (
	amountWords      = wordSet("half third quarter dozen hundreds thousands")
	conjunctionWords = wordSet("and but or")
	sentenceMarks    = wordSet(". ? ! : ;")
)

// wordSet makes a set of the space-separated words ws.
func wordSet(ws string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(ws) {
		m[w] = true
	}
	return m
}
