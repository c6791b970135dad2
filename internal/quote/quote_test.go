package quote

import (
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dyadhq/dyad/internal/actor"
	"github.com/dyadhq/dyad/internal/datadir"
	"github.com/dyadhq/dyad/internal/lemma"
	"github.com/dyadhq/dyad/internal/segment"
	"github.com/dyadhq/dyad/internal/tag"
	"github.com/dyadhq/dyad/internal/timex"
	"github.com/dyadhq/dyad/internal/tokenize"
	"github.com/dyadhq/dyad/pkg/doc"
)

var (
	stackOnce sync.Once
	tagger    *tag.Tagger
	lemmas    *lemma.Lemmatizer
	dict      *actor.Dictionary
	stackErr  error
)

// analyze runs the syntax stages this package reads (tokens, sentences,
// tags, lemmas) and the time expressions, then extracts quotes.
func analyze(t testing.TB, text string, sp Speakers) (*doc.Document, []Quote) {
	t.Helper()
	stackOnce.Do(func() {
		if tagger, stackErr = tag.Load(); stackErr != nil {
			return
		}
		if lemmas, stackErr = lemma.Load(); stackErr != nil {
			return
		}
		dict, stackErr = actor.Load()
	})
	if stackErr != nil {
		t.Skipf("tagger, lemmatizer or actor dictionary unavailable: %v", stackErr)
	}
	d := &doc.Document{Text: text, Published: time.Date(2017, 1, 28, 0, 0, 0, 0, time.UTC)}
	d.Tokens = tokenize.Tokenize(text)
	d.Sentences = segment.Segment(text, d.Tokens)
	tagger.Tag(d)
	lemmas.Lemmatize(d)
	return d, New(dict).Extract(d, timex.Extract(d, d.Published), sp)
}

// want describes one expected quote; empty fields are not checked.
type want struct {
	kind, text, speaker, phrase, cue, medium, addressee, date string
	anonymous                                                 bool
	continues                                                 int // 0: not checked; n: continues quote n-1
}

func TestConstructions(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       []want
	}{
		{"straight after", `"We will win the vote," Trump said.`,
			[]want{{kind: Direct, text: `"We will win the vote,"`, speaker: "Donald Trump", cue: "say"}}},
		{"curly inverted", "\u201cThe talks are over,\u201d said Lavrov.",
			[]want{{kind: Direct, text: "\u201cThe talks are over,\u201d", speaker: "Sergei Lavrov", phrase: "Lavrov", cue: "say"}}},
		{"single inside double", `"There will be no 'reset' with America," Lavrov said.`,
			[]want{{kind: Direct, text: `"There will be no 'reset' with America,"`, speaker: "Sergei Lavrov"}}},
		{"cue before colon", `Trump said: "We will build the wall."`,
			[]want{{kind: Direct, text: `"We will build the wall."`, speaker: "Donald Trump", cue: "say"}}},
		{"multi-sentence", `"We will win. We will win big," Trump said.`,
			[]want{{kind: Direct, text: `"We will win. We will win big,"`, speaker: "Donald Trump"}}},
		{"multi-paragraph", "\"We will build the wall. It will be a great wall.\n\n\"And Mexico will pay for the wall,\" Trump said.",
			[]want{{kind: Direct, text: "\"We will build the wall. It will be a great wall.\n\n\"And Mexico will pay for the wall,\"", speaker: "Donald Trump"}}},
		{"continuation", `"We have no illusions about the talks," Lavrov told reporters. "We have no naive expectations at all."`,
			[]want{{kind: Direct, speaker: "Sergei Lavrov", addressee: "reporters"},
				{kind: Direct, text: `"We have no naive expectations at all."`, speaker: "Sergei Lavrov", continues: 1}}},
		{"interrupted", `"We are ready," the Kremlin said, "to work with the new administration."`,
			[]want{{kind: Direct, speaker: "Kremlin", cue: "say"}, {kind: Direct, speaker: "Kremlin", cue: "say"}}},
		{"said that", `Trump said that it was too early to lift sanctions.`,
			[]want{{kind: Indirect, text: "that it was too early to lift sanctions", speaker: "Donald Trump", cue: "say"}}},
		{"said zero that", `Putin said he would meet the new president soon.`,
			[]want{{kind: Indirect, text: "he would meet the new president soon", speaker: "Vladimir Putin"}}},
		{"told Y that", `Lavrov told journalists that Moscow was ready for talks.`,
			[]want{{kind: Indirect, text: "that Moscow was ready for talks", speaker: "Sergei Lavrov", cue: "tell", addressee: "journalists"}}},
		{"according to first", `According to the Kremlin, the two presidents agreed to meet.`,
			[]want{{kind: Indirect, text: "the two presidents agreed to meet", speaker: "Kremlin", cue: "according to"}}},
		{"according to last", `The two presidents agreed to meet, according to the Kremlin.`,
			[]want{{kind: Indirect, text: "The two presidents agreed to meet", speaker: "Kremlin", cue: "according to"}}},
		{"saying that", `Trump praised the deal, saying that it would help American workers.`,
			[]want{{kind: Indirect, text: "that it would help American workers", speaker: "Donald Trump", cue: "say"}}},
		{"postposed anonymous", `The talks will resume next week, a senior official said.`,
			[]want{{kind: Indirect, text: "The talks will resume next week", anonymous: true, phrase: "a senior official"}}},
		{"it was reported", `It was reported that the two leaders discussed Syria.`,
			[]want{{kind: Indirect, text: "that the two leaders discussed Syria", anonymous: true, cue: "report"}}},
		{"mixed", `The Russian foreign minister said on Wednesday that he was 'cautious' about relations.`,
			[]want{{kind: Mixed, text: "that he was 'cautious' about relations", speaker: "Sergei Lavrov", date: "2017-01-25"}}},
		{"medium told", `"We will see," Trump told The Times of London on January 16.`,
			[]want{{speaker: "Donald Trump", medium: "The Times of London", date: "2017-01-16"}}},
		{"medium statement", `"The presidents spoke in favor of coordination," the Kremlin said in a statement.`,
			[]want{{speaker: "Kremlin", medium: "a statement"}}},
		{"medium on", `Trump said on Fox News that Russia could help.`,
			[]want{{kind: Indirect, speaker: "Donald Trump", medium: "Fox News"}}},
		{"venue and date", `Speaking at a press conference on Friday, Trump said that it was too early.`,
			[]want{{speaker: "Donald Trump", medium: "a press conference", date: "2017-01-27"}}},
		{"tweeted apposition", `"The call went well," tweeted White House Press Secretary, Sean Spicer.`,
			[]want{{speaker: "Sean Spicer", cue: "tweet", medium: "Twitter", phrase: "White House Press Secretary, Sean Spicer"}}},
		{"pronoun", `Trump has spoken of better relations with Moscow. "That would be a great thing," he told Fox News.`,
			[]want{{speaker: "Donald Trump", phrase: "he", medium: "Fox News"}}},
		{"scare quote", `The so-called "reset" failed years ago.`, nil},
		{"no cue", `"Fire and Fury" is a book about the White House.`, nil},
	} {
		t.Run(tc.name, func(t *testing.T) { expectQuotes(t, tc.text, tc.want) })
	}
}

func checkQuote(t *testing.T, d *doc.Document, qs []Quote, i int, w want) {
	t.Helper()
	q := qs[i]
	errf := func(field, got, want string) {
		t.Errorf("quote %d %s = %q, want %q\n%s", i, field, got, want, dump(d, qs))
	}
	if w.kind != "" && q.Kind != w.kind {
		errf("kind", q.Kind, w.kind)
	}
	if got := d.Text[q.Start:q.End]; w.text != "" && got != w.text {
		errf("text", got, w.text)
	}
	if w.speaker != "" && q.Speaker.Name != w.speaker {
		errf("speaker", q.Speaker.Name, w.speaker)
	}
	if w.phrase != "" {
		got := ""
		if q.Speaker.Start >= 0 {
			got = d.Text[q.Speaker.Start:q.Speaker.End]
		}
		if got != w.phrase {
			errf("speaker phrase", got, w.phrase)
		}
	}
	if w.cue != "" && q.Cue.Lemma != w.cue {
		errf("cue", q.Cue.Lemma, w.cue)
	}
	if w.medium != "" && q.Medium != w.medium {
		errf("medium", q.Medium, w.medium)
	}
	if w.addressee != "" && q.Addressee != w.addressee {
		errf("addressee", q.Addressee, w.addressee)
	}
	if w.date != "" && q.Date != w.date {
		errf("date", q.Date, w.date)
	}
	if w.anonymous != q.Speaker.Anonymous {
		errf("anonymous", boolStr(q.Speaker.Anonymous), boolStr(w.anonymous))
	}
	if w.continues != 0 && q.Continues != w.continues-1 {
		errf("continues", string(rune('0'+q.Continues)), string(rune('0'+w.continues-1)))
	}
	if q.Cue.First >= 0 && d.Text[q.Cue.Start:q.Cue.End] == "" {
		t.Errorf("quote %d: empty cue span", i)
	}
}

func boolStr(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

func dump(d *doc.Document, qs []Quote) string {
	var b strings.Builder
	for i, q := range qs {
		phrase, cue := "", ""
		if q.Speaker.Start >= 0 {
			phrase = d.Text[q.Speaker.Start:q.Speaker.End]
		}
		if q.Cue.First >= 0 {
			cue = d.Text[q.Cue.Start:q.Cue.End]
		}
		b.WriteString("  ")
		b.WriteString(strings.Join([]string{string(rune('0' + i)), q.Kind, "[" + d.Text[q.Start:q.End] + "]",
			"speaker=" + q.Speaker.Name + "/" + phrase, "cue=" + cue, "medium=" + q.Medium, "date=" + q.Date}, " "))
		b.WriteString("\n")
	}
	return b.String()
}

// fakeSpeakers resolves every token to one entity, as coreference would.
type fakeSpeakers struct{}

func (fakeSpeakers) ActorAt(tok int) (Speaker, bool) {
	return Speaker{Entity: "e7", Name: "Donald Trump", Code: "USAGOV"}, true
}

func TestSpeakersResolver(t *testing.T) {
	d, qs := analyze(t, `"That is a great thing," he told reporters.`, fakeSpeakers{})
	if len(qs) != 1 {
		t.Fatalf("got %d quotes: %s", len(qs), dump(d, qs))
	}
	sp := qs[0].Speaker
	if sp.Entity != "e7" || sp.Name != "Donald Trump" || sp.Code != "USAGOV" || d.Text[sp.Start:sp.End] != "he" {
		t.Errorf("speaker %+v", sp)
	}
}

func TestNoTokens(t *testing.T) {
	if qs := New(nil).Extract(&doc.Document{Text: `"Hi," he said.`}, nil, nil); qs != nil {
		t.Errorf("quotes without tokens: %+v", qs)
	}
}

func TestExample(t *testing.T) {
	text := strings.Join([]string{
		`"After speaking with Chancellor Merkel @POTUS is now onto his 3rd call," tweeted White House Press Secretary, Sean Spicer.`,
		`"They have sanctions on Russia - let's see if we can make some good deals with Russia," Trump told The Times of London on January 16.`,
		`"For one thing, I think nuclear weapons should be way down and reduced very substantially, that's part of it."`,
		`It was reported that Trump and Putin briefly discussed Syria.`,
	}, "\n")
	d, qs := analyze(t, text, nil)
	if len(qs) != 4 {
		t.Fatalf("got %d quotes: %s", len(qs), dump(d, qs))
	}
	checkQuote(t, d, qs, 0, want{speaker: "Sean Spicer", medium: "Twitter"})
	checkQuote(t, d, qs, 1, want{speaker: "Donald Trump", medium: "The Times of London", date: "2017-01-16"})
	checkQuote(t, d, qs, 2, want{speaker: "Donald Trump", medium: "The Times of London", date: "2017-01-16", continues: 2})
	checkQuote(t, d, qs, 3, want{anonymous: true})
}

func TestMoreConstructions(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       []want
	}{
		{"inverted speaker with a relative clause", `"The harbour deal is done," said Maria Keller, an adviser whom the mayor hired to run the port in his first term.`,
			[]want{{kind: Direct, text: `"The harbour deal is done,"`, phrase: "Maria Keller", cue: "say"}}},
		{"signed with a dash", "The readers wrote in.\n\n\u201cThe bridge must be rebuilt before winter.\u201d \u2015 Ana Ruiz\n\n\u201cWe cannot wait for the council.\u201d\u2014 Tom Becker, 41, Tucson",
			[]want{{kind: Direct, text: "\u201cThe bridge must be rebuilt before winter.\u201d", phrase: "Ana Ruiz", cue: "\u2015"},
				{kind: Direct, text: "\u201cWe cannot wait for the council.\u201d", phrase: "Tom Becker", cue: "\u2014"}}},
		{"a dash inside a paragraph signs nothing", "He left. \u201cNo\u201d \u2014 Maria was final about it.", nil},
		{"finding without that", `A budget office analysis found the plan would raise fees for most drivers.`,
			[]want{{kind: Indirect, text: "the plan would raise fees for most drivers", phrase: "A budget office analysis", cue: "find"}}},
		{"poll shows a small clause", `The latest survey shows the mayor leading by four points.`,
			[]want{{kind: Indirect, text: "the mayor leading by four points", cue: "show"}}},
		{"a person's find is no finding", `The mayor found the keys in his car.`, nil},
		{"sources close to a named minister", `Spending will be frozen, sources close to Finance Minister Edouard Balladur said.`,
			[]want{{kind: Indirect, text: "Spending will be frozen", phrase: "sources close to Finance Minister Edouard Balladur", cue: "say", anonymous: true}}},
		{"a medium's show", `"The port will reopen," the mayor said on Fox News's "Morning Hour."`,
			[]want{{kind: Direct, text: `"The port will reopen,"`, phrase: "the mayor", cue: "say", medium: "Fox News"}}},
		{"a fragment before a clause of its own", "The senator said the mayor was \u201cplainly wrong\u201d when she said on Tuesday that \u201cthe port would close.\u201d",
			[]want{{kind: Mixed, text: "the mayor was \u201cplainly wrong\u201d when she said on Tuesday that \u201cthe port would close.\u201d", phrase: "The senator", cue: "say"}}},
		{"parenthetical", `This campaign, Kasich says, is different from the others.`,
			[]want{{kind: Indirect, text: "This campaign, Kasich says, is different from the others", cue: "say"}}},
		{"parenthetical mixed", `The golf industry, she said, is "doing much better than before."`,
			[]want{{kind: Mixed, text: `The golf industry, she said, is "doing much better than before."`, cue: "say"}}},
		{"lemmatizer slip", `The campaign conceded that Clinton was leading in Ohio.`,
			[]want{{kind: Indirect, text: "that Clinton was leading in Ohio", cue: "concede"}}},
		{"belief zero that", `Trump believes he can make good deals with Russia.`,
			[]want{{kind: Indirect, text: "he can make good deals with Russia", speaker: "Donald Trump", cue: "believe"}}},
		{"speaker label", "PENCE: Well, look, we will win this election.\n\nWALLACE: Thank you.",
			[]want{{kind: Direct, text: "Well, look, we will win this election.", phrase: "PENCE", cue: ":"},
				{kind: Direct, text: "Thank you.", phrase: "WALLACE", cue: ":"}}},
		{"according to no comma", `Trump leads by five points according to a new poll conducted by Gallup.`,
			[]want{{kind: Indirect, text: "Trump leads by five points", cue: "according to"}}},
		{"according to parenthetical", `The economy, according to the minister, is growing fast.`,
			[]want{{kind: Indirect, text: "The economy, according to the minister, is growing fast", cue: "according to"}}},
		{"according to long source", `According to early results of the exit poll conducted by Edison Research, Clinton led in Virginia.`,
			[]want{{kind: Indirect, text: "Clinton led in Virginia", cue: "according to"}}},
	} {
		t.Run(tc.name, func(t *testing.T) { expectQuotes(t, tc.text, tc.want) })
	}
}

// quotesOnly drops stances, which the constructions tests do not cover
// (none of their texts puts a stance before a continued quote, so the
// Continues indexes stay valid).
func quotesOnly(qs []Quote) []Quote {
	var out []Quote
	for _, q := range qs {
		if q.Kind != Stance {
			out = append(out, q)
		}
	}
	return out
}

func TestStance(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       []want
	}{
		{"object", `Trump criticized the nuclear deal with Iran.`,
			[]want{{kind: Stance, text: "the nuclear deal with Iran", speaker: "Donald Trump", cue: "criticize"}}},
		{"particle", `Lavrov called for a new round of talks.`,
			[]want{{kind: Stance, text: "a new round of talks", speaker: "Sergei Lavrov", cue: "call"}}},
		{"infinitive", `Putin vowed to defend Russian interests.`,
			[]want{{kind: Stance, text: "to defend Russian interests", speaker: "Vladimir Putin", cue: "vow"}}},
		{"no particle", `Trump called a press conference.`, nil},
		{"any verb with that clause", `The analyst wagered that Clinton was leading in Ohio.`,
			[]want{{kind: Stance, text: "that Clinton was leading in Ohio", phrase: "The analyst", cue: "wager", anonymous: true}}},
		{"so that is no clause", `Trump made changes so that the plan would work.`, nil},
		{"called X Y", `Trump called the deal a disaster for American workers.`,
			[]want{{kind: Stance, text: "the deal a disaster for American workers", cue: "call"}}},
		{"adjective", `Lavrov was critical of the new sanctions.`,
			[]want{{kind: Stance, text: "the new sanctions", speaker: "Sergei Lavrov", cue: "critical"}}},
		{"adjective that", `Trump is confident that the talks will succeed.`,
			[]want{{kind: Stance, text: "that the talks will succeed", speaker: "Donald Trump"}}},
		{"no holder", `Criticized by many, the deal collapsed.`, nil},
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

// Wire-style sentences: titles before names, appositions, anonymous
// sources, venues, outlets and participle cues.
func TestWireConstructions(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       []want
	}{
		{"title and addressee", `"We are ready to talk," Russian Foreign Minister Sergei Lavrov told reporters in Moscow on Tuesday.`,
			[]want{{kind: Direct, speaker: "Sergei Lavrov", addressee: "reporters", date: "2017-01-24"}}},
		{"inverted apposition", `"This is unacceptable," said Maria Zakharova, a spokeswoman for the Russian Foreign Ministry.`,
			[]want{{kind: Direct, speaker: "Maria Zakharova"}}},
		{"anonymous relative clause", `A State Department spokesman, who declined to be named, said the talks would continue.`,
			[]want{{kind: Indirect, text: "the talks would continue", anonymous: true}}},
		{"anonymous told outlet", `"It's a disaster," one diplomat told Reuters.`,
			[]want{{kind: Direct, anonymous: true, medium: "Reuters"}}},
		{"participle venue", `Putin, speaking at a news conference in Moscow, said Russia had no plans to intervene.`,
			[]want{{kind: Indirect, speaker: "Vladimir Putin", medium: "a news conference"}}},
		{"adding that", `Trump spoke to reporters. "We will respond," he said, adding that America would not be intimidated.`,
			[]want{{kind: Direct, speaker: "Donald Trump"}, {kind: Indirect, speaker: "Donald Trump", cue: "add"}}},
		{"said on Twitter", `The White House said on Twitter that the president would travel to Asia.`,
			[]want{{kind: Indirect, speaker: "White House", medium: "Twitter"}}},
		{"quoted as saying", `The minister was quoted by Interfax as saying that the talks had failed.`,
			[]want{{kind: Indirect, text: "that the talks had failed", phrase: "The minister", medium: "Interfax"}}},
		{"nightly address", `Zelensky said in his nightly video address that Ukraine would prevail.`,
			[]want{{kind: Indirect, speaker: "Volodymyr Zelensky", medium: "his nightly video address"}}},
		{"officials", `Officials said the death toll had risen to 40.`,
			[]want{{kind: Indirect, anonymous: true}}},
	} {
		t.Run(tc.name, func(t *testing.T) { expectQuotes(t, tc.text, tc.want) })
	}
}

// TestWorkedExample runs the worked example story (without the parse and
// the entity stage: the dictionary fallback) and checks every quote.
func TestWorkedExample(t *testing.T) {
	b, err := os.ReadFile(datadir.Path("..", "examples", "trump-putin-call.txt"))
	if err != nil {
		t.Skipf("example story not found: %v", err)
	}
	_, body, _ := strings.Cut(string(b), "\n")
	d, qs := analyze(t, body, nil)
	qs = quotesOnly(qs)
	want := []struct{ start, speaker, medium, date string }{
		{`"After speaking`, "Sean Spicer", "Twitter", ""},
		{"that it could help curb", "Donald Trump", "", ""},
		{`"They have sanctions`, "Donald Trump", "The Times of London", "2017-01-16"},
		{`"For one thing`, "Donald Trump", "The Times of London", "2017-01-16"},
		{"that it was too early", "Donald Trump", "a press conference", "2017-01-27"},
		{"that he was 'cautious'", "Sergei Lavrov", "", "2017-01-25"},
		{`"We have no illusions`, "Sergei Lavrov", "", ""},
		{"that Trump and Putin briefly", "", "", ""},
		{`"The Presidents have spoken`, "Kremlin", "a statement", ""},
		{`"I don't know Putin`, "Donald Trump", "Fox News", ""},
		{`"It's good for Russia`, "Donald Trump", "Fox News", ""},
	}
	if len(qs) != len(want) {
		t.Fatalf("got %d quotes, want %d:\n%s", len(qs), len(want), dump(d, qs))
	}
	for i, w := range want {
		q := qs[i]
		if !strings.HasPrefix(d.Text[q.Start:q.End], w.start) || q.Speaker.Name != w.speaker || q.Medium != w.medium || q.Date != w.date {
			t.Errorf("quote %d: got %q by %q medium %q date %q; want %q by %q, %q, %q",
				i, d.Text[q.Start:q.End], q.Speaker.Name, q.Medium, q.Date, w.start, w.speaker, w.medium, w.date)
		}
	}
	if !qs[7].Speaker.Anonymous {
		t.Errorf("'it was reported' not anonymous: %+v", qs[7].Speaker)
	}
}

// expectQuotes analyzes text and checks that its quotes are ws, in order.
func expectQuotes(t *testing.T, text string, ws []want) {
	t.Helper()
	expectFound(t, text, ws, true)
}

// expectAttributions is expectQuotes for every attribution, stances too.
func expectAttributions(t *testing.T, text string, ws []want) {
	t.Helper()
	expectFound(t, text, ws, false)
}

func expectFound(t *testing.T, text string, ws []want, onlyQuotes bool) {
	t.Helper()
	d, qs := analyze(t, text, nil)
	if onlyQuotes {
		qs = quotesOnly(qs)
	}
	if len(qs) != len(ws) {
		t.Fatalf("got %d, want %d: %s", len(qs), len(ws), dump(d, qs))
	}
	for i, w := range ws {
		checkQuote(t, d, qs, i, w)
	}
}
