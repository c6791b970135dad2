package event_test

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/dyadhq/dyad/internal/datadir/datatest"
	"github.com/dyadhq/dyad/internal/event"
	"github.com/dyadhq/dyad/pkg/doc"
)

// BenchmarkCode measures the coder alone (actor matching included, the
// parse done before the timer) over the PLOVER gold sentences, grouped
// into documents of 20 sentences. See the words/s metric; the whole
// pipeline must stay above 50,000 words/s per core.
func BenchmarkCode(b *testing.B) {
	path := datatest.Require(b, "plover", "PLOVER_GSR_CAMEO.txt")
	raw, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	var recs []struct{ Text string }
	if err := json.Unmarshal(raw, &recs); err != nil {
		b.Fatal(err)
	}
	s := loadStack(b)
	c, err := event.Load()
	if err != nil {
		b.Fatal(err)
	}
	var docs []*doc.Document
	words := 0
	pub := time.Date(2017, 1, 28, 0, 0, 0, 0, time.UTC)
	for i := 0; i < len(recs); i += 20 {
		var sb strings.Builder
		for _, r := range recs[i:min(i+20, len(recs))] {
			sb.WriteString(r.Text)
			sb.WriteString("\n\n")
		}
		d := s.doc(sb.String(), pub)
		docs = append(docs, d)
		words += len(strings.Fields(d.Text))
	}
	b.ReportAllocs()
	b.ResetTimer()
	n := 0
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			n += len(c.Code(d, nil, nil))
		}
	}
	b.StopTimer()
	if n == 0 {
		b.Fatal("no events coded")
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}
