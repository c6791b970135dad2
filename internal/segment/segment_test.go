package segment

import (
	"strings"
	"testing"

	"github.com/dyadhq/dyad/internal/conllu"
	"github.com/dyadhq/dyad/internal/datadir/datatest"
	"github.com/dyadhq/dyad/internal/tokenize"
	"github.com/dyadhq/dyad/pkg/doc"
)

// split segments text and returns the sentences with whitespace collapsed,
// with "¶" before each one that starts a new paragraph.
func split(text string) []string {
	toks := tokenize.Tokenize(text)
	var out []string
	para := 0
	for _, s := range Segment(text, toks) {
		t := strings.Join(strings.Fields(text[s.Start:s.End]), " ")
		if s.Paragraph != para {
			t = "¶" + t
			para = s.Paragraph
		}
		out = append(out, t)
	}
	return out
}

func TestSegment(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"dateline", "WASHINGTON - Michael Davidoff, a trader, agreed.",
			[]string{"WASHINGTON -", "Michael Davidoff, a trader, agreed."}},
		{"dateline with agency and later paragraph", "It fell.\n\nKUALA LUMPUR, (Reuters) -- The Kremlin said so.",
			[]string{"It fell.", "¶KUALA LUMPUR, (Reuters) --", "The Kremlin said so."}},
		{"dateline with a date", "WASHINGTON, March 26 - Paul Volcker urged Congress to act.",
			[]string{"WASHINGTON, March 26 -", "Paul Volcker urged Congress to act."}},
		{"headline in capitals is no dateline", "U.S. - JAPAN TALKS END\n\nThe talks ended.",
			[]string{"U.S. - JAPAN TALKS END", "¶The talks ended."}},
		{"capitals inside a paragraph are no dateline", "He said NATO - the alliance - would act.",
			[]string{"He said NATO - the alliance - would act."}},
		{"titles and initials", "Gen. John A. Smith met Sen. Jones and Pres. Putin. They talked.",
			[]string{"Gen. John A. Smith met Sen. Jones and Pres. Putin.", "They talked."}},
		{"U.S. inside and at the end", "The U.S. Senate met in Washington, D.C. on Monday. It was in the U.S. Then it ended.",
			[]string{"The U.S. Senate met in Washington, D.C. on Monday.", "It was in the U.S.", "Then it ended."}},
		{"months and numbers", "On Jan. 5 the index rose 2.5% to $1,234.56. Analysts were surprised.",
			[]string{"On Jan. 5 the index rose 2.5% to $1,234.56.", "Analysts were surprised."}},
		{"quotation going on", `"We will win," he said. "No doubt."`,
			[]string{`"We will win," he said.`, `"No doubt."`}},
		{"quotation ending the sentence", `He said: "It is over." She left.`,
			[]string{`He said: "It is over."`, "She left."}},
		{"question inside a quote", `"Why?" he asked.`, []string{`"Why?" he asked.`}},
		{"single-quoted sentence going on", "She turned to him, 'This is great.' she said.",
			[]string{"She turned to him, 'This is great.' she said."}},
		{"curly-quoted sentence going on", "\u201cWe are done.\u201d he said, and left.",
			[]string{"\u201cWe are done.\u201d he said, and left."}},
		{"parenthesis", "He left (for good.) The end came.", []string{"He left (for good.)", "The end came."}},
		{"web", "Write to jane.doe@example.com or visit www.example.com. Follow @POTUS and #news today.",
			[]string{"Write to jane.doe@example.com or visit www.example.com.", "Follow @POTUS and #news today."}},
		{"ellipsis", "He waited... and waited. Then he went.", []string{"He waited... and waited.", "Then he went."}},
		{"list", "Three steps: 1) Read it 2) Sign it 3) Send it",
			[]string{"Three steps:", "1) Read it", "2) Sign it", "3) Send it"}},
		{"bullets", "• First point • Second point", []string{"• First point", "• Second point"}},
		{"blank lines are paragraphs", "Headline here\n\nFirst paragraph. Still first.\n\nSecond one.",
			[]string{"Headline here", "¶First paragraph.", "Still first.", "¶Second one."}},
	}
	for _, tt := range tests {
		if got := split(tt.in); strings.Join(got, " | ") != strings.Join(tt.want, " | ") {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.want)
		}
	}
}

func TestLayout(t *testing.T) {
	// One paragraph per line (news pasted from the web): every line is a
	// paragraph, so a headline without punctuation stands alone.
	perLine := "Trump, Putin hold first call\nDuring the call, the two presidents talked. They agreed on much.\n" +
		"\"It was good,\" Lavrov said.\nThe Kremlin said nothing more."
	want := []string{"Trump, Putin hold first call", "¶During the call, the two presidents talked.", "They agreed on much.",
		"¶\"It was good,\" Lavrov said.", "¶The Kremlin said nothing more."}
	if got := split(perLine); strings.Join(got, " | ") != strings.Join(want, " | ") {
		t.Errorf("one paragraph per line:\n got %q\nwant %q", got, want)
	}

	// Hard-wrapped text with indented paragraphs (Reuters-21578): a newline
	// inside a sentence is a space; an indented line starts a paragraph.
	wrapped := "The Bank of England said it forecast a\nshortage of around 250 mln stg in the money market today.\n" +
		"    Among the factors affecting liquidity, it said bills\nmaturing in official hands would drain\n" +
		"around 1.02 billion stg. Dealers agreed.\n    The Bank added\nnothing."
	want = []string{"The Bank of England said it forecast a shortage of around 250 mln stg in the money market today.",
		"¶Among the factors affecting liquidity, it said bills maturing in official hands would drain around 1.02 billion stg.",
		"Dealers agreed.", "¶The Bank added nothing."}
	if got := split(wrapped); strings.Join(got, " | ") != strings.Join(want, " | ") {
		t.Errorf("hard-wrapped:\n got %q\nwant %q", got, want)
	}

	// A table in wrapped text: its lines, indented or in a block without
	// final punctuation, are sentences of their own.
	table := "Shr 16.3p vs 12.2p\n    Div 2.75p vs 2.25p\n    Turnover 1.70 billion vs 1.13 billion"
	if got := split(table); len(got) != 3 {
		t.Errorf("table: %q", got)
	}
	list := "features\ncontact manager\nevents, activities\n"
	if got := split(list); len(got) != 3 {
		t.Errorf("list of lines: %q", got)
	}
	cut := "This is a sentence\ncut off in the middle because pdf."
	if got := split(cut); len(got) != 1 {
		t.Errorf("cut sentence: %q", got)
	}
}

func TestAnalyse(t *testing.T) {
	tests := []struct {
		text     string
		lineMode bool
	}{
		{"One line only.", false},
		{"First paragraph ends here.\nSecond one too.\nAnd a third.", true},
		{"A sentence that is cut by the\nwidth of the line and goes on\nto end here.", false},
		{strings.Repeat("word ", 40) + "\nnext", true}, // a line longer than any wrapping width
	}
	for _, tt := range tests {
		if got := analyse(tt.text).lineMode; got != tt.lineMode {
			t.Errorf("analyse(%q).lineMode = %v", tt.text, got)
		}
	}
}

func TestModelLoads(t *testing.T) {
	if err := EmbeddedModelError(); err != nil {
		t.Fatalf("embedded boundary model: %v", err)
	}
}

func TestModelRoundTrip(t *testing.T) {
	m := defaultModel()
	var b strings.Builder
	if _, err := m.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	m2, err := ReadModel(strings.NewReader(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	for k := range m.w {
		if m.w[k] != m2.w[k] {
			t.Fatalf("weight %d: %v != %v", k, m.w[k], m2.w[k])
		}
	}
	if len(m2.casing) != len(m.casing) {
		t.Fatalf("casing table: %d entries, want %d", len(m2.casing), len(m.casing))
	}
	if _, err := ReadModel(strings.NewReader("not a model")); err == nil {
		t.Error("garbage read as a model")
	}
}

func TestCoverage(t *testing.T) {
	for _, text := range []string{"", "   ", "word", "a. b. c.", "\n\n\nx\n\n", "Hello!!! ... ??? «»"} {
		toks := tokenize.Tokenize(text)
		sents := Segment(text, toks)
		d := doc.Document{Text: text, Tokens: toks, Sentences: sents}
		if err := d.Check(); err != nil {
			t.Errorf("%q: %v", text, err)
		}
		if len(toks) > 0 && len(sents) == 0 {
			t.Errorf("%q: no sentences", text)
		}
	}
}

// TestEWT checks the segmenter's sentence F1 on the first documents of UD
// English EWT dev (web text) against a floor a few points below what the
// ud suite measures on the whole set.
func TestEWT(t *testing.T) {
	path := datatest.Require(t, "ud-ewt", "en_ewt-ud-dev.conllu")
	sents, err := conllu.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	docs := conllu.Documents(sents)
	if len(docs) > 120 {
		docs = docs[:120]
	}
	var exs []Example
	for _, d := range docs {
		raw := conllu.RawText(d)
		ex := Example{Text: raw.Text}
		for _, s := range raw.Sentences {
			ex.Starts = append(ex.Starts, s.Start)
		}
		exs = append(exs, ex)
	}
	rules := Score(nil, exs)
	full := Score(defaultModel(), exs)
	t.Logf("EWT dev, %d documents: rules only sentence F1 %.2f, with the model %.2f", len(exs), 100*rules.SentenceF1, 100*full.SentenceF1)
	if full.SentenceF1 < 0.83 {
		t.Errorf("sentence F1 %.2f below the 83 floor", 100*full.SentenceF1)
	}
	if full.SentenceF1 <= rules.SentenceF1 {
		t.Errorf("the model does not help: %.2f vs rules %.2f", 100*full.SentenceF1, 100*rules.SentenceF1)
	}
}

func TestHashes(t *testing.T) {
	for _, w := range []string{"The", "U.S.", "08/16/2000", "café", "Ünïcödé", "a-very-long-hyphenated-word-here", "x"} {
		f, s := hashes(w)
		if f != formHash(w) || s != shapeHash(w) {
			t.Errorf("hashes(%q) disagrees with formHash/shapeHash", w)
		}
	}
}

func TestQuoteGoesOn(t *testing.T) {
	tests := []struct {
		in   string
		want bool // the word after the quote stays in the sentence
	}{
		{`"It is over." he said.`, true},
		{`'It is over.' she said.`, true},
		{`It is over. he said.`, false},               // no quote: the model decides
		{`"It is over." http://example.com/a`, false}, // a URL after a quotation
		{`"It is over." He left.`, false},
	}
	for _, tt := range tests {
		toks := tokenize.Tokenize(tt.in)
		s := segmenter{text: tt.in, toks: toks, layout: analyse(tt.in), brk: make([]uint8, len(toks)+1)}
		got := false
		for i := range toks {
			if w := s.word(i); w == "." {
				got = s.quoteGoesOn(i, s.closers(i))
				break
			}
		}
		if got != tt.want {
			t.Errorf("quoteGoesOn(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestRateClass(t *testing.T) {
	tests := []struct{ k, n, want int }{
		{0, 100, 1}, {4, 100, 1}, {5, 100, 2}, {49, 100, 2}, {50, 100, 3}, {100, 100, 3},
	}
	for _, tt := range tests {
		if got := rateClass(tt.k, tt.n); int(got) != tt.want {
			t.Errorf("rateClass(%d, %d) = %d, want %d", tt.k, tt.n, got, tt.want)
		}
	}
}
