package cluster

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"runtime"
	"runtime/debug"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/dyadhq/dyad/internal/store"
	"github.com/dyadhq/dyad/pkg/contract"
	"github.com/dyadhq/dyad/pkg/doc"
)

// Annotate turns a document into the output contract (the pipeline and
// its rendering). It is called from several goroutines.
type Annotate func(*doc.Document) (*contract.Document, error)

// Worker pulls documents from the work queue, annotates them and stores
// the results.
type Worker struct {
	JS       jetstream.JetStream
	Consumer jetstream.Consumer // from Setup
	Store    store.Store
	Annotate Annotate
	// ID names the worker in dead letters and status (default host-pid).
	ID string
	// Batch is the number of documents fetched and stored together (0: 64).
	Batch int
	// Threads annotate a batch in parallel (0: GOMAXPROCS).
	Threads int
	// MaxBytes is the largest text annotated (0: 8 MB); larger ones are
	// dead letters.
	MaxBytes int
	// PoisonAfter sets aside a message delivered this many times (0: 5):
	// workers that took it kept dying (a crash or a hang in the annotator).
	PoisonAfter int
	// Grace bounds how long an interrupted worker keeps trying to store
	// the batch it holds before it gives it back (0: 30s).
	Grace  time.Duration
	Logger *slog.Logger

	stats workerStats
}

// WorkerStats are a worker's counters, published to WorkersBucket.
type WorkerStats struct {
	ID       string    `json:"id"`
	Host     string    `json:"host"`
	PID      int       `json:"pid"`
	Started  time.Time `json:"started"`
	Updated  time.Time `json:"updated"`
	Stored   int64     `json:"stored"`     // documents newly stored
	Repeated int64     `json:"repeated"`   // already stored (redeliveries, repeats)
	Dead     int64     `json:"dead"`       // set aside
	Batches  int64     `json:"batches"`    // batches committed
	Retries  int64     `json:"retries"`    // failed store writes retried
	Rate     float64   `json:"docs_per_s"` // over the last report interval
	Stopped  bool      `json:"stopped,omitempty"`
}

type workerStats struct {
	stored, repeated, dead, batches, retries atomic.Int64
}

func (w *Worker) defaults() {
	if w.Batch <= 0 {
		w.Batch = 64
	}
	if w.Threads <= 0 {
		w.Threads = runtime.GOMAXPROCS(0)
	}
	if w.MaxBytes <= 0 {
		w.MaxBytes = 8 << 20
	}
	if w.PoisonAfter <= 0 {
		w.PoisonAfter = 5
	}
	if w.Grace <= 0 {
		w.Grace = 30 * time.Second
	}
	if w.ID == "" {
		host, _ := os.Hostname()
		w.ID = fmt.Sprintf("%s-%d", host, os.Getpid())
	}
	if w.Logger == nil {
		w.Logger = slog.New(slog.DiscardHandler)
	}
}

// Stats returns the worker's counters so far.
func (w *Worker) Stats() (stored, repeated, dead int64) {
	return w.stats.stored.Load(), w.stats.repeated.Load(), w.stats.dead.Load()
}

// item is one message of a batch on its way to the store.
type item struct {
	msg  jetstream.Msg
	meta *jetstream.MsgMetadata
	key  string
	doc  *doc.Document
	rows *store.Rows
	err  error // set aside with this reason
}

// Run works until ctx ends (SIGTERM), then finishes the batch in hand (or
// gives it back) and returns nil. It returns an error only when it cannot
// go on at all; a store or NATS outage is waited out.
func (w *Worker) Run(ctx context.Context) error {
	w.defaults()
	log := w.Logger.With("worker", w.ID)
	started := time.Now()
	reportDone := make(chan struct{})
	reportCtx, stopReport := context.WithCancel(context.WithoutCancel(ctx))
	go func() {
		defer close(reportDone)
		w.report(reportCtx, started)
	}()
	defer func() {
		stopReport()
		<-reportDone
	}()
	log.Info("worker started", "batch", w.Batch, "threads", w.Threads)
	backoff := time.Duration(0)
	for ctx.Err() == nil {
		batch, err := w.Consumer.Fetch(w.Batch, jetstream.FetchMaxWait(time.Second))
		if err != nil {
			// NATS restarting or unreachable: wait and try again.
			backoff = min(max(backoff*2, 100*time.Millisecond), 5*time.Second)
			log.Warn("fetch failed", "err", err, "retry_in", backoff)
			if sleep(ctx, backoff) != nil {
				break
			}
			continue
		}
		backoff = 0
		var msgs []jetstream.Msg
		for m := range batch.Messages() {
			msgs = append(msgs, m)
		}
		if err := batch.Error(); err != nil && !errors.Is(err, nats.ErrTimeout) && len(msgs) == 0 {
			log.Debug("fetch", "err", err)
		}
		if len(msgs) == 0 {
			continue
		}
		if err := w.handle(ctx, log, msgs); err != nil {
			return err
		}
	}
	log.Info("worker stopped", "stored", w.stats.stored.Load(), "dead", w.stats.dead.Load())
	return nil
}

// handle annotates, stores and acknowledges one batch.
func (w *Worker) handle(ctx context.Context, log *slog.Logger, msgs []jetstream.Msg) error {
	items := make([]*item, len(msgs))
	for i, m := range msgs {
		it := &item{msg: m}
		items[i] = it
		it.meta, _ = m.Metadata()
		if h := m.Headers(); h != nil {
			it.key = h.Get(nats.MsgIdHdr)
		}
		if it.meta != nil && it.meta.NumDelivered >= uint64(w.PoisonAfter) {
			it.err = fmt.Errorf("delivered %d times without being stored: workers handling it died or hung", it.meta.NumDelivered)
			continue
		}
		if len(m.Data()) > w.MaxBytes*2+64<<10 {
			it.err = fmt.Errorf("message of %d bytes is larger than the limit", len(m.Data()))
			continue
		}
		it.doc, it.err = DecodeJob(m.Data())
		if it.err == nil && len(it.doc.Text) > w.MaxBytes {
			it.err = fmt.Errorf("document text of %d bytes is larger than the limit (%d)", len(it.doc.Text), w.MaxBytes)
		}
		if it.err == nil && it.key == "" {
			it.key = store.Key(it.doc.Title, it.doc.Text)
		}
	}

	// Keep the messages ours while we work on them.
	stopProgress := w.keepAlive(msgs)
	w.annotate(items)
	stopProgress()

	// Set aside the documents that cannot be coded, then store the rest.
	var good []*item
	for _, it := range items {
		if it.err != nil {
			if err := w.setAside(ctx, log, it); err != nil {
				return err
			}
			continue
		}
		good = append(good, it)
	}
	if len(good) == 0 {
		return nil
	}
	// A fixed order makes concurrent transactions lock keys in the same
	// order, so two workers storing overlapping batches cannot deadlock.
	slices.SortFunc(good, func(a, b *item) int { return cmp.Compare(a.rows.Key, b.rows.Key) })
	_, err := w.commit(ctx, log, good)
	return err
}

// commit stores the items' rows in one transaction and acknowledges them.
// A batch the store refuses while it is reachable is stored one document
// at a time, and a document it refuses alone is set aside, so one bad row
// cannot block the queue. It returns false when it gave the items back
// (interrupted while the store was down).
func (w *Worker) commit(ctx context.Context, log *slog.Logger, good []*item) (bool, error) {
	rows := make([]*store.Rows, len(good))
	msgs := make([]jetstream.Msg, len(good))
	for i, it := range good {
		rows[i], msgs[i] = it.rows, it.msg
	}
	res, err := w.put(ctx, log, rows, msgs)
	var refused *refusedError
	switch {
	case err == nil:
		for _, it := range good {
			// Acknowledged only now that the write is committed. A lost
			// ack means a redelivery, which the store skips.
			if err := it.msg.Ack(); err != nil {
				log.Warn("ack failed (the message will come again and be skipped)", "err", err)
			}
		}
		w.stats.batches.Add(1)
		w.stats.stored.Add(int64(res.Added))
		w.stats.repeated.Add(int64(res.Skipped))
		return true, nil
	case errors.As(err, &refused) && len(good) > 1:
		log.Warn("the store refused a batch: storing its documents one by one", "docs", len(good), "err", err)
		for i, it := range good {
			ok, err := w.commit(ctx, log, []*item{it})
			if err != nil {
				return false, err
			}
			if !ok {
				for _, rest := range good[i+1:] {
					_ = rest.msg.Nak()
				}
				return false, nil
			}
		}
		return true, nil
	case errors.As(err, &refused):
		good[0].err = fmt.Errorf("the store refused the document: %v", refused.err)
		return true, w.setAside(ctx, log, good[0])
	default:
		// Interrupted while the store was down: give the batch back.
		for _, it := range good {
			_ = it.msg.Nak()
		}
		log.Warn("batch given back", "docs", len(good), "err", err)
		return false, nil
	}
}

// refusedError is a write the store refused although it answers queries:
// the data, not the connection, is at fault.
type refusedError struct{ err error }

func (e *refusedError) Error() string { return "store refused the write: " + e.err.Error() }
func (e *refusedError) Unwrap() error { return e.err }

// annotate runs the annotator over the batch on Threads goroutines. A panic
// is the document's failure, never the worker's.
func (w *Worker) annotate(items []*item) {
	var wg sync.WaitGroup
	next := atomic.Int64{}
	for range min(w.Threads, len(items)) {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= len(items) {
					return
				}
				it := items[i]
				if it.err != nil {
					continue
				}
				it.rows, it.err = w.one(it.doc)
			}
		})
	}
	wg.Wait()
}

func (w *Worker) one(d *doc.Document) (rows *store.Rows, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("annotator panic: %v\n%s", r, debug.Stack())
		}
	}()
	out, err := w.Annotate(d)
	if err != nil {
		return nil, err
	}
	return store.Normalize(out)
}

// keepAlive tells the server every few seconds that the batch is being
// worked on, so a slow batch is not redelivered to another worker.
func (w *Worker) keepAlive(msgs []jetstream.Msg) (stop func()) {
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		t := time.NewTicker(w.progressEvery())
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				for _, m := range msgs {
					_ = m.InProgress()
				}
			}
		}
	})
	return func() { close(done); wg.Wait() }
}

// progressEvery is how often a held message is marked in progress: well
// within the consumer's ack wait.
func (w *Worker) progressEvery() time.Duration {
	wait := 60 * time.Second
	if ci := w.Consumer.CachedInfo(); ci != nil && ci.Config.AckWait > 0 {
		wait = ci.Config.AckWait
	}
	return max(wait/3, 50*time.Millisecond)
}

// put stores rows, retrying while the store is unreachable. Once ctx ends
// it keeps trying for Grace, then gives up.
func (w *Worker) put(ctx context.Context, log *slog.Logger, rows []*store.Rows, msgs []jetstream.Msg) (store.PutResult, error) {
	stop := w.keepAlive(msgs)
	defer stop()
	var deadline time.Time
	backoff := 100 * time.Millisecond
	refusals := 0
	for attempt := 1; ; attempt++ {
		if ctx.Err() != nil && deadline.IsZero() {
			deadline = time.Now().Add(w.Grace)
		}
		pctx := context.WithoutCancel(ctx)
		var cancel context.CancelFunc = func() {}
		if !deadline.IsZero() {
			pctx, cancel = context.WithDeadline(pctx, deadline)
		}
		res, err := w.Store.Put(pctx, rows)
		cancel()
		if err == nil {
			return res, nil
		}
		w.stats.retries.Add(1)
		if !deadline.IsZero() && time.Now().After(deadline) {
			return res, err
		}
		// A store that answers queries but fails the same write three
		// times running refuses the data; retrying would block the queue.
		// (A write lost to a dropped connection fails once or twice.)
		hctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
		_, herr := w.Store.Has(hctx, []string{rows[0].Key})
		cancel()
		if herr != nil {
			refusals = 0
		} else if refusals++; refusals >= 3 {
			return res, &refusedError{err}
		}
		log.Warn("store write failed, retrying", "attempt", attempt, "docs", len(rows), "err", err, "retry_in", backoff)
		time.Sleep(backoff)
		backoff = min(backoff*2, 5*time.Second)
	}
}

// setAside records a dead letter and removes the message from the queue.
func (w *Worker) setAside(ctx context.Context, log *slog.Logger, it *item) error {
	var delivered uint64
	key := it.key
	if it.meta != nil {
		delivered = it.meta.NumDelivered
		if key == "" {
			key = fmt.Sprintf("seq-%d", it.meta.Sequence.Stream)
		}
	}
	origin := ""
	if h := it.msg.Headers(); h != nil {
		origin = h.Get(HeaderOrigin)
	}
	if origin == "" && it.doc != nil {
		origin = it.doc.Origin
	}
	data := it.msg.Data()
	if int64(len(data))+4096 > w.JS.Conn().MaxPayload() {
		data = nil // the reason is kept; the original is too large to copy
	}
	if err := deadLetter(context.WithoutCancel(ctx), w.JS, data, key, origin, w.ID, delivered, it.err.Error()); err != nil {
		return err
	}
	if err := it.msg.Ack(); err != nil {
		log.Warn("ack of a dead letter failed", "err", err)
	}
	w.stats.dead.Add(1)
	log.Warn("document set aside", "key", key, "origin", origin, "reason", firstLine(it.err.Error()))
	return nil
}

func firstLine(s string) string {
	for i := range len(s) {
		if s[i] == '\n' {
			return s[:i]
		}
	}
	return s
}

// report publishes the worker's counters every few seconds.
func (w *Worker) report(ctx context.Context, started time.Time) {
	kv, err := w.JS.KeyValue(ctx, WorkersBucket)
	if err != nil {
		w.Logger.Warn("no workers bucket: status will not list this worker", "err", err)
		return
	}
	host, _ := os.Hostname()
	last, lastT := int64(0), started
	put := func(stopped bool) {
		now := time.Now()
		done := w.stats.stored.Load() + w.stats.repeated.Load() + w.stats.dead.Load()
		s := WorkerStats{ID: w.ID, Host: host, PID: os.Getpid(), Started: started, Updated: now,
			Stored: w.stats.stored.Load(), Repeated: w.stats.repeated.Load(), Dead: w.stats.dead.Load(),
			Batches: w.stats.batches.Load(), Retries: w.stats.retries.Load(),
			Rate: float64(done-last) / max(now.Sub(lastT).Seconds(), 1e-3), Stopped: stopped}
		last, lastT = done, now
		b, _ := json.Marshal(s)
		pctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 2*time.Second)
		defer cancel()
		_, _ = kv.Put(pctx, kvKey(w.ID), b)
	}
	t := time.NewTicker(5 * time.Second)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			put(true)
			return
		case <-t.C:
			put(false)
		}
	}
}

// kvKey makes a worker id a valid bucket key.
func kvKey(id string) string {
	b := []byte(id)
	for i, c := range b {
		ok := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'
		if !ok {
			b[i] = '_'
		}
	}
	return string(b)
}
