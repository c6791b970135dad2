// Package actor recognizes political actors in news text and gives each a
// CAMEO actor code valid on the story's date: a country (ISO 3166-1 alpha-3)
// or international code followed by role codes (USAGOV, RUSMIL, IGOUNO,
// IMGMUSISI).
//
// It holds dyad's own dictionary (data/*.tsv, embedded; see docs/actors.md):
// countries and territories with their names, adjectives, capitals and seats
// of power, international organizations, non-state armed groups, role nouns
// ("troops", "police"), titles, offices, and people with dated roles, so that
// "President Trump" is USAGOV in 2017 and USAELI in 2022 and "the Russian
// foreign minister" in January 2017 is Sergei Lavrov. Package
// actor/petrarch reads PETRARCH/TABARI actor and agent dictionaries into the
// same Dictionary type.
//
// Matching runs over the document text with a word trie (never a regular
// expression per name): longest match first, then adjacent matches are
// composed ("Russian" + "foreign minister", "President" + "Trump", "Israeli"
// + "troops"). It reads Document.Text, and token offsets and lemmas when a
// tokenizer and lemmatizer have filled them; it knows nothing of named-entity
// recognition, coreference or events, which use its matches.
package actor

import (
	"fmt"
	"strings"
)

// Code is a CAMEO actor code such as "RUSGOV".
type Code string

// Kind says what a dictionary entry or a match is.
type Kind uint8

// Kinds of entries and matches.
const (
	KindCountry   Kind = iota + 1 // a country or territory named: "Russia"
	KindAdjective                 // an adjective or demonym: "Russian", "Britons"
	KindCapital                   // a capital city: "Moscow"
	KindRegion                    // a world region: "Middle East" (MEA)
	KindMetonym                   // a seat of power or state body: "Kremlin" (RUSGOV)
	KindIGO                       // an international organization: "NATO"
	KindNGO                       // a non-governmental organization: "Amnesty International"
	KindNSA                       // a non-state armed group: "Hezbollah"
	KindAgent                     // a role noun: "troops" (MIL)
	KindTitle                     // a title that names an office: "prime minister"
	KindPerson                    // a person with dated roles
	KindActor                     // a PETRARCH actor dictionary entry
	KindHonorific                 // "Mr", "Mrs": only joins a name
	KindModifier                  // "former" (ELI), "deputy": only qualifies a title
)

var kindNames = [...]string{"", "country", "adjective", "capital", "region", "metonym", "igo", "ngo", "nsa", "agent", "title", "person", "actor", "honorific", "modifier"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("kind(%d)", k)
}

// ownerKind reports whether entries of kind k can qualify a title or an
// agent ("Russian" in "Russian troops").
func (k Kind) ownerKind() bool {
	switch k {
	case KindCountry, KindAdjective, KindCapital, KindRegion, KindMetonym, KindIGO, KindNGO, KindNSA, KindActor:
		return true
	}
	return false
}

// Entry is one dictionary entry: a country name line, an organization, an
// agent, a title, a person, a PETRARCH actor record.
type Entry struct {
	ID   int
	Kind Kind
	// Name is the entry's first term as written.
	Name string
	// Code is the code when nothing dated applies. For agents and titles it
	// is a role code ("GOV", "GOVMIL"); for a "former" modifier "ELI".
	Code string
	// Owner is the code that a following title or agent attaches to: the
	// country of a country name, adjective, capital or seat of power, the
	// code of an organization.
	Owner string
	// Valid limits when the entry applies (own data; zero: always).
	Valid Range
	// Dated are PETRARCH date restrictions, tried in order before Code.
	Dated []DatedCode
	// Prefix puts an agent's code before the actor's (PETRARCH "NGO~").
	Prefix bool
	// Person is set for KindPerson.
	Person *Person
	// Offices are the offices a title names (KindTitle).
	Offices []*Office
	// Standalone titles name their office without an owner ("@POTUS").
	Standalone bool
	// OwnerOnly titles mean nothing without an owner: "leader" alone is no
	// mention, "Russian leader" is.
	OwnerOnly bool
	// Source is "file:line".
	Source string
}

// DatedCode is a code that applies on the days of Range.
type DatedCode struct {
	Code  string
	Range Range
}

// Person is someone whose code depends on the offices held on a date.
type Person struct {
	Name string
	// Country is the person's country, for ELI when out of office.
	Country string
	// Base is the code when no listed office is held ("" means Country+ELI).
	Base   string
	Roles  []*Tenure // by start date
	Entry  *Entry
	Source string
}

// Office is a post with dated holders: "RUS.fm", the Russian foreign minister.
type Office struct {
	ID    string
	Owner string // the country or organization code ("RUS", "IGOUNO")
	Code  string // the holder's code while in office ("RUSGOV")
	Label string
	// Holders are by start date, without overlap.
	Holders []*Tenure
	Source  string
}

// Tenure is one person holding one office for a range of days.
type Tenure struct {
	Office *Office
	Person *Person
	Range
	Source string
}

// Holder returns who holds o on date d, or nil.
func (o *Office) Holder(d Date) *Tenure {
	for _, t := range o.Holders {
		if t.Contains(d) {
			return t
		}
	}
	return nil
}

// Severity grades an issue found while loading or checking a dictionary.
type Severity uint8

// Severities.
const (
	Warning Severity = iota + 1
	Error
)

func (s Severity) String() string {
	if s == Error {
		return "error"
	}
	return "warning"
}

// Issue is a problem in a dictionary, named by file and line.
type Issue struct {
	Severity Severity
	Source   string // "file:line"
	Msg      string
}

func (i Issue) String() string {
	return fmt.Sprintf("%s: %s: %s", i.Source, i.Severity, i.Msg)
}

// Stats counts what a dictionary holds.
type Stats struct {
	Entries int
	ByKind  map[Kind]int
	// TermsByKind counts the distinct matchable terms (plurals included).
	TermsByKind map[Kind]int
	Terms       int
	People      int
	Offices     int
	Tenures     int
	Words       int // distinct words in terms
}

// roleCodes are CAMEO's role codes (primary, secondary, tertiary, party).
var roleCodes = map[string]bool{
	"COP": true, "GOV": true, "INS": true, "JUD": true, "MIL": true, "OPP": true, "REB": true, "SEP": true,
	"SPY": true, "UAF": true, "AGR": true, "BUS": true, "CRM": true, "CVL": true, "DEV": true, "EDU": true,
	"ELI": true, "ENV": true, "HLH": true, "HRI": true, "LAB": true, "LEG": true, "MED": true, "REF": true,
	"MOD": true, "RAD": true, "PTY": true, "REL": true, "MUS": true, "CHR": true, "JEW": true, "HIN": true,
	"BUD": true, "PKO": true, "SET": true, "IRC": true,
}

// internationalCodes begin codes that are not a country's.
var internationalCodes = map[string]bool{
	"IGO": true, "IMG": true, "INT": true, "MNC": true, "NGM": true, "NGO": true, "UIS": true, "---": true,
	// regions (CAMEO manual, table 3.3)
	"AFR": true, "ASA": true, "BLK": true, "CRB": true, "CAU": true, "CFR": true, "CAS": true, "CEU": true,
	"EIN": true, "EAF": true, "EEU": true, "EUR": true, "LAM": true, "MEA": true, "MDT": true, "NAF": true,
	"NMR": true, "PGS": true, "SCN": true, "SAM": true, "SAS": true, "SEA": true, "SAF": true, "WAF": true,
	"WST": true,
}

// IsRole reports whether s is a CAMEO role code.
func IsRole(s string) bool { return roleCodes[s] }

// checkCode validates a code of the own dictionary: upper-case three-letter
// groups that begin with a known country or international code; after a
// country, every group but the last (an organization code) must be a role.
func checkCode(code string, countries map[string]string) error {
	if code == "" {
		return fmt.Errorf("empty code")
	}
	if len(code)%3 != 0 || len(code) > 18 {
		return fmt.Errorf("code %q is not three-letter groups", code)
	}
	for i := 0; i < len(code); i++ {
		if c := code[i]; (c < 'A' || c > 'Z') && !(i < 3 && c == '-') {
			return fmt.Errorf("code %q has a character other than A-Z", code)
		}
	}
	head := code[:3]
	_, country := countries[head]
	if !country && !internationalCodes[head] {
		return fmt.Errorf("code %q begins with %s, neither a country in countries.tsv nor an international code", code, head)
	}
	if country || head == "---" {
		for i := 3; i < len(code); i += 3 {
			if g := code[i : i+3]; !roleCodes[g] && i+3 < len(code) {
				return fmt.Errorf("code %q: %s is not a role code", code, g)
			}
		}
	}
	return nil
}

// joinRole appends a role to a code unless the code already ends with it
// ("RUS"+"GOV" -> "RUSGOV"; "RUSGOV"+"GOV" -> "RUSGOV").
func joinRole(code, role string) string {
	if role == "" || strings.HasSuffix(code, role) {
		return code
	}
	return code + role
}
