package timex

// class is a set of word classes.
type class uint64

const (
	cMonth       class = 1 << iota // january, jan, sept
	cMonthAbbr                     // an abbreviation that may take a period
	cWeekday                       // monday, mon
	cWeekdayAbbr                   // mon, tues, fri
	cWeekdayPl                     // mondays
	cNumWord                       // one, twenty, hundred
	cOrd                           // first, third
	cOrdSuffix                     // st, nd, rd, th
	cUnit                          // second ... millennium (v is the unit)
	cPOD                           // morning, afternoon, evening, night
	cSeason                        // spring, summer, fall, autumn, winter
	cRelDay                        // today, tonight, tomorrow, yesterday
	cRel                           // last, this, next, past, coming...
	cPos                           // early, late, mid, middle, beginning, end, start
	cApprox                        // nearly, almost, around...
	cRef                           // now, currently, recently...
	cSetAdv                        // daily, weekly, annually...
	cEvery                         // every, each
	cTZ                            // est, gmt, utc...
	cHoliday                       // christmas, thanksgiving...
	cDecadeWord                    // twenties ... nineties
	cFew                           // few, several, many, some
	cPrepTime                      // in, on, at, since, until, by, during...
	cPast                          // tense cue: said, was, had...
	cPresent                       // tense cue: is, are, says...
	cFuture                        // tense cue: will, shall...
	cAux                           // has, have, had (perfect)
	cCountNoun                     // nouns that a bare number counts (people, shares)
	cDet                           // the, a, an, its, his, their...
	cNotYear                       // words before a number that is not a year (no, flight)
	cReporting                     // said, says, told
	cMisc                          // other words that may begin an expression (fiscal, noon)
	cIntent                        // plan, expect, set...: followed by "to", a future
)

// units, ordered by size.
type unit uint8

const (
	uNone unit = iota
	uSecond
	uMinute
	uHour
	uDay
	uWeekend
	uWeek
	uFortnight
	uMonth
	uQuarter
	uHalf
	uYear
	uDecade
	uCentury
	uMillennium
)

type entry struct {
	w   string
	cls class
	v   int  // month, weekday (ISO, Monday 1), season, part of day, decade
	num int  // value of a number word
	ord int  // value of an ordinal
	u   unit // unit of a unit word
	pl  bool // plural unit
}

const maxWord = 14

var lexicon = map[string]*entry{}

// lexLen marks, per first letter, the word lengths present in the lexicon,
// so most words skip the map lookup.
var lexLen [26]uint16

func lexFilter(w string) bool {
	return lexLen[(w[0]|0x20)-'a']&(1<<len(w)) != 0
}

func add(w string, c class, v int) *entry {
	e := lexicon[w]
	if e == nil {
		e = &entry{w: w}
		lexicon[w] = e
		lexLen[w[0]-'a'] |= 1 << len(w)
	}
	e.cls |= c
	if v != 0 {
		e.v = v
	}
	return e
}

var monthNames = [...]string{"", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}
var weekdayNames = [...]string{"", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}

// Seasons in TIMEX3 order of the year; the value codes are SP SU FA WI.
const (
	sSpring = 1 + iota
	sSummer
	sFall
	sWinter
)

var seasonCodes = [...]string{"", "SP", "SU", "FA", "WI"}

// Parts of day; the value codes are TMO TAF TEV TNI.
const (
	pMorning = 1 + iota
	pAfternoon
	pEvening
	pNight
)

var podCodes = [...]string{"", "TMO", "TAF", "TEV", "TNI"}

func init() {
	for m := 1; m <= 12; m++ {
		add(monthNames[m], cMonth, m)
	}
	for w, m := range map[string]int{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12} {
		add(w, cMonth|cMonthAbbr, m)
	}
	for d := 1; d <= 7; d++ {
		add(weekdayNames[d], cWeekday, d)
		add(weekdayNames[d]+"s", cWeekdayPl, d)
	}
	for w, d := range map[string]int{"mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thur": 4, "thurs": 4, "fri": 5, "sat": 6, "sun": 7} {
		add(w, cWeekday|cWeekdayAbbr, d)
	}
	nums := []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
		"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"}
	for i, w := range nums {
		add(w, cNumWord, 0).num = i
	}
	for i, w := range []string{"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"} {
		add(w, cNumWord, 0).num = 20 + 10*i
	}
	add("hundred", cNumWord, 0).num = 100
	add("thousand", cNumWord, 0).num = 1000
	add("dozen", cNumWord, 0).num = 12
	ords := []string{"", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
		"eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
		"twentieth"}
	for i, w := range ords[1:21] {
		add(w, cOrd, 0).ord = i + 1
	}
	add("thirtieth", cOrd, 0).ord = 30
	add("last", cOrd, 0).ord = -1
	for _, w := range []string{"st", "nd", "rd", "th"} {
		add(w, cOrdSuffix, 0)
	}
	units := []struct {
		w  string
		u  unit
		pl bool
	}{
		{"second", uSecond, false}, {"seconds", uSecond, true}, {"sec", uSecond, false}, {"secs", uSecond, true},
		{"minute", uMinute, false}, {"minutes", uMinute, true}, {"min", uMinute, false}, {"mins", uMinute, true},
		{"hour", uHour, false}, {"hours", uHour, true}, {"hr", uHour, false}, {"hrs", uHour, true},
		{"day", uDay, false}, {"days", uDay, true},
		{"weekend", uWeekend, false}, {"weekends", uWeekend, true},
		{"week", uWeek, false}, {"weeks", uWeek, true},
		{"fortnight", uFortnight, false}, {"fortnights", uFortnight, true},
		{"month", uMonth, false}, {"months", uMonth, true},
		{"quarter", uQuarter, false}, {"quarters", uQuarter, true},
		{"half", uHalf, false},
		{"year", uYear, false}, {"years", uYear, true}, {"yr", uYear, false}, {"yrs", uYear, true},
		{"decade", uDecade, false}, {"decades", uDecade, true},
		{"century", uCentury, false}, {"centuries", uCentury, true},
		{"millennium", uMillennium, false}, {"millennia", uMillennium, true}, {"millenniums", uMillennium, true},
	}
	for _, u := range units {
		e := add(u.w, cUnit, 0)
		e.u, e.pl = u.u, u.pl
	}
	for w, p := range map[string]int{"morning": pMorning, "mornings": pMorning, "afternoon": pAfternoon, "afternoons": pAfternoon,
		"evening": pEvening, "evenings": pEvening, "night": pNight, "nights": pNight, "overnight": pNight} {
		add(w, cPOD, p)
	}
	for w, s := range map[string]int{"spring": sSpring, "summer": sSummer, "fall": sFall, "autumn": sFall, "winter": sWinter,
		"springs": sSpring, "summers": sSummer, "autumns": sFall, "winters": sWinter} {
		add(w, cSeason, s)
	}
	for _, w := range []string{"today", "tonight", "tomorrow", "yesterday"} {
		add(w, cRelDay, 0)
	}
	for _, w := range []string{"last", "this", "next", "past", "coming", "previous", "following", "current", "recent",
		"latest", "upcoming", "prior", "same", "that", "present", "preceding", "succeeding", "ensuing", "subsequent", "final", "first", "whole", "entire", "full"} {
		add(w, cRel, 0)
	}
	for _, w := range []string{"early", "late", "mid", "middle", "beginning", "end", "start", "earlier", "later", "dawn", "close"} {
		add(w, cPos, 0)
	}
	for _, w := range []string{"at", "about", "around", "nearly", "almost", "approximately", "roughly", "some", "more", "less",
		"least", "most", "over", "under", "up", "within", "fewer", "no", "only", "just", "another", "additional", "barely", "than"} {
		add(w, cApprox, 0)
	}
	for _, w := range []string{"now", "currently", "recently", "nowadays", "presently", "lately", "future", "soon", "formerly", "previously"} {
		add(w, cRef, 0)
	}
	for _, w := range []string{"daily", "weekly", "monthly", "yearly", "annually", "annual", "hourly", "quarterly", "nightly",
		"biweekly", "semiannually", "semiannual", "biannually", "fortnightly"} {
		add(w, cSetAdv, 0)
	}
	for _, w := range []string{"every", "each", "per"} {
		add(w, cEvery, 0)
	}
	for _, w := range []string{"est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "gmt", "utc", "bst", "cet", "cest",
		"jst", "ist", "aest", "aedt", "msk", "hkt", "sgt", "eet", "eest", "wet", "ast", "akst", "hst", "et", "pt", "ct", "mt", "z"} {
		add(w, cTZ, 0)
	}
	for _, w := range []string{"christmas", "thanksgiving", "easter", "halloween", "new", "independence", "labor", "memorial",
		"valentine", "election", "veterans", "columbus", "good", "boxing", "hanukkah", "ramadan", "passover", "kwanzaa", "eve"} {
		add(w, cHoliday, 0)
	}
	for i, w := range []string{"twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"} {
		add(w, cDecadeWord, 2+i)
	}
	for _, w := range []string{"few", "several", "many", "some", "couple", "numerous", "various"} {
		add(w, cFew, 0)
	}
	for _, w := range []string{"in", "on", "at", "since", "until", "till", "by", "during", "from", "to", "through", "throughout",
		"before", "after", "of", "for", "between", "and", "or", "as", "into", "than", "until", "starting", "beginning", "ending", "ended", "late", "early", "mid", "like"} {
		add(w, cPrepTime, 0)
	}
	for _, w := range []string{"said", "was", "were", "had", "did", "told", "went", "came", "made", "took", "gave", "met",
		"began", "left", "won", "lost", "held", "saw", "got", "put", "set", "hit", "fell", "rose", "ran", "led", "sent", "spent",
		"found", "became", "brought", "built", "bought", "sold", "thought", "knew", "wrote", "spoke", "chose", "broke", "drove",
		"flew", "fought", "caught", "taught", "struck", "stood", "sat", "paid", "laid", "meant", "felt", "kept", "heard", "shot",
		"killed", "announced", "reported", "posted", "earned", "declined", "increased", "ended", "closed", "agreed", "died",
		"occurred", "arrived", "returned", "signed", "released", "filed", "named", "resigned", "elected", "voted", "attacked",
		"wasn't", "weren't", "didn't", "ago", "grew", "swore", "sank", "shook", "wore", "tore", "threw", "slid", "bid", "quit",
		"cut", "let", "told", "dropped", "climbed", "jumped", "gained", "slipped", "eased", "edged", "surged", "tumbled", "plunged", "rescheduled"} {
		add(w, cPast, 0)
	}
	for _, w := range []string{"is", "are", "am", "says", "do", "does", "expects", "plans", "seems", "remains", "continues", "aims", "hopes", "intends", "wants"} {
		add(w, cPresent, 0)
	}
	for _, w := range []string{"will", "shall", "ll", "wo", "gonna", "tomorrow", "upcoming", "scheduled", "planned", "expected", "would", "next"} {
		add(w, cFuture, 0)
	}
	for _, w := range []string{"plan", "plans", "planned", "planning", "intend", "intends", "intended", "intending", "expect",
		"expects", "expected", "expecting", "hope", "hopes", "hoped", "hoping", "want", "wants", "wanted", "set", "scheduled",
		"due", "going", "aim", "aims", "aimed", "slated", "poised", "prepared", "preparing", "promised", "vowed", "pledged", "agreed", "decided"} {
		add(w, cIntent, 0)
	}
	for _, w := range []string{"effective", "payable", "expire", "expires", "average", "avg", "corresponding", "high", "initial", "closing", "opening"} {
		add(w, 0, 0)
	}
	for _, w := range []string{"has", "have", "had", "having", "ve"} {
		add(w, cAux, 0)
	}
	for _, w := range []string{"said", "says", "told", "say", "added", "stated"} {
		add(w, cReporting, 0)
	}
	for _, w := range []string{"people", "persons", "shares", "votes", "barrels", "tons", "tonnes", "miles", "yards", "points",
		"meters", "metres", "feet", "pounds", "cars", "units", "jobs", "troops", "soldiers", "workers", "employees", "members",
		"students", "residents", "refugees", "acres", "kilometers", "kilometres", "dollars", "rooms", "homes", "houses", "deaths",
		"cases", "children", "women", "men", "copies", "vehicles", "aircraft", "planes", "ships", "police", "officers", "others",
		"percent", "pct", "seats", "delegates", "cents", "yen", "marks", "francs", "lire", "euros", "contracts", "lots", "bales",
		"ounces", "gallons", "lb", "lbs", "kg", "km", "mph", "degrees", "victims", "patients", "prisoners", "candidates", "companies",
		"firms", "banks", "stores", "plants", "machines", "computers", "games", "runs", "goals", "words", "pages", "times"} {
		add(w, cCountNoun, 0)
	}
	for _, w := range []string{"the", "a", "an", "its", "his", "her", "their", "our", "my", "your", "this", "that", "these", "those"} {
		add(w, cDet, 0)
	}
	// Other words the grammar compares (is() matches lexicon entries only;
	// lexicon_test.go checks that none is missing).
	for _, w := range []string{"accord", "accords", "account", "accounts", "ad", "affairs", "agreement", "assets", "bc", "be",
		"been", "being", "billion", "black", "business", "calendar", "class", "clock", "comparable", "consecutive", "deal",
		"distant", "due", "electric", "electrical", "events", "extra", "flowing", "flows", "foreseeable", "going", "hence",
		"immediate", "liabilities", "long", "midst", "million", "n", "near", "not", "o", "ocean", "old", "other", "outset",
		"peace", "period", "ratio", "right", "short", "so", "solid", "straight", "successive", "term", "trading", "trillion",
		"working", "s", "times", "ahead", "awaiting", "await", "too", "how", "afterwards", "thereafter", "ended", "ending", "beyond", "soon", "possible", "later", "while", "time", "moment", "originally", "initially", "with"} {
		add(w, 0, 0)
	}
	for _, w := range []string{"fiscal", "fy", "noon", "midnight", "midday", "once", "twice", "thrice", "half", "dozens", "hundreds", "thousands", "year-end"} {
		add(w, cMisc, 0)
	}
	for _, w := range []string{"no", "nos", "number", "flight", "route", "page", "room", "model", "article", "item", "section",
		"chapter", "rule", "resolution", "highway", "interstate", "windows", "office", "apollo", "boeing", "airbus", "suite",
		"unit", "channel", "bill", "form", "proposition", "prop", "district", "precinct", "box", "road", "street", "avenue",
		"lot", "exit", "gate", "track", "platform", "ward", "paragraph", "clause", "version", "release", "code", "phone", "fax",
		"tel", "volume", "vol", "issue", "cell", "pp", "p", "hr", "hb", "sb", "s", "h", "rs", "mig", "su", "tu", "f", "b", "c"} {
		add(w, cNotYear, 0)
	}
}
