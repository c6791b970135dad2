// Package cluster codes documents with many worker processes over NATS
// JetStream, writing results to a shared store (PostgreSQL in production).
//
// Documents travel as Jobs on a work-queue stream (WorkStream): Submit
// publishes them with the store key as JetStream message id, so the server
// drops a story submitted twice within the duplicate window. Workers pull
// batches through one shared durable consumer, run the annotator, store the
// batch in one transaction and acknowledge each message only after the
// commit: delivery is at least once and the store's key makes the write
// idempotent, so a redelivered document is stored once. A document that
// cannot be coded (malformed, too large, failing the annotator, or delivered
// too often) goes to the dead-letter stream (DeadStream) with the reason in
// its headers and never blocks the queue. Workers report their counters in a
// key-value bucket (WorkersBucket) that Status reads.
//
// The package knows JetStream, the store interface and the document model;
// it does not know how documents are read (callers pass a source), which
// stages the annotator runs (callers pass a function), nor the command line.
package cluster

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/dyadhq/dyad/pkg/doc"
)

// Names of the JetStream objects the cluster uses.
const (
	WorkStream    = "DYAD_WORK"
	WorkSubject   = "dyad.work"
	DeadStream    = "DYAD_DEAD"
	DeadSubject   = "dyad.dead"
	Consumer      = "dyad-workers"
	WorkersBucket = "dyad_workers"
)

// Headers a dead letter carries.
const (
	HeaderError      = "Dyad-Error"      // why the document was set aside
	HeaderKey        = "Dyad-Key"        // store key, when known
	HeaderOrigin     = "Dyad-Origin"     // file and record the document came from
	HeaderWorker     = "Dyad-Worker"     // who set it aside ("submit" or a worker id)
	HeaderDeliveries = "Dyad-Deliveries" // deliveries of the work message
)

// Config sizes the streams and the consumer. Setup applies it; the zero
// value is the single-machine default.
type Config struct {
	// Replicas of each stream (1 for one server, 3 for a 3-node cluster).
	Replicas int
	// Duplicates is the window in which a resubmitted document (same
	// message id) is dropped by the server (0: 1 hour). Older repeats are
	// still stored once, by the store's key.
	Duplicates time.Duration
	// MaxQueueBytes bounds the work queue; Submit waits when it is full
	// (0: 4 GiB).
	MaxQueueBytes int64
	// AckWait is how long a worker may hold a message without progress
	// before it is redelivered (0: 60s). Workers send progress while they
	// work, so this only bounds how soon a dead worker's messages return.
	AckWait time.Duration
	// MaxAckPending bounds messages in flight across all workers (0: 4096).
	MaxAckPending int
}

func (c Config) withDefaults() Config {
	if c.Replicas <= 0 {
		c.Replicas = 1
	}
	if c.Duplicates <= 0 {
		c.Duplicates = time.Hour
	}
	if c.MaxQueueBytes <= 0 {
		c.MaxQueueBytes = 4 << 30
	}
	if c.AckWait <= 0 {
		c.AckWait = 60 * time.Second
	}
	if c.MaxAckPending <= 0 {
		c.MaxAckPending = 4096
	}
	return c
}

// Setup creates or updates the streams, the workers' consumer and the
// workers' bucket. It is safe to call from every process at start.
func Setup(ctx context.Context, js jetstream.JetStream, cfg Config) (jetstream.Consumer, error) {
	cfg = cfg.withDefaults()
	maxMsg := int32(js.Conn().MaxPayload())
	work, err := js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
		Name:        WorkStream,
		Description: "dyad documents waiting to be coded",
		Subjects:    []string{WorkSubject},
		Retention:   jetstream.WorkQueuePolicy,
		Storage:     jetstream.FileStorage,
		Replicas:    cfg.Replicas,
		Duplicates:  cfg.Duplicates,
		MaxBytes:    cfg.MaxQueueBytes,
		MaxMsgSize:  maxMsg,
		Discard:     jetstream.DiscardNew,
	})
	if err != nil {
		return nil, fmt.Errorf("cluster: stream %s: %w", WorkStream, err)
	}
	if _, err := js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
		Name:        DeadStream,
		Description: "dyad documents set aside, with the reason in Dyad-Error",
		Subjects:    []string{DeadSubject},
		Retention:   jetstream.LimitsPolicy,
		Storage:     jetstream.FileStorage,
		Replicas:    cfg.Replicas,
		Duplicates:  cfg.Duplicates,
		MaxMsgSize:  maxMsg,
	}); err != nil {
		return nil, fmt.Errorf("cluster: stream %s: %w", DeadStream, err)
	}
	cons, err := work.CreateOrUpdateConsumer(ctx, jetstream.ConsumerConfig{
		Durable:       Consumer,
		Description:   "dyad workers share this consumer",
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       cfg.AckWait,
		MaxDeliver:    -1, // workers dead-letter a message delivered too often
		MaxAckPending: cfg.MaxAckPending,
		MaxWaiting:    512,
	})
	if err != nil {
		return nil, fmt.Errorf("cluster: consumer %s: %w", Consumer, err)
	}
	if _, err := js.CreateOrUpdateKeyValue(ctx, jetstream.KeyValueConfig{
		Bucket:      WorkersBucket,
		Description: "dyad worker counters",
		TTL:         10 * time.Minute,
		Replicas:    cfg.Replicas,
	}); err != nil {
		return nil, fmt.Errorf("cluster: bucket %s: %w", WorkersBucket, err)
	}
	return cons, nil
}

// Job is a document on the work queue: the metadata and text a reader
// found, before any annotation.
type Job struct {
	ID                string            `json:"id"`
	Title             string            `json:"title,omitempty"`
	Text              string            `json:"text"`
	Published         string            `json:"published,omitempty"` // RFC 3339
	PublishedHasClock bool              `json:"published_has_clock,omitempty"`
	Source            string            `json:"source,omitempty"`
	URL               string            `json:"url,omitempty"`
	Language          string            `json:"language,omitempty"`
	Meta              map[string]string `json:"meta,omitempty"`
	Origin            string            `json:"origin,omitempty"`
}

// NewJob is the job of a document as a reader made it.
func NewJob(d *doc.Document) Job {
	j := Job{ID: d.ID, Title: d.Title, Text: d.Text, PublishedHasClock: d.PublishedHasClock,
		Source: d.Source, URL: d.URL, Language: d.Language, Meta: d.Meta, Origin: d.Origin}
	if !d.Published.IsZero() {
		j.Published = d.Published.Format(time.RFC3339Nano)
	}
	return j
}

// ErrMalformed marks a work message that is not a job.
var ErrMalformed = errors.New("malformed job")

// DecodeJob reads a work message back into a document.
func DecodeJob(data []byte) (*doc.Document, error) {
	var j Job
	if err := json.Unmarshal(data, &j); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrMalformed, err)
	}
	if j.Text == "" {
		return nil, fmt.Errorf("%w: no text", ErrMalformed)
	}
	d := &doc.Document{ID: j.ID, Title: j.Title, Text: j.Text, PublishedHasClock: j.PublishedHasClock,
		Source: j.Source, URL: j.URL, Language: j.Language, Meta: j.Meta, Origin: j.Origin}
	if j.Published != "" {
		t, err := time.Parse(time.RFC3339Nano, j.Published)
		if err != nil {
			return nil, fmt.Errorf("%w: published: %v", ErrMalformed, err)
		}
		d.Published = t
	}
	return d, nil
}
