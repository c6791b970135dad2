package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// indirect finds reported speech sentence by sentence: first cues placed
// after their content ("..., a source said."; "..., according to X."),
// which claim the sentence before them, then cues followed by their
// content ("X said (that) ...", "X told Y that ...", "according to X,
// ...", "..., saying that ..."). A token belongs to one attribution only,
// so a cue inside another quote's content is not a quote of its own.
func (s *state) indirect() {
	for _, sent := range s.d.Sentences {
		if s.headline(sent) {
			continue
		}
		for i := sent.First; i < sent.Last; i++ {
			if s.owner[i] >= 0 || s.tokQ[i] >= 0 || s.only != nil && !s.only[i] {
				continue
			}
			s.learning = true
			l, a, b, fl, ok := s.cueAt(i)
			s.learning = false
			if ok {
				s.backward(l, a, b, fl, sent.First, sent.Last)
				i = b - 1
			}
		}
		for i := sent.First; i < sent.Last; i++ {
			if s.owner[i] >= 0 || s.tokQ[i] >= 0 || s.only != nil && !s.only[i] {
				continue
			}
			if s.askedClause(i, sent.First, sent.Last) || s.inSource(i, sent.First, sent.Last) || s.inPollAfter(i, sent.First, sent.Last) ||
				s.hearsay(i, sent.First, sent.Last) {
				i = s.quotes[len(s.quotes)-1].Last - 1
			} else if l, a, b, fl, ok := s.cueAt(i); ok {
				if s.relativeSay(l, a, b, sent.First, sent.Last) || s.relativeGap(l, a, b, fl, sent.First, sent.Last) ||
					s.forward(l, a, b, fl, sent.First, sent.Last) {
					i = b - 1
				}
			} else if s.adjectiveStance(i, sent.First, sent.Last) || s.thatClause(i, sent.First, sent.Last) || s.nounStance(i, sent.First, sent.Last) || s.seemClause(i, sent.First, sent.Last) ||
				s.receivedStance(i, sent.First, sent.Last) || s.perspective(i, sent.First, sent.Last) || s.putIt(i, sent.First, sent.Last) {
				i = s.quotes[len(s.quotes)-1].Last - 1
			}
		}
		// Verbs the model admits, once the rules have read the sentence.
		for i := sent.First; i < sent.Last; i++ {
			if s.owner[i] >= 0 || s.only != nil && !s.only[i] || !s.learnedCue(i) {
				continue
			}
			s.learning = true
			l, a, b, fl, ok := s.cueAt(i)
			s.learning = false
			if ok && (s.relativeSay(l, a, b, sent.First, sent.Last) || s.relativeGap(l, a, b, fl, sent.First, sent.Last) ||
				s.forward(l, a, b, fl, sent.First, sent.Last)) {
				i = b - 1
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
		// by X."; "X, according to Y, is ..." is parenthetical, even
		// when X is one word ("Fundraising, according to the campaign,
		// has surged").
		if a-1 <= lo {
			return false
		}
		comma = a
		f.spkA, f.spkB = s.rightNP(b, hi, true)
		if f.spkA == f.spkB && s.noFinite(b, hi) {
			// A source the noun-phrase reader stops in ("a yearly Gallup
			// poll", "complete but unofficial returns"): the rest.
			f.spkA, f.spkB = s.stripPunct(b, hi)
		}
		if f.spkA == f.spkB {
			return false
		}
		if !s.noFinite(f.spkB, hi) {
			if s.is(a-1, ",") && s.is(f.spkB, ",") && s.parenthetical(f, a-1, f.spkB, lo, hi) {
				return true
			}
			if s.is(a-1, ",") && s.isOneOf(f.spkB, "who that which") && s.tokQ[f.spkB] < 0 {
				// "X, according to members who spoke with reporters, was
				// ...": the source's relative clause runs to the comma.
				c := f.spkB + 1
				for c < hi && c < f.spkB+15 && !s.is(c, ",") && s.tokQ[c] < 0 {
					c++
				}
				g := f
				g.spkB = c
				if c < hi && s.is(c, ",") && s.parenthetical(g, a-1, c, lo, hi) {
					return true
				}
			}
			// "..., according to three sources who spoke to Fox News",
			// "..., according to a poll that shows ...", "..., according
			// to a tally, but his path is narrowing": what follows the
			// source is its own, and the clause before the comma is the
			// content all the same.
			// "X leads by 271 delegates according to a count by the AP,
			// but ...": a joined clause after the source ends it too.
			if !s.is(a-1, ",") && !s.joinedAfter(f.spkB, hi) {
				return false
			}
		}
	case a-1 > lo && s.is(a-1, ","):
		if fl&cThat != 0 {
			return false
		}
		// Inverted: "..., said Lavrov."
		comma = a - 1
		f.spkA, f.spkB = s.rightNP(b, hi, true)
		// "..., said two people who attended": the speaker's relative
		// clause ends the sentence.
		if f.spkA == f.spkB || !s.clauseEnds(f.spkB, hi) && !(s.is(f.spkB, "who") && s.tokQ[f.spkB] < 0) {
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
		if end < hi && s.isNominal(end) && !s.isTime(end) && s.tokQ[end] < 0 {
			// "..., he attacked coal plants": the verb has an object of its
			// own, so the clause before is not its content.
			return false
		}
		if !s.clauseEnds(end, hi) {
			return s.parenthetical(f, comma, end, lo, hi)
		}
	}
	ca, cb := s.stripPunct(lo, comma)
	// A tagger may miss the content's verb ("her fate hinges/NNS on it,
	// an analyst says"); a long stretch before a final verb of saying is
	// a clause all the same.
	// "According to" ends a statement even when the tagger missed its
	// verb ("58 percent of companies fund/NN leave, according to a
	// study").
	if cb-ca < 3 || !s.hasVerb(ca, cb) && !(l == "according to" && cb-ca >= 6) || s.frontedClause(ca, cb) {
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

// joinedAfter tells whether a source phrase ending at i is followed, after
// words with no finite verb, by a comma and a joined clause (", but ...").
func (s *state) joinedAfter(i, hi int) bool {
	c := i
	for c < hi && c < i+12 && !s.is(c, ",") && s.tokQ[c] < 0 {
		c++
	}
	return c+1 < hi && s.is(c, ",") && s.noFinite(i, c) && s.isOneOf(c+1, "but and while though although whereas")
}

// clauseEnds tells whether [i, hi) holds nothing but what may follow a
// final cue: prepositional phrases, time expressions, adverbs, punctuation.
func (s *state) clauseEnds(i, hi int) bool {
	for j := i; j < hi; j++ {
		if s.is(j, ",") && j+1 < hi && s.xpos(j+1) == "VBG" && s.tokQ[j+1] < 0 {
			return true // "..., Nefzi said, adding ...": a clause of its own
		}
		if s.is(j, ";") {
			return true // "..., analysts say; in 2012, ...": a new clause
		}
		if j > i && (s.is(j, "who") || s.is(j, "whose")) && s.tokQ[j] < 0 {
			return true // "..., said Wilcox, a Republican who founded ...": the speaker's relative clause
		}
		if s.tokQ[j] >= 0 && j > i && s.quotedTitle(j) {
			// "..., he said on MSNBC's “Morning Joe.”": a show's name.
			k := s.tokQ[j]
			for j+1 < hi && s.tokQ[j+1] == k {
				j++
			}
			continue
		}
		if s.isVerb(j) || s.xpos(j) == "MD" || s.is(j, "that") || s.tokQ[j] >= 0 {
			// A modal starts a clause even when the tagger misses its verb
			// ("said he would welcome/JJ it").
			return false
		}
	}
	return true
}

// quotedTitle tells whether the quoted span starting at token j is a short
// title after a preposition or a possessive ("on “Meet the Press”",
// "NBC's “Today”"), no quote of words.
func (s *state) quotedTitle(j int) bool {
	if j == 0 || s.tokQ[j-1] >= 0 || !(s.isOneOf(j-1, "on in at to") || s.xpos(j-1) == "POS") {
		return false
	}
	n := 0
	for k := j; k < len(s.d.Tokens) && s.tokQ[k] == s.tokQ[j]; k++ {
		if !s.isPunct(k) {
			n++
			w := s.d.Form(k)
			if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) && !s.isOneOf(k, "the of a and on in with") {
				return false
			}
		}
	}
	return n > 0 && n <= 5
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
	stance, short := false, false
	if l == "according to" {
		// "According to X, ...": the content follows the first comma, even
		// when X is longer than a plain noun phrase ("according to early
		// results of the exit poll conducted by ...").
		f.spkA, f.spkB = s.rightNP(b, hi, false)
		if f.spkA == f.spkB {
			// A source the tagger misread ("According to state/VB law,"):
			// the words up to the comma, when they hold no finite verb.
			c := b
			for c < hi && c < b+16 && !s.is(c, ",") && s.tokQ[c] < 0 {
				c++
			}
			if c < hi && s.is(c, ",") && c > b && s.noFinite(b, c) {
				f.spkA, f.spkB = b, c
			}
		}
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
		if a > lo && !s.is(a-1, ":") && !(a-1 == lo && (s.upos(lo) == "CCONJ" || s.isAdv(lo))) {
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
		kObj := k
		k = s.skipAdjuncts(k, hi)
		if l == "ask" {
			// "asked Sanders how he felt": the listener is no part of
			// the question.
			if e, ok := s.objectNP(k, hi); ok && e > k && e+1 < hi && s.tokQ[e] < 0 && whWords[s.lower(e)] {
				k = e
			}
		}
		if f.addrA < f.addrB && k == f.addrB && s.is(k, "to") && k+1 < hi && s.xpos(k+1) == "VB" {
			// "told Jeb Bush to quiet down", "warned voters to stay home":
			// an order; the listener is its subject, inside the content.
			start = f.addrA
			f.addrA, f.addrB = 0, 0
			k = -1
		}
		switch {
		case k < 0:
		case k < hi && s.is(k, "that") && k+1 < hi && (s.tokQ[k+1] >= 0 || !s.isPunct(k+1) && !s.isVerb(k+1) && !s.isAux(k+1) ||
			s.xpos(k+1) == "VBG" && s.gerundSubject(k+1, hi)):
			// "argued that cutting taxes would help": a gerund subject.
			start = k
		case (fl&cThat == 0 || beliefVerbs[l]) && s.clauseStart(k, hi):
			start = k
		case evidenceVerbs[l] && s.evidenceSubject(b-1, a, lo) && (s.clauseStart(k, hi) || l == "show" && s.smallClause(k, hi)):
			// "the analysis found Trump would raise taxes", "the poll
			// shows Clinton leading": a finding, with no "that".
			start = k
		case fl&cThat == 0 && k < hi && (s.is(k, "if") || s.is(k, "whether")) && l == "ask":
			start = k
		case whVerbs[l] && k+1 < hi && whWords[s.lower(k)] && s.tokQ[k] < 0 && s.hasVerb(k+1, s.contentEnd(k, hi)):
			// "no one knows what the field will look like", "she
			// explained why she left": a question as the content.
			start = k
		case l == "say" && s.sayObject(kObj, hi):
			// "the candidate said no", "half said so", "26 percent said the same".
			start, short = kObj, true
		case l == "say" && s.sayObject(s.skipLight(kObj, hi), hi):
			start, short = s.skipLight(kObj, hi), true
		case looseVerbs[l] && s.looseClause(s.skipLight(kObj, hi), hi):
			// "The office said about half of it reflected ...": a
			// clause the adjunct skip or a tagger slip hid.
			start = s.skipLight(kObj, hi)
		case k+1 < hi && s.is(k, ",") && s.tokQ[k] < 0 && s.asClause(a, lo) && s.clauseStart(k+1, hi):
			// "As the tabloid noted in an op-ed, the candidate has ...":
			// the main clause is what was said.
			start = k + 1
		case stanceVerbs[l] == "~as" && s.is(b, "as") && s.passiveAdv(a, b):
			// "the process is widely seen as a way in": the impression
			// is about the subject; the passive hides who holds it.
			start, stance = b, true
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
		if s.xpos(b-1) == "VBG" && f.spkA < f.spkB {
			f.spkA, f.spkB = s.mediumMaker(f.spkA, f.spkB, lo)
		}
		// "..., pointing out that": a phrasal participle counts too.
		if f.spkA == f.spkB && (s.xpos(b-1) == "VBG" || s.xpos(a) == "VBG") && a > lo && (s.is(a-1, ",") || s.is(a-1, "as")) {
			// "..., saying that", "was quoted as saying that": the speaker
			// of the quote framed just before in the sentence ("...," he
			// said, adding that), else the subject of the main clause.
			if p := s.quoteBefore(a, lo); p >= 0 {
				f.spkA, f.spkB = s.quotes[p].Speaker.First, s.quotes[p].Speaker.Last
			} else if f.spkA, f.spkB = s.priorSpeaker(a, lo); f.spkA == f.spkB {
				f.spkA, f.spkB = s.mainSubject(lo, a)
			}
		}
		if f.spkA == f.spkB && stance && a-1 > lo && s.is(a-1, "to") && s.isHead(a-2) && s.tokQ[a-2] < 0 {
			// "the first members of Congress to endorse him", "for us to
			// pay attention to it": the noun before the infinitive holds
			// the stance.
			if s.upos(a-2) == "PRON" {
				f.spkA, f.spkB = a-2, a-1
			} else {
				f.spkA, f.spkB = s.nounRunLeft(a-2, lo), a-1
			}
		}
		if f.spkA == f.spkB && a-1 > lo && (s.is(a-1, "and") || s.is(a-1, "but")) {
			// "Graham called them crazy and said ...": the subject of
			// the first of two joined verbs.
			f.spkA, f.spkB = s.mainSubject(lo, a-1)
		}
		f.passive = s.isPassive(a, b)
		if f.passive && f.spkA < f.spkB && s.is(f.spkA, "it") {
			f.spkA, f.spkB = 0, 0 // "it was reported that": no one named
		}
		if f.passive && f.spkA < f.spkB && (l == "ask" || l == "tell" || l == "urge" || l == "inform" || l == "remind") {
			f.spkA, f.spkB = 0, 0 // "voters were asked who ...": the listeners, not the speaker
		}
		if (f.passive || stance && s.is(start, "as")) && f.spkA < f.spkB && raisingVerbs[l] && (s.is(start, "to") || s.is(start, "as") && stance) && start == b {
			// "Trump is expected to be competitive": an expectation held by
			// no one named, about the subject, which is in the content.
			start, f.spkA, f.spkB = f.spkA, 0, 0
		}
	}
	if start >= hi {
		return false // a cue that ends its sentence says nothing here
	}
	end := s.contentEnd(start, hi)
	if whWords[s.lower(start)] {
		// "voters were asked who would bring change, Trump trounced
		// Clinton": the question ends where a clause follows its comma.
		for j := start + 2; j+1 < end; j++ {
			if s.is(j, ",") && s.tokQ[j] < 0 && s.clauseStart(j+1, end) {
				end = j
				break
			}
		}
	}
	if stance {
		end = s.stanceEnd(start, end)
	} else if l != "according to" {
		end = s.secondPredicate(a, start, end)
	}
	end = s.joinedSpeaker(start, end)
	if l != "according to" && f.spkA < f.spkB && f.spkA > lo && s.isOneOf(f.spkA, "who which") && s.is(f.spkA-1, ",") {
		// "Petrilli, who thinks the rule went too far, called it ...": a
		// relative clause between commas ends at the comma before the
		// main verb.
		for j := start + 2; j+1 < end; j++ {
			if s.is(j, ",") && s.tokQ[j] < 0 && (s.isVerb(j+1) && s.xpos(j+1) != "VBG" && s.xpos(j+1) != "VBN" || s.isAux(j+1)) {
				end = j
				break
			}
		}
	}
	if end-start < 2 && !(short && end > start) && !(stance && end > start && s.oneWordObject(start)) {
		return false
	}
	q := Quote{Kind: Indirect, Continues: -1, Speaker: noSpeaker()}
	if stance {
		// A stance needs a named holder, or a passive that hides one; an
		// object alone is too weak.
		if f.spkA >= f.spkB && !f.passive {
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

// oneWordObject tells whether token i alone can be a stance's object: a
// name, a personal pronoun or a noun ("endorsed Clinton", "criticized
// her", "opposed abortion"); attribution corpora count such objects as
// the position's content.
func (s *state) oneWordObject(i int) bool {
	return s.tokQ[i] < 0 && (s.upos(i) == "PROPN" || s.upos(i) == "PRON" && s.xpos(i) == "PRP" || s.upos(i) == "NOUN")
}

// mediumMaker returns, for a phrase [a, b) before a participle cue that
// names a medium made by someone ("Trump issued a statement saying ...",
// "His office put out a statement Tuesday saying ..."), the subject of the
// verb that made it: the statement says what its maker says. Otherwise it
// returns [a, b).
func (s *state) mediumMaker(a, b, lo int) (int, int) {
	h := s.headOf(a, b)
	v := a - 1
	if v > lo && (s.xpos(v) == "RP" || s.is(v, "out")) {
		v-- // "put out", "sent out"
	}
	if h < 0 || v <= lo || !(cueNouns[s.lemmas[h]] || venueNouns[s.lemmas[h]]) || !s.isVerb(v) || s.tokQ[v] >= 0 {
		return a, b
	}
	if sa, sb := s.subject(v, v, s.leftBound(v, lo)); sa < sb {
		return sa, sb
	}
	return a, b
}

// passiveAdv tells whether the cue [a, b) is a passive participle after a
// form of "be" and adverbs ("is widely seen").
func (s *state) passiveAdv(a, b int) bool {
	if s.isPassive(a, b) {
		return true
	}
	if s.xpos(b-1) != "VBN" {
		return false
	}
	j := a - 1
	for j >= 0 && s.isAdv(j) && s.tokQ[j] < 0 {
		j--
	}
	return j >= 0 && j < a-1 && s.lemmas[j] == "be"
}

// asClause tells whether the subject of the cue at a is opened by a
// sentence-initial "as" ("As Smith noted, ...", "But as polls show, ...").
func (s *state) asClause(a, lo int) bool {
	sa, sb := s.leftNP(a, lo)
	if sa == sb || sa-1 < lo || !s.is(sa-1, "as") || s.tokQ[sa-1] >= 0 {
		return false
	}
	p := sa - 1
	return p == lo || p-1 == lo && (s.upos(lo) == "CCONJ" || s.isAdv(lo))
}

// stanceEnd cuts a stance's object at the first comma or dash outside
// quotes: what follows ("..., in what appeared to be ...", "..., Trump's
// running mate has ...") is the sentence going on, not the position.
func (s *state) stanceEnd(start, end int) int {
	for j := start + 1; j < end; j++ {
		if s.tokQ[j] >= 0 {
			if s.is(j, ",") && j+2 < end && s.tokQ[j+2] < 0 && s.isPunct(j+1) && s.tokQ[j+1] == s.tokQ[j] {
				// `called Cruz the "ultimate hypocrite," linking to ...`:
				// a comma inside the closing quote mark ends it too.
				return j + 2
			}
			continue
		}
		if s.is(j, ",") && j+1 < end && listWords[s.lower(j+1)] {
			// "Jeb Bush, who dropped out", "bans, including ...": the
			// object goes on.
			continue
		}
		if s.is(j, ",") || s.is(j, "\u2014") || s.is(j, "--") || s.is(j, ";") {
			return j
		}
		if (s.is(j, "and") || s.is(j, "but")) && j+1 < end && (s.isFinite(j+1) || s.isAdv(j+1) && j+2 < end && s.isFinite(j+2) ||
			s.xpos(j+1) == "VBN" && known(s.cueLemma(j+1))) {
			return j // "called them crazy and said/VBN ...": a second predicate
		}
	}
	return s.joinedPredicate(start, end)
}

var listWords = map[string]bool{
	"who": true, "whom": true, "whose": true, "which": true, "including": true, "especially": true,
	"particularly": true, "notably": true,
}

// stanceContent finds the content of a stance verb whose cue ends at b:
// after its particle when it takes one ("called for", "talked about"), an
// object noun phrase, an infinitive ("vowed to fight") or a quote. It
// returns the content's first token and the cue's end.
func (s *state) stanceContent(l string, b, hi int) (int, int, bool) {
	k := b
	parts := stanceVerbs[l]
	if n, ok := strings.CutPrefix(l, "make "); ok {
		parts = makeNouns[n]
	}
	if n, ok := strings.CutPrefix(l, "raise "); ok {
		parts = "!" + raiseNouns[n]
	}
	if strings.HasPrefix(parts, "~") {
		// "sees the deal as a disaster": the word must follow the object.
		w := parts[1:]
		j := k
		for j < hi && j < k+15 && !s.is(j, w) && !s.is(j, ",") && s.tokQ[j] < 0 && !s.isFinite(j) {
			j++
		}
		if j >= hi || !s.is(j, w) || j == k {
			return 0, 0, false
		}
	} else if parts != "" && k < hi {
		required := strings.HasPrefix(parts, "!")
		found := false
		words := strings.Fields(strings.TrimPrefix(parts, "!"))
		has := func(i int) bool {
			for _, p := range words {
				if s.is(i, p) {
					return true
				}
			}
			return false
		}
		found = has(k)
		if !found && k+2 < hi && s.is(k, "in") && (s.is(k+1, "favor") || s.is(k+1, "favour")) && s.is(k+2, "of") && strings.Contains(parts, "for") {
			// "argued in favor of", "voted in favour of": "for" in three words.
			found, k = true, k+2
		}
		if !found && k+1 < hi && s.isAdv(k) && has(k+1) {
			// "is talking now about", "spoke briefly of".
			found, k = true, k+1
		}
		if !found && l == "ask" {
			// "asked Sanders how he felt", "asked reporters about it":
			// the listener is no part of what was asked.
			if e, ok := s.objectNP(k, hi); ok && e < hi && e > k && s.tokQ[e] < 0 && (whWords[s.lower(e)] || s.is(e, "if") || s.is(e, "whether") || has(e)) {
				k, found = e, has(e)
			}
		}
		switch {
		case found && s.is(k, "to") && k+1 < hi && s.xpos(k+1) == "VB":
			// "agreed to hold a debate": the infinitive is the content.
		case found:
			k++
		case l == "call" && s.is(k, "to") && k+1 < hi && s.xpos(k+1) == "VB" && s.tokQ[k] < 0:
			// "called to ban the imports": a demand, the infinitive its content.
		case l == "call":
			// "called the deal a disaster", "called him 'dangerous'",
			// "called Florida's standards “strong”": an object with a
			// complement; "called a meeting" has none.
			ob, ok := s.calledObject(k, hi)
			if (!ok || ob >= hi || !(s.tokQ[ob] >= 0 || s.upos(ob) == "DET" || s.upos(ob) == "ADJ" || s.upos(ob) == "NOUN" || s.xpos(ob) == "PRP$")) &&
				!s.quotedComplement(k, hi) {
				return 0, 0, false
			}
		case required:
			return 0, 0, false
		}
	}
	if l == "express" || l == "voice" {
		// "expressed concern that ...", "voiced doubts about the plan":
		// the noun names the feeling, its complement what it is about.
		if e, ok := s.objectNP(k, hi); ok && e > k && e-k <= 3 && e+1 < hi && s.tokQ[e] < 0 && s.upos(e-1) == "NOUN" {
			switch {
			case s.is(e, "that") && s.clauseStart(e+1, hi):
				return e, e, true
			case s.isOneOf(e, "about over at with regarding") && s.tokQ[e+1] < 0 && s.isNominal(e+1):
				return e + 1, e + 1, true
			}
		}
	}
	cueEnd := k
	// "promised on Tuesday to refrain ...": a date between cue and content.
	for k < hi && (s.isTime(k) || s.upos(k) == "ADP" && k+1 < hi && s.isTime(k+1) && !s.is(k, "to")) && s.tokQ[k] < 0 {
		k++
	}
	if k >= hi {
		return 0, 0, false
	}
	if k > cueEnd && !(s.is(k, "to") && k+1 < hi && s.xpos(k+1) == "VB") && !s.isNominal(k) {
		return 0, 0, false
	}
	switch {
	case s.tokQ[k] >= 0:
	case s.is(k, "to") && k+1 < hi && s.xpos(k+1) == "VB":
	case s.isNominal(k) && !s.isTime(k) || s.xpos(k) == "PRP$":
	case s.xpos(k) == "VBG" && k+1 < hi && !s.isPunct(k+1):
		// "supports squeezing out undocumented immigrants": a gerund object.
	case s.upos(k) == "PRON" && s.xpos(k) == "PRP":
		// "criticized him for ...": the pronoun is an object.
	default:
		return 0, 0, false
	}
	return k, cueEnd, true
}

// quotedComplement tells whether a quote follows a longer object of
// "call" within its clause: "called undocumented immigrants from Mexico
// “rapists”", "called the former president less an asset than “a walking
// liability”".
func (s *state) quotedComplement(k, hi int) bool {
	for j := k + 1; j < hi && j < k+15; j++ {
		if s.tokQ[j] >= 0 {
			return s.tokQ[j-1] < 0
		}
		if s.isFinite(j) || s.is(j, ",") || s.is(j, ";") || s.is(j, "that") {
			return false
		}
	}
	return false
}

// objectNP returns the end of the noun phrase object starting at k: a
// pronoun, or determiners and modifiers before nouns joined by
// possessives. A determiner after the head noun starts the next phrase
// ("called her son her hero"). ok is false when no noun heads it.
func (s *state) objectNP(k, hi int) (int, bool) {
	if k < hi && s.upos(k) == "PRON" && s.xpos(k) == "PRP" {
		return k + 1, true
	}
	j, head := k, false
	for j < hi && s.tokQ[j] < 0 {
		switch {
		case s.upos(j) == "NOUN" || s.upos(j) == "PROPN" || s.upos(j) == "NUM":
			head = true
		case s.xpos(j) == "POS" || s.xpos(j) == "HYPH":
		case (s.upos(j) == "DET" || s.upos(j) == "ADJ" || s.xpos(j) == "PRP$") && !head:
		default:
			return j, head
		}
		if head && j+1 < hi && (s.upos(j+1) == "DET" || s.upos(j+1) == "ADJ" || s.xpos(j+1) == "PRP$") && s.xpos(j) != "POS" && s.xpos(j) != "HYPH" {
			return j + 1, true
		}
		j++
	}
	return j, head
}

// calledObject reads the object of "call" at k, which may be joined ("both
// Trump and Clinton") or hold a participle ("her fallen son"); it returns
// where the complement would start.
func (s *state) calledObject(k, hi int) (int, bool) {
	ob, ok := s.objectNP(k, hi)
	for n := 0; n < 3 && ob+1 < hi && s.tokQ[ob] < 0; n++ {
		switch {
		case s.isOneOf(ob, "and or") && ok:
			ob, ok = s.objectNP(ob+1, hi)
		case !ok && ob > k && (s.xpos(ob) == "VBN" || s.xpos(ob) == "VBG") && s.isNominal(ob+1):
			ob, ok = s.objectNP(ob+1, hi)
		default:
			return ob, ok
		}
	}
	return ob, ok
}

// leftBound is where a subject search before token a must stop: the
// sentence start or the end of the nearest quote or claimed content.
func (s *state) leftBound(a, lo int) int {
	for j := a - 1; j >= lo; j-- {
		// A stance inside the subject ("a spokesman, who declined to be
		// named, said") does not end it.
		if s.tokQ[j] >= 0 || s.owner[j] >= 0 && s.quotes[s.owner[j]].Kind != Stance && !s.relativeQuote(int(s.owner[j])) {
			return j + 1
		}
	}
	return lo
}

// relativeQuote tells whether quote qi is said in a relative clause
// between commas ("Petrilli, who thinks it went too far, ..."), which a
// subject phrase may hold.
func (s *state) relativeQuote(qi int) bool {
	q := &s.quotes[qi]
	return q.Kind != Direct && q.Speaker.First > 0 && s.isOneOf(q.Speaker.First, "who which") && s.is(q.Speaker.First-1, ",")
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
		case s.isTime(k) || s.isAdv(k) && !s.is(k, "how") && !s.is(k, "when") && !s.is(k, "why") && !s.is(k, "where") && !s.thereIs(k, hi):
			k++
		case s.upos(k) == "ADP" && !s.is(k, "that") && !s.is(k, "if") && !s.is(k, "whether") && k+1 < hi && (s.isNominal(k+1) || s.isTime(k+1)):
			j := k + 1
			for j < hi && !s.is(j, "that") && (s.isNominal(j) && s.upos(j) != "PRON" || s.isTime(j) || s.upos(j) == "PRON" && s.xpos(j) == "PRP$") {
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

// secondPredicate ends a reported clause before "and" or "but" and a cue
// verb in the past tense, or in the present after a present cue ("she
// said she admires him and highlighted their goals", "he adds that he has
// paid and called on his rivals to do the same", "he says he respects her
// and calls her a friend"): the speaker's second predicate, an
// attribution of its own, not the content's. It applies when the cue (at
// a) is a finite past or present verb; a joined predicate the parse shows
// (joinedPredicate) and a participle after a comma (participleEnd) end
// the content whatever the cue's form. A cue is one the lexicons know or
// the cue model admits.
func (s *state) secondPredicate(a, start, end int) int {
	v := a
	for v < end && s.isAux(v) {
		v++
	}
	end = s.joinedPredicate(start, s.participleEnd(start, end))
	past := s.xpos(v) == "VBD"
	if !past && s.xpos(v) != "VBZ" && s.xpos(v) != "VBP" {
		return end
	}
	for j := start; j+1 < end; j++ {
		if s.tokQ[j] >= 0 || !(s.is(j, "and") || s.is(j, "but")) {
			continue
		}
		k := j + 1
		if s.isAdv(k) && k+1 < end {
			k++
		}
		// The second verb is past ("said ... and quoted", "adds ...
		// and called on"), or present after a present cue ("says ...
		// and calls her").
		x := s.xpos(k)
		tense := x == "VBD" || x == "VBN" || !past && (x == "VBZ" || x == "VBP")
		if tense && s.predicateCue(k) {
			return j
		}
	}
	return end
}

// joinedPredicate ends a content [start, end) before "and" or "but" and
// a verb the parse joins to a word outside the content, when that verb is
// a cue of its own: "criticizing the fact-checkers and refusing to
// acknowledge", "fear that it is late and warn that ...". The joined verb
// is the speaker's second predicate.
func (s *state) joinedPredicate(start, end int) int {
	if !s.parsed {
		return end
	}
	for j := start + 1; j+1 < end; j++ {
		if w := s.lower(j); s.tokQ[j] >= 0 || w != "and" && w != "but" {
			continue
		}
		k := j + 1
		if s.isAdv(k) && k+1 < end {
			k++
		}
		t := s.d.Tokens[k]
		if s.tokQ[k] < 0 && s.isVerb(k) && t.Deprel == "conj" && (t.Head < start || t.Head >= end) && s.predicateCue(k) {
			return j
		}
	}
	return end
}

// participleEnd ends a content [start, end) before a comma and a
// participle that is a cue of its own and hangs on no word of the
// content ("have questioned that determination, waging a campaign to
// ...": the participle is the speaker's, an attribution of its own;
// "voters, fearing a loss, stayed home" keeps its participle).
func (s *state) participleEnd(start, end int) int {
	for j := start + 1; j+1 < end; j++ {
		switch s.lower(j) {
		case ",", "-", "\u2014", "--":
		default:
			continue
		}
		if s.tokQ[j] >= 0 && !(s.is(j, ",") && j+2 < end && s.tokQ[j+2] < 0 && s.isPunct(j+1) && s.tokQ[j+1] == s.tokQ[j]) {
			continue
		}
		k := j + 1
		if s.tokQ[j] >= 0 {
			k++
		}
		if s.isAdv(k) && k+1 < end {
			k++
		}
		if s.xpos(k) != "VBG" || s.tokQ[k] >= 0 || !s.predicateCue(k) {
			continue
		}
		if h := s.d.Tokens[k].Head; s.parsed && h >= start && h < end {
			continue
		}
		if s.tokQ[j] >= 0 {
			return j + 2
		}
		return j
	}
	return end
}

// predicateCue tells whether verb k opens a predicate of attribution of
// its own: a cue the lexicons know, or one the cue model admits.
func (s *state) predicateCue(k int) bool {
	if known(s.cueLemma(k)) {
		return true
	}
	m := s.x.cues
	return m != nil && s.cueCandidate(k) && m.Threshold == m.Threshold && s.cueScoreOf(k) >= m.Threshold
}

// joinedSpeaker cuts a content [start, end) before a joined clause with a
// speaker and a cue of its own: "most said the economy was weak, while 9
// percent said it was strong", "he backs the plan; his rivals say it will
// fail", "asked about the remarks, when he claimed that ...". That clause is another attribution, not part of this one.
func (s *state) joinedSpeaker(start, end int) int {
	for j := start + 2; j+2 < end; j++ {
		if s.tokQ[j] >= 0 || !s.is(j, ",") && !s.is(j, ";") {
			continue
		}
		c := j + 1
		if s.isOneOf(c, "while whereas but though although and when after as before because since") {
			c++
		} else if !s.is(j, ";") {
			continue
		}
		na, nb := s.rightNP(c, end, false)
		if na == nb || s.upos(na) == "PRON" && s.isOneOf(na, "it") {
			continue
		}
		v := nb
		for v < end && (s.isAdv(v) || s.isAux(v)) && s.tokQ[v] < 0 {
			v++
		}
		if v >= end || s.tokQ[v] >= 0 || !s.isFinite(v) && !(v > nb && s.isVerb(v)) {
			continue
		}
		if _, ok := cueVerbs[s.cueLemma(v)]; ok {
			return j
		}
	}
	return end
}

// thereIs tells whether k is an existential "there" that a tagger read as
// an adverb: "said there was more room" opens a clause.
func (s *state) thereIs(k, hi int) bool {
	if !s.is(k, "there") {
		return false
	}
	j := k + 1
	for j < hi && s.isAdv(j) && !s.isAux(j) {
		j++
	}
	return j < hi && (s.isAux(j) || s.isFinite(j) || s.lemmas[j] == "be")
}

// looseVerbs report words whatever form their complement takes, so a
// clause after them is their content even when its verb is mistagged or
// its subject is a gerund ("he said legalizing it could put thousands to
// work") or it opens with a conjunction ("Cruz said if elected he could").
var looseVerbs = map[string]bool{
	"say": true, "tell": true, "claim": true, "argue": true, "insist": true, "write": true,
	"explain": true, "note": true, "warn": true, "announce": true, "acknowledge": true, "admit": true,
	"predict": true, "tweet": true, "suggest": true, "confirm": true, "contend": true, "assert": true,
	"concede": true, "declare": true, "complain": true, "stress": true, "emphasize": true, "testify": true,
	"allege": true, "add": true, "report": true,
}

// skipLight skips adverbs, time expressions and commas after a cue (not
// prepositional phrases, which may open the content: "about half of ...").
func (s *state) skipLight(k, hi int) int {
	for k < hi && s.tokQ[k] < 0 && (s.isTime(k) || s.isAdv(k) && !s.is(k, "how") && !s.is(k, "when") && !s.is(k, "why") && !s.is(k, "where") || s.is(k, ",")) {
		k++
	}
	return k
}

// looseClause tells whether a clause of reported speech may start at k: a
// word that can open a clause, and a finite verb or a quoted predicate
// before the content would end.
func (s *state) looseClause(k, hi int) bool {
	if k >= hi || s.tokQ[k] >= 0 || s.isPunct(k) {
		return false
	}
	switch s.lower(k) {
	case "to", "him", "them", "me", "us", "for", "by", "with", "from", "as", "and", "but", "or", "than",
		"of", "on", "in", "at", "into", "out", "up", "so", "what", "how", "why", "who", "whom", "which":
		return false
	}
	if s.isVerb(k) && s.xpos(k) != "VBG" || s.isAux(k) {
		return false
	}
	end := s.contentEnd(k, hi)
	for j := k + 1; j < end; j++ {
		if s.tokQ[j] >= 0 && j > k+1 {
			return true
		}
		// "said goodbye and left": a verb after "and" is the subject's own.
		if s.isFinite(j) && !(s.upos(j-1) == "CCONJ" || s.isAdv(j-1) && j-2 > k && s.upos(j-2) == "CCONJ") {
			return true
		}
	}
	return false
}

// raisingVerbs in the passive attribute a claim about their subject to
// no one: "he is expected to win", "she is believed to be in Paris".
var raisingVerbs = map[string]bool{
	"expect": true, "believe": true, "think": true, "consider": true, "report": true, "say": true,
	"know": true, "rumor": true, "rumour": true, "estimate": true, "project": true, "predict": true,
	"see": true, "suspect": true, "view": true, "understand": true, "fear": true, "allege": true,
}

// whVerbs take an embedded question as their content.
var whVerbs = map[string]bool{
	"know": true, "ask": true, "explain": true, "wonder": true, "question": true, "tell": true,
	"reveal": true, "show": true, "understand": true, "remember": true, "learn": true, "describe": true,
	"discuss": true, "recall": true, "say": true, "predict": true, "decide": true, "realize": true,
}

var whWords = map[string]bool{
	"what": true, "how": true, "why": true, "whether": true, "if": true, "who": true, "where": true,
	"when": true, "which": true,
}

// sayObject tells whether a short object of "say" that ends its clause
// starts at k: "said no", "said so", "said the same of Trump".
func (s *state) sayObject(k, hi int) bool {
	if k >= hi || s.tokQ[k] >= 0 {
		return false
	}
	switch s.lower(k) {
	case "no", "yes", "so":
		// "72 percent said yes while 48 percent agreed": the answer ends
		// at a clause opener.
		if k+1 < hi && (s.upos(k+1) == "SCONJ" || s.upos(k+1) == "CCONJ" || s.is(k+1, ",")) {
			return true
		}
	case "that", "this", "it":
		// "by the time he said that."
		return k+1 < hi && s.isPunct(k+1) && s.tokQ[k+1] < 0 && !s.is(k+1, "\u2014") || k+1 == hi
	case "nothing", "little", "much", "something", "anything", "goodbye", "otherwise":
	default:
		if !(s.is(k, "the") && s.is(k+1, "same")) {
			return false
		}
	}
	end := s.contentEnd(k, hi)
	if end-k > 6 {
		return false
	}
	for j := k; j < end; j++ {
		if s.isVerb(j) || s.tokQ[j] >= 0 {
			return false
		}
	}
	return true
}

// clauseStart tells whether a clause starts at k: a subject (a pronoun or a
// noun phrase) followed by a finite verb before any comma or colon.
func (s *state) clauseStart(k, hi int) bool {
	if k >= hi {
		return false
	}
	pron := s.lower(k)
	if (pron == "this" || pron == "these" || pron == "those") && k+1 < hi && s.isNominal(k+1) {
		pron = "" // a determiner: "those statements were wrong"
	}
	switch pron {
	case "he", "she", "they", "we", "i":
		// A nominative pronoun is a subject whatever the tagger made of the
		// word after it ("said they welcome/UH the attention").
		return k+1 < hi && !s.isPunct(k+1) && s.upos(k+1) != "ADP" && s.tokQ[k+1] < 0 &&
			(s.upos(k+1) != "CCONJ" || k+2 < hi && s.isNominal(k+2))
	case "it", "you", "there", "this", "these", "those":
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
		if s.isFinite(j) && s.upos(j-1) != "CCONJ" {
			return true
		}
		if s.isVerb(j) && !s.isAux(j) && s.xpos(j) != "VBG" && s.upos(j-1) != "CCONJ" {
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
		if s.is(j, ";") && s.tokQ[j] < 0 {
			// "...; in 2012, Romney stumbled": a new clause.
			end = j
			break
		}
		if s.is(j, ",") && j+2 < hi && s.is(j+1, "but") && s.tokQ[j+2] < 0 && s.clauseStart(j+2, hi) {
			// "said it was done without his knowledge, but Mr. Obama was
			// furious": the writer's clause, not the content's.
			end = j
			break
		}
		if s.is(j, ",") && j+2 < hi && (s.is(j+1, "but") || s.is(j+1, "and")) && s.isFinite(j+2) && s.tokQ[j+2] < 0 {
			// "said that ..., but downplayed the issue": the subject's
			// second predicate, not the content's.
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
	if end == hi && end > start && s.tokQ[end-1] >= 0 {
		// A quoted fragment that runs on past the sentence ("that
		// “ethanol people” “do a fantastic job. And it's so important.”"):
		// the content runs to its closing mark.
		if _, last := s.spanTokens(int(s.tokQ[end-1])); last > end {
			free := true
			for j := end; j < last; j++ {
				free = free && s.owner[j] < 0
			}
			if free {
				return last
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
// around the cue clause, [lo, hi) without final punctuation, or the part
// of it that no other attribution holds; its text includes the cue clause,
// as a quote that is interrupted. One word before the cue clause is enough
// ("Loyalty, he noted, has long been ...").
func (s *state) parenthetical(f frame, comma, end, lo, hi int) bool {
	end = s.skipFrameAdjuncts(end, hi)
	if end >= hi || !s.is(end, ",") || comma-lo < 1 || !s.hasVerb(end+1, hi) {
		return false
	}
	taken := func(i int) bool { return s.owner[i] >= 0 || s.tokQ[i] >= 0 && s.spanQuote[s.tokQ[i]] >= 0 }
	a := comma
	for a > lo && !taken(a-1) {
		a--
	}
	for i := a; i < end; i++ {
		if taken(i) {
			return false
		}
	}
	b := s.contentEnd(end+1, hi)
	for i := end + 1; i < b; i++ {
		if taken(i) {
			b = i
			break
		}
	}
	ca, cb := s.stripPunct(a, b)
	if comma-ca < 1 || cb-end < 3 || cb-ca < 5 || !s.hasVerb(end+1, cb) {
		return false
	}
	q := Quote{Kind: Indirect, Continues: -1, Speaker: noSpeaker()}
	s.content(&q, ca, cb)
	s.applyFrame(&q, f)
	s.markMixed(&q)
	s.add(q)
	return true
}

// skipFrameAdjuncts skips what may close a cue clause before its comma:
// time expressions, adverbs and prepositional phrases ("he said on
// Saturday, and ...").
func (s *state) skipFrameAdjuncts(k, hi int) int {
	for k < hi && s.tokQ[k] < 0 {
		switch {
		case s.isTime(k) || s.isAdv(k):
			k++
		case s.upos(k) == "ADP" && k+1 < hi && (s.isNominal(k+1) || s.isTime(k+1)):
			k++
			for k < hi && s.tokQ[k] < 0 && (s.isNominal(k) || s.isTime(k)) {
				k++
			}
		default:
			return k
		}
	}
	return k
}

// priorSpeaker returns the speaker phrase of the nearest cue verb before
// token a in [lo, a): "Nefzi said, adding, ...". None when there is none.
func (s *state) priorSpeaker(a, lo int) (int, int) {
	for v := a - 1; v >= lo; v-- {
		if s.tokQ[v] >= 0 || !s.cueWord(v) || s.xpos(v) == "VBG" {
			continue
		}
		if sa, sb := s.leftNP(v, s.leftBound(v, lo)); sa < sb {
			return sa, sb
		}
		if sa, sb := s.rightNP(v+1, a, true); sa < sb {
			return sa, sb
		}
		return a, a
	}
	return a, a
}

// relativeSay handles a cue inside a relative clause: "a surge of
// independents, which Democrats say could be aiding Sanders", "an event
// that Carson says led him to Christ". The content runs from the
// relative word to the clause end; the phrase between is the source.
func (s *state) relativeSay(l string, a, b, lo, hi int) bool {
	if namingVerbs[l] {
		return s.whatCalled(l, a, b, lo, hi)
	}
	switch l {
	case "say", "claim", "believe", "think", "argue", "insist", "report", "estimate", "hope", "expect", "fear", "allege", "suggest":
	default:
		return false
	}
	if b >= hi || !(s.isVerb(b) || s.isAux(b)) || s.xpos(b) == "VBG" {
		return false
	}
	sa, sb := s.leftNP(a, s.leftBound(a, lo))
	if sa >= sb || sa-1 < lo || sb != a {
		return false
	}
	r := sa - 1
	switch s.lower(r) {
	case "which", "that", "who", "what":
	default:
		return false
	}
	end := s.contentEnd(b, hi)
	if end-b < 2 || s.owner[r] >= 0 {
		return false
	}
	q := Quote{Kind: Indirect, Continues: -1, Speaker: noSpeaker()}
	s.content(&q, r, end)
	s.applyFrame(&q, frame{lemma: l, cueA: a, cueB: b, spkA: sa, spkB: sb, verb: true})
	s.markMixed(&q)
	s.add(q)
	return true
}

// relativeGap handles a cue in an object relative clause: "the refugees
// that Democrats want to bring here", "whom she supported", "which the
// Senate is expected to vote on". The relative pronoun stands for the
// content, so the content runs from it to the end of the clause, with the
// subject and cue inside (the corpus joins the pronoun and the rest of the
// content into one span).
func (s *state) relativeGap(l string, a, b int, fl cueFlags, lo, hi int) bool {
	if l == "according to" || l == "make clear" {
		return false
	}
	sa, sb := s.leftNP(a, s.leftBound(a, lo))
	r := sa - 1
	if sa >= sb || sb != a || r <= lo || s.owner[r] >= 0 || s.tokQ[r] >= 0 {
		return false
	}
	switch s.lower(r) {
	case "which", "whom":
	case "that":
		// A complementizer after a noun of saying ("the claim that he
		// said ...") is no relative pronoun.
		if stanceNouns[s.lemmas[r-1]] != "" || cueNouns[s.lemmas[r-1]] {
			return false
		}
	default:
		return false
	}
	if !s.isHead(r-1) && !s.is(r-1, ",") || s.upos(sa) == "PRON" && s.xpos(sa) != "PRP" {
		return false
	}
	end := b
	if b < hi && !(s.isPunct(b) && s.tokQ[b] < 0) {
		end = max(b, s.stanceEnd(b, s.contentEnd(b, hi)))
	}
	if s.owned(r, end) {
		return false
	}
	q := Quote{Kind: Stance, Continues: -1, Speaker: noSpeaker()}
	if fl&cSpeech != 0 {
		q.Kind = Indirect
	}
	s.content(&q, r, end)
	s.applyFrame(&q, frame{lemma: l, cueA: a, cueB: b, spkA: sa, spkB: sb, verb: true, passive: s.isPassive(a, b)})
	s.markMixed(&q)
	s.add(q)
	return true
}

// namingVerbs give a thing a name or a description: "what he calls
// corruption", "what aides called “a new era”", "what she described as a
// mistake".
var namingVerbs = map[string]bool{
	"call": true, "term": true, "dub": true, "label": true, "brand": true, "describe": true,
	"characterize": true,
}

// whatCalled handles a free relative with a naming verb: "what X calls Y"
// is one attribution whose content is the whole phrase, source and cue
// inside it (the corpus convention for such names).
func (s *state) whatCalled(l string, a, b, lo, hi int) bool {
	sa, sb := s.leftNP(a, s.leftBound(a, lo))
	if sa >= sb || sb != a || sa-1 < lo || !s.is(sa-1, "what") || s.owner[sa-1] >= 0 {
		return false
	}
	k := b
	if l == "describe" || l == "characterize" {
		if !s.is(k, "as") {
			return false
		}
		k++
	}
	if k >= hi {
		return false
	}
	var end int
	if q := s.tokQ[k]; q >= 0 {
		_, end = s.spanTokens(int(q))
	} else {
		var ok bool
		if end, ok = s.objectNP(k, hi); !ok || end <= k {
			return false
		}
	}
	if s.owned(k, end) {
		return false
	}
	q := Quote{Kind: Stance, Continues: -1, Speaker: noSpeaker()}
	s.content(&q, sa-1, end)
	s.applyFrame(&q, frame{lemma: l, cueA: a, cueB: b, spkA: sa, spkB: sb, verb: true})
	s.markMixed(&q)
	s.add(q)
	return true
}

// beliefVerbs attribute a clause without "that" as well ("she believes he
// is wrong"); the other that-only cues need the "that".
// evidenceVerbs report what a study, a poll, records or a court found; with
// such a subject they take a clause without "that".
var evidenceVerbs = map[string]bool{"find": true, "show": true, "suggest": true, "indicate": true, "reveal": true}

// evidenceNouns are the subjects evidenceVerbs report for.
var evidenceNouns = map[string]bool{
	"poll": true, "survey": true, "study": true, "analysis": true, "report": true, "review": true,
	"audit": true, "investigation": true, "inquiry": true, "probe": true, "data": true, "record": true,
	"document": true, "research": true, "researcher": true, "estimate": true, "court": true, "judge": true,
	"jury": true, "panel": true, "tribunal": true, "commission": true, "test": true, "count": true,
	"figure": true, "statistics": true, "filing": true, "memo": true, "email": true,
}

// evidenceSubject tells whether the subject of the cue verb v (the cue
// starting at a) ends in one of evidenceNouns.
func (s *state) evidenceSubject(v, a, lo int) bool {
	sa, sb := s.subject(v, a, s.leftBound(a, lo))
	for j := sb - 1; j >= sa; j-- {
		if s.isNominal(j) {
			return evidenceNouns[s.lemmas[j]] || evidenceNouns[s.lower(j)]
		}
	}
	return false
}

// smallClause tells whether a noun phrase and a participle start at k:
// "shows Clinton leading Trump".
func (s *state) smallClause(k, hi int) bool {
	na, nb := s.rightNP(k, hi, false)
	return na == k && na < nb && nb < hi && s.xpos(nb) == "VBG"
}

var beliefVerbs = map[string]bool{
	"believe": true, "think": true, "feel": true, "hope": true, "fear": true, "expect": true,
	"worry": true, "suspect": true, "doubt": true, "estimate": true, "speculate": true,
	"know": true, "realize": true, "understand": true, "guess": true, "figure": true, "bet": true,
	"agree": true,
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
	if !s.isOneOf(p, parts) {
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
