package event

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dyadhq/dyad/pkg/doc"
)

// tree builds a document from hand-written parses: one token a line,
// "form lemma UPOS head deprel [feats]" with head 1-based in its sentence
// (0 the root); a blank line ends a sentence. Forms are joined by spaces.
func tree(t testing.TB, spec string) *doc.Document {
	t.Helper()
	d := &doc.Document{Published: time.Date(2017, 1, 28, 0, 0, 0, 0, time.UTC)}
	var sb strings.Builder
	first := 0
	flush := func() {
		if len(d.Tokens) > first {
			d.Sentences = append(d.Sentences, doc.Sentence{Start: d.Tokens[first].Start,
				End: d.Tokens[len(d.Tokens)-1].End, First: first, Last: len(d.Tokens)})
			first = len(d.Tokens)
		}
	}
	for _, line := range strings.Split(spec, "\n") {
		f := strings.Fields(line)
		if len(f) == 0 {
			flush()
			continue
		}
		if len(f) < 5 {
			t.Fatalf("bad token line %q", line)
		}
		h, err := strconv.Atoi(f[3])
		if err != nil {
			t.Fatalf("bad head in %q", line)
		}
		if sb.Len() > 0 {
			sb.WriteByte(' ')
		}
		start := sb.Len()
		sb.WriteString(f[0])
		head := -1
		if h > 0 {
			head = first + h - 1
		}
		tk := doc.Token{Start: start, End: sb.Len(), UPOS: f[2], Lemma: f[1], Head: head, Deprel: f[4], SpaceAfter: true}
		if len(f) > 5 {
			tk.Feats = f[5]
		}
		if len(f) > 6 {
			tk.XPOS = f[6]
		}
		d.Tokens = append(d.Tokens, tk)
	}
	flush()
	d.Text = sb.String()
	if err := d.Check(); err != nil {
		t.Fatalf("bad tree: %v", err)
	}
	return d
}

// triples prints events as sorted "SRC TGT CODE [flags]" strings.
func triples(evs []Event) []string {
	var out []string
	for _, e := range evs {
		s := fmt.Sprintf("%s %s %s", e.Source.Code, e.Target.Code, e.Code)
		if e.Negated {
			s += " neg"
		}
		if e.Reported {
			s += " rep"
		}
		if e.Modality != "" {
			s += " " + e.Modality
		}
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}
