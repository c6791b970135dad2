package ner

import (
	"strings"
	"unicode/utf8"
)

// The recognizer's path (Recognize, RecognizeWords, Label) computes the
// same features and scores as featurize, which training uses, but not the
// same way. A token's score is the sum of the weight rows of its features,
// in integers, so it can be summed in any grouping: the features that
// depend on one word alone (its affixes, shape and word class, and the
// word as the neighbour of another) are looked up once per word type and
// kept as partial sums in a cache (wordInfo); only the features that mix
// words with each other, with tags or gazetteer codes are hashed and
// looked up per token. The tests check the path against training's
// featurize with a plain map of weights (ref_test.go), labels and scores
// alike.

// wordInfo is what the features read of one word type, computed once per
// model and kept in a scratch's cache.
type wordInfo struct {
	word, lower, shape, clus string
	isCap                    bool  // the shape begins with X (capRuns)
	conn                     bool  // a connector inside capitalized names
	capc                     byte  // capClass of the shape
	head                     byte  // nameHeads class
	given                    byte  // givenName
	place                    byte  // placeSelf, placeFirst, placeSecond
	memCode                  uint8 // the name memory's code of the word alone...
	memOK                    bool  // ...if it has one
	// self holds the summed weights of the word's own features (bias
	// included) when not first in its sentence ([0]) and when first ([1]);
	// p1, n1, p2, n2 those of its features as the word before, after, two
	// before and two after a token.
	self           [2][nLabels]int32
	p1, n1, p2, n2 [nLabels]int32
	// Hashes of features that go on with another token's strings, after
	// this word's part.
	hBigramP, hBigramN, hShapeTri, hWordXPOS hasher
	hLowerP1Shape, hLowerN1Shape, hSkip      hasher
	hRunLastWord, hMem                       hasher
}

const (
	placeSelf   = 1 << iota // the word is a place
	placeFirst              // the word begins a place name of several words
	placeSecond             // the word ends one
)

// placeFirsts and placeSeconds are the first and last parts (cut at any space) of the place
// names of several words: a word pair can only be a place if its first
// word is in the first set and its second in the second.
var placeFirsts, placeSeconds = func() (map[string]bool, map[string]bool) {
	a, b := map[string]bool{}, map[string]bool{}
	for p := range places {
		for i := 0; i < len(p); i++ {
			if p[i] == ' ' {
				a[p[:i]], b[p[i+1:]] = true, true
			}
		}
	}
	return a, b
}()

// wordCacheMax bounds each of a scratch's two word-cache generations.
var wordCacheMax = 1 << 13

// wordCache holds the word types a scratch has seen in two generations:
// when the current one is full it becomes the old one, and the old one is
// dropped, so that the frequent words stay (a word found in the old
// generation is copied into the current one). Infos live in chunks, one
// set per generation, so that their pointers stay put while a generation
// grows.
type wordCache struct {
	cur, old map[string]*wordInfo
	gens     [2]wordChunks // cur uses gens[g], old gens[1-g]
	g        int
	bound    wordInfo
	hasBound bool
}

type wordChunks struct {
	chunks   [][]wordInfo
	chunk, k int // next free: chunks[chunk][k]
}

const wordChunk = 256

// trim starts a new generation when the current one is full. Call it
// between sentences only: the sentence being scored points into the
// cache.
func (c *wordCache) trim() {
	if c.cur == nil {
		c.cur = make(map[string]*wordInfo, 1024)
		return
	}
	if len(c.cur) < wordCacheMax {
		return
	}
	c.old, c.cur = c.cur, make(map[string]*wordInfo, len(c.cur))
	c.g = 1 - c.g
	c.gens[c.g].chunk, c.gens[c.g].k = 0, 0
}

func (c *wordCache) alloc() *wordInfo {
	w := &c.gens[c.g]
	if w.chunk == len(w.chunks) {
		w.chunks = append(w.chunks, make([]wordInfo, wordChunk))
	}
	e := &w.chunks[w.chunk][w.k]
	if w.k++; w.k == wordChunk {
		w.chunk, w.k = w.chunk+1, 0
	}
	return e
}

// info returns word w's info.
func (m *Model) info(sc *scratch, w string) *wordInfo {
	c := &sc.words
	if e := c.cur[w]; e != nil {
		return e
	}
	if e := c.old[w]; e != nil {
		ne := c.alloc()
		*ne = *e
		c.cur[e.word] = ne
		return ne
	}
	// A copy, so that the cache keeps no document's text alive.
	w = strings.Clone(w)
	e := c.alloc()
	lower := strings.ToLower(w)
	m.fillInfo(sc, e, w, lower, shapeOf(w), m.cl.Path(lower))
	c.cur[w] = e
	return e
}

// boundary returns the info of the sentence boundary, whose lower case,
// shape and class path are all boundary (as at gives them).
func (m *Model) boundary(sc *scratch) *wordInfo {
	c := &sc.words
	if !c.hasBound {
		m.fillInfo(sc, &c.bound, boundary, boundary, boundary, boundary)
		c.hasBound = true
	}
	return &c.bound
}

// fillInfo computes e for word w; its hashes are those featurize makes.
func (m *Model) fillInfo(sc *scratch, e *wordInfo, w, lw, sh, c string) {
	*e = wordInfo{word: w, lower: lw, shape: sh, clus: c}
	e.isCap = len(sh) > 0 && sh[0] == 'X'
	e.conn = connectors[lw]
	e.capc = capClass(sh)
	e.head = nameHeads[lw]
	e.given = givenName(lw)
	if places[lw] {
		e.place |= placeSelf
	}
	if placeFirsts[lw] {
		e.place |= placeFirst
	}
	if placeSeconds[lw] {
		e.place |= placeSecond
	}
	e.hMem = newHash(0xf0).str(lw)
	if m.mem != nil {
		e.memCode, e.memOK = m.mem.codes[uint64(e.hMem)]
	}
	e.hBigramP = newHash(fBigramP).str(lw)
	e.hBigramN = newHash(fBigramN).str(lw)
	e.hShapeTri = newHash(fShapeTri).str(sh)
	e.hWordXPOS = newHash(fWordXPOS).str(lw)
	e.hLowerP1Shape = newHash(fLowerP1Shape).str(lw)
	e.hLowerN1Shape = newHash(fLowerN1Shape).str(sh)
	e.hSkip = newHash(fSkip).str(lw)
	e.hRunLastWord = newHash(fRunLastWord).str(lw)

	l := utf8.RuneCountInString(w)
	if l > 8 {
		l = 8
	}
	// One batch of lookups: each feature goes to the sum of its group.
	const (
		gSelf = iota
		gFirst0
		gFirst1
		gP1
		gN1
		gP2
		gN2
		nGroups
	)
	f, to := sc.ibuf[:0], sc.ito[:0]
	add := func(g int32, h hasher) {
		f = append(f, uint64(h))
		to = append(to, g)
	}
	add(gSelf, newHash(fBias))
	add(gSelf, newHash(fWord).str(w))
	add(gSelf, newHash(fLower).str(lw))
	add(gSelf, newHash(fShape).str(sh))
	add(gSelf, newHash(fPre1).str(prefix(w, 1)))
	add(gSelf, newHash(fPre2).str(prefix(lw, 2)))
	add(gSelf, newHash(fPre3).str(prefix(lw, 3)))
	add(gSelf, newHash(fSuf2).str(suffix(lw, 2)))
	add(gSelf, newHash(fSuf3).str(suffix(lw, 3)))
	add(gSelf, newHash(fSuf4).str(suffix(lw, 4)))
	add(gSelf, newHash(fLen).byte(byte(l)).str(sh))
	add(gSelf, newHash(fGiven).byte(e.given).str(sh))
	add(gFirst0, newHash(fFirst).byte(0).str(sh))
	add(gFirst1, newHash(fFirst).byte(1).str(sh))
	add(gP1, newHash(fLowerP1).str(lw))
	add(gP1, newHash(fShapeP1).str(sh))
	add(gP1, newHash(fSuf3P1).str(suffix(lw, 3)))
	add(gN1, newHash(fLowerN1).str(lw))
	add(gN1, newHash(fShapeN1).str(sh))
	add(gN1, newHash(fSuf3N1).str(suffix(lw, 3)))
	add(gP2, newHash(fLowerP2).str(lw))
	add(gN2, newHash(fLowerN2).str(lw))
	if m.cl != nil {
		add(gSelf, newHash(fClus4).str(prefix(c, 4)))
		add(gSelf, newHash(fClus8).str(prefix(c, 8)))
		add(gSelf, newHash(fClus12).str(prefix(c, 12)))
		add(gSelf, newHash(fClusAll).str(c))
		add(gSelf, newHash(fClusShape).str(prefix(c, 8)).str(sh))
		add(gP1, newHash(fClusP1).str(prefix(c, 6)))
		add(gP1, newHash(fClusP1All).str(c))
		add(gP1, newHash(fClusP1Short).str(prefix(c, 3)))
		add(gN1, newHash(fClusN1).str(prefix(c, 6)))
		add(gN1, newHash(fClusN1All).str(c))
		add(gN1, newHash(fClusN1Short).str(prefix(c, 3)))
		add(gP2, newHash(fClusP2).str(prefix(c, 5)))
		add(gN2, newHash(fClusN2).str(prefix(c, 5)))
	}
	var acc [nGroups][nLabels]int32
	m.index.addRowsTo(f, to, acc[:], &sc.sink)
	for k := range nLabels {
		e.self[0][k] = acc[gSelf][k] + acc[gFirst0][k]
		e.self[1][k] = acc[gSelf][k] + acc[gFirst1][k]
	}
	e.p1, e.n1, e.p2, e.n2 = acc[gP1], acc[gN1], acc[gP2], acc[gN2]
	sc.ibuf, sc.ito = f, to
}

// input is one sentence for the recognizer's path.
type input struct {
	info              []*wordInfo
	upos, xpos        []string
	gaz               []uint8
	runFirst, runLast []int32
	memc, memp        []uint8
}

// begin starts a sentence.
func (m *Model) begin(sc *scratch) {
	sc.words.trim()
	in := &sc.in
	in.info, in.upos, in.xpos, in.gaz = in.info[:0], in.upos[:0], in.xpos[:0], in.gaz[:0]
}

// add appends a word to the sentence.
func (m *Model) add(sc *scratch, w, upos, xpos string, g uint8) {
	in := &sc.in
	in.info = append(in.info, m.info(sc, w))
	in.upos = append(in.upos, upos)
	in.xpos = append(in.xpos, xpos)
	in.gaz = append(in.gaz, g)
}

// capRuns is sentence.capRuns over word infos.
func (in *input) capRuns() {
	n := len(in.info)
	in.runFirst = growI(in.runFirst, n)
	in.runLast = growI(in.runLast, n)
	markRuns(n, func(i int) bool { return in.info[i].isCap }, func(i int) bool { return in.info[i].conn },
		in.runFirst, in.runLast)
}

// matchMemory is NameMemory.match over word infos, whose first step (the
// word alone) is cached.
func (in *input) matchMemory(mem *NameMemory) {
	n := len(in.info)
	in.memc, in.memp = growB(in.memc, n), growB(in.memp, n)
	code, pos := in.memc, in.memp
	clear(code)
	clear(pos)
	if mem == nil {
		return
	}
	for i := 0; i < n; {
		bestJ, bestC := 0, uint8(0)
		h, c, ok := in.info[i].hMem, in.info[i].memCode, in.info[i].memOK
		for j := i + 1; ok; {
			if c&^memPrefix != 0 {
				bestJ, bestC = j, c&^memPrefix
			}
			if c&memPrefix == 0 {
				break
			}
			if j++; j > n || j-i > memMaxLen {
				break
			}
			h = h.str(in.info[j-1].lower)
			c, ok = mem.codes[uint64(h)]
		}
		if bestJ == 0 {
			i++
			continue
		}
		markName(code, pos, i, bestJ, bestC)
		i = bestJ
	}
}

// place is sentence.place over word infos.
func (in *input) place(i int) byte {
	e := in.info[i]
	var b byte
	if e.place&placeSelf != 0 {
		b |= 1
	}
	if i+1 < len(in.info) && e.place&placeFirst != 0 && in.info[i+1].place&placeSecond != 0 &&
		places[e.lower+" "+in.info[i+1].lower] {
		b |= 2
	}
	if i > 0 && in.info[i-1].place&placeFirst != 0 && e.place&placeSecond != 0 &&
		places[in.info[i-1].lower+" "+e.lower] {
		b |= 4
	}
	return b
}

// runInfo is sentence.runInfo over word infos.
func (in *input) runInfo(i int) (pos, length, last, first byte) {
	a, b := in.runFirst[i], in.runLast[i]
	if a < 0 {
		return 0, 0, 0, 0
	}
	pos, length = runPlace(i, a, b)
	return pos, length, in.info[b].head, in.info[a].head
}

// scores fills sc.score with the emission scores of the sentence in sc.in:
// the cached sums of each word's own features and of its neighbours', and
// the lookups of the features that mix tokens, tags and gazetteer codes,
// hashed as featurize hashes them.
func (m *Model) scores(sc *scratch) {
	in := &sc.in
	n := len(in.info)
	in.capRuns()
	in.matchMemory(m.mem)
	sc.score = growF(sc.score, n*nLabels)
	if cap(sc.acc) < n {
		sc.acc = make([][nLabels]int32, n)
	}
	sc.acc = sc.acc[:n]
	sc.buf, sc.to = sc.buf[:0], sc.to[:0]
	bnd := m.boundary(sc)
	at := func(i int) *wordInfo {
		if i < 0 || i >= n {
			return bnd
		}
		return in.info[i]
	}
	for i := 0; i < n; i++ {
		e, prev, next := in.info[i], at(i-1), at(i+1)
		sh, xp, up := e.shape, in.xpos[i], in.upos[i]
		first := 0
		if i == 0 {
			first = 1
		}
		acc := &sc.acc[i]
		p2, n2 := &at(i-2).p2, &at(i+2).n2
		for l := range acc {
			acc[l] = e.self[first][l] + prev.p1[l] + next.n1[l] + p2[l] + n2[l]
		}
		xp1, xn1 := stringAt(in.xpos, i-1), stringAt(in.xpos, i+1)
		g, gp, gn := codeAt(in.gaz, i), codeAt(in.gaz, i-1), codeAt(in.gaz, i+1)
		f := sc.buf
		start := len(f)
		f = put(f, fUPOS, newHash(fUPOS).str(up))
		f = put(f, fXPOS, newHash(fXPOS).str(xp))
		f = put(f, fXPOSP1, newHash(fXPOSP1).str(xp1))
		f = put(f, fXPOSN1, newHash(fXPOSN1).str(xn1))
		f = put(f, fXPOSP2, newHash(fXPOSP2).str(stringAt(in.xpos, i-2)))
		f = put(f, fXPOSN2, newHash(fXPOSN2).str(stringAt(in.xpos, i+2)))
		f = put(f, fBigramP, prev.hBigramP.str(e.lower))
		f = put(f, fBigramN, e.hBigramN.str(next.lower))
		f = put(f, fShapeTri, prev.hShapeTri.str(sh).str(next.shape))
		f = put(f, fXPOSTri, newHash(fXPOSTri).str(xp1).str(xp).str(xn1))
		f = put(f, fGaz, newHash(fGaz).byte(g))
		f = put(f, fGazP1, newHash(fGazP1).byte(gp).byte(g))
		f = put(f, fGazN1, newHash(fGazN1).byte(g).byte(gn))
		f = put(f, fGazWord, newHash(fGazWord).byte(g).str(sh).str(xp))
		f = put(f, fWordXPOS, e.hWordXPOS.str(xp))
		f = put(f, fCapsRun, newHash(fCapsRun).byte(in.capsRun(i)))
		var gv byte
		if i > 0 {
			gv = prev.given
		}
		f = put(f, fGivenP1, newHash(fGivenP1).byte(gv).str(sh))
		f = put(f, fPlace, newHash(fPlace).byte(in.place(i)))
		rp, rl, rlast, rfirst := in.runInfo(i)
		f = put(f, fRunPos, newHash(fRunPos).byte(rp).byte(rl))
		f = put(f, fRunLast, newHash(fRunLast).byte(rlast).byte(rp))
		f = put(f, fRunFirst, newHash(fRunFirst).byte(rfirst).byte(rp))
		if rp != 0 {
			f = put(f, fRunLastWord, in.info[in.runLast[i]].hRunLastWord.byte(rp))
		}
		var hp, hn byte = 255, 255
		if i > 0 {
			hp = prev.head
		}
		if i+1 < n {
			hn = next.head
		}
		f = put(f, fHeadP1, newHash(fHeadP1).byte(hp).str(sh))
		f = put(f, fHeadN1, newHash(fHeadN1).byte(hn).str(sh))
		pat := [5]byte{at(i - 2).capc, prev.capc, e.capc, next.capc, at(i + 2).capc}
		f = put(f, fCapPat, newHash(fCapPat).str(string(pat[:])))
		f = put(f, fUPOSBiP, newHash(fUPOSBiP).str(stringAt(in.upos, i-1)).str(up))
		f = put(f, fUPOSBiN, newHash(fUPOSBiN).str(up).str(stringAt(in.upos, i+1)))
		f = put(f, fLowerP1Shape, prev.hLowerP1Shape.str(sh))
		f = put(f, fLowerN1Shape, e.hLowerN1Shape.str(next.lower))
		f = put(f, fGazP2, newHash(fGazP2).byte(codeAt(in.gaz, i-2)).byte(gp).byte(g))
		f = put(f, fGazN2, newHash(fGazN2).byte(g).byte(gn).byte(codeAt(in.gaz, i+2)))
		f = put(f, fSkip, prev.hSkip.str(next.lower))
		if m.mem != nil {
			mp, mn := codeAt(in.memc, i-1), codeAt(in.memc, i+1)
			mc, mpos := in.memc[i], in.memp[i]
			f = put(f, fMem, newHash(fMem).byte(mc).byte(mpos))
			f = put(f, fMemShape, newHash(fMemShape).byte(mc).byte(mpos).byte(e.capc))
			f = put(f, fMemP1, newHash(fMemP1).byte(mp).byte(mc).byte(mpos))
			f = put(f, fMemN1, newHash(fMemN1).byte(mc).byte(mpos).byte(mn))
		}
		sc.buf = f
		for range len(f) - start {
			sc.to = append(sc.to, int32(i))
		}
	}
	// All the sentence's lookups at once, so that more misses overlap.
	m.index.addRowsTo(sc.buf, sc.to, sc.acc, &sc.sink)
	for i := range sc.acc {
		row := (*[nLabels]float32)(sc.score[i*nLabels:])
		for l := range row {
			row[l] = float32(sc.acc[i][l]) * m.scale
		}
	}
}

// capsRun is capsRun over word infos.
func (in *input) capsRun(i int) byte {
	return countCaps(i, len(in.info), func(j int) bool { return in.info[j].isCap })
}
