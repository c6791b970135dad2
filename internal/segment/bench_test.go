package segment

import (
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/dyadhq/dyad/internal/conllu"
	"github.com/dyadhq/dyad/internal/datadir/datatest"
	"github.com/dyadhq/dyad/internal/tokenize"
	"github.com/dyadhq/dyad/pkg/doc"
)

var (
	benchOnce sync.Once
	benchDocs []string      // EWT train documents as raw text
	benchToks [][]doc.Token // and their tokens
)

func benchCorpus(b *testing.B) ([]string, [][]doc.Token, int) {
	path := datatest.Require(b, "ud-ewt", "en_ewt-ud-train.conllu")
	benchOnce.Do(func() {
		sents, err := conllu.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		for _, d := range conllu.Documents(sents) {
			text := conllu.RawText(d).Text
			benchDocs = append(benchDocs, text)
			benchToks = append(benchToks, tokenize.Tokenize(text))
		}
	})
	words := 0
	for _, d := range benchDocs {
		words += len(strings.Fields(d))
	}
	return benchDocs, benchToks, words
}

// BenchmarkSegment measures the segmenter (rules and model) on EWT train,
// tokenized beforehand, in words/s.
func BenchmarkSegment(b *testing.B) {
	docs, toks, words := benchCorpus(b)
	defaultModel()
	var out []doc.Sentence
	b.ReportAllocs()
	cpu0 := cpuTime()
	b.ResetTimer()
	for range b.N {
		for i, d := range docs {
			out = Append(out[:0], d, toks[i])
		}
	}
	b.StopTimer()
	reportWords(b, words, cpuTime()-cpu0)
}

// BenchmarkTokenizeSegment measures tokenization and segmentation together.
func BenchmarkTokenizeSegment(b *testing.B) {
	docs, _, words := benchCorpus(b)
	defaultModel()
	var out []doc.Sentence
	var toks []doc.Token
	b.ReportAllocs()
	cpu0 := cpuTime()
	b.ResetTimer()
	for range b.N {
		for _, d := range docs {
			toks = tokenize.Append(toks[:0], d)
			out = Append(out[:0], d, toks)
		}
	}
	b.StopTimer()
	reportWords(b, words, cpuTime()-cpu0)
}

// reportWords reports words/s over the benchmark's wall time, and over the
// process's CPU time (cpu-words/s), which stays meaningful on a loaded
// machine.
func reportWords(b *testing.B, w int, cpu time.Duration) {
	b.ReportMetric(float64(w)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
	if cpu > 0 {
		b.ReportMetric(float64(w)*float64(b.N)/cpu.Seconds(), "cpu-words/s")
	}
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
