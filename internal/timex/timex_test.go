package timex_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/dyadhq/dyad/internal/timex"
	"github.com/dyadhq/dyad/pkg/doc"
)

// want is one expected expression: its text, type and value.
type want struct{ text, typ, value string }

func (w want) String() string { return fmt.Sprintf("%q %s %s", w.text, w.typ, w.value) }

// worked is the publication date of the worked example (a Saturday).
var worked = time.Date(2017, 1, 28, 0, 0, 0, 0, time.UTC)

// simpleDoc tokenizes on spaces and punctuation and makes one sentence, so
// that the tests do not depend on the real tokenizer's current state.
func simpleDoc(text string) *doc.Document {
	d := &doc.Document{Text: text}
	i := 0
	for i < len(text) {
		c := text[i]
		if c == ' ' || c == '\n' {
			i++
			continue
		}
		j := i + 1
		if isWordByte(c) {
			for j < len(text) && isWordByte(text[j]) {
				j++
			}
		}
		d.Tokens = append(d.Tokens, doc.Token{Start: i, End: j, Head: -1})
		i = j
	}
	if len(d.Tokens) > 0 {
		d.Sentences = []doc.Sentence{{Start: d.Tokens[0].Start, End: d.Tokens[len(d.Tokens)-1].End, First: 0, Last: len(d.Tokens)}}
	}
	return d
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

func got(d *doc.Document, ts []timex.Timex) []want {
	var out []want
	for _, t := range ts {
		out = append(out, want{d.Text[t.Start:t.End], t.Type, t.Value})
	}
	return out
}

func check(t *testing.T, text string, anchor time.Time, exp []want) {
	t.Helper()
	d := simpleDoc(text)
	ts := timex.Extract(d, anchor)
	g := got(d, ts)
	if fmt.Sprint(g) != fmt.Sprint(exp) {
		t.Errorf("%q\n got  %v\n want %v", text, g, exp)
	}
}

func TestWorkedExample(t *testing.T) {
	cases := []struct {
		text string
		exp  []want
	}{
		{"During the 50-minute conversation, the two presidents discussed the fight against terrorism.",
			[]want{{"50-minute", "DURATION", "PT50M"}}},
		{"Trump and Putin spoke by telephone on Friday, the Kremlin said.",
			[]want{{"Friday", "DATE", "2017-01-27"}}},
		{"The two leaders had last spoken on Wednesday.",
			[]want{{"Wednesday", "DATE", "2017-01-25"}}},
		{"The Kremlin had announced the call on January 16.",
			[]want{{"January 16", "DATE", "2017-01-16"}}},
		{"The call lasted 45 minutes.",
			[]want{{"45 minutes", "DURATION", "PT45M"}}},
		{"Relations between the two countries have soured in recent years.",
			[]want{{"recent years", "DATE", "PAST_REF"}}},
	}
	for _, c := range cases {
		check(t, c.text, worked, c.exp)
	}
}

func TestConstructions(t *testing.T) {
	cases := []struct {
		text string
		exp  []want
	}{
		// Absolute dates.
		{"The treaty was signed Jan. 16, 2017, in Geneva.", []want{{"Jan. 16, 2017", "DATE", "2017-01-16"}}},
		{"It was signed on 16 January 2017.", []want{{"16 January 2017", "DATE", "2017-01-16"}}},
		{"Filed 2017-01-16 by the clerk.", []want{{"2017-01-16", "DATE", "2017-01-16"}}},
		{"The form is dated 1/16/2017.", []want{{"1/16/2017", "DATE", "2017-01-16"}}},
		{"Talks stalled in mid-January.", []want{{"mid-January", "DATE", "2017-01"}}},
		{"Prices rose sharply in the 1990s.", []want{{"the 1990s", "DATE", "199"}}},
		{"The firm was founded in 1987.", []want{{"1987", "DATE", "1987"}}},
		{"He arrived in March 2016.", []want{{"March 2016", "DATE", "2016-03"}}},
		{"Growth slowed in the early 1980s.", []want{{"the early 1980s", "DATE", "198"}}},
		{"It was the worst war of the 20th century.", []want{{"the 20th century", "DATE", "19"}}},
		{"Voting ends on Saturday, Feb. 4.", []want{{"Saturday, Feb. 4", "DATE", "2017-02-04"}}},
		{"He was born on the fourth of July, 1976.", []want{{"the fourth of July, 1976", "DATE", "1976-07-04"}}},
		{"Shops close on Christmas Day.", []want{{"Christmas Day", "DATE", "2016-12-25"}}},
		// Relative dates.
		{"The talks resume next week.", []want{{"next week", "DATE", "2017-W05"}}},
		{"The envoy arrived two days ago.", []want{{"two days ago", "DATE", "2017-01-26"}}},
		{"Exports fell last year.", []want{{"last year", "DATE", "2016"}}},
		{"Sales rose this month.", []want{{"this month", "DATE", "2017-01"}}},
		{"The minister resigned yesterday.", []want{{"yesterday", "DATE", "2017-01-27"}}},
		{"He will speak tonight.", []want{{"tonight", "TIME", "2017-01-28TNI"}}},
		{"The company is now profitable.", []want{{"now", "DATE", "PRESENT_REF"}}},
		{"He is currently in Moscow.", []want{{"currently", "DATE", "PRESENT_REF"}}},
		{"The ministry recently changed its rules.", []want{{"recently", "DATE", "PAST_REF"}}},
		{"Output grew in each of the past three years.", []want{{"the past three years", "DURATION", "P3Y"}}},
		{"They met last Friday.", []want{{"last Friday", "DATE", "2017-01-27"}}},
		{"They met earlier this month.", []want{{"earlier this month", "DATE", "2017-01"}}},
		{"Profit rose to $5 million from $4 million a year earlier.", []want{{"a year earlier", "DATE", "2016"}}},
		{"Hopes rose in the future.", []want{{"the future", "DATE", "FUTURE_REF"}}},
		{"The strike began last summer.", []want{{"last summer", "DATE", "2016-SU"}}},
		{"The festival ends this weekend.", []want{{"this weekend", "DATE", "2017-W04-WE"}}},
		// Durations.
		{"The war lasted three years.", []want{{"three years", "DURATION", "P3Y"}}},
		{"It took a decade to rebuild.", []want{{"a decade", "DURATION", "P10Y"}}},
		{"The flight took two and a half hours.", []want{{"two and a half hours", "DURATION", "PT2H30M"}}},
		{"The ceasefire held for nearly two weeks.", []want{{"nearly two weeks", "DURATION", "P2W"}}},
		{"Inflation rose for several months.", []want{{"several months", "DURATION", "PXM"}}},
		{"The 10-year bond fell.", []want{{"10-year", "DURATION", "P10Y"}}},
		// Quarters, fiscal years, halves.
		{"Earnings fell in the third quarter.", []want{{"the third quarter", "DATE", "2016-Q3"}}},
		{"Third-quarter profit rose.", []want{{"Third-quarter", "DATE", "2016-Q3"}}},
		{"Revenue grew in fiscal 1998.", []want{{"fiscal 1998", "DATE", "1998"}}},
		{"Sales slowed in the first half of 2016.", []want{{"the first half of 2016", "DATE", "2016-H1"}}},
		{"Profit rose in the fourth quarter of 1990.", []want{{"the fourth quarter of 1990", "DATE", "1990-Q4"}}},
		{"Earnings rose in the third quarter, up from $2 million a year ago.",
			[]want{{"the third quarter", "DATE", "2016-Q3"}, {"a year ago", "DATE", "2015-Q3"}}},
		// Times of day and zones.
		// The day after "on" dates the clock time but keeps its own extent.
		{"The vote closes at 3 p.m. on Friday.", []want{{"3 p.m.", "TIME", "2017-01-27T15:00"}, {"Friday", "DATE", "2017-01-27"}}},
		{"The markets opened at 15:30 GMT.", []want{{"15:30 GMT", "TIME", "2017-01-28T15:30"}}},
		{"He left this morning.", []want{{"this morning", "TIME", "2017-01-28TMO"}}},
		{"He left Friday morning.", []want{{"Friday morning", "TIME", "2017-01-27TMO"}}},
		{"The blast came at 10:35 a.m. Friday, police said.", []want{{"10:35 a.m. Friday", "TIME", "2017-01-27T10:35"}}},
		{"The curfew starts at midnight.", []want{{"midnight", "TIME", "2017-01-28T24"}}},
		// Sets.
		{"The council meets every week.", []want{{"every week", "SET", "P1W"}}},
		{"The report is published annually.", []want{{"annually", "SET", "P1Y"}}},
		{"Protesters gather daily.", []want{{"daily", "SET", "P1D"}}},
		{"The board meets twice a week.", []want{{"twice a week", "SET", "P1W"}}},
		{"The ferry leaves each Thursday.", []want{{"each Thursday", "SET", "XXXX-WXX-4"}}},
		{"He earns $50,000 a year.", []want{{"a year", "SET", "P1Y"}}},
	}
	for _, c := range cases {
		check(t, c.text, worked, c.exp)
	}
}

func TestTense(t *testing.T) {
	cases := []struct {
		text string
		exp  []want
	}{
		// Saturday 2017-01-28: a past clause looks back, a future one ahead.
		{"The ministers met on Friday.", []want{{"Friday", "DATE", "2017-01-27"}}},
		{"The ministers will meet on Friday.", []want{{"Friday", "DATE", "2017-02-03"}}},
		{"The ministers are expected to meet on Monday.", []want{{"Monday", "DATE", "2017-01-30"}}},
		{"The talks could resume as soon as Tuesday.", []want{{"Tuesday", "DATE", "2017-01-31"}}},
		// Months and days without a year: the nearest sensible one.
		{"The deal closed in December.", []want{{"December", "DATE", "2016-12"}}},
		{"The deal will close in March.", []want{{"March", "DATE", "2017-03"}}},
		{"The offer expires Feb. 10.", []want{{"Feb. 10", "DATE", "2017-02-10"}}},
		{"The offer was made Dec. 20.", []want{{"Dec. 20", "DATE", "2016-12-20"}}},
		{"The rights expire Nov. 21, the company said.", []want{{"Nov. 21", "DATE", "2016-11-21"}}},
		{"Elections will be held in November.", []want{{"November", "DATE", "2017-11"}}},
		{"Next year's budget was approved.", []want{{"Next year", "DATE", "2018"}}},
	}
	for _, c := range cases {
		check(t, c.text, worked, c.exp)
	}
}

// Tags, when the tagger has run, decide the tense where words alone cannot.
func TestTagsDecideTense(t *testing.T) {
	text := "The leaders gather Monday in Brussels."
	d := simpleDoc(text)
	plain := got(d, timex.Extract(d, worked))
	for i := range d.Tokens {
		if d.TokenText(i) == "gather" {
			d.Tokens[i].XPOS = "VBP"
		} else {
			d.Tokens[i].XPOS = "NN"
		}
	}
	tagged := got(d, timex.Extract(d, worked))
	if exp := []want{{"Monday", "DATE", "2017-01-23"}}; fmt.Sprint(plain) != fmt.Sprint(exp) {
		t.Errorf("untagged: got %v want %v", plain, exp)
	}
	if exp := []want{{"Monday", "DATE", "2017-01-30"}}; fmt.Sprint(tagged) != fmt.Sprint(exp) {
		t.Errorf("tagged: got %v want %v", tagged, exp)
	}
}

func TestNoAnchor(t *testing.T) {
	cases := []struct {
		text     string
		exp      []want
		anchored bool
	}{
		{"They met on Friday.", []want{{"Friday", "DATE", "XXXX-WXX-5"}}, false},
		{"They met on January 16.", []want{{"January 16", "DATE", "XXXX-01-16"}}, false},
		{"They met yesterday.", []want{{"yesterday", "DATE", "XXXX-XX-XX"}}, false},
		{"Exports fell last year.", []want{{"last year", "DATE", "XXXX"}}, false},
		{"The talks resume next week.", []want{{"next week", "DATE", "XXXX-WXX"}}, false},
		{"He left two days ago.", []want{{"two days ago", "DATE", "XXXX-XX-XX"}}, false},
		{"Earnings fell in the third quarter.", []want{{"the third quarter", "DATE", "XXXX-Q3"}}, false},
		{"He left this morning.", []want{{"this morning", "TIME", "XXXX-XX-XXTMO"}}, false},
		{"The vote is at 3 p.m.", []want{{"3 p.m", "TIME", "XXXX-XX-XXT15:00"}}, false}, // the period ends the sentence
		{"The firm was founded in 1987.", []want{{"1987", "DATE", "1987"}}, false},
		{"The war lasted three years.", []want{{"three years", "DURATION", "P3Y"}}, false},
		{"The company is now profitable.", []want{{"now", "DATE", "PRESENT_REF"}}, false},
	}
	for _, c := range cases {
		check(t, c.text, time.Time{}, c.exp)
		d := simpleDoc(c.text)
		for _, x := range timex.Extract(d, time.Time{}) {
			if x.Anchored != c.anchored {
				t.Errorf("%q: %q Anchored = %v", c.text, d.Text[x.Start:x.End], x.Anchored)
			}
		}
	}
	// With an anchor, relative expressions say they were resolved by it.
	d := simpleDoc("They met on Friday in 1987.")
	ts := timex.Extract(d, worked)
	if len(ts) != 2 || !ts[0].Anchored || ts[1].Anchored {
		t.Errorf("Anchored flags: %+v", ts)
	}
}

func TestFalsePositives(t *testing.T) {
	for _, text := range []string{
		"Theresa May said the talks would go on.",
		"Prime Minister May spoke to reporters.",
		"You may leave the room.",
		"Thousands march on the capital.",
		"March was a success, organisers said of the rally.",
		"He won the second round easily.",
		"The Good Friday agreement ended the conflict.",
		"The story ran in the Daily Telegraph.",
		"The 52-year-old man was arrested.",
		"Mr. Smith, 52 years old, was arrested.",
		"Police counted 1,500 people at the rally.",
		"The ticket cost $2000 at auction.",
		"He lives at No. 1990 on the avenue.",
		"The company sold 2000 cars.",
		"Please wait a second while we connect.",
		"A quarter of the shares were sold.",
		"Windows 2000 was released with fanfare.",
		"She watched the film High Noon again.",
		"He said it on ABC's This Week program.",
		"The current account deficit widened.",
		"August Wilson wrote the play.",
	} {
		check(t, text, worked, nil)
	}
}

func TestOffsetsAndTokens(t *testing.T) {
	text := "Ünïcode first: the summit ended on Jan. 16, 2017, and talks resume next week.\n\nA new paragraph begins Friday."
	d := simpleDoc(text)
	ts := timex.Extract(d, worked)
	if len(ts) != 3 {
		t.Fatalf("got %v", got(d, ts))
	}
	for _, x := range ts {
		if x.Start < 0 || x.End > len(text) || x.Start >= x.End {
			t.Fatalf("bad span %+v", x)
		}
		if x.FirstTok < 0 || x.LastTok > len(d.Tokens) || x.FirstTok >= x.LastTok {
			t.Fatalf("bad tokens %+v", x)
		}
		if d.Tokens[x.FirstTok].Start > x.Start || d.Tokens[x.LastTok-1].End < x.End {
			t.Errorf("tokens [%d,%d) do not cover %q", x.FirstTok, x.LastTok, text[x.Start:x.End])
		}
		if x.Sentence != 0 {
			t.Errorf("sentence %d", x.Sentence)
		}
	}
	if s := text[ts[0].Start:ts[0].End]; s != "Jan. 16, 2017" {
		t.Errorf("first span %q", s)
	}
	// Without tokens the offsets still hold and token fields are -1.
	bare := &doc.Document{Text: text}
	for _, x := range timex.Extract(bare, worked) {
		if x.FirstTok != -1 || x.LastTok != -1 || x.Sentence != -1 {
			t.Errorf("untokenized document: %+v", x)
		}
	}
	if timex.Extract(&doc.Document{}, worked) != nil || timex.Extract(nil, worked) != nil {
		t.Error("empty documents must give nothing")
	}
}

// A blank line ends any expression: a date cannot run into the next
// paragraph.
func TestParagraphBreak(t *testing.T) {
	check(t, "The meeting is in May\n\n2017 will be different.", worked, []want{{"May", "DATE", "2017-05"}, {"2017", "DATE", "2017"}})
	if !strings.Contains(fmt.Sprint(timex.Date, timex.Time, timex.Duration, timex.Set), "DURATION") {
		t.Error("type constants")
	}
}

// With tags, "May" the modal and "march" the verb are not months even where
// the words around would allow it.
func TestTagsRuleOutVerbs(t *testing.T) {
	text := "In May be the answer, said in March."
	d := simpleDoc(text)
	for i := range d.Tokens {
		switch d.TokenText(i) {
		case "May":
			d.Tokens[i].XPOS = "MD"
		case "March":
			d.Tokens[i].XPOS = "NNP"
		case "said":
			d.Tokens[i].XPOS = "VBD"
		default:
			d.Tokens[i].XPOS = "NN"
		}
	}
	if g, exp := got(d, timex.Extract(d, worked)), []want{{"March", "DATE", "2016-03"}}; fmt.Sprint(g) != fmt.Sprint(exp) {
		t.Errorf("got %v want %v", g, exp)
	}
}

// Tags decide verb forms, but the lexicon still says that "planned to"
// looks ahead; a participle speaks of the past; a plural noun the tagger
// read as a verb after a possessive decides nothing.
func TestTagsWithLexicon(t *testing.T) {
	for _, tc := range []struct {
		text string
		tags map[string]string
		want string
	}{
		{"He planned to leave Nairobi on Thursday.", map[string]string{"planned": "VBD", "leave": "VB", "to": "TO"}, "2017-02-02"},
		{"The injunction issued Thursday stands.", map[string]string{"issued": "VBN"}, "2017-01-26"},
		{"He met his top aides Wednesday.", map[string]string{"met": "VBD", "his": "PRP$", "aides": "VBZ"}, "2017-01-25"},
	} {
		checkTagged(t, tc.text, tc.tags, tc.want)
	}
}

// checkTagged tags the words of text as tags says (NN for the others) and
// checks that the one expression found has value want.
func checkTagged(t *testing.T, text string, tags map[string]string, want string) {
	t.Helper()
	d := simpleDoc(text)
	for i := range d.Tokens {
		if tag, ok := tags[d.TokenText(i)]; ok {
			d.Tokens[i].XPOS = tag
		} else {
			d.Tokens[i].XPOS = "NN"
		}
	}
	ts := timex.Extract(d, worked)
	if len(ts) != 1 || ts[0].Value != want {
		t.Errorf("%q: got %v, want %s", text, got(d, ts), want)
	}
}
