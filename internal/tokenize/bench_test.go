package tokenize

import (
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/dyadhq/dyad/internal/conllu"
	"github.com/dyadhq/dyad/internal/datadir/datatest"
	"github.com/dyadhq/dyad/pkg/doc"
)

var (
	benchOnce sync.Once
	benchText []string // EWT train documents, rebuilt as raw text
)

// benchCorpus returns the raw text of the EWT training documents.
func benchCorpus(b *testing.B) []string {
	path := datatest.Require(b, "ud-ewt", "en_ewt-ud-train.conllu")
	benchOnce.Do(func() {
		sents, err := conllu.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		for _, d := range conllu.Documents(sents) {
			benchText = append(benchText, conllu.RawText(d).Text)
		}
	})
	return benchText
}

// words counts whitespace-separated words, the unit of dyad's speed figures.
func words(docs []string) int {
	n := 0
	for _, d := range docs {
		n += len(strings.Fields(d))
	}
	return n
}

// BenchmarkTokenize measures the tokenizer on EWT train (web text) and
// reports words/s (whitespace-separated words).
func BenchmarkTokenize(b *testing.B) {
	docs := benchCorpus(b)
	bytes, w := 0, words(docs)
	for _, d := range docs {
		bytes += len(d)
	}
	b.SetBytes(int64(bytes))
	b.ReportAllocs()
	var toks = make([]doc.Token, 0, 1<<16)
	cpu0 := cpuTime()
	b.ResetTimer()
	for range b.N {
		for _, d := range docs {
			toks = Append(toks[:0], d)
		}
	}
	b.StopTimer()
	reportWords(b, w, cpuTime()-cpu0)
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

// cpuTime returns the CPU time this process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
