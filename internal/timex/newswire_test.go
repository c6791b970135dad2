package timex_test

import (
	"testing"
	"time"
)

// Newswire habits of anchoring (worked: Saturday 2017-01-28): arranged
// events lie ahead, starting points behind, a fronted date takes the tense
// of its sentence, and earnings comparisons follow the period reported.
func TestNewswireRules(t *testing.T) {
	fall := time.Date(1998, 10, 25, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		name   string
		anchor time.Time
		text   string
		exp    []want
	}{
		{"planned with an object", worked, "The union planned a large rally in the capital on Monday.",
			[]want{{"Monday", "DATE", "2017-01-30"}}},
		{"scheduled with an object", worked, "The prosecutor has scheduled a news conference Tuesday.",
			[]want{{"Tuesday", "DATE", "2017-01-31"}}},
		{"previously planned", worked, "The offensive began as previously planned on Monday.",
			[]want{{"Monday", "DATE", "2017-01-23"}}},
		{"planned and canceled", worked, "A memorial service planned for Monday was canceled.",
			[]want{{"Monday", "DATE", "2017-01-23"}}},
		{"was due to", worked, "The envoy was due to arrive on Monday.",
			[]want{{"Monday", "DATE", "2017-01-30"}}},
		{"were planning to", worked, "Protesters gathered and were planning to march on Monday.",
			[]want{{"Monday", "DATE", "2017-01-30"}}},
		{"had been due to", worked, "The offer had been due to expire Friday evening.",
			[]want{{"Friday evening", "TIME", "2017-01-27TEV"}}},
		{"had been scheduled to", worked, "The vote had been scheduled to take place on Monday.",
			[]want{{"Monday", "DATE", "2017-01-23"}}},
		{"expires ahead", worked, "The offer expires Friday.",
			[]want{{"Friday", "DATE", "2017-02-03"}}},
		{"clock on a weekday", worked, "The ceasefire took hold at 6 a.m. on Thursday.",
			[]want{{"6 a.m.", "TIME", "2017-01-26T06:00"}, {"Thursday", "DATE", "2017-01-26"}}},
		{"clock on a date", worked, "The blast came at 9 p.m. on Jan. 3.",
			[]want{{"9 p.m.", "TIME", "2017-01-03T21:00"}, {"Jan. 3", "DATE", "2017-01-03"}}},
		{"week of a day", worked, "A hearing is set for the week of Feb. 6.",
			[]want{{"the week of Feb. 6", "DATE", "2017-W06"}}},
		{"daily as a paper", worked, "The Communist Party daily Granma printed the letter.", nil},
		{"weekly as a paper", worked, "The news weekly Der Spiegel reported it.", nil},
		{"daily flights", worked, "The airline plans daily flights to Bombay.",
			[]want{{"daily", "SET", "P1D"}}},
		{"that night", worked, "The bomb exploded on Jan. 20. That night, police arrested two men.",
			[]want{{"Jan. 20", "DATE", "2017-01-20"}, {"That night", "TIME", "2017-01-20TNI"}}},
		{"the following morning", worked, "The bomb exploded on Jan. 20. By the following morning, police had arrested two men.",
			[]want{{"Jan. 20", "DATE", "2017-01-20"}, {"the following morning", "TIME", "2017-01-21TMO"}}},
		{"has until", worked, "The island has until Monday to raise the money.",
			[]want{{"Monday", "DATE", "2017-01-30"}}},
		{"had until", worked, "The island had until Monday to raise the money.",
			[]want{{"Monday", "DATE", "2017-01-23"}}},
		{"clock in another zone", worked, "The attack took place at 2 p.m. local time (1900 GMT).",
			[]want{{"2 p.m.", "TIME", "2017-01-28T14:00"}}},
		{"month a year earlier", worked, "Exports fell 3 percent in December from a year earlier.",
			[]want{{"December", "DATE", "2016-12"}, {"a year earlier", "DATE", "2015-12"}}},
		{"month than a year ago", worked, "Jobless claims in December were higher than a year ago.",
			[]want{{"December", "DATE", "2016-12"}, {"a year ago", "DATE", "2015-12"}}},
		{"month not compared", worked, "In early December, crowds marked the revolution of 41 years ago.",
			[]want{{"early December", "DATE", "2016-12"}, {"41 years ago", "DATE", "1976"}}},
		{"since a month", worked, "The ship has been on patrol since March and was due to return home.",
			[]want{{"March", "DATE", "2016-03"}}},
		{"fronted month", fall, "In January, a week after the anniversary of the ruling of the high court, a bomb exploded at a clinic.",
			[]want{{"January", "DATE", "1998-01"}, {"a week", "DURATION", "P1W"}}},
		{"forecast quarter", worked, "Profit rose in the third quarter. Analysts expect losses through the second quarter of 2017. In the year-ago period, profit was $4 million.",
			[]want{{"the third quarter", "DATE", "2016-Q3"}, {"the second quarter of 2017", "DATE", "2017-Q2"}, {"the year-ago period", "DATE", "2015-Q3"}}},
		{"forecast quarter first", worked, "The company expects a loss in the second quarter of 2017. In the quarter, sales should fall.",
			[]want{{"the second quarter of 2017", "DATE", "2017-Q2"}, {"the quarter", "DATE", "2017-Q2"}}},
		{"period after nine months", worked, "Profit rose in the third quarter. In the first nine months, net was $306 million, compared with $195 million in the 2015 period.",
			[]want{{"the third quarter", "DATE", "2016-Q3"}, {"the first nine months", "DURATION", "P9M"}, {"the 2015 period", "DATE", "2015"}}},
		{"a year earlier after nine months", worked, "Profit rose in the third quarter. For the nine months, net was $306 million, up from $195 million a year earlier.",
			[]want{{"the third quarter", "DATE", "2016-Q3"}, {"the nine months", "DURATION", "P9M"}, {"a year earlier", "DATE", "2015"}}},
		{"period with no quarter in talk", worked, "Net income rose in the 2015 period.",
			[]want{{"the 2015 period", "DATE", "2015"}}},
		{"a year earlier after the quarter", worked, "Profit rose in the third quarter to $5 million from $4 million a year earlier.",
			[]want{{"the third quarter", "DATE", "2016-Q3"}, {"a year earlier", "DATE", "2015-Q3"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { check(t, c.text, c.anchor, c.exp) })
	}
}
