package cluster

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/dyadhq/dyad/internal/pipeline"
)

// BenchmarkWorkers codes 1,000 Reuters-21578 stories through embedded NATS
// into the store (PostgreSQL when DYAD_TEST_POSTGRES is set, else SQLite)
// with 1 and then 2 workers of one thread each, and reports stories/s; the
// ratio of the two is the scaling on this machine. The full pipeline runs
// unless DYAD_BENCH_UNTIL names a stage to stop after.
//
//	source scripts/testenv.sh
//	go test -run '^$' -bench Workers -benchtime 1x ./internal/cluster/
func BenchmarkWorkers(b *testing.B) {
	docs := reuters(b, 1000)
	p, err := pipeline.New(pipeline.Options{Until: os.Getenv("DYAD_BENCH_UNTIL")})
	if err != nil {
		b.Fatal(err)
	}
	ann := annotator(p)
	for _, n := range []int{1, 2} {
		b.Run(fmt.Sprintf("workers=%d", n), func(b *testing.B) {
			for range b.N {
				b.StopTimer()
				e := newEnv(b, Config{}, 0)
				st, _ := openStore(b)
				res, err := Submit(context.Background(), e.js, sliceSource(docs), SubmitOptions{})
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				t0 := time.Now()
				var stops []func()
				for i := range n {
					_, stop := e.worker(st, fmt.Sprintf("b%d", i), ann, func(w *Worker) { w.Batch = 32 })
					stops = append(stops, stop)
				}
				for stored(b, st) != int64(res.Queued) {
					time.Sleep(20 * time.Millisecond)
				}
				el := time.Since(t0)
				b.StopTimer()
				for _, stop := range stops {
					stop()
				}
				b.ReportMetric(float64(res.Queued)/el.Seconds(), "stories/s")
			}
		})
	}
}

// BenchmarkSubmit publishes 5,000 Reuters-21578 stories (read beforehand)
// to the work queue of an embedded NATS server with file storage and
// reports stories/s and MB/s: the queue's side of the sizing.
//
//	go test -run '^$' -bench Submit -benchtime 1x ./internal/cluster/
func BenchmarkSubmit(b *testing.B) {
	docs := reuters(b, 5000)
	var bytes int64
	for _, d := range docs {
		bytes += int64(len(d.Text) + len(d.Title))
	}
	for range b.N {
		b.StopTimer()
		e := newEnv(b, Config{}, 0)
		b.StartTimer()
		t0 := time.Now()
		res, err := Submit(context.Background(), e.js, sliceSource(docs), SubmitOptions{})
		if err != nil {
			b.Fatal(err)
		}
		el := time.Since(t0).Seconds()
		b.ReportMetric(float64(res.Read)/el, "stories/s")
		b.ReportMetric(float64(bytes)/el/1e6, "MB/s")
		b.ReportMetric(float64(bytes)/float64(len(docs)), "bytes/story")
	}
}
