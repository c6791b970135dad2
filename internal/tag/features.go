package tag

// atoms are the hashed pieces of one token that features join.
type atoms struct {
	word, lower  uint64
	suf          [5]uint64 // suffixes of 1..5 characters of the lower-case form
	pre          [4]uint64 // prefixes of 1..4 characters
	shape, flags uint64
	amb          uint64  // the word's ambiguity class (tags seen with it in training)
	ambCase      uint64  // the same for the word as written
	fixed        int16   // class of a frequent unambiguous word, or -1
	cands        []uint8 // the classes a frequent word may take; nil: open classes
	// lexID and caseID index the lexicon entries of the word (see
	// lexEntry.id and casedEntry.id), -1 when it has none.
	lexID, caseID int32
}

// pad is the number of boundary slots before and after a sentence, so that
// features can look two words away without bounds checks.
const pad = 2

// sentence holds a sentence's atoms with pad boundary slots at each end.
type sentence struct {
	a   []atoms
	buf []byte
	// caps says how much of the sentence is capitalised (headlines,
	// shouting): capsN from 0 to 3, caps its hash.
	caps  uint64
	capsN int
}

var boundaryAtoms = func() [2]atoms {
	var out [2]atoms
	for side := range out {
		h := mix(kBoundary, uint64(side+1))
		a := atoms{word: h, lower: h, shape: h, flags: h, amb: h, ambCase: h, fixed: -1, lexID: -1, caseID: -1}
		for k := range a.suf {
			a.suf[k] = h
		}
		for k := range a.pre {
			a.pre[k] = h
		}
		out[side] = a
	}
	return out
}()

// load fills s with the atoms of words, using the lexicon lx.
func (s *sentence) load(words []string, lx *lexicon) {
	n := len(words) + 2*pad
	if cap(s.a) < n {
		s.a = make([]atoms, n)
	}
	s.a = s.a[:n]
	for k := 0; k < pad; k++ {
		s.a[k] = boundaryAtoms[0]
		s.a[n-1-k] = boundaryAtoms[1]
	}
	letters, upper, allUpper := 0, 0, 0
	for i, w := range words {
		s.analyse(&s.a[i+pad], w, lx)
		if c := w[0]; c >= 'a' && c <= 'z' {
			letters++
		} else if c >= 'A' && c <= 'Z' {
			letters++
			upper++
			if len(w) > 1 && isUpperASCII(w) {
				allUpper++
			}
		}
	}
	caps := 0
	switch {
	case letters < 3:
	case allUpper*10 >= letters*7:
		caps = 3
	case upper*10 >= letters*7:
		caps = 2
	case upper*10 >= letters*4:
		caps = 1
	}
	s.caps, s.capsN = capsAtom(caps), caps
}

func capsAtom(caps int) uint64 { return mix(kFlags+1, uint64(caps)) }

func isUpperASCII(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 'a' && c <= 'z' {
			return false
		}
	}
	return true
}

func (s *sentence) analyse(a *atoms, w string, lx *lexicon) {
	a.word = hashString(kWord, w)
	buf := lowerInto(s.buf[:0], w)
	lowerAtoms(a, buf)
	sh, flags := shapeInto(buf[len(buf):], w)
	a.shape = hashBytes(kShape, sh)
	a.flags = mix(kFlags, uint64(flags))
	e, ok := lx.words[string(buf)]
	if ok {
		a.amb, a.fixed, a.cands, a.lexID = e.amb, e.fixed, e.cands, e.id
	} else {
		a.amb, a.fixed, a.cands, a.lexID = ambUnknown, -1, nil, -1
	}
	a.ambCase, a.caseID = ambUnknown, -1
	if e, ok := lx.cased[w]; ok {
		a.ambCase, a.caseID = e.amb, e.id
	}
	s.buf = sh[:0]
}

// lowerAtoms sets the atoms of a that come from the lower-case form buf.
func lowerAtoms(a *atoms, buf []byte) {
	a.lower = hashBytes(kLower, buf)
	// Affixes by characters, not bytes.
	end := len(buf)
	for k := range a.suf {
		if end > 0 {
			end--
			for end > 0 && buf[end]&0xC0 == 0x80 {
				end--
			}
		}
		a.suf[k] = hashBytes(kSuffix+uint64(k)<<8, buf[end:])
	}
	start := 0
	for k := range a.pre {
		if start < len(buf) {
			start++
			for start < len(buf) && buf[start]&0xC0 == 0x80 {
				start++
			}
		}
		a.pre[k] = hashBytes(kPrefix+uint64(k)<<8, buf[:start])
	}
}

var ambUnknown = mix(kAmb, 0xFFFF)

// tagAtom is the hash of class c as a history feature; -1 is the boundary.
func tagAtom(c int) uint64 { return mix(kTag, uint64(c+2)) }

// maxFeatures bounds the features of one token.
const maxFeatures = 64

// features appends the feature hashes of token i (0-based, without padding)
// to out. hist holds this pass's predictions for tokens before i; first, when
// non-nil, the first pass's predictions for the whole sentence. They come in
// groups by what they depend on, so that a model can add up the weights of
// all but the last group ahead of time for a frequent word, and of the
// first and fourth for an unknown one (see preScores).
func features(out []uint64, s *sentence, i int, hist []int16, first []int16) []uint64 {
	a := &s.a[i+pad]
	out = ambFeatures(out, a)
	out = lowerFeatures(out, a)
	out = casedFeatures(out, a)
	out = caseAmbFeatures(out, a, s.caps, i)
	out = capsFeatures(out, a, s.caps, i)
	if first != nil {
		out = firstFeatures(out, a, int(first[i]))
	}
	return contextFeatures(out, s, i, hist, first)
}

// ambFeatures appends the bias and the feature of the word's ambiguity
// class (from its lexicon entry).
func ambFeatures(out []uint64, w0 *atoms) []uint64 {
	return append(out,
		mix(1, 0),
		mix(14, w0.amb),
	)
}

// lowerFeatures appends the features of the word's lower-case form.
func lowerFeatures(out []uint64, w0 *atoms) []uint64 {
	return append(out,
		mix(3, w0.lower),
		mix(4, w0.suf[0]),
		mix(5, w0.suf[1]),
		mix(6, w0.suf[2]),
		mix(7, w0.suf[3]),
		mix(8, w0.suf[4]),
		mix(9, w0.pre[0]),
		mix(10, w0.pre[1]),
		mix(11, w0.pre[2]),
		mix(37, w0.pre[3]),
	)
}

// casedFeatures appends the features of the word as written (and its
// lower-case form).
func casedFeatures(out []uint64, w0 *atoms) []uint64 {
	return append(out,
		mix(2, w0.word),
		mix(12, w0.shape),
		mix(13, w0.flags),
		mix(mix(36, w0.flags), w0.suf[1]),
		mix(mix(48, w0.suf[2]), w0.shape),
	)
}

// caseAmbFeatures appends the features of the ambiguity class of the word
// as written, alone and with the sentence's capitalisation (caps) and
// whether the word comes first (i == 0).
func caseAmbFeatures(out []uint64, w0 *atoms, caps uint64, i int) []uint64 {
	return append(out,
		mix(47, w0.ambCase),
		mix(mix(mix(52, w0.ambCase), caps), uint64(min(i, 1))),
	)
}

// capsFeatures appends the feature of the word's shape flags with the
// sentence's capitalisation and whether the word comes first.
func capsFeatures(out []uint64, w0 *atoms, caps uint64, i int) []uint64 {
	return append(out, mix(mix(mix(45, w0.flags), caps), uint64(min(i, 1))))
}

// firstFeatures appends the features of the word's lower-case form with
// its first-pass class f0.
func firstFeatures(out []uint64, w0 *atoms, f0 int) []uint64 {
	hf0 := tagAtom(f0)
	return append(out,
		mix(100, hf0),
		mix(mix(110, hf0), w0.lower),
	)
}

// contextFeatures appends the features of token i that depend on its
// neighbours, the sentence or the tags (see features).
func contextFeatures(out []uint64, s *sentence, i int, hist []int16, first []int16) []uint64 {
	a := s.a
	c := i + pad
	w0, wm1, wm2, wp1, wp2 := &a[c], &a[c-1], &a[c-2], &a[c+1], &a[c+2]
	t1, t2 := -1, -1
	if i >= 1 {
		t1 = int(hist[i-1])
	}
	if i >= 2 {
		t2 = int(hist[i-2])
	}
	ht1, ht2 := tagAtom(t1), tagAtom(t2)
	out = append(out,
		mix(15, wm1.lower),
		mix(16, wp1.lower),
		mix(17, wm2.lower),
		mix(18, wp2.lower),
		mix(19, wm1.suf[2]),
		mix(20, wp1.suf[2]),
		mix(21, wm1.shape),
		mix(22, wp1.shape),
		mix(23, wp1.amb),
		mix(24, wp2.amb),
		mix(25, ht1),
		mix(26, ht2),
		mix(mix(27, ht1), ht2),
		mix(mix(28, ht1), w0.lower),
		mix(mix(29, wm1.lower), w0.lower),
		mix(mix(30, w0.lower), wp1.lower),
		mix(mix(31, ht1), wp1.amb),
		mix(mix(32, ht1), w0.suf[2]),
		mix(mix(33, w0.amb), wp1.amb),
		mix(mix(34, ht1), w0.amb),
		mix(mix(35, w0.lower), wp1.amb),
		mix(mix(38, wm1.flags), w0.flags),
		mix(mix(mix(39, ht1), w0.amb), wp1.amb),
		mix(mix(46, wp1.flags), w0.flags),
		mix(mix(49, wm1.lower), ht1),
		mix(mix(50, wm1.lower), wp1.lower),
		mix(mix(51, ht1), wp1.lower),
	)
	if first != nil {
		n := len(first)
		f0, f1, f2 := -1, -1, -1
		f0 = int(first[i])
		if i+1 < n {
			f1 = int(first[i+1])
		}
		if i+2 < n {
			f2 = int(first[i+2])
		}
		hf0, hf1, hf2 := tagAtom(f0), tagAtom(f1), tagAtom(f2)
		out = append(out,
			mix(101, hf1),
			mix(102, hf2),
			mix(mix(103, hf1), hf2),
			mix(mix(104, ht1), hf1),
			mix(mix(105, hf1), w0.lower),
			mix(mix(106, hf1), w0.suf[2]),
			mix(mix(107, hf0), hf1),
			mix(mix(108, hf1), w0.amb),
			mix(mix(mix(109, ht1), hf1), w0.amb),
			mix(mix(111, hf1), wp1.lower),
		)
	}
	return out
}
