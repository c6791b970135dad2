package cli

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/dyadhq/dyad/internal/conllu"
	"github.com/dyadhq/dyad/internal/pipeline"
	"github.com/dyadhq/dyad/internal/reader"
	"github.com/dyadhq/dyad/pkg/doc"
)

func init() { register(newParse) }

func newParse() *cobra.Command {
	var (
		goldTokens bool
		skipBad    bool
		maxBytes   int
	)
	cmd := &cobra.Command{
		Use:   "parse [flags] [FILE|DIR|GLOB|-]...",
		Short: "Tokenize, tag, lemmatize and parse text; print CoNLL-U",
		Long: `parse runs dyad's syntax stages (tokenizer, sentence segmenter, tagger,
lemmatizer, dependency parser) and prints the result as CoNLL-U: one block per
sentence with "# sent_id" and "# text", a "# newdoc id" per document, and
SpaceAfter=No and multiword tokens as in Universal Dependencies.

Inputs are read as by extract (files, folders, globs, - for standard input,
the default). With --gold-tokens the inputs are CoNLL-U files whose words and
sentences are kept as they are: only the tags, lemmas and trees are replaced.`,
		Example: `  dyad parse ../shared/examples/trump-putin-call.txt
  echo "Russia condemned the attack." | dyad parse
  dyad parse --gold-tokens ../shared/data/ud-ewt/en_ewt-ud-dev.conllu > dev.pred.conllu`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				args = []string{"-"}
			}
			opts := pipeline.Options{Until: "parse"}
			if goldTokens {
				opts.From = "tag"
			}
			p, err := pipeline.New(opts)
			if err != nil {
				return err
			}
			out := bufio.NewWriterSize(cmd.OutOrStdout(), 1<<16)
			defer out.Flush()
			write := func(d *doc.Document) error {
				// The reader sets a plain-text headline apart; a parser's
				// output keeps every line, so it goes back in front.
				if d.Title != "" && !goldTokens {
					d.Text, d.Title = d.Title+"\n\n"+d.Text, ""
				}
				st, err := p.Process(d)
				if err != nil {
					return err
				}
				return conllu.Write(out, conllu.FromDocument(st.Doc))
			}
			if goldTokens {
				for _, a := range args {
					if err := parseConllu(cmd, a, write); err != nil {
						return &ExitError{Code: 1, Err: err}
					}
				}
				return out.Flush()
			}
			ropts := reader.Options{MaxBytes: maxBytes, Stdin: cmd.InOrStdin(), Published: time.Time{}}
			bad := 0
			ropts.OnBad = func(e *reader.Error) error {
				if !skipBad {
					return e
				}
				bad++
				fmt.Fprintln(cmd.ErrOrStderr(), "dyad: skipped:", e)
				return nil
			}
			if err := reader.Walk(cmd.Context(), args, ropts, write); err != nil {
				return &ExitError{Code: 1, Err: err}
			}
			if bad > 0 {
				fmt.Fprintf(cmd.ErrOrStderr(), "dyad: %d bad document(s) skipped\n", bad)
			}
			return out.Flush()
		},
	}
	f := cmd.Flags()
	f.BoolVar(&goldTokens, "gold-tokens", false, "inputs are CoNLL-U: keep their words and sentences, predict the rest")
	f.BoolVar(&skipBad, "skip-bad", false, "report bad documents on stderr and go on instead of stopping")
	f.IntVar(&maxBytes, "max-bytes", reader.DefaultMaxBytes, "largest document accepted, in bytes")
	return cmd
}

// parseConllu reads one CoNLL-U file (or standard input for "-") and hands
// each of its documents, stripped to words and sentences, to write.
func parseConllu(cmd *cobra.Command, path string, write func(*doc.Document) error) error {
	var r io.Reader = cmd.InOrStdin()
	name := "standard input"
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		r, name = f, path
	}
	sents, err := conllu.Read(r, name)
	if err != nil {
		return err
	}
	for _, d := range conllu.Documents(sents) {
		if err := cmd.Context().Err(); err != nil {
			return err
		}
		if err := write(conllu.ToWords(d)); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	return nil
}
