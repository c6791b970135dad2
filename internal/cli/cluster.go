package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/dyadhq/dyad/internal/cluster"
	"github.com/dyadhq/dyad/internal/reader"
	"github.com/dyadhq/dyad/pkg/doc"
)

func init() {
	register(newSubmit)
	register(newCluster)
}

func newSubmit() *cobra.Command {
	var (
		cf clusterFlags
		sf sourceFlags
	)
	cmd := &cobra.Command{
		Use:   "submit [--nats URL] SOURCE...",
		Short: "Queue documents on NATS JetStream for dyad worker",
		Long: `submit reads documents like dyad ingest (files, folders, globs, archives,
feeds, URLs, - for standard input) and publishes each to the JetStream work
queue that dyad worker consumes. The message id is the document's store key
(hash of title and text), so NATS drops a document submitted twice within
--dedupe-window, and the store keeps it once whatever the window.

Submit waits while the queue is full (--max-queue-bytes) or the server is
restarting, and returns once every document is safely on the queue. A
document larger than a NATS message may be is recorded as a dead letter
with the reason (dyad cluster dead).`,
		Example: `  dyad submit ../shared/data/reuters21578
  dyad submit --nats nats://n1:4222 --date 2017-01-28 story.txt feeds/`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			in, err := sf.open(cmd, args)
			defer in.cleanup()
			if err != nil {
				return err
			}
			ctx, stderr, sources, opts := cmd.Context(), cmd.ErrOrStderr(), in.paths, in.opts
			nc, js, err := cluster.Connect(cf.url, "dyad submit")
			if err != nil {
				return err
			}
			defer nc.Close()
			if _, err := cluster.Setup(ctx, js, cf.config()); err != nil {
				return err
			}
			prog := newProgress(stderr, -1, "submit")
			t0 := time.Now()
			res, err := cluster.Submit(ctx, js, func(emit func(*doc.Document) error) error {
				return reader.Walk(ctx, sources, opts, emit)
			}, cluster.SubmitOptions{Progress: prog.Add})
			prog.Finish()
			el := time.Since(t0)
			fmt.Fprintf(cmd.OutOrStdout(), "submit: %d read, %d queued, %d already queued, %d too large, %d bad in %s (%.0f docs/s)\n",
				res.Read, res.Queued, res.Duplicate, res.TooLarge, in.bad, el.Round(time.Millisecond), float64(res.Read)/max(el.Seconds(), 1e-9))
			if err != nil {
				if ctx.Err() != nil {
					return &ExitError{Code: 130, Err: errors.New("interrupted: what was queued stays queued; run the same command again to continue (repeats are dropped)")}
				}
				return err
			}
			return nil
		},
	}
	cf.add(cmd)
	sf.add(cmd)
	return cmd
}

func newCluster() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "cluster",
		Short: "Run and inspect the NATS JetStream work queue (status, dead letters, dev server)",
		Long: `cluster inspects the work queue that dyad submit fills and dyad worker
drains, and runs a NATS server with JetStream inside dyad for a single
machine (docs/cluster.md describes production settings).`,
	}
	cmd.AddCommand(newClusterStatus(), newClusterDead(), newClusterNATS())
	return cmd
}

func newClusterStatus() *cobra.Command {
	var (
		url    string
		asJSON bool
	)
	cmd := &cobra.Command{
		Use:   "status [--nats URL] [--json]",
		Short: "Queue depth, in flight, rate, dead letters and per-worker throughput",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			nc, js, err := cluster.Connect(url, "dyad cluster status")
			if err != nil {
				return err
			}
			defer nc.Close()
			st, err := cluster.GetStatus(cmd.Context(), js)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if asJSON {
				enc := json.NewEncoder(out)
				enc.SetIndent("", "  ")
				return enc.Encode(st)
			}
			fmt.Fprintf(out, "queued %d (%s), in flight %d (%d redelivered), dead letters %d, rate %.1f docs/s\n",
				st.Queued, bytesString(st.QueueBytes), st.InFlight, st.Redelivered, st.Dead, st.Rate)
			if len(st.Workers) == 0 {
				fmt.Fprintln(out, "no workers have reported")
				return nil
			}
			tw := tabwriter.NewWriter(out, 2, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "WORKER\tHOST\tSTATE\tSTORED\tREPEATED\tDEAD\tRETRIES\tDOCS/S\tUP")
			for _, w := range st.Workers {
				state := "running"
				if w.Stopped {
					state = "stopped"
				} else if time.Since(w.Updated) > 20*time.Second {
					state = "silent " + time.Since(w.Updated).Round(time.Second).String()
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\t%d\t%d\t%.1f\t%s\n", w.ID, w.Host, state, w.Stored, w.Repeated,
					w.Dead, w.Retries, w.Rate, w.Updated.Sub(w.Started).Round(time.Second))
			}
			return tw.Flush()
		},
	}
	cmd.Flags().StringVar(&url, "nats", defaultNATS, "NATS server URL(s)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func newClusterDead() *cobra.Command {
	var (
		url    string
		n      int
		asJSON bool
	)
	cmd := &cobra.Command{
		Use:   "dead [--nats URL] [-n 50]",
		Short: "List documents set aside, with the reason",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			nc, js, err := cluster.Connect(url, "dyad cluster dead")
			if err != nil {
				return err
			}
			defer nc.Close()
			dl, err := cluster.DeadLetters(cmd.Context(), js, n)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if asJSON {
				enc := json.NewEncoder(out)
				for _, d := range dl {
					if err := enc.Encode(d); err != nil {
						return err
					}
				}
				return nil
			}
			for _, d := range dl {
				where := d.Origin
				if where == "" {
					where = "key " + d.Key
				}
				fmt.Fprintf(out, "%d\t%s\t%s\tby %s: %s\n", d.Seq, d.Time.UTC().Format(time.RFC3339), where, d.Worker, d.Error)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&url, "nats", defaultNATS, "NATS server URL(s)")
	cmd.Flags().IntVarP(&n, "n", "n", 50, "how many of the most recent to list")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON Lines")
	return cmd
}

func newClusterNATS() *cobra.Command {
	var (
		listen   string
		storeDir string
		logs     bool
	)
	cmd := &cobra.Command{
		Use:   "nats [--listen 127.0.0.1:4222] [--store DIR]",
		Short: "Run an embedded NATS server with JetStream (single-machine dev mode)",
		Long: `nats runs a NATS server with JetStream inside dyad until SIGINT/SIGTERM,
so dyad submit and dyad worker run on one machine with nothing to install.
The queue is kept in --store and survives a restart. For production run a
NATS cluster (docs/cluster.md).`,
		Example: `  dyad cluster nats --store ./nats-data`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			host, portS, err := splitHostPort(listen)
			if err != nil {
				return &ExitError{Code: 2, Err: err}
			}
			port, _ := strconv.Atoi(portS)
			if storeDir == "" {
				storeDir = filepath.Join(os.TempDir(), "dyad-nats")
			}
			srv, err := cluster.StartEmbedded(cluster.EmbeddedOptions{Host: host, Port: port, StoreDir: storeDir, Logs: logs})
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "nats: serving %s (JetStream in %s); Ctrl-C stops\n", srv.URL(), storeDir)
			<-cmd.Context().Done()
			srv.Stop()
			return nil
		},
	}
	cmd.Flags().StringVar(&listen, "listen", "127.0.0.1:4222", "address to listen on")
	cmd.Flags().StringVar(&storeDir, "store", "", "JetStream storage folder (default $TMPDIR/dyad-nats)")
	cmd.Flags().BoolVar(&logs, "logs", false, "print the server's log")
	return cmd
}

func splitHostPort(s string) (string, string, error) {
	i := strings.LastIndex(s, ":")
	if i < 0 {
		return "", "", fmt.Errorf("--listen must be HOST:PORT, not %q", s)
	}
	if _, err := strconv.Atoi(s[i+1:]); err != nil {
		return "", "", fmt.Errorf("--listen must be HOST:PORT, not %q", s)
	}
	return strings.Trim(s[:i], "[]"), s[i+1:], nil
}

func bytesString(n uint64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
