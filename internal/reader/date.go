package reader

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// Publication dates. parseDate accepts the forms news data really uses:
//
//	2017-01-28                              a date (no time of day)
//	2017-01-28T15:04:05Z, ...+01:00, ...+0100, with or without fractions
//	2017-01-28T15:04:05, 2017-01-28T15:04   no zone: taken as UTC
//	2017-01-28 15:04:05 (also with a zone)  SQL style
//	Sat, 28 Jan 2017 15:04:05 GMT / +0000   RFC 1123 / RFC 822 (feeds), with or
//	                                        without the weekday, US zone names
//	                                        (EST, PDT...) mapped to their offsets
//
// A JSON number is Unix time: seconds, or milliseconds when it is 1e11 or
// more (1e11 seconds is beyond the year 5000). Anything else is an error,
// never a silently dropped date. A time's own zone offset is kept; a time
// without one is UTC.

// dateLayouts lists the accepted layouts; clock tells whether they carry a
// time of day.
var dateLayouts = []struct {
	layout string
	clock  bool
}{
	{time.DateOnly, false},
	{time.RFC3339Nano, true},
	{"2006-01-02T15:04:05.999999999Z0700", true},
	{"2006-01-02T15:04:05.999999999", true},
	{"2006-01-02T15:04Z07:00", true},
	{"2006-01-02T15:04", true},
	{"2006-01-02 15:04:05.999999999Z07:00", true},
	{"2006-01-02 15:04:05.999999999Z0700", true},
	{"2006-01-02 15:04:05.999999999 Z0700", true},
	{"2006-01-02 15:04:05.999999999 Z07:00", true},
	{"2006-01-02 15:04:05.999999999", true},
	{"2006-01-02 15:04", true},
	{"Mon, 2 Jan 2006 15:04:05 -0700", true},
	{"Mon, 2 Jan 2006 15:04:05 MST", true},
	{"Mon, 2 Jan 2006 15:04 -0700", true},
	{"Mon, 2 Jan 2006 15:04 MST", true},
	{"2 Jan 2006 15:04:05 -0700", true},
	{"2 Jan 2006 15:04:05 MST", true},
	{"Mon, 2 Jan 06 15:04:05 -0700", true},
	{"Mon, 2 Jan 06 15:04:05 MST", true},
	{"2 Jan 06 15:04 -0700", true},
	{"2 Jan 06 15:04 MST", true},
	{"Monday, 02-Jan-06 15:04:05 MST", true},
	{"Mon Jan _2 15:04:05 2006", true},
	{"Mon Jan _2 15:04:05 MST 2006", true},
}

// zoneOffsets maps zone names seen in feeds to their offsets; Go's parser
// would otherwise take an unknown name as UTC.
var zoneOffsets = map[string]string{
	"GMT": "+0000", "UT": "+0000", "UTC": "+0000", "Z": "+0000",
	"EST": "-0500", "EDT": "-0400", "CST": "-0600", "CDT": "-0500",
	"MST": "-0700", "MDT": "-0600", "PST": "-0800", "PDT": "-0700",
	"BST": "+0100", "CET": "+0100", "CEST": "+0200",
}

var errDate = errors.New("unrecognised date")

// parseDate parses s in one of the accepted forms and tells whether it
// carries a time of day.
func parseDate(s string) (t time.Time, clock bool, err error) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 64 {
		return time.Time{}, false, fmt.Errorf("%w %q", errDate, s)
	}
	// A trailing zone name becomes a numeric offset.
	if i := strings.LastIndexByte(s, ' '); i > 0 {
		if off, ok := zoneOffsets[strings.ToUpper(s[i+1:])]; ok {
			s = s[:i+1] + off
		}
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l.layout, s); err == nil {
			if t.Location() == time.Local {
				t = t.UTC()
			}
			return t, l.clock, nil
		}
	}
	return time.Time{}, false, fmt.Errorf("%w %q", errDate, s)
}

// unixDate reads a JSON number as Unix seconds (or milliseconds).
func unixDate(num string) (time.Time, error) {
	v, err := strconv.ParseFloat(num, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) || math.Abs(v) > 1e15 {
		return time.Time{}, fmt.Errorf("%w: number %s is not Unix time", errDate, num)
	}
	if math.Abs(v) >= 1e11 {
		v /= 1000
	}
	sec, frac := math.Modf(v)
	return time.Unix(int64(sec), int64(frac*1e9)).UTC(), nil
}
