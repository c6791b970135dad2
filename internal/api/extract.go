package api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/dyadhq/dyad/internal/pipeline"
	"github.com/dyadhq/dyad/internal/store"
	"github.com/dyadhq/dyad/pkg/contract"
	"github.com/dyadhq/dyad/pkg/doc"
)

// maxDocsPerRequest bounds POST /v1/documents.
const maxDocsPerRequest = 1000

// inputDoc is a document to annotate, as clients send it.
type inputDoc struct {
	ID        string            `json:"id"`
	Title     string            `json:"title"`
	Text      string            `json:"text"`
	Published string            `json:"published"`
	Source    string            `json:"source"`
	URL       string            `json:"url"`
	Language  string            `json:"language"`
	Meta      map[string]string `json:"meta"`
}

// toDoc checks an input document and makes it a pipeline document; n names
// it in errors.
func (s *Server) toDoc(in inputDoc, n string) (*doc.Document, error) {
	switch {
	case strings.TrimSpace(in.Text) == "":
		return nil, badf("%s: text is empty", n)
	case len(in.Text) > s.cfg.MaxText:
		return nil, badf("%s: text is %d bytes, the limit is %d", n, len(in.Text), s.cfg.MaxText)
	case !utf8.ValidString(in.Text) || !utf8.ValidString(in.Title):
		return nil, badf("%s: text is not valid UTF-8", n)
	case strings.ContainsRune(in.Text, 0) || strings.ContainsRune(in.Title, 0):
		return nil, badf("%s: text holds a NUL byte", n)
	}
	d := &doc.Document{ID: in.ID, Title: in.Title, Text: in.Text, Source: in.Source, URL: in.URL,
		Language: in.Language, Meta: in.Meta, Origin: n}
	if d.ID == "" {
		d.ID = "doc"
	}
	if d.Language == "" {
		d.Language = "en"
	}
	if in.Published != "" {
		if t, err := time.Parse(time.DateOnly, in.Published); err == nil {
			d.Published = t
		} else if t, err := time.Parse(time.RFC3339, in.Published); err == nil {
			d.Published, d.PublishedHasClock = t, true
		} else {
			return nil, badf("%s: published %q is neither YYYY-MM-DD nor RFC 3339", n, clip(in.Published, 40))
		}
	}
	return d, nil
}

// runPipeline annotates d, at most GOMAXPROCS documents at a time.
func (s *Server) runPipeline(ctx context.Context, d *doc.Document, tokens bool) (*contract.Document, error) {
	if s.cfg.Pipeline == nil {
		return nil, errors.New("this server has no pipeline")
	}
	select {
	case s.busy <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() { <-s.busy }()
	st, err := s.cfg.Pipeline.Process(d)
	if err != nil {
		return nil, err
	}
	out := pipeline.Render(st, pipeline.RenderOptions{Tokens: tokens})
	return &out, nil
}

// postExtract annotates one document: a JSON object (id, title, text,
// published...) or, as text/plain, the text itself with title and
// published as query parameters.
func (s *Server) postExtract(w http.ResponseWriter, r *http.Request) {
	p := newParams(r.URL.Query())
	tokens := p.bool("tokens")
	var in inputDoc
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch ct {
	case "text/plain":
		in.Title, in.Published, in.ID = p.str("title"), p.str("published"), p.str("id")
		body, err := io.ReadAll(r.Body)
		if err != nil {
			s.failErr(w, r, err)
			return
		}
		in.Text = string(body)
	case "application/json", "":
		if err := decodeOne(r.Body, &in); err != nil {
			s.failErr(w, r, err)
			return
		}
	default:
		s.fail(w, r, http.StatusUnsupportedMediaType, "send application/json or text/plain")
		return
	}
	if err := p.done(); err != nil {
		s.failErr(w, r, err)
		return
	}
	d, err := s.toDoc(in, "document")
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	out, err := s.extract(r.Context(), d, tokens)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, out)
}

// decodeOne reads exactly one JSON value into v.
func decodeOne(r io.Reader, v any) error {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return jsonErr(err)
	}
	if dec.More() {
		return badf("body holds more than one JSON value")
	}
	return nil
}

func jsonErr(err error) error {
	var mb *http.MaxBytesError
	if errors.As(err, &mb) {
		return err
	}
	return badf("body is not valid JSON for this endpoint: %v", err)
}

// docResult is one document of a POST /v1/documents answer.
type docResult struct {
	ID         string `json:"id"`
	ContractID string `json:"contract_id"`
	Status     string `json:"status"` // added, skipped
}

// postDocuments stores documents: a JSON array, or JSON objects one after
// another (JSON Lines). An object whose "contract" is "dyad/v1" is an
// annotated document, stored as it is; any other is annotated first. The
// request is one transaction.
func (s *Server) postDocuments(w http.ResponseWriter, r *http.Request) {
	if !s.needStore(w, r) {
		return
	}
	if err := newParams(r.URL.Query()).done(); err != nil {
		s.failErr(w, r, err)
		return
	}
	raws, err := readItems(r.Body)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	ctx := r.Context()
	docs := make([]*contract.Document, len(raws))
	inputs := make([]*doc.Document, len(raws))
	keys := make([]string, len(raws))
	for i, raw := range raws {
		n := fmt.Sprintf("document %d", i)
		var probe struct {
			Contract string `json:"contract"`
		}
		if err := json.Unmarshal(raw, &probe); err != nil {
			s.failErr(w, r, badf("%s: %v", n, err))
			return
		}
		if probe.Contract != "" {
			var d contract.Document
			if err := json.Unmarshal(raw, &d); err != nil {
				s.failErr(w, r, badf("%s: %v", n, err))
				return
			}
			if err := store.Check(&d); err != nil {
				s.failErr(w, r, badf("%s: %v", n, err))
				return
			}
			docs[i], keys[i] = &d, store.DocKey(&d)
			continue
		}
		var in inputDoc
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&in); err != nil {
			s.failErr(w, r, badf("%s: %v", n, err))
			return
		}
		d, err := s.toDoc(in, n)
		if err != nil {
			s.failErr(w, r, err)
			return
		}
		inputs[i], keys[i] = d, store.Key(d.Title, d.Text)
	}
	// Documents already stored are not annotated again.
	has, err := s.cfg.Store.Has(ctx, keys)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	results := make([]docResult, len(raws))
	var rows []*store.Rows
	var at []int
	for i := range raws {
		results[i] = docResult{ID: keys[i], Status: "skipped"}
		if has[keys[i]] {
			if docs[i] != nil {
				results[i].ContractID = docs[i].ID
			} else {
				results[i].ContractID = inputs[i].ID
			}
			continue
		}
		d := docs[i]
		if d == nil {
			if d, err = s.extract(ctx, inputs[i], false); err != nil {
				s.failErr(w, r, err)
				return
			}
		}
		results[i].ContractID = d.ID
		row, err := store.Normalize(d)
		if err != nil {
			s.failErr(w, r, badf("document %d: %v", i, err))
			return
		}
		rows = append(rows, row)
		at = append(at, i)
	}
	res, err := s.cfg.Store.Put(ctx, rows)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	for j, added := range res.New {
		if added {
			results[at[j]].Status = "added"
		}
	}
	status := http.StatusOK
	if res.Added > 0 {
		status = http.StatusCreated
	}
	writeJSON(w, status, map[string]any{"added": res.Added, "skipped": len(raws) - res.Added, "items": results})
}

// readItems splits a body into JSON objects: one array of them, or objects
// one after another.
func readItems(body io.Reader) ([]json.RawMessage, error) {
	dec := json.NewDecoder(body)
	var items []json.RawMessage
	for {
		var raw json.RawMessage
		err := dec.Decode(&raw)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, jsonErr(err)
		}
		raw = bytes.TrimSpace(raw)
		switch {
		case len(raw) > 0 && raw[0] == '[':
			if len(items) > 0 {
				return nil, badf("body mixes an array with other values")
			}
			var arr []json.RawMessage
			if err := json.Unmarshal(raw, &arr); err != nil {
				return nil, jsonErr(err)
			}
			items = append(items, arr...)
		case len(raw) > 0 && raw[0] == '{':
			items = append(items, raw)
		default:
			return nil, badf("body must hold JSON objects (documents), not %s", clip(string(raw), 20))
		}
		if len(items) > maxDocsPerRequest {
			return nil, badf("more than %d documents in one request", maxDocsPerRequest)
		}
	}
	if len(items) == 0 {
		return nil, badf("no documents in the body")
	}
	for i, it := range items {
		if len(it) == 0 || it[0] != '{' {
			return nil, badf("document %d is not a JSON object", i)
		}
	}
	return items, nil
}
