package reader

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dyadhq/dyad/pkg/doc"
)

// Fixtures in the archive's format, with stories made up for the tests.

const sgmlHeader = "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n<DATA>\n"

// story builds one <REUTERS> element around a TEXT element.
func story(newid int, date, text string) string {
	return fmt.Sprintf(`<REUTERS TOPICS="YES" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="%d" NEWID="%d">
<DATE>%s</DATE>
<TOPICS><D>grain</D><D>wheat</D></TOPICS>
<PLACES><D>usa</D></PLACES>
<PEOPLE></PEOPLE>
<ORGS></ORGS>
<EXCHANGES></EXCHANGES>
<COMPANIES></COMPANIES>
<UNKNOWN> 
&#5;&#5;&#5;G
&#22;&#22;&#1;f0001&#31;reute
r f BC-TEST-STORY   03-05 0040</UNKNOWN>
%s
</REUTERS>
`, newid+9000, newid, date, text)
}

const normText = `<TEXT>&#2;
<TITLE>FARM GROUP &lt;FGI> PLANS WHEAT SALE</TITLE>
<AUTHOR>    By A. Writer, Reuters</AUTHOR>
<DATELINE>    KANSAS CITY, March 5 - </DATELINE><BODY>A farm group said it would sell   
wheat to a foreign buyer, officials said.&#5;
    The sale, worth 5 &amp; 6 mln dlrs, is the first &lt;this> year.
    Prices < 100 dlrs were ruled out.
 Reuter
&#3;</BODY></TEXT>`

const briefText = `<TEXT TYPE="BRIEF">&#2;
******<TITLE>CITY COUNCIL APPROVES BUDGET
</TITLE>Blah blah blah.
&#3;

</TEXT>`

const unprocText = `<TEXT TYPE="UNPROC">&#2;
HARBOUR TRAFFIC REPORT - MARCH 5
    Ships in port......12 vs......9
    Ships waiting.......3 vs......4
 REUTER
&#3;

</TEXT>`

func TestSGMLStory(t *testing.T) {
	in := sgmlHeader + story(7, " 5-MAR-1987 09:30:00.12", normText) + "</DATA>"
	r := readBytes("reut2-test.sgm", []byte(in), Options{})
	checkInvariants(t, "reut2-test.sgm", r, DefaultMaxBytes)
	if len(r.docs) != 1 || len(r.bad) != 0 {
		t.Fatalf("got %d documents, bad %v", len(r.docs), r.bad)
	}
	d := r.docs[0]
	wantText := "A farm group said it would sell\nwheat to a foreign buyer, officials said.\n\n" +
		"    The sale, worth 5 & 6 mln dlrs, is the first <this> year.\n\n    Prices < 100 dlrs were ruled out."
	if d.Text != wantText {
		t.Errorf("text:\n%q\nwant\n%q", d.Text, wantText)
	}
	if d.ID != "reuters-21578-7" || d.Title != "FARM GROUP <FGI> PLANS WHEAT SALE" || d.Origin != "reut2-test.sgm: NEWID 7" {
		t.Errorf("ID %q title %q origin %q", d.ID, d.Title, d.Origin)
	}
	if want := time.Date(1987, 3, 5, 9, 30, 0, 0, time.UTC); !d.Published.Equal(want) || !d.PublishedHasClock {
		t.Errorf("published %v (clock %v)", d.Published, d.PublishedHasClock)
	}
	wantMeta := map[string]string{"topics": "grain,wheat", "places": "usa", "dateline": "KANSAS CITY, March 5",
		"author": "By A. Writer, Reuters", "lewissplit": "TRAIN", "cgisplit": "TRAINING-SET", "oldid": "9007", "topics_attr": "YES"}
	for k, v := range wantMeta {
		if d.Meta[k] != v {
			t.Errorf("meta %s = %q, want %q", k, d.Meta[k], v)
		}
	}
	if len(d.Meta) != len(wantMeta) || d.Source != "Reuters" || d.Language != "en" {
		t.Errorf("meta %v source %q language %q", d.Meta, d.Source, d.Language)
	}
}

func TestSGMLKinds(t *testing.T) {
	for _, tc := range []struct {
		name, text, title, body string
		meta                    map[string]string
	}{
		{"brief: the headline is the text", briefText, "CITY COUNCIL APPROVES BUDGET", "CITY COUNCIL APPROVES BUDGET",
			map[string]string{"type": "BRIEF", "text_from": "title"}},
		{"unproc: first line as title", unprocText, "HARBOUR TRAFFIC REPORT - MARCH 5",
			"    Ships in port......12 vs......9\n\n    Ships waiting.......3 vs......4", map[string]string{"type": "UNPROC"}},
		{"unproc: headline only", "<TEXT TYPE=\"UNPROC\">&#2;\nPORT CLOSED BY STRIKE\n\n&#3;\n</TEXT>", "", "PORT CLOSED BY STRIKE",
			map[string]string{"type": "UNPROC"}},
		{"brief signing off in its title", "<TEXT TYPE=\"BRIEF\">&#2;\n******<TITLE>MARKETS CLOSE -\nEARLY           \n Reuter\n</TITLE>&#3;\n</TEXT>",
			"MARKETS CLOSE - EARLY", "MARKETS CLOSE - EARLY", map[string]string{"type": "BRIEF"}},
		{"empty body: headline as text", "<TEXT>&#2;\n<TITLE>RATES UNCHANGED</TITLE><BODY> Reuter\n&#3;</BODY></TEXT>",
			"RATES UNCHANGED", "RATES UNCHANGED", map[string]string{"text_from": "title"}},
		{"sign-off kept inside a sentence", "<TEXT><TITLE>T</TITLE><BODY>The figures were given to Reuter\n</BODY></TEXT>",
			"T", "The figures were given to Reuter", nil},
		{"double sign-off", "<TEXT><TITLE>T</TITLE><BODY>Net profit rose.\nREUTER\n Reuter\n&#3;</BODY></TEXT>",
			"T", "Net profit rose.", nil},
		{"capital sign-off after a sentence", "<TEXT><TITLE>T</TITLE><BODY>He said, \"we will see.\" REUTER...\r\n&#3;</BODY></TEXT>",
			"T", "He said, \"we will see.\"", nil},
		{"references and controls", "<TEXT><TITLE>T</TITLE><BODY>a&#127;b&#x41;c&#9;d&#27;e &#2;&unknown; &#99999999;\x01f</BODY></TEXT>",
			"T", "abAc\tde &unknown; f", nil},
		{"blank lines collapse", "<TEXT><TITLE>T</TITLE><BODY>one\n\n\n   \n\ntwo\n    three</BODY></TEXT>",
			"T", "one\n\ntwo\n\n    three", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := readBytes("k.sgm", []byte(story(1, "26-FEB-1987 15:01:01.79", tc.text)), Options{})
			checkInvariants(t, "k.sgm", r, DefaultMaxBytes)
			if len(r.docs) != 1 {
				t.Fatalf("got %d documents, bad %v", len(r.docs), r.bad)
			}
			d := r.docs[0]
			if d.Title != tc.title || d.Text != tc.body {
				t.Errorf("title %q text %q, want %q / %q", d.Title, d.Text, tc.title, tc.body)
			}
			for k, v := range tc.meta {
				if d.Meta[k] != v {
					t.Errorf("meta %s = %q, want %q", k, d.Meta[k], v)
				}
			}
		})
	}
}

func TestSGMLDates(t *testing.T) {
	for _, tc := range []struct {
		raw   string
		want  time.Time
		clock bool
		meta  string
	}{
		{"26-FEB-1987 15:01:01.79", time.Date(1987, 2, 26, 15, 1, 1, 0, time.UTC), true, ""},
		{"  3-MAR-1987 09:18:21.26", time.Date(1987, 3, 3, 9, 18, 21, 0, time.UTC), true, ""},
		{"3-MAR-1987  10:16:24.19", time.Date(1987, 3, 3, 10, 16, 24, 0, time.UTC), true, ""},
		{"27-MAR-1987 00:02:59.13&#5;&#5;&#5;RM", time.Date(1987, 3, 27, 0, 2, 59, 0, time.UTC), true, ""},
		{"9-APR-1987 00:00:00.00    # a note ", time.Date(1987, 4, 9, 0, 0, 0, 0, time.UTC), true, ""},
		{"31-MAR-1987 605:12:19.12", time.Date(1987, 3, 31, 0, 0, 0, 0, time.UTC), false, "31-MAR-1987 605:12:19.12"},
		{"31-FEB-1987 10:00:00.00", time.Time{}, false, "31-FEB-1987 10:00:00.00"},
		{"yesterday", time.Time{}, false, "yesterday"},
	} {
		r := readBytes("d.sgm", []byte(story(1, tc.raw, normText)), Options{})
		if len(r.docs) != 1 {
			t.Fatalf("%q: got %d documents, bad %v", tc.raw, len(r.docs), r.bad)
		}
		d := r.docs[0]
		if !d.Published.Equal(tc.want) || d.PublishedHasClock != tc.clock || d.Meta["date"] != tc.meta {
			t.Errorf("%q: published %v clock %v meta %q; want %v %v %q", tc.raw, d.Published, d.PublishedHasClock,
				d.Meta["date"], tc.want, tc.clock, tc.meta)
		}
	}
}

func TestSGMLLatin1(t *testing.T) {
	text := "<TEXT><TITLE>GROWTH SEEN</TITLE><BODY>Herr M\xfcller said growth\xfc&#5;&#30;would slow.\n</BODY></TEXT>"
	r := readBytes("l.sgm", []byte(story(17001, "26-FEB-1987 15:01:01.79", text)+story(17002, "26-FEB-1987 15:01:01.79", normText)), Options{})
	checkInvariants(t, "l.sgm", r, DefaultMaxBytes)
	if len(r.docs) != 2 || len(r.bad) != 0 {
		t.Fatalf("got %d documents, bad %v", len(r.docs), r.bad)
	}
	if d := r.docs[0]; d.Text != "Herr Müller said growthüwould slow." || d.Meta["encoding"] != "windows-1252" {
		t.Errorf("text %q meta %v", d.Text, d.Meta)
	}
	if _, ok := r.docs[1].Meta["encoding"]; ok {
		t.Error("the next story is marked re-decoded too")
	}
}

func TestSGMLBad(t *testing.T) {
	good := story(1, "26-FEB-1987 15:01:01.79", normText)
	cut := strings.TrimSuffix(story(2, "26-FEB-1987 15:01:01.79", normText), "</REUTERS>\n")
	for _, tc := range []struct {
		name    string
		in      string
		docs    int
		records []string
		err     error
	}{
		{"no end tag, then a story", cut + good, 1, []string{"NEWID 2"}, ErrMalformed},
		{"file cut short", good + cut, 1, []string{"NEWID 2"}, ErrMalformed},
		{"file cut inside a tag name", good + "<REUTE", 1, nil, nil},
		{"end tag without a story", good + "</REUTERS>\n" + good, 2, []string{"record 2"}, ErrMalformed},
		{"body not closed", story(3, "26-FEB-1987 15:01:01.79", "<TEXT><TITLE>T</TITLE><BODY>words</TEXT>") + good, 1, []string{"NEWID 3"}, ErrMalformed},
		{"text not closed", story(3, "26-FEB-1987 15:01:01.79", "<TEXT><TITLE>T</TITLE>") + good, 1, []string{"NEWID 3"}, ErrMalformed},
		{"no TEXT", story(4, "26-FEB-1987 15:01:01.79", "") + good, 1, []string{"NEWID 4"}, ErrEmpty},
		{"empty unproc", story(5, "26-FEB-1987 15:01:01.79", "<TEXT TYPE=\"UNPROC\">&#2;\n&#3;\n\n</TEXT>") + good, 1, []string{"NEWID 5"}, ErrEmpty},
		{"no NEWID", strings.Replace(strings.Replace(good, `NEWID="1"`, "", 1), `<TEXT>`, `<TEXT><TEXT>`, 1) + good, 1, []string{"record 1"}, ErrMalformed},
		{"no stories", sgmlHeader + "</DATA>\n", 0, []string{""}, ErrEmpty},
		{"too large", good + story(6, "26-FEB-1987 15:01:01.79", "<TEXT><TITLE>T</TITLE><BODY>"+strings.Repeat("word ", 200000)+"</BODY></TEXT>") + good,
			2, []string{"NEWID 6"}, ErrTooLarge},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := readBytes("bad.sgm", []byte(tc.in), Options{MaxBytes: 200000})
			checkInvariants(t, "bad.sgm", r, 200000)
			if len(r.docs) != tc.docs || !slices.Equal(r.records(), tc.records) {
				t.Fatalf("documents %d, bad %v; want %d and records %q", len(r.docs), r.bad, tc.docs, tc.records)
			}
			for _, e := range r.bad {
				if !errors.Is(e, tc.err) {
					t.Errorf("%v is not %v", e, tc.err)
				}
			}
		})
	}
}

// TestSGMLStreaming reads an archive through a reader that returns a few
// bytes at a time, so tags are cut at every place.
func TestSGMLStreaming(t *testing.T) {
	in := sgmlHeader + story(1, "26-FEB-1987 15:01:01.79", normText) + story(2, "26-FEB-1987 15:01:01.79", briefText) +
		story(3, "26-FEB-1987 15:01:01.79", unprocText) + "</DATA> "
	want := readBytes("s.sgm", []byte(in), Options{})
	for _, step := range []int{1, 2, 3, 7, 10, 64} {
		s := newSink(t.Context(), Options{}, nil)
		var got []string
		s.fn = func(d *doc.Document) error { got = append(got, d.ID+"|"+d.Title+"|"+d.Text); return nil }
		if err := readSGML("s.sgm", &trickle{data: []byte(in), step: step}, s); err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want.docs) {
			t.Fatalf("step %d: %d documents, want %d", step, len(got), len(want.docs))
		}
		for i, d := range want.docs {
			if got[i] != d.ID+"|"+d.Title+"|"+d.Text {
				t.Errorf("step %d: document %d differs", step, i)
			}
		}
	}
}

// trickle returns at most step bytes a read.
type trickle struct {
	data []byte
	step int
}

func (t *trickle) Read(p []byte) (int, error) {
	if len(t.data) == 0 {
		return 0, io.EOF
	}
	n := copy(p[:min(len(p), t.step)], t.data)
	t.data = t.data[n:]
	return n, nil
}
