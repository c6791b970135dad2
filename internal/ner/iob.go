package ner

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"
)

// Sentence is one sentence of a BIO-annotated corpus: its words and their
// labels (B-PER, I-ORG, O...).
type Sentence struct {
	ID     string
	Doc    string // the document's id (# newdoc id), shared by its sentences
	Words  []string
	Labels []string
}

// ReadIOB2 reads the Universal NER IOB2 format: comment lines starting with
// "#", one tab-separated line per word (index, word, label, and optional
// columns), a blank line after each sentence. Labels other than B-/I- of
// PER, ORG, LOC and OTH (the stray "B-O") read as O. OTH is kept for the
// name memory, which remembers other names (products, works, events) too;
// training and scoring (LabelIndex) read it as O.
func ReadIOB2(name string, r io.Reader) ([]Sentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	var out []Sentence
	var cur Sentence
	docID := ""
	flush := func() {
		if len(cur.Words) > 0 {
			cur.Doc = docID
			out = append(out, cur)
		}
		cur = Sentence{}
	}
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		switch {
		case s == "":
			flush()
			continue
		case strings.HasPrefix(s, "#"):
			if id, ok := strings.CutPrefix(s, "# newdoc id = "); ok {
				if len(cur.Words) > 0 {
					flush()
				}
				docID = id
			}
			if id, ok := strings.CutPrefix(s, "# sent_id = "); ok {
				if len(cur.Words) > 0 {
					flush()
				}
				cur.ID = id
			}
			continue
		}
		cols := strings.Split(s, "\t")
		if len(cols) < 3 || cols[1] == "" {
			return nil, fmt.Errorf("%s:%d: want at least 3 tab-separated columns", name, line)
		}
		cur.Words = append(cur.Words, cols[1])
		l := cols[2]
		if l != "B-OTH" && l != "I-OTH" {
			l = labelNames[LabelIndex(l)]
		}
		cur.Labels = append(cur.Labels, l)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", name, line, err)
	}
	flush()
	return out, nil
}

// ReadIOB2File reads a file with ReadIOB2.
func ReadIOB2File(path string) ([]Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadIOB2(path, f)
}

// LowerCopies returns lower-cased copies of every nth sentence (counting
// only sentences that hold a name) of sents, labels unchanged, so that
// training also sees names written the way much web text writes them
// ("taco bell", "kerala"). n <= 0 gives none.
func LowerCopies(sents []Sentence, n int) []Sentence {
	if n <= 0 {
		return nil
	}
	var out []Sentence
	k := 0
	for _, s := range sents {
		named := false
		for _, l := range s.Labels {
			if l != "O" {
				named = true
				break
			}
		}
		if !named {
			continue
		}
		if k++; k%n != 0 {
			continue
		}
		c := s
		c.ID += "-lower"
		c.Words = make([]string, len(s.Words))
		for i, w := range s.Words {
			c.Words[i] = strings.ToLower(w)
		}
		out = append(out, c)
	}
	return out
}
