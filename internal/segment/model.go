package segment

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/dyadhq/dyad/internal/hashtab"
	"github.com/dyadhq/dyad/internal/tokenize"
)

// The boundary model is an averaged perceptron over hashed features of the
// tokens around a gap (their forms and shapes, the punctuation rule's
// verdict, how far the sentence has run). It decides the gaps the rules
// leave open or only suggest: after final punctuation, after other
// punctuation, and before a capitalized word or a number; it never touches
// what the rules decide for certain (blank lines and line layout, lists,
// abbreviations, spaced ellipses, bullets). Web text drops final punctuation
// often (e-mail signatures, headers, forum posts), which rules cannot see;
// the model learns where from UD English EWT train (see models/NOTICE).

const (
	modelBits    = 16
	modelSize    = 1 << modelBits
	modelMagic   = "dyad-segment-boundary/2\n"
	featureCount = 37
)

// Model holds the perceptron's weights, indexed by feature hash.
type Model struct {
	w []float32
	// casing maps a word's formHash to how it is written inside sentences
	// in the training text: caseLower (mostly in lower case: a capital then
	// marks a sentence start) or caseUpper (mostly capitalized: a name),
	// and from bit startShift how often it starts a sentence (positions).
	casing map[uint64]uint8
	// lex holds casing and, with bit starterBit, the sentence starters,
	// for one lookup per token.
	lex hashtab.Table[uint8]
}

// Bits of a lex value besides the casing class (bits 0-1):
// starterBit marks the tokenizer's sentence starters; the learned rate
// (rateClass) of starting a sentence takes two bits from startShift.
const (
	starterBit = 4
	startShift = 3
)

// index builds lex from casing and the tokenizer's sentence starters.
func (m *Model) index() {
	starters := tokenize.Starters()
	m.lex = hashtab.New[uint8](len(m.casing) + len(starters))
	for k, v := range m.casing {
		*m.lex.Ref(k) |= v
	}
	for _, w := range starters {
		*m.lex.Ref(formHash(w)) |= starterBit
	}
}

// Casing classes of a word.
const (
	caseUnknown = iota
	caseLower
	caseUpper
	caseMixed
)

//go:embed models/boundary.bin.gz
var embedded []byte

var (
	modelOnce sync.Once
	model     *Model
	modelErr  error
)

// defaultModel returns the embedded model, loaded once; nil (rules only)
// if it cannot be read, which a test guards against.
func defaultModel() *Model {
	modelOnce.Do(func() {
		model, modelErr = ReadModel(bytes.NewReader(embedded))
	})
	return model
}

// EmbeddedModelError reports whether the embedded model failed to load.
func EmbeddedModelError() error {
	defaultModel()
	return modelErr
}

// model lets the boundary model decide the gaps the rules left open or only
// suggested, left to right (the length of the current sentence is one of
// its features).
func (s *segmenter) model(m *Model) {
	var f [featureCount]uint32
	var c gapContext
	for i := 1; i < len(s.toks); i++ {
		b := s.brk[i]
		if b&(bHard|bKeep) != 0 || !s.candidate(i) {
			if b&bSentence != 0 {
				c.sent.restart(i)
			}
			continue
		}
		c.advance(s, i)
		n := s.features(&f, i, &c, m)
		th := float32(0)
		if b&(bRule|bRuleNo) == 0 && !s.informal {
			// Without punctuation, edited text ends a sentence only
			// where the model is sure (a title line, a dateline).
			th = formalMargin
		}
		if m.score(f[:n]) > th {
			s.brk[i] |= bSentence
			c.sent.restart(i)
		} else {
			s.brk[i] &^= bSentence
		}
	}
}

// gapContext is what the features know beyond the tokens near a gap: the
// sentence and the paragraph it is in.
type gapContext struct {
	sent sentState
	para paraState
	ring [4]tokInfo
}

func (c *gapContext) advance(s *segmenter, i int) {
	c.para.advance(s, i)
	c.sent.advance(s, i)
}

// sentState follows the current sentence: its first token and how many of
// its tokens before the gap are lower-case words.
type sentState struct {
	start, seen, lower int
	// firstAt is start+1 once form and shape hold the hashes of the
	// sentence's first token.
	firstAt     int
	form, shape uint64
}

func (t *sentState) restart(i int) { t.start, t.seen, t.lower = i, i, 0 }

// first returns the form and shape hashes of the sentence's first token.
func (t *sentState) first(s *segmenter) (form, shape uint64) {
	if t.firstAt != t.start+1 {
		t.firstAt = t.start + 1
		t.form, t.shape = hashes(s.word(t.start))
	}
	return t.form, t.shape
}

func (t *sentState) advance(s *segmenter, i int) {
	if t.seen < t.start {
		t.seen = t.start
	}
	for ; t.seen < i; t.seen++ {
		if w := s.word(t.seen); isLower(w[0]) {
			t.lower++
		}
	}
}

// paraState follows the paragraph (or line) the model is in: the tokens
// [start, next) between hard breaks, and whether final punctuation occurs
// in it.
type paraState struct {
	start, next int
	final       bool
}

// advance moves to the paragraph holding token i.
func (p *paraState) advance(s *segmenter, i int) {
	if i < p.next {
		return
	}
	p.start = i - 1
	for p.start > 0 && s.brk[p.start]&(bHard|bSentence) != bHard|bSentence {
		p.start--
	}
	p.next = i + 1
	for p.next < len(s.toks) && s.brk[p.next]&(bHard|bSentence) != bHard|bSentence {
		p.next++
	}
	p.final = false
	for k := p.start; k < p.next; k++ {
		switch s.text[s.toks[k].Start] {
		case '.', '!', '?', 0xe2:
			if t := terminal(s.word(k)); t == tDot || t == tMark || t == tEllipsis {
				p.final = true
				return
			}
		}
	}
}

// formalMargin is the score a boundary without punctuation needs in edited
// text: the model learned from web text, where such boundaries abound.
const formalMargin = 6

func (m *Model) score(f []uint32) float32 {
	var sum float32
	for _, k := range f {
		sum += m.w[k]
	}
	return sum
}

// candidate reports whether the gap before token i is one the model
// decides: where the punctuation rules spoke, and in informal web text (see
// isInformal) any other gap before a word that can start a sentence (not a
// comma, closing bracket...), as web text often leaves out capitals and
// punctuation; in edited text only gaps before a capital, a quote, or a
// number after punctuation.
func (s *segmenter) candidate(i int) bool {
	if s.brk[i]&(bRule|bRuleNo) != 0 {
		return true
	}
	c := s.word(i)[0]
	switch c {
	case ',', ';', ':', ')', ']', '}', '%', '.', '?', '!', '\'':
		return false
	}
	if s.informal {
		return true
	}
	// Edited text: a sentence without final punctuation still starts
	// with a capital, or with a number after punctuation (a dateline, a
	// heading, a list).
	switch {
	case isUpper(c):
		return true
	case isDigit(c):
		l := s.word(i - 1)[0]
		return !isLower(l) && !isUpper(l)
	case c >= utf8.RuneSelf:
		r, _ := utf8.DecodeRuneInString(s.word(i))
		return isUpperRune(r) || isBullet(r) || r == '\u201c'
	}
	return c == '"'
}

// isInformal reports whether the text shows the habits of informal web text
// (e-mail, forums, reviews), where sentences often lack final punctuation
// or capitals: a lower-case "i", a sentence mark followed by a lower-case
// word, doubled marks (!! ?!), an e-mail address, an emoticon. News and
// other edited text shows none of these, and there the model only judges
// the boundaries that punctuation proposes.
func (s *segmenter) isInformal() bool {
	at := strings.IndexByte(s.text, '@') >= 0
	for i := range s.toks {
		t := &s.toks[i]
		c := s.text[t.Start]
		switch c {
		case 'i':
			if t.End-t.Start == 1 {
				return true
			}
		case '!', '?':
			if t.End-t.Start > 1 {
				return true
			}
			if i+1 < len(s.toks) && isLower(s.text[s.toks[i+1].Start]) && s.attached(i) && !s.attached(i+1) {
				return true
			}
		case '.':
			if t.End-t.Start == 1 && i > 0 && i+1 < len(s.toks) && s.attached(i) && !s.attached(i+1) &&
				isLower(s.text[s.toks[i+1].Start]) && isLower(s.text[s.toks[i-1].Start]) && s.toks[i-1].End-s.toks[i-1].Start > 3 {
				return true
			}
		case ':', ';', '=':
			if n := t.End - t.Start; n >= 2 && n <= 3 && strings.IndexByte(")(DPp/|", s.text[t.End-1]) >= 0 {
				return true // :) ;-) =D
			}
		}
		if at {
			if w := s.word(i); strings.IndexByte(w, '@') > 0 && strings.IndexByte(w, '.') > 0 {
				return true
			}
		}
	}
	return false
}

// FNV-1a.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// hashes returns formHash(w) and shapeHash(w) in one pass.
func hashes(w string) (form, shape uint64) {
	if len(w) > 20 {
		return formHash(w), shapeHash(w)
	}
	form, shape = fnvOffset, fnvOffset
	var last byte
	n := 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		s := c
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
			s = 'X'
		case c >= 'a' && c <= 'z':
			s = 'x'
		case c >= '0' && c <= '9':
			s = 'd'
		case c >= utf8.RuneSelf:
			s = 'u'
			if c < 0xc0 {
				s = 0 // continuation byte: no shape symbol
			}
		}
		form = (form ^ uint64(c)) * fnvPrime
		if s != 0 && s != last && n < 8 {
			last = s
			n++
			shape = (shape ^ uint64(s)) * fnvPrime
		}
	}
	return form, shape
}

// formHash hashes a token's lower-cased form (its shape when long).
func formHash(w string) uint64 {
	if len(w) > 20 {
		return shapeHash(w) ^ 0x9e3779b97f4a7c15
	}
	h := uint64(fnvOffset)
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		h = (h ^ uint64(c)) * fnvPrime
	}
	return h
}

// shapeHash hashes a token's shape: upper-case letters as X, lower-case as x,
// digits as d, other non-ASCII as u, punctuation as itself, runs collapsed,
// at most eight symbols ("Smith" Xx, "08/16/2000" d/d/d, "U.S." X.X.).
func shapeHash(w string) uint64 {
	h := uint64(fnvOffset)
	var last byte
	n := 0
	for i := 0; i < len(w) && n < 8; i++ {
		c := w[i]
		switch {
		case c >= 'A' && c <= 'Z':
			c = 'X'
		case c >= 'a' && c <= 'z':
			c = 'x'
		case c >= '0' && c <= '9':
			c = 'd'
		case c >= utf8.RuneSelf:
			if c < 0xc0 {
				continue // continuation byte
			}
			c = 'u'
		}
		if c == last {
			continue
		}
		last = c
		n++
		h = (h ^ uint64(c)) * fnvPrime
	}
	return h
}

// mix hashes a feature template id and its two values to a weight slot.
func mix(id uint64, a, b uint64) uint32 {
	h := (a ^ (id+1)*0x9e3779b97f4a7c15) * 0xff51afd7ed558ccd
	h = (h ^ (h >> 31) ^ b) * 0xc4ceb9fe1a85ec53
	return uint32(h >> (64 - modelBits))
}

func bucket(n int) uint64 {
	switch {
	case n <= 3:
		return uint64(n)
	case n <= 5:
		return 4
	case n <= 8:
		return 5
	case n <= 12:
		return 6
	case n <= 20:
		return 7
	case n <= 35:
		return 8
	}
	return 9
}

// features fills f with the features of the gap before token i, whose
// sentence started since tokens before, whose paragraph (or line) started
// fromPara tokens before and ends remain tokens after it, and whose
// paragraph holds final punctuation or not; it returns how many it wrote.
func (s *segmenter) features(f *[featureCount]uint32, i int, c *gapContext, m *Model) int {
	since, remain, fromPara, paraFinal := i-c.sent.start, c.para.next-i, i-c.para.start, c.para.final
	ll, l, r, rr := c.info(s, m, i-2), c.info(s, m, i-1), c.info(s, m, i), c.info(s, m, i+1)
	lf, ls, rf, rs := l.form, l.shape, r.form, r.shape
	llf, lls, rrf, rrs := ll.form, ll.shape, rr.form, rr.shape
	rule := uint64(0)
	switch b := s.brk[i]; {
	case b&bRule != 0:
		rule = 1
	case b&bRuleNo != 0:
		rule = 2
	}
	att := uint64(0)
	if s.attached(i) {
		att = 1
	}
	sb, rb := bucket(since), bucket(remain)
	f[0] = mix(0, 0, 0)
	f[1] = mix(1, rule, 0)
	f[2] = mix(2, ls, 0)
	f[3] = mix(3, rs, 0)
	f[4] = mix(4, lls, 0)
	f[5] = mix(5, rrs, 0)
	f[6] = mix(6, lf, 0)
	f[7] = mix(7, rf, 0)
	f[8] = mix(8, llf, 0)
	f[9] = mix(9, rrf, 0)
	f[10] = mix(10, ls, rs)
	f[11] = mix(11, lf, rs)
	f[12] = mix(12, ls, rf)
	f[13] = mix(13, lf, rf)
	f[14] = mix(14, sb, 0)
	f[15] = mix(15, sb, rs)
	f[16] = mix(16, rb, 0)
	f[17] = mix(17, att, rule)
	f[18] = mix(18, rule, rs)
	f[19] = mix(19, rule, lf)
	f[20] = mix(20, lls*31+ls, rs)
	f[21] = mix(21, r.starter, ls)
	pf := uint64(0)
	if paraFinal {
		pf = 1
	}
	f[22] = mix(22, pf, rs)
	f[23] = mix(23, pf, ls*7+rule)
	f[24] = mix(24, bucket(fromPara), pf)
	f[25] = mix(25, rf, rrf)
	f[26] = mix(26, sb, ls)
	f[27] = mix(27, ls*31+rs, rrs)
	f[28] = mix(28, l.length, r.length)
	lowers := uint64(0) // how much of the sentence so far is lower-case words
	switch {
	case c.sent.lower == 0:
	case 4*c.sent.lower < since:
		lowers = 1
	default:
		lowers = 2
	}
	f[29] = mix(29, lowers, rs)
	f[30] = mix(30, lowers, sb*7+rule)
	f[31] = mix(31, r.casing, rs)
	f[32] = mix(32, l.casing*4+r.casing, ls*7+rule)
	// Lists and tables repeat how their items start ("- a.pdf - b.pdf",
	// "Mon. Sept. 25 - ... Tue. Sept. 26 - ..."): does the word after the
	// gap look like the first word of the current sentence?
	par := uint64(0)
	if i > c.sent.start {
		ff, fs := c.sent.first(s)
		if fs == rs {
			par = 1
			if ff == rf {
				par = 2
			}
		}
	}
	f[33] = mix(33, par, rs)
	f[34] = mix(34, par, ls*7+rule)
	// How often the next two words start a sentence in the training text,
	// alone and with how the word before the gap ends ("Thanks, ‖ Mike").
	f[35] = mix(35, r.first*4+rr.first, rs)
	f[36] = mix(36, r.first*4+l.casing, ls*7+rule)
	return featureCount
}

// tokInfo is what the features need of one token, computed once.
type tokInfo struct {
	idx                     int // token index + 1 (0: empty slot)
	form, shape             uint64
	casing, starter, length uint64
	first                   uint64 // learned rate class of starting a sentence
}

// info returns the features of token k from a ring of the last four
// tokens looked at (the model moves left to right).
func (c *gapContext) info(s *segmenter, m *Model, k int) *tokInfo {
	t := &c.ring[k&3]
	if t.idx == k+1 {
		return t
	}
	t.idx = k + 1
	if k < 0 || k >= len(s.toks) {
		const none = 0x51ed270b
		t.form, t.shape, t.casing, t.starter, t.length, t.first = none, none, 0, 0, 0, 0
		return t
	}
	w := s.word(k)
	t.form, t.shape = hashes(w)
	v := m.lex.Get(t.form)
	t.casing, t.starter = uint64(v&3), uint64(v>>2&1)
	t.first = uint64(v >> startShift & 3)
	t.length = uint64(min(len(w), 12))
	return t
}

// WriteTo writes the model: a header, then the non-zero weights as
// (index, value) pairs in index order, gzip-compressed. The same weights
// give the same bytes.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	var raw bytes.Buffer
	raw.WriteString(modelMagic)
	var idx []uint32
	for k, v := range m.w {
		if v != 0 {
			idx = append(idx, uint32(k))
		}
	}
	sort.Slice(idx, func(a, b int) bool { return idx[a] < idx[b] })
	binary.Write(&raw, binary.LittleEndian, uint32(modelBits))
	binary.Write(&raw, binary.LittleEndian, uint32(len(idx)))
	for _, k := range idx {
		binary.Write(&raw, binary.LittleEndian, k)
		binary.Write(&raw, binary.LittleEndian, math.Float32bits(m.w[k]))
	}
	keys := make([]uint64, 0, len(m.casing))
	for k := range m.casing {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(a, b int) bool { return keys[a] < keys[b] })
	binary.Write(&raw, binary.LittleEndian, uint32(len(keys)))
	for _, k := range keys {
		binary.Write(&raw, binary.LittleEndian, k)
		raw.WriteByte(m.casing[k])
	}
	cw := &countWriter{w: w}
	zw, err := gzip.NewWriterLevel(cw, gzip.BestCompression)
	if err != nil {
		return 0, err
	}
	if _, err := zw.Write(raw.Bytes()); err != nil {
		return cw.n, err
	}
	err = zw.Close()
	return cw.n, err
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// ReadModel reads a model written by WriteTo.
func ReadModel(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("segment model: %w", err)
	}
	br := bufio.NewReader(zr)
	magic := make([]byte, len(modelMagic))
	if _, err := io.ReadFull(br, magic); err != nil || string(magic) != modelMagic {
		return nil, errors.New("segment model: not a boundary model of this version")
	}
	var bits, count uint32
	if err := binary.Read(br, binary.LittleEndian, &bits); err != nil {
		return nil, fmt.Errorf("segment model: %w", err)
	}
	if bits != modelBits {
		return nil, fmt.Errorf("segment model: %d feature bits, want %d", bits, modelBits)
	}
	if err := binary.Read(br, binary.LittleEndian, &count); err != nil {
		return nil, fmt.Errorf("segment model: %w", err)
	}
	if count > modelSize {
		return nil, fmt.Errorf("segment model: %d weights for %d slots", count, modelSize)
	}
	m := &Model{w: make([]float32, modelSize)}
	var pair [8]byte
	for range count {
		if _, err := io.ReadFull(br, pair[:]); err != nil {
			return nil, fmt.Errorf("segment model: truncated: %w", err)
		}
		k := binary.LittleEndian.Uint32(pair[:4])
		if k >= modelSize {
			return nil, fmt.Errorf("segment model: weight index %d out of range", k)
		}
		m.w[k] = math.Float32frombits(binary.LittleEndian.Uint32(pair[4:]))
	}
	if err := binary.Read(br, binary.LittleEndian, &count); err != nil {
		return nil, fmt.Errorf("segment model: casing table: %w", err)
	}
	m.casing = make(map[uint64]uint8, count)
	var entry [9]byte
	for range count {
		if _, err := io.ReadFull(br, entry[:]); err != nil {
			return nil, fmt.Errorf("segment model: truncated casing table: %w", err)
		}
		m.casing[binary.LittleEndian.Uint64(entry[:8])] = entry[8]
	}
	m.index()
	return m, nil
}
