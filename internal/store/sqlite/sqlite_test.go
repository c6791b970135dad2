package sqlite

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/dyadhq/dyad/internal/store"
	"github.com/dyadhq/dyad/internal/store/storetest"
)

func open(t *testing.T) store.Store {
	t.Helper()
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestConformance(t *testing.T) { storetest.Run(t, open) }

// TestReopen checks that a store survives closing and that reopening
// migrates nothing.
func TestReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "re.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Put(ctx, storetest.Rows(t, storetest.Corpus()...)); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if applied, err := s.Migrate(ctx); err != nil || len(applied) != 0 {
		t.Errorf("reopen migrated %v (%v)", applied, err)
	}
	res, err := s.Put(ctx, storetest.Rows(t, storetest.Corpus()...))
	if err != nil || res.Added != 0 || res.Skipped != 4 {
		t.Errorf("re-put after reopen: %+v %v", res, err)
	}
	var mode string
	if err := s.w.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal mode %q (%v), want wal", mode, err)
	}
}

func TestBadPath(t *testing.T) {
	for _, p := range []string{"", "x.db?_pragma=foo", filepath.Join(t.TempDir(), "no", "such", "dir", "x.db")} {
		if s, err := Open(context.Background(), p); err == nil {
			s.Close()
			t.Errorf("Open(%q) succeeded", p)
		}
	}
}
