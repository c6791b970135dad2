package conllu

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyadhq/dyad/pkg/doc"
)

// FromDocument writes a document's sentences as CoNLL-U: one word per
// token with its tags, lemma and dependency, a range line for each run of
// Fused tokens (a multiword token), SpaceAfter=No where no whitespace
// follows a token, and "# newdoc id", "# newpar", "# sent_id" and "# text"
// comments. A token's Head is written as 0 (root) when it is -1 and the token
// has a Deprel, and as "_" when the token is unparsed (no Deprel) or its
// head lies outside the sentence.
func FromDocument(d *doc.Document) []Sentence {
	out := make([]Sentence, 0, len(d.Sentences))
	prevPara := -1
	for si, s := range d.Sentences {
		var cs Sentence
		if si == 0 {
			cs.Comments = append(cs.Comments, "newdoc id = "+orName(d.ID))
		} else if s.Paragraph != prevPara {
			cs.Comments = append(cs.Comments, "newpar")
		}
		prevPara = s.Paragraph
		cs.Comments = append(cs.Comments,
			"sent_id = "+orName(d.ID)+"-"+strconv.Itoa(si+1),
			"text = "+oneLine(d.Text[s.Start:s.End]))
		cs.Words = make([]Word, 0, s.Last-s.First)
		for i := s.First; i < s.Last; i++ {
			t := &d.Tokens[i]
			id := i - s.First + 1
			if t.Fused && (i == s.First || !d.Tokens[i-1].Fused) {
				// the first part of a multiword token: its range line
				j := i
				for j+1 < s.Last && d.Tokens[j].Fused {
					j++
				}
				if j > i {
					last := &d.Tokens[j]
					cs.Multi = append(cs.Multi, MultiWord{First: id, Last: id + j - i,
						Form: d.Text[t.Start:last.End], Misc: spaceMisc(d, j)})
				}
			}
			w := Word{ID: id, Form: d.TokenText(i), Lemma: t.Lemma, UPOS: t.UPOS, XPOS: t.XPOS, Feats: t.Feats,
				Head: -1, Deprel: t.Deprel, Misc: "_"}
			switch {
			case t.Deprel == "":
			case t.Head == -1:
				w.Head = 0
			case t.Head >= s.First && t.Head < s.Last:
				w.Head = t.Head - s.First + 1
			}
			if !inMulti(cs.Multi, id) {
				w.Misc = spaceMisc(d, i)
			}
			cs.Words = append(cs.Words, w)
		}
		out = append(out, cs)
	}
	return out
}

// inMulti reports whether word id belongs to one of the multiword tokens.
func inMulti(multi []MultiWord, id int) bool {
	n := len(multi)
	return n > 0 && id >= multi[n-1].First && id <= multi[n-1].Last
}

// spaceMisc is the MISC column of token i: SpaceAfter=No when text follows
// it with no whitespace between.
func spaceMisc(d *doc.Document, i int) string {
	t := &d.Tokens[i]
	if t.SpaceAfter || t.End >= len(d.Text) {
		return "_"
	}
	if r, _ := utf8.DecodeRuneInString(d.Text[t.End:]); unicode.IsSpace(r) {
		return "_"
	}
	return "SpaceAfter=No"
}

func orName(id string) string {
	if id == "" {
		return "doc"
	}
	return id
}

// oneLine folds line breaks and tabs to spaces for a "# text" comment.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\n\r\t") {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == '\t' {
			return ' '
		}
		return r
	}, s)
}

// ToDocument rebuilds a document from CoNLL-U sentences: the text from the
// surface tokens (RawText: paragraphs and documents separated by a blank
// line), one token per word with byte offsets, the parts of a multiword
// token marked Fused, and the gold annotations copied (HEAD as a document
// token index, -1 for the root and for "_"). A word whose form is not the
// next piece of its multiword token's surface ("del" = "de" + "el") gets the
// piece it can take and its form as Norm. The ID is the first "newdoc id".
func ToDocument(sents []Sentence) *doc.Document {
	raw := RawText(sents)
	d := &doc.Document{Text: raw.Text}
	for i := range sents {
		if id, ok := sents[i].Comment("newdoc id"); ok && id != "" {
			d.ID = id
			break
		}
	}
	para := 0
	for si := range sents {
		s := &sents[si]
		if len(s.Words) == 0 {
			continue
		}
		if si > 0 && s.NewPar() && len(d.Sentences) > 0 {
			para++
		}
		first := len(d.Tokens)
		// at[k] is the document token of word k, -1 for a word left out
		// because its form is empty (invalid CoNLL-U, but readable).
		at := make([]int, len(s.Words))
		for k := range at {
			at[k] = -1
		}
		for ti, tok := range raw.Tokens[si] {
			sp := raw.TokSpans[si][ti]
			pos := sp.Start
			before := len(d.Tokens)
			for wi := tok.First; wi < tok.Last; wi++ {
				w := &s.Words[wi]
				t := doc.Token{Start: pos, End: sp.End, Head: w.Head, Fused: wi < tok.Last-1,
					UPOS: blank(w.UPOS), XPOS: blank(w.XPOS), Feats: blank(w.Feats), Deprel: blank(w.Deprel),
					Lemma: w.Lemma}
				if t.Lemma == "_" && w.Form != "_" {
					t.Lemma = ""
				}
				if t.Fused {
					t.End = partEnd(d.Text, pos, sp.End, w.Form, tok.Last-wi-1)
				}
				if t.End <= t.Start {
					continue
				}
				if tok.Last-tok.First > 1 && d.Text[t.Start:t.End] != w.Form {
					t.Norm = w.Form
				}
				pos = t.End
				at[wi] = len(d.Tokens)
				d.Tokens = append(d.Tokens, t)
			}
			if len(d.Tokens) > before {
				d.Tokens[len(d.Tokens)-1].Fused = false // its later parts were left out
			}
		}
		if len(d.Tokens) == first {
			continue
		}
		for i := first; i < len(d.Tokens); i++ {
			t := &d.Tokens[i]
			if t.End < len(d.Text) {
				r, _ := utf8.DecodeRuneInString(d.Text[t.End:])
				t.SpaceAfter = unicode.IsSpace(r)
			}
			// CoNLL-U HEAD (1-based in the sentence) to a document index.
			h := t.Head
			t.Head = -1
			if h > 0 && h <= len(at) {
				t.Head = at[h-1]
			}
		}
		d.Sentences = append(d.Sentences, doc.Sentence{Start: raw.Sentences[si].Start, End: raw.Sentences[si].End,
			First: first, Last: len(d.Tokens), Paragraph: para})
	}
	return d
}

// partEnd returns where a multiword token's part spelled form ends when it
// starts at text[pos] and the token ends at end, leaving at least one
// character for each of the rest parts that follow.
func partEnd(text string, pos, end int, form string, rest int) int {
	// room: the furthest this part may reach
	room := end
	for k := 0; k < rest && room > pos; k++ {
		_, w := utf8.DecodeLastRuneInString(text[pos:room])
		room -= w
	}
	if room <= pos {
		// no room for one character each: take one anyway
		_, w := utf8.DecodeRuneInString(text[pos:end])
		return pos + w
	}
	if n := len(form); pos+n <= room && strings.EqualFold(text[pos:pos+n], form) {
		return pos + n
	}
	// The form is not spelled here: take as many characters as it has.
	q := pos
	for range utf8.RuneCountInString(form) {
		if q >= room {
			break
		}
		_, w := utf8.DecodeRuneInString(text[q:room])
		q += w
	}
	if q == pos {
		_, w := utf8.DecodeRuneInString(text[pos:room])
		q += w
	}
	return q
}

func blank(s string) string {
	if s == "_" {
		return ""
	}
	return s
}

// Documents splits a treebank into its documents at "# newdoc" comments.
func Documents(sents []Sentence) [][]Sentence {
	var docs [][]Sentence
	start := 0
	for i := range sents {
		if i > start && sents[i].NewDoc() {
			docs = append(docs, sents[start:i])
			start = i
		}
	}
	if start < len(sents) {
		docs = append(docs, sents[start:])
	}
	return docs
}

// ToWords is ToDocument without the gold annotations: the words and
// sentences only, ready for a tagger and parser to fill in.
func ToWords(sents []Sentence) *doc.Document {
	d := ToDocument(sents)
	for i := range d.Tokens {
		t := &d.Tokens[i]
		t.UPOS, t.XPOS, t.Feats, t.Lemma, t.Deprel, t.Head = "", "", "", "", "", -1
	}
	return d
}
