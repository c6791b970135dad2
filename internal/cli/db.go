package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/dyadhq/dyad/internal/store"
	"github.com/dyadhq/dyad/internal/store/backend"
)

func init() { register(newDB) }

func newDB() *cobra.Command {
	var dsn string
	cmd := &cobra.Command{
		Use:   "db",
		Short: "Manage the store: migrate its schema, show what it holds",
		Long: `db works on the store that dyad ingest writes and dyad serve reads: a SQLite
file (default ./dyad.db) or a PostgreSQL database (--db postgres://...).`,
	}
	cmd.PersistentFlags().StringVar(&dsn, "db", "", "store: a SQLite file path or a postgres:// URL (default ./dyad.db)")

	migrate := &cobra.Command{
		Use:   "migrate",
		Short: "Apply pending schema migrations (ingest and serve also do it)",
		Long: `migrate applies the numbered schema migrations the store has not had yet, each
in its own transaction, and records them in the schema_migrations table. It is
safe to run at any time and from several processes at once.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			// Open migrates; what it applied is reported by a second look.
			st, err := openStore(cmd.Context(), &dsn)
			if err != nil {
				return err
			}
			defer st.Close()
			applied, err := st.Migrate(cmd.Context())
			if err != nil {
				return err
			}
			stats, err := st.Stats(cmd.Context())
			if err != nil {
				return err
			}
			if len(applied) > 0 {
				fmt.Fprintf(cmd.OutOrStdout(), "applied migrations %v; ", applied)
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%s store %s is at schema version %d\n", st.Backend(), backend.Redact(dsn), stats.SchemaVersion)
			return nil
		},
	}

	var asJSON bool
	stats := &cobra.Command{
		Use:   "stats [--json]",
		Short: "Show row counts per table, the date range and the top dyads",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			st, err := openStore(cmd.Context(), &dsn)
			if err != nil {
				return err
			}
			defer st.Close()
			s, err := st.Stats(cmd.Context())
			if err != nil {
				return err
			}
			w := cmd.OutOrStdout()
			if asJSON {
				enc := json.NewEncoder(w)
				enc.SetIndent("", "  ")
				return enc.Encode(s)
			}
			fmt.Fprintf(w, "store: %s %s (schema version %d)\n", s.Backend, backend.Redact(dsn), s.SchemaVersion)
			tables := make([]string, 0, len(s.Tables))
			for t := range s.Tables {
				tables = append(tables, t)
			}
			sort.Strings(tables)
			tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
			for _, t := range tables {
				fmt.Fprintf(tw, "  %s\t%d\n", t, s.Tables[t])
			}
			tw.Flush()
			if s.FirstDay != "" {
				fmt.Fprintf(w, "documents published: %s to %s\n", s.FirstDay, s.LastDay)
			}
			if len(s.TopDyads) > 0 {
				fmt.Fprintln(w, "top dyads (source -> target: events, mean Goldstein):")
				for _, d := range s.TopDyads {
					fmt.Fprintf(tw, "  %s -> %s\t%d\t%+.2f\n", d.Source, d.Target, d.Events, d.MeanGoldstein)
				}
				tw.Flush()
			}
			return nil
		},
	}
	stats.Flags().BoolVar(&asJSON, "json", false, "print as JSON")
	cmd.AddCommand(migrate, stats)
	return cmd
}

// openStore opens the store named by --db, the default SQLite file when the
// flag is empty, and sets *dsn to what it opened (for messages).
func openStore(ctx context.Context, dsn *string) (store.Store, error) {
	if *dsn == "" {
		*dsn = backend.DefaultDSN
	}
	return backend.Open(ctx, *dsn)
}
