// Package postgres is the store backend for shared and large deployments:
// PostgreSQL through pgx, with tsvector/GIN full-text indexes. Writes use
// one transaction per batch (documents inserted with ON CONFLICT DO NOTHING,
// their rows bulk-loaded with COPY); reads go through database/sql and the
// queries shared with the SQLite backend (store/sqldb).
package postgres

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/dyadhq/dyad/internal/store"
	"github.com/dyadhq/dyad/internal/store/sqldb"
)

// Store is a PostgreSQL store.
type Store struct {
	*sqldb.DB
	pool *pgxpool.Pool
}

var dialect = sqldb.Dialect{
	Name:        "postgres",
	Placeholder: func(n int) string { return "$" + strconv.Itoa(n) },
	EventText: func(ph string) string {
		return "EXISTS (SELECT 1 FROM sentences s WHERE s.doc = e.doc AND s.idx = e.sentence AND s.tsv @@ plainto_tsquery('english', " + ph + "))"
	},
	DocText: func(ph string) string {
		return "d.id IN (SELECT s.doc FROM sentences s WHERE s.tsv @@ plainto_tsquery('english', " + ph + "))"
	},
	QuoteText: func(ph string) string {
		return "q.tsv @@ plainto_tsquery('english', " + ph + ")"
	},
}

// migrateLock serializes concurrent migrators (any fixed number will do).
const migrateLock = "SELECT pg_advisory_xact_lock(7467617164)"

// Open connects to the database at dsn (postgres://...) and migrates it.
func Open(ctx context.Context, dsn string) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("postgres %s@%s:%d/%s: %w", cfg.ConnConfig.User, cfg.ConnConfig.Host, cfg.ConnConfig.Port, cfg.ConnConfig.Database, err)
	}
	s := &Store{DB: &sqldb.DB{R: stdlib.OpenDBFromPool(pool), D: dialect}, pool: pool}
	if _, err := s.Migrate(ctx); err != nil {
		s.Close()
		return nil, fmt.Errorf("postgres: %w", err)
	}
	return s, nil
}

// Backend names the backend.
func (s *Store) Backend() string { return "postgres" }

// Migrate applies pending migrations.
func (s *Store) Migrate(ctx context.Context) ([]int, error) {
	return sqldb.Migrate(ctx, s.R, dialect, migrateLock, migrations)
}

// Optimize refreshes the planner's statistics (autovacuum does it too, later).
func (s *Store) Optimize(ctx context.Context) error {
	_, err := s.pool.Exec(ctx, "ANALYZE")
	return err
}

// Close closes the store.
func (s *Store) Close() error {
	err := s.R.Close()
	s.pool.Close()
	return err
}

const insertDoc = `INSERT INTO documents (key, contract_id, title, published, day, source, url, language,
	n_sentences, n_entities, n_events, n_quotes, n_times, ingested, body)
	VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
	ON CONFLICT (key) DO NOTHING RETURNING id`

// Put stores a batch in one transaction.
func (s *Store) Put(ctx context.Context, docs []*store.Rows) (store.PutResult, error) {
	res := store.PutResult{New: make([]bool, len(docs))}
	if len(docs) == 0 {
		return res, nil
	}
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return res, err
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	now := sqldb.Now()
	batch := &pgx.Batch{}
	for _, r := range docs {
		d := r.Doc
		batch.Queue(insertDoc, r.Key, d.ID, d.Title, d.Published, r.Day, d.Source, d.URL, d.Language,
			len(d.Sentences), len(d.Entities), len(d.Events), len(d.Quotes), len(d.Times), now, r.Body)
	}
	br := tx.SendBatch(ctx, batch)
	ids := make([]int64, len(docs))
	for i, r := range docs {
		err := br.QueryRow().Scan(&ids[i])
		if errors.Is(err, pgx.ErrNoRows) {
			res.Skipped++
			continue
		}
		if err != nil {
			br.Close()
			return store.PutResult{}, fmt.Errorf("document %s: %w", r.Doc.ID, err)
		}
		res.Added++
		res.New[i] = true
	}
	if err := br.Close(); err != nil {
		return store.PutResult{}, err
	}

	var sentences, entities, events, quotes, times [][]any
	for i, r := range docs {
		if !res.New[i] {
			continue
		}
		id := ids[i]
		for j, text := range r.Sentences {
			sentences = append(sentences, []any{id, j, text})
		}
		if r.Doc.Title != "" {
			sentences = append(sentences, []any{id, store.TitleSentence, r.Doc.Title})
		}
		for _, e := range r.Entities {
			entities = append(entities, []any{id, e.ID, e.Text, e.Canonical, e.Type, e.Code, e.Country, e.Role, e.Mentions})
		}
		for _, e := range r.Events {
			events = append(events, []any{id, e.ID, e.Sentence, e.SentenceText, e.SourceCode, e.SourceCountry, e.SourceText,
				e.TargetCode, e.TargetCountry, e.TargetText, e.Cameo, e.Root, e.Quad, e.Goldstein, e.Plover, e.Day,
				e.Negated, e.Reported, e.Body})
		}
		for _, q := range r.Quotes {
			quotes = append(quotes, []any{id, q.ID, q.Kind, q.Text, q.SpeakerName, q.SpeakerKey, q.SpeakerCode, q.Day, q.Body})
		}
		for _, t := range r.Times {
			times = append(times, []any{id, t.Text, t.Start, t.End, t.Type, t.Value, t.Mod})
		}
	}
	copies := []struct {
		table string
		cols  []string
		rows  [][]any
	}{
		{"sentences", []string{"doc", "idx", "text"}, sentences},
		{"entities", []string{"doc", "ext_id", "text", "canonical", "type", "code", "country", "role", "mentions"}, entities},
		{"events", []string{"doc", "ext_id", "sentence", "sentence_text", "source_code", "source_country", "source_text",
			"target_code", "target_country", "target_text", "cameo", "root", "quad", "goldstein", "plover", "day",
			"negated", "reported", "body"}, events},
		{"quotes", []string{"doc", "ext_id", "kind", "text", "speaker_name", "speaker_key", "speaker_code", "day", "body"}, quotes},
		{"times", []string{"doc", "text", "start_off", "end_off", "type", "value", "mod"}, times},
	}
	for _, c := range copies {
		if len(c.rows) == 0 {
			continue
		}
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{c.table}, c.cols, pgx.CopyFromRows(c.rows)); err != nil {
			return store.PutResult{}, fmt.Errorf("copying %s: %w", c.table, err)
		}
	}
	if err := tx.Commit(ctx); err != nil {
		return store.PutResult{}, err
	}
	return res, nil
}

var _ store.Store = (*Store)(nil)
