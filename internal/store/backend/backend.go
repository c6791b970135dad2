// Package backend opens the store a DSN names: postgres:// or
// postgresql:// URLs (and key=value strings starting with host=) open
// PostgreSQL; anything else is the path of a SQLite file, created when
// missing. It is the one place that knows every backend.
package backend

import (
	"context"
	"strings"

	"github.com/dyadhq/dyad/internal/store"
	"github.com/dyadhq/dyad/internal/store/postgres"
	"github.com/dyadhq/dyad/internal/store/sqlite"
)

// DefaultDSN is the store used when none is named: a SQLite file in the
// working directory.
const DefaultDSN = "dyad.db"

// IsPostgres tells whether dsn names a PostgreSQL database.
func IsPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") || strings.HasPrefix(dsn, "host=")
}

// Open opens (and migrates) the store named by dsn.
func Open(ctx context.Context, dsn string) (store.Store, error) {
	if dsn == "" {
		dsn = DefaultDSN
	}
	if IsPostgres(dsn) {
		return postgres.Open(ctx, dsn)
	}
	return sqlite.Open(ctx, dsn)
}

// Redact hides the password in a DSN for messages and logs.
func Redact(dsn string) string {
	if !IsPostgres(dsn) {
		return dsn
	}
	scheme, rest, ok := strings.Cut(dsn, "://")
	if !ok {
		return "postgres (key=value DSN)"
	}
	userinfo, host, ok := strings.Cut(rest, "@")
	if !ok {
		return dsn
	}
	if user, _, hasPass := strings.Cut(userinfo, ":"); hasPass {
		return scheme + "://" + user + ":***@" + host
	}
	return dsn
}
