package polnear

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyadhq/dyad/internal/datadir/datatest"
	"github.com/dyadhq/dyad/internal/quote"
)

// The text has a curly quote before the spans, so code-point and byte
// offsets differ.
const annText = "Title\n\n\u201cWe will win,\u201d Trump said.\n\nPolls show a tie, sources said."

const annFile = "T1\tContent 7 21\t\u201cWe will win,\u201d\n" +
	"T2\tSource 22 27\tTrump\n" +
	"T3\tCue 28 32\tsaid\n" +
	"T4\tAttribution 28 32\tsaid\n" +
	"E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2\n" +
	"\n" +
	"T5\tContent 35 47;48 51\tPolls show a tie\n" +
	"T6\tCue 61 65\tsaid\n" +
	"T7\tDiscard 0 5\tTitle\n" +
	"E2\tAttribution-no-source:T6 Content:T5 Cue:T6\n" +
	"#1\tAnnotatorNotes T1\tnote\n" +
	"E3\tAttribution:T6\n"

func TestParseAnn(t *testing.T) {
	got, err := ParseAnn([]byte(annFile), annText)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("got %d attributions, want 2 (the empty E line dropped): %+v", len(got), got)
	}
	for i, w := range []struct{ content, source, cue string }{
		{"\u201cWe will win,\u201d", "Trump", "said"},
		{"Polls show a tie", "", "said"},
	} {
		a := got[i]
		src := ""
		if a.HasSource {
			src = annText[a.Source.Start:a.Source.End]
		}
		if annText[a.Content.Start:a.Content.End] != w.content || src != w.source || annText[a.Cue.Start:a.Cue.End] != w.cue {
			t.Errorf("attribution %d: content %q source %q cue %q", i, annText[a.Content.Start:a.Content.End], src, annText[a.Cue.Start:a.Cue.End])
		}
	}
	for _, bad := range []string{"T1\tContent 7\tx\n", "T1\tContent 9 3\tx\n", "T1\tContent 7 999\tx\n", "T1\tContent a b\tx\n"} {
		if _, err := ParseAnn([]byte(bad), annText); err == nil {
			t.Errorf("no error for %q", bad)
		}
	}
}

func TestScore(t *testing.T) {
	gold, err := ParseAnn([]byte(annFile), annText)
	if err != nil {
		t.Fatal(err)
	}
	// One exact attribution, one with a shorter content and a wrong cue,
	// one spurious.
	sys := []System{
		{Content: gold[0].Content, Source: gold[0].Source, Cue: gold[0].Cue, HasSource: true, HasCue: true},
		{Content: Span{gold[1].Content.Start, gold[1].Content.Start + len("Polls show a")}, Cue: gold[0].Source, HasCue: true},
		{Content: Span{0, 5}},
	}
	c := Score(annText, gold, sys)
	if c.Gold != 2 || c.Sys != 3 || c.Aligned != 2 || c.ContentExact != 1 || c.SrcTP != 1 || c.SrcGold != 1 || c.SrcSys != 1 ||
		c.CueTP != 1 || c.CueGold != 2 || c.CueSys != 2 {
		t.Errorf("counts %+v", c)
	}
	// "Polls show a" of "Polls show a tie": 3 of 3 system words, 3 of 4 gold words.
	if c.OverlapP != 2 || c.OverlapR != 1.75 {
		t.Errorf("overlap credit P %v R %v, want 2 and 1.75", c.OverlapP, c.OverlapR)
	}
}

func FuzzParseAnn(f *testing.F) {
	f.Add([]byte(annFile), annText)
	f.Add([]byte("T1\tContent 0 1;1 2\tab\nE1\tAttribution:T9 Content:T1\n"), "ab")
	f.Fuzz(func(t *testing.T, ann []byte, text string) {
		got, err := ParseAnn(ann, text)
		if err != nil {
			return
		}
		for _, a := range got {
			for _, s := range []Span{a.Content, a.Source, a.Cue} {
				if s.Start < 0 || s.End < s.Start || s.End > len(text) {
					t.Fatalf("span %+v outside text of %d bytes", s, len(text))
				}
			}
		}
	})
}

// TestDev runs the suite on the dev split and asserts floors well below
// the measured figures (see docs/quotes.md); `dyad eval polnear` prints them.
func TestDev(t *testing.T) {
	dir := datatest.Require(t, "polnear", "dev")
	if testing.Short() {
		t.Skip("short mode")
	}
	rep, err := Run(context.Background(), dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for name, floor := range map[string]float64{"content_overlap_f1": 0.55, "source_f1": 0.55, "cue_f1": 0.55, "content_exact_f1": 0.40} {
		if v, _ := rep.Metric(name); v < floor {
			t.Errorf("%s = %.4f, below the floor %.2f", name, v, floor)
		}
	}
	if os.Getenv("POLNEAR_PRINT") != "" {
		for _, n := range rep.Names() {
			v, _ := rep.Metric(n)
			t.Logf("%s %.4f", n, v)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	if _, err := Load(dir, 0); err == nil {
		t.Error("no error for an empty folder")
	}
	if err := os.MkdirAll(dir+"/text", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dir+"/text/a.txt", []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(dir, 0); err == nil {
		t.Error("no error for a text without attributions")
	}
}

func TestSystemsMerge(t *testing.T) {
	cue := func(a, b int) quote.Cue { return quote.Cue{Lemma: "say", First: 0, Last: 1, Start: a, End: b} }
	none := quote.Cue{First: -1, Last: -1, Start: -1, End: -1}
	spk := quote.Speaker{Start: 0, End: 5, First: 0, Last: 1}
	noSpk := quote.Speaker{Start: -1, End: -1, First: -1, Last: -1}
	for _, tc := range []struct {
		name string
		qs   []quote.Quote
		want []Span
	}{
		{"continuation joins its quote", []quote.Quote{
			{Start: 10, End: 20, Cue: cue(22, 26), Speaker: spk, Continues: -1},
			{Start: 30, End: 40, Cue: none, Speaker: spk, Continues: 0},
		}, []Span{{10, 40}}},
		{"interrupted quote shares a cue", []quote.Quote{
			{Start: 10, End: 20, Cue: cue(22, 26), Speaker: spk, Continues: -1},
			{Start: 28, End: 35, Cue: cue(22, 26), Speaker: spk, Continues: -1},
			{Start: 40, End: 50, Cue: none, Speaker: spk, Continues: 1},
		}, []Span{{10, 50}}},
		{"separate quotes stay apart", []quote.Quote{
			{Start: 10, End: 20, Cue: cue(22, 26), Speaker: spk, Continues: -1},
			{Start: 30, End: 40, Cue: cue(42, 46), Speaker: noSpk, Continues: -1},
		}, []Span{{10, 20}, {30, 40}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Systems(tc.qs)
			if len(got) != len(tc.want) {
				t.Fatalf("got %d attributions %+v, want %d", len(got), got, len(tc.want))
			}
			for i, w := range tc.want {
				if got[i].Content != w {
					t.Errorf("attribution %d content %+v, want %+v", i, got[i].Content, w)
				}
			}
			if tc.name == "separate quotes stay apart" && got[1].HasSource {
				t.Errorf("a quote without a speaker phrase has a source: %+v", got[1])
			}
		})
	}
}

// TestAgreement scores two annotators of one article against each other:
// the second kept only the first attribution, so half of each one's
// contents and cues are matched, and every source the two share agrees.
// An article with one annotator is left out.
func TestAgreement(t *testing.T) {
	dir := t.TempDir()
	second := annFile[:strings.Index(annFile, "\n\n")+1]
	for name, body := range map[string]string{
		"text/a.txt": annText, "attributions/a_1111.ann": annFile, "attributions/a_2222.ann": second,
		"text/b.txt": annText, "attributions/b_1111.ann": annFile,
	} {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	rep, err := Agreement(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]float64{
		"articles": 1, "annotations": 2, "annotator_pairs": 2,
		"human_content_overlap_f1": 2.0 / 3, "human_cue_f1": 2.0 / 3, "human_source_f1": 1,
		"human_gold": 3, "human_system": 3, "system_gold": 3,
	} {
		if got, ok := rep.Metric(name); !ok || math.Abs(got-want) > 1e-3 {
			t.Errorf("%s = %.4f (present %v), want %.4f", name, got, ok, want)
		}
	}
	if err := os.Remove(filepath.Join(dir, "attributions/a_2222.ann")); err != nil {
		t.Fatal(err)
	}
	if _, err := Agreement(context.Background(), dir); err == nil {
		t.Error("no error for a folder where no article has two annotators")
	}
}
