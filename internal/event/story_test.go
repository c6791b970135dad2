package event_test

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/dyadhq/dyad/internal/datadir"
	"github.com/dyadhq/dyad/internal/event"
	"github.com/dyadhq/dyad/internal/lemma"
	"github.com/dyadhq/dyad/internal/parse"
	"github.com/dyadhq/dyad/internal/segment"
	"github.com/dyadhq/dyad/internal/tag"
	"github.com/dyadhq/dyad/internal/timex"
	"github.com/dyadhq/dyad/internal/tokenize"
	"github.com/dyadhq/dyad/pkg/doc"
)

// stack runs dyad's own syntax stages on raw text, as the pipeline does.
type stack struct {
	tg *tag.Tagger
	lm *lemma.Lemmatizer
	ps *parse.Parser
}

func loadStack(tb testing.TB) *stack {
	tb.Helper()
	tg, err := tag.Load()
	if err != nil {
		tb.Skipf("tagger not available: %v", err)
	}
	lm, err := lemma.Load()
	if err != nil {
		tb.Skipf("lemmatizer not available: %v", err)
	}
	ps, err := parse.Load()
	if err != nil {
		tb.Skipf("parser not available: %v", err)
	}
	return &stack{tg, lm, ps}
}

func (s *stack) doc(text string, pub time.Time) *doc.Document {
	d := &doc.Document{Text: text, Published: pub}
	d.Tokens = tokenize.Tokenize(d.Text)
	d.Sentences = segment.Segment(d.Text, d.Tokens)
	s.tg.Tag(d)
	s.lm.Lemmatize(d)
	s.ps.Parse(d)
	return d
}

func codeText(tb testing.TB, s *stack, text string, pub time.Time) (*doc.Document, []event.Event) {
	c, err := event.Load()
	if err != nil {
		tb.Fatal(err)
	}
	d := s.doc(text, pub)
	var spans []event.Span
	for _, t := range timex.Extract(d, pub) {
		spans = append(spans, event.Span{Start: t.Start, End: t.End})
	}
	return d, c.Code(d, nil, spans)
}

// TestExampleStory codes the worked example through the whole raw-text
// stack and checks the events the issue lists. The story's title is not
// part of its text.
func TestExampleStory(t *testing.T) {
	path := datadir.Path("..", "examples", "trump-putin-call.txt")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("example story not available: %v", err)
	}
	s := loadStack(t)
	text := string(b)
	if i := strings.IndexByte(text, '\n'); i >= 0 {
		text = text[i+1:] // the first line is the title
	}
	d, evs := codeText(t, s, text, time.Date(2017, 1, 28, 0, 0, 0, 0, time.UTC))
	have := func(src, tgt, root string, asserted bool) bool {
		for _, e := range evs {
			if strings.HasPrefix(e.Source.Code, src) && strings.HasPrefix(e.Target.Code, tgt) && strings.HasPrefix(e.Code, root) &&
				(!asserted || e.Asserted()) {
				return true
			}
		}
		return false
	}
	for _, e := range evs {
		t.Logf("s%d %s -> %s %s %q neg=%v rep=%v mod=%q mentions=%d rule=%s", e.Sentence, e.Source.Code, e.Target.Code, e.Code,
			d.TokenText(e.Trigger), e.Negated, e.Reported, e.Modality, len(e.Mentions), e.Rule)
	}
	want := []struct {
		src, tgt, root, what string
	}{
		{"USAGOV", "RUSGOV", "04", "Trump consults Putin"},
		{"RUSGOV", "USAGOV", "04", "Putin consults Trump"},
		{"RUSGOV", "USA", "01", "Lavrov's pessimism towards the United States"},
		{"RUSGOV", "", "03", "the Kremlin's intent to cooperate"},
		{"USA", "IMGMUSISI", "13", "knock the hell out of ISIS, as a threat"},
	}
	for _, w := range want {
		if !have(w.src, w.tgt, w.root, true) {
			t.Errorf("missing: %s (%s -> %s %sx)", w.what, w.src, w.tgt, w.root)
		}
	}
	// The Merkel call needs the entity stage to know Chancellor Merkel
	// and @POTUS: the pipeline's TestExampleStoryEvents requires it.
	for _, e := range evs {
		if strings.HasPrefix(e.Code, "08") && e.Asserted() {
			t.Errorf("coded an easing of sanctions (%s -> %s %s) the story says was too early", e.Source.Code, e.Target.Code, e.Code)
		}
	}
}
