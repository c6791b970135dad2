package timex

// The grammar: one function per family of constructions. Each takes the
// atom where the expression would start and returns the match (atoms
// [i, j), type and value) or false. They look only forward from i, except
// for short checks of the words just before (capitalized names, "the").

// Kinds of prefix.
const (
	pkNone     = iota
	pkApprox   // nearly, more than, at least: any expression but a set
	pkOver     // over: only before a bare amount ("over a week")
	pkPos      // early, late, mid, the end of: calendar dates
	pkThePos   // the early, the late: "the" belongs only to decades
	pkRelative // earlier, later: relative dates ("earlier this year")
)

// prefix recognizes a modifier in front of an expression: approximators
// ("nearly", "more than"), position in a period ("early", "the end of").
// k is where the expression proper starts.
func (x *extractor) prefix(i int) (mod string, k int, kind int) {
	a := x.at(i)
	if a.ent == nil {
		return "", i, pkNone
	}
	switch a.ent.w {
	case "nearly", "almost":
		return "LESS_THAN", i + 1, pkApprox
	case "around", "approximately", "roughly", "some":
		if a.is("some") && x.at(i+1).kind != kNum && !x.at(i+1).has(cNumWord) {
			return "", i, pkNone
		}
		return "APPROX", i + 1, pkApprox
	case "over":
		return "MORE_THAN", i + 1, pkOver
	case "more", "less", "fewer":
		if x.at(i + 1).is("than") {
			if a.is("more") {
				return "MORE_THAN", i + 2, pkApprox
			}
			return "LESS_THAN", i + 2, pkApprox
		}
	case "at":
		if x.at(i + 1).is("least") {
			return "EQUAL_OR_MORE", i + 2, pkApprox
		}
		if x.at(i + 1).is("most") {
			return "EQUAL_OR_LESS", i + 2, pkApprox
		}
	case "up":
		if x.at(i + 1).is("to") {
			return "EQUAL_OR_LESS", i + 2, pkApprox
		}
	case "no":
		if (x.at(i+1).is("more") || x.at(i+1).is("less")) && x.at(i+2).is("than") {
			if x.at(i + 1).is("more") {
				return "EQUAL_OR_LESS", i + 3, pkApprox
			}
			return "EQUAL_OR_MORE", i + 3, pkApprox
		}
	case "early":
		return "START", x.dashAfter(i + 1), pkPos
	case "late":
		return "END", x.dashAfter(i + 1), pkPos
	case "mid":
		return "MID", x.dashAfter(i + 1), pkPos
	case "earlier":
		return "START", i + 1, pkRelative
	case "later":
		return "END", i + 1, pkRelative
	case "the":
		b := x.at(i + 1)
		switch {
		case b.is("early"):
			return "START", x.dashAfter(i + 2), pkThePos
		case b.is("late"):
			return "END", x.dashAfter(i + 2), pkThePos
		case b.is("mid"):
			return "MID", x.dashAfter(i + 2), pkThePos
		case b.is("beginning") || b.is("start") || b.is("dawn") || b.is("outset") || b.is("end") || b.is("close") || b.is("middle") || b.is("midst"):
			if !x.at(i + 2).is("of") {
				break
			}
			switch b.ent.w {
			case "end", "close":
				return "END", i + 3, pkPos
			case "middle", "midst":
				return "MID", i + 3, pkPos
			}
			return "START", i + 3, pkPos
		}
	}
	return "", i, pkNone
}

// withPrefix decides whether the modifier at i (of the given kind) joins
// the expression m that starts at k, and returns the joined match.
func (x *extractor) withPrefix(i, k, kind int, mod string, m match) (match, bool) {
	calendar := (m.typ == Date || m.typ == Time) && m.val == ""
	switch kind {
	case pkApprox:
		if m.typ == Set || x.at(k).has(cWeekday) {
			return m, false // "almost daily", "get around Wednesday's ruling"
		}
	case pkOver:
		if m.typ != Duration || !(x.at(k).is("a") || x.at(k).is("an")) {
			return m, false // "over a week"; "over the past year" keeps its own extent
		}
	case pkPos:
		if !calendar {
			return m, false
		}
	case pkThePos:
		if !calendar {
			return m, false
		}
		if m.v.g != gDecade && m.v.g != gCentury && m.v.g != gSeason {
			i++ // "the" modifies a noun after the date: "the late-November trip"
		}
	case pkRelative:
		// "earlier this year", "later yesterday"; not "Earlier Friday".
		if !calendar || !m.anchored || x.at(k).has(cWeekday) || x.at(k).is("today") || x.at(k).is("tonight") {
			return m, false
		}
	default:
		return m, false
	}
	m.i = i
	if m.mod == "" {
		m.mod = mod
	}
	return m, true
}

// dashAfter skips a hyphen glued to the word before ("mid-1990s").
func (x *extractor) dashAfter(k int) int {
	if x.at(k).punct('-') && x.glued(k) && x.glued(k+1) {
		return k + 1
	}
	return k
}

// dayNum reads a day of month: "16", "16th", "sixteenth".
func (x *extractor) dayNum(k int) (int, int, bool) {
	a := x.at(k)
	if a.kind == kNum {
		if a.nd < 1 || a.nd > 2 || a.n < 1 || a.n > 31 {
			return 0, k, false
		}
		j := k + 1
		if x.at(j).has(cOrdSuffix) && x.glued(j) {
			j++
		}
		// A number glued to more digits or a unit is not a day ("16-year").
		if b := x.at(j); !b.gap() && (b.kind == kNum || b.kind == kWord || b.punct('-') && x.at(j+1).kind == kWord && x.glued(j+1) || (b.punct(':') || b.punct('/')) && x.at(j+1).kind == kNum && x.glued(j+1) || b.punct('.') && x.at(j+1).kind == kNum && x.glued(j+1)) {
			return 0, k, false
		}
		return int(a.n), j, true
	}
	if n, j, ok := x.ordWord(k); ok && n <= 31 {
		return n, j, true
	}
	return 0, k, false
}

// ordWord reads an ordinal in words: "third", "twenty-first".
func (x *extractor) ordWord(k int) (int, int, bool) {
	a := x.at(k)
	if a.has(cOrd) && a.ent.ord > 0 {
		return a.ent.ord, k + 1, true
	}
	if a.has(cNumWord) && a.ent.num >= 20 && a.ent.num <= 90 && a.ent.num%10 == 0 {
		j := k + 1
		if x.at(j).punct('-') && x.glued(j) {
			j++
		}
		if b := x.at(j); b.has(cOrd) && b.ent.ord > 0 && b.ent.ord < 10 {
			return a.ent.num + b.ent.ord, j + 1, true
		}
	}
	return 0, k, false
}

// ordNum reads an ordinal in figures or words: "3rd", "third".
func (x *extractor) ordNum(k int) (int, int, bool) {
	a := x.at(k)
	if a.kind == kNum && a.nd <= 3 && x.at(k+1).has(cOrdSuffix) && x.glued(k+1) {
		return int(a.n), k + 2, true
	}
	return x.ordWord(k)
}

// yearAt reads a year in figures: "1998", "'98".
func (x *extractor) yearAt(k int) (int, int, bool) {
	a := x.at(k)
	if a.kind == kNum && a.nd == 4 && a.n >= 1000 && a.n <= 2199 {
		if b := x.at(k + 1); !b.gap() && (b.kind == kNum || b.kind == kWord && !b.is("s") || (b.punct('.') || b.punct(',') || b.punct(':')) && x.at(k+2).kind == kNum && x.glued(k+2)) {
			return 0, k, false
		}
		return int(a.n), k + 1, true
	}
	if a.punct('\'') {
		b := x.at(k + 1)
		if b.kind == kNum && b.nd == 2 && x.glued(k+1) {
			if c := x.at(k + 2); !c.gap() && (c.kind == kNum || c.kind == kWord) {
				return 0, k, false
			}
			return x.century2(int(b.n)), k + 2, true
		}
	}
	return 0, k, false
}

// yearAny reads a year in figures or in words ("nineteen ninety-seven").
func (x *extractor) yearAny(k int) (int, int, bool) {
	if y, j, ok := x.yearAt(k); ok {
		return y, j, true
	}
	if x.at(k).has(cNumWord) && !x.at(k).is("the") {
		if m, ok := x.spokenYear(k); ok && m.v.g == gYear {
			return m.v.y, m.j, true
		}
	}
	return 0, k, false
}

// century2 expands a two-digit year to the century nearest the anchor.
func (x *extractor) century2(yy int) int {
	ref := 2000
	if x.anch {
		ref = x.dct.Year()
	}
	best := 0
	for c := ref/100*100 - 100; c <= ref/100*100+100; c += 100 {
		if y := c + yy; best == 0 || abs(y-ref) < abs(best-ref) || abs(y-ref) == abs(best-ref) && y < best {
			if y <= ref+20 || best == 0 {
				best = y
			}
		}
	}
	return best
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// numericDate: "2017-01-16", "1/16/2017", "16/1/17", "2017/01/16".
func (x *extractor) numericDate(i int) (match, bool) {
	a := x.at(i)
	if p := x.before(i - 1); !a.gap() && i > 0 && (p.kind == kNum || p.punct('/') || p.punct('-') || p.punct('.')) {
		return match{}, false
	}
	sep := x.at(i + 1)
	if !(sep.punct('-') || sep.punct('/') || sep.punct('.')) || !x.glued(i+1) {
		return match{}, false
	}
	b, s2, c := x.at(i+2), x.at(i+3), x.at(i+4)
	if b.kind != kNum || !x.glued(i+2) || !s2.punct(sep.ch) || !x.glued(i+3) || c.kind != kNum || !x.glued(i+4) {
		return match{}, false
	}
	if n := x.at(i + 5); !n.gap() && (n.kind == kNum || n.punct(sep.ch) && x.at(i+6).kind == kNum || n.kind == kWord) {
		return match{}, false
	}
	var y, m, d int
	switch {
	case a.nd == 4 && b.nd <= 2 && c.nd <= 2 && sep.ch != '.':
		y, m, d = int(a.n), int(b.n), int(c.n)
	case a.nd <= 2 && b.nd <= 2 && (c.nd == 4 || c.nd == 2) && sep.ch != '-':
		y = int(c.n)
		if c.nd == 2 {
			y = x.century2(y)
		}
		m, d = int(a.n), int(b.n)
		if sep.ch == '.' || m > 12 && d <= 12 {
			m, d = d, m // European order
		}
	default:
		return match{}, false
	}
	if y < 1000 || !validDay(y, m, d) {
		return match{}, false
	}
	v := newDate(gDay)
	v.y, v.m, v.d = y, m, d
	return match{i: i, j: i + 5, typ: Date, v: v}, true
}

// monthDate: "January 16", "Jan. 16, 2017", "January 2017", "January of
// 2017", "January this year", "January".
func (x *extractor) monthDate(i int) (match, bool) {
	a := x.at(i)
	if !a.cap() || a.ent == nil || a.ent.cls&cMonth == 0 {
		return match{}, false
	}
	m := a.ent.v
	abbr := a.ent.cls&cMonthAbbr != 0
	k := i + 1
	dotted := false
	if abbr && x.at(k).punct('.') && x.glued(k) {
		k++
		dotted = true
	}
	// Month and day.
	if d, k2, ok := x.dayNum(k); ok && x.at(k).gap() && validDay(-1, m, d) {
		k3 := k2
		if x.at(k3).punct(',') {
			k3++
		}
		if y, k4, ok := x.yearAt(k3); ok && validDay(y, m, d) && (k3 == k2 || !x.at(k3).punct('\'')) {
			v := newDate(gDay)
			v.y, v.m, v.d = y, m, d
			return match{i: i, j: k4, typ: Date, v: v}, true
		}
		// "Jan. 16-18": a range; keep the first day only.
		v := newDate(gDay)
		v.m, v.d = m, d
		v.y = x.yearFor(m, d, x.tenseAround(i, k2))
		return match{i: i, j: k2, typ: Date, v: v, anchored: true}, true
	}
	// Month and year.
	k3 := k
	if x.at(k3).is("of") || x.at(k3).punct(',') && !dotted {
		k3++
	}
	if y, k4, ok := x.yearAny(k3); ok {
		return match{i: i, j: k4, typ: Date, v: monthOf(y, m)}, true
	}
	if b := x.at(k); (b.is("this") || b.is("last") || b.is("next")) && x.at(k+1).is("year") {
		v := monthOf(-1, m)
		if x.anch {
			v.y = x.dct.Year()
			if b.is("last") {
				v.y--
			} else if b.is("next") {
				v.y++
			}
		}
		return match{i: i, j: k + 2, typ: Date, v: v, anchored: true}, true
	}
	if abbr || !x.monthAlone(i) {
		return match{}, false
	}
	v := monthOf(x.yearFor(m, 0, x.tenseAround(i, i+1)), m)
	return match{i: i, j: i + 1, typ: Date, v: v, anchored: true}, true
}

// monthAlone decides whether a month name standing alone is the month:
// not a name ("Theresa May", "April Ryan"), and "May" and "March" only
// after a word that introduces a time ("in May", "last March").
func (x *extractor) monthAlone(i int) bool {
	a := x.at(i)
	p := x.before(i - 1)
	if p.kind == kWord && p.cap() && p.ent == nil && a.flags&fSentStart == 0 {
		return false
	}
	if n := x.at(i + 1); n.kind == kWord && n.cap() && n.ent == nil && !x.glued(i+1) {
		return false
	}
	if n := x.at(i + 1); n.punct('\'') && x.glued(i+1) && x.at(i+2).is("s") {
		// "May's" is more often a person's than the month's.
		if a.is("may") || a.is("june") || a.is("april") || a.is("august") {
			return false
		}
	}
	if a.is("may") || a.is("march") {
		if tag := x.tagOf(i); tag == "MD" || len(tag) >= 2 && tag[:2] == "VB" {
			return false // the tagger says "may" the modal, "march" the verb
		}
		if !(p.has(cPrepTime|cRel|cPos|cEvery) || p.is("the") || p.punct('-') && x.before(i-2).is("mid")) {
			return false
		}
		if p.is("and") || p.is("or") || p.is("to") || p.is("as") || p.is("like") {
			// "and May", "to march" need a month on the other side.
			q := x.before(i - 2)
			if !(q.has(cMonth) && q.cap()) {
				return false
			}
		}
		if n := x.at(i + 1); n.kind == kWord && !n.cap() && n.ent != nil && n.ent.cls&(cPast|cPresent|cFuture|cAux) != 0 {
			return false
		}
		if n := x.at(i + 1); n.is("be") || n.is("not") || n.is("have") {
			return false
		}
	}
	return true
}

// dayMonth: "16 January 2017", "16th of January", "the 16th of January".
func (x *extractor) dayMonth(i int) (match, bool) {
	k := i
	if x.at(k).is("the") {
		k++
	}
	d, k2, ok := x.dayNum(k)
	if !ok {
		return match{}, false
	}
	if x.at(k2).is("of") {
		k2++
	} else if k > i {
		return match{}, false
	}
	b := x.at(k2)
	if !b.has(cMonth) || !b.cap() || !b.gap() {
		return match{}, false
	}
	m := b.ent.v
	k3 := k2 + 1
	if b.ent.cls&cMonthAbbr != 0 && x.at(k3).punct('.') && x.glued(k3) {
		k3++
	}
	if !validDay(-1, m, d) {
		return match{}, false
	}
	k4 := k3
	if x.at(k4).punct(',') {
		k4++
	}
	if y, k5, ok := x.yearAt(k4); ok && validDay(y, m, d) {
		v := newDate(gDay)
		v.y, v.m, v.d = y, m, d
		return match{i: i, j: k5, typ: Date, v: v}, true
	}
	// A bare "16 May" needs the month to be unambiguous or an ordinal day.
	if (b.is("may") || b.is("march")) && k2 == k+1 && x.at(k+1).kind == kWord {
		return match{}, false
	}
	v := newDate(gDay)
	v.m, v.d = m, d
	v.y = x.yearFor(m, d, x.tenseAround(i, k3))
	return match{i: i, j: k3, typ: Date, v: v, anchored: true}, true
}

// year: "1998", "1990s", "'90s", "the 1990s", "fiscal 1998", "FY1998".
func (x *extractor) year(i int) (match, bool) {
	k := i
	the := false
	if x.at(k).is("the") {
		the = true
		k++
	}
	fiscal := false
	if a := x.at(k); a.is("fiscal") {
		fiscal = true
		k++
		if x.at(k).is("year") {
			k++
		}
	} else if a.is("fy") || a.kind == kWord && a.e-a.s == 2 && x.text[a.s] == 'F' && x.text[a.s+1] == 'Y' {
		fiscal = true
		k++
		if x.at(k).punct('\'') && x.glued(k) && x.at(k+1).kind == kNum && x.at(k+1).nd == 2 {
			return match{i: i, j: k + 2, typ: Date, v: yearOf(x.century2(int(x.at(k + 1).n)))}, true
		}
		if b := x.at(k); b.kind == kNum && b.nd == 2 && x.glued(k) {
			return match{i: i, j: k + 1, typ: Date, v: yearOf(x.century2(int(b.n)))}, true
		}
	}
	a := x.at(k)
	// Decades: "1990s", "'90s", "90s".
	if a.kind == kNum && (a.nd == 4 && a.n%10 == 0 || a.nd == 2 && a.n%10 == 0) && x.at(k+1).is("s") && x.glued(k+1) {
		y := int(a.n)
		if a.nd == 2 {
			p := x.before(k - 1)
			if !(the || p.is("early") || p.is("late") || p.is("mid") || p.punct('-') || p.is("the")) {
				return match{}, false
			}
			y = x.decade2(y)
		}
		if y < 1000 || y > 2190 {
			return match{}, false
		}
		v := newDate(gDecade)
		v.y = y
		return match{i: i, j: k + 2, typ: Date, v: v}, true
	}
	if a.punct('\'') {
		b := x.at(k + 1)
		if b.kind == kNum && b.nd == 2 && b.n%10 == 0 && x.glued(k+1) && x.at(k+2).is("s") && x.glued(k+2) {
			v := newDate(gDecade)
			v.y = x.decade2(int(b.n))
			return match{i: i, j: k + 3, typ: Date, v: v}, true
		}
		if y, k2, ok := x.yearAt(k); ok {
			p := x.before(k - 1)
			if fiscal || p.has(cPrepTime) || p.has(cMonth) || p.is("class") {
				return match{i: i, j: k2, typ: Date, v: yearOf(y)}, true
			}
		}
		return match{}, false
	}
	if the && !fiscal {
		return match{}, false
	}
	y, k2, ok := x.yearAt(k)
	if !ok || a.kind != kNum {
		return match{}, false
	}
	if !fiscal && !x.plausibleYear(k, y) {
		return match{}, false
	}
	if z := x.at(k2); z.has(cTZ) && z.flags&fUpper != 0 && a.nd == 4 {
		return match{}, false // "(1800 GMT)": a clock restated in another zone
	}
	return match{i: i, j: k2, typ: Date, v: yearOf(y)}, true
}

// decade2 expands "90s" to 1990.
func (x *extractor) decade2(yy int) int {
	ref := 2000
	if x.anch {
		ref = x.dct.Year()
	}
	y := ref/100*100 + yy
	if y > ref+5 {
		y -= 100
	}
	return y
}

// plausibleYear filters four-digit numbers that are counts or codes.
func (x *extractor) plausibleYear(k, y int) bool {
	p := x.before(k - 1)
	if x.at(k).gap() || k == 0 {
		// "No. 1990", "Flight 1990", "Windows 2000".
		w := p
		if p.punct('.') && !p.gap() {
			w = x.before(k - 2)
		}
		// "the company's 1989 results": the "s" of a possessive is no code.
		poss := p.is("s") && !p.gap() && x.before(k-2).punct('\'')
		if w.has(cNotYear) && !w.has(cPrepTime) && !poss {
			return false
		}
		if p.kind == kNum || p.has(cNumWord) && !p.is("and") {
			return false
		}
		if p.kind == kWord && p.cap() && p.ent == nil && p.flags&fUpper == 0 && p.flags&fSentStart == 0 {
			return false // a name or a product: "Orion 1980", "Windows 2000"
		}
	} else {
		// Glued to what comes before: "$1990", "1,990", "A1990"; a dash
		// is fine ("mid-1990", "1989-1990").
		if !p.punct('-') && !p.punct('(') && !p.punct('/') && !p.punct('"') && !p.punct('\'') {
			return false
		}
		if p.punct('-') || p.punct('/') {
			if q := x.before(k - 2); q.kind == kNum && q.nd != 4 && !q.gap() {
				return false
			}
		}
	}
	if p.punct('$') || p.punct('#') || p.kind == kPunct && p.ch == 0 && !p.gap() {
		return false
	}
	n := x.at(k + 1)
	if n.punct('%') || n.is("percent") || n.is("pct") {
		return false
	}
	if n.has(cCountNoun) || n.has(cUnit) && !n.is("quarter") && !n.is("half") && !n.is("year") && n.kind == kWord && n.ent.pl {
		return false
	}
	if n.punct('-') && x.glued(k+1) && x.at(k+2).has(cUnit) {
		return false // "1000-year"
	}
	if y < 1800 && !p.has(cPrepTime) && !x.at(k+1).is("ad") && !x.at(k+1).is("bc") {
		return false
	}
	if x.anch && y > x.dct.Year()+40 && !p.has(cPrepTime) {
		return false
	}
	return true
}

// century: "the 20th century", "the twentieth century".
func (x *extractor) century(i int) (match, bool) {
	k := i
	if x.at(k).is("the") {
		k++
	}
	n, k2, ok := x.ordNum(k)
	if !ok || n < 1 || n > 30 {
		return match{}, false
	}
	if x.at(k2).punct('-') && x.glued(k2) {
		k2++
	}
	if !x.at(k2).is("century") {
		return match{}, false
	}
	v := newDate(gCentury)
	v.y = (n - 1) * 100
	return match{i: i, j: k2 + 1, typ: Date, v: v}, true
}

// decadeWord: "the nineties", "the early eighties".
func (x *extractor) decadeWord(i int) (match, bool) {
	k := i
	if x.at(k).is("the") {
		k++
	} else if p := x.before(i - 1); !(p.is("the") || p.is("early") || p.is("late") || p.is("mid") || p.punct('-')) {
		return match{}, false
	}
	a := x.at(k)
	if !a.has(cDecadeWord) {
		return match{}, false
	}
	v := newDate(gDecade)
	v.y = x.decade2(a.ent.v * 10)
	return match{i: i, j: k + 1, typ: Date, v: v}, true
}

// spokenYear: "nineteen ninety-seven", "the year two thousand".
func (x *extractor) spokenYear(i int) (match, bool) {
	k := i
	theYear := false
	if x.at(k).is("the") && x.at(k+1).is("year") {
		theYear = true
		k += 2
	}
	a := x.at(k)
	if !a.has(cNumWord) {
		return match{}, false
	}
	switch {
	case a.ent.num >= 11 && a.ent.num <= 20 && a.ent.num != 20 || a.ent.num == 20 && x.at(k+1).has(cNumWord):
		b := x.at(k + 1)
		if !b.has(cNumWord) || b.ent.num < 10 || b.ent.num > 90 || !(b.ent.num%10 == 0 || b.ent.num < 20) {
			return match{}, false
		}
		y := a.ent.num*100 + b.ent.num
		j := k + 2
		if b.ent.num >= 20 {
			j2 := j
			if x.at(j2).punct('-') && x.glued(j2) {
				j2++
			}
			if c := x.at(j2); c.has(cNumWord) && c.ent.num >= 1 && c.ent.num <= 9 {
				y += c.ent.num
				j = j2 + 1
			}
		}
		if n := x.at(j); n.has(cUnit) || n.has(cCountNoun) || n.is("hundred") || n.is("thousand") {
			return match{}, false
		}
		return match{i: i, j: j, typ: Date, v: yearOf(y)}, true
	case a.is("two") && x.at(k+1).is("thousand") && theYear:
		y, j := 2000, k+2
		k2 := j
		if x.at(k2).is("and") {
			k2++
		}
		if c := x.at(k2); c.has(cNumWord) && c.ent.num < 100 {
			y += c.ent.num
			j = k2 + 1
		}
		return match{i: i, j: j, typ: Date, v: yearOf(y)}, true
	}
	return match{}, false
}

// season: "summer", "the summer of 1998", "summer 1998".
func (x *extractor) season(i int) (match, bool) {
	k := i
	if x.at(k).is("the") {
		k++
	}
	a := x.at(k)
	if !a.has(cSeason) || a.ent.w[len(a.ent.w)-1] == 's' {
		return match{}, false
	}
	s := a.ent.v
	k2 := k + 1
	if x.at(k2).is("of") {
		k2++
	}
	if y, k3, ok := x.yearAny(k2); ok {
		v := newDate(gSeason)
		v.y, v.q = y, s
		return match{i: i, j: k3, typ: Date, v: v}, true
	}
	p := x.before(i - 1)
	if !(k > i || p.has(cPrepTime|cPos) || p.punct('-') && x.before(i-2).is("mid")) {
		return match{}, false
	}
	if n := x.at(k + 1); n.is("of") || n.has(cCountNoun) {
		return match{}, false
	}
	if a.is("fall") && (k == i || x.at(k+1).is("in") || x.at(k+1).is("of")) {
		return match{}, false
	}
	v := x.seasonYear(s, 0, x.tenseAround(i, k+1))
	return match{i: i, j: k + 1, typ: Date, v: v, anchored: true}, true
}
