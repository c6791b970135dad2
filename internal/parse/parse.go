// Package parse is dyad's dependency parser: it gives every word of a
// sentence its head and its Universal Dependencies relation (with subtypes
// such as nsubj:pass or obl:tmod), so that every sentence becomes a single
// rooted tree without cycles.
//
// The parser is greedy and transition-based (arc-hybrid with the root at the
// end of the buffer) and scores moves and labels with averaged perceptrons
// over hashed Zhang and Nivre style features, trained with a dynamic oracle
// and exploration. Non-projective trees are handled by the pseudo-projective
// transform of Nivre and Nilsson (2005): lifted arcs carry the relation of
// their syntactic head in their label and are lowered again after parsing.
//
// The parser reads the words' forms (Norm when set), UPOS and XPOS and the
// sentence bounds; it knows nothing of how they were made, nor of entities,
// events or anything later. A Parser is safe for concurrent use.
package parse

import (
	"bytes"
	"embed"
	"fmt"
	"sync"

	"github.com/dyadhq/dyad/pkg/doc"
)

// Parser assigns heads and relations with a trained model.
type Parser struct {
	lx   *lexicon
	m    *model
	pool sync.Pool
}

// scratch is per-call working space.
type scratch struct {
	st    state
	w, t  []int32
	keys  [maxFeats]uint64
	homes [maxFeats]uint32
	found [maxFeats]int32
	span  [maxFeats]lspan
	lsc   [256]int32
	buf   []byte
	kids  [][]int32
	queue []int32
	sink  uint32
}

func newParser(lx *lexicon, m *model) *Parser {
	p := &Parser{lx: lx, m: m}
	p.pool.New = func() any { return new(scratch) }
	return p
}

//go:embed models
var modelFS embed.FS

// ModelFile is the embedded model's path inside the models folder.
const ModelFile = "parser.model.gz"

var (
	loadOnce sync.Once
	loaded   *Parser
	loadErr  error
)

// Load returns the parser built into dyad, reading it on first use.
func Load() (*Parser, error) {
	loadOnce.Do(func() {
		b, err := modelFS.ReadFile("models/" + ModelFile)
		if err != nil {
			loadErr = fmt.Errorf("parse: embedded model: %w", err)
			return
		}
		loaded, loadErr = Read(bytes.NewReader(b))
		if loadErr != nil {
			loadErr = fmt.Errorf("parse: embedded model %s: %w", ModelFile, loadErr)
		}
	})
	return loaded, loadErr
}

// Parse fills Head and Deprel of every token of d, sentence by sentence (the
// whole document as one sentence when it has none).
func (p *Parser) Parse(d *doc.Document) {
	sc := p.pool.Get().(*scratch)
	defer p.pool.Put(sc)
	if len(d.Sentences) == 0 {
		p.parseRange(sc, d, 0, len(d.Tokens))
		return
	}
	for _, s := range d.Sentences {
		p.parseRange(sc, d, s.First, s.Last)
	}
}

func (p *Parser) parseRange(sc *scratch, d *doc.Document, first, last int) {
	n := last - first
	if n <= 0 {
		return
	}
	sc.w, sc.t = grow32(sc.w, n+1), grow32(sc.t, n+1)
	for i := 0; i < n; i++ {
		tk := &d.Tokens[first+i]
		form := tk.Norm
		if form == "" {
			form = d.Text[tk.Start:tk.End]
		}
		sc.w[i], sc.buf = p.lx.wordID(sc.buf, form)
		sc.t[i] = p.lx.tagID(tk.XPOS, tk.UPOS)
	}
	sc.w[n], sc.t[n] = idRoot, idRoot
	p.run(sc, n)
	p.store(sc, d, first, n)
}

// store lowers the lifted arcs of the parse in sc and writes its heads and
// relations to the n tokens of d from first.
func (p *Parser) store(sc *scratch, d *doc.Document, first, n int) {
	st := &sc.st
	p.deprojectivize(sc, n)
	for i := 0; i < n; i++ {
		tk := &d.Tokens[first+i]
		if h := int(st.head[i]); h == n {
			tk.Head = -1
		} else {
			tk.Head = first + h
		}
		tk.Deprel = p.lx.labels[st.label[i]]
	}
}

func grow32(a []int32, n int) []int32 {
	if cap(a) < n {
		return make([]int32, n, n+n/2)
	}
	return a[:n]
}

// run parses the sentence loaded in sc.w and sc.t (n words) into sc.st.
func (p *Parser) run(sc *scratch, n int) {
	st := &sc.st
	st.reset(n)
	for !st.terminal() {
		v := st.valid()
		var move int
		if st.applyForced(v, p.lx.root) {
			continue
		}
		k, kl := modelFeatures(st, sc.w, sc.t, p.lx, &sc.keys, p.m, &sc.homes)
		if v == 1<<mRight {
			k = kl // the move is forced: only the label features count
		}
		var ms [nMoves]int32
		_, fl := p.m.lookup(sc.keys[:k], kl, &sc.homes, &sc.found, &ms, &sc.sink)
		if v == 1<<mRight {
			move = mRight
		} else {
			move = argmaxMove(&ms, v)
		}
		lab := int16(0)
		if move != mShift {
			p.m.labelScores(sc.found[:fl], move, &sc.lsc, len(p.lx.labels), &sc.span, &sc.sink)
			lab = p.bestLabel(sc.lsc[:len(p.lx.labels)])
		}
		st.apply(move, lab)
	}
}

// argmaxMove returns the best valid move (ties to the lowest).
func argmaxMove[T int32 | float64](sc *[nMoves]T, valid uint8) int {
	best := -1
	for m := 0; m < nMoves; m++ {
		if valid&(1<<m) != 0 && (best < 0 || sc[m] > sc[best]) {
			best = m
		}
	}
	return best
}

// bestLabel returns the best label other than root, which only the word
// attached to the artificial root gets.
func (p *Parser) bestLabel(sc []int32) int16 {
	best := -1
	for l, s := range sc {
		if int16(l) != p.lx.root && (best < 0 || s > sc[best]) {
			best = l
		}
	}
	return int16(best)
}
