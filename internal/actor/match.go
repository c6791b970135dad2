package actor

import (
	"sort"

	"github.com/dyadhq/dyad/pkg/doc"
)

// Match is one actor mention: a span of text and the entries it is made of.
// A mention may compose several dictionary terms: "former" + "British" +
// "Prime Minister" + "Theresa May". Matches do not overlap and come in text
// order. Resolve a match to a code with ResolveMatch and the story's date.
type Match struct {
	Start, End  int // bytes of Document.Text
	First, Last int // tokens [First, Last); -1 when the document has none
	// Kind is the kind of the head: person, title, agent, or the kind of the
	// owner when it stands alone (country, adjective, metonym, igo...).
	Kind Kind
	// Entry is the head entry.
	Entry *Entry
	// Candidates are all entries the head's term names, Entry first: people
	// sharing a surname, or an organization's codes for different dates.
	Candidates []*Entry
	// Owner is the country or organization that qualifies a title or agent
	// ("Russian" in "Russian troops"); nil when none.
	Owner *Entry
	// Title is the title or honorific before a name ("President Trump").
	Title *Entry
	// Former is set by "former", "ex-": the title's holder is not meant.
	Former bool
	// Deputy is set by "deputy", "vice": the title is not the office itself.
	Deputy bool
	// Plural is set when the head is a plural role noun or title.
	Plural bool

	owners []*Entry
}

// raw is one dictionary term found in the text: pieces [p0, p1) ending at a
// trie node.
type raw struct {
	p0, p1 int32
	node   int32
	kind   Kind
	flags  uint8 // union of the accepted payloads' flags
	titled bool  // every accepted payload needs a title
}

type scratch struct {
	sc   scanner
	raws []raw
	ents []*Entry
}

func (d *Dictionary) getScratch() *scratch {
	if s, ok := d.pool.Get().(*scratch); ok {
		return s
	}
	s := &scratch{}
	s.sc.abbrev = func(k []byte) bool { return d.abbrev[string(k)] }
	return s
}

// Match finds the actor mentions in d's text. Token spans are filled when
// the document has tokens; lemmas, when present, let plural and inflected
// forms match their dictionary form.
func (d *Dictionary) Match(dc *doc.Document) []Match {
	return d.match(dc.Text, dc.Tokens)
}

// MatchText finds the actor mentions in a text without tokens.
func (d *Dictionary) MatchText(text string) []Match { return d.match(text, nil) }

func (d *Dictionary) match(text string, toks []doc.Token) []Match {
	s := d.getScratch()
	defer d.pool.Put(s)
	s.sc.reset()
	s.sc.scan(text, 0)
	ps := s.sc.pieces
	vocab := d.trie.vocab
	for i := range ps {
		if id, ok := vocab[string(s.sc.buf[ps[i].k0:ps[i].k1])]; ok {
			ps[i].id = id
		}
	}
	if len(toks) > 0 && hasLemmas(toks) {
		d.lemmaIDs(text, toks, ps)
	}
	s.raws = d.rawMatches(ps, s.raws[:0])
	if len(s.raws) == 0 {
		return nil
	}
	out := d.compose(ps, s.raws, s)
	if len(toks) > 0 {
		for i := range out {
			m := &out[i]
			m.First = sort.Search(len(toks), func(k int) bool { return toks[k].End > m.Start })
			m.Last = sort.Search(len(toks), func(k int) bool { return toks[k].Start >= m.End })
		}
	} else {
		for i := range out {
			out[i].First, out[i].Last = -1, -1
		}
	}
	return out
}

func hasLemmas(toks []doc.Token) bool {
	for i := range toks {
		if toks[i].Lemma != "" {
			return true
		}
	}
	return false
}

// lemmaIDs gives a piece that is exactly one token the vocabulary id of the
// token's lemma, tried when the surface form leads nowhere.
func (d *Dictionary) lemmaIDs(text string, toks []doc.Token, ps []piece) {
	var sc scanner
	k := 0
	for i := range ps {
		p := &ps[i]
		for k < len(toks) && toks[k].End <= int(p.start) {
			k++
		}
		if k == len(toks) {
			return
		}
		t := &toks[k]
		if t.Start != int(p.start) || t.End != int(p.end) || t.Lemma == "" || t.Lemma == text[t.Start:t.End] {
			continue
		}
		sc.reset()
		sc.scan(t.Lemma, 0)
		if len(sc.pieces) == 1 {
			if id, ok := d.trie.vocab[string(sc.key(&sc.pieces[0]))]; ok && id != p.id {
				p.alt = id
			}
		}
	}
}

// rawMatches finds the longest acceptable term at each position, left to
// right, without overlap.
func (d *Dictionary) rawMatches(ps []piece, out []raw) []raw {
	t := d.trie
	n := len(ps)
	for i := 0; i < n; {
		if ps[i].id < 0 && ps[i].alt < 0 {
			i++
			continue
		}
		node, best, bestEnd := int32(0), int32(-1), 0
		for j := i; j < n; j++ {
			if j > i && ps[j].flags&pBreak != 0 {
				break
			}
			nx := t.next(node, ps[j].id)
			if nx < 0 {
				nx = t.next(node, ps[j].alt)
			}
			if nx < 0 {
				break
			}
			node = nx
			if t.pstart[node] != t.pstart[node+1] && d.acceptAny(node, ps[i:j+1]) {
				best, bestEnd = node, j+1
			}
		}
		if best < 0 {
			i++
			continue
		}
		if bestEnd == i+1 && d.acronymOnly(best, ps[i]) && inCapsRun(ps, i) {
			i++ // "IS" in "TRUMP IS RIGHT": a word of an all-capitals line
			continue
		}
		r := raw{p0: int32(i), p1: int32(bestEnd), node: best, titled: true}
		for _, p := range t.terms(best) {
			if p.flags&tBreakIn == 0 && p.accepts(ps[i:bestEnd]) {
				if r.kind == 0 {
					r.kind = d.entries[p.entry].Kind
				}
				r.flags |= p.flags
				if p.flags&tTitled == 0 {
					r.titled = false
				}
			}
		}
		out = append(out, r)
		i = bestEnd
	}
	return out
}

// acronymOnly reports whether every term the one piece p matches at node is
// an acronym that must be written in capitals.
func (d *Dictionary) acronymOnly(node int32, p piece) bool {
	for _, pl := range d.trie.terms(node) {
		if pl.flags&tBreakIn == 0 && pl.n == 1 && pl.caseAt(0) != caseUpper && pl.accepts([]piece{p}) {
			return false
		}
	}
	return true
}

// inCapsRun reports whether the words on both sides of piece i are written
// in capitals, as in a headline set in capitals.
func inCapsRun(ps []piece, i int) bool {
	caps := func(j int) bool {
		return j >= 0 && j < len(ps) && ps[j].flags&pUpper != 0 && ps[j].flags&pLower == 0 && ps[j].k1-ps[j].k0 >= 2 && ps[j].flags&pAbbrev == 0
	}
	return caps(i-1) && caps(i+1)
}

func (d *Dictionary) acceptAny(node int32, ps []piece) bool {
	for _, p := range d.trie.terms(node) {
		if p.flags&tBreakIn == 0 && p.accepts(ps) {
			return true
		}
	}
	return false
}

// entriesOf returns the accepted entries of r, without repeats, in the
// scratch buffer: callers that keep them copy them.
func (d *Dictionary) entriesOf(ps []piece, r *raw, s *scratch) []*Entry {
	buf := s.ents[:0]
	for _, p := range d.trie.terms(r.node) {
		if p.flags&tBreakIn != 0 || !p.accepts(ps[r.p0:r.p1]) {
			continue
		}
		e := d.entries[p.entry]
		dup := false
		for _, x := range buf {
			if x == e {
				dup = true
				break
			}
		}
		if !dup {
			buf = append(buf, e)
		}
	}
	s.ents = buf
	return buf
}

// adjacent reports whether raw b follows raw a with nothing between.
func adjacent(ps []piece, a, b *raw) bool {
	return a.p1 == b.p0 && ps[b.p0].flags&pBreak == 0
}

// nameBetween reports whether one capitalized word the dictionary does not
// know stands between a and b: "Nicaraguan Contra rebels" are Nicaragua's.
func nameBetween(ps []piece, a, b *raw) bool {
	g := a.p1
	return b.p0 == g+1 && ps[g].flags&pUpper != 0 && ps[g].flags&pBreak == 0 && ps[b.p0].flags&pBreak == 0
}

func (k Kind) titleLike() bool { return k == KindTitle || k == KindAgent || k == KindHonorific }

// compose groups adjacent raw matches into mentions.
func (d *Dictionary) compose(ps []piece, rs []raw, s *scratch) []Match {
	var out []Match
	for i := 0; i < len(rs); {
		m, next, ok := d.mention(ps, rs, i, s)
		if ok {
			out = append(out, m)
			i = next
		} else {
			i++
		}
	}
	return out
}

// modify applies the modifier entries of rs[k] ("former", "deputy").
func (d *Dictionary) modify(ps []piece, r *raw, s *scratch, former, deputy *bool) {
	for _, e := range d.entriesOf(ps, r, s) {
		if e.Code == "ELI" {
			*former = true
		} else {
			*deputy = true
		}
	}
}

// mention builds the mention that starts at rs[i]:
//
//	[modifiers] [OWNER [modifiers]] [TITLE|AGENT|HONORIFIC [of [the] OWNER]] [PERSON]
//
// with every part adjacent to the next. It returns the index after it.
func (d *Dictionary) mention(ps []piece, rs []raw, i int, s *scratch) (Match, int, bool) {
	n := len(rs)
	adj := func(a, b int) bool { return adjacent(ps, &rs[a], &rs[b]) }
	var former, deputy bool
	j := i
	for j < n && rs[j].kind == KindModifier {
		if j+1 >= n || !adj(j, j+1) {
			return Match{}, 0, false
		}
		d.modify(ps, &rs[j], s, &former, &deputy)
		j++
	}
	owner, title, person := -1, -1, -1
	if j < n && rs[j].kind.ownerKind() {
		owner = j
		k := j + 1
		var mf, md bool
		for k < n && rs[k].kind == KindModifier && adj(k-1, k) {
			d.modify(ps, &rs[k], s, &mf, &md)
			k++
		}
		if k < n && (adj(k-1, k) && (rs[k].kind.titleLike() || rs[k].kind == KindPerson) ||
			rs[k].kind == KindAgent && k-1 == owner && nameBetween(ps, &rs[k-1], &rs[k])) {
			former, deputy = former || mf, deputy || md
			j = k
		} else {
			return d.ownerOnly(ps, rs, i, owner, former, deputy, s), owner + 1, true
		}
	}
	if j < n && rs[j].kind.titleLike() && (j == i || adj(j-1, j) ||
		rs[j].kind == KindAgent && j-1 == owner && nameBetween(ps, &rs[j-1], &rs[j])) {
		title = j
		j++
		if owner < 0 && rs[title].kind != KindHonorific {
			if o, ok := d.ofOwner(ps, rs, title); ok {
				owner = o
				j = o + 1
			}
		}
	}
	if j < n && rs[j].kind == KindPerson && (j == i || adj(j-1, j)) {
		person = j
		j++
	}
	if person >= 0 && rs[person].titled && (title < 0 || rs[title].kind == KindAgent) {
		person = -1 // "May" alone is the month
		j--
	}
	if title < 0 && person < 0 {
		if owner >= 0 {
			return d.ownerOnly(ps, rs, i, owner, former, deputy, s), owner + 1, true
		}
		return Match{}, 0, false
	}
	m := Match{Former: former, Deputy: deputy, Start: int(ps[rs[i].p0].start), End: int(ps[rs[j-1].p1-1].end)}
	if owner >= 0 {
		m.owners = append([]*Entry(nil), d.entriesOf(ps, &rs[owner], s)...)
		m.Owner = m.owners[0]
	}
	var t *Entry
	if title >= 0 {
		t = d.entriesOf(ps, &rs[title], s)[0]
	}
	if person >= 0 {
		if cands := d.filterPeople(d.entriesOf(ps, &rs[person], s), m.Owner, t); len(cands) > 0 {
			m.Kind, m.Entry, m.Candidates, m.Title = KindPerson, cands[0], cands, t
			return m, j, true
		}
	}
	if t != nil && t.OwnerOnly && owner < 0 {
		return Match{}, 0, false // "leader" alone: a title that needs an owner
	}
	if t == nil || t.Kind == KindHonorific {
		if owner >= 0 {
			// an owner whose name did not fit: "Jordan's King Abdullah" is no Saudi
			mm := d.ownerOnly(ps, rs, i, owner, former, deputy, s)
			mm.End = m.End
			return mm, j, true
		}
		return Match{}, 0, false
	}
	m.Kind, m.Entry, m.Candidates = t.Kind, t, []*Entry{t}
	m.Plural = rs[title].flags&tPlural != 0
	return m, j, true
}

// ownerOnly is the mention of the owner-kind raw at index at, with the
// modifiers from start.
func (d *Dictionary) ownerOnly(ps []piece, rs []raw, start, at int, former, deputy bool, s *scratch) Match {
	ents := append([]*Entry(nil), d.entriesOf(ps, &rs[at], s)...)
	return Match{
		Start: int(ps[rs[start].p0].start), End: int(ps[rs[at].p1-1].end),
		Kind: ents[0].Kind, Entry: ents[0], Candidates: ents, Former: former, Deputy: deputy,
	}
}

// ofOwner recognizes "TITLE of [the] OWNER" after the title at rs[t], and
// "AGENT for [the] OWNER" ("a spokesman for the Kremlin": who speaks for a
// body is of it; a title's "for" names a field, as in "Minister for
// Europe"); it returns the owner's index.
func (d *Dictionary) ofOwner(ps []piece, rs []raw, t int) (int, bool) {
	q := int(rs[t].p1)
	if q >= len(ps) || ps[q].flags&pBreak != 0 {
		return 0, false
	}
	isFor := ps[q].id == d.idFor && rs[t].kind == KindAgent
	if ps[q].id != d.idOf && !isFor {
		return 0, false
	}
	q++
	if q < len(ps) && ps[q].id == d.idThe && ps[q].flags&pBreak == 0 {
		q++
	}
	if t+1 < len(rs) && int(rs[t+1].p0) == q && ps[q].flags&pBreak == 0 {
		if e := int(rs[t+1].p1); isFor && e < len(ps) && ps[e].flags&(pUpper|pBreak) == pUpper {
			// a capitalized word goes on with the name: "a spokesman for
			// the Taiwan Spinners Association" speaks for the association
			return 0, false
		}
		if t+2 < len(rs) && rs[t+2].p0 == rs[t+1].p1 && rs[t+2].kind == KindAgent {
			// the place names a body's: "president of the Belgrade trade
			// union" heads the union, not the state
			return 0, false
		}
		switch rs[t+1].kind {
		case KindCountry, KindCapital, KindIGO, KindNGO, KindNSA, KindActor:
			// names, not adjectives: "President of the Brazilian central bank"
			return t + 1, true
		case KindRegion:
			// "Minister for Africa" has a field, not an owner
			return t + 1, !isFor
		case KindMetonym:
			return t + 1, isFor
		}
	}
	return 0, false
}

// filterPeople keeps the people consistent with an owner and prefers those
// who held an office the title names.
func (d *Dictionary) filterPeople(cands []*Entry, owner, title *Entry) []*Entry {
	var out []*Entry
	for _, e := range cands {
		if e.Kind != KindPerson {
			continue
		}
		if owner != nil && !personOf(e.Person, owner.Owner) {
			continue
		}
		out = append(out, e)
	}
	if title != nil && len(title.Offices) > 0 && len(out) > 1 {
		var held []*Entry
		for _, e := range out {
			if heldAny(e.Person, title.Offices) {
				held = append(held, e)
			}
		}
		if len(held) > 0 {
			out = held
		}
	}
	return out
}

// personOf reports whether p belongs to owner: their country or an office of
// that owner.
func personOf(p *Person, owner string) bool {
	if owner == "" || p.Country == owner {
		return true
	}
	for _, t := range p.Roles {
		if t.Office.Owner == owner {
			return true
		}
	}
	return false
}

func heldAny(p *Person, offices []*Office) bool {
	for _, t := range p.Roles {
		for _, o := range offices {
			if t.Office == o {
				return true
			}
		}
	}
	return false
}
