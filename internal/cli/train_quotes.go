package cli

import (
	"context"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/dyadhq/dyad/internal/datadir"
	"github.com/dyadhq/dyad/internal/eval/polnear"
	"github.com/dyadhq/dyad/internal/pipeline"
	"github.com/dyadhq/dyad/internal/quote"
	"github.com/dyadhq/dyad/pkg/doc"
)

func init() { registerTrainer(newTrainQuotes) }

func newTrainQuotes() *cobra.Command {
	var dir, out string
	cfg := quote.DefaultCueTrainConfig()
	cmd := &cobra.Command{
		Use:   "quotes [flags]",
		Short: "Train the quote extractor's cue model on PolNeAR train",
		Long: `quotes trains the averaged-perceptron cue model of internal/quote
(quote.TrainCues) on the gold cues of a PolNeAR split (--dir, by default
polnear/train), each article run through the pipeline up to the time
expressions with the embedded models, and writes it to --out (by default
where the build embeds it; run from the project root). The thresholds were chosen by
five-fold cross-validation on train (internal/quote/learn_test.go,
TestLearnCues). The same data, seed and flags give a byte-identical model.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			errw := cmd.ErrOrStderr()
			t0 := time.Now()
			var exs []quote.CueExample
			err := eachPolnearArticle(cmd.Context(), dir, func(a polnear.Article, d *doc.Document, _ *pipeline.State) {
				e := quote.CueExample{Doc: d}
				for _, g := range a.Gold {
					if g.Cue.End > g.Cue.Start {
						e.Cues = append(e.Cues, [2]int{g.Cue.Start, g.Cue.End})
					}
				}
				exs = append(exs, e)
			})
			if err != nil {
				return err
			}
			cfg.Log = errw
			m := quote.TrainCues(exs, cfg)
			if err := writeModel(out, m.Write); err != nil {
				return err
			}
			fmt.Fprintf(errw, "quotes: %d articles, %d features; wrote %s in %s\n",
				len(exs), m.Len(), out, time.Since(t0).Round(time.Second))
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&dir, "dir", datadir.Path("polnear", "train"), "PolNeAR split folder (text/ and attributions/)")
	f.StringVar(&out, "out", quote.CueModelPath, "where to write the model")
	f.Uint64Var(&cfg.Seed, "seed", cfg.Seed, "random seed (shuffling)")
	f.IntVar(&cfg.Epochs, "epochs", cfg.Epochs, "passes over the data")
	f.IntVar(&cfg.MinCount, "min-count", cfg.MinCount, "drop features seen fewer times")
	f.Float32Var(&cfg.Threshold, "threshold", cfg.Threshold, "least score admitting a verb the cue lexicons lack")
	f.Float32Var(&cfg.Fallback, "fallback", cfg.Fallback, "least score giving a word no rule took its arguments from the parse")
	return cmd
}

// eachPolnearArticle loads the PolNeAR split in dir and hands fn every
// article with its document run through the pipeline up to the time
// expressions (with the models built into this binary) and the stage
// results.
func eachPolnearArticle(ctx context.Context, dir string, fn func(polnear.Article, *doc.Document, *pipeline.State)) error {
	arts, err := polnear.Load(dir, 0)
	if err != nil {
		return err
	}
	// Up to the times: the models learn from the parse, the times and
	// the gold spans, and the quote extractor reads no entity (speaker
	// names aside), so training does not wait on the entity stage.
	p, err := pipeline.New(pipeline.Options{Until: "timex"})
	if err != nil {
		return err
	}
	for _, a := range arts {
		if err := ctx.Err(); err != nil {
			return err
		}
		d := &doc.Document{ID: a.Name, Text: a.Text, Origin: a.Name}
		st, err := p.Process(d)
		if err != nil {
			return err
		}
		fn(a, d, st)
	}
	return nil
}
