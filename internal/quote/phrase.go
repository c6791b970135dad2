package quote

// Noun phrases around a cue, found from tags (and from the parse when there
// is one). A phrase is a token range [a, b); a == b means none.

// nounRun extends left from j over noun-phrase words, including "of"/"for"
// links between nominals ("a spokesman for the ministry") and possessives.
func (s *state) nounRunLeft(j, lo int) int {
	a := j
	for a-1 >= lo {
		switch {
		case s.isNominal(a-1) && s.tokQ[a-1] < 0:
			a--
		case a-2 >= lo && (s.is(a-1, "of") || s.is(a-1, "for") || s.is(a-1, "at")) && s.isNominal(a-2) && s.tokQ[a-2] < 0:
			a -= 2
		case a-2 >= lo && (s.xpos(a-1) == "VBN" || s.xpos(a-1) == "VBG") && s.tokQ[a-1] < 0 &&
			(s.upos(a-2) == "DET" || s.upos(a-2) == "ADJ" || s.xpos(a-2) == "PRP$"):
			// "the bespectacled diplomat", "a leading expert": a participle
			// used as an adjective.
			a--
		default:
			return a
		}
	}
	return a
}

// leftNP finds the subject phrase ending just before token v (the first
// token of a cue), within [lo, v): adverbs and time expressions between
// the two are skipped ("Trump on Wednesday said", "he also said"); an
// appositive or relative clause between commas joins the phrase ("John
// Smith, a spokesman for the ministry, said").
func (s *state) leftNP(v, lo int) (int, int) {
	j := v - 1
	for j >= lo && (s.isAdv(j) || s.isTime(j) || (s.upos(j) == "ADP" && s.isTime(j+1))) && s.tokQ[j] < 0 {
		j--
	}
	if j < lo || s.tokQ[j] >= 0 {
		return v, v
	}
	b := j + 1
	if (s.is(j, "who") || s.is(j, "which") || s.is(j, "that")) && j-1 >= lo && (s.isHead(j-1) || s.is(j-1, ",") && j-2 >= lo && s.isHead(j-2)) {
		// "Romney, who helped launch ...", "an ad that says ...": the
		// relative pronoun stands for its antecedent (resolveSpeaker
		// names it).
		return j, b
	}
	if s.is(j, ")") {
		// "Rep. Earl Blumenauer (D-Ore.) said": a party and state tag.
		p := j - 1
		for p >= lo && p > j-8 && !s.is(p, "(") && s.tokQ[p] < 0 {
			p--
		}
		if p-1 < lo || !s.is(p, "(") || !s.isHead(p-1) || s.upos(p-1) != "PROPN" {
			return v, v
		}
		return s.nounRunLeft(p-1, lo), b
	}
	if s.is(j, ",") || s.is(j, "\u2014") || s.is(j, "--") {
		// An appositive or relative clause: find the comma that opens it.
		p := j - 1
		for p >= lo && p > j-25 && !s.is(p, ",") && !s.is(p, "\u2014") && !s.is(p, "--") && s.tokQ[p] < 0 {
			p--
		}
		if p < lo || p <= j-25 || s.tokQ[p] >= 0 || p-1 < lo || !s.isHead(p-1) {
			return v, v
		}
		a := s.nounRunLeft(p-1, lo)
		return a, j
	}
	if !s.isHead(j) && !(j == v-1 && s.upos(j) == "ADJ" && j-1 >= lo && (s.upos(j-1) == "DET" || s.xpos(j-1) == "PRP$") && s.tokQ[j-1] < 0) {
		// A noun read as an adjective right before the cue ("the
		// admiral/JJ said") still heads the phrase its determiner opens.
		return v, v
	}
	if s.upos(j) == "PRON" {
		return s.postModified(j, lo), b
	}
	return s.postModified(s.nounRunLeft(j, lo), lo), b
}

// accessWords are the adjectives of a phrase of access after an unnamed
// source: "close to him", "familiar with the talks", "briefed on the plan".
const accessWords = "close familiar briefed knowledgeable involved"

// postModified extends a phrase starting at a leftwards over an adjective
// of access that modifies the noun before it: "a source close to him",
// "people familiar with the talks", "officials briefed on the plan".
func (s *state) postModified(a, lo int) int {
	if a-3 < lo || !s.isOneOf(a-1, "to with on") || !s.isOneOf(a-2, accessWords) ||
		s.tokQ[a-1] >= 0 || s.tokQ[a-2] >= 0 || s.tokQ[a-3] >= 0 || !s.isHead(a-3) || s.upos(a-3) == "PRON" {
		return a
	}
	return s.nounRunLeft(a-3, lo)
}

// rightNP finds a noun phrase starting at token i within [i, hi): the
// subject after an inverted cue ("said Lavrov", "tweeted White House Press
// Secretary, Sean Spicer"), the object of "told" or of "according to". An
// appositive name after a comma joins it when apposition is allowed.
func (s *state) rightNP(i, hi int, apposition bool) (int, int) {
	j := i
	for j < hi && s.isAdv(j) && s.tokQ[j] < 0 {
		j++
	}
	a := j
	for j < hi && s.tokQ[j] < 0 {
		switch {
		case j > a && (s.upos(j) == "DET" || s.xpos(j) == "PRP$") && s.isHead(j-1) && s.xpos(j-1) != "POS":
			// "told POLITICO the state's standards": a determiner after a
			// head noun starts the next phrase.
			goto done
		case s.isNominal(j) && !(s.upos(j) == "PRON" && j > a):
			j++
		case j > a && (s.xpos(j) == "VBG" || s.xpos(j) == "VBN") && (s.upos(j-1) == "DET" || s.upos(j-1) == "ADJ") &&
			j+1 < hi && s.isNominal(j+1) && s.tokQ[j+1] < 0:
			j++ // "another leading advocate": a participle as an adjective
		case s.isTime(j) && (s.upos(j) == "ADJ" || s.upos(j) == "NUM") && j+1 < hi && s.isNominal(j+1) && s.tokQ[j+1] < 0:
			j++ // "according to recent polls", "said a 2008 campaign veteran": a time word modifying the noun
		case j > a && j+1 < hi && (s.is(j, "of") || s.is(j, "for")) && s.isNominal(j+1) && !s.is(j+1, "the") || j > a && j+2 < hi && (s.is(j, "of") || s.is(j, "for")) && s.is(j+1, "the") && s.isNominal(j+2):
			j++
		default:
			goto done
		}
	}
done:
	if j == a {
		return a, a
	}
	// "the" alone, or a phrase ending in a determiner, names nothing.
	b := j
	for b > a && !s.isHead(b-1) {
		b--
	}
	if b == a {
		return a, a
	}
	if apposition && b < hi && s.is(b, ",") && b+1 < hi && s.upos(b+1) == "PROPN" {
		k := b + 1
		for k < hi && s.upos(k) == "PROPN" && s.tokQ[k] < 0 {
			k++
		}
		// Only when the name ends the clause: "..., Sean Spicer." and not
		// "..., Moscow and Beijing said".
		if k >= hi || s.isPunct(k) {
			b = k
		}
	}
	return a, b
}

// subject returns the subject phrase of cue verb v (the cue's tokens
// starting at a) within [lo, a): the noun phrase right before the cue when
// there is one, which a parser's attachment errors cannot move, else the
// parse's subject.
//
// When the parse's subject holds that phrase and starts before it, the
// parse's is taken: the tag-based reader stops inside long subjects ("Cory
// James, 22, of Flint, Mich., said", "a poll released on Tuesday showed").
func (s *state) subject(v, a, lo int) (int, int) {
	sa, sb := s.leftNP(a, lo)
	if pa, pb, ok := s.subjectOf(v); ok && pa >= lo && pb <= a && pa < pb {
		if sa == sb || pa < sa && pb >= sb {
			return pa, pb
		}
	}
	if sa < sb {
		return sa, sb
	}
	return a, a
}

// subjectOf returns the subject phrase of verb v from the parse: the
// subtree of its nsubj child, climbing through conjoined and participial
// verbs that have none ("..., saying that": the subject of the main verb).
// ok is false without a parse or a subject.
func (s *state) subjectOf(v int) (int, int, bool) {
	if !s.parsed {
		return 0, 0, false
	}
	lo, hi := s.sentBounds(v)
	for hop := 0; hop < 3 && v >= 0; hop++ {
		for _, k := range s.children(v) {
			if c := int(k); c >= lo && c < hi && (s.d.Tokens[c].Deprel == "nsubj" || s.d.Tokens[c].Deprel == "nsubj:pass" || s.d.Tokens[c].Deprel == "expl") {
				a, b := s.subtree(c, lo, hi)
				return a, b, true
			}
		}
		// "Local farmers have hoped/VBD that ...": a parse that reads the
		// participle as a past tense hangs the subject on the auxiliary.
		for _, k := range s.children(v) {
			if int(k) < v && s.d.Tokens[k].Deprel == "aux" {
				for _, c := range s.children(int(k)) {
					if c := int(c); c >= lo && c < int(k) && s.d.Tokens[c].Deprel == "nsubj" {
						a, b := s.subtree(c, lo, hi)
						return a, b, true
					}
				}
			}
		}
		switch s.d.Tokens[v].Deprel {
		case "conj", "advcl", "xcomp", "parataxis":
			v = s.d.Tokens[v].Head
		default:
			return 0, 0, false
		}
	}
	return 0, 0, false
}

// subtree returns the phrase of subject c: to the left only the words
// that modify it inside a noun phrase (determiners, adjectives, compounds,
// possessives), so that a misattached fronted phrase ("Speaking with May
// on Friday, Trump said") stays out; to the right its contiguous
// descendants (an appositive "Smith, a spokesman, said").
func (s *state) subtree(c, lo, hi int) (int, int) {
	a, b := c, c+1
	for a-1 >= lo && s.descends(a-1, c) && leftMods[s.d.Tokens[a-1].Deprel] {
		a--
	}
	for b < hi && s.descends(b, c) {
		b++
	}
	return s.stripPunct(a, b)
}

var leftMods = map[string]bool{
	"det": true, "amod": true, "compound": true, "flat": true, "nmod:poss": true, "case": true,
	"nummod": true, "det:poss": true, "advmod": true, "punct": true, "flat:name": true, "obl:npmod": true,
}

// descends tells whether token i is c or below it in the parse.
func (s *state) descends(i, c int) bool {
	for h, n := i, 0; h >= 0 && n < 50; h, n = s.d.Tokens[h].Head, n+1 {
		if h == c {
			return true
		}
	}
	return false
}

// headOf returns the head word of a speaker phrase: its first noun chunk's
// last nominal head ("Smith" in "John Smith, a spokesman").
func (s *state) headOf(a, b int) int {
	h := -1
	for i := a; i < b; i++ {
		if s.is(i, ",") || s.is(i, "\u2014") || s.is(i, "--") || s.is(i, "of") || s.is(i, "for") ||
			h >= 0 && s.isOneOf(i, "close familiar briefed knowledgeable") {
			if h >= 0 {
				break
			}
			continue
		}
		if s.isHead(i) {
			h = i
		}
	}
	if h < 0 && a < b {
		h = b - 1
	}
	return h
}
