package timex

// weekdayDate: "Friday", "Friday morning", "Friday, Oct. 23", "Fri. Jan
// 16", "Mondays" (a set), "Tuesday nights".
func (x *extractor) weekdayDate(i int) (match, bool) {
	a := x.at(i)
	if !a.cap() {
		return match{}, false
	}
	wd := a.ent.v
	if p := x.before(i - 1); p.is("good") && p.cap() || p.is("black") && p.cap() {
		return match{}, false // holidays and names ("Good Friday" is a holiday of its own)
	}
	if a.ent.cls&cWeekdayPl != 0 {
		v := newDate(gDay)
		v.wd = wd
		j := i + 1
		if b := x.at(j); b.has(cPOD) {
			v.pod = b.ent.v
			j++
		}
		return match{i: i, j: j, typ: Set, v: v}, true
	}
	abbr := a.ent.cls&cWeekdayAbbr != 0
	k := i + 1
	if abbr && x.at(k).punct('.') && x.glued(k) {
		k++
	}
	k2 := k
	if x.at(k2).punct(',') {
		k2++
	}
	if m, ok := x.monthDate(k2); ok && m.v.g == gDay {
		m.i = i
		if m.v.y < 0 && x.anch {
			m.v.y = x.yearForWeekday(m.v.m, m.v.d, wd, m.v.y)
		}
		return m, true
	}
	if m, ok := x.dayMonth(k2); ok && m.v.g == gDay {
		m.i = i
		return m, true
	}
	if abbr {
		return match{}, false
	}
	// A name: "Tuesday Weld", "Man Friday"; the name before it is caught
	// by requiring that a capitalized unknown word does not follow.
	if n := x.at(k); n.kind == kWord && n.cap() && n.ent == nil && !n.flagSentStart() {
		return match{}, false
	}
	t := x.tenseAround(i, k)
	if x.possessive(k) && !x.aheadOf(i) && !scheduled(x.wordAt(k+2)) && !scheduled(x.wordAt(k+3)) {
		// "Tuesday's ruling", "Friday's trading": news names an event that
		// has happened, whatever the tense of the clause around it; an
		// event set in advance ("Sunday's election") follows the clause.
		t = tPast
	}
	v := x.weekday(wd, 0, t)
	typ := Date
	j := k
	if b := x.at(k); b.has(cPOD) && !b.is("overnight") {
		if b.ent.w[len(b.ent.w)-1] == 's' {
			v := newDate(gDay)
			v.wd, v.pod = wd, b.ent.v
			return match{i: i, j: k + 1, typ: Set, v: v}, true
		}
		v.pod = b.ent.v
		typ = Time
		j = k + 1
	}
	return match{i: i, j: j, typ: typ, v: v, anchored: true}, true
}

func (a *atom) flagSentStart() bool { return a.flags&fSentStart != 0 }

// scheduled reports whether a noun names an event fixed in advance, which
// news speaks of before it happens.
func scheduled(w string) bool {
	switch w {
	case "election", "elections", "vote", "referendum", "poll", "primary", "runoff", "meeting", "summit", "talks",
		"deadline", "game", "match", "race", "debate", "hearing", "session", "ceremony", "visit", "launch",
		"opening", "parade", "inauguration", "final", "showdown", "trial", "sentencing", "auction", "march":
		return true
	}
	return false
}

// possessive reports whether atoms k, k+1 are a glued "'s".
func (x *extractor) possessive(k int) bool {
	return x.at(k).punct('\'') && x.glued(k) && x.at(k+1).is("s")
}

// aheadOf reports whether the expression at atom i follows a word that
// looks ahead to it: "ahead of", "until", "till", "awaiting".
func (x *extractor) aheadOf(i int) bool {
	p := x.before(i - 1)
	if p.is("until") || p.is("till") || p.is("awaiting") || p.is("await") {
		return true
	}
	return p.is("of") && x.before(i-2).is("ahead")
}

// yearForWeekday picks, among the years around the anchor, the one where
// month m, day d falls on weekday wd.
func (x *extractor) yearForWeekday(m, d, wd, fallback int) int {
	y := x.dct.Year()
	for _, yy := range [3]int{y, y - 1, y + 1} {
		if validDay(yy, m, d) && isoWeekday(dateAt(yy, m, d)) == wd {
			return yy
		}
	}
	return fallback
}

// relDay: "today", "yesterday morning", "tonight", "tomorrow's".
func (x *extractor) relDay(i int) (match, bool) {
	a := x.at(i)
	var v date
	typ := Date
	if (a.is("today") || a.is("tomorrow")) && x.possessive(i+1) && genericNow(x.wordAt(i+3)) {
		// "today's youth", "tomorrow's world": our times, not a day.
		return match{}, false
	}
	switch a.ent.w {
	case "today":
		v = x.today()
	case "tonight":
		v = x.today()
		v.pod = pNight
		typ = Time
	case "yesterday":
		v = x.dayShift(-1)
	case "tomorrow":
		v = x.dayShift(1)
	default:
		return match{}, false
	}
	j := i + 1
	if b := x.at(j); b.has(cPOD) && !b.is("overnight") && a.ent.w != "tonight" && b.ent.w[len(b.ent.w)-1] != 's' {
		v.pod = b.ent.v
		typ = Time
		j++
	}
	return match{i: i, j: j, typ: typ, v: v, anchored: true}, true
}

// genericNow reports whether a noun after "today's" speaks of our times in
// general ("today's youth", "today's world") rather than of the day.
func genericNow(w string) bool {
	switch w {
	case "world", "youth", "society", "generation", "children", "kids", "young", "standards", "technology",
		"families", "culture", "politics", "media", "teenagers", "parents", "consumers", "personal", "modern":
		return true
	}
	return false
}

// relDir maps a relative word to a direction: -1 back, +1 ahead, 0 the
// current one; ok is false for words that are not relative.
func relDir(w string) (int, bool) {
	switch w {
	case "last", "past", "previous", "preceding", "prior":
		return -1, true
	case "next", "coming", "following", "upcoming", "ensuing", "subsequent":
		return 1, true
	case "this", "current", "present":
		return 0, true
	case "latest":
		return -1, true
	}
	return 0, false
}

// unitGran is the calendar granularity of a unit (gNone for those anaphor()
// does not follow).
func unitGran(u unit) gran {
	switch u {
	case uDay:
		return gDay
	case uWeek:
		return gWeek
	case uMonth:
		return gMonth
	case uQuarter:
		return gQuarter
	case uYear:
		return gYear
	}
	return gNone
}

// anaphoric reports whether a relative word after "the" counts from the
// story's time rather than ours: "the following month", "the prior year".
func anaphoric(r *atom) bool {
	return r.is("following") || r.is("previous") || r.is("preceding") || r.is("prior") || r.is("ensuing") || r.is("subsequent")
}

// relative: "last year", "this week", "next month", "last Friday", "this
// morning", "last night", "next spring", "the weekend", "the week".
func (x *extractor) relative(i int) (match, bool) {
	k := i
	the := false
	if x.at(k).is("the") {
		the = true
		k++
	}
	r := x.at(k)
	if r.ent == nil {
		return match{}, false
	}
	dir, ok := relDir(r.ent.w)
	if the && (r.is("full") || r.is("entire") || r.is("whole")) && x.at(k+1).is("year") {
		// "the full year": the current one.
		return match{i: i, j: k + 2, typ: Date, v: x.unitShift(uYear, 0), anchored: true}, true
	}
	k++
	if ok && x.at(k).is("fiscal") && x.at(k+1).is("year") {
		k++
	}
	if !ok {
		if !the {
			return match{}, false
		}
		// "the week", "the weekend", "the year", "the month".
		k--
		dir = 2
		if r.is("fiscal") && x.at(k+1).is("year") {
			k++
		}
	} else if r.is("this") {
		if b := x.at(k); b.is("past") {
			dir = -1
			k++
		} else if b.is("coming") {
			dir = 1
			k++
		}
	}
	if the && (r.is("this") || r.is("last") && !x.at(k).has(cUnit)) {
		return match{}, false
	}
	if u := x.at(k); the && anaphoric(r) && u.has(cUnit) && !x.at(k+1).punct('\'') && !x.at(k+1).punct('-') {
		// "the following month", "the previous year": counted from the
		// story's own time, which anaphor() follows when the story named
		// one fine enough.
		if _, ok := x.refAt(unitGran(u.ent.u)); ok {
			return match{}, false
		}
	}
	b := x.at(k)
	if b.ent == nil {
		return match{}, false
	}
	if b.cap() && b.flags&fUpper == 0 && b.has(cUnit|cPOD) {
		return match{}, false // a title: ABC's "This Week"
	}
	t := func() tense { return x.tenseAround(i, k+1) }
	m := match{i: i, j: k + 1, typ: Date, anchored: true}
	e := b.ent
	switch {
	case e.cls&cUnit != 0 && !e.pl:
		u := e.u
		switch u {
		case uWeekend:
			d := dir
			if d == 2 {
				d = 0
			}
			m.v = x.weekend(d, t())
			return m, true
		case uSecond, uMinute, uHour, uHalf:
			return match{}, false
		case uDay:
			if dir != 0 || the || !x.anch {
				return match{}, false // "the next day" is relative to the story, not to us
			}
			m.v = x.today()
			return m, true
		case uQuarter:
			if dir == 2 {
				return match{}, false // quarter() knows "the quarter"
			}
		}
		if dir == 2 {
			switch u {
			case uWeek, uMonth:
				m.v = x.unitShift(u, 0)
				if n := x.at(k + 1); u == uWeek && (n.is("ended") || n.is("ending")) {
					// "the week ended Feb. 21": the week of that day.
					if d, ok := x.monthDate(k + 2); ok && d.v.g == gDay && d.v.known() {
						m.v = weekOf(dateAt(d.v.y, d.v.m, d.v.d))
					}
				}
				return m, true
			case uYear:
				if p := x.before(i - 1); p.is("during") || p.is("over") || p.is("throughout") {
					m.val = "P1Y"
					m.typ = Duration
					m.anchored = false
					return m, true
				}
				if n := x.at(k + 1); n.is("ended") || n.is("ending") {
					// "the year ended March 31": the fiscal year as a span.
					m.val = "P1Y"
					m.typ = Duration
					m.anchored = false
					return m, true
				}
				if n := x.at(k + 1); n.punct('-') && x.before(i-1).is("for") {
					// "for the year-to-date": a span.
					m.val, m.typ, m.anchored = "P1Y", Duration, false
					return m, true
				}
				if n := x.at(k + 1); n.punct('-') || n.is("before") || n.is("after") || n.is("earlier") || n.is("ago") {
					return match{}, false
				}
				m.v = x.unitShift(uYear, 0)
				if x.before(i - 1).is("for") {
					// "fourth-quarter profit ... for the year": the year of
					// the quarter (or else the date) the story is on;
					// without one, or in "for the year to August", a span.
					q := x.lastQ
					if !q.known() {
						q = x.lastCal
					}
					if n := x.at(k + 1); !x.anch || !q.known() || abs(q.y-x.dct.Year()) > 1 || n.is("to") || n.is("following") || n.is("after") || n.is("beginning") || n.is("starting") {
						m.val, m.typ, m.anchored = "P1Y", Duration, false
						return m, true
					}
					m.v = yearOf(q.y)
				}
				return m, true
			}
			return match{}, false
		}
		if the && dir == -1 && r.is("last") && u != uYear && u != uDecade {
			return match{}, false
		}
		if the && dir == -1 && (u == uDecade || u == uCentury) {
			// "the past decade" spans the ten years up to now.
			m.typ, m.val, m.anchored = Duration, durValue(1, u), false
			return m, true
		}
		m.v = x.unitShift(u, dir)
		return m, true
	case e.cls&cMonth != 0 && b.cap() && dir != 2:
		if e.cls&cMonthAbbr != 0 {
			return match{}, false
		}
		mo := e.v
		v := monthOf(-1, mo)
		if x.anch {
			y, dm := x.dct.Year(), int(x.dct.Month())
			switch dir {
			case -1:
				if mo >= dm {
					y--
				}
			case 1:
				if mo <= dm {
					y++
				}
			}
			v.y = y
		}
		m.v = v
		return m, true
	case e.cls&cWeekday != 0 && b.cap() && e.cls&cWeekdayAbbr == 0 && dir != 2:
		if the && dir == 0 {
			return match{}, false
		}
		m.v = x.weekday(e.v, dir, t())
		if the && anaphoric(r) && x.lastDay.known() {
			// "the previous Friday": the one before the day in talk.
			m.v = weekdayFrom(dateAt(x.lastDay.y, x.lastDay.m, x.lastDay.d), e.v, dir)
		}
		if c := x.at(k + 1); c.has(cPOD) && c.ent.w[len(c.ent.w)-1] != 's' && !c.is("overnight") {
			m.v.pod = c.ent.v
			m.typ = Time
			m.j++
		}
		return m, true
	case e.cls&cSeason != 0 && e.w[len(e.w)-1] != 's' && dir != 2:
		d := dir
		if d == 0 {
			d = 2 // "this summer": the anchor year's
		}
		m.v = x.seasonYear(e.v, d, t())
		return m, true
	case e.cls&cPOD != 0 && !the && e.w[len(e.w)-1] != 's' && !b.is("overnight"):
		switch {
		case dir == 0 && !r.is("current"):
			m.v = x.today()
		case dir == -1 && (b.is("night") || b.is("evening")) && r.is("last"):
			m.v = x.dayShift(-1)
		default:
			return match{}, false
		}
		m.v.pod = e.v
		m.typ = Time
		return m, true
	}
	return match{}, false
}

// anaphor: "that year", "the same day", "the following month", "the next
// day", "the previous week": relative to the last date the story named
// (or, when it named none, to the anchor). "that"/"same" take that date's
// period, "following"/"next" the one after, "previous"/"preceding"/"prior"
// the one before. "next" counts from the story's date only for days: "next
// year" alone is relative to us and handled by relative().
func (x *extractor) anaphor(i int) (match, bool) {
	k := i
	the := x.at(k).is("the")
	if the {
		k++
	}
	r := x.at(k)
	dir := 0
	switch {
	case r.is("that") && !the, r.is("same") && the:
	case (r.is("following") || r.is("next") || r.is("ensuing") || r.is("subsequent")) && the:
		dir = 1
	case (r.is("previous") || r.is("preceding") || r.is("prior")) && the:
		dir = -1
	default:
		return match{}, false
	}
	k++
	if r.is("that") && x.at(k).is("same") {
		k++
	}
	if x.at(k).is("fiscal") && x.at(k+1).is("year") {
		k++ // "the previous fiscal year"
	}
	u := x.at(k)
	if !u.has(cUnit|cPOD) || u.ent.pl {
		return match{}, false
	}
	g := gNone
	pod := 0
	switch {
	case u.has(cPOD) && !u.is("overnight") && (dir == 1 || dir == 0 && r.is("that")):
		g, pod = gDay, u.ent.v // "the next morning", "the following night", "that evening"
	case u.is("day"):
		g = gDay
	case u.is("week"):
		g = gWeek
	case u.is("month"):
		g = gMonth
	case u.is("quarter"):
		g = gQuarter
	case u.is("year"):
		g = gYear
	}
	if g == gNone || r.is("next") && g != gDay {
		return match{}, false
	}
	if n := x.at(k + 1); n.punct('-') || n.punct('\'') {
		return match{}, false // "the next day's", "that day-long"
	}
	base, ok := x.refAt(g)
	if c := x.lastCal; !ok && g == gDay && dir == 0 && pod == 0 && c.known() && c.g == gMonth {
		// "killed last October ... crossed out that same day": a day of
		// that month, which one unknown.
		base, ok = newDate(gDay), true
		base.y, base.m = c.y, c.m
	}
	if !ok {
		return match{}, false
	}
	if dir != 0 {
		base = base.shift(dir, false)
	}
	if pod > 0 {
		base.pod = pod
	}
	m := match{i: i, j: k + 1, typ: Date, v: base, anchored: true}
	if pod > 0 {
		m.typ = Time
	}
	return m, true
}

// refAt converts the last date the story named to granularity g, or takes
// the anchor's when the story named none fine enough.
func (x *extractor) refAt(g gran) (date, bool) {
	c := x.lastCal
	if g == gQuarter && x.anyQ.known() {
		return x.anyQ, true
	}
	if c.known() && c.g >= g && !(g == gWeek && c.g != gDay && c.g != gWeek) && !(g == gQuarter && c.g < gMonth) {
		switch g {
		case gYear:
			return yearOf(c.y), true
		case gQuarter:
			if c.g == gQuarter {
				return c, true
			}
			return quarterOf(c.y, quarterOfMonth(c.m)), true
		case gMonth:
			if c.g == gWeek {
				break
			}
			return monthOf(c.y, c.m), true
		case gWeek:
			if c.g == gWeek {
				return c, true
			}
			return weekOf(dateAt(c.y, c.m, c.d)), true
		case gDay:
			if c.g == gDay {
				d := c
				d.hh, d.pod, d.hasMM = -1, 0, false
				return d, true
			}
		}
	}
	return date{}, false
}

// quarter: "the third quarter", "third-quarter", "the fourth quarter of
// 1990", "the 1988 third quarter", "fiscal 1989's first quarter", "the
// first half", "the year-earlier quarter", "the latest period", "Q3".
func (x *extractor) quarter(i int) (match, bool) {
	k := i
	if x.at(k).is("the") {
		k++
	}
	year, yearRel := -1, false
	yrStart := k
	// A year in front: "1988", "fiscal 1989's", "this year's", "last year's".
	if a := x.at(k); a.is("fiscal") {
		k++
	}
	if y, k2, ok := x.yearAt(k); ok && x.at(k).kind == kNum {
		year = y
		k = k2
		if x.at(k).punct('\'') && x.glued(k) && x.at(k+1).is("s") {
			k += 2
		}
	} else if a := x.at(k); (a.is("this") || a.is("last") || a.is("next")) && x.at(k+1).is("year") && x.at(k+2).punct('\'') && x.at(k+3).is("s") {
		yearRel = true
		if x.anch {
			year = x.dct.Year()
			if a.is("last") {
				year--
			} else if a.is("next") {
				year++
			}
		}
		k += 4
	} else {
		k = yrStart
	}
	if x.at(k).is("fiscal") {
		k++
	}
	hasYear := year >= 0 || yearRel
	// "Q3", "Q3 2016", "H1".
	if a := x.at(k); a.kind == kWord && a.e-a.s == 1 && (x.text[a.s] == 'Q' || x.text[a.s] == 'H') {
		b := x.at(k + 1)
		per := 4
		if x.text[a.s] == 'H' {
			per = 2
		}
		if b.kind != kNum || !x.glued(k+1) || b.nd != 1 || b.n < 1 || int(b.n) > per {
			return match{}, false
		}
		if c := x.at(k + 2); !c.gap() && c.kind != kPunct {
			return match{}, false
		}
		j := k + 2
		if !hasYear {
			if y, k3, ok := x.yearAt(j); ok {
				year, j = y, k3
			} else if x.at(j).punct('\'') {
				return match{}, false
			}
		}
		return x.periodMatch(i, j, int(b.n), per, year, hasYear || year >= 0)
	}
	// Ordinal quarters and halves.
	if n, k2, ok := x.ordNum(k); ok || x.at(k).is("final") || x.at(k).is("last") && k > i {
		if !ok {
			n, k2 = -1, k+1
		}
		hyph := false
		if x.at(k2).punct('-') && x.glued(k2) {
			hyph = true
			k2++
		}
		if x.at(k2).is("fiscal") {
			k2++
		}
		u := x.at(k2)
		per := 0
		switch {
		case u.is("quarter"):
			per = 4
		case u.is("half"):
			per = 2
		case u.is("quarters") && (n == 4 || n == -1) && hyph:
			per = 4
		}
		if per == 0 || n == 0 || n > per {
			return match{}, false
		}
		if n == -1 {
			n = per
		}
		if hyph && x.at(k2+1).is("s") {
			return match{}, false
		}
		j := k2 + 1
		if !hasYear {
			j2 := j
			if x.at(j2).is("of") || x.at(j2).punct(',') {
				j2++
			}
			if x.at(j2).is("fiscal") {
				j2++
			}
			if y, k3, ok := x.yearAt(j2); ok {
				year, j, hasYear = y, k3, true
			} else if j2 > j && x.at(j2).is("this") && x.at(j2+1).is("year") {
				j, hasYear = j2+2, true
				if x.anch {
					year = x.dct.Year()
				}
			}
		}
		if per == 2 && !hasYear && n == 1 && x.at(k2+1).is("of") {
			return match{}, false // "the first half of the game"
		}
		if hyph && x.at(i).is("the") && !yearRel && year < 0 {
			i++ // "the third-quarter loss": "the" belongs to the noun
		}
		return x.periodMatch(i, j, n, per, year, hasYear)
	}
	// "the quarter", "the latest quarter", "the year-earlier period".
	a := x.at(k)
	kind := ""
	switch {
	case a.is("year") && x.at(k+1).punct('-') && x.glued(k+1) && (x.at(k+2).is("earlier") || x.at(k+2).is("ago") || x.at(k+2).is("before")) && x.glued(k+2):
		kind = "yearago"
		k += 3
	case (a.is("comparable") || a.is("same") || a.is("corresponding")) && x.at(k+1).is("year") && x.at(k+2).punct('-') && (x.at(k+3).is("ago") || x.at(k+3).is("earlier")):
		kind = "yearago"
		k += 4
	case a.is("latest") || a.is("current") || a.is("previous") || a.is("prior") || a.is("preceding") || a.is("comparable") || a.is("same") || a.is("recent") || a.is("most") && x.at(k+1).is("recent"):
		kind = a.ent.w
		k++
		if kind == "most" {
			kind = "latest"
			k++
		}
		if kind == "recent" {
			kind = "latest"
		}
	case a.is("this") && !hasYear && i == k:
		kind = "current"
		k++
	case a.is("last") && !hasYear && i == k:
		kind = "previous"
		k++
	case a.is("next") && !hasYear && i == k:
		kind = "next"
		k++
	}
	if x.at(k).is("fiscal") {
		k++
	}
	if kind == "yearago" {
		// "the year-earlier nine months": a span.
		if n, k2, vague, _, ok := x.number(k, false); ok && !vague && x.at(k2).is("months") {
			return match{i: i, j: k2 + 1, typ: Duration, val: durValue(n, uMonth)}, true
		}
	}
	if kind == "yearago" || kind == "comparable" || kind == "same" {
		// "the year-ago third quarter": an ordinal may follow.
		if n, k2, ok := x.ordNum(k); ok && x.at(k2).is("quarter") && n >= 1 && n <= 4 {
			y := -1
			if x.lastQ.known() {
				y = x.lastQ.y
			} else if x.anch {
				y = x.quarterYear(n, 4, tPast)
			}
			if y >= 0 {
				y--
			}
			return x.periodMatch(i, k2+1, n, 4, y, true)
		}
	}
	u := x.at(k)
	period := u.is("period")
	if !(u.is("quarter") || period) {
		if kind == "yearago" && k == i+3 && x.at(i).is("year") && !x.at(i).is("the") {
			// "year-earlier" as an adjective: "year-earlier results".
			if !x.quarterContext(i) {
				return match{i: i, j: k, typ: Date, v: x.unitShift(uYear, -1), anchored: true}, true
			}
			return x.refQuarter(i, k, -4, hasYear, year)
		}
		return match{}, false
	}
	if period && (kind == "" && !hasYear || kind == "current" || kind == "next") {
		return match{}, false
	}
	if period && kind == "" && hasYear && year >= 0 && !x.lastQ.known() {
		// "the 1988 period" with no quarter in talk: that year.
		return match{i: i, j: k + 1, typ: Date, v: yearOf(year)}, true
	}
	if period && x.spanContext() {
		// After "the first nine months" the period compared is that span,
		// which TIMEX3 can only write as its year: "the 1988 period",
		// "the year-earlier period".
		switch kind {
		case "":
			if hasYear && year >= 0 {
				return match{i: i, j: k + 1, typ: Date, v: yearOf(year)}, true
			}
		case "yearago", "comparable", "same":
			return match{i: i, j: k + 1, typ: Date, v: x.spanYear(-1), anchored: true}, true
		}
	}
	if kind == "" && !hasYear && !x.at(i).is("the") {
		return match{}, false
	}
	if kind == "" && hasYear && !period && !x.lastQ.known() {
		return match{}, false
	}
	if kind == "" && !hasYear && (x.at(k+1).is("of") || x.before(i-1).is("a") || x.at(k+1).punct('-')) {
		return match{}, false
	}
	j := k + 1
	switch kind {
	case "current":
		m := match{i: i, j: j, typ: Date, v: x.unitShift(uQuarter, 0), anchored: true}
		return m, true
	case "next":
		return match{i: i, j: j, typ: Date, v: x.unitShift(uQuarter, 1), anchored: true}, true
	case "previous", "prior", "preceding":
		if x.at(i).is("last") || !x.lastQ.known() {
			return match{i: i, j: j, typ: Date, v: x.unitShift(uQuarter, -1), anchored: true}, true
		}
		return x.refQuarter(i, j, -1, false, -1)
	case "yearago", "comparable", "same":
		return x.refQuarter(i, j, -4, hasYear, year)
	}
	if hasYear {
		// "the 1988 period", "the 1988 quarter": the quarter in talk, that year.
		return x.refQuarter(i, j, 0, true, year)
	}
	return x.refQuarter(i, j, 0, false, -1)
}

// periodMatch builds a quarter (per 4) or half (per 2) value, inferring the
// year from the anchor and tense when none was given.
func (x *extractor) periodMatch(i, j, n, per, year int, hasYear bool) (match, bool) {
	g := gQuarter
	if per == 2 {
		g = gHalf
	}
	v := newDate(g)
	v.q = n
	m := match{i: i, j: j, typ: Date}
	if hasYear {
		v.y = year
		m.anchored = year >= 0 && year != -1
	} else {
		v.y = x.quarterYear(n, per, x.tenseAround(i, j))
		m.anchored = true
	}
	m.v = v
	m.setsQ = true
	return m, true
}

// refQuarter resolves "the quarter", "the latest period", "the year-ago
// quarter": the last quarter the story mentioned moved by shift quarters,
// or the one before the anchor's when none was.
func (x *extractor) refQuarter(i, j, shift int, hasYear bool, year int) (match, bool) {
	m := match{i: i, j: j, typ: Date, anchored: true}
	var v date
	if x.lastQ.known() {
		v = x.lastQ
	} else {
		v = x.unitShift(uQuarter, -1)
	}
	if hasYear {
		if year < 0 {
			v.y = -1
		} else if v.known() {
			v.y = year
		} else {
			m.v = yearOf(year)
			return m, true
		}
		m.v = v
		return m, true
	}
	m.v = v.shift(shift, false)
	return m, true
}
