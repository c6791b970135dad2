package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// background runs a long-lived command (a server, a worker) until the test
// stops it, and returns its exit code then.
func background(t *testing.T, args ...string) (stop func() (int, string, string)) {
	ctx, cancel := context.WithCancel(context.Background())
	type result struct {
		code     int
		out, err string
	}
	done := make(chan result, 1)
	go func() {
		code, out, errs := runCLI(ctx, t, "", args...)
		done <- result{code, out, errs}
	}()
	return func() (int, string, string) {
		cancel()
		select {
		case r := <-done:
			return r.code, r.out, r.err
		case <-time.After(60 * time.Second):
			t.Fatalf("%v did not stop", args)
			return 0, "", ""
		}
	}
}

// TestClusterCommands runs the dev-mode flow of the README: an embedded
// NATS server, submit, a worker, status and dead letters.
func TestClusterCommands(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	port := freePort(t)
	url := fmt.Sprintf("nats://127.0.0.1:%d", port)
	stopNATS := background(t, "cluster", "nats", "--listen", fmt.Sprintf("127.0.0.1:%d", port), "--store", filepath.Join(dir, "nats"))
	defer stopNATS()
	news := filepath.Join(dir, "news")
	os.Mkdir(news, 0o755)
	for i := range 12 {
		os.WriteFile(filepath.Join(news, fmt.Sprintf("s%02d.txt", i)),
			[]byte(fmt.Sprintf("Story %d\n\nRussia met Ukraine on day %d. They agreed to talk again.\n", i, i)), 0o644)
	}
	os.WriteFile(filepath.Join(news, "huge.txt"), []byte("Huge\n\n"+strings.Repeat("A very long story. ", 100)), 0o644)

	var code int
	var out, errs string
	deadline := time.Now().Add(30 * time.Second)
	for {
		code, out, errs = runCLI(ctx, t, "", "submit", "--nats", url, "--date", "2017-01-28", news)
		if code == 0 || time.Now().After(deadline) {
			break
		}
		time.Sleep(100 * time.Millisecond) // the server is still starting
	}
	if code != 0 || !strings.Contains(out, "13 read, 13 queued, 0 already queued") {
		t.Fatalf("submit: %d %q %q", code, out, errs)
	}
	if code, out, _ = runCLI(ctx, t, "", "submit", "--nats", url, news); !strings.Contains(out, "13 read, 0 queued, 13 already queued") {
		t.Errorf("resubmit: %d %q", code, out)
	}

	db := filepath.Join(dir, "c.db")
	stopWorker := background(t, "worker", "--nats", url, "--db", db, "--until", "segment", "--id", "w1",
		"--max-bytes", "1000", "--batch", "4")
	var st struct {
		Queued   int `json:"queued"`
		InFlight int `json:"in_flight"`
		Dead     int `json:"dead_letters"`
		Workers  []struct {
			ID     string `json:"id"`
			Stored int    `json:"stored"`
		} `json:"workers"`
	}
	deadline = time.Now().Add(60 * time.Second)
	for {
		code, out, errs = runCLI(ctx, t, "", "cluster", "status", "--nats", url, "--json")
		if code != 0 || json.Unmarshal([]byte(out), &st) != nil {
			t.Fatalf("status: %d %q %q", code, out, errs)
		}
		if st.Queued == 0 && st.InFlight == 0 && st.Dead == 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the queue did not drain: %+v", st)
		}
		time.Sleep(100 * time.Millisecond)
	}
	code, out, errs = stopWorker()
	if code != 0 || !strings.Contains(out, "worker: 12 stored, 0 already stored, 1 set aside") {
		t.Errorf("worker: %d %q %q", code, out, errs)
	}
	if code, out, _ = runCLI(ctx, t, "", "cluster", "status", "--nats", url); code != 0 ||
		!strings.Contains(out, "queued 0") || !strings.Contains(out, "w1") || !strings.Contains(out, "stopped") {
		t.Errorf("status text: %d %q", code, out)
	}
	if code, out, _ = runCLI(ctx, t, "", "cluster", "dead", "--nats", url); code != 0 ||
		!strings.Contains(out, "huge.txt") || !strings.Contains(out, "larger than the limit (1000)") {
		t.Errorf("dead: %d %q", code, out)
	}
	if code, out, _ = runCLI(ctx, t, "", "db", "stats", "--db", db, "--json"); code != 0 || !strings.Contains(out, `"documents": 12`) {
		t.Errorf("stats: %d %q", code, out)
	}
	if code, _, errs = runCLI(ctx, t, "", "cluster", "nats", "--listen", "nowhere"); code != 2 {
		t.Errorf("bad --listen: %d %q", code, errs)
	}
}
