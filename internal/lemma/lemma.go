// Package lemma is dyad's lemmatizer: it fills each word's Lemma from its
// form and Penn Treebank tag (XPOS), which the tagger must have filled.
//
// A lemma comes from, in order: a table of (form, XPOS) pairs whose lemma
// the rules below get wrong, learned from the training treebank; a curated
// list of English irregular forms (verbs, plurals, comparatives); and
// suffix-rewrite rules learned per XPOS ("-ies" -> "-y" for NNS), chosen by
// the longest suffix of the word that the training data saw often enough,
// unless that makes no word training saw as a lemma and a shorter rule, or
// the stem with its final e restored, does.
// Proper nouns keep their case; other words are lower-cased.
//
// The lemmatizer reads forms and tags only; it knows nothing of how they were
// made, nor of parses, entities or anything later. A Lemmatizer is safe for
// concurrent use.
package lemma

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyadhq/dyad/pkg/doc"
)

// Lemmatizer holds the learned table and rules.
type Lemmatizer struct {
	// table maps form (as written) and XPOS to a lemma; lower maps the
	// lower-cased form. Only pairs the rules get wrong are kept.
	table map[key]string
	lower map[key]string
	// rules maps XPOS and a suffix of the lower-cased form to a rewrite.
	rules map[key]rule
	// maxSuffix is the longest suffix the rules look at.
	maxSuffix int
	// known holds the lower-cased lemmas of open-class words seen in
	// training, by word class: when the longest rule makes a word that is
	// not one ("declined" -> "declin"), a shorter rule or a restored final
	// e that does ("decline") wins.
	known map[known]bool
}

// known is a lemma and its word class: 'N', 'V', 'J' or 'R' (the first
// letter of the Penn tag).
type known struct {
	lemma string
	class byte
}

type key struct{ form, xpos string }

// rule rewrites a form into its lemma: drop strip bytes from the end, append add.
type rule struct {
	strip int
	add   string
}

func (r rule) apply(s string) (string, bool) {
	if r.strip >= len(s) {
		return "", false
	}
	return s[:len(s)-r.strip] + r.add, true
}

// Lemmatize fills the Lemma of every token of d from its form and XPOS.
func (l *Lemmatizer) Lemmatize(d *doc.Document) {
	for i := range d.Tokens {
		t := &d.Tokens[i]
		t.Lemma = l.Lemma(d.Form(i), t.XPOS)
	}
}

// Lemma returns the lemma of one word with Penn Treebank tag xpos.
func (l *Lemmatizer) Lemma(form, xpos string) string {
	if lem, ok := l.table[key{form, xpos}]; ok {
		return lem
	}
	low := strings.ToLower(form)
	if lem, ok := l.lower[key{low, xpos}]; ok {
		return lem
	}
	proper := xpos == "NNP" || xpos == "NNPS"
	if lem, ok := irregular(low, xpos); ok {
		if proper {
			return matchCase(lem, form)
		}
		return lem
	}
	base := low
	if proper && len(form) == len(low) {
		base = form
	}
	if !hasLetter(low) {
		return base
	}
	first := ""
	for n := min(l.maxSuffix, len(low)); n >= 0; n-- {
		if n > 0 && !utf8.RuneStart(low[len(low)-n]) {
			continue
		}
		r, ok := l.rules[key{low[len(low)-n:], xpos}]
		if !ok {
			continue
		}
		out, ok := r.apply(base)
		if !ok {
			continue
		}
		class := xpos[0]
		if proper || len(l.known) == 0 || out == base || l.known[known{out, class}] {
			if first == "" || l.known[known{out, class}] {
				return out
			}
			continue
		}
		if first == "" {
			first = out
			if alt, ok := l.restored(out, class); ok {
				return alt
			}
		}
	}
	if first != "" {
		return first
	}
	return base
}

// restored returns the known word that stem becomes with a final e put
// back ("declin" -> "decline") or a doubled final consonant undone
// ("totall" -> "total").
func (l *Lemmatizer) restored(stem string, class byte) (string, bool) {
	if len(stem) < 3 {
		return "", false // "bid" -> "b" is no stem of "be"
	}
	if w := stem + "e"; l.known[known{w, class}] {
		return w, true
	}
	if n := len(stem); n > 2 && stem[n-1] == stem[n-2] && !strings.ContainsRune("aeiou", rune(stem[n-1])) {
		if w := stem[:n-1]; l.known[known{w, class}] {
			return w, true
		}
	}
	return "", false
}

// matchCase gives lem the capitalisation of the first letter of form.
func matchCase(lem, form string) string {
	r, _ := utf8.DecodeRuneInString(form)
	if !unicode.IsUpper(r) || lem == "" {
		return lem
	}
	l, n := utf8.DecodeRuneInString(lem)
	return string(unicode.ToUpper(l)) + lem[n:]
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}
