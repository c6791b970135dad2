// Package sqldb is the SQL both store backends share: the read queries
// behind store.Store, written once over database/sql with a Dialect for the
// few places SQLite and PostgreSQL differ (placeholders, full-text search),
// and the schema-migration runner. Every value from a user reaches SQL as a
// bound parameter; only fixed fragments chosen by code are spliced in.
//
// It knows the table layout (documents, entities, events, quotes, times) but
// not how a backend writes rows or builds its full-text index.
package sqldb

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/dyadhq/dyad/internal/store"
	"github.com/dyadhq/dyad/pkg/contract"
)

// Dialect is what differs between the backends.
type Dialect struct {
	Name string
	// Placeholder is the n-th (1-based) bound parameter: "$1" or "?1".
	Placeholder func(n int) string
	// EventText, DocText and QuoteText return a condition that the events
	// row "e" (its sentence), documents row "d" (a sentence or its title)
	// or quotes row "q" matches the full-text query bound at ph.
	EventText, DocText, QuoteText func(ph string) string
}

// DB runs the shared queries on a read connection pool.
type DB struct {
	R *sql.DB
	D Dialect
}

// builder collects conditions and their arguments. Placeholders are
// numbered, so sub-builders (for the parts of a UNION) share one argument
// list and may be spliced in any order.
type builder struct {
	d     *Dialect
	args  *[]any
	conds []string
}

func (db *DB) builder() *builder { return &builder{d: &db.D, args: new([]any)} }

func (b *builder) sub() *builder { return &builder{d: b.d, args: b.args} }

func (b *builder) arg(v any) string {
	*b.args = append(*b.args, v)
	return b.d.Placeholder(len(*b.args))
}

func (b *builder) where(c string) { b.conds = append(b.conds, c) }

func (b *builder) clause() string {
	if len(b.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(b.conds, " AND ")
}

// prefix is the condition that col starts with code p (an upper-case code,
// compared as bytes: both schemas give code columns a byte-wise collation).
func (b *builder) prefix(col, p string) string {
	return "(" + col + " >= " + b.arg(p) + " AND " + col + " < " + b.arg(store.PrefixEnd(p)) + ")"
}

func (b *builder) dayRange(col string, r store.Range) {
	if r.From != "" {
		b.where(col + " >= " + b.arg(r.From))
	}
	if r.To != "" {
		b.where(col + " <= " + b.arg(r.To))
	}
	if r.From != "" || r.To != "" {
		b.where(col + " <> ''")
	}
}

// text adds a full-text condition; a query with no searchable word matches
// nothing.
func (b *builder) text(q string, cond func(string) string) {
	if q == "" {
		return
	}
	if fts := FTSQuery(q); fts != "" {
		b.where(cond(b.arg(fts)))
	} else {
		b.where("1 = 0")
	}
}

// keyset resumes after a cursor in (day DESC, id DESC) order.
func (b *builder) keyset(dayCol, idCol, cursor string) error {
	day, id, err := store.DecodeCursor(cursor)
	if err != nil || cursor == "" {
		return err
	}
	b.where("(" + dayCol + " < " + b.arg(day) + " OR (" + dayCol + " = " + b.arg(day) + " AND " + idCol + " < " + b.arg(id) + "))")
	return nil
}

// FTSQuery turns user text into the words to search for, all required:
// letters and digits only, so that no query syntax of either backend can be
// injected. Both backends read a space-separated word list as AND.
func FTSQuery(q string) string {
	words := strings.FieldsFunc(q, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if len(words) > 16 {
		words = words[:16]
	}
	for i, w := range words {
		words[i] = strings.ToLower(w)
	}
	return strings.Join(words, " ")
}

// likeEscape makes s a LIKE pattern matching it anywhere, with ESCAPE '\'.
func likeEscape(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return "%" + r.Replace(s) + "%"
}

// Has reports which keys are stored.
func (db *DB) Has(ctx context.Context, keys []string) (map[string]bool, error) {
	out := make(map[string]bool, len(keys))
	for len(keys) > 0 {
		n := min(len(keys), 500)
		b := db.builder()
		ph := make([]string, n)
		for i, k := range keys[:n] {
			ph[i] = b.arg(k)
		}
		rows, err := db.R.QueryContext(ctx, "SELECT key FROM documents WHERE key IN ("+strings.Join(ph, ",")+")", *b.args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var k string
			if err := rows.Scan(&k); err != nil {
				rows.Close()
				return nil, err
			}
			out[k] = true
		}
		if err := rows.Close(); err != nil {
			return nil, err
		}
		keys = keys[n:]
	}
	return out, nil
}

// Document returns the stored document with key id.
func (db *DB) Document(ctx context.Context, id string) (*contract.Document, error) {
	id, err := store.DocKeyParam("id", id)
	if err != nil {
		return nil, err
	}
	var body []byte
	err = db.R.QueryRowContext(ctx, "SELECT body FROM documents WHERE key = "+db.D.Placeholder(1), id).Scan(&body)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, store.ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	var d contract.Document
	if err := json.Unmarshal(body, &d); err != nil {
		return nil, fmt.Errorf("document %s: stored JSON: %v", id, err)
	}
	return &d, nil
}

func (db *DB) docConds(b *builder, f *store.DocFilter) {
	b.dayRange("d.day", f.Range)
	b.text(f.Q, db.D.DocText)
	if f.Source != "" {
		b.where("d.source = " + b.arg(f.Source))
	}
	if f.Actor != "" {
		b.where("EXISTS (SELECT 1 FROM events e WHERE e.doc = d.id AND (" +
			b.prefix("e.source_code", f.Actor) + " OR " + b.prefix("e.target_code", f.Actor) + "))")
	}
}

// Documents lists document summaries, newest first.
func (db *DB) Documents(ctx context.Context, f store.DocFilter) (store.Page[store.DocSummary], error) {
	var page store.Page[store.DocSummary]
	if err := f.Normalize(); err != nil {
		return page, err
	}
	b := db.builder()
	db.docConds(b, &f)
	if err := b.keyset("d.day", "d.id", f.Cursor); err != nil {
		return page, err
	}
	q := `SELECT d.id, d.day, d.key, d.contract_id, d.title, d.published, d.source, d.url,
		d.n_sentences, d.n_entities, d.n_events, d.n_quotes, d.n_times, d.ingested
		FROM documents d` + b.clause() + ` ORDER BY d.day DESC, d.id DESC LIMIT ` + strconv.Itoa(f.Limit+1)
	rows, err := db.R.QueryContext(ctx, q, *b.args...)
	if err != nil {
		return page, err
	}
	defer rows.Close()
	page.Items = []store.DocSummary{}
	var lastID int64
	var lastDay string
	for rows.Next() {
		var s store.DocSummary
		var id int64
		var day string
		if err := rows.Scan(&id, &day, &s.ID, &s.ContractID, &s.Title, &s.Published, &s.Source, &s.URL,
			&s.Sentences, &s.Entities, &s.Events, &s.Quotes, &s.Times, &s.Ingested); err != nil {
			return page, err
		}
		if len(page.Items) == f.Limit {
			page.Next = store.EncodeCursor(lastDay, lastID)
			break
		}
		page.Items = append(page.Items, s)
		lastID, lastDay = id, day
	}
	return page, rows.Err()
}

// Each calls fn for every document matching f, oldest first, reading in
// chunks so that no read transaction stays open while fn works.
func (db *DB) Each(ctx context.Context, f store.DocFilter, fn func(*contract.Document) error) error {
	f.Limit = 1
	if err := f.Normalize(); err != nil {
		return err
	}
	var last int64
	for {
		b := db.builder()
		db.docConds(b, &f)
		b.where("d.id > " + b.arg(last))
		rows, err := db.R.QueryContext(ctx, "SELECT d.id, d.body FROM documents d"+b.clause()+" ORDER BY d.id LIMIT 256", *b.args...)
		if err != nil {
			return err
		}
		var bodies [][]byte
		for rows.Next() {
			var body []byte
			if err := rows.Scan(&last, &body); err != nil {
				rows.Close()
				return err
			}
			bodies = append(bodies, body)
		}
		if err := rows.Close(); err != nil {
			return err
		}
		if len(bodies) == 0 {
			return nil
		}
		for _, body := range bodies {
			var d contract.Document
			if err := json.Unmarshal(body, &d); err != nil {
				return fmt.Errorf("stored document: %v", err)
			}
			if err := fn(&d); err != nil {
				return err
			}
		}
	}
}

func (db *DB) eventConds(b *builder, f *store.EventFilter) {
	b.dayRange("e.day", f.Range)
	switch {
	case f.Symmetric:
		b.where("((" + b.prefix("e.source_code", f.Source) + " AND " + b.prefix("e.target_code", f.Target) + ") OR (" +
			b.prefix("e.source_code", f.Target) + " AND " + b.prefix("e.target_code", f.Source) + "))")
	default:
		if f.Source != "" {
			b.where(b.prefix("e.source_code", f.Source))
		}
		if f.Target != "" {
			b.where(b.prefix("e.target_code", f.Target))
		}
	}
	if f.Actor != "" {
		b.where("(" + b.prefix("e.source_code", f.Actor) + " OR " + b.prefix("e.target_code", f.Actor) + ")")
	}
	if f.Code != "" {
		b.where(b.prefix("e.cameo", f.Code))
	}
	if f.Root != "" {
		b.where("e.root = " + b.arg(f.Root))
	}
	if f.Plover != "" {
		b.where("e.plover = " + b.arg(f.Plover))
	}
	if f.Quad != 0 {
		b.where("e.quad = " + b.arg(f.Quad))
	}
	if f.Doc != "" {
		b.where("e.doc = (SELECT id FROM documents WHERE key = " + b.arg(f.Doc) + ")")
	}
	b.text(f.Q, db.D.EventText)
}

// Events lists events, newest first.
func (db *DB) Events(ctx context.Context, f store.EventFilter) (store.Page[store.EventRow], error) {
	var page store.Page[store.EventRow]
	if err := f.Normalize(); err != nil {
		return page, err
	}
	b := db.builder()
	db.eventConds(b, &f)
	if err := b.keyset("e.day", "e.id", f.Cursor); err != nil {
		return page, err
	}
	// The page's ids are chosen first, from the indexes alone, so that
	// sorting a large match moves no bodies and joins no documents.
	q := `SELECT e.id, e.day, d.key, d.title, d.published, d.url, e.source_country, e.target_country,
		e.sentence_text, e.body FROM events e JOIN documents d ON d.id = e.doc
		WHERE e.id IN (SELECT e.id FROM events e` + b.clause() + ` ORDER BY e.day DESC, e.id DESC LIMIT ` +
		strconv.Itoa(f.Limit+1) + `) ORDER BY e.day DESC, e.id DESC`
	rows, err := db.R.QueryContext(ctx, q, *b.args...)
	if err != nil {
		return page, err
	}
	defer rows.Close()
	page.Items = []store.EventRow{}
	var lastID int64
	var lastDay string
	for rows.Next() {
		var r store.EventRow
		var id int64
		var body []byte
		if err := rows.Scan(&id, &r.Date, &r.Doc, &r.Title, &r.Published, &r.URL, &r.SourceCountry,
			&r.TargetCountry, &r.SentenceText, &body); err != nil {
			return page, err
		}
		if len(page.Items) == f.Limit {
			page.Next = store.EncodeCursor(lastDay, lastID)
			break
		}
		r.Event = json.RawMessage(body)
		page.Items = append(page.Items, r)
		lastID, lastDay = id, r.Date
	}
	return page, rows.Err()
}

// Quotes lists quotes, newest first.
func (db *DB) Quotes(ctx context.Context, f store.QuoteFilter) (store.Page[store.QuoteRow], error) {
	var page store.Page[store.QuoteRow]
	if err := f.Normalize(); err != nil {
		return page, err
	}
	b := db.builder()
	b.dayRange("q.day", f.Range)
	if f.Speaker != "" {
		if store.SpeakerIsCode(f.Speaker) {
			b.where("(" + b.prefix("q.speaker_code", f.Speaker) + " OR q.speaker_key LIKE " +
				b.arg(likeEscape(strings.ToLower(f.Speaker))) + ` ESCAPE '\')`)
		} else {
			b.where("q.speaker_key LIKE " + b.arg(likeEscape(strings.ToLower(f.Speaker))) + ` ESCAPE '\'`)
		}
	}
	b.text(f.Q, db.D.QuoteText)
	if f.Doc != "" {
		b.where("q.doc = (SELECT id FROM documents WHERE key = " + b.arg(f.Doc) + ")")
	}
	if err := b.keyset("q.day", "q.id", f.Cursor); err != nil {
		return page, err
	}
	q := `SELECT q.id, q.day, d.key, d.title, d.published, d.url, q.body
		FROM quotes q JOIN documents d ON d.id = q.doc
		WHERE q.id IN (SELECT q.id FROM quotes q` + b.clause() + ` ORDER BY q.day DESC, q.id DESC LIMIT ` +
		strconv.Itoa(f.Limit+1) + `) ORDER BY q.day DESC, q.id DESC`
	rows, err := db.R.QueryContext(ctx, q, *b.args...)
	if err != nil {
		return page, err
	}
	defer rows.Close()
	page.Items = []store.QuoteRow{}
	var lastID int64
	var lastDay string
	for rows.Next() {
		var r store.QuoteRow
		var id int64
		var body []byte
		if err := rows.Scan(&id, &r.Date, &r.Doc, &r.Title, &r.Published, &r.URL, &body); err != nil {
			return page, err
		}
		if len(page.Items) == f.Limit {
			page.Next = store.EncodeCursor(lastDay, lastID)
			break
		}
		r.Quote = json.RawMessage(body)
		page.Items = append(page.Items, r)
		lastID, lastDay = id, r.Date
	}
	return page, rows.Err()
}

// side returns the column grouping one side of an event: its code or its
// country.
func side(which, by string) string {
	if by == "country" {
		return "e." + which + "_country"
	}
	return "e." + which + "_code"
}

// Dyads lists the counterparts of an actor in both directions.
func (db *DB) Dyads(ctx context.Context, f store.DyadFilter) ([]store.Dyad, error) {
	if err := f.Normalize(); err != nil {
		return nil, err
	}
	b := db.builder()
	half := func(dir, self, other string) string {
		hb := b.sub()
		hb.dayRange("e.day", f.Range)
		hb.where(hb.prefix("e."+self+"_code", f.Actor))
		col := side(other, f.By)
		hb.where(col + " <> ''")
		return "SELECT '" + dir + "' AS dir, " + col + " AS other, COUNT(*) AS n, AVG(e.goldstein) AS g FROM events e" +
			hb.clause() + " GROUP BY " + col
	}
	q := half("out", "source", "target") + " UNION ALL " + half("in", "target", "source") +
		" ORDER BY n DESC, other, dir LIMIT " + strconv.Itoa(f.Limit)
	rows, err := db.R.QueryContext(ctx, q, *b.args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []store.Dyad{}
	for rows.Next() {
		var d store.Dyad
		var g sql.NullFloat64
		if err := rows.Scan(&d.Direction, &d.Counterpart, &d.Events, &g); err != nil {
			return nil, err
		}
		d.MeanGoldstein = g.Float64
		out = append(out, d)
	}
	return out, rows.Err()
}

// Series counts a dyad's events per day, folded into f.Interval.
func (db *DB) Series(ctx context.Context, f store.SeriesFilter) ([]store.Bucket, error) {
	if err := f.Normalize(); err != nil {
		return nil, err
	}
	b := db.builder()
	ef := store.EventFilter{Range: f.Range, Source: f.Source, Target: f.Target, Symmetric: f.Symmetric, Code: f.Code}
	db.eventConds(b, &ef)
	b.where("e.day <> ''")
	q := `SELECT e.day, COUNT(*), AVG(e.goldstein),
		SUM(CASE WHEN e.quad = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN e.quad = 2 THEN 1 ELSE 0 END),
		SUM(CASE WHEN e.quad = 3 THEN 1 ELSE 0 END), SUM(CASE WHEN e.quad = 4 THEN 1 ELSE 0 END)
		FROM events e` + b.clause() + ` GROUP BY e.day ORDER BY e.day`
	rows, err := db.R.QueryContext(ctx, q, *b.args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	days := []store.Bucket{}
	for rows.Next() {
		var k store.Bucket
		var g sql.NullFloat64
		if err := rows.Scan(&k.Start, &k.Events, &g, &k.Quad[0], &k.Quad[1], &k.Quad[2], &k.Quad[3]); err != nil {
			return nil, err
		}
		k.MeanGoldstein = g.Float64
		days = append(days, k)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return store.Fold(days, f.Interval), nil
}

// Network lists the heaviest source->target edges.
func (db *DB) Network(ctx context.Context, f store.NetworkFilter) ([]store.Edge, error) {
	if err := f.Normalize(); err != nil {
		return nil, err
	}
	return db.edges(ctx, f)
}

func (db *DB) edges(ctx context.Context, f store.NetworkFilter) ([]store.Edge, error) {
	b := db.builder()
	b.dayRange("e.day", f.Range)
	src, tgt := side("source", f.By), side("target", f.By)
	b.where(src + " <> ''")
	b.where(tgt + " <> ''")
	if f.Code != "" {
		b.where(b.prefix("e.cameo", f.Code))
	}
	q := "SELECT " + src + ", " + tgt + ", COUNT(*), AVG(e.goldstein) FROM events e" + b.clause() +
		" GROUP BY " + src + ", " + tgt + " HAVING COUNT(*) >= " + b.arg(f.MinEvents) +
		" ORDER BY 3 DESC, 1, 2 LIMIT " + strconv.Itoa(f.Limit)
	rows, err := db.R.QueryContext(ctx, q, *b.args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []store.Edge{}
	for rows.Next() {
		var e store.Edge
		var g sql.NullFloat64
		if err := rows.Scan(&e.Source, &e.Target, &e.Events, &g); err != nil {
			return nil, err
		}
		e.MeanGoldstein = g.Float64
		out = append(out, e)
	}
	return out, rows.Err()
}

// Actors lists actor codes (or countries) by number of events, on either side.
func (db *DB) Actors(ctx context.Context, f store.ActorFilter) ([]store.ActorCount, error) {
	if err := f.Normalize(); err != nil {
		return nil, err
	}
	b := db.builder()
	half := func(which string) string {
		hb := b.sub()
		hb.dayRange("e.day", f.Range)
		col := side(which, f.By)
		if f.Prefix != "" {
			hb.where(hb.prefix(col, f.Prefix))
		}
		hb.where(col + " <> ''")
		return "SELECT " + col + " AS code, COUNT(*) AS n FROM events e" + hb.clause() + " GROUP BY " + col
	}
	q := "SELECT code, CAST(SUM(n) AS BIGINT) FROM (" + half("source") + " UNION ALL " + half("target") +
		") x GROUP BY code ORDER BY 2 DESC, 1 LIMIT " + strconv.Itoa(f.Limit)
	rows, err := db.R.QueryContext(ctx, q, *b.args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []store.ActorCount{}
	for rows.Next() {
		var a store.ActorCount
		if err := rows.Scan(&a.Code, &a.Events); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// Stats summarizes the store.
func (db *DB) Stats(ctx context.Context) (*store.Stats, error) {
	st := &store.Stats{Backend: db.D.Name, Tables: map[string]int64{}}
	for _, t := range []string{"documents", "entities", "events", "quotes", "times"} {
		var n int64
		if err := db.R.QueryRowContext(ctx, "SELECT COUNT(*) FROM "+t).Scan(&n); err != nil {
			return nil, fmt.Errorf("counting %s: %w", t, err)
		}
		st.Tables[t] = n
	}
	var sentences sql.NullInt64
	var first, last sql.NullString
	var version sql.NullInt64
	if err := db.R.QueryRowContext(ctx, "SELECT SUM(n_sentences) FROM documents").Scan(&sentences); err != nil {
		return nil, err
	}
	st.Tables["sentences"] = sentences.Int64
	if err := db.R.QueryRowContext(ctx, "SELECT MIN(day), MAX(day) FROM documents WHERE day <> ''").Scan(&first, &last); err != nil {
		return nil, err
	}
	st.FirstDay, st.LastDay = first.String, last.String
	if err := db.R.QueryRowContext(ctx, "SELECT MAX(version) FROM schema_migrations").Scan(&version); err != nil {
		return nil, err
	}
	st.SchemaVersion = int(version.Int64)
	top, err := db.edges(ctx, store.NetworkFilter{By: "code", MinEvents: 1, Limit: 10})
	if err != nil {
		return nil, err
	}
	st.TopDyads = top
	return st, nil
}

// Now is the time stamp recorded for ingests and migrations.
func Now() string { return time.Now().UTC().Format(time.RFC3339) }
