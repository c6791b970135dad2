package cli

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/dyadhq/dyad/internal/actor"
	"github.com/dyadhq/dyad/internal/datadir"
	"github.com/dyadhq/dyad/internal/ner"
	"github.com/dyadhq/dyad/internal/tag"
)

func init() { registerTrainer(newTrainNER) }

func newTrainNER() *cobra.Command {
	var trainPath, devPath, out string
	var seed uint64
	var epochs, patience, minCount int
	cmd := &cobra.Command{
		Use:   "ner [flags]",
		Short: "Train the named-entity recognizer (PER, ORG, LOC) on Universal NER English EWT",
		Long: `ner trains dyad's structured-perceptron named-entity recognizer on --train
(IOB2), with the words tagged by the embedded tagger and matched against the
embedded actor dictionary (gazetteer features), keeps the epoch that scores
best on --dev, and writes the model to --out (by default where the build
embeds it; run from the project root). The same data, seed and flags give a
byte-identical model.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			errw := cmd.ErrOrStderr()
			t0 := time.Now()
			tagger, err := tag.Load()
			if err != nil {
				return err
			}
			dict, err := actor.Load()
			if err != nil {
				return err
			}
			read := func(path string) ([]ner.Prepared, error) {
				if path == "" {
					return nil, nil
				}
				sents, err := ner.ReadIOB2File(path)
				if err != nil {
					return nil, err
				}
				out := make([]ner.Prepared, len(sents))
				for i, s := range sents {
					out[i] = ner.Prepare(s, tagger, dict)
				}
				return out, nil
			}
			train, err := read(trainPath)
			if err != nil {
				return err
			}
			dev, err := read(devPath)
			if err != nil {
				return err
			}
			m, err := ner.Train(ner.TrainConfig{Context: cmd.Context(), Train: train, Dev: dev, Seed: seed,
				Epochs: epochs, Patience: patience, MinCount: minCount, Log: errw})
			if err != nil {
				return err
			}
			if len(dev) > 0 {
				s := m.Evaluate(dev)
				fmt.Fprintf(errw, "dev: P %.2f%%  R %.2f%%  F1 %.2f%%  (%d gold entities)\n",
					100*s.All.P(), 100*s.All.R(), 100*s.All.F1(), s.All.Gold)
			}
			if err := writeModel(out, m.Save); err != nil {
				return err
			}
			fmt.Fprintf(errw, "wrote %s in %s\n", out, time.Since(t0).Round(time.Second))
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&trainPath, "train", datadir.Path("uner-ewt", "en_ewt-ud-train.iob2"), "training corpus (IOB2)")
	f.StringVar(&devPath, "dev", datadir.Path("uner-ewt", "en_ewt-ud-dev.iob2"), `development corpus for early stopping ("" for none)`)
	f.StringVar(&out, "out", ner.ModelPath, "where to write the model")
	f.Uint64Var(&seed, "seed", 1, "random seed (shuffling)")
	f.IntVar(&epochs, "epochs", 20, "most epochs")
	f.IntVar(&patience, "patience", 3, "epochs without dev improvement before stopping")
	f.IntVar(&minCount, "min-count", 2, "drop features seen fewer times in training")
	return cmd
}
