// Package doc is dyad's model of one news document: its text and metadata, and
// the tokens and sentences that every later stage points into by byte offset.
//
// Every span keeps the invariant Text[Start:End] == span text. Stages fill the
// token fields they own (the tokenizer Start/End/Norm, the tagger UPOS/XPOS,
// the lemmatizer Lemma, the parser Head/Deprel); this package knows nothing of
// how documents are read, tokenized or annotated, nor of entities, events,
// quotes and times, which belong to the stages that make them.
package doc

import (
	"fmt"
	"time"
)

// Document is one news story.
type Document struct {
	ID        string
	Title     string
	Text      string    // the body; all offsets are bytes into it
	Published time.Time // zero when unknown
	// PublishedHasClock tells whether Published carries a time of day, so that
	// a bare date is not printed as midnight UTC.
	PublishedHasClock bool
	Source            string
	URL               string
	Language          string
	// Meta holds reader-specific fields (Reuters PLACES, DATELINE...).
	Meta map[string]string
	// Origin says where the document came from, for error messages:
	// "reut2-017.sgm: NEWID 17001", "feed.jsonl:12".
	Origin string

	Tokens    []Token
	Sentences []Sentence
}

// Token is one syntactic word (the UD unit): "don't" is the two words "do"
// and "n't", both substrings of the text, with the first marked Fused.
type Token struct {
	Start, End int    // byte offsets into Document.Text
	Norm       string // normalized form when it differs from the surface ("" otherwise)
	SpaceAfter bool   // whitespace follows in the text
	// Fused marks a word that forms one surface token with the next word
	// (a UD multiword token such as "don't" or "cannot").
	Fused bool

	UPOS   string
	XPOS   string
	Feats  string
	Lemma  string
	Head   int // index into Document.Tokens of the head; -1 for the root
	Deprel string
}

// Sentence is a run of tokens [First, Last) spanning Text[Start:End].
type Sentence struct {
	Start, End  int
	First, Last int
	Paragraph   int // index of the paragraph (blank-line separated block)
}

// TokenText returns the surface text of token i.
func (d *Document) TokenText(i int) string {
	t := &d.Tokens[i]
	return d.Text[t.Start:t.End]
}

// Form returns the normalized form of token i, or its surface when it has none.
func (d *Document) Form(i int) string {
	if n := d.Tokens[i].Norm; n != "" {
		return n
	}
	return d.TokenText(i)
}

// SentenceText returns the text of sentence i.
func (d *Document) SentenceText(i int) string {
	s := &d.Sentences[i]
	return d.Text[s.Start:s.End]
}

// SentenceOf returns the index of the sentence holding token i, or -1.
func (d *Document) SentenceOf(tok int) int {
	lo, hi := 0, len(d.Sentences)
	for lo < hi {
		m := (lo + hi) / 2
		switch s := &d.Sentences[m]; {
		case tok < s.First:
			hi = m
		case tok >= s.Last:
			lo = m + 1
		default:
			return m
		}
	}
	return -1
}

// Check verifies the offset invariants: tokens and sentences lie inside the
// text, in order, without overlap, and sentences cover their tokens. Stages
// and tests call it; it costs one pass.
func (d *Document) Check() error {
	n := len(d.Text)
	prev := 0
	for i, t := range d.Tokens {
		if t.Start < prev || t.End <= t.Start || t.End > n {
			return fmt.Errorf("token %d [%d,%d) out of order or outside text (len %d)", i, t.Start, t.End, n)
		}
		if t.Head < -1 || t.Head >= len(d.Tokens) {
			return fmt.Errorf("token %d head %d out of range", i, t.Head)
		}
		prev = t.End
	}
	prevTok, prevEnd := 0, 0
	for i, s := range d.Sentences {
		if s.First != prevTok || s.Last <= s.First || s.Last > len(d.Tokens) {
			return fmt.Errorf("sentence %d tokens [%d,%d) do not follow token %d", i, s.First, s.Last, prevTok)
		}
		if s.Start < prevEnd || s.Start > d.Tokens[s.First].Start || s.End < d.Tokens[s.Last-1].End || s.End > n {
			return fmt.Errorf("sentence %d [%d,%d) does not cover its tokens", i, s.Start, s.End)
		}
		prevTok, prevEnd = s.Last, s.End
	}
	if len(d.Sentences) > 0 && prevTok != len(d.Tokens) {
		return fmt.Errorf("tokens %d.. belong to no sentence", prevTok)
	}
	return nil
}
