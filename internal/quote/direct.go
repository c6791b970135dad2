package quote

import "strings"

// frame is a cue with its speaker phrase and addressee found next to a quote.
type frame struct {
	lemma         string
	cueA, cueB    int // cue tokens
	spkA, spkB    int // speaker phrase tokens (equal: none)
	addrA, addrB  int // object of the cue (addressee or medium; equal: none)
	passive, verb bool
}

// direct attaches each quoted span to the cue next to it: after the quote
// ("...," Trump told The Times; "...," tweeted Sean Spicer) or before it
// (He said: "..."; he told reporters, "...").
func (s *state) direct() {
	for k := range s.spans {
		first, last := s.spanTokens(k)
		if first < 0 {
			continue
		}
		f, ok := s.afterCue(last)
		if !ok {
			f, ok = s.signature(first, last)
		}
		lead, tail := first, last
		if !ok {
			f, ok = s.beforeCue(first)
			if ok {
				lead = s.leadIn(f, first)
			}
			// said "local forces" must lead: a quote right after the cue,
			// with no comma or colon, is a fragment of the reported
			// clause too.
			fragment := lead < first || ok && f.verb && first > 0 && !s.isPunct(first-1) && s.tokQ[first-1] < 0
			if fragment && last < len(s.d.Tokens) && !s.isPunct(last) && s.d.SentenceOf(last) == s.d.SentenceOf(first) {
				// said the U.S. "clearly" needed more: a fragment inside
				// the reported clause, which runs on after it.
				_, hi := s.sentBounds(first)
				tail = max(last, s.contentEnd(last-1, hi))
			}
		}
		if !ok {
			continue
		}
		q := Quote{Kind: Direct, Continues: -1, Speaker: noSpeaker()}
		s.content(&q, first, last)
		q.Start, q.End = s.spans[k].Start, s.spans[k].End
		if lead < first {
			// He said Mateen "has not done this": the reported clause,
			// subject and quoted predicate, is the content.
			q.Kind, q.First, q.Start = Mixed, lead, s.d.Tokens[lead].Start
		}
		if tail > last {
			q.Kind, q.Last, q.End = Mixed, tail, s.d.Tokens[tail-1].End
		}
		s.applyFrame(&q, f)
		s.spanQuote[k] = s.add(q)
	}
}

func (s *state) applyFrame(q *Quote, f frame) {
	q.Cue = s.cueOf(f.lemma, f.cueA, f.cueB)
	if f.spkA < f.spkB {
		q.Speaker.First, q.Speaker.Last = f.spkA, f.spkB
	}
	if f.addrA < f.addrB {
		q.Addressee = s.d.Text[s.d.Tokens[f.addrA].Start:s.d.Tokens[f.addrB-1].End]
	}
	if f.passive && f.spkA == f.spkB {
		q.Speaker.Anonymous = true
	}
}

// segment returns the unquoted tokens after token i (exclusive of quotes)
// up to the end of its sentence or the next quote.
func (s *state) segmentAfter(i int) (int, int) {
	if i >= len(s.d.Tokens) {
		return i, i
	}
	_, hi := s.sentBounds(i - 1)
	j := i
	for j < hi && s.tokQ[j] < 0 {
		j++
	}
	return i, j
}

// clauseOpeners start a clause after a quote's frame.
var clauseOpeners = map[string]bool{
	"though": true, "although": true, "while": true, "as": true, "when": true, "after": true,
	"before": true, "because": true, "but": true, "who": true, "which": true, "where": true,
	"whose": true, "since": true, "and": true, "adding": true, "noting": true, "until": true,
}

// relativeWords open a clause that may name the listener right after a
// cue ("told reporters who ..."), so only later do they end a frame.
var relativeWords = map[string]bool{"who": true, "which": true, "where": true, "whose": true, "and": true}

// subjectAfter returns the subject the parse gives the verb of cue [a, b)
// when it follows the cue within [b, hi) and holds no quoted word, else
// an empty span.
func (s *state) subjectAfter(a, b, hi int) (int, int) {
	if !s.parsed {
		return b, b
	}
	for v := b - 1; v >= a; v-- {
		if !s.isVerb(v) || s.isAux(v) {
			continue
		}
		for _, k := range s.children(v) {
			if c := int(k); c >= b && c < hi && s.d.Tokens[c].Deprel == "nsubj" {
				sa, sb := s.subtree(c, b, hi)
				for sa > b && s.descends(sa-1, c) {
					sa-- // "Common Watch president Joe Ross"
				}
				if sa == b && sa < sb && !s.quoted(sa, sb) {
					return sa, sb
				}
			}
		}
		break
	}
	return b, b
}

// afterCue looks for the cue in the segment right after a quote ending at
// token last. When the quote ends its sentence, a short next sentence in
// the same paragraph made only of the frame ("Trump said.") counts.
func (s *state) afterCue(last int) (frame, bool) {
	lo, hi := s.segmentAfter(last)
	if lo == hi && last < len(s.d.Tokens) {
		if si := s.d.SentenceOf(last); si > 0 && s.d.Sentences[si].First == last &&
			s.d.Sentences[si].Paragraph == s.d.Sentences[si-1].Paragraph && s.d.Sentences[si].Last-last <= 10 {
			lo, hi = last, s.d.Sentences[si].Last
			for j := lo; j < hi; j++ {
				if s.tokQ[j] >= 0 {
					return frame{}, false
				}
			}
		}
	}
	j := lo
	for j < hi && s.isPunct(j) {
		j++
	}
	if j >= hi {
		return frame{}, false
	}
	// Inverted: "...," said Lavrov / tweeted White House Press Secretary, Sean Spicer.
	if l, a, b, fl, ok := s.cueAt(j); ok && s.owner[j] < 0 {
		if l == "according to" {
			sa, sb := s.rightNP(b, hi, true)
			if sa == sb {
				return frame{}, false
			}
			return frame{lemma: l, cueA: a, cueB: b, spkA: sa, spkB: sb}, true
		}
		if fl&cThat != 0 && !s.quoteOpen(last) {
			return frame{}, false
		}
		sa, sb := s.rightNP(b, hi, true)
		if sa == sb || !s.frameEnds(sb, hi) {
			// A name the tagger broke ("said Common Watch/VB
			// president Joe Ross"): the cue's subject in the parse.
			sa, sb = s.subjectAfter(a, b, hi)
		}
		f := frame{lemma: l, cueA: a, cueB: b, spkA: sa, spkB: sb, verb: true}
		if sa == sb || !s.frameEnds(sb, hi) {
			return frame{}, false
		}
		return f, true
	}
	// Subject first: "...," Trump told The Times; "...," the Kremlin said.
	if w := s.lower(j); subordinators[w] && w != "as" {
		// was "absolutely right" when he said ...: a clause of its own
		// opens after the quote, which belongs to the clause before it
		// ("...," as he put it, does frame it)
		return frame{}, false
	}
	paren := false
	for v := j; v < hi && v < j+30; v++ {
		// "Sen. Marco Rubio (R-Fla.) said": whatever a tagger made of the
		// words in parentheses, they belong to the subject.
		if s.is(v, "(") {
			paren = true
		}
		if paren {
			paren = !s.is(v, ")")
			continue
		}
		if s.isVerb(v) || s.isAux(v) {
			l, a, b, fl, ok := s.cueAt(v)
			if !ok && s.isAux(v) {
				continue
			}
			if !ok && v > j && (s.xpos(v) == "VBN" || s.xpos(v) == "VBG") && v+1 < hi && (s.isNominal(v+1) || s.is(v+1, ",")) {
				// "the bespectacled, 71-year-old diplomat said": a
				// participle as an adjective inside the subject.
				continue
			}
			if !ok && s.mannerVerb(v, last) {
				// ""...," Oliver barked.": a verb of manner after a quote
				// that ends on a comma frames it.
				l, a, b, fl, ok = s.lemmas[v], v, v+1, cSpeech, true
			}
			if ok && fl&cThat != 0 && s.quoteOpen(last) {
				// ""...," she continued.": a that-only verb frames a quote
				// left open by a comma.
				fl &^= cThat
			}
			if !ok || fl&cThat != 0 {
				return frame{}, false
			}
			f := frame{lemma: l, cueA: a, cueB: b, verb: true}
			f.spkA, f.spkB = s.subject(b-1, a, j)
			if f.spkA == f.spkB || f.spkA != j && !s.onlyPunctOrAdv(j, f.spkA) {
				return frame{}, false
			}
			if !s.knownCue(l) && !s.onlyPunct(b, hi) {
				return frame{}, false // "...," Trump barked at reporters: only the verb alone
			}
			end := b
			if cueVerbs[l]&cObject != 0 {
				f.addrA, f.addrB = s.rightNP(b, hi, false)
				if f.addrA < f.addrB {
					end = f.addrB
				}
			}
			if !s.frameEnds(end, hi) {
				return frame{}, false
			}
			return f, true
		}
		if !s.isNominal(v) && !s.isPunct(v) && !s.isAdv(v) && !s.isTime(v) && s.upos(v) != "ADP" && s.upos(v) != "CCONJ" && s.upos(v) != "PRON" {
			return frame{}, false
		}
	}
	return frame{}, false
}

// signature finds the name a quote that makes up its paragraph is signed
// with after a dash: "“...” ― Ana Ruiz", "“...” — Tom Becker, 41, Tucson",
// as lists of readers' or voters' views print them. The cue is the dash.
func (s *state) signature(first, last int) (frame, bool) {
	if first < 0 || last >= len(s.d.Tokens) || !s.startsParagraph(first) {
		return frame{}, false
	}
	lo, hi := s.segmentAfter(last)
	if lo == hi {
		// The quote ends its sentence: the signature is the next one.
		si := s.d.SentenceOf(last)
		if si < 0 || s.d.Sentences[si].First != last || s.d.Sentences[si].Paragraph != s.d.Sentences[s.d.SentenceOf(first)].Paragraph {
			return frame{}, false
		}
		lo, hi = last, s.d.Sentences[si].Last
	}
	if !s.isDash(lo) || lo+1 >= hi || s.upos(lo+1) != "PROPN" || !s.endsParagraph(hi-1) {
		return frame{}, false
	}
	// The name, then at most an age, a place or a title after commas: no
	// verb, no other quote.
	end := lo + 1
	for end < hi && s.upos(end) == "PROPN" {
		end++
	}
	for j := end; j < hi; j++ {
		if s.tokQ[j] >= 0 || s.isVerb(j) || s.isAux(j) {
			return frame{}, false
		}
	}
	return frame{lemma: s.d.Text[s.d.Tokens[lo].Start:s.d.Tokens[lo].End], cueA: lo, cueB: lo + 1, spkA: lo + 1, spkB: end}, true
}

// isDash tells whether token i is a dash that may sign a quote.
func (s *state) isDash(i int) bool {
	switch s.d.Text[s.d.Tokens[i].Start:s.d.Tokens[i].End] {
	case "\u2015", "\u2014", "\u2013", "--":
		return true
	}
	return false
}

// startsParagraph tells whether token i is the first of its paragraph.
func (s *state) startsParagraph(i int) bool {
	si := s.d.SentenceOf(i)
	return si >= 0 && s.d.Sentences[si].First == i && (si == 0 || s.d.Sentences[si-1].Paragraph != s.d.Sentences[si].Paragraph)
}

// endsParagraph tells whether token i is the last of its paragraph.
func (s *state) endsParagraph(i int) bool {
	si := s.d.SentenceOf(i)
	return si >= 0 && s.d.Sentences[si].Last == i+1 &&
		(si+1 == len(s.d.Sentences) || s.d.Sentences[si+1].Paragraph != s.d.Sentences[si].Paragraph)
}

// mannerVerb tells whether the verb at v, outside the cue lexicon, may
// frame the quote ending at token last: a past or present tense that is
// not a form of be, have or do, after a quote that closes on a comma, a
// question or an exclamation mark.
func (s *state) mannerVerb(v, last int) bool {
	if s.xpos(v) != "VBD" && s.xpos(v) != "VBZ" || s.isAux(v) {
		return false
	}
	switch s.lemmas[v] {
	case "be", "have", "do", "get", "go", "come", "make", "take", "give", "win", "lose":
		return false
	}
	return s.quoteOpen(last)
}

// quoteOpen tells whether the quote ending at token last closes on a
// comma, a question or an exclamation mark: its sentence goes on with its
// frame.
func (s *state) quoteOpen(last int) bool {
	k := last - 1
	for k > 0 && s.tokQ[k] >= 0 && s.isPunct(k) && !s.is(k, ",") && !s.is(k, "?") && !s.is(k, "!") {
		k--
	}
	return k > 0 && s.tokQ[k] >= 0 && (s.is(k, ",") || s.is(k, "?") || s.is(k, "!"))
}

func (s *state) knownCue(l string) bool { return l == "according to" || known(l) }

func (s *state) onlyPunct(a, b int) bool {
	for i := a; i < b; i++ {
		if !s.isPunct(i) {
			return false
		}
	}
	return true
}

func (s *state) onlyPunctOrAdv(a, b int) bool {
	for i := a; i < b; i++ {
		if !s.isPunct(i) && !s.isAdv(i) && !s.isTime(i) {
			return false
		}
	}
	return true
}

// frameEnds tells whether the tokens [i, hi) after a cue are only what
// may close a quote's frame: time expressions, prepositional phrases,
// adverbs and punctuation, or a participle clause after a comma ("...,"
// he said, adding that ...). A "that" or a finite verb means the cue
// governs a clause of its own, so the quote is not its content.
func (s *state) frameEnds(i, hi int) bool {
	for j := i; j < hi; j++ {
		if clauseOpeners[s.lower(j)] && (j > i || !relativeWords[s.lower(j)]) {
			// "..., said X, though he added ...", "X said as she left":
			// another clause begins; the frame ended before it.
			return true
		}
		if s.is(j, ",") && j+1 < hi && (s.xpos(j+1) == "VBG" || s.xpos(j+1) == "VBN") {
			return true // "..., angered that ...": a participle clause of its own
		}
		if s.is(j, "that") && j == i {
			return false
		}
		if s.is(j, "and") || s.is(j, "but") {
			k := j + 1
			for k < hi && s.isAdv(k) {
				k++
			}
			if k < hi && s.isFinite(k) {
				return true // "...," she said and quickly hung up: a second predicate
			}
		}
		if s.isFinite(j) && j > 0 && s.upos(j-1) == "NOUN" && strings.HasSuffix(s.lower(j), "s") && s.restIsAdjunct(j+1, hi) {
			continue // "told state delegates/VBZ recently": a plural noun a tagger read as a verb
		}
		if s.isFinite(j) {
			// A relative clause inside the frame ("Smith, who ...", "an
			// executive for a firm that sells ...") is fine.
			if j > i && (s.is(j-1, "who") || s.is(j-1, "which") || s.is(j-1, "that") && j-2 > i && s.isNominal(j-2)) {
				continue
			}
			if s.afterRelative(j, i) {
				continue // "..., said X, a chief of staff whom Mr. Obama recruited"
			}
			return false
		}
	}
	return true
}

// afterRelative tells whether the finite verb at j ends a relative clause
// opener, a relative word and then at most its subject's noun phrase, that
// starts after i: "whom the mayor hired", "whose staff wrote".
func (s *state) afterRelative(j, i int) bool {
	k := j - 1
	for k > i && (s.isNominal(k) || s.upos(k) == "DET" || s.upos(k) == "ADJ" || s.upos(k) == "NUM") && !s.isRelative(k) {
		k--
	}
	return k >= i && k < j-1 && s.isRelative(k)
}

// isRelative tells whether token k is a relative (or interrogative) word
// that opens a clause with its own subject.
func (s *state) isRelative(k int) bool {
	switch s.xpos(k) {
	case "WP", "WP$", "WDT":
		return true
	}
	return false
}

// restIsAdjunct tells whether [i, hi) holds only adverbs, time words and
// punctuation.
func (s *state) restIsAdjunct(i, hi int) bool {
	for j := i; j < hi; j++ {
		if !s.isAdv(j) && !s.isTime(j) && !s.isPunct(j) {
			return false
		}
	}
	return true
}

// beforeCue looks for the cue in the segment right before a quote starting
// at token first: He said: "..."; he told reporters, "..."; according to
// X, "...". A sentence ending in a colon before the quote's sentence counts.
func (s *state) beforeCue(first int) (frame, bool) {
	lo, _ := s.sentBounds(first)
	a := first
	for a > lo && s.tokQ[a-1] < 0 {
		a--
	}
	if a == first && first == lo && first > 0 && s.is(first-1, ":") && s.tokQ[first-1] < 0 {
		// "He said:" ended the previous sentence.
		plo, _ := s.sentBounds(first - 1)
		a = first - 1
		for a > plo && s.tokQ[a-1] < 0 {
			a--
		}
	}
	e := first - 1
	for e >= a && s.isPunct(e) && (s.is(e, ",") || s.is(e, ":") || s.is(e, "\u2014") || s.is(e, "--") || s.is(e, "-")) {
		e--
	}
	if e < a || e == first-1 && s.quotedTitle(first) {
		// "he said on NBC's “Meet the Press”": a show's name, not his words.
		return frame{}, false
	}
	// "according to X, ..."
	for c := e; c >= a && c > e-10; c-- {
		if s.is(c, "according") && s.is(c+1, "to") {
			sa, sb := s.rightNP(c+2, e+1, true)
			if sb != e+1 {
				return frame{}, false
			}
			return frame{lemma: "according to", cueA: c, cueB: c + 2, spkA: sa, spkB: sb}, true
		}
	}
	// Find the cue verb at the end, after skipping an object or inverted
	// subject and any time expression ("said Friday:", "told reporters:").
	c := e
	for c >= a && c > e-10 && (s.isNominal(c) || s.isTime(c) || s.isAdv(c) || (s.upos(c) == "ADP" && c < e)) && !s.isVerb(c) {
		c--
	}
	colon := s.is(e+1, ":") && e+1 < first
	if colon && c < a && e-a < 5 && s.upos(e) == "PROPN" && s.onlyNames(a, e+1) {
		// "Donald Trump: "..."": a name and a colon.
		return frame{lemma: ":", cueA: e + 1, cueB: e + 2, spkA: a, spkB: e + 1}, true
	}
	if colon && (cueNouns[s.lemmas[e]] || venueNouns[s.lemmas[e]]) && s.upos(e) == "NOUN" {
		// "From Bush's Facebook post: "..."", "The statement: "..."":
		// the medium names the quote; its possessor, when there is one,
		// is the speaker.
		f := frame{lemma: ":", cueA: e + 1, cueB: e + 2}
		h := e
		for h > a && (s.upos(h-1) == "NOUN" || s.upos(h-1) == "ADJ" || h-2 >= a && s.upos(h-1) == "PROPN" && s.xpos(h-2) == "POS") {
			h--
		}
		switch {
		case h > a && s.xpos(h-1) == "PRP$":
			f.spkA, f.spkB = h-1, h
		case h-1 > a && s.xpos(h-1) == "POS" && s.isHead(h-2):
			f.spkA, f.spkB = s.nounRunLeft(h-2, a), h-1
		}
		return f, true
	}
	if c < a || !s.isVerb(c) {
		return frame{}, false
	}
	l, ca, cb, fl, ok := s.cueAt(c)
	if !ok && colon && !s.isAux(c) && s.lemmas[c] != "be" && s.lemmas[c] != "have" {
		// "He demurred: "..."", "Article 33 affirms: "..."": any verb
		// with a subject ending in a colon introduces the quote.
		l, ca, cb, ok = s.lemmas[c], c, c+1, true
		for ca > a && s.isAux(ca-1) {
			ca--
		}
	}
	// "told “Good Morning America”": a quote right after a verb that takes
	// an object, with no comma or colon, names the listener.
	if ok && fl&cObject != 0 && cb == first {
		return frame{}, false
	}
	// A that-only verb frames a quote when a colon or comma is all that
	// stands between them ("It continued: "..."", "She continued, "...").
	if ok && fl&cThat != 0 && cb == e+1 && e+1 < first {
		fl &^= cThat
	}
	// An interrupted quote shares the cue of its first part.
	if !ok || fl&cThat != 0 || s.owner[c] >= 0 && s.quotes[s.owner[c]].Kind != Direct {
		return frame{}, false
	}
	f := frame{lemma: l, cueA: ca, cueB: cb, verb: true}
	f.spkA, f.spkB = s.subject(cb-1, ca, a)
	if f.spkA == f.spkB && s.xpos(cb-1) == "VBG" && ca > lo && s.is(ca-1, ",") {
		// "...," she said, adding, "...": the speaker of the quote
		// framed just before, else the main clause's subject.
		if p := s.quoteBefore(ca, lo); p >= 0 {
			f.spkA, f.spkB = s.quotes[p].Speaker.First, s.quotes[p].Speaker.Last
		} else if f.spkA, f.spkB = s.priorSpeaker(ca, lo); f.spkA == f.spkB {
			f.spkA, f.spkB = s.mainSubject(lo, ca)
		}
	}
	if cb <= e {
		oa, ob := s.rightNP(cb, e+1, true)
		switch {
		case fl&cObject != 0:
			f.addrA, f.addrB = oa, ob
		case f.spkA == f.spkB && !s.isTime(oa):
			f.spkA, f.spkB = oa, ob
		}
	}
	f.passive = s.isPassive(ca, cb)
	return f, f.spkA < f.spkB || f.passive
}

// leadIn returns where the content of a quote framed by a cue before it
// starts: the quote itself (first), or the subject of the reported clause
// between cue and quote (said Mateen "has not ...", said that golf clubs
// are "just scratching out a profit"), with its "that".
func (s *state) leadIn(f frame, first int) int {
	if !f.verb || f.cueB >= first {
		return first
	}
	k := f.cueB
	if f.addrB > k {
		k = f.addrB
	}
	if f.spkA >= f.cueB {
		return first // "said Lavrov, "...": an inverted speaker
	}
	k = s.skipLight(k, first)
	start := k
	if s.is(k, "that") {
		k++
	}
	if first-k < 1 || first-k > 12 {
		return first
	}
	noun := false
	for j := k; j < first; j++ {
		if s.owner[j] >= 0 || s.tokQ[j] >= 0 {
			return first
		}
		switch {
		case s.isHead(j):
			noun = true
		case s.isNominal(j) || s.upos(j) == "ADP" || s.isAdv(j) || s.isAux(j) || s.isVerb(j) && j > k:
		default:
			return first
		}
	}
	if !noun || s.isPunct(first-1) {
		return first
	}
	return start
}

// onlyNames tells whether [a, b) is proper names only.
func (s *state) onlyNames(a, b int) bool {
	for i := a; i < b; i++ {
		if s.upos(i) != "PROPN" || s.tokQ[i] >= 0 {
			return false
		}
	}
	return a < b
}

// isPassive tells whether the cue [a, b) is a passive participle with a
// form of "be" ("it was reported", "is said").
func (s *state) isPassive(a, b int) bool {
	if s.xpos(b-1) != "VBN" {
		return false
	}
	for i := a; i < b-1; i++ {
		if s.lemmas[i] == "be" || s.lemmas[i] == "get" {
			return true
		}
	}
	return false
}

// continuations give a quoted span with no cue of its own, opening its
// sentence right after another quote (within one paragraph's distance),
// the speaker of that quote: the second paragraph of a statement, or the
// next quoted sentence after "...," he said.
func (s *state) continuations() {
	for k := range s.spans {
		if s.spanQuote[k] >= 0 {
			continue
		}
		first, last := s.spanTokens(k)
		if first < 0 || s.owner[first] >= 0 {
			continue
		}
		lo, _ := s.sentBounds(first)
		if first != lo {
			continue
		}
		p := -1
		for qi := range s.quotes {
			if s.quotes[qi].Kind != Stance && s.quotes[qi].End <= s.spans[k].Start && (p < 0 || s.quotes[qi].End > s.quotes[p].End) {
				p = qi
			}
		}
		if p < 0 {
			continue
		}
		si := s.d.SentenceOf(first)
		ps := s.d.SentenceOf(s.quotes[p].Last - 1)
		if si-ps > 2 || s.d.Sentences[si].Paragraph-s.d.Sentences[ps].Paragraph > 1 {
			continue
		}
		// Too short to be a statement of its own: a scare quote or title.
		if last-first < 4 {
			continue
		}
		q := Quote{Kind: Direct, Continues: p, Speaker: noSpeaker(), Cue: Cue{First: -1, Last: -1, Start: -1, End: -1}}
		s.content(&q, first, last)
		q.Start, q.End = s.spans[k].Start, s.spans[k].End
		s.spanQuote[k] = s.add(q)
	}
}
