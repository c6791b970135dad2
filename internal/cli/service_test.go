package cli

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dyadhq/dyad/internal/store/storetest"
)

// runCLI runs dyad with args and returns the exit code and output.
func runCLI(ctx context.Context, t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(ctx, args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestIngestStatsExport(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	news := filepath.Join(dir, "news")
	os.Mkdir(news, 0o755)
	story := "Russia and Ukraine talk\n\nRussia met Ukraine in Minsk. They agreed to talk again.\n"
	os.WriteFile(filepath.Join(news, "a.txt"), []byte(story), 0o644)
	os.WriteFile(filepath.Join(news, "b.txt"), []byte("Sanctions eased\n\nThe United States eased sanctions on Iran.\n"), 0o644)
	os.WriteFile(filepath.Join(news, "c.txt"), []byte(story), 0o644) // the same story again
	db := filepath.Join(dir, "t.db")

	code, out, errs := runCLI(ctx, t, "", "ingest", "--db", db, "--date", "2017-01-28", news)
	if code != 0 || !strings.Contains(out, "3 read, 2 new, 1 skipped") {
		t.Fatalf("ingest: %d %q %q", code, out, errs)
	}
	code, out, _ = runCLI(ctx, t, "", "ingest", "--db", db, news)
	if code != 0 || !strings.Contains(out, "0 new, 3 skipped") {
		t.Errorf("re-ingest: %d %q", code, out)
	}
	code, out, _ = runCLI(ctx, t, "", "db", "migrate", "--db", db)
	if code != 0 || !strings.Contains(out, "schema version 1") {
		t.Errorf("migrate: %d %q", code, out)
	}
	code, out, _ = runCLI(ctx, t, "", "db", "stats", "--db", db, "--json")
	var st struct {
		Tables   map[string]int
		FirstDay string `json:"first_day"`
	}
	if code != 0 || json.Unmarshal([]byte(out), &st) != nil || st.Tables["documents"] != 2 || st.FirstDay != "2017-01-28" {
		t.Errorf("stats: %d %q", code, out)
	}
	if code, out, _ = runCLI(ctx, t, "", "db", "stats", "--db", db); code != 0 || !strings.Contains(out, "documents") {
		t.Errorf("stats text: %d %q", code, out)
	}

	jsonl := filepath.Join(dir, "docs.jsonl")
	if code, _, errs = runCLI(ctx, t, "", "export", "--format", "jsonl", "--db", db, "--out", jsonl); code != 0 {
		t.Fatalf("export jsonl: %d %s", code, errs)
	}
	b, _ := os.ReadFile(jsonl)
	if n := strings.Count(string(b), "\n"); n != 2 {
		t.Errorf("exported %d documents, want 2", n)
	}

	// Export straight from extract output: the synthetic corpus has events.
	var corpus bytes.Buffer
	enc := json.NewEncoder(&corpus)
	for _, d := range storetest.Corpus() {
		enc.Encode(d)
	}
	code, out, errs = runCLI(ctx, t, corpus.String(), "export", "--format", "csv", "--from-json", "-")
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if code != 0 || err != nil || len(recs) != 7 {
		t.Errorf("csv from json: %d %d rows %v %s", code, len(recs), err, errs)
	}
	code, out, _ = runCLI(ctx, t, corpus.String(), "export", "--format", "gdelt", "--from-json", "-")
	if lines := strings.Split(strings.TrimSpace(out), "\n"); code != 0 || len(lines) != 6 || strings.Count(lines[0], "\t") != 60 {
		t.Errorf("gdelt from json: %d %q", code, out)
	}
	for _, bad := range [][]string{
		{"export", "--format", "xml", "--db", db},
		{"export", "--db", db},
		{"export", "--format", "csv", "--db", db, "--from-json", jsonl},
		{"export", "--format", "csv", "--from-json", filepath.Join(dir, "missing.jsonl")},
		{"ingest", "--db", db, "--date", "someday", news},
	} {
		if code, _, _ := runCLI(ctx, t, "", bad...); code == 0 {
			t.Errorf("%v succeeded", bad)
		}
	}
	// A failed export leaves no partial file behind.
	if code, _, _ := runCLI(ctx, t, "{", "export", "--format", "csv", "--from-json", "-", "--out", filepath.Join(dir, "x.csv")); code == 0 {
		t.Error("export of bad JSON succeeded")
	}
	if m, _ := filepath.Glob(filepath.Join(dir, "*x.csv*")); len(m) != 0 {
		t.Errorf("failed export left %v", m)
	}
}

func TestIngestURL(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/story.txt":
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			fmt.Fprint(w, "Wire story\n\nIran threatened Israel on Monday.\n")
		case "/big.txt":
			w.Header().Set("Content-Type", "text/plain")
			w.Write(bytes.Repeat([]byte("word "), 10000))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "u.db")
	code, out, errs := runCLI(ctx, t, "", "ingest", "--db", db, srv.URL+"/story.txt")
	if code != 0 || !strings.Contains(out, "1 new") {
		t.Errorf("ingest URL: %d %q %q", code, out, errs)
	}
	code, _, errs = runCLI(ctx, t, "", "ingest", "--db", db, "--fetch-max-bytes", "1000", srv.URL+"/big.txt")
	if code == 0 || !strings.Contains(errs, "larger than") {
		t.Errorf("oversized URL: %d %q", code, errs)
	}
	code, _, errs = runCLI(ctx, t, "", "ingest", "--db", db, srv.URL+"/missing")
	if code == 0 || !strings.Contains(errs, "404") {
		t.Errorf("missing URL: %d %q", code, errs)
	}
}

func TestServe(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	var errs bytes.Buffer
	go func() {
		var out bytes.Buffer
		done <- Run(ctx, []string{"serve", "--addr", addr, "--db", filepath.Join(t.TempDir(), "s.db"), "--token", "tok"},
			strings.NewReader(""), &out, &errs)
	}()
	var resp *http.Response
	for i := 0; i < 100; i++ {
		if resp, err = http.Get("http://" + addr + "/healthz"); err == nil {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if err != nil {
		t.Fatalf("server did not come up: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("healthz: %d", resp.StatusCode)
	}
	resp, err = http.Get("http://" + addr + "/")
	if err != nil || resp.StatusCode != 200 || resp.Header.Get("Content-Security-Policy") == "" {
		t.Errorf("UI: %v %v", err, resp)
	} else {
		resp.Body.Close()
	}
	resp, err = http.Post("http://"+addr+"/v1/documents", "application/json", strings.NewReader(`{"text":"x"}`))
	if err != nil || resp.StatusCode != 401 {
		t.Errorf("write without token: %v %v", err, resp)
	} else {
		resp.Body.Close()
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("serve exited %d: %s", code, errs.String())
		}
	case <-time.After(20 * time.Second):
		t.Fatal("serve did not stop")
	}
}
