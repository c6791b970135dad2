package quote

import (
	"sort"
	"strings"
	"unicode"

	"github.com/dyadhq/dyad/internal/actor"
)

// finish orders the quotes, then resolves speakers, media and dates in
// text order so that a pronoun or a continuation can look back.
func (s *state) finish() {
	s.parseSources()
	order := make([]int, len(s.quotes))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return s.quotes[order[a]].Start < s.quotes[order[b]].Start })
	pos := make([]int, len(order))
	sorted := make([]Quote, len(order))
	for n, i := range order {
		pos[i] = n
		sorted[n] = s.quotes[i]
	}
	for n := range sorted {
		if c := sorted[n].Continues; c >= 0 {
			sorted[n].Continues = pos[c]
		}
	}
	s.quotes = sorted
	for n := range s.quotes {
		q := &s.quotes[n]
		if c := q.Continues; c >= 0 && c < n {
			p := &s.quotes[c]
			q.Speaker, q.Medium, q.Addressee, q.Date = p.Speaker, p.Medium, p.Addressee, p.Date
			continue
		}
		s.resolveSpeaker(q)
		s.setting(q)
	}
}

// parseSources gives a quote whose rules found no speaker phrase the
// subject the parse gives its cue verb ("Scarborough, host of "Morning
// Joe," suggested ...", "Trump has promised ..., while also suggesting
// that ...", "Noting that ..., Trump reminded ..."): the subject of the
// verb, or of the verb it hangs on when it has none. A passive cue, an
// unnamed source, a continuation and a subject inside the quote's own
// content or any quote's cue keep no speaker. The words a tagger misread
// at the head of the sentence, a noun cue's light verb, a subject cut
// before a relative clause that holds another cue, and, for a phrase
// the rules found, a possessive pronoun's actor and a participle's main
// subject correct what the parse and the rules give (see the functions
// below).
func (s *state) parseSources() {
	if !s.parsed {
		return
	}
	for qi := range s.quotes {
		q := &s.quotes[qi]
		if q.Continues >= 0 || q.Speaker.Anonymous || q.Cue.First < 0 || q.Cue.Last <= q.Cue.First {
			continue
		}
		if q.Speaker.First >= 0 {
			if !s.passiveSource(q) {
				s.participleSource(q)
				s.possessorSource(q)
				s.commaParticipleSource(q)
			}
			continue
		}
		v := -1
		for i := q.Cue.First; i < q.Cue.Last; i++ {
			if s.isVerb(i) && s.upos(i) != "AUX" {
				v = i
			}
		}
		if v < 0 {
			s.nounSource(q)
			continue
		}
		// "Asked about it, Clinton said": the subject answered, it did
		// not ask; "seemed to" holds an impression no one is named for.
		if s.isPassive(q.Cue.First, v+1) || s.xpos(v) == "VBN" && v == q.Cue.First || noSourceVerbs[s.lemmas[v]] {
			continue
		}
		a, b, ok := s.sourceOf(v)
		if !ok {
			a, b, ok = s.mistaggedSubject(q, v)
		}
		if ok {
			s.setSource(q, a, b)
		}
	}
}

// mistaggedSubject returns the words that open the sentence just before
// a finite cue verb with no subject in the parse, when the tagger read
// them as something else ("Trump/RB says on Fox that ...", "Several/JJ
// argued that ..."): a short run of capitalized or nominal words, all hanging on the
// verb or inside the run.
func (s *state) mistaggedSubject(q *Quote, v int) (int, int, bool) {
	if !s.isFinite(v) && !(q.Cue.First < v && s.isFinite(q.Cue.First)) {
		return 0, 0, false
	}
	lo, _ := s.sentBounds(v)
	b := q.Cue.First
	a := b
	for a > lo && b-a < 4 && s.tokQ[a-1] < 0 && s.owner[a-1] < 0 && !s.isPunct(a-1) && !s.isVerb(a-1) && !s.isAux(a-1) {
		a--
	}
	if a != lo || a == b || !unicode.IsUpper(rune(s.d.Text[s.d.Tokens[a].Start])) {
		return 0, 0, false
	}
	for k := a; k < b; k++ {
		if h := s.d.Tokens[k].Head; h != v && (h < a || h >= b) {
			return 0, 0, false
		}
		switch s.upos(k) {
		case "ADP", "SCONJ", "CCONJ", "PRON", "PART", "INTJ":
			return 0, 0, false
		}
	}
	return a, b, true
}

// trimClaimed cuts a subject [a, b) whose relative clause or apposition
// holds an attribution's cue ("Several senators, who have long opposed
// the new rule, have pledged ...") at the comma or
// relative pronoun before that clause: the noun phrase is still the
// source. It returns b unchanged when no cue is inside.
func (s *state) trimClaimed(a, b int) int {
	if !s.cueOwned(a, b) {
		return b
	}
	for j := a + 1; j < b; j++ {
		if s.cueOwned(j, j+1) {
			return b
		}
		if s.tokQ[j] < 0 && (s.is(j, ",") || s.isOneOf(j, "who which that")) {
			return j
		}
	}
	return b
}

// nounSource gives a noun cue with no speaker phrase ("The mayor made an
// urgent call for calm", "The union issued a statement of concern about
// the layoffs") the subject of the verb whose object or oblique the noun
// is: the one who made the call holds it.
func (s *state) nounSource(q *Quote) {
	n := -1
	for i := q.Cue.First; i < q.Cue.Last; i++ {
		if s.upos(i) == "NOUN" {
			n = i
		}
	}
	if n < 0 {
		return
	}
	w := n
	for hop := 0; hop < 3; hop++ {
		r := s.d.Tokens[w].Deprel
		if r != "obj" && r != "obl" && r != "nmod" && r != "iobj" {
			return
		}
		w = s.d.Tokens[w].Head
		if w < 0 {
			return
		}
		if s.upos(w) == "VERB" {
			break
		}
	}
	if s.upos(w) != "VERB" || s.xpos(w) == "VBN" || s.xpos(w) == "VBG" || noSourceVerbs[s.lemmas[w]] {
		return
	}
	s.takeSource(q, w)
}

// commaParticipleSource gives a participle cue after a comma ("The
// senator backed the nominee in June, but only after weeks of doubt,
// telling reporters ...", "The governor rejected the idea that the cuts
// were a mistake, saying ...") the subject of the sentence's main
// clause, in place of a phrase the rules found between them, when the
// participle has no subject of its own. A participle or an infinitive
// with no comma ("The city released a statement saying ...", "The
// governor used her speech to attack ...") whose phrase is the object or
// oblique of the verb it hangs on takes that verb's subject.
func (s *state) commaParticipleSource(q *Quote) {
	a := q.Cue.First
	lo, _ := s.sentBounds(a)
	toInf := s.xpos(a) == "VB" && a-1 > lo && s.is(a-1, "to")
	if s.xpos(a) != "VBG" && !toInf || a-1 <= lo || q.Speaker.Last > a {
		return
	}
	for _, k := range s.children(a) {
		if r := s.d.Tokens[k].Deprel; r == "nsubj" || r == "nsubj:pass" {
			return
		}
	}
	if toInf || !s.is(a-1, ",") || s.tokQ[a-1] >= 0 {
		// The one who made the statement or used the speech: the
		// subject of the verb whose object or oblique the phrase is (a
		// noun's "of"/"for" phrase climbs one step more), and on which
		// the cue hangs.
		w := s.headOf(q.Speaker.First, q.Speaker.Last)
		for n := 0; n < 2 && w >= 0; n++ {
			r := s.d.Tokens[w].Deprel
			if n > 0 && r != "nmod" {
				break
			}
			switch r {
			case "obj", "iobj", "obl", "nmod", "obl:tmod", "obl:npmod":
				w = s.d.Tokens[w].Head
			default:
				return
			}
		}
		if w < 0 || w >= q.Speaker.First || s.upos(w) != "VERB" || s.xpos(w) == "VBN" || !s.descends(a, w) {
			return
		}
		ma, mb, ok := s.sourceOf(w)
		if !ok || mb > w || s.d.Tokens[s.headOf(ma, mb)].Deprel == "nsubj:pass" || s.cueOwned(ma, mb) || s.owned(ma, mb) {
			return
		}
		q.Speaker.First, q.Speaker.Last = ma, mb
		return
	}
	ma, mb := s.mainSubject(lo, a)
	if ma >= mb || mb > q.Speaker.First || s.quoted(ma, mb) || s.cueOwned(ma, mb) || s.owned(ma, mb) {
		return
	}
	q.Speaker.First, q.Speaker.Last = ma, mb
}

// possessorSource gives a noun cue whose speaker phrase is a possessive
// pronoun, the noun being the object of a verb ("The senator signaled
// his desire to leave", "the mayor laid out her vision"), the verb's
// subject: the annotators' source is the one who acts, and the pronoun
// points back to it.
func (s *state) possessorSource(q *Quote) {
	p := q.Speaker.First
	if q.Speaker.Last != p+1 || !s.isOneOf(p, "his her their its my our") || s.d.Tokens[p].Deprel != "nmod:poss" {
		return
	}
	n := s.d.Tokens[p].Head
	if n < 0 || s.upos(n) != "NOUN" || s.d.Tokens[n].Deprel != "obj" {
		return
	}
	// "Our readers know his scorn": the subject perceives the pronoun's
	// position, which keeps its source.
	w := s.d.Tokens[n].Head
	if w < 0 || s.upos(w) != "VERB" || s.xpos(w) == "VBN" || noSourceVerbs[s.lemmas[w]] || experiencerVerbs[s.lemmas[w]] || s.cueOwned(w, w+1) {
		return
	}
	s.takeSource(q, w)
}

// passiveSource corrects the source of a passive cue: the subject before
// it is what the words are about, never who said them ("Trump is widely
// expected to win", "Sanders was declared the winner", "Pence was asked
// about it"; "Asked about it, Clinton said" for the cue "asked"). The
// agent after "by" is the source when there is one, else no one is named.
// It tells whether it changed q.
func (s *state) passiveSource(q *Quote) bool {
	v := -1
	for i := q.Cue.First; i < q.Cue.Last; i++ {
		if s.isVerb(i) && s.upos(i) != "AUX" {
			v = i
		}
	}
	if v < 0 || s.xpos(v) != "VBN" || q.Speaker.Last > q.Cue.First || q.Speaker.First < 0 {
		return false
	}
	passive, agent := false, -1
	for _, k := range s.children(v) {
		switch s.d.Tokens[k].Deprel {
		case "aux:pass":
			// "who's called for": 's may be has, an active perfect.
			passive = s.lemmas[k] == "be" && !s.isOneOf(int(k), "'s \u2019s")
		case "obl:agent":
			agent = int(k)
		}
	}
	// "Asked about it, Clinton said": a participle with no auxiliary,
	// hanging on the clause whose subject answered.
	adjunct := s.d.Tokens[v].Deprel == "advcl" && s.lemmas[v] == "ask"
	if !passive && !adjunct {
		return false
	}
	q.Speaker = noSpeaker()
	q.Speaker.Anonymous = true
	if agent > v {
		_, hi := s.sentBounds(v)
		a, b := s.subtree(agent, v+1, hi)
		for a < b && s.is(a, "by") {
			a++
		}
		if a < b && !s.quoted(a, b) && (b <= q.First || a >= q.Last) {
			q.Speaker.First, q.Speaker.Last, q.Speaker.Anonymous = a, b, false
		}
	}
	return true
}

// participleSource gives a participle cue hanging on a clause ("Fiorina
// was upfront about her distaste for Trump, saying ...", "Carson endorsed
// Trump at a news conference, calling him ...", "After saying he was
// nervous, the man ...") the subject of that clause from the parse, in
// place of the noun phrase the rules found next to it.
func (s *state) participleSource(q *Quote) {
	v := -1
	for i := q.Cue.First; i < q.Cue.Last; i++ {
		if s.isVerb(i) && s.upos(i) != "AUX" {
			v = i
			break
		}
	}
	if v < 0 || s.xpos(v) != "VBG" || s.d.Tokens[v].Deprel != "advcl" || v > q.Cue.First && s.isAux(v-1) {
		return
	}
	for _, k := range s.children(v) {
		if r := s.d.Tokens[k].Deprel; r == "nsubj" || r == "nsubj:pass" {
			return // "with voters saying ...": a subject of its own
		}
	}
	a, b, ok := s.sourceOf(v)
	if !ok || s.d.Tokens[s.headOf(a, b)].Deprel == "nsubj:pass" || a == q.Speaker.First && b == q.Speaker.Last {
		return
	}
	if a < q.Last && b > q.First || a < q.Cue.Last && b > q.Cue.First || s.cueOwned(a, b) {
		return
	}
	q.Speaker.First, q.Speaker.Last = a, b
}

// takeSource makes the subject of verb w q's source (see setSource).
func (s *state) takeSource(q *Quote, w int) {
	if a, b, ok := s.sourceOf(w); ok {
		s.setSource(q, a, b)
	}
}

// setSource makes [a, b) q's source, unless it is a passive subject or a
// dummy ("it", "there"), or overlaps q's content, its cue or another
// quote's cue.
func (s *state) setSource(q *Quote, a, b int) {
	if s.d.Tokens[s.headOf(a, b)].Deprel == "nsubj:pass" || b-a == 1 && dummySubjects[s.lower(a)] {
		return
	}
	b = s.trimClaimed(a, b)
	if a < q.Last && b > q.First || a < q.Cue.Last && b > q.Cue.First || s.cueOwned(a, b) {
		return
	}
	q.Speaker.First, q.Speaker.Last = a, b
}

// experiencerVerbs have a subject who perceives or knows another's
// position ("readers know his scorn"), not one who holds it.
var experiencerVerbs = lexSet("know see hear notice remember recall understand realize recognize ignore")

// noSourceVerbs take no source from their subject: the subject of
// "asked" answered, and "seemed" holds an impression no one is named for.
var noSourceVerbs = lexSet("ask seem appear")

// dummySubjects name no one.
var dummySubjects = lexSet("it there this that")

// cueOwned tells whether a token in [a, b) is part of a quote's cue.
func (s *state) cueOwned(a, b int) bool {
	for j := a; j < b; j++ {
		if o := s.owner[j]; o >= 0 && j >= s.quotes[o].Cue.First && j < s.quotes[o].Cue.Last {
			return true
		}
	}
	return false
}

// resolveSpeaker names the speaker of q from its phrase.
func (s *state) resolveSpeaker(q *Quote) {
	sp := &q.Speaker
	if sp.First < 0 || sp.First >= sp.Last {
		sp.First, sp.Last, sp.Start, sp.End = -1, -1, -1, -1
		return
	}
	a, b := sp.First, sp.Last
	sp.Start, sp.End = s.d.Tokens[a].Start, s.d.Tokens[b-1].End
	if n := s.accessNoun(a, b); n >= 0 {
		// "sources close to Finance Minister Edouard Balladur": unnamed,
		// with the code of the one they are close to when known
		sp.Anonymous = true
		if s.sp != nil {
			for j := b - 1; j > n; j-- {
				if r, ok := s.sp.ActorAt(j); ok && r.Code != "" {
					sp.Code = r.Code
					break
				}
			}
		}
		return
	}
	head := s.headOf(a, b)
	if s.sp != nil {
		if r, ok := s.sp.ActorAt(head); ok {
			r.Start, r.End, r.First, r.Last = sp.Start, sp.End, a, b
			r.Anonymous = r.Anonymous || sp.Anonymous
			*sp = r
			s.remember(*sp, true, b)
			return
		}
	}
	hw := s.lower(head)
	if b-a == 1 && (hw == "who" || hw == "which" || hw == "that") {
		// A relative pronoun: the antecedent before it names the speaker.
		lo, _ := s.sentBounds(a)
		k := a
		if k-1 > lo && s.is(k-1, ",") {
			k--
		}
		if aa, bb := s.leftNP(k, lo); aa < bb && !s.is(aa, hw) {
			h := s.headOf(aa, bb)
			if name, code, person := s.lookup(aa, bb, h); name != "" || code != "" {
				sp.Name, sp.Code = name, code
				if name != "" {
					s.remember(*sp, person, b)
				}
			} else if s.upos(h) == "PROPN" {
				sp.Name = s.propnRun(h, aa, bb)
			} else if anonHeads[s.lemmas[h]] {
				sp.Anonymous = true
			}
		}
		return
	}
	if person, ok := speakerPronouns[hw]; ok && b-a == 1 {
		if hw == "it" {
			sp.Anonymous = true
			return
		}
		if person {
			if name, code, ok := s.recentSubject(a); ok {
				sp.Name, sp.Code = name, code
				return
			}
		}
		if r, ok := s.lastSpeaker(person, a); ok {
			sp.Entity, sp.Name, sp.Code = r.Entity, r.Name, r.Code
		}
		return
	}
	name, code, isPerson := s.lookup(a, b, head)
	if name == "" && s.upos(head) == "PROPN" {
		name = s.propnRun(head, a, b)
		// A surname alone names the speaker already seen in full.
		for i := len(s.speakers) - 1; i >= 0; i-- {
			if r := s.speakers[i]; r.sp.Name != "" && r.sp.Name != name && strings.HasSuffix(r.sp.Name, " "+name) {
				name, code, isPerson = r.sp.Name, r.sp.Code, r.person
				break
			}
		}
		if !isPerson {
			isPerson = s.looksLikePerson(head) && !s.hasMedia(a, b)
		}
	}
	if name == "" && (anonHeads[s.lemmas[head]] || sp.Anonymous) {
		sp.Anonymous = true
		sp.Code = code
		return
	}
	sp.Name, sp.Code = name, code
	if name != "" {
		s.remember(*sp, isPerson, b)
	}
}

// accessNoun returns the unnamed-source noun that phrase [a, b) starts
// with when a phrase of access follows it ("sources close to", "people
// familiar with", "officials briefed on"), else -1.
func (s *state) accessNoun(a, b int) int {
	for n := a; n < b-2 && n < a+4; n++ {
		if anonHeads[s.lemmas[n]] && s.isOneOf(n+1, accessWords) && s.isOneOf(n+2, "to with on in") {
			return n
		}
		if !s.isOneOf(n, "a an the some two three several other senior top") && !s.isNominal(n) && s.upos(n) != "ADJ" {
			return -1
		}
	}
	return -1
}

// looksLikePerson: a proper-name head preceded by another capitalized
// proper name ("Sean Spicer") rather than an organization word.
func (s *state) looksLikePerson(head int) bool {
	return head > 0 && s.upos(head-1) == "PROPN" && !mediaWords[s.lower(head)]
}

func (s *state) hasMedia(a, b int) bool {
	for i := a; i < b; i++ {
		if mediaWords[s.lower(i)] {
			return true
		}
	}
	return false
}

func (s *state) remember(sp Speaker, person bool, end int) {
	s.speakers = append(s.speakers, resolved{sp: sp, person: person, end: end})
}

// lastSpeaker returns the most recent named speaker before token tok,
// a person when person is set.
func (s *state) lastSpeaker(person bool, tok int) (Speaker, bool) {
	for i := len(s.speakers) - 1; i >= 0; i-- {
		r := s.speakers[i]
		if r.end <= tok && r.sp.Name != "" && (!person || r.person) {
			return r.sp, true
		}
	}
	return Speaker{}, false
}

// propnRun returns the run of proper nouns around head inside [a, b).
func (s *state) propnRun(head, a, b int) string {
	i, j := head, head+1
	for i > a && s.upos(i-1) == "PROPN" {
		i--
	}
	for j < b && s.upos(j) == "PROPN" {
		j++
	}
	return s.d.Text[s.d.Tokens[i].Start:s.d.Tokens[j-1].End]
}

// lookup resolves a speaker phrase with the actor dictionary on the
// story's date: the match covering the head, else the last match in the
// phrase. It returns a name (the person, or the entry's name), the code
// and whether a person is named.
func (s *state) lookup(a, b, head int) (string, string, bool) {
	if s.x.dict == nil {
		return "", "", false
	}
	off := s.d.Tokens[a].Start
	text := s.d.Text[off:s.d.Tokens[b-1].End]
	ms := s.x.dict.MatchText(text)
	if len(ms) == 0 {
		return "", "", false
	}
	hs, he := s.d.Tokens[head].Start-off, s.d.Tokens[head].End-off
	// A person named anywhere in the phrase wins ("White House Press
	// Secretary, Sean Spicer"); then the match covering the head.
	for i := range ms {
		if res := s.x.dict.ResolveMatch(&ms[i], s.date); res.Person != nil && ms[i].Kind == actor.KindPerson {
			return res.Person.Name, string(res.Code), true
		}
	}
	if name := s.appositiveName(a, b); name != "" {
		// The title before the name gives the code when it resolves.
		return name, string(s.x.dict.ResolveMatch(&ms[0], s.date).Code), true
	}
	m := &ms[len(ms)-1]
	for i := range ms {
		if ms[i].Start <= hs && he <= ms[i].End {
			m = &ms[i]
			break
		}
	}
	res := s.x.dict.ResolveMatch(m, s.date)
	if res.Person != nil {
		return res.Person.Name, string(res.Code), true
	}
	if m.Plural || m.Kind == actor.KindAgent || m.Kind == actor.KindTitle {
		// A role without a holder: "officials", "a diplomat" keep their code
		// but name no one.
		return "", string(res.Code), false
	}
	name := m.Entry.Name
	if m.Kind == actor.KindMetonym || m.Kind == actor.KindIGO || m.Kind == actor.KindNGO || m.Kind == actor.KindNSA || m.Kind == actor.KindCountry {
		name = strings.TrimSpace(text[m.Start:m.End])
		name = strings.TrimPrefix(name, "the ")
		name = strings.TrimPrefix(name, "The ")
	}
	return name, string(res.Code), false
}

// setting finds the medium or venue and the date of a quote with a cue,
// looking in its sentence outside the content.
func (s *state) setting(q *Quote) {
	if q.Cue.First < 0 {
		return
	}
	lo, hi := s.sentBounds(q.Cue.First)
	if q.Addressee != "" && s.mediaPhrase(q.Addressee) {
		q.Medium, q.Addressee = q.Addressee, ""
	}
	outside := func(i int) bool { return (i < q.First || i >= q.Last) && s.tokQ[i] < 0 }
	for i := lo; i < hi && q.Medium == ""; i++ {
		if !outside(i) || s.upos(i) != "ADP" {
			continue
		}
		p := s.lower(i)
		// "quoted by Interfax", "cited by Reuters": the outlet that carried it.
		by := p == "by" && i > 0 && (s.lemmas[i-1] == "quote" || s.lemmas[i-1] == "cite")
		if p != "in" && p != "at" && p != "on" && p != "during" && p != "via" && p != "through" && p != "with" && p != "to" && !by {
			continue
		}
		j := i + 1
		for j < hi && outside(j) && (s.isNominal(j) && s.upos(j) != "PRON" || s.xpos(j) == "PRP$" || s.isTime(j) && s.upos(j) == "ADJ" ||
			s.isAdv(j) && j+1 < hi && s.isNominal(j+1)) {
			j++
		}
		if j > i+1 && s.xpos(j-1) == "POS" {
			j-- // "on Fox News's 'Fox and Friends'": the outlet, not its 's
		}
		if j == i+1 {
			continue
		}
		h := j - 1
		hl := s.lemmas[h]
		switch {
		case venueNouns[hl] && p != "to" && p != "with":
			// "in an interview with CNN": the outlet is the medium.
			if s.is(j, "with") {
				if a, b := s.rightNP(j+1, hi, false); a < b && s.mediaTokens(a, b) {
					q.Medium = s.text(a, b)
					break
				}
			}
			q.Medium = s.text(i+1, j)
		case (p == "on" || p == "to" || p == "via" || by) && s.mediaTokens(i+1, j):
			q.Medium = s.text(i+1, j)
		}
	}
	if q.Medium == "" && q.Cue.Lemma == "tweet" {
		q.Medium = "Twitter"
	}
	// The date: the time expression in the sentence outside the content,
	// nearest the cue, with a calendar value.
	best, bestD := "", 1<<30
	for _, t := range s.times {
		if t.FirstTok < lo || t.FirstTok >= hi || !outside(t.FirstTok) {
			continue
		}
		if t.Type != "DATE" && t.Type != "TIME" || t.Value == "" || !unicode.IsDigit(rune(t.Value[0])) {
			continue
		}
		d := t.FirstTok - q.Cue.Last
		if d < 0 {
			d = q.Cue.First - t.LastTok
		}
		if d < 0 {
			d = -d
		}
		if d < bestD {
			best, bestD = t.Value, d
		}
	}
	q.Date = best
}

func (s *state) text(a, b int) string {
	return s.d.Text[s.d.Tokens[a].Start:s.d.Tokens[b-1].End]
}

// mediaTokens tells whether tokens [a, b) name a news medium or platform.
func (s *state) mediaTokens(a, b int) bool {
	hasProp := false
	for i := a; i < b; i++ {
		w := s.lower(i)
		if platforms[w] {
			return true
		}
		if s.upos(i) == "PROPN" {
			hasProp = true
		}
	}
	if !hasProp {
		return false
	}
	for i := a; i < b; i++ {
		if mediaWords[s.lower(i)] {
			return true
		}
	}
	return false
}

// mediaPhrase is mediaTokens for an addressee string.
func (s *state) mediaPhrase(p string) bool {
	words := strings.Fields(p)
	cap := false
	for _, w := range words {
		lw := strings.ToLower(w)
		if platforms[lw] {
			return true
		}
		if w != "" && unicode.IsUpper(rune(w[0])) {
			cap = true
		}
	}
	if !cap {
		return false
	}
	for _, w := range words {
		if mediaWords[strings.ToLower(strings.Trim(w, ".,"))] {
			return true
		}
	}
	return false
}

// appositiveName returns the proper name after a comma that ends a
// speaker phrase ("White House Press Secretary, Sean Spicer"), or "".
func (s *state) appositiveName(a, b int) string {
	i := b
	for i > a && s.upos(i-1) == "PROPN" {
		i--
	}
	if i == b || i-1 <= a || !s.is(i-1, ",") || b-i < 2 {
		return ""
	}
	return s.text(i, b)
}

// recentSubject finds the person a pronoun at token tok most likely refers
// to: the subject of the nearest sentence before it (up to three back)
// that names a person, else the speaker of an earlier quote.
func (s *state) recentSubject(tok int) (string, string, bool) {
	si := s.d.SentenceOf(tok)
	for k := si - 1; k >= 0 && k >= si-3; k-- {
		sent := s.d.Sentences[k]
		a, b := s.mainSubject(sent.First, sent.Last)
		if a >= b || s.tokQ[a] >= 0 {
			continue
		}
		if b-a == 1 {
			if _, ok := speakerPronouns[s.lower(a)]; ok {
				// The previous sentence's subject is itself a pronoun:
				// the same person continues; let the caller look further.
				continue
			}
		}
		head := s.headOf(a, b)
		name, code, person := s.lookup(a, b, head)
		if name == "" && s.upos(head) == "PROPN" {
			name = s.propnRun(head, a, b)
			for i := len(s.speakers) - 1; i >= 0; i-- {
				if r := s.speakers[i]; r.sp.Name != "" && (r.sp.Name == name || strings.HasSuffix(r.sp.Name, " "+name)) {
					return r.sp.Name, r.sp.Code, true
				}
			}
			person = s.looksLikePerson(head)
		}
		if person {
			return name, code, true
		}
	}
	return "", "", false
}
