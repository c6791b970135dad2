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
				if st.isRelPron(k) && st.rel(t) == "acl:relcl" {
					return st.head(t), passive
				}
				return k, passive
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
		case "xcomp":
			if o := st.objOf(h); o >= 0 {
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
			return h, passive
		default:
			return -1, passive
		}
		t = h
	}
	return -1, passive
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
	tk := st.tok(t)
	return st.rel(t) == "acl" && st.objOf(t) < 0 && (tk.XPOS == "VBN" || strings.Contains(tk.Feats, "Voice=Pass") ||
		strings.Contains(tk.Feats, "VerbForm=Part") && strings.Contains(tk.Feats, "Tense=Past"))
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

// agentOf returns the by-phrase of a passive.
func (st *sent) agentOf(t int) int {
	for _, k := range st.kids(t) {
		if st.rel(k) == "obl:agent" || (st.base(k) == "obl" || st.base(k) == "nmod") && st.hasCase(k, "by") {
			return k
		}
	}
	return -1
}

// prepArg returns the dependent of t introduced by preposition p.
func (st *sent) prepArg(t int, p string) int {
	for _, k := range st.kids(t) {
		switch st.base(k) {
		case "obl", "nmod", "advcl", "acl", "xcomp", "ccomp":
			if st.hasCase(k, p) {
				return k
			}
		}
	}
	return -1
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
	if st.actors == nil || t < 0 {
		return Actor{}, false
	}
	return st.actors.ActorAt(t)
}

// modifierActor finds a country or organization among the modifiers of h
// ("the mayor of Nablus", "Palestinian officials", "an attack by Osgiliath
// soldiers"), with the actors coordinated with it ("Eriadori and
// Calenardhon leaders"). It appends them to buf.
func (st *sent) modifierActors(h int, depth int, buf []Actor) []Actor {
	for _, k := range st.kids(h) {
		switch st.base(k) {
		case "compound", "amod", "flat", "appos", "nmod", "obl":
			if (st.rel(k) == "nmod" || st.rel(k) == "obl") && !st.hasCase(k, "of") && !st.hasCase(k, "from") &&
				!st.hasCase(k, "in") && !st.hasCase(k, "by") {
				continue
			}
			if st.rel(k) == "obl:tmod" || st.rel(k) == "nmod:tmod" {
				continue
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
	if a, ok := st.actorAt(h); ok {
		buf = addActor(buf, a)
	} else if r, ok := st.roleAt(h); ok {
		// A role noun takes the country of its modifiers ("the mayor of
		// Nablus" PSEGOV) when the matcher did not compose it; alone it is
		// coded with an unknown country ("---LEG"), as PETRARCH does.
		n := len(buf)
		buf = st.modifierActors(h, 0, buf)
		if len(buf) == n && st.tok(h).UPOS != "PRON" {
			buf = addActor(buf, r)
		}
		role := strings.TrimPrefix(r.Code, "---")
		for i := n; i < len(buf); i++ {
			if !strings.HasSuffix(buf[i].Code, role) {
				buf[i].Code += role
			}
		}
	} else {
		// "Bree President Romendacil" when the matcher knows the country and
		// the title but not the name: the country with the title's role.
		n := len(buf)
		buf = st.modifierActors(h, 0, buf)
		if role := st.modifierRole(h); role != "" {
			for i := n; i < len(buf); i++ {
				if !strings.HasSuffix(buf[i].Code, role) {
					buf[i].Code += role
				}
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
		if st.base(k) == "parataxis" && st.c.lex.in(clsSay, st.lemma(k)) {
			return k
		}
	}
	return -1
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
	for _, k := range st.kids(h) {
		switch st.rel(k) {
		case "compound", "flat", "flat:name", "nmod:desc", "appos":
			if r, ok := st.roleAt(k); ok && strings.HasPrefix(r.Code, "---") {
				return strings.TrimPrefix(r.Code, "---")
			}
		}
	}
	return ""
}
