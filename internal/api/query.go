package api

import (
	"net/http"

	"github.com/dyadhq/dyad/internal/store"
)

func (s *Server) getDocument(w http.ResponseWriter, r *http.Request) {
	if !s.needStore(w, r) {
		return
	}
	if err := newParams(r.URL.Query()).done(); err != nil {
		s.failErr(w, r, err)
		return
	}
	id, err := store.DocKeyParam("id", r.PathValue("id"))
	if err == nil && id == "" {
		err = badf("document id required")
	}
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	d, err := s.cfg.Store.Document(r.Context(), id)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, d)
}

func rangeOf(p *params) store.Range { return store.Range{From: p.str("from"), To: p.str("to")} }

func (s *Server) listDocuments(w http.ResponseWriter, r *http.Request) {
	if !s.needStore(w, r) {
		return
	}
	p := newParams(r.URL.Query())
	f := store.DocFilter{Range: rangeOf(p), Q: p.str("q"), Source: p.str("source"), Actor: p.str("actor"),
		Limit: p.int("limit"), Cursor: p.str("cursor")}
	if err := p.done(); err != nil {
		s.failErr(w, r, err)
		return
	}
	page, err := s.cfg.Store.Documents(r.Context(), f)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, page)
}

// EventFilter reads the parameters of GET /v1/events.
func eventFilter(p *params) store.EventFilter {
	return store.EventFilter{Range: rangeOf(p), Source: p.str("source"), Target: p.str("target"),
		Symmetric: p.bool("symmetric"), Actor: p.str("actor"), Code: p.str("code"), Root: p.str("root"),
		Plover: p.str("plover"), Quad: p.int("quad"), Q: p.str("q"), Doc: p.str("doc"),
		Limit: p.int("limit"), Cursor: p.str("cursor")}
}

func (s *Server) listEvents(w http.ResponseWriter, r *http.Request) {
	if !s.needStore(w, r) {
		return
	}
	p := newParams(r.URL.Query())
	f := eventFilter(p)
	if err := p.done(); err != nil {
		s.failErr(w, r, err)
		return
	}
	page, err := s.cfg.Store.Events(r.Context(), f)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, page)
}

func (s *Server) listQuotes(w http.ResponseWriter, r *http.Request) {
	if !s.needStore(w, r) {
		return
	}
	p := newParams(r.URL.Query())
	f := store.QuoteFilter{Range: rangeOf(p), Speaker: p.str("speaker"), Q: p.str("q"), Doc: p.str("doc"),
		Limit: p.int("limit"), Cursor: p.str("cursor")}
	if err := p.done(); err != nil {
		s.failErr(w, r, err)
		return
	}
	page, err := s.cfg.Store.Quotes(r.Context(), f)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, page)
}

func (s *Server) listActors(w http.ResponseWriter, r *http.Request) {
	if !s.needStore(w, r) {
		return
	}
	p := newParams(r.URL.Query())
	f := store.ActorFilter{Range: rangeOf(p), Prefix: p.str("prefix"), By: p.str("by"), Limit: p.int("limit")}
	if err := p.done(); err != nil {
		s.failErr(w, r, err)
		return
	}
	actors, err := s.cfg.Store.Actors(r.Context(), f)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": actors})
}

func (s *Server) actorDyads(w http.ResponseWriter, r *http.Request) {
	if !s.needStore(w, r) {
		return
	}
	p := newParams(r.URL.Query())
	f := store.DyadFilter{Range: rangeOf(p), Actor: r.PathValue("code"), By: p.str("by"), Limit: p.int("limit")}
	if err := p.done(); err != nil {
		s.failErr(w, r, err)
		return
	}
	dyads, err := s.cfg.Store.Dyads(r.Context(), f)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	code, _ := store.ActorCode("code", f.Actor)
	writeJSON(w, http.StatusOK, map[string]any{"actor": code, "items": dyads})
}

func (s *Server) series(w http.ResponseWriter, r *http.Request) {
	if !s.needStore(w, r) {
		return
	}
	p := newParams(r.URL.Query())
	f := store.SeriesFilter{Range: rangeOf(p), Source: p.str("source"), Target: p.str("target"),
		Symmetric: p.bool("symmetric"), Code: p.str("code"), Interval: p.str("interval")}
	if err := p.done(); err != nil {
		s.failErr(w, r, err)
		return
	}
	buckets, err := s.cfg.Store.Series(r.Context(), f)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	interval := f.Interval
	if interval == "" {
		interval = "day"
	}
	writeJSON(w, http.StatusOK, map[string]any{"interval": interval, "items": buckets})
}

func (s *Server) network(w http.ResponseWriter, r *http.Request) {
	if !s.needStore(w, r) {
		return
	}
	p := newParams(r.URL.Query())
	f := store.NetworkFilter{Range: rangeOf(p), By: p.str("by"), Code: p.str("code"), MinEvents: p.int("min"),
		Limit: p.int("limit")}
	if err := p.done(); err != nil {
		s.failErr(w, r, err)
		return
	}
	edges, err := s.cfg.Store.Network(r.Context(), f)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": edges})
}

func (s *Server) stats(w http.ResponseWriter, r *http.Request) {
	if !s.needStore(w, r) {
		return
	}
	if err := newParams(r.URL.Query()).done(); err != nil {
		s.failErr(w, r, err)
		return
	}
	st, err := s.cfg.Store.Stats(r.Context())
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, st)
}
