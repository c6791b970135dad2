package actor

import (
	"fmt"
	"sort"
	"strings"
)

// TermFlags qualify a term added to a Builder.
type TermFlags uint8

// Term flags.
const (
	// Plural marks the plural form of a title or agent ("ministers"): it
	// never resolves to a single office holder.
	Plural = TermFlags(tPlural)
	// Titled marks a name that counts only right after a title or honorific
	// ("Prime Minister May", "Mrs May", never the month).
	Titled = TermFlags(tTitled)
	// Shared marks a name several people share ("Clinton"); the date and a
	// preceding title choose between them.
	Shared = TermFlags(tShared)
	// AnyCase matches the term in any letter case.
	AnyCase = TermFlags(tAnyCase)
	// Legacy marks a term of a PETRARCH dictionary: defined again, the later
	// definition replaces it (with a warning) instead of being an error.
	Legacy = TermFlags(tLegacy)
	// LegacyCase is for dictionaries written in capitals (PETRARCH): a
	// one-word term of at most three letters must be upper case in the text
	// ("US", "UN"); a longer term matches in any case as long as one of its
	// words has a capital ("Hamas gunmen", "president George W. Bush", never
	// "bush").
	LegacyCase TermFlags = 1 << 7
)

// termInfo keeps a term's surface and source for messages.
type termInfo struct {
	Surface string
	Source  string
}

type pending struct {
	node int32
	p    payload
}

// Builder assembles a Dictionary. Loaders add entries and their terms, then
// call Build once.
type Builder struct {
	d      *Dictionary
	vocab  map[string]int32
	words  []string
	edges  map[uint64]int32
	nnodes int32
	pend   []pending
	sc     scanner
	built  bool
}

// NewBuilder starts a dictionary. A term defined twice is an error unless
// the entries are people marked Shared or their validity ranges do not
// overlap; terms marked Legacy (PETRARCH dictionaries) keep their last
// definition with a warning instead.
func NewBuilder() *Builder {
	b := &Builder{
		d: &Dictionary{
			officeByID: map[string]*Office{},
			personBy:   map[string]*Person{},
			countries:  map[string]string{},
			abbrev:     map[string]bool{},
		},
		vocab:  map[string]int32{},
		edges:  map[uint64]int32{},
		nnodes: 1,
	}
	for _, a := range builtinAbbrev {
		b.d.abbrev[a] = true
	}
	b.sc.abbrev = func(k []byte) bool { return b.d.abbrev[string(k)] }
	b.d.idOf = b.word("of")
	b.d.idFor = b.word("for")
	b.d.idThe = b.word("the")
	return b
}

// builtinAbbrev are short words whose full stop does not end a sentence.
var builtinAbbrev = []string{"mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "col", "lt", "sgt", "capt", "maj", "pres", "prof", "jr", "sr", "adm", "cmdr", "brig", "rev", "hon", "amb", "sec", "secy", "min", "no", "vs", "etc", "inc", "co", "corp", "ltd", "dept"}

// Errorf records an error in a dictionary at src ("file:line").
func (b *Builder) Errorf(src, format string, args ...any) {
	b.d.issues = append(b.d.issues, Issue{Error, src, fmt.Sprintf(format, args...)})
}

// Warnf records a warning at src.
func (b *Builder) Warnf(src, format string, args ...any) {
	b.d.issues = append(b.d.issues, Issue{Warning, src, fmt.Sprintf(format, args...)})
}

// SetCountry names a country code ("RUS" -> "Russia") for messages, code
// checks and output.
func (b *Builder) SetCountry(code, name string) {
	if _, ok := b.d.countries[code]; !ok {
		b.d.countries[code] = name
	}
}

// HasCountry reports whether code was named with SetCountry.
func (b *Builder) HasCountry(code string) bool {
	_, ok := b.d.countries[code]
	return ok
}

// CheckCode validates an own-dictionary code against the countries named so far.
func (b *Builder) CheckCode(code string) error { return checkCode(code, b.d.countries) }

// AddEntry adds e and returns it with its ID set.
func (b *Builder) AddEntry(e *Entry) *Entry {
	e.ID = len(b.d.entries)
	b.d.entries = append(b.d.entries, e)
	return e
}

// AddOffice adds an office; its ID must be new.
func (b *Builder) AddOffice(o *Office) error {
	if prev, ok := b.d.officeByID[o.ID]; ok {
		return fmt.Errorf("office %s already defined at %s", o.ID, prev.Source)
	}
	b.d.officeByID[o.ID] = o
	b.d.offices = append(b.d.offices, o)
	return nil
}

// Office returns the office with this ID, or nil.
func (b *Builder) Office(id string) *Office { return b.d.officeByID[id] }

// AddPerson adds a person with an entry of KindPerson; the name must be new.
func (b *Builder) AddPerson(p *Person) error {
	if prev, ok := b.d.personBy[p.Name]; ok {
		return fmt.Errorf("person %q already defined at %s", p.Name, prev.Source)
	}
	b.d.personBy[p.Name] = p
	b.d.people = append(b.d.people, p)
	p.Entry = b.AddEntry(&Entry{Kind: KindPerson, Name: p.Name, Person: p, Source: p.Source})
	return nil
}

// Person returns the person with this name, or nil.
func (b *Builder) Person(name string) *Person { return b.d.personBy[name] }

// AddTenure records that t.Person held t.Office over t.Range.
func (b *Builder) AddTenure(t *Tenure) {
	t.Office.Holders = append(t.Office.Holders, t)
	t.Person.Roles = append(t.Person.Roles, t)
}

func (b *Builder) word(w string) int32 {
	if id, ok := b.vocab[w]; ok {
		return id
	}
	id := int32(len(b.words))
	b.vocab[w] = id
	b.words = append(b.words, w)
	return id
}

// Key returns the normalized form of a term: its pieces joined by spaces
// ("U.S. Secretary-of-State" -> "us secretary of state").
func (b *Builder) Key(term string) string {
	sc := &b.sc
	sc.reset()
	sc.scan(term, 0)
	var sb strings.Builder
	for i := range sc.pieces {
		if i > 0 {
			sb.WriteByte(' ')
		}
		sb.Write(sc.key(&sc.pieces[i]))
	}
	return sb.String()
}

// AddTerm adds a term (a name, alias, title...) for entry e. It returns the
// number of words, 0 when the term has none (an issue is recorded).
func (b *Builder) AddTerm(e *Entry, term string, flags TermFlags, src string) int {
	sc := &b.sc
	sc.reset()
	sc.scan(term, 0)
	ps := sc.pieces
	if len(ps) == 0 {
		b.Errorf(src, "term %q has no letters or digits", term)
		return 0
	}
	p := payload{entry: int32(e.ID), term: int32(len(b.d.terms)), flags: uint8(flags) &^ uint8(LegacyCase)}
	if len(ps) > 255 {
		b.Errorf(src, "term %q is too long", term)
		return 0
	}
	p.n = uint8(len(ps))
	node := int32(0)
	for i := range ps {
		pc := &ps[i]
		key := string(sc.key(pc))
		if i > 0 && pc.flags&pBreak != 0 {
			p.flags |= tBreakIn
		}
		if pc.flags&pDotEnds != 0 && pc.flags&pAbbrev == 0 {
			b.d.abbrev[key] = true // "Pres." is written with its full stop
		}
		var c uint32
		switch {
		case flags&AnyCase != 0 || pc.flags&pHandle != 0:
		case flags&LegacyCase != 0:
			if len(ps) == 1 && len(key) <= 3 {
				c = caseUpper
			} else {
				p.flags |= tSomeCap
			}
		case pc.flags&pUpper != 0 && pc.flags&pLower == 0 && len(key) >= 2:
			c = caseUpper
		case pc.flags&pUpper != 0:
			c = caseCap
		}
		if i < 16 {
			p.cases |= c << (2 * i)
		}
		w := b.word(key)
		k := uint64(node)<<32 | uint64(uint32(w))
		next, ok := b.edges[k]
		if !ok {
			next = b.nnodes
			b.nnodes++
			b.edges[k] = next
		}
		node = next
	}
	b.d.terms = append(b.d.terms, termInfo{term, src})
	b.pend = append(b.pend, pending{node, p})
	return len(ps)
}

// Build finishes the dictionary: it resolves terms defined twice, freezes
// the trie, orders office holders and checks that they do not overlap. The
// Builder must not be used afterwards.
func (b *Builder) Build() *Dictionary {
	if b.built {
		panic("actor: Builder.Build called twice")
	}
	b.built = true
	d := b.d
	sort.SliceStable(b.pend, func(i, j int) bool { return b.pend[i].node < b.pend[j].node })
	kept := b.pend[:0]
	for i := 0; i < len(b.pend); {
		j := i + 1
		for j < len(b.pend) && b.pend[j].node == b.pend[i].node {
			j++
		}
		kept = append(kept, b.resolveTerm(b.pend[i:j])...)
		i = j
	}
	b.freeze(kept)
	for _, o := range d.offices {
		sort.SliceStable(o.Holders, func(i, j int) bool { return o.Holders[i].From < o.Holders[j].From })
		for i, t := range o.Holders {
			if t.To != 0 && t.To <= t.From {
				b.Errorf(t.Source, "%s: %s ends %s, before it starts %s", o.ID, t.Person.Name, t.To, t.From)
			}
			if i > 0 {
				prev := o.Holders[i-1]
				if prev.To == 0 || prev.To > t.From {
					b.Errorf(t.Source, "%s: %s from %s overlaps %s (%s, %s)", o.ID, t.Person.Name, t.From, prev.Person.Name, prev.Range, prev.Source)
				}
			}
		}
	}
	for _, p := range d.people {
		sort.SliceStable(p.Roles, func(i, j int) bool { return p.Roles[i].From < p.Roles[j].From })
	}
	return d
}

// resolveTerm decides which of the terms ending at one trie node stay:
// duplicates go, and conflicts are reported (own data) or resolved in favour
// of the last definition (legacy).
func (b *Builder) resolveTerm(g []pending) []pending {
	if len(g) == 1 {
		return g
	}
	d := b.d
	out := g[:0:0]
	legacy := false
	for _, p := range g {
		legacy = legacy || p.p.flags&tLegacy != 0
	}
	if legacy {
		last := g[len(g)-1]
		for _, p := range g[:len(g)-1] {
			if p.p.entry != last.p.entry {
				e, l := d.entries[p.p.entry], d.entries[last.p.entry]
				if !sameCodes(e, l) {
					b.Warnf(d.terms[last.p.term].Source, "term %q is defined again with other codes; %s replaces %s (%s)",
						d.terms[last.p.term].Surface, describeCodes(l), describeCodes(e), d.terms[p.p.term].Source)
				}
			}
		}
		return append(out, last)
	}
	for i, a := range g {
		dup := false
		for _, c := range g[:i] {
			ta, tc := d.terms[a.p.term], d.terms[c.p.term]
			ea, ec := d.entries[a.p.entry], d.entries[c.p.entry]
			if a.p.entry == c.p.entry {
				if ta.Surface == tc.Surface && a.p.flags == c.p.flags {
					b.Warnf(ta.Source, "duplicate term %q (also at %s)", ta.Surface, tc.Source)
					dup = true
				}
				continue
			}
			switch {
			case ea.Kind == KindPerson && ec.Kind == KindPerson && a.p.flags&c.p.flags&tShared != 0:
			case !ea.Valid.Overlaps(ec.Valid):
			case ea.Kind == KindPerson && ec.Kind == KindPerson:
				b.Errorf(ta.Source, "name %q is %s and %s (%s): mark it ?shared in both", ta.Surface, ea.Name, ec.Name, tc.Source)
			case a.p.flags&tTitled != c.p.flags&tTitled:
				b.Errorf(ta.Source, "term %q (%s %s) shadows %q (%s %s, %s)", ta.Surface, ea.Kind, ea.Name, tc.Surface, ec.Kind, ec.Name, tc.Source)
			case ea.Kind == ec.Kind && ea.Code == ec.Code:
				b.Errorf(ta.Source, "duplicate entry: term %q (%s %s) is already in %s %s (%s)", ta.Surface, ea.Kind, ea.Code, ec.Kind, ec.Name, tc.Source)
			default:
				b.Errorf(ta.Source, "conflicting codes for term %q: %s %s %s here, %s %s %s at %s", ta.Surface, ea.Kind, ea.Name, describeCodes(ea), ec.Kind, ec.Name, describeCodes(ec), tc.Source)
			}
		}
		if !dup {
			out = append(out, a)
		}
	}
	return out
}

func sameCodes(a, b *Entry) bool {
	if a.Code != b.Code || len(a.Dated) != len(b.Dated) || a.Prefix != b.Prefix || a.Kind != b.Kind {
		return false
	}
	for i := range a.Dated {
		if a.Dated[i] != b.Dated[i] {
			return false
		}
	}
	return true
}

func describeCodes(e *Entry) string {
	var sb strings.Builder
	sb.WriteByte('[')
	for i, dc := range e.Dated {
		if i > 0 {
			sb.WriteByte(' ')
		}
		fmt.Fprintf(&sb, "%s %s", dc.Code, dc.Range)
	}
	if e.Code != "" || len(e.Dated) == 0 {
		if len(e.Dated) > 0 {
			sb.WriteByte(' ')
		}
		c := e.Code
		if e.Prefix {
			c += "~"
		}
		if c == "" {
			c = "-"
		}
		sb.WriteString(c)
	}
	sb.WriteByte(']')
	return sb.String()
}

// freeze lays the trie out in arrays.
func (b *Builder) freeze(kept []pending) {
	t := &trie{vocab: b.vocab}
	n := int(b.nnodes)
	t.rootNext = make([]int32, len(b.words))
	for i := range t.rootNext {
		t.rootNext[i] = -1
	}
	type edge struct{ from, word, to int32 }
	edges := make([]edge, 0, len(b.edges))
	for k, to := range b.edges {
		from, w := int32(k>>32), int32(uint32(k))
		if from == 0 {
			t.rootNext[w] = to
			continue
		}
		edges = append(edges, edge{from, w, to})
	}
	b.edges = nil
	sort.Slice(edges, func(i, j int) bool {
		if edges[i].from != edges[j].from {
			return edges[i].from < edges[j].from
		}
		return edges[i].word < edges[j].word
	})
	t.start = make([]int32, n+1)
	t.ewords = make([]int32, len(edges))
	t.enodes = make([]int32, len(edges))
	for i, e := range edges {
		t.start[e.from+1]++
		t.ewords[i] = e.word
		t.enodes[i] = e.to
	}
	for i := 1; i <= n; i++ {
		t.start[i] += t.start[i-1]
	}
	t.pstart = make([]int32, n+1)
	t.payloads = make([]payload, len(kept))
	for i, p := range kept {
		t.pstart[p.node+1]++
		t.payloads[i] = p.p
	}
	for i := 1; i <= n; i++ {
		t.pstart[i] += t.pstart[i-1]
	}
	b.d.trie = t
	b.d.words = len(b.words)
}
