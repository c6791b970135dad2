package actor

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date is a calendar day as the number YYYYMMDD (20170120), so that dates
// compare with < and print readably. The zero Date means "unknown" in a
// query and "open" at either end of a range.
type Date int32

// DateOf returns the calendar day of t in its own location.
func DateOf(t time.Time) Date {
	if t.IsZero() {
		return 0
	}
	y, m, d := t.Date()
	return Date(y*10000 + int(m)*100 + d)
}

// MakeDate returns the Date for a year, month and day, or an error when the
// day does not exist (2021-02-29).
func MakeDate(y, m, d int) (Date, error) {
	if y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31 {
		return 0, fmt.Errorf("no such date %04d-%02d-%02d", y, m, d)
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d || int(t.Month()) != m {
		return 0, fmt.Errorf("no such date %04d-%02d-%02d", y, m, d)
	}
	return Date(y*10000 + m*100 + d), nil
}

// ParseDate reads YYYY-MM-DD.
func ParseDate(s string) (Date, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return 0, fmt.Errorf("date %q is not YYYY-MM-DD", s)
	}
	y, e1 := strconv.Atoi(s[0:4])
	m, e2 := strconv.Atoi(s[5:7])
	d, e3 := strconv.Atoi(s[8:10])
	if e1 != nil || e2 != nil || e3 != nil || !digits(s[0:4]) || !digits(s[5:7]) || !digits(s[8:10]) {
		return 0, fmt.Errorf("date %q is not YYYY-MM-DD", s)
	}
	return MakeDate(y, m, d)
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// String prints YYYY-MM-DD, or "" for the zero Date.
func (d Date) String() string {
	if d == 0 {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", int(d)/10000, int(d)/100%100, int(d)%100)
}

// Range is a span of days. From is the first day it covers and To the first
// day it no longer covers (a handover day belongs to the successor); zero at
// either end leaves that end open.
type Range struct {
	From, To Date
}

// Contains reports whether day d lies in r. An unknown day (0) lies in every
// range, so undated queries see every entry.
func (r Range) Contains(d Date) bool {
	if d == 0 {
		return true
	}
	return (r.From == 0 || d >= r.From) && (r.To == 0 || d < r.To)
}

// Overlaps reports whether two ranges share a day.
func (r Range) Overlaps(o Range) bool {
	return (r.To == 0 || o.From == 0 || o.From < r.To) && (o.To == 0 || r.From == 0 || r.From < o.To)
}

// Open reports whether r is unrestricted.
func (r Range) Open() bool { return r.From == 0 && r.To == 0 }

// String prints "FROM..TO" with empty open ends.
func (r Range) String() string { return r.From.String() + ".." + r.To.String() }

// ParseRange reads "FROM..TO" where either side may be empty.
func ParseRange(s string) (Range, error) {
	i := strings.Index(s, "..")
	if i < 0 {
		return Range{}, fmt.Errorf("range %q is not FROM..TO", s)
	}
	var r Range
	var err error
	if a := s[:i]; a != "" {
		if r.From, err = ParseDate(a); err != nil {
			return Range{}, err
		}
	}
	if b := s[i+2:]; b != "" {
		if r.To, err = ParseDate(b); err != nil {
			return Range{}, err
		}
	}
	if r.From != 0 && r.To != 0 && r.To <= r.From {
		return Range{}, fmt.Errorf("range %q ends before it starts", s)
	}
	return r, nil
}
