// Package benchcmp compares the speed of dyad's tokenizer and segmenter with
// those of github.com/jdkato/prose/v3 on the same news text. It holds tests
// only (a benchmark and a check that both libraries run), so prose is linked
// into no binary of dyad's.
package benchcmp

import (
	"context"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	prose "github.com/jdkato/prose/v3"

	"github.com/dyadhq/dyad/internal/conllu"
	"github.com/dyadhq/dyad/internal/datadir"
	"github.com/dyadhq/dyad/internal/reader"
	"github.com/dyadhq/dyad/internal/segment"
	"github.com/dyadhq/dyad/internal/tokenize"
	"github.com/dyadhq/dyad/pkg/doc"
)

type corpus struct {
	name  string
	docs  []string
	words int
}

var (
	corpusOnce sync.Once
	theCorpus  corpus
	corpusErr  error
)

// load reads the Reuters-21578 bodies through dyad's reader, or, when they
// cannot be read, the raw text of UD English EWT train.
func load(tb testing.TB) corpus {
	corpusOnce.Do(func() {
		c := corpus{name: "reuters21578"}
		if datadir.Exists("reuters21578") {
			err := reader.Walk(context.Background(), []string{datadir.Path("reuters21578")},
				reader.Options{OnBad: func(*reader.Error) error { return nil }},
				func(d *doc.Document) error {
					c.docs = append(c.docs, d.Text)
					return nil
				})
			if err != nil {
				tb.Logf("reading Reuters-21578: %v; using EWT", err)
				c.docs = nil
			}
		}
		if len(c.docs) == 0 && datadir.Exists("ud-ewt", "en_ewt-ud-train.conllu") {
			c.name = "ud-ewt train (raw text)"
			sents, err := conllu.ReadFile(datadir.Path("ud-ewt", "en_ewt-ud-train.conllu"))
			if err != nil {
				corpusErr = err
				return
			}
			for _, d := range conllu.Documents(sents) {
				c.docs = append(c.docs, conllu.RawText(d).Text)
			}
		}
		for _, d := range c.docs {
			c.words += len(strings.Fields(d))
		}
		theCorpus = c
	})
	if corpusErr != nil {
		tb.Fatal(corpusErr)
	}
	if len(theCorpus.docs) == 0 {
		tb.Skip("neither Reuters-21578 nor UD English EWT found under the shared data folder")
	}
	return theCorpus
}

// runDyad tokenizes and segments every document, reusing its slices.
func runDyad(docs []string) (tokens, sentences int) {
	var toks []doc.Token
	var sents []doc.Sentence
	for _, d := range docs {
		toks = tokenize.Append(toks[:0], d)
		sents = segment.Append(sents[:0], d, toks)
		tokens += len(toks)
		sentences += len(sents)
	}
	return tokens, sentences
}

// runProse does the same with prose: a Document with tokenization and
// segmentation only (no tagging, no entities).
func runProse(tb testing.TB, docs []string) (tokens, sentences int) {
	for _, d := range docs {
		pd, err := prose.NewDocument(d, prose.WithTagging(false), prose.WithExtraction(false))
		if err != nil {
			tb.Fatal(err)
		}
		tokens += len(pd.Tokens())
		sentences += len(pd.Sentences())
	}
	return tokens, sentences
}

// BenchmarkVsProse runs dyad's tokenizer and segmenter and prose's over the
// same corpus in each iteration and reports words/s for both (over wall
// time, and over process CPU time, which a loaded machine disturbs less)
// and dyad's speed as a multiple of prose's.
//
//	go test -run '^$' -bench VsProse -benchtime 1x ./internal/benchcmp
func BenchmarkVsProse(b *testing.B) {
	c := load(b)
	runDyad(c.docs[:min(50, len(c.docs))]) // load the boundary model first
	var dyadWall, proseWall, dyadCPU, proseCPU time.Duration
	b.ResetTimer()
	for range b.N {
		t0, c0 := time.Now(), cpuTime()
		runDyad(c.docs)
		t1, c1 := time.Now(), cpuTime()
		runProse(b, c.docs)
		dyadWall += t1.Sub(t0)
		dyadCPU += c1 - c0
		proseWall += time.Since(t1)
		proseCPU += cpuTime() - c1
	}
	words := float64(c.words) * float64(b.N)
	b.ReportMetric(words/dyadWall.Seconds(), "dyad-words/s")
	b.ReportMetric(words/proseWall.Seconds(), "prose-words/s")
	b.ReportMetric(proseWall.Seconds()/dyadWall.Seconds(), "x-faster")
	if dyadCPU > 0 && proseCPU > 0 {
		b.ReportMetric(words/dyadCPU.Seconds(), "dyad-cpu-words/s")
		b.ReportMetric(words/proseCPU.Seconds(), "prose-cpu-words/s")
		b.ReportMetric(proseCPU.Seconds()/dyadCPU.Seconds(), "x-faster-cpu")
	}
	b.Logf("corpus %s: %d documents, %d words", c.name, len(c.docs), c.words)
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// TestBothRun checks, on a few documents, that both libraries produce
// tokens and sentences from the benchmark's corpus, so that the benchmark
// compares like with like.
func TestBothRun(t *testing.T) {
	c := load(t)
	docs := c.docs[:min(20, len(c.docs))]
	dt, ds := runDyad(docs)
	pt, ps := runProse(t, docs)
	if dt == 0 || ds == 0 || pt == 0 || ps == 0 {
		t.Fatalf("dyad %d tokens %d sentences, prose %d tokens %d sentences", dt, ds, pt, ps)
	}
	// The two tokenize news alike to within a few percent.
	if r := float64(dt) / float64(pt); r < 0.8 || r > 1.25 {
		t.Errorf("token counts differ too much: dyad %d, prose %d", dt, pt)
	}
}

// BenchmarkDyad runs dyad's tokenizer and segmenter alone over the corpus.
func BenchmarkDyad(b *testing.B) {
	c := load(b)
	runDyad(c.docs[:min(50, len(c.docs))])
	c0 := cpuTime()
	b.ResetTimer()
	for range b.N {
		runDyad(c.docs)
	}
	b.StopTimer()
	words := float64(c.words) * float64(b.N)
	b.ReportMetric(words/b.Elapsed().Seconds(), "words/s")
	b.ReportMetric(words/(cpuTime()-c0).Seconds(), "cpu-words/s")
}
