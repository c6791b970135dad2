package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/dyadhq/dyad/internal/actor"
	"github.com/dyadhq/dyad/internal/conllu"
	"github.com/dyadhq/dyad/internal/datadir"
	"github.com/dyadhq/dyad/internal/ner"
	"github.com/dyadhq/dyad/internal/tag"
	"github.com/dyadhq/dyad/internal/tokenize"
)

func init() {
	registerTrainer(newTrainNER)
	registerTrainer(newTrainNERClusters)
}

func newTrainNER() *cobra.Command {
	var trainPath, devPath, out, clusters string
	var seed uint64
	var epochs, patience, minCount, lowerCopies, memFolds int
	cmd := &cobra.Command{
		Use:   "ner [flags]",
		Short: "Train the named-entity recognizer (PER, ORG, LOC) on Universal NER English EWT",
		Long: `ner trains dyad's structured-perceptron named-entity recognizer on --train
(IOB2), with the words tagged by the embedded tagger and matched against the
embedded actor dictionary (gazetteer features), reading the embedded word
clusters (internal/ner/models) and a memory of the names of --train (each
training sentence sees the names of the other --mem-folds folds; the model
keeps those of the whole corpus); it trains five perceptrons on different
shuffles, keeps each at the epoch that scores best on --dev, sums them and
writes the model to --out (by default where the build embeds it;
run from the project root). The same data, seed and flags give a
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
			var cl *ner.Clusters
			switch clusters {
			case "none":
			case "":
				if cl, err = ner.LoadClusters(); err != nil {
					return err
				}
			default:
				f, err := os.Open(clusters)
				if err != nil {
					return err
				}
				cl, err = ner.ReadClusters(f)
				f.Close()
				if err != nil {
					return fmt.Errorf("%s: %w", clusters, err)
				}
			}
			read := func(path string, lower int) ([]ner.Prepared, error) {
				if path == "" {
					return nil, nil
				}
				sents, err := ner.ReadIOB2File(path)
				if err != nil {
					return nil, err
				}
				sents = append(sents, ner.LowerCopies(sents, lower)...)
				out := make([]ner.Prepared, len(sents))
				for i, s := range sents {
					out[i] = ner.Prepare(s, tagger, dict)
				}
				return out, nil
			}
			train, err := read(trainPath, lowerCopies)
			if err != nil {
				return err
			}
			dev, err := read(devPath, 0)
			if err != nil {
				return err
			}
			m, err := ner.Train(ner.TrainConfig{Context: cmd.Context(), Train: train, Dev: dev, Seed: seed,
				Epochs: epochs, Patience: patience, MinCount: minCount, Clusters: cl, MemFolds: memFolds, Log: errw})
			if err != nil {
				return err
			}
			if len(dev) > 0 {
				s := m.Evaluate(dev)
				fmt.Fprintf(errw, "dev: P %.2f%%  R %.2f%%  F1 %.2f%%  (%d gold entities)\n",
					100*s.All.P(), 100*s.All.R(), 100*s.All.F1(), s.All.Gold)
				for _, t := range ner.Types {
					c := s.ByType[t]
					fmt.Fprintf(errw, "dev %s: P %.2f%%  R %.2f%%  F1 %.2f%%  (%d gold)\n",
						t, 100*c.P(), 100*c.R(), 100*c.F1(), c.Gold)
				}
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
	f.Uint64Var(&seed, "seed", 5, "random seed (shuffling)")
	f.IntVar(&epochs, "epochs", 20, "most epochs")
	f.IntVar(&patience, "patience", 3, "epochs without dev improvement before stopping")
	f.IntVar(&minCount, "min-count", 2, "drop features seen fewer times in training")
	f.IntVar(&memFolds, "mem-folds", 5, "folds (by document) for the memory of training names; 0 leaves it out")
	f.IntVar(&lowerCopies, "lower-copies", 2, "also train on a lower-cased copy of every Nth training sentence with a name (0: none)")
	f.StringVar(&clusters, "clusters", "", `word-cluster table (default: the embedded one; "none" for no cluster features)`)
	return cmd
}

func newTrainNERClusters() *cobra.Command {
	var out string
	var cfg ner.ClusterConfig
	cmd := &cobra.Command{
		Use:   "ner-clusters [flags]",
		Short: "Learn the recognizer's word clusters from unlabelled text (UD EWT train, PolNeAR)",
		Long: `ner-clusters learns the word-class hierarchy the recognizer's features read
(ner.LearnClusters: divisive 2-means over the neighbours of each word) from
the words of UD English EWT train and the article texts of PolNeAR train and
dev, and writes the table to --out (by default where the build embeds it).
It is deterministic: the same text gives the same bytes. Retrain the
recognizer (dyad train ner) after changing the table.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			errw := cmd.ErrOrStderr()
			t0 := time.Now()
			sents, err := clusterText()
			if err != nil {
				return err
			}
			words := 0
			for _, s := range sents {
				words += len(s)
			}
			cl := ner.LearnClusters(sents, cfg)
			if err := writeModel(out, cl.Write); err != nil {
				return err
			}
			fmt.Fprintf(errw, "ner-clusters: %d words of text, %d words clustered; wrote %s in %s\n",
				words, cl.Len(), out, time.Since(t0).Round(time.Second))
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&out, "out", ner.ClustersPath, "where to write the table")
	f.IntVar(&cfg.MinCount, "min-count", 2, "leave out words seen fewer times")
	f.IntVar(&cfg.MaxWords, "max-words", 60000, "most words kept (most frequent first)")
	f.IntVar(&cfg.Contexts, "contexts", 500, "most frequent words used as contexts")
	f.IntVar(&cfg.Depth, "depth", 16, "longest class path")
	return cmd
}

// clusterText reads the unlabelled text the clusters are learned from: the
// words of UD EWT train, one sentence each, and every paragraph of the
// PolNeAR train and dev articles, tokenized by dyad's tokenizer.
func clusterText() ([][]string, error) {
	var out [][]string
	ud, err := conllu.ReadFile(datadir.Path("ud-ewt", "en_ewt-ud-train.conllu"))
	if err != nil {
		return nil, err
	}
	for _, s := range ud {
		ws := make([]string, len(s.Words))
		for i, w := range s.Words {
			ws[i] = w.Form
		}
		out = append(out, ws)
	}
	for _, split := range []string{"train", "dev"} {
		files, err := filepath.Glob(datadir.Path("polnear", split, "text", "*.txt"))
		if err != nil {
			return nil, err
		}
		if len(files) == 0 {
			return nil, fmt.Errorf("no PolNeAR %s texts under %s", split, datadir.Path("polnear"))
		}
		slices.Sort(files)
		for _, path := range files {
			b, err := os.ReadFile(path)
			if err != nil {
				return nil, err
			}
			for _, para := range strings.Split(string(b), "\n") {
				toks := tokenize.Tokenize(para)
				if len(toks) == 0 {
					continue
				}
				ws := make([]string, len(toks))
				for i, t := range toks {
					ws[i] = para[t.Start:t.End]
				}
				out = append(out, ws)
			}
		}
	}
	return out, nil
}
