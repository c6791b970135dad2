package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// sentence holds one sentence's words with the feature hashes of each
// token, computed once and shared by every label.
type sentence struct {
	words, lower, shape []string
	upos, xpos          []string
	gaz                 []uint8
	clus                []string // cluster paths ("" unknown)
	cl                  *Clusters
	mem                 *NameMemory
	memc, memp          []uint8  // remembered name covering each word, and the place in it
	runFirst, runLast   []int32  // capitalized run of each token (capRuns)
	feats               []uint64 // all tokens' features, nFeat... per token
	off                 []int32  // token i's features are feats[off[i]:off[i+1]]
}

func (s *sentence) reset() {
	s.words, s.lower, s.shape = s.words[:0], s.lower[:0], s.shape[:0]
	s.upos, s.xpos, s.gaz = s.upos[:0], s.xpos[:0], s.gaz[:0]
	s.clus = s.clus[:0]
	s.feats, s.off = s.feats[:0], s.off[:0]
}

func (s *sentence) add(w, upos, xpos string, g uint8) {
	s.words = append(s.words, w)
	s.lower = append(s.lower, strings.ToLower(w))
	s.shape = append(s.shape, shapeOf(w))
	s.upos = append(s.upos, upos)
	s.xpos = append(s.xpos, xpos)
	s.gaz = append(s.gaz, g)
	s.clus = append(s.clus, s.cl.Path(s.lower[len(s.lower)-1]))
}

func (s *sentence) len() int { return len(s.words) }

// FNV-1a, 64 bits: features are hashed from a template number and strings
// without building the joined string.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

type hasher uint64

func newHash(template byte) hasher {
	return hasher((fnvOffset ^ uint64(template)) * fnvPrime)
}

func (h hasher) str(s string) hasher {
	x := uint64(h)
	for i := 0; i < len(s); i++ {
		x ^= uint64(s[i])
		x *= fnvPrime
	}
	x ^= 0xff // separator, so ("ab","c") differs from ("a","bc")
	x *= fnvPrime
	return hasher(x)
}

func (h hasher) byte(b byte) hasher {
	x := (uint64(h) ^ uint64(b)) * fnvPrime
	return hasher(x)
}

// Feature templates. Numbers are part of the hashes: never renumber them
// without retraining.
const (
	fBias = iota
	fWord
	fLower
	fShape
	fPre1
	fPre2
	fPre3
	fSuf2
	fSuf3
	fSuf4
	fUPOS
	fXPOS
	fLowerP1
	fLowerN1
	fLowerP2
	fLowerN2
	fShapeP1
	fShapeN1
	fXPOSP1
	fXPOSN1
	fXPOSP2
	fXPOSN2
	fBigramP
	fBigramN
	fShapeTri
	fXPOSTri
	fGaz
	fGazP1
	fGazN1
	fGazWord
	fFirst
	fWordXPOS
	fLen
	fCapsRun
	fGiven
	fGivenP1
	fPlace
	fClus4
	fClus8
	fClus12
	fClusAll
	fClusP1
	fClusN1
	fClusP1All
	fClusN1All
	fClusShape
	fRunPos
	fRunLast
	fRunFirst
	fRunLastWord
	fHeadP1
	fHeadN1
	fCapPat
	fUPOSBiP
	fUPOSBiN
	fClusP1Short
	fClusN1Short
	fClusP2
	fClusN2
	fLowerP1Shape
	fLowerN1Shape
	fGazP2
	fGazN2
	fSkip
	fSuf3P1
	fSuf3N1
	fMem
	fMemShape
	fMemP1
	fMemN1
)

const boundary = "<s>"

// put appends the hash of template t's feature (t names the template at
// the call; it is part of h).
func put(f []uint64, _ int, h hasher) []uint64 { return append(f, uint64(h)) }

// featurize fills the feature hashes of every token.
func (s *sentence) featurize() {
	n := s.len()
	s.feats, s.off = s.feats[:0], s.off[:0]
	s.capRuns()
	s.memc, s.memp = growB(s.memc, n), growB(s.memp, n)
	s.mem.match(s.lower, s.memc, s.memp)
	for i := 0; i < n; i++ {
		s.off = append(s.off, int32(len(s.feats)))
		w, lw, sh := s.words[i], s.lower[i], s.shape[i]
		f := s.feats
		f = put(f, fBias, newHash(fBias))
		f = put(f, fWord, newHash(fWord).str(w))
		f = put(f, fLower, newHash(fLower).str(lw))
		f = put(f, fShape, newHash(fShape).str(sh))
		f = put(f, fPre1, newHash(fPre1).str(prefix(w, 1)))
		f = put(f, fPre2, newHash(fPre2).str(prefix(lw, 2)))
		f = put(f, fPre3, newHash(fPre3).str(prefix(lw, 3)))
		f = put(f, fSuf2, newHash(fSuf2).str(suffix(lw, 2)))
		f = put(f, fSuf3, newHash(fSuf3).str(suffix(lw, 3)))
		f = put(f, fSuf4, newHash(fSuf4).str(suffix(lw, 4)))
		f = put(f, fUPOS, newHash(fUPOS).str(s.upos[i]))
		f = put(f, fXPOS, newHash(fXPOS).str(s.xpos[i]))
		f = put(f, fLowerP1, newHash(fLowerP1).str(stringAt(s.lower, i-1)))
		f = put(f, fLowerN1, newHash(fLowerN1).str(stringAt(s.lower, i+1)))
		f = put(f, fLowerP2, newHash(fLowerP2).str(stringAt(s.lower, i-2)))
		f = put(f, fLowerN2, newHash(fLowerN2).str(stringAt(s.lower, i+2)))
		f = put(f, fShapeP1, newHash(fShapeP1).str(stringAt(s.shape, i-1)))
		f = put(f, fShapeN1, newHash(fShapeN1).str(stringAt(s.shape, i+1)))
		f = put(f, fXPOSP1, newHash(fXPOSP1).str(stringAt(s.xpos, i-1)))
		f = put(f, fXPOSN1, newHash(fXPOSN1).str(stringAt(s.xpos, i+1)))
		f = put(f, fXPOSP2, newHash(fXPOSP2).str(stringAt(s.xpos, i-2)))
		f = put(f, fXPOSN2, newHash(fXPOSN2).str(stringAt(s.xpos, i+2)))
		f = put(f, fBigramP, newHash(fBigramP).str(stringAt(s.lower, i-1)).str(lw))
		f = put(f, fBigramN, newHash(fBigramN).str(lw).str(stringAt(s.lower, i+1)))
		f = put(f, fShapeTri, newHash(fShapeTri).str(stringAt(s.shape, i-1)).str(sh).str(stringAt(s.shape, i+1)))
		f = put(f, fXPOSTri, newHash(fXPOSTri).str(stringAt(s.xpos, i-1)).str(s.xpos[i]).str(stringAt(s.xpos, i+1)))
		f = put(f, fGaz, newHash(fGaz).byte(codeAt(s.gaz, i)))
		f = put(f, fGazP1, newHash(fGazP1).byte(codeAt(s.gaz, i-1)).byte(codeAt(s.gaz, i)))
		f = put(f, fGazN1, newHash(fGazN1).byte(codeAt(s.gaz, i)).byte(codeAt(s.gaz, i+1)))
		f = put(f, fGazWord, newHash(fGazWord).byte(codeAt(s.gaz, i)).str(sh).str(s.xpos[i]))
		first := byte(0)
		if i == 0 {
			first = 1
		}
		f = put(f, fFirst, newHash(fFirst).byte(first).str(sh))
		f = put(f, fWordXPOS, newHash(fWordXPOS).str(lw).str(s.xpos[i]))
		l := utf8.RuneCountInString(w)
		if l > 8 {
			l = 8
		}
		f = put(f, fLen, newHash(fLen).byte(byte(l)).str(sh))
		f = put(f, fCapsRun, newHash(fCapsRun).byte(capsRun(s.shape, i)))
		f = put(f, fGiven, newHash(fGiven).byte(givenName(lw)).str(sh))
		var gp byte
		if i > 0 {
			gp = givenName(s.lower[i-1])
		}
		f = put(f, fGivenP1, newHash(fGivenP1).byte(gp).str(sh))
		f = put(f, fPlace, newHash(fPlace).byte(s.place(i)))
		rp, rl, rlast, rfirst := s.runInfo(i)
		f = put(f, fRunPos, newHash(fRunPos).byte(rp).byte(rl))
		f = put(f, fRunLast, newHash(fRunLast).byte(rlast).byte(rp))
		f = put(f, fRunFirst, newHash(fRunFirst).byte(rfirst).byte(rp))
		if rp != 0 {
			f = put(f, fRunLastWord, newHash(fRunLastWord).str(s.lower[s.runLast[i]]).byte(rp))
		}
		var hp, hn byte = 255, 255
		if i > 0 {
			hp = nameHeads[s.lower[i-1]]
		}
		if i+1 < n {
			hn = nameHeads[s.lower[i+1]]
		}
		f = put(f, fHeadP1, newHash(fHeadP1).byte(hp).str(sh))
		f = put(f, fHeadN1, newHash(fHeadN1).byte(hn).str(sh))
		if s.cl != nil {
			c := s.clus[i]
			cp, cn := stringAt(s.clus, i-1), stringAt(s.clus, i+1)
			f = put(f, fClus4, newHash(fClus4).str(prefix(c, 4)))
			f = put(f, fClus8, newHash(fClus8).str(prefix(c, 8)))
			f = put(f, fClus12, newHash(fClus12).str(prefix(c, 12)))
			f = put(f, fClusAll, newHash(fClusAll).str(c))
			f = put(f, fClusP1, newHash(fClusP1).str(prefix(cp, 6)))
			f = put(f, fClusN1, newHash(fClusN1).str(prefix(cn, 6)))
			f = put(f, fClusP1All, newHash(fClusP1All).str(cp))
			f = put(f, fClusN1All, newHash(fClusN1All).str(cn))
			f = put(f, fClusShape, newHash(fClusShape).str(prefix(c, 8)).str(sh))
			f = put(f, fClusP1Short, newHash(fClusP1Short).str(prefix(cp, 3)))
			f = put(f, fClusN1Short, newHash(fClusN1Short).str(prefix(cn, 3)))
			f = put(f, fClusP2, newHash(fClusP2).str(prefix(stringAt(s.clus, i-2), 5)))
			f = put(f, fClusN2, newHash(fClusN2).str(prefix(stringAt(s.clus, i+2), 5)))
		}
		// Capitalization of the five-word window, POS bigrams, the
		// neighbours' words with this word's shape.
		var pat [5]byte
		for k := -2; k <= 2; k++ {
			pat[k+2] = capClass(stringAt(s.shape, i+k))
		}
		f = put(f, fCapPat, newHash(fCapPat).str(string(pat[:])))
		f = put(f, fUPOSBiP, newHash(fUPOSBiP).str(stringAt(s.upos, i-1)).str(s.upos[i]))
		f = put(f, fUPOSBiN, newHash(fUPOSBiN).str(s.upos[i]).str(stringAt(s.upos, i+1)))
		f = put(f, fLowerP1Shape, newHash(fLowerP1Shape).str(stringAt(s.lower, i-1)).str(sh))
		f = put(f, fLowerN1Shape, newHash(fLowerN1Shape).str(sh).str(stringAt(s.lower, i+1)))
		f = put(f, fGazP2, newHash(fGazP2).byte(codeAt(s.gaz, i-2)).byte(codeAt(s.gaz, i-1)).byte(codeAt(s.gaz, i)))
		f = put(f, fGazN2, newHash(fGazN2).byte(codeAt(s.gaz, i)).byte(codeAt(s.gaz, i+1)).byte(codeAt(s.gaz, i+2)))
		f = put(f, fSkip, newHash(fSkip).str(stringAt(s.lower, i-1)).str(stringAt(s.lower, i+1)))
		f = put(f, fSuf3P1, newHash(fSuf3P1).str(suffix(stringAt(s.lower, i-1), 3)))
		f = put(f, fSuf3N1, newHash(fSuf3N1).str(suffix(stringAt(s.lower, i+1), 3)))
		if s.mem != nil {
			mp, mn := codeAt(s.memc, i-1), codeAt(s.memc, i+1)
			mc, mpos := s.memc[i], s.memp[i]
			f = put(f, fMem, newHash(fMem).byte(mc).byte(mpos))
			f = put(f, fMemShape, newHash(fMemShape).byte(mc).byte(mpos).byte(capClass(sh)))
			f = put(f, fMemP1, newHash(fMemP1).byte(mp).byte(mc).byte(mpos))
			f = put(f, fMemN1, newHash(fMemN1).byte(mc).byte(mpos).byte(mn))
		}
		s.feats = f
	}
	s.off = append(s.off, int32(len(s.feats)))
}

// capClass is the first character class of a shape: X, x, d, another
// character, or B for the sentence boundary.
func capClass(sh string) byte {
	switch {
	case sh == boundary:
		return 'B'
	case sh == "":
		return '-'
	case sh[0] == 'X' || sh[0] == 'x' || sh[0] == 'd':
		return sh[0]
	}
	return 'p'
}

// place says whether word i is (0x1) or begins (0x2) or ends (0x4) a
// two-word name in the places list.
func (s *sentence) place(i int) byte {
	var b byte
	if places[s.lower[i]] {
		b |= 1
	}
	if i+1 < len(s.lower) && places[s.lower[i]+" "+s.lower[i+1]] {
		b |= 2
	}
	if i > 0 && places[s.lower[i-1]+" "+s.lower[i]] {
		b |= 4
	}
	return b
}

// capsRun counts capitalized words around token i, capped at 3 each side,
// so that names inside capitalized titles and headlines are told apart.
func capsRun(shapes []string, i int) byte {
	return countCaps(i, len(shapes), func(j int) bool { return len(shapes[j]) > 0 && shapes[j][0] == 'X' })
}

// countCaps is capsRun over n words, given which are capitalized.
func countCaps(i, n int, isCap func(int) bool) byte {
	var l, r byte
	for j := i - 1; j >= i-3 && j >= 0 && isCap(j); j-- {
		l++
	}
	for j := i + 1; j <= i+3 && j < n && isCap(j); j++ {
		r++
	}
	return l*4 + r
}

func growB(a []uint8, n int) []uint8 {
	if cap(a) < n {
		return make([]uint8, n)
	}
	return a[:n]
}

func prefix(s string, n int) string {
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, sz := utf8.DecodeRuneInString(s[i:])
		i += sz
	}
	return s[:i]
}

func suffix(s string, n int) string {
	i := len(s)
	for k := 0; k < n && i > 0; k++ {
		_, sz := utf8.DecodeLastRuneInString(s[:i])
		i -= sz
	}
	return s[i:]
}

// shapeOf maps letters to X/x, digits to d and keeps other characters,
// collapsing runs longer than two: "McDonald" -> "XxXxx", "U.S." -> "X.X.".
func shapeOf(w string) string {
	var b strings.Builder
	var last rune
	run := 0
	for _, r := range w {
		var c rune
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLetter(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		default:
			c = r
		}
		if c == last {
			run++
			if run > 2 {
				continue
			}
		} else {
			last, run = c, 1
		}
		b.WriteRune(c)
	}
	return b.String()
}

// stringAt returns a[i], the boundary's spelling outside the sentence.
func stringAt(a []string, i int) string {
	if i < 0 || i >= len(a) {
		return boundary
	}
	return a[i]
}

// codeAt returns the code g[i] (gazetteer, name memory), 255 outside the
// sentence.
func codeAt(g []uint8, i int) byte {
	if i < 0 || i >= len(g) {
		return 255
	}
	return g[i]
}
