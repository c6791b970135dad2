package lemma

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/dyadhq/dyad/internal/conllu"
)

// TrainConfig says how to train a lemmatizer.
type TrainConfig struct {
	Train []conllu.Sentence
	// Dev, when set, is scored after training (gold tags) for the log.
	Dev []conllu.Sentence
	// MaxSuffix is the longest suffix the rules look at (default 6);
	// MinSupport the number of word types a rule needs (default 2).
	MaxSuffix, MinSupport int
	// MinShare is the share of a suffix's word types its rule must have
	// (default 0.5): below it the shorter suffix decides.
	MinShare float64
	Log      io.Writer
}

// Train learns the rules and the exception table. It is deterministic.
func Train(cfg TrainConfig) (*Lemmatizer, error) {
	if cfg.MaxSuffix <= 0 {
		cfg.MaxSuffix = 6
	}
	if cfg.MinSupport <= 0 {
		cfg.MinSupport = 2
	}
	if cfg.MinShare <= 0 {
		cfg.MinShare = 0.5
	}
	// Count lemmas per (form, XPOS) as written and lower-cased.
	exact := map[key]map[string]int{}
	lowered := map[key]map[string]int{}
	count := func(m map[key]map[string]int, k key, lem string) {
		if m[k] == nil {
			m[k] = map[string]int{}
		}
		m[k][lem]++
	}
	n := 0
	for i := range cfg.Train {
		for _, w := range cfg.Train[i].Words {
			if w.Lemma == "" || w.Lemma == "_" && w.Form != "_" {
				continue
			}
			n++
			count(exact, key{w.Form, w.XPOS}, w.Lemma)
			count(lowered, key{strings.ToLower(w.Form), w.XPOS}, strings.ToLower(w.Lemma))
		}
	}
	if n == 0 {
		return nil, errors.New("lemma: no training words with lemmas")
	}
	l := &Lemmatizer{maxSuffix: cfg.MaxSuffix, table: map[key]string{}, lower: map[key]string{}, known: map[known]bool{}}
	l.rules = learnRules(lowered, cfg.MaxSuffix, cfg.MinSupport, cfg.MinShare)
	for k, lems := range lowered {
		if openClass(k.xpos) {
			for lem := range lems {
				if hasLetter(lem) && !strings.ContainsAny(lem, " \t") {
					l.known[known{lem, k.xpos[0]}] = true
				}
			}
		}
	}
	// The lower-cased table keeps what the rules and the irregular list get
	// wrong; the exact table what is still wrong after it (case matters).
	for _, k := range sortedKeys(lowered) {
		best := mostCommon(lowered[k])
		if l.Lemma(k.form, k.xpos) != best && lowerLemmaOK(k.xpos) {
			l.lower[k] = best
		}
	}
	for _, k := range sortedKeys(exact) {
		best := mostCommon(exact[k])
		if l.Lemma(k.form, k.xpos) != best {
			l.table[k] = best
		}
	}
	if cfg.Log != nil {
		fmt.Fprintf(cfg.Log, "lemmatizer: %d rules, %d lower-case and %d exact exceptions from %d words\n",
			len(l.rules), len(l.lower), len(l.table), n)
		if len(cfg.Dev) > 0 {
			s := l.Evaluate(cfg.Dev)
			fmt.Fprintf(cfg.Log, "lemmatizer: dev Lemmas %.2f%% (gold tags, %d words)\n", 100*s.Acc(), s.Words)
		}
	}
	return l, nil
}

// openClass says whether a tag's lemmas are words a suffix rule may make:
// nouns, verbs, adjectives and adverbs other than proper nouns.
func openClass(xpos string) bool {
	switch xpos {
	case "NN", "NNS", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "JJ", "JJR", "JJS", "RB", "RBR", "RBS":
		return true
	}
	return false
}

// lowerLemmaOK says whether the lower-cased table may hold a tag's lemmas:
// proper nouns keep their case, so only the exact table serves them.
func lowerLemmaOK(xpos string) bool { return xpos != "NNP" && xpos != "NNPS" }

// learnRules finds, for each XPOS and suffix of the lower-cased forms, the
// rewrite most word types with that suffix take. A suffix is kept only when
// its rule differs from what the next shorter suffix would give.
func learnRules(lowered map[key]map[string]int, maxSuffix, minSupport int, minShare float64) map[key]rule {
	votes := map[key]map[rule]int{}
	for _, k := range sortedKeys(lowered) {
		lem := mostCommon(lowered[k])
		if _, ok := irregular(k.form, k.xpos); ok {
			continue
		}
		r, ok := ruleFor(k.form, lem)
		if !ok {
			continue
		}
		for n := 0; n <= min(maxSuffix, len(k.form)-1); n++ {
			if n > 0 && !isRuneStart(k.form[len(k.form)-n]) {
				continue
			}
			sk := key{k.form[len(k.form)-n:], k.xpos}
			if votes[sk] == nil {
				votes[sk] = map[rule]int{}
			}
			votes[sk][r]++
		}
	}
	best := map[key]rule{}
	for _, sk := range sortedKeys(votes) {
		var br rule
		bn, total := 0, 0
		for _, r := range sortedRules(votes[sk]) {
			total += votes[sk][r]
			if votes[sk][r] > bn {
				br, bn = r, votes[sk][r]
			}
		}
		if bn >= minSupport && float64(bn) >= minShare*float64(total) {
			best[sk] = br
		}
	}
	// Keep a suffix only where it changes the answer of the shorter ones.
	out := map[key]rule{}
	for _, sk := range sortedKeys(best) {
		r := best[sk]
		fallback, has := rule{}, false
		for n := len(sk.form) - 1; n >= 0; n-- {
			if n > 0 && !isRuneStart(sk.form[len(sk.form)-n]) {
				continue
			}
			if fr, ok := best[key{sk.form[len(sk.form)-n:], sk.xpos}]; ok {
				fallback, has = fr, true
				break
			}
		}
		identity := r.strip == 0 && r.add == ""
		if has && fallback == r || !has && identity {
			continue
		}
		out[sk] = r
	}
	return out
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

// ruleFor returns the rewrite that turns form into lem.
func ruleFor(form, lem string) (rule, bool) {
	p := 0
	for p < len(form) && p < len(lem) && form[p] == lem[p] {
		p++
	}
	if p == 0 && len(form) > 0 && len(lem) > 0 {
		return rule{}, false // nothing shared: an irregular form, not a rule
	}
	return rule{strip: len(form) - p, add: lem[p:]}, true
}

func mostCommon(m map[string]int) string {
	best, bn := "", 0
	for s, n := range m {
		if n > bn || n == bn && s < best {
			best, bn = s, n
		}
	}
	return best
}

func sortedKeys[V any](m map[key]V) []key {
	ks := make([]key, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.SortFunc(ks, func(a, b key) int {
		if c := strings.Compare(a.xpos, b.xpos); c != 0 {
			return c
		}
		return strings.Compare(a.form, b.form)
	})
	return ks
}

func sortedRules(m map[rule]int) []rule {
	rs := make([]rule, 0, len(m))
	for r := range m {
		rs = append(rs, r)
	}
	slices.SortFunc(rs, func(a, b rule) int {
		if a.strip != b.strip {
			return a.strip - b.strip
		}
		return strings.Compare(a.add, b.add)
	})
	return rs
}

// Scores counts lemmas right.
type Scores struct{ Words, Right int }

// Acc returns Right/Words.
func (s Scores) Acc() float64 {
	if s.Words == 0 {
		return 0
	}
	return float64(s.Right) / float64(s.Words)
}

// Evaluate lemmatizes the words of sents with the XPOS they carry (gold, or
// predicted when the caller has tagged them) and counts lemmas equal to the
// gold ones, as the CoNLL 2018 Lemmas metric does on gold tokens.
func (l *Lemmatizer) Evaluate(sents []conllu.Sentence) Scores {
	var s Scores
	for i := range sents {
		for _, w := range sents[i].Words {
			s.Words++
			if l.Lemma(w.Form, w.XPOS) == w.Lemma {
				s.Right++
			}
		}
	}
	return s
}
