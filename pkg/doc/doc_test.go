package doc

import "testing"

func TestCheckAndSentenceOf(t *testing.T) {
	d := &Document{Text: "Hi there. Bye."}
	d.Tokens = []Token{{Start: 0, End: 2, Head: -1}, {Start: 3, End: 8, Head: -1}, {Start: 8, End: 9, Head: -1},
		{Start: 10, End: 13, Head: -1}, {Start: 13, End: 14, Head: -1}}
	d.Sentences = []Sentence{{Start: 0, End: 9, First: 0, Last: 3}, {Start: 10, End: 14, First: 3, Last: 5}}
	if err := d.Check(); err != nil {
		t.Fatal(err)
	}
	for tok, want := range []int{0, 0, 0, 1, 1} {
		if got := d.SentenceOf(tok); got != want {
			t.Errorf("SentenceOf(%d) = %d, want %d", tok, got, want)
		}
	}
	if d.SentenceText(1) != "Bye." || d.TokenText(1) != "there" || d.Form(1) != "there" {
		t.Error("text accessors wrong")
	}
	bad := []func(*Document){
		func(d *Document) { d.Tokens[1].Start = 1 },            // overlaps token 0
		func(d *Document) { d.Tokens[4].End = 99 },             // past the text
		func(d *Document) { d.Sentences[1].First = 4 },         // gap in tokens
		func(d *Document) { d.Sentences[0].End = 5 },           // does not cover its tokens
		func(d *Document) { d.Sentences = d.Sentences[:1] },    // tokens left over
		func(d *Document) { d.Tokens[0].Head = len(d.Tokens) }, // head out of range
	}
	for i, mutate := range bad {
		c := *d
		c.Tokens = append([]Token(nil), d.Tokens...)
		c.Sentences = append([]Sentence(nil), d.Sentences...)
		mutate(&c)
		if c.Check() == nil {
			t.Errorf("case %d: Check accepted a broken document", i)
		}
	}
}
