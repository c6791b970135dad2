//go:build quoteprobe

package quote_test

import (
	"bufio"
	"fmt"
	"os"
	"testing"

	"github.com/dyadhq/dyad/internal/pipeline"
	"github.com/dyadhq/dyad/pkg/doc"
)

// TestProbe prints, for rule development, every attribution (stances
// included) that the whole pipeline finds in the lines of the file named by
// DYAD_QUOTE_PROBE, each line its own paragraph after the title line
// DYAD_QUOTE_PROBE_TITLE. It runs only with the quoteprobe build tag:
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
	p, err := pipeline.New(pipeline.Options{Until: "quotes"})
	if err != nil {
		t.Fatal(err)
	}
	d := &doc.Document{ID: "p", Text: text}
	st, err := p.Process(d)
	if err != nil {
		t.Fatal(err)
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
				fmt.Printf("     %s | %s | %s | %s\n", q.Kind, cue, sp, text[q.Start:q.End])
			}
		}
	}
}
