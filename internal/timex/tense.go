package timex

import "strings"

// tense of the clause around an expression, used to pick the direction of
// a relative reference ("Friday" before or after the publication date).
type tense int8

const (
	tUnknown tense = iota
	tPast
	tPresent
	tFuture
)

// tenseAround returns the tense of the nearest verb cue to atoms [i, j),
// looking within the sentence of atom i. Tagged tokens (XPOS) are used when
// the tagger ran; otherwise words from the lexicon and "-ed" forms. A
// reporting verb ("said") counts only when it is next to the expression or
// no other cue is found, since it usually governs another clause.
func (x *extractor) tenseAround(i, j int) tense {
	if x.exprStart >= 0 && x.exprStart < i {
		i = x.exprStart
	}
	lo, hi := x.sentenceAtoms(i)
	// "as soon as Tuesday", "as early as next week", "effective Feb. 1",
	// "payable Dec. 7", "by August" look ahead.
	if i >= 3 && x.a[i-1].is("as") && x.a[i-3].is("as") && (x.a[i-2].is("soon") || x.a[i-2].is("early")) {
		return tFuture
	}
	if i >= 1 && i-1 >= lo && x.a[i-1].is("since") {
		// "on patrol since March": a starting point is already past.
		return tPast
	}
	if i >= 1 && i-1 >= lo {
		if p := &x.a[i-1]; p.is("effective") || p.is("payable") || p.is("expire") || p.is("expires") || p.is("until") || p.is("till") || p.is("by") || p.is("through") {
			// A deadline: ahead unless the verb it hangs on, before it, is
			// past ("talks supposed to end by May, invited..." looks
			// ahead) and does not itself push a date forward ("extended
			// the loans through January", "postponed until Tuesday").
			t := x.tenseNear(i, j, lo, j)
			if t == tUnknown {
				t = x.tenseNear(i, j, lo, hi)
			}
			if t == tPast && x.hadWithin(i, lo) {
				// "had been due to expire Friday": the deadline has passed.
				return tPast
			}
			if t != tPast || p.is("effective") || p.is("payable") || p.is("expire") || p.is("expires") || x.projectedBefore(i, lo) {
				return tFuture
			}
			return tPast
		}
	}
	if t := x.tenseNear(i, j, lo, hi); t != tUnknown {
		return t
	}
	// No verb near: a fronted date ("In January, a week after the
	// anniversary of ..., a bomb exploded") takes the tense of the
	// sentence's first verb after it.
	return x.tenseFar(j, hi)
}

// tenseFar returns the tense of the first verb cue in [j, hi), reporting
// verbs included, or tUnknown.
func (x *extractor) tenseFar(j, hi int) tense {
	for k := j; k < hi; k++ {
		if x.a[k].kind != kWord {
			continue
		}
		if t, _ := x.cue(k); t != tUnknown {
			return t
		}
	}
	return tUnknown
}

// tenseNear returns the tense of the nearest verb cue to atoms [i, j)
// within [lo, hi).
func (x *extractor) tenseNear(i, j, lo, hi int) tense {
	best, bestD := tUnknown, 1<<30
	try := func(k, dist int) bool {
		t, rep := x.cue(k)
		if t == tUnknown {
			return false
		}
		if t == tPast && k < i && x.arranges(k) {
			// "scheduled a news conference Thursday", "planned a rally
			// on Saturday": what was arranged is still to come.
			t = tFuture
		}
		if rep && dist > 2 {
			dist += 6
		}
		if dist < bestD {
			best, bestD = t, dist
		}
		return !rep
	}
	for k, n := i-1, 0; k >= lo && n < 14; k, n = k-1, n+1 {
		if x.a[k].kind == kWord && try(k, i-k) {
			break
		}
	}
	// Cues after the expression count a little farther: the governing verb
	// usually comes first ("met on Friday", "said Friday").
	for k, n := j, 0; k < hi && n < 14; k, n = k+1, n+1 {
		if x.a[k].kind == kWord && try(k, (k-j+1)*3/2) {
			break
		}
	}
	return best
}

// sentenceAtoms returns the atom range [lo, hi) of the sentence holding atom
// i, or a window around it when the document has no sentences.
func (x *extractor) sentenceAtoms(i int) (int, int) {
	if x.sentLo <= i && i < x.sentHi {
		return x.sentLo, x.sentHi
	}
	lo, hi := max(0, i-30), min(len(x.a), i+30)
	t := x.a[i].tok
	if t >= 0 && len(x.d.Sentences) > 0 {
		if s := x.d.SentenceOf(int(t)); s >= 0 {
			sn := &x.d.Sentences[s]
			for lo = i; lo > 0 && int(x.a[lo-1].s) >= sn.Start; lo-- {
			}
			for hi = i + 1; hi < len(x.a) && int(x.a[hi].s) < sn.End; hi++ {
			}
		}
	}
	x.sentLo, x.sentHi = lo, hi
	return lo, hi
}

// tagOf returns the XPOS tag of the token that starts at atom i, or "".
func (x *extractor) tagOf(i int) string {
	a := &x.a[i]
	if a.tok < 0 || int(a.tok) >= len(x.d.Tokens) || x.d.Tokens[a.tok].Start != int(a.s) {
		return ""
	}
	return x.d.Tokens[a.tok].XPOS
}

// sentStartByte returns the byte offset where the sentence of atom i starts.
func (x *extractor) sentStartByte(i int) int {
	lo, _ := x.sentenceAtoms(i)
	return int(x.a[lo].s)
}

// cue returns the tense a word signals and whether it is a reporting verb.
func (x *extractor) cue(k int) (tense, bool) {
	a := &x.a[k]
	if a.ent != nil && (a.ent.cls&(cIntent|cFuture) != 0 || x.beGoingTo(k)) && x.hadBefore(k) {
		// "had been due to expire Friday", "had planned to meet Monday":
		// a plan the story has overtaken, its day now past.
		return tPast, false
	}
	if x.beGoingTo(k) {
		// "were planning to drive Monday", "was due to arrive Friday".
		return tFuture, false
	}
	if (a.is("has") || a.is("have")) && k+1 < len(x.a) && (x.a[k+1].is("until") || x.a[k+1].is("till")) {
		// "Cyprus has until Monday": a main verb, present, not the
		// auxiliary of a perfect.
		return tPresent, false
	}
	if tag := x.tagOf(k); tag != "" {
		// Tags give the tense of a verb form, but not that "planned to",
		// "is expected to" or "was to" look ahead: the lexicon does.
		if a.ent != nil && k+1 < len(x.a) && x.a[k+1].is("to") {
			e := a.ent
			if e.cls&cIntent != 0 || e.w == "expected" || e.w == "planned" || e.w == "scheduled" {
				return tFuture, false
			}
			if (e.w == "is" || e.w == "are" || e.w == "was" || e.w == "were" || e.w == "about") && k+2 < len(x.a) && x.a[k+2].kind == kWord && x.a[k+2].ent == nil {
				return tFuture, false
			}
		}
		return x.tagCue(k, tag)
	}
	if a.ent != nil {
		e := a.ent
		rep := e.cls&cReporting != 0
		switch {
		case e.cls&cFuture != 0 && e.w != "next" && e.w != "tomorrow" && e.w != "upcoming":
			if e.w == "ll" && !(k > 0 && x.a[k-1].punct('\'') && !a.gap()) {
				return tUnknown, false
			}
			if e.w == "wo" && !(k+1 < len(x.a) && x.a[k+1].is("n")) {
				return tUnknown, false
			}
			if e.w == "expected" || e.w == "planned" || e.w == "scheduled" {
				// "was expected to" still looks ahead; "expected" alone is past.
				if k+1 < len(x.a) && x.a[k+1].is("to") {
					return tFuture, false
				}
				return tPast, false
			}
			return tFuture, false
		case e.cls&cIntent != 0 && k+1 < len(x.a) && x.a[k+1].is("to"):
			// "plans to", "set to resume", "were planning to" look ahead.
			return tFuture, false
		case (e.w == "is" || e.w == "are" || e.w == "was" || e.w == "were" || e.w == "about") && k+2 < len(x.a) && x.a[k+1].is("to") && x.a[k+2].kind == kWord && x.a[k+2].ent == nil:
			// "is to resume", "was to meet", "about to leave" look ahead.
			return tFuture, false
		case e.cls&cAux != 0:
			// "has said", "have been": present perfect speaks of the past.
			return tPast, false
		case e.cls&cPast != 0:
			if x.afterBe(k) {
				return tUnknown, false // "will be held": the auxiliary decides
			}
			return tPast, rep
		case e.cls&cPresent != 0:
			return tPresent, rep
		}
		return tUnknown, false
	}
	if a.kind == kWord && !a.cap() && a.e-a.s > 4 {
		w := x.text[a.s:a.e]
		if strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "eed") {
			// A participle after a form of "be" belongs to that auxiliary.
			if x.afterBe(k) {
				return tUnknown, false
			}
			return tPast, false
		}
	}
	return tUnknown, false
}

func (x *extractor) tagCue(k int, tag string) (tense, bool) {
	a := &x.a[k]
	rep := a.ent != nil && a.ent.cls&cReporting != 0
	switch tag {
	case "MD":
		if a.is("will") || a.is("shall") || a.is("ll") || a.is("wo") || a.is("would") {
			return tFuture, false
		}
		return tUnknown, false
	case "VBD":
		return tPast, rep
	case "VBN":
		// "issued Thursday", "set on Aug. 6": a participle speaks of the
		// past, unless it belongs to a form of "be" ("will be held", "is
		// heard": the auxiliary decides).
		if x.afterBe(k) {
			return tUnknown, false
		}
		return tPast, rep
	case "VB":
		// "he and Arafat meet Monday": a base form right after a name or
		// pronoun is a present the tagger missed; after "to" or a modal it
		// is not, and after a common noun it is often a noun ("sales
		// picture").
		if k > 0 {
			switch x.tagOf(k - 1) {
			case "NNP", "NNPS", "PRP":
				return tPresent, rep
			}
		}
		return tUnknown, false
	case "VBZ", "VBP":
		if a.ent != nil && a.ent.cls&cAux != 0 {
			return tPast, false
		}
		if a.has(cPast) && !sameInPresent(a.ent.w) {
			// "the bullet that tore through": an irregular past form the
			// tagger took for a present one.
			return tPast, rep
		}
		// "his top aides", "the company's sales": a plural noun the tagger
		// took for a verb, right after a determiner or possessive.
		for j := k - 1; j >= 0 && j >= k-2; j-- {
			switch x.tagOf(j) {
			case "DT", "PRP$", "POS":
				if a.ent == nil {
					return tUnknown, false
				}
			}
		}
		if a.is("is") || a.is("are") || a.is("am") {
			// "is expected to", "are going to" look ahead.
			if k+2 < len(x.a) && (x.a[k+1].is("expected") || x.a[k+1].is("scheduled") || x.a[k+1].is("going") || x.a[k+1].is("due")) {
				return tFuture, false
			}
		}
		return tPresent, rep
	}
	return tUnknown, false
}

// sameInPresent reports whether a past-tense cue word is also a present
// form ("they cut", "we set"), so a present tag on it may be right.
func sameInPresent(w string) bool {
	switch w {
	case "set", "put", "hit", "cut", "let", "quit", "bid", "read":
		return true
	}
	return false
}

// afterBe reports whether atom k follows a form of "be", so that a
// participle there is passive ("will be held", "is heard", "was named")
// and the auxiliary, not the participle, carries the tense.
func (x *extractor) afterBe(k int) bool {
	if k == 0 {
		return false
	}
	p := &x.a[k-1]
	return p.is("be") || p.is("been") || p.is("being") || p.is("is") || p.is("are") || p.is("am") || p.is("was") || p.is("were")
}

// projectedBefore reports whether a verb that sets a later date
// ("extended", "postponed", "gave ... until") comes shortly before atom i.
func (x *extractor) projectedBefore(i, lo int) bool {
	for k, n := i-1, 0; k >= lo && n < 12; k, n = k-1, n+1 {
		a := &x.a[k]
		if a.kind != kWord {
			continue
		}
		w := strings.ToLower(x.text[a.s:a.e])
		switch w {
		case "extend", "extends", "extended", "postpone", "postpones", "postponed", "delay", "delays", "delayed",
			"defer", "defers", "deferred", "adjourn", "adjourned", "adjourns", "give", "gave", "given", "grant",
			"granted", "extending", "postponing", "delaying":
			return true
		}
	}
	return false
}

// arranges reports whether atom k is a verb that sets something for a later
// day ("scheduled", "planned") used with an object, not "planned to" (the
// lexicon already reads that ahead) nor "previously planned", "had
// scheduled" (an arrangement that the story says was overtaken).
func (x *extractor) arranges(k int) bool {
	a := &x.a[k]
	if !(a.is("scheduled") || a.is("planned") || a.is("rescheduled")) || x.before(k+1).is("to") {
		return false
	}
	p := x.before(k - 1)
	return !(p.is("previously") || p.is("originally") || p.is("initially") || p.is("had") || p.is("been"))
}

// beGoingTo reports whether atom k is a form of "be" followed by an
// intention and "to" ("were planning to", "is due to", "was set to"), which
// looks ahead whatever the tense of "be".
func (x *extractor) beGoingTo(k int) bool {
	a := &x.a[k]
	if !(a.is("was") || a.is("were") || a.is("is") || a.is("are")) || k+2 >= len(x.a) || !x.a[k+2].is("to") {
		return false
	}
	n := &x.a[k+1]
	return n.is("planning") || n.is("going") || n.is("due") || n.is("set") || n.is("slated") || n.is("scheduled") || n.is("preparing")
}

// hadBefore reports whether atom k follows "had" or "had been" (the past
// perfect).
func (x *extractor) hadBefore(k int) bool {
	p := x.before(k - 1)
	return p.is("had") || p.is("been") && x.before(k-2).is("had")
}

// hadWithin reports whether "had" comes within the five words before atom i.
func (x *extractor) hadWithin(i, lo int) bool {
	for k, n := i-1, 0; k >= lo && n < 5; k-- {
		if x.a[k].kind != kWord {
			continue
		}
		if x.a[k].is("had") {
			return true
		}
		n++
	}
	return false
}
