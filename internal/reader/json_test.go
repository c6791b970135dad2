package reader

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestJSONRecord(t *testing.T) {
	in := `{"id": "a1", "title": "Talks resume", "text": "Negotiators met on Monday.", "published": "2017-01-28T15:04:05+01:00",
	  "url": "https://example.org/a1", "source": "Example News", "language": "en-GB",
	  "meta": {"section": "world", "rank": 3, "tags": ["x"]}, "unknown": {"ignored": true}}`
	r := readBytes("story.json", []byte(in), Options{Published: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)})
	checkInvariants(t, "story.json", r, DefaultMaxBytes)
	if len(r.docs) != 1 || len(r.bad) != 0 {
		t.Fatalf("got %d documents, bad %v", len(r.docs), r.bad)
	}
	d := r.docs[0]
	if d.ID != "a1" || d.Title != "Talks resume" || d.Text != "Negotiators met on Monday." || d.URL != "https://example.org/a1" ||
		d.Source != "Example News" || d.Language != "en-GB" || d.Origin != "story.json" {
		t.Errorf("got %+v", d)
	}
	// The document's own date wins over Options.Published.
	if want := time.Date(2017, 1, 28, 14, 4, 5, 0, time.UTC); !d.Published.Equal(want) || !d.PublishedHasClock {
		t.Errorf("published %v", d.Published)
	}
	if d.Meta["section"] != "world" || d.Meta["rank"] != "3" || d.Meta["tags"] != `["x"]` || len(d.Meta) != 3 {
		t.Errorf("meta %v", d.Meta)
	}
}

func TestJSONPublished(t *testing.T) {
	fallback := time.Date(2000, 1, 2, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		in    string
		want  time.Time
		clock bool
		bad   bool
	}{
		{`"2017-01-28"`, time.Date(2017, 1, 28, 0, 0, 0, 0, time.UTC), false, false},
		{`"2017-01-28T15:04:05Z"`, time.Date(2017, 1, 28, 15, 4, 5, 0, time.UTC), true, false},
		{`"2017-01-28T15:04:05.123-0500"`, time.Date(2017, 1, 28, 20, 4, 5, 123e6, time.UTC), true, false},
		{`"2017-01-28 15:04:05"`, time.Date(2017, 1, 28, 15, 4, 5, 0, time.UTC), true, false},
		{`"Sat, 28 Jan 2017 15:04:05 GMT"`, time.Date(2017, 1, 28, 15, 4, 5, 0, time.UTC), true, false},
		{`"Sat, 28 Jan 2017 10:04:05 EST"`, time.Date(2017, 1, 28, 15, 4, 5, 0, time.UTC), true, false},
		{`1485615845`, time.Date(2017, 1, 28, 15, 4, 5, 0, time.UTC), true, false},
		{`1485615845000`, time.Date(2017, 1, 28, 15, 4, 5, 0, time.UTC), true, false},
		{`null`, fallback, false, false},
		{`""`, fallback, false, false},
		{`"last Tuesday"`, time.Time{}, false, true},
		{`true`, time.Time{}, false, true},
		{`1e300`, time.Time{}, false, true},
	} {
		r := readBytes("p.json", []byte(`{"text": "Body.", "published": `+tc.in+`}`), Options{Published: fallback})
		switch {
		case tc.bad:
			if len(r.bad) != 1 || !errors.Is(r.bad[0], ErrMalformed) {
				t.Errorf("%s: want a malformed-date error, got %v", tc.in, r.bad)
			}
		case len(r.docs) != 1:
			t.Errorf("%s: bad %v", tc.in, r.bad)
		case !r.docs[0].Published.Equal(tc.want) || r.docs[0].PublishedHasClock != tc.clock:
			t.Errorf("%s: published %v clock %v, want %v %v", tc.in, r.docs[0].Published, r.docs[0].PublishedHasClock, tc.want, tc.clock)
		}
	}
}

func TestJSONShapes(t *testing.T) {
	for _, tc := range []struct {
		name, file, in string
		ids            []string
		origins        []string
		records        []string
		errs           []error
	}{
		{"array", "a.json", `[{"text":"one"}, {"id": 7, "text":"two"}, {"title":"no text"}, 5, {"text":"four"}]`,
			[]string{"a-0", "7", "a-4"}, []string{"a.json[0]", "a.json[1]", "a.json[4]"},
			[]string{"index 2", "index 3"}, []error{ErrEmpty, ErrMalformed}},
		{"empty array", "e.json", ` [ ] `, nil, nil, []string{""}, []error{ErrEmpty}},
		{"array with a syntax error stops", "s.json", `[{"text":"one"}, {"text": oops}, {"text":"three"}]`,
			[]string{"s-0"}, []string{"s.json[0]"}, []string{"index 1"}, []error{ErrMalformed}},
		{"data after the array", "t.json", `[{"text":"one"}] {`, []string{"t-0"}, []string{"t.json[0]"}, []string{""}, []error{ErrMalformed}},
		{"pretty objects one after another", "p.json", "{\n \"text\": \"one\"\n}\n{\n \"text\": \"two\"\n}\n",
			[]string{"p-1", "p-2"}, []string{"p.json#1", "p.json#2"}, nil, nil},
		{"jsonl", "l.jsonl", "{\"text\":\"one\"}\n\n{\"text\": broken}\n{\"id\":\"x\",\"text\":\"three\"}\n[1]\n{\"text\":\"\"}\n{\"text\":\"six\"}",
			[]string{"l-1", "x", "l-7"}, []string{"l.jsonl:1", "l.jsonl:4", "l.jsonl:7"},
			[]string{"line 3", "line 5", "line 6"}, []error{ErrMalformed, ErrMalformed, ErrEmpty}},
		{"jsonl after blank lines", "b.jsonl", "\n \n{\"text\":\"one\"}\n{oops}", []string{"b-3"}, []string{"b.jsonl:3"}, []string{"line 4"}, []error{ErrMalformed}},
		{"jsonl named .json", "n.json", "{\"text\":\"one\"}\n{\"text\":\"two\"}\n", []string{"n-1", "n-2"}, []string{"n.json:1", "n.json:2"}, nil, nil},
		{"jsonl sniffed on stdin", "stdin", "\ufeff{\"text\":\"one\"}\r\n{\"text\":\"two\"}", []string{"stdin-1", "stdin-2"}, []string{"stdin:1", "stdin:2"}, nil, nil},
		{"invalid UTF-8 line", "u.jsonl", "{\"text\":\"caf\xe9\"}\n{\"text\":\"ok\"}", []string{"u-2"}, []string{"u.jsonl:2"}, []string{"line 1"}, []error{ErrUTF8}},
		{"NUL in text", "z.json", `{"text":"a\u0000b"}`, nil, nil, []string{""}, []error{ErrBinary}},
		{"wrong type", "w.json", `{"text":"a", "title": 5}`, nil, nil, []string{""}, []error{ErrMalformed}},
		{"id object", "i.json", `{"text":"a", "id": {}}`, nil, nil, []string{""}, []error{ErrMalformed}},
		{"not JSON", "x.json", `hello`, nil, nil, []string{""}, []error{ErrMalformed}},
		{"cut short", "c.json", `{"text": "a`, nil, nil, []string{"object 1"}, []error{ErrMalformed}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := readBytes(tc.file, []byte(tc.in), Options{})
			checkInvariants(t, tc.file, r, DefaultMaxBytes)
			var ids, origins []string
			for _, d := range r.docs {
				ids, origins = append(ids, d.ID), append(origins, d.Origin)
			}
			if !slices.Equal(ids, tc.ids) || !slices.Equal(origins, tc.origins) || !slices.Equal(r.records(), tc.records) {
				t.Fatalf("ids %q origins %q bad %v; want %q %q %q", ids, origins, r.bad, tc.ids, tc.origins, tc.records)
			}
			for i, e := range r.bad {
				if !errors.Is(e, tc.errs[i]) {
					t.Errorf("%v is not %v", e, tc.errs[i])
				}
			}
		})
	}
}

func TestJSONLimits(t *testing.T) {
	big := strings.Repeat("word ", 100)
	// JSON Lines: an oversize line is reported and the next line read.
	in := `{"text":"` + big + "\"}\n" + `{"text":"short"}` + "\n" + `{"text":"` + strings.Repeat("x", 2000) + "\"}\n" + `{"text":"end"}`
	r := readBytes("big.jsonl", []byte(in), Options{MaxBytes: 100})
	checkInvariants(t, "big.jsonl", r, 100)
	if len(r.docs) != 2 || !slices.Equal(r.records(), []string{"line 1", "line 3"}) {
		t.Fatalf("documents %d bad %v", len(r.docs), r.bad)
	}
	for _, e := range r.bad {
		if !errors.Is(e, ErrTooLarge) {
			t.Errorf("%v is not ErrTooLarge", e)
		}
	}
	// An array element over the text limit is reported and reading goes on;
	// one far over the raw limit stops the file without buffering it whole.
	in = `[{"text":"short"}, {"text":"` + strings.Repeat("y", 200) + `"}, {"text":"after"}]`
	r = readBytes("big.json", []byte(in), Options{MaxBytes: 100})
	if len(r.docs) != 2 || !slices.Equal(r.records(), []string{"index 1"}) || !errors.Is(r.bad[0], ErrTooLarge) {
		t.Fatalf("documents %d bad %v", len(r.docs), r.bad)
	}
	in = `[{"text":"short"}, {"text":"` + strings.Repeat("y", 3*(4*100+rawSlack)) + `"}, {"text":"after"}]`
	r = readBytes("big.json", []byte(in), Options{MaxBytes: 100})
	if len(r.docs) != 1 || !slices.Equal(r.records(), []string{"index 1"}) || !errors.Is(r.bad[0], ErrTooLarge) {
		t.Fatalf("documents %d bad %v", len(r.docs), r.bad)
	}
}
