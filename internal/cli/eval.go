package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/dyadhq/dyad/internal/eval"
	_ "github.com/dyadhq/dyad/internal/eval/suites" // register the suites
)

func init() { register(newEval) }

func newEval() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "eval SUITE [--json] [suite flags] [DATA...]",
		Short: "Measure accuracy on a gold standard and print the figures",
		Long: `eval runs an evaluation suite and prints a table of its metrics, or with
--json one object {"suite": ..., "data": ..., "metrics": {name: number}}.
Each suite reads its data from the path given, by default under $DYAD_DATA
(../shared/data). "dyad eval SUITE --help" shows a suite's own flags.`,
		DisableFlagParsing: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runEval(cmd, args)
		},
	}
	return cmd
}

func runEval(cmd *cobra.Command, args []string) error {
	out, errw := cmd.OutOrStdout(), cmd.ErrOrStderr()
	asJSON := false
	var name string
	var rest []string
	for _, a := range args {
		switch {
		case a == "--json" || a == "-json":
			asJSON = true
		case name == "" && (a == "-h" || a == "--help" || a == "help"):
			return evalHelp(cmd, out)
		case name == "" && len(a) > 0 && a[0] != '-':
			name = a
		default:
			rest = append(rest, a)
		}
	}
	if name == "" {
		return evalHelp(cmd, out)
	}
	s, ok := eval.Lookup(name)
	if !ok {
		evalHelp(cmd, errw)
		return &ExitError{Code: 2, Err: fmt.Errorf("unknown suite %q", name)}
	}
	fs := flag.NewFlagSet("dyad eval "+name, flag.ContinueOnError)
	fs.SetOutput(errw)
	fs.Usage = func() {
		fmt.Fprintf(errw, "usage: dyad eval %s [--json] [flags] %s\n%s\n", name, s.Usage, s.Summary)
		fs.PrintDefaults()
	}
	if s.Flags != nil {
		s.Flags(fs)
	}
	if err := fs.Parse(rest); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return &ExitError{Code: 2, Err: err}
	}
	rep, err := s.Run(cmd.Context(), fs)
	if err != nil {
		return fmt.Errorf("eval %s: %w", name, err)
	}
	if asJSON {
		return rep.WriteJSON(out)
	}
	return rep.WriteText(out)
}

func evalHelp(cmd *cobra.Command, w io.Writer) error {
	fmt.Fprintf(w, "%s\n\nUsage:\n  %s\n\nSuites:\n%s", cmd.Long, cmd.Use, eval.Usage())
	return nil
}
