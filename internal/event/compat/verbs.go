// Package compat reads PETRARCH and TABARI verb dictionaries (the Phoenix
// CAMEO.2.0.txt, PETR.Validate.verbs.txt) into an event.Lexicon, so that
// existing users can code with their own verb patterns under dyad's
// dependency-based construction rules, and their discard lists (discards.go).
// Actor and agent dictionaries are read by internal/actor/petrarch. It knows
// the file formats only: matching is the event coder's.
//
// What is read (the files are the specification):
//
//	&SYNSET            a word set, its members on following "+WORD" lines
//	--- NAME [CODE] ---  a verb block; CODE is the block's default ("---": none)
//	VERB {FORMS}       a verb of the block (irregular forms in braces,
//	                   not needed: the coder matches lemmas)
//	- PATTERN [CODE]   a pattern: "*" the verb, "+" the target, "$" the
//	                   source, "&SYNSET" any member, "( )" a prepositional
//	                   phrase, "{ }" a noun phrase, "_" joins words, "%"
//	                   before the verb: the act is among the coordinated
//	                   actors of the subject ("X and Y have postponed")
//	[CODE:CODE]        the second code is the target's part, coded from
//	                   the target back to the source ("ARRIVE [032:033]")
//
// Patterns map onto dyad rules: the words after "*" become required
// dependents (lemma or form), the word before "+" its preposition when it is
// one. A synset member of several words needs all of them. A verb entry
// that is an inflected form of another ("LEFT" beside "LEAVE") keeps its own
// patterns, which the coder picks when the text has that form. Words before
// "*" (PETRARCH's pre-verb context, such as "SAID * TO ATTEND",
// "&NEGATVAUXVRB *" with each member of the set) must occur among the few
// words before the verb; a pattern with another operator before the verb
// ("^") is skipped, as are codes that are not digits. Each skip is
// counted. A multi-word verb ("WIRE_+TAP", "+" marking the head) codes on
// its head, the words before it as pre-verb context and those after it as
// required words. A pattern that names a negation ("DID N'T *") codes
// the negated act with its own code, so its events are not flagged negated.
package compat

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/dyadhq/dyad/internal/event"
)

// Stats counts what a verb dictionary gave.
type Stats struct {
	Verbs, Patterns, Rules int
	Skipped                int // patterns that cannot be used
}

// preps are the prepositions a pattern word before "+" may be.
var preps = map[string]bool{"with": true, "against": true, "to": true, "on": true, "upon": true, "for": true,
	"from": true, "at": true, "into": true, "about": true, "over": true, "toward": true, "towards": true,
	"between": true, "in": true, "by": true, "of": true, "among": true, "onto": true, "across": true, "near": true}

// maxExpand caps the rules one pattern expands to through its synsets.
const maxExpand = 64

// LoadVerbs reads a verb dictionary file.
func LoadVerbs(path string) (*event.Lexicon, Stats, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, Stats{}, err
	}
	defer f.Close()
	return ReadVerbs(f, filepath.Base(path))
}

// ReadVerbs reads a verb dictionary; name is used in messages. Malformed
// lines are skipped and counted; the error is for unreadable input or a file
// with no usable pattern.
func ReadVerbs(r io.Reader, name string) (*event.Lexicon, Stats, error) {
	lex := event.NewLexicon()
	var st Stats
	syn := map[string][]string{}
	var cur string // synset being read
	type verb struct {
		lemma, code, back string
		pre, after        []string // the other words of a multi-word verb
	}
	var verbs []verb
	blockCode, blockBack := "", ""
	inBlock := false
	type pat struct {
		text, code, back, src string
	}
	var pats []pat
	flush := func() {
		for _, v := range verbs {
			code, back := v.code, v.back
			if code == "" {
				code, back = blockCode, blockBack
			}
			if code != "" {
				lex.AddLegacyRule(&event.Rule{Code: code, Back: back, Lemma: v.lemma, Pre: v.pre, Words: v.after, Target: "obj", Src: name + ": " + v.lemma})
				st.Rules++
			}
			for _, p := range pats {
				n := addPattern(lex, mwVerb{v.lemma, v.pre, v.after}, p.text, p.code, p.back, p.src, syn)
				if n == 0 {
					st.Skipped++
				}
				st.Rules += n
			}
		}
		verbs, pats, blockCode, blockBack = verbs[:0], pats[:0], "", ""
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	ln := 0
	inComment := false
	for sc.Scan() {
		ln++
		line := sc.Text()
		if inComment {
			if i := strings.Index(line, "-->"); i >= 0 {
				line, inComment = line[i+3:], false
			} else {
				continue
			}
		}
		for {
			i := strings.Index(line, "<!--")
			if i < 0 {
				break
			}
			j := strings.Index(line[i:], "-->")
			if j < 0 {
				line, inComment = line[:i], true
				break
			}
			line = line[:i] + line[i+j+3:]
		}
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		src := fmt.Sprintf("%s:%d", name, ln)
		switch {
		case strings.HasPrefix(line, "---"):
			flush()
			inBlock, cur = true, ""
			blockCode, blockBack = codeIn(line), backIn(line)
		case strings.HasPrefix(line, "&"):
			cur = strings.TrimSuffix(strings.Fields(line)[0], "_")
			syn[cur] = nil
			inBlock = false
		case strings.HasPrefix(line, "+") && cur != "" && !inBlock:
			// "+GOLDEN_GOBLIN_GALLEONS": words joined by "_" are one member
			m := strings.ReplaceAll(strings.TrimSuffix(strings.TrimPrefix(line, "+"), "_"), "_", " ")
			syn[cur] = append(syn[cur], strings.ToLower(strings.TrimSpace(m)))
		case strings.HasPrefix(line, "-") && inBlock:
			code := codeIn(line)
			text := line[1:]
			if i := strings.IndexByte(text, '['); i >= 0 {
				text = text[:i]
			}
			st.Patterns++
			if code == "" {
				st.Skipped++
				continue
			}
			pats = append(pats, pat{strings.TrimSpace(text), code, backIn(line), src})
		case inBlock && !strings.HasPrefix(line, "+"):
			w := strings.Fields(line)[0]
			if strings.ContainsAny(w, "{}[]") {
				continue
			}
			// "WIRE_+TAP": a multi-word verb, "+" marking its head (else
			// the first word); the words before it must come just before,
			// those after it are required dependents
			parts := strings.Split(strings.ToLower(w), "_")
			h := 0
			for i, p := range parts {
				if strings.HasPrefix(p, "+") {
					h = i
				}
			}
			head := strings.TrimPrefix(parts[h], "+")
			if head == "" || strings.Contains(head, "+") {
				continue
			}
			v := verb{lemma: head, code: codeIn(line), back: backIn(line)}
			if len(parts) > 1 {
				v.pre, v.after = parts[:h:h], parts[h+1:]
			}
			verbs = append(verbs, v)
			st.Verbs++
		}
	}
	if err := sc.Err(); err != nil {
		return nil, st, fmt.Errorf("%s: %w", name, err)
	}
	flush()
	if lex.Rules() == 0 {
		return nil, st, fmt.Errorf("%s: no verb patterns found", name)
	}
	return lex, st, nil
}

// backIn returns the second code of "[CODE:CODE]", the target's part in
// the act, "" when there is none or it is not a code.
func backIn(s string) string {
	i := strings.IndexByte(s, '[')
	j := strings.IndexByte(s, ']')
	if i < 0 || j < i {
		return ""
	}
	_, c, ok := strings.Cut(s[i+1:j], ":")
	c = strings.TrimSpace(c)
	if !ok || c == "" || strings.Trim(c, "0123456789") != "" {
		return ""
	}
	return c
}

// codeIn returns the first code in "[CODE]" or "[CODE:CODE]", "" for "---" or none.
func codeIn(s string) string {
	i := strings.IndexByte(s, '[')
	j := strings.IndexByte(s, ']')
	if i < 0 || j < i {
		return ""
	}
	c := strings.TrimSpace(s[i+1 : j])
	if k := strings.IndexByte(c, ':'); k >= 0 {
		c = c[:k]
	}
	if c == "" || strings.Trim(c, "0123456789") != "" {
		return ""
	}
	return c
}

// mwVerb is a verb of a block: its head lemma and, for a multi-word verb,
// the words before and after the head.
type mwVerb struct {
	lemma      string
	pre, after []string
}

// addPattern turns one pattern into rules for verb v; it returns how many.
func addPattern(lex *event.Lexicon, v mwVerb, text, code, back, src string, syn map[string][]string) int {
	// "_" joins words that must be next to each other: kept as a token
	text = strings.NewReplacer("_", " _ ", "(", " ", ")", " ", "{", " ", "}", " ").Replace(text)
	f := strings.Fields(text)
	star := -1
	for i, w := range f {
		if w == "*" {
			star = i
			break
		}
	}
	if star < 0 {
		return 0
	}
	// Pre-verb context is checked on the words just before the verb.
	// A pre-verb word set ("&NEGATVAUXVRB *") expands into one word list
	// per member ("did n't", "will not").
	pres := [][]string{append([]string(nil), v.pre...)}
	compound := false
	for _, w := range f[:star] {
		switch {
		case w == "%":
			compound = true // the act is among the subject's actors
		case w == "$" || w == "+" || w == "_":
		case strings.HasPrefix(w, "&"):
			mem := expand(syn, strings.TrimSuffix(w, "_"), 0)
			if len(mem) == 0 {
				return 0
			}
			var next [][]string
			for _, p := range pres {
				for _, m := range mem {
					if len(next) < maxExpand {
						next = append(next, append(append([]string(nil), p...), strings.Fields(m)...))
					}
				}
			}
			pres = next
		case strings.Trim(w, "%^=|") != w:
			return 0 // an operator before the verb: not checkable
		default:
			for i := range pres {
				pres[i] = append(pres[i], strings.ToLower(strings.TrimSuffix(w, "_")))
			}
		}
	}
	// Alternatives: each word position is a list (synsets expand).
	var slots [][]string
	var joined []bool // slot i must directly follow slot i-1
	join := false
	target, source := "", ""
	for i, w := range f[star+1:] {
		switch {
		case w == "_":
			join = len(slots) > 0 // a join to the verb itself is not checked
			continue
		case w == "+":
			target = "obj"
			if i > 0 && len(slots) > 0 {
				prev := slots[len(slots)-1]
				if len(prev) == 1 && preps[prev[0]] {
					target = prev[0]
					slots, joined = slots[:len(slots)-1], joined[:len(joined)-1]
				}
			}
			join = false
			continue
		case w == "$":
			source = "obj"
			if len(slots) > 0 {
				if prev := slots[len(slots)-1]; len(prev) == 1 && preps[prev[0]] {
					source = prev[0]
					slots, joined = slots[:len(slots)-1], joined[:len(joined)-1]
				}
			}
			join = false
			continue
		case w == "*":
			continue
		case strings.HasPrefix(w, "&"):
			mem := expand(syn, w, 0)
			if len(mem) == 0 {
				return 0
			}
			slots, joined, join = append(slots, mem), append(joined, join), false
			continue
		case strings.Trim(w, "%^=|") != w:
			join = false
			continue
		}
		slots, joined, join = append(slots, []string{strings.ToLower(w)}), append(joined, join), false
	}
	switch {
	case source != "" && target == "":
		target = "subj" // "- * MONEY FROM $": the subject receives
	case source != "" && target == "obj" && source == "obj":
		source = "" // "$" and "+" both on the object: not checkable
	case target == "":
		target = "obj"
	}
	n := 0
	var rec func(i int, words []string, adj []bool)
	rec = func(i int, words []string, adj []bool) {
		if n >= maxExpand {
			return
		}
		if i == len(slots) {
			for _, pre := range pres {
				r := &event.Rule{Code: code, Back: back, Compound: compound, Lemma: v.lemma, Words: append([]string(nil), words...), Pre: pre, Target: target, Source: source, Src: src}
				if slices.Contains(adj, true) {
					r.Joined = append([]bool(nil), adj...)
				}
				if n < maxExpand && lex.AddLegacyRule(r) == nil {
					n++
				}
			}
			return
		}
		for _, alt := range slots[i] {
			// A synset member may be several words: all are required, so
			// that "austrian gold florin" is told from "austrian florin".
			ws := strings.Fields(alt)
			if len(ws) == 0 {
				continue
			}
			a := append(adj, joined[i])
			for range ws[1:] {
				a = append(a, true) // a member's words are a phrase
			}
			rec(i+1, append(words, ws...), a)
		}
	}
	rec(0, append([]string(nil), v.after...), make([]bool, len(v.after)))
	return n
}

// expand returns a synset's members, following nested synsets.
func expand(syn map[string][]string, name string, depth int) []string {
	if depth > 4 {
		return nil
	}
	var out []string
	for _, m := range syn[name] {
		if strings.HasPrefix(m, "&") {
			out = append(out, expand(syn, strings.ToUpper(m), depth+1)...)
			continue
		}
		out = append(out, m)
	}
	return out
}
