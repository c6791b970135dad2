package api

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dyadhq/dyad/internal/pipeline"
	"github.com/dyadhq/dyad/internal/store"
	"github.com/dyadhq/dyad/internal/store/sqlite"
	"github.com/dyadhq/dyad/internal/store/storetest"
	"github.com/dyadhq/dyad/pkg/contract"
)

// syncBuffer is a log sink safe for the server's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

type env struct {
	t    *testing.T
	srv  *httptest.Server
	st   store.Store
	logs *syncBuffer
}

func newEnv(t *testing.T, cfg Config, load bool) *env {
	t.Helper()
	if cfg.Store == nil && load {
		st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "api.db"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		if _, err := st.Put(context.Background(), storetest.Rows(t, storetest.Corpus()...)); err != nil {
			t.Fatal(err)
		}
		cfg.Store = st
	}
	if cfg.Pipeline == nil {
		// The API does not depend on what the later stages find: stopping
		// after segment keeps the tests fast and free of the trained models.
		p, err := pipeline.New(pipeline.Options{Until: "segment"})
		if err != nil {
			t.Fatal(err)
		}
		cfg.Pipeline = p
	}
	logs := &syncBuffer{}
	cfg.Logger = slog.New(slog.NewJSONHandler(logs, nil))
	srv := httptest.NewServer(New(cfg).Handler())
	t.Cleanup(srv.Close)
	return &env{t: t, srv: srv, st: cfg.Store, logs: logs}
}

// do sends a request and decodes a JSON answer into out (when not nil).
func (e *env) do(method, path, ctype, body string, hdr map[string]string, out any) int {
	e.t.Helper()
	req, err := http.NewRequest(method, e.srv.URL+path, strings.NewReader(body))
	if err != nil {
		e.t.Fatal(err)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.Header.Get("X-Content-Type-Options") != "nosniff" {
		e.t.Errorf("%s %s: no nosniff header", method, path)
	}
	if out != nil {
		if err := json.Unmarshal(b, out); err != nil {
			e.t.Fatalf("%s %s: %d %q is not JSON: %v", method, path, resp.StatusCode, b, err)
		}
	}
	return resp.StatusCode
}

func (e *env) get(path string, out any) int { return e.do("GET", path, "", "", nil, out) }

type eventPage struct {
	Items []struct {
		Doc   string         `json:"doc"`
		Date  string         `json:"date"`
		Event contract.Event `json:"event"`
	} `json:"items"`
	Next string `json:"next"`
}

func (p eventPage) codes() []string {
	out := []string{}
	for _, it := range p.Items {
		out = append(out, it.Event.Cameo.Code)
	}
	return out
}

func TestQueries(t *testing.T) {
	e := newEnv(t, Config{}, true)
	tests := []struct {
		path string
		want string // codes joined by spaces
	}{
		{"/v1/events", "051 040 190 112 036 111"},
		{"/v1/events?source=RUS&target=USA&symmetric=true", "051 036 111"},
		{"/v1/events?source=rus&from=2017-01-01&to=2017-01-31", "111"},
		{"/v1/events?code=11", "112 111"},
		{"/v1/events?plover=ASSAULT", "190"},
		{"/v1/events?q=sanctions", "040 111"},
		{"/v1/events?actor=UKR&quad=4", "190"},
	}
	for _, tt := range tests {
		var p eventPage
		if code := e.get(tt.path, &p); code != 200 {
			t.Fatalf("%s: status %d", tt.path, code)
		}
		if got := strings.Join(p.codes(), " "); got != tt.want {
			t.Errorf("%s: %s, want %s", tt.path, got, tt.want)
		}
	}

	// Paging through the API.
	var got []string
	path := "/v1/events?limit=4"
	for i := 0; path != ""; i++ {
		var p eventPage
		if code := e.get(path, &p); code != 200 || i > 5 {
			t.Fatalf("%s: %d", path, code)
		}
		got = append(got, p.codes()...)
		path = ""
		if p.Next != "" {
			path = "/v1/events?limit=4&cursor=" + p.Next
		}
	}
	if strings.Join(got, " ") != "051 040 190 112 036 111" {
		t.Errorf("paged: %v", got)
	}

	var quotes struct {
		Items []struct {
			Quote contract.Quote `json:"quote"`
		} `json:"items"`
	}
	if e.get("/v1/quotes?speaker=orlov&q=sanctions", &quotes); len(quotes.Items) != 1 || quotes.Items[0].Quote.Speaker.Code != "RUSGOV" {
		t.Errorf("quotes: %+v", quotes)
	}
	var dyads struct {
		Actor string       `json:"actor"`
		Items []store.Dyad `json:"items"`
	}
	if e.get("/v1/actors/rus/dyads?by=country", &dyads); dyads.Actor != "RUS" || len(dyads.Items) != 4 || dyads.Items[0].Counterpart != "USA" {
		t.Errorf("dyads: %+v", dyads)
	}
	var series struct {
		Interval string         `json:"interval"`
		Items    []store.Bucket `json:"items"`
	}
	if e.get("/v1/series?source=RUS&target=USA&symmetric=1&interval=week", &series); series.Interval != "week" || len(series.Items) != 2 {
		t.Errorf("series: %+v", series)
	}
	var edges struct{ Items []store.Edge }
	if e.get("/v1/network?by=country&min=2", &edges); len(edges.Items) != 1 || edges.Items[0].Source != "USA" {
		t.Errorf("network: %+v", edges)
	}
	var actors struct{ Items []store.ActorCount }
	if e.get("/v1/actors?limit=2", &actors); len(actors.Items) != 2 || actors.Items[0].Code != "RUS" {
		t.Errorf("actors: %+v", actors)
	}
	var docs store.Page[store.DocSummary]
	if e.get("/v1/documents?q=sanctions", &docs); len(docs.Items) != 2 {
		t.Errorf("documents: %+v", docs)
	}
	var d contract.Document
	if code := e.get("/v1/documents/"+docs.Items[0].ID, &d); code != 200 || d.ID != docs.Items[0].ContractID || len(d.Events) == 0 {
		t.Errorf("document: %d %+v", code, d.ID)
	}
	var st store.Stats
	if e.get("/v1/stats", &st); st.Tables["events"] != 6 || st.Backend != "sqlite" {
		t.Errorf("stats: %+v", st)
	}
	var h map[string]string
	if code := e.get("/healthz", &h); code != 200 || h["status"] != "ok" {
		t.Errorf("healthz: %d %v", code, h)
	}
}

func TestBadRequests(t *testing.T) {
	e := newEnv(t, Config{}, true)
	tests := []struct {
		path   string
		status int
		msg    string
	}{
		{"/v1/events?source=USA%27%3B%20DROP%20TABLE%20events", 400, "actor code"},
		{"/v1/events?sorce=USA", 400, "unknown parameter sorce"},
		{"/v1/events?from=yesterday", 400, "YYYY-MM-DD"},
		{"/v1/events?limit=100000", 400, "limit"},
		{"/v1/events?limit=ten", 400, "whole number"},
		{"/v1/events?source=USA&source=RUS", 400, "2 times"},
		{"/v1/events?cursor=..%2F..", 400, "cursor"},
		{"/v1/events?symmetric=maybe", 400, "true or false"},
		{"/v1/documents/..%2F..%2Fetc%2Fpasswd", 400, "32 hex"},
		{"/v1/documents/" + strings.Repeat("0", 32), 404, "not found"},
		{"/v1/actors/U%20SA/dyads", 400, "actor code"},
		{"/v1/series?interval=year", 400, "interval"},
		{"/v1/nothing", 404, "no such endpoint"},
	}
	for _, tt := range tests {
		var body struct{ Error string }
		code := e.get(tt.path, &body)
		if code != tt.status || !strings.Contains(body.Error, tt.msg) {
			t.Errorf("%s: %d %q, want %d with %q", tt.path, code, body.Error, tt.status, tt.msg)
		}
	}
	// The store is intact after all that.
	var p eventPage
	if e.get("/v1/events", &p); len(p.Items) != 6 {
		t.Errorf("events after bad requests: %d", len(p.Items))
	}
}

func TestExtract(t *testing.T) {
	e := newEnv(t, Config{MaxBody: 4096}, false)
	var d contract.Document
	code := e.do("POST", "/v1/extract", "application/json",
		`{"id":"x","title":"T","text":"Russia condemned the attack. Ukraine agreed.","published":"2017-01-28"}`, nil, &d)
	if code != 200 || d.Contract != contract.Version || d.ID != "x" || d.Published != "2017-01-28" || len(d.Sentences) != 2 ||
		d.Events == nil || d.Quotes == nil {
		t.Errorf("extract JSON: %d %+v", code, d)
	}
	d = contract.Document{}
	code = e.do("POST", "/v1/extract?title=Hello&tokens=true", "text/plain; charset=utf-8", "Putin called Trump. They talked.", nil, &d)
	if code != 200 || d.Title != "Hello" || len(d.Tokens) == 0 {
		t.Errorf("extract text: %d %+v", code, d)
	}
	for _, tt := range []struct {
		ctype, body string
		status      int
	}{
		{"application/json", `{"text":"   "}`, 400},
		{"application/json", `{"text":"ok", "bogus":1}`, 400},
		{"application/json", `{"text":"ok"} {"text":"two"}`, 400},
		{"application/json", `{"text":"ok", "published":"last week"}`, 400},
		{"application/json", `{"text":` + strings.Repeat(" ", 5000) + `"x"}`, 413},
		{"application/xml", `<x/>`, 415},
		{"text/plain", "\xff\xfe", 400},
	} {
		var body struct{ Error string }
		if code := e.do("POST", "/v1/extract", tt.ctype, tt.body, nil, &body); code != tt.status || body.Error == "" {
			t.Errorf("%s %.30q: %d %q, want %d", tt.ctype, tt.body, code, body.Error, tt.status)
		}
	}
	// Without a store the corpus endpoints say so.
	var body struct{ Error string }
	if code := e.get("/v1/events", &body); code != 503 {
		t.Errorf("no store: %d %s", code, body.Error)
	}
}

func TestPostDocuments(t *testing.T) {
	e := newEnv(t, Config{Token: "s3cret"}, true)
	annotated, _ := json.Marshal(storetest.NewDoc("new", "A new story", "2017-04-01").Doc())
	b := storetest.NewDoc("new2", "Another", "2017-04-02")
	b.Sentence("Iran threatened Israel.")
	b.Entity("e1", "GPE", "Iran", 0, "IRN", "IRN", "").Entity("e2", "GPE", "Israel", 0, "ISR", "ISR", "").
		Event(storetest.Ev{Sentence: 0, Source: "e1", Target: "e2", Trigger: "threatened", Code: "138", Quad: 4, Goldstein: -7, Plover: "THREATEN"})
	withEvent, _ := json.Marshal(b.Doc())
	body := "[" + `{"id":"raw","title":"Raw","text":"Germany praised France. It was a good day."},` +
		string(annotated[:len(annotated)-1]) + `,"text":"Filled in."}` + "," + string(withEvent) + "]"

	var out struct {
		Added, Skipped int
		Items          []docResult
	}
	for _, h := range []map[string]string{nil, {"Authorization": "Bearer wrong"}, {"Authorization": "s3cret"}} {
		if code := e.do("POST", "/v1/documents", "application/json", body, h, &out); code != 401 {
			t.Errorf("auth %v: %d", h, code)
		}
	}
	auth := map[string]string{"Authorization": "Bearer s3cret"}
	if code := e.do("POST", "/v1/documents", "application/json", body, auth, &out); code != 201 || out.Added != 3 {
		t.Fatalf("post: %d %+v", code, out)
	}
	if out.Items[0].ContractID != "raw" || out.Items[0].Status != "added" || len(out.Items[0].ID) != 32 {
		t.Errorf("items: %+v", out.Items)
	}
	if code := e.do("POST", "/v1/documents", "application/json", body, auth, &out); code != 200 || out.Added != 0 || out.Skipped != 3 {
		t.Errorf("repost: %d %+v", code, out)
	}
	var p eventPage
	if e.get("/v1/events?source=IRN", &p); len(p.Items) != 1 || p.Items[0].Event.Cameo.Code != "138" {
		t.Errorf("posted event: %+v", p)
	}
	// JSON Lines work too; a bad document rejects the whole request.
	lines := `{"text":"First line story."}` + "\n" + `{"text":""}`
	if code := e.do("POST", "/v1/documents", "application/json", lines, auth, &out); code != 400 {
		t.Errorf("bad line: %d", code)
	}
	bad := strings.Replace(string(withEvent), `"start":0`, `"start":-5`, 1)
	if code := e.do("POST", "/v1/documents", "application/json", bad, auth, &out); code != 400 {
		t.Errorf("annotation outside the text: %d", code)
	}
	var st store.Stats
	if e.get("/v1/stats", &st); st.Tables["documents"] != 7 {
		t.Errorf("documents after rejected requests: %d", st.Tables["documents"])
	}
	// Reads need no token.
	if code := e.get("/v1/events", &p); code != 200 {
		t.Errorf("read with a token configured: %d", code)
	}
}

func TestLogAndRecover(t *testing.T) {
	ui := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/boom" {
			panic("boom")
		}
		w.Write([]byte("ui"))
	})
	e := newEnv(t, Config{UI: ui}, false)
	var body struct{ Error string }
	if code := e.get("/boom", &body); code != 500 || body.Error != "internal error" {
		t.Errorf("panic: %d %q", code, body.Error)
	}
	e.get("/", nil)
	e.get("/healthz", nil)
	var lines []map[string]any
	for _, l := range strings.Split(strings.TrimSpace(e.logs.String()), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("log line %q: %v", l, err)
		}
		if m["msg"] == "request" {
			lines = append(lines, m)
		}
	}
	if len(lines) != 3 || lines[0]["status"] != 500.0 || lines[1]["path"] != "/" || lines[2]["status"] != 200.0 {
		t.Errorf("request log: %v", lines)
	}
}

func TestGracefulShutdown(t *testing.T) {
	started := make(chan struct{})
	ui := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(started)
		time.Sleep(300 * time.Millisecond)
		w.Write([]byte("done"))
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	served := make(chan error, 1)
	go func() { served <- Serve(ctx, ln, New(Config{UI: ui, Logger: log}).Handler(), log) }()
	got := make(chan string, 1)
	go func() {
		resp, err := http.Get("http://" + ln.Addr().String() + "/slow")
		if err != nil {
			got <- err.Error()
			return
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		got <- string(b)
	}()
	<-started
	cancel()
	if s := <-got; s != "done" {
		t.Errorf("request in flight got %q", s)
	}
	if err := <-served; err != nil {
		t.Errorf("Serve: %v", err)
	}
	if _, err := http.Get("http://" + ln.Addr().String() + "/"); err == nil {
		t.Error("server still accepts after shutdown")
	}
}

// TestOpenAPI checks that docs/openapi.yaml documents every route.
func TestOpenAPI(t *testing.T) {
	b, err := os.ReadFile("../../docs/openapi.yaml")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(b)
	if !strings.HasPrefix(doc, "openapi: 3.") {
		t.Error("docs/openapi.yaml does not start with openapi: 3.x")
	}
	for _, r := range Routes() {
		method, path, _ := strings.Cut(r, " ")
		i := strings.Index(doc, "\n  "+path+":\n")
		if i < 0 {
			t.Errorf("%s is not documented", path)
			continue
		}
		rest := doc[i+len(path)+4:] // from the newline after "path:"
		if j := strings.Index(rest, "\n  /"); j >= 0 {
			rest = rest[:j]
		}
		if !strings.Contains(rest, "\n    "+strings.ToLower(method)+":") {
			t.Errorf("%s %s is not documented", method, path)
		}
	}
}
