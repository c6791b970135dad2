package quote

import (
	"bytes"
	"strings"
	"testing"

	"github.com/dyadhq/dyad/internal/segment"
	"github.com/dyadhq/dyad/internal/timex"
	"github.com/dyadhq/dyad/internal/tokenize"
	"github.com/dyadhq/dyad/pkg/doc"
)

// toyBoundExamples are parsed sentences written for the test, each with
// the gold cue and content a reader would mark.
func toyBoundExamples(t *testing.T) []BoundExample {
	t.Helper()
	var exs []BoundExample
	for _, c := range []struct{ text, cue, content string }{
		{"The mayor said the budget was balanced, though critics disagree.", "said", "the budget was balanced"},
		{"The senator said the deal was dangerous and would cost jobs.", "said", "the deal was dangerous and would cost jobs"},
		{"The governor criticized the new law during a speech in Albany.", "criticized", "the new law"},
		{"The minister said talks would resume next week in Geneva.", "said", "talks would resume next week in Geneva"},
		{"Her rival mocked the plans of three leaders: Smith, Jones, and Brown.", "mocked", "the plans of three leaders: Smith, Jones, and Brown"},
		{"The union argued that wages were too low, while the company said profits were falling.", "argued", "that wages were too low"},
	} {
		d := parsed(t, c.text)
		cs, ks := strings.Index(c.text, c.cue), strings.Index(c.text, c.content)
		exs = append(exs, BoundExample{Doc: d, Times: timex.Extract(d, d.Published), Gold: []GoldSpans{{
			Cue: [2]int{cs, cs + len(c.cue)}, Content: [2]int{ks, ks + len(c.content)}}}})
	}
	return exs
}

// TestTrainBoundsDeterministic trains twice on the same examples and
// checks that the stored models are the same bytes, and that a stored
// model reads back to the same weights.
func TestTrainBoundsDeterministic(t *testing.T) {
	exs := toyBoundExamples(t)
	x := New(dict)
	var outs [2]bytes.Buffer
	for i := range outs {
		m, st := TrainBounds(x, exs, DefaultBoundTrainConfig())
		if st.Quotes != len(exs) || m.Len() == 0 {
			t.Fatalf("trained on %d contents (%+v), %d weights; want %d contents", st.Quotes, st, m.Len(), len(exs))
		}
		if err := m.Write(&outs[i]); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(outs[0].Bytes(), outs[1].Bytes()) {
		t.Fatal("two trainings on the same data stored different bytes")
	}
	m, err := ReadBoundModel(bytes.NewReader(outs[0].Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	if err := m.Write(&again); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again.Bytes(), outs[0].Bytes()) {
		t.Error("a model read back stores different bytes")
	}
	if _, err := ReadBoundModel(bytes.NewReader(cueModelData)); err == nil {
		t.Error("the cue model read as a bounds model")
	}
}

// TestEmbeddedBoundModel checks that the embedded model loads and has
// weights and the margin cross-validation chose.
func TestEmbeddedBoundModel(t *testing.T) {
	m, err := LoadBoundModel()
	if err != nil {
		t.Fatal(err)
	}
	if m.Len() < 1000 || m.Margin != DefaultBoundTrainConfig().Margin {
		t.Errorf("embedded model: %d weights, margin %v", m.Len(), m.Margin)
	}
}

// fuzzRels are the relations FuzzBoundModel hangs tokens by.
var fuzzRels = []string{"nsubj", "ccomp", "obj", "punct", "conj", "cc", "mark", "advcl", "acl:relcl", "obl", "root", "xcomp", "aux"}

// FuzzBoundModel runs the extractor with the bounds model on any text
// with real tokens and sentences and hashed tags, heads (cycles included)
// and relations, checking that contents stay inside the text.
func FuzzBoundModel(f *testing.F) {
	for _, s := range []string{
		"The mayor said the budget was balanced, though critics disagree.",
		`He mocked the plans: Smith, Jones, and Brown. "No," she said, adding that it failed.`,
		"Trump Says Clinton Lied\n\nIn Trump's view, the deal, which Democrats say failed, seemed a disaster.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := &doc.Document{Text: s}
		d.Tokens = tokenize.Tokenize(s)
		d.Sentences = segment.Segment(s, d.Tokens)
		n := len(d.Tokens)
		for i := range d.Tokens {
			w := strings.ToLower(d.TokenText(i))
			h := 7
			for _, c := range []byte(w) {
				h = (h*31 + int(c)) & 0xffffff
			}
			tg := fuzzTags[h%len(fuzzTags)]
			if w == "said" || w == "told" {
				tg = fuzzTags[0]
			}
			tk := &d.Tokens[i]
			tk.XPOS, tk.UPOS, tk.Lemma = tg[0], tg[1], w
			// A head in the token's sentence, or none: a parser's arcs
			// stay in their sentence, though they may loop.
			lo, hi := 0, n
			if si := d.SentenceOf(i); si >= 0 {
				lo, hi = d.Sentences[si].First, d.Sentences[si].Last
			}
			if tk.Head = lo + (h+i)%(hi-lo+1) - 1; tk.Head < lo {
				tk.Head = -1
			}
			tk.Deprel = fuzzRels[(h/7)%len(fuzzRels)]
		}
		for _, q := range New(nil).Extract(d, nil, nil) {
			if q.Start < 0 || q.End > len(s) || q.End <= q.Start || q.First < 0 || q.Last > n || q.Last <= q.First {
				t.Fatalf("bad content [%d,%d) tokens [%d,%d) in %q", q.Start, q.End, q.First, q.Last, s)
			}
		}
	})
}
