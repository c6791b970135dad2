package timex_test

import (
	"testing"
	"time"

	"github.com/dyadhq/dyad/internal/timex"
	"github.com/dyadhq/dyad/pkg/doc"
)

// FuzzExtract feeds arbitrary text to the extractor, with and without
// tokens and an anchor: it must not panic, and every expression must lie
// inside the text, in order, without overlap, with a type and a value.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"Trump and Putin spoke on Friday during a 50-minute call.",
		"Jan. 16, 2017; 1/16/2017; 2017-01-16; the 1990s; '90s; mid-1990s",
		"at 3 p.m. EST, Nov. 6 or 15:30 GMT (0735 GMT) Friday",
		"the third quarter of 1990, fiscal 1989's first quarter, Q3 2016, H1",
		"two and a half hours, 2 1/2 years, twenty-five days ago, a year earlier",
		"every week, twice a year, each Thursday, Mondays, daily, $5 a year",
		"nineteen ninety-seven, the year two thousand, the twentieth century",
		"Good Friday; Christmas Eve; New Year's Day 2000; Thanksgiving",
		"\xff\xfe May 12 \u00a0 March\u2019s 1990\u2013 1991 \u2028 now",
		"the end of the month, the early summer, the late '70s, year-end",
		"",
	} {
		f.Add(s, int64(17000), true)
	}
	f.Fuzz(func(t *testing.T, text string, days int64, withTokens bool) {
		var anchor time.Time
		if days != 0 {
			anchor = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(days%200000))
		}
		d := &doc.Document{Text: text}
		if withTokens {
			d = simpleDoc(text)
		}
		prev := 0
		for _, x := range timex.Extract(d, anchor) {
			if x.Start < prev || x.End <= x.Start || x.End > len(text) {
				t.Fatalf("bad span [%d,%d) after %d in %q", x.Start, x.End, prev, text)
			}
			prev = x.End
			switch x.Type {
			case timex.Date, timex.Time, timex.Duration, timex.Set:
			default:
				t.Fatalf("bad type %q", x.Type)
			}
			if x.Value == "" {
				t.Fatalf("empty value for %q", text[x.Start:x.End])
			}
			if withTokens && len(d.Tokens) > 0 && (x.FirstTok < 0 || x.LastTok > len(d.Tokens) || x.FirstTok >= x.LastTok) {
				t.Fatalf("bad tokens %+v", x)
			}
		}
	})
}
