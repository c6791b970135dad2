// Package store keeps annotated documents (the output contract) and answers
// the questions analysts ask of them: which events between which actors,
// who said what, how a dyad's tone moved over time.
//
// This package defines the Store interface, its filters and results, the
// validation of every user-supplied value (codes, dates, cursors) and the
// normalization of a contract document into rows (Normalize). Backends live
// in subpackages (store/sqlite, store/postgres) and share their SQL through
// store/sqldb; store/backend opens one from a DSN; store/storetest is the
// conformance suite every backend passes. The store knows nothing of how
// documents are read or annotated, nor of HTTP.
package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"

	"github.com/dyadhq/dyad/pkg/contract"
)

// ErrNotFound is returned for a document id that is not in the store.
var ErrNotFound = errors.New("not found")

// Store is a document store with normalized tables for querying. All
// methods are safe for concurrent use.
type Store interface {
	// Put stores documents (cut into rows by Normalize) in one transaction:
	// either every new document of the batch is stored with all its rows,
	// or none is. A document whose key (see Key) is already stored, or
	// comes twice in the batch, is skipped.
	Put(ctx context.Context, docs []*Rows) (PutResult, error)
	// Has reports which of the keys are stored.
	Has(ctx context.Context, keys []string) (map[string]bool, error)
	// Document returns the stored contract document with key id.
	Document(ctx context.Context, id string) (*contract.Document, error)
	// Documents lists document summaries, newest first.
	Documents(ctx context.Context, f DocFilter) (Page[DocSummary], error)
	// Each calls fn for every document matching f, oldest first (exports).
	Each(ctx context.Context, f DocFilter, fn func(*contract.Document) error) error
	// Events lists events, newest first.
	Events(ctx context.Context, f EventFilter) (Page[EventRow], error)
	// Quotes lists quotes, newest first.
	Quotes(ctx context.Context, f QuoteFilter) (Page[QuoteRow], error)
	// Dyads lists the counterparts of actor code (a code prefix) in both
	// directions, with event counts and mean Goldstein score.
	Dyads(ctx context.Context, f DyadFilter) ([]Dyad, error)
	// Series counts events per day for a dyad (buckets are folded into
	// weeks or months by Fold).
	Series(ctx context.Context, f SeriesFilter) ([]Bucket, error)
	// Network lists the heaviest source->target edges.
	Network(ctx context.Context, f NetworkFilter) ([]Edge, error)
	// Actors lists actor codes by number of events.
	Actors(ctx context.Context, f ActorFilter) ([]ActorCount, error)
	// Stats summarizes the store.
	Stats(ctx context.Context) (*Stats, error)
	// Optimize refreshes the query planner's statistics; ingest calls it
	// after adding documents, so that queries keep choosing good indexes.
	Optimize(ctx context.Context) error
	// Migrate applies pending schema migrations and returns their versions.
	Migrate(ctx context.Context) ([]int, error)
	// Backend names the backend ("sqlite", "postgres").
	Backend() string
	Close() error
}

// Key is a document's identity in the store: the hex SHA-256 (first 16
// bytes) of its title and text, so the same story read twice, from a file
// or a feed, is stored once.
func Key(title, text string) string {
	h := sha256.New()
	h.Write([]byte(title))
	h.Write([]byte{0})
	h.Write([]byte(text))
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// DocKey is Key of a contract document.
func DocKey(d *contract.Document) string { return Key(d.Title, d.Text) }

// PutResult says what a Put did.
type PutResult struct {
	Added   int
	Skipped int
	// New tells, in input order, which documents were added.
	New []bool
}

// Page is one page of results; Next is the cursor of the following page
// ("" on the last).
type Page[T any] struct {
	Items []T    `json:"items"`
	Next  string `json:"next,omitempty"`
}

// DocSummary is a document without its annotations.
type DocSummary struct {
	ID         string `json:"id"`          // store key
	ContractID string `json:"contract_id"` // the document's own id
	Title      string `json:"title"`
	Published  string `json:"published,omitempty"`
	Source     string `json:"source,omitempty"`
	URL        string `json:"url,omitempty"`
	Sentences  int    `json:"sentences"`
	Entities   int    `json:"entities"`
	Events     int    `json:"events"`
	Quotes     int    `json:"quotes"`
	Times      int    `json:"times"`
	Ingested   string `json:"ingested"`
}

// EventRow is one stored event with where it came from.
type EventRow struct {
	Doc       string `json:"doc"` // store key of the document
	Title     string `json:"title"`
	Published string `json:"published,omitempty"`
	URL       string `json:"url,omitempty"`
	// Date is the event's day (YYYY-MM-DD), from the text or the publication
	// date; "" when neither is known.
	Date          string          `json:"date"`
	SourceCountry string          `json:"source_country,omitempty"`
	TargetCountry string          `json:"target_country,omitempty"`
	SentenceText  string          `json:"sentence_text"`
	Event         json.RawMessage `json:"event"` // contract.Event
}

// QuoteRow is one stored quote with where it came from.
type QuoteRow struct {
	Doc       string          `json:"doc"`
	Title     string          `json:"title"`
	Published string          `json:"published,omitempty"`
	URL       string          `json:"url,omitempty"`
	Date      string          `json:"date"`
	Quote     json.RawMessage `json:"quote"` // contract.Quote
}

// Dyad is one counterpart of an actor.
type Dyad struct {
	// Direction is "out" (the actor acted on the counterpart) or "in".
	Direction     string  `json:"direction"`
	Counterpart   string  `json:"counterpart"`
	Events        int     `json:"events"`
	MeanGoldstein float64 `json:"mean_goldstein"`
}

// Bucket is the events of one day, week or month.
type Bucket struct {
	Start         string  `json:"start"` // first day, YYYY-MM-DD
	Events        int     `json:"events"`
	MeanGoldstein float64 `json:"mean_goldstein"`
	// Quad counts events per CAMEO quad class 1-4 (verbal/material
	// cooperation, verbal/material conflict).
	Quad [4]int `json:"quad"`
}

// Edge is the events from one actor to another.
type Edge struct {
	Source        string  `json:"source"`
	Target        string  `json:"target"`
	Events        int     `json:"events"`
	MeanGoldstein float64 `json:"mean_goldstein"`
}

// ActorCount is an actor code with its number of events.
type ActorCount struct {
	Code   string `json:"code"`
	Events int    `json:"events"`
}

// Stats summarizes a store.
type Stats struct {
	Backend       string           `json:"backend"`
	SchemaVersion int              `json:"schema_version"`
	Tables        map[string]int64 `json:"tables"`
	FirstDay      string           `json:"first_day,omitempty"`
	LastDay       string           `json:"last_day,omitempty"`
	TopDyads      []Edge           `json:"top_dyads"`
}
