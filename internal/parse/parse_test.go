package parse

import (
	"bytes"
	"compress/gzip"
	"os"
	"slices"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/dyadhq/dyad/internal/conllu"
	"github.com/dyadhq/dyad/internal/datadir/datatest"
	"github.com/dyadhq/dyad/pkg/doc"
)

var (
	devOnce sync.Once
	ewtDev  []conllu.Sentence
	devErr  error
)

func devTrees(tb testing.TB) []conllu.Sentence {
	tb.Helper()
	path := datatest.Require(tb, "ud-ewt", "en_ewt-ud-dev.conllu")
	devOnce.Do(func() { ewtDev, devErr = conllu.ReadFile(path) })
	if devErr != nil {
		tb.Fatal(devErr)
	}
	return ewtDev
}

// testParser returns the model named by $DYAD_PARSE_MODEL, else the
// embedded one.
func testParser(tb testing.TB) *Parser {
	tb.Helper()
	if path := os.Getenv("DYAD_PARSE_MODEL"); path != "" {
		p, err := ReadFile(path)
		if err != nil {
			tb.Fatal(err)
		}
		return p
	}
	p, err := Load()
	if err != nil {
		tb.Fatal(err)
	}
	return p
}

// checkTrees fails unless every sentence of d is one tree with one root.
func checkTrees(t testing.TB, d *doc.Document) {
	t.Helper()
	for si, s := range d.Sentences {
		n := s.Last - s.First
		head := make([]int32, n)
		for i := 0; i < n; i++ {
			tk := &d.Tokens[s.First+i]
			if tk.Deprel == "" {
				t.Fatalf("sentence %d word %d: no relation", si, i)
			}
			switch {
			case tk.Head == -1:
				head[i] = int32(n)
				if tk.Deprel != "root" {
					t.Errorf("sentence %d word %d: root with relation %q", si, i, tk.Deprel)
				}
			case tk.Head < s.First || tk.Head >= s.Last:
				t.Fatalf("sentence %d word %d: head %d outside the sentence", si, i, tk.Head)
			default:
				head[i] = int32(tk.Head - s.First)
			}
		}
		if err := checkTree(head); err != nil {
			t.Fatalf("sentence %d: %v", si, err)
		}
	}
}

// ciSlice is the part of EWT dev the accuracy floor is checked on.
const ciSlice = 600

// TestAccuracyFloor parses a slice of EWT dev (gold tokens and tags) with the
// embedded model. The floor is a few points under the measured figure
// (`dyad eval parse` prints the full ones).
func TestAccuracyFloor(t *testing.T) {
	sents := devTrees(t)[:ciSlice]
	p := testParser(t)
	d := GoldTokens(sents)
	p.Parse(d)
	checkTrees(t, d)
	sc := ScoreDocument(d, sents)
	t.Logf("EWT dev[:%d], gold tags: UAS %.2f LAS %.2f CLAS %.2f", ciSlice, sc.UAS(), sc.LAS(), sc.CLAS())
	if sc.LAS() < lasFloor {
		t.Errorf("LAS %.2f below the floor %.1f", sc.LAS(), lasFloor)
	}
}

// lasFloor is the least LAS the embedded model must reach on dev[:ciSlice].
const lasFloor = 83.0

func TestSaveReadSamePredictions(t *testing.T) {
	sents := devTrees(t)[:300]
	p := testParser(t)
	var buf bytes.Buffer
	if err := p.Save(&buf); err != nil {
		t.Fatal(err)
	}
	q, err := Read(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	if err := q.Save(&again); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Error("saving a read model gives other bytes")
	}
	a, b := GoldTokens(sents), GoldTokens(sents)
	p.Parse(a)
	q.Parse(b)
	if !slices.Equal(a.Tokens, b.Tokens) {
		t.Error("the read model parses differently")
	}
}

func TestReadRejectsGarbage(t *testing.T) {
	for _, in := range [][]byte{nil, []byte("not gzip"), gzipped("dyad-parse/0\n")} {
		if _, err := Read(bytes.NewReader(in)); err == nil {
			t.Errorf("Read(%q) succeeded", in)
		}
	}
}

// BenchmarkParse parses EWT dev (gold tokens and tags) on one goroutine. It
// reports words per second of wall time and per second of CPU time, which
// stays meaningful on a busy machine.
func BenchmarkParse(b *testing.B) {
	sents := devTrees(b)
	p := testParser(b)
	d := GoldTokens(sents)
	p.Parse(d) // warm up the scratch space
	cpu0 := cpuTime()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p.Parse(d)
	}
	b.StopTimer()
	words := float64(len(d.Tokens) * b.N)
	b.ReportMetric(words/b.Elapsed().Seconds(), "words/s")
	b.ReportMetric(words/(cpuTime()-cpu0).Seconds(), "words/cpu-s")
}

// cpuTime is the process's user and system time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func gzipped(s string) []byte {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(s))
	zw.Close()
	return b.Bytes()
}

// TestParseOddInput: untagged words, unknown tags and a document without
// sentences still get one tree per sentence.
func TestParseOddInput(t *testing.T) {
	p := testParser(t)
	cases := []struct {
		name string
		d    *doc.Document
	}{
		{"no sentences", &doc.Document{Text: "Hello world !", Tokens: []doc.Token{{Start: 0, End: 5}, {Start: 6, End: 11}, {Start: 12, End: 13}}}},
		{"unknown tags", &doc.Document{Text: "zz yy", Tokens: []doc.Token{{Start: 0, End: 2, UPOS: "XX", XPOS: "??"}, {Start: 3, End: 5, Norm: "ÉTÉ"}},
			Sentences: []doc.Sentence{{Start: 0, End: 5, First: 0, Last: 2}}}},
		{"one word", &doc.Document{Text: "Yes", Tokens: []doc.Token{{Start: 0, End: 3, UPOS: "INTJ", XPOS: "UH"}},
			Sentences: []doc.Sentence{{Start: 0, End: 3, First: 0, Last: 1}}}},
		{"empty", &doc.Document{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p.Parse(c.d)
			if len(c.d.Sentences) == 0 && len(c.d.Tokens) > 0 {
				c.d.Sentences = []doc.Sentence{{Start: 0, End: len(c.d.Text), First: 0, Last: len(c.d.Tokens)}}
			}
			checkTrees(t, c.d)
		})
	}
}

// TestWidenedTableSameModel checks that widening the table and its bitmap
// of known features (as Read does) change neither a parse nor the saved
// bytes.
func TestWidenedTableSameModel(t *testing.T) {
	sents := devTrees(t)[:300]
	p := testParser(t)
	if p.m.known == nil {
		t.Fatal("a read model has no bitmap of known features")
	}
	for _, xb := range []uint{0, 1} { // the read table is at readXB
		q := newParser(p.lx, p.m.widened(xb))
		if xb == 0 {
			bare := *q.m
			bare.known = nil
			q.m = &bare
		}
		if len(q.m.ents) != len(p.m.ents)>>p.m.xb<<xb {
			t.Fatalf("widened(%d): %d slots from %d at xb %d", xb, len(q.m.ents), len(p.m.ents), p.m.xb)
		}
		var a, b bytes.Buffer
		if err := p.Save(&a); err != nil {
			t.Fatal(err)
		}
		if err := q.Save(&b); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("widened(%d) saves other bytes", xb)
		}
		da, db := GoldTokens(sents), GoldTokens(sents)
		p.Parse(da)
		q.Parse(db)
		if !slices.Equal(da.Tokens, db.Tokens) {
			t.Errorf("widened(%d) parses differently", xb)
		}
	}
}
