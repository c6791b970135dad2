package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"github.com/dyadhq/dyad/internal/conllu"
	"github.com/dyadhq/dyad/internal/datadir"
	"github.com/dyadhq/dyad/internal/segment"
)

func init() { registerTrainer(newTrainSegmenter) }

func newTrainSegmenter() *cobra.Command {
	var (
		trainPath, devPath, out string
		opts                    segment.TrainOptions
	)
	cmd := &cobra.Command{
		Use:   "segmenter [--train FILE] [--dev FILE] [--out FILE] [--seed N] [--epochs N]",
		Short: "Train the sentence-boundary model on UD English EWT",
		Long: `segmenter trains the segmenter's boundary model (an averaged perceptron that
decides the gaps the punctuation rules leave open) on the raw text of a
CoNLL-U treebank rebuilt document by document, printing the dev boundary
scores after each epoch. The same data and seed give the same model, byte
for byte.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			log := cmd.ErrOrStderr()
			train, err := segmentExamples(trainPath)
			if err != nil {
				return err
			}
			var dev []segment.Example
			if devPath != "" {
				if dev, err = segmentExamples(devPath); err != nil {
					return err
				}
			}
			t0 := time.Now()
			opts.Logf = func(format string, args ...any) { fmt.Fprintf(log, format+"\n", args...) }
			if len(dev) > 0 {
				sc := segment.Score(nil, dev)
				fmt.Fprintf(log, "rules only: dev boundaries P %.2f R %.2f F1 %.2f, sentences F1 %.2f\n",
					100*sc.BoundaryP, 100*sc.BoundaryR, 100*sc.BoundaryF1, 100*sc.SentenceF1)
			}
			m, err := segment.Train(train, dev, opts)
			if err != nil {
				return err
			}
			f, err := os.Create(out)
			if err != nil {
				return err
			}
			if _, err := m.WriteTo(f); err != nil {
				f.Close()
				return fmt.Errorf("%s: %w", out, err)
			}
			if err := f.Close(); err != nil {
				return err
			}
			fmt.Fprintf(log, "wrote %s (trained in %s)\n", out, time.Since(t0).Round(time.Millisecond))
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&trainPath, "train", datadir.Path("ud-ewt", "en_ewt-ud-train.conllu"), "training treebank (CoNLL-U)")
	f.StringVar(&devPath, "dev", datadir.Path("ud-ewt", "en_ewt-ud-dev.conllu"), "dev treebank for the per-epoch report (\"\": none)")
	f.StringVar(&out, "out", filepath.Join("internal", "segment", "models", "boundary.bin.gz"), "model file to write")
	f.Uint64Var(&opts.Seed, "seed", 1, "shuffling seed")
	f.IntVar(&opts.Epochs, "epochs", 10, "passes over the training set")
	return cmd
}

// segmentExamples reads a treebank and rebuilds each document's raw text with the
// offsets where its sentences start.
func segmentExamples(path string) ([]segment.Example, error) {
	sents, err := conllu.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []segment.Example
	for _, d := range conllu.Documents(sents) {
		raw := conllu.RawText(d)
		ex := segment.Example{Text: raw.Text}
		for _, s := range raw.Sentences {
			ex.Starts = append(ex.Starts, s.Start)
		}
		out = append(out, ex)
	}
	return out, nil
}
