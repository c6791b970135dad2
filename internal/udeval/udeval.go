// Package udeval scores a system's CoNLL-U analysis against a gold one with
// the metrics of the CoNLL 2018 shared task (conll18_ud_eval.py): Tokens,
// Sentences and Words as F1 over spans of the text with whitespace removed,
// then UPOS, XPOS, UFeats, AllTags, Lemmas, UAS, LAS, CLAS, MLAS and BLEX
// over the system words aligned to gold words (multiword tokens aligned by
// the longest common subsequence of their forms within a multiword span).
//
// It is our own implementation of those published definitions. It reads
// conllu.Sentence values only and knows nothing of how they were made.
// Unlike the official script it accepts system words without a head ("_"),
// which simply never count as attached correctly, so that tokenization and
// segmentation can be scored before a parser exists.
package udeval

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyadhq/dyad/internal/conllu"
)

// Score counts one metric. For span metrics (Tokens, Sentences) and Words,
// Correct is the number of matching spans or aligned words; for the others
// it is the number of aligned words whose annotation matches, and Aligned
// the number of aligned words considered.
type Score struct {
	Gold, System, Correct, Aligned int
}

// Precision is Correct/System.
func (s Score) Precision() float64 { return ratio(s.Correct, s.System) }

// Recall is Correct/Gold.
func (s Score) Recall() float64 { return ratio(s.Correct, s.Gold) }

// F1 is 2*Correct/(Gold+System).
func (s Score) F1() float64 { return ratio(2*s.Correct, s.Gold+s.System) }

// AlignedAccuracy is Correct/Aligned: the accuracy on the words that were
// aligned, which isolates tagging and parsing from tokenization.
func (s Score) AlignedAccuracy() float64 { return ratio(s.Correct, s.Aligned) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Metrics names every metric in the order of the official script.
var Metrics = []string{"Tokens", "Sentences", "Words", "UPOS", "XPOS", "UFeats", "AllTags", "Lemmas",
	"UAS", "LAS", "CLAS", "MLAS", "BLEX"}

// Scores holds every metric.
type Scores struct {
	Tokens, Sentences, Words            Score
	UPOS, XPOS, UFeats, AllTags, Lemmas Score
	UAS, LAS, CLAS, MLAS, BLEX          Score
}

// Get returns the named metric (one of Metrics).
func (s *Scores) Get(name string) (Score, bool) {
	switch name {
	case "Tokens":
		return s.Tokens, true
	case "Sentences":
		return s.Sentences, true
	case "Words":
		return s.Words, true
	case "UPOS":
		return s.UPOS, true
	case "XPOS":
		return s.XPOS, true
	case "UFeats":
		return s.UFeats, true
	case "AllTags":
		return s.AllTags, true
	case "Lemmas":
		return s.Lemmas, true
	case "UAS":
		return s.UAS, true
	case "LAS":
		return s.LAS, true
	case "CLAS":
		return s.CLAS, true
	case "MLAS":
		return s.MLAS, true
	case "BLEX":
		return s.BLEX, true
	}
	return Score{}, false
}

// contentDeprels are the relations CLAS, MLAS and BLEX score.
var contentDeprels = map[string]bool{
	"nsubj": true, "obj": true, "iobj": true, "csubj": true, "ccomp": true, "xcomp": true, "obl": true,
	"vocative": true, "expl": true, "dislocated": true, "advcl": true, "advmod": true, "discourse": true,
	"nmod": true, "appos": true, "nummod": true, "acl": true, "amod": true, "conj": true, "fixed": true,
	"flat": true, "compound": true, "list": true, "parataxis": true, "orphan": true, "goeswith": true,
	"reparandum": true, "root": true, "dep": true,
}

// functionalDeprels are the relations of the function words MLAS attaches
// to their content heads.
var functionalDeprels = map[string]bool{
	"aux": true, "cop": true, "mark": true, "det": true, "clf": true, "case": true, "cc": true,
}

// universalFeatures are the features UFeats compares.
var universalFeatures = map[string]bool{
	"PronType": true, "NumType": true, "Poss": true, "Reflex": true, "Foreign": true, "Abbr": true,
	"Gender": true, "Animacy": true, "Number": true, "Case": true, "Definite": true, "Degree": true,
	"VerbForm": true, "Mood": true, "Tense": true, "Aspect": true, "Voice": true, "Evident": true,
	"Polarity": true, "Person": true, "Polite": true,
}

// span is a range of the whitespace-free character stream, in bytes (the
// byte and character views give the same equalities).
type span struct{ start, end int }

// Head values of a word besides the index of its parent.
const (
	headRoot    = -1 // attached to the root
	headUnknown = -2 // "_": not parsed
)

type word struct {
	span       span // the surface token's span (a multiword token's for its parts)
	multi      bool // part of a multiword token
	form       string
	upos, xpos string
	feats      string // universal features only, sorted
	lemma      string
	deprel     string // universal part
	head       int    // index into treebank.words, or headRoot/headUnknown
	content    bool
	functional bool
	children   []int // functional children, in order
}

type treebank struct {
	chars     strings.Builder
	tokens    []span
	sentences []span
	words     []word
}

// load turns sentences into the scorer's form; which is "gold" or "system",
// for error messages.
func load(sents []conllu.Sentence, which string) (*treebank, error) {
	tb := &treebank{}
	for si := range sents {
		s := &sents[si]
		start := tb.chars.Len()
		first := len(tb.words)
		for _, tok := range s.Tokens() {
			form := stripSpaces(tok.Form)
			if form == "" {
				return nil, fmt.Errorf("%s sentence %d (%s): empty FORM", which, si+1, s.ID())
			}
			tb.chars.WriteString(form)
			sp := span{tb.chars.Len() - len(form), tb.chars.Len()}
			tb.tokens = append(tb.tokens, sp)
			multi := tok.Last-tok.First > 1
			for wi := tok.First; wi < tok.Last; wi++ {
				w := &s.Words[wi]
				if w.Head > len(s.Words) {
					return nil, fmt.Errorf("%s sentence %d (%s): word %d: HEAD %d points outside the sentence",
						which, si+1, s.ID(), w.ID, w.Head)
				}
				head := headUnknown
				switch {
				case w.Head == 0:
					head = headRoot
				case w.Head > 0:
					head = first + w.Head - 1
				}
				deprel, _, _ := strings.Cut(w.Deprel, ":")
				tb.words = append(tb.words, word{
					span: sp, multi: multi, form: w.Form, upos: w.UPOS, xpos: w.XPOS,
					feats: universalFeats(w.Feats), lemma: w.Lemma, deprel: deprel, head: head,
					content: contentDeprels[deprel], functional: functionalDeprels[deprel],
				})
			}
		}
		for i := first; i < len(tb.words); i++ {
			if w := &tb.words[i]; w.functional && w.head >= 0 {
				tb.words[w.head].children = append(tb.words[w.head].children, i)
			}
		}
		tb.sentences = append(tb.sentences, span{start, tb.chars.Len()})
	}
	return tb, nil
}

// stripSpaces removes the space separators (Unicode category Zs) from a
// form, as the official script does before comparing texts.
func stripSpaces(s string) string {
	clean := true
	for _, r := range s {
		if r == ' ' || (r >= utf8.RuneSelf && unicode.Is(unicode.Zs, r)) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	return strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Zs, r) {
			return -1
		}
		return r
	}, s)
}

// universalFeats keeps the universal features of a FEATS column, sorted.
func universalFeats(feats string) string {
	if feats == "" || feats == "_" {
		return ""
	}
	var keep []string
	for _, f := range strings.Split(feats, "|") {
		name, _, _ := strings.Cut(f, "=")
		if universalFeatures[name] {
			keep = append(keep, f)
		}
	}
	sort.Strings(keep)
	return strings.Join(keep, "|")
}

// Evaluate scores system against gold. The two must spell the same text
// once whitespace is removed; otherwise it returns an error quoting where
// they part.
func Evaluate(gold, system []conllu.Sentence) (*Scores, error) {
	g, err := load(gold, "gold")
	if err != nil {
		return nil, err
	}
	s, err := load(system, "system")
	if err != nil {
		return nil, err
	}
	gc, sc := g.chars.String(), s.chars.String()
	if gc != sc {
		i := 0
		for i < len(gc) && i < len(sc) && gc[i] == sc[i] {
			i++
		}
		return nil, fmt.Errorf("the gold and system texts differ at character %d: gold %q, system %q",
			utf8.RuneCountInString(gc[:i]), excerpt(gc, i), excerpt(sc, i))
	}
	a := align(g.words, s.words)
	sys2gold := a.sysToGold
	scores := &Scores{
		Tokens:    spansScore(g.tokens, s.tokens),
		Sentences: spansScore(g.sentences, s.sentences),
		Words:     Score{Gold: len(g.words), System: len(s.words), Correct: len(a.pairs), Aligned: len(a.pairs)},
	}
	// parentKey is the gold word a word's head designates: its gold parent
	// for a gold word, the gold word aligned to its system parent for a
	// system word (-3 when that parent is not aligned).
	goldParent := func(w *word) int { return w.head }
	sysParent := func(w *word) int {
		if w.head < 0 {
			return w.head
		}
		if gi, ok := sys2gold[w.head]; ok {
			return gi
		}
		return -3
	}
	sameHead := func(gw, sw *word) bool {
		gp, sp := goldParent(gw), sysParent(sw)
		return gp != headUnknown && gp == sp
	}
	lemmaOK := func(gw, sw *word) bool { return gw.lemma == "_" || gw.lemma == sw.lemma }
	all := func(*word) bool { return true }
	content := func(w *word) bool { return w.content }
	score := func(filter func(*word) bool, same func(gw, sw *word) bool) Score {
		var sc Score
		for i := range g.words {
			if filter(&g.words[i]) {
				sc.Gold++
			}
		}
		for i := range s.words {
			if filter(&s.words[i]) {
				sc.System++
			}
		}
		for _, p := range a.pairs {
			gw, sw := &g.words[p.gold], &s.words[p.sys]
			if !filter(gw) {
				continue
			}
			sc.Aligned++
			if same(gw, sw) {
				sc.Correct++
			}
		}
		return sc
	}
	scores.UPOS = score(all, func(gw, sw *word) bool { return gw.upos == sw.upos })
	scores.XPOS = score(all, func(gw, sw *word) bool { return gw.xpos == sw.xpos })
	scores.UFeats = score(all, func(gw, sw *word) bool { return gw.feats == sw.feats })
	scores.AllTags = score(all, func(gw, sw *word) bool {
		return gw.upos == sw.upos && gw.xpos == sw.xpos && gw.feats == sw.feats
	})
	scores.Lemmas = score(all, lemmaOK)
	scores.UAS = score(all, sameHead)
	las := func(gw, sw *word) bool { return sameHead(gw, sw) && gw.deprel == sw.deprel }
	scores.LAS = score(all, las)
	scores.CLAS = score(content, las)
	scores.MLAS = score(content, func(gw, sw *word) bool {
		if !las(gw, sw) || gw.upos != sw.upos || gw.feats != sw.feats || len(gw.children) != len(sw.children) {
			return false
		}
		for k, gci := range gw.children {
			gc, sc := &g.words[gci], &s.words[sw.children[k]]
			gi, ok := sys2gold[sw.children[k]]
			if !ok || gi != gci || gc.deprel != sc.deprel || gc.upos != sc.upos || gc.feats != sc.feats {
				return false
			}
		}
		return true
	})
	scores.BLEX = score(content, func(gw, sw *word) bool { return las(gw, sw) && lemmaOK(gw, sw) })
	return scores, nil
}

func excerpt(s string, i int) string {
	j := i
	for n := 0; n < 20 && j < len(s); n++ {
		_, w := utf8.DecodeRuneInString(s[j:])
		j += w
	}
	return s[i:j]
}

// spansScore counts the gold spans that a system span matches exactly.
func spansScore(gold, system []span) Score {
	sc := Score{Gold: len(gold), System: len(system)}
	gi, si := 0, 0
	for gi < len(gold) && si < len(system) {
		switch g, s := gold[gi], system[si]; {
		case s.start < g.start:
			si++
		case g.start < s.start:
			gi++
		default:
			if g.end == s.end {
				sc.Correct++
			}
			gi++
			si++
		}
	}
	sc.Aligned = sc.Correct
	return sc
}
