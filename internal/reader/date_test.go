package reader

import (
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	est := time.FixedZone("", -5*3600)
	for _, tc := range []struct {
		in    string
		want  time.Time
		clock bool
		ok    bool
	}{
		{"2017-01-28", time.Date(2017, 1, 28, 0, 0, 0, 0, time.UTC), false, true},
		{" 2017-01-28T15:04:05Z ", time.Date(2017, 1, 28, 15, 4, 5, 0, time.UTC), true, true},
		{"2017-01-28T15:04:05.5+01:00", time.Date(2017, 1, 28, 14, 4, 5, 5e8, time.UTC), true, true},
		{"2017-01-28T15:04:05-0500", time.Date(2017, 1, 28, 15, 4, 5, 0, est), true, true},
		{"2017-01-28T15:04:05", time.Date(2017, 1, 28, 15, 4, 5, 0, time.UTC), true, true},
		{"2017-01-28T15:04", time.Date(2017, 1, 28, 15, 4, 0, 0, time.UTC), true, true},
		{"2017-01-28 15:04:05", time.Date(2017, 1, 28, 15, 4, 5, 0, time.UTC), true, true},
		{"2017-01-28 15:04:05 +0000", time.Date(2017, 1, 28, 15, 4, 5, 0, time.UTC), true, true},
		{"Sat, 28 Jan 2017 15:04:05 GMT", time.Date(2017, 1, 28, 15, 4, 5, 0, time.UTC), true, true},
		{"Sat, 28 Jan 2017 15:04:05 +0000", time.Date(2017, 1, 28, 15, 4, 5, 0, time.UTC), true, true},
		{"Sat, 28 Jan 2017 10:04:05 EST", time.Date(2017, 1, 28, 15, 4, 5, 0, time.UTC), true, true},
		{"28 Jan 2017 15:04:05 UT", time.Date(2017, 1, 28, 15, 4, 5, 0, time.UTC), true, true},
		{"Mon, 2 Jan 2006 15:04 -0700", time.Date(2006, 1, 2, 22, 4, 0, 0, time.UTC), true, true},
		{"Sat Jan 28 15:04:05 2017", time.Date(2017, 1, 28, 15, 4, 5, 0, time.UTC), true, true},
		{"2017-02-30", time.Time{}, false, false},
		{"28/01/2017", time.Time{}, false, false},
		{"", time.Time{}, false, false},
		{"yesterday", time.Time{}, false, false},
	} {
		got, clock, err := parseDate(tc.in)
		if (err == nil) != tc.ok || tc.ok && (!got.Equal(tc.want) || clock != tc.clock) {
			t.Errorf("%q: %v %v %v; want %v %v ok=%v", tc.in, got, clock, err, tc.want, tc.clock, tc.ok)
		}
	}
}

func TestUnixDate(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want time.Time
		ok   bool
	}{
		{"0", time.Unix(0, 0).UTC(), true},
		{"1485615845", time.Date(2017, 1, 28, 15, 4, 5, 0, time.UTC), true},
		{"1485615845.5", time.Date(2017, 1, 28, 15, 4, 5, 5e8, time.UTC), true},
		{"1485615845123", time.Date(2017, 1, 28, 15, 4, 5, 123e6, time.UTC), true},
		{"-86400", time.Date(1969, 12, 31, 0, 0, 0, 0, time.UTC), true},
		{"1e20", time.Time{}, false},
	} {
		got, err := unixDate(tc.in)
		if (err == nil) != tc.ok || tc.ok && got.Sub(tc.want).Abs() > time.Millisecond {
			t.Errorf("%s: %v %v, want %v", tc.in, got, err, tc.want)
		}
	}
}
