package tag

import "github.com/dyadhq/dyad/internal/conllu"

// Scores counts a tagger's agreement with gold tags on gold tokens.
type Scores struct {
	Words                      int
	UPOS, XPOS, UFeats, AllTag int // words right (AllTag: UPOS, XPOS and Feats all right)
}

// Acc returns n/Words.
func (s Scores) Acc(n int) float64 {
	if s.Words == 0 {
		return 0
	}
	return float64(n) / float64(s.Words)
}

// Evaluate tags the words of sents (gold tokenization) and counts how many
// tags agree with the gold ones. Feats are compared as whole strings, as in
// the CoNLL 2018 UFeats metric restricted to universal features.
func (t *Tagger) Evaluate(sents []conllu.Sentence) Scores {
	var s Scores
	words := []string{}
	for i := range sents {
		ws := sents[i].Words
		if len(ws) == 0 {
			continue
		}
		words = words[:0]
		for _, w := range ws {
			words = append(words, w.Form)
		}
		upos, xpos, feats := t.TagWords(words)
		for j, w := range ws {
			s.Words++
			u, x, f := upos[j] == w.UPOS, xpos[j] == w.XPOS, sameFeats(feats[j], w.Feats)
			if u {
				s.UPOS++
			}
			if x {
				s.XPOS++
			}
			if f {
				s.UFeats++
			}
			if u && x && f {
				s.AllTag++
			}
		}
	}
	return s
}

func sameFeats(a, b string) bool {
	if a == "" {
		a = "_"
	}
	if b == "" {
		b = "_"
	}
	return a == b
}
