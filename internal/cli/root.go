// Package cli is dyad's command line: one cobra command per file, each a thin
// layer that parses flags, calls the packages that do the work and prints.
// Nothing else imports it.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"
)

// ExitError carries a process exit code through cobra.
type ExitError struct {
	Code int
	Err  error
}

func (e *ExitError) Error() string { return e.Err.Error() }
func (e *ExitError) Unwrap() error { return e.Err }

// Execute runs dyad with the process arguments and returns the exit code.
func Execute() int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return Run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
}

// Run runs dyad with args and the given streams; tests call it directly.
func Run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	root := newRoot()
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return 0
	}
	var ee *ExitError
	if errors.As(err, &ee) {
		if ee.Err != nil {
			fmt.Fprintln(stderr, "dyad:", ee.Err)
		}
		return ee.Code
	}
	if ctx.Err() != nil {
		fmt.Fprintln(stderr, "dyad: interrupted")
		return 130
	}
	fmt.Fprintln(stderr, "dyad:", err)
	return 1
}

func newRoot() *cobra.Command {
	root := &cobra.Command{
		Use:   "dyad",
		Short: "dyad codes news into event data: who did what to whom, who said what, and when",
		Long: `dyad reads news stories and writes who did what to whom (CAMEO and PLOVER
events), who said what (quotes with speaker and cue) and when (resolved dates),
with every annotation pointing into the text by byte offset.

Start with:
  dyad extract --date 2017-01-28 story.txt     annotate a story, print JSON
  dyad extract --format jsonl DIR              one JSON line per document
  dyad eval --help                             list the evaluation suites
  dyad bench                                   measure speed on a corpus

Data for evaluation and benchmarks is read from $DYAD_DATA (default
../shared/data).`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	for _, c := range commands {
		root.AddCommand(c())
	}
	return root
}

// commands are the subcommands; each command's file registers itself in init,
// so adding a command touches no other file.
var commands []func() *cobra.Command

func register(c func() *cobra.Command) { commands = append(commands, c) }
