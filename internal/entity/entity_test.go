package entity

import (
	"strings"
	"testing"

	"github.com/dyadhq/dyad/pkg/doc"
)

// find returns the entity with this canonical name.
func find(res *Result, canonical string) *Entity {
	for _, e := range res.Entities {
		if e.Canonical == canonical {
			return e
		}
	}
	return nil
}

func TestExampleStory(t *testing.T) {
	text := exampleStory(t)
	d, res := process(t, text, "2017-01-28")
	tests := []struct {
		canonical, typ, code string
		mentions             []string // texts that must be among the mentions
	}{
		{"Donald Trump", PER, "USAGOV", []string{"Trump", "@POTUS", "his", "he", "I"}},
		{"Vladimir Putin", PER, "RUSGOV", []string{"Putin", "Russian Pres Putin"}},
		{"Angela Merkel", PER, "DEUGOV", []string{"Chancellor Merkel"}},
		{"Sean Spicer", PER, "USAGOV", []string{"Sean Spicer"}},
		{"Theresa May", PER, "GBRGOV", []string{"Britain's Prime Minister Theresa May"}},
		{"Sergei Lavrov", PER, "RUSGOV", []string{"Russian foreign minister", "he", "Lavrov"}},
		{"Kremlin", ORG, "RUSGOV", []string{"Kremlin"}},
		{"Russia", GPE, "RUS", []string{"Russia", "Russian"}},
		{"United States", GPE, "USA", []string{"United States", "US"}},
		{"United Kingdom", GPE, "GBR", []string{"Britain"}},
		{"Israel", NORP, "ISR", []string{"Israeli"}},
		{"Palestine", GPE, "PSE", []string{"Palestine"}},
		{"Iran", GPE, "IRN", []string{"Iran"}},
		{"Syria", GPE, "SYR", []string{"Syria"}},
		{"Islamic State", ORG, "IMGMUSISI", []string{"Islamic State", "IS", "ISIS"}},
		{"Fox News", ORG, "USAMED", []string{"Fox News"}},
		{"Times of London", ORG, "GBRMED", []string{"Times of London"}},
		{"Donald Trump and Vladimir Putin", PER, "", []string{"the two presidents", "The two heads of state", "The Presidents"}},
		{"Russia and United States", GPE, "", []string{"the two countries", "the two nations"}},
	}
	for _, tc := range tests {
		e := find(res, tc.canonical)
		if e == nil {
			t.Errorf("no entity %q", tc.canonical)
			continue
		}
		if e.Type != tc.typ || string(e.Code) != tc.code {
			t.Errorf("%s: type %s code %s, want %s %s", tc.canonical, e.Type, e.Code, tc.typ, tc.code)
		}
		have := map[string]bool{}
		for _, m := range e.Mentions {
			if got := d.Text[m.Start:m.End]; got != "" {
				have[got] = true
			}
		}
		for _, want := range tc.mentions {
			if !have[want] {
				t.Errorf("%s: no mention %q (have %v)", tc.canonical, want, have)
			}
		}
	}
	// every third-person pronoun, and I in quotes, is resolved
	for i := range d.Tokens {
		switch strings.ToLower(d.TokenText(i)) {
		case "he", "his", "him", "she", "her", "i":
			if e := res.ActorAt(i); e == nil || e.Type != PER {
				t.Errorf("pronoun %q at byte %d unresolved", d.TokenText(i), d.Tokens[i].Start)
			}
		}
	}
	// ActorAt on "Lavrov" gives Lavrov; inside "Britain's Prime Minister
	// Theresa May", "Britain" gives May (the outer mention)
	for i := range d.Tokens {
		switch d.TokenText(i) {
		case "Lavrov":
			if e := res.ActorAt(i); e == nil || e.Canonical != "Sergei Lavrov" {
				t.Errorf("ActorAt(Lavrov) = %v", e)
			}
		case "Britain":
			if e := res.ActorAt(i); e == nil || e.Canonical != "Theresa May" {
				t.Errorf("ActorAt(Britain) = %v", e)
			}
		}
	}
	for _, e := range res.Entities {
		for _, m := range e.Mentions {
			if m.Start < 0 || m.End > len(d.Text) || m.Start >= m.End || d.Tokens[m.First].Start != m.Start || d.Tokens[m.Last-1].End != m.End {
				t.Errorf("%s: bad mention offsets %+v", e.Canonical, m)
			}
		}
	}
}

func TestCoreference(t *testing.T) {
	tests := []struct {
		name, text, date string
		// pairs: mention text -> canonical entity it must resolve to (the
		// n-th occurrence of the word, from 0, after '#')
		want map[string]string
	}{
		{"pronoun gender", "Angela Merkel met Vladimir Putin in Berlin. She said he was wrong.", "2015-03-01",
			map[string]string{"She": "Angela Merkel", "he": "Vladimir Putin"}},
		{"surname after full name", "Sean Spicer spoke on Monday. Spicer said the talks went well.", "2017-02-01",
			map[string]string{"Spicer": "Sean Spicer"}},
		{"the president on the date", "Barack Obama arrived in Havana. The president met Raul Castro.", "2016-03-21",
			map[string]string{"president": "Barack Obama"}},
		{"title to holder", "The Russian foreign minister said he was cautious.", "2017-01-20",
			map[string]string{"minister": "Sergei Lavrov", "he": "Sergei Lavrov"}},
		{"quoted names skipped", "\"I don't know Putin,\" Trump said. \"He is strong,\" he told reporters.", "2017-01-20",
			map[string]string{"he": "Donald Trump", "I": "Donald Trump"}},
		{"its to the country", "Iraq said its forces repelled the attack.", "1987-03-05",
			map[string]string{"its": "Iraq"}},
		{"its to a country's body that is the subject", "Japan and the United States met. The Philippine government agreed to pay its debts.", "1987-03-05",
			map[string]string{"its": "Philippine government"}},
		{"its past a place of meeting", "OPEC will meet in Vienna next week, where it will review its prices.", "1987-03-05",
			map[string]string{"its": "OPEC"}},
		{"a name after a body noun is the body", "Minister Rashid Abdulla al-Nuaimi returned from Belgrade. \"We agreed,\" the news agency WAM quoted him as saying.", "1987-06-01",
			map[string]string{"him": "Rashid Abdulla al-Nuaimi"}},
		{"it said to the organization", "The Kremlin issued a statement. It said talks would go on.", "2017-01-20",
			map[string]string{"It": "Kremlin"}},
		{"first person in a continued quote", "\"We will win,\" Lavrov said. \"I know it.\"", "2017-01-20",
			map[string]string{"I": "Sergei Lavrov"}},
		{"another bearer of a listed surname", "Analyst William Blair said prices would rise. Blair expects more.", "1987-03-01",
			map[string]string{"Blair": "William Blair"}},
		{"family name first", "Former party chief Hu Yaobang attended the session. Hu took his place on the platform.", "1987-03-25",
			map[string]string{"Hu": "Hu Yaobang"}},
		{"subject of the governing clause", "Reagan assured Gorbachev that he would not agree to the plan.", "1987-03-01",
			map[string]string{"he": "Ronald Reagan"}},
		{"subject of the governing clause, adverbial", "Thatcher met Kohl before she left for Moscow.", "1987-03-01",
			map[string]string{"she": "Margaret Thatcher"}},
		{"a nearer subject of unknown gender before a man further back", "Asked about the Reagan administration, Pieter Vandermolen replied that talks would go on. Vandermolen said the plan was sound. He said more would follow.", "1987-03-01",
			map[string]string{"He": "Pieter Vandermolen"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, res := process(t, tc.text, tc.date)
			for word, canon := range tc.want {
				found := false
				for i := range d.Tokens {
					if d.TokenText(i) != word {
						continue
					}
					found = true
					e := res.ActorAt(i)
					if e == nil || e.Canonical != canon {
						got := "<nil>"
						if e != nil {
							got = e.Canonical
						}
						t.Errorf("%q -> %s, want %s", word, got, canon)
					}
				}
				if !found {
					t.Fatalf("word %q not in text", word)
				}
			}
		})
	}
}

func TestDates(t *testing.T) {
	// the same name codes by the offices held on the publication date
	tests := []struct{ date, code string }{
		{"2017-01-28", "USAGOV"},
		{"2022-06-01", "USAELI"},
		{"2025-03-01", "USAGOV"},
	}
	for _, tc := range tests {
		_, res := process(t, "President Trump spoke to reporters.", tc.date)
		e := find(res, "Donald Trump")
		if e == nil || string(e.Code) != tc.code {
			t.Errorf("%s: %v, want %s", tc.date, e, tc.code)
		}
	}
}

func TestCodesFromContext(t *testing.T) {
	tests := []struct {
		name, text, date, word, code string
	}{
		{"person owns a role noun", "Reagan administration officials said on Monday.", "1987-03-24", "officials", "USAGOV"},
		{"country and capitalized title", "Iranian Charge d'Affaires Mohammad Baqeri was summoned.", "1987-06-02", "Baqeri", "IRNGOV"},
		{"seat of power before", "White House Press Secretary, Sean Spicer, spoke.", "2017-01-28", "Spicer", "USAGOV"},
		{"seat of power after", "Sean Spicer, the White House press secretary, spoke.", "2017-01-28", "Spicer", "USAGOV"},
		{"dated seat of power", "The Kremlin said nothing.", "1987-05-01", "Kremlin", "USRGOV"},
		{"dated seat of power now", "The Kremlin said nothing.", "2017-05-01", "Kremlin", "RUSGOV"},
		{"media", "He told Fox News on Sunday.", "2017-05-01", "News", "USAMED"},
		{"government department after a country", "The U.S. Commerce Department criticized Japan.", "1987-03-01", "Commerce", "USAGOVBUS"},
		{"government department alone", "The Agriculture Department said exports rose.", "1987-03-01", "Agriculture", "---GOVAGR"},
		{"ministry after a possessive", "Japan's Trade Ministry accused the United States of dumping.", "1987-03-01", "Trade", "JPNGOVBUS"},
		{"justice department", "The Justice Department sued the company.", "1987-03-01", "Justice", "---JUD"},
		{"title after a country adjective, not a company", "Saudi Arabian Oil Minister Hisham Nazer said prices held.", "1987-03-01", "Nazer", "SAUGOV"},
		{"title without a country", "Prime Minister Wilfried Martens said taxes would rise.", "1987-03-01", "Martens", "---GOV"},
		{"role noun title", "The plan was backed by Treasury Secretary Michael Blumenthal.", "1987-03-01", "Blumenthal", "---GOVBUS"},
		{"comma ends the earlier phrase", "Offenders face a judicial tribunal, Prime Minister Mathieu Kerekou said.", "1987-03-01", "Kerekou", "---GOV"},
		{"opposition as people", "The Syrian opposition said the talks failed.", "2017-01-28", "opposition", "SYROPP"},
		{"central bank", "The Bank of Japan intervened.", "1987-03-01", "Bank", "JPNGOVBUS"},
		{"treasury", "The U.S. Treasury said it would sell bonds.", "1987-03-01", "Treasury", "USAGOVBUS"},
		{"radio of a capital", "Tehran radio said the attack failed.", "1987-03-01", "radio", "IRNMED"},
		{"military rank before a name", "Colonel Oliver North tried to obtain the missiles.", "1987-03-01", "North", "---MIL"},
		{"central bank short name", "The Fed said rates would rise.", "1987-03-01", "Fed", "USAGOVBUS"},
		{"a firm's spokesman", "A company spokesman declined to comment.", "1987-03-01", "spokesman", "---BUS"},
		{"an unknown body's spokesman is no government's", "A Velmora-Sund spokesman declined to comment.", "1987-03-01", "spokesman", ""},
		{"a government spokesman", "A government spokesman declined to comment.", "1987-03-01", "spokesman", "---GOV"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, res := process(t, tc.text, tc.date)
			for i := range d.Tokens {
				if d.TokenText(i) != tc.word {
					continue
				}
				e := res.ActorAt(i)
				if tc.code == "" && e != nil && e.Code != "" || tc.code != "" && (e == nil || string(e.Code) != tc.code) {
					t.Errorf("%q: %v, want %q", tc.word, e, tc.code)
				}
				return
			}
			t.Fatalf("%q not in text", tc.word)
		})
	}
}

// TestPartyLabels: an American politician named with a party and state
// label is American; a legislator unless the title says governor.
func TestPartyLabels(t *testing.T) {
	const text = "Senator Ann Tolliver, D-Iowa, said farmers should vote. Rep. Bob Kerrigan (R-N.H.) agreed. " +
		"Gov. Jim Halvorsen (R-N.J.) objected. Ann Tolliver said more."
	expectCodes(t, "2016-06-01", []codeCase{
		{text, "Tolliver", "USALEG"}, {text, "Kerrigan", "USALEG"}, {text, "Halvorsen", "USAGOV"},
	})
}

// TestTheCompany: "the company" is the firm named as a subject before it,
// and "it said" after them is that firm too.
func TestTheCompany(t *testing.T) {
	d, res := process(t, "Harlow Mills Corp said its Bexley Dyes unit will build a plant.\n\n"+
		"The company said building will start in August.\n\nIt said the plant will cost 10 mln dlrs.", "1987-06-01")
	want := map[string]string{"company": "Harlow Mills Corp", "It": "Harlow Mills Corp"}
	for i := range d.Tokens {
		w, ok := want[d.TokenText(i)]
		if !ok {
			continue
		}
		e := res.ActorAt(i)
		if e == nil || e.Canonical != w {
			t.Errorf("%q: %+v, want %s", d.TokenText(i), e, w)
		}
	}
}

// TestNewGroup: a count without "the" names new people, not the last ones
// named; "these two" and "both" refer back.
func TestNewGroup(t *testing.T) {
	for _, tc := range []struct {
		text  string
		group bool
	}{
		{"Trump called Putin on Friday. Two leaders of the opposition met later.", false},
		{"Trump called Putin on Friday. The two leaders discussed Syria.", true},
		{"Trump called Putin on Friday. These two leaders discussed Syria.", true},
		{"Trump called Putin on Friday. Both leaders discussed Syria.", true},
	} {
		d, res := process(t, tc.text, "2017-01-28")
		for i := range d.Tokens {
			if d.TokenText(i) != "leaders" {
				continue
			}
			e := res.ActorAt(i)
			if got := e != nil && len(e.Members) == 2; got != tc.group {
				t.Errorf("%q: leaders as the two named = %v, want %v (%+v)", tc.text, got, tc.group, e)
			}
		}
	}
}

func TestHeadlineAntecedents(t *testing.T) {
	d, res := processTitled(t, "Trump, Putin hold first official telephone call",
		"During the call, the two presidents discussed Syria. Trump praised Putin.", "2017-01-28")
	for i := range d.Tokens {
		if d.TokenText(i) == "presidents" {
			e := res.ActorAt(i)
			if e == nil || e.Canonical != "Donald Trump and Vladimir Putin" || len(e.Members) != 2 {
				t.Fatalf("the two presidents: %+v", e)
			}
			for _, m := range e.Members {
				if got := res.Entities[m]; len(got.Mentions) == 0 || got.ID != m {
					t.Errorf("member %d: %+v", m, got)
				}
			}
		}
	}
	for _, e := range res.Entities {
		if len(e.Mentions) == 0 {
			t.Errorf("entity %s has no mention", e.Canonical)
		}
	}
}

// TestCountryGroups: "the two countries" are the countries named last,
// those inside a longer mention included, and stay the same pair.
func TestCountryGroups(t *testing.T) {
	cases := []struct{ name, text, want string }{
		{"a country inside a title", "He was the first senior UAE official to visit Yugoslavia since the two countries established ties.",
			"United Arab Emirates and Yugoslavia"},
		{"the pair named again", "Chile and Peru signed a treaty. The two countries agreed on trade. Bolivia objected. The two nations will meet again.",
			"Chile and Peru"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, res := process(t, c.text, "1987-06-01")
			for i := range d.Tokens {
				if w := d.TokenText(i); w != "nations" && (w != "countries" || strings.Contains(c.text, "nations")) {
					continue
				}
				e := res.ActorAt(i)
				if e == nil || len(e.Members) != 2 || e.Canonical != c.want && e.Canonical != swapPair(c.want) {
					t.Fatalf("group: %+v, want %s", e, c.want)
				}
				return
			}
			t.Fatal("no group noun")
		})
	}
}

func swapPair(s string) string {
	a, b, _ := strings.Cut(s, " and ")
	return b + " and " + a
}

func TestCompanyNames(t *testing.T) {
	d, res := process(t, "Iomega Corp said it has laid off staff.\nIomega said the auditors agreed.", "1987-03-01")
	var ids []int
	for i := range d.Tokens {
		if d.TokenText(i) == "Iomega" {
			e := res.ActorAt(i)
			if e == nil {
				t.Fatalf("Iomega at token %d has no entity", i)
			}
			if e.Type != ORG || e.Canonical != "Iomega Corp" {
				t.Errorf("Iomega: %s %s, want ORG Iomega Corp", e.Type, e.Canonical)
			}
			ids = append(ids, e.ID)
		}
	}
	if len(ids) != 2 || ids[0] != ids[1] {
		t.Errorf("Iomega mentions in entities %v, want one entity", ids)
	}
}

func TestRoleNounWithPlace(t *testing.T) {
	tests := []struct{ text, word, code string }{
		{"Soldiers from Russia crossed the border.", "Soldiers", "RUSMIL"},
		{"Protesters in Cairo clashed with police.", "Protesters", "EGYOPP"},
		{"Lawmakers in France approved the bill.", "Lawmakers", "FRALEG"},
	}
	for _, tc := range tests {
		d, res := process(t, tc.text, "2017-01-28")
		for i := range d.Tokens {
			if d.TokenText(i) == tc.word {
				if e := res.ActorAt(i); e == nil || string(e.Code) != tc.code {
					t.Errorf("%q: %v, want %s", tc.text, e, tc.code)
				}
			}
		}
	}
}

func TestQuoted(t *testing.T) {
	tests := []struct {
		text string
		want string // one letter per token: q inside quotes, - outside
	}{
		{`He said " we won " today`, "---qq--"},
		{`“ I know ” , she said`, "-qq----"},
	}
	for _, tc := range tests {
		d := &doc.Document{Text: tc.text}
		off := 0
		for _, w := range strings.Fields(tc.text) {
			i := strings.Index(tc.text[off:], w) + off
			d.Tokens = append(d.Tokens, doc.Token{Start: i, End: i + len(w)})
			off = i + len(w)
		}
		d.Sentences = []doc.Sentence{{Start: 0, End: len(tc.text), First: 0, Last: len(d.Tokens)}}
		in := quoted(d, sentenceOf(d))
		var got strings.Builder
		for _, q := range in {
			if q {
				got.WriteByte('q')
			} else {
				got.WriteByte('-')
			}
		}
		if got.String() != tc.want {
			t.Errorf("%q: %s, want %s", tc.text, got.String(), tc.want)
		}
	}
}

// A name before a comma that ends its sentence (a segmenter break after
// "Pierson,") must not look for an appositive in the next sentence.
func TestAppositiveAtSentenceEnd(t *testing.T) {
	tests := []struct{ text, name string }{
		{"There is room for optimism, said analyst Arjen Los,\n    \"The market is exaggerating the whole thing,\" he said.\n", "Arjen Los"},
		{"There is room for optimism, said Arjen Los, the\n    \"The market is exaggerating,\" he said.\n", "Arjen Los"},
	}
	for _, tc := range tests {
		d, res := process(t, tc.text, "1987-03-20")
		if len(d.Sentences) < 2 {
			t.Errorf("%q: %d sentences; the test needs the break after the comma", tc.text, len(d.Sentences))
		}
		if find(res, tc.name) == nil {
			t.Errorf("%q: no entity %q", tc.text, tc.name)
		}
	}
}

// Names that begin with a place or demonym are organizations of that
// country, not the place; titles and agents after a demonym stay what the
// dictionary says.
func TestPlaceLedNames(t *testing.T) {
	tests := []struct{ text, word, typ, canonical, code string }{
		{"British Airways said it is introducing a new fare.", "Airways", ORG, "British Airways", "GBRBUS"},
		{"American Motors said it received a letter.", "Motors", ORG, "American Motors", "USABUS"},
		{"This could happen if the London Stock Exchange closes its floor.", "Exchange", ORG, "London Stock Exchange", "GBRBUS"},
		{"The talks were with Russian Pres Putin on Friday.", "Putin", PER, "Vladimir Putin", "RUSGOV"},
		{"The Russian government said it would respond.", "government", ORG, "Russian government", "RUSGOV"},
		{"Power Corp of Canada said it received subscriptions.", "Corp", ORG, "Power Corp of Canada", "CANBUS"},
		{"The American Soybean Association urged Japan to buy more.", "Soybean", ORG, "American Soybean Association", "USANGO"},
		{"The American Meat Institute said prices would rise.", "Meat", ORG, "American Meat Institute", "USANGO"},
		{"Moody's downgraded the debt of Baker International Corp on Monday.", "Baker", ORG, "Baker International Corp", ""},
		{"William Blair and Co said the offering was priced.", "Blair", ORG, "William Blair and Co", ""},
		{"He works for General Electric Co in Boston.", "General", ORG, "General Electric", "USABUS"},
		{"Shares of General Motors rose sharply.", "General", ORG, "General Motors", "USABUS"},
		{"Shares of General Instrument Corp rose sharply.", "General", ORG, "General Instrument Corp", ""},
		{"The talks were held in Tel Aviv on Monday.", "Aviv", GPE, "Tel Aviv", "ISR"},
		{"The ships were cleared by the U.S. Maritime Administration.", "Maritime", ORG, "U.S. Maritime Administration", "USAGOV"},
		{"The Industrial Bank of Japan raised its rates.", "Industrial", ORG, "Industrial Bank of Japan", "JPNBUS"},
		{"The Bank of Japan raised its rates.", "Bank", ORG, "Bank of Japan", "JPNGOVBUS"},
	}
	for _, tc := range tests {
		d, res := process(t, tc.text, "2017-01-28")
		found := false
		for i := range d.Tokens {
			if d.TokenText(i) != tc.word {
				continue
			}
			found = true
			e := res.ActorAt(i)
			if e == nil {
				t.Errorf("%q: %s has no entity", tc.text, tc.word)
				continue
			}
			if e.Type != tc.typ || e.Canonical != tc.canonical || string(e.Code) != tc.code {
				t.Errorf("%q: %s is %s %q %s, want %s %q %s", tc.text, tc.word, e.Type, e.Canonical, e.Code, tc.typ, tc.canonical, tc.code)
			}
		}
		if !found {
			t.Fatalf("%q: no token %q", tc.text, tc.word)
		}
	}
}

func TestNotAnActor(t *testing.T) {
	tests := []struct{ text, word string }{
		{"Fed up with delays, the union struck.", "Fed"},
		{"Administration opposition to the deal stemmed from the talks.", "opposition"},
		{"The plan met opposition from the banks.", "opposition"},
		{"Treasury bonds rose sharply.", "Treasury"},
	}
	for _, tc := range tests {
		d, res := process(t, tc.text, "1987-03-01")
		for i := range d.Tokens {
			if d.TokenText(i) == tc.word {
				if e := res.ActorAt(i); e != nil {
					t.Errorf("%q: %s has entity %s %s", tc.text, tc.word, e.Canonical, e.Code)
				}
			}
		}
	}
}

// TestGluedRoleWord: a role word that is part of a hyphenated model name
// ("X-MP/24") names nobody.
func TestGluedRoleWord(t *testing.T) {
	_, res := process(t, "The firm ordered a CRAY X-MP/24 supercomputer. The MP said no.", "1987-06-01")
	n := 0
	for _, e := range res.Entities {
		if strings.HasSuffix(string(e.Code), "LEG") {
			n += len(e.Mentions)
		}
	}
	if n != 1 {
		t.Errorf("%d legislator mentions, want 1 (the MP who spoke)", n)
	}
}

// TestWaterNames: a sea named after a country or people is no actor; the
// country named beside it still is.
func TestWaterNames(t *testing.T) {
	expectCodes(t, "1987-06-01", []codeCase{
		{"Ships in the Indian Ocean were hit.", "Indian", ""},
		{"Iran sent boats to the Gulf of Mexico.", "Mexico", ""},
		{"Iran sent boats to the Gulf of Mexico.", "Iran", "IRN"},
		{"Vessels in the South China Sea were seen by Japan.", "China", ""},
		{"Vessels in the South China Sea were seen by Japan.", "Japan", "JPN"},
		{"A ferry sank in the Irish Sea.", "Irish", ""},
		{"The Indian government protested.", "Indian", "INDGOV"},
		{"Mexico said the Gulf states agreed.", "Mexico", "MEX"},
		{"Wheat was shipped from the U.S. Gulf.", "U.S.", "USA"},
	})
}

// TestTicker: a stock symbol in angle brackets names no country.
func TestTicker(t *testing.T) {
	expectCodes(t, "1987-06-01", []codeCase{
		{"Allen Bradley, a Rockwell International Corp <ROK> subsidiary, grew.", "ROK", ""},
		{"The ROK government protested.", "ROK", "KORGOV"},
	})
}

// TestHyphenAmerican: "African-American" and "Mexican-Americans" are
// Americans, not Africa or Mexico.
func TestHyphenAmerican(t *testing.T) {
	expectCodes(t, "2016-06-01", []codeCase{
		{"African-American voters backed her.", "African", ""},
		{"African-American voters backed her.", "American", "USA"},
		{"Mexican-Americans protested in Texas.", "Mexican", ""},
		{"Mexican officials protested.", "Mexican", "MEXGOV"},
	})
}

// TestOwnerByDate: the owner named inside a role is the body of the
// story's date, as the role is.
func TestOwnerByDate(t *testing.T) {
	for _, tc := range []struct{ date, code string }{{"1987-06-01", "USRGOV"}, {"2019-06-01", "RUSGOV"}} {
		d, res := process(t, "A Kremlin spokesman said talks failed.", tc.date)
		for i := range d.Tokens {
			if d.TokenText(i) != "Kremlin" {
				continue
			}
			for _, e := range res.Entities {
				for _, m := range e.Mentions {
					if m.First == i && string(e.Code) != tc.code {
						t.Errorf("%s: %q (%s) coded %s, want %s", tc.date, d.Text[m.Start:m.End], e.Canonical, e.Code, tc.code)
					}
				}
			}
		}
	}
}

// TestGivenNameBeforePlace: a seat of power or capital after a given name
// is a person's surname.
func TestGivenNameBeforePlace(t *testing.T) {
	d, res := process(t, "Its president Ronald Langley met the bankers. George Washington was a general.", "1987-06-01")
	for i := range d.Tokens {
		if w := d.TokenText(i); w == "Langley" || w == "Washington" {
			if e := res.ActorAt(i); e != nil && e.Code != "" {
				t.Errorf("%s coded %s, want a person without a code", w, e.Code)
			}
		}
	}
}
