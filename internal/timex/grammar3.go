package timex

import "strconv"

// number reads a cardinal: figures ("3", "1,000", "2.5", "2 1/2") or
// words ("twenty-five", "a hundred", "a dozen", "one and a half"). vague
// is set for "a few", "several", "many". allowA lets "a"/"an" count as one.
func (x *extractor) number(k int, allowA bool) (n float64, j int, vague, approx, ok bool) {
	a := x.at(k)
	switch {
	case a.kind == kNum:
		if a.n < 0 {
			return 0, k, false, false, false
		}
		if p := x.before(k - 1); !a.gap() && k > 0 && (p.kind == kNum || p.punct('.') || p.punct(',') || p.punct('$') || p.punct('/')) {
			return 0, k, false, false, false
		}
		n = float64(a.n)
		j = k + 1
		for x.at(j).punct(',') && x.glued(j) && x.at(j+1).kind == kNum && x.at(j+1).nd == 3 && x.glued(j+1) {
			n = n*1000 + float64(x.at(j+1).n)
			j += 2
		}
		if x.at(j).punct('.') && x.glued(j) && x.at(j+1).kind == kNum && x.glued(j+1) {
			f := x.at(j + 1)
			if f.nd > 6 {
				return 0, k, false, false, false
			}
			d := float64(f.n)
			for q := 0; q < int(f.nd); q++ {
				d /= 10
			}
			n += d
			j += 2
		}
		if b := x.at(j); b.kind == kNum && b.gap() && x.at(j+1).punct('/') && x.glued(j+1) && x.at(j+2).kind == kNum && x.glued(j+2) {
			num, den := float64(b.n), float64(x.at(j+2).n)
			if den > 0 && num < den {
				n += num / den
				j += 3
			}
		}
		return n, j, false, false, true
	case a.is("a") || a.is("an"):
		if !allowA {
			return 0, k, false, false, false
		}
		b := x.at(k + 1)
		switch {
		case b.is("few"):
			return -1, k + 2, true, false, true
		case b.is("couple"):
			j = k + 2
			if x.at(j).is("of") {
				j++
			}
			return 2, j, false, true, true
		case b.is("dozen"):
			return 12, k + 2, false, false, true
		case b.is("hundred"):
			return 100, k + 2, false, false, true
		case b.is("thousand"):
			return 1000, k + 2, false, false, true
		case b.is("half"):
			return 0.5, k + 2, false, false, true
		}
		return 1, k + 1, false, false, true
	case a.has(cNumWord):
		v := a.ent.num
		j = k + 1
		if v >= 20 && v <= 90 {
			j2 := j
			if x.at(j2).punct('-') && x.glued(j2) {
				j2++
			}
			if b := x.at(j2); b.has(cNumWord) && b.ent.num >= 1 && b.ent.num <= 9 {
				v += b.ent.num
				j = j2 + 1
			}
		}
		if b := x.at(j); b.is("hundred") || b.is("thousand") || b.is("dozen") {
			v *= b.ent.num
			j++
		}
		n = float64(v)
		if x.at(j).is("and") && x.at(j+1).is("a") && x.at(j+2).is("half") {
			n += 0.5
			j += 3
		}
		return n, j, false, false, true
	case a.is("half"):
		if b := x.at(k + 1); b.is("a") || b.is("an") {
			return 0.5, k + 2, false, false, true
		}
	case a.has(cFew) && !a.is("couple"):
		if a.is("some") && !x.at(k+1).has(cUnit) {
			return 0, k, false, false, false
		}
		return -1, k + 1, true, false, true
	case a.is("dozens") || a.is("hundreds") || a.is("thousands"):
		if x.at(k + 1).is("of") {
			return -1, k + 2, true, false, true
		}
	}
	return 0, k, false, false, false
}

// duration: "three years", "50-minute", "45 minutes", "a decade", "the past
// three years", "two days ago", "a year earlier", "the first nine months",
// "8-month-old", "two and a half hours", "the next few days".
func (x *extractor) duration(i int) (match, bool) {
	if u := x.at(i); u.has(cUnit) && x.at(i+1).punct('-') && x.glued(i+1) && x.at(i+2).is("long") && x.glued(i+2) {
		// "day-long", "decades-long".
		n := 1.0
		if u.ent.pl {
			n = -1
		}
		return match{i: i, j: i + 3, typ: Duration, val: durValue(n, u.ent.u)}, true
	}
	k := i
	the := false
	if x.at(k).is("the") {
		the = true
		k++
	}
	rel := ""
	if r := x.at(k); r.ent != nil && (the || r.is("past") || r.is("next") || r.is("last") || r.is("coming") || r.is("first")) {
		switch r.ent.w {
		case "past", "last", "next", "first", "coming", "previous", "following", "final", "remaining", "initial", "latest", "preceding", "ensuing", "subsequent", "recent", "full", "entire", "whole", "same", "additional", "further":
			rel = r.ent.w
			k++
		}
	}
	if rel == "" && the && (x.at(k).has(cFew) && !x.at(k).is("some")) {
		return match{}, false
	}
	n, k2, vague, approx, ok := x.number(k, !the && rel == "")
	if !ok {
		return match{}, false
	}
	if !the && rel == "" && (x.at(k).is("a") || x.at(k).is("an")) && x.setContext(i) {
		// "$5 a year" is a set; "$5 a year ago" is not.
		if n := x.at(k2 + 1); !(n.is("ago") || n.is("earlier") || n.is("later")) {
			return match{}, false
		}
	}
	// A range: "two to three weeks", "12 to 18 months" (the lower bound).
	if b := x.at(k2); (b.is("to") || b.is("or") || b.punct('-') && x.glued(k2) && x.at(k).kind == kNum) && !vague {
		if _, k3, vague2, _, ok := x.number(k2+1, false); ok && !vague2 && x.at(k3).has(cUnit) && x.at(k3).ent.pl {
			k2 = k3
		}
	}
	// Fillers between the number and the unit.
	filled := false
	for {
		f := x.at(k2)
		if f.is("more") || f.is("additional") || f.is("straight") || f.is("consecutive") || f.is("full") || f.is("trading") ||
			f.is("business") || f.is("working") || f.is("calendar") || f.is("extra") || f.is("long") || f.is("successive") || f.is("solid") {
			k2++
			filled = true
			continue
		}
		break
	}
	hyph := false
	if x.at(k2).punct('-') && x.glued(k2) && x.glued(k2+1) && !filled {
		hyph = true
		k2++
	}
	u := x.at(k2)
	if !u.has(cUnit) || u.ent.u == uHalf || u.ent.u == uWeekend && !u.ent.pl && !hyph {
		return match{}, false
	}
	if !hyph && !u.gap() && x.at(k2-1).kind != kNum {
		return match{}, false
	}
	if u.cap() && u.flags&fUpper == 0 && !x.at(k).cap() {
		return match{}, false // a title: "60 Minutes"
	}
	if hyph && u.ent.pl {
		return match{}, false
	}
	one := (x.at(k).is("a") || x.at(k).is("an")) && n == 1 && !vague
	if one && u.ent.pl {
		return match{}, false // "a years-old slump"
	}
	if a := x.at(k); a.kind == kNum && a.nd == 4 && !u.ent.pl && !hyph {
		return match{}, false // "the 1988 quarter"
	}
	if x.at(k).kind == kNum && !hyph && !u.gap() && !u.ent.pl && u.e-u.s > 3 {
		return match{}, false // "3day" is not English; "3pm" is handled by clock
	}
	un := u.ent.u
	j := k2 + 1
	if c := x.at(j); c.punct('-') && x.glued(j) && x.glued(j+1) && !x.at(j+1).is("old") && !x.at(j+1).is("long") {
		return match{}, false // part of a compound: "year-earlier", "two-year-old"
	}
	if one && !the && rel == "" {
		// "a second" and "a quarter" are mostly not durations.
		if un == uSecond || un == uQuarter || un == uMinute && !x.at(j).gap() {
			if b := x.at(j); !(b.is("ago") || b.is("later") || b.is("earlier")) {
				return match{}, false
			}
		}
	}
	if x.at(j).is("and") && x.at(j+1).is("a") && x.at(j+2).is("half") {
		n += 0.5
		j += 3
	}
	// Ages are not annotated: "45-year-old", "52 years old".
	if x.at(j).punct('-') && x.glued(j) && x.at(j+1).is("old") || x.at(j).is("old") {
		return match{}, false
	}
	// "a day-long", "the 14-day waiting period": "the" belongs to the noun.
	if hyph || !u.gap() {
		if x.at(j).punct('-') && x.glued(j) && x.at(j+1).is("long") && x.glued(j+1) {
			j += 2
		}
		if the && rel == "" {
			i++
		}
	} else if the && rel == "" && !u.ent.pl && n != 1 && !vague {
		i++ // "the two day rally"
	}
	if un == uDay && !the && rel == "" && x.at(k).is("one") && x.at(k2).is("day") && x.beforeModal(i) {
		// "Islam will one day be...", "hopes to one day return": some
		// time to come, not a span of a day.
		return match{i: i, j: j, typ: Date, val: "FUTURE_REF"}, true
	}
	m := match{i: i, j: j, typ: Duration}
	if approx {
		m.mod = "APPROX"
	}
	if x.at(j).is("or") && x.at(j+1).is("so") {
		m.mod = "APPROX"
		m.j = j + 2
	}
	// "two days ago", "a year earlier", "three weeks from now".
	after := x.at(m.j)
	if !the && !hyph {
		switch {
		case after.is("ago"):
			m.j++
			m.typ = Date
			if vague {
				m.val = "PAST_REF"
				return m, true
			}
			m.anchored = true
			if un == uYear && n == 1 && x.quarterContext(i) {
				m.v = x.lastQ.shift(-1, true)
				return m, true
			}
			if un == uYear && n == 1 && x.spanContext() {
				m.v = x.spanYear(-1)
				return m, true
			}
			if v, ok := x.monthInSentence(i); ok && un == uYear && n == 1 {
				m.v = v.shift(-int(n+0.5), true)
				return m, true
			}
			m.v = x.agoShift(n, un, -1)
			return m, true
		case after.is("from") && x.at(m.j+1).is("now") || after.is("hence"):
			m.j++
			if after.is("from") {
				m.j++
			}
			m.typ = Date
			if vague {
				m.val = "FUTURE_REF"
				return m, true
			}
			m.anchored = true
			m.v = x.agoShift(n, un, 1)
			return m, true
		case (after.is("earlier") || after.is("later") || after.is("before") && x.endOfPhrase(m.j+1)) && !x.at(m.j+1).is("than"):
			if vague || un < uMonth {
				break // "three days later": the duration only
			}
			m.j++
			m.typ = Date
			m.anchored = true
			sign := -1
			if after.is("later") {
				sign = 1
			}
			if un == uYear && n == 1 && x.quarterContext(i) {
				m.v = x.lastQ.shift(sign, true)
				return m, true
			}
			if un == uYear && n == 1 && x.spanContext() {
				m.v = x.spanYear(sign)
				return m, true
			}
			if v, ok := x.monthInSentence(i); ok && un == uYear && n == 1 {
				m.v = v.shift(sign*int(n+0.5), true)
				return m, true
			}
			m.v = x.agoShift(n, un, sign)
			return m, true
		}
	}
	if vague {
		m.val = durValue(-1, un)
		if rel == "past" || rel == "last" || rel == "recent" || rel == "previous" {
			if !the {
				return match{}, false
			}
			if (rel == "past" || rel == "last") && !x.before(i-1).is("for") {
				// "in the past few months", "over the last several
				// quarters": an unmeasured stretch up to now, which
				// TimeBank writes as the past; "for the past few weeks"
				// measures a span.
				m.typ, m.val = Date, "PAST_REF"
			}
		}
		return m, true
	}
	if n <= 0 || n > 100000 {
		return match{}, false
	}
	m.val = durValue(n, un)
	return m, true
}

// barePlural: "for years", "within weeks", "over the years", "the first
// hours", "for a while": an unspecified number of units.
func (x *extractor) barePlural(i int) (match, bool) {
	k := i
	if x.at(k).is("the") {
		k++
		if r := x.at(k); r.is("first") || r.is("last") || r.is("final") || r.is("early") || r.is("initial") || r.is("closing") || r.is("opening") {
			if u := x.at(k + 1); u.has(cUnit) && u.ent.pl && u.ent.u != uQuarter && u.ent.u != uWeekend &&
				!(x.at(k+2).is("of") && x.at(k+3).has(cWeekday|cMonth|cRelDay|cPOD)) {
				return match{i: i, j: k + 2, typ: Duration, val: durValue(-1, u.ent.u)}, true
			}
			return match{}, false
		}
	} else if x.before(i-1).is("for") && (x.at(i).is("a") && x.at(i+1).is("while") || x.at(i).is("some") && x.at(i+1).is("time")) {
		return match{i: i, j: i + 2, typ: Duration, val: "PXX"}, true
	}
	u := x.at(k)
	if !u.has(cUnit) || !u.ent.pl || u.ent.u == uWeekend || u.ent.u == uQuarter {
		return match{}, false // "three-quarters of" is a fraction
	}
	p := x.before(i - 1)
	if x.at(k+1).is("of") && (p.has(cPos) || x.at(k+2).has(cWeekday|cMonth|cRelDay|cPOD) || x.at(k+2).kind == kNum) {
		return match{}, false // "the early hours of Thursday"
	}
	if k > i {
		if !(p.is("over") || p.is("for") || p.is("through") || p.is("throughout")) {
			return match{}, false
		}
		if n := x.at(k + 1); n.is("of") || n.is("ago") || n.punct('-') {
			return match{}, false
		}
	} else if !(p.is("for") || p.is("within") || p.is("over") || p.is("in") && x.endOfPhrase(k+1) ||
		x.at(k+1).is("of") && !p.has(cDet|cNumWord|cFew|cApprox) && p.kind != kNum) {
		// "for years", "within weeks", "the first time in years", "after
		// months of talks"
		return match{}, false
	}
	if n := x.at(k + 1); n.punct('-') && x.glued(k+1) || n.is("old") {
		return match{}, false
	}
	return match{i: i, j: k + 1, typ: Duration, val: durValue(-1, u.ent.u)}, true
}

// pastCue reports whether atom k is a verb in the past tense.
func (x *extractor) pastCue(k int) bool {
	t, _ := x.cue(k)
	return t == tPast
}

// beforeModal reports whether atom i follows a modal or an infinitive
// "to" ("will one day", "to one day return").
func (x *extractor) beforeModal(i int) bool {
	p := x.before(i - 1)
	if p.is("to") {
		return true
	}
	switch x.wordAt(i - 1) {
	case "will", "would", "could", "might", "may", "can", "shall", "should", "must":
		return true
	}
	return false
}

// endOfPhrase reports whether atom k ends a clause (punctuation or end).
func (x *extractor) endOfPhrase(k int) bool {
	a := x.at(k)
	return a.kind == 0 || a.kind == kPunct && (a.ch == ',' || a.ch == '.' || a.ch == ';' || a.ch == ')')
}

// monthInSentence returns the month the sentence of atom i named before
// it ("Exports fell in January from a year earlier": the comparison is
// January of the year before).
func (x *extractor) monthInSentence(i int) (date, bool) {
	if p := x.before(i - 1); !(p.is("from") || p.is("with") || p.is("than") || p.is("over")) {
		return date{}, false // a comparison only, not "in January ... 41 years ago"
	}
	c := x.lastCal
	if c.g != gMonth || !c.known() || x.lastCalAt < x.sentStartByte(i) || x.lastCalAt >= int(x.a[i].s) {
		return date{}, false
	}
	return c, true
}

// spanContext reports whether the story's last results period was a
// months span ("the first nine months") named after its quarter.
func (x *extractor) spanContext() bool {
	return x.spanAt >= 0 && x.spanAt > x.lastQAt
}

// spanYear is the year of the months span in talk moved by shift: the year
// of the quarter reported before it, or else the anchor's.
func (x *extractor) spanYear(shift int) date {
	if x.lastQ.known() {
		return yearOf(x.lastQ.y + shift)
	}
	return x.unitShift(uYear, shift)
}

// quarterContext reports whether the story spoke of a quarter just before
// (within some ten sentences), so "a year earlier" means that quarter a
// year before.
func (x *extractor) quarterContext(i int) bool {
	if !x.lastQ.known() || x.spanAt > x.lastQAt {
		return false
	}
	s := int(x.a[i].s)
	return s-x.lastQAt < 1000
}

// setContext reports whether "a"/"an" at i follows an amount, as in "$5 a
// year", "30 hours a week", "twice a day".
func (x *extractor) setContext(i int) bool {
	p := x.before(i - 1)
	switch {
	case p.kind == kNum || p.has(cNumWord) || p.has(cCountNoun) || p.punct('%'):
		return true
	case p.has(cUnit) && p.ent.pl:
		return true
	case p.is("once") || p.is("twice") || p.is("thrice") || p.is("times") || p.is("million") || p.is("billion") || p.is("trillion") || p.is("cents") || p.is("dollars"):
		return true
	}
	return false
}

// clock: "3 p.m.", "10:35 a.m. EST", "15:30 GMT", "noon", "midnight
// Friday", "5 p.m. EST, Nov. 9", "4 in the morning", "0735 GMT".
func (x *extractor) clock(i int) (match, bool) {
	a := x.at(i)
	hh, mm, hasMM := -1, 0, false
	j := i + 1
	ampm := false
	switch {
	case a.is("noon") || a.is("midday"):
		if a.cap() && a.flags&fSentStart == 0 || x.before(i-1).is("high") {
			return match{}, false // "High Noon"
		}
		hh, mm, hasMM = 12, 0, true
	case a.is("midnight"):
		hh = 24
	case a.kind == kNum:
		if p := x.before(i - 1); !a.gap() && i > 0 && (p.kind == kNum || p.punct(':') || p.punct('.') || p.punct('$') || p.punct(',')) {
			return match{}, false
		}
		if a.nd == 4 && x.at(j).has(cTZ) && x.at(j).flags&fUpper != 0 && !x.before(i-1).punct('(') {
			h, mi := int(a.n)/100, int(a.n)%100
			if h > 23 || mi > 59 {
				return match{}, false
			}
			hh, mm, hasMM = h, mi, true
			break
		}
		if a.nd > 2 || a.n > 24 {
			return match{}, false
		}
		hh = int(a.n)
		if x.at(j).punct(':') && x.glued(j) && x.at(j+1).kind == kNum && x.at(j+1).nd == 2 && x.glued(j+1) && x.at(j+1).n < 60 {
			mm, hasMM = int(x.at(j+1).n), true
			j += 2
			if x.at(j).punct(':') && x.glued(j) && x.at(j+1).kind == kNum && x.at(j+1).nd == 2 && x.glued(j+1) {
				j += 2 // seconds: kept in the extent, dropped from the value
			}
		}
		if pm, j2, ok := x.amPM(j); ok {
			ampm = true
			j = j2
			if hh > 12 || hh == 0 {
				return match{}, false
			}
			if pm && hh < 12 {
				hh += 12
			} else if !pm && hh == 12 {
				hh = 0
			}
			if !hasMM {
				hasMM = true
			}
		} else if b := x.at(j); b.is("o") && x.at(j+1).punct('\'') && x.at(j+2).is("clock") {
			j += 3
			hasMM = true
			ampm = true
		} else if b.is("in") && x.at(j+1).is("the") && x.at(j+2).has(cPOD) && hh <= 12 && !hasMM {
			hasMM, ampm = true, true // "4 in the morning": the part of day follows below
		}
		if !ampm && !hasMM {
			return match{}, false
		}
		if !ampm {
			// "15:30": a bare clock needs a zone or a word that introduces a time.
			p := x.before(i - 1)
			if !(x.at(j).has(cTZ) && x.at(j).flags&fUpper != 0 || p.is("at") || p.is("by") || p.is("until") || p.is("till") || p.is("around") || p.is("before") || p.is("after") || p.is("from") || p.is("since") || p.is("about")) {
				return match{}, false
			}
			if hh > 23 {
				return match{}, false
			}
		}
		// "4 in the morning", "7 at night".
		if b := x.at(j); b.is("in") && x.at(j+1).is("the") && x.at(j+2).has(cPOD) {
			switch x.at(j + 2).ent.v {
			case pAfternoon, pEvening:
				if hh < 12 {
					hh += 12
				}
			case pNight:
				if hh < 12 && hh >= 6 {
					hh += 12
				}
			}
			j += 3
		}
	default:
		return match{}, false
	}
	if tz := x.at(j); tz.has(cTZ) && tz.flags&fUpper != 0 && !x.glued(j) {
		j++
	}
	m := match{i: i, j: j, typ: Time}
	// A day may follow: "10 p.m. Wednesday", "5 p.m. EST, Nov. 6", "noon
	// today"; or come after a parenthesis: "10:35 a.m. (0735 GMT) Friday"
	// (then it gives the date but stays out of the extent).
	k := j
	if x.at(k).punct(',') {
		k++
	}
	inExtent := true
	if x.at(k).punct('(') {
		for p := k + 1; p < k+6 && x.at(p).kind != 0; p++ {
			if x.at(p).punct(')') {
				k, inExtent = p+1, false
				break
			}
		}
	}
	saved := x.exprStart
	x.exprStart = i
	defer func() { x.exprStart = saved }()
	var day date
	found := false
	if inExtent && x.at(k).is("on") {
		// "at 6 a.m. on Sunday": the day gives the date; the preposition
		// keeps it out of the extent, a timex of its own.
		if d, ok := x.dayAfterClock(k + 1); ok {
			day, found, m.anchored = d.v, true, d.anchored
		}
	} else if d, ok := x.dayAfterClock(k); ok {
		day, m.j, found, m.anchored = d.v, d.j, true, d.anchored
		if !inExtent {
			m.j = j
		}
	}
	if !found {
		// A bare time belongs to the day the sentence already named, or to
		// the anchor's.
		if x.lastDay.known() && x.lastDayAt >= x.sentStartByte(i) {
			day = x.lastDay
			m.anchored = x.lastDayAnch
		} else {
			day = x.today()
			m.anchored = true
		}
	}
	day.hh, day.mm, day.hasMM = hh, mm, hasMM
	if hh == 24 && mm == 0 {
		day.hasMM = false
	}
	day.pod = 0
	m.v = day
	// The final period of "p.m." at the end of a sentence is the sentence's.
	if last := x.at(m.j - 1); last.punct('.') && m.j-1 > i && x.sentenceFinal(m.j-1) {
		m.j--
	}
	return m, true
}

// dayAfterClock reads the day that may follow a clock time at k: a
// weekday, "today"/"yesterday", or a month and day.
func (x *extractor) dayAfterClock(k int) (match, bool) {
	b := x.at(k)
	switch {
	case b.has(cWeekday) && !b.has(cWeekdayPl):
		if d, ok := x.weekdayDate(k); ok && d.typ == Date {
			return d, true
		}
	case b.has(cRelDay) && !b.is("tonight"):
		if d, ok := x.relDay(k); ok && d.typ == Date {
			d.anchored = true
			return d, true
		}
	case b.has(cMonth):
		if d, ok := x.monthDate(k); ok && d.v.g == gDay {
			return d, true
		}
	}
	return match{}, false
}

// amPM reads "a.m.", "p.m", "am", "PM" at k.
func (x *extractor) amPM(k int) (pm bool, j int, ok bool) {
	a := x.at(k)
	if a.kind != kWord {
		return false, k, false
	}
	w := x.text[a.s:a.e]
	switch len(w) {
	case 2:
		if w[1]|0x20 != 'm' {
			return false, k, false
		}
		switch w[0] | 0x20 {
		case 'a':
			pm = false
		case 'p':
			pm = true
		default:
			return false, k, false
		}
		j = k + 1
		if x.at(j).punct('.') && x.glued(j) && !x.sentenceFinal(j) {
			j++
		}
		return pm, j, true
	case 1:
		switch w[0] | 0x20 {
		case 'a':
			pm = false
		case 'p':
			pm = true
		default:
			return false, k, false
		}
		if !(x.at(k+1).punct('.') && x.glued(k+1) && x.at(k+2).kind == kWord && x.glued(k+2)) {
			return false, k, false
		}
		if m := x.text[x.at(k+2).s:x.at(k+2).e]; m != "m" && m != "M" {
			return false, k, false
		}
		j = k + 3
		if x.at(j).punct('.') && x.glued(j) {
			j++
		}
		return pm, j, true
	}
	return false, k, false
}

// sentenceFinal reports whether the period at k also ends the sentence:
// the paragraph ends, or a capitalized word that cannot continue a time
// follows.
func (x *extractor) sentenceFinal(k int) bool {
	n := x.at(k + 1)
	if n.kind == 0 {
		return true
	}
	if n.kind == kPunct {
		return n.ch == '"' || n.ch == '\'' || n.ch == ')'
	}
	if n.kind == kWord && n.cap() && !n.has(cWeekday|cMonth|cRelDay|cTZ) {
		return true
	}
	return false
}

// reference: "now", "currently", "recently", "recent years", "the past",
// "the future", "the near future", "these days", "current", "right now".
func (x *extractor) reference(i int) (match, bool) {
	a := x.at(i)
	m := match{i: i, j: i + 1, typ: Date}
	switch a.ent.w {
	case "now", "currently", "nowadays", "presently":
		if a.is("presently") && x.before(i-1).is("is") {
			return match{}, false
		}
		if a.is("now") && a.cap() && x.at(i+1).punct(',') {
			return match{}, false // "Now, he says": a discourse marker
		}
		m.val = "PRESENT_REF"
		return m, true
	case "recently", "lately":
		m.val = "PAST_REF"
		return m, true
	case "soon":
		// "may soon seek", "it soon will begin": a time to come; not "as
		// soon as", "soon after" (relative to another event), nor a past
		// narrative's "was soon".
		if p := x.before(i - 1); p.is("as") || p.is("too") || p.is("so") || p.is("how") || p.is("was") || p.is("were") {
			return match{}, false
		}
		if n := x.at(i + 1); n.is("after") || n.is("afterwards") || n.is("thereafter") || n.is("as") || n.is("before") {
			return match{}, false
		}
		if x.at(i+1).kind == kWord && x.pastCue(i+1) {
			return match{}, false // "that soon became a flood"
		}
		m.val = "FUTURE_REF"
		return m, true
	case "recent":
		if b := x.at(i + 1); b.has(cUnit) && b.ent.pl {
			m.j = i + 2
			m.val = "PAST_REF"
			return m, true
		}
		if p := x.before(i - 1); p.is("most") || p.is("more") || p.is("the") && x.at(i+1).is("past") {
			if p.is("the") {
				m.i, m.j = i-1, i+2
			}
		}
		m.val = "PAST_REF"
		return m, true
	case "current":
		if b := x.at(i + 1); b.is("account") || b.is("accounts") || b.is("affairs") || b.is("events") || b.is("flowing") || b.is("flows") || b.is("assets") || b.is("liabilities") || b.is("ratio") || b.punct('.') || b.punct(',') {
			return match{}, false
		}
		if p := x.before(i - 1); p.is("electric") || p.is("electrical") || p.is("ocean") || p.is("the") && x.at(i+1).punct('.') {
			return match{}, false
		}
		m.val = "PRESENT_REF"
		return m, true
	case "these":
		if x.at(i + 1).is("days") {
			m.j = i + 2
			m.val = "PRESENT_REF"
			return m, true
		}
	case "the":
		b := x.at(i + 1)
		switch {
		case b.is("future"):
			m.j = i + 2
			m.val = "FUTURE_REF"
			return m, true
		case (b.is("near") || b.is("distant") || b.is("foreseeable") || b.is("immediate")) && x.at(i+2).is("future"):
			m.j = i + 3
			m.val = "FUTURE_REF"
			return m, true
		case (b.is("near") || b.is("short") || b.is("long")) && x.at(i+2).is("term") && !x.at(i+3).punct('-'):
			m.j = i + 3
			m.val = "FUTURE_REF"
			return m, true
		case b.is("past"):
			if n := x.at(i + 2); n.has(cUnit) || n.has(cNumWord) || n.kind == kNum || n.has(cFew) || n.has(cMonth|cWeekday|cSeason) || n.is("decade") {
				return match{}, false
			}
			m.j = i + 2
			m.val = "PAST_REF"
			return m, true
		case b.is("present") && !x.at(i+2).has(cUnit):
			if n := x.at(i + 2); n.kind == kWord && !n.is("day") {
				return match{}, false
			}
			m.j = i + 2
			m.val = "PRESENT_REF"
			return m, true
		case b.is("coming") || b.is("recent"):
			if c := x.at(i + 2); c.has(cUnit) && c.ent.pl {
				m.j = i + 3
				if b.is("coming") {
					m.val = "FUTURE_REF"
				} else {
					m.val = "PAST_REF"
				}
				return m, true
			}
		}
	case "coming":
		if c := x.at(i + 1); c.has(cUnit) && c.ent.pl {
			m.j = i + 2
			m.val = "FUTURE_REF"
			return m, true
		}
	}
	return match{}, false
}

// set: "every week", "each Thursday", "daily", "annually", "a year" after an
// amount ("$5 a year"), "per day".
func (x *extractor) set(i int) (match, bool) {
	a := x.at(i)
	m := match{i: i, typ: Set}
	switch {
	case a.has(cSetAdv):
		if a.cap() && a.flags&(fSentStart|fUpper) == 0 {
			return match{}, false // a name: "Daily Telegraph", "People's Daily", "Weekly Standard"
		}
		if n := x.at(i + 1); (a.is("quarterly") || a.is("annual") || a.is("semiannual")) && n.kind == kWord && !n.cap() && !n.has(cPrepTime) {
			return match{}, false // "its quarterly dividend": a kind of dividend, not a time
		}
		if n := x.at(i + 1); n.kind == kWord && n.cap() && n.ent == nil && !x.glued(i+1) && x.before(i-1).kind == kWord {
			return match{}, false // a paper before its name: "the Communist Party daily Granma", "the weekly Der Spiegel"
		}
		if x.before(i-1).is("average") || x.before(i-1).is("avg") {
			return match{}, false
		}
		switch a.ent.w {
		case "daily":
			m.val = "P1D"
		case "weekly":
			m.val = "P1W"
		case "monthly":
			m.val = "P1M"
		case "yearly", "annually":
			m.val = "P1Y"
		case "hourly":
			m.val = "PT1H"
		case "quarterly":
			m.val = "P3M"
		case "nightly":
			v := newDate(gDay)
			v.pod = pNight
			m.v = v
		case "biweekly", "fortnightly":
			m.val = "P2W"
		case "semiannually", "biannually":
			m.val = "P6M"
		default:
			return match{}, false
		}
		m.j = i + 1
		return m, true
	case a.has(cEvery):
		k := i + 1
		quant := "EVERY"
		if a.is("each") {
			quant = "EACH"
		}
		if a.is("per") {
			quant = ""
		}
		n := 1.0
		if b := x.at(k); b.is("other") {
			n = 2
			k++
		} else if v, k2, vague, _, ok := x.number(k, false); ok && !vague {
			n = v
			k = k2
		}
		b := x.at(k)
		m.quant = quant
		switch {
		case b.has(cUnit) && b.ent.u != uHalf:
			if b.ent.u == uWeekend {
				v := newDate(gWeekend)
				m.v = v
				m.j = k + 1
				return m, true
			}
			m.val = durValue(n, b.ent.u)
		case b.has(cWeekday) && b.cap() && b.ent.cls&cWeekdayAbbr == 0:
			v := newDate(gDay)
			v.wd = b.ent.v
			if c := x.at(k + 1); c.has(cPOD) {
				v.pod = c.ent.v
				k++
			}
			m.v = v
		case b.has(cMonth) && b.cap() && b.ent.cls&cMonthAbbr == 0:
			m.v = monthOf(-1, b.ent.v)
		case b.has(cPOD):
			v := newDate(gDay)
			v.pod = b.ent.v
			m.v = v
		case b.has(cSeason):
			v := newDate(gSeason)
			v.q = b.ent.v
			m.v = v
		default:
			return match{}, false
		}
		if a.is("per") && !x.setContext(i) {
			return match{}, false
		}
		m.j = k + 1
		return m, true
	case a.is("a") || a.is("an"):
		b := x.at(i + 1)
		if !b.has(cUnit) || b.ent.pl || b.ent.u == uHalf || b.ent.u == uQuarter || !x.setContext(i) {
			return match{}, false
		}
		if n := x.at(i + 2); n.is("ago") || n.is("earlier") || n.is("later") {
			return match{}, false
		}
		m.val = durValue(1, b.ent.u)
		m.j = i + 2
		return m, true
	}
	return match{}, false
}

// timesPer: "twice a week", "once a year", "three times a month".
func (x *extractor) timesPer(i int) (match, bool) {
	a := x.at(i)
	k := i + 1
	f := 0
	switch {
	case a.is("once"):
		f = 1
	case a.is("twice"):
		f = 2
	case a.is("thrice"):
		f = 3
	default:
		n, k2, vague, _, ok := x.number(i, false)
		if !ok || vague || !x.at(k2).is("times") {
			return match{}, false
		}
		f = int(n)
		k = k2 + 1
	}
	if b := x.at(k); !(b.is("a") || b.is("an") || b.is("per") || b.is("each") || b.is("every")) {
		return match{}, false
	}
	u := x.at(k + 1)
	if !u.has(cUnit) || u.ent.pl || u.ent.u == uHalf {
		return match{}, false
	}
	m := match{i: i, j: k + 2, typ: Set, val: durValue(1, u.ent.u), freq: strconv.Itoa(f) + "X"}
	if x.at(k).is("every") || x.at(k).is("each") {
		m.quant = "EVERY"
	}
	return m, true
}

// holidayDate: "Christmas", "Christmas Eve", "New Year's Day",
// "Thanksgiving", "Easter", "Good Friday", "Labor Day", "July Fourth".
func (x *extractor) holidayDate(i int) (match, bool) {
	a := x.at(i)
	if !a.cap() {
		return match{}, false
	}
	name := ""
	j := i + 1
	day := func(k int) int { // skips "Day" / "Eve" suffix
		if b := x.at(k); b.is("day") && b.cap() {
			return k + 1
		}
		return k
	}
	poss := func(k int) int { // "'s"
		if x.at(k).punct('\'') && x.glued(k) && x.at(k+1).is("s") {
			return k + 2
		}
		return k
	}
	switch a.ent.w {
	case "christmas":
		name = "christmas"
		if b := x.at(j); b.is("eve") && b.cap() {
			name = "christmas eve"
			j++
		} else {
			j = day(j)
		}
	case "thanksgiving", "easter", "halloween":
		name = a.ent.w
		j = day(j)
		if a.is("easter") && x.at(j).is("sunday") && x.at(j).cap() {
			j++
		}
	case "new":
		if !x.at(j).is("year") || !x.at(j).cap() {
			return match{}, false
		}
		j = poss(j + 1)
		if b := x.at(j); b.is("eve") && b.cap() {
			name = "new year eve"
			j++
		} else if b.is("day") && b.cap() {
			name = "new year"
			j++
		} else {
			return match{}, false
		}
	case "valentine":
		j = poss(j)
		if !x.at(j).is("day") {
			return match{}, false
		}
		name, j = "valentine", j+1
	case "independence", "labor", "memorial", "veterans", "columbus", "election", "boxing":
		j = poss(j)
		if b := x.at(j); !b.is("day") || !b.cap() {
			return match{}, false
		}
		name, j = a.ent.w, j+1
	case "good":
		if b := x.at(j); !b.is("friday") || !b.cap() {
			return match{}, false
		}
		if c := x.at(j + 1); c.is("agreement") || c.is("accord") || c.is("accords") || c.is("deal") || c.is("peace") {
			return match{}, false
		}
		name, j = "good friday", j+1
	default:
		return match{}, false
	}
	if n := x.at(j); n.kind == kWord && n.cap() && n.ent == nil {
		return match{}, false // "Christmas Island", "Easter Rising"
	}
	// "Easter week", "Thanksgiving week": the ISO week holding the day.
	week := x.at(j).is("week") && !x.at(j+1).punct('-') && !x.possessive(j+1)
	if week {
		j++
	}
	inWeek := func(m match) (match, bool) {
		switch {
		case week && m.v.known():
			m.v = weekOf(dateAt(m.v.y, m.v.m, m.v.d))
		case week:
			m.v = newDate(gWeek)
		}
		return m, true
	}
	v := newDate(gDay)
	k := j
	if x.at(k).punct(',') {
		k++
	}
	if y, k2, ok := x.yearAt(k); ok {
		v.m, v.d = holiday(name, y)
		if v.m == 0 {
			return match{}, false
		}
		v.y = y
		return inWeek(match{i: i, j: k2, typ: Date, v: v})
	}
	m := match{i: i, j: j, typ: Date, anchored: true}
	if !x.anch {
		mo, d := holiday(name, -1)
		v.m, v.d = max(mo, -1), max(d, -1)
		if mo == 0 {
			v.m, v.d = -1, -1
		}
		m.v = v
		return inWeek(m)
	}
	t := x.tenseAround(i, j)
	y := x.dct.Year()
	mo, d := holiday(name, y)
	if mo == 0 {
		return match{}, false
	}
	y = x.yearFor(mo, d, t)
	mo, d = holiday(name, y)
	v.y, v.m, v.d = y, mo, d
	m.v = v
	return inWeek(m)
}

// yearEnd: "year-end", "year end", "the year's end".
func (x *extractor) yearEnd(i int) (match, bool) {
	k := i
	if x.at(k).is("the") {
		k++
	}
	if !x.at(k).is("year") {
		return match{}, false
	}
	j := k + 1
	day := false
	switch {
	case x.at(j).punct('-') && x.glued(j) && x.at(j+1).is("end") && x.glued(j+1):
		j += 2
		day = k == i // "year-end" names the last day; "the year's end" the period
	case x.at(j).is("end") && k == i:
		j++
	case x.at(j).punct('\'') && x.at(j+1).is("s") && x.at(j+2).is("end"):
		j += 3
	default:
		return match{}, false
	}
	if n := x.at(j); n.punct('-') && x.glued(j) {
		return match{}, false
	}
	v := x.unitShift(uYear, 0)
	if x.anch && x.dct.Month() <= 2 && x.tenseAround(i, j) == tPast {
		v = x.unitShift(uYear, -1)
	}
	if day {
		d := newDate(gDay)
		d.y, d.m, d.d = v.y, 12, 31
		return match{i: i, j: j, typ: Date, v: d, anchored: true}, true
	}
	return match{i: i, j: j, typ: Date, v: v, mod: "END", anchored: true}, true
}

// weekOfDay: "the week of March 6" is the ISO week holding that day.
func (x *extractor) weekOfDay(i int) (match, bool) {
	if !x.at(i+1).is("week") || !x.at(i+2).is("of") || !x.at(i+3).has(cMonth) {
		return match{}, false
	}
	d, ok := x.monthDate(i + 3)
	if !ok || d.v.g != gDay || !d.v.known() {
		return match{}, false
	}
	return match{i: i, j: d.j, typ: Date, v: weekOf(dateAt(d.v.y, d.v.m, d.v.d)), anchored: d.anchored}, true
}
