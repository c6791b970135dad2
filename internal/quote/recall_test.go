package quote

import "testing"

// Constructions added for recall on attribution corpora, one sentence
// each, written for these tests.
func TestRecallConstructions(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       []want
	}{
		{"parenthetical after one word", `Loyalty, he noted, has long been a core value of the party.`,
			[]want{{kind: Indirect, text: "Loyalty, he noted, has long been a core value of the party", phrase: "he", cue: "note"}}},
		{"parenthetical with adjuncts", `The company built the tool for emergencies, a spokeswoman said on Saturday, and it has used the tool five times.`,
			[]want{{kind: Indirect, text: "The company built the tool for emergencies, a spokeswoman said on Saturday, and it has used the tool five times", phrase: "a spokeswoman", anonymous: true}}},
		{"said with a prepositional subject", `The budget office said about half of the increase reflected lower revenue.`,
			[]want{{kind: Indirect, text: "about half of the increase reflected lower revenue", phrase: "The budget office"}}},
		{"said with a gerund subject", `He said legalizing it could put thousands of people to work.`,
			[]want{{kind: Indirect, text: "legalizing it could put thousands of people to work", cue: "say"}}},
		{"said with a conditional", `Cruz said if elected he would work with Congress.`,
			[]want{{kind: Indirect, text: "if elected he would work with Congress", phrase: "Cruz"}}},
		{"said with a determiner subject", `Comey said those statements were wrong.`,
			[]want{{kind: Indirect, text: "those statements were wrong", phrase: "Comey"}}},
		{"surname after a quote", `"This last-minute legislating has to stop," Husted said.`,
			[]want{{kind: Direct, phrase: "Husted", cue: "say"}}},
		{"frame ends at when", `"Anyone can change," he said when asked about Trump.`,
			[]want{{kind: Direct, text: `"Anyone can change,"`, phrase: "he", cue: "say"}}},
		{"that-only verb before a colon", `It continued: "Probable cause exists to charge him."`,
			[]want{{kind: Direct, text: `"Probable cause exists to charge him."`, phrase: "It", cue: "continue", anonymous: true}}},
		{"any verb before a colon", `The senator shrugged: "Whichever one I am in at the moment."`,
			[]want{{kind: Direct, phrase: "The senator", cue: "shrug"}}},
		{"name and colon", `The reaction was swift. Donald Trump: "Appreciate the congrats for being right."`,
			[]want{{kind: Direct, phrase: "Donald Trump", cue: ":"}}},
		{"adding after a final cue", `Mateen left as soon as prayers were finished, Nefzi said, adding, "He was not very religious."`,
			[]want{{kind: Indirect, text: "Mateen left as soon as prayers were finished", phrase: "Nefzi"},
				{kind: Direct, text: `"He was not very religious."`, phrase: "Nefzi", cue: "add"}}},
		{"cue in a relative clause", `There has been a surge of independents, which Democrats say could be aiding Sanders.`,
			[]want{{kind: Indirect, text: "which Democrats say could be aiding Sanders", phrase: "Democrats", cue: "say"}}},
		{"relative clause in an inverted frame", `"I want the economy to grow," says Misha Shah, an executive for a firm that sells software.`,
			[]want{{kind: Direct, text: `"I want the economy to grow,"`, cue: "say"}}},
		{"quoted fragment over two sentences", `He said that ethanol producers "do a fantastic job. And it is so important."`,
			[]want{{kind: Mixed, text: `that ethanol producers "do a fantastic job. And it is so important."`, phrase: "He"}}},
		{"in a poll", `In a new poll released Thursday, Trump leads Clinton by five points.`,
			[]want{{kind: Indirect, text: "Trump leads Clinton by five points", phrase: "a new poll released Thursday", cue: "in"}}},
		{"in a view", `In Trump's view, the deal was a disaster.`,
			[]want{{kind: Indirect, text: "the deal was a disaster", phrase: "Trump's view", cue: "in"}}},
		{"in an interview is a venue", `In an interview, Trump said the talks had failed.`,
			[]want{{kind: Indirect, text: "the talks had failed", phrase: "Trump", cue: "say"}}},
		{"joined verbs", `Graham called both men "crazy" and said the party would lose.`,
			[]want{{kind: Indirect, text: "the party would lose", phrase: "Graham", cue: "say"}}},
		{"reiterate", `Clinton reiterated that she would not raise taxes.`,
			[]want{{kind: Indirect, text: "that she would not raise taxes", cue: "reiterate"}}},
		{"according to an unusual source", `She was leading in Kentucky, according to complete but unofficial returns.`,
			[]want{{kind: Indirect, text: "She was leading in Kentucky", phrase: "complete but unofficial returns", cue: "according to"}}},
		{"final that-only verb", `A company gave $5,000 to the committee in June, campaign finance records show.`,
			[]want{{kind: Indirect, text: "A company gave $5,000 to the committee in June", phrase: "campaign finance records", cue: "show"}}},
		{"made it clear", `The governor made it clear that he would not run.`,
			[]want{{kind: Indirect, text: "that he would not run", phrase: "The governor", cue: "make clear"}}},
		{"verb of manner after a quote", `"Start with the facts, you fool," Oliver barked.`,
			[]want{{kind: Direct, text: `"Start with the facts, you fool,"`, phrase: "Oliver", cue: "bark"}}},
		{"verb of manner with an object is no frame", `"We won," Oliver barked at the reporters.`, nil},
		{"party and state tag", `"There is tremendous energy," Rep. Earl Blumenauer (D-Ore.) said.`,
			[]want{{kind: Direct, phrase: "Rep. Earl Blumenauer (D-Ore.)", cue: "say"}}},
		{"second predicate ends the content", `Trump said that it would be hard for Romney to attend, but downplayed the issue.`,
			[]want{{kind: Indirect, text: "that it would be hard for Romney to attend", phrase: "Trump", cue: "say"}}},
		{"relative pronoun speaker", `The group is led by Jon Smith, who said the plan had failed.`,
			[]want{{kind: Indirect, text: "the plan had failed", phrase: "who", speaker: "Jon Smith", cue: "say"}}},
		{"said no", `The senator said no.`,
			[]want{{kind: Indirect, text: "no", phrase: "The senator", cue: "say"}}},
		{"said the same", `Last month, 26 percent said the same.`,
			[]want{{kind: Indirect, text: "the same", phrase: "26 percent", cue: "say"}}},
		{"said goodbye is not a clause", `The senator said goodbye to his staff and left the building.`, nil},
		{"embedded question", `No one knows what the field will look like in March.`,
			[]want{{kind: Indirect, text: "what the field will look like in March", cue: "know"}}},
		{"explained why", `She explained why she had left the party.`,
			[]want{{kind: Indirect, text: "why she had left the party", phrase: "She", cue: "explain"}}},
		{"know without that", `We know they are big and persistent.`,
			[]want{{kind: Indirect, text: "they are big and persistent", phrase: "We", cue: "know"}}},
		{"headline says", "Trump Says Clinton Lied About Her Emails\n\nThe story follows.",
			[]want{{kind: Indirect, text: "Clinton Lied About Her Emails", phrase: "Trump", cue: "say"}}},
		{"headline label", "Clinton: Time for a New Strategy Against ISIS\n\nThe story follows.",
			[]want{{kind: Direct, text: "Time for a New Strategy Against ISIS", phrase: "Clinton", cue: ":"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, qs := analyze(t, tc.text, nil)
			qs = quotesOnly(qs)
			if len(qs) != len(tc.want) {
				t.Fatalf("got %d quotes, want %d: %s", len(qs), len(tc.want), dump(d, qs))
			}
			for i, w := range tc.want {
				checkQuote(t, d, qs, i, w)
			}
		})
	}
}

// Stances added for recall: positions held without reported words.
func TestRecallStances(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       []want
	}{
		{"called with a possessive object", `Beruff called Florida's standards "strong."`,
			[]want{{kind: Stance, text: `Florida's standards "strong."`, phrase: "Beruff", cue: "call"}}},
		{"called her son her hero", `Sanders called her son her hero.`,
			[]want{{kind: Stance, text: "her son her hero", phrase: "Sanders", cue: "call"}}},
		{"object ends at a comma", `Trump refused to endorse Ryan, a move that stunned the party.`,
			[]want{{kind: Stance, text: "to endorse Ryan", phrase: "Trump", cue: "refuse"}}},
		{"object goes on after who", `Trump praised Jeb Bush, who dropped out on Saturday.`,
			[]want{{kind: Stance, text: "Jeb Bush, who dropped out on Saturday", phrase: "Trump", cue: "praise"}}},
		{"noun with a possessor", `Sessions's endorsement of Trump is not good news for Cruz.`,
			[]want{{kind: Stance, text: "Trump", phrase: "Sessions", cue: "endorsement"}}},
		{"noun with that", `Trump dropped his claim that the vote was rigged.`,
			[]want{{kind: Stance, text: "that the vote was rigged", phrase: "his", cue: "claim"}}},
		{"noun with an infinitive", `His calls to end the war went unheeded.`,
			[]want{{kind: Stance, text: "to end the war", phrase: "His", cue: "call"}}},
		{"seem", `The court seemed to send a signal, which surprised many.`,
			[]want{{kind: Stance, text: "The court seemed to send a signal", cue: "seem"}}},
		{"object after a final stance verb", `Later, he added trucks, and, still later, he attacked power plant emissions.`,
			[]want{{kind: Stance, text: "power plant emissions", phrase: "he", cue: "attack"}}},
		{"verb after a subject pronoun", `She backs tougher regulations on banks.`,
			[]want{{kind: Stance, text: "tougher regulations on banks", phrase: "She", cue: "back"}}},
		{"gerund object", `Cruz supports squeezing out undocumented immigrants.`,
			[]want{{kind: Stance, text: "squeezing out undocumented immigrants", phrase: "Cruz", cue: "support"}}},
		{"pointed to", `They pointed to the example of Indiana.`,
			[]want{{kind: Stance, text: "the example of Indiana", phrase: "They", cue: "point"}}},
		{"adverb before a particle", `Sanders talked again about free college.`,
			[]want{{kind: Stance, text: "free college", phrase: "Sanders", cue: "talk"}}},
		{"particle to before an infinitive", `The court agreed to take a second look at the case.`,
			[]want{{kind: Stance, text: "to take a second look at the case", phrase: "The court", cue: "agree"}}},
		{"date before an infinitive", `Clinton promised on Tuesday to stop using the phrase.`,
			[]want{{kind: Stance, text: "to stop using the phrase", phrase: "Clinton", cue: "promise"}}},
		{"see as", `Voters see Clinton as more prepared for the job.`,
			[]want{{kind: Stance, text: "Clinton as more prepared for the job", phrase: "Voters", cue: "see"}}},
		{"see without as", `Voters saw the debate on television.`, nil},
		{"asked", `Asked about the merger, the senator said it would go ahead.`,
			[]want{{kind: Stance, text: "about the merger", cue: "ask"},
				{kind: Indirect, text: "it would go ahead", phrase: "the senator", cue: "say"}}},
		{"when asked", `When asked why, Sembler laughed.`,
			[]want{{kind: Stance, text: "why", cue: "ask"}}},
		{"passive raising verb", `Trump is expected to be competitive in that contest.`,
			[]want{{kind: Stance, text: "Trump is expected to be competitive in that contest", cue: "expect", anonymous: true}}},
		{"passive ask names the listeners", `When voters were asked who would bring change, Trump trounced Clinton.`,
			[]want{{kind: Indirect, text: "who would bring change", cue: "ask", anonymous: true}}},
		{"headline stance", "Pence Endorses Paul Ryan With Trump's Blessing\n\nThe story follows.",
			[]want{{kind: Stance, text: "Paul Ryan With Trump's Blessing", phrase: "Pence", cue: "endorse"}}},
		{"headline particle", "Cruz Hints At Run For Senate\n\nThe story follows.",
			[]want{{kind: Stance, text: "Run For Senate", phrase: "Cruz", cue: "hint"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, qs := analyze(t, tc.text, nil)
			if len(qs) != len(tc.want) {
				t.Fatalf("got %d, want %d: %s", len(qs), len(tc.want), dump(d, qs))
			}
			for i, w := range tc.want {
				checkQuote(t, d, qs, i, w)
			}
		})
	}
}
