package actor

import "strings"

// Resolution is the code of a mention on a date and, when known, who and
// which office it names.
type Resolution struct {
	Code   Code
	Person *Person // the person named, or the holder of the title named
	Office *Office // the office held on the date that gave the code
}

// Resolve returns the code of a single entry on date d (0: undated). A
// person's code is that of the office held on the date; out of office (before,
// between or after terms) it is the person's base code, their country + ELI
// unless the dictionary says otherwise. A title that names one office by
// itself ("@POTUS") gives its holder's code; an agent alone has no country
// ("---MIL"). An empty code means the entry has none on that date.
func (dict *Dictionary) Resolve(e *Entry, d Date) Code {
	switch e.Kind {
	case KindPerson:
		return dict.resolvePerson(e.Person, d).Code
	case KindTitle:
		if e.Standalone && len(e.Offices) == 1 {
			return Code(e.Offices[0].Code)
		}
		return Code("---" + e.Code)
	case KindAgent:
		if e.Prefix {
			return Code(e.Code)
		}
		return Code("---" + e.Code)
	case KindHonorific, KindModifier:
		return ""
	}
	for _, dc := range e.Dated {
		if dc.Range.Contains(d) {
			return Code(dc.Code)
		}
	}
	return Code(e.Code)
}

// resolvePerson finds the office p holds on date d, preferring one of the
// person's own country when several are held.
func (dict *Dictionary) resolvePerson(p *Person, d Date) Resolution {
	var best *Tenure
	for _, t := range p.Roles {
		if d != 0 && t.Contains(d) && (best == nil || best.Office.Owner != p.Country && t.Office.Owner == p.Country) {
			best = t
		}
	}
	if best != nil {
		return Resolution{Code: Code(best.Office.Code), Person: p, Office: best.Office}
	}
	return Resolution{Code: Code(p.baseCode()), Person: p}
}

func (p *Person) baseCode() string {
	if p.Base != "" {
		return p.Base
	}
	return p.Country + "ELI"
}

// ResolveMatch returns the code of a mention on date d:
//
//   - a person: by the offices held on the date (ambiguous names pick the
//     candidate in office, else the first);
//   - a title with an owner ("the Russian foreign minister") or a title that
//     names one office alone ("@POTUS"): the holder on the date and the
//     office's code; "former" gives the owner's country + ELI, "deputy" and
//     plurals the owner + the title's role;
//   - an agent: the owner's code + the agent's role ("Russian troops" RUSMIL),
//     "---" + role without an owner, ELI for "former";
//   - anything else: Resolve of the first candidate valid on the date.
//
// The code is empty when the term names nothing on that date (an entry
// valid only from a later date).
func (dict *Dictionary) ResolveMatch(m *Match, d Date) Resolution {
	owner := pickValid(m.owners, d)
	if m.Owner != nil && owner == nil {
		return Resolution{} // the owner does not exist on that date
	}
	switch m.Kind {
	case KindPerson:
		var best Resolution
		for i, e := range m.Candidates {
			r := dict.resolvePerson(e.Person, d)
			if i == 0 || r.Office != nil && best.Office == nil {
				best = r
			}
		}
		return best
	case KindTitle:
		t := m.Entry
		var office *Office
		if owner != nil {
			office = officeFor(t, owner.Owner)
		} else if t.Standalone && len(t.Offices) == 1 {
			office = t.Offices[0]
		}
		if m.Former {
			switch {
			case owner != nil:
				return Resolution{Code: dict.withRole(owner, "ELI", false, d)}
			case office != nil:
				return Resolution{Code: Code(eliOf(office))}
			}
			return Resolution{Code: "---ELI"}
		}
		if office != nil && !m.Deputy && !m.Plural {
			r := Resolution{Code: Code(office.Code), Office: office}
			if h := office.Holder(d); h != nil && d != 0 {
				r.Person = h.Person
			}
			return r
		}
		if owner == nil {
			if office != nil {
				return Resolution{Code: Code(office.Code)}
			}
			return Resolution{Code: Code("---" + t.Code)}
		}
		return Resolution{Code: dict.withRole(owner, t.Code, false, d)}
	case KindAgent:
		a := m.Entry
		role := a.Code
		if m.Former {
			role = "ELI"
		}
		if owner == nil {
			if a.Prefix {
				return Resolution{Code: Code(role)}
			}
			return Resolution{Code: Code("---" + role)}
		}
		return Resolution{Code: dict.withRole(owner, role, a.Prefix && !m.Former, d)}
	}
	e := pickValid(m.Candidates, d)
	if e == nil {
		return Resolution{} // no entry of the term applies on that date
	}
	return Resolution{Code: dict.Resolve(e, d)}
}

// pickValid returns the first entry valid on date d, or nil.
// OwnerOn returns the entry of m's owner valid on d ("Kremlin" is the
// Soviet government's seat until 1991), nil when none is.
func (m *Match) OwnerOn(d Date) *Entry { return pickValid(m.owners, d) }

func pickValid(es []*Entry, d Date) *Entry {
	for _, e := range es {
		if e.Valid.Contains(d) {
			return e
		}
	}
	return nil
}

// officeFor returns the office of owner that title t names.
func officeFor(t *Entry, owner string) *Office {
	for _, o := range t.Offices {
		if o.Owner == owner {
			return o
		}
	}
	return nil
}

// eliOf is the code of a former holder of office o.
func eliOf(o *Office) string {
	if len(o.Owner) == 3 {
		return o.Owner + "ELI"
	}
	return o.Code + "ELI"
}

// withRole combines an owner and a role: a country (name, adjective,
// capital) takes the role ("RUS"+"MIL"); a seat of power stays itself, or
// becomes its country + ELI for "former"; an organization stays itself
// (+ELI for "former"); a PETRARCH actor takes the role after its dated code,
// or before it for a prefix agent ("NGO~").
func (dict *Dictionary) withRole(owner *Entry, role string, prefix bool, d Date) Code {
	switch owner.Kind {
	case KindCountry, KindAdjective, KindCapital, KindRegion:
		return Code(joinRole(owner.Owner, role))
	case KindMetonym:
		if role == "ELI" {
			return Code(owner.Owner + "ELI")
		}
		return dict.Resolve(owner, d)
	case KindIGO, KindNGO, KindNSA:
		code := string(dict.Resolve(owner, d))
		if role == "ELI" {
			return Code(joinRole(code, role))
		}
		return Code(code)
	}
	code := string(dict.Resolve(owner, d))
	if code == "" { // the actor has no code on that date
		if prefix {
			return Code(role)
		}
		return Code("---" + role)
	}
	if prefix {
		if strings.HasPrefix(code, role) {
			return Code(code)
		}
		return Code(role + code)
	}
	return Code(joinRole(code, role))
}
