package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
)

// Migration is one numbered step of a schema. Versions are never reused or
// edited once released: a change is a new migration.
type Migration struct {
	Version    int
	Name       string
	Statements []string
}

// Migrate applies, in order and each in its own transaction, the migrations
// not yet recorded in schema_migrations, and returns their versions. lock,
// when not empty, is run first in each transaction to serialize migrators
// (PostgreSQL's advisory lock; SQLite's write lock is taken by BEGIN).
func Migrate(ctx context.Context, db *sql.DB, d Dialect, lock string, ms []Migration) ([]int, error) {
	if err := ensureTable(ctx, db, lock); err != nil {
		return nil, fmt.Errorf("schema_migrations: %w", err)
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].Version < ms[j].Version })
	var applied []int
	for _, m := range ms {
		done, err := apply(ctx, db, d, lock, m)
		if err != nil {
			return applied, fmt.Errorf("migration %d (%s): %w", m.Version, m.Name, err)
		}
		if done {
			applied = append(applied, m.Version)
		}
	}
	return applied, nil
}

// ensureTable creates schema_migrations under the lock: concurrent
// CREATE TABLE IF NOT EXISTS can collide in PostgreSQL.
func ensureTable(ctx context.Context, db *sql.DB, lock string) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if lock != "" {
		if _, err := tx.ExecContext(ctx, lock); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY,
		name TEXT NOT NULL,
		applied_at TEXT NOT NULL)`); err != nil {
		return err
	}
	return tx.Commit()
}

func apply(ctx context.Context, db *sql.DB, d Dialect, lock string, m Migration) (bool, error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	if lock != "" {
		if _, err := tx.ExecContext(ctx, lock); err != nil {
			return false, err
		}
	}
	var n int
	if err := tx.QueryRowContext(ctx, "SELECT COUNT(*) FROM schema_migrations WHERE version = "+d.Placeholder(1), m.Version).Scan(&n); err != nil {
		return false, err
	}
	if n > 0 {
		return false, nil
	}
	for _, s := range m.Statements {
		if _, err := tx.ExecContext(ctx, s); err != nil {
			return false, fmt.Errorf("%w\n%s", err, s)
		}
	}
	if _, err := tx.ExecContext(ctx, "INSERT INTO schema_migrations (version, name, applied_at) VALUES ("+
		d.Placeholder(1)+", "+d.Placeholder(2)+", "+d.Placeholder(3)+")", m.Version, m.Name, Now()); err != nil {
		return false, err
	}
	return true, tx.Commit()
}

// Version returns the highest applied migration (0 for a new store).
func Version(ctx context.Context, db *sql.DB) (int, error) {
	var v sql.NullInt64
	err := db.QueryRowContext(ctx, "SELECT MAX(version) FROM schema_migrations").Scan(&v)
	return int(v.Int64), err
}
