package cli

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dyadhq/dyad/internal/export"
	"github.com/dyadhq/dyad/internal/store"
	"github.com/dyadhq/dyad/pkg/contract"
)

func init() { register(newExport) }

func newExport() *cobra.Command {
	var (
		format   string
		dsn      string
		fromJSON []string
		out      string
		table    string
		filter   store.DocFilter
	)
	cmd := &cobra.Command{
		Use:   "export --format jsonl|csv|gdelt|petrarch|parquet [--db DSN | --from-json FILE] [--out FILE]",
		Short: "Write stored (or extracted) events and quotes for other tools",
		Long: `export writes the documents of a store (--db, default ./dyad.db), or of files
written by dyad extract (--from-json FILE, - for standard input; JSON or JSON
Lines), in one of these formats:

  jsonl     whole annotated documents, one JSON object per line
  csv       one row per event (or per quote with --table quotes), with a header;
            cells that would start a spreadsheet formula get a leading '
  gdelt     GDELT 2.0 event table: tab-separated, 61 columns in GDELT's order,
            no header; what dyad does not know (tone, geography...) is empty
  petrarch  PETRARCH event records: date, source, target, code, issues, ids,
            [url,] story source, tab-separated
  parquet   one row per event (or quote), for pandas, R, DuckDB

--from, --to, --actor and --q select the stored documents exported. Output
goes to standard output unless --out names a file (written whole or not at all).`,
		Example: `  dyad export --format csv --out events.csv
  dyad export --format parquet --table quotes --db news.db --out quotes.parquet
  dyad export --format gdelt --from 2017-01-01 --to 2017-01-31 --actor RUS
  dyad extract --format jsonl news/ | dyad export --from-json - --format petrarch`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if format == "" {
				return &ExitError{Code: 2, Err: fmt.Errorf("--format is required (one of %s)", strings.Join(export.Formats, ", "))}
			}
			if len(fromJSON) > 0 && dsn != "" {
				return &ExitError{Code: 2, Err: fmt.Errorf("--db and --from-json exclude each other")}
			}
			dest, commit, abort, err := output(cmd, out)
			if err != nil {
				return err
			}
			defer abort()
			w, err := export.New(format, dest, export.Options{Table: table})
			if err != nil {
				return &ExitError{Code: 2, Err: err}
			}
			n := 0
			write := func(d *contract.Document) error { n++; return w.Write(d) }
			if len(fromJSON) > 0 {
				for _, name := range fromJSON {
					if err := readJSONFile(cmd, name, write); err != nil {
						return err
					}
				}
			} else {
				st, err := openStore(cmd.Context(), &dsn)
				if err != nil {
					return err
				}
				defer st.Close()
				if err := st.Each(cmd.Context(), filter, write); err != nil {
					return err
				}
			}
			if err := w.Close(); err != nil {
				return err
			}
			if err := commit(); err != nil {
				return err
			}
			if out != "" {
				fmt.Fprintf(cmd.ErrOrStderr(), "dyad: exported %d document(s) as %s to %s\n", n, format, out)
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&format, "format", "", "jsonl, csv, gdelt, petrarch or parquet")
	f.StringVar(&dsn, "db", "", "store: a SQLite file path or a postgres:// URL (default ./dyad.db)")
	f.StringArrayVar(&fromJSON, "from-json", nil, "read documents from dyad extract output instead of a store (repeatable; - for stdin)")
	f.StringVar(&out, "out", "", "output file (default standard output)")
	f.StringVar(&table, "table", "events", "for csv and parquet: events or quotes")
	f.StringVar(&filter.From, "from", "", "stored documents published on or after this day (YYYY-MM-DD)")
	f.StringVar(&filter.To, "to", "", "stored documents published on or before this day")
	f.StringVar(&filter.Actor, "actor", "", "stored documents with an event involving this actor code (prefix)")
	f.StringVar(&filter.Q, "q", "", "stored documents matching these words")
	return cmd
}

// output returns where to write: stdout, or a temporary file beside out
// that commit renames into place (abort removes it).
func output(cmd *cobra.Command, out string) (w io.Writer, commit func() error, abort func(), err error) {
	if out == "" || out == "-" {
		bw := bufio.NewWriterSize(cmd.OutOrStdout(), 1<<16)
		return bw, bw.Flush, func() {}, nil
	}
	tmp, err := os.CreateTemp(filepath.Dir(out), "."+filepath.Base(out)+".tmp-*")
	if err != nil {
		return nil, nil, nil, err
	}
	bw := bufio.NewWriterSize(tmp, 1<<16)
	done := false
	commit = func() error {
		if err := bw.Flush(); err != nil {
			return err
		}
		// CreateTemp makes the file private; an export is an ordinary file.
		if err := tmp.Chmod(0o644); err != nil {
			return err
		}
		if err := tmp.Close(); err != nil {
			return err
		}
		done = true
		return os.Rename(tmp.Name(), out)
	}
	abort = func() {
		if !done {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}
	return bw, commit, abort, nil
}

func readJSONFile(cmd *cobra.Command, name string, fn func(*contract.Document) error) error {
	if name == "-" {
		return export.ReadJSON(cmd.InOrStdin(), "stdin", fn)
	}
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	return export.ReadJSON(bufio.NewReaderSize(f, 1<<20), name, fn)
}
