package ner

import (
	"bytes"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/dyadhq/dyad/internal/actor"
	"github.com/dyadhq/dyad/internal/tag"
)

func TestAppendSpans(t *testing.T) {
	tests := []struct {
		labels []string
		want   []Span
	}{
		{[]string{"B-PER", "I-PER", "O", "B-LOC"}, []Span{{0, 2, "PER"}, {3, 4, "LOC"}}},
		{[]string{"B-ORG", "B-ORG", "I-ORG"}, []Span{{0, 1, "ORG"}, {1, 3, "ORG"}}},
		{[]string{"I-LOC", "I-LOC", "O"}, []Span{{0, 2, "LOC"}}}, // a stray I- begins a span
		{[]string{"B-PER", "I-LOC"}, []Span{{0, 1, "PER"}, {1, 2, "LOC"}}},
		{[]string{"O", "O"}, nil},
	}
	for _, tc := range tests {
		idx := make([]int, len(tc.labels))
		for i, l := range tc.labels {
			idx[i] = LabelIndex(l)
		}
		if got := appendSpans(nil, idx, 0); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%v: %v, want %v", tc.labels, got, tc.want)
		}
	}
}

func TestLabelIndexOTH(t *testing.T) {
	tests := []struct {
		label       string
		scored, own int
	}{
		{"O", labelO, labelO}, {"B-ORG", 3, 3}, {"I-LOC", 6, 6},
		{"B-OTH", labelO, nLabels}, {"I-OTH", labelO, nLabels + 1}, {"B-O", labelO, labelO},
	}
	for _, tc := range tests {
		if got := LabelIndex(tc.label); got != tc.scored {
			t.Errorf("LabelIndex(%q) = %d, want %d", tc.label, got, tc.scored)
		}
		if got := memLabel(tc.label); got != tc.own {
			t.Errorf("memLabel(%q) = %d, want %d", tc.label, got, tc.own)
		}
	}
}

func TestNameMemory(t *testing.T) {
	mk := func(words, labels string) Sentence {
		return Sentence{Words: strings.Fields(words), Labels: strings.Fields(labels)}
	}
	mem := LearnNameMemory([]Sentence{
		mk("I shop at Home Depot", "O O O B-ORG I-ORG"),
		mk("home depot was closed", "B-ORG I-ORG O O"),
		mk("my home depot is big", "O O O O O"), // not a name here: band drops
		mk("Jordan won in Jordan", "B-PER O O B-LOC"),
		mk("Jordan again", "B-LOC O"),
	})
	const org, loc = 1, 2 // PER is 0
	code := func(typ, band int) uint8 { return uint8(1 + 3*typ + band) }
	tests := []struct {
		words     string
		code, pos []uint8
	}{
		// Home Depot: ORG, named 2 times of 3 (band 1); covered as a pair.
		{"near the home depot today", []uint8{0, 0, code(org, 1), code(org, 1), 0}, []uint8{0, 0, 2, 4, 0}},
		// Jordan: LOC twice, PER once, always a name (band 2).
		{"jordan", []uint8{code(loc, 2)}, []uint8{1}},
		{"nothing known", []uint8{0, 0}, []uint8{0, 0}},
	}
	for _, tc := range tests {
		lw := strings.Fields(tc.words)
		c, p := make([]uint8, len(lw)), make([]uint8, len(lw))
		mem.match(lw, c, p)
		if !reflect.DeepEqual(c, tc.code) || !reflect.DeepEqual(p, tc.pos) {
			t.Errorf("%q: codes %v places %v, want %v %v", tc.words, c, p, tc.code, tc.pos)
		}
	}
	var none *NameMemory
	c, p := []uint8{9}, []uint8{9}
	none.match([]string{"x"}, c, p)
	if c[0] != 0 || p[0] != 0 {
		t.Error("a nil memory matched")
	}
}

func TestAllowed(t *testing.T) {
	tests := []struct {
		a, b string
		ok   bool
	}{
		{"O", "I-PER", false}, {"B-PER", "I-PER", true}, {"I-PER", "I-PER", true},
		{"B-ORG", "I-PER", false}, {"O", "B-LOC", true}, {"I-LOC", "O", true},
	}
	for _, tc := range tests {
		if got := allowed(LabelIndex(tc.a), LabelIndex(tc.b)); got != tc.ok {
			t.Errorf("%s -> %s: %v, want %v", tc.a, tc.b, got, tc.ok)
		}
	}
	if allowed(-1, LabelIndex("I-ORG")) {
		t.Error("I-ORG allowed at the start")
	}
}

func TestReadIOB2(t *testing.T) {
	in := "# newdoc id = d1\n# sent_id = s1\n# text = Visit Paris now\n1\tVisit\tO\n2\tParis\tB-LOC\t-\tann\n3\tnow\tB-O\n\n" +
		"# sent_id = s2\n1\tApple\tB-OTH\t-\t-\n2\tInc\tB-ORG\t-\t-\n"
	got, err := ReadIOB2("x", strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []Sentence{
		{ID: "s1", Doc: "d1", Words: []string{"Visit", "Paris", "now"}, Labels: []string{"O", "B-LOC", "O"}},
		{ID: "s2", Doc: "d1", Words: []string{"Apple", "Inc"}, Labels: []string{"B-OTH", "B-ORG"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
	if _, err := ReadIOB2("bad", strings.NewReader("1\tonly-two\n")); err == nil {
		t.Error("two columns accepted")
	}
}

func TestShape(t *testing.T) {
	tests := map[string]string{"McDonald": "XxXxx", "U.S.": "X.X.", "2017": "dd", "ISIS": "XX", "e-mail": "x-xx"}
	for in, want := range tests {
		if got := shapeOf(in); got != want {
			t.Errorf("shapeOf(%q) = %q, want %q", in, got, want)
		}
	}
}

// tinyCorpus trains a model small enough for unit tests.
func tinyCorpus() []Prepared {
	mk := func(words, labels string) Prepared {
		w, l := strings.Fields(words), strings.Fields(labels)
		p := Prepared{Sentence: Sentence{Words: w, Labels: l}}
		p.UPOS, p.XPOS = make([]string, len(w)), make([]string, len(w))
		return p
	}
	ps := []Prepared{
		mk("John Smith went to Paris", "B-PER I-PER O O B-LOC"),
		mk("Mary Jones works for Acme Corp", "B-PER I-PER O O B-ORG I-ORG"),
		mk("he went to London", "O O O B-LOC"),
		mk("Acme Corp hired John Smith", "B-ORG I-ORG O B-PER I-PER"),
		mk("Mary uses Firefox in London", "B-PER O B-OTH O B-LOC"),
	}
	for i := range ps {
		ps[i].Doc = string(rune('a' + i%3))
	}
	return ps
}

func TestTrainDeterministicAndRoundTrip(t *testing.T) {
	train := func() []byte {
		m, err := Train(TrainConfig{Train: tinyCorpus(), Seed: 7, Epochs: 5, MemFolds: 2})
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := m.Save(&b); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	a, b := train(), train()
	if !bytes.Equal(a, b) {
		t.Fatal("same data and seed gave different models")
	}
	m, err := Read(bytes.NewReader(a))
	if err != nil {
		t.Fatal(err)
	}
	s := m.Evaluate(tinyCorpus())
	if s.All.F1() < 0.99 {
		t.Errorf("training-set F1 %.2f after round trip, want 1", s.All.F1())
	}
	// Acme Corp, John Smith, Mary Jones, Paris, London, Mary, Firefox;
	// and "acme" and "john" only as beginnings of names.
	names, prefixes := 0, 0
	for _, c := range m.mem.codes {
		if c&^memPrefix != 0 {
			names++
		}
		if c == memPrefix {
			prefixes++
		}
	}
	if names != 7 || prefixes != 2 {
		t.Errorf("round trip remembers %d names and %d prefixes, want 7 and 2", names, prefixes)
	}
	// Firefox is remembered as another name (type 3), always a name.
	if c := m.mem.codes[memKey([]string{"firefox"})]; c != 1+3*3+2 {
		t.Errorf("firefox remembered as %d, want %d", c, 1+3*3+2)
	}
	if _, err := Read(bytes.NewReader([]byte("junk"))); err == nil {
		t.Error("junk read as a model")
	}
}

// modelAndTagger loads the embedded recognizer and the tagger its input
// needs, skipping when the tagger is not available.
func modelAndTagger(tb testing.TB) (*Model, *tag.Tagger) {
	tb.Helper()
	m, err := Load()
	if err != nil {
		tb.Fatal(err)
	}
	tg, err := tag.Load()
	if err != nil {
		tb.Skipf("tagger not available: %v", err)
	}
	return m, tg
}

func TestEmbeddedModel(t *testing.T) {
	m, tg := modelAndTagger(t)
	dict, err := actor.Load()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		want []Span
	}{
		{"Angela Merkel met officials in Berlin .", []Span{{0, 2, "PER"}, {5, 6, "LOC"}}},
		{"Sean Spicer spoke to reporters in Washington on Monday .", []Span{{0, 2, "PER"}, {6, 7, "LOC"}}},
	}
	for _, tc := range tests {
		d := WordsDoc(strings.Fields(tc.text))
		tg.Tag(d)
		got := m.Recognize(d, Gazetteer(d, dict, dict.Match(d)))
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q: %v, want %v", tc.text, got, tc.want)
		}
	}
}

func FuzzReadIOB2(f *testing.F) {
	f.Add("# sent_id = a\n1\tParis\tB-LOC\n\n")
	f.Add("1\tx\tI-PER\t-\t-\n2\t\tO\n")
	f.Fuzz(func(t *testing.T, s string) {
		sents, err := ReadIOB2("fuzz", strings.NewReader(s))
		if err != nil {
			return
		}
		for _, x := range sents {
			if len(x.Words) != len(x.Labels) || len(x.Words) == 0 {
				t.Fatalf("sentence %+v", x)
			}
		}
	})
}

func TestLowerCopies(t *testing.T) {
	mk := func(id, words, labels string) Sentence {
		return Sentence{ID: id, Words: strings.Fields(words), Labels: strings.Fields(labels)}
	}
	sents := []Sentence{
		mk("a", "Visit Paris", "O B-LOC"),
		mk("b", "No names here", "O O O"),
		mk("c", "Ask John Smith", "O B-PER I-PER"),
		mk("d", "Acme Corp", "B-ORG I-ORG"),
	}
	tests := []struct {
		n    int
		want []string // words of the copies
	}{
		{0, nil},
		{1, []string{"visit paris", "ask john smith", "acme corp"}},
		{2, []string{"ask john smith"}},
	}
	for _, tc := range tests {
		got := LowerCopies(sents, tc.n)
		var words []string
		for _, s := range got {
			words = append(words, strings.Join(s.Words, " "))
			if !strings.HasSuffix(s.ID, "-lower") || len(s.Labels) != len(s.Words) {
				t.Errorf("n=%d: copy %+v", tc.n, s)
			}
		}
		if !reflect.DeepEqual(words, tc.want) {
			t.Errorf("n=%d: %q, want %q", tc.n, words, tc.want)
		}
	}
	if sents[0].Words[1] != "Paris" {
		t.Error("LowerCopies changed its input")
	}
}

// TestTrainRunsSum checks that a model of several runs is the sum of the
// runs' weights (each with its own seed), whatever order the runs finish
// in.
func TestTrainRunsSum(t *testing.T) {
	train := func(runs int, seed uint64) *Model {
		m, err := Train(TrainConfig{Train: tinyCorpus(), Seed: seed, Epochs: 3, MemFolds: 2, Runs: runs})
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	weight := func(m *Model, k uint64, l int) float64 {
		r, ok := m.index.get(k)
		if !ok {
			return 0
		}
		return float64(m.index.weights(r)[l]) * float64(m.scale)
	}
	a, b := train(1, 7), train(1, 7+runSeedStep)
	sum := train(2, 7)
	keys := 0
	for _, m := range []*Model{a, b, sum} {
		m.index.each(func(k uint64, _ int32) {
			keys++
			for l := range nLabels {
				want := weight(a, k, l) + weight(b, k, l)
				tol := float64(a.scale+b.scale+sum.scale) / 2 * 1.01
				if got := weight(sum, k, l); math.Abs(got-want) > tol {
					t.Fatalf("feature %x label %d: two runs give %g, the sum of one-run models %g", k, l, got, want)
				}
			}
		})
	}
	if keys == 0 {
		t.Fatal("no features")
	}
	for _, runs := range []int{3, 4} {
		var x, y bytes.Buffer
		if err := train(runs, 11).Save(&x); err != nil {
			t.Fatal(err)
		}
		if err := train(runs, 11).Save(&y); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(x.Bytes(), y.Bytes()) {
			t.Errorf("%d runs: same data and seed gave different models", runs)
		}
	}
}
