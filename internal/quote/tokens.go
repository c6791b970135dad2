package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyadhq/dyad/pkg/doc"
)

// Word classes over the tagger's output. UPOS is preferred; XPOS fills in.

func (s *state) upos(i int) string {
	if s.names != nil && s.names[i] != 0 {
		return retags[s.names[i]][0]
	}
	return s.d.Tokens[i].UPOS
}

func (s *state) xpos(i int) string {
	if s.names != nil && s.names[i] != 0 {
		return retags[s.names[i]][1]
	}
	return s.d.Tokens[i].XPOS
}

// retags are the tags findNames gives: a proper name, a verb.
var retags = [...][2]string{{}, {"PROPN", "NNP"}, {"VERB", "VBZ"}, {"VERB", "VBP"}, {"VERB", "VBG"}, {"VERB", "VBD"}}

const (
	retagName = 1 + iota
	retagVBZ
	retagVBP
	retagVBG
	retagVBD
)

func (s *state) retag(i int, t uint8) {
	if s.names == nil {
		s.names = make([]uint8, len(s.d.Tokens))
	}
	s.names[i] = t
}

// findNames marks the capitalized words next to a cue verb that a tagger
// read as an adjective or a verb although they are a name: "“...,”
// Husted said", "Cuban said", "said Cuban". A word opening its sentence
// or a quote, or standing in a title-case line, keeps its tag. It also
// marks cue verbs read as nouns after a subject pronoun.
func (s *state) findNames() {
	for _, sent := range s.d.Sentences {
		if caps, words := s.capsCount(sent); 2*caps > words {
			continue
		}
		for i := sent.First + 1; i < sent.Last; i++ {
			// Any open or function class but a name, pronoun, determiner or
			// punctuation: taggers also read "O’Donnell" as a modal.
			switch s.d.Tokens[i].UPOS {
			case "PROPN", "PRON", "DET", "PUNCT", "CCONJ", "NUM", "SYM", "PART":
				continue
			}
			if s.tokQ[i] >= 0 && s.tokQ[i-1] < 0 {
				continue
			}
			w := s.d.Form(i)
			r, _ := utf8.DecodeRuneInString(w)
			if !unicode.IsUpper(r) || strings.ToUpper(w) == w {
				continue
			}
			if i+1 < sent.Last && s.cueWord(i+1) || s.cueWord(i-1) && (i+1 >= sent.Last || s.isPunct(i+1)) {
				s.retag(i, retagName)
			}
		}
		// ", noting that ...", ", adding that ...": a participle of a cue
		// verb after a comma that a tagger read as an adjective or noun.
		for i := sent.First + 1; i+1 < sent.Last; i++ {
			if u := s.d.Tokens[i].UPOS; u != "ADJ" && u != "NOUN" || s.tokQ[i] >= 0 || !s.is(i-1, ",") ||
				!strings.HasSuffix(s.lower(i), "ing") || cueVerbs[s.cueLemma(i)] == 0 {
				continue
			}
			if s.is(i+1, "that") || s.upos(i+1) == "PRON" || s.upos(i+1) == "DET" {
				s.retag(i, retagVBG)
			}
		}
		// "Paul Ryan worried/JJ that the program ...": a past tense of a
		// verb of thought read as an adjective, between a subject and its
		// "that" clause ("was worried that" keeps its adjective).
		for i := sent.First + 1; i+2 < sent.Last; i++ {
			if s.d.Tokens[i].UPOS != "ADJ" || s.tokQ[i] >= 0 || !strings.HasSuffix(s.lower(i), "ed") ||
				cueVerbs[s.cueLemma(i)] == 0 || !s.is(i+1, "that") || s.isVerb(i+2) || s.isAux(i+2) {
				continue
			}
			if p := s.d.Tokens[i-1]; p.UPOS == "NOUN" || p.UPOS == "PROPN" || p.XPOS == "PRP" && !s.is(i-1, "it") {
				s.retag(i, retagVBD)
			}
		}
		s.verblessCue(sent)
		// "she backs tougher rules", "they support reducing it": a cue
		// verb read as a noun right after a subject pronoun, or before a
		// "that" clause.
		for i := sent.First + 1; i+1 < sent.Last; i++ {
			if s.d.Tokens[i].UPOS != "NOUN" || s.tokQ[i] >= 0 || !known(s.cueLemma(i)) {
				continue
			}
			t := uint8(0)
			switch s.lower(i - 1) {
			case "he", "she", "it", "who":
				if strings.HasSuffix(s.lower(i), "s") {
					t = retagVBZ
				}
			case "they", "we", "i", "you":
				if !strings.HasSuffix(s.lower(i), "s") {
					t = retagVBP
				}
			}
			if t == 0 && strings.HasSuffix(s.lower(i), "s") && cueVerbs[s.cueLemma(i)] != 0 && s.upos(i-1) == "PROPN" &&
				i >= 2 && s.tokQ[i-2] >= 0 && s.isPunct(i+1) {
				// "“...,” Conway notes/NNS.": a name and a verb of saying
				// after a quote.
				s.retag(i, retagVBZ)
				continue
			}
			if t == 0 && strings.HasSuffix(s.lower(i), "s") && cueVerbs[s.cueLemma(i)] != 0 && s.isHead(i-1) && s.upos(i-1) != "PRON" {
				// "the administration argues/NNS that the accord ...": a
				// noun subject, then a verb of saying and its clause; "Smith
				// argues at a blog that ...": a short adjunct between;
				// "argues that cutting taxes will help": a gerund subject.
				th := i + 1
				if s.upos(th) == "ADP" && !s.is(th, "that") {
					for th < sent.Last && th < i+7 && !s.is(th, "that") && !s.isVerb(th) && !s.isPunct(th) && s.tokQ[th] < 0 {
						th++
					}
				}
				if s.is(th, "that") && th+1 < sent.Last && s.tokQ[th] < 0 &&
					(!s.isVerb(th+1) && !s.isAux(th+1) || s.xpos(th+1) == "VBG" && s.gerundSubject(th+1, sent.Last)) {
					if th == i+1 {
						t = retagVBZ
					} else {
						s.retag(i, retagVBZ)
						continue
					}
				}
			}
			if _, st := stanceVerbs[s.cueLemma(i)]; st && t == 0 && strings.HasSuffix(s.lower(i), "s") && s.isHead(i-1) && s.upos(i-1) != "PRON" &&
				s.xpos(i-1) != "POS" && s.is(i+1, "to") && i+2 < sent.Last && s.xpos(i+2) == "VB" {
				// "the candidate plans/NNS to return": an intention and its
				// infinitive.
				t = retagVBZ
			}
			n := s.d.Tokens[i+1]
			if t != 0 && (n.UPOS == "DET" || n.UPOS == "NOUN" || n.UPOS == "PROPN" || n.UPOS == "ADJ" || n.XPOS == "PRP$" ||
				n.XPOS == "VBG" || s.is(i+1, "that") || s.is(i+1, "to")) {
				s.retag(i, t)
			}
		}
	}
}

// verblessCue retags a cue verb read as a noun in a sentence left with no
// finite verb outside quotes ("A majority of Republicans support/NN
// deportation", "The former first lady calls/NNS it her gene"): a
// sentence needs a verb, and a cue word between its subject and an object
// is the likeliest one.
func (s *state) verblessCue(sent doc.Sentence) {
	for i := sent.First; i < sent.Last; i++ {
		if s.tokQ[i] < 0 && s.isFinite(i) {
			return
		}
	}
	for i := sent.First + 1; i+1 < sent.Last; i++ {
		if s.d.Tokens[i].UPOS != "NOUN" || s.tokQ[i] >= 0 || !known(s.cueLemma(i)) {
			continue
		}
		if p := s.d.Tokens[i-1]; p.UPOS != "NOUN" && p.UPOS != "PROPN" && p.XPOS != "VBN" {
			continue
		}
		n := s.d.Tokens[i+1]
		if n.UPOS != "DET" && n.UPOS != "PROPN" && n.UPOS != "NOUN" && n.XPOS != "PRP" && n.XPOS != "PRP$" && n.XPOS != "VBG" && !s.is(i+1, "that") {
			continue
		}
		if strings.HasSuffix(s.lower(i), "s") {
			s.retag(i, retagVBZ)
		} else {
			s.retag(i, retagVBP)
		}
		return
	}
}

// cueWord tells whether token i is a verb of saying.
func (s *state) cueWord(i int) bool {
	return s.isVerb(i) && cueVerbs[s.cueLemma(i)]&cSpeech != 0
}
func (s *state) lower(i int) string { return s.lowers[i] }

func (s *state) isVerb(i int) bool {
	return strings.HasPrefix(s.xpos(i), "VB") || s.upos(i) == "VERB"
}

func (s *state) isFinite(i int) bool {
	switch s.xpos(i) {
	case "VBD", "VBZ", "VBP", "MD":
		return true
	}
	return false
}

func (s *state) isAux(i int) bool {
	if s.upos(i) == "AUX" || s.xpos(i) == "MD" {
		return true
	}
	switch s.lower(i) {
	case "not", "n't", "never":
		return true
	}
	return false
}

func (s *state) isAdv(i int) bool {
	return s.upos(i) == "ADV" || strings.HasPrefix(s.xpos(i), "RB")
}

func (s *state) isPunct(i int) bool { return s.upos(i) == "PUNCT" }

func (s *state) is(i int, w string) bool {
	return i >= 0 && i < len(s.d.Tokens) && s.lower(i) == w
}

// isOneOf tells whether token i is one of the space-separated words ws
// (a stance word's particles: "about that of").
func (s *state) isOneOf(i int, ws string) bool {
	if i < 0 || i >= len(s.d.Tokens) {
		return false
	}
	l := s.lower(i)
	// Scan the words in place: this runs for most tokens, and splitting
	// ws each time allocated.
	for ws != "" {
		w, rest, _ := strings.Cut(ws, " ")
		if w == l {
			return true
		}
		ws = rest
	}
	return false
}

// isNominal tells whether token i can be part of a noun phrase.
func (s *state) isNominal(i int) bool {
	switch s.upos(i) {
	case "DET", "NOUN", "PROPN", "ADJ", "NUM":
		return !s.isTime(i)
	case "PRON":
		return s.xpos(i) == "PRP$" || s.xpos(i) == "PRP" || s.xpos(i) == "WP$"
	case "PART":
		return s.xpos(i) == "POS"
	case "PUNCT":
		return s.xpos(i) == "HYPH"
	}
	return false
}

// isHead tells whether token i can head a noun phrase.
func (s *state) isHead(i int) bool {
	switch s.upos(i) {
	case "NOUN", "PROPN", "NUM":
		return true
	case "PRON":
		return s.xpos(i) == "PRP"
	}
	return false
}

// isTime tells whether token i is inside a time expression.
func (s *state) isTime(i int) bool {
	return s.inTime != nil && s.inTime[i]
}

// sentBounds returns the token range of the sentence holding token i.
func (s *state) sentBounds(i int) (int, int) {
	si := s.d.SentenceOf(i)
	if si < 0 {
		return i, i + 1
	}
	return s.d.Sentences[si].First, s.d.Sentences[si].Last
}

// cueAt tells whether a cue starts at token i (after any auxiliaries): a
// cue verb or "according to". It returns the cue's lemma, its tokens
// [first, last) with the auxiliaries before it, and the verb's flags.
func (s *state) cueAt(i int) (lemma string, first, last int, f cueFlags, ok bool) {
	if s.tokQ[i] >= 0 {
		return "", 0, 0, 0, false
	}
	if s.lower(i) == "according" && s.is(i+1, "to") {
		return "according to", i, i + 2, cSpeech, true
	}
	if !s.isVerb(i) {
		return "", 0, 0, 0, false
	}
	l := s.cueLemma(i)
	if l == "make" {
		// "made clear that", "made it clear that": a cue of two or three words.
		j := i + 1
		if s.is(j, "it") {
			j++
		}
		if !s.is(j, "clear") || !s.is(j+1, "that") && !s.is(j+1, ",") {
			// "made the case that", "made a direct appeal to": a light
			// verb and a noun of saying.
			j = i + 1
			for n := 0; n < 3 && j < len(s.d.Tokens) && (s.upos(j) == "DET" || s.upos(j) == "ADJ" || s.xpos(j) == "PRP$") && s.tokQ[j] < 0; n++ {
				j++
			}
			if j >= len(s.d.Tokens) || s.tokQ[j] >= 0 || s.upos(j) != "NOUN" || makeNouns[s.lemmas[j]] == "" {
				return "", 0, 0, 0, false
			}
			l = "make " + s.lemmas[j]
			lo, _ := s.sentBounds(i)
			first = i
			for first > lo && s.isAux(first-1) && s.tokQ[first-1] < 0 {
				first--
			}
			return l, first, j + 1, cSpeech | cStance, true
		}
		lo, _ := s.sentBounds(i)
		first = i
		for first > lo && s.isAux(first-1) && s.tokQ[first-1] < 0 {
			first--
		}
		return "make clear", first, j + 1, cSpeech, true
	}
	if l == "raise" {
		// "raised questions about his record", "raised new concerns over
		// the deal": a light verb and a noun of doubt.
		j := i + 1
		for n := 0; n < 2 && j < len(s.d.Tokens) && (s.upos(j) == "DET" || s.upos(j) == "ADJ") && s.tokQ[j] < 0; n++ {
			j++
		}
		if j >= len(s.d.Tokens) || s.tokQ[j] >= 0 || s.upos(j) != "NOUN" || raiseNouns[s.lemmas[j]] == "" {
			return "", 0, 0, 0, false
		}
		lo, _ := s.sentBounds(i)
		first = i
		for first > lo && s.isAux(first-1) && s.tokQ[first-1] < 0 {
			first--
		}
		return "raise " + s.lemmas[j], first, j + 1, cThat | cStance, true
	}
	if pl, n := s.phrasal(i); n > 0 {
		lo, _ := s.sentBounds(i)
		first = i
		for first > lo && s.isAux(first-1) && s.tokQ[first-1] < 0 {
			first--
		}
		return pl, first, i + n, cThat | cStance, true
	}
	f, ok = cueVerbs[l]
	if _, st := stanceVerbs[l]; st {
		if !ok {
			f = cThat
		}
		f |= cStance
		ok = true
	}
	if !ok && s.learning && s.learnedCue(i) {
		// A verb the lexicons lack that the learned model admits: a
		// stance cue whose content is its clause or object.
		f, ok = cThat|cStance, true
	}
	if !ok {
		return "", 0, 0, 0, false
	}
	// "the reported attack", "a told story": a participle used as an
	// adjective; "some say", "many said", "both told" are subjects.
	if i > 0 && s.upos(i-1) == "DET" && (!s.isFinite(i) || s.is(i-1, "the") || s.is(i-1, "a") || s.is(i-1, "an")) {
		return "", 0, 0, 0, false
	}
	if i > 0 && strings.HasSuffix(s.lower(i), "s") && (s.upos(i-1) == "NUM" || s.is(i-1, "other") || s.is(i-1, "united")) {
		return "", 0, 0, 0, false // "three states", "other reports": a plural noun
	}
	if (s.xpos(i) == "VBN" || s.xpos(i) == "VBD") && i > 0 && i+1 < len(s.d.Tokens) && s.xpos(i+1) == "NNS" &&
		(s.upos(i-1) == "NUM" || s.upos(i-1) == "ADJ" || s.is(i-1, ",") && i >= 2 && s.upos(i-2) == "ADJ") {
		return "", 0, 0, 0, false // "270 pledged delegates": a participle as an adjective
	}
	if l == "say" && i > 0 && s.is(i-1, "that") && s.is(i+1, ",") {
		lo, _ := s.sentBounds(i)
		if i-1 == lo {
			return "", 0, 0, 0, false // "That said, ...": a connective
		}
	}
	last = i + 1
	if l == "point" {
		if !s.is(i+1, "out") && !s.is(i+1, "to") {
			return "", 0, 0, 0, false
		}
		last++
	}
	lo, _ := s.sentBounds(i)
	first = i
	for first > lo && s.isAux(first-1) && s.tokQ[first-1] < 0 {
		first--
	}
	return l, first, last, f, true
}

// phrasal tells whether a phrasal stance verb starts at verb i ("took aim
// at", "weighed in on", "lashed out at", "went after him"), returning its
// lemma and length in tokens; n is 0 when none does.
func (s *state) phrasal(i int) (lemma string, n int) {
	for _, p := range phrasalStances[s.lemmas[i]] {
		ws := strings.Fields(p)
		j := i + 1
		for _, w := range ws {
			if !s.is(j, w) || s.tokQ[j] >= 0 {
				break
			}
			j++
		}
		if j-i-1 != len(ws) || j >= len(s.d.Tokens) {
			continue
		}
		if ws[len(ws)-1] == "after" && s.upos(j) != "PROPN" && s.xpos(j) != "PRP" {
			continue // "went after the nomination": a pursuit, not an attack
		}
		return s.lemmas[i] + " " + p, j - i
	}
	return "", 0
}

// phrasalStances are verbs whose stance needs the words after them: the
// object of the last word is the content.
var phrasalStances = map[string][]string{
	"take":  {"aim at"},
	"weigh": {"in on"},
	"lash":  {"out at", "out against"},
	"speak": {"out against", "out about", "out on", "out for"},
	"come":  {"out against", "out for", "out in favor of"},
	"go":    {"after"},
	"back":  {"away from"},
}

// stripPunct trims punctuation from both ends of [a, b).
func (s *state) stripPunct(a, b int) (int, int) {
	for a < b && s.isPunct(a) && s.tokQ[a] < 0 {
		a++
	}
	for b > a && s.isPunct(b-1) && s.tokQ[b-1] < 0 {
		b--
	}
	return a, b
}

// cueLemma returns the lemma of token i as the cue lexicons know it: the
// lemmatizer's, or, when that is not in them, the form with a regular
// ending removed ("conceded" -> "concede", "warned" -> "warn"), which
// covers a lemmatizer's slips on inflected verbs.
func (s *state) cueLemma(i int) string {
	if s.cueLemmas == nil {
		s.cueLemmas = make([]string, len(s.d.Tokens))
	}
	if l := s.cueLemmas[i]; l != "" {
		return l
	}
	l := s.findCueLemma(i)
	s.cueLemmas[i] = l
	return l
}

// findCueLemma is cueLemma uncached.
func (s *state) findCueLemma(i int) string {
	l := s.lemmas[i]
	if known(l) {
		return l
	}
	w := s.lower(i)
	for _, c := range []struct{ suf, rep string }{{"ied", "y"}, {"ies", "y"}, {"ed", "e"}, {"ed", ""}, {"es", ""}, {"s", ""}, {"ing", "e"}, {"ing", ""}} {
		if strings.HasSuffix(w, c.suf) && len(w) > len(c.suf)+2 {
			if b := w[:len(w)-len(c.suf)] + c.rep; known(b) {
				return b
			}
		}
	}
	return l
}

func known(l string) bool {
	if _, ok := cueVerbs[l]; ok {
		return true
	}
	_, ok := stanceVerbs[l]
	return ok
}

// capitalized tells whether w starts with a capital letter.
func capitalized(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// owned tells whether any token in [a, b) already belongs to a quote.
func (s *state) owned(a, b int) bool {
	for j := a; j < b; j++ {
		if s.owner[j] >= 0 {
			return true
		}
	}
	return false
}
