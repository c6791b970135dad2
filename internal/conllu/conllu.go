// Package conllu reads and writes the CoNLL-U format of Universal
// Dependencies, and rebuilds the raw text a treebank was made from. It knows
// the format only: no tagging, parsing or scoring.
package conllu

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// Word is one syntactic word line (an integer ID).
type Word struct {
	ID     int
	Form   string
	Lemma  string
	UPOS   string
	XPOS   string
	Feats  string
	Head   int // 0 for the root, -1 when unknown ("_")
	Deprel string
	Deps   string
	Misc   string
}

// MultiWord is a range line such as "3-4 don't" over words First..Last.
type MultiWord struct {
	First, Last int // word IDs, inclusive
	Form        string
	Misc        string
}

// Sentence is one CoNLL-U sentence. Empty nodes (decimal IDs) are kept as raw
// lines so that writing a read sentence gives the same file.
type Sentence struct {
	Comments []string // without the leading "# "
	Words    []Word
	Multi    []MultiWord
	Empty    []string
}

// Comment returns the value of a "# key = value" comment and whether it exists.
func (s *Sentence) Comment(key string) (string, bool) {
	for _, c := range s.Comments {
		k, v, ok := strings.Cut(c, "=")
		if ok && strings.TrimSpace(k) == key {
			return strings.TrimSpace(v), true
		}
		if !ok && strings.TrimSpace(c) == key {
			return "", true
		}
	}
	return "", false
}

// Text returns the sentence's "# text" comment.
func (s *Sentence) Text() string { t, _ := s.Comment("text"); return t }

// ID returns the sentence's "# sent_id" comment.
func (s *Sentence) ID() string { t, _ := s.Comment("sent_id"); return t }

// NewDoc reports whether a document starts at this sentence.
func (s *Sentence) NewDoc() bool {
	for _, c := range s.Comments {
		if strings.HasPrefix(c, "newdoc") {
			return true
		}
	}
	return false
}

// NewPar reports whether a paragraph (or document) starts at this sentence.
func (s *Sentence) NewPar() bool {
	for _, c := range s.Comments {
		if strings.HasPrefix(c, "newpar") || strings.HasPrefix(c, "newdoc") {
			return true
		}
	}
	return false
}

// Token is one surface token: a word, or a multiword token over words
// [First, Last) (indices into Words).
type Token struct {
	Form        string
	First, Last int
	SpaceAfter  bool
}

// Tokens returns the surface tokens of the sentence in order.
func (s *Sentence) Tokens() []Token {
	toks := make([]Token, 0, len(s.Words))
	m := 0
	for i := 0; i < len(s.Words); {
		w := &s.Words[i]
		for m < len(s.Multi) && s.Multi[m].Last < w.ID {
			m++
		}
		if m < len(s.Multi) && s.Multi[m].First == w.ID {
			mw := s.Multi[m]
			n := mw.Last - mw.First + 1
			if i+n > len(s.Words) {
				n = len(s.Words) - i
			}
			toks = append(toks, Token{Form: mw.Form, First: i, Last: i + n, SpaceAfter: !HasMisc(mw.Misc, "SpaceAfter=No")})
			i += n
			continue
		}
		toks = append(toks, Token{Form: w.Form, First: i, Last: i + 1, SpaceAfter: !HasMisc(w.Misc, "SpaceAfter=No")})
		i++
	}
	return toks
}

// HasMisc reports whether a MISC column holds the item (e.g. "SpaceAfter=No").
func HasMisc(misc, item string) bool {
	if misc == "_" || misc == "" {
		return false
	}
	for len(misc) > 0 {
		var f string
		f, misc, _ = strings.Cut(misc, "|")
		if f == item {
			return true
		}
	}
	return false
}

// Reader reads sentences one at a time.
type Reader struct {
	sc   *bufio.Scanner
	name string
	line int
	cur  Sentence
	err  error
}

// NewReader reads CoNLL-U from r; name is used in error messages.
func NewReader(r io.Reader, name string) *Reader {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	return &Reader{sc: sc, name: name}
}

// Next reads the next sentence; it returns false at the end or on error.
func (r *Reader) Next() bool {
	if r.err != nil {
		return false
	}
	r.cur = Sentence{}
	started := false
	for r.sc.Scan() {
		r.line++
		line := strings.TrimRight(r.sc.Text(), "\r")
		if line == "" {
			if started {
				return true
			}
			continue
		}
		started = true
		if line[0] == '#' {
			r.cur.Comments = append(r.cur.Comments, strings.TrimSpace(strings.TrimPrefix(line, "#")))
			continue
		}
		if err := r.parseLine(line); err != nil {
			r.err = fmt.Errorf("%s:%d: %w", r.name, r.line, err)
			return false
		}
	}
	if err := r.sc.Err(); err != nil {
		r.err = fmt.Errorf("%s: %w", r.name, err)
		return false
	}
	return started
}

func (r *Reader) parseLine(line string) error {
	f := strings.Split(line, "\t")
	if len(f) != 10 {
		return fmt.Errorf("want 10 tab-separated columns, got %d", len(f))
	}
	id := f[0]
	if strings.Contains(id, ".") {
		r.cur.Empty = append(r.cur.Empty, line)
		return nil
	}
	if a, b, ok := strings.Cut(id, "-"); ok {
		first, err1 := strconv.Atoi(a)
		last, err2 := strconv.Atoi(b)
		if err1 != nil || err2 != nil || last < first {
			return fmt.Errorf("bad range ID %q", id)
		}
		r.cur.Multi = append(r.cur.Multi, MultiWord{First: first, Last: last, Form: f[1], Misc: f[9]})
		return nil
	}
	n, err := strconv.Atoi(id)
	if err != nil {
		return fmt.Errorf("bad ID %q", id)
	}
	if n != len(r.cur.Words)+1 {
		return fmt.Errorf("word ID %d out of sequence", n)
	}
	head := -1
	if f[6] != "_" {
		if head, err = strconv.Atoi(f[6]); err != nil {
			return fmt.Errorf("bad HEAD %q", f[6])
		}
	}
	r.cur.Words = append(r.cur.Words, Word{ID: n, Form: f[1], Lemma: f[2], UPOS: f[3], XPOS: f[4],
		Feats: f[5], Head: head, Deprel: f[7], Deps: f[8], Misc: f[9]})
	return nil
}

// Sentence returns the sentence read by the last Next.
func (r *Reader) Sentence() Sentence { return r.cur }

// Err returns the first error met.
func (r *Reader) Err() error { return r.err }

// Read reads every sentence from r.
func Read(rd io.Reader, name string) ([]Sentence, error) {
	r := NewReader(rd, name)
	var out []Sentence
	for r.Next() {
		out = append(out, r.Sentence())
	}
	return out, r.Err()
}

// ReadFile reads every sentence of a CoNLL-U file.
func ReadFile(path string) ([]Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Read(f, path)
}

// Write writes sentences in CoNLL-U, each followed by a blank line.
func Write(w io.Writer, sents []Sentence) error {
	bw := bufio.NewWriter(w)
	for i := range sents {
		writeSentence(bw, &sents[i])
	}
	return bw.Flush()
}

func writeSentence(w *bufio.Writer, s *Sentence) {
	for _, c := range s.Comments {
		w.WriteString("# ")
		w.WriteString(c)
		w.WriteByte('\n')
	}
	m, e := 0, 0
	for e < len(s.Empty) && emptyAfter(s.Empty[e]) == 0 {
		w.WriteString(s.Empty[e])
		w.WriteByte('\n')
		e++
	}
	for i := range s.Words {
		wd := &s.Words[i]
		for m < len(s.Multi) && s.Multi[m].First == wd.ID {
			mw := &s.Multi[m]
			fmt.Fprintf(w, "%d-%d\t%s\t_\t_\t_\t_\t_\t_\t_\t%s\n", mw.First, mw.Last, mw.Form, orBlank(mw.Misc))
			m++
		}
		head := "_"
		if wd.Head >= 0 {
			head = strconv.Itoa(wd.Head)
		}
		cols := [10]string{strconv.Itoa(wd.ID), wd.Form, orBlank(wd.Lemma), orBlank(wd.UPOS), orBlank(wd.XPOS),
			orBlank(wd.Feats), head, orBlank(wd.Deprel), orBlank(wd.Deps), orBlank(wd.Misc)}
		w.WriteString(strings.Join(cols[:], "\t"))
		w.WriteByte('\n')
		for e < len(s.Empty) && emptyAfter(s.Empty[e]) == wd.ID {
			w.WriteString(s.Empty[e])
			w.WriteByte('\n')
			e++
		}
	}
	for ; e < len(s.Empty); e++ {
		w.WriteString(s.Empty[e])
		w.WriteByte('\n')
	}
	w.WriteByte('\n')
}

// emptyAfter returns the word ID an empty node line follows ("5.1" -> 5).
func emptyAfter(line string) int {
	id, _, _ := strings.Cut(line, "\t")
	a, _, _ := strings.Cut(id, ".")
	n, _ := strconv.Atoi(a)
	return n
}

func orBlank(s string) string {
	if s == "" {
		return "_"
	}
	return s
}
