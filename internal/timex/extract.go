package timex

import (
	"strings"
	"time"

	"github.com/dyadhq/dyad/pkg/doc"
)

type extractor struct {
	d    *doc.Document
	text string
	a    []atom
	dct  time.Time
	anch bool
	out  []Timex

	lim            int // parses stop before this atom (the next blank line)
	exprStart      int // when >= 0, the start of the enclosing expression (for tense)
	sentLo, sentHi int // cached sentence range for tenseAround

	// The last quarter mentioned, for "the quarter", "a year earlier" and
	// "the year-ago period" in earnings stories.
	lastQ   date
	lastQAt int // byte offset of the mention
	// Where the story last named a months span of results ("the first
	// nine months", "the six months"), -1 when none: comparisons after it
	// ("the 1988 period", "a year earlier") speak of years, not quarters.
	spanAt int
	// The last day named, for a bare clock time later in the sentence.
	lastDay     date
	lastDayAt   int
	lastDayAnch bool
	// The last calendar date named (any granularity), for anaphora: "that
	// year", "the following month", "the next day".
	lastCal   date
	lastCalAt int  // byte offset of that mention
	anyQ      date // the last quarter named, derived ones included ("that quarter")
}

// match is one recognized expression over atoms [i, j).
type match struct {
	i, j        int
	typ         string
	v           date   // calendar value when val is empty
	val         string // non-calendar value (durations, references, sets)
	mod         string
	quant, freq string
	anchored    bool
	setsQ       bool // an explicit quarter: later "the quarter" refers to it
}

func (m match) value() string {
	if m.val != "" {
		return m.val
	}
	return m.v.String()
}

var none = atom{tok: -1}

// at returns atom i, or an empty atom past the end of the current paragraph.
func (x *extractor) at(i int) *atom {
	if i < 0 || i >= x.lim {
		return &none
	}
	return &x.a[i]
}

// wordAt returns the lower-cased text of atom i when it is a word, or "".
func (x *extractor) wordAt(i int) string {
	a := x.at(i)
	if a.kind != kWord {
		return ""
	}
	return strings.ToLower(x.text[a.s:a.e])
}

// before returns atom i for looking back (any paragraph), or an empty atom.
func (x *extractor) before(i int) *atom {
	if i < 0 || i >= len(x.a) {
		return &none
	}
	return &x.a[i]
}

// glued reports whether atom i directly follows atom i-1 (no space).
func (x *extractor) glued(i int) bool {
	a := x.at(i)
	return a.kind != 0 && !a.gap()
}

// startMask is the set of word classes that may begin an expression.
const startMask = cMonth | cWeekday | cWeekdayPl | cNumWord | cOrd | cUnit | cPOD | cSeason | cRelDay | cRel | cPos |
	cApprox | cRef | cSetAdv | cEvery | cHoliday | cDecadeWord | cFew | cDet | cMisc

func (x *extractor) run() {
	a := x.a
	x.lim = 0
	for i := 0; i < len(a); {
		if i >= x.lim {
			x.lim = i + 1
			for x.lim < len(a) && !a[x.lim].para() {
				x.lim++
			}
		}
		at := &a[i]
		if !(at.kind == kNum || at.ent != nil && at.ent.cls&startMask != 0 || at.punct('\'') || at.kind == kWord && at.e-at.s == 1 && (x.text[at.s] == 'Q' || x.text[at.s] == 'H')) {
			i++
			continue
		}
		m, ok := x.parse(i)
		if !ok || m.j <= i {
			i++
			continue
		}
		x.emit(m)
		i = m.j
	}
}

func (x *extractor) emit(m match) {
	s, e := int(x.a[m.i].s), int(x.a[m.j-1].e)
	t := Timex{Start: s, End: e, Type: m.typ, Value: m.value(), Mod: m.mod, Quant: m.quant, Freq: m.freq,
		Anchored: m.anchored && x.anch, Sentence: -1, FirstTok: -1, LastTok: -1}
	if m.typ == "" {
		t.Type = Date
	}
	if m.setsQ && m.val == "" && m.v.g == gQuarter && m.v.known() {
		// A quarter not yet over is a forecast ("a fourth-quarter charge",
		// "losses through the third quarter of 1990"): results compared
		// "a year ago" stay those of the quarter reported.
		if !x.lastQ.known() || !x.quarterEnded(x.lastQ) || x.quarterEnded(m.v) {
			x.lastQ, x.lastQAt = m.v, s
		}
	} else if m.val == "" && m.v == x.lastQ && m.v.known() {
		// "the latest quarter" again: the story is still on that quarter.
		x.lastQAt = s
	}
	if m.typ == Duration && (m.val == "P6M" || m.val == "P9M") && x.a[m.i].is("the") {
		x.spanAt = s
	}
	if m.val == "" && m.typ != Set && m.v.known() && m.v.g >= gYear {
		x.lastCal, x.lastCalAt = m.v, s
		if m.v.g == gQuarter {
			x.anyQ = m.v
		}
	}
	if m.val == "" && m.v.g == gDay && m.typ != Set && m.v.known() {
		d := m.v
		d.hh, d.mm, d.hasMM, d.pod = -1, 0, false, 0
		x.lastDay, x.lastDayAt, x.lastDayAnch = d, s, m.anchored
	}
	if toks := x.d.Tokens; len(toks) > 0 {
		f := x.a[m.i].tok
		if f < 0 {
			// The expression starts between tokens: take the next one.
			for k := m.i; k < m.j; k++ {
				if x.a[k].tok >= 0 {
					f = x.a[k].tok
					break
				}
			}
		}
		if f >= 0 {
			l := f
			for l < int32(len(toks)) && toks[l].Start < e {
				l++
			}
			t.FirstTok, t.LastTok = int(f), int(l)
			t.Sentence = x.d.SentenceOf(int(f))
		}
	}
	x.out = append(x.out, t)
}

// parse tries every construction at atom i and keeps the longest.
func (x *extractor) parse(i int) (match, bool) {
	var best match
	found := false
	try := func(m match, ok bool) {
		if ok && m.j > m.i && (!found || m.j > best.j || m.j == best.j && m.i < best.i) {
			best, found = m, true
		}
	}
	// A modifier ("nearly", "early", "the end of") in front of a core.
	if mod, k, kind := x.prefix(i); k > i {
		if m, ok := x.core(k); ok {
			try(x.withPrefix(i, k, kind, mod, m))
		}
	}
	try(x.core(i))
	return best, found
}

// core tries the constructions that start at i with their own words.
func (x *extractor) core(i int) (match, bool) {
	var best match
	found := false
	try := func(m match, ok bool) {
		if ok && m.j > m.i && (!found || m.j > best.j) {
			best, found = m, true
		}
	}
	a := x.at(i)
	switch {
	case a.kind == kNum:
		try(x.numericDate(i))
		try(x.dayMonth(i))
		try(x.year(i))
		try(x.clock(i))
		try(x.duration(i))
		try(x.timesPer(i))
		try(x.quarter(i))
		try(x.century(i))
	case a.kind == kPunct:
		try(x.year(i)) // '90s
	case a.ent == nil:
		try(x.quarter(i)) // Q3, FY1998
		try(x.year(i))
	default:
		c := a.ent.cls
		if c&cMonth != 0 {
			try(x.monthDate(i))
		}
		if c&(cWeekday|cWeekdayPl) != 0 {
			try(x.weekdayDate(i))
		}
		if c&cRelDay != 0 {
			try(x.relDay(i))
		}
		if a.is("the") {
			try(x.weekOfDay(i))
		}
		if c&(cRel|cDet|cPos) != 0 {
			try(x.relative(i))
			try(x.anaphor(i))
		}
		if c&(cNumWord|cDet|cFew|cRel|cApprox|cOrd|cUnit) != 0 {
			try(x.duration(i))
		}
		if c&cUnit != 0 || a.is("the") || a.is("a") || a.is("some") {
			try(x.barePlural(i))
		}
		if c&(cOrd|cDet|cRel|cFew) != 0 || a.is("fiscal") || a.is("year") {
			try(x.quarter(i))
		}
		if c&(cNumWord|cDet|cOrd) != 0 {
			try(x.spokenYear(i))
			try(x.century(i))
			try(x.dayMonth(i))
		}
		if c&(cDecadeWord|cDet) != 0 {
			try(x.decadeWord(i))
		}
		if c&(cSeason|cDet) != 0 {
			try(x.season(i))
		}
		if c&(cRef|cRel|cDet) != 0 {
			try(x.reference(i))
		}
		if c&(cSetAdv|cEvery|cDet|cNumWord) != 0 || a.is("once") || a.is("twice") {
			try(x.set(i))
			try(x.timesPer(i))
		}
		if c&cHoliday != 0 {
			try(x.holidayDate(i))
		}
		if a.is("noon") || a.is("midnight") || a.is("midday") {
			try(x.clock(i))
		}
		if a.is("fiscal") || a.is("fy") || a.is("the") {
			try(x.year(i))
		}
		if c&cUnit != 0 || a.is("year") {
			try(x.yearEnd(i))
		}
	}
	return best, found
}
