package quote

import "strings"

// indirect finds reported speech sentence by sentence: first cues placed
// after their content ("..., a source said."; "..., according to X."),
// which claim the sentence before them, then cues followed by their
// content ("X said (that) ...", "X told Y that ...", "according to X,
// ...", "..., saying that ..."). A token belongs to one attribution only,
// so a cue inside another quote's content is not a quote of its own.
func (s *state) indirect() {
	for _, sent := range s.d.Sentences {
		for i := sent.First; i < sent.Last; i++ {
			if s.owner[i] >= 0 || s.tokQ[i] >= 0 {
				continue
			}
			if l, a, b, fl, ok := s.cueAt(i); ok {
				s.backward(l, a, b, fl, sent.First, sent.Last)
				i = b - 1
			}
		}
		for i := sent.First; i < sent.Last; i++ {
			if s.owner[i] >= 0 || s.tokQ[i] >= 0 {
				continue
			}
			if l, a, b, fl, ok := s.cueAt(i); ok {
				if s.forward(l, a, b, fl, sent.First, sent.Last) {
					i = b - 1
				}
			} else if s.adjectiveStance(i, sent.First, sent.Last) || s.thatClause(i, sent.First, sent.Last) {
				i = s.quotes[len(s.quotes)-1].Last - 1
			}
		}
	}
}

// backward handles a cue that ends its sentence's last clause: the content
// is what comes before the comma before the cue's subject.
func (s *state) backward(l string, a, b int, fl cueFlags, lo, hi int) bool {
	f := frame{lemma: l, cueA: a, cueB: b, verb: l != "according to"}
	var comma int
	switch {
	case l == "according to":
		// "..., according to X." or "... according to a poll conducted
		// by X."; "X, according to Y, is ..." is parenthetical.
		if a-2 <= lo {
			return false
		}
		comma = a
		f.spkA, f.spkB = s.rightNP(b, hi, true)
		if f.spkA == f.spkB {
			return false
		}
		if !s.noFinite(f.spkB, hi) {
			if s.is(a-1, ",") && s.is(f.spkB, ",") {
				return s.parenthetical(f, a-1, f.spkB, lo, hi)
			}
			return false
		}
	case fl&cThat != 0:
		return false
	case a-1 > lo && s.is(a-1, ","):
		// Inverted: "..., said Lavrov."
		comma = a - 1
		f.spkA, f.spkB = s.rightNP(b, hi, true)
		if f.spkA == f.spkB || !s.clauseEnds(f.spkB, hi) {
			return false
		}
	default:
		f.spkA, f.spkB = s.leftNP(a, lo)
		if f.spkA == f.spkB || f.spkA-1 <= lo || !s.is(f.spkA-1, ",") {
			return false
		}
		comma = f.spkA - 1
		end := b
		if fl&cObject != 0 {
			f.addrA, f.addrB = s.rightNP(b, hi, false)
			if f.addrA < f.addrB {
				end = f.addrB
			}
		}
		if !s.clauseEnds(end, hi) {
			return s.parenthetical(f, comma, end, lo, hi)
		}
	}
	ca, cb := s.stripPunct(lo, comma)
	if cb-ca < 3 || !s.hasVerb(ca, cb) {
		return false
	}
	for i := ca; i < cb; i++ {
		if s.owner[i] >= 0 {
			return false
		}
	}
	// A quoted content was the direct pass's to take.
	if s.tokQ[ca] >= 0 && s.tokQ[cb-1] == s.tokQ[ca] {
		return false
	}
	q := Quote{Kind: Indirect, Continues: -1, Speaker: noSpeaker()}
	s.content(&q, ca, cb)
	s.applyFrame(&q, f)
	s.markMixed(&q)
	s.add(q)
	return true
}

// clauseEnds tells whether [i, hi) holds nothing but what may follow a
// final cue: prepositional phrases, time expressions, adverbs, punctuation.
func (s *state) clauseEnds(i, hi int) bool {
	for j := i; j < hi; j++ {
		if s.isVerb(j) || s.is(j, "that") || s.tokQ[j] >= 0 {
			return false
		}
	}
	return true
}

// noFinite tells whether [i, hi) has no finite verb and no "that": a
// source phrase with participles ("a poll conducted by X") ends there.
func (s *state) noFinite(i, hi int) bool {
	for j := i; j < hi; j++ {
		if s.isFinite(j) || s.is(j, "that") || s.tokQ[j] >= 0 {
			return false
		}
	}
	return true
}

func (s *state) hasVerb(a, b int) bool {
	for i := a; i < b; i++ {
		if s.isVerb(i) || s.isAux(i) {
			return true
		}
	}
	return false
}

// forward handles a cue followed by its content.
func (s *state) forward(l string, a, b int, fl cueFlags, lo, hi int) bool {
	f := frame{lemma: l, cueA: a, cueB: b, verb: l != "according to"}
	var start int
	stance := false
	if l == "according to" {
		// "According to X, ...": the content follows the first comma, even
		// when X is longer than a plain noun phrase ("according to early
		// results of the exit poll conducted by ...").
		f.spkA, f.spkB = s.rightNP(b, hi, false)
		if f.spkA == f.spkB {
			return false
		}
		comma := f.spkB
		for comma < hi && comma < b+30 && !s.is(comma, ",") && s.tokQ[comma] < 0 {
			comma++
		}
		if comma >= hi || !s.is(comma, ",") {
			return false
		}
		start = comma + 1
		if a > lo {
			// "X, according to Y, is ...": the content is the rest of the
			// sentence, which this simple reading does not splice.
			return false
		}
	} else {
		k := b
		if fl&cObject != 0 {
			f.addrA, f.addrB = s.rightNP(k, hi, false)
			if f.addrA < f.addrB && !s.isTime(f.addrA) {
				k = f.addrB
			} else {
				f.addrA, f.addrB = 0, 0
			}
		}
		k = s.skipAdjuncts(k, hi)
		switch {
		case k < hi && s.is(k, "that") && k+1 < hi && (s.tokQ[k+1] >= 0 || !s.isPunct(k+1) && !s.isVerb(k+1) && !s.isAux(k+1)):
			start = k
		case (fl&cThat == 0 || beliefVerbs[l]) && s.clauseStart(k, hi):
			start = k
		case fl&cThat == 0 && k < hi && (s.is(k, "if") || s.is(k, "whether")) && l == "ask":
			start = k
		case fl&cStance != 0:
			var ok bool
			if start, f.cueB, ok = s.stanceContent(l, b, hi); !ok {
				return false
			}
			stance = true
		default:
			return false
		}
		f.spkA, f.spkB = s.subject(b-1, a, s.leftBound(a, lo))
		if f.spkA == f.spkB && s.xpos(b-1) == "VBG" && a > lo && (s.is(a-1, ",") || s.is(a-1, "as")) {
			// "..., saying that", "was quoted as saying that": the speaker
			// of the quote framed just before in the sentence ("...," he
			// said, adding that), else the subject of the main clause.
			if p := s.quoteBefore(a, lo); p >= 0 {
				f.spkA, f.spkB = s.quotes[p].Speaker.First, s.quotes[p].Speaker.Last
			} else {
				f.spkA, f.spkB = s.mainSubject(lo, a)
			}
		}
		f.passive = s.isPassive(a, b)
		if f.passive && f.spkA < f.spkB && s.is(f.spkA, "it") {
			f.spkA, f.spkB = 0, 0 // "it was reported that": no one named
		}
	}
	end := s.contentEnd(start, hi)
	if end-start < 2 {
		return false
	}
	q := Quote{Kind: Indirect, Continues: -1, Speaker: noSpeaker()}
	if stance {
		// A stance needs a named holder; an object alone is too weak.
		if f.spkA >= f.spkB {
			return false
		}
		q.Kind = Stance
	}
	s.content(&q, start, end)
	s.applyFrame(&q, f)
	if !stance {
		s.markMixed(&q)
	}
	s.add(q)
	return true
}

// stanceContent finds the content of a stance verb whose cue ends at b:
// after its particle when it takes one ("called for", "talked about"), an
// object noun phrase, an infinitive ("vowed to fight") or a quote. It
// returns the content's first token and the cue's end.
func (s *state) stanceContent(l string, b, hi int) (int, int, bool) {
	k := b
	if parts := stanceVerbs[l]; parts != "" && k < hi {
		required := strings.HasPrefix(parts, "!")
		found := false
		for _, p := range strings.Fields(strings.TrimPrefix(parts, "!")) {
			if s.is(k, p) {
				found = true
			}
		}
		switch {
		case found:
			k++
		case l == "call":
			// "called the deal a disaster", "called him 'dangerous'":
			// an object with a complement; "called a meeting" has none.
			ob := k
			if s.upos(ob) == "PRON" {
				ob++
			} else {
				for ob < hi && (s.upos(ob) == "DET" || s.upos(ob) == "ADJ" || s.xpos(ob) == "PRP$") {
					ob++
				}
				n := ob
				for ob < hi && (s.upos(ob) == "NOUN" || s.upos(ob) == "PROPN") {
					ob++
				}
				if ob == n {
					return 0, 0, false
				}
			}
			if ob >= hi || !(s.tokQ[ob] >= 0 || s.upos(ob) == "DET" || s.upos(ob) == "ADJ" || s.upos(ob) == "NOUN") {
				return 0, 0, false
			}
		case required:
			return 0, 0, false
		}
	}
	if k >= hi {
		return 0, 0, false
	}
	switch {
	case s.tokQ[k] >= 0:
	case s.is(k, "to") && k+1 < hi && s.xpos(k+1) == "VB":
	case s.isNominal(k) && !s.isTime(k) || s.xpos(k) == "PRP$":
	case s.upos(k) == "PRON" && s.xpos(k) == "PRP":
		// "criticized him for ...": the pronoun is an object.
	default:
		return 0, 0, false
	}
	return k, k, true
}

// leftBound is where a subject search before token a must stop: the
// sentence start or the end of the nearest quote or claimed content.
func (s *state) leftBound(a, lo int) int {
	for j := a - 1; j >= lo; j-- {
		if s.tokQ[j] >= 0 || s.owner[j] >= 0 {
			return j + 1
		}
	}
	return lo
}

// mainSubject returns the subject of the first finite verb in [lo, hi).
func (s *state) mainSubject(lo, hi int) (int, int) {
	for v := lo; v < hi; v++ {
		if s.isFinite(v) || s.isAux(v) && s.isVerb(v+1) {
			return s.leftNP(v, lo)
		}
	}
	return 0, 0
}

// skipAdjuncts skips what may stand between a cue and its content: time
// expressions, adverbs, "in a statement", "on Fox News", "at a press
// conference with Theresa May", and the commas around them.
func (s *state) skipAdjuncts(k, hi int) int {
	for n := 0; k < hi && n < 20; n++ {
		switch {
		case s.isTime(k) || s.isAdv(k) && !s.is(k, "how") && !s.is(k, "when") && !s.is(k, "why") && !s.is(k, "where"):
			k++
		case s.upos(k) == "ADP" && !s.is(k, "that") && !s.is(k, "if") && !s.is(k, "whether") && k+1 < hi && (s.isNominal(k+1) || s.isTime(k+1)):
			j := k + 1
			for j < hi && (s.isNominal(j) && s.upos(j) != "PRON" || s.isTime(j) || s.upos(j) == "PRON" && s.xpos(j) == "PRP$") {
				j++
			}
			k = j
		case s.is(k, ",") && k+1 < hi && (s.isTime(k+1) || s.upos(k+1) == "ADP" || s.isAdv(k+1) || s.is(k+1, "that")):
			k++
		default:
			return k
		}
	}
	return k
}

// clauseStart tells whether a clause starts at k: a subject (a pronoun or a
// noun phrase) followed by a finite verb before any comma or colon.
func (s *state) clauseStart(k, hi int) bool {
	if k >= hi {
		return false
	}
	switch s.lower(k) {
	case "he", "she", "it", "they", "we", "i", "you", "there", "this", "these", "those":
		// Any verb form after a subject pronoun: taggers mistake "it
		// raised" for a participle.
		verb := func(j int) bool { return j < hi && (s.isVerb(j) && s.xpos(j) != "VBG" || s.isAux(j)) }
		return verb(k+1) || k+1 < hi && s.isAdv(k+1) && verb(k+2)
	}
	switch s.lower(k) {
	case "him", "them", "me", "us", "what", "how", "why", "when", "where", "who":
		return false
	case "her":
		if s.xpos(k) != "PRP$" {
			return false
		}
	}
	if !s.isNominal(k) && s.upos(k) != "PRON" {
		return false
	}
	// A subject may hold a participle ("the latest polls showing him
	// second are wrong") but not a finite verb before its own.
	// Taggers read a past tense after a noun as a participle or base form
	// ("millions lost their homes", "the location never shut"): such a
	// verb counts when no finite verb follows.
	maybe := false
	for j := k + 1; j < hi && j < k+20; j++ {
		if s.tokQ[j] >= 0 {
			// A quoted predicate: Ryan said Obama's words "amount to ...".
			return j > k+1
		}
		if s.is(j, ",") || s.is(j, ":") {
			return maybe
		}
		if s.isFinite(j) {
			return true
		}
		if s.isVerb(j) && !s.isAux(j) && s.xpos(j) != "VBG" {
			if s.is(j-1, "to") || s.isAux(j-1) && !s.is(j-1, "never") {
				return false
			}
			maybe = true
		}
	}
	return maybe
}

// contentEnd returns the end of a content starting at start: the end of
// the sentence without its final punctuation (a closing quote mark stays),
// or before ", adding/saying ..." or a final ", X said" that belongs to
// another attribution.
func (s *state) contentEnd(start, hi int) int {
	end := hi
	for j := start + 1; j < hi; j++ {
		if s.owner[j] >= 0 {
			end = j
			break
		}
		if s.is(j, ",") && j+1 < hi && s.tokQ[j+1] < 0 {
			if _, _, _, _, ok := s.cueAt(j + 1); ok && s.xpos(j+1) == "VBG" {
				end = j
				break
			}
			if s.is(j+1, "according") {
				end = j
				break
			}
		}
	}
	for end > start && s.isPunct(end-1) && s.tokQ[end-1] < 0 {
		end--
	}
	// "..., however." closes the sentence, not the content.
	if end-2 > start && s.is(end-2, ",") && s.isAdv(end-1) {
		end -= 2
	}
	return end
}

// markMixed makes a quote mixed when its content holds a quoted fragment
// that no cue claimed (he was 'cautious'), and claims that fragment.
func (s *state) markMixed(q *Quote) {
	for k := range s.spans {
		if s.spanQuote[k] >= 0 {
			continue
		}
		if s.spans[k].Start >= q.Start && s.spans[k].End <= q.End {
			if q.Kind == Indirect {
				q.Kind = Mixed
			}
			s.spanQuote[k] = len(s.quotes) // the quote about to be added
		}
	}
}

// parenthetical handles a cue set between commas inside its content:
// "This campaign, he says, is different." The content is the sentence
// around the cue clause, [lo, hi) without final punctuation; its text
// includes the cue clause, as a quote that is interrupted.
func (s *state) parenthetical(f frame, comma, end, lo, hi int) bool {
	if end >= hi || !s.is(end, ",") || comma-lo < 2 || !s.hasVerb(end+1, hi) {
		return false
	}
	for i := lo; i < hi; i++ {
		if s.owner[i] >= 0 || s.tokQ[i] >= 0 && s.spanQuote[s.tokQ[i]] >= 0 {
			return false
		}
	}
	ca, cb := s.stripPunct(lo, hi)
	if cb-ca < 5 {
		return false
	}
	q := Quote{Kind: Indirect, Continues: -1, Speaker: noSpeaker()}
	s.content(&q, ca, cb)
	s.applyFrame(&q, f)
	s.markMixed(&q)
	s.add(q)
	return true
}

// beliefVerbs attribute a clause without "that" as well ("she believes he
// is wrong"); the other that-only cues need the "that".
var beliefVerbs = map[string]bool{
	"believe": true, "think": true, "feel": true, "hope": true, "fear": true, "expect": true,
	"worry": true, "suspect": true, "doubt": true, "estimate": true, "speculate": true,
}

// adjectiveStance handles "X is critical of Y", "she was clear that ...":
// an adjective of stance after a form of "be" (or remain, seem, become),
// with the particle it takes. The cue runs from the verb to the particle;
// a "that" stays in the content, as in indirect speech.
func (s *state) adjectiveStance(i, lo, hi int) bool {
	parts, ok := stanceAdjectives[s.lower(i)]
	if !ok || s.tokQ[i] >= 0 || i+1 >= hi {
		return false
	}
	v := i - 1
	for v >= lo && s.isAdv(v) {
		v--
	}
	if v < lo {
		return false
	}
	switch s.lemmas[v] {
	case "be", "remain", "seem", "appear", "become", "grow", "sound":
	default:
		return false
	}
	p := i + 1
	found := false
	for _, w := range strings.Fields(parts) {
		if s.is(p, w) {
			found = true
		}
	}
	if !found {
		return false
	}
	start, cueEnd := p+1, p+1
	if s.is(p, "that") {
		start, cueEnd = p, p
	}
	if start >= hi || s.owner[start] >= 0 {
		return false
	}
	a := v
	for a > lo && s.isAux(a-1) && s.tokQ[a-1] < 0 {
		a--
	}
	f := frame{lemma: s.lower(i), cueA: a, cueB: cueEnd}
	f.spkA, f.spkB = s.leftNP(a, s.leftBound(a, lo))
	if f.spkA >= f.spkB {
		return false
	}
	end := s.contentEnd(start, hi)
	if end-start < 1 {
		return false
	}
	q := Quote{Kind: Stance, Continues: -1, Speaker: noSpeaker()}
	s.content(&q, start, end)
	s.applyFrame(&q, f)
	s.add(q)
	return true
}

// quoteBefore returns the quote whose cue ends closest before token a in
// [lo, a), -1 when none.
func (s *state) quoteBefore(a, lo int) int {
	best := -1
	for qi := range s.quotes {
		q := &s.quotes[qi]
		if q.Cue.First >= lo && q.Cue.Last <= a && q.Speaker.First >= 0 && (best < 0 || q.Cue.Last > s.quotes[best].Cue.Last) {
			best = qi
		}
	}
	return best
}

// thatClause handles a verb outside the cue lexicons that takes a "that"
// clause ("the poll found that", "she conceded that", "aides fear that"):
// the clause is the content of a stance held by the verb's subject.
func (s *state) thatClause(i, lo, hi int) bool {
	if !s.isVerb(i) || s.isAux(i) || s.tokQ[i] >= 0 || s.owner[i] >= 0 {
		return false
	}
	switch s.lemmas[i] {
	case "be", "have", "do", "get", "make", "so", "mean", "ensure", "provide", "require":
		return false
	}
	k := i + 1
	if k < hi && (s.lower(k) == "me" || s.lower(k) == "us" || s.lower(k) == "him" || s.lower(k) == "her" || s.lower(k) == "them") {
		k++
	}
	if k+1 >= hi || !s.is(k, "that") || s.upos(k) != "SCONJ" && s.xpos(k) != "IN" || !s.clauseStart(k+1, hi) {
		return false
	}
	a := i
	for a > lo && s.isAux(a-1) && s.tokQ[a-1] < 0 {
		a--
	}
	f := frame{lemma: s.lemmas[i], cueA: a, cueB: i + 1, verb: true}
	f.spkA, f.spkB = s.subject(i, a, s.leftBound(a, lo))
	if f.spkA >= f.spkB {
		return false
	}
	end := s.contentEnd(k, hi)
	if end-k < 3 {
		return false
	}
	q := Quote{Kind: Stance, Continues: -1, Speaker: noSpeaker()}
	s.content(&q, k, end)
	s.applyFrame(&q, f)
	s.add(q)
	return true
}
