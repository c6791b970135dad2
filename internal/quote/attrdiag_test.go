//go:build quotelearn

package quote_test

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/dyadhq/dyad/internal/eval/polnear"
	"github.com/dyadhq/dyad/internal/quote"
	"github.com/dyadhq/dyad/pkg/doc"
)

// TestAttributionMisses counts, on the split of DYAD_QUOTE_LEARN (use
// train), the aligned attributions whose source or cue misses the gold
// one, by reason, and the gold attributions no system one overlaps, by the
// class of their cue, so that rule work goes to the biggest classes.
// DYAD_QUOTE_DIAG_OUT (default /tmp/quote-diag.tsv) receives every miss
// with its reason and sentence.
//
//	DYAD_QUOTE_LEARN=/work/shared/data/polnear/train DYAD_QUOTE_CACHE=/tmp/polnear-train.gob \
//	  go test -tags quotelearn -run TestAttributionMisses -v -timeout 30m ./internal/quote/
func TestAttributionMisses(t *testing.T) {
	dir := os.Getenv("DYAD_QUOTE_LEARN")
	if dir == "" {
		t.Skip("set DYAD_QUOTE_LEARN to a PolNeAR split folder")
	}
	w := toolOutput(t, "DYAD_QUOTE_DIAG_OUT", "/tmp/quote-diag.tsv")
	src, cue, miss, path, sform := map[string]int{}, map[string]int{}, map[string]int{}, map[string]int{}, map[string]int{}
	nosrc := map[string]int{}
	var all polnear.Counts
	lemmas := map[string]*lemmaTally{}
	for _, it := range loadSplit(t, dir) {
		d, a := it.st.Doc, it.art
		sys, kinds := systemsWithKinds(it.st.Quotes)
		all.Add(polnear.Score(a.Text, a.Gold, sys))
		al := alignBytes(a.Gold, sys)
		tallyLemmas(lemmas, it.st.Quotes, sys, kinds, a.Gold, al)
		txt := func(s polnear.Span) string {
			if s.End <= s.Start {
				return ""
			}
			return strings.Join(strings.Fields(a.Text[s.Start:s.End]), " ")
		}
		row := func(what, why string, g polnear.Attribution, s polnear.System) {
			at := g.Cue.Start
			if g.Cue.End <= g.Cue.Start {
				at = g.Content.Start
			}
			sent := ""
			if si := sentAt(d, at); si >= 0 {
				sent = txt(polnear.Span{Start: d.Sentences[si].Start, End: d.Sentences[si].End})
			}
			fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%.80s\t%s\n", what, why, a.Name, txt(g.Cue), txt(g.Source),
				txt(g.Content), txt(s.Cue), txt(s.Source), txt(s.Content), sent)
		}
		for gi, g := range a.Gold {
			si := al[gi]
			if si < 0 {
				why := missReason(d, a, g, sys)
				miss[why]++
				row("missed", why, g, polnear.System{})
				continue
			}
			s := sys[si]
			if !(g.HasSource && g.Source.End > g.Source.Start) {
				// A gold attribution with no source: a system source is
				// a false positive.
				res := "sys-none"
				if s.HasSource {
					res = "sys-source " + strings.ToLower(txt(s.Cue))
				}
				nosrc[fmt.Sprintf("%-8s %s", kinds[si], res)]++
			}
			if g.HasSource && g.Source.End > g.Source.Start && s.HasSource {
				// How the system's source phrases fare, by their form.
				form := strings.ToLower(txt(s.Source))
				if !diagPronouns[form] {
					form = "np"
				}
				res := "hit"
				if !overlaps(g.Source, s.Source) {
					res = "miss"
					if t := strings.ToLower(txt(g.Source)); diagPronouns[t] {
						res += " gold-" + t
					}
				}
				sform[fmt.Sprintf("%-6s %-6s %s", form, kinds[si], res)]++
			}
			if g.HasSource && g.Source.End > g.Source.Start && (!s.HasSource || !overlaps(g.Source, s.Source)) {
				why := sourceReason(d, a.Text, g, s, kinds[si])
				src[why]++
				if !s.HasSource && g.Cue.End > g.Cue.Start {
					p := sourcePath(d, g)
					path[p]++
					why += " " + p
				}
				row("source", why, g, s)
			}
			if g.Cue.End > g.Cue.Start && (!s.HasCue || !overlaps(g.Cue, s.Cue)) {
				why := cueReason(d, g, s, kinds[si])
				cue[why]++
				row("cue", why, g, s)
			}
		}
	}
	if os.Getenv("DYAD_QUOTE_DIAG_LEMMAS") != "" {
		printLemmas(lemmas)
	}
	overlap, exact, source, cueF := all.Headline()
	fmt.Printf("overlap %.4f exact %.4f source %.4f (tp %d sys %d gold %d) cue %.4f (tp %d sys %d gold %d)\n",
		overlap, exact, source, all.SrcTP, all.SrcSys, all.SrcGold, cueF, all.CueTP, all.CueSys, all.CueGold)
	for _, m := range []struct {
		name string
		c    map[string]int
	}{{"system source form", sform}, {"gold without source", nosrc}, {"source miss", src}, {"source path (system has none)", path}, {"cue miss", cue}, {"gold not aligned", miss}} {
		printCounts(m.name, m.c)
	}
}

func printCounts(name string, c map[string]int) {
	type kv struct {
		k string
		v int
	}
	var kvs []kv
	n := 0
	for k, v := range c {
		kvs = append(kvs, kv{k, v})
		n += v
	}
	sort.Slice(kvs, func(i, j int) bool { return kvs[i].v > kvs[j].v || kvs[i].v == kvs[j].v && kvs[i].k < kvs[j].k })
	fmt.Printf("%s: %d\n", name, n)
	for _, e := range kvs {
		fmt.Printf("  %6d  %s\n", e.v, e.k)
	}
}

// systemsWithKinds is polnear.Systems with the kind of the quote that
// opened each system attribution.
func systemsWithKinds(qs []quote.Quote) ([]polnear.System, []string) {
	sys := polnear.Systems(qs)
	kinds := make([]string, len(sys))
	for i, s := range sys {
		for _, q := range qs {
			if q.Continues < 0 && q.Start >= s.Content.Start && q.End <= s.Content.End {
				kinds[i] = q.Kind
				break
			}
		}
	}
	return sys, kinds
}

func overlaps(x, y polnear.Span) bool { return x.Start < y.End && y.Start < x.End }

// alignBytes aligns gold and system contents one to one, most shared
// bytes first (the scorer counts words; bytes rank pairs the same way
// nearly always).
func alignBytes(gold []polnear.Attribution, sys []polnear.System) []int {
	type pair struct{ g, s, n int }
	var pairs []pair
	for gi, g := range gold {
		for si, s := range sys {
			if n := min(g.Content.End, s.Content.End) - max(g.Content.Start, s.Content.Start); n > 0 {
				pairs = append(pairs, pair{gi, si, n})
			}
		}
	}
	sort.SliceStable(pairs, func(i, j int) bool { return pairs[i].n > pairs[j].n })
	gs := make([]int, len(gold))
	for i := range gs {
		gs[i] = -1
	}
	used := make([]bool, len(sys))
	for _, p := range pairs {
		if gs[p.g] < 0 && !used[p.s] {
			gs[p.g], used[p.s] = p.s, true
		}
	}
	return gs
}

// tokensIn returns the tokens [first, last) overlapping sp.
func tokensIn(d *doc.Document, sp polnear.Span) (int, int) {
	first, last := -1, -1
	for i, t := range d.Tokens {
		if t.Start < sp.End && t.End > sp.Start {
			if first < 0 {
				first = i
			}
			last = i + 1
		}
	}
	return first, last
}

func sentAt(d *doc.Document, at int) int {
	for i, s := range d.Sentences {
		if at >= s.Start && at < s.End {
			return i
		}
	}
	return -1
}

var diagPronouns = map[string]bool{"he": true, "she": true, "they": true, "i": true, "we": true, "it": true,
	"you": true, "his": true, "her": true, "their": true, "its": true, "my": true, "our": true, "who": true,
	"which": true, "that": true, "him": true, "them": true, "me": true, "us": true}

// sourceReason classes a source miss of an aligned pair.
func sourceReason(d *doc.Document, text string, g polnear.Attribution, s polnear.System, kind string) string {
	gs := strings.ToLower(strings.TrimSpace(text[g.Source.Start:g.Source.End]))
	form := "np"
	switch {
	case diagPronouns[gs]:
		form = "pronoun"
	case strings.HasSuffix(gs, "'s") || strings.HasSuffix(gs, "\u2019s") || strings.HasPrefix(text[g.Source.End:], "'s") || strings.HasPrefix(text[g.Source.End:], "\u2019s"):
		form = "possessive"
	case g.Source.Start >= 3 && strings.HasSuffix(strings.ToLower(text[max(0, g.Source.Start-4):g.Source.Start]), "by "):
		form = "by-agent"
	}
	gc := strings.ToLower(text[g.Cue.Start:g.Cue.End])
	if strings.Contains(gc, "according") {
		form = "according-to"
	}
	where := "same-sent"
	at := g.Cue.Start
	if g.Cue.End <= g.Cue.Start {
		at = g.Content.Start
	}
	if sentAt(d, g.Source.Start) != sentAt(d, at) {
		where = "other-sent"
	}
	cueOK := "cue-ok"
	switch {
	case g.Cue.End <= g.Cue.Start:
		cueOK = "gold-nocue"
	case !s.HasCue:
		cueOK = "sys-nocue"
	case !overlaps(g.Cue, s.Cue):
		cueOK = "cue-differs"
	}
	sysWhat := "sys-none"
	if s.HasSource {
		switch {
		case overlaps(s.Source, g.Content):
			sysWhat = "sys-in-gold-content"
		case s.Source.End <= g.Source.Start:
			sysWhat = "sys-before"
		default:
			sysWhat = "sys-after"
		}
	}
	return fmt.Sprintf("%-7s %-11s %-10s %-12s %-19s", kind, cueOK, where, form, sysWhat)
}

// cueReason classes a cue miss of an aligned pair.
func cueReason(d *doc.Document, g polnear.Attribution, s polnear.System, kind string) string {
	a, b := tokensIn(d, g.Cue)
	pos := "?"
	if a >= 0 {
		pos = d.Tokens[a].UPOS
		for i := a; i < b; i++ {
			if d.Tokens[i].UPOS == "VERB" {
				pos = "VERB"
			}
		}
	}
	n := "1w"
	if b-a > 1 {
		n = "multi"
	}
	what := "sys-nocue"
	if s.HasCue {
		sa, sb := tokensIn(d, s.Cue)
		switch {
		case sentAt(d, s.Cue.Start) != sentAt(d, g.Cue.Start):
			what = "sys-other-sent"
		case sa >= b && sa-b <= 2 || a >= sb && a-sb <= 2:
			what = "sys-adjacent"
		default:
			what = "sys-same-sent"
		}
	}
	return fmt.Sprintf("%-7s %-5s %-5s %-14s", kind, pos, n, what)
}

// missReason classes a gold attribution no system one was aligned to.
func missReason(d *doc.Document, a polnear.Article, g polnear.Attribution, sys []polnear.System) string {
	taken := "none"
	for _, s := range sys {
		if overlaps(g.Content, s.Content) {
			taken = "taken"
			break
		}
	}
	pos := "nocue"
	if g.Cue.End > g.Cue.Start {
		x, y := tokensIn(d, g.Cue)
		if x >= 0 {
			pos = d.Tokens[x].UPOS
			for i := x; i < y; i++ {
				if d.Tokens[i].UPOS == "VERB" {
					pos = "VERB"
				}
			}
		}
	}
	where := "cue-free"
	for _, s := range sys {
		if g.Cue.End > g.Cue.Start && overlaps(g.Cue, s.Content) {
			where = "cue-in-sys-content"
		}
	}
	return fmt.Sprintf("%-6s %-5s %s", taken, pos, where)
}

// headIn returns the token of [a, b) whose head lies outside it.
func headIn(d *doc.Document, a, b int) int {
	for i := a; i < b; i++ {
		if h := d.Tokens[i].Head; h < a || h >= b {
			return i
		}
	}
	return a
}

// sourcePath describes how the gold source's head hangs on the gold cue's
// main word in the parse.
func sourcePath(d *doc.Document, g polnear.Attribution) string {
	sa, sb := tokensIn(d, g.Source)
	ca, cb := tokensIn(d, g.Cue)
	if sa < 0 || ca < 0 {
		return "?"
	}
	h := headIn(d, sa, sb)
	c := -1
	for i := ca; i < cb; i++ {
		if u := d.Tokens[i].UPOS; u == "VERB" || c < 0 && (u == "NOUN" || u == "ADJ") {
			c = i
		}
	}
	if c < 0 {
		c = headIn(d, ca, cb)
	}
	ct := d.Tokens[c]
	hh := d.Tokens[h].Head
	rel := d.Tokens[h].Deprel
	switch {
	case hh == c:
		return fmt.Sprintf("%s@cue(%s)", rel, ct.UPOS)
	case hh >= ca && hh < cb:
		return fmt.Sprintf("%s@cuetok(%s)", rel, d.Tokens[hh].UPOS)
	case hh >= 0 && hh == ct.Head:
		return fmt.Sprintf("%s@parent(%s %s)", rel, ct.UPOS, ct.Deprel)
	case hh >= 0 && d.Tokens[hh].Head == c:
		return fmt.Sprintf("%s@child(%s)", rel, d.Tokens[hh].Deprel)
	case ct.Head >= 0 && d.Tokens[ct.Head].Head == hh && hh >= 0:
		return fmt.Sprintf("%s@grandparent(%s %s)", rel, ct.Deprel, d.Tokens[ct.Head].Deprel)
	case hh >= 0 && d.Tokens[hh].Deprel == "conj" && d.Tokens[hh].Head == ct.Head:
		return fmt.Sprintf("%s@sibling-conj", rel)
	}
	return fmt.Sprintf("%s@other(%s %s)", rel, ct.UPOS, ct.Deprel)
}

// lemmaTally counts, for one cue lemma and kind, the system attributions
// aligned to a gold one (and of those, the ones whose cue overlaps the
// gold cue) and the spurious ones.
type lemmaTally struct{ aligned, cueHit, spurious int }

func tallyLemmas(m map[string]*lemmaTally, qs []quote.Quote, sys []polnear.System, kinds []string, gold []polnear.Attribution, al []int) {
	used := make([]int, len(sys))
	for i := range used {
		used[i] = -1
	}
	for gi, si := range al {
		if si >= 0 {
			used[si] = gi
		}
	}
	for si, s := range sys {
		lem := "-"
		for _, q := range qs {
			if q.Continues < 0 && q.Start >= s.Content.Start && q.End <= s.Content.End {
				lem = q.Cue.Lemma
				break
			}
		}
		k := kinds[si] + " " + lem
		t := m[k]
		if t == nil {
			t = &lemmaTally{}
			m[k] = t
		}
		if gi := used[si]; gi >= 0 {
			t.aligned++
			if s.HasCue && overlaps(s.Cue, gold[gi].Cue) {
				t.cueHit++
			}
		} else {
			t.spurious++
		}
	}
}

func printLemmas(m map[string]*lemmaTally) {
	var ks []string
	for k, t := range m {
		if t.spurious >= 8 {
			ks = append(ks, k)
		}
	}
	sort.Slice(ks, func(i, j int) bool { return m[ks[i]].spurious > m[ks[j]].spurious })
	fmt.Println("cue lemma: aligned cue-hit spurious precision")
	for _, k := range ks {
		t := m[k]
		fmt.Printf("  %-30s %5d %5d %5d  %.2f\n", k, t.aligned, t.cueHit, t.spurious, float64(t.aligned)/float64(t.aligned+t.spurious))
	}
}

// TestGoldNesting counts, on the split of DYAD_QUOTE_LEARN, gold
// attributions whose cue lies inside another's content, and whether the
// outer content holds the inner content whole or stops before it.
func TestGoldNesting(t *testing.T) {
	dir := os.Getenv("DYAD_QUOTE_LEARN")
	if dir == "" {
		t.Skip("set DYAD_QUOTE_LEARN to a PolNeAR split folder")
	}
	arts, err := polnear.Load(dir, 0)
	if err != nil {
		t.Fatal(err)
	}
	c := map[string]int{}
	for _, a := range arts {
		for gi, g := range a.Gold {
			for hi, h := range a.Gold {
				if hi == gi || h.Cue.End <= h.Cue.Start || h.Cue.Start < g.Content.Start || h.Cue.End > g.Content.End {
					continue
				}
				switch {
				case h.Content.Start >= g.Content.Start && h.Content.End <= g.Content.End:
					c["inner content inside outer"]++
				default:
					c["inner content crosses outer"]++
				}
			}
		}
	}
	printCounts("gold cue inside another gold content", c)
}
