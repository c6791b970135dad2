package quote

import "strings"

// Frames of attribution that do not hang on a cue verb's subject and
// complement: nouns of stance, impressions held by no one, reported
// questions, sources introduced by "in", relative clauses.

// nounStance handles a position held as a noun with a possessor:
// "Trump's criticism of the deal", "his calls to end it", "her claim that
// ...". The cue runs from the noun to its particle; the content follows,
// with "that" and an infinitive's "to" in it as in indirect speech.
func (s *state) nounStance(i, lo, hi int) bool {
	if s.upos(i) != "NOUN" || s.tokQ[i] >= 0 || s.owner[i] >= 0 || i+2 >= hi {
		return false
	}
	parts, ok := stanceNouns[s.lemmas[i]]
	if !ok {
		return false
	}
	p := i + 1
	if !s.isOneOf(p, parts) || s.owner[p+1] >= 0 {
		return false
	}
	start, cueEnd := p+1, p+1
	switch {
	case s.is(p, "that"):
		if !s.clauseStart(p+1, hi) {
			return false
		}
		start, cueEnd = p, p
	case s.is(p, "to") && s.xpos(p+1) == "VB":
		start, cueEnd = p, p
	case s.tokQ[p+1] < 0 && !s.isNominal(p+1) && s.xpos(p+1) != "VBG":
		return false
	}
	// The possessor: "his", "Trump's", "the party's"; adjectives between.
	a := i
	for a-1 >= lo && (s.upos(a-1) == "ADJ" || s.isAdv(a-1)) && s.tokQ[a-1] < 0 {
		a--
	}
	f := frame{lemma: s.lemmas[i], cueA: i, cueB: cueEnd}
	switch {
	case a-1 >= lo && s.xpos(a-1) == "PRP$" && s.owner[a-1] < 0:
		f.spkA, f.spkB = a-1, a
	case a-2 >= lo && s.xpos(a-1) == "POS" && s.isHead(a-2) && s.owner[a-2] < 0:
		f.spkA, f.spkB = s.nounRunLeft(a-2, lo), a-1
	case speechNouns[s.lemmas[i]]:
		// A speech act needs no possessor: "calls for a ban", "Republican
		// accusations that ...", "the claim that ...". A name or a
		// nationality right before the noun holds it.
		k := a
		for k-1 >= lo && (s.upos(k-1) == "PROPN" || s.upos(k-1) == "ADJ" && capitalized(s.d.Form(k-1))) && s.tokQ[k-1] < 0 && s.owner[k-1] < 0 {
			k--
		}
		if k < a && k > lo {
			f.spkA, f.spkB = k, a
		}
	default:
		return false
	}
	end := s.stanceEnd(start, s.contentEnd(start, hi))
	if !s.is(start, "that") {
		// The noun phrase is a subject or an object: "Sessions's
		// endorsement of Trump is not good news": its content ends at the
		// clause's verb.
		for j := start + 1; j < end; j++ {
			if s.tokQ[j] < 0 && (s.isFinite(j) || s.isAux(j) && !s.is(j, "not")) && !relWord(s.lower(j-1)) {
				end = j
				break
			}
		}
	}
	if end <= start || end-start < 2 && s.is(start, "to") {
		return false
	}
	q := Quote{Kind: Stance, Continues: -1, Speaker: noSpeaker()}
	s.content(&q, start, end)
	s.applyFrame(&q, f)
	s.add(q)
	return true
}

// speechNouns are the stance nouns that name a speech act, so that they
// attribute their content even without a possessor ("calls for a ban",
// "accusations that he lied"); "a plan to" or "support for" without one
// names no holder.
var speechNouns = map[string]bool{
	"call": true, "claim": true, "allegation": true, "accusation": true, "demand": true,
	"criticism": true, "promise": true, "pledge": true, "vow": true, "warning": true,
	"assertion": true, "suggestion": true, "admission": true, "denial": true, "announcement": true,
	"prediction": true, "insistence": true, "complaint": true, "condemnation": true, "request": true,
	"appeal": true, "recommendation": true, "argument": true,
}

// seemClause handles an impression attributed to no one: "Trump appears
// to have learned the wrong lessons", "the event seemed an insult away
// from a brawl". The content is the clause, subject and verb included;
// "seem" or "appear" is the cue and there is no source.
func (s *state) seemClause(i, lo, hi int) bool {
	if !s.isVerb(i) || s.tokQ[i] >= 0 || s.owner[i] >= 0 || i+2 >= hi {
		return false
	}
	if l := s.lemmas[i]; l != "seem" && l != "appear" {
		return false
	}
	switch n := i + 1; {
	case s.is(n, "to") && (s.isVerb(n+1) || s.isAux(n+1)):
	case s.upos(n) == "ADJ" || s.upos(n) == "DET" && s.isNominal(n+1):
	case (s.is(n, "as") && s.is(n+1, "if")) || s.is(n, "like") && s.upos(n) == "SCONJ":
	default:
		return false
	}
	a := i
	for a > lo && s.isAux(a-1) && s.tokQ[a-1] < 0 {
		a--
	}
	start := a
	if sa, sb := s.leftNP(a, s.leftBound(a, lo)); sa < sb {
		start = sa
	} else if a > lo && (s.is(a-1, "what") || s.is(a-1, "it") || s.is(a-1, "there")) {
		start = a - 1
	}
	if s.owned(start, a) {
		return false
	}
	end := s.contentEnd(i, hi)
	for j := i + 2; j+1 < end; j++ {
		if s.tokQ[j] < 0 && s.is(j, ",") {
			switch s.lower(j + 1) {
			case "which", "who", "but", "while", "although", "though", "as", "and":
				end = j
			}
		}
	}
	if end-start < 3 {
		return false
	}
	q := Quote{Kind: Stance, Continues: -1, Speaker: noSpeaker()}
	s.content(&q, start, end)
	s.applyFrame(&q, frame{lemma: s.lemmas[i], cueA: a, cueB: i + 1})
	s.add(q)
	return true
}

// frontedClause tells whether [a, b) is only a fronted participle or
// subordinate clause ("Asked about it, he said ...", "When asked why,
// she said ..."): that is no content of the cue after it.
func (s *state) frontedClause(a, b int) bool {
	if s.tokQ[a] >= 0 {
		return false
	}
	switch {
	case s.xpos(a) == "VBG" && s.gerundSubject(a, b):
		// "Running for office taught him patience, he said": a gerund
		// phrase followed by its own finite verb is the clause's subject.
		return false
	case s.xpos(a) == "VBN" || s.xpos(a) == "VBG" || s.is(a, "asked"):
		// "Asked whether it was fair, the minister said no": taggers read
		// a sentence-initial "Asked" as a past tense.
	case subordinators[s.lower(a)]:
	default:
		return false
	}
	for j := a + 1; j < b; j++ {
		if s.is(j, ",") && s.tokQ[j] < 0 {
			return false
		}
	}
	return true
}

// gerundSubject tells whether [a, b), opening with a gerund, has a finite
// verb of the main clause after it (none after a relative word, which
// would make it the verb of a relative clause inside the phrase).
func (s *state) gerundSubject(a, b int) bool {
	for j := a + 1; j < b; j++ {
		if s.tokQ[j] >= 0 || s.isOneOf(j, "who which that where when whom whose") {
			return false
		}
		if s.isFinite(j) {
			return true
		}
	}
	return false
}

var subordinators = map[string]bool{
	"when": true, "after": true, "before": true, "while": true, "as": true, "if": true, "although": true,
	"because": true, "since": true, "once": true, "unless": true, "despite": true, "though": true, "whenever": true,
}

// askedClause handles a question reported without its asker: "Asked
// about the merger, she ...", "When asked why, Sembler responded": the
// content is what was asked, to the comma; "asked" is the cue.
func (s *state) askedClause(i, lo, hi int) bool {
	if s.lower(i) != "asked" || s.tokQ[i] >= 0 || s.owner[i] >= 0 {
		return false
	}
	if i > lo && !subordinators[s.lower(i-1)] && !s.is(i-1, ",") && !s.is(i-1, "and") {
		return false
	}
	k := i + 1
	// "asked at the business conference about the merger": skip a venue.
	for n := 0; n < 8 && k < hi && !askWords[s.lower(k)] && s.tokQ[k] < 0 && !s.is(k, ","); n++ {
		k++
	}
	if k+1 >= hi || !askWords[s.lower(k)] || s.is(k, "to") && !s.isVerb(k+1) {
		return false
	}
	end := k + 1
	for end < hi && !s.is(end, ",") && !s.is(end, ":") && s.owner[end] < 0 {
		end++
	}
	if end >= hi || s.owner[end] >= 0 || !s.is(end, ",") && !s.is(end, ":") {
		return false
	}
	cueB := i + 1
	if s.is(k, "about") && k == i+1 && k+1 < end {
		// "Asked about the merger": the particle belongs to the cue, as
		// in "talked about".
		k++
		cueB = k
	}
	q := Quote{Kind: Stance, Continues: -1, Speaker: noSpeaker()}
	s.content(&q, k, end)
	s.applyFrame(&q, frame{lemma: "ask", cueA: i, cueB: cueB})
	s.add(q)
	return true
}

var askWords = map[string]bool{
	"about": true, "if": true, "whether": true, "why": true, "how": true, "what": true, "who": true,
	"when": true, "where": true, "which": true, "to": true,
}

// inSource handles a source set before the clause by "in": "In a new
// poll released Thursday, Trump leads ...", "In Trump's view, ...". The
// phrase must be a medium of claims (cueNouns) or someone's view, mind,
// words or eyes; the clause after its comma is the content.
func (s *state) inSource(i, lo, hi int) bool {
	if !s.is(i, "in") || s.tokQ[i] >= 0 || s.owner[i] >= 0 || i > lo && !s.is(i-1, ",") && !(s.isAdv(i-1) && i-1 == lo) {
		return false
	}
	comma := i + 1
	for comma < hi && comma < i+16 && !s.is(comma, ",") && s.tokQ[comma] < 0 && s.owner[comma] < 0 {
		comma++
	}
	if comma >= hi || !s.is(comma, ",") || comma-i < 2 {
		return false
	}
	// The phrase's head: the first noun run's last noun ("a new Fox News
	// poll released Thursday": poll).
	h := -1
	for j := i + 1; j < comma; j++ {
		if s.upos(j) == "NOUN" || s.upos(j) == "PROPN" {
			h = j
		} else if h >= 0 && !s.isNominal(j) {
			break
		}
	}
	if h < 0 {
		return false
	}
	switch l := s.lemmas[h]; {
	case cueNouns[l] && l != "lawsuit" && l != "complaint" && l != "filing":
	case viewNouns[l] && (s.xpos(h-1) == "POS" || s.xpos(h-1) == "PRP$"):
	default:
		return false
	}
	start := comma + 1
	if !s.clauseStart(start, hi) && !s.looseClause(start, hi) {
		return false
	}
	end := s.contentEnd(start, hi)
	if end-start < 3 {
		return false
	}
	for j := start; j < end; j++ {
		// "In an interview, Trump said ...", "In a statement, he
		// dismissed the plan": the venue of another cue.
		if s.tokQ[j] >= 0 || s.isVerb(j) && known(s.cueLemma(j)) {
			return false
		}
	}
	q := Quote{Kind: Indirect, Continues: -1, Speaker: noSpeaker()}
	s.content(&q, start, end)
	s.applyFrame(&q, frame{lemma: "in", cueA: i, cueB: i + 1, spkA: i + 1, spkB: comma})
	s.markMixed(&q)
	s.add(q)
	return true
}

// viewNouns name a point of view: "in Trump's view", "in their eyes".
var viewNouns = map[string]bool{
	"view": true, "mind": true, "word": true, "eye": true, "opinion": true, "estimation": true,
	"judgment": true, "judgement": true, "telling": true, "account": true, "words": true, "eyes": true,
}

func relWord(w string) bool { return w == "that" || w == "who" || w == "which" || w == "whom" }

// pollNouns name a measurement of opinion that "in" makes a source at the
// end of a clause: "Trump has a decisive lead in the polls".
var pollNouns = map[string]bool{"poll": true, "survey": true}

// inPollAfter handles "CLAUSE in (the) POLL": the clause before "in" is the
// content, the poll the source.
func (s *state) inPollAfter(i, lo, hi int) bool {
	if !s.is(i, "in") || s.tokQ[i] >= 0 || s.owner[i] >= 0 || i-lo < 3 {
		return false
	}
	j := i + 1
	for j < hi && j < i+6 && (s.upos(j) == "DET" || s.upos(j) == "ADJ" || s.xpos(j) == "PRP$" || s.upos(j) == "PROPN" || s.upos(j) == "NUM" || s.xpos(j) == "POS") {
		j++
	}
	if j >= hi || !pollNouns[s.lemmas[j]] || s.upos(j) != "NOUN" {
		return false
	}
	// The poll ends the clause ("..., a 52-point swing", "ahead of ...").
	if j+1 < hi && !s.isPunct(j+1) && s.upos(j+1) != "ADP" && s.upos(j+1) != "ADV" && !s.isTime(j+1) {
		return false
	}
	a := i
	for k := i - 1; k >= lo; k-- {
		if s.owner[k] >= 0 || s.tokQ[k] >= 0 {
			return false
		}
		if s.is(k, ",") || s.is(k, ";") {
			a = k + 1
			break
		}
		a = k
	}
	ca, cb := s.stripPunct(a, i)
	if cb-ca < 3 || !s.hasVerb(ca, cb) {
		return false
	}
	q := Quote{Kind: Indirect, Continues: -1, Speaker: noSpeaker()}
	s.content(&q, ca, cb)
	s.applyFrame(&q, frame{lemma: "in", cueA: i, cueB: i + 1, spkA: i + 1, spkB: j + 1})
	s.add(q)
	return true
}

// hearsayAdverbs attribute their clause to no one named: "Reportedly, he
// made the comments", "he allegedly took the money".
var hearsayAdverbs = map[string]bool{"reportedly": true, "allegedly": true, "purportedly": true, "supposedly": true}

// hearsay handles a clause marked as reported by an adverb: the content is
// the clause (the adverb inside it when it stands within), without a source.
func (s *state) hearsay(i, lo, hi int) bool {
	if !hearsayAdverbs[s.lower(i)] || s.tokQ[i] >= 0 || s.owner[i] >= 0 {
		return false
	}
	a, b := lo, hi
	for k := i - 1; k >= lo; k-- {
		if s.owner[k] >= 0 || s.tokQ[k] >= 0 || s.is(k, ";") {
			a = k + 1
			break
		}
	}
	for k := i + 1; k < hi; k++ {
		if s.owner[k] >= 0 || s.is(k, ";") {
			b = k
			break
		}
	}
	if i == a && i+1 < b && s.is(i+1, ",") {
		a = i + 2 // "Reportedly, ..."
	}
	ca, cb := s.stripPunct(a, b)
	if cb-ca < 3 || !s.hasVerb(ca, cb) {
		return false
	}
	q := Quote{Kind: Indirect, Continues: -1, Speaker: noSpeaker()}
	s.content(&q, ca, cb)
	s.applyFrame(&q, frame{lemma: s.lower(i), cueA: i, cueB: i + 1})
	q.Speaker.Anonymous = true
	s.add(q)
	return true
}

// receiveVerbs take a stance noun whose holder is someone else and whose
// target is their subject: "the plan drew criticism from Democrats",
// "Rubio won the endorsement of the governor".
var receiveVerbs = map[string]bool{
	"draw": true, "face": true, "receive": true, "win": true, "earn": true, "attract": true,
	"garner": true, "gain": true, "get": true, "secure": true, "enjoy": true, "land": true,
	"spark": true, "prompt": true, "provoke": true, "trigger": true, "invite": true, "have": true,
}

// receivedNouns are the stances a subject can draw from others.
var receivedNouns = map[string]bool{
	"criticism": true, "support": true, "praise": true, "endorsement": true, "backing": true,
	"condemnation": true, "rebuke": true, "applause": true, "approval": true, "blessing": true,
	"endorsements": true, "fire": true, "scorn": true, "ridicule": true, "censure": true,
}

// receivedStance handles a stance seen from its target: "The proposal
// has drawn harsh criticism from fellow candidates". The subject is the
// content (what the stance is about), the phrase after "from", "of",
// "by" or "among" the source when there is one ("she has the support of
// older voters"); the cue runs from the verb to the noun.
func (s *state) receivedStance(i, lo, hi int) bool {
	if s.tokQ[i] >= 0 || s.owner[i] >= 0 || !s.isVerb(i) && s.upos(i) != "ADJ" || !receiveVerbs[s.receiveLemma(i)] {
		return false // a tagger may read "sparked" as an adjective: the noun after decides
	}
	n := i + 1
	for n < hi && n < i+5 && (s.upos(n) == "DET" || s.upos(n) == "ADJ" || s.upos(n) == "NUM" || s.isAdv(n) || s.is(n, "%")) && s.tokQ[n] < 0 {
		n++
	}
	if n >= hi || s.upos(n) != "NOUN" || !receivedNouns[s.lemmas[n]] || s.tokQ[n] >= 0 || s.owner[n] >= 0 {
		return false
	}
	a := i
	for a > lo && s.isAux(a-1) && s.tokQ[a-1] < 0 && s.owner[a-1] < 0 {
		a--
	}
	ca, cb := s.subject(i, a, s.leftBound(a, lo))
	if ca == cb {
		return false
	}
	if s.owned(ca, cb) {
		return false
	}
	f := frame{lemma: s.lemmas[n], cueA: a, cueB: n + 1}
	if p := n + 1; p < hi && s.isOneOf(p, "from of by among") && s.tokQ[p] < 0 {
		if sa, sb := s.rightNP(p+1, hi, true); sa < sb {
			f.spkA, f.spkB = sa, sb
		}
	}
	q := Quote{Kind: Stance, Continues: -1, Speaker: noSpeaker()}
	s.content(&q, ca, cb)
	s.applyFrame(&q, f)
	s.add(q)
	return true
}

// receiveLemma returns the lemma of token i, or its form without a
// regular ending when a tagger misread it ("sparked/JJ").
func (s *state) receiveLemma(i int) string {
	if l := s.lemmas[i]; receiveVerbs[l] {
		return l
	}
	w := s.lower(i)
	for _, suf := range []string{"ed", "d", "s"} {
		if b, ok := strings.CutSuffix(w, suf); ok && receiveVerbs[b] {
			return b
		}
	}
	return s.lemmas[i]
}

// perspective handles a view framed by "to" and its holder at the head of
// a sentence: "To many Democrats, the Clinton years remain the good old
// days", "To the senator, who studied it closely, the vote marked a
// turning point". The holder is the source, "to" the cue and the main
// clause the content. The holder must be a person or a group of people,
// so that "To date, ..." is no view. "For X, ..." is left alone: it names
// whom something concerns at least as often as whose view it is.
func (s *state) perspective(i, lo, hi int) bool {
	if !s.is(i, "to") || s.tokQ[i] >= 0 || s.owner[i] >= 0 {
		return false
	}
	if i > lo && !(i-1 == lo && (s.upos(lo) == "CCONJ" || s.isOneOf(lo, "because still yet so"))) {
		return false
	}
	na, nb := s.rightNP(i+1, hi, false)
	if na == nb || nb >= hi || s.isTime(na) || !s.viewHolder(na, nb) {
		return false
	}
	c := nb
	if s.is(c, ",") && c+1 < hi && s.isOneOf(c+1, "who whose") {
		// "To Sexton, who has studied the rallies, ...": skip the relative clause.
		c++
		for c < hi && c < nb+25 && !s.is(c, ",") && s.tokQ[c] < 0 {
			c++
		}
	} else if s.isOneOf(c, "who that") {
		// "for anyone who takes inequality seriously, ..."
		for c < hi && c < nb+20 && !s.is(c, ",") && s.tokQ[c] < 0 {
			c++
		}
	}
	for c < hi && (s.isTime(c) || s.isAdv(c)) && !s.is(c, ",") && s.tokQ[c] < 0 {
		c++ // "For most Democrats today, ..."
	}
	if c+1 >= hi || !s.is(c, ",") || s.tokQ[c] >= 0 {
		return false
	}
	k := c + 1
	for k < hi && s.isAdv(k) && s.tokQ[k] < 0 && k+1 < hi && s.is(k+1, ",") {
		k += 2 // "For other students, though, ..."
	}
	end := s.contentEnd(k, hi)
	if !s.clauseStart(k, hi) && !(s.xpos(k) == "VBG" && s.gerundSubject(k, end)) {
		return false
	}
	if end-k < 3 || !s.hasVerb(k, end) {
		return false
	}
	if s.owned(k, end) {
		return false
	}
	q := Quote{Kind: Stance, Continues: -1, Speaker: noSpeaker()}
	s.content(&q, k, end)
	s.applyFrame(&q, frame{lemma: s.lower(i), cueA: i, cueB: i + 1, spkA: na, spkB: nb})
	s.add(q)
	return true
}

// viewHolder tells whether the phrase [a, b) names people who can hold a
// view: a name, or a noun for people ("many Democrats", "anyone", "most
// voters", "critics").
func (s *state) viewHolder(a, b int) bool {
	h := s.headOf(a, b)
	if h < 0 || s.tokQ[h] >= 0 {
		return false
	}
	if s.upos(h) == "PROPN" {
		return !s.isOneOf(h, "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december")
	}
	return anonHeads[s.lemmas[h]] || peopleNouns[s.lemmas[h]] || peopleNouns[s.lower(h)]
}

// peopleNouns are nouns and pronouns for people that may hold a view.
var peopleNouns = map[string]bool{
	"voter": true, "democrat": true, "republican": true, "supporter": true, "critic": true,
	"conservative": true, "liberal": true, "progressive": true, "american": true, "anyone": true,
	"anybody": true, "everyone": true, "everybody": true, "many": true, "most": true, "some": true,
	"other": true, "others": true, "candidate": true, "fan": true, "woman": true, "man": true,
	"student": true, "worker": true, "citizen": true, "immigrant": true, "politician": true,
	"economist": true, "historian": true, "scholar": true, "investor": true, "parent": true,
	"him": true, "her": true, "them": true, "me": true, "us": true, "evangelical": true,
	"independent": true, "millennial": true, "donor": true, "delegate": true, "party": true,
	"campaign": true, "administration": true, "government": true, "establishment": true,
	"senator": true, "governor": true, "president": true, "lawmaker": true, "congressman": true,
}

// putIt handles "as X put it": "As one strategist put it, the race is
// over", "The race is over, as one strategist put it." The main clause is
// the content, X the source and "put it" the cue.
func (s *state) putIt(i, lo, hi int) bool {
	if s.lemmas[i] != "put" || !s.is(i+1, "it") || s.tokQ[i] >= 0 || s.tokQ[i+1] >= 0 || s.owner[i] >= 0 {
		return false
	}
	sa, sb := s.leftNP(i, lo)
	if sa == sb || sa-1 < lo || !s.is(sa-1, "as") || s.tokQ[sa-1] >= 0 {
		return false
	}
	as := sa - 1
	var ca, cb int
	switch {
	case as == lo || as-1 == lo && (s.upos(lo) == "CCONJ" || s.isAdv(lo)):
		// Fronted: the content follows the comma after "put it".
		k := s.skipFrameAdjuncts(i+2, hi)
		if k+1 >= hi || !s.is(k, ",") || !s.clauseStart(k+1, hi) {
			return false
		}
		ca, cb = k+1, s.contentEnd(k+1, hi)
	case as-1 > lo && s.is(as-1, ",") && s.clauseEnds(s.skipFrameAdjuncts(i+2, hi), hi):
		// Final: the content is the clause before the comma.
		ca, cb = s.stripPunct(lo, as-1)
	default:
		return false
	}
	if cb-ca < 3 || !s.hasVerb(ca, cb) {
		return false
	}
	if s.owned(ca, cb) {
		return false
	}
	q := Quote{Kind: Indirect, Continues: -1, Speaker: noSpeaker()}
	s.content(&q, ca, cb)
	s.applyFrame(&q, frame{lemma: "put it", cueA: i, cueB: i + 2, spkA: sa, spkB: sb, verb: true})
	s.markMixed(&q)
	s.add(q)
	return true
}
