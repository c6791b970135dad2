package cli

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/dyadhq/dyad/internal/datadir"
	"github.com/dyadhq/dyad/internal/eval/polnear"
	"github.com/dyadhq/dyad/internal/pipeline"
	"github.com/dyadhq/dyad/internal/quote"
	"github.com/dyadhq/dyad/pkg/doc"
)

func init() { registerTrainer(newTrainBounds) }

func newTrainBounds() *cobra.Command {
	var dir, out string
	cfg := quote.DefaultBoundTrainConfig()
	cmd := &cobra.Command{
		Use:   "quote-bounds [flags]",
		Short: "Train the quote extractor's content-bounds model on PolNeAR train",
		Long: `quote-bounds trains the averaged-perceptron model of internal/quote that
sets where reported speech, mixed quotes and stances start and end
(quote.TrainBounds) on the gold contents of a PolNeAR split (--dir, by
default polnear/train). Each article runs through the pipeline up to the
time expressions with the embedded models, and the quote rules with the
embedded cue model (so train it after quotes and rebuild in between) give
the contents; those found for gold cues are the examples. It writes the model to --out (by default where the
build embeds it; run from the project root). The margin was chosen by
five-fold cross-validation on train (internal/quote/boundmodel_learn_test.go,
TestLearnBounds). The same data, seed and flags give a byte-identical model.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			errw := cmd.ErrOrStderr()
			t0 := time.Now()
			var exs []quote.BoundExample
			err := eachPolnearArticle(cmd.Context(), dir, func(a polnear.Article, d *doc.Document, st *pipeline.State) {
				e := quote.BoundExample{Doc: d, Times: st.Times}
				for _, g := range a.Gold {
					e.Gold = append(e.Gold, quote.GoldSpans{
						Cue:     [2]int{g.Cue.Start, g.Cue.End},
						Content: [2]int{g.Content.Start, g.Content.End},
					})
				}
				exs = append(exs, e)
			})
			if err != nil {
				return err
			}
			cfg.Log = errw
			m, st := quote.TrainBounds(quote.New(nil), exs, cfg)
			if err := writeModel(out, m.Write); err != nil {
				return err
			}
			fmt.Fprintf(errw, "quote-bounds: %d articles, %d contents (%d starts, %d ends to learn), %d features; wrote %s in %s\n",
				len(exs), st.Quotes, st.Starts, st.Ends, m.Len(), out, time.Since(t0).Round(time.Second))
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&dir, "dir", datadir.Path("polnear", "train"), "PolNeAR split folder (text/ and attributions/)")
	f.StringVar(&out, "out", quote.BoundModelPath, "where to write the model")
	f.Uint64Var(&cfg.Seed, "seed", cfg.Seed, "random seed (shuffling)")
	f.IntVar(&cfg.Epochs, "epochs", cfg.Epochs, "passes over the data")
	f.Float32Var(&cfg.Margin, "margin", cfg.Margin, "least score by which a candidate edge must beat the rules' edge")
	return cmd
}
