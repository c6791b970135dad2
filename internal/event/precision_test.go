package event

import (
	"slices"
	"strings"
	"testing"
)

// Sentences written for these tests, in the shapes the parser gives to
// business and market news: words used in a sense that is no political act,
// or doers that are no actors. Each must code nothing, or the act given.
var precisionCases = []struct {
	name string
	tree string
	want []string
}{
	{"a quantity is no doer", `
Chile Chile PROPN 3 nmod:poss
's 's PART 1 case
surplus surplus NOUN 7 nsubj
with with ADP 5 case
Peru Peru PROPN 3 nmod
has have AUX 7 aux
hit hit VERB 0 root Tense=Past
a a DET 9 det
record record NOUN 7 obj
. . PUNCT 7 punct`, nil},
	{"talks between one side and a list are the side's with each", `
talks talk NOUN 11 nsubj Number=Plur
between between ADP 3 case
Ecuador Ecuador PROPN 1 nmod
and and CCONJ 5 cc
Chile Chile PROPN 3 conj
, , PUNCT 7 punct
Peru Peru PROPN 5 conj
, , PUNCT 10 punct
and and CCONJ 10 cc
Bolivia Bolivia PROPN 3 conj
resumed resume VERB 0 root Tense=Past
. . PUNCT 11 punct`, []string{"BOL ECU 040", "CHL ECU 040", "ECU BOL 040", "ECU CHL 040", "ECU PER 040", "PER ECU 040"}},
	{"a visit to no one is no visit", `
Chilean Chilean ADJ 2 amod
ministers minister NOUN 3 nsubj
attended attend VERB 0 root Tense=Past
a a DET 6 det
parliamentary parliamentary ADJ 6 amod
session session NOUN 3 obj
. . PUNCT 3 punct`, nil},
	{"a downgrade of debt is no downgrade of ties", `
Chile Chile PROPN 2 nsubj
downgraded downgrade VERB 0 root Tense=Past
the the DET 4 det
debt debt NOUN 2 obj
of of ADP 7 case
Peruvian Peruvian ADJ 7 amod
banks bank NOUN 4 nmod
. . PUNCT 2 punct`, nil},
	{"receiving a letter hosts nobody", `
Chile Chile PROPN 2 nsubj
received receive VERB 0 root Tense=Past
a a DET 4 det
letter letter NOUN 2 obj
from from ADP 6 case
Peru Peru PROPN 4 nmod
. . PUNCT 2 punct`, nil},
	{"hosting events hosts nobody", `
Chile Chile PROPN 3 nsubj
will will AUX 3 aux
host host VERB 0 root VerbForm=Inf
events event NOUN 3 obj
. . PUNCT 3 punct`, nil},
	{"meeting a bar is no meeting", `
Chile Chile PROPN 2 nsubj
meets meet VERB 0 root Tense=Pres
the the DET 5 det
Peruvian Peruvian ADJ 5 amod
bar bar NOUN 2 obj
. . PUNCT 2 punct`, nil},
	{"a presence is no doer", `
Chile Chile PROPN 3 nmod:poss
's 's PART 1 case
presence presence NOUN 5 nsubj
could could AUX 5 aux
help help VERB 0 root VerbForm=Inf
Peru Peru PROPN 5 obj
. . PUNCT 5 punct`, nil},
	{"receiving goods hosts nobody", `
Chilean Chilean ADJ 2 amod
traders trader NOUN 3 nsubj
received receive VERB 0 root Tense=Past
18,000 18,000 NUM 5 nummod
tonnes tonne NOUN 3 obj
, , PUNCT 8 punct
in in ADP 8 case
Peru Peru PROPN 3 obl
15,000 15000 NUM 8 flat
. . PUNCT 3 punct`, nil},
	{"welcoming a budget praises its owner's work", `
Chile Chile PROPN 2 nsubj
welcomed welcome VERB 0 root Tense=Past
Peru Peru PROPN 5 nmod:poss
's 's PART 3 case
budget budget NOUN 2 obj
. . PUNCT 2 punct`, []string{"CHL  051"}},
	{"a moratorium is no doer", `
Chile Chile PROPN 3 nmod:poss
's 's PART 1 case
moratorium moratorium NOUN 5 nsubj
may may AUX 5 aux
force force VERB 0 root VerbForm=Inf
Peru Peru PROPN 5 obj
to to PART 8 mark
pay pay VERB 5 xcomp VerbForm=Inf
. . PUNCT 5 punct`, nil},
	{"a meeting time's place is not who is met", `
Chile Chile PROPN 3 nsubj
will will AUX 3 aux
meet meet VERB 0 root VerbForm=Inf
this this DET 5 det
weekend weekend NOUN 3 obj
in in ADP 7 case
Lima Lima PROPN 5 nmod
. . PUNCT 3 punct`, nil},
	{"a participle with its own agent is not the first verb's subject's act", `
Chile Chile PROPN 2 nsubj
revived revive VERB 0 root Tense=Past
a a DET 4 det
proposal proposal NOUN 2 obj
, , PUNCT 6 punct
blocked block VERB 2 conj Tense=Past VBD
by by ADP 8 case
Peru Peru PROPN 6 obl
. . PUNCT 2 punct`, nil},
	{"coordinated refusers refuse side by side, not each other", `
Chile Chile PROPN 4 nsubj
and and CCONJ 3 cc
Peru Peru PROPN 1 conj
refused refuse VERB 0 root Tense=Past
to to PART 6 mark
continue continue VERB 4 xcomp VerbForm=Inf
financing financing NOUN 6 obj
. . PUNCT 4 punct`, []string{"CHL  120", "PER  120"}},
	{"a call to someone to do something is an appeal", `
Chile Chile PROPN 3 nmod:poss
's 's PART 1 case
call call NOUN 8 nsubj
to to ADP 5 case
Peru Peru PROPN 3 nmod
to to PART 7 mark
cut cut VERB 3 acl VerbForm=Inf
has have VERB 0 root Tense=Pres
. . PUNCT 8 punct`, []string{"CHL PER 020"}},
	{"importance paid to a visit is no visit", `
Chilean Chilean ADJ 2 amod
officials official NOUN 3 nsubj
paid pay VERB 0 root Tense=Past
great great ADJ 5 amod
importance importance NOUN 3 obj
to to ADP 9 case
Peru Peru PROPN 9 nmod:poss
's 's PART 7 case
visit visit NOUN 3 obl
. . PUNCT 3 punct`, nil},
	{"expecting another to act is no intent of one's own", `
Chile Chile PROPN 2 nsubj
expects expect VERB 0 root Tense=Pres
Peru Peru PROPN 2 obj
to to PART 5 mark
support support VERB 2 xcomp VerbForm=Inf
Bolivia Bolivia PROPN 5 obj
. . PUNCT 2 punct`, nil},
	{"votes are no doers", `
votes vote NOUN 4 nsubj Number=Plur
from from ADP 3 case
Chile Chile PROPN 1 nmod
gave give VERB 0 root Tense=Past
Peru Peru PROPN 4 iobj
a a DET 7 det
majority majority NOUN 4 obj
. . PUNCT 4 punct`, nil},
	{"reinforcing a stigma mobilizes no forces", `
the the DET 2 det
stigma stigma NOUN 4 nsubj:pass
was be AUX 4 aux:pass
reinforced reinforce VERB 0 root Tense=Past|VerbForm=Part|Voice=Pass
by by ADP 6 case
Chile Chile PROPN 4 obl
. . PUNCT 4 punct`, nil},
	{"reinforcing troops does", `
Chile Chile PROPN 2 nsubj
reinforced reinforce VERB 0 root Tense=Past
its its PRON 4 nmod:poss
troops troop NOUN 2 obj
. . PUNCT 2 punct`, []string{"CHL  154"}},
	{"a gerund coordinated with a finite verb is not its subject's act", `
Chile Chile PROPN 2 nsubj
criticized criticize VERB 0 root Tense=Past VBD
the the DET 4 det
officer officer NOUN 2 obj
for for ADP 6 case
shooting shooting NOUN 2 obl
and and CCONJ 8 cc
killing kill VERB 2 conj VerbForm=Ger VBG
Peru Peru PROPN 8 obj
. . PUNCT 2 punct`, []string{"CHL  110"}},
	{"deploying campaign staff mobilizes no forces", `
Chile Chile PROPN 2 nsubj
deployed deploy VERB 0 root Tense=Past
paid pay VERB 4 amod VerbForm=Part
staff staff NOUN 2 obj
to to ADP 7 case
eleven eleven NUM 7 nummod
states state NOUN 2 obl
. . PUNCT 2 punct`, nil},
	{"a use is no doer", `
Chile Chile PROPN 3 nmod:poss
's 's PART 1 case
use use NOUN 4 nsubj
gives give VERB 0 root Tense=Pres
Peru Peru PROPN 4 iobj
an a DET 7 det
edge edge NOUN 4 obj
. . PUNCT 4 punct`, nil},
	{"a tax is no doer", `
the the DET 4 det
proposed propose VERB 4 amod VerbForm=Part
Chilean Chilean ADJ 4 amod
tax tax NOUN 5 nsubj
hit hit VERB 0 root Tense=Past
Peru Peru PROPN 5 obj
. . PUNCT 5 punct`, nil},
	{"a process is no doer", `
the the DET 2 det
dismantling dismantling NOUN 5 nsubj
would would AUX 5 aux
mainly mainly ADV 5 advmod
hit hit VERB 0 root VerbForm=Inf
Peruvian Peruvian ADJ 7 amod
farmers farmer NOUN 5 obj
. . PUNCT 5 punct`, nil},
	{"gave no details is declining comment", `
Chile Chile PROPN 2 nsubj
gave give VERB 0 root Tense=Past
no no DET 4 det
details detail NOUN 2 obj
. . PUNCT 2 punct`, []string{"CHL  011"}},
	{"could not comment is declining comment", `
Chile Chile PROPN 4 nsubj
could could AUX 4 aux
not not PART 4 advmod
comment comment VERB 0 root VerbForm=Inf
on on ADP 7 case
the the DET 7 det
report report NOUN 4 obl
. . PUNCT 4 punct`, []string{"CHL  011"}},
	{"declining to elaborate is declining comment", `
Chile Chile PROPN 2 nsubj
declined decline VERB 0 root Tense=Past
to to PART 4 mark
elaborate elaborate VERB 2 xcomp VerbForm=Inf
. . PUNCT 2 punct`, []string{"CHL  011"}},
	{"declining to refute a charge is declining comment", `
Chile Chile PROPN 2 nsubj
declined decline VERB 0 root Tense=Past
to to PART 4 mark
refute refute VERB 2 xcomp VerbForm=Inf
Peru Peru PROPN 7 nmod:poss
's 's PART 5 case
charge charge NOUN 4 obj
. . PUNCT 2 punct`, []string{"CHL  011"}},
	{"declining to estimate is declining comment", `
Chile Chile PROPN 2 nsubj
declined decline VERB 0 root Tense=Past
to to PART 4 mark
estimate estimate VERB 2 xcomp VerbForm=Inf
the the DET 6 det
amount amount NOUN 4 obj
. . PUNCT 2 punct`, []string{"CHL  011"}},
	{"a currency's country is no target", `
Chile Chile PROPN 2 nsubj
criticized criticize VERB 0 root Tense=Past
loans loan NOUN 2 obj
of of ADP 8 case
two two NUM 6 nummod
billion billion NUM 8 nummod
Peru Peru PROPN 8 compound
dollars dollar NOUN 3 nmod
. . PUNCT 2 punct`, []string{"CHL  110"}},
	{"no appeal made is negated", `
Chile Chile PROPN 3 nsubj
had have AUX 3 aux
made make VERB 0 root Tense=Past
no no DET 5 det
appeal appeal NOUN 3 obj
for for ADP 7 case
loans loan NOUN 5 nmod
. . PUNCT 3 punct`, []string{"CHL  020 neg"}},
	{"signing a loan is finance", `
Chile Chile PROPN 2 nsubj
signed sign VERB 0 root Tense=Past
a a DET 4 det
loan loan NOUN 2 obj
. . PUNCT 2 punct`, nil},
	{"occupying a ship is no conquest", `
marines marine NOUN 2 nsubj
occupied occupy VERB 0 root Tense=Past
the the DET 4 det
ship ship NOUN 2 obj
. . PUNCT 2 punct`, nil},
	{"a finite verb as object is a misread noun", `
Chile Chile PROPN 2 nsubj
said say VERB 0 root Tense=Past
it it PRON 5 nsubj
is be AUX 5 aux
seeking seek VERB 2 ccomp Tense=Pres|VerbForm=Part
offers offer VERB 5 obj Tense=Pres VBZ
on on ADP 8 case
zinc zinc NOUN 6 obl
that that SCONJ 11 mark
it it PRON 11 nsubj
intends intend VERB 6 ccomp Tense=Pres
to to PART 13 mark
purchase purchase VERB 11 xcomp VerbForm=Inf
. . PUNCT 2 punct`, nil},
	{"what one calls a thing names it", `
Chile Chile PROPN 2 nsubj
retaliated retaliate VERB 0 root Tense=Past
for for ADP 4 case
what what PRON 2 obl
Chile Chile PROPN 6 nsubj
calls call VERB 4 acl:relcl Tense=Pres
Peru Peru PROPN 9 nmod:poss
's 's PART 7 case
failure failure NOUN 6 obj
. . PUNCT 2 punct`, nil},
	{"saying without giving details is declining comment", `
Chile Chile PROPN 2 nsubj
spoke speak VERB 0 root Tense=Past
without without SCONJ 4 mark
providing provide VERB 2 advcl VerbForm=Ger
details detail NOUN 4 obj
. . PUNCT 2 punct`, []string{"CHL  011"}},
	{"a city naming an agreement is no party to it", `
Chile Chile PROPN 2 nsubj
backed back VERB 0 root Tense=Past
the the DET 5 det
Paris Paris PROPN 5 compound
agreement agreement NOUN 2 obj
. . PUNCT 2 punct`, nil},
	{"speaking to reporters is no consultation", `
Chile Chile PROPN 2 nsubj
spoke speak VERB 0 root Tense=Past
to to ADP 4 case
reporters reporter NOUN 2 obl
. . PUNCT 2 punct`, nil},
	{"a proposed agreement is not yet made", `
the the DET 4 det
proposed propose VERB 4 amod VerbForm=Part
trade trade NOUN 4 compound
agreement agreement NOUN 0 root
between between ADP 6 case
Chile Chile PROPN 4 nmod
and and CCONJ 8 cc
Peru Peru PROPN 6 conj
. . PUNCT 4 punct`, []string{"CHL PER 057 possible", "PER CHL 057 possible"}},
	{"troops leaving a stronghold retreat", `
Chilean Chilean ADJ 2 amod
troops troop NOUN 3 nsubj
evacuated evacuate VERB 0 root Tense=Past
their their PRON 5 nmod:poss
stronghold stronghold NOUN 3 obj
in in ADP 7 case
Peru Peru PROPN 5 nmod
. . PUNCT 3 punct`, []string{"CHLMIL  0874"}},
	{"another's stance is not the speaker's", `
Chile Chile PROPN 2 nsubj
said say VERB 0 root Tense=Past
the the DET 4 det
missiles missile NOUN 6 nsubj
had have AUX 6 aux
provoked provoke VERB 2 ccomp Tense=Past
Peruvian Peruvian ADJ 8 amod
concern concern NOUN 6 obj
. . PUNCT 2 punct`, nil},
	{"a denied act is negated", `
Chile Chile PROPN 2 nsubj
denied deny VERB 0 root Tense=Past
that that SCONJ 7 mark
Chilean Chilean ADJ 5 amod
troops troop NOUN 7 nsubj
had have AUX 7 aux
attacked attack VERB 2 ccomp Tense=Past|VerbForm=Part
Peru Peru PROPN 7 obj
. . PUNCT 2 punct`, []string{"CHLMIL PER 190 neg"}},
	{"giving a message is a statement", `
Chile Chile PROPN 2 nsubj
gave give VERB 0 root Tense=Past
the the DET 4 det
message message NOUN 2 obj
to to ADP 6 case
Peru Peru PROPN 2 obl
. . PUNCT 2 punct`, []string{"CHL PER 010"}},
	{"talks on a merger are commerce", `
Chile Chile PROPN 2 nsubj
began begin VERB 0 root Tense=Past
merger merger NOUN 4 compound
negotiations negotiation NOUN 2 obj
with with ADP 6 case
Peru Peru PROPN 4 nmod
. . PUNCT 2 punct`, nil},
	{"welcoming contacts praises them, hosts nobody", `
Chile Chile PROPN 2 nsubj
welcomed welcome VERB 0 root Tense=Past
contacts contact NOUN 2 obj
between between ADP 5 case
Peru Peru PROPN 3 nmod
and and CCONJ 7 cc
Bolivia Bolivia PROPN 5 conj
. . PUNCT 2 punct`, []string{"CHL  051"}},
	{"a city naming an agreement made is no party to it", `
the the DET 3 det
Paris Paris PROPN 3 compound
agreement agreement NOUN 5 nsubj:pass
was be AUX 5 aux:pass
struck strike VERB 0 root Tense=Past|VerbForm=Part
. . PUNCT 5 punct`, nil},
	{"signing an order is trade", `
Chile Chile PROPN 2 nsubj
signed sign VERB 0 root Tense=Past
an a DET 4 det
order order NOUN 2 obj
with with ADP 6 case
Peru Peru PROPN 2 obl
. . PUNCT 2 punct`, nil},
	{"a central bank's help to the market is no aid", `
the the DET 2 det
Bank Bank PROPN 5 nsubj
of of ADP 4 case
England England PROPN 2 nmod
gave give VERB 0 root Tense=Past
the the DET 9 det
money money NOUN 8 compound
market market NOUN 10 compound
further further ADJ 10 amod
assistance assistance NOUN 5 obj
. . PUNCT 5 punct`, nil},
	{"sanctioning a cut approves it", `
Chile Chile PROPN 2 nsubj
sanctioned sanction VERB 0 root Tense=Past
a a DET 5 det
rate rate NOUN 5 compound
cut cut NOUN 2 obj
. . PUNCT 2 punct`, nil},
	{"a forecast of a country's output is no demand", `
Peru Peru PROPN 2 nsubj
said say VERB 0 root Tense=Past
Chilean Chilean ADJ 5 amod
gross gross ADJ 5 amod
product product NOUN 7 nsubj
should should AUX 7 aux
grow grow VERB 2 ccomp VerbForm=Inf
. . PUNCT 2 punct`, nil},
	{"what one's own country must do is no demand", `
the the DET 3 det
Chilean Chilean ADJ 3 amod
government government NOUN 4 nsubj
said say VERB 0 root Tense=Past
Chile Chile PROPN 7 nsubj
must must AUX 7 aux
cut cut VERB 4 ccomp VerbForm=Inf
spending spending NOUN 7 obj
. . PUNCT 4 punct`, nil},
	{"what the speaker's own side should do is no demand", `
Chile Chile PROPN 2 nsubj
said say VERB 0 root Tense=Past
Chilean Chilean ADJ 4 amod
troops troop NOUN 6 nsubj
should should AUX 6 aux
leave leave VERB 2 ccomp VerbForm=Inf
Peru Peru PROPN 6 obj
. . PUNCT 2 punct`, nil},
	{"a quoted subject is not the speaker", `
Chile Chile PROPN 2 nsubj
said say VERB 0 root Tense=Past
“ " PUNCT 6 punct
some some DET 6 nsubj
are be AUX 6 aux
asking ask VERB 2 ccomp VerbForm=Ger
you you PRON 6 obj
to to PART 9 mark
leave leave VERB 6 xcomp VerbForm=Inf
” " PUNCT 6 punct
. . PUNCT 2 punct`, nil},
	{"an attack in the event of something is hypothetical", `
Chile Chile PROPN 2 nsubj
warned warn VERB 0 root Tense=Past
of of ADP 4 case
war war NOUN 2 obl
in in ADP 7 case
the the DET 7 det
event event NOUN 2 obl
of of ADP 11 case
any any DET 11 det
Peruvian Peruvian ADJ 11 amod
attack attack NOUN 7 nmod
on on ADP 13 case
Bolivia Bolivia PROPN 11 nmod
. . PUNCT 2 punct`, []string{"CHL PER 130"}},
	{"workers who begin a strike stop work", `
Chilean Chilean ADJ 2 amod
editors editor NOUN 3 nsubj
began begin VERB 0 root Tense=Past
a a DET 5 det
strike strike NOUN 3 obj
. . PUNCT 3 punct`, []string{"CHLMED  143"}},
	{"what another country must do is a demand", `
the the DET 3 det
Chilean Chilean ADJ 3 amod
government government NOUN 4 nsubj
said say VERB 0 root Tense=Past
Peru Peru PROPN 7 nsubj
must must AUX 7 aux
cut cut VERB 4 ccomp VerbForm=Inf
spending spending NOUN 7 obj
. . PUNCT 4 punct`, []string{"CHLGOV PER 100"}},
	{"receiving an agency's approval hosts nobody", `
the the DET 2 det
company company NOUN 3 nsubj
received receive VERB 0 root Tense=Past
Peru Peru PROPN 5 compound
approval approval NOUN 3 obj
. . PUNCT 3 punct`, nil},
	{"a warning of one's own act threatens no one named", `
the the DET 3 det
Chilean Chilean ADJ 3 amod
navy navy NOUN 4 nsubj
warned warn VERB 0 root Tense=Past
that that SCONJ 8 mark
Chile Chile PROPN 8 nsubj
would would AUX 8 aux
close close VERB 4 ccomp VerbForm=Inf
the the DET 10 det
strait strait NOUN 8 obj
. . PUNCT 4 punct`, []string{"CHLMIL  130"}},
	{"demonstrating that something holds shows it", `
Chile Chile PROPN 2 nsubj
demonstrated demonstrate VERB 0 root Tense=Past
that that SCONJ 6 mark
policy policy NOUN 6 nsubj
had have AUX 6 aux
changed change VERB 2 ccomp Tense=Past|VerbForm=Part
. . PUNCT 2 punct`, nil},
	{"taking the lead in a poll seizes nothing", `
Chile Chile PROPN 2 nsubj
took take VERB 0 root Tense=Past
a a DET 4 det
lead lead NOUN 2 obj
over over ADP 6 case
Peru Peru PROPN 4 nmod
. . PUNCT 2 punct`, nil},
	{"warning that costs rose is a gloomy comment", `
Chile Chile PROPN 2 nsubj
warned warn VERB 0 root Tense=Past
that that SCONJ 7 mark
labour labour NOUN 5 compound
costs cost NOUN 7 nsubj
had have AUX 7 aux
risen rise VERB 2 ccomp Tense=Past|VerbForm=Part
in in ADP 9 case
Peru Peru PROPN 7 obl
. . PUNCT 2 punct`, []string{"CHL PER 012"}},
	{"warning that one will retaliate is a threat", `
Chile Chile PROPN 2 nsubj
warned warn VERB 0 root Tense=Past
that that SCONJ 6 mark
it it PRON 6 nsubj
would would AUX 6 aux
retaliate retaliate VERB 2 ccomp VerbForm=Inf
against against ADP 8 case
Peru Peru PROPN 6 obl
. . PUNCT 2 punct`, []string{"CHL PER 130"}},
	{"a clash that would hurt is supposed", `
a a DET 2 det
clash clash NOUN 7 nsubj
between between ADP 4 case
Chile Chile PROPN 2 nmod
and and CCONJ 6 cc
Peru Peru PROPN 4 conj
would would AUX 7 aux
hurt hurt VERB 0 root VerbForm=Inf
trade trade NOUN 7 obj
. . PUNCT 7 punct`, []string{"CHL PER 190 possible", "PER CHL 190 possible"}},
	{"paying a courtesy call is a visit", `
Chile Chile PROPN 2 nsubj
paid pay VERB 0 root Tense=Past
a a DET 5 det
courtesy courtesy NOUN 5 compound
call call NOUN 2 obj
on on ADP 7 case
Peru Peru PROPN 5 nmod
. . PUNCT 2 punct`, []string{"CHL PER 042"}},
	{"launching a satellite is no rocket attack", `
Chile Chile PROPN 2 nsubj
launched launch VERB 0 root Tense=Past
a a DET 4 det
satellite satellite NOUN 2 obj
aboard aboard ADP 7 case
a a DET 7 det
rocket rocket NOUN 4 nmod
. . PUNCT 2 punct`, nil},
	{"what one hails as a failure names it", `
the the DET 2 det
celebrations celebration NOUN 0 root
of of ADP 4 case
what what PRON 2 nmod
Chile Chile PROPN 6 nsubj
hailed hail VERB 4 acl:relcl Tense=Past
as as ADP 10 case
Peru Peru PROPN 10 nmod:poss
's 's PART 8 case
failure failure NOUN 6 obl
. . PUNCT 2 punct`, nil},
	{"liquidity threatening targets is no threat", `
excess excess ADJ 2 amod
liquidity liquidity NOUN 6 nsubj
in in ADP 5 case
Chilean Chilean ADJ 5 amod
economy economy NOUN 2 nmod
threatens threaten VERB 0 root Tense=Pres
the the DET 8 det
targets target NOUN 6 obj
. . PUNCT 6 punct`, nil},
	{"receiving orders is commerce", `
Chile Chile PROPN 2 nsubj
received receive VERB 0 root Tense=Past
orders order NOUN 2 obj
for for ADP 5 case
copper copper NOUN 3 nmod
. . PUNCT 2 punct`, nil},
	{"seeking bids is commerce", `
Chile Chile PROPN 2 nsubj
is be AUX 3 aux
seeking seek VERB 0 root VerbForm=Ger
bids bid NOUN 3 obj
for for ADP 6 case
copper copper NOUN 4 nmod
. . PUNCT 3 punct`, nil},
	{"money received from a country is no visit", `
Chile Chile PROPN 2 nsubj
received receive VERB 0 root Tense=Past
a a DET 4 det
total total NOUN 2 obj
of of ADP 7 case
ten ten NUM 7 nummod
dlrs dlr NOUN 4 nmod
from from ADP 9 case
Peru Peru PROPN 7 nmod
. . PUNCT 2 punct`, nil},
	{"receiving a person is hosting", `
Chile Chile PROPN 2 nsubj
received receive VERB 0 root Tense=Past
the the DET 5 det
Peruvian Peruvian ADJ 5 amod
envoy envoy NOUN 2 obj
. . PUNCT 2 punct`, []string{"CHL PERGOV 043", "PERGOV CHL 042"}},
	{"giving to a country is aid, on the object's conjunct", `
Chile Chile PROPN 2 nsubj
provided provide VERB 0 root Tense=Past
photographs photograph NOUN 2 obj
and and CCONJ 5 cc
maps map NOUN 3 conj
to to ADP 7 case
Peru Peru PROPN 5 nmod
. . PUNCT 2 punct`, []string{"CHL PER 070"}},
	{"providing a market with help is no aid", `
the the DET 2 det
bank bank NOUN 3 nsubj
provided provide VERB 0 root Tense=Past
the the DET 6 det
money money NOUN 6 compound
market market NOUN 3 obj
with with ADP 8 case
assistance assistance NOUN 3 obl
. . PUNCT 3 punct`, nil},
	{"an agreement to acquire a company is commerce", `
Chile Chile PROPN 2 nsubj
reached reach VERB 0 root Tense=Past
an a DET 4 det
agreement agreement NOUN 2 obj
to to PART 6 mark
acquire acquire VERB 4 acl VerbForm=Inf
the the DET 8 det
company company NOUN 6 obj
. . PUNCT 2 punct`, nil},
	{"agreeing not to acquire is commerce", `
Chile Chile PROPN 3 nsubj
has have AUX 3 aux
agreed agree VERB 0 root Tense=Past
not not PART 6 advmod
to to PART 6 mark
acquire acquire VERB 3 xcomp VerbForm=Inf
shares share NOUN 6 obj
. . PUNCT 3 punct`, nil},
	{"expected to sign is a forecast, not an intent", `
Chile Chile PROPN 5 nsubj:pass
and and CCONJ 3 cc
Peru Peru PROPN 1 conj
are be AUX 5 aux:pass
expected expect VERB 0 root Tense=Past|VerbForm=Part|Voice=Pass
to to PART 7 mark
sign sign VERB 5 xcomp VerbForm=Inf
an a DET 9 det
accord accord NOUN 7 obj
. . PUNCT 5 punct`, []string{"CHL PER 057 future", "PER CHL 057 future"}},
	{"warnings delivered are a threat, not aid", `
Chile Chile PROPN 2 nsubj
delivered deliver VERB 0 root Tense=Past
warnings warning NOUN 2 obj
to to ADP 5 case
Peru Peru PROPN 2 obl
. . PUNCT 2 punct`, []string{"CHL PER 130"}},
	{"giving consideration is no aid", `
Chile Chile PROPN 2 nsubj
gave give VERB 0 root Tense=Past
close close ADJ 4 amod
consideration consideration NOUN 2 obj
to to ADP 7 case
Peruvian Peruvian ADJ 7 amod
proposals proposal NOUN 2 obl
. . PUNCT 2 punct`, nil},
	{"touring one's own country is no visit", `
Chilean Chilean ADJ 2 amod
leaders leader NOUN 4 nsubj
are be AUX 4 aux
touring tour VERB 0 root VerbForm=Ger
the the DET 6 det
country country NOUN 4 obj
. . PUNCT 4 punct`, nil},
	{"a system is no doer", `
the the DET 3 det
Chilean Chilean ADJ 3 amod
system system NOUN 4 nsubj
allows allow VERB 0 root Tense=Pres
Peru Peru PROPN 4 obj
to to PART 7 mark
remain remain VERB 4 xcomp VerbForm=Inf
silent silent ADJ 7 xcomp
. . PUNCT 4 punct`, nil},
	{"hitting a low is no attack", `
the the DET 2 det
index index NOUN 3 nsubj
hit hit VERB 0 root Tense=Past
a a DET 6 det
Chilean Chilean ADJ 6 amod
low low NOUN 3 obj
. . PUNCT 3 punct`, nil},
	{"hitting a country is an attack", `
Chilean Chilean ADJ 2 amod
jets jet NOUN 3 nsubj
hit hit VERB 0 root Tense=Past
Peru Peru PROPN 3 obj
. . PUNCT 3 punct`, []string{"CHL PER 190"}},
	{"engaging a firm is no combat", `
Chile Chile PROPN 2 nsubj
engaged engage VERB 0 root Tense=Past
the the DET 5 det
Market Market PROPN 5 compound
Group Group PROPN 2 obj
to to PART 7 mark
act act VERB 2 advcl VerbForm=Inf
as as ADP 9 case
adviser adviser NOUN 7 obl
. . PUNCT 2 punct`, nil},
	{"charging interest is no accusation", `
Chile Chile PROPN 3 nsubj
will will AUX 3 aux
charge charge VERB 0 root VerbForm=Inf
interest interest NOUN 3 obj
. . PUNCT 3 punct`, nil},
	{"inviting offers is commerce, not an appeal", `
Chile Chile PROPN 2 nsubj
invited invite VERB 0 root Tense=Past
bill bill NOUN 4 compound
offers offer NOUN 2 obj
. . PUNCT 2 punct`, nil},
	{"an order to act is no aid to whom the act concerns", `
Chile Chile PROPN 2 nsubj
gave give VERB 0 root Tense=Past
orders order NOUN 2 obj
to to PART 5 mark
sell sell VERB 2 advcl VerbForm=Inf
arms arm NOUN 5 obj
through through ADP 8 case
Peru Peru PROPN 5 obl
. . PUNCT 2 punct`, nil},
	{"a warning given is a threat", `
Chile Chile PROPN 2 nsubj
gave give VERB 0 root Tense=Past
a a DET 4 det
warning warning NOUN 2 obj
to to ADP 6 case
Peru Peru PROPN 2 obl
. . PUNCT 2 punct`, []string{"CHL PER 130"}},
	{"giving up a claim is yielding, not aid", `
Chile Chile PROPN 2 nsubj
gave give VERB 0 root Tense=Past
up up ADP 2 compound:prt
its its PRON 5 nmod:poss
claim claim NOUN 2 obj
. . PUNCT 2 punct`, []string{"CHL  080"}},
	{"a verb with an object of its own is not the phrasal act", `
Chile Chile PROPN 2 nsubj
has have VERB 0 root Tense=Pres
no no DET 4 det
plans plan NOUN 2 obj
to to PART 6 mark
take take VERB 4 acl VerbForm=Inf
new new ADJ 8 amod
measures measure NOUN 6 obj
. . PUNCT 2 punct`, nil},
	{"the phrasal act still codes", `
Chile Chile PROPN 2 nsubj
took take VERB 0 root Tense=Past
over over ADP 4 case
Peru Peru PROPN 2 obl
. . PUNCT 2 punct`, []string{"CHL PER 171"}},
	{"closing a deal is commerce", `
Chile Chile PROPN 2 nsubj
closed close VERB 0 root Tense=Past
the the DET 4 det
acquisition acquisition NOUN 2 obj
. . PUNCT 2 punct`, nil},
	{"a captured thing is no arrest", `
traffic traffic NOUN 4 nsubj:pass
was be AUX 4 aux:pass
being be AUX 4 aux:pass
captured capture VERB 0 root Tense=Past|VerbForm=Part|Voice=Pass
by by ADP 6 case
Chile Chile PROPN 4 obl:agent
. . PUNCT 4 punct`, nil},
	{"a place of meeting is not the one met", `
Chile Chile PROPN 2 nsubj
met meet VERB 0 root Tense=Past
in in ADP 4 case
Moscow Moscow PROPN 2 obl
. . PUNCT 2 punct`, nil},
	{"asked, the opening participle, is no appeal by the subject", `
Asked ask VERB 6 advcl Tense=Past
whether whether SCONJ 4 mark
Peru Peru PROPN 4 nsubj
attacked attack VERB 1 ccomp Tense=Past
, , PUNCT 1 punct
Chile Chile PROPN 6 nsubj
replied reply VERB 0 root Tense=Past
. . PUNCT 6 punct`, nil},
	{"a loan received is the lender's aid", `
Chile Chile PROPN 2 nsubj
received receive VERB 0 root Tense=Past
a a DET 4 det
loan loan NOUN 2 obj
from from ADP 6 case
Peru Peru PROPN 4 nmod
. . PUNCT 2 punct`, []string{"PER CHL 071"}},
	{"a closing attribution hung on a refusal is no declined comment", `
Chile Chile PROPN 2 nsubj
rejected reject VERB 0 root Tense=Past
the the DET 4 det
contract contract NOUN 2 obj
, , PUNCT 7 punct
a a DET 7 det
spokesman spokesman NOUN 8 nsubj
said say VERB 2 ccomp Tense=Past
. . PUNCT 2 punct`, []string{"CHL  120 rep"}},
	{"a concern told of another is that one's", `
the the DET 2 det
official official NOUN 3 nsubj
said say VERB 0 root Tense=Past
Chile Chile PROPN 6 nsubj
was be AUX 6 cop
concerned concerned ADJ 3 ccomp
about about ADP 8 case
Peru Peru PROPN 6 obl
. . PUNCT 3 punct`, []string{"CHL PER 012"}},
	{"a vow to veto is a veto told as intended", `
Chile Chile PROPN 2 nsubj
vowed vow VERB 0 root Tense=Past
to to PART 4 mark
veto veto VERB 2 xcomp VerbForm=Inf
the the DET 6 det
bill bill NOUN 4 obj
. . PUNCT 2 punct`, []string{"CHL  129"}},
	{"welcoming an announcement is praise", `
Chile Chile PROPN 2 nsubj
welcomed welcome VERB 0 root Tense=Past
Peru Peru PROPN 5 nmod:poss
's 's PART 3 case
announcement announcement NOUN 2 obj
. . PUNCT 2 punct`, []string{"CHL  051"}},
	{"an agreement to buy a newspaper is commerce", `
Chile Chile PROPN 2 nsubj
signed sign VERB 0 root Tense=Past
an a DET 4 det
agreement agreement NOUN 2 obj
to to PART 6 mark
buy buy VERB 4 acl VerbForm=Inf
a a DET 8 det
newspaper newspaper NOUN 6 obj
. . PUNCT 2 punct`, nil},
	{"a place where a mood is told is not its target", `
Chile Chile PROPN 2 nsubj
said say VERB 0 root Tense=Past
trading trading NOUN 5 nsubj
was be AUX 5 cop
cautious cautious ADJ 2 ccomp
in in ADP 7 case
Peru Peru PROPN 5 obl
. . PUNCT 2 punct`, nil},
	{"a firm's outlook is no stance of state", `
the the DET 2 det
company company NOUN 3 nsubj
said say VERB 0 root Tense=Past
it it PRON 6 nsubj
was be AUX 6 cop
pessimistic pessimistic ADJ 3 ccomp
about about ADP 8 case
Peru Peru PROPN 6 obl
. . PUNCT 3 punct`, nil},
	{"a firm's measures are no sanction", `
the the DET 2 det
company company NOUN 3 nsubj
shut shut VERB 0 root Tense=Past
down down ADP 3 compound:prt
its its PRON 6 nmod:poss
offices office NOUN 3 obj
in in ADP 8 case
Peru Peru PROPN 6 nmod
. . PUNCT 3 punct`, nil},
	{"a place of meeting is not the one boycotted", `
Chile Chile PROPN 2 nsubj
boycotted boycott VERB 0 root Tense=Past
a a DET 4 det
meeting meeting NOUN 2 obj
in in ADP 6 case
Lima Lima PROPN 4 nmod
. . PUNCT 2 punct`, nil},
	{"carried there is no visit", `
arms arm NOUN 3 nsubj:pass
were be AUX 3 aux:pass
flown fly VERB 0 root Tense=Past|VerbForm=Part|Voice=Pass
to to ADP 5 case
Peru Peru PROPN 3 obl
by by ADP 8 case
Chilean Chilean ADJ 8 amod
aircraft aircraft NOUN 3 obl:agent
. . PUNCT 3 punct`, nil},
	{"calling a thing scandalous is no appeal", `
Chile Chile PROPN 2 nsubj
called call VERB 0 root Tense=Past
it it PRON 2 obj
scandalous scandalous ADJ 2 xcomp
that that SCONJ 7 mark
Peru Peru PROPN 7 nsubj
left leave VERB 2 ccomp Tense=Past
. . PUNCT 2 punct`, nil},
	{"welcoming a rise is no visit hosted", `
Chile Chile PROPN 2 nsubj
welcomed welcome VERB 0 root Tense=Past
the the DET 4 det
rise rise NOUN 2 obj
in in ADP 7 case
the the DET 7 det
peso peso NOUN 4 nmod
. . PUNCT 2 punct`, nil},
	{"trying to persuade is no trial", `
Chile Chile PROPN 3 nsubj
will will AUX 3 aux
try try VERB 0 root VerbForm=Inf
to to PART 5 mark
persuade persuade VERB 3 xcomp VerbForm=Inf
Peru Peru PROPN 5 obj
. . PUNCT 3 punct`, nil},
	{"a threat of restrictions is a threat of sanctions", `
Chile Chile PROPN 3 nsubj
has have AUX 3 aux
threatened threaten VERB 0 root Tense=Past|VerbForm=Part
to to PART 5 mark
impose impose VERB 3 xcomp VerbForm=Inf
restrictions restriction NOUN 5 obj
on on ADP 8 case
Peru Peru PROPN 5 obl
. . PUNCT 3 punct`, []string{"CHL PER 132"}},
	{"a study is no doer", `
the the DET 3 det
Chilean Chilean ADJ 3 amod
study study NOUN 4 nsubj
criticizes criticize VERB 0 root Tense=Pres
Peru Peru PROPN 4 obj
. . PUNCT 4 punct`, nil},
	{"a lack of cooperation is none", `
the the DET 2 det
lack lack NOUN 7 nsubj
of of ADP 4 case
cooperation cooperation NOUN 2 nmod
with with ADP 6 case
Peru Peru PROPN 4 nmod
worried worry VERB 0 root Tense=Past
Chile Chile PROPN 7 obj
. . PUNCT 7 punct`, nil},
	{"declining to be named is anonymity", `
Chilean Chilean ADJ 2 amod
officials official NOUN 0 root
, , PUNCT 5 punct
who who PRON 5 nsubj
declined decline VERB 2 acl:relcl Tense=Past
to to PART 8 mark
be be AUX 8 aux:pass
named name VERB 5 xcomp VerbForm=Part|Voice=Pass
. . PUNCT 2 punct`, nil},
	{"favouring a policy is no accord", `
Chile Chile PROPN 2 nsubj
favoured favour VERB 0 root Tense=Past
raising raise VERB 2 xcomp VerbForm=Ger
rates rate NOUN 3 obj
. . PUNCT 2 punct`, nil},
	{"one named person attacking another is words", `
Putin Putin PROPN 2 nsubj
attacked attack VERB 0 root Tense=Past
Obama Obama PROPN 2 obj
. . PUNCT 2 punct`, []string{"RUSGOV USAELI 111"}},
	{"a vow given is an intent", `
Chile Chile PROPN 2 nsubj
gave give VERB 0 root Tense=Past
Peru Peru PROPN 2 iobj
its its PRON 5 nmod:poss
word word NOUN 2 obj
. . PUNCT 2 punct`, []string{"CHL  030"}},
	{"protecting a right is no asylum", `
Chile Chile PROPN 2 nsubj
protects protect VERB 0 root Tense=Pres
the the DET 4 det
right right NOUN 2 obj
to to PART 6 mark
vote vote VERB 4 acl VerbForm=Inf
. . PUNCT 2 punct`, nil},
	{"signing a bill is no agreement", `
Chile Chile PROPN 2 nsubj
signed sign VERB 0 root Tense=Past
the the DET 4 det
bill bill NOUN 2 obj
. . PUNCT 2 punct`, nil},
	{"exercises without a partner are a show of force", `
Chile Chile PROPN 2 nsubj
held hold VERB 0 root Tense=Past
military military ADJ 4 amod
exercises exercise NOUN 2 obj
. . PUNCT 2 punct`, []string{"CHL  152"}},
	{"neither of two who spoke is negated", `
Neither neither CCONJ 2 cc:preconj
Chile Chile PROPN 5 nsubj
nor nor CCONJ 4 cc
Peru Peru PROPN 2 conj
met meet VERB 0 root Tense=Past
Bolivia Bolivia PROPN 5 obj
. . PUNCT 5 punct`, []string{"BOL CHL 040 neg", "BOL PER 040 neg", "CHL BOL 040 neg", "PER BOL 040 neg"}},
	{"insisting on a fact is no demand", `
Chile Chile PROPN 2 nsubj
insisted insist VERB 0 root Tense=Past
it it PRON 6 nsubj
had have AUX 6 aux
not not PART 6 advmod
attacked attack VERB 2 ccomp Tense=Past|VerbForm=Part
. . PUNCT 2 punct`, nil},
	{"a trip at home is no visit to one's country", `
Chilean Chilean ADJ 2 amod
president president NOUN 3 nsubj
visited visit VERB 0 root Tense=Past
Santiago Santiago PROPN 3 obj
. . PUNCT 3 punct`, []string{"CHLGOV  042"}},
	{"a firm targeting a market is no force", `
the the DET 2 det
company company NOUN 3 nsubj
targeted target VERB 0 root Tense=Past
Peru Peru PROPN 3 obj
for for ADP 6 case
expansion expansion NOUN 3 obl
. . PUNCT 3 punct`, nil},
	{"no one doing it is negated", `
no no DET 2 det
official official NOUN 3 nsubj
accused accuse VERB 0 root Tense=Past
Chile Chile PROPN 3 obj
. . PUNCT 3 punct`, []string{"---GOV CHL 112 neg"}},
	{"striking a deal is an agreement, not a strike", `
Chile Chile PROPN 2 nsubj
struck strike VERB 0 root Tense=Past
a a DET 4 det
deal deal NOUN 2 obj
to to PART 6 mark
end end VERB 4 acl VerbForm=Inf
the the DET 8 det
dispute dispute NOUN 6 obj
. . PUNCT 2 punct`, []string{"CHL  057"}},
	{"an opening 'asked' read as a complement is no appeal", `
Asked ask VERB 7 ccomp Tense=Past
if if SCONJ 4 mark
Peru Peru PROPN 4 nsubj
attacked attack VERB 1 ccomp Tense=Past
, , PUNCT 7 punct
Chile Chile PROPN 7 nsubj
said say VERB 0 root Tense=Past
no no INTJ 7 obj
. . PUNCT 7 punct`, nil},
	{"a thing called a name is no appeal", `
Chile Chile PROPN 2 nsubj
minted mint VERB 0 root Tense=Past
a a DET 4 det
coin coin NOUN 2 obj
called call VERB 4 acl Tense=Past|VerbForm=Part
Peru Peru PROPN 5 xcomp
. . PUNCT 2 punct`, nil},
	{"calling a deal a disaster is naming it", `
Chile Chile PROPN 2 nsubj
called call VERB 0 root Tense=Past
the the DET 4 det
deal deal NOUN 2 obj
a a DET 6 det
disaster disaster NOUN 2 obj
. . PUNCT 2 punct`, nil},
	{"calling a person a name is no phone call", `
Chile Chile PROPN 3 nsubj
is be AUX 3 aux
calling call VERB 0 root VerbForm=Ger
Peru Peru PROPN 3 obj
the the DET 6 det
aggressor aggressor NOUN 4 appos
. . PUNCT 3 punct`, nil},
	{"going back is not handing over", `
Chile Chile PROPN 2 nsubj
plans plan VERB 0 root Tense=Pres
to to PART 4 mark
return return VERB 2 xcomp VerbForm=Inf
to to ADP 7 case
the the DET 7 det
trail trail NOUN 4 obl
. . PUNCT 2 punct`, nil},
	{"withdrawing from a race is no de-escalation", `
Chile Chile PROPN 2 nsubj
plans plan VERB 0 root Tense=Pres
to to PART 4 mark
withdraw withdraw VERB 2 xcomp VerbForm=Inf
from from ADP 7 case
the the DET 7 det
race race NOUN 4 obl
. . PUNCT 2 punct`, nil},
	{"asking not to be identified is anonymity", `
Chilean Chilean ADJ 2 amod
officials official NOUN 10 nsubj
, , PUNCT 4 punct
asking ask VERB 2 acl VerbForm=Ger
not not PART 8 advmod
to to PART 8 mark
be be AUX 8 aux:pass
identified identify VERB 4 xcomp VerbForm=Part
, , PUNCT 2 punct
said say VERB 0 root Tense=Past
Peru Peru PROPN 13 nsubj
would would AUX 13 aux
act act VERB 10 ccomp VerbForm=Inf
. . PUNCT 10 punct`, nil},
	{"meeting opposition is no meeting", `
Chile Chile PROPN 2 nsubj
met meet VERB 0 root Tense=Past
opposition opposition NOUN 2 obj
from from ADP 5 case
Peru Peru PROPN 3 nmod
. . PUNCT 2 punct`, nil},
	{"an appeal's listener read as an indirect object", `
Chile Chile PROPN 2 nsubj
asked ask VERB 0 root Tense=Past
Peru Peru PROPN 2 iobj
to to PART 5 mark
cut cut VERB 2 xcomp VerbForm=Inf
rates rate NOUN 5 obj
. . PUNCT 2 punct`, []string{"CHL PER 020"}},
	{"calling relations strained is no phone call", `
Chile Chile PROPN 2 nsubj
called call VERB 0 root Tense=Past
Peru Peru PROPN 4 compound
relations relation NOUN 2 obj
on on ADP 7 case
trade trade NOUN 7 compound
issues issue NOUN 4 nmod
very very ADV 9 advmod
strained strained ADJ 7 orphan
. . PUNCT 2 punct`, nil},
	{"closing a plant is business", `
Chile Chile PROPN 2 nsubj
closed close VERB 0 root Tense=Past
its its PRON 4 nmod:poss
smelter smelter NOUN 2 obj
in in ADP 6 case
Peru Peru PROPN 4 nmod
. . PUNCT 2 punct`, nil},
	{"closing a border is a sanction", `
Chile Chile PROPN 2 nsubj
closed close VERB 0 root Tense=Past
its its PRON 4 nmod:poss
border border NOUN 2 obj
with with ADP 6 case
Peru Peru PROPN 4 nmod
. . PUNCT 2 punct`, []string{"CHL PER 172"}},
	{"a war names no doer", `
the the DET 4 det
Chile Chile PROPN 4 compound
- - PUNCT 2 punct
war war NOUN 5 nsubj
threatens threaten VERB 0 root Tense=Pres
Peru Peru PROPN 5 obj
. . PUNCT 5 punct`, nil},
	{"defending a town is no verbal defence", `
Chilean chilean ADJ 2 amod
troops troop NOUN 3 nsubj
defended defend VERB 0 root Tense=Past
the the DET 5 det
town town NOUN 3 obj
against against ADP 8 case
Peruvian peruvian ADJ 8 amod
rebels rebel NOUN 3 obl
. . PUNCT 3 punct`, nil},
	{"partners in an act on a third party are not each other's targets", `
Chile Chile PROPN 4 nsubj
and and CCONJ 3 cc
Peru Peru PROPN 1 conj
agreed agree VERB 0 root Tense=Past
to to PART 6 mark
refinance refinance VERB 4 xcomp VerbForm=Inf
Bolivia Bolivia PROPN 9 nmod:poss
's 's PART 7 case
debt debt NOUN 6 obj
in in ADP 11 case
Lima Lima PROPN 6 obl
. . PUNCT 4 punct`, []string{"CHL BOL 030", "PER BOL 030"}},
	{"partners in an act on a third party, with the infinitive misread as a noun", `
Chile Chile PROPN 4 nsubj
and and CCONJ 3 cc
Peru Peru PROPN 1 conj
agreed agree VERB 0 root Tense=Past
on on ADP 6 case
Monday Monday PROPN 4 obl
to to ADP 8 case
refinance refinance NOUN 6 nmod
Bolivia Bolivia PROPN 11 nmod:poss
's 's PART 9 case
debt debt NOUN 8 obj
. . PUNCT 4 punct`, []string{"CHL BOL 019", "PER BOL 019"}},
	{"partners with no third party pair up", `
Chile Chile PROPN 4 nsubj
and and CCONJ 3 cc
Peru Peru PROPN 1 conj
agreed agree VERB 0 root Tense=Past
to to PART 6 mark
exchange exchange VERB 4 xcomp VerbForm=Inf
prisoners prisoner NOUN 6 obj
in in ADP 9 case
Lima Lima PROPN 6 obl
. . PUNCT 4 punct`, []string{"CHL PER 030", "PER CHL 030"}},
	{"meeting the terms of an accord is no meeting", `
Chile Chile PROPN 2 nsubj
requested request VERB 0 root Tense=Past
cuts cut NOUN 2 obj
to to PART 5 mark
meet meet VERB 2 advcl VerbForm=Inf
the the DET 7 det
terms term NOUN 5 obj
of of ADP 10 case
the the DET 10 det
accord accord NOUN 7 nmod
with with ADP 12 case
Peru Peru PROPN 10 nmod
. . PUNCT 2 punct`, nil},
	{"the speaker's own capital holds the view, it is not its target", `
Chilean chilean ADJ 2 amod
officials official NOUN 3 nsubj
said say VERB 0 root Tense=Past
Santiago Santiago PROPN 5 nsubj
felt feel VERB 3 ccomp Tense=Past
indignation indignation NOUN 5 obj
at at ADP 8 case
statements statement NOUN 6 nmod
made make VERB 8 acl VerbForm=Part
by by ADP 11 case
Peru Peru PROPN 9 obl:agent
. . PUNCT 3 punct`, []string{"CHLGOV PER 111"}},
	{"occupying a building is no occupation of territory", `
Chile Chile PROPN 2 nsubj
occupied occupy VERB 0 root Tense=Past
its its PRON 5 nmod:poss
new new ADJ 5 amod
embassy embassy NOUN 2 obj
in in ADP 7 case
Peru Peru PROPN 5 nmod
. . PUNCT 2 punct`, nil},
	{"the risk of an attack is no attack", `
the the DET 2 det
risk risk NOUN 9 nsubj
of of ADP 5 case
Chilean chilean ADJ 5 amod
attack attack NOUN 2 nmod
on on ADP 7 case
Peru Peru PROPN 5 nmod
is be AUX 9 cop
low low ADJ 0 root
. . PUNCT 9 punct`, nil},
	{"workers' strike is a stoppage, not an air strike", `
Chilean chilean ADJ 2 amod
dockers docker NOUN 3 nsubj
began begin VERB 0 root Tense=Past
a a DET 5 det
strike strike NOUN 3 obj
on on ADP 7 case
Wednesday Wednesday PROPN 5 nmod
. . PUNCT 3 punct`, []string{"CHLLAB  143"}},
	{"giving workers a holiday is no aid", `
Chile Chile PROPN 2 nsubj
gave give VERB 0 root Tense=Past
Peruvian peruvian ADJ 4 amod
workers worker NOUN 2 iobj
a a DET 6 det
holiday holiday NOUN 2 obj
. . PUNCT 2 punct`, nil},
	{"talks among five parties are multilateral, no dyads", `
talks talk NOUN 12 nsubj
between between ADP 3 case
Chile Chile PROPN 1 nmod
, , PUNCT 5 punct
Peru Peru PROPN 3 conj
, , PUNCT 7 punct
Bolivia Bolivia PROPN 3 conj
, , PUNCT 9 punct
Ecuador Ecuador PROPN 3 conj
and and CCONJ 11 cc
Colombia Colombia PROPN 3 conj
began begin VERB 0 root Tense=Past
. . PUNCT 12 punct`, nil},
	{"the grounds of an arrest are no act of the one arrested", `
a a DET 2 det
missionary missionary NOUN 6 nsubj:pass
from from ADP 4 case
Chile Chile PROPN 2 nmod
was be AUX 6 aux:pass
arrested arrest VERB 0 root Tense=Past|VerbForm=Part|Voice=Pass
for for SCONJ 8 mark
collaborating collaborate VERB 6 advcl VerbForm=Ger
with with ADP 10 case
Peru Peru PROPN 8 obl
. . PUNCT 6 punct`, nil},
	{"the one left out is no subject", `
Officials official NOUN 2 nsubj
said say VERB 0 root Tense=Past
all all DET 2 obj
of of ADP 7 case
Chile Chile PROPN 7 nmod:poss
's 's PART 5 case
backers backer NOUN 3 nmod
apart apart ADV 12 advmod
from from ADP 10 case
Peru Peru PROPN 12 nsubj
had have AUX 12 aux
pledged pledge VERB 3 acl:relcl Tense=Past
support support NOUN 12 obj
. . PUNCT 2 punct`, []string{"CHL  032"}},
	{"a market's demand going on is no demand", `
Chilean chilean ADJ 2 amod
demand demand NOUN 3 nsubj
continued continue VERB 0 root Tense=Past
for for ADP 5 case
copper copper NOUN 3 obl
. . PUNCT 3 punct`, nil},
	{"a meeting at a body's offices is not with the body", `
Chile Chile PROPN 4 nsubj
and and CCONJ 3 cc
Peru Peru PROPN 1 conj
met meet VERB 0 root Tense=Past
at at ADP 7 case
the the DET 7 det
offices office NOUN 4 obl
of of ADP 10 case
the the DET 10 det
IMF IMF PROPN 7 nmod
. . PUNCT 4 punct`, []string{"CHL PER 040", "PER CHL 040"}},
	{"supplying a share of a market is trade, not aid", `
Chile Chile PROPN 2 nsubj
supplied supply VERB 0 root Tense=Past
41 41 NUM 4 nummod
pct pct NOUN 2 obj
of of ADP 7 case
Peruvian peruvian ADJ 7 amod
imports import NOUN 4 nmod
. . PUNCT 2 punct`, nil},
	{"giving a country the go-ahead is no aid", `
the the DET 2 det
ministers minister NOUN 3 nsubj
gave give VERB 0 root Tense=Past
Peru Peru PROPN 3 iobj
a a DET 6 det
go go NOUN 3 obj
- - PUNCT 8 punct
ahead ahead ADV 3 advmod
. . PUNCT 3 punct`, nil},
	{"a money market operation is no diplomacy", `
Chile Chile PROPN 2 nsubj
offered offer VERB 0 root Tense=Past
to to PART 4 mark
drain drain VERB 2 xcomp VerbForm=Inf
funds fund NOUN 4 obj
with with ADP 8 case
repurchase repurchase NOUN 8 compound
agreements agreement NOUN 4 conj
. . PUNCT 2 punct`, nil},
	{"asking whether is a question, no appeal", `
Peru Peru PROPN 2 nsubj
asked ask VERB 0 root Tense=Past
whether whether SCONJ 6 mark
Chile Chile PROPN 6 nsubj
had have AUX 6 aux
opposed oppose VERB 2 ccomp Tense=Past|VerbForm=Part
the the DET 8 det
sales sale NOUN 6 obj
. . PUNCT 2 punct`, nil},
	{"shipments that should rise make no demand", `
Peru Peru PROPN 2 nsubj
said say VERB 0 root Tense=Past
Chilean chilean ADJ 4 amod
shipments shipment NOUN 6 nsubj
should should AUX 6 aux
rise rise VERB 2 ccomp VerbForm=Inf
. . PUNCT 2 punct`, nil},
	{"a pronoun's mistagged past tense is active", `
Peru Peru PROPN 2 nsubj
said say VERB 0 root Tense=Past
he he PRON 4 nsubj
opposed oppose VERB 2 ccomp Tense=Past|VerbForm=Part|Voice=Pass
efforts effort NOUN 4 obj
by by ADP 7 case
Chile Chile PROPN 5 nmod
. . PUNCT 2 punct`, []string{"PER CHL 120 rep"}},
	{"calling someone to warn them is a phone call, no appeal", `
Chile Chile PROPN 2 nsubj
called call VERB 0 root Tense=Past
Peru Peru PROPN 2 obj
to to PART 5 mark
warn warn VERB 2 advcl VerbForm=Inf
it it PRON 5 obj
. . PUNCT 2 punct`, []string{"CHL PER 041", "PER CHL 041"}},
	{"providing a share of imports is trade, not aid", `
Chile Chile PROPN 2 nsubj
provides provide VERB 0 root Tense=Pres
50 50 NUM 4 nummod
pct pct NOUN 2 obj
of of ADP 8 case
Peru Peru PROPN 8 nmod:poss
's 's PART 6 case
imports import NOUN 4 nmod
. . PUNCT 2 punct`, nil},
	{"a policy move names no doer", `
Peruvian peruvian ADJ 2 amod
exporters exporter NOUN 4 nsubj:pass
were be AUX 4 aux:pass
hit hit VERB 0 root Tense=Past|VerbForm=Part|Voice=Pass
by by ADP 8 case
the the DET 8 det
Chilean chilean ADJ 8 amod
move move NOUN 4 obl:agent
. . PUNCT 4 punct`, nil},
	{"five parties agreeing act each on their own", `
Chile Chile PROPN 10 nsubj
, , PUNCT 3 punct
Peru Peru PROPN 1 conj
, , PUNCT 5 punct
Bolivia Bolivia PROPN 1 conj
, , PUNCT 7 punct
Ecuador Ecuador PROPN 1 conj
and and CCONJ 9 cc
Colombia Colombia PROPN 1 conj
agreed agree VERB 0 root Tense=Past
. . PUNCT 10 punct`, []string{"BOL  019", "CHL  019", "COL  019", "ECU  019", "PER  019"}},
	{"a doer named by its country still acts", `
Chile Chile PROPN 3 nmod:poss
's 's PART 1 case
warplanes warplane NOUN 4 nsubj
attacked attack VERB 0 root Tense=Past
Peru Peru PROPN 4 obj
. . PUNCT 4 punct`, []string{"CHLMIL PER 190"}},
	{"an act avoided is not done", `
Chile Chile PROPN 2 nsubj
avoided avoid VERB 0 root Tense=Past
condemning condemn VERB 2 advcl VerbForm=Ger
Peru Peru PROPN 3 obj
. . PUNCT 2 punct`, []string{"CHL PER 110 neg"}},
	{"an act refrained from is not done", `
Chile Chile PROPN 2 nsubj
refrained refrain VERB 0 root Tense=Past
from from SCONJ 4 mark
attacking attack VERB 2 advcl VerbForm=Ger
Peru Peru PROPN 4 obj
. . PUNCT 2 punct`, []string{"CHL PER 190 neg"}},
	{"two signers of an accord sign it with each other", `
Chile Chile PROPN 4 nsubj
and and CCONJ 3 cc
Peru Peru PROPN 1 conj
signed sign VERB 0 root Tense=Past
a a DET 6 det
memorandum memorandum NOUN 4 obj
. . PUNCT 4 punct`, []string{"CHL PER 057", "PER CHL 057"}},
	{"one signer of an accord signs alone", `
Chile Chile PROPN 2 nsubj
signed sign VERB 0 root Tense=Past
a a DET 4 det
memorandum memorandum NOUN 2 obj
. . PUNCT 2 punct`, []string{"CHL  057"}},
	{"many signers of an accord sign no dyads", `
Chile Chile PROPN 10 nsubj
, , PUNCT 3 punct
Peru Peru PROPN 1 conj
, , PUNCT 5 punct
Bolivia Bolivia PROPN 1 conj
, , PUNCT 7 punct
Ecuador Ecuador PROPN 1 conj
and and CCONJ 9 cc
Colombia Colombia PROPN 1 conj
signed sign VERB 0 root Tense=Past
a a DET 12 det
treaty treaty NOUN 10 obj
. . PUNCT 10 punct`, []string{"BOL  057", "CHL  057", "COL  057", "ECU  057", "PER  057"}},
}

func TestPrecision(t *testing.T) {
	c := testCoder(t)
	for _, tc := range precisionCases {
		t.Run(tc.name, func(t *testing.T) {
			d := tree(t, tc.tree)
			got := triples(c.Code(d, nil, nil))
			if !slices.Equal(got, tc.want) {
				t.Errorf("%s\n got %q\nwant %q", d.Text, got, tc.want)
			}
		})
	}
}

func TestBusinessDeals(t *testing.T) {
	c := testCoder(t)
	firm := Actor{Code: "---BUS", Entity: "e1"}
	bank := Actor{Code: "---BUS", Entity: "e2"}
	tests := []struct {
		tree   string
		actors stubActors
		want   []string
	}{
		// a firm's cooperation with another firm is commerce
		{`
the the DET 2 det
company company NOUN 3 nsubj
agreed agree VERB 0 root Tense=Past
to to PART 5 mark
help help VERB 3 xcomp VerbForm=Inf
the the DET 7 det
bank bank NOUN 5 obj
. . PUNCT 3 punct`, stubActors{1: firm, 6: bank}, nil},
		// with a state it is coded
		{`
the the DET 2 det
company company NOUN 3 nsubj
agreed agree VERB 0 root Tense=Past
to to PART 5 mark
help help VERB 3 xcomp VerbForm=Inf
Peru Peru PROPN 5 obj
. . PUNCT 3 punct`, stubActors{1: firm, 5: {Code: "PER", Entity: "e3"}}, []string{"---BUS PER 033"}},
		// what a firm says stays coded
		{`
the the DET 2 det
company company NOUN 3 nsubj
declined decline VERB 0 root Tense=Past
to to PART 5 mark
comment comment VERB 3 xcomp VerbForm=Inf
. . PUNCT 3 punct`, stubActors{1: firm}, []string{"---BUS  011"}},
		// a court letting firms trade lets in no foreign involvement
		{`
the the DET 2 det
court court NOUN 3 nsubj
allowed allow VERB 0 root Tense=Past
the the DET 5 det
companies company NOUN 3 obj
to to PART 7 mark
offer offer VERB 3 xcomp VerbForm=Inf
services service NOUN 7 obj
. . PUNCT 3 punct`, stubActors{1: {Code: "---JUD", Entity: "e1"}, 4: bank}, nil},
		// one official claiming another's attack owns up to nothing,
		// though both carry one code (an accusation within one side is
		// not coded); claiming his own is owning up to it
		{`
Baker Baker PROPN 2 nsubj
claimed claim VERB 0 root Tense=Past
Weinberger Weinberger PROPN 4 nsubj
attacked attack VERB 2 ccomp Tense=Past
Iraq Iraq PROPN 4 obj
. . PUNCT 2 punct`, stubActors{0: {Code: "USAGOV", Entity: "e1"}, 2: {Code: "USAGOV", Entity: "e2"}, 4: {Code: "IRQ", Entity: "e3"}}, nil},
		{`
Baker Baker PROPN 2 nsubj
claimed claim VERB 0 root Tense=Past
Baker Baker PROPN 4 nsubj
attacked attack VERB 2 ccomp Tense=Past
Iraq Iraq PROPN 4 obj
. . PUNCT 2 punct`, stubActors{0: {Code: "USAGOV", Entity: "e1"}, 2: {Code: "USAGOV", Entity: "e1"}, 4: {Code: "IRQ", Entity: "e3"}}, []string{"USAGOV IRQ 015"}},
		// the press monitoring a broadcast investigates no one (by:MED=-);
		// observers monitoring a vote do
		{`
the the DET 2 det
BBC BBC PROPN 3 nsubj
monitored monitor VERB 0 root Tense=Past
Iranian Iranian ADJ 5 amod
radio radio NOUN 3 obj
. . PUNCT 3 punct`, stubActors{1: {Code: "GBRMED", Entity: "e1"}, 3: {Code: "IRNMED", Entity: "e2"}}, nil},
		{`
the the DET 2 det
UN UN PROPN 3 nsubj
monitored monitor VERB 0 root Tense=Past
Peru Peru PROPN 3 obj
. . PUNCT 3 punct`, stubActors{1: {Code: "IGOUNO", Entity: "e1"}, 3: {Code: "PER", Entity: "e2"}}, []string{"IGOUNO PER 090"}},
		// the listener of "told", misread into the next noun phrase, is
		// not its doer
		{`
traders trader NOUN 2 nsubj
told tell VERB 0 root Tense=Past
Reuters Reuters PROPN 5 amod
coffee coffee NOUN 5 compound
producers producer NOUN 7 nsubj
will will AUX 7 aux
boycott boycott VERB 2 ccomp VerbForm=Inf
Peru Peru PROPN 7 obj
. . PUNCT 2 punct`, stubActors{2: {Code: "GBRMED", Entity: "e1"}, 7: {Code: "PER", Entity: "e2"}}, nil},
		// an agent after "by", read by the parser as the subject of the
		// next clause, is not its doer
		{`
officials official NOUN 2 nsubj
contacted contact VERB 0 root Tense=Past
by by ADP 5 mark
Reuters Reuters PROPN 5 nsubj
declined decline VERB 2 advcl Tense=Past
to to PART 7 mark
comment comment VERB 5 xcomp VerbForm=Inf
. . PUNCT 2 punct`, stubActors{3: {Code: "GBRMED", Entity: "e1"}}, nil},
		// "they" in what one person says are not that person
		{`
Chirac Chirac PROPN 2 nsubj
said say VERB 0 root Tense=Past
they they PRON 4 nsubj
ignore ignore VERB 2 ccomp Tense=Pres
Peru Peru PROPN 4 obj
. . PUNCT 2 punct`, stubActors{0: {Code: "FRAGOV", Entity: "e1", Person: true}, 4: {Code: "PER", Entity: "e2"}}, nil},
		// a firm's official speaks for the firm, not for a government
		{`
an a DET 2 det
official official NOUN 6 nsubj
of of ADP 5 case
the the DET 5 det
firm firm NOUN 2 nmod
accused accuse VERB 0 root Tense=Past
Peru Peru PROPN 6 obj
. . PUNCT 6 punct`, stubActors{1: {Code: "---GOV", Entity: "e1"}, 4: {Code: "CHLBUS", Entity: "e2"}, 6: {Code: "PER", Entity: "e3"}}, []string{"CHLBUS PER 112"}},
	}
	for _, tc := range tests {
		d := tree(t, tc.tree)
		if got := triples(c.Code(d, tc.actors, nil)); !slices.Equal(got, tc.want) {
			t.Errorf("%s: got %q, want %q", d.Text, got, tc.want)
		}
	}
}

func TestNoActPattern(t *testing.T) {
	l, err := ParseLexicon(strings.NewReader("-\treceive order\n043\treceive +\tstrict\n"), "t")
	if err != nil {
		t.Fatal(err)
	}
	rs := l.verbs["receive"]
	if len(rs) != 2 || rs[0].Code != NoAct || !slices.Equal(rs[0].Words, []string{"order"}) || !rs[1].Strict {
		t.Fatalf("got %+v", rs)
	}
	if _, err := ParseLexicon(strings.NewReader("-x\treceive order\n"), "t"); err == nil {
		t.Error("a code other than digits or - was accepted")
	}
}
