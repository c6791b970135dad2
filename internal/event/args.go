package event

import (
	"strings"
)

// Argument finding over the dependency tree of one sentence.

// subject returns t's subject token (-1 when none can be found) and whether
// t is passive. A verb without its own subject takes it from the clause it
// depends on: a conjoined verb from its first conjunct, "agreed to meet" from
// the controller (the object of "urged Gondor to", else the subject), a
// participial clause from its main clause, a relative clause from its noun.
func (st *sent) subject(t int) (subj int, passive bool) {
	for depth := 0; depth < 6; depth++ {
		if depth == 0 {
			passive = st.isPassive(t)
		}
		for _, k := range st.kids(t) {
			switch st.rel(k) {
			case "nsubj", "nsubj:pass", "nsubj:outer":
				if st.hasCase(k, "from") || st.hasCase(k, "except") || st.hasCase(k, "besides") {
					continue // "backers apart from Britain had pledged": the one left out, misread as a subject
				}
				if k > st.first && st.lemma(k-1) == "by" && st.head(k-1) == t {
					continue // "officials contacted by Reuters declined", "by" read as a mark: an agent
				}
				if st.isRelPron(k) && st.rel(t) == "acl:relcl" {
					return st.head(t), passive
				}
				if st.isRelPron(k) && st.rel(t) == "parataxis" && (st.lemma(k) == "which" || st.lemma(k) == "who") && k > st.first && st.d.Form(k-1) == "," {
					// "the Soviet Union, which will demand ..." with the
					// relative clause read as a clause of its own: the
					// noun before the comma
					if n := k - 2; n >= st.first && (st.tok(n).UPOS == "NOUN" || st.tok(n).UPOS == "PROPN") {
						return n, passive
					}
				}
				return k, passive
			}
		}
		for _, a := range st.kids(t) {
			// "Katsav has refused" with the subject hung on "has"
			if st.base(a) == "aux" {
				if k := st.child1(a, "nsubj"); k >= 0 && k < a {
					return k, passive
				}
			}
		}
		h := st.head(t)
		if h < 0 {
			return -1, passive
		}
		switch st.base(t) {
		case "conj":
			if !st.isVerb(h) && st.tok(h).UPOS != "ADJ" {
				return -1, passive
			}
			if st.saidConj(t) {
				return st.objOf(h), passive
			}
			if hx := st.tok(h).XPOS; depth == 0 && !st.c.lex.literal && st.tok(t).XPOS == "VBG" && (hx == "VBD" || hx == "VBZ" || hx == "VBP") && st.child1(t, "aux") < 0 {
				// "criticized the officer for shooting and killing X": a
				// gerund does not share a finite verb's subject; the
				// parser lost the "for" it hangs from
				return -1, passive
			}
			if x := st.tok(t).XPOS; depth == 0 && !st.c.lex.literal && (x == "VBN" || x == "VBD") && st.child1(t, "aux") < 0 && st.child1(t, "aux:pass") < 0 &&
				st.objOf(t) < 0 && st.agentOf(t) >= 0 {
				// "revived a proposal, blocked last year by Mitterrand": a
				// participle with its own agent, read as a conjunct; the
				// first verb's subject is not its doer
				return -1, true
			}
		case "xcomp":
			if o := st.objOrIobj(h); o >= 0 {
				return o, passive
			}
		case "advcl":
		case "obl":
			if st.isVerb(t) {
				return -1, passive
			}
			// "spoke in favour of improving": the noun's verb's subject
		case "acl":
			if st.rel(t) == "acl:relcl" {
				// "the troops that attacked": the relative pronoun is the object
				// or missing; a subject relative without a pronoun is the noun.
				return h, passive
			}
			if g := st.head(h); g >= 0 && st.rel(h) == "obj" && st.c.lex.in(clsLight, st.lemma(g)) && len(st.np(h, st.s.tgtBuf[:0])) == 0 {
				// "issued a declaration demanding": the light verb's subject
				t = g
				continue
			}
			if t > st.first && st.d.Form(t-1) == "," {
				// "Rong, who represents Shanghai in the NPC, attacked"
				// read as "the NPC, attacked": the noun a relative clause
				// or apposition is about acts, not one named inside it
				if n := st.outerNoun(h); n >= 0 {
					return n, passive
				}
			}
			return h, passive
		case "obj":
			if st.isVerb(t) || st.c.lex.frameOf[st.lemma(t)] == nil || !st.isVerb(h) ||
				st.lemma(h) != "have" && !st.c.lex.in(clsLight, st.lemma(h)) {
				return -1, passive // "rejected the demand to withdraw": not the rejecter's
			}
			// "Japan has no plans to bow", "made an offer to": the holder
			// of the intent the noun names
		case "parataxis":
			if !st.isAuxLemma(h) {
				return -1, passive
			}
			// "Bangladesh has ... rejected" parsed with "has" as the root
		default:
			return -1, passive
		}
		t = h
	}
	return -1, passive
}

// saidConj reports whether conjoined verb t is what its speech verb said:
// "X said the Institute, of Bethesda, agreed to give" parsed with the
// clause joined to "said" with no conjunction, its subject misread as the
// speech verb's object.
func (st *sent) saidConj(t int) bool {
	h := st.head(t)
	if h < 0 || st.base(t) != "conj" || st.child1(t, "cc") >= 0 || !st.c.lex.in(clsSay, st.lemma(h)) {
		return false
	}
	o := st.objOf(h)
	return o >= 0 && o < t && !st.hasSubject(t)
}

// outerNoun returns the noun that a relative clause or apposition holding
// h is about ("Shanghai" and "the NPC" in "Rong, who represents Shanghai in
// the NPC" give Rong), -1 when h is in none.
func (st *sent) outerNoun(h int) int {
	n := -1
	for u, depth := h, 0; depth < 8; depth++ {
		p := st.head(u)
		if p < 0 {
			break
		}
		switch st.base(u) {
		case "acl", "appos":
			if st.rel(u) == "acl:relcl" || st.base(u) == "appos" {
				n = p
			}
		case "nmod", "obl", "obj", "iobj", "compound", "flat", "conj", "nsubj":
			if st.base(u) == "nsubj" && st.rel(p) != "acl:relcl" {
				return n // the subject of a clause of its own
			}
		default:
			return n
		}
		u = p
	}
	return n
}

func (st *sent) isRelPron(t int) bool {
	if st.tok(t).UPOS != "PRON" {
		return false
	}
	switch st.lemma(t) {
	case "who", "which", "that", "whom":
		return true
	}
	return false
}

func (st *sent) isPassive(t int) bool {
	for _, k := range st.kids(t) {
		switch st.rel(k) {
		case "nsubj:pass", "aux:pass", "csubj:pass":
			return true
		}
	}
	// "troops attacked by X", "soldiers killed in Ukraine": a past
	// participle modifying a noun.
	// With a direct object it is active whatever its tag ("troops attacked
	// positions", read as a reduced relative).
	// Without an object, a reduced relative that is not a gerund is
	// passive whatever its tag ("soldiers killed in Ukraine" tagged VBD).
	tk := st.tok(t)
	opening := t == st.first && st.rel(t) != "root" // "Asked if ..., he said" read as the complement of "said"
	if (st.rel(t) == "advcl" || opening) && st.objOf(t) < 0 && st.child1(t, "nsubj") < 0 && st.child1(t, "aux") < 0 && st.markLemma(t) == "" {
		// "Asked whether ..., the minister declined", "Backed by X,
		// rebels attacked": a bare past participle opening a clause is
		// passive; the main subject is the one asked or backed. Without a
		// subject it is no finite verb, whatever its tag.
		return tk.XPOS == "VBN" || tk.XPOS == "VBD" || strings.Contains(tk.Feats, "Tense=Past")
	}
	if k := st.child1(t, "nsubj"); st.pastParticiple(t) && k >= 0 && st.tok(k).UPOS != "PRON" && !st.hasAux(t) && st.agentOf(t) >= 0 {
		// "workers held hostage by Iran" read as a clause: a participle
		// with no auxiliary and a by-phrase is a passive whatever the tree
		// ("he opposed efforts by Congress" is a past tense mistagged: no
		// reduced relative hangs on a pronoun)
		return true
	}
	if st.rel(t) == "acl" && st.child1(t, "nsubj") < 0 {
		for _, k := range st.kids(t) {
			if st.rel(k) == "obl:agent" || st.base(k) == "obl" && st.hasCase(k, "by") {
				return true // "workers held hostage by Iran": the by-phrase is the doer
			}
		}
	}
	if st.rel(t) != "acl" || st.objOf(t) >= 0 || st.child1(t, "nsubj") >= 0 {
		return false
	}

	return tk.XPOS == "VBN" || strings.Contains(tk.Feats, "Voice=Pass") ||
		strings.Contains(tk.Feats, "VerbForm=Part") && strings.Contains(tk.Feats, "Tense=Past") ||
		tk.XPOS != "VBG" && !strings.Contains(tk.Feats, "VerbForm=Ger") && !strings.HasSuffix(strings.ToLower(st.d.Form(t)), "ing") && st.markLemma(t) == ""
}

// objOf returns t's direct object (-1 when none).
func (st *sent) objOf(t int) int {
	for _, k := range st.kids(t) {
		if st.rel(k) == "obj" {
			return k
		}
	}
	return -1
}

// hasAnyCase reports whether t has a preposition of its own.
func (st *sent) hasAnyCase(t int) bool {
	for _, k := range st.kids(t) {
		if st.rel(k) == "case" && k < t {
			return true
		}
	}
	return false
}

// isAuxLemma reports whether t is an auxiliary's lemma (a parser may make
// "has" the root and the verb its dependent).
func (st *sent) isAuxLemma(t int) bool {
	switch st.lemma(t) {
	case "have", "be", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "do":
		return true
	}
	return false
}

// objOrIobj returns t's direct object, else its indirect one ("asking
// Obama to help" parsed with Obama as iobj), -1 when none.
func (st *sent) objOrIobj(t int) int {
	if o := st.objOf(t); o >= 0 {
		return o
	}
	return st.child1(t, "iobj")
}

// agentOf returns the by-phrase of a passive.
func (st *sent) agentOf(t int) int {
	for _, k := range st.kids(t) {
		if st.rel(k) == "obl:agent" || (st.base(k) == "obl" || st.base(k) == "nmod") && st.hasCase(k, "by") {
			return k
		}
	}
	if o := st.objOf(t); o >= 0 && st.pastParticiple(t) {
		// "held hostage by Iran" with the by-phrase hung on "hostage"
		for _, k := range st.kids(o) {
			if st.base(k) == "nmod" && st.hasCase(k, "by") {
				return k
			}
		}
	}
	return -1
}

// pastParticiple reports whether t is tagged a past participle.
func (st *sent) pastParticiple(t int) bool {
	tk := st.tok(t)
	return tk.XPOS == "VBN" || tk.XPOS == "" && strings.Contains(tk.Feats, "VerbForm=Part") && strings.Contains(tk.Feats, "Tense=Past")
}

// hasAux reports whether verb t has an auxiliary.
func (st *sent) hasAux(t int) bool {
	for _, k := range st.kids(t) {
		if st.base(k) == "aux" || st.base(k) == "cop" {
			return true
		}
	}
	return false
}

// prepArg returns the dependent of t introduced by preposition p.
func (st *sent) prepArg(t int, p string) int {
	// A phrase before a clause: "sent personnel to Bosnia to investigate".
	for _, k := range st.kids(t) {
		switch st.base(k) {
		case "obl", "nmod", "appos":
			// appos: "talks with President X" read as an apposition
			if st.hasCase(k, p) {
				return k
			}
		}
	}
	if k := st.nextToPrep(t, p); k >= 0 {
		return k
	}
	for _, k := range st.kids(t) {
		switch st.base(k) {
		case "advcl", "acl", "xcomp", "ccomp":
			if st.hasCase(k, p) {
				return k
			}
		}
	}
	// The partner hung on the occasion: "speaking at a press conference
	// with May", "talked during a meeting with Abe".
	for _, k := range st.kids(t) {
		if st.base(k) != "obl" || !occasions[st.lemma(k)] {
			continue
		}
		for _, g := range st.kids(k) {
			if st.base(g) == "nmod" && st.hasCase(g, p) {
				return g
			}
		}
	}
	return -1
}

// nextToPrep reads the words when the tree lost the phrase: the actor
// named right after preposition p right after verb t ("After talking with
// Minister Hurin for an hour the king left ..." parsed with "with" as a
// clause mark); -1 when the words do not have that shape.
func (st *sent) nextToPrep(t int, p string) int {
	if st.c.lex.literal || t+1 >= st.last || st.lemma(t+1) != p {
		return -1
	}
	for k := t + 2; k < st.last && k <= t+5; k++ {
		if _, ok := st.actorAt(k); ok {
			return k
		}
		switch st.tok(k).UPOS {
		case "DET", "ADJ", "PROPN", "NOUN":
		default:
			return -1
		}
	}
	return -1
}

// linearController finds the doer of a participle clause that opens a
// sentence ("After speaking with X for an hour, the president called Y")
// when the tree gives it none: the first actor after the clause that a
// finite verb follows; -1 when none.
func (st *sent) linearController(t int) int {
	tk := st.tok(t)
	gerund := tk.XPOS == "VBG" || strings.Contains(tk.Feats, "VerbForm=Ger") ||
		strings.Contains(tk.Feats, "VerbForm=Part") && strings.Contains(tk.Feats, "Tense=Pres")
	if st.c.lex.literal || !gerund || t <= st.first {
		return -1
	}
	opener := false
	for k := t - 1; k >= st.first && k >= t-2; k-- {
		switch st.lemma(k) {
		case "after", "before", "while", "since", "upon", "when":
			opener = true
		}
	}
	if !opener {
		return -1
	}
	for k := t + 1; k < st.last; k++ {
		a, ok := st.actorAt(k)
		if !ok || a.Last >= st.last {
			continue
		}
		switch nx := st.tok(a.Last); nx.XPOS {
		case "VBZ", "VBD", "VBP", "MD":
			return k
		case "":
			if (nx.UPOS == "VERB" || nx.UPOS == "AUX") && strings.Contains(nx.Feats, "VerbForm=Fin") {
				return k
			}
		}
	}
	return -1
}

// occasions are nouns for a gathering whose with-phrase names the people
// met there.
var occasions = map[string]bool{"conference": true, "meeting": true, "summit": true, "session": true,
	"briefing": true, "dinner": true, "lunch": true, "breakfast": true, "visit": true, "call": true,
	"event": true, "ceremony": true, "appearance": true}

// namedAfterPlace are nouns that a city before them names rather than
// joins: "the Paris agreement", "the Louvre accord", "the Geneva talks".
var namedAfterPlace = map[string]bool{"agreement": true, "accord": true, "pact": true, "treaty": true,
	"talk": true, "talks": true, "process": true, "declaration": true, "communique": true, "club": true,
	"convention": true, "round": true, "protocol": true}

// namedFor reports whether place a, compounded before noun h at k, names
// h rather than takes part: "the Paris agreement", but not "a U.K.
// agreement with the SEC", whose partner makes the place a party.
func (st *sent) namedFor(h, k int, a Actor) bool {
	if !a.Place || st.rel(k) != "compound" || k > h || !(namedAfterPlace[st.lemma(h)] || occasions[st.lemma(h)]) {
		return false
	}
	for _, c := range st.kids(h) {
		if (st.base(c) == "nmod" || st.base(c) == "acl") && (st.hasCase(c, "with") || st.hasCase(c, "between")) {
			return false
		}
	}
	return true
}

// actorAt is the actor covering token t, when it names a country or
// organization: a bare role ("---GOV", "officials") is nobody in particular
// unless it heads an argument (np keeps it then, as PETRARCH does).
func (st *sent) actorAt(t int) (Actor, bool) {
	a, ok := st.roleAt(t)
	if !ok || strings.HasPrefix(a.Code, "---") {
		return Actor{}, false
	}
	return a, true
}

func (st *sent) roleAt(t int) (Actor, bool) {
	if st.actors == nil || t < 0 || st.currencyName(t) {
		return Actor{}, false
	}
	return st.actors.ActorAt(t)
}

// currencyName reports whether t names a currency, not an actor: "a 45 mln
// U.S. Dlr loan", "sold Hong Kong dollars" (the parse hangs the currency
// word on the country's name, or the name on the currency word).
func (st *sent) currencyName(t int) bool {
	if st.c.lex.literal {
		return false
	}
	if h := st.head(t); h >= 0 && h > t && st.c.lex.in(clsCurrency, st.lemma(h)) {
		switch st.base(t) {
		case "compound", "amod", "flat":
			return true
		}
	}
	for _, k := range st.kids(t) {
		if k > t && (st.base(k) == "flat" || st.base(k) == "compound") && st.c.lex.in(clsCurrency, st.lemma(k)) {
			return true
		}
	}
	return false
}

// modifierActor finds a country or organization among the modifiers of h
// ("the mayor of Nablus", "Palestinian officials", "an attack by Osgiliath
// soldiers"), with the actors coordinated with it ("Eriadori and
// Calenardhon leaders"). It appends them to buf.
func (st *sent) modifierActors(h int, depth int, buf []Actor) []Actor {
	for _, k := range st.kids(h) {
		switch st.base(k) {
		case "compound", "amod", "flat", "appos", "nmod", "obl":
			if (st.rel(k) == "nmod" || st.rel(k) == "obl") && st.hasAnyCase(k) && !st.hasCase(k, "of") && !st.hasCase(k, "from") &&
				!st.hasCase(k, "in") && !st.hasCase(k, "by") && !st.hasCase(k, "throughout") && !st.hasCase(k, "across") {
				continue
			}
			if st.rel(k) == "obl:tmod" || st.rel(k) == "nmod:tmod" {
				continue
			}
			if (occasions[st.lemma(h)] || timeNouns[st.lemma(h)]) && st.hasCase(k, "in") {
				if a, ok := st.actorAt(k); ok && a.Place {
					continue // "a meeting in Paris", "this weekend in Managua": where, not who
				}
			}
			if k > st.first && st.lemma(k-1) == "tell" && st.isVerb(k-1) {
				continue // "told Reuters" misread into the next noun phrase: the listener
			}
			if a, ok := st.actorAt(k); ok && st.namedFor(h, k, a) {
				continue // "the Paris agreement", "the Geneva talks": named for where
			}
			if st.base(k) == "appos" {
				if _, ok := st.roleAt(k); !ok {
					// "Floirendo, an associate of Marcos": an apposition
					// names the person by another; that one is not the doer
					continue
				}
			}
			if a, ok := st.actorAt(k); ok {
				buf = addActor(buf, a)
				for _, c := range st.kids(k) {
					if st.rel(c) == "conj" {
						if a, ok := st.actorAt(c); ok {
							buf = addActor(buf, a)
						}
					}
				}
				return buf
			}
			if depth < 2 {
				if n := len(buf); len(st.modifierActors(k, depth+1, buf)) > n {
					return st.modifierActors(k, depth+1, buf)
				}
			}
		}
	}
	return buf
}

// srcNP returns the actors of the phrase headed by h as the doer of an act:
// none when h is a common noun naming no agent, a thing or quantity
// ("Taiwan's surplus hit a record") or a process ("the dismantling would
// hit farmers"), whose modifiers name only whom it concerns.
func (st *sent) srcNP(h int, buf []Actor) []Actor {
	if h >= 0 && !st.c.lex.literal && st.inert(h) {
		return buf
	}
	return st.np(h, buf)
}

// inert reports whether t is a common noun that names no agent: one of the
// lexicon's inert class or a gerund ("downgrading"), when the actors know no
// role for it. Compat mode codes as PETRARCH does, from any actor in the
// phrase.
func (st *sent) inert(t int) bool {
	tk := st.tok(t)
	if tk.UPOS != "NOUN" {
		return false
	}
	if _, ok := st.roleAt(t); ok {
		return false
	}
	l := st.lemma(t)
	if st.c.lex.in(clsInert, l) {
		return true
	}
	if !strings.HasSuffix(l, "ing") || len(l) <= 5 {
		return false
	}
	for _, k := range st.kids(t) {
		if st.tok(k).UPOS == "PROPN" && (st.base(k) == "compound" || st.base(k) == "flat") {
			// "the Red Cross operating": a name misread as a gerund's
			// modifier
			return false
		}
	}
	return true
}

// np returns the actors of the noun phrase headed by h, one per conjunct:
// "Gondor and Arnor" gives two, "soldiers from Gondor" the actor found in
// the modifiers when the head names none.
func (st *sent) np(h int, buf []Actor) []Actor {
	if h < 0 {
		return buf
	}
	return st.npDepth(h, buf, 0)
}

func (st *sent) npDepth(h int, buf []Actor, depth int) []Actor {
	start := len(buf)
	if a, ok := st.actorAt(h); ok {
		a = st.titled(h, a)
		buf = addActor(buf, a)
		buf = st.coordModifiers(h, a, buf)
	} else if r, ok := st.roleAt(h); ok {
		// A role noun takes the country of its modifiers ("the mayor of
		// Nablus" PSEGOV) when the matcher did not compose it; alone it is
		// coded with an unknown country ("---LEG"), as PETRARCH does.
		n := len(buf)
		buf = st.modifierActors(h, 0, buf)
		if p := st.head(h); len(buf) == n && st.rel(h) == "conj" && p >= 0 {
			// "lawmakers and officials in Fornost": UD hangs a modifier
			// shared by the conjuncts on the first; a role noun without
			// its own takes the first conjunct's countries
			if pr, ok := st.roleAt(p); ok && strings.HasPrefix(pr.Code, "---") {
				// appended as they are: the first conjunct's own actors
				// share their spans
				buf = append(buf, st.modifierActors(p, 0, nil)...)
			}
		}
		if len(buf) == n {
			// "the two kings": the last two named with that role
			buf = st.pairAntecedents(h, r, buf)
		}
		if len(buf) == n && st.tok(h).UPOS != "PRON" {
			buf = addActor(buf, r)
		}
		role := strings.TrimPrefix(r.Code, "---")
		for i := n; i < len(buf); i++ {
			if business(buf[i].Code) {
				continue // "a spokesman for Exxon" speaks for the firm: USABUS
			}
			if !strings.HasSuffix(buf[i].Code, role) {
				buf[i].Code += role
			}
		}
	} else {
		// "Bree President Romendacil" when the matcher knows the country and
		// the title but not the name: the country with the title's role.
		n := len(buf)
		buf = st.modifierActors(h, 0, buf)
		if len(buf) == n && st.tok(h).UPOS == "NOUN" {
			// "the two kings" when the actors handed in do not
			// name the role noun
			buf = st.pairAntecedents(h, Actor{}, buf)
		}
		if role := st.modifierRole(h); role != "" {
			for i := n; i < len(buf); i++ {
				if !strings.HasSuffix(buf[i].Code, role) {
					buf[i].Code += role
				}
			}
			if len(buf) == n && st.tok(h).UPOS == "PROPN" {
				// "President Laurent Gbagbo", a holder the dictionary does
				// not know: the title's role with an unknown country, as a
				// bare role noun is coded.
				tk := st.tok(h)
				buf = addActor(buf, Actor{Code: "---" + role, Start: tk.Start, End: tk.End, First: h, Last: h + 1})
			}
		}
	}
	if depth < 8 && st.c.lex.in(clsGroup, st.lemma(h)) && onlyRoles(buf[start:]) {
		// "a group of Moroccan diplomats", "thousands of students": the
		// actor is the one the group is of
		buf = buf[:start]
		for _, k := range st.kids(h) {
			if b := st.base(k); (b == "nmod" || b == "obl") && st.hasCase(k, "of") {
				buf = st.npDepth(k, buf, depth+1)
				break
			}
		}
	}
	if depth < 8 {
		for _, k := range st.kids(h) {
			if st.rel(k) == "conj" {
				buf = st.npDepth(k, buf, depth+1)
			}
		}
	}
	return buf
}

// titled gives a name known only by its country the role of the title
// before it: "Bree Prime Minister Romendacil", with the name coded BRE and
// "Bree Prime Minister" BREGOV, is BREGOV; the title says what office the
// person acts in. A bare title takes the country its own modifiers name
// ("Ithilen's minister Calimehtar" is ITHGOV): the text says whose office
// the person holds, which outranks a dictionary's country for the name.
func (st *sent) titled(h int, a Actor) Actor {
	if len(a.Code) != 3 || st.tok(h).UPOS != "PROPN" {
		return a
	}
	for _, k := range st.kids(h) {
		if k > h {
			continue
		}
		switch st.rel(k) {
		case "compound", "flat", "flat:name", "nmod:desc":
		default:
			continue
		}
		if t, ok := st.actorAt(k); ok && t.Start != a.Start && len(t.Code) > 3 && strings.HasPrefix(t.Code, a.Code) {
			a.Code = t.Code
			return a
		}
		if r, ok := st.roleAt(k); ok && strings.HasPrefix(r.Code, "---") && len(r.Code) > 3 {
			// "Ithilen's minister Calimehtar": the title's own country
			if ts := st.modifierActors(k, 0, nil); len(ts) == 1 && len(ts[0].Code) == 3 {
				a.Code = ts[0].Code + strings.TrimPrefix(r.Code, "---")
				return a
			}
		}
	}
	return a
}

// coordModifiers adds the countries coordinated in the modifiers of h
// when the matcher composed h's actor a from one of them: "US and British
// activists" is USAOPP as well as GBROPP.
func (st *sent) coordModifiers(h int, a Actor, buf []Actor) []Actor {
	role := strings.TrimPrefix(a.Code, country(a.Code))
	if len(a.Code) < 3 || strings.HasPrefix(a.Code, "---") {
		return buf
	}
	for _, k := range st.kids(h) {
		if b := st.base(k); b != "amod" && b != "compound" && !(b == "nmod" && st.hasCase(k, "of")) {
			continue // "the ambassadors of Arnor, Osgiliath and Gondor" too
		}
		cands := []int{k}
		for i := 0; i < len(cands) && i < 16; i++ {
			// conjuncts, also chained ("Arnor, Osgiliath and Gondor"
			// parsed with Gondor under Osgiliath)
			for _, c := range st.kids(cands[i]) {
				if st.rel(c) == "conj" {
					cands = append(cands, c)
				}
			}
		}
		if len(cands) == 1 && !(k+1 < h && st.d.Form(k+1) == ",") {
			continue // no coordination ("The US, Russia and Switzerland" may hang "US" on "Russia")
		}
		for _, c := range cands {
			o, ok := st.actorAt(c)
			if !ok || len(o.Code) != 3 || o.Start >= a.Start && o.End <= a.End {
				continue
			}
			if len(a.Code) > 3 {
				o.Code += role
			}
			buf = addActor(buf, o)
		}
	}
	return buf
}

// antecedentWindow is how many tokens back "the two kings" looks for
// the two it means.
const antecedentWindow = 120

// lackNouns say that what their of-phrase names is missing.
var lackNouns = map[string]bool{"lack": true, "absence": true, "failure": true}

// countryNouns are nouns for states ("the two countries").
var countryNouns = map[string]bool{"country": true, "nation": true, "state": true, "government": true}

// pairAntecedents resolves a plural role noun counted as two ("the two
// presidents", "both leaders") to the last two distinct actors named
// before it with that role (r's, or any role when r is empty), or for
// "the two countries" to the last two countries, within a few sentences.
func (st *sent) pairAntecedents(h int, r Actor, buf []Actor) []Actor {
	if !strings.Contains(st.tok(h).Feats, "Number=Plur") && !strings.HasSuffix(strings.ToLower(st.d.Form(h)), "s") {
		return buf
	}
	if st.c.lex.in(clsInert, st.lemma(h)) || namedAfterPlace[st.lemma(h)] {
		return buf // "signed two cooperation treaties": things, not the two last named
	}
	two, def := false, false
	for _, k := range st.kids(h) {
		switch l := st.lemma(k); {
		case st.base(k) == "nummod" && (l == "two" || l == "2"):
			two = true
		case st.base(k) == "det" && l == "both":
			two, def = true, true
		case st.base(k) == "det" && (l == "the" || l == "these" || l == "those"), st.rel(k) == "nmod:poss":
			def = true
		}
	}
	if !two || !def || st.actors == nil {
		// "two speechwriters implored her": two new people, not the last
		// two named ("the two presidents")
		return buf
	}
	role := strings.TrimPrefix(r.Code, "---")
	states := countryNouns[st.lemma(h)]
	var found []Actor
	for k := st.first - 1; k >= 0 && k >= st.first-antecedentWindow && len(found) < 2; k-- {
		a, ok := st.actors.ActorAt(k)
		switch {
		case !ok || strings.HasPrefix(a.Code, "---"):
			continue
		case states:
			if len(a.Code) != 3 {
				continue // "the two countries" are countries, not a firm or a paper of theirs
			}
		case a.Place || !strings.HasSuffix(a.Code, role) || len(a.Code) <= 3:
			continue // a role-bearing actor, not a country named in passing
		}
		dup := false
		for _, f := range found {
			dup = dup || f.Code == a.Code || f.Start == a.Start
		}
		if !dup {
			found = append(found, a)
		}
	}
	if len(found) < 2 {
		return buf
	}
	// The codes are the antecedents'; the mention is the plural noun, and
	// which entities it means is not known for sure.
	tk := st.tok(h)
	for i := len(found) - 1; i >= 0; i-- {
		a := found[i]
		a.Entity, a.Place = "", false
		a.Start, a.End, a.First, a.Last = tk.Start, tk.End, h, h+1
		buf = append(buf, a)
	}
	return buf
}

func addActor(buf []Actor, a Actor) []Actor {
	for _, b := range buf {
		if b.Start == a.Start && b.End == a.End {
			return buf
		}
	}
	return append(buf, a)
}

// local reports whether token w is within reach of trigger t for a
// pattern's required words: a dependent of t, of t's dependents or theirs,
// without crossing into other clauses or the subject.
func (st *sent) local(t, w int) bool {
	for depth := 0; depth < 4; depth++ {
		h := st.head(w)
		if h < 0 {
			return false
		}
		switch st.base(w) {
		case "nsubj", "csubj", "conj", "parataxis", "ccomp", "advcl", "punct", "acl":
			if st.base(w) == "ccomp" && st.c.lex.literal && !st.c.lex.in(clsSay, st.lemma(h)) {
				// PETRARCH reads a pattern on in the verb's clausal
				// complement: "allowed that Mordor isn't a really
				// pleasant place" ("* REALLY_PLEASANT")
				break
			}
			if st.rel(w) != "acl" || depth == 0 {
				// A pattern word may sit in an infinitival acl of the object
				// ("intent to meet"), never in the subject or another clause.
				if st.base(w) != "acl" {
					return false
				}
			}
		}
		if h == t {
			return true
		}
		w = h
	}
	return false
}

// findWord returns a token with lemma w local to t, not in used.
func (st *sent) findWord(t int, w string) int {
	for k := st.first; k < st.last; k++ {
		if k != t && (st.lemma(k) == w || strings.EqualFold(st.d.Form(k), w)) && st.local(t, k) {
			return k
		}
	}
	return -1
}

// isThirdPerson reports whether t is a third-person personal pronoun
// ("it", "they", "he", "she").
func (st *sent) isThirdPerson(t int) bool {
	if t < 0 || st.tok(t).UPOS != "PRON" {
		return false
	}
	switch strings.ToLower(st.d.Form(t)) {
	case "it", "they", "he", "she", "them", "him", "her":
		return true
	}
	return false
}

// inQuote reports whether token t lies inside quotation marks: there a
// speaker says "we" of themselves, and "they" is somebody else.
func (st *sent) inQuote(t int) bool {
	if st.speaker != nil {
		return true // the sentence continues a quotation
	}
	open := false
	for k := st.first; k < t; k++ {
		switch st.d.Form(k) {
		case "\"", "“", "”", "``", "''":
			open = !open
		}
	}
	return open
}

// isFirstPerson reports whether t is "I", "we" and the like.
func (st *sent) isFirstPerson(t int) bool {
	if t < 0 || st.tok(t).UPOS != "PRON" {
		return false
	}
	switch strings.ToLower(st.d.Form(t)) {
	case "i", "we", "us", "me":
		return true
	}
	return false
}

func (st *sent) hasMark(t int, class string) bool {
	for _, k := range st.kids(t) {
		if st.base(k) == "mark" && st.c.lex.in(class, st.lemma(k)) {
			return true
		}
	}
	return false
}

func (st *sent) markLemma(t int) string {
	for _, k := range st.kids(t) {
		if st.base(k) == "mark" {
			return st.lemma(k)
		}
	}
	return ""
}

// negated reports a negator on t ("not", "never", "no talks").
func (st *sent) negated(t int) bool {
	if h := st.head(t); h >= 0 && st.tok(t).UPOS == "NOUN" && st.hasCase(t, "of") && lackNouns[st.lemma(h)] {
		return true // "the lack of coordination between X and Y"
	}
	if s := st.child1(t, "nsubj"); s >= 0 {
		for _, k := range st.kids(s) {
			if st.rel(k) == "cc:preconj" && st.lemma(k) == "neither" || st.base(k) == "det" && st.lemma(k) == "no" {
				return true // "Neither Warren nor Clinton spoke", "no authority has alleged"
			}
		}
	}
	for _, k := range st.kids(t) {
		switch st.base(k) {
		case "advmod", "det", "neg", "cc":
			if st.c.lex.in(clsNeg, st.lemma(k)) || st.c.lex.in(clsNeg, strings.ToLower(st.d.Form(k))) {
				if st.base(k) == "cc" && st.lemma(k) != "neither" {
					continue
				}
				return true
			}
		}
	}
	return false
}

// modal returns the modality the auxiliaries of t give it.
func (st *sent) modal(t int) string {
	for _, k := range st.kids(t) {
		if st.base(k) != "aux" {
			continue
		}
		l := strings.ToLower(st.d.Form(k))
		switch {
		case st.c.lex.in(clsFuture, l) || st.c.lex.in(clsFuture, st.lemma(k)):
			return ModFuture
		case st.c.lex.in(clsPossible, l) || st.c.lex.in(clsPossible, st.lemma(k)):
			return ModPossible
		}
	}
	return ""
}

// sayVerbOf returns the speech verb whose complement t's clause is: the
// governor of a ccomp, or a parataxis "said" child of the quote's head.
func (st *sent) sayChild(t int) int {
	for _, k := range st.kids(t) {
		if !st.c.lex.in(clsSay, st.lemma(k)) {
			continue
		}
		switch st.base(k) {
		case "parataxis":
			return k
		case "conj", "advcl":
			// "X is ready to help, the minister said" parsed as a
			// coordination: a speech verb after the clause, with its own
			// subject (or right after a comma: "..., said a spokesman")
			// and no complement of its own, introduces it; one joined by
			// a conjunction ("..., but Mapara told Reuters") tells more.
			if k > t && st.child1(k, "ccomp") < 0 && st.child1(k, "cc") < 0 && (st.hasSubject(k) || k > st.first && st.d.Form(k-1) == "," && st.finite(k) && st.objOf(k) > k) {
				return k
			}
		}
	}
	return -1
}

// finite reports whether verb t is neither a gerund nor a participle
// ("adding that" tells more, it does not introduce a report).
func (st *sent) finite(t int) bool {
	f := st.tok(t).Feats
	return !strings.Contains(f, "VerbForm=Ger") && !strings.Contains(f, "VerbForm=Part") && !strings.HasSuffix(strings.ToLower(st.d.Form(t)), "ing")
}

// hasSubject reports whether t has a subject of its own.
func (st *sent) hasSubject(t int) bool {
	for _, k := range st.kids(t) {
		if st.base(k) == "nsubj" {
			return true
		}
	}
	return false
}

// subtreeHas reports whether u lies in the subtree of r.
func (st *sent) subtreeHas(r, u int) bool {
	for d := 0; u >= 0 && d < 64; d++ {
		if u == r {
			return true
		}
		u = st.head(u)
	}
	return false
}

// modifierRole returns the role of a title or role noun among the name
// modifiers of h ("President" in "Bree President Romendacil"), "" if none.
func (st *sent) modifierRole(h int) string {
	return st.modifierRoleDepth(h, 0)
}

func (st *sent) modifierRoleDepth(h, depth int) string {
	for _, k := range st.kids(h) {
		switch st.rel(k) {
		case "compound", "flat", "flat:name", "nmod:desc", "appos":
			if r, ok := st.roleAt(k); ok && strings.HasPrefix(r.Code, "---") {
				return strings.TrimPrefix(r.Code, "---")
			}
			if depth == 0 && st.rel(k) == "compound" && k < h {
				// "an Islamic State target southwest of Baghdad": the
				// role on a noun compounded before the head
				if r := st.modifierRoleDepth(k, 1); r != "" {
					return r
				}
			}
		case "amod":
			// "an Islamist target near Lima"
			if r, ok := st.roleAt(k); ok && strings.HasPrefix(r.Code, "---") {
				return strings.TrimPrefix(r.Code, "---")
			}
		}
	}
	return ""
}
