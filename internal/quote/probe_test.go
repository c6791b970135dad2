//go:build quoteprobe

package quote_test

import (
	"bufio"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/dyadhq/dyad/internal/actor"
	"github.com/dyadhq/dyad/internal/pipeline"
	"github.com/dyadhq/dyad/internal/quote"
	"github.com/dyadhq/dyad/pkg/doc"
)

// TestProbe prints, for rule development, every attribution (stances
// included) that the whole pipeline finds in the lines of the file named by
// DYAD_QUOTE_PROBE, each line its own paragraph after the title line
// DYAD_QUOTE_PROBE_TITLE (or, with DYAD_QUOTE_PROBE_DATE=YYYY-MM-DD, the
// whole file as one article published that day). The pipeline runs up to
// the time expressions and the extractor resolves speakers through the
// actor dictionary, without the entity stage. It runs only with the
// quoteprobe build tag:
//
//	DYAD_QUOTE_PROBE=sentences.txt go test -tags quoteprobe -run TestProbe -v ./internal/quote/
func TestProbe(t *testing.T) {
	f, err := os.Open(os.Getenv("DYAD_QUOTE_PROBE"))
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	text := os.Getenv("DYAD_QUOTE_PROBE_TITLE") + "\n\n"
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		text += sc.Text() + "\n\n"
	}
	var published time.Time
	if day := os.Getenv("DYAD_QUOTE_PROBE_DATE"); day != "" {
		// A whole article, read as it is, published on that day.
		b, err := os.ReadFile(os.Getenv("DYAD_QUOTE_PROBE"))
		if err != nil {
			t.Fatal(err)
		}
		text = string(b)
		if published, err = time.Parse("2006-01-02", day); err != nil {
			t.Fatal(err)
		}
	}
	// Up to the times only: the spans do not depend on the entity stage.
	p, err := pipeline.New(pipeline.Options{Until: "timex"})
	if err != nil {
		t.Fatal(err)
	}
	d := &doc.Document{ID: "p", Text: text, Published: published}
	st, err := p.Process(d)
	if err != nil {
		t.Fatal(err)
	}
	dict, err := actor.Load()
	if err != nil {
		t.Fatal(err)
	}
	st.Quotes = quote.New(dict).Extract(d, st.Times, nil)
	if os.Getenv("DYAD_QUOTE_PROBE_PARSE") != "" {
		for i, tk := range d.Tokens {
			fmt.Printf("  %d %s %s %s %d %s\n", i, d.TokenText(i), tk.XPOS, tk.Lemma, tk.Head, tk.Deprel)
		}
	}
	for _, s := range d.Sentences {
		fmt.Println(text[s.Start:s.End])
		for _, q := range st.Quotes {
			if q.Start >= s.Start && q.Start < s.End {
				sp := ""
				if q.Speaker.Start >= 0 {
					sp = text[q.Speaker.Start:q.Speaker.End]
				}
				cue := ""
				if q.Cue.End > q.Cue.Start {
					cue = text[q.Cue.Start:q.Cue.End]
				}
				fmt.Printf("     %s | %s | %s (%s %s) | %s\n", q.Kind, cue, sp, q.Speaker.Name, q.Speaker.Code, text[q.Start:q.End])
			}
		}
	}
}
