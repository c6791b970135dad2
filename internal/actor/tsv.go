package actor

import (
	"bufio"
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"sort"
	"strings"
	"sync"
)

// The own dictionary is nine tab-separated files (see docs/actors.md):
//
//	countries.tsv  CODE  KIND  TERMS  [VALID]   name, adj, capital, region, metonym
//	cities.tsv     CODE  KIND  TERMS  [VALID]   city
//	orgs.tsv       CODE  KIND  TERMS  [VALID]   igo, ngo, media, nsa
//	companies.tsv  CODE  KIND  TERMS  [VALID]   company
//	agents.tsv     ROLE  KIND  TERMS            agent, honorific, modifier
//	titles.tsv     &SET  ROLE  TERMS  [owner-only]
//	offices.tsv    OFFICE  OWNER  CODE  TITLES  LABEL
//	people.tsv     NAME  BASE  ALIASES
//	holders.tsv    OFFICE  START  END  PERSON
//
// TERMS are separated by " | ". Lines starting with '#' and blank lines are
// skipped.

//go:embed data/*.tsv
var embedded embed.FS

// Files are the own dictionary's files in load order.
var Files = []string{"countries.tsv", "cities.tsv", "orgs.tsv", "companies.tsv", "agents.tsv", "titles.tsv", "offices.tsv", "people.tsv", "holders.tsv"}

var (
	loadOnce sync.Once
	loaded   *Dictionary
	loadErr  error
)

// Load returns dyad's own dictionary, embedded in the binary, loaded once.
// Problems in the data are in Dictionary.Issues; a test keeps them at zero.
func Load() (*Dictionary, error) {
	loadOnce.Do(func() {
		b := NewBuilder()
		sub, err := fs.Sub(embedded, "data")
		if err == nil {
			err = LoadTSV(b, sub, true)
		}
		if err != nil {
			loadErr = err
			return
		}
		loaded = b.Build()
	})
	return loaded, loadErr
}

// LoadTSV reads the own-format files found in fsys (all of Files when
// required) into b. Problems in the data become issues of b; the error is
// for missing or unreadable files.
func LoadTSV(b *Builder, fsys fs.FS, required bool) error {
	l := &tsvLoader{b: b, sets: map[string]*Entry{}, literal: map[string]*literalTitle{}}
	for _, name := range Files {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			if !required && errors.Is(err, fs.ErrNotExist) {
				continue
			}
			return fmt.Errorf("actor dictionary: %w", err)
		}
		recs, err := readTSV(name, bytes.NewReader(data))
		if err != nil {
			return err
		}
		switch name {
		case "countries.tsv", "cities.tsv", "orgs.tsv", "companies.tsv":
			l.codes(recs)
		case "agents.tsv":
			l.agents(recs)
		case "titles.tsv":
			l.titles(recs)
		case "offices.tsv":
			l.offices(recs)
		case "people.tsv":
			l.people(recs)
		case "holders.tsv":
			l.holders(recs)
		}
	}
	l.finish()
	return nil
}

// record is one data line split at tabs.
type record struct {
	src    string // "file:line"
	fields []string
}

// readTSV splits a file into records, skipping comments and blank lines.
func readTSV(name string, r io.Reader) ([]record, error) {
	var out []record
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		t := strings.TrimRight(sc.Text(), " \r")
		if line == 1 {
			t = strings.TrimPrefix(t, "\ufeff")
		}
		if strings.TrimSpace(t) == "" || strings.HasPrefix(strings.TrimSpace(t), "#") {
			continue
		}
		out = append(out, record{fmt.Sprintf("%s:%d", name, line), strings.Split(t, "\t")})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", name, line+1, err)
	}
	return out, nil
}

type tsvLoader struct {
	b       *Builder
	sets    map[string]*Entry        // "&president" -> title entry
	literal map[string]*literalTitle // normalized literal title -> offices
	litOrd  []string
	orgs    map[string]bool // organization codes, for office owners
}

func (l *tsvLoader) fields(r record, min, max int) ([]string, bool) {
	if len(r.fields) < min || len(r.fields) > max {
		want := fmt.Sprint(min)
		if max > min {
			want = fmt.Sprintf("%d or %d", min, max)
		}
		l.b.Errorf(r.src, "want %s tab-separated fields, got %d", want, len(r.fields))
		return nil, false
	}
	for i, f := range r.fields {
		if strings.TrimSpace(f) != f {
			l.b.Errorf(r.src, "field %d %q has spaces around it", i+1, f)
			return nil, false
		}
		if f == "" {
			l.b.Errorf(r.src, "field %d is empty", i+1)
			return nil, false
		}
	}
	return r.fields, true
}

// splitTerms splits "a | b | c".
func splitTerms(s string) []string {
	var out []string
	for _, t := range strings.Split(s, "|") {
		if t = strings.TrimSpace(t); t != "" {
			out = append(out, t)
		}
	}
	return out
}

var codeKinds = map[string]Kind{
	"name": KindCountry, "adj": KindAdjective, "capital": KindCapital, "region": KindRegion, "metonym": KindMetonym,
	// a city is coded as its country, as a capital is
	"city": KindCapital,
	"igo":  KindIGO, "ngo": KindNGO, "nsa": KindNSA,
	// news media are non-governmental bodies whose code carries MED, and
	// companies ones whose code carries BUS
	"media": KindNGO, "company": KindNGO,
}

// codes reads countries.tsv and orgs.tsv: CODE KIND TERMS [VALID].
func (l *tsvLoader) codes(recs []record) {
	b := l.b
	if l.orgs == nil {
		l.orgs = map[string]bool{}
	}
	// country names first, so that codes anywhere in the file can be checked
	for _, r := range recs {
		if len(r.fields) >= 3 && r.fields[1] == "name" && len(r.fields[0]) == 3 {
			if ts := splitTerms(r.fields[2]); len(ts) > 0 {
				b.SetCountry(r.fields[0], ts[0])
			}
		}
	}
	for _, r := range recs {
		f, ok := l.fields(r, 3, 4)
		if !ok {
			continue
		}
		code, kname := f[0], f[1]
		kind, ok := codeKinds[kname]
		if !ok {
			b.Errorf(r.src, "unknown kind %q (want name, adj, capital, city, region, metonym, igo, ngo, media, company or nsa)", kname)
			continue
		}
		if err := b.CheckCode(code); err != nil {
			b.Errorf(r.src, "%v", err)
			continue
		}
		owner := code
		switch kind {
		case KindCountry, KindAdjective, KindCapital:
			if len(code) != 3 || !b.HasCountry(code) {
				b.Errorf(r.src, "%s line needs a country code, got %q", kname, code)
				continue
			}
		case KindMetonym:
			if b.HasCountry(code[:3]) {
				owner = code[:3]
			}
		case KindRegion:
			if len(code) != 3 || b.HasCountry(code) {
				b.Errorf(r.src, "region line needs a CAMEO region code, got %q", code)
				continue
			}
		default:
			l.orgs[code] = true
		}
		var valid Range
		if len(f) == 4 {
			var err error
			if valid, err = ParseRange(f[3]); err != nil {
				b.Errorf(r.src, "%v", err)
				continue
			}
		}
		terms := splitTerms(f[2])
		if len(terms) == 0 {
			b.Errorf(r.src, "no terms")
			continue
		}
		e := b.AddEntry(&Entry{Kind: kind, Name: terms[0], Code: code, Owner: owner, Valid: valid, Source: r.src})
		for _, t := range terms {
			l.addTerm(e, t, 0, r.src)
			if kname == "company" {
				for _, sfx := range corporateSuffixes {
					if !hasWordSuffix(t, sfx) {
						l.addTerm(e, t+" "+sfx, 0, r.src)
					}
				}
			}
		}
	}
}

// corporateSuffixes follow a company's name in news ("General Electric Co",
// "Nestle SA"); each company term is also a term with each of them, so
// that the name's span takes them in. A full stop after one is matched
// too ("Co.").
var corporateSuffixes = []string{"Co", "Corp", "Corporation", "Company", "Inc", "Ltd", "plc", "PLC", "AG", "SA", "NV", "Group"}

// hasWordSuffix reports whether the term t ends in the word w.
func hasWordSuffix(t, w string) bool {
	return strings.HasSuffix(t, " "+w)
}

// addTerm adds a term of the own data; a hard break inside is an error.
func (l *tsvLoader) addTerm(e *Entry, t string, flags TermFlags, src string) {
	if strings.ContainsAny(t, "{}[]~?") {
		l.b.Errorf(src, "term %q has a stray marker character", t)
		return
	}
	if n := l.b.AddTerm(e, t, flags, src); n > 0 && l.b.pend[len(l.b.pend)-1].p.flags&tBreakIn != 0 {
		l.b.Errorf(src, "term %q has punctuation that text is never matched across", t)
	}
}

// pluralTerms splits "spokesman {spokesmen}", "police {}" or "minister"
// (regular plural) into singular and plural forms.
func pluralTerms(t string) (sing, plur string, err error) {
	if i := strings.IndexByte(t, '{'); i >= 0 {
		j := strings.IndexByte(t, '}')
		if j < i || strings.TrimSpace(t[j+1:]) != "" {
			return "", "", fmt.Errorf("term %q: want NOUN {PLURAL}", t)
		}
		return strings.TrimSpace(t[:i]), strings.TrimSpace(t[i+1 : j]), nil
	}
	return t, PluralOf(t), nil
}

// PluralOf returns the regular English plural of a noun phrase: its head
// (the word before " of ", else the last word) takes -s, -es or -ies;
// "-man" becomes "-men".
func PluralOf(t string) string {
	head := t
	rest := ""
	if i := strings.Index(t, " of "); i > 0 {
		head, rest = t[:i], t[i:]
	}
	lw := head
	pre := ""
	if i := strings.LastIndexAny(head, " -"); i >= 0 {
		pre, lw = head[:i+1], head[i+1:]
	}
	low := strings.ToLower(lw)
	switch {
	case strings.HasSuffix(low, "man") && len(low) > 3 && low != "human" && low != "german" && low != "roman" && low != "ottoman":
		lw = lw[:len(lw)-2] + "en"
	case strings.HasSuffix(low, "y") && len(low) > 1 && !strings.ContainsRune("aeiou", rune(low[len(low)-2])):
		lw = lw[:len(lw)-1] + "ies"
	case strings.HasSuffix(low, "s") || strings.HasSuffix(low, "x") || strings.HasSuffix(low, "z") || strings.HasSuffix(low, "ch") || strings.HasSuffix(low, "sh"):
		lw += "es"
	default:
		lw += "s"
	}
	return pre + lw + rest
}

// agents reads agents.tsv: ROLE KIND TERMS.
func (l *tsvLoader) agents(recs []record) {
	b := l.b
	for _, r := range recs {
		f, ok := l.fields(r, 3, 3)
		if !ok {
			continue
		}
		role, kname := f[0], f[1]
		var kind Kind
		switch kname {
		case "agent":
			kind = KindAgent
			if err := checkRole(role); err != nil {
				b.Errorf(r.src, "%v", err)
				continue
			}
		case "honorific":
			kind = KindHonorific
		case "modifier":
			kind = KindModifier
			if role != "ELI" && role != "-" {
				b.Errorf(r.src, "a modifier's role is ELI (former) or - (deputy), got %q", role)
				continue
			}
		default:
			b.Errorf(r.src, "unknown kind %q (want agent, honorific or modifier)", kname)
			continue
		}
		if role == "-" {
			role = ""
		}
		l.plurals(kind, role, f[2], r.src)
	}
}

// plurals adds an entry whose terms take plural forms (agents, title sets).
func (l *tsvLoader) plurals(kind Kind, role, terms, src string) *Entry {
	ts := splitTerms(terms)
	if len(ts) == 0 {
		l.b.Errorf(src, "no terms")
		return nil
	}
	sing0, _, _ := pluralTerms(ts[0])
	e := l.b.AddEntry(&Entry{Kind: kind, Name: sing0, Code: role, Source: src})
	for _, t := range ts {
		if kind != KindAgent && kind != KindTitle {
			l.addTerm(e, t, 0, src)
			continue
		}
		sing, plur, err := pluralTerms(t)
		if err != nil {
			l.b.Errorf(src, "%v", err)
			continue
		}
		l.addTerm(e, sing, 0, src)
		if plur != "" && plur != sing {
			l.addTerm(e, plur, Plural, src)
		}
	}
	return e
}

func checkRole(role string) error {
	if role == "" || len(role)%3 != 0 {
		return fmt.Errorf("role %q is not three-letter role codes", role)
	}
	for i := 0; i < len(role); i += 3 {
		if !roleCodes[role[i:i+3]] {
			return fmt.Errorf("role %q: %s is not a role code", role, role[i:i+3])
		}
	}
	return nil
}

// titles reads titles.tsv: &SET ROLE TERMS [owner-only].
func (l *tsvLoader) titles(recs []record) {
	for _, r := range recs {
		f, ok := l.fields(r, 3, 4)
		if !ok {
			continue
		}
		set, role := f[0], f[1]
		if len(set) < 2 || set[0] != '&' {
			l.b.Errorf(r.src, "title set %q must start with &", set)
			continue
		}
		if prev, ok := l.sets[set]; ok {
			l.b.Errorf(r.src, "title set %s already defined at %s", set, prev.Source)
			continue
		}
		if err := checkRole(role); err != nil {
			l.b.Errorf(r.src, "%v", err)
			continue
		}
		if len(f) == 4 && f[3] != "owner-only" {
			l.b.Errorf(r.src, "unknown option %q (want owner-only)", f[3])
			continue
		}
		if e := l.plurals(KindTitle, role, f[2], r.src); e != nil {
			e.OwnerOnly = len(f) == 4
			l.sets[set] = e
		}
	}
}

// offices reads offices.tsv: OFFICE OWNER CODE TITLES LABEL.
func (l *tsvLoader) offices(recs []record) {
	b := l.b
	for _, r := range recs {
		f, ok := l.fields(r, 5, 5)
		if !ok {
			continue
		}
		id, owner, code := f[0], f[1], f[2]
		if !(b.HasCountry(owner) || l.orgs[owner]) {
			b.Errorf(r.src, "office %s: owner %q is neither a country nor an organization code", id, owner)
			continue
		}
		if err := b.CheckCode(code); err != nil {
			b.Errorf(r.src, "office %s: %v", id, err)
			continue
		}
		if !strings.HasPrefix(code, owner) {
			b.Errorf(r.src, "office %s: code %s does not begin with its owner %s", id, code, owner)
			continue
		}
		o := &Office{ID: id, Owner: owner, Code: code, Label: f[4], Source: r.src}
		if err := b.AddOffice(o); err != nil {
			b.Errorf(r.src, "%v", err)
			continue
		}
		if f[3] == "-" {
			continue
		}
		for _, t := range splitTerms(f[3]) {
			if t[0] == '&' {
				set, ok := l.sets[t]
				if !ok {
					b.Errorf(r.src, "office %s: title set %s is not in titles.tsv", id, t)
					continue
				}
				if prev := officeFor(set, owner); prev != nil {
					b.Errorf(r.src, "title set %s names both %s and %s of %s", t, prev.ID, id, owner)
					continue
				}
				set.Offices = append(set.Offices, o)
				continue
			}
			// literal titles sharing a normalized form ("UN chief", "U.N.
			// chief") are one entry
			k := b.Key(t)
			lit, ok := l.literal[k]
			if !ok {
				lit = &literalTitle{src: r.src}
				l.literal[k] = lit
				l.litOrd = append(l.litOrd, k)
			}
			if len(lit.offices) == 0 || lit.offices[len(lit.offices)-1] != o {
				lit.offices = append(lit.offices, o)
			}
			lit.terms = append(lit.terms, t)
		}
	}
	// literal titles: alone they name their office when only one office
	// uses them
	for _, k := range l.litOrd {
		lit := l.literal[k]
		o := lit.offices[0]
		e := b.AddEntry(&Entry{Kind: KindTitle, Name: lit.terms[0], Code: strings.TrimPrefix(o.Code, o.Owner), Offices: lit.offices, Standalone: len(lit.offices) == 1, Source: lit.src})
		for _, t := range lit.terms {
			l.addTerm(e, t, 0, lit.src)
		}
	}
}

// literalTitle is an office title written out in offices.tsv.
type literalTitle struct {
	src     string
	offices []*Office
	terms   []string
}

// people reads people.tsv: NAME BASE ALIASES.
func (l *tsvLoader) people(recs []record) {
	b := l.b
	for _, r := range recs {
		f, ok := l.fields(r, 3, 3)
		if !ok {
			continue
		}
		name, base := f[0], f[1]
		if err := b.CheckCode(base); err != nil {
			b.Errorf(r.src, "%s: %v", name, err)
			continue
		}
		if !b.HasCountry(base[:3]) {
			b.Errorf(r.src, "%s: base %s does not begin with a country", name, base)
			continue
		}
		p := &Person{Name: name, Country: base[:3], Source: r.src}
		if len(base) > 3 {
			p.Base = base
		}
		if err := b.AddPerson(p); err != nil {
			b.Errorf(r.src, "%v", err)
			continue
		}
		l.addTerm(p.Entry, name, 0, r.src)
		if f[2] == "-" {
			continue
		}
		for _, a := range splitTerms(f[2]) {
			var flags TermFlags
			for len(a) > 0 && (a[0] == '~' || a[0] == '?') {
				if a[0] == '~' {
					flags |= Titled
				} else {
					flags |= Shared
				}
				a = a[1:]
			}
			l.addTerm(p.Entry, a, flags, r.src)
		}
	}
}

// holders reads holders.tsv: OFFICE START END PERSON.
func (l *tsvLoader) holders(recs []record) {
	b := l.b
	for _, r := range recs {
		f, ok := l.fields(r, 4, 4)
		if !ok {
			continue
		}
		o := b.Office(f[0])
		if o == nil {
			b.Errorf(r.src, "office %q is not in offices.tsv", f[0])
			continue
		}
		p := b.Person(f[3])
		if p == nil {
			b.Errorf(r.src, "person %q is not in people.tsv", f[3])
			continue
		}
		from, err := ParseDate(f[1])
		if err != nil {
			b.Errorf(r.src, "start: %v", err)
			continue
		}
		var to Date
		if f[2] != "-" {
			if to, err = ParseDate(f[2]); err != nil {
				b.Errorf(r.src, "end: %v", err)
				continue
			}
		}
		b.AddTenure(&Tenure{Office: o, Person: p, Range: Range{from, to}, Source: r.src})
	}
}

// finish reports what is defined but unused.
func (l *tsvLoader) finish() {
	b := l.b
	names := make([]string, 0, len(l.sets))
	for s := range l.sets {
		names = append(names, s)
	}
	sort.Strings(names)
	for _, s := range names {
		if e := l.sets[s]; len(e.Offices) == 0 {
			b.Warnf(e.Source, "title set %s names no office (a role noun belongs in agents.tsv)", s)
		}
	}
	for _, o := range b.d.offices {
		if len(o.Holders) == 0 {
			b.Warnf(o.Source, "office %s has no holders", o.ID)
		}
	}
	for _, p := range b.d.people {
		if len(p.Roles) == 0 && p.Base == "" {
			b.Warnf(p.Source, "%s holds no listed office and has no base code: always %sELI", p.Name, p.Country)
		}
	}
}
