package timex

import (
	"strconv"
	"time"
)

// gran is the granularity of a calendar value.
type gran uint8

const (
	gNone gran = iota
	gMillennium
	gCentury
	gDecade
	gYear
	gHalf
	gQuarter
	gSeason
	gMonth
	gWeek
	gWeekend
	gDay
)

// date is a calendar value in TIMEX3 terms. Unknown fields are -1 and print
// as X ("XXXX-01-16"); a day with only its weekday known prints
// "XXXX-WXX-5".
type date struct {
	g     gran
	y     int // year (for a decade its first year, for a century 100*c)
	m, d  int
	w     int // ISO week (gWeek, gWeekend), with y its ISO year
	q     int // half, quarter or season index
	wd    int // weekday of an unresolved day
	pod   int // part of day (pMorning...), with g == gDay
	hh    int // clock hour, -1 when none
	mm    int
	hasMM bool
}

func newDate(g gran) date { return date{g: g, y: -1, m: -1, d: -1, w: -1, q: -1, hh: -1} }

func dayOf(t time.Time) date {
	v := newDate(gDay)
	v.y, v.m, v.d = t.Year(), int(t.Month()), t.Day()
	return v
}

func weekOf(t time.Time) date {
	v := newDate(gWeek)
	v.y, v.w = t.ISOWeek()
	return v
}

func monthOf(y, m int) date {
	v := newDate(gMonth)
	v.y, v.m = y, m
	return v
}

func yearOf(y int) date {
	v := newDate(gYear)
	v.y = y
	return v
}

func quarterOf(y, q int) date {
	v := newDate(gQuarter)
	v.y, v.q = y, q
	return v
}

func (v date) known() bool {
	switch v.g {
	case gNone:
		return false
	case gDay:
		return v.y >= 0 && v.m > 0 && v.d > 0
	case gWeek, gWeekend:
		return v.y >= 0 && v.w > 0
	case gMonth:
		return v.y >= 0 && v.m > 0
	case gQuarter, gHalf, gSeason:
		return v.y >= 0 && v.q > 0
	default:
		return v.y >= 0
	}
}

func (v date) String() string {
	var b []byte
	b = make([]byte, 0, 20)
	year := func(y int) {
		if y < 0 {
			b = append(b, "XXXX"...)
			return
		}
		b = pad(b, y, 4)
	}
	two := func(n int) {
		if n <= 0 {
			b = append(b, "XX"...)
			return
		}
		b = pad(b, n, 2)
	}
	switch v.g {
	case gMillennium:
		if v.y < 0 {
			return "X"
		}
		return strconv.Itoa(v.y / 1000)
	case gCentury:
		if v.y < 0 {
			return "XX"
		}
		return string(pad(b, v.y/100, 2))
	case gDecade:
		if v.y < 0 {
			return "XXX"
		}
		return string(pad(b, v.y/10, 3))
	case gYear:
		year(v.y)
	case gHalf:
		year(v.y)
		b = append(b, "-H"...)
		b = digitOrX(b, v.q)
	case gQuarter:
		year(v.y)
		b = append(b, "-Q"...)
		b = digitOrX(b, v.q)
	case gSeason:
		year(v.y)
		b = append(b, '-')
		if v.q > 0 && v.q < len(seasonCodes) {
			b = append(b, seasonCodes[v.q]...)
		} else {
			b = append(b, "XX"...)
		}
	case gMonth:
		year(v.y)
		b = append(b, '-')
		two(v.m)
	case gWeek, gWeekend:
		year(v.y)
		b = append(b, "-W"...)
		two(v.w)
		if v.g == gWeekend {
			b = append(b, "-WE"...)
		}
	case gDay:
		if v.m <= 0 && v.d <= 0 && v.wd > 0 {
			year(v.y)
			b = append(b, "-WXX-"...)
			b = strconv.AppendInt(b, int64(v.wd), 10)
		} else {
			year(v.y)
			b = append(b, '-')
			two(v.m)
			b = append(b, '-')
			two(v.d)
		}
		switch {
		case v.hh >= 0:
			b = append(b, 'T')
			b = pad(b, v.hh, 2)
			if v.hasMM {
				b = append(b, ':')
				b = pad(b, v.mm, 2)
			}
		case v.pod > 0 && v.pod < len(podCodes):
			b = append(b, podCodes[v.pod]...)
		}
	default:
		return ""
	}
	return string(b)
}

func pad(b []byte, n, w int) []byte {
	s := strconv.Itoa(n)
	for i := len(s); i < w; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

func digitOrX(b []byte, n int) []byte {
	if n <= 0 {
		return append(b, 'X')
	}
	return strconv.AppendInt(b, int64(n), 10)
}

// shift moves a known value by n of its own units (or by n years when
// byYear is set), keeping its granularity.
func (v date) shift(n int, byYear bool) date {
	if !v.known() {
		return v
	}
	if byYear {
		switch v.g {
		case gDay:
			t := time.Date(v.y+n, time.Month(v.m), v.d, 0, 0, 0, 0, time.UTC)
			if t.Day() != v.d { // February 29th
				t = time.Date(v.y+n, time.Month(v.m), 28, 0, 0, 0, 0, time.UTC)
			}
			o := dayOf(t)
			o.pod, o.hh, o.mm, o.hasMM = v.pod, v.hh, v.mm, v.hasMM
			return o
		case gWeek, gWeekend:
			t := isoWeekStart(v.y, v.w).AddDate(n, 0, 0)
			o := weekOf(t)
			o.g = v.g
			return o
		default:
			v.y += n
			return v
		}
	}
	switch v.g {
	case gDay:
		t := time.Date(v.y, time.Month(v.m), v.d+n, 0, 0, 0, 0, time.UTC)
		o := dayOf(t)
		o.pod = v.pod
		return o
	case gWeek, gWeekend:
		t := isoWeekStart(v.y, v.w).AddDate(0, 0, 7*n)
		o := weekOf(t)
		o.g = v.g
		return o
	case gMonth:
		t := time.Date(v.y, time.Month(v.m)+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
		return monthOf(t.Year(), int(t.Month()))
	case gQuarter:
		k := v.y*4 + v.q - 1 + n
		return quarterOf(floorDiv(k, 4), k-4*floorDiv(k, 4)+1)
	case gHalf:
		k := v.y*2 + v.q - 1 + n
		o := newDate(gHalf)
		o.y, o.q = floorDiv(k, 2), k-2*floorDiv(k, 2)+1
		return o
	case gSeason:
		k := v.y*4 + v.q - 1 + n
		o := newDate(gSeason)
		o.y, o.q = floorDiv(k, 4), k-4*floorDiv(k, 4)+1
		return o
	case gDecade:
		v.y += 10 * n
	case gCentury:
		v.y += 100 * n
	case gMillennium:
		v.y += 1000 * n
	default:
		v.y += n
	}
	return v
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// isoWeekStart returns the Monday of ISO week w of ISO year y.
func isoWeekStart(y, w int) time.Time {
	jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
	wd := int(jan4.Weekday())
	if wd == 0 {
		wd = 7
	}
	return jan4.AddDate(0, 0, 1-wd+7*(w-1))
}

// isoWeekday returns 1 (Monday) to 7 (Sunday).
func isoWeekday(t time.Time) int {
	wd := int(t.Weekday())
	if wd == 0 {
		return 7
	}
	return wd
}

func quarterOfMonth(m int) int { return (m-1)/3 + 1 }

// seasonOfMonth maps a month to its (northern, meteorological) season;
// December belongs to the winter of its own year in TIMEX3 practice.
func seasonOfMonth(m int) int {
	switch {
	case m >= 3 && m <= 5:
		return sSpring
	case m >= 6 && m <= 8:
		return sSummer
	case m >= 9 && m <= 11:
		return sFall
	}
	return sWinter
}

// validDay reports whether d is a day of month m in year y (y < 0: any year).
func validDay(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return false
	}
	if y < 0 {
		y = 2000 // leap
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return t.Day() == d
}

// durValue formats a duration of n units ("P3Y", "PT50M"); n < 0 means an
// unspecified amount ("PXY"). Fractions go down one unit when they can.
func durValue(n float64, u unit) string {
	if n < 0 {
		return "P" + timeSep(u) + "X" + unitCode(u)
	}
	whole := int(n)
	frac := n - float64(whole)
	if frac > 0.01 {
		sub, per := subUnit(u)
		if sub != uNone {
			k := int(frac*float64(per) + 0.5)
			if whole == 0 {
				return durValue(float64(k), sub)
			}
			s := "P" + timeSep(u) + strconv.Itoa(whole) + unitCode(u)
			if timeSep(sub) != "" && timeSep(u) == "" {
				s += "T"
			}
			return s + strconv.Itoa(k) + unitCode(sub)
		}
	}
	switch u {
	case uDecade:
		return "P" + strconv.Itoa(10*whole) + "Y"
	case uCentury:
		return "P" + strconv.Itoa(100*whole) + "Y"
	case uMillennium:
		return "P" + strconv.Itoa(1000*whole) + "Y"
	case uFortnight:
		return "P" + strconv.Itoa(2*whole) + "W"
	case uHalf:
		return "P" + strconv.Itoa(6*whole) + "M"
	case uWeekend:
		return "P" + strconv.Itoa(2*whole) + "D"
	}
	return "P" + timeSep(u) + strconv.Itoa(whole) + unitCode(u)
}

func subUnit(u unit) (unit, int) {
	switch u {
	case uYear:
		return uMonth, 12
	case uMonth:
		return uDay, 30
	case uWeek:
		return uDay, 7
	case uDay:
		return uHour, 24
	case uHour:
		return uMinute, 60
	case uMinute:
		return uSecond, 60
	}
	return uNone, 0
}

func timeSep(u unit) string {
	if u == uHour || u == uMinute || u == uSecond {
		return "T"
	}
	return ""
}

func unitCode(u unit) string {
	switch u {
	case uSecond:
		return "S"
	case uMinute:
		return "M"
	case uHour:
		return "H"
	case uDay, uWeekend:
		return "D"
	case uWeek, uFortnight:
		return "W"
	case uMonth, uHalf:
		return "M"
	case uQuarter:
		return "Q"
	case uYear:
		return "Y"
	case uDecade:
		return "DE"
	case uCentury:
		return "CE"
	case uMillennium:
		return "ML"
	}
	return ""
}

func dateAt(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
