//go:build quotelearn

package quote_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/dyadhq/dyad/internal/quote"
	"github.com/dyadhq/dyad/pkg/doc"
)

// TestFramelessCues classes the gold verb cues of DYAD_QUOTE_LEARN that no
// system content overlaps, that the cue model accepts but for which the
// parse gives no frame: by the cue's relation and where the gold content's
// head lies relative to it.
func TestFramelessCues(t *testing.T) {
	dir := os.Getenv("DYAD_QUOTE_LEARN")
	if dir == "" {
		t.Skip("set DYAD_QUOTE_LEARN to a PolNeAR split folder")
	}
	w := toolOutput(t, "DYAD_QUOTE_FRAME_OUT", "/tmp/quote-frameless.tsv")
	x := quote.New(nil)
	shape, rel := map[string]int{}, map[string]int{}
	n, nf, acc := 0, 0, 0
	items := loadSplit(t, dir)
	for _, it := range items {
		d, a := it.st.Doc, it.art
		sys, _ := systemsWithKinds(it.st.Quotes)
		for _, g := range a.Gold {
			if g.Cue.End <= g.Cue.Start || g.Content.End <= g.Content.Start {
				continue
			}
			taken := false
			for _, s := range sys {
				if overlaps(g.Content, s.Content) || overlaps(g.Cue, s.Cue) {
					taken = true
				}
			}
			if taken {
				continue
			}
			ca, cb := tokensIn(d, g.Cue)
			v := -1
			for i := ca; i >= 0 && i < cb; i++ {
				if d.Tokens[i].UPOS == "VERB" {
					v = i
				}
			}
			if v < 0 {
				continue
			}
			n++
			cand, c, sc, th := quote.ProbeCue(x, d, it.st.Times, v)
			if !cand || c >= 0 {
				continue
			}
			nf++
			if sc < th {
				continue
			}
			acc++
			tv := d.Tokens[v]
			sh := tv.Deprel + "/" + tv.XPOS
			shape[sh]++
			ka, kb := tokensIn(d, g.Content)
			r := where(d, v, ka, kb)
			rel[sh+"  "+r]++
			sent := ""
			if si := sentAt(d, d.Tokens[v].Start); si >= 0 {
				sent = strings.Join(strings.Fields(d.Text[d.Sentences[si].Start:d.Sentences[si].End]), " ")
			}
			fmt.Fprintf(w, "%s\t%s\t%.1f\t%s\t%s\t%s\n", sh, r, sc-th, d.Text[tv.Start:tv.End],
				strings.Join(strings.Fields(a.Text[g.Content.Start:g.Content.End]), " "), sent)
		}
	}
	fmt.Printf("gold verb cues untouched %d, frameless %d, accepted %d\n", n, nf, acc)
	printCounts("shape", shape)
	printCounts("shape + content", rel)
}

// where describes the gold content [ka, kb) relative to cue v.
func where(d *doc.Document, v, ka, kb int) string {
	if ka < 0 {
		return "?"
	}
	h := headIn(d, ka, kb)
	side := "after"
	if kb <= v {
		side = "before"
	} else if ka <= v && v < kb {
		side = "around"
	}
	hv := int(d.Tokens[v].Head)
	th := d.Tokens[h]
	switch {
	case h == hv:
		return side + " cue-head(" + th.UPOS + ")"
	case int(th.Head) == v:
		return side + " child:" + th.Deprel
	case hv >= 0 && int(th.Head) == hv:
		return side + " sibling:" + th.Deprel
	case hv >= 0 && int(d.Tokens[hv].Head) == h:
		return side + " grandhead(" + th.UPOS + ")"
	case th.Head >= 0 && int(d.Tokens[th.Head].Head) == v:
		return side + " grandchild:" + d.Tokens[th.Head].Deprel + ">" + th.Deprel
	}
	return side + " other:" + th.Deprel
}
