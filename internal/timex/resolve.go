package timex

import "time"

// Resolution of relative references against the anchor (x.dct). Each
// function returns an unresolved value when there is no anchor.

func (x *extractor) today() date {
	if !x.anch {
		return newDate(gDay)
	}
	return dayOf(x.dct)
}

// dayShift is the anchor moved by n days.
func (x *extractor) dayShift(n int) date {
	if !x.anch {
		return newDate(gDay)
	}
	return dayOf(x.dct.AddDate(0, 0, n))
}

// unitShift is the anchor's unit u (week, month, year...) moved by n.
func (x *extractor) unitShift(u unit, n int) date {
	if !x.anch {
		switch u {
		case uDay:
			return newDate(gDay)
		case uWeek, uFortnight:
			return newDate(gWeek)
		case uWeekend:
			return newDate(gWeekend)
		case uMonth:
			return newDate(gMonth)
		case uQuarter:
			return newDate(gQuarter)
		case uHalf:
			return newDate(gHalf)
		case uDecade:
			return newDate(gDecade)
		case uCentury:
			return newDate(gCentury)
		case uMillennium:
			return newDate(gMillennium)
		}
		return newDate(gYear)
	}
	y, m := x.dct.Year(), int(x.dct.Month())
	switch u {
	case uSecond, uMinute, uHour, uDay:
		return dayOf(x.dct.AddDate(0, 0, n))
	case uWeek:
		return weekOf(x.dct.AddDate(0, 0, 7*n))
	case uFortnight:
		return weekOf(x.dct.AddDate(0, 0, 14*n))
	case uWeekend:
		v := weekOf(x.dct.AddDate(0, 0, 7*n))
		v.g = gWeekend
		return v
	case uMonth:
		return monthOf(y, m).shift(n, false)
	case uQuarter:
		return quarterOf(y, quarterOfMonth(m)).shift(n, false)
	case uHalf:
		v := newDate(gHalf)
		v.y, v.q = y, (m-1)/6+1
		return v.shift(n, false)
	case uDecade:
		v := newDate(gDecade)
		v.y = y - y%10 + 10*n
		return v
	case uCentury:
		v := newDate(gCentury)
		v.y = y - y%100 + 100*n
		return v
	case uMillennium:
		v := newDate(gMillennium)
		v.y = y - y%1000 + 1000*n
		return v
	}
	return yearOf(y + n)
}

// agoShift is "n units ago" (sign -1) or "n units from now" (+1): the
// anchor moved by n units, at the unit's granularity.
func (x *extractor) agoShift(n float64, u unit, sign int) date {
	k := int(n + 0.5)
	if !x.anch {
		return x.unitShift(u, 0)
	}
	switch u {
	case uSecond, uMinute, uHour:
		return dayOf(x.dct)
	case uDay:
		return dayOf(x.dct.AddDate(0, 0, sign*k))
	case uWeek, uFortnight:
		if u == uFortnight {
			k *= 2
		}
		return weekOf(x.dct.AddDate(0, 0, sign*7*k))
	case uWeekend:
		return weekOf(x.dct.AddDate(0, 0, sign*7*k))
	case uMonth:
		t := x.dct.AddDate(0, sign*k, 0)
		return monthOf(t.Year(), int(t.Month()))
	case uQuarter:
		return quarterOf(x.dct.Year(), quarterOfMonth(int(x.dct.Month()))).shift(sign*k, false)
	case uHalf:
		t := x.dct.AddDate(0, sign*6*k, 0)
		return monthOf(t.Year(), int(t.Month()))
	case uDecade:
		return yearOf(x.dct.Year() + sign*10*k)
	case uCentury:
		return yearOf(x.dct.Year() + sign*100*k)
	case uMillennium:
		return yearOf(x.dct.Year() + sign*1000*k)
	}
	return yearOf(x.dct.Year() + sign*k)
}

// weekday resolves a weekday name (ISO 1-7). rel: -1 "last", +1 "next", 0
// by tense: past looks back (the anchor day itself included), future and
// present look ahead, unknown looks back.
func (x *extractor) weekday(wd, rel int, t tense) date {
	if !x.anch {
		v := newDate(gDay)
		v.wd = wd
		return v
	}
	if rel != 0 {
		return weekdayFrom(x.dct, wd, rel)
	}
	cur := isoWeekday(x.dct)
	back := (cur - wd + 7) % 7
	fwd := (wd - cur + 7) % 7
	switch {
	case t == tFuture || t == tPresent:
		return dayOf(x.dct.AddDate(0, 0, fwd))
	}
	return dayOf(x.dct.AddDate(0, 0, -back))
}

// weekdayFrom is weekday wd (ISO) strictly before base (dir < 0) or
// strictly after it (dir > 0).
func weekdayFrom(base time.Time, wd, dir int) date {
	cur := isoWeekday(base)
	if dir < 0 {
		back := (cur - wd + 7) % 7
		if back == 0 {
			back = 7
		}
		return dayOf(base.AddDate(0, 0, -back))
	}
	fwd := (wd - cur + 7) % 7
	if fwd == 0 {
		fwd = 7
	}
	return dayOf(base.AddDate(0, 0, fwd))
}

// yearFor picks the year of a month (and day, when d > 0) given without
// one: the occurrence nearest the anchor, where the tense makes a date on
// its wrong side (after the anchor in a past clause, before it in a future
// one) count as farther, and with no tense cue a later month counts a
// little farther than an earlier one.
func (x *extractor) yearFor(m, d int, t tense) int {
	if !x.anch {
		return -1
	}
	y := x.dct.Year()
	dm := int(x.dct.Month())
	// The nearest occurrence, distances against the tense counting three
	// times (six for a bare month): a past clause may still name next
	// month's deadline when the alternative is eleven months back, and tense
	// cues are often wrong.
	best, bestD := y, 1<<30
	for _, yy := range [3]int{y - 1, y, y + 1} {
		var diff int
		if d > 0 {
			dd2 := min(d, 28)
			if validDay(yy, m, d) {
				dd2 = d
			}
			c := time.Date(yy, time.Month(m), dd2, 0, 0, 0, 0, time.UTC)
			diff = int(c.Sub(x.dct).Hours() / 24)
		} else {
			diff = 30 * ((yy-y)*12 + m - dm)
		}
		switch {
		case diff > 0 && t == tPast || diff < 0 && t == tFuture:
			if d > 0 {
				diff *= 3
			} else {
				diff *= 6
			}
		case diff > 0 && t == tUnknown && d <= 0:
			// News mostly reports: without a cue, a past month is likelier.
			diff = diff * 3 / 2
		}
		if diff < 0 {
			diff = -diff
		}
		if diff < bestD {
			best, bestD = yy, diff
		}
	}
	return best
}

// quarterYear picks the year of an ordinal quarter (or half, per=2) given
// without one: the latest such period already begun, except that a future
// clause looks to next year for a period two or more back ("will report
// first-quarter results" in October): the one just ended is still to be
// reported on.
func (x *extractor) quarterYear(q, per int, t tense) int {
	if !x.anch {
		return -1
	}
	y, m := x.dct.Year(), int(x.dct.Month())
	cur := (m-1)/(12/per) + 1
	if t == tFuture && cur-q >= 2 {
		return y + 1
	}
	if q > cur {
		return y - 1
	}
	return y
}

// seasonYear resolves a season given without a year. Seasons are counted
// on one line (four a year; January and February belong to the winter that
// began the December before, which TIMEX3 writes with that year). rel -1
// ("last") takes the latest before the current one, +1 ("next") the first
// after it, 2 ("this") the one of the anchor's year; otherwise a future
// clause takes the first not yet over and any other the latest begun.
func (x *extractor) seasonYear(s int, rel int, t tense) date {
	v := newDate(gSeason)
	v.q = s
	if !x.anch {
		return v
	}
	y, m := x.dct.Year(), int(x.dct.Month())
	cy, cur := y, seasonOfMonth(m)
	if m <= 2 {
		cy--
	}
	c := cy*4 + cur - 1 // the current season on the line
	at := func(yy int) int { return yy*4 + s - 1 }
	switch {
	case rel == 2:
		v.y = y
		if s == sWinter && m <= 2 {
			v.y = y - 1
		}
	case rel < 0:
		v.y = y
		for at(v.y) >= c {
			v.y--
		}
	case rel > 0:
		v.y = y - 1
		for at(v.y) <= c {
			v.y++
		}
	case t == tFuture:
		v.y = y - 1
		for at(v.y) < c {
			v.y++
		}
	default:
		v.y = y + 1
		for at(v.y) > c {
			v.y--
		}
	}
	return v
}

// weekend resolves "the weekend": the last one in a past or unknown clause
// (the current one from Saturday on), the coming one otherwise.
func (x *extractor) weekend(rel int, t tense) date {
	v := newDate(gWeekend)
	if !x.anch {
		return v
	}
	wd := isoWeekday(x.dct)
	var ref time.Time
	switch {
	case rel < 0:
		ref = x.dct.AddDate(0, 0, -7)
		if wd == 7 || wd == 1 {
			ref = x.dct.AddDate(0, 0, -7)
		}
	case rel > 0:
		ref = x.dct.AddDate(0, 0, 7)
	case t == tFuture || t == tPresent:
		ref = x.dct
	default:
		if wd >= 6 {
			ref = x.dct
		} else {
			ref = x.dct.AddDate(0, 0, -7)
		}
	}
	o := weekOf(ref)
	o.g = gWeekend
	return o
}

// holiday returns the date of a named day in year y (-1 unknown).
func holiday(name string, y int) (m, d int) {
	switch name {
	case "christmas":
		return 12, 25
	case "christmas eve":
		return 12, 24
	case "new year":
		return 1, 1
	case "new year eve":
		return 12, 31
	case "halloween":
		return 10, 31
	case "valentine":
		return 2, 14
	case "independence":
		return 7, 4
	case "boxing":
		return 12, 26
	case "veterans":
		return 11, 11
	}
	if y < 0 {
		return 0, 0
	}
	nth := func(month, wd, n int) (int, int) { // n-th weekday of month (n<0: last)
		if n > 0 {
			t := time.Date(y, time.Month(month), 1, 0, 0, 0, 0, time.UTC)
			off := (wd - isoWeekday(t) + 7) % 7
			return month, 1 + off + 7*(n-1)
		}
		t := time.Date(y, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC)
		off := (isoWeekday(t) - wd + 7) % 7
		return month, t.Day() - off
	}
	switch name {
	case "thanksgiving":
		return nth(11, 4, 4)
	case "labor":
		return nth(9, 1, 1)
	case "memorial":
		return nth(5, 1, -1)
	case "columbus":
		return nth(10, 1, 2)
	case "election":
		_, first := nth(11, 1, 1)
		return 11, first + 1
	case "easter", "good friday":
		em, ed := easter(y)
		if name == "good friday" {
			t := time.Date(y, time.Month(em), ed-2, 0, 0, 0, 0, time.UTC)
			return int(t.Month()), t.Day()
		}
		return em, ed
	}
	return 0, 0
}

// easter returns the month and day of Easter Sunday (Gregorian computus).
func easter(y int) (int, int) {
	a := y % 19
	b, c := y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return month, day
}

// quarterEnded reports whether quarter v was over by the anchor (true
// without an anchor, when nothing can be told).
func (x *extractor) quarterEnded(v date) bool {
	if !x.anch || v.y < 0 || v.q < 1 {
		return true
	}
	return !time.Date(v.y, time.Month(3*v.q+1), 1, 0, 0, 0, 0, time.UTC).After(x.dct)
}
