package cli

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"time"

	"github.com/spf13/cobra"

	"github.com/dyadhq/dyad/internal/pipeline"
	"github.com/dyadhq/dyad/internal/reader"
	"github.com/dyadhq/dyad/pkg/doc"
)

func init() { register(newExtract) }

func newExtract() *cobra.Command {
	var (
		date     string
		format   string
		tokens   bool
		skipBad  bool
		maxBytes int
		workers  int
	)
	cmd := &cobra.Command{
		Use:   "extract [flags] [FILE|DIR|GLOB|-]...",
		Short: "Annotate documents and print them in the output contract (JSON)",
		Long: `extract reads news documents and prints, for each, one JSON object in dyad's
output contract (docs/contract.md): sentences, entities, events, quotes and
times, all with byte offsets into the document's text.

Inputs are files, folders (read recursively), glob patterns, or - for standard
input (the default). Formats are recognised by extension and content.

A bad document (empty, binary, invalid UTF-8, over --max-bytes, malformed)
stops extract with an error naming the file and record and a non-zero exit;
with --skip-bad it is reported on stderr and skipped.`,
		Example: `  dyad extract --date 2017-01-28 ../shared/examples/trump-putin-call.txt
  dyad extract --format jsonl --tokens news/ > news.jsonl
  echo "Russia condemned the attack." | dyad extract -`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "json" && format != "jsonl" {
				return &ExitError{Code: 2, Err: fmt.Errorf("--format must be json or jsonl, not %q", format)}
			}
			opts, err := readerOptions(cmd, maxBytes, date)
			if err != nil {
				return err
			}
			if len(args) == 0 {
				args = []string{"-"}
			}
			p, err := pipeline.New(pipeline.Options{})
			if err != nil {
				return err
			}
			out := bufio.NewWriterSize(cmd.OutOrStdout(), 1<<16)
			defer out.Flush()
			enc := json.NewEncoder(out)
			enc.SetEscapeHTML(false)
			if format == "json" {
				enc.SetIndent("", "  ")
			}
			bad := 0
			opts.OnBad = func(e *reader.Error) error {
				if !skipBad {
					return e
				}
				bad++
				fmt.Fprintln(cmd.ErrOrStderr(), "dyad: skipped:", e)
				return nil
			}
			prog := newProgress(cmd.ErrOrStderr(), -1, "extract")
			src := func(emit func(*doc.Document) error) error {
				return reader.Walk(cmd.Context(), args, opts, emit)
			}
			err = p.Stream(cmd.Context(), workers, src, func(st *pipeline.State, perr error) error {
				prog.Add(1)
				if perr != nil {
					if !skipBad {
						return perr
					}
					bad++
					fmt.Fprintln(cmd.ErrOrStderr(), "dyad: skipped:", perr)
					return nil
				}
				return enc.Encode(pipeline.Render(st, pipeline.RenderOptions{Tokens: tokens}))
			})
			prog.Finish()
			if ferr := out.Flush(); err == nil {
				err = ferr
			}
			if err != nil {
				var re *reader.Error
				if errors.As(err, &re) {
					return &ExitError{Code: 1, Err: err}
				}
				return err
			}
			if bad > 0 {
				fmt.Fprintf(cmd.ErrOrStderr(), "dyad: %d bad document(s) skipped\n", bad)
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&date, "date", "", "publication date YYYY-MM-DD for documents that carry none (anchors relative dates)")
	f.StringVar(&format, "format", "json", "output format: json (indented objects) or jsonl (one per line)")
	f.BoolVar(&tokens, "tokens", false, "include tokens (with tags, lemmas and dependencies) in the output")
	f.BoolVar(&skipBad, "skip-bad", false, "report bad documents on stderr and go on instead of stopping")
	f.IntVar(&maxBytes, "max-bytes", reader.DefaultMaxBytes, "largest document accepted, in bytes")
	f.IntVar(&workers, "workers", runtime.GOMAXPROCS(0), "documents processed in parallel")
	return cmd
}

// readerOptions are the reader settings the commands that read documents
// share: the size limit, standard input and a --date for undated ones.
func readerOptions(cmd *cobra.Command, maxBytes int, date string) (reader.Options, error) {
	opts := reader.Options{MaxBytes: maxBytes, Stdin: cmd.InOrStdin()}
	if date != "" {
		t, err := time.Parse(time.DateOnly, date)
		if err != nil {
			return opts, &ExitError{Code: 2, Err: fmt.Errorf("--date must be YYYY-MM-DD: %v", err)}
		}
		opts.Published = t
	}
	return opts, nil
}
