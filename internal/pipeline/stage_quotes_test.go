package pipeline

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/dyadhq/dyad/internal/datadir"
	"github.com/dyadhq/dyad/pkg/contract"
	"github.com/dyadhq/dyad/pkg/doc"
)

// runExample runs every stage on the worked example (its first line the
// title, published 2017-01-28) and returns its text and rendered output;
// it skips when the story or the models are missing.
func runExample(t *testing.T) (body string, out contract.Document) {
	t.Helper()
	path := datadir.Path("..", "examples", "trump-putin-call.txt")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("example story %s not found: %v", path, err)
	}
	p, err := New(Options{})
	if err != nil {
		t.Skipf("pipeline models unavailable: %v", err)
	}
	title, body, _ := strings.Cut(string(b), "\n")
	d := &doc.Document{ID: "trump-putin-call", Title: title, Text: body, Published: time.Date(2017, 1, 28, 0, 0, 0, 0, time.UTC)}
	st, err := p.Process(d)
	if err != nil {
		t.Fatal(err)
	}
	return body, Render(st, RenderOptions{})
}

// TestQuotesExample runs every stage on the worked example and checks each
// quote's speaker, medium and date as rendered in the contract.
func TestQuotesExample(t *testing.T) {
	body, out := runExample(t)
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
	if len(out.Quotes) != len(want) {
		for _, q := range out.Quotes {
			t.Logf("%s %q %+v", q.Kind, q.Text, q.Speaker)
		}
		t.Fatalf("got %d quotes, want %d", len(out.Quotes), len(want))
	}
	for i, w := range want {
		q := out.Quotes[i]
		if !strings.HasPrefix(q.Text, w.start) || !strings.Contains(q.Speaker.Name, w.speaker) ||
			q.Medium != w.medium || q.Date != w.date || body[q.Start:q.End] != q.Text {
			t.Errorf("quote %d: %q speaker %+v medium %q date %q; want %q by %q, %q, %q",
				i, q.Text, q.Speaker, q.Medium, q.Date, w.start, w.speaker, w.medium, w.date)
		}
		if w.speaker == "" && !q.Speaker.Anonymous {
			t.Errorf("quote %d: speaker %+v, want anonymous", i, q.Speaker)
		}
	}
}
