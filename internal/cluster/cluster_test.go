package cluster

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/dyadhq/dyad/internal/store"
	"github.com/dyadhq/dyad/pkg/contract"
	"github.com/dyadhq/dyad/pkg/doc"
)

func TestJobRoundTrip(t *testing.T) {
	in := &doc.Document{ID: "a", Title: "T", Text: "Body.", Published: time.Date(2017, 1, 28, 9, 30, 0, 0, time.UTC),
		PublishedHasClock: true, Source: "Reuters", URL: "https://x", Language: "en", Meta: map[string]string{"k": "v"}, Origin: "f:1"}
	b, _ := json.Marshal(NewJob(in))
	out, err := DecodeJob(b)
	if err != nil {
		t.Fatal(err)
	}
	if out.ID != in.ID || out.Title != in.Title || out.Text != in.Text || !out.Published.Equal(in.Published) ||
		!out.PublishedHasClock || out.Source != in.Source || out.URL != in.URL || out.Meta["k"] != "v" || out.Origin != in.Origin {
		t.Errorf("round trip: %+v", out)
	}
	for _, bad := range []string{``, `nope`, `{"id":"x"}`, `{"text":"t","published":"yesterday"}`, `[1]`} {
		if _, err := DecodeJob([]byte(bad)); !errors.Is(err, ErrMalformed) {
			t.Errorf("DecodeJob(%q): %v, want ErrMalformed", bad, err)
		}
	}
}

// TestSubmitDedupe: a document submitted twice is queued once.
func TestSubmitDedupe(t *testing.T) {
	e := newEnv(t, Config{}, 0)
	docs := stories(30)
	res := e.submit(append(docs, docs[4], docs[9]))
	if res.Read != 32 || res.Queued != 30 || res.Duplicate != 2 {
		t.Errorf("first submit: %+v", res)
	}
	if res := e.submit(docs[:10]); res.Queued != 0 || res.Duplicate != 10 {
		t.Errorf("resubmit: %+v", res)
	}
	if p, _ := e.consumerState(); p != 30 {
		t.Errorf("%d queued, want 30", p)
	}
}

func TestWorker(t *testing.T) {
	e := newEnv(t, Config{}, 0)
	st, _ := openStore(t)
	docs := stories(100)
	e.submit(docs)
	w, stop := e.worker(st, "w1", segmenter(t), nil)
	waitFor(t, 60*time.Second, "the queue to drain", func() bool { return stored(t, st) == 100 && e.drained() })
	stop()
	if s, r, d := w.Stats(); s != 100 || r != 0 || d != 0 {
		t.Errorf("stats: stored %d, repeated %d, dead %d", s, r, d)
	}
	got, err := st.Document(context.Background(), store.Key(docs[42].Title, docs[42].Text))
	if err != nil || got.ID != "s0042" || len(got.Sentences) != 3 || got.Published != "2017-01-15" {
		t.Fatalf("stored document: %+v %v", got, err)
	}
	// Resubmitting after the window (a new stream) stores nothing twice.
	e2 := newEnv(t, Config{}, 0)
	e2.submit(docs[:20])
	w2, stop2 := e2.worker(st, "w2", segmenter(t), nil)
	waitFor(t, 30*time.Second, "the second queue to drain", e2.drained)
	stop2()
	if s, r, _ := w2.Stats(); s != 0 || r != 20 || stored(t, st) != 100 {
		t.Errorf("second run: stored %d, repeated %d, %d in the store", s, r, stored(t, st))
	}
	// Status lists the worker with its counts.
	status, err := GetStatus(context.Background(), e.js)
	if err != nil {
		t.Fatal(err)
	}
	if status.Queued != 0 || status.InFlight != 0 || status.Dead != 0 || len(status.Workers) != 1 ||
		status.Workers[0].ID != "w1" || status.Workers[0].Stored != 100 || !status.Workers[0].Stopped {
		t.Errorf("status: %+v", status)
	}
}

// deadReasons returns the reasons of every dead letter.
func deadReasons(t *testing.T, e *testEnv) []DeadLetter {
	t.Helper()
	dl, err := DeadLetters(context.Background(), e.js, 100)
	if err != nil {
		t.Fatal(err)
	}
	return dl
}

func TestFaults(t *testing.T) {
	ctx := context.Background()

	t.Run("Malformed", func(t *testing.T) {
		e := newEnv(t, Config{}, 0)
		st, _ := openStore(t)
		e.submit(stories(20))
		for _, bad := range []string{"not json", `{"id":"no-text"}`} {
			if _, err := e.js.Publish(ctx, WorkSubject, []byte(bad)); err != nil {
				t.Fatal(err)
			}
		}
		w, _ := e.worker(st, "w", segmenter(t), nil)
		waitFor(t, 30*time.Second, "the queue to drain", func() bool { return e.drained() && stored(t, st) == 20 })
		dl := deadReasons(t, e)
		if len(dl) != 2 || !strings.Contains(dl[0].Error, "malformed job") || !strings.Contains(dl[1].Error, "no text") ||
			dl[0].Worker != "w" || dl[0].Bytes != len("not json") {
			t.Errorf("dead letters: %+v", dl)
		}
		if _, _, d := w.Stats(); d != 2 {
			t.Errorf("%d set aside", d)
		}
	})

	t.Run("TooLarge", func(t *testing.T) {
		e := newEnv(t, Config{}, 64<<10)
		st, _ := openStore(t)
		docs := stories(10)
		docs[3].Text = strings.Repeat("Too long a story. ", 200)       // 3.6 kB: over the worker's limit
		docs[6].Text = strings.Repeat("Much too long a story. ", 5000) // 115 kB: over the message limit
		res := e.submit(docs)
		if res.Queued != 9 || res.TooLarge != 1 {
			t.Errorf("submit: %+v", res)
		}
		e.worker(st, "w", segmenter(t), func(w *Worker) { w.MaxBytes = 1000 })
		waitFor(t, 30*time.Second, "the queue to drain", func() bool { return e.drained() && stored(t, st) == 8 })
		dl := deadReasons(t, e)
		if len(dl) != 2 {
			t.Fatalf("dead letters: %+v", dl)
		}
		bySubmit, byWorker := dl[0], dl[1]
		if bySubmit.Worker != "submit" || !strings.Contains(bySubmit.Error, "larger than a message may be") ||
			bySubmit.Origin != "test:6" || bySubmit.Key != store.Key(docs[6].Title, docs[6].Text) {
			t.Errorf("submit's dead letter: %+v", bySubmit)
		}
		if byWorker.Worker != "w" || !strings.Contains(byWorker.Error, "larger than the limit (1000)") || byWorker.Origin != "test:3" {
			t.Errorf("worker's dead letter: %+v", byWorker)
		}
	})

	t.Run("AnnotatorPanics", func(t *testing.T) {
		e := newEnv(t, Config{}, 0)
		st, _ := openStore(t)
		docs := stories(20)
		docs[5].Text = "POISON " + docs[5].Text
		seg := segmenter(t)
		crash := func(d *doc.Document) (*contract.Document, error) {
			if strings.HasPrefix(d.Text, "POISON") {
				var m map[string]int
				m["boom"]++ // a nil map write: a bug the worker must survive
			}
			return seg(d)
		}
		e.submit(docs)
		e.worker(st, "w", crash, nil)
		waitFor(t, 30*time.Second, "the queue to drain", func() bool { return e.drained() && stored(t, st) == 19 })
		dl := deadReasons(t, e)
		if len(dl) != 1 || !strings.Contains(dl[0].Error, "annotator panic") || dl[0].Origin != "test:5" {
			t.Errorf("dead letters: %+v", dl)
		}
	})

	t.Run("RedeliveredTooOften", func(t *testing.T) {
		// A message whose workers keep dying: take it twice without acking.
		e := newEnv(t, Config{AckWait: 300 * time.Millisecond}, 0)
		st, _ := openStore(t)
		e.submit(stories(1))
		for range 2 {
			b, err := e.cons.Fetch(1, jetstream.FetchMaxWait(5*time.Second))
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for range b.Messages() {
				n++
			}
			if n != 1 {
				t.Fatalf("fetched %d messages", n)
			}
			time.Sleep(400 * time.Millisecond) // the ack wait passes
		}
		e.worker(st, "w", segmenter(t), func(w *Worker) { w.PoisonAfter = 3 })
		waitFor(t, 30*time.Second, "the queue to drain", e.drained)
		dl := deadReasons(t, e)
		if len(dl) != 1 || !strings.Contains(dl[0].Error, "delivered 3 times") || dl[0].Deliveries != "3" || stored(t, st) != 0 {
			t.Errorf("dead letters: %+v", dl)
		}
	})

	t.Run("StoreRefuses", func(t *testing.T) {
		e := newEnv(t, Config{}, 0)
		st, _ := openStore(t)
		docs := stories(40)
		docs[7].Text = "REFUSED " + docs[7].Text
		e.submit(docs)
		w, _ := e.worker(st, "w", segmenter(t), func(w *Worker) { w.Store = refusing{st} })
		waitFor(t, 60*time.Second, "the queue to drain", func() bool { return e.drained() && stored(t, st) == 39 })
		dl := deadReasons(t, e)
		if len(dl) != 1 || !strings.Contains(dl[0].Error, "the store refused the document") || dl[0].Origin != "test:7" {
			t.Errorf("dead letters: %+v", dl)
		}
		if s, _, d := w.Stats(); s != 39 || d != 1 {
			t.Errorf("stored %d, set aside %d", s, d)
		}
	})

	// slow annotates at a pace that lets a fault land mid-run.
	slow := func(t *testing.T) Annotate {
		seg := segmenter(t)
		return func(d *doc.Document) (*contract.Document, error) {
			time.Sleep(2 * time.Millisecond)
			return seg(d)
		}
	}

	t.Run("NATSRestart", func(t *testing.T) {
		e := newEnv(t, Config{}, 0)
		st, _ := openStore(t)
		e.submit(stories(300))
		e.worker(st, "w1", slow(t), nil)
		e.worker(st, "w2", slow(t), nil)
		waitFor(t, 30*time.Second, "some documents stored", func() bool { return stored(t, st) >= 50 })
		if err := e.nats.Restart(); err != nil {
			t.Fatal(err)
		}
		waitFor(t, 90*time.Second, "every document stored", func() bool { return stored(t, st) == 300 && e.drained() })
		if dl := deadReasons(t, e); len(dl) != 0 {
			t.Errorf("dead letters: %+v", dl)
		}
	})

	t.Run("PostgresRestart", func(t *testing.T) {
		if !strings.HasPrefix(envPostgres(), "postgres") {
			t.Skip("DYAD_TEST_POSTGRES is not set: source scripts/testenv.sh to run the PostgreSQL tests")
		}
		e := newEnv(t, Config{}, 0)
		_, dsn := openStore(t)
		pdsn, px := viaProxy(t, dsn)
		st := openDSN(t, pdsn)
		direct := openDSN(t, dsn) // the test's own view, not cut
		e.submit(stories(300))
		w1, _ := e.worker(st, "w1", slow(t), nil)
		waitFor(t, 30*time.Second, "some documents stored", func() bool { return stored(t, direct) >= 50 })
		px.cut()
		time.Sleep(1500 * time.Millisecond)
		px.restore()
		waitFor(t, 90*time.Second, "every document stored", func() bool { return stored(t, direct) == 300 && e.drained() })
		if w1.stats.retries.Load() == 0 {
			t.Error("the outage caused no retried write: it did not hit the worker")
		}
		if dl := deadReasons(t, e); len(dl) != 0 {
			t.Errorf("dead letters: %+v", dl)
		}
	})

	t.Run("GracefulShutdown", func(t *testing.T) {
		e := newEnv(t, Config{AckWait: 30 * time.Second}, 0)
		st, _ := openStore(t)
		e.submit(stories(200))
		_, stop := e.worker(st, "w1", slow(t), func(w *Worker) { w.Batch = 32 })
		waitFor(t, 30*time.Second, "some documents stored", func() bool { return stored(t, st) >= 32 })
		stop()
		// Nothing is left in flight: the batch in hand was stored and
		// acknowledged (or given back), not left to time out. Acks are
		// asynchronous, so the server may count them a moment later, but
		// well before the 30 s ack wait would have given them back.
		waitFor(t, 5*time.Second, "no messages in flight after a graceful stop", func() bool {
			_, f := e.consumerState()
			return f == 0
		})
		e.worker(st, "w2", segmenter(t), nil)
		waitFor(t, 30*time.Second, "every document stored", func() bool { return stored(t, st) == 200 && e.drained() })
	})
}

func envPostgres() string { return os.Getenv("DYAD_TEST_POSTGRES") }

// TestQueueFull: Submit waits for room instead of failing when the queue
// is at its byte limit.
func TestQueueFull(t *testing.T) {
	e := newEnv(t, Config{MaxQueueBytes: 8 << 10}, 0)
	st, _ := openStore(t)
	done := make(chan SubmitResult, 1)
	go func() {
		res, err := Submit(context.Background(), e.js, sliceSource(stories(200)), SubmitOptions{Window: 4})
		if err != nil {
			t.Error(err)
		}
		done <- res
	}()
	var full atomic.Bool
	waitFor(t, 10*time.Second, "the queue to fill", func() bool {
		si, err := e.js.Stream(context.Background(), WorkStream)
		if err != nil {
			return false
		}
		info, _ := si.Info(context.Background())
		full.Store(info.State.Msgs > 0 && info.State.Bytes > 6<<10)
		return full.Load()
	})
	e.worker(st, "w", segmenter(t), nil)
	select {
	case res := <-done:
		if res.Queued != 200 {
			t.Errorf("submit: %+v", res)
		}
	case <-time.After(60 * time.Second):
		t.Fatal("submit did not finish once workers made room")
	}
	waitFor(t, 30*time.Second, "every document stored", func() bool { return stored(t, st) == 200 && e.drained() })
}

// refusing is a store that refuses any batch holding a text that starts
// with REFUSED, as a database refuses a value it cannot hold.
type refusing struct{ store.Store }

func (r refusing) Put(ctx context.Context, rows []*store.Rows) (store.PutResult, error) {
	for _, x := range rows {
		var d contract.Document
		if json.Unmarshal(x.Body, &d) == nil && strings.HasPrefix(d.Text, "REFUSED") {
			return store.PutResult{}, errors.New("invalid byte sequence")
		}
	}
	return r.Store.Put(ctx, rows)
}
