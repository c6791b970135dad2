package polnear

import (
	"sort"
	"unicode"
	"unicode/utf8"
)

// Counts accumulates the comparison of system and gold attributions.
//
// Alignment rules:
//   - Spans are compared in words: a word is a run of letters and digits or
//     a single other non-space character (quote marks and commas count).
//     Two spans overlap when they share a word.
//   - A gold discontinuous span is scored as its hull (first fragment start
//     to last fragment end); Content2 joins Content. System quotes that share
//     one cue (an interrupted quote: "A," he said, "B.") are merged into
//     their hull the same way, and so is a quote with no cue of its own that
//     continues another ("...," he said. "...": one gold attribution).
//   - Gold and system attributions are aligned one to one on content: pairs
//     that overlap are taken greedily, most shared words first.
//   - content exact: an aligned pair whose contents are the same bytes.
//   - content overlap: token-overlap credit: precision is the mean, over
//     system attributions, of the share of the system content's words found
//     in the aligned gold content (0 when unaligned); recall the same over
//     gold attributions. F1 is their harmonic mean.
//   - source and cue: counted over the attributions that have one (gold
//     Attribution-no-source events have no source; system quotes without a
//     speaker phrase have none, continuations have no cue); a true positive
//     is an aligned pair whose source (cue) spans overlap. The exact variants
//     need the same bytes.
type Counts struct {
	Gold, Sys                       int
	Aligned, ContentExact           int
	OverlapP, OverlapR              float64
	SrcGold, SrcSys, SrcTP, SrcExac int
	CueGold, CueSys, CueTP, CueExac int
}

// Add sums c2 into c.
func (c *Counts) Add(c2 Counts) {
	c.Gold += c2.Gold
	c.Sys += c2.Sys
	c.Aligned += c2.Aligned
	c.ContentExact += c2.ContentExact
	c.OverlapP += c2.OverlapP
	c.OverlapR += c2.OverlapR
	c.SrcGold += c2.SrcGold
	c.SrcSys += c2.SrcSys
	c.SrcTP += c2.SrcTP
	c.SrcExac += c2.SrcExac
	c.CueGold += c2.CueGold
	c.CueSys += c2.CueSys
	c.CueTP += c2.CueTP
	c.CueExac += c2.CueExac
}

// F1 of a true-positive count against system and gold totals.
func f1(tp, sys, gold float64) (p, r, f float64) {
	if sys > 0 {
		p = tp / sys
	}
	if gold > 0 {
		r = tp / gold
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

// wordIndex holds, at i, the number of words starting before byte i.
type wordIndex []int32

func newWordIndex(text string) wordIndex {
	w := make(wordIndex, len(text)+1)
	n := int32(0)
	prevWord := false
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		isW := unicode.IsLetter(r) || unicode.IsDigit(r)
		for k := 0; k < size; k++ {
			w[i+k] = n
		}
		if !unicode.IsSpace(r) && !(isW && prevWord) {
			n++
		}
		prevWord = isW
		i += size
	}
	w[len(text)] = n
	return w
}

// words counts the words starting in s.
func (w wordIndex) words(s Span) int {
	if s.End <= s.Start {
		return 0
	}
	return int(w[s.End] - w[s.Start])
}

func (w wordIndex) overlap(a, b Span) int {
	s := Span{max(a.Start, b.Start), min(a.End, b.End)}
	if s.End <= s.Start {
		return 0
	}
	return w.words(s)
}

// System is one attribution found by dyad, in the gold's terms.
type System struct {
	Source, Cue, Content Span
	HasSource, HasCue    bool
}

// Score compares one article's attributions.
func Score(text string, gold []Attribution, sys []System) Counts {
	w := newWordIndex(text)
	var c Counts
	c.Gold, c.Sys = len(gold), len(sys)
	type pair struct{ g, s, n int }
	var pairs []pair
	for gi := range gold {
		for si := range sys {
			if n := w.overlap(gold[gi].Content, sys[si].Content); n > 0 {
				pairs = append(pairs, pair{gi, si, n})
			}
		}
	}
	sort.SliceStable(pairs, func(i, j int) bool { return pairs[i].n > pairs[j].n })
	gUsed := make([]bool, len(gold))
	sUsed := make([]bool, len(sys))
	for _, g := range gold {
		if g.HasSource && g.Source.End > g.Source.Start {
			c.SrcGold++
		}
		if g.Cue.End > g.Cue.Start {
			c.CueGold++
		}
	}
	for _, s := range sys {
		if s.HasSource {
			c.SrcSys++
		}
		if s.HasCue {
			c.CueSys++
		}
	}
	for _, p := range pairs {
		if gUsed[p.g] || sUsed[p.s] {
			continue
		}
		gUsed[p.g], sUsed[p.s] = true, true
		g, s := gold[p.g], sys[p.s]
		c.Aligned++
		if g.Content == s.Content {
			c.ContentExact++
		}
		if n := w.words(s.Content); n > 0 {
			c.OverlapP += float64(p.n) / float64(n)
		}
		if n := w.words(g.Content); n > 0 {
			c.OverlapR += float64(p.n) / float64(n)
		}
		if g.HasSource && s.HasSource && w.overlap(g.Source, s.Source) > 0 {
			c.SrcTP++
			if g.Source == s.Source {
				c.SrcExac++
			}
		}
		if s.HasCue && g.Cue.End > g.Cue.Start && w.overlap(g.Cue, s.Cue) > 0 {
			c.CueTP++
			if g.Cue == s.Cue {
				c.CueExac++
			}
		}
	}
	return c
}
