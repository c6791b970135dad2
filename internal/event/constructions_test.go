package event

import (
	"slices"
	"sync"
	"testing"

	"github.com/dyadhq/dyad/pkg/doc"
)

func testCoder(t testing.TB) *Coder {
	t.Helper()
	c, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// Each case is a sentence written for this test, parsed by hand in UD.
var constructionCases = []struct {
	name  string
	tree  string
	times []Span
	want  []string
}{
	{"a participle with a by-phrase read as a clause is passive", `
workers worker NOUN 2 nsubj
held hold VERB 0 root Tense=Past|VerbForm=Part
hostage hostage NOUN 2 obj
by by ADP 5 case
Peru Peru PROPN 3 nmod
. . PUNCT 2 punct`, nil, []string{"PER ---LAB 181"}},
	{"the outcome of a condition is conditional", `
if if SCONJ 3 mark
Peru Peru PROPN 3 nsubj
fails fail VERB 6 advcl Tense=Pres
, , PUNCT 3 punct
Chile Chile PROPN 6 nsubj
attacks attack VERB 0 root Tense=Pres
Peru Peru PROPN 6 obj
. . PUNCT 6 punct`, nil, []string{"CHL PER 190 conditional"}},
	{"a participle's doer read off the words when the tree lost it", `
After after SCONJ 2 mark
talking talk VERB 0 root Tense=Pres|VerbForm=Part
with with ADP 9 mark
Chile Chile PROPN 9 nsubj
for for ADP 7 case
an a DET 7 det
hour hour NOUN 4 nmod
Peru Peru PROPN 9 nsubj
left leave VERB 2 advcl Tense=Past|VerbForm=Fin
. . PUNCT 2 punct`, nil, []string{"CHL PER 040", "PER CHL 040"}},
	{"active", `
Russia Russia PROPN 2 nsubj
attacked attack VERB 0 root Tense=Past|VerbForm=Fin
Georgia Georgia PROPN 2 obj
. . PUNCT 2 punct`, nil, []string{"RUS GEO 190"}},
	{"passive with by-agent", `
Georgia Georgia PROPN 3 nsubj:pass
was be AUX 3 aux:pass
attacked attack VERB 0 root Tense=Past|VerbForm=Part|Voice=Pass
by by ADP 5 case
Russia Russia PROPN 3 obl:agent
. . PUNCT 3 punct`, nil, []string{"RUS GEO 190"}},
	{"particle and preposition", `
Syria Syria PROPN 2 nsubj
cracked crack VERB 0 root Tense=Past
down down ADP 2 compound:prt
on on ADP 5 case
Turkey Turkey PROPN 2 obl
. . PUNCT 2 punct`, nil, []string{"SYR TUR 175"}},
	{"light verb", `
Japan Japan PROPN 2 nsubj
held hold VERB 0 root Tense=Past
talks talk NOUN 2 obj
with with ADP 5 case
China China PROPN 3 nmod
. . PUNCT 2 punct`, nil, []string{"CHN JPN 046", "JPN CHN 046"}},
	{"nominal between", `
Talks talk NOUN 6 nsubj
between between ADP 3 case
India India PROPN 1 nmod
and and CCONJ 5 cc
Pakistan Pakistan PROPN 3 conj
ended end VERB 0 root
. . PUNCT 6 punct`, nil, []string{"IND PAK 040", "PAK IND 040"}},
	{"nominal with possessive", `
Russia Russia PROPN 3 nmod:poss
's 's PART 1 case
attack attack NOUN 7 nsubj
on on ADP 5 case
Georgia Georgia PROPN 3 nmod
was be AUX 7 cop
brutal brutal ADJ 0 root
. . PUNCT 7 punct`, nil, []string{"RUS GEO 190"}},
	{"nominal only talked about", `
Trump Trump PROPN 2 nsubj
discussed discuss VERB 0 root Tense=Past
an a DET 4 det
assault assault NOUN 2 obj
against against ADP 6 case
Syria Syria PROPN 4 nmod
. . PUNCT 2 punct`, nil, nil},
	{"control: agreed to meet", `
Iran Iran PROPN 2 nsubj
agreed agree VERB 0 root Tense=Past
to to PART 4 mark
meet meet VERB 2 xcomp VerbForm=Inf
Iraq Iraq PROPN 4 obj
. . PUNCT 2 punct`, nil, []string{"IRN IRQ 036"}},
	{"object control: urged to negotiate", `
France France PROPN 2 nsubj
urged urge VERB 0 root Tense=Past
Germany Germany PROPN 2 obj
to to PART 5 mark
negotiate negotiate VERB 2 xcomp VerbForm=Inf
. . PUNCT 2 punct`, nil, []string{"FRA DEU 026"}},
	{"threatened to impose sanctions", `
Israel Israel PROPN 2 nsubj
threatened threaten VERB 0 root Tense=Past
to to PART 4 mark
impose impose VERB 2 xcomp VerbForm=Inf
sanctions sanction NOUN 4 obj
on on ADP 7 case
Lebanon Lebanon PROPN 4 obl
. . PUNCT 2 punct`, nil, []string{"ISR LBN 1312"}},
	{"coordinated subjects", `
Egypt Egypt PROPN 4 nsubj
and and CCONJ 3 cc
Jordan Jordan PROPN 1 conj
condemned condemn VERB 0 root Tense=Past
Israel Israel PROPN 4 obj
. . PUNCT 4 punct`, nil, []string{"EGY ISR 110", "JOR ISR 110"}},
	{"coordinated verbs", `
Russia Russia PROPN 2 nsubj
criticized criticize VERB 0 root Tense=Past
Turkey Turkey PROPN 2 obj
and and CCONJ 5 cc
praised praise VERB 2 conj Tense=Past
Iran Iran PROPN 5 obj
. . PUNCT 2 punct`, nil, []string{"RUS IRN 051", "RUS TUR 110"}},
	{"symmetric with coordinated subjects", `
Trump Trump PROPN 4 nsubj
and and CCONJ 3 cc
Putin Putin PROPN 1 conj
met meet VERB 0 root Tense=Past
. . PUNCT 4 punct`, nil, []string{"RUSGOV USAGOV 040", "USAGOV RUSGOV 040"}},
	{"symmetric with object", `
Trump Trump PROPN 2 nsubj
phoned phone VERB 0 root Tense=Past
Putin Putin PROPN 2 obj
. . PUNCT 2 punct`, nil, []string{"RUSGOV USAGOV 041", "USAGOV RUSGOV 041"}},
	{"negation", `
Russia Russia PROPN 4 nsubj
did do AUX 4 aux
not not PART 4 advmod
attack attack VERB 0 root VerbForm=Inf
Georgia Georgia PROPN 4 obj
. . PUNCT 4 punct`, nil, []string{"RUS GEO 190 neg"}},
	{"too early: not coded", `
Trump Trump PROPN 2 nsubj
said say VERB 0 root Tense=Past
it it PRON 6 nsubj
was be AUX 6 cop
too too ADV 6 advmod
early early ADJ 2 ccomp
to to PART 8 mark
lift lift VERB 6 xcomp VerbForm=Inf
sanctions sanction NOUN 8 obj
against against ADP 11 case
Russia Russia PROPN 9 nmod
. . PUNCT 2 punct`, nil, nil},
	{"conditional", `
If if SCONJ 3 mark
Iran Iran PROPN 3 nsubj
attacks attack VERB 8 advcl Tense=Pres
Iraq Iraq PROPN 3 obj
, , PUNCT 8 punct
Syria Syria PROPN 8 nsubj
will will AUX 8 aux
respond respond VERB 0 root
. . PUNCT 8 punct`, nil, []string{"IRN IRQ 190 conditional"}},
	{"reported", `
It it PRON 3 nsubj:pass
was be AUX 3 aux:pass
reported report VERB 0 root Tense=Past|VerbForm=Part
that that SCONJ 8 mark
Trump Trump PROPN 8 nsubj
and and CCONJ 7 cc
Putin Putin PROPN 5 conj
discussed discuss VERB 3 ccomp Tense=Past
Syria Syria PROPN 8 obj
. . PUNCT 3 punct`, nil, []string{"RUSGOV USAGOV 040 rep", "USAGOV RUSGOV 040 rep"}},
	{"future is flagged", `
Germany Germany PROPN 3 nsubj
will will AUX 3 aux
meet meet VERB 0 root VerbForm=Inf
France France PROPN 3 obj
. . PUNCT 3 punct`, nil, []string{"DEU FRA 040 future", "FRA DEU 040 future"}},
	{"speaker's own act is a threat", `
" " PUNCT 3 punct
We we PRON 3 nsubj
knock knock VERB 0 root Tense=Pres
the the DET 5 det
hell hell NOUN 3 obj
out out ADP 8 case
of of ADP 8 case
ISIS ISIS PROPN 3 obl
, , PUNCT 3 punct
" " PUNCT 3 punct
Trump Trump PROPN 12 nsubj
said say VERB 3 parataxis Tense=Past
. . PUNCT 3 punct`, nil, []string{"USAGOV IMGMUSISI 138 rep"}},
	{"comment cue", `
Lavrov Lavrov PROPN 2 nsubj
said say VERB 0 root Tense=Past
he he PRON 5 nsubj
was be AUX 5 cop
cautious cautious ADJ 2 ccomp
about about ADP 9 case
the the DET 9 det
United United PROPN 9 compound
States States PROPN 5 obl
. . PUNCT 2 punct`, nil, []string{"RUSGOV USA 012"}},
	{"participial clause takes the main subject", `
After after SCONJ 2 mark
meeting meet VERB 6 advcl VerbForm=Ger
Putin Putin PROPN 2 obj
, , PUNCT 6 punct
Trump Trump PROPN 6 nsubj
left leave VERB 0 root Tense=Past
. . PUNCT 6 punct`, nil, []string{"RUSGOV USAGOV 040", "USAGOV RUSGOV 040"}},
	{"frame without a known act: intent by default", `
Jordan Jordan PROPN 5 nsubj
and and CCONJ 3 cc
Britain Britain PROPN 1 conj
have have AUX 5 aux
agreed agree VERB 0 root Tense=Past|VerbForm=Part
to to PART 7 mark
undertake undertake VERB 5 xcomp VerbForm=Inf
exercises exercise NOUN 7 obj
. . PUNCT 5 punct`, nil, []string{"GBR JOR 030", "JOR GBR 030"}},
	{"passive participle modifying its target", `
Turkish Turkish ADJ 2 amod
soldiers soldier NOUN 6 nsubj
attacked attack VERB 2 acl Tense=Past|VerbForm=Part
by by ADP 5 case
Syria Syria PROPN 3 obl:agent
died die VERB 0 root Tense=Past
. . PUNCT 6 punct`, nil, []string{"SYR TURMIL 190"}},
	{"purpose clause is not an act", `
Turkey Turkey PROPN 2 nsubj
moved move VERB 0 root Tense=Past
troops troop NOUN 2 obj
to to PART 5 mark
attack attack VERB 2 advcl VerbForm=Inf
Syria Syria PROPN 5 obj
. . PUNCT 2 punct`, nil, nil},
}

func TestConstructions(t *testing.T) {
	c := testCoder(t)
	for _, tc := range append(constructionCases[:len(constructionCases):len(constructionCases)], recallCases...) {
		t.Run(tc.name, func(t *testing.T) {
			d := tree(t, tc.tree)
			got := triples(c.Code(d, nil, tc.times))
			if !slices.Equal(got, tc.want) {
				t.Errorf("%s\n got %q\nwant %q", d.Text, got, tc.want)
			}
		})
	}
}

func TestMergeAndTime(t *testing.T) {
	c := testCoder(t)
	d := tree(t, `
Trump Trump PROPN 2 nsubj
met meet VERB 0 root Tense=Past
Putin Putin PROPN 2 obj
. . PUNCT 2 punct

Trump Trump PROPN 2 nsubj
met meet VERB 0 root Tense=Past
Putin Putin PROPN 2 obj
on on ADP 5 case
Friday Friday PROPN 2 obl
. . PUNCT 2 punct`)
	fri := d.Tokens[8]
	if d.Text[fri.Start:fri.End] != "Friday" {
		t.Fatalf("token 8 is %q", d.Text[fri.Start:fri.End])
	}
	evs := c.Code(d, nil, []Span{{fri.Start, fri.End}})
	if len(evs) != 2 {
		t.Fatalf("got %d events %q, want the meeting in both directions once", len(evs), triples(evs))
	}
	for _, e := range evs {
		if len(e.Mentions) != 2 || e.Mentions[0].Sentence != 0 || e.Mentions[1].Sentence != 1 {
			t.Errorf("%s: mentions %+v, want sentences 0 and 1", e.Code, e.Mentions)
		}
		if e.Time != 0 {
			t.Errorf("%s: time %d, want 0 (on Friday)", e.Code, e.Time)
		}
	}
}

// stubActors is what the entity stage hands in: here "he" is Putin.
type stubActors map[int]Actor

func (s stubActors) ActorAt(tok int) (Actor, bool) { a, ok := s[tok]; return a, ok }

func TestGivenActors(t *testing.T) {
	c := testCoder(t)
	d := tree(t, `
He he PRON 2 nsubj
visited visit VERB 0 root Tense=Past
Berlin Berlin PROPN 2 obj
. . PUNCT 2 punct`)
	acts := stubActors{0: {Code: "RUSGOV", Entity: "e1"}, 2: {Code: "DEU", Entity: "e2"}}
	evs := c.Code(d, acts, nil)
	if got := triples(evs); !slices.Equal(got, []string{"RUSGOV DEU 042"}) {
		t.Fatalf("got %q", got)
	}
	if evs[0].Source.Entity != "e1" || evs[0].Target.Entity != "e2" || evs[0].Trigger != 1 {
		t.Errorf("event %+v does not carry the given entities and trigger", evs[0])
	}
}

// TestConcurrent codes the construction trees from several goroutines at
// once: the coder shares its lexicon and pools its scratch space.
func TestConcurrent(t *testing.T) {
	c := testCoder(t)
	docs := make([]*doc.Document, len(constructionCases))
	want := make([][]string, len(constructionCases))
	for i, tc := range constructionCases {
		docs[i] = tree(t, tc.tree)
		want[i] = triples(c.Code(docs[i], nil, tc.times))
	}
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := 0; r < 20; r++ {
				for i, d := range docs {
					if got := triples(c.Code(d, nil, constructionCases[i].times)); !slices.Equal(got, want[i]) {
						t.Errorf("%s: concurrent run got %q, want %q", constructionCases[i].name, got, want[i])
						return
					}
				}
			}
		}()
	}
	wg.Wait()
}

func TestLocation(t *testing.T) {
	c := testCoder(t)
	d := tree(t, `
Russia Russia PROPN 2 nsubj
attacked attack VERB 0 root Tense=Past
Georgia Georgia PROPN 2 obj
in in ADP 6 case
the the DET 6 det
mountains mountain NOUN 2 obl
near near ADP 8 case
Moscow Moscow PROPN 2 obl
. . PUNCT 2 punct`)
	evs := c.Code(d, nil, nil)
	if len(evs) != 1 {
		t.Fatalf("got %q", triples(evs))
	}
	l := evs[0].Location
	if l.Code == "" || d.Text[l.Start:l.End] != "Moscow" {
		t.Errorf("location %+v, want Moscow", l)
	}
}

// "should" under a speech verb makes a demand only on an actor: with the
// bank a known entity, "gold should rise, the bank said" is a forecast.
func TestShouldNeedsAnActor(t *testing.T) {
	c := testCoder(t)
	bank := Actor{Code: "---BUS", Entity: "e1"}
	tests := []struct {
		tree   string
		actors stubActors
		want   []string
	}{
		{`
Gold gold NOUN 3 nsubj
should should AUX 3 aux
rise rise VERB 7 ccomp VerbForm=Inf
, , PUNCT 3 punct
the the DET 6 det
bank bank NOUN 7 nsubj
said say VERB 0 root Tense=Past
. . PUNCT 7 punct`, stubActors{5: bank}, nil},
		{`
Japan Japan PROPN 3 nsubj
should should AUX 3 aux
withdraw withdraw VERB 7 ccomp VerbForm=Inf
, , PUNCT 3 punct
the the DET 6 det
bank bank NOUN 7 nsubj
said say VERB 0 root Tense=Past
. . PUNCT 7 punct`, stubActors{0: {Code: "JPN", Entity: "e2"}, 5: bank}, []string{"---BUS JPN 106"}},
	}
	for _, tc := range tests {
		d := tree(t, tc.tree)
		if got := triples(c.Code(d, tc.actors, nil)); !slices.Equal(got, tc.want) {
			t.Errorf("%s: got %q, want %q", d.Text, got, tc.want)
		}
	}
}
