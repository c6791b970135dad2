// Package sqlite is the embedded store backend: one SQLite file (pure Go,
// modernc.org/sqlite) in WAL mode, so readers never wait for the writer,
// with FTS5 full-text indexes over sentences and quotes. It needs no set-up:
// Open creates and migrates the file.
//
// Writes go through one connection (SQLite has one writer) in batched
// transactions with prepared statements; reads use a pool of read-only
// connections and the shared queries of store/sqldb.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"runtime"
	"strconv"
	"strings"

	_ "modernc.org/sqlite" // the database/sql driver "sqlite"

	"github.com/dyadhq/dyad/internal/store"
	"github.com/dyadhq/dyad/internal/store/sqldb"
)

// Store is a SQLite store.
type Store struct {
	*sqldb.DB
	w     *sql.DB
	stmts map[string]*sql.Stmt
}

var dialect = sqldb.Dialect{
	Name:        "sqlite",
	Placeholder: func(n int) string { return "?" + strconv.Itoa(n) },
	EventText: func(ph string) string {
		return "(e.doc * " + strconv.Itoa(store.MaxSentences) + " + e.sentence) IN (SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH " + ph + ")"
	},
	DocText: func(ph string) string {
		return "d.id IN (SELECT rowid / " + strconv.Itoa(store.MaxSentences) + " FROM sentences_fts WHERE sentences_fts MATCH " + ph + ")"
	},
	QuoteText: func(ph string) string {
		return "q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH " + ph + ")"
	},
}

// Open opens (creating and migrating when needed) the SQLite store at path.
func Open(ctx context.Context, path string) (*Store, error) {
	if path == "" || strings.ContainsAny(path, "?#") {
		return nil, fmt.Errorf("sqlite: bad database path %q", path)
	}
	name := strings.TrimPrefix(path, "sqlite:")
	common := url.Values{}
	common.Add("_pragma", "busy_timeout(10000)")
	common.Add("_pragma", "synchronous(NORMAL)")
	wq := url.Values{"_txlock": {"immediate"}}
	wq["_pragma"] = append([]string{"journal_mode(WAL)", "foreign_keys(1)", "cache_size(-65536)"}, common["_pragma"]...)
	w, err := sql.Open("sqlite", name+"?"+wq.Encode())
	if err != nil {
		return nil, fmt.Errorf("sqlite %s: %w", path, err)
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	if err := w.PingContext(ctx); err != nil {
		w.Close()
		return nil, fmt.Errorf("sqlite %s: %w", path, err)
	}
	rq := url.Values{"_pragma": append([]string{"query_only(1)", "cache_size(-32768)"}, common["_pragma"]...)}
	r, err := sql.Open("sqlite", name+"?"+rq.Encode())
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("sqlite %s: %w", path, err)
	}
	n := max(4, runtime.GOMAXPROCS(0))
	r.SetMaxOpenConns(n)
	r.SetMaxIdleConns(n)
	s := &Store{DB: &sqldb.DB{R: r, D: dialect}, w: w}
	if _, err := s.Migrate(ctx); err != nil {
		s.Close()
		return nil, fmt.Errorf("sqlite %s: %w", path, err)
	}
	if err := s.prepare(ctx); err != nil {
		s.Close()
		return nil, fmt.Errorf("sqlite %s: %w", path, err)
	}
	return s, nil
}

// Backend names the backend.
func (s *Store) Backend() string { return "sqlite" }

// Migrate applies pending migrations.
func (s *Store) Migrate(ctx context.Context) ([]int, error) {
	return sqldb.Migrate(ctx, s.w, dialect, "", migrations)
}

// Optimize refreshes the planner's statistics of the queried tables. It
// reads them whole (about 5 ms per 1,000 events): sampled statistics made
// the planner pick slow plans for common actors and words.
func (s *Store) Optimize(ctx context.Context) error {
	conn, err := s.w.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	for _, q := range []string{"PRAGMA analysis_limit = 0", "ANALYZE events", "ANALYZE quotes", "ANALYZE documents"} {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("%s: %w", q, err)
		}
	}
	return nil
}

// Close closes the store.
func (s *Store) Close() error {
	for _, st := range s.stmts {
		st.Close()
	}
	if s.w != nil {
		// Let SQLite refresh its planner statistics on the way out (cheap).
		_, _ = s.w.Exec("PRAGMA optimize")
	}
	return errors.Join(s.R.Close(), s.w.Close())
}

var inserts = map[string]string{
	"doc": `INSERT INTO documents (key, contract_id, title, published, day, source, url, language,
		n_sentences, n_entities, n_events, n_quotes, n_times, ingested, body)
		VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)
		ON CONFLICT (key) DO NOTHING RETURNING id`,
	"sentence": `INSERT INTO sentences_fts (rowid, text) VALUES (?1, ?2)`,
	"entity": `INSERT INTO entities (doc, ext_id, text, canonical, type, code, country, role, mentions)
		VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)`,
	"event": `INSERT INTO events (doc, ext_id, sentence, sentence_text, source_code, source_country, source_text,
		target_code, target_country, target_text, cameo, root, quad, goldstein, plover, day, negated, reported, body)
		VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)`,
	"quote": `INSERT INTO quotes (doc, ext_id, kind, text, speaker_name, speaker_key, speaker_code, day, body)
		VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) RETURNING id`,
	"quote_fts": `INSERT INTO quotes_fts (rowid, text) VALUES (?1, ?2)`,
	"time":      `INSERT INTO times (doc, text, start_off, end_off, type, value, mod) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)`,
}

func (s *Store) prepare(ctx context.Context) error {
	s.stmts = map[string]*sql.Stmt{}
	for k, q := range inserts {
		st, err := s.w.PrepareContext(ctx, q)
		if err != nil {
			return fmt.Errorf("preparing %s: %w", k, err)
		}
		s.stmts[k] = st
	}
	return nil
}

// Put stores a batch in one transaction.
func (s *Store) Put(ctx context.Context, docs []*store.Rows) (store.PutResult, error) {
	res := store.PutResult{New: make([]bool, len(docs))}
	if len(docs) == 0 {
		return res, nil
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return res, err
	}
	defer tx.Rollback()
	st := make(map[string]*sql.Stmt, len(s.stmts))
	for k, p := range s.stmts {
		st[k] = tx.StmtContext(ctx, p)
	}
	now := sqldb.Now()
	for i, r := range docs {
		d := r.Doc
		var id int64
		err := st["doc"].QueryRowContext(ctx, r.Key, d.ID, d.Title, d.Published, r.Day, d.Source, d.URL, d.Language,
			len(d.Sentences), len(d.Entities), len(d.Events), len(d.Quotes), len(d.Times), now, r.Body).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			res.Skipped++
			continue
		}
		if err != nil {
			return store.PutResult{}, fmt.Errorf("document %s: %w", d.ID, err)
		}
		if err := s.putChildren(ctx, st, id, r); err != nil {
			return store.PutResult{}, fmt.Errorf("document %s: %w", d.ID, err)
		}
		res.Added++
		res.New[i] = true
	}
	if err := tx.Commit(); err != nil {
		return store.PutResult{}, err
	}
	return res, nil
}

func (s *Store) putChildren(ctx context.Context, st map[string]*sql.Stmt, id int64, r *store.Rows) error {
	base := id * store.MaxSentences
	for j, text := range r.Sentences {
		if _, err := st["sentence"].ExecContext(ctx, base+int64(j), text); err != nil {
			return err
		}
	}
	if r.Doc.Title != "" {
		if _, err := st["sentence"].ExecContext(ctx, base+store.TitleSentence, r.Doc.Title); err != nil {
			return err
		}
	}
	for _, e := range r.Entities {
		if _, err := st["entity"].ExecContext(ctx, id, e.ID, e.Text, e.Canonical, e.Type, e.Code, e.Country, e.Role, e.Mentions); err != nil {
			return err
		}
	}
	for _, e := range r.Events {
		if _, err := st["event"].ExecContext(ctx, id, e.ID, e.Sentence, e.SentenceText, e.SourceCode, e.SourceCountry, e.SourceText,
			e.TargetCode, e.TargetCountry, e.TargetText, e.Cameo, e.Root, e.Quad, e.Goldstein, e.Plover, e.Day,
			e.Negated, e.Reported, e.Body); err != nil {
			return err
		}
	}
	for _, q := range r.Quotes {
		var qid int64
		if err := st["quote"].QueryRowContext(ctx, id, q.ID, q.Kind, q.Text, q.SpeakerName, q.SpeakerKey, q.SpeakerCode, q.Day, q.Body).Scan(&qid); err != nil {
			return err
		}
		if _, err := st["quote_fts"].ExecContext(ctx, qid, q.Text); err != nil {
			return err
		}
	}
	for _, t := range r.Times {
		if _, err := st["time"].ExecContext(ctx, id, t.Text, t.Start, t.End, t.Type, t.Value, t.Mod); err != nil {
			return err
		}
	}
	return nil
}

var _ store.Store = (*Store)(nil)
