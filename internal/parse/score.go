package parse

import "strings"

// Scores counts attachment agreement with a gold tree on gold tokens, the
// CoNLL 2018 way: every word counts (punctuation included), LAS compares
// the universal part of the relation (before ':'), CLAS is the F1 of LAS
// over content words.
type Scores struct {
	Words   int
	Head    int // head right
	Labeled int // head and universal relation right
	Full    int // head and full relation (with subtype) right
	// CLAS: content words in gold and in the output, and those right.
	ContentGold, ContentSys, ContentRight int
}

// UAS, LAS, LASFull and CLAS are percentages.
func (s Scores) UAS() float64     { return pct(s.Head, s.Words) }
func (s Scores) LAS() float64     { return pct(s.Labeled, s.Words) }
func (s Scores) LASFull() float64 { return pct(s.Full, s.Words) }
func (s Scores) CLAS() float64 {
	p, r := pct(s.ContentRight, s.ContentSys), pct(s.ContentRight, s.ContentGold)
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Add sums counts.
func (s *Scores) Add(o Scores) {
	s.Words += o.Words
	s.Head += o.Head
	s.Labeled += o.Labeled
	s.Full += o.Full
	s.ContentGold += o.ContentGold
	s.ContentSys += o.ContentSys
	s.ContentRight += o.ContentRight
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// Universal returns the universal part of a relation ("nsubj:pass" -> "nsubj").
func Universal(rel string) string {
	u, _, _ := strings.Cut(rel, ":")
	return u
}

// functional relations are left out of CLAS (with punct), as in CoNLL 2018.
var functional = map[string]bool{"aux": true, "case": true, "cc": true, "clf": true, "cop": true,
	"det": true, "mark": true, "punct": true}

// Content reports whether a relation counts for CLAS.
func Content(rel string) bool { return !functional[Universal(rel)] }

// ScoreWord adds one word's comparison: gold and predicted heads (any
// consistent numbering) and relations.
func (s *Scores) ScoreWord(goldHead, head int, goldRel, rel string) {
	s.Words++
	gu, pu := Universal(goldRel), Universal(rel)
	gc, pc := !functional[gu], !functional[pu]
	if gc {
		s.ContentGold++
	}
	if pc {
		s.ContentSys++
	}
	if goldHead != head {
		return
	}
	s.Head++
	if gu == pu {
		s.Labeled++
		if gc {
			s.ContentRight++
		}
		if goldRel == rel {
			s.Full++
		}
	}
}

// scoreExamples parses examples with p and scores them against their trees.
func (p *Parser) scoreExamples(exs []*example) Scores {
	sc := p.pool.Get().(*scratch)
	defer p.pool.Put(sc)
	var s Scores
	for _, e := range exs {
		n := e.n()
		sc.w, sc.t = e.w, e.t
		p.run(sc, n)
		p.deprojectivize(sc, n)
		for i := 0; i < n; i++ {
			s.ScoreWord(int(e.head[i]), int(sc.st.head[i]), e.label[i], p.lx.labels[sc.st.label[i]])
		}
	}
	sc.w, sc.t = nil, nil
	return s
}
