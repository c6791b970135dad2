package event

import (
	"strings"
	"sync"

	"github.com/dyadhq/dyad/internal/actor"
	"github.com/dyadhq/dyad/pkg/doc"
)

// Coder codes events with a lexicon and, when no Actors are handed to Code,
// an actor dictionary. It is safe for concurrent use.
type Coder struct {
	lex  *Lexicon
	dict *actor.Dictionary
	opts Options
	pool sync.Pool
}

// Options tune a coder.
type Options struct {
	// RequireTarget drops events whose target is not named ("Serbia lifted
	// the curfew"), as coders scored on dyadic events do.
	RequireTarget bool
}

// New returns a coder. dict may be nil when callers always pass Actors.
func New(lex *Lexicon, dict *actor.Dictionary) *Coder {
	return NewWith(lex, dict, Options{})
}

// NewWith returns a coder with options.
func NewWith(lex *Lexicon, dict *actor.Dictionary, opts Options) *Coder {
	c := &Coder{lex: lex, dict: dict, opts: opts}
	c.pool.New = func() any { return new(scratch) }
	return c
}

var (
	loadOnce  sync.Once
	loadCoder *Coder
	loadErr   error
)

// Load returns the coder with dyad's own lexicon and actor dictionary, loaded
// once per process.
func Load() (*Coder, error) {
	loadOnce.Do(func() {
		lex, err := LoadOwn()
		if err != nil {
			loadErr = err
			return
		}
		dict, err := actor.Load()
		if err != nil {
			loadErr = err
			return
		}
		loadCoder = New(lex, dict)
	})
	return loadCoder, loadErr
}

// Lexicon returns the coder's lexicon.
func (c *Coder) Lexicon() *Lexicon { return c.lex }

// scratch is per-call working memory, pooled so that coding allocates little.
type scratch struct {
	kids     [][]int // children per token of the sentence (offset First)
	kidsBuf  []int
	counts   []int
	tokActor []int32 // fallback: index+1 into acts of the match covering a token
	acts     []Actor
	persons  []int32 // fallback: token where each person-naming match starts
	subjects []bool  // whether that match is a subject
	npBuf    []Actor
	tgtBuf   []Actor
}

// sent is the view of one sentence while it is coded.
type sent struct {
	c      *Coder
	d      *doc.Document
	s      *scratch
	actors Actors
	idx    int
	first  int
	last   int
	out    []Event
	// speaker: actor of the last speech verb, for first-person subjects in
	// quotes that continue over sentences.
	speaker *Actor
	framed  map[int]bool
	// noAct: triggers whose matching pattern says they are no act here;
	// a frame over them codes nothing either ("agreed to receive bids").
	noAct map[int]bool
}

// Code codes the events of d. actors may be nil (the coder matches its own
// dictionary on d's text, dated by d.Published); times are the document's
// time expressions, which events attach to by syntax. Events told twice are
// merged into one with both mentions.
func (c *Coder) Code(d *doc.Document, actors Actors, times []Span) []Event {
	s := c.pool.Get().(*scratch)
	defer c.pool.Put(s)
	if actors == nil && c.dict != nil {
		actors = c.fallback(d, s)
	}
	var evs []Event
	var speaker *Actor
	for si, se := range d.Sentences {
		st := sent{c: c, d: d, s: s, actors: actors, idx: si, first: se.First, last: se.Last, out: evs}
		if st.continuesQuote() {
			st.speaker = speaker
		}
		st.buildKids()
		st.code()
		evs = st.out
		speaker = st.lastSpeaker()
	}
	for i := range evs {
		evs[i].Time = attachTime(d, &evs[i], times)
	}
	return merge(evs)
}

// fallback matches the actor dictionary on d and answers ActorAt from it.
type fallbackActors struct{ s *scratch }

func (f fallbackActors) ActorAt(tok int) (Actor, bool) {
	if tok < 0 || tok >= len(f.s.tokActor) || f.s.tokActor[tok] == 0 {
		return Actor{}, false
	}
	return f.s.acts[f.s.tokActor[tok]-1], true
}

func (c *Coder) fallback(d *doc.Document, s *scratch) Actors {
	s.tokActor = resize(s.tokActor, len(d.Tokens))
	s.acts = s.acts[:0]
	s.persons = s.persons[:0]
	s.subjects = s.subjects[:0]
	date := actor.DateOf(d.Published)
	if d.Published.IsZero() {
		date = 0
	}
	ms := c.dict.Match(d)
	for i := range ms {
		m := &ms[i]
		if m.First < 0 {
			continue
		}
		res := c.dict.ResolveMatch(m, date)
		code := string(res.Code)
		if code == "" {
			continue
		}
		place := m.Kind == actor.KindCountry || m.Kind == actor.KindCapital || m.Kind == actor.KindRegion
		s.acts = append(s.acts, Actor{Code: code, Start: m.Start, End: m.End, First: m.First, Last: m.Last, Place: place,
			Person: m.Kind == actor.KindPerson})
		for t := m.First; t < m.Last; t++ {
			s.tokActor[t] = int32(len(s.acts))
		}
		if res.Person != nil {
			s.persons = append(s.persons, int32(m.First))
			s.subjects = append(s.subjects, isSubject(d, m.First, m.Last))
		}
	}
	// Third-person pronouns take the last person named before them as a
	// subject, else the last named: a stand-in until the entity stage's
	// coreference is handed in.
	pi, si := -1, -1
	for t := range d.Tokens {
		for pi+1 < len(s.persons) && int(s.persons[pi+1]) < t {
			pi++
			if s.subjects[pi] {
				si = pi
			}
		}
		if s.tokActor[t] != 0 || pi < 0 || d.Tokens[t].UPOS != "PRON" {
			continue
		}
		switch strings.ToLower(d.Form(t)) {
		case "he", "she", "him", "her":
			if si >= 0 {
				s.tokActor[t] = s.tokActor[s.persons[si]]
			} else {
				s.tokActor[t] = s.tokActor[s.persons[pi]]
			}
		}
	}
	return fallbackActors{s}
}

// isSubject reports whether the tokens [first, last) head a subject.
func isSubject(d *doc.Document, first, last int) bool {
	for t := first; t < last; t++ {
		if h := d.Tokens[t].Head; h < first || h >= last {
			return strings.HasPrefix(d.Tokens[t].Deprel, "nsubj")
		}
	}
	return false
}

func resize(b []int32, n int) []int32 {
	if cap(b) < n {
		return make([]int32, n)
	}
	b = b[:n]
	clear(b)
	return b
}

func (st *sent) buildKids() {
	n := st.last - st.first
	s := st.s
	if cap(s.kids) < n {
		s.kids = make([][]int, n)
	}
	s.kids = s.kids[:n]
	s.kidsBuf = s.kidsBuf[:0]
	for i := range s.kids {
		s.kids[i] = nil
	}
	// Children in token order; one shared buffer, sliced per head.
	if cap(s.counts) < 2*n+1 {
		s.counts = make([]int, 2*n+1)
	}
	counts := s.counts[:n+1]
	clear(counts)
	for t := st.first; t < st.last; t++ {
		if h := st.d.Tokens[t].Head; h >= st.first && h < st.last {
			counts[h-st.first+1]++
		}
	}
	for i := 1; i <= n; i++ {
		counts[i] += counts[i-1]
	}
	if cap(s.kidsBuf) < counts[n] {
		s.kidsBuf = make([]int, counts[n])
	}
	s.kidsBuf = s.kidsBuf[:counts[n]]
	fill := s.counts[n+1 : 2*n+1]
	copy(fill, counts[:n])
	for t := st.first; t < st.last; t++ {
		if h := st.d.Tokens[t].Head; h >= st.first && h < st.last {
			s.kidsBuf[fill[h-st.first]] = t
			fill[h-st.first]++
		}
	}
	for i := 0; i < n; i++ {
		s.kids[i] = s.kidsBuf[counts[i]:counts[i+1]:counts[i+1]]
	}
}

func (st *sent) kids(t int) []int { return st.s.kids[t-st.first] }
func (st *sent) tok(t int) *doc.Token {
	return &st.d.Tokens[t]
}
func (st *sent) lemma(t int) string {
	if l := st.d.Tokens[t].Lemma; l != "" {
		return strings.ToLower(l)
	}
	return strings.ToLower(st.d.Form(t))
}

// rel returns t's relation in UD v2 names (v1 trees, such as older gold
// parses, say dobj, nsubjpass, auxpass, neg).
func (st *sent) rel(t int) string {
	r := st.d.Tokens[t].Deprel
	switch r {
	case "dobj":
		return "obj"
	case "nsubjpass":
		return "nsubj:pass"
	case "csubjpass":
		return "csubj:pass"
	case "auxpass":
		return "aux:pass"
	case "neg":
		return "advmod"
	case "nmod:agent":
		return "obl:agent"
	}
	return r
}

func (st *sent) base(t int) string {
	r := st.rel(t)
	if i := strings.IndexByte(r, ':'); i >= 0 {
		return r[:i]
	}
	return r
}
func (st *sent) head(t int) int {
	h := st.d.Tokens[t].Head
	if h < st.first || h >= st.last {
		return -1
	}
	return h
}

// hasCase reports whether nominal (or clause) t is marked by preposition p:
// a case child, or a mark child of a verb ("of establishing"), or the case
// of a title, name part or adjective before it when the parser hung the
// preposition there ("with President Michel Suleiman", case under
// "President").
func (st *sent) hasCase(t int, p string) bool {
	for _, k := range st.kids(t) {
		switch st.rel(k) {
		case "case", "mark", "fixed":
			// English prepositions come first: a "by" after the noun was
			// hung there by mistake ("over Ukraine by a missile")
			if k < t && st.c.lex.prep(st.lemma(k)) == p {
				return true
			}
		}
	}
	for _, k := range st.kids(t) {
		switch st.rel(k) {
		case "nmod:desc", "compound", "flat", "flat:name", "amod":
			if k > t {
				continue
			}
			for _, c := range st.kids(k) {
				if st.base(c) == "case" && c < k && st.c.lex.prep(st.lemma(c)) == p {
					return true
				}
			}
		}
	}
	return false
}

func (st *sent) isVerb(t int) bool {
	u := st.tok(t).UPOS
	return u == "VERB" && !st.finiteNoun(t) || (u == "AUX" && st.head(t) < 0)
}

// finiteNoun reports a finite verb form in a noun's place, a noun the
// tagger misread: "is seeking offers on zinc" with "offers" a VBZ object.
// A finite clause is never an object or a subject.
func (st *sent) finiteNoun(t int) bool {
	switch st.tok(t).XPOS {
	case "VBZ", "VBP", "VBD":
	default:
		return false
	}
	switch st.rel(t) {
	case "obj", "iobj", "nsubj", "nsubj:pass", "compound":
		return st.child1(t, "nsubj") < 0 && st.child1(t, "nsubj:pass") < 0
	}
	return false
}

func (st *sent) code() {
	lex := st.c.lex
	for t := st.first; t < st.last; t++ {
		u := st.tok(t).UPOS
		lem := st.lemma(t)
		if u == "VERB" && st.finiteNoun(t) {
			continue // a misread noun: no act of its own
		}
		switch {
		case u == "VERB":
			rs := lex.verbs[lem]
			if f := strings.ToLower(st.d.Form(t)); lex.literal && f != lem && lex.verbs[f] != nil {
				// PETRARCH dictionaries may list an inflected form as a
				// verb of its own ("LEFT [032:033]" beside "LEAVE [012]"):
				// the form as written picks its patterns.
				rs = lex.verbs[f]
			}
			if rs == nil {
				rs = lex.verbs[st.formStem(t)]
			}
			if rs != nil {
				st.codeVerb(t, rs)
			}
			if lex.in(clsSay, lem) {
				st.codeComment(t)
			}
		case u == "ADJ" && st.objOf(t) >= 0 && lex.verbs[lem] != nil:
			// "it would free 150 prisoners" with "free" tagged ADJ: an
			// adjective with a direct object is a verb.
			st.codeVerb(t, lex.verbs[lem])
		case u == "NOUN" || u == "PROPN":
			if rs := lex.nouns[lem]; rs != nil {
				st.codeNoun(t, rs)
			}
		}
	}
	st.frameDefaults()
	st.dropFramed()
}

// formStem guesses a verb's base form from its surface when the lemmatizer
// gave a lemma the lexicon does not know ("rioted" lemmatized "riote"):
// -ied/-ies to -y, then -ed, -es, -ing, -s removed (and a doubled final
// consonant undone).
func (st *sent) formStem(t int) string {
	f := strings.ToLower(st.d.Form(t))
	for _, suf := range [...]struct{ cut, add string }{{"ied", "y"}, {"ies", "y"}, {"ed", ""}, {"ing", ""}, {"es", ""}, {"s", ""}, {"d", ""}} {
		if b, ok := strings.CutSuffix(f, suf.cut); ok && len(b) > 2 {
			if _, known := st.c.lex.verbs[b+suf.add]; known {
				return b + suf.add
			}
			// "cancelled", "shipping": a doubled final consonant
			if n := len(b); suf.add == "" && n > 3 && b[n-1] == b[n-2] {
				if _, known := st.c.lex.verbs[b[:n-1]]; known {
					return b[:n-1]
				}
			}
		}
	}
	return f
}
