package cluster

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/dyadhq/dyad/internal/datadir/datatest"
	"github.com/dyadhq/dyad/internal/pipeline"
	"github.com/dyadhq/dyad/internal/reader"
	"github.com/dyadhq/dyad/internal/store"
	"github.com/dyadhq/dyad/internal/store/backend"
	"github.com/dyadhq/dyad/internal/store/storetest"
	"github.com/dyadhq/dyad/pkg/contract"
	"github.com/dyadhq/dyad/pkg/doc"
)

// testEnv is an embedded NATS server with the cluster's streams.
type testEnv struct {
	t    testing.TB
	nats *Embedded
	nc   *nats.Conn
	js   jetstream.JetStream
	cons jetstream.Consumer
	cfg  Config
}

func newEnv(t testing.TB, cfg Config, maxPayload int32) *testEnv {
	t.Helper()
	if cfg.AckWait == 0 {
		cfg.AckWait = 2 * time.Second // a killed worker's batch comes back soon
	}
	srv, err := StartEmbedded(EmbeddedOptions{StoreDir: t.TempDir(), MaxPayload: maxPayload})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Stop() })
	nc, js, err := Connect(srv.URL(), "test")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	cons, err := Setup(context.Background(), js, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return &testEnv{t: t, nats: srv, nc: nc, js: js, cons: cons, cfg: cfg}
}

// consumerState returns the messages waiting and in flight.
func (e *testEnv) consumerState() (pending uint64, inFlight int) {
	ci, err := e.cons.Info(context.Background())
	if err != nil {
		return 1, 1 // unknown (a restart): not drained
	}
	return ci.NumPending, ci.NumAckPending
}

func (e *testEnv) drained() bool {
	p, f := e.consumerState()
	return p == 0 && f == 0
}

func (e *testEnv) submit(docs []*doc.Document) SubmitResult {
	e.t.Helper()
	res, err := Submit(context.Background(), e.js, sliceSource(docs), SubmitOptions{Window: 64})
	if err != nil {
		e.t.Fatal(err)
	}
	return res
}

// worker starts an in-process worker; stop ends it and waits.
func (e *testEnv) worker(st store.Store, id string, ann Annotate, tune func(*Worker)) (w *Worker, stop func()) {
	e.t.Helper()
	cons, err := e.js.Consumer(context.Background(), WorkStream, Consumer)
	if err != nil {
		e.t.Fatal(err)
	}
	w = &Worker{JS: e.js, Consumer: cons, Store: st, Annotate: ann, ID: id, Batch: 8, Threads: 1,
		Logger: testLogger(e.t)}
	if tune != nil {
		tune(w)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- w.Run(ctx) }()
	var once sync.Once
	stop = func() {
		once.Do(func() {
			cancel()
			select {
			case err := <-done:
				if err != nil {
					e.t.Errorf("worker %s: %v", id, err)
				}
			case <-time.After(60 * time.Second):
				e.t.Errorf("worker %s did not stop", id)
			}
		})
	}
	e.t.Cleanup(stop)
	return w, stop
}

func testLogger(t testing.TB) *slog.Logger {
	if testing.Verbose() && os.Getenv("DYAD_CLUSTER_LOG") != "" {
		return slog.New(slog.NewTextHandler(os.Stderr, nil))
	}
	return slog.New(slog.NewTextHandler(io.Discard, nil))
}

func sliceSource(docs []*doc.Document) func(func(*doc.Document) error) error {
	return func(emit func(*doc.Document) error) error {
		for _, d := range docs {
			c := *d
			if err := emit(&c); err != nil {
				return err
			}
		}
		return nil
	}
}

// stories makes n distinct documents.
func stories(n int) []*doc.Document {
	out := make([]*doc.Document, n)
	for i := range out {
		out[i] = &doc.Document{ID: fmt.Sprintf("s%04d", i), Title: fmt.Sprintf("Story %d", i),
			Published: time.Date(2017, 1, 1+i%28, 0, 0, 0, 0, time.UTC), Origin: fmt.Sprintf("test:%d", i),
			Text: fmt.Sprintf("Story number %d is here. Russia and Ukraine met on day %d.\n\nA second paragraph.", i, i)}
	}
	return out
}

// reuters reads the first n stories of Reuters-21578 (or skips).
func reuters(t testing.TB, n int) []*doc.Document {
	t.Helper()
	dir := datatest.Require(t, "reuters21578")
	var out []*doc.Document
	errEnough := errors.New("enough")
	err := reader.Walk(context.Background(), []string{filepath.Join(dir, "reut2-00[0-9].sgm")},
		reader.Options{OnBad: func(*reader.Error) error { return nil }},
		func(d *doc.Document) error {
			out = append(out, d)
			if len(out) >= n {
				return errEnough
			}
			return nil
		})
	if err != nil && !errors.Is(err, errEnough) {
		t.Fatal(err)
	}
	return out
}

// segmenter is an annotator that stops after sentence splitting: fast and
// free of trained models, which the cluster does not depend on.
func segmenter(t testing.TB) Annotate {
	t.Helper()
	p, err := pipeline.New(pipeline.Options{Until: "segment"})
	if err != nil {
		t.Fatal(err)
	}
	return annotator(p)
}

func annotator(p *pipeline.Pipeline) Annotate {
	return func(d *doc.Document) (*contract.Document, error) {
		s, err := p.Process(d)
		if err != nil {
			return nil, err
		}
		out := pipeline.Render(s, pipeline.RenderOptions{})
		return &out, nil
	}
}

// openStore opens a fresh PostgreSQL schema when DYAD_TEST_POSTGRES is set
// and a SQLite file otherwise.
func openStore(t testing.TB) (store.Store, string) {
	t.Helper()
	dsn := filepath.Join(t.TempDir(), "cluster.db")
	if os.Getenv("DYAD_TEST_POSTGRES") != "" {
		dsn = storetest.PostgresDSN(t)
	}
	return openDSN(t, dsn), dsn
}

func openDSN(t testing.TB, dsn string) store.Store {
	t.Helper()
	st, err := backend.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func stored(t testing.TB, st store.Store) int64 {
	t.Helper()
	s, err := st.Stats(context.Background())
	if err != nil {
		return -1 // the store is down: not done
	}
	return s.Tables["documents"]
}

func waitFor(t *testing.T, timeout time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %s waiting for %s", timeout, what)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// proxy forwards TCP connections to a server and can cut them all, which
// the store sees as its database restarting. (Restarting the shared test
// cluster itself would break the other packages' tests running meanwhile.)
type proxy struct {
	ln     net.Listener
	target string
	down   atomic.Bool
	mu     sync.Mutex
	conns  []net.Conn
}

func newProxy(t *testing.T, target string) *proxy {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &proxy{ln: ln, target: target}
	t.Cleanup(func() { ln.Close(); p.cut() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			if p.down.Load() {
				c.Close()
				continue
			}
			s, err := net.Dial("tcp", target)
			if err != nil {
				c.Close()
				continue
			}
			p.mu.Lock()
			p.conns = append(p.conns, c, s)
			p.mu.Unlock()
			go func() { io.Copy(s, c); s.Close() }()
			go func() { io.Copy(c, s); c.Close() }()
		}
	}()
	return p
}

// cut drops every connection and refuses new ones until restore.
func (p *proxy) cut() {
	p.down.Store(true)
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range p.conns {
		c.Close()
	}
	p.conns = nil
}

func (p *proxy) restore() { p.down.Store(false) }

// viaProxy rewrites a postgres:// DSN to go through a proxy.
func viaProxy(t *testing.T, dsn string) (string, *proxy) {
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	p := newProxy(t, u.Host)
	u.Host = p.ln.Addr().String()
	return u.String(), p
}
