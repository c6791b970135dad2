package cli

import (
	"fmt"
	"log/slog"
	"runtime"
	"time"

	"github.com/spf13/cobra"

	"github.com/dyadhq/dyad/internal/cluster"
	"github.com/dyadhq/dyad/internal/pipeline"
	"github.com/dyadhq/dyad/internal/reader"
	"github.com/dyadhq/dyad/internal/store/backend"
	"github.com/dyadhq/dyad/pkg/contract"
	"github.com/dyadhq/dyad/pkg/doc"
)

func init() { register(newWorker) }

// defaultNATS is the address of a local server (dyad cluster nats).
const defaultNATS = "nats://127.0.0.1:4222"

// clusterFlags are the queue settings submit, worker and cluster share.
type clusterFlags struct {
	url      string
	replicas int
	ackWait  time.Duration
	dupes    time.Duration
	maxQueue int64
}

func (c *clusterFlags) add(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringVar(&c.url, "nats", defaultNATS, "NATS server URL(s), comma-separated")
	f.IntVar(&c.replicas, "replicas", 1, "stream replicas when creating the streams (3 on a 3-node NATS cluster)")
	f.DurationVar(&c.ackWait, "ack-wait", 60*time.Second, "how soon a dead worker's documents go to another worker")
	f.DurationVar(&c.dupes, "dedupe-window", time.Hour, "window in which NATS drops a document submitted twice")
	f.Int64Var(&c.maxQueue, "max-queue-bytes", 4<<30, "work queue size limit; submit waits while it is full")
}

func (c *clusterFlags) config() cluster.Config {
	return cluster.Config{Replicas: c.replicas, AckWait: c.ackWait, Duplicates: c.dupes, MaxQueueBytes: c.maxQueue}
}

func newWorker() *cobra.Command {
	var (
		cf        clusterFlags
		dsn       string
		id        string
		batch     int
		threads   int
		maxBytes  int
		until     string
		logFormat string
		grace     time.Duration
	)
	cmd := &cobra.Command{
		Use:   "worker --nats URL --db postgres://... [flags]",
		Short: "Code documents from the NATS JetStream work queue into a shared store",
		Long: `worker pulls batches of documents that dyad submit queued on NATS
JetStream, runs the pipeline on them, stores the results in one transaction
per batch, and acknowledges each document only after the commit. Run as
many workers as you have cores to spare, on as many machines as you like,
against the same NATS and the same store (PostgreSQL; a SQLite file works
for one machine).

Delivery is at least once: a document whose worker died comes back after
--ack-wait, and the store keeps a document once (its key is the hash of its
title and text), so a redelivery adds nothing. A document that cannot be
coded (malformed, larger than --max-bytes, crashing the pipeline, or
delivered 5 times without being stored) goes to the dead-letter stream with
the reason (dyad cluster dead) and never blocks the queue. A store or NATS
outage is waited out.

SIGINT or SIGTERM stops fetching, stores and acknowledges the batch in hand
(or, if the store stays down for --grace, gives it back), and exits.`,
		Example: `  dyad cluster nats &                      # single-machine dev mode
  dyad worker --db postgres://dyad@localhost/dyad
  dyad worker --nats nats://n1:4222,nats://n2:4222,nats://n3:4222 --replicas 3 --db postgres://...`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			log, err := newLogger(cmd, logFormat)
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			if dsn == "" {
				dsn = backend.DefaultDSN
			}
			nc, js, err := cluster.Connect(cf.url, "dyad worker "+id)
			if err != nil {
				return err
			}
			defer nc.Close()
			cons, err := cluster.Setup(ctx, js, cf.config())
			if err != nil {
				return err
			}
			st, err := backend.Open(ctx, dsn)
			if err != nil {
				return err
			}
			defer st.Close()
			p, err := pipeline.New(pipeline.Options{Until: until})
			if err != nil {
				return err
			}
			w := &cluster.Worker{JS: js, Consumer: cons, Store: st, Annotate: annotateWith(p), ID: id,
				Batch: batch, Threads: threads, MaxBytes: maxBytes, Grace: grace, Logger: log}
			log.Info("worker", "nats", nc.ConnectedUrlRedacted(), "store", backend.Redact(dsn), "backend", st.Backend())
			if err := w.Run(ctx); err != nil {
				return err
			}
			stored, repeated, dead := w.Stats()
			fmt.Fprintf(cmd.OutOrStdout(), "worker: %d stored, %d already stored, %d set aside\n", stored, repeated, dead)
			return nil
		},
	}
	cf.add(cmd)
	f := cmd.Flags()
	f.StringVar(&dsn, "db", "", "store: a postgres:// URL (or a SQLite file for one machine; default ./dyad.db)")
	f.StringVar(&id, "id", "", "worker name in status and dead letters (default host-pid)")
	f.IntVar(&batch, "batch", 64, "documents fetched and stored per transaction")
	f.IntVar(&threads, "threads", runtime.GOMAXPROCS(0), "documents of a batch annotated in parallel")
	f.IntVar(&maxBytes, "max-bytes", reader.DefaultMaxBytes, "largest document text coded; larger ones are set aside")
	f.StringVar(&until, "until", "", "stop the pipeline after this stage (for measurements)")
	f.StringVar(&logFormat, "log-format", "text", "log format: text or json")
	f.DurationVar(&grace, "grace", 30*time.Second, "on shutdown, how long to keep trying to store the batch in hand")
	return cmd
}

// annotateWith runs the pipeline and renders the output contract.
func annotateWith(p *pipeline.Pipeline) cluster.Annotate {
	return func(d *doc.Document) (*contract.Document, error) {
		s, err := p.Process(d)
		if err != nil {
			return nil, err
		}
		out := pipeline.Render(s, pipeline.RenderOptions{})
		return &out, nil
	}
}

// newLogger logs to stderr as text or JSON.
func newLogger(cmd *cobra.Command, format string) (*slog.Logger, error) {
	switch format {
	case "text":
		return slog.New(slog.NewTextHandler(cmd.ErrOrStderr(), nil)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(cmd.ErrOrStderr(), nil)), nil
	}
	return nil, &ExitError{Code: 2, Err: fmt.Errorf("--log-format must be text or json, not %q", format)}
}
