package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"github.com/dyadhq/dyad/internal/conllu"
	"github.com/dyadhq/dyad/internal/datadir"
	"github.com/dyadhq/dyad/internal/lemma"
	"github.com/dyadhq/dyad/internal/tag"
)

func init() {
	registerTrainer(newTrainTagger)
	registerTrainer(newTrainLemmatizer)
}

func newTrainTagger() *cobra.Command {
	var trainPath, devPath, out string
	var seed uint64
	var epochs, patience, folds int
	cmd := &cobra.Command{
		Use:   "tagger [flags]",
		Short: "Train the part-of-speech tagger (UPOS, XPOS, Feats) on UD English EWT",
		Long: `tagger trains dyad's two-pass averaged-perceptron tagger on --train,
stopping each pass early when accuracy on --dev stops improving, and writes
the model to --out (by default where the build embeds it; run from the
project root). It prints per-epoch dev scores. The same data, seed and flags
give a byte-identical model.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			errw := cmd.ErrOrStderr()
			train, dev, err := readTrainDev(trainPath, devPath)
			if err != nil {
				return err
			}
			bar := newProgress(errw, -1, "training tagger")
			cfg := tag.TrainConfig{Context: cmd.Context(), Train: train, Dev: dev, Seed: seed, Epochs: epochs, Patience: patience, Folds: folds,
				Log: progressLog{bar, errw}}
			last := 0
			cfg.Progress = func(done, total int) {
				if last == 0 && bar.bar != nil {
					bar.bar.ChangeMax(total)
				}
				bar.Add(done - last)
				last = done
			}
			t0 := time.Now()
			t, err := tag.Train(cfg)
			bar.Finish()
			if err != nil {
				return err
			}
			if len(dev) > 0 {
				s := t.Evaluate(dev)
				fmt.Fprintf(errw, "dev (gold tokens): UPOS %.2f%%  XPOS %.2f%%  UFeats %.2f%%  AllTags %.2f%%  (%d words)\n",
					100*s.Acc(s.UPOS), 100*s.Acc(s.XPOS), 100*s.Acc(s.UFeats), 100*s.Acc(s.AllTag), s.Words)
			}
			if err := writeModel(out, t.Save); err != nil {
				return err
			}
			fmt.Fprintf(errw, "wrote %s in %s\n", out, time.Since(t0).Round(time.Second))
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&trainPath, "train", datadir.Path("ud-ewt", "en_ewt-ud-train.conllu"), "training treebank (CoNLL-U)")
	f.StringVar(&devPath, "dev", datadir.Path("ud-ewt", "en_ewt-ud-dev.conllu"), `development treebank for early stopping ("" for none)`)
	f.StringVar(&out, "out", tag.ModelPath, "where to write the model")
	f.Uint64Var(&seed, "seed", 1, "random seed (shuffling)")
	f.IntVar(&epochs, "epochs", 20, "most epochs per pass")
	f.IntVar(&patience, "patience", 3, "epochs without dev improvement before a pass stops")
	f.IntVar(&folds, "folds", 5, "jackknife folds for the second pass (1: one pass only)")
	return cmd
}

func newTrainLemmatizer() *cobra.Command {
	var trainPath, devPath, out string
	cmd := &cobra.Command{
		Use:   "lemmatizer [flags]",
		Short: "Learn the lemmatizer's rules and exceptions from UD English EWT",
		Long: `lemmatizer learns suffix-rewrite rules per Penn Treebank tag and a table of
exceptions from --train, prints the Lemmas accuracy on --dev with gold tags,
and writes the model to --out (by default where the build embeds it; run from
the project root). It is deterministic: the same data give the same file.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			errw := cmd.ErrOrStderr()
			train, dev, err := readTrainDev(trainPath, devPath)
			if err != nil {
				return err
			}
			t0 := time.Now()
			l, err := lemma.Train(lemma.TrainConfig{Train: train, Dev: dev, Log: errw})
			if err != nil {
				return err
			}
			if err := writeModel(out, l.Save); err != nil {
				return err
			}
			fmt.Fprintf(errw, "wrote %s in %s\n", out, time.Since(t0).Round(time.Millisecond))
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&trainPath, "train", datadir.Path("ud-ewt", "en_ewt-ud-train.conllu"), "training treebank (CoNLL-U)")
	f.StringVar(&devPath, "dev", datadir.Path("ud-ewt", "en_ewt-ud-dev.conllu"), `development treebank ("" for none)`)
	f.StringVar(&out, "out", lemma.ModelPath, "where to write the model")
	return cmd
}

func readTrainDev(trainPath, devPath string) (train, dev []conllu.Sentence, err error) {
	if train, err = conllu.ReadFile(trainPath); err != nil {
		return nil, nil, err
	}
	if devPath != "" {
		if dev, err = conllu.ReadFile(devPath); err != nil {
			return nil, nil, err
		}
	}
	return train, dev, nil
}

// writeModel writes a model through a temporary file, so that a failed run
// leaves the old model in place.
func writeModel(path string, save func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".model-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := save(tmp); err != nil {
		tmp.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// progressLog prints training log lines above the progress bar.
type progressLog struct {
	bar *progress
	w   io.Writer
}

func (p progressLog) Write(b []byte) (int, error) {
	if p.bar.bar != nil {
		_ = p.bar.bar.Clear()
	}
	return p.w.Write(b)
}
