package cluster

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/dyadhq/dyad/internal/pipeline"
	"github.com/dyadhq/dyad/internal/store"
	"github.com/dyadhq/dyad/internal/store/backend"
	"github.com/dyadhq/dyad/internal/store/ingest"
	"github.com/dyadhq/dyad/internal/store/sqlite"
)

// Worker processes for the end-to-end test are this test binary started
// again with these variables set.
const (
	envWorker = "DYAD_CLUSTER_TEST_WORKER" // worker id
	envNATS   = "DYAD_CLUSTER_TEST_NATS"
	envDSN    = "DYAD_CLUSTER_TEST_DSN"
)

func TestMain(m *testing.M) {
	if id := os.Getenv(envWorker); id != "" {
		os.Exit(workerProcess(id))
	}
	os.Exit(m.Run())
}

// workerProcess runs one worker until SIGTERM, as dyad worker does.
func workerProcess(id string) int {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	fail := func(err error) int { fmt.Fprintln(os.Stderr, "worker:", err); return 1 }
	nc, js, err := Connect(os.Getenv(envNATS), id)
	if err != nil {
		return fail(err)
	}
	defer nc.Close()
	cons, err := Setup(ctx, js, Config{AckWait: 2 * time.Second})
	if err != nil {
		return fail(err)
	}
	st, err := backend.Open(ctx, os.Getenv(envDSN))
	if err != nil {
		return fail(err)
	}
	defer st.Close()
	p, err := pipeline.New(pipeline.Options{Until: "segment"})
	if err != nil {
		return fail(err)
	}
	w := &Worker{JS: js, Consumer: cons, Store: st, Annotate: annotator(p), ID: id, Batch: 16, Threads: 1}
	if err := w.Run(ctx); err != nil {
		return fail(err)
	}
	return 0
}

// proc is a worker process.
type proc struct {
	id  string
	cmd *exec.Cmd
	out bytes.Buffer
	mu  sync.Mutex
}

func (p *proc) Write(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.out.Write(b)
}

func startWorker(t *testing.T, id, natsURL, dsn string) *proc {
	t.Helper()
	p := &proc{id: id}
	p.cmd = exec.Command(os.Args[0], "-test.run=^$")
	p.cmd.Env = append(os.Environ(), envWorker+"="+id, envNATS+"="+natsURL, envDSN+"="+dsn)
	p.cmd.Stdout, p.cmd.Stderr = p, p
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if p.cmd.ProcessState == nil {
			p.cmd.Process.Kill()
			p.cmd.Wait()
		}
	})
	return p
}

// TestEndToEnd codes Reuters stories with three worker processes over
// embedded NATS into PostgreSQL, SIGKILLs one mid-run and starts another,
// and checks that every story is stored exactly once, with annotations
// identical to a single-process ingest of the same stories.
func TestEndToEnd(t *testing.T) {
	if os.Getenv("DYAD_TEST_POSTGRES") == "" {
		t.Skip("DYAD_TEST_POSTGRES is not set: source scripts/testenv.sh to run the end-to-end test")
	}
	// A few thousand stories; fewer under the race detector (CI), which
	// slows the workers ten times, to keep the test to seconds.
	n := 2000
	if raceEnabled {
		n = 600
	}
	docs := reuters(t, n)
	ctx := context.Background()
	e := newEnv(t, Config{}, 0)
	st, dsn := openStore(t)
	keys := map[string]bool{}
	for _, d := range docs {
		keys[store.Key(d.Title, d.Text)] = true
	}
	res := e.submit(docs)
	if res.Read != len(docs) || res.Queued != len(keys) || res.Queued+res.Duplicate != res.Read {
		t.Fatalf("submit: %+v for %d distinct stories", res, len(keys))
	}

	var procs []*proc
	for i := 1; i <= 3; i++ {
		procs = append(procs, startWorker(t, fmt.Sprintf("w%d", i), e.nats.URL(), dsn))
	}
	waitFor(t, 2*time.Minute, "a third of the stories stored", func() bool { return stored(t, st) >= int64(len(keys)/3) })
	// SIGKILL: no chance to ack, nak or clean up. Its batch in hand comes
	// back after the ack wait.
	if err := procs[0].cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	procs[0].cmd.Wait()
	at := stored(t, st)
	procs = append(procs, startWorker(t, "w4", e.nats.URL(), dsn))
	waitFor(t, 3*time.Minute, "every story stored", func() bool { return stored(t, st) == int64(len(keys)) && e.drained() })
	if at >= int64(len(keys)) {
		t.Errorf("w1 was killed after the run had finished (%d stored)", at)
	}
	// The others stop gracefully on SIGTERM.
	for _, p := range procs[1:] {
		p.cmd.Process.Signal(syscall.SIGTERM)
		if err := p.cmd.Wait(); err != nil {
			t.Errorf("worker %s: %v\n%s", p.id, err, p.out.String())
		}
	}
	if dl := deadReasons(t, e); len(dl) != 0 {
		t.Errorf("dead letters: %+v", dl)
	}

	// A single-process ingest of the same stories is the reference.
	ref, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "ref.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer ref.Close()
	p, err := pipeline.New(pipeline.Options{Until: "segment"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ingest.Run(ctx, ref, p, sliceSource(docs), ingest.Options{}); err != nil {
		t.Fatal(err)
	}
	a, _ := st.Stats(ctx)
	b, _ := ref.Stats(ctx)
	for _, table := range []string{"documents", "sentences", "entities", "events", "quotes", "times"} {
		if a.Tables[table] != b.Tables[table] {
			t.Errorf("%s: %d rows from the cluster, %d from one process", table, a.Tables[table], b.Tables[table])
		}
	}
	diff := 0
	for k := range keys {
		x, err1 := st.Document(ctx, k)
		y, err2 := ref.Document(ctx, k)
		if err1 != nil || err2 != nil {
			t.Fatalf("document %s: %v %v", k, err1, err2)
		}
		jx, _ := json.Marshal(x)
		jy, _ := json.Marshal(y)
		if !bytes.Equal(jx, jy) {
			if diff++; diff <= 3 {
				t.Errorf("document %s differs from the single-process run", k)
			}
		}
	}
	t.Logf("%d stories (%d distinct) stored once each; w1 killed at %d stored", len(docs), len(keys), at)
}
