package event

import (
	"slices"
	"strings"

	"github.com/dyadhq/dyad/internal/cameo"
	"github.com/dyadhq/dyad/pkg/doc"
)

// status is how the clause of an anchor is asserted.
type status struct {
	drop     bool // only talked about: not coded
	reported bool
	negated  bool
	modality string
	gov      int    // frame governor, -1 when none
	frame    *Frame // the governor's frame
	say      int    // the speech verb the clause is the complement of, -1
	refuse   bool   // the intent governor is negated ("has no plans to")
}

// subjunctive reports whether clause t is a bare verb with a subject of
// its own and no auxiliary ("that Iran withdraw").
func (st *sent) subjunctive(t int) bool {
	tk := st.tok(t)
	bare := tk.XPOS == "VB" || tk.XPOS == "" && strings.Contains(tk.Feats, "VerbForm=Inf")
	return bare && st.child1(t, "nsubj") >= 0 && !st.hasAux(t)
}

// condClause reports whether clause t has a conditional clause of its own
// ("if X fails") before it.
func (st *sent) condClause(t int) bool {
	for _, k := range st.kids(t) {
		if k < t && st.base(k) == "advcl" && st.hasMark(k, clsCond) && st.markLemma(k) != "whether" {
			return true
		}
	}
	return false
}

// assess walks up from anchor a through the clauses that embed it.
func (st *sent) assess(a int) status {
	lex := st.c.lex
	s := status{gov: -1, say: -1, negated: st.negated(a), modality: st.modal(a)}
	t := a
	for depth := 0; depth < 12; depth++ {
		if st.hasMark(t, clsCond) || st.condClause(t) {
			// "if Japan fails, it will invite retaliation": the outcome
			// of a condition is as hypothetical as the condition
			s.modality = ModConditional
		}
		if k := st.sayChild(t); k >= 0 {
			// the innermost speech verb tells it: "X indicated it would
			// act, an official said" is X's
			s.reported = true
			if s.say < 0 {
				s.say = k
			}
		}
		h := st.head(t)
		if h < 0 {
			if k := st.trailingSay(a); s.say < 0 && k >= 0 {
				s.reported, s.say = true, k
			}
			break
		}
		gl := st.lemma(h)
		clausal := false
		switch st.base(t) {
		case "conj":
			if st.saidConj(t) {
				s.reported = true
				if s.say < 0 {
					s.say = h
				}
			}
			t = h
			continue
		case "xcomp", "ccomp", "csubj":
			clausal = true
		case "advcl":
			if st.markLemma(t) == "for" && st.isVerb(h) && (st.objOf(h) >= 0 || st.isPassive(h) || !st.finite(t) && st.sayAfter(t)) {
				// "jailed a student for helping militants", "was arrested
				// for collaborating": the grounds of the act, told of its
				// object, not an act of the subject
				s.drop = true
				return s
			}
			if st.markLemma(t) == "of" && st.favors(h) {
				// "argued in favor of opening talks": intent
				s.gov, s.frame = h, lex.frames["intent"]
				g := st.assess(h)
				g.gov, g.frame = h, s.frame
				return g
			}
			if st.markLemma(t) == "to" || st.markLemma(t) == "order" || st.hasMarkWord(t, "to") {
				if lex.frameOf[gl] != nil && !st.phoneCall(h) {
					// "asked Obama to help": parsers attach the infinitive
					// either way; the governor decides.
					clausal = true
					break
				}
				s.drop, s.modality = true, ModHypothetical // a purpose, not an act
				return s
			}
			if !clausal {
				if m := st.markLemma(t); (m == "" || m == "from") && lex.in(clsNegGov, gl) && !lex.literal {
					// "avoided condemning", "refrained from attacking":
					// the act was not done
					s.negated = true
				}
				t = h
				continue
			}
		case "acl", "obl", "nmod", "obj":
			if !st.isVerb(t) && !lex.literal && st.underHypothesis(t) {
				s.drop, s.modality = true, ModHypothetical
				return s
			}
			if st.rel(t) == "acl:relcl" || !st.isVerb(t) {
				return s
			}
			if st.base(t) == "acl" && st.markLemma(t) == "" && !strings.Contains(st.tok(t).Feats, "VerbForm=Inf") {
				return s // "troops attacking the town": a participle tells an act
			}
			clausal = true // an infinitive or gerund under a noun or verb
		default:
			return s
		}
		if clausal {
			switch {
			case lex.in(clsSay, gl) && st.base(t) == "ccomp" && !lex.literal && st.obliged(t) && st.otherSubject(t, h) && lex.frames["demand"] != nil:
				// "Russia said that Sudan must return the helicopter": a
				// demand of the speaker (10), its target the one obliged
				s.gov, s.frame = h, lex.frames["demand"]
				g := st.assess(h)
				g.gov, g.frame = h, s.frame
				return g
			case (lex.in(clsSay, gl) || lex.frameOf[gl] != nil) && st.question(t):
				// "declined to say whether Peru attacked", "asked whether
				// Bush had opposed the sales": a question, not a report
				// of the act nor an appeal
				s.drop = true
				return s
			case lex.in(clsSay, gl) || gl == "insist" && st.base(t) == "ccomp" && !st.obliged(t) && !st.subjunctive(t):
				// "insisted she hadn't discussed it": an assertion, not a
				// demand ("insisted that Iran withdraw" is one)
				s.reported = true
				if s.say < 0 {
					s.say = h
				}
			case lex.in(clsFactive, gl) || lex.in(clsLight, gl) && st.base(t) != "ccomp" && lex.frameOf[gl] == nil:
				// a light verb takes a noun; with a clause, a frame
				// governor it is too decides ("offered to hand over")
			case lex.in(clsImminent, gl) || lex.in(clsWeakIntent, gl) && st.isPassive(h) && !lex.literal:
				// "is about to restore ties": as good as "will restore";
				// "are expected to sign": the narrator's forecast, no
				// intent of the subject
				if s.modality == "" {
					s.modality = ModFuture
				}
			case lex.in(clsNegGov, gl):
				s.negated = true
			case lex.frameOf[gl] == lex.frames["intent"] && lex.frameOf[gl] != nil && !lex.literal && st.base(t) == "xcomp" && st.objOf(h) >= 0:
				// "he expected Conable to express his support", "wants Iran
				// to stop": what another is to do, no intent of the subject
				s.drop, s.modality = true, ModHypothetical
				return s
			case lex.frameOf[gl] != nil && st.base(t) != "ccomp" || lex.frameOf[gl] != nil && lex.frameOf[gl].TargetObj:
				s.gov, s.frame = h, lex.frameOf[gl]
				up := h
				if hh := st.head(h); !st.isVerb(h) && hh >= 0 {
					// "argued in favor of opening talks": the noun's verb
					// says how the intent is told ("..., the ministry said").
					up = hh
				}
				g := st.assess(up)
				if g.frame == nil || g.frame == s.frame {
					g.gov, g.frame = h, s.frame
					// "has no plans to bow to pressure", "does not intend
					// to withdraw": a refusal when the act is cooperative
					g.refuse = st.negated(h) && g.frame == lex.frames["intent"] && !lex.literal
				}
				// else the outer frame codes it: "refused to commit to
				// aid" is a rejection, "said X must be ready to" a demand
				g.reported = g.reported || s.reported
				return g
			default:
				s.drop, s.modality = true, ModHypothetical
				return s
			}
			if m := st.modal(h); m != "" && s.modality == "" {
				s.modality = m
			}
			if st.negated(h) {
				s.negated = true
			}
			t = h
		}
	}
	return s
}

// underHypothesis reports whether the noun t names what a risk, a
// prospect or a fear is of: "the risk of an Iranian attack", "prospects
// appear slim for a meeting".
func (st *sent) underHypothesis(t int) bool {
	u := t
	for d := 0; d < 3; d++ {
		h := st.head(u)
		if h < 0 {
			return false
		}
		if st.c.lex.in(clsHypothesis, st.lemma(h)) {
			return true
		}
		if k := st.child1(h, "nsubj"); k >= 0 && k != u && st.c.lex.in(clsHypothesis, st.lemma(k)) {
			return true
		}
		if st.isVerb(h) {
			return false
		}
		u = h
	}
	return false
}

// sayAfter reports whether clause t hangs on a speech verb that follows
// it: "jailed a student for helping militants, his lawyer said" with the
// grounds misattached to the closing attribution.
func (st *sent) sayAfter(t int) bool {
	h := st.head(t)
	return h > t && st.c.lex.in(clsSay, st.lemma(h))
}

// hasMarkWord reports whether clause t has a mark w among its marks ("in
// order to defeat": "in" and "to").
func (st *sent) hasMarkWord(t int, w string) bool {
	for _, k := range st.kids(t) {
		if st.base(k) == "mark" && st.lemma(k) == w {
			return true
		}
	}
	return false
}

// trailingSay returns the speech verb of a closing attribution ("...,
// the president said on Tuesday.") that the parser hung elsewhere in the
// tree, when anchor a comes before it; -1 when none.
func (st *sent) trailingSay(a int) int {
	comma := -1
	for k := st.last - 1; k > a && k >= st.first; k-- {
		if st.d.Form(k) == "," {
			comma = k
			break
		}
	}
	if comma < 0 {
		return -1
	}
	for k := comma + 1; k < st.last; k++ {
		if st.tok(k).UPOS == "VERB" && st.c.lex.in(clsSay, st.lemma(k)) && st.child1(k, "ccomp") < 0 && st.child1(k, "cc") < 0 && st.finite(k) {
			return k
		}
	}
	return -1
}

// match is a rule matched at a trigger.
type match struct {
	rule   *Rule
	target int // token heading the target, -1 none
	source int // token heading a source the pattern places ("$"), -1 none
	used   [4]int
	// frame and gov: an event noun that is the object of a frame governor
	// ("agreed to a ceasefire", "called for sanctions").
	frame *Frame
	gov   int
}

// matchVerb picks the most specific rule whose words are present, preferring
// one whose target is found.
func (st *sent) matchRules(t int, rs []*Rule, light int) (m match, ok bool) {
	var fallback match
	haveFallback, fallbackPrep := false, false
	passive := st.isPassive(t)
	for _, r := range rs {
		mm := match{rule: r, target: -1, source: -1, used: [4]int{-1, -1, -1, -1}}
		okw := st.preOK(t, r.Pre)
		for i, w := range r.Words {
			k := st.findWord(t, w)
			if k < 0 && light >= 0 {
				k = st.findWord(light, w)
			}
			if k >= 0 && r.Target != "" && r.Target != "obj" && !st.c.lex.literal && st.hasCase(k, r.Target) {
				// "paid great importance to Weizsaecker's visit": the
				// word sits in the target's own phrase, not beside it
				k = -1
			}
			if k < 0 {
				okw = false
				break
			}
			if i < len(mm.used) {
				mm.used[i] = k
			}
		}
		if !okw || !st.adjacent(t, r, light) {
			continue
		}
		if r.Target == "obj" && len(r.Words) == 0 && !st.c.lex.literal && st.predicative(t) {
			continue // "calling border-crossers rapists": naming, not a call
		}
		if passive && r.Code == "042" && !st.c.lex.literal {
			continue // "the equipment was flown to Pakistan": carried, no visit
		}
		if r.Compound {
			// "X and Y have postponed": the act is among the subject's actors
			if subj, passive := st.subject(t); !passive && len(st.np(subj, st.s.npBuf[:0])) >= 2 {
				return mm, true
			}
			continue
		}
		if r.Source != "" {
			// "received money from Osgiliath": the pattern places the source;
			// the subject is then the target.
			if r.Source == "obj" {
				mm.source = st.objOf(t)
			} else {
				mm.source = st.prepArg(t, r.Source)
				for i := 0; mm.source < 0 && i < len(mm.used) && mm.used[i] >= 0; i++ {
					mm.source = st.prepArg(mm.used[i], r.Source)
				}
			}
			if mm.source < 0 || len(st.np(mm.source, st.s.npBuf[:0])) == 0 {
				continue
			}
		}
		switch r.Target {
		case "":
			if len(r.Words) > 0 && !st.c.lex.literal {
				// a pattern with words of its own and no target slot is a
				// whole act: "received observers" is 0862 whoever sent them
				return mm, true
			}
		case "subj":
			mm.target, _ = st.subject(t)
		case "obj":
			if r.Noun {
				mm.target = -1
			} else if passive {
				for _, k := range st.kids(t) {
					if st.rel(k) == "nsubj:pass" {
						mm.target = k
					}
				}
				if mm.target < 0 {
					mm.target = st.child1(t, "nsubj") // a reduced relative read as a clause
				}
				if st.rel(t) == "acl" {
					mm.target = st.head(t) // "soldiers killed by X": the noun
				}
			} else if o := st.objOf(t); o >= 0 && !mm.usedHas(o) {
				mm.target = o
			} else if o := st.child1(t, "iobj"); o >= 0 {
				mm.target = o
			}
			if mm.target >= 0 && r.Strict && len(r.Words) == 0 && !st.c.lex.literal && st.inert(mm.target) {
				mm.target = -1 // "received a total of 1.2 billion dlrs from Libya"
			}
			if mm.target >= 0 && r.Strict && len(r.Words) == 0 && !st.c.lex.literal && st.onlyByAdjective(mm.target) {
				// "calling Mexican border-crossers rapists": a strict
				// verb's object does not name an actor by an adjective of
				// a common noun
				mm.target = -1
			}
			if (mm.target < 0 || !st.names(mm.target)) && r.Strict && len(r.Words) == 0 && !st.c.lex.literal {
				// A bare strict verb takes only its object ("gave Kenya
				// aid", "received the envoy"): what it gives or receives
				// is no actor in "received funds from Libya" or "provided
				// the market with help", and no act of state.
				mm.target = -1
				if o := st.child1(t, "iobj"); o >= 0 && st.names(o) {
					mm.target = o
				}
			} else if mm.target < 0 || len(st.np(mm.target, st.s.tgtBuf[:0])) == 0 {
				// As PETRARCH does: else the first actor in a prepositional
				// phrase of the verb ("fired batteries at Russia").
				mm.target = st.oblActor(t, passive)
				// "restore ties with Gondor", "welcomed the resumption of
				// ties with Osgiliath": a phrase within the object
				if o := st.objOf(t); mm.target < 0 && o >= 0 {
					mm.target = st.deepActor(o, 0)
				} else if mm.target < 0 && o < 0 && !st.c.lex.literal {
					// "denounced as a crime Serbia's suppression of ...":
					// no object, the act's phrases
					mm.target = st.deepActor(t, 0)
				}
				for i := 0; mm.target < 0 && i < len(mm.used) && mm.used[i] >= 0; i++ {
					mm.target = st.deepActor(mm.used[i], 0)
				}
				// "demanded that the US cancel": the complement's subject
				// (in compat mode of any verb but a speech verb, as
				// PETRARCH reads the clause as part of the verb phrase:
				// "allowed that Mordor isn't a pleasant place")
				if c := st.child1(t, "ccomp"); mm.target < 0 && c >= 0 && !st.question(c) && (st.c.lex.frameOf[st.lemma(t)] != nil || st.c.lex.literal && !st.c.lex.in(clsSay, st.lemma(t))) {
					if s, _ := st.subject(c); s >= 0 && len(st.np(s, st.s.tgtBuf[:0])) > 0 {
						mm.target = s
					}
				}
			}
		default:
			mm.target = st.prepArg(t, r.Target)
			if mm.target >= 0 && r.Strict && len(r.Words) == 0 && !st.c.lex.literal {
				switch st.base(mm.target) {
				case "advcl", "acl", "xcomp", "ccomp":
					// "gave orders to sell arms through Gondor": a bare
					// strict verb's phrase is a phrase, not a clause
					mm.target = -1
				}
			}
			for i := 0; !st.names(mm.target) && i < len(mm.used) && mm.used[i] >= 0; i++ {
				// "halted aid to Serbia to end the fighting": the phrase
				// that names an actor
				if k := st.prepArg(mm.used[i], r.Target); k >= 0 {
					mm.target = k
				}
			}
			if !st.names(mm.target) && light >= 0 {
				if k := st.prepArg(light, r.Target); k >= 0 {
					mm.target = k
				}
			}
			if o := st.objOf(t); !st.names(mm.target) && o >= 0 {
				// "fired batteries at Russia" parsed with the phrase on the object
				if k := st.prepArg(o, r.Target); k >= 0 {
					mm.target = k
				}
				// "provided photographs and intelligence to Gondor": on
				// the object's last conjunct
				for _, c := range st.kids(o) {
					if st.rel(c) != "conj" || st.names(mm.target) {
						continue
					}
					if k := st.prepArg(c, r.Target); k >= 0 {
						mm.target = k
					}
				}
			}
			if mm.target >= 0 && !st.names(mm.target) && !st.c.lex.literal {
				// "claimed responsibility for an attack on a mall in
				// Kenya": the actor within the phrase
				if k := st.deepActor(mm.target, 0); k >= 0 {
					mm.target = k
				}
			}
		}
		if mm.target < 0 && st.c.lex.literal && (r.Target == "obj" || r.Target == "") {
			// PETRARCH reads the target off the words after the verb:
			// where the tree gives none (a comma or a misread phrase cut
			// it off), the first actor named after the verb in its clause
			mm.target = st.linearTarget(t)
		}
		if mm.target >= 0 && st.inAttribution(mm.target) {
			// "warned the hierarchy against dissent, Tehran radio said"
			// with "radio" read as the object: the teller and its city
			// are not whom the act is aimed at
			mm.target = -1
		}
		if mm.target >= 0 && len(st.np(mm.target, st.s.tgtBuf[:0])) > 0 {
			return mm, true
		}
		// Without its target, the act is coded by the most specific pattern
		// that does not ask for a preposition, else by the most specific one;
		// never by a strict pattern ("leave for +": "Trump left" is no visit).
		prep := r.Target != "" && r.Target != "obj" // the pattern names its preposition
		asksPrep := prep && !r.Sym
		if asksPrep && len(r.Words) == 0 && !st.c.lex.literal && st.objOf(t) >= 0 && st.findWord(t, r.Target) < 0 {
			// "take over +" is no act of "took measures": with an object
			// of its own and without the preposition, the bare verb is in
			// another sense
			continue
		}
		if r.Target == "obj" && len(r.Words) == 0 && !st.c.lex.literal && deed(r.Code) && st.thingObject(t, passive) {
			// "close the acquisition", "traffic is captured by carriers":
			// a deed done to a thing, with no actor to aim at, is the
			// verb's everyday sense (a veto or a rejection of a thing is
			// still one)
			continue
		}
		if r.Sym && prep && len(r.Words) > 0 && !st.c.lex.literal && !st.wordAfter(t, r.Target) {
			if subj, _ := st.subject(t); len(st.np(subj, st.s.npBuf[:0])) < 2 {
				// "held exercises" without the partner "with +" asks for:
				// the noun's own pattern codes it
				continue
			}
		}
		if !r.Strict && (!haveFallback || fallbackPrep && !asksPrep) {
			fallback, haveFallback = mm, true
			fallback.target = -1
			fallbackPrep = asksPrep
		}
	}
	return fallback, haveFallback
}

// wordAfter reports whether a word with lemma w follows t in the sentence
// (attached anywhere: "established ties with and opened an embassy in").
func (st *sent) wordAfter(t int, w string) bool {
	for k := t + 1; k < st.last; k++ {
		if st.lemma(k) == w {
			return true
		}
	}
	return false
}

// thingObject reports whether verb t acts on a thing: its object (the
// subject of a passive) is a noun of the inert class.
func (st *sent) thingObject(t int, passive bool) bool {
	o := st.objOf(t)
	if passive {
		o = st.child1(t, "nsubj:pass")
	}
	return o >= 0 && st.inert(o)
}

// names reports whether token t heads a phrase naming an actor.
func (st *sent) names(t int) bool {
	return t >= 0 && len(st.np(t, st.s.tgtBuf[:0])) > 0
}

func (m *match) usedHas(t int) bool {
	for _, u := range m.used {
		if u == t {
			return true
		}
	}
	return false
}

func (st *sent) child1(t int, rel string) int {
	for _, k := range st.kids(t) {
		if st.rel(k) == rel {
			return k
		}
	}
	return -1
}

func (st *sent) codeVerb(t int, rs []*Rule) {
	m, ok := st.matchRules(t, rs, -1)
	if !ok {
		return
	}
	if m.rule.Code == NoAct {
		st.markNoAct(t)
		return
	}
	if m.target < 0 && st.c.lex.frameOf[st.lemma(t)] != nil && st.complement(t) >= 0 {
		// "agreed to undertake ...": the frame codes it, not "agree" alone
		return
	}
	if m.target < 0 && st.nounFinds(t, &m) {
		return // "staged a protest in Beijing": the noun codes it
	}
	subj, passive := st.subject(t)
	if subj < 0 && !passive {
		subj = st.linearController(t)
		if h := st.head(t); subj < 0 && st.base(t) == "conj" && h >= 0 {
			// "After speaking with X ..., speaking w Y": the first
			// participle's doer
			subj = st.linearController(h)
		}
	}
	src := subj
	if passive {
		src = st.agentOf(t) // "was attacked by X", "talks were held with Y by X"
		if src < 0 && !st.c.lex.literal {
			src = st.eventAgent(t)
		}
	}
	if m.source >= 0 {
		src = m.source
	}
	st.emit(t, t, m, src, -1)
}

// eventAgent finds the agent of a passive without a by-phrase in the event
// noun that tells how it happened: "were killed in an Israeli air strike"
// (the actor modifying "strike"); -1 when none.
func (st *sent) eventAgent(t int) int {
	for _, k := range st.kids(t) {
		if st.base(k) != "obl" || !(st.hasCase(k, "in") || st.hasCase(k, "during")) {
			continue
		}
		if st.c.lex.nouns[st.lemma(k)] == nil {
			continue
		}
		for _, c := range st.kids(k) {
			switch st.rel(c) {
			case "amod", "compound", "nmod:poss":
				if _, ok := st.actorAt(c); ok {
					return c
				}
			}
		}
	}
	return -1
}

// nounFinds reports whether a pattern word of m, the object of light verb
// t, is an event noun whose own patterns find a target that t's do not.
func (st *sent) nounFinds(t int, m *match) bool {
	if !st.c.lex.in(clsLight, st.lemma(t)) {
		return false
	}
	for _, u := range m.used {
		if u < 0 || st.head(u) != t || st.rel(u) != "obj" {
			continue
		}
		if nr := st.c.lex.nouns[st.lemma(u)]; nr != nil {
			if nm, ok := st.matchRules(u, nr, t); ok && nm.target >= 0 {
				return true
			}
		}
	}
	return false
}

// codeNoun codes an event noun: "talks between X and Y", "X's attack on Y",
// "X held talks with Y" (the light verb's subject is the source).
func (st *sent) codeNoun(n int, rs []*Rule) {
	light := -1
	anchor := n
	if fr, g := st.nounFrame(n); fr != nil {
		if st.predicative(g) && !st.c.lex.literal {
			return // "called the deal a disaster": named, not urged
		}
		m, ok := st.matchRules(n, rs, -1)
		if !ok {
			return
		}
		if m.rule.Code == NoAct {
			st.markNoAct(n)
			return
		}
		m.frame, m.gov = fr, g
		st.emit(n, g, m, -1, -1)
		return
	}
	if h := st.head(n); h >= 0 {
		switch st.rel(n) {
		case "obj", "nsubj:pass":
			if !st.c.lex.in(clsLight, st.lemma(h)) || !st.isVerb(h) {
				return // "discussed a joint assault": talked about, not done
			}
			light, anchor = h, h
			// "hold talks with" may be a rule of the verb itself, which then
			// codes the event.
			if vr := st.c.lex.verbs[st.lemma(h)]; vr != nil {
				if vm, ok := st.matchRules(h, vr, -1); ok && vm.usedHas(n) {
					// unless only the noun's pattern finds the target:
					// "staged a protest in Beijing"
					if nm, ok := st.matchRules(n, rs, h); vm.target >= 0 || !ok || nm.target < 0 {
						return
					}
				}
			}
		case "nsubj":
			if st.c.lex.in(clsOccur, st.lemma(h)) && st.isVerb(h) && !st.c.lex.literal && !st.c.lex.in(clsInert, st.lemma(n)) {
				// "Palestinian riots are continuing", "clashes erupted":
				// the verb tells that the act happens ("U.S. demand
				// continued" is a market's, inert)
				light, anchor = h, h
			}
		}
	}
	m, ok := st.matchRules(n, rs, light)
	if !ok {
		return
	}
	if st.toMarket(n, light) {
		return // "gave the market assistance": a central bank's money-market operation
	}
	if light < 0 {
		for _, k := range st.kids(n) {
			// "X held/amod talks/root": a light verb hung under its noun
			if (st.base(k) == "amod" || st.base(k) == "acl") && st.tok(k).UPOS == "VERB" && st.c.lex.in(clsLight, st.lemma(k)) && k < n {
				light = k
			}
		}
	}
	src := -1
	for _, k := range st.kids(n) {
		switch st.rel(k) {
		case "nsubj":
			if st.head(n) < 0 && k < n {
				src = k // the noun made the root: its subject acts
			}
		case "nmod:poss", "amod", "compound":
			if a, ok := st.actorAt(k); ok && k != m.target && !st.namedFor(n, k, a) {
				src = k // not "the Paris agreement", named for where
			}
		}
	}
	if src < 0 {
		if a := st.agentOf(n); a >= 0 && a != m.target {
			src = a
		}
	}
	if src < 0 && light >= 0 && st.rel(n) != "nsubj" {
		s, passive := st.subject(light)
		if passive {
			s = st.agentOf(light)
		}
		src = s
	}
	st.emit(n, anchor, m, src, light)
}

// toMarket reports whether event noun n, or its light verb, is given to
// a market: "gave the money market 152 mln stg assistance", "market
// assistance", "help to the market".
func (st *sent) toMarket(n, light int) bool {
	for _, h := range [2]int{n, light} {
		if h < 0 {
			continue
		}
		for _, k := range st.kids(h) {
			if st.lemma(k) != "market" {
				continue
			}
			if r := st.rel(k); r == "iobj" || (r == "obl" || r == "nmod") && st.hasCase(k, "to") || r == "obj" && h == light || r == "compound" && h == n {
				return true
			}
		}
	}
	return false
}

// nounFrame returns the frame governing event noun n and its governor:
// n is the object of a frame verb ("demanded a ceasefire") or its phrase
// ("agreed to a ceasefire", "called for sanctions", "opposed to mediation").
// Governors that state no intent alone ("hope for talks") frame none, nor
// does compat mode, whose verb patterns code such phrases as PETRARCH does.
func (st *sent) nounFrame(n int) (*Frame, int) {
	h := st.head(n)
	if h < 0 {
		return nil, -1
	}
	lex := st.c.lex
	fr := lex.frameOf[st.lemma(h)]
	if fr == nil || lex.in(clsWeakIntent, st.lemma(h)) || lex.literal {
		return nil, -1
	}
	if u := st.tok(h).UPOS; u != "VERB" && u != "ADJ" {
		return nil, -1
	}
	if vr := lex.verbs[st.lemma(h)]; vr != nil {
		// "promised aid" may be a pattern of the verb, which then codes it.
		if vm, ok := st.matchRules(h, vr, -1); ok && vm.usedHas(n) {
			return nil, -1
		}
	}
	switch st.base(n) {
	case "obj":
		return fr, h
	case "obl":
		for _, p := range [...]string{"to", "on", "for", "upon"} {
			if st.hasCase(n, p) {
				return fr, h
			}
		}
	}
	return nil, -1
}

// emit codes the events of one matched trigger.
func (st *sent) emit(trig, anchor int, m match, srcTok, light int) {
	if m.rule.Code == NoAct {
		st.markNoAct(trig)
		return
	}
	if !st.c.lex.literal && cooperative(m.rule.Code) && st.aboutNoAct(trig) {
		// "reached an agreement to acquire the unit", "agreed not to
		// acquire shares": a deal about commerce is no political accord
		return
	}
	s := st.assess(anchor)
	if s.drop {
		return
	}
	if anchor != trig && st.tok(trig).UPOS == "NOUN" && st.negated(trig) {
		s.negated = true // "had made no appeal for loans"
	}
	if s.modality == "" && st.tok(trig).UPOS == "NOUN" && (st.unrealized(trig) || st.modalSubject(trig)) {
		// "the proposed free trade agreement", "a clash between them would
		// damage the economy"
		s.modality = ModPossible
	}
	if m.frame != nil {
		s.gov, s.frame = m.gov, m.frame
	}
	code := m.rule.Code
	rule := m.rule.Src
	if s.negated && st.namesNegation(m.rule.Pre) {
		s.negated = false // the pattern's code is for the negated act
	}
	if s.modality != "" && st.namesModal(m.rule.Pre) {
		s.modality = "" // "INDICATED WOULD *": the code is for the act as hedged
	}
	var srcs []Actor
	speakerSrc, pronSrc := false, false
	if s.frame != nil {
		// The act is the frame governor's: "X agreed to meet Y".
		g := s.gov
		gs, gp := st.subject(g)
		if gp {
			if a := st.agentOf(g); a >= 0 || s.frame.TargetObj {
				gs = a
			}
			// else an adjectival passive states the subject's own stance:
			// "Israel is opposed to", "is committed to"
		}
		srcs = st.srcNP(gs, st.s.npBuf[:0])
		if len(srcs) == 0 && s.say >= 0 && st.isThirdPerson(gs) && !st.inQuote(gs) {
			// "Syria says it is willing to withdraw": the speaker.
			srcs, _ = st.pronounActors(gs, s.say)
		}
		if onlyRoles(srcs) && s.say >= 0 && !st.unknownName(gs) && !gp {
			// "The ministers have argued in favor of ...," the palace said.
			// (Not for a passive governor: "Asked if ..., X said" was asked.)
			// A name the actors do not know ("Zack said IBP was refusing
			// to bargain") is somebody else, never the speaker; nor does a
			// firm or a bare role telling it give the role a country ("The
			// court ordered ..., the company said").
			if sp := st.speakerActors(s.say); len(sp) > 0 && !business(sp[0].Code) && !(len(srcs) > 0 && onlyRoles(sp)) {
				srcs = sp
			}
		}
		if s.frame.TargetObj {
			o := st.objOrIobj(g)
			if c := st.child1(g, "ccomp"); o < 0 && c >= 0 && m.frame == nil && st.subtreeHas(c, anchor) {
				// "demanded that the government end curbs": the one the
				// complement obliges
				o, _ = st.subject(c)
			}
			if o >= 0 && st.inAttribution(o) {
				o = -1
			}
			if m.frame == nil || o >= 0 && o != trig {
				m.target = o
			}
		}
		negAct := s.frame == st.c.lex.frames["intent"] && anchor != s.gov && st.negated(anchor) && !st.c.lex.literal
		if negAct && !cooperative(code) {
			// "agreed not to attack": no threat; the act stays told as
			// negated
			s.negated = true
		}
		if (s.refuse || negAct) && cooperative(code) && st.c.lex.frames["reject"] != nil {
			// "has no plans to bow", "vowed not to return the Golan
			// Heights": a refusal, as the codebook codes it, not a
			// negated intent
			s.frame, s.negated = st.c.lex.frames["reject"], false
		}
		code = s.frame.Code(code)
		rule = "frame:" + s.frame.Name + " " + rule
		if st.framed == nil {
			st.framed = map[int]bool{}
		}
		st.framed[g] = true
		trig = g
		if m.target < 0 || len(st.np(m.target, st.s.tgtBuf[:0])) == 0 {
			m.target = -1
		}
	} else {
		srcs = st.srcNP(srcTok, st.s.npBuf[:0])
		if srcTok >= 0 && strings.HasPrefix(st.rel(srcTok), "nsubj") && st.head(srcTok) >= 0 {
			// "The US, Russia, and Switzerland met" parsed with two
			// subjects: each is a source
			for _, k := range st.kids(st.head(srcTok)) {
				if k != srcTok && st.rel(k) == st.rel(srcTok) {
					srcs = st.np(k, srcs)
				}
			}
		}
		if len(srcs) == 0 && (s.say >= 0 || st.speaker != nil) && st.isFirstPerson(srcTok) {
			// "we will drive the rebels out of Osgiliath," the king said.
			if s.say >= 0 {
				srcs = st.speakerActors(s.say)
			} else {
				srcs = append(srcs, *st.speaker)
			}
			speakerSrc = true
		} else if len(srcs) == 0 && s.say >= 0 && st.isThirdPerson(srcTok) && !st.inQuote(srcTok) {
			// "Japan said it had halted aid": a pronoun subject of the
			// reported clause is, more often than not, the speaker.
			srcs, pronSrc = st.pronounActors(srcTok, s.say)
		}
	}
	if code == "010" && (s.negated || st.noneOf(m) || st.markLemma(anchor) == "without") && s.frame == nil && !st.c.lex.literal {
		// "could not comment", "gave no details", "said without
		// elaborating": declining to comment, which the modal hedges no
		// further
		code, s.negated = "011", false
		if s.modality == ModPossible {
			s.modality = ""
		}
	}
	sym := m.rule.Sym && s.frame == nil
	if m.rule.Compound && len(srcs) >= 2 {
		st.partners(trig, srcs, code, rule, s)
		return
	}
	if s.frame == nil && s.say >= 0 && !st.c.lex.literal && st.c.lex.in(clsClaim, st.lemma(s.say)) && conflict(code) && len(srcs) > 0 {
		// "X claimed (that it had) attacked Y": X claims responsibility
		// (015); "X claimed that Z attacked Y": X accuses Z (112). The
		// claimed act itself is not asserted.
		sp := st.speakerActors(s.say)
		if len(sp) == 0 {
			return
		}
		sp = append([]Actor(nil), sp...)
		if speakerSrc || pronSrc || sameActor(sp[0], srcs[0]) {
			srcs, code, rule = sp, "015", "claim "+rule
			s.reported, sym = false, false
		} else {
			s.reported = false
			for _, a := range sp {
				for _, b := range srcs {
					st.add(trig, a, b, "112", "claim "+rule, s)
				}
			}
			return
		}
	}
	for _, rc := range m.rule.ByRole {
		if code == m.rule.Code && allRole(srcs, rc.Role) {
			// "dockers began a nine-day strike" (by:LAB=143): a
			// stoppage, not an air strike
			code, rule = rc.Code, rc.Role+" "+rule
			break
		}
	}
	if code == NoAct {
		return // "Tehran Radio, monitored by the BBC" (by:MED=-): no act
	}
	if speakerSrc && !strings.Contains(st.tok(trig).Feats, "Tense=Past") {
		// A speaker's own act in the present or future is a statement of
		// what they mean to do: intent for cooperation, threat for force.
		if c := st.ownVoice(code); c != code {
			code, sym = c, false
		}
	} else if s.frame == nil && !st.c.lex.literal && st.statedFuture(anchor, s) {
		// "Finland will give Tanzania a grant", "said it would blockade
		// Paris": an announced act is a promise (03) or a threat (13), as
		// the CAMEO codebook codes it; "will not accept" a refusal (12).
		c := code
		if s.negated {
			c = st.refusal(code)
		} else {
			c = st.ownVoice(code)
		}
		if c != code {
			code, sym = c, false
			s.negated, s.modality = false, ""
		}
	}
	tgts := st.notTeller(st.np(m.target, st.s.tgtBuf[:0]))
	if !st.c.lex.literal && len(tgts) > 0 && within(tgts, srcs) {
		// "Croatia is investigating crimes by Croatian extremists": an
		// act within the source, told without a target
		tgts = tgts[:0]
	}
	between := m.rule.Target == "between"
	if len(srcs) == 0 && between && len(tgts) >= 2 {
		// "talks between X and Y": every ordered pair. Among more than
		// four parties the act is multilateral and no dyad: seven
		// signatories would make 42 events of one agreement.
		if cut := st.twoSides(m.target); cut >= 0 && !st.c.lex.literal {
			// "talks between banks and Mexico, Chile and Venezuela": the
			// banks with each country, not the countries with each other
			for _, a := range tgts {
				for _, b := range tgts {
					if a.Last <= cut && b.First > cut {
						st.add(trig, a, b, code, rule, s)
						st.add(trig, b, a, code, rule, s)
					}
				}
			}
			return
		}
		if len(tgts) <= maxPartners || st.c.lex.literal {
			st.pairs(trig, tgts, code, rule, s)
		}
		return
	}
	if len(srcs) == 0 {
		return
	}
	if len(tgts) == 0 && s.frame != nil && (!s.frame.TargetObj && m.frame == nil || m.frame != nil && !st.c.opts.RequireTarget) {
		// A stated intent needs no target: "X pledged to cooperate"; nor
		// does a demand for an act: "X called for a ceasefire". A shared
		// act pairs its sources: "X and Y seek to deepen ties".
		if m.rule.Sym && len(srcs) >= 2 {
			st.partners(trig, srcs, code, rule, s)
			return
		}
		for _, a := range srcs {
			st.add(trig, a, Actor{}, code, rule, s)
		}
		return
	}
	if len(tgts) == 0 && sym && len(srcs) >= 2 {
		st.partners(trig, srcs, code, rule, s)
		return
	}
	if len(tgts) == 0 && (!sym || len(m.rule.Words) > 0 || light >= 0) && !st.c.opts.RequireTarget && (!onlyRoles(srcs) || material(code)) && st.targetless(trig, m.rule, light) {
		// a shared act with words of its own needs no partner either:
		// "Hizbollah declared a ceasefire"
		// "Serbia lifted the curfew", "protesters in Kiev marched": an act
		// with no target named.
		for _, a := range srcs {
			st.add(trig, a, Actor{}, code, rule, s)
		}
		return
	}
	for _, a := range srcs {
		for _, b := range tgts {
			if between && country(a.Code) == country(b.Code) {
				continue
			}
			st.add(trig, a, b, code, rule, s)
			if sym {
				st.add(trig, b, a, code, rule, s)
			} else if back := m.rule.Back; back != "" && code == m.rule.Code {
				st.add(trig, b, a, back, rule, s)
			} else if code == "043" && !st.c.lex.literal {
				// a host's guest makes the visit: "X received Y" is also
				// Y's visit to X (042)
				st.add(trig, b, a, "042", rule, s)
			}
		}
	}
}

// within reports whether every target shares a source's code.
func within(tgts, srcs []Actor) bool {
	for _, b := range tgts {
		in := false
		for _, a := range srcs {
			in = in || a.Code == b.Code
		}
		if !in {
			return false
		}
	}
	return true
}

func country(c string) string {
	if len(c) >= 3 {
		return c[:3]
	}
	return c
}

// actorSubject reports whether clause t's subject names an actor: "Sudan
// must return" is a demand on Sudan, "gold should rise" a forecast.
func (st *sent) actorSubject(t int) bool {
	subj, _ := st.subject(t)
	if subj < 0 {
		return false
	}
	if !st.c.lex.literal && (st.inert(subj) || namedAfterPlace[st.lemma(subj)]) {
		return false // "French output should grow", "the pacts should serve": a forecast of things
	}
	return len(st.srcNP(subj, nil)) > 0
}

// sameActor reports whether a and b are one actor: the same entity when
// the entity stage names both (Texaco and Pennzoil are two firms, both
// USABUS), else the same code.
func sameActor(a, b Actor) bool {
	if a.Entity != "" && b.Entity != "" {
		return a.Entity == b.Entity
	}
	return a.Code == b.Code
}

// otherSubject reports whether clause t's subject names an actor other
// than the subject of g, the verb of saying it hangs from: "Obama says his
// successor should do more" (his own side) and "Russia said it must
// respond" tell what the speaker's own side ought to do, which is no
// demand on anyone.
func (st *sent) otherSubject(t, g int) bool {
	if !st.actorSubject(t) {
		return false
	}
	subj, _ := st.subject(t)
	speaker, _ := st.subject(g)
	if speaker < 0 {
		return true
	}
	own := st.srcNP(speaker, nil)
	for _, a := range st.srcNP(subj, nil) {
		if !slices.ContainsFunc(own, func(b Actor) bool {
			// a country speaks for all its parts and is spoken for by
			// each; a court and a firm of one country are two sides
			return a.Code == b.Code || (len(a.Code) == 3 || len(b.Code) == 3) && country(a.Code) != "---" && country(a.Code) == country(b.Code)
		}) {
			return true
		}
	}
	return false
}

// pronounSubject reports whether clause t's subject is a pronoun ("it
// would retaliate"), which names a party even when no actor is known.
func (st *sent) pronounSubject(t int) bool {
	subj, _ := st.subject(t)
	return subj >= 0 && st.tok(subj).UPOS == "PRON"
}

// phoneCall reports whether "call" at g takes its listener as a direct
// object with no "on" ("Baker called Miyazawa to warn him"): a telephone
// call for a purpose, not an appeal ("called on Japan to open").
func (st *sent) phoneCall(g int) bool {
	if st.lemma(g) != "call" || st.c.lex.literal || st.objOf(g) < 0 {
		return false
	}
	for _, k := range st.kids(g) {
		if l := st.lemma(k); l == "on" || l == "upon" {
			return false
		}
		if st.hasCase(k, "on") || st.hasCase(k, "upon") {
			return false
		}
	}
	return true
}

// question reports whether clause t is an indirect question ("asked
// whether Bush had opposed it"), whose subject is asked about, not asked.
func (st *sent) question(t int) bool {
	if st.c.lex.literal {
		return false
	}
	switch st.markLemma(t) {
	case "whether", "if":
		return true
	}
	return false
}

// obliged reports whether clause t says its subject must act: "must",
// "should" or "has to".
func (st *sent) obliged(t int) bool {
	for _, k := range st.kids(t) {
		if st.base(k) == "aux" && st.c.lex.in(clsOblige, st.lemma(k)) {
			return true
		}
	}
	return false
}

// material reports whether code is a material conflict (quad class 4:
// protest, force, coercion, assault), an act worth coding even when only
// the role of who did it is known ("students staged a protest").
func material(code string) bool {
	cc, ok := cameo.Resolve(code)
	return ok && cc.QuadClass == 4
}

// conflict reports whether code is a conflictual act (quad class 3 or 4).
func conflict(code string) bool {
	cc, ok := cameo.Resolve(code)
	return ok && cc.QuadClass >= 3
}

// ownVoice turns a material act into the intent (cooperation) or threat
// (conflict) to do it.
func (st *sent) ownVoice(code string) string {
	cc, ok := cameo.Resolve(code)
	if !ok {
		return code
	}
	var f *Frame
	switch cc.QuadClass {
	case 2, 1:
		if cc.Root == "03" || cc.Root == "01" || cc.Root == "02" {
			return code
		}
		f = st.c.lex.frames["intent"]
	case 4:
		f = st.c.lex.frames["threat"]
	}
	if f == nil {
		return code
	}
	return f.Code(code)
}

// statedFuture reports whether the act at anchor is announced for the
// future by someone: "will" or "would" in reported speech ("said it would
// allow", "X will visit Y, the embassy said"). A narrator's "will" tells
// a scheduled act, coded as the act with its modality.
func (st *sent) statedFuture(anchor int, s status) bool {
	if !s.reported {
		return false
	}
	switch s.modality {
	case ModFuture:
		return true
	case ModPossible:
		for _, t := range [2]int{anchor, st.head(anchor)} {
			if t < 0 || t != anchor && st.base(anchor) != "conj" {
				continue
			}
			for _, k := range st.kids(t) {
				if st.base(k) == "aux" && st.lemma(k) == "would" {
					return true
				}
			}
		}
	}
	return false
}

// refusal turns a cooperative act announced as not to happen ("will not
// accept refugees") into the rejection of it.
func (st *sent) refusal(code string) string {
	cc, ok := cameo.Resolve(code)
	if !ok || cc.QuadClass > 2 || cc.Root == "01" || cc.Root == "02" || cc.Root == "03" {
		return code
	}
	if f := st.c.lex.frames["reject"]; f != nil {
		return f.Code(code)
	}
	return code
}

// pronounActors resolves a third-person pronoun subject p of a clause
// reported by speech verb say, which the actors handed in leave unresolved:
// the nearest actor named as a subject of another verb between the speech
// verb and p ("the IMF has assured Moi it will continue to give ..., the
// agency said": the IMF), else the speaker ("Japan said it had halted
// aid"). speaker says which it is.
func (st *sent) pronounActors(p, say int) (as []Actor, speaker bool) {
	from := st.first
	if say < p {
		from = say + 1
	}
	for j := p - 1; j >= from; j-- {
		if st.base(j) != "nsubj" || st.head(j) == say || st.tok(j).UPOS == "PRON" {
			continue
		}
		if h := st.head(j); h < 0 || st.rel(h) == "acl:relcl" {
			continue
		}
		if as := st.srcNP(j, st.s.npBuf[:0]); len(as) > 0 && !onlyRoles(as) {
			return as, false
		}
	}
	sp := st.speakerActors(say)
	if len(sp) == 1 && sp[0].Person && st.pluralPronoun(p) {
		return nil, false // "Chirac attacked the proposals, saying they ignore cuts"
	}
	return sp, true
}

// pluralPronoun reports whether t is "they", "them" or "their".
func (st *sent) pluralPronoun(t int) bool {
	switch strings.ToLower(st.d.Form(t)) {
	case "they", "them", "their", "themselves":
		return true
	}
	return false
}

func (st *sent) speakerActors(say int) []Actor {
	s, p := st.subject(say)
	if p {
		s = st.agentOf(say)
	}
	return st.np(s, st.s.npBuf[:0])
}

// ownReadings applies dyad's readings of who does what to an event about
// to be added (off in compat mode, which codes as PETRARCH does): it
// returns the target and code to keep, or false to drop the event.
func (st *sent) ownReadings(trig int, a, b Actor, code string) (Actor, string, bool) {
	if (strings.HasPrefix(code, "042") || strings.HasPrefix(code, "043")) && (st.namesThing(b) || st.lemma(trig) == "receive" && st.namesThing(a)) {
		// "received Food and Drug Administration approval": no visitor, no
		// host (the received one is the source of the pair's other side)
		return b, code, false
	}
	if (code == "042" || code == "043") && b.Code == "" {
		return b, code, false // "attended a parliamentary session", "will host events": no visit
	}
	if code == "041" && st.lemma(trig) == "call" && !st.isVerb(trig) {
		for _, k := range st.kids(trig) {
			if st.base(k) == "acl" && st.markLemma(k) == "to" {
				// "MITI's call to chip makers to cut output": an appeal, no
				// phone call, and only by the caller
				if a.First > trig {
					return b, code, false
				}
				code = "020"
				break
			}
		}
	}
	if (strings.HasPrefix(code, "043") || strings.HasPrefix(code, "042")) && st.lemma(trig) == "receive" {
		if o := st.objOf(trig); o >= 0 && (st.inert(o) || st.tok(o).UPOS == "NUM") {
			return b, code, false // "traders in France received 18,000 tonnes, in Denmark 15,000": goods
		}
	}
	if len(b.Code) == 3 && country(a.Code) == b.Code {
		switch code[:2] {
		case "10":
			return b, code, false // "Japan should use fiscal funds," Japan's minister said: a policy view, no demand
		case "13":
			b = Actor{} // "Iran's navy warned that Iran would close the strait": its own threat, against no one named
		}
	}
	if b.Code != "" && b.Last == b.First+1 && country(a.Code) == country(b.Code) && !strings.HasPrefix(a.Code, "---") {
		if tk := st.tok(b.First); tk.UPOS == "PRON" && strings.Contains(tk.Feats, "Poss=Yes") {
			if strings.HasPrefix(code, "04") {
				return b, code, false // "Reagan and his advisers discussed": talks within one side
			}
			b = Actor{} // "lifted its ban on its diplomats": the source's own, no target
		}
	}
	if business(a.Code) && (b.Code == "" || business(b.Code)) && !strings.HasPrefix(code, "01") && !deed(code) {
		// a firm's deal with another firm, or with no one named ("the
		// company agreed to sell its unit", "the bank was pressing Dome
		// to sell"), is commerce; a firm's acts towards a state or a
		// group, its statements and its deeds, stay coded
		return b, code, false
	}
	if business(a.Code) && (b.Code == "" || business(b.Code)) && cooperative(code) && deed(code) {
		return b, code, false // material cooperation between firms is trade
	}
	if strings.HasPrefix(code, "086") && business(b.Code) {
		// "the ruling allowed the companies to offer services": a licence
		// to firms, no international involvement let in
		return b, code, false
	}
	if strings.HasPrefix(code, "14") && (st.child1(trig, "ccomp") >= 0 || st.objOf(trig) >= 0) && st.lemma(trig) == "demonstrate" {
		return b, code, false // "the Fed demonstrated that policy had not changed": showed, no protest
	}
	if strings.HasPrefix(code, "04") && (media(a.Code) || media(b.Code)) {
		return b, code, false // "speaking to reporters", "met reporters": statements, which the quotes carry
	}
	if business(a.Code) && strings.HasPrefix(code, "17") {
		// "banks shut down branch offices", "an agreement that restricts
		// the buyer": a firm's measures are no coercion of state
		return b, code, false
	}
	if business(a.Code) && wordsOfForce[st.lemma(trig)] && (strings.HasPrefix(code, "18") || strings.HasPrefix(code, "19")) {
		return b, code, false // "the company was targeting the U.S. for its expansion": markets, not force
	}
	if a.Person && (b.Person || unarmed(a.Code)) && wordsOfForce[st.lemma(trig)] && (strings.HasPrefix(code, "18") || strings.HasPrefix(code, "19")) {
		// "Sanders attacked Clinton", "the candidate targeted Mexico": a
		// person's force against another named person, or by one who
		// commands no forces, is, in the news, words
		code = "111"
	}
	if (strings.HasPrefix(code, "042") || strings.HasPrefix(code, "043") || code == "084") && len(b.Code) == 3 && strings.HasPrefix(a.Code, b.Code) {
		// "Clinton visited a memorial in Washington", "Reagan returned to
		// the United States": a trip at home is no visit, and coming home
		// hands nothing over
		if code == "084" {
			return b, code, false
		}
		b = Actor{}
	}
	return b, code, true
}

// add appends an event; an actor code listing several actors
// ("FRO/BIL/SAM", from PETRARCH dictionaries) codes one event per actor.
func (st *sent) add(trig int, a, b Actor, code, rule string, s status) {
	if !st.c.lex.literal {
		var keep bool
		if b, code, keep = st.ownReadings(trig, a, b, code); !keep {
			return
		}
	}
	if b.Code != "" && b.Start >= a.Start && b.End <= a.End && (b.Start != a.Start || b.End != a.End) {
		// "visiting British minister Howard": a word of the doer's own
		// name is not whom the act is aimed at
		b = Actor{}
	}
	if strings.IndexByte(a.Code, '/') >= 0 || strings.IndexByte(b.Code, '/') >= 0 {
		for _, ac := range strings.Split(a.Code, "/") {
			for _, bc := range strings.Split(b.Code, "/") {
				a1, b1 := a, b
				a1.Code, b1.Code = ac, bc
				st.add1(trig, a1, b1, code, rule, s)
			}
		}
		return
	}
	st.add1(trig, a, b, code, rule, s)
}

// locative reports whether token t is in a place named after in, at or
// near.
func (st *sent) locative(t int) bool {
	a, ok := st.roleAt(t)
	if !ok || !a.Place || a.First <= st.first {
		return false
	}
	k := a.First - 1
	if st.lemma(k) == "the" && k > st.first {
		k--
	}
	switch st.lemma(k) {
	case "in", "at", "near":
		return true
	}
	return false
}

// location returns the place named in a locative phrase ("in Baghdad",
// "at Camp David") of the trigger or its light verb, when it is not a
// participant.
func (st *sent) location(trig int, a, b Actor) Actor {
	for _, t := range [2]int{trig, st.head(trig)} {
		if t < 0 {
			continue
		}
		for _, k := range st.kids(t) {
			if b := st.base(k); b != "obl" && b != "nmod" {
				continue
			}
			if !st.hasCase(k, "in") && !st.hasCase(k, "at") && !st.hasCase(k, "near") {
				continue
			}
			if p, ok := st.roleAt(k); ok && p.Place && p.Start != a.Start && p.Start != b.Start {
				return p
			}
		}
		if st.tok(trig).UPOS == "VERB" {
			break // a verb's own phrases only; a noun also its verb's
		}
	}
	return Actor{}
}

func (st *sent) add1(trig int, a, b Actor, code, rule string, s status) {
	if a.Code == b.Code && a.Start == b.Start {
		return
	}
	if a.Code == b.Code {
		return // an actor does not act on itself
	}
	st.out = append(st.out, Event{Sentence: st.idx, Source: a, Target: b, Code: code, Trigger: trig, Time: -1,
		Location: st.location(trig, a, b),
		Negated:  s.negated, Reported: s.reported, Modality: s.modality, Rule: rule,
		Mentions: []Mention{{Sentence: st.idx, Trigger: trig}}})
}

// codeComment codes a speech verb whose complement carries a comment cue
// ("said he was cautious about ..." 012) towards the first other actor named
// in it.
func (st *sent) codeComment(t int) {
	comp := -1
	for _, k := range st.kids(t) {
		if st.base(k) == "ccomp" {
			comp = k
			break
		}
	}
	if comp < 0 && st.base(t) == "parataxis" {
		comp = st.head(t)
	}
	if comp < 0 {
		return
	}
	srcs := st.speakerActors(t)
	if len(srcs) == 0 || business(srcs[0].Code) {
		return // a firm's outlook ("traders said ... cautious") is no stance of state
	}
	holder := -1
	if _, ok := st.c.lex.cues[st.lemma(comp)]; ok && st.base(t) != "parataxis" {
		// "the official said Washington was concerned about the bank":
		// the concern is Washington's, the bank its target
		if k := st.child1(comp, "nsubj"); k >= 0 {
			if a, ok := st.actorAt(k); ok && a.Code != srcs[0].Code {
				holder, srcs = k, []Actor{a}
			}
		}
	}
	code := ""
	tgt := Actor{}
	for k := st.first; k < st.last; k++ {
		if k == t || !st.subtreeHas(comp, k) || st.base(t) == "parataxis" && st.subtreeHas(t, k) {
			continue
		}
		if c, ok := st.c.lex.cues[st.lemma(k)]; ok && code == "" {
			if st.heldBy(k) {
				continue // "missiles that provoked U.S. concern": the concern is another's
			}
			code = c
		}
		if holder >= 0 && st.subtreeHas(holder, k) || st.locative(k) {
			continue // "a cautious rally in London": where, not at whom
		}
		if a, ok := st.actorAt(k); ok && tgt.Code == "" && country(a.Code) != country(srcs[0].Code) {
			// the speaker's own side ("said Moscow felt indignation")
			// is who holds the view, not its target
			tgt = a
		}
	}
	if code == "" || tgt.Code == "" {
		return
	}
	s := st.assess(t)
	if s.drop {
		return
	}
	s.reported = false
	for _, a := range srcs {
		st.add(t, a, tgt, code, "cue", s)
	}
}

// unrealized are the modifiers of an event noun that say it has not
// happened: "the proposed agreement", "a planned visit".
var unrealized = map[string]bool{"proposed": true, "propose": true, "planned": true, "plan": true, "possible": true,
	"potential": true, "prospective": true, "draft": true, "future": true, "expected": true, "mooted": true,
	"envisaged": true, "hypothetical": true, "would-be": true, "eventual": true}

// modalSubject reports whether event noun t is the subject of a clause
// hedged by would, could, might or may: a supposed event.
func (st *sent) modalSubject(t int) bool {
	h := st.head(t)
	if h < 0 || st.base(t) != "nsubj" {
		return false
	}
	for _, k := range st.kids(h) {
		if st.base(k) == "aux" {
			switch strings.ToLower(st.d.Form(k)) {
			case "would", "could", "might", "may":
				return true
			}
		}
	}
	return false
}

// unrealized reports whether event noun t is modified as not (yet) done.
func (st *sent) unrealized(t int) bool {
	for _, k := range st.kids(t) {
		if st.base(k) == "amod" && k < t && (unrealized[st.lemma(k)] || unrealized[strings.ToLower(st.d.Form(k))]) {
			return true
		}
	}
	return false
}

// heldBy reports whether stance noun k names whose it is ("U.S. concern",
// "Moscow's indignation"): that one holds it, not the speaker.
func (st *sent) heldBy(k int) bool {
	if st.tok(k).UPOS != "NOUN" {
		return false
	}
	for _, c := range st.kids(k) {
		switch st.base(c) {
		case "compound", "amod", "nmod:poss":
			if _, ok := st.actorAt(c); ok {
				return true
			}
		}
	}
	return false
}

// dropFramed removes events of frame governors' own rules where the frame
// coded the governor with its complement ("urged X to meet" is 026, not 020 too).
func (st *sent) dropFramed() {
	if len(st.framed) == 0 {
		return
	}
	out := st.out[:0]
	for _, e := range st.out {
		if e.Sentence == st.idx && st.framed[e.Trigger] && !strings.HasPrefix(e.Rule, "frame:") {
			continue
		}
		out = append(out, e)
	}
	st.out = out
}

// continuesQuote reports whether the sentence opens inside a quotation with
// no speech verb of its own, so its first person is the last speaker.
func (st *sent) continuesQuote() bool {
	if st.first >= st.last {
		return false
	}
	switch st.d.TokenText(st.first) {
	case "\"", "“", "'", "‘":
	default:
		return false
	}
	for t := st.first; t < st.last; t++ {
		if st.c.lex.in(clsSay, st.lemma(t)) && st.tok(t).UPOS == "VERB" {
			return false
		}
	}
	return true
}

// lastSpeaker returns the actor of the sentence's last speech verb.
func (st *sent) lastSpeaker() *Actor {
	for t := st.last - 1; t >= st.first; t-- {
		if st.tok(t).UPOS == "VERB" && st.c.lex.in(clsSay, st.lemma(t)) {
			if as := st.speakerActors(t); len(as) > 0 {
				a := as[0]
				return &a
			}
		}
	}
	return st.speaker
}

// attachTime returns the time span attached to e's trigger: one whose
// phrase depends on the trigger's clause ("met on Friday").
func attachTime(d *doc.Document, e *Event, times []Span) int {
	if len(times) == 0 || e.Sentence >= len(d.Sentences) {
		return -1
	}
	se := d.Sentences[e.Sentence]
	anchor := e.Trigger
	if h := d.Tokens[anchor].Head; d.Tokens[anchor].UPOS == "NOUN" && h >= 0 {
		anchor = h
	}
	for i, sp := range times {
		if sp.Start < d.Tokens[se.First].Start || sp.End > d.Tokens[se.Last-1].End {
			continue
		}
		// the span's top token: the one whose head lies outside the span
		top := -1
		for t := se.First; t < se.Last; t++ {
			tk := &d.Tokens[t]
			if tk.Start >= sp.Start && tk.End <= sp.End {
				h := tk.Head
				if h < 0 || d.Tokens[h].Start < sp.Start || d.Tokens[h].End > sp.End {
					top = t
					break
				}
			}
		}
		for u, n := top, 0; u >= 0 && n < 6; n++ {
			h := d.Tokens[u].Head
			if h < 0 {
				break
			}
			if h == anchor || h == e.Trigger {
				return i
			}
			if up := d.Tokens[h].UPOS; up == "VERB" || up == "AUX" {
				break
			}
			u = h
		}
	}
	return -1
}

// merge folds events told more than once (same source, target, code and
// flags) into the first, keeping every mention.
func merge(evs []Event) []Event {
	out := evs[:0]
	for _, e := range evs {
		dup := false
		for i := range out {
			o := &out[i]
			if o.Source.Code == e.Source.Code && o.Target.Code == e.Target.Code && o.Code == e.Code &&
				o.Negated == e.Negated && o.Modality == e.Modality && (o.Time == e.Time || o.Time < 0 || e.Time < 0) {
				if !(o.Sentence == e.Sentence && o.Trigger == e.Trigger) {
					o.Mentions = append(o.Mentions, e.Mentions...)
				}
				if o.Time < 0 {
					o.Time = e.Time
				}
				// the actors as named, with their entities, over a plural
				// noun that stood for them ("the two kings")
				if o.Source.Entity == "" && e.Source.Entity != "" {
					o.Source = e.Source
				}
				if o.Target.Entity == "" && e.Target.Entity != "" {
					o.Target = e.Target
				}
				o.Reported = o.Reported && e.Reported
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, e)
		}
	}
	return out
}

// oblActor returns the first prepositional dependent of t that names an
// actor, skipping a passive's by-agent.
func (st *sent) oblActor(t int, passive bool) int {
	for _, k := range st.kids(t) {
		switch st.base(k) {
		case "obl", "nmod":
			if st.rel(k) == "obl:agent" || passive && st.hasCase(k, "by") || st.rel(k) == "obl:tmod" {
				continue
			}
			if st.whereNotWho(k) {
				continue
			}
			if len(st.np(k, st.s.tgtBuf[:0])) > 0 {
				return k
			}
		}
	}
	return -1
}

// venues are nouns for the buildings where meetings are held: an act "at
// the offices of X" happens there, X is not its partner.
var venues = map[string]bool{"office": true, "headquarters": true, "building": true, "embassy": true,
	"residence": true, "hotel": true, "palace": true, "home": true, "house": true, "ministry": true}

// whereNotWho reports whether the phrase k says where an act happens, not
// with whom: "in Vienna", "in Brussels Monday", "at the offices of the IMF".
func (st *sent) whereNotWho(k int) bool {
	if !st.hasCase(k, "in") && !st.hasCase(k, "near") && !st.hasCase(k, "at") {
		return false
	}
	if venues[st.lemma(k)] {
		return true
	}
	return !st.hasCase(k, "at") && allPlaces(st.np(k, st.s.tgtBuf[:0]))
}

// allPlaces reports whether as is not empty and names only places.
func allPlaces(as []Actor) bool {
	for _, a := range as {
		if !a.Place {
			return false
		}
	}
	return len(as) > 0
}

// unknownName reports whether t heads a proper name that names no actor:
// a party the dictionary does not know, which the speaker of an
// attribution is not ("Zack said IBP was refusing to bargain").
func (st *sent) unknownName(t int) bool {
	if t < 0 || st.tok(t).UPOS != "PROPN" {
		return false
	}
	if f := st.d.Form(t); f == "" || f[0] < 'A' || f[0] > 'Z' {
		return false // "the kingdom" tagged as a name: a description, maybe of the speaker's
	}
	_, ok := st.roleAt(t)
	return !ok
}

// onlyRoles reports whether as is empty or names roles without a country.
func onlyRoles(as []Actor) bool {
	for _, a := range as {
		if !strings.HasPrefix(a.Code, "---") {
			return false
		}
	}
	return true
}

// favors reports whether verb h has an "in favor" phrase whose noun governs
// the intent frame.
func (st *sent) favors(h int) bool {
	for _, k := range st.kids(h) {
		if st.base(k) == "obl" && st.c.lex.frameOf[st.lemma(k)] != nil && st.c.lex.frameOf[st.lemma(k)].Name == "intent" {
			return true
		}
	}
	return false
}

// preWindow is how many tokens before a trigger a pre-verb word may be.
const preWindow = 6

// preOK reports whether each of words occurs just before trigger t.
func (st *sent) preOK(t int, words []string) bool {
	for _, w := range words {
		found := false
		for k := max(st.first, t-preWindow); k < t && !found; k++ {
			found = st.lemma(k) == w || strings.EqualFold(st.d.Form(k), w)
		}
		if !found {
			return false
		}
	}
	return true
}

// deepActor returns the first actor-naming prepositional phrase under
// nominal n, looking down chains of phrases ("the resumption of ties with
// Osgiliath") up to three deep.
func (st *sent) deepActor(n, depth int) int {
	if k := st.oblActor(n, false); k >= 0 || depth >= 2 {
		return k
	}
	for _, k := range st.kids(n) {
		if b := st.base(k); b == "nmod" || b == "obl" {
			if st.rel(k) == "nmod:tmod" || st.rel(k) == "obl:tmod" || st.whereNotWho(k) {
				continue
			}
			if r := st.deepActor(k, depth+1); r >= 0 {
				return r
			}
		}
	}
	return -1
}

// allRole reports whether every actor has the role ("LAB": workers,
// unions).
func allRole(as []Actor, role string) bool {
	for _, a := range as {
		if !strings.Contains(a.Code[min(3, len(a.Code)):], role) {
			return false
		}
	}
	return len(as) > 0
}

// namesThing reports whether actor mention a only qualifies the common
// noun right after it, on which it hangs ("FDA approval", "Tokyo
// markets"): that noun is the argument, and it names no actor.
func (st *sent) namesThing(a Actor) bool {
	k := a.Last
	if a.Code == "" || k <= a.First || k >= st.last {
		return false
	}
	tk := st.tok(k)
	if tk.UPOS != "NOUN" || st.head(k-1) != k {
		return false
	}
	if _, ok := st.roleAt(k); ok || timeNouns[st.lemma(k)] {
		return false // "Iraqi officials", "U.S. troops", "Moscow next week"
	}
	return st.d.Text[tk.Start] >= 'a' && st.d.Text[tk.Start] <= 'z'
}

// timeNouns can follow a place without being what the place qualifies.
var timeNouns = map[string]bool{"today": true, "tomorrow": true, "yesterday": true, "week": true, "month": true,
	"year": true, "day": true, "weekend": true, "morning": true, "afternoon": true, "evening": true, "night": true}

// media reports whether code is the press's: "---MED", "USAMED".
func media(code string) bool { return strings.HasSuffix(code, "MED") }

// business reports whether an actor code names a business and no
// government or international body ("---BUS", "USABUS"; not "GBRGOVBUS",
// "IGOBUSIMF").
func business(code string) bool {
	return strings.Contains(code, "BUS") && !strings.Contains(code, "GOV") && !strings.HasPrefix(code, "IGO")
}

// onlyByAdjective reports whether phrase h names an actor only through a
// nationality adjective of its head ("Mexican border-crossers"), not by
// its head, a possessor or a name.
func (st *sent) onlyByAdjective(h int) bool {
	if _, ok := st.roleAt(h); ok {
		return false
	}
	adj := false
	for _, k := range st.kids(h) {
		if _, ok := st.roleAt(k); !ok {
			continue
		}
		if st.base(k) != "amod" {
			return false
		}
		adj = true
	}
	return adj
}

// unarmed reports whether actor code a names someone with no forces to
// command: an elite, opposition, party, legislator, civilian, firm or
// medium.
func unarmed(a string) bool {
	if len(a) < 6 {
		return false
	}
	switch a[3:6] {
	case "ELI", "OPP", "PTY", "LEG", "CVL", "BUS", "MED", "NGO", "EDU", "LAB":
		return true
	}
	return false
}

// wordsOfForce are verbs of force that also mean harsh words.
var wordsOfForce = map[string]bool{"attack": true, "target": true, "hit": true, "strike": true, "blast": true,
	"slam": true, "hammer": true, "assail": true, "fire": true, "bash": true, "savage": true, "lash": true,
	"pound": true, "batter": true, "rip": true}

// deed reports whether code is a deed rather than words: material
// cooperation or conflict (quad classes 2 and 4).
func deed(code string) bool {
	cc, ok := cameo.Resolve(code)
	return ok && (cc.QuadClass == 2 || cc.QuadClass == 4)
}

// cooperative reports whether code is verbal or material cooperation
// (quad classes 1 and 2).
func cooperative(code string) bool {
	cc, ok := cameo.Resolve(code)
	return ok && (cc.QuadClass == 1 || cc.QuadClass == 2)
}

// aboutNoAct reports whether the phrase of trigger t holds a verb whose
// matching pattern says it is no act ("to acquire"): t is about that.
func (st *sent) aboutNoAct(t int) bool {
	lex := st.c.lex
	for k := st.first; k < st.last; k++ {
		if k == t || !st.subtreeHas(t, k) {
			continue
		}
		if dealNouns[st.lemma(k)] && st.tok(k).UPOS == "NOUN" {
			return true // "merger negotiations", "talks on the takeover"
		}
		if !st.isVerb(k) {
			continue
		}
		if st.noAct[k] {
			return true
		}
		if rs := lex.verbs[st.lemma(k)]; rs != nil {
			if m, ok := st.matchRules(k, rs, -1); ok && m.rule.Code == NoAct {
				return true
			}
		}
	}
	return false
}

// dealNouns name trades in companies, which acts about them make commerce.
var dealNouns = map[string]bool{"merger": true, "takeover": true, "acquisition": true, "buyout": true, "divestiture": true}

// noneOf reports whether a pattern word of m is denied by its determiner:
// "gave no details".
func (st *sent) noneOf(m match) bool {
	for _, u := range m.used {
		if u < 0 {
			continue
		}
		for _, k := range st.kids(u) {
			if st.base(k) == "det" && st.c.lex.in(clsNeg, st.lemma(k)) {
				return true
			}
		}
	}
	return false
}

// markNoAct records that trigger t is used in a sense that is no act.
func (st *sent) markNoAct(t int) {
	if st.noAct == nil {
		st.noAct = map[int]bool{}
	}
	st.noAct[t] = true
}

// anonymity are the verbs of a source's wish not to be named ("asked not to
// be identified").
var anonymity = map[string]bool{"identify": true, "name": true, "quote": true, "cite": true}

// frameDefaults codes frame governors whose complement holds no known act
// ("agreed to undertake joint exercises" 030, "refused to comply" 120,
// "urged Gondor to reconsider" 020) with the frame's default code, unless
// the governor coded something itself.
func (st *sent) frameDefaults() {
	lex := st.c.lex
	for g := st.first; g < st.last; g++ {
		fr := lex.frameOf[st.lemma(g)]
		if fr == nil && lex.in(clsSay, st.lemma(g)) && !lex.literal {
			if c := st.child1(g, "ccomp"); c >= 0 && st.obliged(c) && st.otherSubject(c, g) {
				fr = lex.frames["demand"]
			}
		}
		if fr == nil || !st.isVerb(g) || st.framed[g] || st.hasEventAt(g) || lex.in(clsWeakIntent, st.lemma(g)) || st.isPassive(g) || st.phoneCall(g) {
			continue // "wants to", "is expected to" state no intent of their own
		}
		comp := st.complement(g)
		if comp < 0 || st.noAct[comp] || st.noAct[g] {
			continue // "agreed to acquire the unit": commerce, not an intent
		}
		if st.predicative(g) || st.rel(g) == "acl" && st.pastParticiple(g) {
			continue // "calling it scandalous that ...", "a coin called the Britannia": naming, not an appeal
		}
		if st.lemma(g) == "insist" && !st.obliged(comp) && !st.subjunctive(comp) {
			continue // "insisted she hadn't": an assertion
		}
		if st.question(comp) {
			continue // "asked whether Bush had opposed the sales": a question, no appeal
		}
		if st.child1(comp, "aux:pass") >= 0 && (fr == lex.frames["reject"] || anonymity[st.lemma(comp)]) {
			continue // "officials, who declined to be named / asked not to be identified": anonymity
		}
		s := st.assess(g)
		if s.drop {
			continue
		}
		subj, passive := st.subject(g)
		if passive {
			subj = st.agentOf(g)
		}
		srcs := st.srcNP(subj, st.s.npBuf[:0])
		if len(srcs) == 0 && s.say >= 0 && st.isThirdPerson(subj) && !st.inQuote(subj) {
			srcs, _ = st.pronounActors(subj, s.say)
		}
		quotedOther := subj >= 0 && st.inQuote(subj) && !st.isFirstPerson(subj)
		if onlyRoles(srcs) && s.say >= 0 && !st.unknownName(subj) && !quotedOther {
			// (a quoted subject other than "I" or "we" is not the
			// speaker: "some of the things they're asking you to do,"
			// he said)
			if sp := st.speakerActors(s.say); len(sp) > 0 && !business(sp[0].Code) && !(len(srcs) > 0 && onlyRoles(sp)) {
				srcs = sp
			}
		}
		if len(srcs) == 0 {
			continue
		}
		tgt := -1
		if fr.TargetObj {
			tgt = st.objOrIobj(g) // "asked Germany to cut rates", Germany parsed as either
			if tgt < 0 && st.base(comp) == "ccomp" {
				tgt, _ = st.subject(comp)
			}
		} else {
			tgt = st.firstActorIn(comp, srcs)
		}
		if tgt >= 0 && st.inAttribution(tgt) {
			tgt = -1
		}
		if tgt < 0 && len(srcs) < 2 && (st.lemma(g) == "favor" || st.lemma(g) == "favour") {
			continue // "he favoured raising the rates": a preference, no accord with anyone
		}
		code := fr.ByRoot["*"]
		if fr == lex.frames["threat"] && st.lemma(g) == "warn" && st.base(comp) == "ccomp" && !st.actorSubject(comp) && !st.pronounSubject(comp) {
			// "warned that labour costs had risen": a gloomy forecast
			// (012), no threat of anyone's act
			code = "012"
		}
		if (lex.in(clsSay, st.lemma(comp)) || lex.in(clsDisclose, st.lemma(comp))) && fr == lex.frames["reject"] && st.base(comp) == "xcomp" {
			// "declined to say if any firms had evaded the charge":
			// declining to comment (011), on whatever the question names;
			// not a closing "..., the spokesman said" hung on the verb
			code, tgt = fr.Code("010"), -1
		}
		// Coordinated subjects of a stated intent share it ("Iran and Iraq
		// agreed to cooperate": with each other); of a refusal or a threat
		// they act side by side ("the IMF and the World Bank refused to
		// continue financing"), not on each other.
		m := match{rule: &Rule{Code: code, Src: "frame:" + fr.Name, Sym: !fr.TargetObj && fr == lex.frames["intent"]}, target: tgt}
		if st.framed == nil {
			st.framed = map[int]bool{}
		}
		st.framed[g] = true
		st.emitAt(g, m, srcs, s)
	}
}

func (st *sent) hasEventAt(t int) bool {
	for i := len(st.out) - 1; i >= 0 && st.out[i].Sentence == st.idx; i-- {
		if st.out[i].Trigger == t {
			return true
		}
	}
	return false
}

// firstActorIn returns the first token in the subtree of r naming an actor
// that is not one of srcs.
func (st *sent) firstActorIn(r int, srcs []Actor) int {
	for k := st.first; k < st.last; k++ {
		if !st.subtreeHas(r, k) {
			continue
		}
		if a, ok := st.actorAt(k); ok {
			mine := false
			for _, s := range srcs {
				mine = mine || s.Code == a.Code
			}
			if !mine {
				return k
			}
		}
	}
	return -1
}

// emitAt codes a frame default: the sources against the target's actors,
// or every pair of coordinated sources when there is no target.
func (st *sent) emitAt(g int, m match, srcs []Actor, s status) {
	tgts := st.notTeller(st.np(m.target, st.s.tgtBuf[:0]))
	switch {
	case len(tgts) > 0:
		for _, a := range srcs {
			for _, b := range tgts {
				st.add(g, a, b, m.rule.Code, m.rule.Src, s)
			}
		}
	case len(srcs) >= 2 && m.rule.Sym:
		st.partners(g, srcs, m.rule.Code, m.rule.Src, s)
	case !st.c.opts.RequireTarget:
		for _, a := range srcs {
			st.add(g, a, Actor{}, m.rule.Code, m.rule.Src, s)
		}
	}
}

// predicative reports whether verb g has an adjective or noun as its
// open complement ("called it scandalous", "found it hard", "called him a
// liar", however the parser hangs the second noun): then it names or
// judges, and a clause it also governs is what the judgement is about.
func (st *sent) predicative(g int) bool {
	if h := st.head(g); h >= 0 && st.rel(g) == "acl:relcl" && st.lemma(h) == "what" && (st.objOf(g) >= 0 || st.asPhrase(g)) {
		// "what he calls Japan's failure", "what Baghdad hailed as Iran's
		// failure": "what" is the name's other object
		return true
	}
	objs := 0
	for _, k := range st.kids(g) {
		switch st.base(k) {
		case "xcomp":
			if u := st.tok(k).UPOS; u == "ADJ" || u == "NOUN" {
				return true
			}
		case "obj":
			objs++
			// "calling Obama the most valuable player" read as an
			// apposition: a common noun right after the object, no comma
			for _, a := range st.kids(k) {
				if st.base(a) == "appos" && st.tok(a).UPOS == "NOUN" && !st.commaBetween(k, a) {
					return true
				}
			}
		}
	}
	return objs >= 2 // "called the deal a disaster" read with two objects
}

// asPhrase reports whether g has an "as" phrase ("hailed it as a victory").
func (st *sent) asPhrase(g int) bool {
	for _, k := range st.kids(g) {
		if st.hasCase(k, "as") {
			return true
		}
	}
	return false
}

// commaBetween reports whether a comma stands between tokens a and b.
func (st *sent) commaBetween(a, b int) bool {
	for k := min(a, b) + 1; k < max(a, b); k++ {
		if st.d.Form(k) == "," {
			return true
		}
	}
	return false
}

// complement returns the verb of g's clausal complement, -1 when none.
func (st *sent) complement(g int) int {
	for _, k := range st.kids(g) {
		if b := st.base(k); b == "xcomp" || b == "ccomp" || b == "advcl" && st.markLemma(k) == "to" {
			if st.isVerb(k) {
				return k
			}
		}
	}
	return -1
}

// partners codes a shared act of several sources: between each other
// ("Iran and Iraq agreed to exchange prisoners"); towards a third party
// the clause it governs names ("creditors and Kuwait agreed to refinance
// Yugoslavia's debt"); or, among more than maxPartners ("the United States,
// West Germany, Japan, France, Britain and Canada agreed"), as each one's
// own multilateral act with no dyads.
func (st *sent) partners(trig int, srcs []Actor, code, rule string, s status) {
	var third Actor
	apart := false
	if !st.c.lex.literal {
		third, apart = st.complementActor(trig, srcs)
		apart = apart || len(srcs) > maxPartners
	}
	if !apart {
		st.pairs(trig, srcs, code, rule, s)
		return
	}
	for _, a := range srcs {
		st.add(trig, a, third, code, rule, s)
	}
}

// complementActor returns the first country or organization, none of
// srcs, that a clause governed by trig names as a party: an object, a
// possessor or the object of "of", "to" or "for" ("agreed to refinance
// Yugoslavia's debt"), not a place where it happens ("in Geneva").
func (st *sent) complementActor(trig int, srcs []Actor) (Actor, bool) {
	for t := st.first; t < st.last; t++ {
		if t == trig || !st.subtreeHas(trig, t) {
			continue
		}
		switch st.base(t) {
		case "obj", "iobj":
		case "nmod", "obl":
			if st.rel(t) != "nmod:poss" && !st.hasCase(t, "of") && !st.hasCase(t, "to") && !st.hasCase(t, "for") {
				continue
			}
		default:
			continue
		}
		if !st.inComplement(t, trig) {
			continue
		}
		a, ok := st.actorAt(t)
		if !ok || slices.ContainsFunc(srcs, func(b Actor) bool { return country(b.Code) == country(a.Code) }) {
			continue
		}
		return a, true
	}
	return Actor{}, false
}

// inComplement reports whether t lies in a clause that trig governs: a
// word between them is an xcomp or ccomp, or takes an infinitival "to"
// (which the parser may read as a preposition: "agreed on March 31 to
// refinance"). An object of trig itself is what the act is about
// ("discussed Syria"), not a party to it.
func (st *sent) inComplement(t, trig int) bool {
	for u, d := st.head(t), 0; u >= 0 && u != trig && d < 64; u, d = st.head(u), d+1 {
		if b := st.base(u); b == "xcomp" || b == "ccomp" {
			return true
		}
		for _, k := range st.kids(u) {
			if st.lemma(k) == "to" && (st.base(k) == "mark" || st.base(k) == "case") && st.tok(u).UPOS != "PROPN" {
				return true
			}
		}
	}
	return false
}

// maxPartners is the most parties a shared act is split into dyads for.
const maxPartners = 4

// twoSides reads "A and B, C and D", a list of three or more with "and"
// both after its first item and before its last, as two sides: A, and the
// list B, C, D. It returns the position of the first "and" (the cut), or
// -1 for an ordinary list ("A, B and C").
func (st *sent) twoSides(t int) int {
	var conj []int
	var walk func(u int)
	walk = func(u int) { // parsers chain conjuncts either way
		for _, k := range st.kids(u) {
			if st.base(k) == "conj" {
				conj = append(conj, k)
				walk(k)
			}
		}
	}
	walk(t)
	slices.Sort(conj)
	if len(conj) < 3 {
		return -1
	}
	ccOf := func(c int) int {
		for _, k := range st.kids(c) {
			if st.base(k) == "cc" && st.lemma(k) == "and" {
				return k
			}
		}
		return -1
	}
	first, last := ccOf(conj[0]), ccOf(conj[len(conj)-1])
	if first < 0 || last < 0 {
		return -1
	}
	return first
}

// pairs codes a symmetric act between every ordered pair of actors.
func (st *sent) pairs(trig int, as []Actor, code, rule string, s status) {
	for i := range as {
		for j := range as {
			if i != j {
				st.add(trig, as[i], as[j], code, rule, s)
			}
		}
	}
}

// namesModal reports whether pattern words include a modal auxiliary.
func (st *sent) namesModal(words []string) bool {
	for _, w := range words {
		if st.c.lex.in(clsPossible, w) || st.c.lex.in(clsFuture, w) {
			return true
		}
	}
	return false
}

// namesNegation reports whether pattern words include a negator.
func (st *sent) namesNegation(words []string) bool {
	for _, w := range words {
		if st.c.lex.in(clsNeg, w) {
			return true
		}
	}
	return false
}

// targetless reports whether an act may be coded without a target: a
// pattern that names none ("demonstrate", "lift curfew") or has words of
// its own ("lift blockade of +"), or one whose object is there but names no
// actor ("closed the border"); an event noun only after a light verb –
// never a bare event noun ("Brazilian loans") nor a transitive verb used
// alone ("American Express closed at 72").
func (st *sent) targetless(trig int, r *Rule, light int) bool {
	if r.Noun {
		// "activists staged a protest", "police launched an
		// investigation": the light verb makes the noun an act.
		return light >= 0
	}
	if r.Target == "" || len(r.Words) > 0 {
		// a pattern with its own words names the act well enough: "the
		// army lifted the blockade"
		return true
	}
	// the object, or a passive's subject, is there but names no actor
	return r.Target == "obj" && (st.objOf(trig) >= 0 || st.child1(trig, "nsubj:pass") >= 0)
}

// linearTarget returns the first token after verb t, within its clause,
// that names a country or organization: the actor PETRARCH's linear
// patterns would take as the target; -1 when none. The clause ends at a
// finite verb or a colon or semicolon.
func (st *sent) linearTarget(t int) int {
	if st.c.lex.in(clsSay, st.lemma(t)) || st.c.lex.in(clsClaim, st.lemma(t)) {
		return -1 // what follows a speech verb is what was said
	}
	for k := t + 1; k < st.last && k <= t+15; k++ {
		switch st.d.Form(k) {
		case ";", ":":
			return -1
		case ",":
			if st.attribution(k) {
				return -1 // "..., a senior Bree official said": the teller
			}
		}
		if st.isVerb(k) && st.finite(k) && strings.Contains(st.tok(k).Feats, "VerbForm=Fin") {
			return -1
		}
		if _, ok := st.actorAt(k); ok {
			return k
		}
	}
	return -1
}

// attribution reports whether the stretch after comma c, up to the next
// comma or the end, holds a speech verb: "..., officials said on Friday".
func (st *sent) attribution(c int) bool {
	for k := c + 1; k < st.last; k++ {
		if st.d.Form(k) == "," {
			return false
		}
		if st.tok(k).UPOS == "VERB" && st.c.lex.in(clsSay, st.lemma(k)) {
			return true
		}
	}
	return false
}

// inAttribution reports whether token k is in the speaker's phrase of a
// closing attribution: between a comma and the speech verb that follows
// it ("..., Tehran radio said"), or after a speech verb right after a comma
// ("..., said Foreign Minister X"), with no other verb in the stretch.
func (st *sent) inAttribution(k int) bool {
	c := -1
	for j := k - 1; j >= st.first; j-- {
		if st.d.Form(j) == "," {
			c = j
			break
		}
		if st.isClauseVerb(j) && !(st.c.lex.in(clsSay, st.lemma(j)) && st.tok(j).UPOS == "VERB") {
			return false
		}
	}
	if c < 0 {
		return false
	}
	say := -1
	for j := c + 1; j < st.last; j++ {
		if j != k && (st.d.Form(j) == "," || st.d.Form(j) == ";" || st.d.Form(j) == ":") {
			if f := j + 1; st.d.Form(j) == "," && f < st.last && st.tok(f).UPOS == "VERB" && st.c.lex.in(clsSay, st.lemma(f)) && st.finite(f) {
				// "..., Lin, an industry official, said"
				say = f
			}
			break
		}
		if st.tok(j).UPOS == "VERB" && st.c.lex.in(clsSay, st.lemma(j)) && st.finite(j) {
			say = j
			break
		}
		if st.isClauseVerb(j) {
			return false
		}
	}
	if say < 0 {
		return false
	}
	for _, x := range st.kids(say) {
		if st.base(x) == "ccomp" && x > say {
			return false // "..., Tehran radio said Iraq attacked": a report of its own
		}
	}
	if say < k {
		// ", said Foreign Minister X": no verb between the speech verb and k
		for j := say + 1; j < k; j++ {
			if st.isClauseVerb(j) {
				return false
			}
		}
	}
	return true
}

// notTeller drops the actors named in a closing attribution's speaker
// phrase: an argument found deep in a misread phrase ("up on 165 ..., Lin,
// an industry association spokesman, told Reuters") is the teller.
func (st *sent) notTeller(as []Actor) []Actor {
	out := as[:0]
	for _, a := range as {
		if a.First >= st.first && a.First < st.last && st.inAttribution(a.First) {
			continue
		}
		out = append(out, a)
	}
	return out
}

// isClauseVerb reports whether t is a verb or auxiliary: a clause of its own.
func (st *sent) isClauseVerb(t int) bool {
	u := st.tok(t).UPOS
	return u == "VERB" || u == "AUX"
}

// adjacent reports whether the words a rule joins ("_" in a PETRARCH
// pattern) stand next to each other in the text, as found for trigger t.
func (st *sent) adjacent(t int, r *Rule, light int) bool {
	if len(r.Joined) == 0 {
		return true
	}
	prev := -1
	for i, w := range r.Words {
		k := -1
		if i < len(r.Joined) && r.Joined[i] && prev >= 0 {
			// the word right after the previous one, in place of the
			// first found anywhere
			if prev+1 < st.last && (st.lemma(prev+1) == w || strings.EqualFold(st.d.Form(prev+1), w)) {
				k = prev + 1
			} else {
				return false
			}
		} else if k = st.findWord(t, w); k < 0 && light >= 0 {
			k = st.findWord(light, w)
		}
		prev = k
	}
	return true
}
