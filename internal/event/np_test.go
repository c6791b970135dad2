package event

import (
	"slices"
	"testing"
)

// spanActors hands the coder actors over token ranges, as the entity stage
// or the dictionary matcher would: each range [first, last) is one mention.
func spanActors(spans map[[2]int]string) stubActors {
	out := stubActors{}
	for r, code := range spans {
		for k := r[0]; k < r[1]; k++ {
			out[k] = Actor{Code: code, Start: r[0] * 100, End: r[1] * 100, First: r[0], Last: r[1]}
		}
	}
	return out
}

// TestNounPhraseActors checks how the actors of a noun phrase are composed
// from the mentions handed in; sentences written for this test.
func TestNounPhraseActors(t *testing.T) {
	c := testCoder(t)
	cases := []struct {
		name  string
		tree  string
		spans map[[2]int]string
		want  []string
	}{
		{"a title gives a name its office", `
Chilean Chilean ADJ 3 amod
Foreign foreign ADJ 3 amod
Minister Minister PROPN 4 nmod:desc
Soto Soto PROPN 5 nsubj
visited visit VERB 0 root Tense=Past
Peru Peru PROPN 5 obj
. . PUNCT 5 punct`, map[[2]int]string{{0, 3}: "CHLGOV", {3, 4}: "CHL", {5, 6}: "PER"}, []string{"CHLGOV PER 042"}},
		{"a possessor names the title's country", `
Chile Chile PROPN 4 nmod:poss
's 's PART 1 case
foreign foreign ADJ 4 amod
minister minister NOUN 5 nmod:desc
Soto Soto PROPN 6 nsubj
visited visit VERB 0 root Tense=Past
Peru Peru PROPN 6 obj
. . PUNCT 6 punct`, map[[2]int]string{{0, 1}: "CHL", {3, 4}: "---GOV", {4, 5}: "BOL", {6, 7}: "PER"}, []string{"CHLGOV PER 042"}},
		{"the role of an of-phrase reaches chained conjuncts", `
The the DET 2 det
envoys envoy NOUN 9 nsubj
of of ADP 4 case
Chile Chile PROPN 2 nmod
, , PUNCT 6 punct
Peru Peru PROPN 4 conj
and and CCONJ 8 cc
Bolivia Bolivia PROPN 6 conj
visited visit VERB 0 root Tense=Past
Ecuador Ecuador PROPN 9 obj
. . PUNCT 9 punct`, map[[2]int]string{{1, 4}: "CHLGOV", {5, 6}: "PER", {7, 8}: "BOL", {9, 10}: "ECU"},
			[]string{"BOLGOV ECU 042", "CHLGOV ECU 042", "PERGOV ECU 042"}},
		{"a modifier on the first conjunct is shared", `
Lawmakers lawmaker NOUN 6 nsubj
and and CCONJ 3 cc
officials official NOUN 1 conj
from from ADP 5 case
Chile Chile PROPN 1 nmod
visited visit VERB 0 root Tense=Past
Peru Peru PROPN 6 obj
. . PUNCT 6 punct`, map[[2]int]string{{0, 1}: "---LEG", {2, 3}: "---GOV", {4, 5}: "CHL", {6, 7}: "PER"},
			[]string{"CHLGOV PER 042", "CHLLEG PER 042"}},
		{"a role adjective gives the place's country its role", `
Chile Chile PROPN 2 nsubj
attacked attack VERB 0 root Tense=Past
an a DET 5 det
Islamist Islamist ADJ 5 amod
target target NOUN 2 obj
in in ADP 7 case
Lima Lima PROPN 5 nmod
. . PUNCT 2 punct`, map[[2]int]string{{0, 1}: "CHL", {3, 4}: "---MUS", {6, 7}: "PER"}, []string{"CHL PERMUS 190"}},
		{"and so does one on a noun compounded before the head", `
Chile Chile PROPN 2 nsubj
attacked attack VERB 0 root Tense=Past
an a DET 6 det
Islamist Islamist ADJ 5 amod
militia militia NOUN 6 compound
southwest southwest NOUN 2 obj
of of ADP 8 case
Lima Lima PROPN 6 nmod
. . PUNCT 2 punct`, map[[2]int]string{{0, 1}: "CHL", {3, 4}: "---MUS", {7, 8}: "PER"}, []string{"CHL PERMUS 190"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := tree(t, tc.tree)
			got := triples(c.Code(d, spanActors(tc.spans), nil))
			if !slices.Equal(got, tc.want) {
				t.Errorf("%s\n got %q\nwant %q", d.Text, got, tc.want)
			}
		})
	}
}
