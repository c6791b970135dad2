// Package api is dyad's HTTP interface: JSON over net/http, documented in
// docs/openapi.yaml. It offers stateless extraction (POST /v1/extract),
// ingestion into a store (POST /v1/documents) and the corpus queries
// analysts ask (events, quotes, dyads, series, network, documents), plus
// whatever handler serves the web UI at "/".
//
// Every parameter is validated (store's filters) before reaching the store,
// which binds it as an SQL parameter; bodies are capped; write endpoints can
// require a bearer token; every request is logged on one line with slog.
// The package knows the store and the pipeline through their interfaces,
// nothing of SQL or of the UI's files.
package api

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	"github.com/dyadhq/dyad/internal/pipeline"
	"github.com/dyadhq/dyad/internal/store"
	"github.com/dyadhq/dyad/pkg/contract"
	"github.com/dyadhq/dyad/pkg/doc"
)

// ExtractFunc annotates one document and renders it in the output contract.
type ExtractFunc func(ctx context.Context, d *doc.Document, tokens bool) (*contract.Document, error)

// Config assembles a server.
type Config struct {
	// Store answers the corpus endpoints; nil leaves only extraction.
	Store store.Store
	// Pipeline annotates documents for /v1/extract and /v1/documents.
	Pipeline *pipeline.Pipeline
	// Extract replaces the pipeline for /v1/extract (tests); nil uses Pipeline.
	Extract ExtractFunc
	// Token, when set, is required as "Authorization: Bearer TOKEN" by the
	// endpoints that write.
	Token string
	// Logger receives one line per request (nil: slog.Default()).
	Logger *slog.Logger
	// UI serves everything outside /v1/ and /healthz (nil: 404).
	UI http.Handler
	// MaxBody caps request bodies in bytes (0: 32 MB).
	MaxBody int64
	// MaxText caps one document's text in bytes (0: 8 MB).
	MaxText int
}

// Server is the HTTP API.
type Server struct {
	cfg     Config
	log     *slog.Logger
	extract ExtractFunc
	busy    chan struct{} // bounds concurrent pipeline runs
	mux     *http.ServeMux
}

// New builds a server.
func New(cfg Config) *Server {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = 32 << 20
	}
	if cfg.MaxText <= 0 {
		cfg.MaxText = 8 << 20
	}
	s := &Server{cfg: cfg, log: cfg.Logger, busy: make(chan struct{}, runtime.GOMAXPROCS(0))}
	s.extract = cfg.Extract
	if s.extract == nil {
		s.extract = s.runPipeline
	}
	s.routes()
	return s
}

func (s *Server) routes() {
	m := http.NewServeMux()
	m.HandleFunc("GET /healthz", s.healthz)
	m.HandleFunc("POST /v1/extract", s.postExtract)
	m.HandleFunc("POST /v1/documents", s.auth(s.postDocuments))
	m.HandleFunc("GET /v1/documents/{id}", s.getDocument)
	m.HandleFunc("GET /v1/documents", s.listDocuments)
	m.HandleFunc("GET /v1/events", s.listEvents)
	m.HandleFunc("GET /v1/quotes", s.listQuotes)
	m.HandleFunc("GET /v1/actors", s.listActors)
	m.HandleFunc("GET /v1/actors/{code}/dyads", s.actorDyads)
	m.HandleFunc("GET /v1/series", s.series)
	m.HandleFunc("GET /v1/network", s.network)
	m.HandleFunc("GET /v1/stats", s.stats)
	m.HandleFunc("/v1/", func(w http.ResponseWriter, r *http.Request) {
		s.fail(w, r, http.StatusNotFound, "no such endpoint: "+r.Method+" "+r.URL.Path)
	})
	if s.cfg.UI != nil {
		m.Handle("/", s.cfg.UI)
	}
	s.mux = m
}

// Routes lists the API's endpoints as "METHOD /path" (for the docs test).
func Routes() []string {
	return []string{
		"GET /healthz", "POST /v1/extract", "POST /v1/documents", "GET /v1/documents/{id}", "GET /v1/documents",
		"GET /v1/events", "GET /v1/quotes", "GET /v1/actors", "GET /v1/actors/{code}/dyads", "GET /v1/series",
		"GET /v1/network", "GET /v1/stats",
	}
}

// Handler is the whole server with its middleware: panic recovery, body
// cap, security headers and the request log.
func (s *Server) Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t0 := time.Now()
		rec := &recorder{ResponseWriter: w, status: http.StatusOK}
		defer func() {
			if p := recover(); p != nil {
				if p == http.ErrAbortHandler {
					panic(p)
				}
				s.log.Error("panic", "method", r.Method, "path", r.URL.Path, "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
				if !rec.wrote {
					s.fail(rec, r, http.StatusInternalServerError, "internal error")
				}
			}
			s.log.Info("request", "method", r.Method, "path", r.URL.Path, "query", clip(r.URL.RawQuery, 256),
				"status", rec.status, "bytes", rec.bytes, "ms", float64(time.Since(t0).Microseconds())/1000,
				"remote", remoteHost(r))
		}()
		h := rec.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		if r.Body != nil {
			r.Body = http.MaxBytesReader(rec, r.Body, s.cfg.MaxBody)
		}
		s.mux.ServeHTTP(rec, r)
	})
}

// recorder keeps the status and size of a response for the log.
type recorder struct {
	http.ResponseWriter
	status int
	bytes  int
	wrote  bool
}

func (r *recorder) WriteHeader(code int) {
	if !r.wrote {
		r.status, r.wrote = code, true
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(b []byte) (int, error) {
	r.wrote = true
	n, err := r.ResponseWriter.Write(b)
	r.bytes += n
	return n, err
}

func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

func clip(s string, n int) string {
	if len(s) > n {
		return s[:n] + "..."
	}
	return s
}

func remoteHost(r *http.Request) string {
	h, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return h
}

// auth requires the bearer token, when one is configured, compared in
// constant time (hashes, so that the length does not leak either).
func (s *Server) auth(next http.HandlerFunc) http.HandlerFunc {
	if s.cfg.Token == "" {
		return next
	}
	want := sha256.Sum256([]byte(s.cfg.Token))
	return func(w http.ResponseWriter, r *http.Request) {
		got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		sum := sha256.Sum256([]byte(got))
		if !ok || subtle.ConstantTimeCompare(sum[:], want[:]) != 1 {
			w.Header().Set("WWW-Authenticate", `Bearer realm="dyad"`)
			s.fail(w, r, http.StatusUnauthorized, "this endpoint needs the server's bearer token")
			return
		}
		next(w, r)
	}
}

// errorBody is every error response.
type errorBody struct {
	Error string `json:"error"`
}

func (s *Server) fail(w http.ResponseWriter, r *http.Request, status int, msg string) {
	writeJSON(w, status, errorBody{msg})
}

// failErr maps an error to a status: bad parameters are the client's (400),
// a missing document 404, a body too large 413, anything else the server's
// (500, logged, with a generic message).
func (s *Server) failErr(w http.ResponseWriter, r *http.Request, err error) {
	var ie *store.InvalidError
	var mb *http.MaxBytesError
	var be *badRequest
	switch {
	case errors.As(err, &ie):
		s.fail(w, r, http.StatusBadRequest, ie.Error())
	case errors.As(err, &be):
		s.fail(w, r, http.StatusBadRequest, be.msg)
	case errors.As(err, &mb):
		s.fail(w, r, http.StatusRequestEntityTooLarge, fmt.Sprintf("request body larger than %d bytes", mb.Limit))
	case errors.Is(err, store.ErrNotFound):
		s.fail(w, r, http.StatusNotFound, "not found")
	case errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded):
		s.fail(w, r, http.StatusServiceUnavailable, "request cancelled or timed out")
	default:
		s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
		s.fail(w, r, http.StatusInternalServerError, "internal error")
	}
}

type badRequest struct{ msg string }

func (b *badRequest) Error() string { return b.msg }

func badf(format string, a ...any) error { return &badRequest{fmt.Sprintf(format, a...)} }

func writeJSON(w http.ResponseWriter, status int, v any) {
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	_ = enc.Encode(v) // the client has gone if this fails
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	body := map[string]any{"status": "ok"}
	if s.cfg.Store != nil {
		body["store"] = s.cfg.Store.Backend()
	}
	writeJSON(w, http.StatusOK, body)
}

// needStore answers 503 when the server runs without a store.
func (s *Server) needStore(w http.ResponseWriter, r *http.Request) bool {
	if s.cfg.Store == nil {
		s.fail(w, r, http.StatusServiceUnavailable, "this server has no store (start it with --db)")
		return false
	}
	return true
}
