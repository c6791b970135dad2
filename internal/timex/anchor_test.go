package timex_test

import (
	"strings"
	"testing"
	"time"
)

// Rules that anchor relative expressions on the publication date (worked:
// Saturday 2017-01-28) or on the time the story is talking about.
func TestAnchoring(t *testing.T) {
	filler := strings.Repeat("The company makes widgets and gadgets for its customers. ", 25)
	cases := []struct {
		name string
		text string
		exp  []want
	}{
		// A weekday with "'s" names an event that has happened, whatever the
		// tense of the clause; "ahead of" lets the clause decide.
		{"possessive future clause", "The opposition will challenge Tuesday's ruling.",
			[]want{{"Tuesday", "DATE", "2017-01-24"}}},
		{"possessive present clause", "The move follows Thursday's announcement by the bank.",
			[]want{{"Thursday", "DATE", "2017-01-26"}}},
		{"possessive scheduled event", "Voters will go to the polls in Sunday's presidential election.",
			[]want{{"Sunday", "DATE", "2017-01-29"}}},
		{"possessive ahead of", "Parties will campaign hard ahead of Sunday's vote.",
			[]want{{"Sunday", "DATE", "2017-01-29"}}},
		// A deadline hangs on the verb before it, not on the main verb after.
		{"deadline verb before", "Talks that are due to conclude by May stalled again.",
			[]want{{"May", "DATE", "2017-05"}}},
		// A verb that pushes a date forward makes its deadline lie ahead.
		{"extended through", "The lenders extended the credit lines through March.",
			[]want{{"March", "DATE", "2017-03"}}},
		{"postponed until", "Officials postponed the hearing until Tuesday.",
			[]want{{"Tuesday", "DATE", "2017-01-31"}}},
		{"stayed until", "The envoy stayed in the city until Tuesday.",
			[]want{{"Tuesday", "DATE", "2017-01-24"}}},
		// "the following month", "the previous Friday" count from the date
		// the story is on, not from the publication date.
		{"following month", "The offer came in March 2015. The following month, the company put itself up for sale.",
			[]want{{"March 2015", "DATE", "2015-03"}, {"The following month", "DATE", "2015-04"}}},
		{"previous year", "The plant opened in 2010. The previous year, it was still a field.",
			[]want{{"2010", "DATE", "2010"}, {"The previous year", "DATE", "2009"}}},
		{"previous Friday", "The index closed on Friday, Jan. 20, down from the previous Friday.",
			[]want{{"Friday, Jan. 20", "DATE", "2017-01-20"}, {"the previous Friday", "DATE", "2017-01-13"}}},
		{"last Friday stays ours", "The index closed lower on Jan. 11, as it did last Friday.",
			[]want{{"Jan. 11", "DATE", "2017-01-11"}, {"last Friday", "DATE", "2017-01-27"}}},
		// A holiday's week is the ISO week holding the day.
		{"holiday week", "Pilgrims will crowd the city in Easter week.",
			[]want{{"Easter week", "DATE", "2017-W15"}}},
		{"holiday week with year", "Sales peaked in Thanksgiving week 2015.",
			[]want{{"Thanksgiving week 2015", "DATE", "2015-W48"}}},
		// "today's youth" speaks of our times, "today's vote" of the day.
		{"generic today", "Today's youth face other worries.", nil},
		{"generic today's world", "Such rules make no sense in today's world.", nil},
		{"specific today", "Today's vote was close.", []want{{"Today", "DATE", "2017-01-28"}}},
		{"specific tomorrow", "Prior to tomorrow's market opening, traders waited.", []want{{"tomorrow", "DATE", "2017-01-29"}}},
		// A year after a possessive "'s" is a year, not a code after "s".
		{"possessive year", "It will be an extraordinary item in the company's 1989 operating results.",
			[]want{{"1989", "DATE", "1989"}}},
		// "one day" after a modal or "to" is some time to come.
		{"one day future", "Officials said the region will one day be a trade hub.",
			[]want{{"one day", "DATE", "FUTURE_REF"}}},
		{"one day hope", "He hopes to one day return home.",
			[]want{{"one day", "DATE", "FUTURE_REF"}}},
		{"one day span", "The strike lasted one day.",
			[]want{{"one day", "DURATION", "P1D"}}},
		// An unmeasured stretch up to now is the past; after "for" a span.
		{"past few months", "Rates have fallen in the last few months.",
			[]want{{"the last few months", "DATE", "PAST_REF"}}},
		{"past several quarters", "Sales weakened over the past several quarters.",
			[]want{{"the past several quarters", "DATE", "PAST_REF"}}},
		{"for the past few weeks", "For the past few weeks we have waited.",
			[]want{{"the past few weeks", "DURATION", "PXW"}}},
		{"next few days", "The team will decide in the next few days.",
			[]want{{"the next few days", "DURATION", "PXD"}}},
		// "for the year" names the year; its span is "the year ended ...",
		// or "during"/"throughout" the year.
		{"for the year", "Fourth-quarter profit fell, which will mean lower earnings for the fiscal year.",
			[]want{{"Fourth-quarter", "DATE", "2016-Q4"}, {"the fiscal year", "DATE", "2016"}}},
		{"for the year after a date", "Sales rose in 2016. Profit for the year doubled.",
			[]want{{"2016", "DATE", "2016"}, {"the year", "DATE", "2016"}}},
		{"for the year without context", "Profit for the year doubled.",
			[]want{{"the year", "DURATION", "P1Y"}}},
		{"for the year to a month", "Sales rose in 2016. We aim to sell 8,000 units for the year to August 2017.",
			[]want{{"2016", "DATE", "2016"}, {"the year", "DURATION", "P1Y"}, {"August 2017", "DATE", "2017-08"}}},
		{"for the year-to-date", "Sales in 2016 rose, and for the year-to-date they fell.",
			[]want{{"2016", "DATE", "2016"}, {"the year", "DURATION", "P1Y"}}},
		{"previous fiscal year", "Profit rose in 2015 from the previous fiscal year.",
			[]want{{"2015", "DATE", "2015"}, {"the previous fiscal year", "DATE", "2014"}}},
		{"the prior week without a date", "Claims fell from the prior week.",
			[]want{{"the prior week", "DATE", "2017-W03"}}},
		{"the prior week after a week", "Claims fell in the week ended Jan. 21 from the prior week.",
			[]want{{"the week", "DATE", "2017-W03"}, {"Jan. 21", "DATE", "2017-01-21"}, {"the prior week", "DATE", "2017-W02"}}},
		{"the year ended", "For the year ended Sept. 30, profit rose.",
			[]want{{"the year", "DURATION", "P1Y"}, {"Sept. 30", "DATE", "2016-09-30"}}},
		{"throughout the year", "Profit should rise throughout the year.",
			[]want{{"the year", "DURATION", "P1Y"}}},
		// "soon" is a time to come, except relative to another event.
		{"soon", "Prosecutors may soon seek an indictment.",
			[]want{{"soon", "DATE", "FUTURE_REF"}}},
		{"as soon as", "He will leave as soon as he can.", nil},
		{"soon after", "He was killed soon after his capture.", nil},
		{"soon in the past", "A trickle of cash soon became a flood.", nil},
		{"soon at the end", "Talks will resume soon", []want{{"soon", "DATE", "FUTURE_REF"}}},
		// "that same day" after a month: a day of that month.
		{"same day in a month", "He was killed last October. His name was crossed out that same day.",
			[]want{{"last October", "DATE", "2016-10"}, {"that same day", "DATE", "2016-10-XX"}}},
		// A story still on its quarter: "a year earlier" is that quarter a
		// year before, however far the first mention.
		{"quarter in talk", "Profit rose in the fourth quarter. " + filler + "Sales in the latest quarter rose 5%, up from $4 million a year earlier.",
			[]want{{"the fourth quarter", "DATE", "2016-Q4"}, {"the latest quarter", "DATE", "2016-Q4"}, {"a year earlier", "DATE", "2015-Q4"}}},
		{"quarter out of talk", "Profit rose in the fourth quarter. " + filler + "Sales rose 5%, up from $4 million a year earlier.",
			[]want{{"the fourth quarter", "DATE", "2016-Q4"}, {"a year earlier", "DATE", "2016"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { check(t, c.text, worked, c.exp) })
	}
}

// Tagger slips: a past form tagged as present still speaks of the past, and
// a participle after "is" is passive, its auxiliary deciding the tense.
func TestTagSlips(t *testing.T) {
	for _, tc := range []struct {
		text string
		tags map[string]string
		want string
	}{
		{"The bullet that tore through his window Friday.", map[string]string{"tore": "VBP", "that": "WDT"}, "2017-01-27"},
		{"We cut the price Friday.", map[string]string{"cut": "VBP"}, "2017-02-03"},
		{"He and Smith meet separately Monday.", map[string]string{"Smith": "NNP", "meet": "VB"}, "2017-01-30"},
		{"Sales picture improved Monday.", map[string]string{"Sales": "NNS", "picture": "VB", "improved": "VBD"}, "2017-01-23"},
		{"They want to meet Monday.", map[string]string{"They": "PRP", "want": "VBP", "to": "TO", "meet": "VB"}, "2017-01-30"},
		{"The appeal is heard in May.", map[string]string{"is": "VBZ", "heard": "VBN"}, "2017-05"},
		{"The appeal was heard in May.", map[string]string{"was": "VBD", "heard": "VBN"}, "2016-05"},
	} {
		checkTagged(t, tc.text, tc.tags, tc.want)
	}
}

// Without an anchor a holiday's week stays unresolved.
func TestHolidayWeekNoAnchor(t *testing.T) {
	check(t, "Crowds gathered in Easter week.", time.Time{}, []want{{"Easter week", "DATE", "XXXX-WXX"}})
}
