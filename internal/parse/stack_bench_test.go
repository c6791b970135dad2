package parse

import (
	"syscall"
	"testing"

	"github.com/dyadhq/dyad/internal/lemma"
	"github.com/dyadhq/dyad/internal/tag"
)

// BenchmarkTagLemmaParse runs the whole syntax stack (tagger, lemmatizer,
// parser, the embedded models) over EWT dev from gold tokens on one
// goroutine, the speed target (>= 100,000 words/s on one core). It
// reports words per second of wall time and of CPU time (which stays
// meaningful on a busy machine) and the process's peak resident memory with
// the models loaded.
func BenchmarkTagLemmaParse(b *testing.B) {
	sents := devTrees(b)
	tg, err := tag.Load()
	if err != nil {
		b.Fatal(err)
	}
	lm, err := lemma.Load()
	if err != nil {
		b.Fatal(err)
	}
	p := testParser(b)
	d := GoldTokens(sents)
	run := func() {
		tg.Tag(d)
		lm.Lemmatize(d)
		p.Parse(d)
	}
	run() // warm up the scratch space
	cpu0 := cpuTime()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		run()
	}
	b.StopTimer()
	words := float64(len(d.Tokens) * b.N)
	b.ReportMetric(words/b.Elapsed().Seconds(), "words/s")
	b.ReportMetric(words/(cpuTime()-cpu0).Seconds(), "words/cpu-s")
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) == nil {
		b.ReportMetric(float64(ru.Maxrss)/1024, "peak-RSS-MB") // Maxrss is in KiB on Linux
	}
}
