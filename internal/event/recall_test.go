package event

// Constructions added to raise recall, run by TestConstructions: each
// sentence is written for this test and parsed by hand in UD, with the
// shapes the parser gives.
var recallCases = []struct {
	name  string
	tree  string
	times []Span
	want  []string
}{
	{"declining to comment is 011, not a rejection", `
Chile Chile PROPN 2 nsubj
declined decline VERB 0 root Tense=Past
to to PART 4 mark
comment comment VERB 2 xcomp VerbForm=Inf
on on ADP 7 case
the the DET 7 det
report report NOUN 4 obl
. . PUNCT 2 punct`, nil, []string{"CHL  011"}},
	{"partner hung on the occasion", `
Japan Japan PROPN 2 nsubj
spoke speak VERB 0 root Tense=Past
at at ADP 6 case
a a DET 6 det
news news NOUN 6 compound
conference conference NOUN 2 obl
with with ADP 8 case
China China PROPN 6 nmod
. . PUNCT 2 punct`, nil, []string{"CHN JPN 040", "JPN CHN 040"}},
	{"a with-phrase on another noun is not a partner", `
Japan Japan PROPN 2 nsubj
spoke speak VERB 0 root Tense=Past
at at ADP 5 case
a a DET 5 det
rally rally NOUN 2 obl
with with ADP 7 case
banners banner NOUN 5 nmod
from from ADP 9 case
China China PROPN 7 nmod
. . PUNCT 2 punct`, nil, nil},
	{"pronoun subject of a reported clause is the speaker", `
Chile Chile PROPN 2 nsubj
said say VERB 0 root Tense=Past
it it PRON 4 nsubj
suspended suspend VERB 2 ccomp Tense=Past
aid aid NOUN 4 obj
to to ADP 7 case
Peru Peru PROPN 5 nmod
. . PUNCT 2 punct`, nil, []string{"CHL PER 162 rep"}},
	{"pronoun inside a quotation is somebody else", `
" " PUNCT 2 punct
They they PRON 3 nsubj
attacked attack VERB 0 root Tense=Past
Peru Peru PROPN 3 obj
, , PUNCT 3 punct
" " PUNCT 3 punct
Chile Chile PROPN 8 nsubj
said say VERB 3 parataxis Tense=Past
. . PUNCT 3 punct`, nil, nil},
	{"announced cooperation is an intent", `
Brazil Brazil PROPN 2 nsubj
said say VERB 0 root Tense=Past
it it PRON 5 nsubj
will will AUX 5 aux
send send VERB 2 ccomp VerbForm=Inf
aid aid NOUN 5 obj
to to ADP 8 case
Haiti Haiti PROPN 5 obl
. . PUNCT 2 punct`, nil, []string{"BRA HTI 033 rep"}},
	{"announced force is a threat", `
Chile Chile PROPN 2 nsubj
said say VERB 0 root Tense=Past
it it PRON 5 nsubj
would would AUX 5 aux
blockade blockade VERB 2 ccomp VerbForm=Inf
Peru Peru PROPN 5 obj
. . PUNCT 2 punct`, nil, []string{"CHL PER 138 rep"}},
	{"announced refusal is a rejection", `
Chile Chile PROPN 2 nsubj
said say VERB 0 root Tense=Past
it it PRON 6 nsubj
would would AUX 6 aux
not not PART 6 advmod
meet meet VERB 2 ccomp VerbForm=Inf
Peru Peru PROPN 6 obj
. . PUNCT 2 punct`, nil, []string{"CHL PER 125 rep"}},
	{"willing to: intent", `
Syria Syria PROPN 3 nsubj
is be AUX 3 cop
willing willing ADJ 0 root
to to PART 5 mark
withdraw withdraw VERB 3 xcomp VerbForm=Inf
from from ADP 7 case
Lebanon Lebanon PROPN 5 obl
. . PUNCT 3 punct`, nil, []string{"SYR LBN 0356"}},
	{"event noun under a demand", `
Chile Chile PROPN 2 nsubj
demanded demand VERB 0 root Tense=Past
sanctions sanction NOUN 2 obj
against against ADP 5 case
Peru Peru PROPN 3 nmod
. . PUNCT 2 punct`, nil, []string{"CHL PER 100"}},
	{"event noun under an appeal", `
Chile Chile PROPN 2 nsubj
called call VERB 0 root Tense=Past
for for ADP 4 case
talks talk NOUN 2 obl
with with ADP 6 case
Peru Peru PROPN 4 nmod
. . PUNCT 2 punct`, nil, []string{"CHL PER 026"}},
	{"light verb and event noun without a target", `
Chilean Chilean ADJ 2 amod
activists activist NOUN 3 nsubj
staged stage VERB 0 root Tense=Past
a a DET 5 det
rally rally NOUN 3 obj
. . PUNCT 3 punct`, nil, []string{"CHLOPP  141"}},
	{"host: the guest visits", `
Chile Chile PROPN 2 nsubj
hosted host VERB 0 root Tense=Past
Peru Peru PROPN 2 obj
. . PUNCT 2 punct`, nil, []string{"CHL PER 043", "PER CHL 042"}},
	{"claim of another's attack is an accusation", `
Chile Chile PROPN 2 nsubj
claimed claim VERB 0 root Tense=Past
that that SCONJ 5 mark
Peru Peru PROPN 5 nsubj
attacked attack VERB 2 ccomp Tense=Past
Bolivia Bolivia PROPN 5 obj
. . PUNCT 2 punct`, nil, []string{"CHL PER 112"}},
	{"claim of one's own attack is responsibility", `
Chile Chile PROPN 2 nsubj
claimed claim VERB 0 root Tense=Past
that that SCONJ 5 mark
it it PRON 5 nsubj
attacked attack VERB 2 ccomp Tense=Past
Bolivia Bolivia PROPN 5 obj
. . PUNCT 2 punct`, nil, []string{"CHL BOL 015"}},
	{"said another must act: a demand", `
Chile Chile PROPN 2 nsubj
said say VERB 0 root Tense=Past
that that SCONJ 6 mark
Peru Peru PROPN 6 nsubj
must must AUX 6 aux
release release VERB 2 ccomp VerbForm=Inf
prisoners prisoner NOUN 6 obj
. . PUNCT 2 punct`, nil, []string{"CHL PER 1053"}},
	{"group of an actor", `
Thousands thousand NOUN 5 nsubj
of of ADP 4 case
Chilean Chilean ADJ 4 amod
students student NOUN 1 nmod
rallied rally VERB 0 root Tense=Past
. . PUNCT 5 punct`, nil, []string{"CHLEDU  141"}},
	{"group of a role", `
A a DET 2 det
group group NOUN 5 nsubj
of of ADP 4 case
students student NOUN 2 nmod
attacked attack VERB 0 root Tense=Past
Peru Peru PROPN 5 obj
. . PUNCT 5 punct`, nil, []string{"---EDU PER 190"}},
	{"the grounds of a punishment are not an act", `
Peru Peru PROPN 2 nsubj
jailed jail VERB 0 root Tense=Past
a a DET 5 det
Chilean Chilean ADJ 5 amod
student student NOUN 2 obj
for for SCONJ 7 mark
helping help VERB 2 advcl VerbForm=Ger
Bolivia Bolivia PROPN 7 obj
. . PUNCT 2 punct`, nil, []string{"PER CHLEDU 173"}},
	{"adjective with an object is a verb", `
Chile Chile PROPN 2 nsubj
said say VERB 0 root Tense=Past
it it PRON 5 nsubj
would would AUX 5 aux
free free ADJ 2 ccomp
Peruvian Peruvian ADJ 7 amod
prisoners prisoner NOUN 5 obj
. . PUNCT 2 punct`, nil, []string{"CHL PER 0353 rep"}},
	{"preposition hung on an adjective", `
Chile Chile PROPN 2 nsubj
held hold VERB 0 root Tense=Past
talks talk NOUN 2 obj
with with ADP 5 case
Peruvian Peruvian ADJ 6 amod
officials official NOUN 3 nmod
. . PUNCT 2 punct`, nil, []string{"CHL PERGOV 046", "PERGOV CHL 046"}},
	{"title of a holder the dictionary does not know", `
President President PROPN 2 nmod:desc
Xavier Xavier PROPN 4 nsubj
Quux Quux PROPN 2 flat
visited visit VERB 0 root Tense=Past
Peru Peru PROPN 4 obj
. . PUNCT 4 punct`, nil, []string{"---GOV PER 042"}},
	{"event noun as the subject of an occurrence verb", `
Chilean Chilean ADJ 2 amod
riots riot NOUN 4 nsubj
are be AUX 4 aux
continuing continue VERB 0 root Tense=Pres|VerbForm=Part
. . PUNCT 4 punct`, nil, []string{"CHL  145"}},
	{"reduced relative without object is passive whatever its tag", `
Chilean Chilean ADJ 2 amod
soldiers soldier NOUN 5 nsubj
killed kill VERB 2 acl Tense=Past|VerbForm=Fin
by by ADP 5 case
Peru Peru PROPN 3 obl:agent
died die VERB 0 root Tense=Past
. . PUNCT 6 punct`, nil, []string{"PER CHLMIL 190"}},
	{"outer frame codes nested frames", `
Chile Chile PROPN 2 nsubj
refused refuse VERB 0 root Tense=Past
to to PART 4 mark
promise promise VERB 2 xcomp VerbForm=Inf
aid aid NOUN 4 obj
to to ADP 7 case
Peru Peru PROPN 5 nmod
. . PUNCT 2 punct`, nil, []string{"CHL PER 120"}},
	{"adjectival passive of a stance", `
Chile Chile PROPN 3 nsubj:pass
is be AUX 3 aux:pass
opposed oppose VERB 0 root Tense=Past|VerbForm=Part|Voice=Pass
to to ADP 5 case
mediation mediation NOUN 3 obl
between between ADP 7 case
Peru Peru PROPN 5 nmod
and and CCONJ 9 cc
Bolivia Bolivia PROPN 7 conj
. . PUNCT 3 punct`, nil, []string{"CHL BOL 126", "CHL PER 126"}},
	{"said another must act, with no known act: a demand", `
Chile Chile PROPN 2 nsubj
said say VERB 0 root Tense=Past
Peru Peru PROPN 5 nsubj
must must AUX 5 aux
reform reform VERB 2 ccomp VerbForm=Inf
its its PRON 7 nmod:poss
courts court NOUN 5 obj
. . PUNCT 2 punct`, nil, []string{"CHL PER 100"}},
	{"the noun's pattern finds the target the light verb's does not", `
Chilean Chilean ADJ 2 amod
activists activist NOUN 3 nsubj
staged stage VERB 0 root Tense=Past
a a DET 5 det
protest protest NOUN 3 obj
in in ADP 7 case
Peru Peru PROPN 5 nmod
. . PUNCT 3 punct`, nil, []string{"CHLOPP PER 141"}},
	{"two subjects of one verb", `
Chile Chile PROPN 6 nsubj
, , PUNCT 3 punct
Peru Peru PROPN 1 conj
and and CCONJ 5 cc
Bolivia Bolivia PROPN 6 nsubj
met meet VERB 0 root Tense=Past
. . PUNCT 6 punct`, nil, []string{"BOL CHL 040", "BOL PER 040", "CHL BOL 040", "CHL PER 040", "PER BOL 040", "PER CHL 040"}},
	{"coordinated country modifiers", `
Chilean Chilean ADJ 4 amod
and and CCONJ 3 cc
Peruvian Peruvian ADJ 1 conj
activists activist NOUN 5 nsubj
attacked attack VERB 0 root Tense=Past
Bolivia Bolivia PROPN 5 obj
. . PUNCT 5 punct`, nil, []string{"CHLOPP BOL 190", "PEROPP BOL 190"}},
	{"an act within the source has no target", `
Chile Chile PROPN 2 nsubj
investigated investigate VERB 0 root Tense=Past
crimes crime NOUN 2 obj
by by ADP 6 case
Chilean Chilean ADJ 6 amod
tourists tourist NOUN 3 nmod
. . PUNCT 2 punct`, nil, []string{"CHL  091"}},
	{"a target in the phrases of a verb without object", `
Chile Chile PROPN 2 nsubj
denounced denounce VERB 0 root Tense=Past
as as ADP 4 case
crime crime NOUN 2 obl
Peru Peru PROPN 7 nmod:poss
's 's PART 5 case
crackdown crackdown NOUN 4 nmod
. . PUNCT 2 punct`, nil, []string{"CHL PER 110"}},
	{"speech verb after a comma introduces the clause", `
Chile Chile PROPN 3 nsubj
will will AUX 3 aux
send send VERB 0 root VerbForm=Inf
aid aid NOUN 3 obj
to to ADP 6 case
Peru Peru PROPN 3 obl
, , PUNCT 8 punct
said say VERB 3 conj Tense=Past
officials official NOUN 8 obj
. . PUNCT 3 punct`, nil, []string{"CHL PER 033 rep"}},
	{"the two presidents: the last two named", `
Trump Trump PROPN 2 nsubj
thanked thank VERB 0 root Tense=Past
Putin Putin PROPN 2 obj
. . PUNCT 2 punct

The the DET 3 det
two two NUM 3 nummod
presidents president NOUN 4 nsubj Number=Plur
discussed discuss VERB 0 root Tense=Past
Syria Syria PROPN 4 obj
. . PUNCT 4 punct`, nil, []string{"RUSGOV USAGOV 040", "USAGOV RUSGOV 040", "USAGOV RUSGOV 051"}},
	{"two without the: not the last two named", `
Trump Trump PROPN 2 nsubj
thanked thank VERB 0 root Tense=Past
Putin Putin PROPN 2 obj
. . PUNCT 2 punct

Two two NUM 2 nummod
presidents president NOUN 3 nsubj Number=Plur
discussed discuss VERB 0 root Tense=Past
Syria Syria PROPN 3 obj
. . PUNCT 3 punct`, nil, []string{"USAGOV RUSGOV 051"}},
	{"subject hung on the auxiliary", `
Chile Chile PROPN 2 nsubj
has have VERB 3 aux
refused refuse VERB 0 root Tense=Past|VerbForm=Part
to to PART 5 mark
meet meet VERB 3 xcomp VerbForm=Inf
Peru Peru PROPN 5 obj
. . PUNCT 3 punct`, nil, []string{"CHL PER 125"}},
	{"closing attribution hung elsewhere", `
Chile Chile PROPN 3 nsubj
will will AUX 3 aux
support support VERB 0 root VerbForm=Inf
Peru Peru PROPN 3 obj
in in ADP 7 case
the the DET 7 det
talks talk NOUN 3 obl
, , PUNCT 11 punct
Chilean Chilean ADJ 10 amod
officials official NOUN 11 nsubj
said say VERB 7 acl:relcl Tense=Past
. . PUNCT 3 punct`, nil, []string{"CHL PER 032 rep"}},
	{"auxiliary made the root", `
Chile Chile PROPN 2 nsubj
has have VERB 0 root
rejected reject VERB 2 parataxis Tense=Past|VerbForm=Part
Peru Peru PROPN 3 obj
. . PUNCT 2 punct`, nil, []string{"CHL PER 120"}},
	{"clause under the object of a light verb", `
Chile Chile PROPN 2 nsubj
issued issue VERB 0 root Tense=Past
a a DET 4 det
declaration declaration NOUN 2 obj
condemning condemn VERB 4 acl VerbForm=Ger
Peru Peru PROPN 5 obj
. . PUNCT 2 punct`, nil, []string{"CHL PER 110"}},
	{"event noun made the root", `
Chile Chile PROPN 3 nsubj
held hold VERB 3 amod Tense=Past
talks talk NOUN 0 root
with with ADP 5 case
Peru Peru PROPN 3 nmod
. . PUNCT 3 punct`, nil, []string{"CHL PER 040", "PER CHL 040"}},
	{"controller as indirect object", `
Chile Chile PROPN 3 nsubj
is be AUX 3 aux
asking ask VERB 0 root VerbForm=Ger
Peru Peru PROPN 3 iobj
to to PART 6 mark
help help VERB 3 xcomp VerbForm=Inf
Bolivia Bolivia PROPN 6 obj
. . PUNCT 3 punct`, nil, []string{"CHL PER 023"}},
	{"a preposition after its noun is misplaced", `
Peru Peru PROPN 4 nsubj:pass
was be AUX 4 aux:pass
then then ADV 4 advmod
attacked attack VERB 0 root Tense=Past|VerbForm=Part|Voice=Pass
over over ADP 6 case
Chile Chile PROPN 4 obl
by by ADP 6 case
rebels rebel NOUN 6 nmod
. . PUNCT 4 punct`, nil, nil},
	{"in order to: a purpose, not an act", `
Chile Chile PROPN 2 nsubj
moved move VERB 0 root Tense=Past
troops troop NOUN 2 obj
in in ADP 7 mark
order order NOUN 4 fixed
to to PART 7 mark
attack attack VERB 2 advcl VerbForm=Inf
Peru Peru PROPN 7 obj
. . PUNCT 2 punct`, nil, nil},
	{"a whole act outranks a generic pattern's target", `
Chile Chile PROPN 2 nsubj
received receive VERB 0 root Tense=Past
observers observer NOUN 2 obj
from from ADP 5 case
Peru Peru PROPN 3 nmod
. . PUNCT 2 punct`, nil, []string{"CHL  0862"}},
	{"decided to: the act itself", `
Chile Chile PROPN 2 nsubj
decided decide VERB 0 root Tense=Past
to to PART 4 mark
expel expel VERB 2 xcomp VerbForm=Inf
Peruvian Peruvian ADJ 6 amod
diplomats diplomat NOUN 4 obj
. . PUNCT 2 punct`, nil, []string{"CHL PERGOV 166"}},
	{"passive agent in the event noun", `
Chilean Chilean ADJ 2 amod
civilians civilian NOUN 4 nsubj:pass
were be AUX 4 aux:pass
killed kill VERB 0 root Tense=Past|VerbForm=Part|Voice=Pass
in in ADP 8 case
a a DET 8 det
Peruvian Peruvian ADJ 8 amod
raid raid NOUN 4 obl
. . PUNCT 4 punct`, nil, []string{"PER CHLCVL 190"}},
	{"the source in a from-phrase, the subject on the receiving end", `
Chile Chile PROPN 2 nsubj
faces face VERB 0 root Tense=Pres
pressure pressure NOUN 2 obj
from from ADP 5 case
Peru Peru PROPN 3 nmod
. . PUNCT 2 punct`, nil, []string{"PER CHL 100"}},
	{"a travel warning reduces relations", `
Chile Chile PROPN 3 nsubj
has have AUX 3 aux
advised advise VERB 0 root Tense=Past|VerbForm=Part
against against ADP 5 case
travel travel NOUN 3 obl
to to ADP 7 case
Peru Peru PROPN 5 nmod
. . PUNCT 3 punct`, nil, []string{"CHL PER 160"}},
	{"attending a summit is a meeting away from home", `
Chile Chile PROPN 2 nsubj
attended attend VERB 0 root Tense=Past
a a DET 4 det
summit summit NOUN 2 obj
on on ADP 7 case
the the DET 7 det
crisis crisis NOUN 4 nmod
in in ADP 9 case
Peru Peru PROPN 7 nmod
. . PUNCT 2 punct`, nil, []string{"CHL PER 044"}},
	{"a summit with its place named is a visit there", `
Chile Chile PROPN 2 nsubj
attended attend VERB 0 root Tense=Past
a a DET 4 det
summit summit NOUN 2 obj
in in ADP 6 case
Peru Peru PROPN 4 nmod
. . PUNCT 2 punct`, nil, []string{"CHL PER 042"}},
}
