package postgres

import (
	"context"
	"testing"

	"github.com/dyadhq/dyad/internal/store"
	"github.com/dyadhq/dyad/internal/store/storetest"
)

// testDSN is a fresh schema of the test database (or a skip).
func testDSN(t *testing.T) string { return storetest.PostgresDSN(t) }

func open(t *testing.T) store.Store {
	t.Helper()
	s, err := Open(context.Background(), testDSN(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestConformance(t *testing.T) { storetest.Run(t, open) }

func TestConcurrentMigrate(t *testing.T) {
	dsn := testDSN(t)
	ctx := context.Background()
	errs := make(chan error, 3)
	for range 3 {
		go func() {
			s, err := Open(ctx, dsn)
			if err == nil {
				s.Close()
			}
			errs <- err
		}()
	}
	for range 3 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

func TestBadDSN(t *testing.T) {
	if s, err := Open(context.Background(), "postgres://nobody@127.0.0.1:1/none?connect_timeout=2"); err == nil {
		s.Close()
		t.Error("Open of an unreachable server succeeded")
	}
}
