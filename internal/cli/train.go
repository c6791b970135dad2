package cli

import "github.com/spf13/cobra"

func init() { register(newTrain) }

// trainers are the model trainers under `dyad train`; each registers itself
// from its own file with registerTrainer.
var trainers []func() *cobra.Command

func registerTrainer(c func() *cobra.Command) { trainers = append(trainers, c) }

func newTrain() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "train MODEL [flags]",
		Short: "Train dyad's models from the treebanks (reproducible: fixed seeds)",
		Long: `train rebuilds a model that ships inside dyad from the data under
$DYAD_DATA, printing progress and per-epoch dev scores, and writes it where
the build embeds it (or to --out). The same data and seed give the same model.`,
	}
	for _, t := range trainers {
		cmd.AddCommand(t())
	}
	return cmd
}
