package event

import (
	"slices"
	"testing"
)

// Sentences written for these tests, parsed by hand in the shapes the
// parser gives to wire stories with a speech attribution ("..., X said"),
// relative clauses and appositions inside the subject: the source is the
// subject of the act's own clause, never the teller, and the teller is
// never the target.
var attributionCases = []struct {
	name   string
	tree   string
	actors stubActors // nil: the coder's own dictionary
	want   []string
}{
	{"a pronoun takes the subject named before it, not the teller after it", `
Chile Chile PROPN 2 nsubj
assured assure VERB 6 advcl Tense=Past
Peru Peru PROPN 2 obj
it it PRON 6 nsubj
will will AUX 6 aux
give give VERB 0 root VerbForm=Inf
Bolivia Bolivia PROPN 6 iobj
aid aid NOUN 6 obj
, , PUNCT 11 punct
Argentina Argentina PROPN 11 nsubj
said say VERB 6 parataxis Tense=Past
. . PUNCT 6 punct`, nil, []string{"CHL  033 rep", "CHL BOL 033 rep"}},
	{"the teller and its city are not the target", `
Chile Chile PROPN 2 nsubj
warned warn VERB 8 ccomp Tense=Past
against against ADP 4 case
dissent dissent NOUN 2 obl
, , PUNCT 7 punct
Lima Lima PROPN 7 compound
radio radio NOUN 2 obj
said say VERB 0 root Tense=Past
. . PUNCT 8 punct`, nil, []string{"CHL  130 rep"}},
	{"a teller reached through a misread phrase is not the target", `
Chile Chile PROPN 2 nsubj
shelled shell VERB 0 root Tense=Past
positions position NOUN 2 obj
near near ADP 6 case
the the DET 6 det
border border NOUN 2 obl
, , PUNCT 8 punct
Juan Juan PROPN 6 nmod
, , PUNCT 12 punct
an a DET 12 det
Peruvian Peruvian ADJ 12 amod
spokesman spokesman NOUN 8 appos
, , PUNCT 14 punct
told tell VERB 2 conj Tense=Past
reporters reporter NOUN 14 iobj
. . PUNCT 2 punct`, nil, []string{"CHL  194 rep"}},
	{"grounds hung on the closing attribution are no act of the teller", `
Chile Chile PROPN 2 nsubj
jailed jail VERB 0 root Tense=Past
a a DET 4 det
student student NOUN 2 obj
for for SCONJ 6 mark
helping help VERB 11 advcl VerbForm=Ger
Peru Peru PROPN 6 obj
, , PUNCT 11 punct
his his PRON 10 nmod:poss
lawyer lawyer NOUN 11 nsubj
said say VERB 2 parataxis Tense=Past
. . PUNCT 2 punct`, stubActors{0: {Code: "CHL", Entity: "e1"}, 3: {Code: "---EDU", Entity: "e2"}, 6: {Code: "PER", Entity: "e3"}, 9: {Code: "---LEG", Entity: "e4"}},
		[]string{"CHL ---EDU 173 rep"}},
	{"a name the actors do not know is not the teller", `
Smith Smith PROPN 2 nsubj
said say VERB 0 root Tense=Past
Acme Acme PROPN 5 nsubj
was be AUX 5 aux
refusing refuse VERB 2 ccomp VerbForm=Part
to to PART 7 mark
bargain bargain VERB 5 xcomp VerbForm=Inf
. . PUNCT 2 punct`, stubActors{0: {Code: "---GOV", Entity: "e1"}}, nil},
	{"a speech verb joined by but is no attribution", `
officials official NOUN 2 nsubj
declined decline VERB 0 root Tense=Past
to to PART 4 mark
comment comment VERB 2 xcomp VerbForm=Inf
, , PUNCT 8 punct
but but CCONJ 8 cc
Peru Peru PROPN 8 nsubj
told tell VERB 2 conj Tense=Past
reporters reporter NOUN 8 iobj
. . PUNCT 2 punct`, nil, []string{"---GOV  011"}},
	{"a firm telling it does not stand in for a role", `
the the DET 2 det
court court NOUN 3 nsubj
ordered order VERB 0 root Tense=Past
Peru Peru PROPN 3 obj
to to PART 6 mark
withdraw withdraw VERB 3 xcomp VerbForm=Inf
, , PUNCT 9 punct
the the DET 9 det
company company NOUN 10 nsubj
said say VERB 3 parataxis Tense=Past
. . PUNCT 3 punct`, stubActors{1: {Code: "---JUD", Entity: "e1"}, 3: {Code: "PER", Entity: "e2"}, 8: {Code: "---BUS", Entity: "e3"}}, []string{"---JUD PER 106 rep"}},
	{"declining to say is declining comment", `
officials official NOUN 2 nsubj
declined decline VERB 0 root Tense=Past
to to PART 4 mark
say say VERB 2 xcomp VerbForm=Inf
whether whether SCONJ 7 mark
Peru Peru PROPN 7 nsubj
attacked attack VERB 4 ccomp Tense=Past
Bolivia Bolivia PROPN 7 obj
. . PUNCT 2 punct`, nil, []string{"---GOV  011"}},
	{"a relative clause read as a clause of its own takes the noun before it", `
Chile Chile PROPN 2 nsubj
expects expect VERB 0 root Tense=Pres
Peru Peru PROPN 2 obj
, , PUNCT 8 punct
which which PRON 8 nsubj
will will AUX 8 aux
probably probably ADV 8 advmod
attack attack VERB 2 parataxis VerbForm=Inf
Bolivia Bolivia PROPN 8 obj
, , PUNCT 13 punct
an a DET 12 det
Argentine Argentine ADJ 12 amod
official official NOUN 13 nsubj
said say VERB 8 parataxis Tense=Past
. . PUNCT 2 punct`, nil, []string{"PER BOL 138 rep"}},
	{"vowing not to return land is a refusal", `
Chile Chile PROPN 2 nsubj
vowed vow VERB 0 root Tense=Past
not not PART 5 advmod
to to PART 5 mark
return return VERB 2 xcomp VerbForm=Inf
the the DET 7 det
land land NOUN 5 obj
to to ADP 9 case
Peru Peru PROPN 5 obl
. . PUNCT 2 punct`, nil, []string{"CHL PER 124"}},
	{"agreeing not to attack is no threat", `
Chile Chile PROPN 2 nsubj
agreed agree VERB 0 root Tense=Past
not not PART 5 advmod
to to PART 5 mark
attack attack VERB 2 xcomp VerbForm=Inf
Peru Peru PROPN 5 obj
. . PUNCT 2 punct`, nil, []string{"CHL PER 138 neg"}},
	{"a role noun subject still takes the teller's country", `
officials official NOUN 2 nsubj
refused refuse VERB 8 ccomp Tense=Past
to to PART 4 mark
meet meet VERB 2 xcomp VerbForm=Inf
Peru Peru PROPN 4 obj
, , PUNCT 8 punct
Chile Chile PROPN 8 nsubj
said say VERB 0 root Tense=Past
. . PUNCT 8 punct`, nil, []string{"CHL PER 125 rep"}},
	{"a clause joined to a speech verb without a conjunction is what was said", `
Chile Chile PROPN 4 nsubj
and and CCONJ 3 cc
Peru Peru PROPN 1 conj
said say VERB 0 root Tense=Past
the the DET 7 det
Acme Acme PROPN 7 compound
Institute Institute PROPN 4 obj
, , PUNCT 9 punct
agreed agree VERB 4 conj Tense=Past
to to PART 11 mark
give give VERB 9 xcomp VerbForm=Inf
aid aid NOUN 11 obj
to to ADP 14 case
Bolivia Bolivia PROPN 11 obl
. . PUNCT 4 punct`, nil, nil},
	{"a relative clause inside the subject does not supply the source", `
Juan Juan PROPN 0 root
, , PUNCT 4 punct
who who PRON 4 nsubj
represents represent VERB 1 acl:relcl Tense=Pres
Lima Lima PROPN 4 obj
in in ADP 8 case
the the DET 8 det
Congress Congress PROPN 4 obl
, , PUNCT 10 punct
attacked attack VERB 8 acl Tense=Past
Peru Peru PROPN 10 obj
. . PUNCT 1 punct`, stubActors{0: {Code: "CHLGOV", Entity: "e1"}, 7: {Code: "---LEG", Entity: "e2"}, 10: {Code: "PER", Entity: "e3"}}, []string{"CHLGOV PER 190"}},
	{"an apposition's modifier is not the doer", `
Juan Juan PROPN 10 nsubj
, , PUNCT 4 punct
an a DET 4 det
associate associate NOUN 1 appos
of of ADP 8 case
Peru Peru PROPN 8 nmod:poss
's 's PART 6 case
president president NOUN 4 nmod
, , PUNCT 1 punct
attacked attack VERB 0 root Tense=Past
Bolivia Bolivia PROPN 10 obj
. . PUNCT 10 punct`, nil, nil},
	{"an apposition naming an office gives it", `
Juan Juan PROPN 7 nsubj
, , PUNCT 5 punct
a a DET 5 det
Chilean Chilean ADJ 5 amod
diplomat diplomat NOUN 1 appos
, , PUNCT 1 punct
attacked attack VERB 0 root Tense=Past
Bolivia Bolivia PROPN 7 obj
. . PUNCT 7 punct`, nil, []string{"CHLGOV BOL 190"}},
	{"calling for a rise is no phone call", `
Chile Chile PROPN 4 nsubj
and and CCONJ 3 cc
Peru Peru PROPN 1 conj
called call VERB 0 root Tense=Past
for for ADP 7 case
the the DET 7 det
rise rise NOUN 4 obl
to to PART 10 mark
be be AUX 10 aux:pass
kept keep VERB 7 acl VerbForm=Part
. . PUNCT 4 punct`, nil, nil},
	{"calling a party is a phone call", `
Chile Chile PROPN 2 nsubj
called call VERB 0 root Tense=Past
Peru Peru PROPN 2 obj
. . PUNCT 2 punct`, nil, []string{"CHL PER 041", "PER CHL 041"}},
	{"supporting a pact names no one supported", `
Chile Chile PROPN 2 nsubj
continued continue VERB 0 root Tense=Past
to to PART 4 mark
support support VERB 2 xcomp VerbForm=Inf
the the DET 7 det
new new ADJ 7 amod
pact pact NOUN 4 obj
. . PUNCT 2 punct`, nil, nil},
	{"supporting a party", `
Chile Chile PROPN 2 nsubj
supports support VERB 0 root Tense=Pres
Peru Peru PROPN 2 obj
. . PUNCT 2 punct`, nil, []string{"CHL PER 052"}},
	{"denying a petition is a rejection", `
Chile Chile PROPN 2 nsubj
denied deny VERB 0 root Tense=Past
a a DET 4 det
petition petition NOUN 2 obj
by by ADP 6 case
Peru Peru PROPN 4 nmod
. . PUNCT 2 punct`, nil, []string{"CHL PER 120"}},
	{"denying a charge stays a denial", `
Chile Chile PROPN 2 nsubj
denied deny VERB 0 root Tense=Past
the the DET 4 det
charges charge NOUN 2 obj
. . PUNCT 2 punct`, nil, []string{"CHL  016"}},
	{"made an offer: the intent noun's holder acts", `
Chile Chile PROPN 2 nsubj
made make VERB 0 root Tense=Past
an a DET 4 det
offer offer NOUN 2 obj
to to PART 6 mark
meet meet VERB 4 acl VerbForm=Inf
Peru Peru PROPN 6 obj
. . PUNCT 2 punct`, nil, []string{"CHL PER 036"}},
	{"rejecting a demand is not the rejecter's demand", `
Chile Chile PROPN 2 nsubj
rejected reject VERB 0 root Tense=Past
a a DET 4 det
demand demand NOUN 2 obj
to to PART 6 mark
withdraw withdraw VERB 4 acl VerbForm=Inf
from from ADP 8 case
Peru Peru PROPN 6 obl
. . PUNCT 2 punct`, nil, []string{"CHL  120"}},
	{"attacking a mentality is verbal", `
Chile Chile PROPN 2 nsubj
attacked attack VERB 0 root Tense=Past
the the DET 5 det
profit profit NOUN 5 compound
mentality mentality NOUN 2 obj
. . PUNCT 2 punct`, nil, []string{"CHL  110"}},
	{"no plans to bow to a party is a refusal", `
Chile Chile PROPN 2 nsubj
has have VERB 0 root Tense=Pres
no no DET 4 det
plans plan NOUN 2 obj
to to PART 6 mark
bow bow VERB 4 acl VerbForm=Inf
to to ADP 8 case
Peru Peru PROPN 6 obl
. . PUNCT 2 punct`, nil, []string{"CHL PER 124"}},
	{"not intending an attack stays a negated threat", `
Chile Chile PROPN 4 nsubj
does do AUX 4 aux
not not PART 4 advmod
intend intend VERB 0 root Tense=Pres
to to PART 6 mark
attack attack VERB 4 xcomp VerbForm=Inf
Peru Peru PROPN 6 obj
. . PUNCT 4 punct`, nil, []string{"CHL PER 138 neg"}},
}

func TestAttribution(t *testing.T) {
	c := testCoder(t)
	for _, tc := range attributionCases {
		t.Run(tc.name, func(t *testing.T) {
			d := tree(t, tc.tree)
			var acts Actors
			if tc.actors != nil {
				acts = tc.actors
			}
			got := triples(c.Code(d, acts, nil))
			if !slices.Equal(got, tc.want) {
				t.Errorf("%s\n got %q\nwant %q", d.Text, got, tc.want)
			}
		})
	}
}
