package reader

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dyadhq/dyad/pkg/doc"
)

// Every reader is fuzzed for the same promises (checkInvariants): no panic,
// errors are *Error naming the file, accepted documents have valid UTF-8,
// non-blank text within the limit.

const fuzzMax = 1 << 16

func FuzzReadText(f *testing.F) {
	for _, s := range []string{"Title\n\nBody.", "One line", "", "\xff", "a\x00b", "Head\nBody\r\nmore", "\ufeffT\n\nB"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := readText("fuzz.txt", data)
		if err != nil {
			if !strings.Contains((&Error{File: "fuzz.txt", Err: err}).Error(), "fuzz.txt") {
				t.Fatal("error does not name the file")
			}
			return
		}
		if !utf8.ValidString(d.Text) || strings.TrimSpace(d.Title+d.Text) == "" {
			t.Fatalf("accepted invalid document: %q / %q", d.Title, d.Text)
		}
		// Nothing is lost: title and body come from the input in order.
		if !strings.Contains(string(data), strings.TrimSpace(d.Text)) {
			t.Fatalf("body %q not in input", d.Text)
		}
	})
}

// fuzzFormat fuzzes the reader chosen by name's extension.
func fuzzFormat(f *testing.F, name string, seeds ...string) {
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkInvariants(t, name, readBytes(name, data, Options{MaxBytes: fuzzMax}), fuzzMax)
	})
}

func FuzzJSON(f *testing.F) {
	fuzzFormat(f, "fuzz.json",
		`{"id":"a","title":"T","text":"Body.","published":"2017-01-28","meta":{"k":"v","n":1}}`,
		`[{"text":"one"},{"text":"two","published":1485615845}]`,
		"{\n\"text\": \"a\"\n}\n{\"text\": \"b\"}", `[{"text": oops}]`, `{"text":"\u0000"}`, `[`, `{"text":"a"} x`)
}

func FuzzJSONL(f *testing.F) {
	fuzzFormat(f, "fuzz.jsonl",
		"{\"text\":\"one\"}\n{\"text\":\"two\",\"published\":\"Sat, 28 Jan 2017 15:04:05 GMT\"}\n",
		"{\"text\":\"a\"}\n\nnot json\n[1]\n{\"text\":\"\xff\"}", "\ufeff{\"text\":\"x\"}\r\n")
}

func FuzzHTML(f *testing.F) {
	fuzzFormat(f, "fuzz.html",
		page(`<meta property="article:published_time" content="2024-03-05">`, articleBody),
		`<p>Two ministers resigned.</p>`, `<html lang="fr"><body><pre>a  b
c</pre><br><table><tr><td>x</td><td>y</td></tr></table></body></html>`,
		`<meta charset="iso-8859-1"><p>caf`+"\xe9"+`</p>`, strings.Repeat("<div>", 520), `<script type="application/ld+json">[{"datePublished":"2024-01-01"}]</script><p>x</p>`)
}

func FuzzFeed(f *testing.F) {
	fuzzFormat(f, "fuzz.rss", rssFeed, atomFeed,
		`<rss version="2.0"><channel><item><title>x</title></item></channel></rss>`,
		`{"version":"https://jsonfeed.org/version/1.1","title":"J","items":[{"id":"1","content_text":"Hello."}]}`,
		`<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><item><description>caf`+"\xe9"+`</description></item></channel></rss>`)
}

func FuzzSGML(f *testing.F) {
	for _, s := range []string{
		sgmlHeader + story(1, "26-FEB-1987 15:01:01.79", normText) + story(2, "3-MAR-1987 09:00:00.00", briefText) + "</DATA>",
		story(3, "31-MAR-1987 605:12:19.12", unprocText),
		story(4, "26-FEB-1987 15:01:01.79", "<TEXT><TITLE>T</TITLE><BODY>M\xfcller &#3; Reuter\n</BODY></TEXT>"),
		"<REUTERS NEWID=\"5\"><TEXT><BODY>a</BODY></TEXT></REUTERS></REUTERS><REUTERS><REUTERS>",
		"<REUTERS><DATE>x</DATE><TEXT TYPE=UNPROC>&#x41;&#;&#99999999999;&lt</TEXT></REUTERS>",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		// Read whole and a few bytes at a time: the same stories must come out.
		whole := readSGMLFrom(bytes.NewReader(data))
		checkInvariants(t, "fuzz.sgm", whole, fuzzMax)
		pieces := readSGMLFrom(&trickle{data: data, step: 1 + len(data)%13})
		if len(pieces.docs) != len(whole.docs) || len(pieces.bad) != len(whole.bad) {
			t.Fatalf("read in pieces: %d documents, %d bad; whole: %d, %d", len(pieces.docs), len(pieces.bad), len(whole.docs), len(whole.bad))
		}
		for i, d := range whole.docs {
			if p := pieces.docs[i]; p.ID != d.ID || p.Text != d.Text || p.Title != d.Title {
				t.Fatalf("document %d differs when read in pieces", i)
			}
		}
	})
}

func readSGMLFrom(r io.Reader) result {
	var res result
	s := newSink(context.Background(), Options{MaxBytes: fuzzMax, OnBad: func(e *Error) error { res.bad = append(res.bad, e); return nil }},
		func(d *doc.Document) error { res.docs = append(res.docs, d); return nil })
	res.err = readSGML("fuzz.sgm", r, s)
	return res
}

// FuzzSniff feeds anything to standard input: gzip, binary formats and every
// text format go through content sniffing.
func FuzzSniff(f *testing.F) {
	for _, s := range []string{"Plain text.", `{"text":"x"}`, "<p>x</p>", rssFeed[:200], story(1, "26-FEB-1987 15:01:01.79", normText),
		"\x89PNG\r\n\x1a\n", "\x1f\x8b\x08\x00", string(gz(f, []byte("{\"text\":\"a\"}\n{\"text\":\"b\"}"))), string(gz(f, gz(f, []byte("Text."))))} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkInvariants(t, "stdin", readBytes("stdin", data, Options{MaxBytes: fuzzMax}), fuzzMax)
	})
}
