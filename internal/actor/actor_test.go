package actor

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dyadhq/dyad/pkg/doc"
)

func load(t testing.TB) *Dictionary {
	t.Helper()
	d, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func day(t testing.TB, s string) Date {
	t.Helper()
	d, err := ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// The shipped data must be clean: `dyad actors check` finds nothing.
func TestShippedDictionaryClean(t *testing.T) {
	d := load(t)
	for _, i := range d.Issues() {
		t.Error(i)
	}
	st := d.Stats()
	if st.ByKind[KindPerson] < 300 || st.Tenures < 400 || st.ByKind[KindCountry] < 250 {
		t.Errorf("dictionary too small: %+v", st)
	}
}

// isoCodes are the ISO 3166-1 alpha-3 codes (249 entries).
const isoCodes = `AFG ALA ALB DZA ASM AND AGO AIA ATA ATG ARG ARM ABW AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN
BMU BTN BOL BES BIH BWA BVT BRA IOT BRN BGR BFA BDI CPV KHM CMR CAN CYM CAF TCD CHL CHN CXR CCK COL COM
COG COD COK CRI CIV HRV CUB CUW CYP CZE DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FLK FRO FJI FIN
FRA GUF PYF ATF GAB GMB GEO DEU GHA GIB GRC GRL GRD GLP GUM GTM GGY GIN GNB GUY HTI HMD VAT HND HKG HUN
ISL IND IDN IRN IRQ IRL IMN ISR ITA JAM JPN JEY JOR KAZ KEN KIR PRK KOR KWT KGZ LAO LVA LBN LSO LBR LBY
LIE LTU LUX MAC MDG MWI MYS MDV MLI MLT MHL MTQ MRT MUS MYT MEX FSM MDA MCO MNG MNE MSR MAR MOZ MMR NAM
NRU NPL NLD NCL NZL NIC NER NGA NIU NFK MKD MNP NOR OMN PAK PLW PSE PAN PNG PRY PER PHL PCN POL PRT PRI
QAT REU ROU RUS RWA BLM SHN KNA LCA MAF SPM VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SXM SVK SVN SLB SOM
ZAF SGS SSD ESP LKA SDN SUR SJM SWE CHE SYR TWN TJK TZA THA TLS TGO TKL TON TTO TUN TUR TKM TCA TUV UGA
UKR ARE GBR USA UMI URY UZB VUT VEN VNM VGB VIR WLF ESH YEM ZMB ZWE`

func TestEveryISOCountry(t *testing.T) {
	d := load(t)
	codes := strings.Fields(isoCodes)
	if len(codes) != 249 {
		t.Fatalf("test list has %d codes", len(codes))
	}
	for _, c := range codes {
		if d.CountryName(c) == "" {
			t.Errorf("country %s missing", c)
		}
	}
}

// mention returns the single mention found in text.
func mention(t *testing.T, d *Dictionary, text string) Match {
	t.Helper()
	ms := d.MatchText(text)
	if len(ms) != 1 {
		var got []string
		for _, m := range ms {
			got = append(got, text[m.Start:m.End]+"/"+m.Kind.String())
		}
		t.Fatalf("%q: want one mention, got %q", text, got)
	}
	return ms[0]
}

func TestResolveByDate(t *testing.T) {
	d := load(t)
	tests := []resolveCase{
		{"President Trump", "2017-03-01", "USAGOV", "Donald Trump"},
		{"President Trump", "2021-01-19", "USAGOV", "Donald Trump"},
		{"President Trump", "2021-06-01", "USAELI", "Donald Trump"},
		{"President Trump", "2025-03-01", "USAGOV", "Donald Trump"},
		{"Donald Trump", "2016-06-01", "USAELI", "Donald Trump"},
		{"@realDonaldTrump", "2019-01-01", "USAGOV", "Donald Trump"},
		{"Putin", "2010-06-01", "RUSGOV", "Vladimir Putin"},
		{"Putin", "2005-06-01", "RUSGOV", "Vladimir Putin"},
		{"Vladimir Putin", "2020-06-01", "RUSGOV", "Vladimir Putin"},
		{"Medvedev", "2010-06-01", "RUSGOV", "Dmitry Medvedev"},
		{"Theresa May", "2017-01-20", "GBRGOV", "Theresa May"},
		{"Theresa May", "2020-01-20", "GBRELI", "Theresa May"},
		{"Boris Johnson", "2017-01-20", "GBRGOV", "Boris Johnson"},
		{"Boris Johnson", "2020-06-01", "GBRGOV", "Boris Johnson"},
		{"Boris Johnson", "2023-06-01", "GBRELI", "Boris Johnson"},
		{"Sergei Lavrov", "2017-01-20", "RUSGOV", "Sergei Lavrov"},
		{"Lavrov", "2001-01-20", "RUSELI", "Sergei Lavrov"},
		{"Merkel", "2020-06-01", "DEUGOV", "Angela Merkel"},
		{"Merkel", "2022-06-01", "DEUELI", "Angela Merkel"},
		{"Scholz", "2022-06-01", "DEUGOV", "Olaf Scholz"},
		{"Olaf Scholz", "2025-06-01", "DEUELI", "Olaf Scholz"},
		{"@POTUS", "2012-06-01", "USAGOV", "Barack Obama"},
		{"@POTUS", "2018-06-01", "USAGOV", "Donald Trump"},
		{"@POTUS", "2022-06-01", "USAGOV", "Joe Biden"},
		{"@POTUS", "2026-01-10", "USAGOV", "Donald Trump"},
		{"POTUS", "2009-01-20", "USAGOV", "Barack Obama"},
		{"the Russian foreign minister", "2017-01-20", "RUSGOV", "Sergei Lavrov"},
		{"the Russian foreign minister", "2002-05-01", "RUSGOV", "Igor Ivanov"},
		{"Russia's foreign minister", "2017-01-20", "RUSGOV", "Sergei Lavrov"},
		{"the foreign minister of Russia", "2017-01-20", "RUSGOV", "Sergei Lavrov"},
		{"the British prime minister", "2017-01-15", "GBRGOV", "Theresa May"},
		{"Britain's prime minister", "2020-06-01", "GBRGOV", "Boris Johnson"},
		{"the German chancellor", "2020-06-01", "DEUGOV", "Angela Merkel"},
		{"the German chancellor", "2023-06-01", "DEUGOV", "Olaf Scholz"},
		{"the German chancellor", "2025-06-01", "DEUGOV", "Friedrich Merz"},
		{"U.S. Secretary of State", "2014-06-01", "USAGOV", "John Kerry"},
		{"the Chinese premier", "2015-06-01", "CHNGOV", "Li Keqiang"},
		{"Premier Li", "2015-06-01", "CHNGOV", "Li Keqiang"},
		{"Premier Li", "2024-06-01", "CHNGOV", "Li Qiang"},
		{"Chinese President Xi Jinping", "2015-06-01", "CHNGOV", "Xi Jinping"},
		{"UN Secretary-General", "2010-06-01", "IGOUNO", "Ban Ki-moon"},
		{"Ban Ki-moon", "2005-06-01", "KORGOV", "Ban Ki-moon"},
		{"Ban Ki-moon", "2018-06-01", "KORELI", "Ban Ki-moon"},
		{"European Commission President", "2020-06-01", "IGOEUREEC", "Ursula von der Leyen"},
		{"the EU foreign policy chief", "2016-06-01", "IGOEUREEC", "Federica Mogherini"},
		{"Russian Pres Putin", "2017-01-20", "RUSGOV", "Vladimir Putin"},
		{"Prime Minister Theresa May", "2017-01-20", "GBRGOV", "Theresa May"},
		{"the Japanese prime minister", "2015-06-01", "JPNGOV", "Shinzo Abe"},
		{"the Saudi king", "2016-06-01", "SAUGOV", "Salman bin Abdulaziz"},
		{"Crown Prince Mohammed bin Salman", "2018-06-01", "SAUGOV", "Mohammed bin Salman"},
		{"Clinton", "2000-06-01", "USAGOV", "Bill Clinton"},
		{"Clinton", "2010-06-01", "USAGOV", "Hillary Clinton"},
		{"Secretary Clinton", "2010-06-01", "USAGOV", "Hillary Clinton"},
		{"Ahmed al-Sharaa", "2024-06-01", "SYRREB", "Ahmed al-Sharaa"},
		{"Ahmed al-Sharaa", "2025-06-01", "SYRGOV", "Ahmed al-Sharaa"},
	}
	checkResolved(t, d, tests)
}

// resolveCase is a mention resolved on a date: its code and the person.
type resolveCase struct{ text, date, code, person string }

func checkResolved(t *testing.T, d *Dictionary, tests []resolveCase) {
	t.Helper()
	for _, tc := range tests {
		m := mention(t, d, tc.text)
		r := d.ResolveMatch(&m, day(t, tc.date))
		name := ""
		if r.Person != nil {
			name = r.Person.Name
		}
		if string(r.Code) != tc.code || name != tc.person {
			t.Errorf("%q on %s: got %s %q, want %s %q", tc.text, tc.date, r.Code, name, tc.code, tc.person)
		}
	}
}

func TestCodes(t *testing.T) {
	d := load(t)
	tests := []struct {
		text, date, span, kind, code string
	}{
		// titles, modifiers
		{"the former British prime minister said", "2019-01-01", "former British prime minister", "title", "GBRELI"},
		{"a deputy foreign minister of Russia", "2019-01-01", "deputy foreign minister of Russia", "title", "RUSGOV"},
		{"president of the Belgrade trade union", "1987-03-01", "president", "title", "---GOV"},
		{"a spokesman for the Kremlin said", "1987-03-01", "spokesman for the Kremlin", "agent", "USRGOV"},
		{"a spokesman for the Kremlin said", "2019-01-01", "spokesman for the Kremlin", "agent", "RUSGOV"},
		{"a spokeswoman for Iran said", "2019-01-01", "spokeswoman for Iran", "agent", "IRNGOV"},
		{"a spokesman for the Taiwan Spinners Association", "2019-01-01", "spokesman", "agent", "---GOV"},
		{"a spokesman for the United Nations", "2019-01-01", "spokesman for the United Nations", "agent", "IGOUNO"},
		{"the minister for Africa said", "2019-01-01", "minister", "agent", "---GOV"},
		{"the Minister for Europe of Britain said", "2019-01-01", "Minister", "agent", "---GOV"},
		{"Nicaraguan Contra rebels", "1987-03-01", "Nicaraguan Contra rebels", "agent", "NICREB"},
		{"foreign ministers met", "2019-01-01", "foreign ministers", "title", "---GOV"},
		{"the Iranian president", "2015-01-01", "Iranian president", "title", "IRNGOV"},
		{"the Dutch prime minister", "2015-01-01", "Dutch prime minister", "title", "NLDGOV"},
		{"Jordan's King Abdullah", "2015-01-01", "Jordan's King Abdullah", "title", "JORGOV"},
		{"King Abdullah", "2010-01-01", "King Abdullah", "person", "SAUGOV"},
		// adjectives, names, possessives, hyphens
		{"Russians", "2019-01-01", "Russians", "adjective", "RUS"},
		{"Britain's", "2019-01-01", "Britain", "country", "GBR"},
		{"the U.S.", "2019-01-01", "U.S.", "country", "USA"},
		{"the US and the UK", "2019-01-01", "US", "country", "USA"},
		{"America", "2019-01-01", "America", "country", "USA"},
		{"Guinea-Bissau", "2019-01-01", "Guinea-Bissau", "country", "GNB"},
		{"Papua New Guinea", "2019-01-01", "Papua New Guinea", "country", "PNG"},
		{"South Sudanese", "2019-01-01", "South Sudanese", "adjective", "SSD"},
		{"Côte d'Ivoire", "2019-01-01", "Côte d'Ivoire", "country", "CIV"},
		{"Cote d'Ivoire", "2019-01-01", "Cote d'Ivoire", "country", "CIV"},
		// seats of power
		{"the Kremlin said", "2019-01-01", "Kremlin", "metonym", "RUSGOV"},
		{"the White House", "2019-01-01", "White House", "metonym", "USAGOV"},
		{"the Pentagon", "2019-01-01", "Pentagon", "metonym", "USAMIL"},
		{"Downing Street", "2019-01-01", "Downing Street", "metonym", "GBRGOV"},
		{"the Élysée", "2019-01-01", "Élysée", "metonym", "FRAGOV"},
		{"the Elysee Palace", "2019-01-01", "Elysee Palace", "metonym", "FRAGOV"},
		{"Zhongnanhai", "2019-01-01", "Zhongnanhai", "metonym", "CHNGOV"},
		{"the Blue House", "2019-01-01", "Blue House", "metonym", "KORGOV"},
		{"the Quai d'Orsay", "2019-01-01", "Quai d'Orsay", "metonym", "FRAGOV"},
		{"Foggy Bottom", "2019-01-01", "Foggy Bottom", "metonym", "USAGOV"},
		{"Moscow", "2019-01-01", "Moscow", "capital", "RUS"},
		// agents
		{"Israeli troops", "2019-01-01", "Israeli troops", "agent", "ISRMIL"},
		{"Russian soldiers", "2019-01-01", "Russian soldiers", "agent", "RUSMIL"},
		{"the Chinese government", "2019-01-01", "Chinese government", "agent", "CHNGOV"},
		{"Syrian rebels", "2019-01-01", "Syrian rebels", "agent", "SYRREB"},
		{"the police", "2019-01-01", "police", "agent", "---COP"},
		{"protesters", "2019-01-01", "protesters", "agent", "---OPP"},
		{"refugees", "2019-01-01", "refugees", "agent", "---REF"},
		{"students", "2019-01-01", "students", "agent", "---EDU"},
		{"lawmakers", "2019-01-01", "lawmakers", "agent", "---LEG"},
		{"journalists", "2019-01-01", "journalists", "agent", "---MED"},
		{"judges", "2019-01-01", "judges", "agent", "---JUD"},
		{"companies", "2019-01-01", "companies", "agent", "---BUS"},
		{"civilians", "2019-01-01", "civilians", "agent", "---CVL"},
		{"Iranian spokesmen", "2019-01-01", "Iranian spokesmen", "agent", "IRNGOV"},
		{"former Iraqi officials", "2019-01-01", "former Iraqi officials", "agent", "IRQELI"},
		{"Hamas gunmen", "2019-01-01", "Hamas gunmen", "agent", "PSEREBHMS"},
		// organizations and armed groups
		{"NATO", "2019-01-01", "NATO", "igo", "IGOWSTNAT"},
		{"the United Nations", "2019-01-01", "United Nations", "igo", "IGOUNO"},
		{"the IAEA", "2019-01-01", "IAEA", "igo", "IGOUNOIAE"},
		{"the WHO", "2019-01-01", "WHO", "igo", "IGOUNOHLHWHO"},
		{"the European Union", "2019-01-01", "European Union", "igo", "IGOEUREEC"},
		{"ISIS", "2019-01-01", "ISIS", "nsa", "IMGMUSISI"},
		{"ISIL", "2019-01-01", "ISIL", "nsa", "IMGMUSISI"},
		{"Daesh", "2019-01-01", "Daesh", "nsa", "IMGMUSISI"},
		{"Islamic State", "2019-01-01", "Islamic State", "nsa", "IMGMUSISI"},
		{"IS fighters", "2019-01-01", "IS fighters", "agent", "IMGMUSISI"},
		{"the Islamic State of Iraq and the Levant", "2019-01-01", "Islamic State of Iraq and the Levant", "nsa", "IMGMUSISI"},
		{"al-Qaeda", "2019-01-01", "al-Qaeda", "nsa", "IMGMUSALQ"},
		{"Al Qaida", "2019-01-01", "Al Qaida", "nsa", "IMGMUSALQ"},
		{"Hezbollah", "2019-01-01", "Hezbollah", "nsa", "LBNREB"},
		{"Boko Haram", "2019-01-01", "Boko Haram", "nsa", "NGAREB"},
		{"al-Shabaab", "2019-01-01", "al-Shabaab", "nsa", "SOMREB"},
		{"the PKK", "2019-01-01", "PKK", "nsa", "TURREB"},
		{"FARC", "2019-01-01", "FARC", "nsa", "COLREB"},
		{"Houthis", "2019-01-01", "Houthis", "nsa", "YEMREB"},
		{"the Taliban", "2019-01-01", "Taliban", "nsa", "AFGREB"},
		{"the Taliban", "2022-01-01", "Taliban", "nsa", "AFGGOV"},
		{"North Korean leader Kim Jong Un", "2019-01-01", "North Korean leader Kim Jong Un", "person", "PRKGOV"},
	}
	for _, tc := range tests {
		ms := d.MatchText(tc.text)
		if len(ms) == 0 {
			t.Errorf("%q: no mention", tc.text)
			continue
		}
		m := ms[0]
		r := d.ResolveMatch(&m, day(t, tc.date))
		if got := tc.text[m.Start:m.End]; got != tc.span || m.Kind.String() != tc.kind || string(r.Code) != tc.code {
			t.Errorf("%q: got %q %s %s, want %q %s %s", tc.text, got, m.Kind, r.Code, tc.span, tc.kind, tc.code)
		}
	}
}

// Words that are also names match only as names.
func TestCaseAndFalseFriends(t *testing.T) {
	d := load(t)
	for _, text := range []string{
		"let us go", "who is there", "it is what it is", "in May 2017", "May I ask",
		"a bush in the garden", "rice prices", "the un-american", "a bishop of Rome spoke", "the general election",
	} {
		for _, m := range d.MatchText(text) {
			if m.Kind == KindPerson || m.Kind == KindIGO || m.Kind == KindNSA || (m.Kind == KindCountry && text[m.Start:m.End] != "Rome") {
				t.Errorf("%q: unexpected %s %q (%s)", text, m.Kind, text[m.Start:m.End], m.Entry.Name)
			}
		}
	}
}

func TestLongestMatchAndSpans(t *testing.T) {
	d := load(t)
	text := "U.S. Secretary of State Rex Tillerson met Russian Foreign Minister Sergei Lavrov in Moscow, the Kremlin said."
	want := []string{"U.S. Secretary of State Rex Tillerson", "Russian Foreign Minister Sergei Lavrov", "Moscow", "Kremlin"}
	toks := testTokens(text)
	ms := d.Match(&doc.Document{Text: text, Tokens: toks})
	if len(ms) != len(want) {
		t.Fatalf("got %d mentions, want %d", len(ms), len(want))
	}
	for i, m := range ms {
		if got := text[m.Start:m.End]; got != want[i] {
			t.Errorf("mention %d = %q, want %q", i, got, want[i])
		}
		if m.First < 0 || m.Last > len(toks) || m.First >= m.Last || toks[m.First].Start != m.Start || toks[m.Last-1].End != m.End {
			t.Errorf("mention %d tokens [%d,%d) do not cover %q", i, m.First, m.Last, want[i])
		}
	}
	r := d.ResolveMatch(&ms[0], day(t, "2017-03-01"))
	if r.Code != "USAGOV" || r.Person == nil || r.Person.Name != "Rex Tillerson" {
		t.Errorf("Tillerson: %+v", r)
	}
	// a sentence end is a break: no "Russia. President" composition
	ms = d.MatchText("He visited Russia. President Trump spoke.")
	if len(ms) != 2 || ms[1].Kind != KindPerson || ms[1].Owner != nil {
		t.Errorf("composition crossed a sentence end: %+v", ms)
	}
}

// testTokens splits on spaces and peels punctuation, like a tokenizer.
func testTokens(text string) []doc.Token {
	var toks []doc.Token
	i := 0
	for i < len(text) {
		if text[i] == ' ' {
			i++
			continue
		}
		j := i
		for j < len(text) && text[j] != ' ' {
			j++
		}
		end := j
		for end > i+1 && strings.ContainsRune(".,", rune(text[end-1])) {
			end--
		}
		toks = append(toks, doc.Token{Start: i, End: end, Head: -1})
		if end < j {
			toks = append(toks, doc.Token{Start: end, End: j, Head: -1})
		}
		i = j
	}
	return toks
}

func TestHyphensAndPossessives(t *testing.T) {
	d := load(t)
	tests := []struct {
		text  string
		spans []string
		codes []string
	}{
		{"Israeli-Palestinian talks", []string{"Israeli", "Palestinian"}, []string{"ISR", "PSE"}},
		{"the U.S.-led coalition", []string{"U.S."}, []string{"USA"}},
		{"Britain's and France's leaders", []string{"Britain", "France's leaders"}, []string{"GBR", "FRAGOV"}},
		{"the Russians' demands", []string{"Russians"}, []string{"RUS"}},
		{"al Qaeda and al-Qaeda", []string{"al Qaeda", "al-Qaeda"}, []string{"IMGMUSALQ", "IMGMUSALQ"}},
	}
	for _, tc := range tests {
		ms := d.MatchText(tc.text)
		if len(ms) != len(tc.spans) {
			t.Errorf("%q: %d mentions, want %d", tc.text, len(ms), len(tc.spans))
			continue
		}
		for i, m := range ms {
			r := d.ResolveMatch(&m, 20190101)
			if got := tc.text[m.Start:m.End]; got != tc.spans[i] || string(r.Code) != tc.codes[i] {
				t.Errorf("%q mention %d: %q %s, want %q %s", tc.text, i, got, r.Code, tc.spans[i], tc.codes[i])
			}
		}
	}
}

func TestLemmas(t *testing.T) {
	d := load(t)
	text := "soldiering troops"
	toks := testTokens(text)
	toks[0].Lemma = "soldier"
	ms := d.Match(&doc.Document{Text: text, Tokens: toks})
	if len(ms) != 2 || ms[0].Entry.Code != "MIL" {
		t.Fatalf("lemma not used: %+v", ms)
	}
}

func TestPluralOf(t *testing.T) {
	tests := map[string]string{
		"minister": "ministers", "ministry": "ministries", "spokesman": "spokesmen", "embassy": "embassies",
		"attorney": "attorneys", "press": "presses", "minister of foreign affairs": "ministers of foreign affairs",
		"human": "humans", "church": "churches", "secretary-general": "secretary-generals",
	}
	for in, want := range tests {
		if got := PluralOf(in); got != want {
			t.Errorf("PluralOf(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDates(t *testing.T) {
	for _, bad := range []string{"2021-02-29", "2021-13-01", "21-01-01", "2021/01/01", "2021-1-01"} {
		if _, err := ParseDate(bad); err == nil {
			t.Errorf("ParseDate(%q) accepted", bad)
		}
	}
	r, err := ParseRange("2017-01-20..2021-01-20")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		d  string
		in bool
	}{{"2017-01-19", false}, {"2017-01-20", true}, {"2021-01-19", true}, {"2021-01-20", false}} {
		if r.Contains(day(t, c.d)) != c.in {
			t.Errorf("%s in %s: want %v", c.d, r, c.in)
		}
	}
	if _, err := ParseRange("2021-01-20..2017-01-20"); err == nil {
		t.Error("backwards range accepted")
	}
}

// The checks find each kind of problem, with its file and line.
func TestCheckFindsProblems(t *testing.T) {
	fsys := fstest.MapFS{
		"countries.tsv": {Data: []byte("# test\nAAA\tname\tAland | Alandia\nBBB\tname\tBeland\nBBB\tname\tAlandia\nAAAGOV\tmetonym\tPalace\nAAAXYZGOV\tmetonym\tFort\nAAA\tcapital\tAlville\t2020-01-01..2019-01-01\nCCC\tnome\tCeland\n")},
		"agents.tsv":    {Data: []byte("GOV\tagent\tminister\nGOV\tagent\tminister\n")},
		"titles.tsv":    {Data: []byte("&pm\tGOV\tprime minister\n")},
		"offices.tsv":   {Data: []byte("AAA.pm\tAAA\tAAAGOV\t&pm\tPrime Minister\n")},
		"people.tsv":    {Data: []byte("Ann One\tAAA\tOne\nBob Two\tAAA\t~One\nCid Three\tAAA\t~Minister\n")},
		"holders.tsv":   {Data: []byte("AAA.pm\t2000-01-01\t2005-01-01\tAnn One\nAAA.pm\t2004-01-01\t-\tBob Two\nAAA.pm\t2006-02-30\t-\tBob Two\nAAA.xx\t2006-01-01\t-\tBob Two\n")},
	}
	b := NewBuilder()
	if err := LoadTSV(b, fsys, false); err != nil {
		t.Fatal(err)
	}
	d := b.Build()
	want := []string{
		"countries.tsv:4: error: conflicting codes for term \"Alandia\"",
		"countries.tsv:6: error: code \"AAAXYZGOV\": XYZ is not a role code",
		"countries.tsv:7: error: range \"2020-01-01..2019-01-01\" ends before it starts",
		"countries.tsv:8: error: unknown kind \"nome\"",
		"agents.tsv:2: error: duplicate entry: term \"minister\"",
		"people.tsv:2: error: name \"One\" is Bob Two and Ann One",
		"people.tsv:3: error: term \"Minister\" (person Cid Three) shadows \"minister\"",
		"holders.tsv:2: error: AAA.pm: Bob Two from 2004-01-01 overlaps Ann One",
		"holders.tsv:3: error: start: no such date 2006-02-30",
		"holders.tsv:4: error: office \"AAA.xx\" is not in offices.tsv",
	}
	var got []string
	for _, i := range d.Issues() {
		got = append(got, i.String())
	}
	all := strings.Join(got, "\n")
	for _, w := range want {
		if !strings.Contains(all, w) {
			t.Errorf("missing issue %q in\n%s", w, all)
		}
	}
	if d.Errors() < len(want) {
		t.Errorf("%d errors, want at least %d", d.Errors(), len(want))
	}
}

func TestLookup(t *testing.T) {
	d := load(t)
	es := d.Lookup("pentagon")
	if len(es) != 1 || es[0].Code != "USAMIL" {
		t.Errorf("Lookup(pentagon) = %v", es)
	}
	// the Kremlin is the Soviet government until 1991-12-26
	codes := map[string]bool{}
	for _, e := range d.Lookup("kremlin") {
		codes[e.Code] = true
	}
	if len(codes) != 2 || !codes["RUSGOV"] || !codes["USRGOV"] {
		t.Errorf("Lookup(kremlin) codes = %v", codes)
	}
	if es := d.Lookup("no such actor here"); len(es) != 0 {
		t.Errorf("Lookup found %v", es)
	}
}

// TestSeatsByDate checks capitals and state bodies whose state changed.
func TestSeatsByDate(t *testing.T) {
	d := load(t)
	tests := []struct{ text, date, code string }{
		{"Kremlin", "1987-05-01", "USRGOV"},
		{"Kremlin", "2017-05-01", "RUSGOV"},
		{"Moscow", "1987-05-01", "USR"},
		{"Moscow", "1991-12-26", "RUS"},
		{"Belgrade", "1987-03-01", "YUG"},
		{"Belgrade", "1999-03-24", "SCG"},
		{"Belgrade", "2020-01-01", "SRB"},
		{"Prague", "1987-03-01", "CSK"},
		{"Prague", "2020-01-01", "CZE"},
		{"Bonn", "1987-03-01", "DEU"},
		{"East German", "1987-03-01", "DDR"},
		{"Czechoslovakia", "1987-03-01", "CSK"},
		{"Labour Party", "1987-03-01", "GBROPP"},
		{"Tass", "1987-03-01", "USRGOVMED"},
		{"UNITA", "1987-03-01", "AGOREB"},
		{"UNITA", "2010-03-01", "AGOOPP"},
		{"TASS", "2017-03-01", "RUSGOVMED"},
		{"Labour Party", "2003-03-01", "GBRGOV"},
		{"Republican Party", "2010-01-01", "USAOPP"},
		{"Fox News", "2017-05-01", "USAMED"},
		{"Times of London", "2017-05-01", "GBRMED"},
	}
	for _, tc := range tests {
		m := mention(t, d, tc.text)
		if got := d.ResolveMatch(&m, day(t, tc.date)).Code; string(got) != tc.code {
			t.Errorf("%s on %s: %s, want %s", tc.text, tc.date, got, tc.code)
		}
	}
}
