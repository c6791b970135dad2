package conllu

import (
	"strings"
	"testing"

	"github.com/dyadhq/dyad/internal/datadir/datatest"
	"github.com/dyadhq/dyad/pkg/doc"
)

const docSample = `# newdoc id = d1
# sent_id = d1-1
# text = I don't know.
1	I	I	PRON	PRP	Case=Nom	4	nsubj	_	_
2-3	don't	_	_	_	_	_	_	_	_
2	do	do	AUX	VBP	Mood=Ind	4	aux	_	_
3	n't	not	PART	RB	_	4	advmod	_	_
4	know	know	VERB	VB	VerbForm=Inf	0	root	_	SpaceAfter=No
5	.	.	PUNCT	.	_	4	punct	_	_

# sent_id = d1-2
# text = Bush's gonna win
1-2	Bush's	_	_	_	_	_	_	_	_
1	Bush	Bush	PROPN	NNP	Number=Sing	4	nmod:poss	_	_
2	's	's	PART	POS	_	1	case	_	_
3-4	gonna	_	_	_	_	_	_	_	_
3	gon	go	VERB	VBG	_	0	root	_	_
4	na	to	PART	TO	_	5	mark	_	_
5	win	win	VERB	VB	_	3	xcomp	_	_

# newpar
# sent_id = d1-3
# text = Yes!
1	Yes	yes	INTJ	UH	_	0	root	_	SpaceAfter=No
2	!	!	PUNCT	.	_	1	punct	_	_

`

func TestToDocument(t *testing.T) {
	sents, err := Read(strings.NewReader(docSample), "sample")
	if err != nil {
		t.Fatal(err)
	}
	d := ToDocument(sents)
	if err := d.Check(); err != nil {
		t.Fatal(err)
	}
	if want := "I don't know. Bush's gonna win\n\nYes!"; d.Text != want {
		t.Fatalf("text %q, want %q", d.Text, want)
	}
	if d.ID != "d1" || len(d.Sentences) != 3 || len(d.Tokens) != 12 {
		t.Fatalf("id %q, %d sentences, %d tokens", d.ID, len(d.Sentences), len(d.Tokens))
	}
	tests := []struct {
		i          int
		surface    string
		fused      bool
		spaceAfter bool
		head       int
		deprel     string
	}{
		{0, "I", false, true, 3, "nsubj"},
		{1, "do", true, false, 3, "aux"},
		{2, "n't", false, true, 3, "advmod"},
		{3, "know", false, false, -1, "root"},
		{4, ".", false, true, 3, "punct"},
		{5, "Bush", true, false, 8, "nmod:poss"},
		{6, "'s", false, true, 5, "case"},
		{7, "gon", true, false, -1, "root"},
		{8, "na", false, true, 9, "mark"},
		{10, "Yes", false, false, -1, "root"},
	}
	for _, tt := range tests {
		tok := d.Tokens[tt.i]
		if got := d.TokenText(tt.i); got != tt.surface || tok.Fused != tt.fused || tok.SpaceAfter != tt.spaceAfter ||
			tok.Head != tt.head || tok.Deprel != tt.deprel {
			t.Errorf("token %d: %q fused %v space %v head %d %s; want %q %v %v %d %s", tt.i, got, tok.Fused,
				tok.SpaceAfter, tok.Head, tok.Deprel, tt.surface, tt.fused, tt.spaceAfter, tt.head, tt.deprel)
		}
	}
	if d.Tokens[2].Lemma != "not" || d.Tokens[0].Feats != "Case=Nom" || d.Tokens[1].XPOS != "VBP" {
		t.Errorf("annotations not copied: %+v %+v", d.Tokens[2], d.Tokens[1])
	}
	if p := []int{d.Sentences[0].Paragraph, d.Sentences[1].Paragraph, d.Sentences[2].Paragraph}; p[0] != 0 || p[1] != 0 || p[2] != 1 {
		t.Errorf("paragraphs %v", p)
	}
}

func TestRoundTrip(t *testing.T) {
	sents, err := Read(strings.NewReader(docSample), "sample")
	if err != nil {
		t.Fatal(err)
	}
	back := FromDocument(ToDocument(sents))
	compareTreebanks(t, sents, back)
	// Writing the document form again gives the same text.
	if a, b := RawText(sents).Text, RawText(back).Text; a != b {
		t.Errorf("raw text %q, after round trip %q", a, b)
	}
}

// compareTreebanks checks that two treebanks hold the same words, multiword
// tokens, annotations and spacing (comments may differ).
func compareTreebanks(t *testing.T, want, got []Sentence) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%d sentences, want %d", len(got), len(want))
	}
	for i := range want {
		w, g := &want[i], &got[i]
		if len(g.Words) != len(w.Words) || len(g.Multi) != len(w.Multi) {
			t.Fatalf("sentence %d (%s): %d words %d multiword, want %d %d", i, w.ID(), len(g.Words), len(g.Multi), len(w.Words), len(w.Multi))
		}
		for k := range w.Words {
			a, b := w.Words[k], g.Words[k]
			a.Deps, b.Deps = "", ""
			a.Misc, b.Misc = spaceOnly(a.Misc), spaceOnly(b.Misc)
			for _, f := range []*string{&a.Lemma, &b.Lemma, &a.UPOS, &a.XPOS, &a.Feats, &a.Deprel, &b.UPOS, &b.XPOS, &b.Feats, &b.Deprel} {
				*f = blank(*f)
			}
			if a != b {
				t.Errorf("sentence %d (%s) word %d:\n got %+v\nwant %+v", i, w.ID(), k+1, b, a)
			}
		}
		for k := range w.Multi {
			a, b := w.Multi[k], g.Multi[k]
			a.Misc, b.Misc = spaceOnly(a.Misc), spaceOnly(b.Misc)
			if a != b {
				t.Errorf("sentence %d (%s) multiword %d: got %+v, want %+v", i, w.ID(), k, b, a)
			}
		}
		if g.Text() != w.Text() && w.Text() != "" {
			t.Errorf("sentence %d: # text %q, want %q", i, g.Text(), w.Text())
		}
	}
}

// spaceOnly keeps the SpaceAfter=No item of a MISC column.
func spaceOnly(misc string) string {
	if HasMisc(misc, "SpaceAfter=No") {
		return "SpaceAfter=No"
	}
	return "_"
}

func TestFromDocumentUnparsed(t *testing.T) {
	d := &doc.Document{ID: "x", Text: "I can't.\nNext one"}
	d.Tokens = []doc.Token{
		{Start: 0, End: 1, SpaceAfter: true, Head: -1},
		{Start: 2, End: 4, Fused: true, Head: -1},
		{Start: 4, End: 7, Head: -1, Norm: "n't"},
		{Start: 7, End: 8, SpaceAfter: true, Head: -1},
		{Start: 9, End: 13, SpaceAfter: true, Head: -1},
		{Start: 14, End: 17, Head: -1},
	}
	d.Sentences = []doc.Sentence{{Start: 0, End: 8, First: 0, Last: 4}, {Start: 9, End: 17, First: 4, Last: 6, Paragraph: 1}}
	if err := d.Check(); err != nil {
		t.Fatal(err)
	}
	sents := FromDocument(d)
	if len(sents) != 2 {
		t.Fatalf("%d sentences", len(sents))
	}
	s := sents[0]
	if len(s.Multi) != 1 || s.Multi[0] != (MultiWord{First: 2, Last: 3, Form: "can't", Misc: "SpaceAfter=No"}) {
		t.Errorf("multiword %+v", s.Multi)
	}
	for _, w := range s.Words {
		if w.Head != -1 {
			t.Errorf("unparsed word %q has head %d", w.Form, w.Head)
		}
	}
	if s.Text() != "I can't." || s.ID() != "x-1" || !s.NewDoc() || !sents[1].NewPar() || sents[1].Text() != "Next one" {
		t.Errorf("comments %q / %q", s.Comments, sents[1].Comments)
	}
	if toks := s.Tokens(); len(toks) != 3 || toks[1].Form != "can't" || toks[1].SpaceAfter {
		t.Errorf("surface tokens %+v", toks)
	}
	// Writing gives valid CoNLL-U that reads back the same.
	var b strings.Builder
	if err := Write(&b, sents); err != nil {
		t.Fatal(err)
	}
	again, err := Read(strings.NewReader(b.String()), "written")
	if err != nil {
		t.Fatalf("%v\n%s", err, b.String())
	}
	compareTreebanks(t, sents, again)
}

func TestToDocumentOddMultiword(t *testing.T) {
	// A multiword token whose words are not spelled in it (Spanish "del" =
	// "de" + "el") still gives ordered, non-empty offsets, with Norm.
	s := Sentence{
		Multi: []MultiWord{{First: 1, Last: 2, Form: "del"}},
		Words: []Word{{ID: 1, Form: "de", Head: 0}, {ID: 2, Form: "el", Head: 1}},
	}
	d := ToDocument([]Sentence{s})
	if err := d.Check(); err != nil {
		t.Fatal(err)
	}
	if d.Form(0) != "de" || d.Form(1) != "el" || !d.Tokens[0].Fused {
		t.Errorf("forms %q %q, fused %v", d.Form(0), d.Form(1), d.Tokens[0].Fused)
	}
}

func TestEWTRoundTrip(t *testing.T) {
	path := datatest.Require(t, "ud-ewt", "en_ewt-ud-dev.conllu")
	sents, err := ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) > 600 {
		sents = sents[:600]
	}
	for _, dd := range Documents(sents) {
		d := ToDocument(dd)
		if err := d.Check(); err != nil {
			t.Fatalf("%s: %v", d.ID, err)
		}
		back := FromDocument(d)
		compareTreebanks(t, dd, back)
		if a, b := RawText(dd).Text, RawText(back).Text; a != b {
			t.Fatalf("%s: raw text differs after round trip", d.ID)
		}
	}
}

// FuzzToDocument reads arbitrary CoNLL-U and checks that whatever reads
// converts to a document that keeps its invariants, and back without panic.
func FuzzToDocument(f *testing.F) {
	f.Add(docSample)
	f.Add("1-3\tx\t_\t_\t_\t_\t_\t_\t_\t_\n1\ta\t_\t_\t_\t_\t0\t_\t_\t_\n\n")
	f.Add("1\t\u00a0\t_\t_\t_\t_\t9\t_\t_\tSpaceAfter=No\n2\tb\t_\t_\t_\t_\t1\t_\t_\t_\n\n")
	f.Fuzz(func(t *testing.T, data string) {
		sents, err := Read(strings.NewReader(data), "fuzz")
		if err != nil {
			return
		}
		d := ToDocument(sents)
		if err := d.Check(); err != nil {
			t.Fatalf("%v\n%q", err, data)
		}
		FromDocument(d)
	})
}
