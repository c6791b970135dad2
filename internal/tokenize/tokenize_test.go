package tokenize

import (
	"strings"
	"testing"

	"github.com/dyadhq/dyad/pkg/doc"
)

// render shows tokens as their surfaces separated by spaces, with "+" after
// a Fused part: "do+ n't".
func render(text string, toks []doc.Token) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(text[t.Start:t.End])
		if t.Fused {
			b.WriteByte('+')
		}
	}
	return b.String()
}

func TestTokenize(t *testing.T) {
	tests := []struct{ in, want string }{
		// contractions and possessives are multiword tokens
		{"I don't know.", "I do+ n't know ."},
		{"We can't, won't, cannot.", "We ca+ n't , wo+ n't , can+ not ."},
		{"I'm sure it's Bush's fault.", "I+ 'm sure it+ 's Bush+ 's fault ."},
		{"You're gonna love what they've done", "You+ 're gon+ na love what they+ 've done"},
		{"dont im gotta", "do+ nt i+ m got+ ta"},
		{"the parents' house", "the parents+ ' house"},
		{"Trump’s call didn’t", "Trump+ ’s call did+ n’t"},
		{"its color, your turn", "its color , your turn"},
		// bare contractions that are also words split only where the word cannot be
		{"its a shame, its not", "it+ s a shame , it+ s not"},
		{"its A series, its all-time high", "its A series , its all - time high"},
		{"Lets go. It lets go of it.", "Let+ s go . It lets go of it ."},
		{"your not alone, alot of people", "you+ r not alone , a+ lot of people"},
		// decades and plurals of numbers stay whole; a year's possessive and year spans split
		{"the 1980's, 767's and 1986's profits, 1969-1970", "the 1980's , 767's and 1986+ 's profits , 1969 - 1970"},
		{"call 646-8420 or 1234-5678", "call 646-8420 or 1234-5678"},
		{"39K and $13.9M, not 83N", "39 K and $ 13.9 M , not 83N"},
		{"worth $13.9M. Smith left", "worth $ 13.9 M . Smith left"},
		// file names with inner punctuation stay whole; brackets inside still split
		{"<<ld2d-#69366-1.DOC>> and Em-enro2.doc, A(b).doc", "<< ld2d-#69366-1.DOC >> and Em-enro2.doc , A ( b ) .doc"},
		{"the 'others' said", "the ' others ' said"},
		{"O'Brien's rock'n'roll", "O'Brien+ 's rock'n'roll"},
		// punctuation, hyphens, slashes
		{"During the 50-minute conversation", "During the 50 - minute conversation"},
		{"an e-mail from a non-profit co-op", "an e-mail from a non-profit co-op"},
		{"state-owned and/or self-made", "state - owned and / or self - made"},
		{"on 11/28/2000 or 9/11, 1/2 of it", "on 11/28/2000 or 9/11 , 1 / 2 of it"},
		{"call 713-853-3989 for 3-5 days", "call 713-853-3989 for 3 - 5 days"},
		{"(see below) [sic] {x}", "( see below ) [ sic ] { x }"},
		{"Wait... what?! No!!! Really??", "Wait ... what ?! No !!! Really ??"},
		{"he said -- twice -- \"no\"", "he said -- twice -- \" no \""},
		// numbers and money
		{"It cost $1,000.50 or 3.5% more", "It cost $ 1,000.50 or 3.5 % more"},
		{"at 10:30 on the 22nd in the 1990s", "at 10:30 on the 22nd in the 1990s"},
		{"at 7am for 35mm film, 65k", "at 7 am for 35 mm film , 65 k"},
		{"US$4.5 billion", "US$ 4.5 billion"},
		// abbreviations
		{"Mr. Smith met Gen. Jones in the U.S. Senate on Jan. 5", "Mr. Smith met Gen. Jones in the U.S. Senate on Jan. 5"},
		{"I live in the U.S. How about you?", "I live in the U.S . How about you ?"},
		{"Pitt, Briggs & Co. It closed", "Pitt , Briggs & Co . It closed"},
		{"Pitt, Briggs & Co. at noon", "Pitt , Briggs & Co. at noon"},
		{"George W. Bush, e.g., AT&T", "George W. Bush , e.g. , AT&T"},
		{"Springfield, Ill., said", "Springfield , Ill. , said"},
		// web text
		{"see http://www.example.com/a_b.html.", "see http://www.example.com/a_b.html ."},
		{"(www.site.org)", "( www.site.org )"},
		{"mail Jane.Doe@example.com.", "mail Jane.Doe@example.com ."},
		{"@POTUS loves #MAGA :) ;-)", "@POTUS loves #MAGA :) ;-)"},
		{"visit site.com or notes.doc", "visit site.com or notes.doc"},
		{"Hello world.Today is Tuesday.Mr. Smith", "Hello world . Today is Tuesday . Mr. Smith"},
		{"She works at Yahoo! in", "She works at Yahoo! in"},
		{"*~*~*~*", "*~*~*~*"},
		// unicode
		{"“Quoted” — and ‘single’…", "“ Quoted ” — and ‘ single ’ …"},
		{"café naïve 東京", "café naïve 東京"},
	}
	for _, tt := range tests {
		toks := Tokenize(tt.in)
		if got := render(tt.in, toks); got != tt.want {
			t.Errorf("Tokenize(%q)\n got %s\nwant %s", tt.in, got, tt.want)
		}
		checkInvariants(t, tt.in, toks)
	}
}

func TestNorm(t *testing.T) {
	tests := []struct {
		in   string
		want []string // Norm of each token ("" when equal to the surface)
	}{
		{"don’t", []string{"", "n't"}},
		{"“Hi”", []string{"\"", "", "\""}},
		{"dont", []string{"", "n't"}},
		{"a—b…", []string{"", "--", "", "..."}},
		{"O’Brien", []string{"O'Brien"}},
		{"plain text", []string{"", ""}},
	}
	for _, tt := range tests {
		toks := Tokenize(tt.in)
		var got []string
		for _, tk := range toks {
			got = append(got, tk.Norm)
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%q: norms %q, want %q (tokens %s)", tt.in, got, tt.want, render(tt.in, toks))
		}
	}
}

func TestSpaceAfterAndHead(t *testing.T) {
	text := "Hi, you.\n"
	toks := Tokenize(text)
	want := []bool{false, true, false, true}
	if len(toks) != len(want) {
		t.Fatalf("tokens %s", render(text, toks))
	}
	for i, tk := range toks {
		if tk.SpaceAfter != want[i] || tk.Head != -1 {
			t.Errorf("token %d %q: SpaceAfter %v Head %d", i, text[tk.Start:tk.End], tk.SpaceAfter, tk.Head)
		}
	}
}

func TestAppendReuses(t *testing.T) {
	buf := make([]doc.Token, 0, 64)
	a := Append(buf, "one two")
	b := Append(a[:0], "three")
	if len(b) != 1 || &a[0] != &b[0] {
		t.Errorf("Append did not reuse the slice: %d tokens", len(b))
	}
}

func TestAbbrevEnds(t *testing.T) {
	tests := []struct {
		abbrev, next string
		end, want    bool
	}{
		{"U.S.", "How", false, true},
		{"U.S.", "Government", false, false},
		{"Co.", "They", false, true},
		{"Mr.", "The", false, false},
		{"E.", "Smith", false, false},
		{"I.", "Did", false, true},
		{"Jan.", "5", false, false},
		{"Inc.", "", true, true},
		{"etc.", "and", false, false},
	}
	for _, tt := range tests {
		if got := AbbrevEnds(AbbrevOf(tt.abbrev), tt.next, tt.end); got != tt.want {
			t.Errorf("AbbrevEnds(%s, %q, %v) = %v", tt.abbrev, tt.next, tt.end, got)
		}
	}
	for w, want := range map[string]Abbrev{"Mr.": Prefix, "Inc": Plain, "U.S.": Dotted, "E.": Initial,
		"Sept.": Month, "no.": NotAbbrev, "No.": Plain, "sat.": NotAbbrev, "dog.": NotAbbrev} {
		if got := AbbrevOf(w); got != want {
			t.Errorf("AbbrevOf(%q) = %v, want %v", w, got, want)
		}
	}
}

// checkInvariants verifies what every tokenization must keep: tokens in
// order, non-empty, not overlapping, only whitespace between them, every
// other byte covered, multiword parts adjacent, SpaceAfter true exactly when
// whitespace follows, Head -1.
func checkInvariants(t *testing.T, text string, toks []doc.Token) {
	t.Helper()
	prev := 0
	for i, tk := range toks {
		if tk.Start < prev || tk.End <= tk.Start || tk.End > len(text) {
			t.Fatalf("%q: token %d [%d,%d) out of order or empty", text, i, tk.Start, tk.End)
		}
		for k := prev; k < tk.Start; {
			sp, w := isSpaceAt(text, k)
			if !sp {
				t.Fatalf("%q: byte %d (%q) not covered by a token", text, k, text[k])
			}
			k += w
		}
		if tk.Fused && (i+1 == len(toks) || toks[i+1].Start != tk.End) {
			t.Fatalf("%q: fused token %d not followed by its next part", text, i)
		}
		space := tk.End < len(text)
		if space {
			space, _ = isSpaceAt(text, tk.End)
		}
		if tk.SpaceAfter != space {
			t.Fatalf("%q: token %d %q SpaceAfter %v", text, i, text[tk.Start:tk.End], tk.SpaceAfter)
		}
		if tk.Head != -1 {
			t.Fatalf("%q: token %d head %d", text, i, tk.Head)
		}
		prev = tk.End
	}
	for k := prev; k < len(text); {
		sp, w := isSpaceAt(text, k)
		if !sp {
			t.Fatalf("%q: trailing byte %d not covered", text, k)
		}
		k += w
	}
	d := doc.Document{Text: text, Tokens: toks}
	if err := d.Check(); err != nil {
		t.Fatalf("%q: %v", text, err)
	}
}
