package actor

import (
	"sort"
	"sync"
)

// Dictionary is a loaded, read-only actor dictionary. It is safe for
// concurrent use.
type Dictionary struct {
	entries    []*Entry
	people     []*Person
	personBy   map[string]*Person
	offices    []*Office
	officeByID map[string]*Office
	countries  map[string]string // code -> name
	terms      []termInfo
	issues     []Issue
	trie       *trie
	words      int
	// abbrev holds keys of words written with a full stop that does not end
	// a sentence ("pres", "mr").
	abbrev             map[string]bool
	idOf, idFor, idThe int32
	pool               sync.Pool // *scratch
}

// Entries returns every entry, in the order loaded.
func (d *Dictionary) Entries() []*Entry { return d.entries }

// People returns every person.
func (d *Dictionary) People() []*Person { return d.people }

// Offices returns every office.
func (d *Dictionary) Offices() []*Office { return d.offices }

// Office returns the office with this ID ("RUS.fm"), or nil.
func (d *Dictionary) Office(id string) *Office { return d.officeByID[id] }

// Person returns the person with this name, or nil.
func (d *Dictionary) Person(name string) *Person { return d.personBy[name] }

// CountryName returns the name of a country code, or "".
func (d *Dictionary) CountryName(code string) string { return d.countries[code] }

// Issues returns the problems found while loading, errors and warnings, in
// file order.
func (d *Dictionary) Issues() []Issue { return d.issues }

// Errors counts the issues of severity Error.
func (d *Dictionary) Errors() int {
	n := 0
	for _, i := range d.issues {
		if i.Severity == Error {
			n++
		}
	}
	return n
}

// Stats counts entries by kind, terms, people, offices and tenures.
func (d *Dictionary) Stats() Stats {
	s := Stats{Entries: len(d.entries), ByKind: map[Kind]int{}, TermsByKind: map[Kind]int{}, Terms: len(d.trie.payloads), People: len(d.people), Offices: len(d.offices), Words: d.words}
	for _, e := range d.entries {
		s.ByKind[e.Kind]++
	}
	for _, p := range d.trie.payloads {
		s.TermsByKind[d.entries[p.entry].Kind]++
	}
	for _, o := range d.offices {
		s.Tenures += len(o.Holders)
	}
	return s
}

// Lookup returns the entries of a term written exactly as text would be,
// ignoring letter case ("Russian", "prime minister", "@POTUS").
func (d *Dictionary) Lookup(term string) []*Entry {
	s := d.getScratch()
	defer d.pool.Put(s)
	s.sc.reset()
	s.sc.scan(term, 0)
	node := int32(0)
	for i := range s.sc.pieces {
		id, ok := d.trie.vocab[string(s.sc.key(&s.sc.pieces[i]))]
		if !ok {
			return nil
		}
		if node = d.trie.next(node, id); node < 0 {
			return nil
		}
	}
	var out []*Entry
	seen := map[int32]bool{}
	for _, p := range d.trie.terms(node) {
		if !seen[p.entry] {
			seen[p.entry] = true
			out = append(out, d.entries[p.entry])
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}
