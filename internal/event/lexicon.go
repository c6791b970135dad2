package event

import (
	"bufio"
	"embed"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"

	"github.com/dyadhq/dyad/internal/cameo"
)

//go:embed data/lexicon.txt
var dataFS embed.FS

// Rule is one lexicon pattern: a trigger lemma with the words it needs and
// where its target is.
type Rule struct {
	Code  string
	Noun  bool   // the trigger is an event noun ("talks", "assault")
	Lemma string // trigger lemma
	// Words are lemmas that must be dependents of the trigger, of its object
	// or of the target: particles ("crack down"), objects of light
	// constructions ("hold talks"), idiom parts ("give the green light").
	Words []string
	// Target says where the target is: "" none, "obj" the direct object
	// (the passive subject), "subj" the subject (with Source), or a
	// preposition ("with", "against").
	Target string
	// Strict rules code only when their target is found.
	Strict bool
	// Pre are words that must come shortly before the trigger (PETRARCH's
	// pre-verb context, "SAID * TO ATTEND"); compat dictionaries only.
	Pre []string
	// Source, when set, places the source instead of the subject: "obj" or
	// a preposition (PETRARCH's "$" after the verb: "* MONEY FROM $"); the
	// target is then "subj", the subject ("$" in a pattern).
	Source string
	// Sym marks symmetric acts (meet, talk, phone): both directions are
	// coded, and coordinated subjects code every pair.
	Sym bool
	// Back, when set, is the code of the target's part in the act, coded
	// from the target to the source beside the act itself: PETRARCH's
	// "[032:033]" ("X arrived in Y": X visits, Y hosts). Compat only.
	Back string
	// Joined, when set, is parallel to Words: Joined[i] says Words[i]
	// must directly follow Words[i-1] in the text (PETRARCH's "_":
	// "NEW_&TIETYPES_RELATIONS" is not "new global economic relations").
	// Compat only.
	Joined []bool
	// Compound rules code an act among the coordinated actors of the
	// subject, each towards the others: PETRARCH's "%" ("% * TALKS":
	// "X and Y held talks"; our lexicon's "compound" flag: "X and Y signed
	// an accord"). They match only a subject naming two or more actors.
	Compound bool
	// ByRole recodes the act when every source has a role: "by:LAB=143"
	// on "190 strike +" makes workers' strike a labour stoppage, not an
	// attack; code "-" codes nothing ("by:MED=-" on "monitor +": the
	// press monitoring a broadcast).
	ByRole []RoleCode
	Src    string // "file:line"
}

// RoleCode is one by:ROLE=CODE flag of a rule.
type RoleCode struct{ Role, Code string }

// Frame turns an embedded act into one code of the governor: "agree to
// meet" is intent (036), "urge X to meet" an appeal (026).
type Frame struct {
	Name string
	// ByRoot maps the CAMEO root of the embedded act to the frame's code;
	// "*" is the default.
	ByRoot map[string]string
	// TargetObj takes the target from the governor's object ("urged Gondor
	// to"), not from the embedded act.
	TargetObj bool
}

// Code returns the frame's code for an embedded act's code: by the exact
// code ("163=1312"), else by its root, else the default.
func (f *Frame) Code(embedded string) string {
	c, ok := f.ByRoot[embedded]
	if !ok {
		if r, rok := cameo.RootOf(embedded); rok {
			c, ok = f.ByRoot[r]
		}
	}
	switch {
	case !ok:
		return f.ByRoot["*"]
	case c == frameKeep:
		return embedded
	}
	return c
}

// frameKeep as a frame's code keeps the embedded act's own code: "vowed to
// veto" is a veto (129) told as intended, for no intent code fits it.
const frameKeep = "."

// Lexicon is a loaded event lexicon. It is read-only and safe for
// concurrent use.
type Lexicon struct {
	verbs map[string][]*Rule
	nouns map[string][]*Rule
	// word classes from @ directives
	classes map[string]map[string]bool
	frames  map[string]*Frame // by name
	frameOf map[string]*Frame // by governor lemma
	cues    map[string]string // comment cue lemma -> code
	preps   map[string]string // preposition spellings -> canonical ("w" -> "with")
	rules   int
	// literal codes acts as told, without the codebook's reading of
	// announced acts as intents or threats: compat mode, as PETRARCH codes.
	literal bool
}

// Classes named by @class lines; the coder relies on these names.
const (
	clsLight    = "light"    // light verbs: hold talks, launch an attack
	clsSay      = "say"      // speech and report verbs
	clsFactive  = "factive"  // governors whose complement happened: began, resumed
	clsNeg      = "neg"      // negators
	clsFuture   = "future"   // future auxiliaries
	clsPossible = "possible" // modal auxiliaries
	clsCond     = "cond"     // conditional subordinators
	clsPrep     = "prep"     // prepositions (a pattern word before + is one)
	clsNegGov   = "neggov"   // governors that negate their complement: failed to
	clsImminent = "imminent" // governors of an imminent act: about to
	// clsWeakIntent governors frame a known act but state no intent alone.
	clsWeakIntent = "weakintent"
	// clsClaim speech verbs put their complement in doubt: "claimed that
	// X attacked" is an accusation of X, or a claim of responsibility.
	clsClaim = "claim"
	// clsOblige auxiliaries make a reported clause a demand: "said X must".
	clsOblige = "oblige"
	// clsGroup nouns head a phrase whose actor is in its of-phrase: "a
	// group of Moroccan diplomats", "thousands of students".
	clsGroup = "group"
	// clsOccur verbs tell that their subject, an event noun, happens:
	// "riots erupted", "talks continued".
	clsOccur = "occur"
	// clsInert nouns name things and quantities, never an agent: "Taiwan's
	// surplus hit a record" and "U.K. money market rates threatened to
	// overshoot" are no acts of Taiwan or Britain.
	clsInert = "inert"
	// clsCurrency nouns make the country naming them a currency's, not an
	// actor: "U.S. dlrs", "Hong Kong dollars".
	clsCurrency = "currency"
	// clsDisclose verbs are what one declines to do when declining to
	// comment: "declined to estimate the amount" (011), beside the speech
	// verbs.
	clsDisclose = "disclose"
	// clsHypothesis nouns hold an act that has not happened: "the risk of
	// an Iranian attack", "prospects for a meeting".
	clsHypothesis = "hypothesis"
)

var (
	ownOnce sync.Once
	ownLex  *Lexicon
	ownErr  error
)

// LoadOwn returns dyad's own lexicon, embedded in the binary, parsed once.
func LoadOwn() (*Lexicon, error) {
	ownOnce.Do(func() {
		f, err := dataFS.Open("data/lexicon.txt")
		if err != nil {
			ownErr = err
			return
		}
		defer f.Close()
		ownLex, ownErr = ParseLexicon(f, "lexicon.txt")
	})
	return ownLex, ownErr
}

// NewLexicon returns an empty lexicon, to be filled with AddRule (compat
// readers) and Merge.
func NewLexicon() *Lexicon {
	return &Lexicon{verbs: map[string][]*Rule{}, nouns: map[string][]*Rule{},
		classes: map[string]map[string]bool{}, frames: map[string]*Frame{}, frameOf: map[string]*Frame{},
		cues: map[string]string{}, preps: map[string]string{}}
}

// Rules counts the lexicon's patterns.
func (l *Lexicon) Rules() int { return l.rules }

// WithRulesOf returns a copy of l whose verb patterns (and noun patterns, when o has any) are o's:
// l's general word classes, frames and cues stay. Compat mode uses it to code
// with a PETRARCH verb dictionary under dyad's construction rules.
func (l *Lexicon) WithRulesOf(o *Lexicon) *Lexicon {
	c := *l
	c.verbs, c.rules = o.verbs, o.rules
	c.literal = true
	if len(o.nouns) > 0 {
		c.nouns = o.nouns
	}
	// Symmetry is a property of the act: a verb that is symmetric in l
	// ("meet") is symmetric in o's patterns with the same root, unless the
	// pattern gives the target's part a code of its own ("MET [031:032]").
	for lemma, rs := range o.verbs {
		for _, r := range rs {
			for _, own := range l.verbs[lemma] {
				if own.Sym && sameRoot(own.Code, r.Code) && r.Back == "" {
					r.Sym = true
				}
			}
		}
	}
	return &c
}

func sameRoot(a, b string) bool { return len(a) >= 2 && len(b) >= 2 && a[:2] == b[:2] }

// NoAct is the code of a pattern for a sense of a trigger that is no
// political act ("receive subscriptions", "seek offers"): when it is the
// pattern that matches, the trigger codes nothing.
const NoAct = "-"

// AddRule adds a pattern after checking its code against the CAMEO codebook.
func (l *Lexicon) AddRule(r *Rule) error {
	if _, ok := cameo.Resolve(r.Code); !ok && r.Code != NoAct {
		return fmt.Errorf("%s: unknown CAMEO code %q", r.Src, r.Code)
	}
	for _, rc := range r.ByRole {
		if _, ok := cameo.Resolve(rc.Code); !ok && rc.Code != NoAct {
			return fmt.Errorf("%s: unknown CAMEO code %q in by:%s", r.Src, rc.Code, rc.Role)
		}
	}
	l.addRule(r)
	return nil
}

// AddLegacyRule adds a pattern from another coder's dictionary, whose codes
// may predate CAMEO (WEIS codes in old KEDS/TABARI files): any all-digit code
// is kept as written.
func (l *Lexicon) AddLegacyRule(r *Rule) error {
	if r.Code == "" || strings.Trim(r.Code, "0123456789") != "" || r.Lemma == "" {
		return fmt.Errorf("%s: bad rule (code %q, lemma %q)", r.Src, r.Code, r.Lemma)
	}
	if r.Words == nil {
		r.Words = []string{}
	}
	l.addRule(r)
	return nil
}

func (l *Lexicon) addRule(r *Rule) {
	m := l.verbs
	if r.Noun {
		m = l.nouns
	}
	m[r.Lemma] = append(m[r.Lemma], r)
	// Most specific first: more required words, then a target.
	rs := m[r.Lemma]
	sort.SliceStable(rs, func(i, j int) bool { return specificity(rs[i]) > specificity(rs[j]) })
	l.rules++
}

func specificity(r *Rule) int {
	s := 2*len(r.Words) + 2*len(r.Pre)
	if r.Compound {
		s += 2
	}
	if r.Target != "" && r.Target != "obj" {
		s++
	}
	return s
}

func (l *Lexicon) in(class, lemma string) bool { return l.classes[class][lemma] }

// prep returns the canonical form of a preposition lemma.
func (l *Lexicon) prep(s string) string {
	if c, ok := l.preps[s]; ok {
		return c
	}
	return s
}

// ParseLexicon reads a lexicon in the format of data/lexicon.txt:
//
//	# comment
//	CODE<TAB>PATTERN[<TAB>FLAGS]      a rule; FLAGS: sym, strict, compound, by:ROLE=CODE
//	@class NAME lemma lemma ...       a word class (light, say, neg, ...)
//	@frame NAME [obj] ROOT=CODE ...   a frame and its codes by embedded root
//	@govern NAME lemma ...            governor lemmas of frame NAME
//	@cue CODE lemma ...               comment cues for speech verbs
//	@alias CANON spelling ...         preposition spellings ("with" w w/)
//
// PATTERN is "[n:]LEMMA word ... [PREP] [+]": n: marks an event noun; words
// are required dependents; "+" marks the target, which is the direct object
// when no preposition precedes it. A verb pattern may end in "[PREP] $"
// instead: that phrase (or the object) names the source and the subject is
// the target ("face pressure from $").
func ParseLexicon(r io.Reader, name string) (*Lexicon, error) {
	l := NewLexicon()
	sc := bufio.NewScanner(r)
	ln := 0
	var pending []*Rule
	for sc.Scan() {
		ln++
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		src := fmt.Sprintf("%s:%d", name, ln)
		if strings.HasPrefix(line, "@") {
			if err := l.directive(strings.Fields(line), src); err != nil {
				return nil, err
			}
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 2 {
			return nil, fmt.Errorf("%s: want CODE<TAB>PATTERN[<TAB>FLAGS]", src)
		}
		r, err := parsePattern(strings.TrimSpace(cols[0]), strings.TrimSpace(cols[1]), src)
		if err != nil {
			return nil, err
		}
		if len(cols) > 2 {
			for _, f := range strings.Fields(cols[2]) {
				switch f {
				case "sym":
					r.Sym = true
				case "strict":
					r.Strict = true
				case "compound":
					r.Compound = true
				default:
					role, code, ok := strings.Cut(strings.TrimPrefix(f, "by:"), "=")
					if !strings.HasPrefix(f, "by:") || !ok || len(role) != 3 || code == "" || code != NoAct && strings.Trim(code, "0123456789") != "" {
						return nil, fmt.Errorf("%s: unknown flag %q", src, f)
					}
					r.ByRole = append(r.ByRole, RoleCode{Role: role, Code: code})
				}
			}
		}
		pending = append(pending, r)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	// Patterns are resolved after the classes, which may come later.
	for _, r := range pending {
		l.fixTarget(r)
		if err := l.AddRule(r); err != nil {
			return nil, err
		}
	}
	return l, nil
}

// parsePattern splits a pattern; the target preposition is settled by
// fixTarget once the prep class is known.
func parsePattern(code, pat, src string) (*Rule, error) {
	if code != NoAct && (code == "" || strings.Trim(code, "0123456789") != "") {
		return nil, fmt.Errorf("%s: bad code %q", src, code)
	}
	f := strings.Fields(strings.ToLower(pat))
	if len(f) == 0 {
		return nil, fmt.Errorf("%s: empty pattern", src)
	}
	r := &Rule{Code: code, Src: src}
	if lem, ok := strings.CutPrefix(f[0], "n:"); ok {
		r.Noun, f[0] = true, lem
	}
	r.Lemma = f[0]
	if r.Lemma == "" || r.Lemma == "+" {
		return nil, fmt.Errorf("%s: pattern must start with a lemma", src)
	}
	for i, w := range f[1:] {
		if w == "+" {
			if i != len(f)-2 {
				return nil, fmt.Errorf("%s: + must end the pattern", src)
			}
			r.Target = "obj"
			continue
		}
		if w == "$" {
			// "face pressure from $": the phrase names the source, and
			// the subject is the target
			if i != len(f)-2 || r.Noun {
				return nil, fmt.Errorf("%s: $ must end a verb pattern", src)
			}
			r.Source, r.Target = "obj", "subj"
			continue
		}
		r.Words = append(r.Words, w)
	}
	return r, nil
}

func (l *Lexicon) fixTarget(r *Rule) {
	if r.Source == "obj" && len(r.Words) > 0 {
		if last := r.Words[len(r.Words)-1]; l.in(clsPrep, last) {
			r.Source = last
			r.Words = r.Words[:len(r.Words)-1]
		}
	}
	if r.Target == "obj" && len(r.Words) > 0 {
		last := r.Words[len(r.Words)-1]
		if l.in(clsPrep, last) {
			r.Target = last
			r.Words = r.Words[:len(r.Words)-1]
		}
	}
	if r.Words == nil {
		r.Words = []string{}
	}
}

func (l *Lexicon) directive(f []string, src string) error {
	if len(f) < 3 {
		return fmt.Errorf("%s: %s needs a name and values", src, f[0])
	}
	switch f[0] {
	case "@class":
		m := l.classes[f[1]]
		if m == nil {
			m = map[string]bool{}
			l.classes[f[1]] = m
		}
		for _, w := range f[2:] {
			m[w] = true
		}
	case "@alias":
		for _, w := range f[2:] {
			l.preps[w] = f[1]
		}
	case "@frame":
		fr := &Frame{Name: f[1], ByRoot: map[string]string{}}
		for _, kv := range f[2:] {
			if kv == "obj" {
				fr.TargetObj = true
				continue
			}
			k, v, ok := strings.Cut(kv, "=")
			if _, known := cameo.Resolve(v); !ok || !known && !(v == frameKeep && k != "*") {
				return fmt.Errorf("%s: bad frame code %q", src, kv)
			}
			fr.ByRoot[k] = v
		}
		if fr.ByRoot["*"] == "" {
			return fmt.Errorf("%s: frame %s needs a default *=CODE", src, f[1])
		}
		l.frames[f[1]] = fr
	case "@govern":
		fr := l.frames[f[1]]
		if fr == nil {
			return fmt.Errorf("%s: unknown frame %q (declare it with @frame first)", src, f[1])
		}
		for _, w := range f[2:] {
			l.frameOf[w] = fr
		}
	case "@cue":
		if _, ok := cameo.Resolve(f[1]); !ok {
			return fmt.Errorf("%s: unknown cue code %q", src, f[1])
		}
		for _, w := range f[2:] {
			l.cues[w] = f[1]
		}
	default:
		return fmt.Errorf("%s: unknown directive %s", src, f[0])
	}
	return nil
}

// RulesFor returns the patterns of a trigger lemma, most specific first.
func (l *Lexicon) RulesFor(lemma string, noun bool) []*Rule {
	if noun {
		return l.nouns[lemma]
	}
	return l.verbs[lemma]
}
