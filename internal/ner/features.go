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
	feats               []uint64 // all tokens' features, nFeat... per token
	off                 []int32  // token i's features are feats[off[i]:off[i+1]]
}

func (s *sentence) reset() {
	s.words, s.lower, s.shape = s.words[:0], s.lower[:0], s.shape[:0]
	s.upos, s.xpos, s.gaz = s.upos[:0], s.xpos[:0], s.gaz[:0]
	s.feats, s.off = s.feats[:0], s.off[:0]
}

func (s *sentence) add(w, upos, xpos string, g uint8) {
	s.words = append(s.words, w)
	s.lower = append(s.lower, strings.ToLower(w))
	s.shape = append(s.shape, shapeOf(w))
	s.upos = append(s.upos, upos)
	s.xpos = append(s.xpos, xpos)
	s.gaz = append(s.gaz, g)
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
)

const boundary = "<s>"

// featurize fills the feature hashes of every token.
func (s *sentence) featurize() {
	n := s.len()
	s.feats, s.off = s.feats[:0], s.off[:0]
	at := func(a []string, i int) string {
		if i < 0 || i >= n {
			return boundary
		}
		return a[i]
	}
	gazAt := func(i int) byte {
		if i < 0 || i >= n {
			return 255
		}
		return s.gaz[i]
	}
	for i := 0; i < n; i++ {
		s.off = append(s.off, int32(len(s.feats)))
		w, lw, sh := s.words[i], s.lower[i], s.shape[i]
		f := s.feats
		f = append(f, uint64(newHash(fBias)))
		f = append(f, uint64(newHash(fWord).str(w)))
		f = append(f, uint64(newHash(fLower).str(lw)))
		f = append(f, uint64(newHash(fShape).str(sh)))
		f = append(f, uint64(newHash(fPre1).str(prefix(w, 1))))
		f = append(f, uint64(newHash(fPre2).str(prefix(lw, 2))))
		f = append(f, uint64(newHash(fPre3).str(prefix(lw, 3))))
		f = append(f, uint64(newHash(fSuf2).str(suffix(lw, 2))))
		f = append(f, uint64(newHash(fSuf3).str(suffix(lw, 3))))
		f = append(f, uint64(newHash(fSuf4).str(suffix(lw, 4))))
		f = append(f, uint64(newHash(fUPOS).str(s.upos[i])))
		f = append(f, uint64(newHash(fXPOS).str(s.xpos[i])))
		f = append(f, uint64(newHash(fLowerP1).str(at(s.lower, i-1))))
		f = append(f, uint64(newHash(fLowerN1).str(at(s.lower, i+1))))
		f = append(f, uint64(newHash(fLowerP2).str(at(s.lower, i-2))))
		f = append(f, uint64(newHash(fLowerN2).str(at(s.lower, i+2))))
		f = append(f, uint64(newHash(fShapeP1).str(at(s.shape, i-1))))
		f = append(f, uint64(newHash(fShapeN1).str(at(s.shape, i+1))))
		f = append(f, uint64(newHash(fXPOSP1).str(at(s.xpos, i-1))))
		f = append(f, uint64(newHash(fXPOSN1).str(at(s.xpos, i+1))))
		f = append(f, uint64(newHash(fXPOSP2).str(at(s.xpos, i-2))))
		f = append(f, uint64(newHash(fXPOSN2).str(at(s.xpos, i+2))))
		f = append(f, uint64(newHash(fBigramP).str(at(s.lower, i-1)).str(lw)))
		f = append(f, uint64(newHash(fBigramN).str(lw).str(at(s.lower, i+1))))
		f = append(f, uint64(newHash(fShapeTri).str(at(s.shape, i-1)).str(sh).str(at(s.shape, i+1))))
		f = append(f, uint64(newHash(fXPOSTri).str(at(s.xpos, i-1)).str(s.xpos[i]).str(at(s.xpos, i+1))))
		f = append(f, uint64(newHash(fGaz).byte(gazAt(i))))
		f = append(f, uint64(newHash(fGazP1).byte(gazAt(i-1)).byte(gazAt(i))))
		f = append(f, uint64(newHash(fGazN1).byte(gazAt(i)).byte(gazAt(i+1))))
		f = append(f, uint64(newHash(fGazWord).byte(gazAt(i)).str(sh).str(s.xpos[i])))
		first := byte(0)
		if i == 0 {
			first = 1
		}
		f = append(f, uint64(newHash(fFirst).byte(first).str(sh)))
		f = append(f, uint64(newHash(fWordXPOS).str(lw).str(s.xpos[i])))
		l := utf8.RuneCountInString(w)
		if l > 8 {
			l = 8
		}
		f = append(f, uint64(newHash(fLen).byte(byte(l)).str(sh)))
		f = append(f, uint64(newHash(fCapsRun).byte(capsRun(s.shape, i))))
		f = append(f, uint64(newHash(fGiven).byte(givenName(lw)).str(sh)))
		var gp byte
		if i > 0 {
			gp = givenName(s.lower[i-1])
		}
		f = append(f, uint64(newHash(fGivenP1).byte(gp).str(sh)))
		f = append(f, uint64(newHash(fPlace).byte(s.place(i))))
		s.feats = f
	}
	s.off = append(s.off, int32(len(s.feats)))
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
	cap := func(j int) bool { return j >= 0 && j < len(shapes) && len(shapes[j]) > 0 && shapes[j][0] == 'X' }
	var l, r byte
	for j := i - 1; j >= i-3 && cap(j); j-- {
		l++
	}
	for j := i + 1; j <= i+3 && cap(j); j++ {
		r++
	}
	return l*4 + r
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
