//go:build polneardump

package quote_test

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/dyadhq/dyad/internal/eval/polnear"
)

// TestDumpPolNeARErrors writes, for rule development, every gold
// attribution of a PolNeAR-format split that the extractor misses or gets
// partly wrong, with its sentence, as tab-separated lines. It runs only
// with the polneardump build tag (it runs the whole pipeline, so it stays
// out of the package's ordinary test binary) and when DYAD_QUOTE_DUMP
// names a split folder (use train, never dev);
// DYAD_QUOTE_DUMP_OUT names the output file (default /tmp/quote-errors.tsv).
//
// Columns: what (missed, bound:MISSLEFT:MISSRIGHT:EXTRALEFT:EXTRARIGHT
// in words for an aligned pair whose contents differ, taken: overlapped by a system attribution
// aligned to another gold one, source, cue, spurious), article, gold cue, gold
// source, gold content, system cue, system source, system content, sentence.
func TestDumpPolNeARErrors(t *testing.T) {
	dir := os.Getenv("DYAD_QUOTE_DUMP")
	if dir == "" {
		t.Skip("set DYAD_QUOTE_DUMP to a PolNeAR split folder to dump errors")
	}
	w := toolOutput(t, "DYAD_QUOTE_DUMP_OUT", "/tmp/quote-errors.tsv")
	for _, it := range loadSplit(t, dir) {
		st, a, d := it.st, it.art, it.st.Doc
		sys := polnear.Systems(st.Quotes)
		txt := func(s polnear.Span) string {
			if s.End <= s.Start {
				return ""
			}
			return strings.Join(strings.Fields(a.Text[s.Start:s.End]), " ")
		}
		sentence := func(at int) string {
			for _, s := range d.Sentences {
				if at >= s.Start && at < s.End {
					return txt(polnear.Span{Start: s.Start, End: s.End})
				}
			}
			return ""
		}
		ov := func(x, y polnear.Span) int {
			lo, hi := max(x.Start, y.Start), min(x.End, y.End)
			return max(hi-lo, 0)
		}
		type pair struct{ g, s, n int }
		var pairs []pair
		for gi, g := range a.Gold {
			for si, s := range sys {
				if n := ov(g.Content, s.Content); n > 0 {
					pairs = append(pairs, pair{gi, si, n})
				}
			}
		}
		sort.SliceStable(pairs, func(i, j int) bool { return pairs[i].n > pairs[j].n })
		gs := make([]int, len(a.Gold))
		for i := range gs {
			gs[i] = -1
		}
		sUsed := make([]bool, len(sys))
		for _, pr := range pairs {
			if gs[pr.g] >= 0 || sUsed[pr.s] {
				continue
			}
			gs[pr.g], sUsed[pr.s] = pr.s, true
		}
		row := func(what string, g polnear.Attribution, s polnear.System, at int) {
			fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", what, a.Name,
				txt(g.Cue), txt(g.Source), txt(g.Content), txt(s.Cue), txt(s.Source), txt(s.Content), sentence(at))
		}
		for gi, g := range a.Gold {
			at := g.Cue.Start
			if g.Cue.End <= g.Cue.Start {
				at = g.Content.Start
			}
			si := gs[gi]
			if si < 0 {
				what, other := "missed", polnear.System{}
				for _, s := range sys {
					if ov(g.Content, s.Content) > 0 {
						// Overlapped, but that system attribution went to
						// another gold one.
						what, other = "taken", s
						break
					}
				}
				row(what, g, other, at)
				continue
			}
			s := sys[si]
			if g.Content != s.Content {
				// Boundary: words of gold missing in the system content
				// (left, right) and system words outside the gold.
				words := func(x polnear.Span) int {
					if x.End <= x.Start {
						return 0
					}
					return len(strings.Fields(a.Text[x.Start:x.End]))
				}
				ml := words(polnear.Span{Start: g.Content.Start, End: min(s.Content.Start, g.Content.End)})
				mr := words(polnear.Span{Start: max(s.Content.End, g.Content.Start), End: g.Content.End})
				el := words(polnear.Span{Start: s.Content.Start, End: min(g.Content.Start, s.Content.End)})
				er := words(polnear.Span{Start: max(g.Content.End, s.Content.Start), End: s.Content.End})
				row(fmt.Sprintf("bound:%d:%d:%d:%d", ml, mr, el, er), g, s, at)
			}
			if g.HasSource && g.Source.End > g.Source.Start && (!s.HasSource || ov(g.Source, s.Source) == 0) {
				row("source", g, s, at)
			}
			if g.Cue.End > g.Cue.Start && (!s.HasCue || ov(g.Cue, s.Cue) == 0) {
				row("cue", g, s, at)
			}
		}
		for si, s := range sys {
			if !sUsed[si] {
				at := s.Content.Start
				if s.HasCue {
					at = s.Cue.Start
				}
				row("spurious", polnear.Attribution{}, s, at)
			}
		}
	}
}
