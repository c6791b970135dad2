package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"syscall"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/dyadhq/dyad/internal/datadir"
	"github.com/dyadhq/dyad/internal/pipeline"
	"github.com/dyadhq/dyad/internal/reader"
	"github.com/dyadhq/dyad/pkg/doc"
)

func init() { register(newBench) }

func newBench() *cobra.Command {
	var (
		corpus string
		limit  int
		until  string
		asJSON bool
		prof   string
	)
	cmd := &cobra.Command{
		Use:   "bench [--corpus PATH] [--limit N] [--until STAGE] [--json]",
		Short: "Measure the pipeline's speed and memory on a corpus, per stage and end to end",
		Long: `bench reads a corpus (default: the Reuters-21578 archive under $DYAD_DATA),
then runs the pipeline over every document on one goroutine (one core) and
reports documents/s and words/s for reading, for each stage and end to end,
with the peak resident memory. Words are whitespace-separated words of the
document text.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if corpus == "" {
				corpus = datadir.Path("reuters21578")
			}
			// One locked thread, so that its CPU time is the pipeline's.
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			p, err := pipeline.New(pipeline.Options{Until: until, Clock: threadCPU})
			if err != nil {
				return &ExitError{Code: 2, Err: err}
			}
			var docs []*doc.Document
			prog := newProgress(cmd.ErrOrStderr(), -1, "reading")
			t0 := time.Now()
			err = reader.Walk(cmd.Context(), []string{corpus}, reader.Options{
				OnBad: func(e *reader.Error) error { fmt.Fprintln(cmd.ErrOrStderr(), "dyad: skipped:", e); return nil },
			}, func(d *doc.Document) error {
				if limit > 0 && len(docs) >= limit {
					return errStopWalk
				}
				docs = append(docs, d)
				prog.Add(1)
				return nil
			})
			readTime := time.Since(t0)
			prog.Finish()
			if err != nil && err != errStopWalk {
				return err
			}
			if len(docs) == 0 {
				return fmt.Errorf("no documents in %s", corpus)
			}
			words := 0
			for _, d := range docs {
				words += pipeline.CountWords(d.Text)
			}
			prog = newProgress(cmd.ErrOrStderr(), int64(len(docs)), "pipeline")
			if prof != "" {
				stop, err := startCPUProfile(prof)
				if err != nil {
					return err
				}
				defer stop()
			}
			t1, c1 := time.Now(), cpuNow()
			for rest := docs; len(rest) > 0; {
				if err := cmd.Context().Err(); err != nil {
					return err
				}
				n := pipeline.BatchLen(rest)
				_, errs := p.ProcessBatch(rest[:n])
				for _, err := range errs {
					if err != nil {
						return err
					}
				}
				clear(rest[:n]) // done with: let the collector have them
				prog.Add(n)
				rest = rest[n:]
			}
			runTime, runCPU := time.Since(t1), cpuNow()-c1
			prog.Finish()
			_, _, stages := p.Stats()
			return printBench(cmd, asJSON, corpus, len(docs), words, readTime, runTime, runCPU, stages)
		},
	}
	f := cmd.Flags()
	f.StringVar(&corpus, "corpus", "", "file or folder to read (default $DYAD_DATA/reuters21578)")
	f.IntVar(&limit, "limit", 0, "read at most N documents (0: all)")
	f.StringVar(&until, "until", "", "stop the pipeline after this stage")
	f.BoolVar(&asJSON, "json", false, "print the figures as JSON")
	f.StringVar(&prof, "cpuprofile", "", "write a CPU profile of the pipeline run to this file (go tool pprof)")
	return cmd
}

var errStopWalk = fmt.Errorf("limit reached")

type benchRow struct {
	Stage   string  `json:"stage"`
	Seconds float64 `json:"seconds"`
	DocsPS  float64 `json:"docs_per_s"`
	WordsPS float64 `json:"words_per_s"`
}

func printBench(cmd *cobra.Command, asJSON bool, corpus string, docs, words int, read, run, runCPU time.Duration, stages []pipeline.StageStat) error {
	row := func(name string, d time.Duration) benchRow {
		s := d.Seconds()
		if s <= 0 {
			s = 1e-9
		}
		return benchRow{name, d.Seconds(), float64(docs) / s, float64(words) / s}
	}
	rows := []benchRow{row("read", read)}
	for _, s := range stages {
		rows = append(rows, row(s.Name, s.Time))
	}
	rows = append(rows, row("pipeline", runCPU), row("pipeline (wall)", run), row("end-to-end (wall)", read+run))
	peak := peakRSS()
	if asJSON {
		enc := json.NewEncoder(cmd.OutOrStdout())
		enc.SetIndent("", "  ")
		return enc.Encode(map[string]any{"corpus": corpus, "documents": docs, "words": words,
			"gomaxprocs": runtime.GOMAXPROCS(0), "peak_rss_bytes": peak, "stages": rows})
	}
	w := cmd.OutOrStdout()
	fmt.Fprintf(w, "corpus: %s\ndocuments: %d  words: %d  (one goroutine; stage times are %s)\n", corpus, docs, words, clockName)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "stage\tseconds\tdocs/s\twords/s\t")
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%.3f\t%.0f\t%.0f\t\n", r.Stage, r.Seconds, r.DocsPS, r.WordsPS)
	}
	tw.Flush()
	fmt.Fprintf(w, "peak memory (RSS): %.1f MB\n", float64(peak)/(1<<20))
	return nil
}

// peakRSS returns the process's peak resident set size in bytes.
func peakRSS() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Maxrss * 1024 // kilobytes on Linux
}

// startCPUProfile profiles the process into path until stop is called.
func startCPUProfile(path string) (stop func(), err error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}
