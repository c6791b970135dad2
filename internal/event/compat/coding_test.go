package compat

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/dyadhq/dyad/internal/event"
	"github.com/dyadhq/dyad/pkg/doc"
)

// A verb dictionary written for these tests, in the PETRARCH format.
const codingDict = `
&MONEY
+DOLLARS
+GOLD_COINS

--- ARRIVE [032:033] ---
ARRIVE

--- LEAVE [012] ---
LEAVE

--- LEFT [032:033] ---
LEFT

--- POSTPONE [120] ---
POSTPONE
- % HAVE * [191]

--- ALLOW [080] ---
ALLOW
- * REALLY_PLEASANT [024]

--- GIVE [070] ---
GIVE
- * &MONEY [903]

--- RESTORE [064] ---
RESTORE

--- ABANDON [345] ---
ABANDON
- * NEW_TRADE_RELATIONS [903]

--- ACT [100] ---
ACT
- INDICATED WOULD * NOW [1010]
`

// docTree builds a document from "form lemma UPOS head deprel [feats]"
// lines, head 1-based (0 the root), one sentence.
func docTree(t *testing.T, spec string) *doc.Document {
	t.Helper()
	d := &doc.Document{}
	var sb strings.Builder
	for _, line := range strings.Split(strings.TrimSpace(spec), "\n") {
		f := strings.Fields(line)
		h, err := strconv.Atoi(f[3])
		if len(f) < 5 || err != nil {
			t.Fatalf("bad token line %q", line)
		}
		if sb.Len() > 0 {
			sb.WriteByte(' ')
		}
		start := sb.Len()
		sb.WriteString(f[0])
		tk := doc.Token{Start: start, End: sb.Len(), Lemma: f[1], UPOS: f[2], Head: h - 1, Deprel: f[4], SpaceAfter: true}
		if len(f) > 5 {
			tk.Feats = f[5]
		}
		d.Tokens = append(d.Tokens, tk)
	}
	d.Text = sb.String()
	d.Sentences = []doc.Sentence{{Start: 0, End: len(d.Text), First: 0, Last: len(d.Tokens)}}
	if err := d.Check(); err != nil {
		t.Fatalf("bad tree: %v", err)
	}
	return d
}

// actorsOn hands in one actor per listed token.
type actorsOn map[int]string

func (a actorsOn) ActorAt(tok int) (event.Actor, bool) {
	c, ok := a[tok]
	return event.Actor{Code: c, Start: tok * 10, End: tok*10 + 5, First: tok, Last: tok + 1}, ok
}

// TestCompatCoding codes sentences written for this test with the
// dictionary above, as compat mode does: PETRARCH's pattern features must
// reach the coder.
func TestCompatCoding(t *testing.T) {
	vl, _, err := ReadVerbs(strings.NewReader(codingDict), "test")
	if err != nil {
		t.Fatal(err)
	}
	own, err := event.LoadOwn()
	if err != nil {
		t.Fatal(err)
	}
	c := event.NewWith(own.WithRulesOf(vl), nil, event.Options{RequireTarget: true})
	cases := []struct {
		name, tree string
		actors     actorsOn
		want       []string
	}{
		{"[032:033]: the target's part coded back", `
Chile Chile PROPN 2 nsubj
arrived arrive VERB 0 root Tense=Past
in in ADP 4 case
Peru Peru PROPN 2 obl
. . PUNCT 2 punct`, actorsOn{0: "CHL", 3: "PER"}, []string{"CHL PER 032", "PER CHL 033"}},
		{"a form listed as a verb of its own picks its patterns", `
Chile Chile PROPN 2 nsubj
left leave VERB 0 root Tense=Past
for for ADP 4 case
Peru Peru PROPN 2 obl
. . PUNCT 2 punct`, actorsOn{0: "CHL", 3: "PER"}, []string{"CHL PER 032", "PER CHL 033"}},
		{"%: an act among the subject's actors", `
Chile Chile PROPN 5 nsubj
and and CCONJ 3 cc
Peru Peru PROPN 1 conj
have have AUX 5 aux
postponed postpone VERB 0 root Tense=Past|VerbForm=Part
their their PRON 7 nmod:poss
meeting meeting NOUN 5 obj
. . PUNCT 5 punct`, actorsOn{0: "CHL", 2: "PER"}, []string{"CHL PER 191", "PER CHL 191"}},
		{"% needs a compound subject", `
Chile Chile PROPN 3 nsubj
has have AUX 3 aux
postponed postpone VERB 0 root Tense=Past|VerbForm=Part
talks talk NOUN 3 obj
with with ADP 6 case
Peru Peru PROPN 3 obl
. . PUNCT 3 punct`, actorsOn{0: "CHL", 5: "PER"}, []string{"CHL PER 120"}},
		{"a pattern read on in the complement clause, its subject the target", `
Chile Chile PROPN 2 nsubj
allowed allow VERB 0 root Tense=Past
that that SCONJ 10 mark
Peru Peru PROPN 10 nsubj
is be AUX 10 cop
not not PART 10 advmod
a a DET 10 det
really really ADV 9 advmod
pleasant pleasant ADJ 10 amod
place place NOUN 2 ccomp
. . PUNCT 2 punct`, actorsOn{0: "CHL", 3: "PER"}, []string{"CHL PER 024"}},
		{"a synset member of several words needs them all", `
Chile Chile PROPN 2 nsubj
gave give VERB 0 root Tense=Past
Peru Peru PROPN 2 iobj
gold gold NOUN 5 compound
coins coin NOUN 2 obj
. . PUNCT 2 punct`, actorsOn{0: "CHL", 2: "PER"}, []string{"CHL PER 903"}},
		{"the target read off the words when the tree cut it off", `
Chile Chile PROPN 2 nsubj
restored restore VERB 0 root Tense=Past
, , PUNCT 4 punct
ties tie NOUN 2 parataxis
with with ADP 6 case
Peru Peru PROPN 4 nmod
. . PUNCT 2 punct`, actorsOn{0: "CHL", 5: "PER"}, []string{"CHL PER 064"}},
		{"but not the teller of the story", `
Chile Chile PROPN 2 nsubj
restored restore VERB 0 root Tense=Past
ties tie NOUN 2 obj
, , PUNCT 7 punct
a a DET 7 det
Peruvian Peruvian ADJ 7 amod
official official NOUN 2 appos
said say VERB 7 acl Tense=Past|VerbForm=Fin
. . PUNCT 2 punct`, actorsOn{0: "CHL", 5: "PERGOV", 6: "PERGOV"}, nil},
		{"a pattern naming the modal codes the hedged act; the pronoun is the nearest teller's", `
Chile Chile PROPN 2 nsubj
indicated indicate VERB 0 root Tense=Past
it it PRON 5 nsubj
would would AUX 5 aux
act act VERB 2 ccomp
now now ADV 5 advmod
with with ADP 8 case
Peru Peru PROPN 5 obl
, , PUNCT 12 punct
an a DET 11 det
official official NOUN 12 nsubj
said say VERB 2 parataxis Tense=Past
. . PUNCT 2 punct`, actorsOn{0: "CHL", 7: "PER", 10: "---GOV"}, []string{"CHL PER 1010"}},
		{"words joined by _ must stand together", `
Chile Chile PROPN 2 nsubj
abandoned abandon VERB 0 root Tense=Past
new new ADJ 5 amod
trade trade NOUN 5 compound
relations relation NOUN 2 obj
with with ADP 7 case
Peru Peru PROPN 5 nmod
. . PUNCT 2 punct`, actorsOn{0: "CHL", 6: "PER"}, []string{"CHL PER 903"}},
		{"and do not match apart", `
Chile Chile PROPN 2 nsubj
abandoned abandon VERB 0 root Tense=Past
new new ADJ 6 amod
global global ADJ 6 amod
trade trade NOUN 6 compound
relations relation NOUN 2 obj
with with ADP 8 case
Peru Peru PROPN 6 nmod
. . PUNCT 2 punct`, actorsOn{0: "CHL", 7: "PER"}, []string{"CHL PER 345"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := docTree(t, tc.tree)
			var got []string
			for _, e := range c.Code(d, tc.actors, nil) {
				got = append(got, strings.TrimSpace(fmt.Sprintf("%s %s %s %s", e.Source.Code, e.Target.Code, e.Code, e.Modality)))
			}
			sort.Strings(got)
			if !slices.Equal(got, tc.want) {
				t.Errorf("%s\n got %q\nwant %q", d.Text, got, tc.want)
			}
		})
	}
}
