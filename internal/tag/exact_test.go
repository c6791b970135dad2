package tag

import (
	"bytes"
	"compress/gzip"
	"io"
	"math"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode"
)

// refScorer is the plainest scorer of a model's weights: a map from each
// feature's key to its (class, quantized weight) pairs, every weight added.
// The tagger given it looks every feature up (it has no preScores), so
// comparing its tags with the fast path's checks the weights table, the
// precomputed scores and the feature split at once.
type refScorer struct {
	rows  map[uint32][]refWeight
	scale float64
}

type refWeight struct {
	cls uint8
	q   int32
}

func newRefScorer(m *weights) *refScorer {
	r := &refScorer{rows: map[uint32][]refWeight{}, scale: m.scale}
	for _, row := range m.rows() {
		for j, c := range row.cls {
			r.rows[row.key] = append(r.rows[row.key], refWeight{c, int32(math.Round(float64(row.w[j]) / m.scale))})
		}
	}
	return r
}

func (r *refScorer) unit() float64 { return r.scale }

func (r *refScorer) score(feats []uint64, _ []uint8, scores []int32, _ *uint64) {
	for _, h := range feats {
		for _, w := range r.rows[key32(h)] {
			scores[w.cls] += w.q
		}
	}
}

// checkExact tags each sentence with tg's fast path and with refScorers of
// the same weights, and reports the first few differences.
func checkExact(t *testing.T, tg *Tagger, sents [][]string) {
	t.Helper()
	var r1, r2 scorer = newRefScorer(tg.m1), nil
	if tg.m2 != nil {
		r2 = newRefScorer(tg.m2)
	}
	if tg.preFor(tg.m1) == nil {
		t.Fatal("the model has no precomputed scores: the fast path is not tested")
	}
	sc := tg.pool.Get().(*scratch)
	defer tg.pool.Put(sc)
	words, bad := 0, 0
	for _, s := range sents {
		got := slices.Clone(tg.tagWords(sc, s))
		want := tg.tagWith(sc, s, r1, r2)
		words += len(s)
		if !slices.Equal(got, want) {
			if bad++; bad <= 5 {
				t.Errorf("%q: fast path %v, reference %v", strings.Join(s, " "), got, want)
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d sentences differ", bad, len(sents))
	}
	t.Logf("%d sentences, %d words", len(sents), words)
}

// variants returns each sentence as written, and every fourth also upper-
// cased and title-cased, so that every capitalisation the features tell
// apart is tagged.
func variants(sents [][]string) [][]string {
	var out [][]string
	for i, s := range sents {
		out = append(out, s)
		if i%4 != 0 {
			continue
		}
		up, title := make([]string, len(s)), make([]string, len(s))
		for j, w := range s {
			up[j] = strings.ToUpper(w)
			r := []rune(w)
			r[0] = unicode.ToUpper(r[0])
			title[j] = string(r)
		}
		out = append(out, up, title)
	}
	return out
}

// TestFastPathIsExact checks that the embedded model's tags over EWT dev
// and test (and their upper- and title-cased copies) are exactly those of
// a plain scorer of its weights.
func TestFastPathIsExact(t *testing.T) {
	tg, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	var sents [][]string
	for _, name := range []string{"en_ewt-ud-dev.conllu", "en_ewt-ud-test.conllu"} {
		for _, s := range readEWT(t, name) {
			var words []string
			for _, w := range s.Words {
				words = append(words, w.Form)
			}
			if len(words) > 0 {
				sents = append(sents, words)
			}
		}
	}
	checkExact(t, tg, variants(sents))
}

// TestFastPathIsExactTiny is TestFastPathIsExact for a model trained here,
// without the data.
func TestFastPathIsExactTiny(t *testing.T) {
	tg := trainTiny(t, 1)
	var sents [][]string
	for _, s := range tiny(t)[:4] {
		var words []string
		for _, w := range s.Words {
			words = append(words, w.Form)
		}
		sents = append(sents, words)
	}
	sents = append(sents, []string{"Unseen", "words", "sat", "here"}, []string{"the"})
	checkExact(t, tg, variants(sents))
}

// TestEmbeddedModelRoundTrip checks that the weights table gives back the
// rows it was built from: saving the embedded model gives its bytes.
func TestEmbeddedModelRoundTrip(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	f, err := models.Open("models/tagger.bin.gz")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	want, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	tg, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	b, err := tg.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	zr, err = gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("saving the embedded model gave %d bytes of model, want the %d read", len(got), len(want))
	}
}

// TestConcurrentTagging tags the same sentences from several goroutines
// (run it with -race): each gets the tags of tagging alone.
func TestConcurrentTagging(t *testing.T) {
	tg, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	sents := [][]string{
		strings.Fields("The president called Putin on Saturday ."),
		strings.Fields("SHARES OF ACME CORP ROSE 5 PCT IN NEW YORK"),
		strings.Fields("Zorblat and Quimby signed the deal in Ulaanbaatar ."),
		strings.Fields("They said the talks would resume next week , officials said ."),
	}
	want := make([][]string, len(sents))
	for i, s := range sents {
		u, x, f := tg.TagWords(s)
		want[i] = append(append(u, x...), f...)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8*len(sents))
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for rep := range 20 {
				i := rep % len(sents)
				u, x, f := tg.TagWords(sents[i])
				if got := append(append(u, x...), f...); !slices.Equal(got, want[i]) {
					errs <- strings.Join(sents[i], " ")
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for s := range errs {
		t.Errorf("%q: tags differ when tagged concurrently", s)
	}
}
