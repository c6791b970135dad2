// Package lemma is dyad's lemmatizer: it fills each word's Lemma from its
// form and Penn Treebank tag (XPOS), which the tagger must have filled.
//
// A lemma comes from, in order: a table of (form, XPOS) pairs whose lemma
// the rules below get wrong, learned from the training treebank; a curated
// list of English irregular forms (verbs, plurals, comparatives); and
// suffix-rewrite rules learned per XPOS ("-ies" -> "-y" for NNS), chosen by
// the longest suffix of the word that the training data saw often enough.
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
	for n := min(l.maxSuffix, len(low)); n >= 0; n-- {
		if n > 0 && !utf8.RuneStart(low[len(low)-n]) {
			continue
		}
		r, ok := l.rules[key{low[len(low)-n:], xpos}]
		if !ok {
			continue
		}
		if out, ok := r.apply(base); ok {
			return out
		}
	}
	return base
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
