package entity

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyadhq/dyad/internal/actor"
	"github.com/dyadhq/dyad/internal/ner"
	"github.com/dyadhq/dyad/pkg/doc"
)

// item is one candidate mention before resolution, in text order.
type item struct {
	first, last int
	match       *actor.Match // a dictionary match, or
	span        *ner.Span    // a recognizer span, or
	pronoun     byte         // 'm' / 'f' for a third-person pronoun, 'n' for its/it said, or
	group       string       // "PER" / "GPE" for "the two leaders/countries"
	surname     bool         // a capitalized word the recognizer missed
	count       int          // group size (0: unknown)
}

// state is one resolution in progress.
type state struct {
	r      *Resolver
	d      *doc.Document
	date   actor.Date
	sent   []int
	quote  []bool
	res    *Result
	byKey  map[string]*Entity
	recent []recent // mentions of entities in text order
	// inner are place matches inside organization names ("England" in
	// "Bank of England"), which give the organization its country.
	inner []*actor.Match
	// matchAt maps a token to the dictionary match that begins there.
	matchAt map[int]*actor.Match
}

func placeKind(k actor.Kind) bool {
	return k == actor.KindCountry || k == actor.KindCapital || k == actor.KindAdjective || k == actor.KindRegion
}

// recent is a resolved mention the later ones may refer back to.
type recent struct {
	ent         *Entity
	first, last int
	sent        int
	quoted      bool
	kind        string
}

// Resolve finds the entities of d. The document must be tokenized and
// segmented; tags improve the recognizer and lemmas the dictionary match.
// Codes are those valid on d.Published (undated codes when it is unknown).
func (r *Resolver) Resolve(d *doc.Document) *Result {
	sent := sentenceOf(d)
	st := &state{r: r, d: d, sent: sent, quote: quoted(d, sent), res: &Result{}, byKey: map[string]*Entity{}}
	if !d.Published.IsZero() {
		st.date = actor.DateOf(d.Published)
	}
	ms := r.dict.Match(d)
	st.matchAt = make(map[int]*actor.Match, len(ms))
	for i := range ms {
		if ms[i].First >= 0 {
			st.matchAt[ms[i].First] = &ms[i]
		}
	}
	var spans []ner.Span
	if r.ner != nil && len(d.Tokens) > 0 {
		spans = r.ner.Recognize(d, ner.Gazetteer(d, r.dict, ms))
	}
	st.seedTitle()
	items := st.items(ms, spans)
	for i := range items {
		st.resolve(&items[i])
	}
	st.resolveFirstPerson()
	st.partyLabels()
	st.dropUnmentioned()
	sortMentions(st.res.Entities)
	st.fillTokens()
	return st.res
}

var sayVerbs = map[string]bool{"said": true, "says": true, "added": true, "stated": true, "denied": true, "announced": true, "reported": true, "warned": true}

var numberWords = map[string]int{"two": 2, "three": 3, "four": 4, "five": 5, "both": 2, "2": 2, "3": 3}

// groupDets before a number make it refer back ("these two leaders").
var groupDets = map[string]bool{"these": true, "those": true, "their": true}

var personGroupNouns = map[string]bool{"leaders": true, "presidents": true, "men": true, "women": true, "ministers": true,
	"sides": false, "heads": true, "premiers": true}

var countryGroupNouns = map[string]bool{"countries": true, "country": true, "nations": true, "nation": true, "states": true, "governments": true, "neighbours": true, "neighbors": true}

// items gathers dictionary matches, recognizer spans that no match
// overlaps, pronouns and number groups, in text order.
func (st *state) items(ms []actor.Match, spans []ner.Span) []item {
	d := st.d
	var out []item
	st.inner = st.inner[:0]
	inner := st.inner
	defer func() { st.inner = inner }()
	covered := make([]bool, len(d.Tokens))
	spans = st.placeLedNames(ms, spans)
	spans = st.companyTails(spans)
	for i := range ms {
		m := &ms[i]
		if m.First < 0 || m.First >= m.Last || verbNotName(d, m) || stanceNoun(d, m) {
			continue
		}
		if m.Kind == actor.KindAgent && m.Owner == nil && !st.headNoun(m) {
			continue // "General" in "General Motors": a name's word, not a role
		}
		if m.Kind == actor.KindAgent && glued(d, m.First, m.Last) {
			continue // "MP" in "CRAY X-MP/24": part of a model name
		}
		if st.hyphenAmerican(m) {
			continue // "African-American voters" are American
		}
		if ticker(d, m.First, m.Last) {
			continue // "Rockwell International Corp <ROK>": a stock symbol, not Korea
		}
		if sp := enclosing(spans, m); sp != nil && sp.Type == "ORG" && m.Kind == actor.KindPerson {
			continue // "William Blair and Co": a firm named after someone
		}
		if end := st.companyAfter(m); end > 0 {
			// "Baker International Corp" is a firm, not James Baker
			spans = replaceSpans(nil, spans, ner.Span{First: m.First, Last: end, Type: "ORG"})
			continue
		}
		if st.otherBearer(m) {
			// "William Blair" is not Tony Blair: a name of its own
			spans = replaceSpans(nil, spans, ner.Span{First: m.First - 1, Last: m.Last, Type: "PER"})
			continue
		}
		if first, last, ok := st.waterName(m); ok {
			// "the Indian Ocean", "the Gulf of Mexico": a sea, no actor
			spans = replaceSpans(nil, spans, ner.Span{First: first, Last: last, Type: "LOC"})
			continue
		}
		// a longer organization name around a place: "Bank of England"
		if sp := enclosing(spans, m); sp != nil && sp.Type == "ORG" && (placeKind(m.Kind) || bankOfPlace(d, m)) {
			inner = append(inner, m)
			continue
		}
		out = append(out, item{first: m.First, last: m.Last, match: m})
		for t := m.First; t < m.Last; t++ {
			covered[t] = true
		}
	}
	for i := range spans {
		sp := &spans[i]
		over := false
		for t := sp.First; t < sp.Last; t++ {
			over = over || covered[t]
		}
		if over {
			continue
		}
		out = append(out, item{first: sp.First, last: sp.Last, span: sp})
		for t := sp.First; t < sp.Last; t++ {
			covered[t] = true
		}
	}
	for i := range d.Tokens {
		if covered[i] {
			continue
		}
		switch lowerWord(d, i) {
		case "he", "him", "his", "himself":
			out = append(out, item{first: i, last: i + 1, pronoun: 'm'})
		case "she", "her", "hers", "herself":
			out = append(out, item{first: i, last: i + 1, pronoun: 'f'})
		case "its":
			out = append(out, item{first: i, last: i + 1, pronoun: 'n'})
		case "it":
			// only as the subject of a verb of saying: "it said"; other uses
			// are too often empty ("it was reported")
			if i+1 < len(d.Tokens) && sayVerbs[lowerWord(d, i+1)] {
				out = append(out, item{first: i, last: i + 1, pronoun: 'n'})
			}
		}
		if st.capitalized(i) && d.Tokens[i].UPOS != "PRON" && d.Tokens[i].UPOS != "DET" {
			out = append(out, item{first: i, last: i + 1, surname: true})
		}
		if n, ok := numberWords[lowerWord(d, i)]; ok && i+1 < len(d.Tokens) && !covered[i+1] {
			w := lowerWord(d, i+1)
			first := i
			if i > 0 && lowerWord(d, i-1) == "the" {
				first = i - 1
			} else if lowerWord(d, i) != "both" && (i == 0 || !groupDets[lowerWord(d, i-1)]) {
				continue // "two speechwriters said": two new people, not the two named
			}
			if personGroupNouns[w] {
				out = append(out, item{first: first, last: i + 2, group: PER, count: n})
			} else if countryGroupNouns[w] {
				out = append(out, item{first: first, last: i + 2, group: GPE, count: n})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].first < out[j].first })
	return out
}

// glued reports whether tokens [first, last) are joined without spaces
// by a hyphen or slash to a word or number on either side ("X-MP/24").
func glued(d *doc.Document, first, last int) bool {
	joiner := func(i int) bool {
		f := d.TokenText(i)
		return f == "-" || f == "/"
	}
	if first >= 2 && joiner(first-1) && !d.Tokens[first-2].SpaceAfter && !d.Tokens[first-1].SpaceAfter {
		return true
	}
	return last+1 < len(d.Tokens) && joiner(last) && !d.Tokens[last-1].SpaceAfter && !d.Tokens[last].SpaceAfter
}

// verbNotName reports whether a one-word match is an inflected verb the
// dictionary mistakes for a name: "Fed up with delays" (fed, lemma feed) is
// not the Federal Reserve. A determiner before it ("the Fed said") keeps it
// a name whatever its tag. Only state bodies are checked: places and
// actors the tagger calls verbs at the start of a sentence are still names
// ("Pyongyang on Thursday fired").
func verbNotName(d *doc.Document, m *actor.Match) bool {
	t := &d.Tokens[m.First]
	if m.Last-m.First != 1 || t.UPOS != "VERB" || m.Kind != actor.KindMetonym || strings.EqualFold(t.Lemma, d.Form(m.First)) {
		return false
	}
	return m.First == 0 || d.Tokens[m.First-1].UPOS != "DET"
}

// firmNouns are the nouns that, as "the company" alone, mean the firm
// named last.
var firmNouns = map[string]bool{"company": true, "firm": true, "corporation": true, "concern": true}

// firmBefore returns the firm a definite singular "the company" refers to:
// of the firms (organizations whose code is a firm's or that have none)
// named in the three sentences before it, the last one named as a subject
// ("Phillips Petroleum Co said its Provesta unit ...": Phillips), else the
// last one; nil when there is none.
func (st *state) firmBefore(m *actor.Match) *Entity {
	d := st.d
	if m.Last-m.First != 1 || m.First == 0 || lowerWord(d, m.First-1) != "the" || !firmNouns[lowerWord(d, m.First)] {
		return nil
	}
	s := st.sent[m.First]
	var last *Entity
	for i := len(st.recent) - 1; i >= 0; i-- {
		r := st.recent[i]
		if r.sent >= 0 && r.sent < s-3 {
			break
		}
		e := r.ent
		if e.Type != ORG || e.Members != nil || r.first >= m.First || r.kind != KindName ||
			e.Code != "" && !strings.HasSuffix(string(e.Code), "BUS") {
			continue
		}
		if st.headSubject(r) {
			return e
		}
		if last == nil {
			last = e
		}
	}
	return last
}

// named reports whether e has a mention by name ("the company" after
// "Phillips Petroleum Co").
func named(e *Entity) bool {
	for _, m := range e.Mentions {
		if m.Kind == KindName && !m.Nested {
			return true
		}
	}
	return false
}

// headSubject reports whether mention r's head, the word whose head lies
// outside it, is a subject: "Phillips" in "Phillips Petroleum Co said"
// (the parse hangs "Co" on "Phillips").
func (st *state) headSubject(r recent) bool {
	for t := r.first; t >= 0 && t < r.last; t++ {
		if h := st.d.Tokens[t].Head; h < r.first || h >= r.last {
			rel := st.d.Tokens[t].Deprel
			return rel == "nsubj" || rel == "nsubj:pass"
		}
	}
	return false
}

// partyLabels gives a politician named with an American party and state
// label ("Tom Harkin, D-Iowa", "Marco Rubio (R-Fla.)") the United States'
// code when the dictionary gave no country: a legislator, unless a title
// gave another role ("Gov. Chris Christie (R-N.J.)").
func (st *state) partyLabels() {
	for _, e := range st.res.Entities {
		if e.Type != PER || e.Code != "" && !strings.HasPrefix(string(e.Code), "---") {
			continue
		}
		for _, m := range e.Mentions {
			if m.Kind == KindPronoun || !st.partyLabel(m.Last) {
				continue
			}
			role := "LEG"
			if len(e.Code) > 3 {
				role = string(e.Code)[3:]
			} else if m.First > 0 && strings.HasPrefix(lowerWord(st.d, m.First-1), "gov") {
				role = "GOV" // "Gov. Chris Christie (R-N.J.)"
			}
			e.Code = actor.Code("USA" + role)
			e.Country, e.Role = st.r.splitCode(e.Code)
			break
		}
	}
}

// partyLabel reports whether a party and state label follows token i-1:
// ", D-Iowa" or "(R-Fla.)", the party a capital D, R or I.
func (st *state) partyLabel(i int) bool {
	d := st.d
	if i+3 >= len(d.Tokens) || st.sent[i+3] != st.sent[i-1] {
		return false
	}
	if w := d.TokenText(i); w != "," && w != "(" {
		return false
	}
	switch d.TokenText(i + 1) {
	case "D", "R", "I":
	default:
		return false
	}
	return d.TokenText(i+2) == "-" && !d.Tokens[i+1].SpaceAfter && st.capitalized(i+3)
}

// ticker reports whether tokens [first, last) stand between "<" and ">",
// as news wires print stock symbols ("<ROK>", "<UN.AS>").
func ticker(d *doc.Document, first, last int) bool {
	return first > 0 && last < len(d.Tokens) && d.TokenText(first-1) == "<" && d.TokenText(last) == ">"
}

// hyphenAmerican reports whether adjective match m begins a hyphenated
// American group ("African-American", "Mexican-Americans"), which names
// Americans, not the first part's country or region.
func (st *state) hyphenAmerican(m *actor.Match) bool {
	d := st.d
	if m.Kind != actor.KindAdjective && m.Kind != actor.KindRegion || m.Last+1 >= len(d.Tokens) {
		return false
	}
	if d.TokenText(m.Last) != "-" || d.Tokens[m.Last-1].SpaceAfter || d.Tokens[m.Last].SpaceAfter {
		return false
	}
	w := d.TokenText(m.Last + 1)
	return w == "American" || w == "Americans"
}

// waterWords name seas and other waters; a country's name or adjective
// before them ("Indian Ocean", "South China Sea") or after them with "of"
// ("Gulf of Mexico") names the water, not the country. Only an adjective
// makes a gulf: "the U.S. Gulf" is the American coast.
var waterWords = map[string]bool{"Ocean": true, "Sea": true, "Gulf": true, "Strait": true, "Straits": true, "Channel": true, "Bay": true}

// waterName reports whether country match m is part of the name of a sea,
// and that name's bounds.
func (st *state) waterName(m *actor.Match) (first, last int, ok bool) {
	d := st.d
	if m.Kind != actor.KindCountry && m.Kind != actor.KindAdjective {
		return 0, 0, false
	}
	if m.Last < len(d.Tokens) && st.sent[m.Last] == st.sent[m.First] {
		if w := d.TokenText(m.Last); waterWords[w] && (w != "Gulf" || m.Kind == actor.KindAdjective) {
			return m.First, m.Last + 1, true
		}
	}
	if m.First >= 2 && st.sent[m.First-2] == st.sent[m.First] && d.TokenText(m.First-1) == "of" && waterWords[d.TokenText(m.First-2)] {
		return m.First - 2, m.Last, true
	}
	return 0, 0, false
}

// companyAfter returns where a company's name ends when a one-word match
// of a listed person's name begins it ("Baker International Corp"), else 0.
func (st *state) companyAfter(m *actor.Match) int {
	d := st.d
	if m.Kind != actor.KindPerson || m.Last-m.First != 1 {
		return 0
	}
	end := m.Last
	for end < len(d.Tokens) && st.sent[end] == st.sent[m.First] && st.firmWord(end) {
		end++
	}
	if end == m.Last || !companyHead(d.Form(end-1)) {
		return 0
	}
	return end
}

// otherBearer reports whether a one-word match of a listed person's
// surname follows a given name that is not the person's ("William Blair"
// is not Tony Blair), or a one-word seat of power or capital follows a
// given name ("Ronald Langley").
func (st *state) otherBearer(m *actor.Match) bool {
	d := st.d
	place := m.Kind == actor.KindMetonym || m.Kind == actor.KindCapital
	if !place && (m.Kind != actor.KindPerson || m.Entry.Person == nil) || m.Last-m.First != 1 || m.First == 0 ||
		st.sent[m.First-1] != st.sent[m.First] || !st.capitalized(m.First-1) {
		return false
	}
	g := d.TokenText(m.First - 1)
	if ner.NameGender(g) == 0 {
		return false // not a given name: "President Blair", "Mr Blair"
	}
	if place {
		return true // "Ronald Langley" is no seat of power, "Denzel Washington" no capital
	}
	for _, w := range strings.Fields(m.Entry.Person.Name) {
		if strings.EqualFold(w, g) {
			return false
		}
	}
	return true
}

// namesake returns the story's own person whose surname a one-word match
// of a listed person repeats ("Blair" after "William Blair"), or nil.
func (st *state) namesake(m *actor.Match) *Entity {
	if m.Last-m.First != 1 {
		return nil
	}
	w := st.d.TokenText(m.First)
	for i := len(st.recent) - 1; i >= 0; i-- {
		e := st.recent[i].ent
		if e.Type != PER || e.Person != nil || e.Members != nil {
			continue
		}
		if f := strings.Fields(e.Canonical); len(f) > 1 && strings.EqualFold(f[len(f)-1], w) {
			return e
		}
	}
	return nil
}

// stanceNoun reports whether a role-noun match names a stance, not the
// people who hold it: "opposition to the deal", "opposition from banks".
func stanceNoun(d *doc.Document, m *actor.Match) bool {
	if m.Kind != actor.KindAgent || m.Last >= len(d.Tokens) || lowerWord(d, m.Last-1) != "opposition" {
		return false
	}
	switch lowerWord(d, m.Last) {
	case "to", "from", "against":
		return true
	}
	return false
}

// placeLedNames adds the organization names that begin with a place or
// demonym the dictionary matched and go on in capitalized words it did not:
// "British Airways", "American Motors", "London Stock Exchange". The words
// after the place must be a recognizer ORG span, or end in a word that heads
// company names; otherwise "Chilean Pres Bachelet" would become a company. The
// place then lies inside the name, as in "Bank of England".
func (st *state) placeLedNames(ms []actor.Match, spans []ner.Span) []ner.Span {
	d := st.d
	matched := make([]bool, len(d.Tokens))
	for i := range ms {
		for t := ms[i].First; t >= 0 && t < ms[i].Last; t++ {
			matched[t] = true
		}
	}
	var out []ner.Span
	for i := range ms {
		m := &ms[i]
		if m.First < 0 || m.First >= m.Last {
			continue
		}
		if bankOfPlace(d, m) {
			if start := st.nameBefore(m.First, matched); start >= 0 {
				out = replaceSpans(out, spans, ner.Span{First: start, Last: m.Last, Type: "ORG"})
			}
			continue
		}
		if !placeKind(m.Kind) {
			continue
		}
		if start := st.companyOfPlace(m, matched); start >= 0 {
			out = replaceSpans(out, spans, ner.Span{First: start, Last: m.Last, Type: "ORG"})
			continue
		}
		end := m.Last
		for end < len(d.Tokens) && st.sent[end] == st.sent[m.First] && !matched[end] && st.nameWord(end) {
			end++
		}
		if end == m.Last {
			continue
		}
		if end < len(d.Tokens) && st.titleAt(end) {
			continue // "Saudi Arabian Oil Minister": a title, not a company
		}
		last := strings.ToLower(d.Form(end - 1))
		org := companyHead(last) || civilHeads[last] || stateHeads[last]
		for _, sp := range spans {
			if sp.Type == "ORG" && sp.First == m.Last && sp.Last <= end {
				org, end = true, max(sp.Last, m.Last+1)
				break
			}
		}
		if !org {
			continue
		}
		out = replaceSpans(out, spans, ner.Span{First: m.First, Last: end, Type: "ORG"})
	}
	if out == nil {
		return spans
	}
	slices.SortFunc(out, func(a, b ner.Span) int { return a.First - b.First })
	return out
}

// companyTails extends a recognizer span that begins with a legal suffix or
// a word that ends firms' names ("Co" in "William Blair and Co", "Motors"
// in "General Motors") back over the capitalized names and the "and" or "&"
// joining them: such a word is never a company's whole name.
func (st *state) companyTails(spans []ner.Span) []ner.Span {
	d := st.d
	var out []ner.Span
	for _, sp := range spans {
		if !companyHead(d.Form(sp.First)) {
			continue
		}
		start := sp.First
		for start > 0 && st.sent[start-1] == st.sent[sp.First] {
			w := d.TokenText(start - 1)
			switch {
			case st.firmWord(start - 1):
				start--
				continue
			case (w == "and" || w == "&") && start-2 >= 0 && st.sent[start-2] == st.sent[sp.First] && st.firmWord(start-2):
				start--
				continue
			}
			break
		}
		if start < sp.First {
			out = replaceSpans(out, spans, ner.Span{First: start, Last: sp.Last, Type: "ORG"})
		}
	}
	if out == nil {
		return spans
	}
	slices.SortFunc(out, func(a, b ner.Span) int { return a.First - b.First })
	return out
}

// replaceSpans adds name to out (a copy of spans on first use), dropping
// the recognizer's spans it overlaps.
func replaceSpans(out, spans []ner.Span, name ner.Span) []ner.Span {
	if out == nil {
		out = slices.Clone(spans)
	}
	out = slices.DeleteFunc(out, func(sp ner.Span) bool { return sp.First < name.Last && sp.Last > name.First })
	return append(out, name)
}

// titleAt reports whether a title or role-noun match starts at token i
// ("Minister", "Secretary").
func (st *state) titleAt(i int) bool {
	m := st.matchAt[i]
	return m != nil && (m.Kind == actor.KindTitle || m.Kind == actor.KindAgent)
}

// nameWord reports whether token i can continue a capitalized name.
func (st *state) nameWord(i int) bool {
	u := st.d.Tokens[i].UPOS
	return st.capitalized(i) && (u == "PROPN" || u == "NOUN")
}

// firmWord is nameWord that also takes capitalized adjectives, which
// firms' names often begin with ("General Electric", "Royal Bank").
func (st *state) firmWord(i int) bool {
	return st.nameWord(i) || st.capitalized(i) && st.d.Tokens[i].UPOS == "ADJ"
}

// companyOfPlace returns where a company's name that ends in "of" and the
// place m begins ("Power Corp of Canada", "Royal Bank of Scotland"), or -1:
// the word before "of" must head company names.
func (st *state) companyOfPlace(m *actor.Match, matched []bool) int {
	d := st.d
	h := m.First - 2
	if h < 0 || lowerWord(d, m.First-1) != "of" || st.sent[h] != st.sent[m.First] || matched[h] ||
		!st.nameWord(h) || !companyHead(d.Form(h)) {
		return -1
	}
	if start := st.nameBefore(h, matched); start >= 0 {
		return start
	}
	return h
}

// nameBefore returns where the capitalized words just before token i begin
// ("Industrial" before "Bank of Japan"), or -1 when there are none.
func (st *state) nameBefore(i int, matched []bool) int {
	start := i
	for start > 0 && st.sent[start-1] == st.sent[i] && !matched[start-1] && st.firmWord(start-1) {
		start--
	}
	if start == i {
		return -1
	}
	return start
}

// bankOfPlace reports whether m is a state body whose name heads company
// names ("Bank of Japan"): after more name words ("Industrial Bank of
// Japan") it is the end of a company's name, and its place is inside it.
func bankOfPlace(d *doc.Document, m *actor.Match) bool {
	return m.Kind == actor.KindMetonym && companyHead(d.Form(m.First))
}

// companyHead reports whether w ends a company's name: a legal suffix
// ("Corp.", "Plc") or a word that heads firms and markets ("Motors").
func companyHead(w string) bool {
	w = strings.ToLower(strings.TrimSuffix(w, "."))
	return corporate[w] || businessHeads[w]
}

// stateHeads end the names of a state's agencies: "U.S. Internal Revenue
// Service" is the government of the United States, not the country.
var stateHeads = map[string]bool{"agency": true, "commission": true, "administration": true, "bureau": true,
	"service": true, "office": true, "authority": true, "board": true, "directorate": true, "inspectorate": true}

// bodyNouns are nouns for organizations that a name may follow in
// apposition ("the news agency WAM").
var bodyNouns = map[string]bool{"agency": true, "newspaper": true, "daily": true, "weekly": true, "paper": true,
	"radio": true, "television": true, "channel": true, "broadcaster": true, "company": true, "firm": true,
	"party": true, "group": true, "movement": true, "union": true, "ministry": true, "bank": true,
	"organization": true, "organisation": true, "front": true, "council": true, "association": true}

// civilHeads end the names of associations and other bodies that are
// neither firms nor the state: "American Soybean Association" is an NGO of
// the United States, not the country.
var civilHeads = map[string]bool{"association": true, "institute": true, "federation": true,
	"society": true, "foundation": true, "league": true}

// businessHeads are words that end the names of firms and markets beside
// the legal suffixes of corporate: "American Motors", "Georgia Power".
var businessHeads = map[string]bool{"motors": true, "motor": true, "power": true, "exchange": true,
	"electric": true, "steel": true, "petroleum": true, "oil": true, "industries": true,
	"mining": true, "energy": true, "telecom": true, "telecommunications": true, "railways": true,
	"shipping": true, "chemicals": true, "foods": true, "brands": true, "express": true, "insurance": true,
	"trust": true, "securities": true, "financial": true, "resources": true, "utilities": true}

// seedTitle makes the people and countries a headline names available as
// antecedents ("Hurin, Turin hold first talks" / "the two kings
// agreed"), with sentence -1; the headline is not part of the text, so
// they get no mention from it.
func (st *state) seedTitle() {
	if st.d.Title == "" {
		return
	}
	for _, m := range st.r.dict.MatchText(st.d.Title) {
		var e *Entity
		switch m.Kind {
		case actor.KindPerson:
			res := st.r.dict.ResolveMatch(&m, st.date)
			if res.Person == nil {
				continue
			}
			e = st.personEntity(res.Person, res.Code, res.Person.Name)
		case actor.KindCountry:
			e = st.countryEntity(m.Entry.Owner, false)
		default:
			continue
		}
		st.recent = append(st.recent, recent{ent: e, first: -1, last: -1, sent: -1})
	}
}

// dropUnmentioned removes entities known only from the headline and
// numbers the rest in order of first mention.
func (st *state) dropUnmentioned() {
	old := st.res.Entities
	var kept []*Entity
	firstAt := map[*Entity]int{}
	for _, e := range old {
		if len(e.Mentions) == 0 {
			continue
		}
		f := e.Mentions[0].Start
		for _, m := range e.Mentions {
			f = min(f, m.Start)
		}
		firstAt[e] = f
		kept = append(kept, e)
	}
	sort.SliceStable(kept, func(i, j int) bool { return firstAt[kept[i]] < firstAt[kept[j]] })
	newID := make([]int, len(old))
	for i := range newID {
		newID[i] = -1
	}
	for i, e := range kept {
		newID[e.ID] = i
	}
	for i, e := range kept {
		e.ID = i
		if e.Members == nil {
			continue
		}
		ms := []int{}
		for _, m := range e.Members {
			if newID[m] >= 0 {
				ms = append(ms, newID[m])
			}
		}
		e.Members = ms
	}
	st.res.Entities = kept
}

// enclosing returns the recognizer span that strictly contains m.
func enclosing(spans []ner.Span, m *actor.Match) *ner.Span {
	for i := range spans {
		s := &spans[i]
		if s.First <= m.First && s.Last >= m.Last && s.Last-s.First > m.Last-m.First {
			return s
		}
	}
	return nil
}

func (st *state) mention(first, last int, kind string) Mention {
	t := st.d.Tokens
	return Mention{Start: t[first].Start, End: t[last-1].End, First: first, Last: last, Sentence: st.sent[first], Kind: kind}
}

// entity returns the entity of key, creating it with mk.
func (st *state) entity(key string, mk func() *Entity) *Entity {
	if e, ok := st.byKey[key]; ok {
		return e
	}
	e := mk()
	e.Canonical = strings.Join(strings.Fields(e.Canonical), " ") // names broken over lines
	e.key = key
	e.ID = len(st.res.Entities)
	if e.Code != "" && e.Country == "" {
		e.Country, e.Role = st.r.splitCode(e.Code)
	}
	st.res.Entities = append(st.res.Entities, e)
	st.byKey[key] = e
	return e
}

// add records a mention of e.
func (st *state) add(e *Entity, m Mention) {
	e.Mentions = append(e.Mentions, m)
	if !m.Nested {
		st.recent = append(st.recent, recent{ent: e, first: m.First, last: m.Last, sent: m.Sentence, quoted: st.quote[m.First], kind: m.Kind})
	}
}

func (st *state) resolve(it *item) {
	switch {
	case it.match != nil:
		st.resolveMatch(it)
	case it.span != nil:
		st.resolveName(it)
	case it.pronoun != 0:
		st.resolvePronoun(it)
	case it.group != "":
		st.resolveGroup(it, nil)
	case it.surname:
		st.resolveSurname(it)
	}
}

// resolveMatch turns a dictionary match into a mention.
func (st *state) resolveMatch(it *item) {
	m := it.match
	dict := st.r.dict
	res := dict.ResolveMatch(m, st.date)
	text := st.d.Text[m.Start:m.End]
	var e *Entity
	kind := KindName
	switch m.Kind {
	case actor.KindPerson:
		if o := st.namesake(m); o != nil {
			// "Blair" after "William Blair": the story's own Blair
			st.add(o, st.mention(m.First, m.Last, KindName))
			return
		}
		e = st.personEntity(res.Person, res.Code, m.Entry.Name)
		if m.Title != nil && e.gender == 0 {
			e.gender = ner.HonorificGender(text)
		}
	case actor.KindTitle:
		switch {
		case m.Plural:
			st.resolveGroup(it, m.Entry)
			st.ownerMention(m)
			return
		case res.Person != nil:
			e, kind = st.personEntity(res.Person, res.Code, res.Person.Name), KindTitle
		case m.Owner == nil && !m.Former:
			// "the president": the holder of such an office mentioned last
			if e = st.lastHolder(it, m.Entry); e == nil {
				return
			}
			kind = KindTitle
		case res.Code != "" && m.Owner != nil:
			e = st.entity("T:"+string(res.Code)+":"+strings.ToLower(text), func() *Entity {
				return &Entity{Canonical: trimThe(text), Type: PER, Code: res.Code}
			})
			kind = KindNominal
		default:
			return
		}
	case actor.KindAgent:
		if m.Owner == nil && !st.headNoun(m) {
			return // "official" in "official telephone call"
		}
		if m.Owner == nil && !m.Former && strings.HasPrefix(string(res.Code), "---") {
			role := string(res.Code)[3:]
			if p := st.personBefore(m.First); p != nil && p.Country != "" {
				// "Reagan administration officials": a person's country owns it
				res.Code = actor.Code(p.Country + role)
			} else if c := st.placeAfter(m.Last); c != "" {
				// "soldiers from Gondor", "protesters in Cairo"
				res.Code = actor.Code(c + role)
			} else if role == "GOV" && m.First > 0 && st.sent[m.First-1] == st.sent[m.First] {
				switch mod := m.First - 1; {
				case st.matchAt[mod] != nil && st.matchAt[mod].Kind == actor.KindAgent && st.r.dict.ResolveMatch(st.matchAt[mod], st.date).Code == "---BUS":
					// "a company spokesman", "bank officials": the firm's
					res.Code = "---BUS"
				case st.matchAt[mod] == nil && st.d.Tokens[mod].UPOS == "PROPN" && st.capitalized(mod):
					// "a Ciba-Geigy spokesman": speaks for a body the
					// dictionary does not know, not for a government
					return
				}
			}
		}
		if m.Owner == nil && res.Code == "---BUS" {
			if f := st.firmBefore(m); f != nil {
				// "Phillips Petroleum Co said ... The company said": the
				// firm named (its code stays its own: none for a firm the
				// dictionary does not know, which keeps business news
				// from coding as acts)
				st.add(f, st.mention(m.First, m.Last, KindNominal))
				return
			}
		}
		e = st.entity("A:"+string(res.Code)+":"+strings.ToLower(text), func() *Entity {
			return &Entity{Canonical: trimThe(text), Type: ORG, Code: res.Code}
		})
		kind = KindNominal
	case actor.KindCountry, actor.KindAdjective:
		e = st.countryEntity(m.Entry.Owner, m.Kind == actor.KindAdjective)
		if m.Kind == actor.KindAdjective {
			kind = KindAdjective
		}
	case actor.KindCapital:
		e = st.entity("L:"+m.Entry.Name, func() *Entity { return &Entity{Canonical: m.Entry.Name, Type: GPE, Code: res.Code} })
	case actor.KindRegion:
		e = st.entity("R:"+m.Entry.Name, func() *Entity { return &Entity{Canonical: m.Entry.Name, Type: LOC, Code: res.Code} })
	case actor.KindMetonym:
		e = st.entity("M:"+m.Entry.Name, func() *Entity { return &Entity{Canonical: m.Entry.Name, Type: ORG, Code: res.Code} })
		kind = KindMetonym
	case actor.KindNSA:
		// every name of a group is one entity: "Islamic State", "IS", "ISIS"
		e = st.entity("G:"+m.Entry.Code, func() *Entity { return &Entity{Canonical: m.Entry.Name, Type: ORG, Code: res.Code} })
	default: // IGO, NGO, PETRARCH actors
		key := "O:" + m.Entry.Name
		if m.Kind == actor.KindActor {
			key = "O:" + string(res.Code)
		}
		e = st.entity(key, func() *Entity { return &Entity{Canonical: m.Entry.Name, Type: ORG, Code: res.Code} })
	}
	if e == nil {
		return
	}
	st.add(e, st.mention(m.First, m.Last, kind))
	st.ownerMention(m)
}

// ownerMention adds the owner of a composed match ("Britain's" in
// "Chile's Foreign Minister Ana Soto") as a nested mention of its
// country or organization.
func (st *state) ownerMention(m *actor.Match) {
	owner := m.OwnerOn(st.date)
	if owner == nil || m.Last-m.First < 2 {
		return
	}
	d := st.d
	for f := m.First; f < m.Last-1; f++ {
		for l := f + 1; l < m.Last && l-f <= 6; l++ {
			term := d.Text[d.Tokens[f].Start:d.Tokens[l-1].End]
			for _, e := range st.r.dict.Lookup(term) {
				if e != owner {
					continue
				}
				var ent *Entity
				switch e.Kind {
				case actor.KindCountry, actor.KindAdjective:
					ent = st.countryEntity(e.Owner, e.Kind == actor.KindAdjective)
				default:
					code := st.r.dict.Resolve(e, st.date)
					ent = st.entity("O:"+e.Name, func() *Entity { return &Entity{Canonical: e.Name, Type: ORG, Code: code} })
				}
				mm := st.mention(f, l, KindAdjective)
				if e.Kind == actor.KindCountry {
					mm.Kind = KindName
				}
				mm.Nested = true
				st.add(ent, mm)
				return
			}
		}
	}
}

func (st *state) personEntity(p *actor.Person, code actor.Code, name string) *Entity {
	if p == nil {
		return st.entity("N:PER:"+name, func() *Entity { return &Entity{Canonical: name, Type: PER, Code: code} })
	}
	return st.entity("P:"+p.Name, func() *Entity {
		r := st.r.dict.ResolveMatch(&actor.Match{Kind: actor.KindPerson, Entry: p.Entry, Candidates: []*actor.Entry{p.Entry}}, st.date)
		return &Entity{Canonical: p.Name, Type: PER, Code: code, Person: p, gender: ner.NameGender(p.Name), office: r.Office != nil}
	})
}

func (st *state) countryEntity(code string, adj bool) *Entity {
	e := st.entity("C:"+code, func() *Entity {
		t := GPE
		if adj {
			t = NORP
		}
		name := st.r.dict.CountryName(code)
		if name == "" {
			name = code
		}
		return &Entity{Canonical: name, Type: t, Code: actor.Code(code)}
	})
	if !adj {
		e.Type = GPE
	}
	return e
}

// placeAfter returns the country code of "from/in/of [the] PLACE" at
// token tok, for a role noun without owner: a country, its adjective or a
// capital names the country; "" otherwise.
func (st *state) placeAfter(tok int) string {
	d := st.d
	if tok >= len(d.Tokens) {
		return ""
	}
	switch lowerWord(d, tok) {
	case "from", "in", "of":
	default:
		return ""
	}
	t := tok + 1
	if t < len(d.Tokens) && lowerWord(d, t) == "the" {
		t++
	}
	m := st.matchAt[t]
	if m == nil || st.sent[t] != st.sent[tok] {
		return ""
	}
	switch m.Kind {
	case actor.KindCountry, actor.KindCapital:
		if c := st.r.dict.ResolveMatch(m, st.date).Code; len(c) == 3 {
			return string(c)
		}
	}
	return ""
}

// personBefore returns the dictionary person whose mention ends right
// before token tok.
func (st *state) personBefore(tok int) *actor.Person {
	n := len(st.recent)
	if n == 0 {
		return nil
	}
	r := st.recent[n-1]
	if r.first < 0 || r.ent.Person == nil || r.last > tok || tok-r.last > 2 || st.sent[r.first] != st.sent[tok] {
		return nil
	}
	// common nouns between: "Reagan administration officials"
	for t := r.last; t < tok; t++ {
		if st.d.Tokens[t].UPOS != "NOUN" {
			return nil
		}
	}
	return r.ent.Person
}

// headNoun reports whether an agent match is a noun phrase of its own and
// not a modifier of the next noun ("official" in "official call").
func (st *state) headNoun(m *actor.Match) bool {
	t := st.d.Tokens
	h := &t[m.Last-1]
	if h.UPOS != "" && h.UPOS != "NOUN" && h.UPOS != "PROPN" {
		return false
	}
	if m.Last < len(t) && (t[m.Last].UPOS == "NOUN" || t[m.Last].UPOS == "PROPN") {
		return false
	}
	return true
}

// lastHolder finds, for a title without owner ("the president"), the
// person mentioned last who holds one of the title's offices on the date.
func (st *state) lastHolder(it *item, title *actor.Entry) *Entity {
	if it.first == 0 || lowerWord(st.d, it.first-1) != "the" && !st.capitalized(it.first) {
		return nil // "head of state visits": not a definite description
	}
	for i := len(st.recent) - 1; i >= 0; i-- {
		e := st.recent[i].ent
		if e.Person != nil && holds(st.r.dict, e.Person, title, st.date) {
			return e
		}
	}
	return nil
}

// holds reports whether p holds one of title's offices on date d.
func holds(dict *actor.Dictionary, p *actor.Person, title *actor.Entry, d actor.Date) bool {
	for _, t := range p.Roles {
		if !t.Contains(d) {
			continue
		}
		if title == nil {
			return true
		}
		for _, o := range title.Offices {
			if o == t.Office {
				return true
			}
		}
	}
	return false
}

func (st *state) capitalized(i int) bool {
	r, _ := utf8.DecodeRuneInString(st.d.TokenText(i))
	return unicode.IsUpper(r)
}

// recentGroup returns the group of kind want (and size n, when known)
// mentioned last in the story; nil when none. A story's "two countries"
// are the same two throughout.
func (st *state) recentGroup(want string, n int) *Entity {
	for i := len(st.recent) - 1; i >= 0; i-- {
		if e := st.recent[i].ent; e.Members != nil && e.Type == want && (n == 0 || len(e.Members) == n) {
			return e
		}
	}
	return nil
}

// countriesBefore lists the mentions of countries, nested ones included,
// that end before token end, in text order.
func (st *state) countriesBefore(end int) []recent {
	var out []recent
	for _, e := range st.res.Entities {
		if e.Type != GPE || !strings.HasPrefix(e.key, "C:") {
			continue
		}
		for _, m := range e.Mentions {
			if m.Last <= end && m.Kind != KindPronoun && m.Kind != KindAdjective {
				out = append(out, recent{ent: e, first: m.First, last: m.Last, sent: m.Sentence, kind: m.Kind})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].first < out[j].first })
	return out
}

// resolveGroup makes "the two kings" a group of the people (or
// "the two countries" of the countries) mentioned last; title, when set,
// restricts the people to holders of its offices.
func (st *state) resolveGroup(it *item, title *actor.Entry) {
	n := it.count
	first := it.first
	if n == 0 && first > 0 {
		if k, ok := numberWords[lowerWord(st.d, first-1)]; ok {
			n, first = k, first-1
		}
	}
	if first > 0 && lowerWord(st.d, first-1) == "the" {
		first--
	}
	want := it.group
	if want == "" {
		want = PER
	}
	if g := st.recentGroup(want, n); g != nil {
		// "the two countries ... the two nations": the same pair
		st.add(g, st.mention(first, it.last, KindGroup))
		return
	}
	var members []*Entity
	seen := map[*Entity]bool{}
	cands := st.recent
	if want == GPE {
		// a country named inside a longer mention counts too: "the first
		// UAE official to visit Yugoslavia since the two countries ..."
		cands = st.countriesBefore(first)
	}
	for i := len(cands) - 1; i >= 0; i-- {
		e := cands[i].ent
		if seen[e] || e.Members != nil {
			continue
		}
		ok := false
		switch want {
		case PER:
			ok = e.Type == PER && e.Person != nil && (title == nil || holds(st.r.dict, e.Person, title, st.date))
		case GPE:
			ok = e.Type == GPE && strings.HasPrefix(e.key, "C:")
		}
		if ok {
			seen[e] = true
			members = append(members, e)
			if n > 0 && len(members) == n || n == 0 && len(members) == 2 {
				break
			}
		}
	}
	if len(members) < 2 || n > 0 && len(members) != n {
		return
	}
	sort.Slice(members, func(i, j int) bool { return members[i].ID < members[j].ID })
	var names []string
	var idx []int
	for _, m := range members {
		names = append(names, m.Canonical)
		idx = append(idx, m.ID)
	}
	canon := strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
	e := st.entity("S:"+canon, func() *Entity {
		g := &Entity{Canonical: canon, Type: want, Members: idx}
		// a group whose members share a code has it ("USAGOV" and "USAGOV")
		code := members[0].Code
		for _, m := range members[1:] {
			if m.Code != code {
				code = ""
			}
		}
		g.Code = code
		return g
	})
	st.add(e, st.mention(first, it.last, KindGroup))
}

// resolveName turns a recognizer span that no dictionary entry matched into
// a mention: a surname of a person already named, or a new entity.
func (st *state) resolveName(it *item) {
	sp := it.span
	d := st.d
	text := d.Text[d.Tokens[sp.First].Start:d.Tokens[sp.Last-1].End]
	words := strings.Fields(trimThe(text))
	if !hasLetters(text, 2) {
		return // "L", "&": a stray recognizer span
	}
	name := strings.Join(words, " ")
	typ := sp.Type
	company := companyHead(words[len(words)-1])
	if i := slices.Index(words, "of"); i > 0 && companyHead(words[i-1]) {
		company = true // "Power Corp of Canada"
	}
	civil := civilHeads[strings.ToLower(words[len(words)-1])]
	state := stateHeads[strings.ToLower(words[len(words)-1])]
	if company {
		typ = ORG // "Plessey Co Plc", "Fujitsu Ltd"
	}
	// a name the story used before, whatever type the recognizer gives it
	// now: the same words, a person's surname ("Soto" after "Ana
	// Soto", and the reverse), an organization's short name ("Iomega"
	// after "Iomega Corp")
	for i := len(st.recent) - 1; i >= 0; i-- {
		e := st.recent[i].ent
		if e.Members != nil || !strings.HasPrefix(e.key, "N:") && e.Type != PER {
			continue
		}
		cw := strings.Fields(e.Canonical)
		same := equalFold(cw, words) ||
			e.Type == PER && typ == PER && sameName(e.Canonical, words) ||
			e.Type == ORG && len(words) < len(cw) && equalFold(cw[:len(words)], words)
		if !same {
			continue
		}
		if e.Type == PER && len(words) > len(cw) && e.Person == nil {
			e.Canonical = name
			e.gender = max(e.gender, ner.NameGender(name))
		}
		st.add(e, st.mention(sp.First, sp.Last, KindName))
		return
	}
	if typ == PER && sp.First > 0 && bodyNouns[lowerWord(d, sp.First-1)] {
		// "the Emirates news agency WAM", "the ruling party Frelimo": the
		// name of the body just described, not a person
		for i := len(st.recent) - 1; i >= 0 && st.recent[i].last >= sp.First-1; i-- {
			if r := st.recent[i]; r.last == sp.First && r.ent.Type == ORG && r.ent.Members == nil {
				st.add(r.ent, st.mention(sp.First, sp.Last, KindName))
				return
			}
		}
		typ = ORG
	}
	e := st.entity("N:"+typ+":"+strings.ToLower(name), func() *Entity {
		e := &Entity{Canonical: name, Type: typ}
		switch typ {
		case PER:
			e.gender = ner.NameGender(name)
			if e.gender == 0 && sp.First > 0 {
				e.gender = ner.HonorificGender(d.TokenText(sp.First - 1))
			}
		case ORG:
			for _, m := range st.inner {
				if m.First >= sp.First && m.Last <= sp.Last && m.Entry.Owner != "" && st.r.dict.CountryName(m.Entry.Owner) != "" {
					e.Code = actor.Code(m.Entry.Owner)
					switch {
					case company:
						e.Code += "BUS" // "American Motors Corp"
					case civil:
						e.Code += "NGO" // "American Soybean Association"
					case state:
						e.Code += "GOV" // "U.S. Internal Revenue Service"
					}
					break
				}
			}
		}
		return e
	})
	if typ == PER && e.Code == "" {
		c := st.appositive(sp.First, sp.Last)
		if c == "" {
			c = st.titleBefore(sp.First)
		}
		if c != "" {
			e.Code = c
			e.Country, e.Role = st.r.splitCode(c)
		}
	}
	st.add(e, st.mention(sp.First, sp.Last, KindName))
}

// titleBefore returns the role a title or role noun just before a name
// gives its bearer when no owner is named: "Prime Minister Wilfried
// Martens" ---GOV, "Treasury Secretary James Baker" ---GOVBUS. Only
// capitalized words may stand between ("Foreign Minister Roland Dumas").
func (st *state) titleBefore(first int) actor.Code {
	s := st.sent[first]
	for t := first - 1; t >= 0 && t >= first-4 && st.sent[t] == s; t-- {
		if m := st.matchAt[t]; m != nil && m.Last <= first && !m.Plural &&
			(m.Kind == actor.KindTitle || m.Kind == actor.KindAgent) {
			if m.Kind == actor.KindTitle && m.Entry.Name == "president" {
				// with no country named, a president heads a firm as often
				// as a state ("according to President Sant Chatwal")
				return ""
			}
			for u := m.Last; u < first; u++ {
				if !st.capitalized(u) {
					return ""
				}
			}
			if res := st.r.dict.ResolveMatch(m, st.date); res.Person == nil {
				return res.Code
			}
			return ""
		}
		if !st.capitalized(t) {
			return ""
		}
	}
	return ""
}

// corporate are the words that end company names.
var corporate = map[string]bool{"inc": true, "corp": true, "co": true, "plc": true, "ltd": true, "llc": true, "ag": true,
	"ab": true, "sa": true, "nv": true, "bv": true, "gmbh": true, "corporation": true, "company": true, "group": true,
	"holdings": true, "bancorp": true, "airlines": true, "airways": true, "bank": true}

// hasLetters reports whether s holds at least n letters.
func hasLetters(s string, n int) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			if n--; n <= 0 {
				return true
			}
		}
	}
	return false
}

// resolveSurname links a capitalized word the recognizer missed to the
// person of that surname named before ("Soto said" after "Ana Soto").
func (st *state) resolveSurname(it *item) {
	w := st.d.TokenText(it.first)
	for i := len(st.recent) - 1; i >= 0; i-- {
		e := st.recent[i].ent
		if e.Type != PER || e.Members != nil {
			continue
		}
		if cw := strings.Fields(e.Canonical); len(cw) > 1 && strings.EqualFold(cw[len(cw)-1], w) || surnameFirst(cw, []string{w}) {
			st.add(e, st.mention(it.first, it.last, KindName))
			return
		}
	}
}

// sameName reports whether words name the person canon: one is the other's
// last word(s) ("Soto", "Ana Soto").
func sameName(canon string, words []string) bool {
	cw := strings.Fields(canon)
	if surnameFirst(cw, words) {
		return true
	}
	a, b := cw, words
	if len(a) < len(b) {
		a, b = b, a
	}
	if len(b) == 0 || len(b) == len(a) && !equalFold(a, b) {
		return false
	}
	return equalFold(a[len(a)-len(b):], b)
}

// surnameFirst reports whether one word names a person of two written
// family name first ("Hu" for "Hu Yaobang", "Deng" for "Deng Xiaoping"): the
// word is the name's first and is no given name in the West's order.
func surnameFirst(canon, words []string) bool {
	return len(canon) == 2 && len(words) == 1 && strings.EqualFold(canon[0], words[0]) &&
		!strings.Contains(canon[1], ".") && ner.NameGender(words[0]) == 0
}

func equalFold(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !strings.EqualFold(a[i], b[i]) {
			return false
		}
	}
	return true
}

// appositive codes a person the dictionary does not know from a title
// next to the name: "White House Press Secretary, Ana Soto" (USAGOV),
// "Ana Soto, the White House press secretary", "Russian businessman X".
func (st *state) appositive(first, last int) actor.Code {
	d := st.d
	s := st.sent[first]
	for i := len(st.recent) - 1; i >= 0; i-- {
		r := st.recent[i]
		if r.sent != s || r.last > first {
			continue
		}
		if first-r.last > 4 {
			break
		}
		ok, titled := true, false
		for t := r.last; t < first; t++ {
			switch w := d.TokenText(t); {
			case st.capitalized(t) || strings.ContainsFunc(w, unicode.IsUpper): // "d'Affaires"
				titled = true
			case w == "," && t == r.last:
				// "tried by a tribunal, President Babangida said": the
				// comma ends the earlier phrase
				ok = false
			case w == "," || titleParticle[strings.ToLower(w)]:
			default:
				ok = false
			}
		}
		if ok {
			return st.appositiveCode(r, titled)
		}
		break
	}
	// "Ana Soto, the White House press secretary": look at the next
	// dictionary mention of the sentence, resolved later; match it now.
	if last+1 < len(d.Tokens) && d.TokenText(last) == "," && st.sent[last] == s {
		t := last + 1
		if lowerWord(d, t) == "the" {
			t++
		}
		if t >= len(d.Tokens) || st.sent[t] != s {
			return "" // the comma ends the sentence's words
		}
		for _, m := range st.r.dict.MatchText(d.Text[d.Tokens[t].Start:d.Sentences[s].End]) {
			if m.Start != 0 {
				break
			}
			switch m.Kind {
			case actor.KindMetonym, actor.KindAgent, actor.KindTitle:
				if m.Kind == actor.KindTitle && m.Owner == nil {
					break
				}
				res := st.r.dict.ResolveMatch(&m, st.date)
				if m.Kind == actor.KindTitle && res.Person != nil {
					break // the holder is someone else
				}
				return res.Code
			}
			break
		}
	}
	return ""
}

// titleParticle are the lower-case words inside capitalized titles
// ("Charge d'Affaires", "Minister of State for Trade").
var titleParticle = map[string]bool{"of": true, "for": true, "and": true, "d'": true, "de": true, "the": true, "du": true, "des": true}

// appositiveCode is the code a title next to a name gives its bearer: a
// seat of power or role noun gives its own; a country followed by a
// capitalized title ("Iranian Charge d'Affaires X") its government; a
// country alone ("the Iranian X") the country.
func (st *state) appositiveCode(r recent, titled bool) actor.Code {
	e := r.ent
	switch {
	case r.kind == KindMetonym, r.kind == KindNominal:
		return e.Code
	case strings.HasPrefix(e.key, "C:") && len(e.Code) == 3:
		if titled {
			return e.Code + "GOV"
		}
		return e.Code
	}
	return ""
}

// resolvePronoun links he/she/his/her to a person of the same gender (or
// of unknown gender, failing that): the one mentioned last earlier in the
// pronoun's sentence, else the subject (or first-named person) of the
// nearest of the two previous sentences that names one. A pronoun outside
// quotation marks skips people named inside them.
func (st *state) resolvePronoun(it *item) {
	if it.pronoun == 'n' {
		st.resolveIts(it)
		return
	}
	s := st.sent[it.first]
	q := st.quote[it.first]
	ok := func(r recent) bool {
		e := r.ent
		return e.Type == PER && e.Members == nil && (q || !r.quoted)
	}
	gov := st.governingSubject(it.first)
	pick := func(gender byte) *Entity {
		// the subject of the clause that governs the pronoun's clause:
		// "Reagan assured Chirac that he would not agree" is Reagan
		for i := len(st.recent) - 1; gov >= 0 && i >= 0 && st.recent[i].sent == s; i-- {
			if r := st.recent[i]; r.first <= gov && gov < r.last && ok(r) && (r.ent.gender == gender || r.ent.gender == 0) {
				return r.ent
			}
		}
		// the pronoun's own sentence, nearest first
		for i := len(st.recent) - 1; i >= 0 && st.recent[i].sent == s; i-- {
			if r := st.recent[i]; ok(r) && r.ent.gender == gender {
				return r.ent
			}
		}
		// the previous sentences: the subject, else the first named; a
		// person of unknown gender in a nearer sentence comes before one
		// of the right gender further back ("Ruding said ... He said")
		for back := 1; back <= 2; back++ {
			var first, subj *Entity
			for _, r := range st.recent {
				if r.sent != s-back || !ok(r) || r.ent.gender != gender && r.ent.gender != 0 {
					continue
				}
				if first == nil {
					first = r.ent
				}
				if subj == nil && st.subject(r) {
					subj = r.ent
				}
			}
			if subj != nil {
				return subj
			}
			if first != nil {
				return first
			}
		}
		return nil
	}
	e := pick(it.pronoun)
	if e == nil {
		e = pick(0)
	}
	if e != nil {
		st.add(e, st.mention(it.first, it.last, KindPronoun))
	}
}

// resolveIts links "its" and "it said" to the organization or country
// named last in the same sentence, else to the subject (or first named) of
// the previous sentence: "Iraq said its forces...". Role nouns, groups and
// people are skipped.
func (st *state) resolveIts(it *item) {
	s := st.sent[it.first]
	q := st.quote[it.first]
	ok := func(r recent) bool {
		e := r.ent
		return (e.Type == ORG || e.Type == GPE) && e.Members == nil && (r.kind != KindNominal || named(e)) && r.kind != KindAdjective && (q || !r.quoted)
	}
	// ownSubject: a singular body of a known country that is the subject
	// of this sentence ("The Philippine government has agreed to pay its
	// debt"), which a role noun elsewhere never is.
	ownSubject := func(r recent) bool {
		e := r.ent
		return r.kind == KindNominal && e.Type == ORG && e.Members == nil && len(e.Code) >= 3 && !strings.HasPrefix(string(e.Code), "---") &&
			st.subject(r) && r.last <= it.first && !strings.Contains(st.d.Tokens[r.last-1].Feats, "Number=Plur") && (q || !r.quoted)
	}
	var e, place *Entity
	for i := len(st.recent) - 1; i >= 0 && st.recent[i].sent == s; i-- {
		if r := st.recent[i]; ownSubject(r) {
			e = r.ent
			break
		}
		if r := st.recent[i]; ok(r) {
			if st.locative(r) {
				// "OPEC will meet in Vienna, where it will review its
				// prices": where something happens is seldom what "its"
				// means when a doer is named before it
				if place == nil {
					place = r.ent
				}
				continue
			}
			e = r.ent
			break
		}
	}
	if e == nil {
		e = place
	}
	if e == nil {
		var first, subj *Entity
		for _, r := range st.recent {
			if r.sent != s-1 || !ok(r) {
				continue
			}
			if first == nil {
				first = r.ent
			}
			if subj == nil && st.subject(r) {
				subj = r.ent
			}
		}
		e = subj
		if e == nil {
			e = first
		}
	}
	if e != nil {
		st.add(e, st.mention(it.first, it.last, KindPronoun))
	}
}

// resolveFirstPerson links I, me, my, myself inside quotation marks to
// the speaker: the one person named (or referred to) outside the quotation
// marks in the quote's sentence, or, for a sentence wholly inside a quote
// that goes on from an earlier one, in the nearest of the two previous
// sentences that has one. It runs after every other mention is resolved,
// since the speaker often comes after the quote ("...," he told Fox News).
func (st *state) resolveFirstPerson() {
	d := st.d
	speakerOf := func(s int) *Entity {
		var found *Entity
		for _, r := range st.recent {
			if r.sent != s || r.quoted || r.ent.Type != PER || r.ent.Members != nil {
				continue
			}
			if found != nil && found != r.ent {
				return nil // two candidates: leave it to the quote stage
			}
			found = r.ent
		}
		return found
	}
	for i := range d.Tokens {
		if !st.quote[i] {
			continue
		}
		switch d.TokenText(i) {
		case "I", "me", "my", "myself", "Me", "My":
		default:
			continue
		}
		s := st.sent[i]
		e := speakerOf(s)
		if e == nil && st.wholeQuoted(s) {
			for back := 1; back <= 2 && s-back >= 0 && e == nil; back++ {
				e = speakerOf(s - back)
			}
		}
		if e != nil {
			e.Mentions = append(e.Mentions, st.mention(i, i+1, KindPronoun))
		}
	}
}

// wholeQuoted reports whether every word of sentence s is inside quotation
// marks.
func (st *state) wholeQuoted(s int) bool {
	if s >= len(st.d.Sentences) {
		return false
	}
	sn := st.d.Sentences[s]
	for i := sn.First; i < sn.Last; i++ {
		if !st.quote[i] && hasLetters(st.d.TokenText(i), 1) {
			return false
		}
	}
	return true
}

// subject reports whether a mention's last token is a clause subject in
// the parse (false when the document is not parsed).
// governingSubject returns, for a pronoun that is the subject of a
// complement or adverbial clause ("... that he would", "before he left"),
// the last token of the governing verb's subject when it comes before the
// pronoun, or -1.
func (st *state) governingSubject(p int) int {
	t := st.d.Tokens
	if rel := t[p].Deprel; rel != "nsubj" && rel != "nsubj:pass" {
		return -1
	}
	v := t[p].Head
	if v < 0 {
		return -1
	}
	switch t[v].Deprel {
	case "ccomp", "advcl":
	default:
		return -1
	}
	g := t[v].Head
	if g < 0 {
		return -1
	}
	subj := -1
	for i := p - 1; i >= 0 && st.sent[i] == st.sent[p]; i-- {
		if t[i].Head == g && (t[i].Deprel == "nsubj" || t[i].Deprel == "nsubj:pass") {
			subj = i
			break
		}
	}
	return subj
}

func (st *state) subject(r recent) bool {
	if r.last <= 0 {
		return false
	}
	rel := st.d.Tokens[r.last-1].Deprel
	return rel == "nsubj" || rel == "nsubj:pass"
}

// locative reports whether mention r is a place named in a phrase of
// location ("in Vienna", "at Camp David", "near Basra").
func (st *state) locative(r recent) bool {
	if r.last <= 0 || r.ent.Type != GPE && r.ent.Type != LOC || r.kind != KindName {
		return false
	}
	// The words, not the tree: the parser often misreads "in Vienna
	// next week" as a compound.
	k := r.first - 1
	if k >= 0 && lowerWord(st.d, k) == "the" {
		k--
	}
	if k < 0 {
		return false
	}
	switch lowerWord(st.d, k) {
	case "in", "at", "near":
		return true
	}
	return false
}

// fillTokens maps tokens to the entity of the outermost mention covering
// them.
func (st *state) fillTokens() {
	r := st.res
	r.byTok = make([]int32, len(st.d.Tokens))
	for i := range r.byTok {
		r.byTok[i] = -1
	}
	for _, e := range r.Entities {
		for _, m := range e.Mentions {
			if m.Nested {
				continue
			}
			for t := m.First; t < m.Last; t++ {
				r.byTok[t] = int32(e.ID)
			}
		}
	}
}

func trimThe(s string) string {
	for _, p := range []string{"the ", "The "} {
		if strings.HasPrefix(s, p) {
			return s[len(p):]
		}
	}
	return s
}
