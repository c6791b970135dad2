package cli

import (
	"fmt"
	"slices"
	"time"

	"github.com/spf13/cobra"
)

func init() { register(newTrain) }

// trainers are the model trainers under `dyad train`; each registers itself
// from its own file with registerTrainer.
var trainers []func() *cobra.Command

func registerTrainer(c func() *cobra.Command) { trainers = append(trainers, c) }

// trainOrder is the order `dyad train all` follows: a model is trained after
// the models whose output it learns from (the parser and NER read tags).
var trainOrder = []string{"segmenter", "tagger", "lemmatizer", "parser", "ner", "quotes", "quote-bounds"}

func newTrain() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "train MODEL [flags]",
		Short: "Train dyad's models from the treebanks (reproducible: fixed seeds)",
		Long: `train rebuilds a model that ships inside dyad from the data under
$DYAD_DATA, printing progress and per-epoch dev scores, and writes it where
the build embeds it (or to --out). The same data and seed give the same model.
Run it from the project root, then rebuild dyad to embed the new models.`,
	}
	for _, t := range trainers {
		cmd.AddCommand(t())
	}
	cmd.AddCommand(newTrainAll())
	return cmd
}

func newTrainAll() *cobra.Command {
	return &cobra.Command{
		Use:   "all",
		Short: "Train every model in dependency order with default settings",
		Long: `all trains ` + fmt.Sprint(trainOrder) + ` in that order, each with its
default data, seed and output path. The parser's dev set is tagged by the
tagger just written, not the one built into the running binary; the models
that learn from the pipeline's output (ner, quotes, quote-bounds) read the
models built into the running binary, so rebuild dyad and train them again
after changing an upstream model.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			byName := map[string]*cobra.Command{}
			var names []string
			for _, t := range trainers {
				c := t()
				byName[c.Name()] = c
				names = append(names, c.Name())
			}
			slices.SortStableFunc(names, func(a, b string) int { return rank(a) - rank(b) })
			taggerOut := ""
			for _, name := range names {
				c := byName[name]
				c.SetContext(cmd.Context())
				c.SetOut(cmd.OutOrStdout())
				c.SetErr(cmd.ErrOrStderr())
				if err := c.ParseFlags(nil); err != nil {
					return err
				}
				if name == "parser" && taggerOut != "" {
					if err := c.Flags().Set("tagger", taggerOut); err != nil {
						return err
					}
				}
				fmt.Fprintf(cmd.ErrOrStderr(), "== train %s\n", name)
				t0 := time.Now()
				if err := c.RunE(c, nil); err != nil {
					return fmt.Errorf("train %s: %w", name, err)
				}
				fmt.Fprintf(cmd.ErrOrStderr(), "== %s done in %s\n", name, time.Since(t0).Round(time.Second))
				if name == "tagger" {
					taggerOut = c.Flags().Lookup("out").Value.String()
				}
			}
			return nil
		},
	}
}

// rank orders trainers by trainOrder; unknown ones go last.
func rank(name string) int {
	if i := slices.Index(trainOrder, name); i >= 0 {
		return i
	}
	return len(trainOrder)
}
