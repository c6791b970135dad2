package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go"

	"github.com/dyadhq/dyad/internal/store/storetest"
	"github.com/dyadhq/dyad/pkg/contract"
)

// corpus is the shared synthetic corpus plus a story whose fields hold
// tabs, newlines and a would-be spreadsheet formula.
func corpus() []*contract.Document {
	docs := storetest.Corpus()
	b := storetest.NewDoc("odd", "=HYPERLINK(\"http://x\")", "2017-05-01")
	s := b.Sentence("Iran\tthreatened Israel.")
	b.Sentence("Second paragraph.")
	b.Entity("e1", "GPE", "Iran\tthreatened", s, "IRNGOVMIL", "IRN", "GOV").Entity("e2", "GPE", "Israel", s, "ISR", "ISR", "").
		Event(storetest.Ev{Sentence: s, Source: "e1", Target: "e2", Trigger: "threatened", Code: "1382", Quad: 4, Goldstein: -7, Plover: "THREATEN"})
	d := b.Doc()
	d.URL = "https://example.org/odd"
	d.Source = "Wire"
	d.Sentences[1].Paragraph = 1
	d.Events[0].Issues = []string{"NUCLEAR", "SANCTIONS"}
	return append(docs, d)
}

func write(t *testing.T, format, table string, docs []*contract.Document) []byte {
	t.Helper()
	var buf bytes.Buffer
	w, err := New(format, &buf, Options{Table: table})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		if err := w.Write(d); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func allEvents(docs []*contract.Document) []Event {
	var out []Event
	for _, d := range docs {
		out = append(out, Events(d)...)
	}
	return out
}

func TestJSONL(t *testing.T) {
	docs := corpus()
	out := write(t, "jsonl", "", docs)
	if n := bytes.Count(out, []byte("\n")); n != len(docs) {
		t.Fatalf("%d lines for %d documents", n, len(docs))
	}
	var got []*contract.Document
	if err := ReadJSON(bytes.NewReader(out), "out.jsonl", func(d *contract.Document) error { got = append(got, d); return nil }); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, docs) {
		t.Error("documents do not round-trip through JSON Lines")
	}
}

func TestCSV(t *testing.T) {
	docs := corpus()
	recs, err := csv.NewReader(bytes.NewReader(write(t, "csv", "", docs))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := allEvents(docs)
	if len(recs) != len(want)+1 || recs[0][0] != "doc_key" || len(recs[0]) != reflect.TypeOf(Event{}).NumField() {
		t.Fatalf("%d rows, header %v", len(recs), recs[0])
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	first := recs[1]
	if first[col["doc_id"]] != "call" || first[col["date"]] != "2017-01-27" || first[col["source_code"]] != "RUS" ||
		first[col["target_country"]] != "USA" || first[col["goldstein"]] != "-2" || first[col["quad_class"]] != "3" ||
		first[col["sentence_text"]] != "Russia criticized the United States over sanctions on Friday." {
		t.Errorf("first row: %v", first)
	}
	last := recs[len(recs)-1]
	if last[col["title"]] != `'=HYPERLINK("http://x")` {
		t.Errorf("a formula-like title is not neutralized: %q", last[col["title"]])
	}
	if last[col["source_text"]] != "Iran\tthreatened" || last[col["issues"]] != "NUCLEAR;SANCTIONS" {
		t.Errorf("last row: %v", last)
	}

	recs, err = csv.NewReader(bytes.NewReader(write(t, "csv", "quotes", docs))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 3 || recs[1][5] != "Orlov" || recs[1][11] != "We have no hopes of relief from sanctions," {
		t.Errorf("quotes CSV: %v", recs)
	}
}

func TestGDELT(t *testing.T) {
	docs := corpus()
	lines := strings.Split(strings.TrimSuffix(string(write(t, "gdelt", "", docs)), "\n"), "\n")
	if len(lines) != 7 {
		t.Fatalf("%d lines, want 7 events", len(lines))
	}
	col := map[string]int{}
	for i, c := range GDELTColumns {
		col[c] = i
	}
	if len(GDELTColumns) != 61 {
		t.Fatalf("%d GDELT columns", len(GDELTColumns))
	}
	for i, l := range lines {
		f := strings.Split(l, "\t")
		if len(f) != 61 {
			t.Fatalf("line %d has %d fields", i, len(f))
		}
		if f[0] != string(rune('1'+i)) {
			t.Errorf("line %d: GlobalEventID %s", i, f[0])
		}
	}
	f := strings.Split(lines[0], "\t")
	want := map[string]string{
		"Day": "20170127", "MonthYear": "201701", "Year": "2017", "FractionDate": "2017.1562",
		"Actor1Code": "RUS", "Actor1Name": "RUSSIA", "Actor1CountryCode": "RUS", "Actor2Code": "USA",
		"IsRootEvent": "1", "EventCode": "111", "EventBaseCode": "111", "EventRootCode": "11", "QuadClass": "3",
		"GoldsteinScale": "-2", "NumMentions": "1", "NumSources": "1", "NumArticles": "1", "AvgTone": "",
		"DATEADDED": "20170128000000", "SOURCEURL": "call",
	}
	for c, v := range want {
		if f[col[c]] != v {
			t.Errorf("%s = %q, want %q", c, f[col[c]], v)
		}
	}
	f = strings.Split(lines[6], "\t")
	if f[col["EventCode"]] != "1382" || f[col["EventBaseCode"]] != "138" || f[col["Actor1Type1Code"]] != "GOV" ||
		f[col["Actor1Type2Code"]] != "MIL" || f[col["Actor1Name"]] != "IRAN THREATENED" || f[col["SOURCEURL"]] != "https://example.org/odd" {
		t.Errorf("odd line: %q", f)
	}
}

func TestPETRARCH(t *testing.T) {
	lines := strings.Split(strings.TrimSuffix(string(write(t, "petrarch", "", corpus())), "\n"), "\n")
	if len(lines) != 7 {
		t.Fatalf("%d lines", len(lines))
	}
	f := strings.Split(lines[0], "\t")
	if !reflect.DeepEqual(f, []string{"20170127", "RUS", "USA", "111", "", "call-1", "NULL"}) {
		t.Errorf("first line: %q", f)
	}
	f = strings.Split(lines[6], "\t")
	if !reflect.DeepEqual(f, []string{"20170501", "IRNGOVMIL", "ISR", "1382", "NUCLEAR,1;SANCTIONS,1", "odd-1", "https://example.org/odd", "Wire"}) {
		t.Errorf("last line: %q", f)
	}
}

func TestParquet(t *testing.T) {
	docs := corpus()
	out := write(t, "parquet", "", docs)
	got, err := parquet.Read[Event](bytes.NewReader(out), int64(len(out)))
	if err != nil {
		t.Fatal(err)
	}
	if want := allEvents(docs); !reflect.DeepEqual(got, want) {
		t.Errorf("events do not round-trip through Parquet:\n got %+v\nwant %+v", got[0], want[0])
	}
	out = write(t, "parquet", "quotes", docs)
	quotes, err := parquet.Read[Quote](bytes.NewReader(out), int64(len(out)))
	if err != nil {
		t.Fatal(err)
	}
	if len(quotes) != 2 || quotes[1].SpeakerName != "Hale" || quotes[1].SpeakerCode != "USAGOV" {
		t.Errorf("quotes: %+v", quotes)
	}
	// An export with no events is still a valid file.
	out = write(t, "parquet", "", nil)
	if got, err := parquet.Read[Event](bytes.NewReader(out), int64(len(out))); err != nil || len(got) != 0 {
		t.Errorf("empty parquet: %v %v", got, err)
	}
}

func TestBadOptions(t *testing.T) {
	for _, c := range []struct{ format, table string }{{"xml", ""}, {"gdelt", "quotes"}, {"csv", "actors"}} {
		if _, err := New(c.format, &bytes.Buffer{}, Options{Table: c.table}); err == nil {
			t.Errorf("New(%q, %q) succeeded", c.format, c.table)
		}
	}
}

func TestReadJSON(t *testing.T) {
	d, _ := json.Marshal(storetest.Corpus()[0])
	indented, _ := json.MarshalIndent(storetest.Corpus()[1], "", "  ")
	outside := storetest.Corpus()[0]
	outside.Sentences[0].End = 9999
	bad, _ := json.Marshal(outside)
	tests := []struct {
		in   string
		n    int
		fail bool
	}{
		{string(d) + "\n" + string(indented), 2, false},
		{"[" + string(d) + "," + string(indented) + "]", 2, false},
		{"", 0, false},
		{"42", 0, true},
		{`{"contract":"other/v9","text":"x"}`, 0, true},
		{string(d) + `{"contract":`, 1, true},
		{string(bad), 0, true},
	}
	for i, tt := range tests {
		n := 0
		err := ReadJSON(strings.NewReader(tt.in), "in.jsonl", func(*contract.Document) error { n++; return nil })
		if (err != nil) != tt.fail || n != tt.n {
			t.Errorf("case %d: %d documents, err %v", i, n, err)
		}
		if err != nil && !strings.Contains(err.Error(), "in.jsonl") {
			t.Errorf("case %d: error does not name the input: %v", i, err)
		}
	}
}

func FuzzReadJSON(f *testing.F) {
	d, _ := json.Marshal(storetest.Corpus()[1])
	f.Add(d)
	f.Add([]byte(`[{"contract":"dyad/v1","text":"a","sentences":[{"start":0,"end":1}]}]`))
	f.Add([]byte(`{"contract":"dyad/v1","text":"é","events":[{"sentence":5,"trigger":{"start":1,"end":2}}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		_ = ReadJSON(bytes.NewReader(b), "fuzz", func(d *contract.Document) error {
			// Whatever passed the check exports without panicking.
			for _, format := range Formats {
				w, err := New(format, &bytes.Buffer{}, Options{})
				if err != nil {
					t.Fatal(err)
				}
				if err := w.Write(d); err != nil {
					t.Fatal(err)
				}
				w.Close()
			}
			return nil
		})
	})
}
