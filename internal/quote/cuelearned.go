package quote

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"

	"github.com/dyadhq/dyad/internal/modelfile"
)

const cueMagic = "DYADCUE1"

// nounOffset is added to Fallback for nouns and adjectives: their frames
// from the parse pay at a lower score (five-fold cross-validation on
// PolNeAR train: overlap F1 0.7369 at 0, 0.7380 at -3, 0.7380 at -6 with
// more spurious attributions, 0.7361 at -10).
const nounOffset = -3

// Write stores the model: a gzip stream of the magic, the two thresholds,
// the number of features and the (hash, weight) pairs in hash order, so
// that the same model gives the same bytes.
func (m *CueModel) Write(w io.Writer) error {
	return modelfile.Write(w, func(bw *bufio.Writer) error {
		bw.WriteString(cueMagic)
		keys := make([]uint64, 0, len(m.w))
		for h := range m.w {
			keys = append(keys, h)
		}
		slices.Sort(keys)
		var b [12]byte
		binary.LittleEndian.PutUint32(b[:4], math.Float32bits(m.Threshold))
		binary.LittleEndian.PutUint32(b[4:8], math.Float32bits(m.Fallback))
		binary.LittleEndian.PutUint32(b[8:], uint32(len(keys)))
		bw.Write(b[:])
		for _, h := range keys {
			binary.LittleEndian.PutUint64(b[:8], h)
			binary.LittleEndian.PutUint32(b[8:12], math.Float32bits(m.w[h]))
			bw.Write(b[:])
		}
		return nil
	})
}

// ReadCueModel reads a model stored by Write.
func ReadCueModel(r io.Reader) (*CueModel, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	br := bufio.NewReader(zr)
	head := make([]byte, len(cueMagic)+12)
	if _, err := io.ReadFull(br, head); err != nil {
		return nil, err
	}
	if string(head[:len(cueMagic)]) != cueMagic {
		return nil, errors.New("quote: not a cue model")
	}
	h := head[len(cueMagic):]
	m := &CueModel{
		tab:       new(lazyTable),
		Threshold: math.Float32frombits(binary.LittleEndian.Uint32(h)),
		Fallback:  math.Float32frombits(binary.LittleEndian.Uint32(h[4:])),
	}
	n := binary.LittleEndian.Uint32(h[8:])
	if n > 1<<24 {
		return nil, errors.New("quote: cue model too large")
	}
	m.w = make(map[uint64]float32, n)
	var b [12]byte
	for k := uint32(0); k < n; k++ {
		if _, err := io.ReadFull(br, b[:]); err != nil {
			return nil, fmt.Errorf("quote: cue model: %w", err)
		}
		m.w[binary.LittleEndian.Uint64(b[:8])] = math.Float32frombits(binary.LittleEndian.Uint32(b[8:]))
	}
	return m, nil
}

// WithCues returns a copy of x reading cue model m with the given
// thresholds (CueModel.Threshold and Fallback; NaN disables either); a nil
// m admits no cue.
func (x *Extractor) WithCues(m *CueModel, threshold, fallback float32) *Extractor {
	y := *x
	if m != nil {
		c := *m
		c.Threshold, c.Fallback = threshold, fallback
		m = &c
	}
	y.cues = m
	return &y
}

// learned gives a word that the model scores at least Fallback, which no
// rule took, its arguments from the parse: its
// clausal complement, else its infinitive or object (for a noun or an
// adjective, its "of", "for", "to" ... phrase), or else the noun it
// modifies ("the plan proposed by", modifiedFrame), is the content and its
// subject (or possessor, or agent) the source.
func (s *state) learned() {
	m := s.x.cues
	if m == nil || !s.parsed {
		return
	}
	if m.Fallback != m.Fallback || s.only != nil {
		return
	}
	for _, sent := range s.d.Sentences {
		if s.headline(sent) {
			continue
		}
		for i := sent.First; i < sent.Last; i++ {
			if s.owner[i] >= 0 || s.only != nil && !s.only[i] || !s.cueCandidate(i) || s.makesMedium(i) {
				continue
			}
			// The frame first: it is cheaper than the score.
			c, rank := s.frameChild(i)
			ma, mb := 0, 0
			if c < 0 {
				if c, ma, mb = s.modifiedFrame(i, sent.First); c < 0 {
					continue
				}
				rank = 3
			}

			th := m.Fallback
			if !s.isVerb(i) {
				th += nounOffset
			}
			if s.cueScoreOf(i) < th {
				continue
			}
			if mb > ma {
				s.makeFrame(i, c, rank, ma, mb, sent.First, sent.Last)
			} else {
				s.parseFrame(i, c, rank, sent.First, sent.Last)
			}
		}
	}
}

// modifiedFrame returns, for a verb with no frame of its own that
// modifies a noun or pronoun before it, that word and the phrase it heads
// up to the verb's own clause: "the bill opposed by Democrats", "a deal
// Trump supported", "what he wrote". It is the content; c is -1 when the
// verb is no such modifier, or when the noun is its doer ("the voters who
// turned out", "people protesting").
func (s *state) modifiedFrame(i, lo int) (c, a, b int) {
	h := int(s.d.Tokens[i].Head)
	if h < lo || h >= i || !s.isVerb(i) {
		return -1, 0, 0
	}
	switch s.upos(h) {
	case "NOUN", "PROPN", "PRON":
	default:
		return -1, 0, 0
	}
	switch s.d.Tokens[i].Deprel {
	case "acl":
		// A participle: "the plan proposed by"; not "people protesting".
		if s.d.Tokens[i].XPOS != "VBN" {
			return -1, 0, 0
		}
		for _, k := range s.children(i) {
			if r := s.d.Tokens[k].Deprel; r == "nsubj" || r == "nsubj:pass" {
				return -1, 0, 0
			}
		}
	case "acl:relcl":
		// The noun is what the clause's subject acts on: a subject that
		// is the relative word makes the noun the doer.
		subj := false
		for _, k := range s.children(i) {
			if r := s.d.Tokens[k].Deprel; r == "nsubj" || r == "nsubj:pass" {
				if r == "nsubj:pass" || relWord(s.lower(int(k))) {
					return -1, 0, 0
				}
				subj = true
			}
		}
		if !subj && s.d.Tokens[i].XPOS != "VBN" {
			return -1, 0, 0
		}
	default:
		return -1, 0, 0
	}
	// Only the noun phrase's own modifiers: "That's what he wrote", "of
	// the plan" keep their verb and preposition out.
	a, b = h, i
	for a-1 >= lo && s.descends(a-1, h) && nounMods[s.d.Tokens[a-1].Deprel] {
		a--
	}
	for b-1 > h && s.descends(b-1, i) {
		b--
	}
	a, b = s.stripPunct(a, b)
	if b <= a {
		return -1, 0, 0
	}
	return h, a, b
}

// frameChild returns the dependent of word i that holds its content (-1
// none) and its rank: 0 a clausal complement, 1 an infinitive or a clause
// after a noun, 2 an object or a noun's prepositional phrase, 3 a verb's
// prepositional phrase (a gerund's too: "thinking about running") or its
// passive subject.
func (s *state) frameChild(i int) (c, rank int) {
	c, rank = -1, 4
	verb := s.isVerb(i)
	for _, k := range s.children(i) {
		r := 4
		switch s.d.Tokens[k].Deprel {
		case "ccomp":
			r = 0
		case "xcomp":
			r = 1
		case "obj":
			if verb {
				r = 2
			}
		case "acl":
			if !verb && k > int32(i) {
				r = 1
			}
		case "nmod", "obl":
			if !verb && k > int32(i) && s.caseOf(int(k), nounCases) {
				r = 2
			} else if verb && k > int32(i) && s.caseOf(int(k), verbCases) {
				// "talked about the wall", "focused on jobs".
				r = 3
			}
		case "advcl":
			if verb && k > int32(i) && s.caseOf(int(k), verbCases) {
				// "thinking about running", "agreed on creating".
				r = 3
			}
		case "nsubj:pass":
			if verb && k < int32(i) {
				// "the plan was criticized by Democrats": the subject.
				r = 3
			}
		}
		if r < rank {
			c, rank = int(k), r
		}
	}
	return c, rank
}

// parseFrame makes the attribution of cue word i whose content is the
// subtree of its dependent c of the given rank (frameChild).
func (s *state) parseFrame(i, c, rank, lo, hi int) bool {
	a, b := c, c+1
	for a-1 >= lo && s.descends(a-1, c) {
		a--
	}
	for b < hi && s.descends(b, c) {
		b++
	}
	// "support for the wall": the preposition is no part of the content.
	for a < b && a != c && s.d.Tokens[a].Head == c && s.d.Tokens[a].Deprel == "case" {
		a++
	}
	a, b = s.stripPunct(a, b)
	return s.makeFrame(i, c, rank, a, b, lo, hi)
}

// makeFrame makes the attribution of cue word i whose content is [a, b),
// headed by c (a dependent of i, or the noun i modifies).
func (s *state) makeFrame(i, c, rank, a, b, lo, hi int) bool {
	verb := s.isVerb(i)
	// A quote is taken whole or not at all.
	for k := a; k < b; k++ {
		if q := s.tokQ[k]; q >= 0 {
			f, l := s.spanTokens(int(q))
			a, b = min(a, f), max(b, l)
			k = max(k, l-1)
		}
	}
	if b <= a || a <= i && i < b || s.allTime(a, b) {
		// "was booed Monday": a date says nothing.
		return false
	}
	for k := a; k < b; k++ {
		if s.owner[k] >= 0 {
			return false
		}
	}
	f := frame{lemma: s.lemmas[i], cueA: i, cueB: i + 1, verb: verb}
	for f.cueA > lo && s.isAux(f.cueA-1) && s.tokQ[f.cueA-1] < 0 {
		f.cueA--
	}
	modifies := c == int(s.d.Tokens[i].Head)
	if s.d.Tokens[c].Deprel == "nsubj:pass" || modifies {
		// The passive's agent holds the stance: "criticized by Democrats".
		for _, k := range s.children(i) {
			if r := s.d.Tokens[k].Deprel; r == "obl:agent" && int(k) > i && !s.owned(int(k), int(k)+1) {
				pa, pb := s.subtree(int(k), i+1, hi)
				for pa < pb && s.is(pa, "by") {
					pa++
				}
				if pa < pb && !s.quoted(pa, pb) {
					f.spkA, f.spkB = pa, pb
				}
			}
		}
		// "a deal Trump supported": the clause's subject.
		if pa, pb, ok := s.sourceOf(i); modifies && f.spkB == 0 && ok && (pb <= a || pa >= b) && !s.owned(pa, pb) {
			f.spkA, f.spkB = pa, pb
		}
	} else if pa, pb, ok := s.sourceOf(i); ok && (pb <= a || pa >= b) && !s.owned(pa, pb) {
		f.spkA, f.spkB = pa, pb
	} else if !verb {
		// "Trump's support for the wall", "her plan to": the possessor.
		for _, k := range s.children(i) {
			if r := s.d.Tokens[k].Deprel; (r == "nmod:poss" || r == "det:poss") && int(k) < i && !s.owned(int(k), int(k)+1) {
				pa, pb := s.subtree(int(k), lo, i)
				if pa < pb && pb <= i {
					f.spkA, f.spkB = pa, pb
				}
			}
		}
	}
	kind := Stance
	if rank == 0 {
		kind = Indirect
	}
	q := Quote{Kind: kind, Continues: -1, Speaker: noSpeaker()}
	s.content(&q, a, b)
	s.applyFrame(&q, f)
	s.add(q)
	return true
}

// directParse attaches a quote that no rule attached to the verb the parse
// hangs it on, when that verb is a verb of saying or the model scores it
// at least Fallback: "“Very good reporter,” Trump, the front-runner in
// South Carolina after winning New Hampshire, said", where the speaker
// phrase is too long for the rules. Its subject is the source.
func (s *state) directParse() {
	m := s.x.cues
	if m == nil || !s.parsed || m.Fallback != m.Fallback {
		return
	}
	for k := range s.spans {
		if s.spanQuote[k] >= 0 {
			continue
		}
		first, last := s.spanTokens(k)
		if first < 0 || last-first < 4 || s.owned(first, last) {
			continue
		}
		h := -1
		for i := first; i < last && h != -2; i++ {
			if s.isPunct(i) {
				continue
			}
			if hd := s.d.Tokens[i].Head; hd >= 0 && (hd < first || hd >= last) {
				if h == -1 {
					h = hd
				} else if hd != h {
					h = -2
				}
			}
		}
		if h < 0 || h >= len(s.d.Tokens) || s.owner[h] >= 0 || s.tokQ[h] >= 0 || s.upos(h) == "AUX" || !s.isVerb(h) ||
			s.d.SentenceOf(h) != s.d.SentenceOf(first) {
			continue
		}
		l := s.cueLemma(h)
		if fl, ok := cueVerbs[l]; !(ok && fl&cSpeech != 0) && s.cueScoreOf(h) < m.Fallback {
			continue
		}
		lo, hi := s.sentBounds(h)
		f := frame{lemma: l, cueA: h, cueB: h + 1, verb: true}
		for f.cueA > lo && s.isAux(f.cueA-1) && s.tokQ[f.cueA-1] < 0 {
			f.cueA--
		}
		if pa, pb, ok := s.sourceOf(h); ok && pa >= lo && pb <= hi && (pb <= first || pa >= last) && !s.owned(pa, pb) {
			f.spkA, f.spkB = pa, pb
		}
		q := Quote{Kind: Direct, Continues: -1, Speaker: noSpeaker()}
		s.content(&q, first, last)
		q.Start, q.End = s.spans[k].Start, s.spans[k].End
		s.applyFrame(&q, f)
		s.spanQuote[k] = s.add(q)
	}
}

// sourceOf returns the subject phrase of verb v from the parse, without
// the quote marks or punctuation a parser may hang on its edges; ok is
// false when there is none or it holds quoted words other than a short
// title ("Smith, host of "Morning Talk," suggested").
func (s *state) sourceOf(v int) (int, int, bool) {
	a, b, ok := s.subjectOf(v)
	if !ok {
		return 0, 0, false
	}
	for a < b && (s.tokQ[a] >= 0 || s.isPunct(a)) {
		a++
	}
	for b > a && (s.tokQ[b-1] >= 0 && !s.titleIn(a, b, b-1) || s.isPunct(b-1) && s.tokQ[b-1] < 0) {
		b--
	}
	for k := a; k < b; k++ {
		if s.tokQ[k] >= 0 && !s.titleIn(a, b, k) {
			return 0, 0, false
		}
	}
	return a, b, a < b
}

// titleIn tells whether quoted token k belongs to a short quoted span
// (a title, at most eight tokens) that lies inside [a, b).
func (s *state) titleIn(a, b, k int) bool {
	f, l := s.spanTokens(int(s.tokQ[k]))
	return f > a && l <= b && l-f <= 8
}

// quoted tells whether any token in [a, b) is inside quote marks.
func (s *state) quoted(a, b int) bool {
	for k := a; k < b; k++ {
		if s.tokQ[k] >= 0 {
			return true
		}
	}
	return false
}

// allTime tells whether [a, b) is a time expression and nothing else
// ("was booed Monday": a date, no content).
func (s *state) allTime(a, b int) bool {
	for k := a; k < b; k++ {
		if !s.isTime(k) {
			return false
		}
	}
	return true
}

// nounMods are the relations of the words before a noun that stay with it
// when modifiedFrame takes it as a content.
var nounMods = map[string]bool{
	"det": true, "amod": true, "compound": true, "flat": true, "nmod:poss": true, "nummod": true,
	"det:poss": true, "flat:name": true, "punct": true,
}
