package quote

import "testing"

// Constructions added for recall on PolNeAR-style attribution (gerund
// subjects, postmodified sources, joined and nested attributions, views
// framed by "to", demands with "called to", headlines with plural
// subjects); each sentence is written for this test.
func TestRecallJoinedAndFramed(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       []want
	}{
		{"gerund subject before a final cue", `Running for office taught him patience, he said.`,
			[]want{{kind: Indirect, text: "Running for office taught him patience", phrase: "he", cue: "say"}}},
		{"fronted participle is no content", `Speaking at the rally, he said.`, nil},
		{"source close to someone", `The governor will change how he runs the office, a source close to him said.`,
			[]want{{kind: Indirect, text: "The governor will change how he runs the office", phrase: "a source close to him", cue: "say", anonymous: true}}},
		{"people familiar with", `The talks have stalled, people familiar with the matter said.`,
			[]want{{kind: Indirect, text: "The talks have stalled", phrase: "people familiar with the matter", cue: "say", anonymous: true}}},
		{"joined clause with its own speaker", `Most voters said the economy was weak, while a third said it was strong.`,
			[]want{{kind: Indirect, text: "the economy was weak", phrase: "Most voters", cue: "say"},
				{kind: Indirect, text: "it was strong", phrase: "a third", cue: "say"}}},
		{"joined clause after a semicolon", `The senator supports the plan; his rivals say it will fail.`,
			[]want{{kind: Stance, text: "the plan", phrase: "The senator", cue: "support"},
				{kind: Indirect, text: "it will fail", phrase: "his rivals", cue: "say"}}},
		{"joined clause without a cue stays", `He said the plan would work, and it did.`,
			[]want{{kind: Indirect, text: "the plan would work, and it did", phrase: "He", cue: "say"}}},
		{"nested speech ends the outer content", `Officials said the attack was planned for weeks and a witness told police that the men had rented a van.`,
			[]want{{kind: Indirect, text: "the attack was planned for weeks", phrase: "Officials", cue: "say", anonymous: true},
				{kind: Indirect, text: "that the men had rented a van", phrase: "a witness", cue: "tell", addressee: "police", anonymous: true}}},
		{"nested speech after a subordinator", `The report concluded the program worked even as critics said it wasted money.`,
			[]want{{kind: Indirect, text: "the program worked", phrase: "The report", cue: "conclude"},
				{kind: Indirect, text: "it wasted money", phrase: "critics", cue: "say"}}},
		{"phrasal participle takes the main subject", `The governor left the stage, pointing out that the race was close.`,
			[]want{{kind: Indirect, text: "that the race was close", phrase: "The governor", cue: "point"}}},
		{"according to a source with a relative clause", `Absent from the talks, according to members who spoke with reporters, was any mention of the budget.`,
			[]want{{kind: Indirect, text: "Absent from the talks, according to members who spoke with reporters, was any mention of the budget", cue: "according to"}}},
		{"verb of saying read as a noun before an adjunct", `Jane Ortiz argues at her blog that the court went too far.`,
			[]want{{kind: Indirect, text: "that the court went too far", phrase: "Jane Ortiz", cue: "argue"}}},
		{"that clause with a gerund subject", `The senator argued that cutting taxes would help the economy.`,
			[]want{{kind: Indirect, text: "that cutting taxes would help the economy", phrase: "The senator", cue: "argue"}}},
		{"show title after a final cue", `The governor was in the running, he said on NBC's "Meet the Press."`,
			[]want{{kind: Indirect, text: "The governor was in the running", phrase: "he", cue: "say"}}},
		{"relative clause content ends before the main verb", `Mr. Petrilli, who thinks the agency made a power grab, welcomed the new law.`,
			[]want{{kind: Indirect, text: "the agency made a power grab", phrase: "who", speaker: "Mr. Petrilli", cue: "think"},
				{kind: Stance, text: "the new law", cue: "welcome"}}},
		{"asked clause before said no", `Asked whether the deal was fair, the minister said no.`,
			[]want{{kind: Stance, text: "whether the deal was fair", cue: "ask"},
				{kind: Indirect, text: "no", phrase: "the minister", cue: "say"}}},
		{"verb of thought read as an adjective", `The couple worried that the attacks would harden attitudes.`,
			[]want{{kind: Indirect, text: "that the attacks would harden attitudes", phrase: "The couple", cue: "worry"}}},
		{"was worried keeps its adjective", `The couple was worried that the attacks would harden attitudes.`,
			[]want{{kind: Stance, text: "that the attacks would harden attitudes", phrase: "The couple", cue: "worried"}}},
		{"intention read as a plural noun", `The candidate plans to return to the state on Saturday.`,
			[]want{{kind: Stance, text: "to return to the state on Saturday", phrase: "The candidate", cue: "plan"}}},
		{"plans as a noun keeps its possessor", `The city's plans to expand the port were shelved.`,
			[]want{{kind: Stance, text: "to expand the port", phrase: "The city", cue: "plan"}}},
		{"as X put it, fronted", `But as the governor put it on Monday, nobody wants a shutdown.`,
			[]want{{kind: Indirect, text: "nobody wants a shutdown", phrase: "the governor", cue: "put it"}}},
		{"as X put it, final", `The race is over, as one strategist put it.`,
			[]want{{kind: Indirect, text: "The race is over", phrase: "one strategist", cue: "put it", anonymous: true}}},
		{"put it on the table is no frame", `She put it on the table.`, nil},
		{"raised questions about", `The senator has raised questions about the governor's record.`,
			[]want{{kind: Stance, text: "the governor's record", phrase: "The senator", cue: "raise question"}}},
		{"raised prices is no stance", `The company raised prices on Monday.`, nil},
		{"view framed by to", `To many Democrats, the old years remain the best days.`,
			[]want{{kind: Stance, text: "the old years remain the best days", phrase: "many Democrats", cue: "to"}}},
		{"view holder with a relative clause", `To the senator, who studied the rallies closely, the vote marked a turning point.`,
			[]want{{kind: Stance, text: "the vote marked a turning point", phrase: "the senator", cue: "to"}}},
		{"to date is no view", `To date, the bridge remains closed.`, nil},
		{"called to", `The mayor called to close the bridge for a week.`,
			[]want{{kind: Stance, text: "to close the bridge for a week", phrase: "The mayor", cue: "call"}}},
		{"headline with a plural subject", "Senate Leaders Blast The Governor\n\nThe story follows.",
			[]want{{kind: Stance, text: "The Governor", phrase: "Senate Leaders", cue: "blast", anonymous: true}}},
		{"headline finding", "New Poll Finds Governor Ahead In Ohio\n\nThe story follows.",
			[]want{{kind: Indirect, text: "Governor Ahead In Ohio", phrase: "New Poll", cue: "find"}}},
	} {
		t.Run(tc.name, func(t *testing.T) { expectAttributions(t, tc.text, tc.want) })
	}
}
