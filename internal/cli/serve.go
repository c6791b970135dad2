package cli

import (
	"fmt"
	"log/slog"
	"net"
	"os"

	"github.com/spf13/cobra"

	"github.com/dyadhq/dyad/internal/api"
	"github.com/dyadhq/dyad/internal/pipeline"
	"github.com/dyadhq/dyad/internal/store/backend"
	"github.com/dyadhq/dyad/internal/web"
)

func init() { register(newServe) }

func newServe() *cobra.Command {
	var (
		addr      string
		dsn       string
		token     string
		logFormat string
		noUI      bool
	)
	cmd := &cobra.Command{
		Use:   "serve [--addr 127.0.0.1:8080] [--db PATH|postgres://...] [--token T]",
		Short: "Serve the HTTP API and the web UI over a store",
		Long: `serve answers the HTTP API (docs/openapi.yaml) and serves the web UI at /:
annotate a pasted story, and explore the store's events, dyads, network,
quotes and documents.

The store is the one dyad ingest writes (default ./dyad.db, created when
missing). With --token (or $DYAD_TOKEN), POST /v1/documents needs
"Authorization: Bearer TOKEN"; reads and /v1/extract stay open. Bind to a
public address only behind a TLS proxy.

Logs go to stderr, one line per request. SIGINT or SIGTERM stops accepting,
lets requests in flight finish, and exits.`,
		Example: `  dyad serve
  dyad serve --addr 127.0.0.1:9000 --db news.db
  DYAD_TOKEN=s3cret dyad serve --db postgres://dyad@localhost/dyad --log-format json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			var h slog.Handler
			switch logFormat {
			case "text":
				h = slog.NewTextHandler(cmd.ErrOrStderr(), nil)
			case "json":
				h = slog.NewJSONHandler(cmd.ErrOrStderr(), nil)
			default:
				return &ExitError{Code: 2, Err: fmt.Errorf("--log-format must be text or json, not %q", logFormat)}
			}
			log := slog.New(h)
			if token == "" {
				token = os.Getenv("DYAD_TOKEN")
			}
			ctx := cmd.Context()
			st, err := openStore(ctx, &dsn)
			if err != nil {
				return err
			}
			defer st.Close()
			p, err := pipeline.New(pipeline.Options{})
			if err != nil {
				return err
			}
			cfg := api.Config{Store: st, Pipeline: p, Token: token, Logger: log}
			if !noUI {
				cfg.UI = web.Handler()
			}
			ln, err := net.Listen("tcp", addr)
			if err != nil {
				return err
			}
			log.Info("serving", "url", "http://"+ln.Addr().String()+"/", "store", backend.Redact(dsn),
				"backend", st.Backend(), "token", token != "")
			return api.Serve(ctx, ln, api.New(cfg).Handler(), log)
		},
	}
	f := cmd.Flags()
	f.StringVar(&addr, "addr", "127.0.0.1:8080", "address to listen on")
	f.StringVar(&dsn, "db", "", "store: a SQLite file path or a postgres:// URL (default ./dyad.db)")
	f.StringVar(&token, "token", "", "bearer token required by write endpoints (default $DYAD_TOKEN)")
	f.StringVar(&logFormat, "log-format", "text", "log format: text or json")
	f.BoolVar(&noUI, "no-ui", false, "serve the API only")
	return cmd
}
