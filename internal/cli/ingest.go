package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"github.com/spf13/cobra"

	"github.com/dyadhq/dyad/internal/pipeline"
	"github.com/dyadhq/dyad/internal/reader"
	"github.com/dyadhq/dyad/internal/store/backend"
	"github.com/dyadhq/dyad/internal/store/ingest"
	"github.com/dyadhq/dyad/pkg/doc"
)

func init() { register(newIngest) }

func newIngest() *cobra.Command {
	var (
		dsn     string
		sf      sourceFlags
		workers int
		batch   int
		bench   bool
	)
	cmd := &cobra.Command{
		Use:   "ingest [flags] SOURCE...",
		Short: "Annotate documents and store them (SQLite file or PostgreSQL) for querying",
		Long: `ingest runs the pipeline over files, folders, globs, standard input (-) and
feeds given as http(s) URLs, and stores each document with its entities,
events, quotes and times in a store that dyad serve, dyad export and dyad db
read.

The store is a SQLite file (default ./dyad.db, created on first use) or a
PostgreSQL database (--db postgres://user@host/db). A document's identity is
the hash of its title and text: ingesting it again adds nothing, so ingest can
be rerun after an interrupt (Ctrl-C) and continues where it stopped. Documents
are written in transactions of --batch documents; an interrupted or failed
batch leaves no trace.

URLs are fetched once, with a time limit (--fetch-timeout) and a size cap
(--fetch-max-bytes), and read like files (RSS and Atom feeds, HTML, JSON).

--bench reads the sources into memory, then times the bare pipeline and the
full ingest (pipeline and store, into a new temporary SQLite file unless --db
is given) with the same workers, and prints both throughputs.`,
		Example: `  dyad ingest ../shared/data/reuters21578
  dyad ingest --db news.db --date 2017-01-28 story.txt feeds/
  dyad ingest --db postgres://dyad@localhost/dyad https://example.org/rss.xml
  dyad ingest --bench ../shared/data/reuters21578`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			in, err := sf.open(cmd, args)
			defer in.cleanup()
			if err != nil {
				return err
			}
			ctx, stderr, sources, opts := cmd.Context(), cmd.ErrOrStderr(), in.paths, in.opts
			if bench {
				return ingestBench(cmd, dsn, sources, opts, workers, batch)
			}
			st, err := openStore(ctx, &dsn)
			if err != nil {
				return err
			}
			defer st.Close()
			p, err := pipeline.New(pipeline.Options{})
			if err != nil {
				return err
			}
			prog := newProgress(stderr, -1, "ingest")
			src := func(emit func(*doc.Document) error) error {
				return reader.Walk(ctx, sources, opts, emit)
			}
			res, err := ingest.Run(ctx, st, p, src, ingest.Options{
				Workers: workers, BatchDocs: batch, OnBad: in.onBad, Progress: prog.Add,
			})
			prog.Finish()
			fmt.Fprintf(cmd.OutOrStdout(), "ingest: %d read, %d new, %d skipped (already stored), %d bad in %s (%.0f docs/s) into %s\n",
				res.Read, res.Added, res.Skipped, res.Bad+in.bad, res.Elapsed.Round(time.Millisecond),
				float64(res.Read)/max(res.Elapsed.Seconds(), 1e-9), backend.Redact(dsn))
			if err != nil {
				if ctx.Err() != nil {
					return &ExitError{Code: 130, Err: errors.New("interrupted: what was stored is complete; run the same command again to continue")}
				}
				var re *reader.Error
				if errors.As(err, &re) {
					return &ExitError{Code: 1, Err: err}
				}
				return err
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&dsn, "db", "", "store: a SQLite file path or a postgres:// URL (default ./dyad.db)")
	sf.add(cmd)
	f.IntVar(&workers, "workers", runtime.GOMAXPROCS(0), "documents annotated in parallel")
	f.IntVar(&batch, "batch", 1000, "documents per transaction (at most 8 MB of JSON each)")
	f.BoolVar(&bench, "bench", false, "measure ingest throughput against the bare pipeline (see above)")
	return cmd
}

// ingestBench times the bare pipeline and the full ingest over the same
// documents, held in memory so that reading is in neither figure.
func ingestBench(cmd *cobra.Command, dsn string, sources []string, opts reader.Options, workers, batch int) error {
	ctx := cmd.Context()
	stderr := cmd.ErrOrStderr()
	var docs []*doc.Document
	prog := newProgress(stderr, -1, "reading")
	err := reader.Walk(ctx, sources, opts, func(d *doc.Document) error {
		docs = append(docs, d)
		prog.Add(1)
		return nil
	})
	prog.Finish()
	if err != nil {
		return err
	}
	if len(docs) == 0 {
		return errors.New("no documents")
	}
	var words int64
	for _, d := range docs {
		words += int64(pipeline.CountWords(d.Text))
	}
	// Each pass annotates fresh copies, so the first pass's tokens are
	// neither reused nor kept alive.
	src := func(emit func(*doc.Document) error) error {
		for _, d := range docs {
			c := *d
			c.Tokens, c.Sentences = nil, nil
			if err := emit(&c); err != nil {
				return err
			}
		}
		return nil
	}

	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		return err
	}
	prog = newProgress(stderr, int64(len(docs)), "pipeline")
	t0 := time.Now()
	err = p.Stream(ctx, workers, src, func(_ *pipeline.State, perr error) error {
		prog.Add(1)
		if perr != nil && opts.OnBad != nil {
			return nil
		}
		return perr
	})
	bare := time.Since(t0)
	prog.Finish()
	if err != nil {
		return err
	}

	if dsn == "" {
		dir, err := os.MkdirTemp("", "dyad-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		dsn = filepath.Join(dir, "bench.db")
	}
	st, err := backend.Open(ctx, dsn)
	if err != nil {
		return err
	}
	defer st.Close()
	p, err = pipeline.New(pipeline.Options{})
	if err != nil {
		return err
	}
	prog = newProgress(stderr, int64(len(docs)), "ingest")
	res, err := ingest.Run(ctx, st, p, src, ingest.Options{Workers: workers, BatchDocs: batch, Progress: prog.Add,
		OnBad: func(err error) error { fmt.Fprintln(stderr, "dyad: skipped:", err); return nil }})
	prog.Finish()
	if err != nil {
		return err
	}
	stats, err := st.Stats(ctx)
	if err != nil {
		return err
	}
	w := cmd.OutOrStdout()
	n := float64(len(docs))
	fmt.Fprintf(w, "documents: %d  words: %d  workers: %d  store: %s (%s)\n", len(docs), words, workers, st.Backend(), backend.Redact(dsn))
	fmt.Fprintf(w, "%-9s %9s %10s %12s\n", "", "seconds", "docs/s", "words/s")
	fmt.Fprintf(w, "%-9s %9.3f %10.0f %12.0f\n", "pipeline", bare.Seconds(), n/bare.Seconds(), float64(words)/bare.Seconds())
	fmt.Fprintf(w, "%-9s %9.3f %10.0f %12.0f\n", "ingest", res.Elapsed.Seconds(), n/res.Elapsed.Seconds(), float64(words)/res.Elapsed.Seconds())
	fmt.Fprintf(w, "ingest keeps %.1f%% of the pipeline's throughput (%d new, %d skipped; stored %d sentences, %d events, %d quotes)\n",
		100*bare.Seconds()/res.Elapsed.Seconds(), res.Added, res.Skipped,
		stats.Tables["sentences"], stats.Tables["events"], stats.Tables["quotes"])
	return nil
}
