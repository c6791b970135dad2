package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"github.com/dyadhq/dyad/internal/conllu"
	"github.com/dyadhq/dyad/internal/datadir"
	"github.com/dyadhq/dyad/internal/parse"
	"github.com/dyadhq/dyad/internal/parse/tagged"
	"github.com/dyadhq/dyad/internal/tag"
)

func init() { registerTrainer(newTrainParser) }

func newTrainParser() *cobra.Command {
	var (
		trainPath, devPath, out  string
		tags, taggerPath, saveTo string
		folds, jobs, taggerFolds int
		cfg                      parse.Config
	)
	cmd := &cobra.Command{
		Use:   "parser [--train FILE] [--dev FILE] [--out FILE] [--seed N] [--epochs N] [--tags jackknife|file]",
		Short: "Train the dependency parser on UD English EWT",
		Long: `parser trains the greedy arc-hybrid dependency parser (averaged perceptrons,
dynamic oracle) on a CoNLL-U treebank, printing per-epoch dev UAS/LAS, and
keeps the epoch with the best dev LAS. The same data and seed give the same
model, byte for byte.

The parser is trained on the tags it will see in use. With --tags jackknife
(the default) the training set is cut into --folds parts, each tagged by a
tagger trained on the others (with the same seed), and dev is tagged by the
tagger in use (--tagger FILE, or the one built into dyad). With --tags file
the tags in the files are used as they are (gold tags for the treebank).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			log := cmd.ErrOrStderr()
			train, err := conllu.ReadFile(trainPath)
			if err != nil {
				return err
			}
			var dev []conllu.Sentence
			if devPath != "" {
				if dev, err = conllu.ReadFile(devPath); err != nil {
					return err
				}
			}
			t0 := time.Now()
			switch tags {
			case "file":
			case "jackknife":
				tcfg := tag.TrainConfig{Dev: dev, Seed: cfg.Seed, Folds: taggerFolds}
				if train, err = tagged.Jackknife(train, tcfg, folds, jobs, log); err != nil {
					return err
				}
				if saveTo != "" {
					if err := writeConllu(saveTo, train); err != nil {
						return err
					}
				}
				tg, err := tagged.Tagger(taggerPath)
				if err != nil {
					return err
				}
				tagged.Retag(tg, dev)
				fmt.Fprintf(log, "tags: jackknifed over %d folds, dev tagged by the tagger in use (%s)\n", folds, time.Since(t0).Round(time.Second))
			default:
				return &ExitError{Code: 2, Err: fmt.Errorf("--tags %q: want jackknife or file", tags)}
			}
			cfg.Train, cfg.Dev, cfg.Log, cfg.Context = train, dev, log, cmd.Context()
			p, err := parse.Train(cfg)
			if err != nil {
				return err
			}
			if err := p.SaveFile(out); err != nil {
				return err
			}
			fmt.Fprintf(log, "wrote %s (trained in %s)\n", out, time.Since(t0).Round(time.Second))
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&trainPath, "train", datadir.Path("ud-ewt", "en_ewt-ud-train.conllu"), "training treebank (CoNLL-U)")
	f.StringVar(&devPath, "dev", datadir.Path("ud-ewt", "en_ewt-ud-dev.conllu"), "dev treebank for early stopping (\"\": none)")
	f.StringVar(&out, "out", filepath.Join("internal", "parse", "models", parse.ModelFile), "model file to write")
	f.StringVar(&tags, "tags", "jackknife", "training tags: jackknife (predicted) or file (as in the files)")
	f.IntVar(&folds, "folds", 5, "jackknife folds")
	f.IntVar(&jobs, "jobs", 2, "taggers trained at once when jackknifing")
	f.IntVar(&taggerFolds, "tagger-folds", 1, "the jackknife taggers' own folds (1: one pass, the quick way)")
	f.StringVar(&taggerPath, "tagger", "", "tagger model for dev (default: the one built in)")
	f.StringVar(&saveTo, "save-tagged", "", "also write the jackknifed training set to this CoNLL-U file")
	f.Uint64Var(&cfg.Seed, "seed", 1, "random seed (shuffling, exploration, taggers)")
	f.IntVar(&cfg.Epochs, "epochs", 30, "maximum epochs")
	f.IntVar(&cfg.Patience, "patience", 5, "stop after this many epochs without a better dev LAS")
	f.IntVar(&cfg.MinWordCount, "min-word-count", 2, "rarer training words are known by their shape only")
	f.IntVar(&cfg.MinUpdates, "min-updates", 2, "features updated fewer times are left out of the model")
	f.IntVar(&cfg.Prune, "prune", 550, "drop quantized weights smaller than this from the best model (0: keep all)")
	f.IntVar(&cfg.Features, "features", parse.DefaultFeatures, "feature set: template groups beyond the base set (bits: 1 label context, 2 universal tags, 4 universal-tag context, 8 universal tags of children)")
	f.IntVar(&cfg.ExploreFrom, "explore-from", 2, "first epoch that follows the model's own moves")
	f.Float64Var(&cfg.ExploreProb, "explore", 0.9, "probability of following the model's move when exploring")
	return cmd
}

func writeConllu(path string, sents []conllu.Sentence) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := conllu.Write(f, sents); err != nil {
		f.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	return f.Close()
}
