package storetest

import (
	"context"
	"encoding/json"
	"errors"
	"math"
	"reflect"
	"sync"
	"testing"

	"github.com/dyadhq/dyad/internal/store"
	"github.com/dyadhq/dyad/pkg/contract"
)

// Opener opens a new, empty store for one test and closes it when the test ends.
type Opener func(t *testing.T) store.Store

// Rows normalizes docs, failing the test on error.
func Rows(t testing.TB, docs ...*contract.Document) []*store.Rows {
	t.Helper()
	out := make([]*store.Rows, len(docs))
	for i, d := range docs {
		r, err := store.Normalize(d)
		if err != nil {
			t.Fatal(err)
		}
		out[i] = r
	}
	return out
}

// Load opens a store and puts Corpus in it.
func Load(t *testing.T, open Opener) store.Store {
	t.Helper()
	s := open(t)
	res, err := s.Put(context.Background(), Rows(t, Corpus()...))
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != len(Corpus()) {
		t.Fatalf("added %d, want %d", res.Added, len(Corpus()))
	}
	return s
}

// Run is the conformance suite: every backend must pass it unchanged.
func Run(t *testing.T, open Opener) {
	t.Run("PutIdempotent", func(t *testing.T) { testPut(t, open) })
	t.Run("BatchIsAtomic", func(t *testing.T) { testAtomic(t, open) })
	t.Run("ConcurrentPut", func(t *testing.T) { testConcurrent(t, open) })
	t.Run("Migrate", func(t *testing.T) { testMigrate(t, open) })
	s := Load(t, open)
	if err := s.Optimize(ctx); err != nil {
		t.Errorf("Optimize: %v", err)
	}
	t.Run("Document", func(t *testing.T) { testDocument(t, s) })
	t.Run("Events", func(t *testing.T) { testEvents(t, s) })
	t.Run("EventPaging", func(t *testing.T) { testPaging(t, s) })
	t.Run("Quotes", func(t *testing.T) { testQuotes(t, s) })
	t.Run("Documents", func(t *testing.T) { testDocuments(t, s) })
	t.Run("Aggregates", func(t *testing.T) { testAggregates(t, s) })
	t.Run("Stats", func(t *testing.T) { testStats(t, s) })
	t.Run("Invalid", func(t *testing.T) { testInvalid(t, s) })
}

var ctx = context.Background()

func testPut(t *testing.T, open Opener) {
	s := open(t)
	docs := Corpus()
	res, err := s.Put(ctx, Rows(t, docs[0], docs[1], docs[0]))
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 2 || res.Skipped != 1 || !reflect.DeepEqual(res.New, []bool{true, true, false}) {
		t.Errorf("first put: %+v, want 2 added, the repeat skipped", res)
	}
	res, err = s.Put(ctx, Rows(t, docs...))
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 2 || res.Skipped != 2 || !reflect.DeepEqual(res.New, []bool{false, false, true, true}) {
		t.Errorf("second put: %+v, want the 2 stored skipped", res)
	}
	keys := []string{store.DocKey(docs[0]), store.DocKey(docs[3]), store.Key("no", "such")}
	has, err := s.Has(ctx, keys)
	if err != nil {
		t.Fatal(err)
	}
	if !has[keys[0]] || !has[keys[1]] || has[keys[2]] {
		t.Errorf("Has = %v", has)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Tables["documents"] != 4 || st.Tables["events"] != 6 {
		t.Errorf("after re-puts: %v, want 4 documents and 6 events", st.Tables)
	}
}

// testAtomic puts a batch whose second document cannot be stored: the first
// must not be stored either.
func testAtomic(t *testing.T, open Opener) {
	s := open(t)
	docs := Corpus()
	rows := Rows(t, docs[0], docs[1])
	// An event no backend accepts: NaN is NULL in SQLite (NOT NULL fails),
	// and the quad class overflows PostgreSQL's integer.
	rows[1].Events[0].Goldstein = math.NaN()
	rows[1].Events[0].Quad = 1 << 40
	if _, err := s.Put(ctx, rows); err == nil {
		t.Fatal("Put of a bad batch succeeded")
	}
	has, err := s.Has(ctx, []string{rows[0].Key, rows[1].Key})
	if err != nil {
		t.Fatal(err)
	}
	if len(has) != 0 {
		t.Errorf("a failed batch left documents behind: %v", has)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for table, n := range st.Tables {
		if n != 0 {
			t.Errorf("a failed batch left %d rows in %s", n, table)
		}
	}
	// The store still works.
	if res, err := s.Put(ctx, Rows(t, docs[0])); err != nil || res.Added != 1 {
		t.Errorf("put after a failed batch: %+v, %v", res, err)
	}
}

func testConcurrent(t *testing.T, open Opener) {
	s := open(t)
	var wg sync.WaitGroup
	added := make([]int, 4)
	errs := make([]error, 4)
	for i := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			docs := Corpus()
			if i%2 == 1 {
				docs[0], docs[3] = docs[3], docs[0]
			}
			res, err := s.Put(ctx, Rows(t, docs...))
			added[i], errs[i] = res.Added, err
		}()
	}
	wg.Wait()
	total := 0
	for i := range added {
		if errs[i] != nil {
			t.Fatal(errs[i])
		}
		total += added[i]
	}
	if total != 4 {
		t.Errorf("4 writers of the same 4 documents added %d", total)
	}
}

func testMigrate(t *testing.T, open Opener) {
	s := open(t)
	applied, err := s.Migrate(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(applied) != 0 {
		t.Errorf("second migration applied %v", applied)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.SchemaVersion < 1 {
		t.Errorf("schema version %d", st.SchemaVersion)
	}
}

func testDocument(t *testing.T, s store.Store) {
	for _, want := range Corpus() {
		got, err := s.Document(ctx, store.DocKey(want))
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			g, _ := json.Marshal(got)
			w, _ := json.Marshal(want)
			t.Errorf("document %s does not round-trip:\n got %s\nwant %s", want.ID, g, w)
		}
	}
	if _, err := s.Document(ctx, store.Key("no", "such")); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("missing document: %v, want ErrNotFound", err)
	}
	var n int
	if err := s.Each(ctx, store.DocFilter{}, func(d *contract.Document) error { n++; return nil }); err != nil || n != 4 {
		t.Errorf("Each visited %d documents (%v), want 4", n, err)
	}
	n = 0
	if err := s.Each(ctx, store.DocFilter{Actor: "UKR"}, func(d *contract.Document) error {
		n++
		if d.ID != "shelling" {
			t.Errorf("Each actor=UKR visited %s", d.ID)
		}
		return nil
	}); err != nil || n != 1 {
		t.Errorf("Each actor=UKR visited %d (%v), want 1", n, err)
	}
}

// codes lists the CAMEO codes of the events s returns for f, in order.
func codes(t *testing.T, s store.Store, f store.EventFilter) []string {
	t.Helper()
	page, err := s.Events(ctx, f)
	if err != nil {
		t.Fatalf("%+v: %v", f, err)
	}
	out := []string{}
	for _, r := range page.Items {
		var e contract.Event
		if err := json.Unmarshal(r.Event, &e); err != nil {
			t.Fatal(err)
		}
		out = append(out, e.Cameo.Code)
	}
	return out
}

func testEvents(t *testing.T, s store.Store) {
	call := store.DocKey(Corpus()[0])
	tests := []struct {
		name string
		f    store.EventFilter
		want []string
	}{
		{"all, newest first", store.EventFilter{}, []string{"051", "040", "190", "112", "036", "111"}},
		{"source prefix", store.EventFilter{Source: "RUS"}, []string{"190", "111"}},
		{"lower case code", store.EventFilter{Source: "rusmil"}, []string{"190"}},
		{"dyad", store.EventFilter{Source: "RUS", Target: "USA"}, []string{"111"}},
		{"dyad both ways", store.EventFilter{Source: "RUS", Target: "USA", Symmetric: true}, []string{"051", "036", "111"}},
		{"either side", store.EventFilter{Actor: "UKR"}, []string{"190", "112"}},
		{"cameo prefix", store.EventFilter{Code: "11"}, []string{"112", "111"}},
		{"cameo root", store.EventFilter{Root: "04"}, []string{"040"}},
		{"plover", store.EventFilter{Plover: "consult"}, []string{"040", "036"}},
		{"quad class", store.EventFilter{Quad: 1}, []string{"051", "040", "036"}},
		{"from", store.EventFilter{Range: store.Range{From: "2017-02-01"}}, []string{"051", "040", "190", "112"}},
		{"to", store.EventFilter{Range: store.Range{To: "2017-01-27"}}, []string{"111"}},
		{"full text, stemmed", store.EventFilter{Q: "Sanction"}, []string{"040", "111"}},
		{"full text, all words", store.EventFilter{Q: "attacked town"}, []string{"190"}},
		{"full text, no event sentence", store.EventFilter{Q: "hopes"}, []string{}},
		{"full text, punctuation only", store.EventFilter{Q: `"*(`}, []string{}},
		{"full text, query syntax is text", store.EventFilter{Q: `sanctions OR NEAR(x) "`}, []string{}},
		{"document", store.EventFilter{Doc: call}, []string{"036", "111"}},
		{"combined", store.EventFilter{Actor: "RUS", Quad: 3, Range: store.Range{From: "2017-01-01", To: "2017-12-31"}}, []string{"112", "111"}},
	}
	for _, tt := range tests {
		if got := codes(t, s, tt.f); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: got %v, want %v", tt.name, got, tt.want)
		}
	}
	// What a row carries besides the event.
	page, err := s.Events(ctx, store.EventFilter{Source: "RUS", Target: "USA"})
	if err != nil || len(page.Items) != 1 {
		t.Fatalf("%v %v", page, err)
	}
	r := page.Items[0]
	if r.Doc != call || r.Title != "Moscow and Washington trade words" || r.Date != "2017-01-27" || r.Published != "2017-01-28" ||
		r.SourceCountry != "RUS" || r.TargetCountry != "USA" ||
		r.SentenceText != "Russia criticized the United States over sanctions on Friday." {
		t.Errorf("row: %+v", r)
	}
}

func testPaging(t *testing.T, s store.Store) {
	all := codes(t, s, store.EventFilter{})
	var got []string
	f := store.EventFilter{Limit: 4}
	for pages := 0; ; pages++ {
		if pages > 10 {
			t.Fatal("paging does not end")
		}
		page, err := s.Events(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range page.Items {
			var e contract.Event
			_ = json.Unmarshal(r.Event, &e)
			got = append(got, e.Cameo.Code)
		}
		if page.Next == "" {
			break
		}
		f.Limit = 2 // page sizes may change between pages
		f.Cursor = page.Next
	}
	if !reflect.DeepEqual(got, all) {
		t.Errorf("paged %v, want %v", got, all)
	}
	// Paging with a filter.
	f = store.EventFilter{Actor: "RUS", Limit: 1}
	n := 0
	for {
		page, err := s.Events(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		n += len(page.Items)
		if page.Next == "" {
			break
		}
		f.Cursor = page.Next
	}
	if n != 5 {
		t.Errorf("paged %d events of RUS, want 5", n)
	}
}

func testQuotes(t *testing.T, s store.Store) {
	tests := []struct {
		name string
		f    store.QuoteFilter
		want []string
	}{
		{"all", store.QuoteFilter{}, []string{"Hale", "Orlov"}},
		{"speaker name, any case", store.QuoteFilter{Speaker: "orLOV"}, []string{"Orlov"}},
		{"speaker name part", store.QuoteFilter{Speaker: "ale"}, []string{"Hale"}},
		{"speaker code", store.QuoteFilter{Speaker: "RUSGOV"}, []string{"Orlov"}},
		{"speaker code prefix", store.QuoteFilter{Speaker: "USA"}, []string{"Hale"}},
		{"LIKE wildcards are text", store.QuoteFilter{Speaker: "%"}, []string{}},
		{"full text", store.QuoteFilter{Q: "hope"}, []string{"Orlov"}},
		{"full text and speaker", store.QuoteFilter{Q: "Russia", Speaker: "Orlov"}, []string{}},
		{"from", store.QuoteFilter{Range: store.Range{From: "2017-02-01"}}, []string{"Hale"}},
	}
	for _, tt := range tests {
		page, err := s.Quotes(ctx, tt.f)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		got := []string{}
		for _, r := range page.Items {
			var q contract.Quote
			if err := json.Unmarshal(r.Quote, &q); err != nil {
				t.Fatal(err)
			}
			got = append(got, q.Speaker.Name)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: got %v, want %v", tt.name, got, tt.want)
		}
	}
}

func testDocuments(t *testing.T, s store.Store) {
	tests := []struct {
		name string
		f    store.DocFilter
		want []string
	}{
		{"all, newest first, undated last", store.DocFilter{}, []string{"hostile", "shelling", "call", "consult"}},
		{"full text", store.DocFilter{Q: "sanctions"}, []string{"call", "consult"}},
		{"title words", store.DocFilter{Q: "weighs"}, []string{"consult"}},
		{"dates", store.DocFilter{Range: store.Range{From: "2017-02-01"}}, []string{"hostile", "shelling"}},
		{"actor", store.DocFilter{Actor: "UKR"}, []string{"shelling"}},
		{"paged", store.DocFilter{Limit: 3}, []string{"hostile", "shelling", "call"}},
	}
	for _, tt := range tests {
		page, err := s.Documents(ctx, tt.f)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		got := []string{}
		for _, d := range page.Items {
			got = append(got, d.ContractID)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: got %v, want %v", tt.name, got, tt.want)
		}
	}
	page, err := s.Documents(ctx, store.DocFilter{Limit: 3})
	if err != nil || page.Next == "" {
		t.Fatalf("no next page: %v", err)
	}
	page, err = s.Documents(ctx, store.DocFilter{Limit: 3, Cursor: page.Next})
	if err != nil || len(page.Items) != 1 || page.Items[0].ContractID != "consult" || page.Next != "" {
		t.Errorf("second page: %+v %v", page, err)
	}
	d := page.Items[0]
	if d.ID != store.DocKey(Corpus()[2]) || d.Events != 2 || d.Sentences != 2 || d.Times != 1 || d.Entities != 4 || d.Ingested == "" {
		t.Errorf("summary: %+v", d)
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func testAggregates(t *testing.T, s store.Store) {
	dy, err := s.Dyads(ctx, store.DyadFilter{Actor: "RUS", By: "country"})
	if err != nil {
		t.Fatal(err)
	}
	type dk struct{ dir, other string }
	got := map[dk]store.Dyad{}
	for _, d := range dy {
		got[dk{d.Direction, d.Counterpart}] = d
	}
	want := map[dk]struct {
		n int
		g float64
	}{
		{"out", "USA"}: {1, -2}, {"out", "UKR"}: {1, -10},
		{"in", "USA"}: {2, 3.7}, {"in", "UKR"}: {1, -2},
	}
	if len(got) != len(want) {
		t.Errorf("dyads of RUS by country: %+v", dy)
	}
	for k, w := range want {
		if g := got[k]; g.Events != w.n || !near(g.MeanGoldstein, w.g) {
			t.Errorf("dyad %v: %+v, want %d events, mean %.2f", k, g, w.n, w.g)
		}
	}
	if len(dy) > 0 && (dy[0].Direction != "in" || dy[0].Counterpart != "USA") {
		t.Errorf("dyads not ordered by events: %+v", dy)
	}
	dy, err = s.Dyads(ctx, store.DyadFilter{Actor: "RUS"})
	if err != nil || len(dy) != 5 {
		t.Errorf("dyads of RUS by code: %+v %v, want 5", dy, err)
	}

	series := func(interval string) []store.Bucket {
		b, err := s.Series(ctx, store.SeriesFilter{Source: "RUS", Target: "USA", Symmetric: true, Interval: interval})
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	days := series("day")
	if len(days) != 3 || days[0].Start != "2017-01-27" || days[0].Events != 1 || days[0].Quad != [4]int{0, 0, 1, 0} ||
		days[2].Start != "2017-02-05" || !near(days[2].MeanGoldstein, 3.4) {
		t.Errorf("daily series: %+v", days)
	}
	weeks := series("week")
	if len(weeks) != 2 || weeks[0].Start != "2017-01-23" || weeks[0].Events != 2 || !near(weeks[0].MeanGoldstein, 1) ||
		weeks[1].Start != "2017-01-30" || weeks[1].Events != 1 {
		t.Errorf("weekly series: %+v", weeks)
	}
	months := series("month")
	if len(months) != 2 || months[0].Start != "2017-01-01" || months[0].Events != 2 || months[1].Start != "2017-02-01" {
		t.Errorf("monthly series: %+v", months)
	}

	edges, err := s.Network(ctx, store.NetworkFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(edges) != 5 || edges[0].Source != "USA" || edges[0].Target != "RUS" || edges[0].Events != 2 || !near(edges[0].MeanGoldstein, 3.7) {
		t.Errorf("network: %+v", edges)
	}
	edges, err = s.Network(ctx, store.NetworkFilter{By: "code", MinEvents: 2})
	if err != nil || len(edges) != 0 {
		t.Errorf("network by code with 2+ events: %+v %v", edges, err)
	}

	actors, err := s.Actors(ctx, store.ActorFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(actors) != 7 || actors[0] != (store.ActorCount{Code: "RUS", Events: 3}) {
		t.Errorf("actors: %+v", actors)
	}
	actors, err = s.Actors(ctx, store.ActorFilter{Prefix: "RUS", By: "country"})
	if err != nil || len(actors) != 1 || actors[0] != (store.ActorCount{Code: "RUS", Events: 5}) {
		t.Errorf("actors RUS by country: %+v %v", actors, err)
	}
}

func testStats(t *testing.T, s store.Store) {
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int64{"documents": 4, "sentences": 10, "entities": 11, "events": 6, "quotes": 2, "times": 2}
	if !reflect.DeepEqual(st.Tables, want) {
		t.Errorf("tables %v, want %v", st.Tables, want)
	}
	if st.FirstDay != "2017-01-28" || st.LastDay != "2017-03-01" || st.Backend != s.Backend() {
		t.Errorf("stats: %+v", st)
	}
	// Every dyad by code has one event; ties are ordered by code.
	if len(st.TopDyads) != 6 || st.TopDyads[0].Source != "DEU" || st.TopDyads[0].Events != 1 {
		t.Errorf("top dyads: %+v", st.TopDyads)
	}
}

func testInvalid(t *testing.T, s store.Store) {
	bad := []store.EventFilter{
		{Source: "US A"}, {Source: "USA'; DROP TABLE events; --"}, {Code: "1a"}, {Code: "12345"},
		{Range: store.Range{From: "2017-13-01"}}, {Range: store.Range{From: "2017-02-01", To: "2017-01-01"}},
		{Limit: -1}, {Limit: store.MaxLimit + 1}, {Cursor: "!!"}, {Cursor: "MjAxNy0wMS0wMS8w"}, {Quad: 5},
		{Plover: "a-b"}, {Doc: "../etc/passwd"}, {Symmetric: true, Source: "RUS"},
	}
	for _, f := range bad {
		_, err := s.Events(ctx, f)
		var ie *store.InvalidError
		if !errors.As(err, &ie) {
			t.Errorf("%+v: err %v, want an InvalidError", f, err)
		}
	}
	if _, err := s.Document(ctx, "not-a-key"); err == nil || errors.Is(err, store.ErrNotFound) {
		t.Errorf("bad key: %v", err)
	}
	// The store is intact.
	if got := codes(t, s, store.EventFilter{}); len(got) != 6 {
		t.Errorf("after bad queries: %v", got)
	}
}
