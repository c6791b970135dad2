package quote

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"slices"
	"sync"

	"github.com/dyadhq/dyad/internal/hashtab"
	"github.com/dyadhq/dyad/pkg/doc"
)

// CueModel scores a word as the cue of an attribution: an averaged
// perceptron over a verb's, noun's or adjective's lemma, tags, neighbours
// and dependents (a "that" clause, an object, a subject, a quote nearby),
// learned from an attribution corpus by TrainCues. It is used three ways,
// each only where the lexicons and rules found nothing: a verb the
// lexicons lack that scores at least Threshold is read by the rules as a
// stance verb ("she lamented the decision"); a word no rule took that
// scores at least Fallback (nouns and adjectives nounOffset less) takes its
// content and source from the parse ("their scorn for the rules"); and a
// quote no rule attached takes the verb the parse hangs it on, when that
// is a verb of saying or scores at least Fallback.
type CueModel struct {
	w map[uint64]float32
	// tab holds w for scoring, built on first use and shared by copies:
	// an open-addressing table is several times faster to probe than the
	// map, and scoring runs on most verbs.
	tab *lazyTable
	// Threshold is the least score admitting a verb the lexicons lack,
	// Fallback the least score for which a word that no rule took gets
	// its arguments from the parse (NaN: never for either). Both were
	// chosen by five-fold cross-validation on PolNeAR train.
	Threshold, Fallback float32
}

// CueModelPath is where the build embeds the cue model, from the project
// root (`dyad train quotes` writes it there).
const CueModelPath = "internal/quote/models/cues.bin.gz"

//go:embed models/cues.bin.gz
var cueModelData []byte

var embeddedCues = sync.OnceValues(func() (*CueModel, error) {
	return ReadCueModel(bytes.NewReader(cueModelData))
})

// LoadCueModel returns the embedded cue model, read once per process.
func LoadCueModel() (*CueModel, error) { return embeddedCues() }

// Len is the number of features with a weight.
func (m *CueModel) Len() int { return len(m.w) }

// cueCandidate tells whether token i is one the model scores: a verb,
// noun or adjective outside quote marks.
func (s *state) cueCandidate(i int) bool {
	if s.tokQ[i] >= 0 || s.lemmas[i] == "" {
		return false
	}
	switch s.upos(i) {
	case "AUX":
		return false
	case "NOUN", "ADJ":
		return true
	}
	return s.isVerb(i)
}

// learnedCue tells whether the model admits verb i, whose lemma no cue
// lexicon knows, as a cue.
func (s *state) learnedCue(i int) bool {
	m := s.x.cues
	if m == nil || !s.cueCandidate(i) || s.upos(i) == "NOUN" || s.upos(i) == "ADJ" {
		return false
	}
	switch l := s.cueLemma(i); {
	case known(l), l == "make", l == "raise", l == "be", l == "have", l == "do":
		return false
	}
	if _, n := s.phrasal(i); n > 0 || s.makesMedium(i) {
		return false
	}
	return s.cueScoreOf(i) >= m.Threshold
}

// makesMedium tells whether verb i has a medium of speech as its object
// ("released a statement", "issued the following report"): the medium's
// own cue, if any, says what was said.
func (s *state) makesMedium(i int) bool {
	_, hi := s.sentBounds(i)
	for k := i + 1; k < min(hi, i+5); k++ {
		if s.upos(k) == "NOUN" {
			return cueNouns[s.lemmas[k]] || venueNouns[s.lemmas[k]]
		}
		if s.isVerb(k) || s.isPunct(k) {
			return false
		}
	}
	return false
}

// cueScoreOf returns the model's score of candidate i, computed once per
// token.
func (s *state) cueScoreOf(i int) float32 {
	m := s.x.cues
	if s.cueScore == nil {
		s.cueScore = make([]float32, len(s.d.Tokens))
		for k := range s.cueScore {
			s.cueScore[k] = float32(math.NaN())
		}
	}
	if v := s.cueScore[i]; v == v {
		return v
	}
	s.fbuf = s.cueFeatures(i, s.fbuf[:0])
	t := m.tab.get(m.w)
	var v float32
	for _, f := range s.fbuf {
		v += t.Get(f)
	}
	s.cueScore[i] = v
	return v
}

// FNV-1a, so that feature hashes are the same in every process.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashStr(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	h ^= 0xff // separator: "ab"+"c" differs from "a"+"bc"
	h *= fnvPrime
	return h
}

func feat(kind string, parts ...string) uint64 {
	h := hashStr(fnvOffset, kind)
	for _, p := range parts {
		h = hashStr(h, p)
	}
	return h
}

// children returns the dependents of token i, from a table built once per
// document.
func (s *state) children(i int) []int32 {
	if !s.parsed {
		return nil
	}
	if s.kidStart == nil {
		n := len(s.d.Tokens)
		s.kidStart = make([]int32, n+1)
		for k := range s.d.Tokens {
			if h := s.d.Tokens[k].Head; h >= 0 && h < n {
				s.kidStart[h+1]++
			}
		}
		for k := 0; k < n; k++ {
			s.kidStart[k+1] += s.kidStart[k]
		}
		s.kids = make([]int32, s.kidStart[n])
		next := slices.Clone(s.kidStart[:n])
		for k := range s.d.Tokens {
			if h := s.d.Tokens[k].Head; h >= 0 && h < n {
				s.kids[next[h]] = int32(k)
				next[h]++
			}
		}
	}
	return s.kids[s.kidStart[i]:s.kidStart[i+1]]
}

// cueFeatures appends the features of candidate token i to out.
func (s *state) cueFeatures(i int, out []uint64) []uint64 {
	t := &s.d.Tokens[i]
	l := s.lemmas[i]
	x := s.xpos(i)
	lex := "-"
	if fl, ok := cueVerbs[s.cueLemma(i)]; ok {
		lex = string(rune('a' + fl))
	} else if known(s.cueLemma(i)) {
		lex = "st"
	}
	out = append(out, feat("lex", lex), feat("b"), feat("l", l), feat("lx", l, x), feat("x", x), feat("d", t.Deprel), feat("ld", l, t.Deprel))
	if len(l) > 3 {
		out = append(out, feat("s3", l[len(l)-3:]))
	}
	if h := t.Head; h >= 0 && h < len(s.d.Tokens) {
		out = append(out, feat("hd", s.upos(h), t.Deprel), feat("hl", s.lemmas[h], t.Deprel))
		if h < i && s.isVerb(h) {
			out = append(out, feat("hcue", boolWord(known(s.cueLemma(h)))))
		}
	}
	lo, hi := s.sentBounds(i)
	word := func(k int) string {
		if k < lo || k >= hi {
			return "<s>"
		}
		if s.tokQ[k] >= 0 {
			return "<q>"
		}
		switch s.upos(k) {
		case "PROPN":
			return "<name>"
		case "NUM":
			return "<num>"
		}
		return s.lower(k)
	}
	out = append(out, feat("n1", word(i+1)), feat("ln1", l, word(i+1)), feat("n2", word(i+1), word(i+2)),
		feat("p1", word(i-1)), feat("lp1", l, word(i-1)), feat("p2", word(i-2), word(i-1)))
	if i+1 < hi {
		out = append(out, feat("n1u", s.upos(i+1)))
	}
	if i-1 >= lo {
		out = append(out, feat("p1u", s.upos(i-1)))
	}
	if i == lo {
		out = append(out, feat("first"))
	}
	for k := max(lo, i-4); k < min(hi, i+5); k++ {
		if s.tokQ[k] >= 0 {
			if k < i {
				out = append(out, feat("qb"))
			} else {
				out = append(out, feat("qa"))
			}
			break
		}
	}
	for k := i + 1; k < min(hi, i+4); k++ {
		if s.is(k, ":") {
			out = append(out, feat("colon"))
			break
		}
	}
	if c, rank := s.frameChild(i); c >= 0 {
		// The parse's frame: which dependent would hold the content.
		out = append(out, feat("fr", string(rune('0'+rank))), feat("lfr", l, string(rune('0'+rank))))
	} else {
		out = append(out, feat("fr", "-"))
	}
	for _, c := range s.children(i) {
		k := int(c)
		rel := s.d.Tokens[k].Deprel
		out = append(out, feat("c", rel), feat("lc", l, rel))
		switch rel {
		case "mark", "case", "compound:prt", "prt", "advmod", "aux", "aux:pass", "expl", "nsubj:pass":
			out = append(out, feat("cw", rel, s.lower(k)))
		case "nsubj":
			w := s.upos(k)
			if s.upos(k) == "PRON" {
				w = s.lower(k)
			} else if anonHeads[s.lemmas[k]] {
				w = "anon"
			}
			out = append(out, feat("subj", w), feat("lsubj", l, s.upos(k)), feat("lsubjw", l, w))
		case "ccomp", "xcomp", "obj", "obl", "advcl":
			out = append(out, feat("cu", rel, s.upos(k)))
			if rel == "obj" || rel == "obl" {
				// What the verb acts on: "criticized the deal" against
				// "built a wall".
				out = append(out, feat("co", rel, s.lemmas[k]), feat("lco", l, rel, s.upos(k)))
			}
			for _, g := range s.children(k) {
				if r := s.d.Tokens[g].Deprel; r == "mark" || r == "case" {
					out = append(out, feat("cm", rel, s.lower(int(g))), feat("lcm", l, rel, s.lower(int(g))))
				}
			}
		}
	}
	return out
}

func boolWord(b bool) string {
	if b {
		return "y"
	}
	return "n"
}

// CueExample is one parsed document with the byte spans of its gold
// cues, for TrainCues.
type CueExample struct {
	Doc  *doc.Document
	Cues [][2]int
}

// CueTrainConfig tunes TrainCues.
type CueTrainConfig struct {
	Epochs              int       // passes over the data (default 8)
	Seed                uint64    // shuffling seed
	MinCount            int       // drop features seen fewer times (default 2)
	Threshold, Fallback float32   // the model's thresholds
	Log                 io.Writer // progress, nil for none
}

// DefaultCueTrainConfig is the configuration of the embedded model, with
// the thresholds chosen by five-fold cross-validation on PolNeAR train.
func DefaultCueTrainConfig() CueTrainConfig {
	return CueTrainConfig{Epochs: 8, Seed: 1, MinCount: 2, Threshold: 3, Fallback: 3}
}

// TrainCues learns a cue model from parsed documents with gold cue spans:
// every candidate word (a verb, noun or adjective outside quote marks) is
// an example, positive when it lies in a gold cue. The same examples,
// configuration and seed give the same model.
func TrainCues(exs []CueExample, cfg CueTrainConfig) *CueModel {
	if cfg.Epochs == 0 {
		cfg.Epochs = 8
	}
	if cfg.MinCount == 0 {
		cfg.MinCount = 2
	}
	type example struct {
		f   []uint64
		pos bool
	}
	var data []example
	counts := map[uint64]int{}
	x := New(nil)
	npos := 0
	for _, e := range exs {
		if len(e.Doc.Tokens) == 0 || len(e.Doc.Sentences) == 0 {
			continue
		}
		s := newState(x, e.Doc, nil, nil)
		for i := range e.Doc.Tokens {
			if !s.cueCandidate(i) {
				continue
			}
			t := e.Doc.Tokens[i]
			pos := false
			for _, c := range e.Cues {
				if t.Start < c[1] && t.End > c[0] {
					pos = true
					break
				}
			}
			f := s.cueFeatures(i, nil)
			for _, h := range f {
				counts[h]++
			}
			if pos {
				npos++
			}
			data = append(data, example{f, pos})
		}
	}
	idx := map[uint64]int32{}
	for i := range data {
		kept := data[i].f[:0]
		for _, h := range data[i].f {
			if counts[h] >= cfg.MinCount {
				kept = append(kept, h)
				if _, ok := idx[h]; !ok {
					idx[h] = int32(len(idx))
				}
			}
		}
		data[i].f = kept
	}
	p := newAveraged(len(idx))
	sh := newShuffler(cfg.Seed, 0x5eed, len(data))
	for ep := 0; ep < cfg.Epochs; ep++ {
		errs := 0
		for _, k := range sh.next() {
			e := data[k]
			var v float64
			for _, h := range e.f {
				v += p.w[idx[h]]
			}
			y := -1.0
			if e.pos {
				y = 1
			}
			if v*y <= 0 {
				errs++
				for _, h := range e.f {
					p.add(int(idx[h]), y)
				}
			}
			p.tick()
		}
		if cfg.Log != nil {
			fmt.Fprintf(cfg.Log, "cues: epoch %d: %d examples (%d cues), %d mistakes\n", ep+1, len(data), npos, errs)
		}
	}
	m := &CueModel{w: make(map[uint64]float32, len(idx)), tab: new(lazyTable), Threshold: cfg.Threshold, Fallback: cfg.Fallback}
	for h, j := range idx {
		if a, ok := p.average(int(j)); ok {
			m.w[h] = a
		}
	}
	return m
}

// shuffler gives the examples' order for each epoch of training, drawn
// from a fixed seed (and stream) so that the same data give the same model.
type shuffler struct {
	rng   *rand.Rand
	order []int
}

func newShuffler(seed, stream uint64, n int) *shuffler {
	sh := &shuffler{rng: rand.New(rand.NewPCG(seed, stream)), order: make([]int, n)}
	for i := range sh.order {
		sh.order[i] = i
	}
	return sh
}

// next shuffles the order again and returns it.
func (sh *shuffler) next() []int {
	sh.rng.Shuffle(len(sh.order), func(i, j int) { sh.order[i], sh.order[j] = sh.order[j], sh.order[i] })
	return sh.order
}

// averaged is an averaged perceptron's weights: w the current ones, u the
// sum of the updates weighted by when they happened, so that the average
// is w - u/c.
type averaged struct {
	w, u []float64
	c    float64
}

func newAveraged(n int) *averaged {
	return &averaged{w: make([]float64, n), u: make([]float64, n), c: 1}
}

// add moves weight j by d at the current time.
func (p *averaged) add(j int, d float64) {
	p.w[j] += d
	p.u[j] += d * p.c
}

// tick counts one example seen.
func (p *averaged) tick() { p.c++ }

// average returns weight j averaged over time, and false when it is too
// small to keep.
func (p *averaged) average(j int) (float32, bool) {
	a := p.w[j] - p.u[j]/p.c
	return float32(a), math.Abs(a) > 1e-4
}

// caseOf tells whether token k has a case marker in ws ("support for
// X": X's case is "for"), or a clause marker ("thinking about running").
func (s *state) caseOf(k int, ws map[string]bool) bool {
	for _, g := range s.children(k) {
		if r := s.d.Tokens[g].Deprel; (r == "case" || r == "mark") && ws[s.lower(int(g))] {
			return true
		}
	}
	return false
}

// Prepositions opening the content of a noun or adjective cue ("support
// for X") and of a verb cue ("talked about X").
var (
	nounCases = lexSet("of for to on about against over with in")
	verbCases = lexSet("about on for against of to at over with into upon toward towards")
)

// lazyTable builds a model's weight table once, on first use.
type lazyTable struct {
	once sync.Once
	t    hashtab.Table[float32]
}

func (l *lazyTable) get(w map[uint64]float32) *hashtab.Table[float32] {
	l.once.Do(func() {
		l.t = hashtab.New[float32](len(w))
		for k, v := range w {
			*l.t.Ref(k) = v
		}
	})
	return &l.t
}
