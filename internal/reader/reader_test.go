package reader

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dyadhq/dyad/pkg/doc"
)

func TestPlainTextTitle(t *testing.T) {
	for _, tc := range []struct {
		name, in, title, text string
	}{
		{"blank line after", "Markets fall.\n\nStocks fell on Monday.", "Markets fall.", "Stocks fell on Monday."},
		{"headline shape", "Trump, Putin hold call\nThe two presidents spoke.", "Trump, Putin hold call", "The two presidents spoke."},
		{"sentence first", "The two presidents spoke.\nThey agreed.", "", "The two presidents spoke.\nThey agreed."},
		{"one line", "Just one line", "", "Just one line"},
		{"bom", "\ufeffTitle here\n\nBody.", "Title here", "Body."},
		{"quote ending", "\"We will win,\" he said\nMore text.", "\"We will win,\" he said", "More text."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := readText("x.txt", []byte(tc.in))
			if err != nil {
				t.Fatal(err)
			}
			if d.Title != tc.title || d.Text != tc.text {
				t.Errorf("title %q text %q, want %q / %q", d.Title, d.Text, tc.title, tc.text)
			}
		})
	}
}

func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"empty.txt":  "  \n\n ",
		"binary.txt": "ab\x00cd",
		"latin.txt":  "caf\xe9 au lait",
		"big.txt":    strings.Repeat("word ", 100),
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want := map[string]error{"empty.txt": ErrEmpty, "binary.txt": ErrBinary, "latin.txt": ErrUTF8, "big.txt": ErrTooLarge}
	for name, wantErr := range want {
		err := Walk(context.Background(), []string{filepath.Join(dir, name)}, Options{MaxBytes: 100}, func(*doc.Document) error {
			t.Errorf("%s: bad document delivered", name)
			return nil
		})
		var re *Error
		if !errors.As(err, &re) || !errors.Is(err, wantErr) || !strings.Contains(err.Error(), name) {
			t.Errorf("%s: got %v, want %v naming the file", name, err, wantErr)
		}
	}
	// With OnBad returning nil, every bad file is reported and reading goes on.
	var bad []string
	good := 0
	os.WriteFile(filepath.Join(dir, "good.txt"), []byte("Fine text."), 0o644)
	err := Walk(context.Background(), []string{dir}, Options{MaxBytes: 100, OnBad: func(e *Error) error {
		bad = append(bad, filepath.Base(e.File))
		return nil
	}}, func(*doc.Document) error { good++; return nil })
	if err != nil || len(bad) != 4 || good != 1 {
		t.Errorf("skip-bad walk: err %v, bad %v, good %d", err, bad, good)
	}
}

// TestUTF8ErrorPosition checks that an invalid byte is reported with where
// it is, so that the user can find it.
func TestUTF8ErrorPosition(t *testing.T) {
	for _, tc := range []struct {
		name, file, in, want string
	}{
		{"text file", "latin.txt", "Title\n\nFirst line.\nA caf\xe9 here.", "latin.txt: invalid UTF-8: byte 0xe9 at line 4, column 6"},
		{"first byte", "x.txt", "\x93quoted\x94", "x.txt: invalid UTF-8: byte 0x93 at line 1, column 1"},
		{"JSON Lines record", "u.jsonl", "{\"text\":\"ok\"}\n{\"text\":\"caf\xe9\"}", "u.jsonl: line 2: invalid UTF-8: byte 0xe9 at offset 12 of the record"},
		{"truncated sequence", "t.txt", "ab\xe2\x82", "t.txt: invalid UTF-8: byte 0xe2 at line 1, column 3"},
	} {
		r := readBytes(tc.file, []byte(tc.in), Options{})
		if len(r.bad) != 1 || !errors.Is(r.bad[0], ErrUTF8) || r.bad[0].Error() != tc.want {
			t.Errorf("%s: got %v, want %q", tc.name, r.bad, tc.want)
		}
	}
	if err := utf8Error([]byte("valid"), ""); err != ErrUTF8 {
		t.Errorf("valid input: %v", err)
	}
}

func TestMissingSource(t *testing.T) {
	err := Walk(context.Background(), []string{"no/such/file.txt"}, Options{}, func(*doc.Document) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "no/such/file.txt") {
		t.Errorf("got %v", err)
	}
}

func TestPlainTextTitleRule(t *testing.T) {
	for _, tc := range []struct {
		name, in, title string
	}{
		{"wrapped sentence is no headline", "The two presidents spoke on the phone for fifty minutes and\nagreed to meet again soon.", ""},
		{"long lede before a blank line", "The two presidents spoke on the phone for fifty minutes on Saturday, the Kremlin said.\n\nMore.", ""},
		{"short stop before a blank line", "Markets fall.\n\nStocks fell.", "Markets fall."},
		{"question headline", "Is the euro safe?\n\nEconomists disagree.", "Is the euro safe?"},
		{"leading blank lines", "\n\n  Ferry strike ends\nWorkers returned on Monday.", "Ferry strike ends"},
		{"hyphen at the end", "A well-\nknown case.", ""},
		{"numbers only", "2024\n\nText.", ""},
	} {
		d, err := readText("x.txt", []byte(tc.in))
		if err != nil {
			t.Fatal(err)
		}
		if d.Title != tc.title {
			t.Errorf("%s: title %q, want %q", tc.name, d.Title, tc.title)
		}
		if tc.title == "" && d.Text != tc.in {
			t.Errorf("%s: text changed without a title: %q", tc.name, d.Text)
		}
	}
}

func TestSniff(t *testing.T) {
	for _, tc := range []struct {
		name, content string
		want          format
	}{
		{"a.txt", `{"text": "x"}`, fmtText}, // the extension decides
		{"a.JSON", `x`, fmtJSON},
		{"a.ndjson", `x`, fmtJSONL},
		{"a.htm", `x`, fmtHTML},
		{"a.atom", `x`, fmtFeed},
		{"a.sgml", `x`, fmtSGML},
		{"stdin", `  {"text": "x"}`, fmtJSON},
		{"stdin", `[ {"text": "x"} ]`, fmtJSON},
		{"stdin", `{"version": "https://jsonfeed.org/version/1.1", "items": []}`, fmtFeed},
		{"stdin", `[Reuters] Markets fell.`, fmtText},
		{"stdin", `{braces} in text`, fmtText},
		{"stdin", "<?xml version=\"1.0\"?>\n<!-- c -->\n<rss version=\"2.0\">", fmtFeed},
		{"a.xml", `<feed xmlns="http://www.w3.org/2005/Atom">`, fmtFeed},
		{"a.xml", `<rdf:RDF xmlns:rdf="x">`, fmtFeed},
		{"a.xml", `<?xml version="1.0"?><catalog/>`, fmtFeed},
		{"stdin", "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n<DATA>", fmtSGML},
		{"stdin", "<DATA>\n<REUTERS NEWID=\"1\">", fmtSGML},
		{"stdin", "<REUTERS NEWID=\"1\">", fmtSGML},
		{"stdin", "<!doctype html><html>", fmtHTML},
		{"stdin", "<p>A fragment</p>", fmtHTML},
		{"page", "\ufeff<HTML><BODY>x", fmtHTML},
		{"stdin", "Plain words.", fmtText},
	} {
		got, err := detect(tc.name, []byte(tc.content))
		if err != nil || got != tc.want {
			t.Errorf("%s %q: %v %v, want %v", tc.name, tc.content, got, err, tc.want)
		}
	}
}

func TestBinaryFormats(t *testing.T) {
	tar := make([]byte, 512)
	copy(tar[257:], "ustar")
	for _, tc := range []struct {
		name, content, says string
	}{
		{"x.png", "\x89PNG\r\n\x1a\n\x00\x00", "PNG image"},
		{"x.txt", "PK\x03\x04\x14\x00", "zip archive"},
		{"x.pdf", "%PDF-1.7\n", "PDF document"},
		{"x.jpg", "\xff\xd8\xff\xe0", "JPEG image"},
		{"x.tar", string(tar), "tar archive"},
		{"x.txt", "\xff\xfeh\x00i\x00", "UTF-16"},
		{"x.bin", "ab\x00cd", "binary data"},
	} {
		r := readBytes(tc.name, []byte(tc.content), Options{})
		checkInvariants(t, tc.name, r, DefaultMaxBytes)
		if len(r.bad) != 1 || !errors.Is(r.bad[0], ErrBinary) || !strings.Contains(r.bad[0].Error(), tc.says) {
			t.Errorf("%s: %v, want a binary error saying %q", tc.name, r.bad, tc.says)
		}
	}
}

func TestGzip(t *testing.T) {
	jsonl := []byte("{\"text\":\"one\"}\n{\"text\":\"two\"}\n")
	for _, tc := range []struct {
		name string
		data []byte
		docs int
		err  error
	}{
		{"news.jsonl.gz", gz(t, jsonl), 2, nil},
		{"news.gz", gz(t, jsonl), 2, nil}, // sniffed inside
		{"stdin", gz(t, gz(t, jsonl)), 2, nil},
		{"story.txt.gz", gz(t, []byte("Headline here\n\nThe text.")), 1, nil},
		{"reut.sgm.gz", gz(t, []byte(story(1, "26-FEB-1987 15:01:01.79", normText))), 1, nil},
		{"cut.jsonl.gz", gz(t, jsonl)[:30], 0, ErrMalformed},
		{"bad.gz", []byte("\x1f\x8b\x08\x00garbage-garbage"), 0, ErrMalformed},
		{"deep.gz", gz(t, gz(t, gz(t, gz(t, jsonl)))), 0, ErrMalformed},
		{"png.gz", gz(t, []byte("\x89PNG\r\n\x1a\n\x00")), 0, ErrBinary},
		{"empty.gz", gz(t, nil), 0, ErrEmpty},
	} {
		r := readBytes(tc.name, tc.data, Options{})
		checkInvariants(t, tc.name, r, DefaultMaxBytes)
		if len(r.docs) != tc.docs || (tc.err == nil) != (len(r.bad) == 0) || tc.err != nil && !errors.Is(r.bad[len(r.bad)-1], tc.err) {
			t.Errorf("%s: %d documents, bad %v; want %d, %v", tc.name, len(r.docs), r.bad, tc.docs, tc.err)
		}
	}
}

func TestWalkSources(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"b.txt":           "Second file\n\nText b.",
		"a.json":          `[{"text":"a0"},{"text":"a1"}]`,
		"sub/c.jsonl":     "{\"text\":\"c1\"}\n{\"text\":\"c2\"}",
		"sub/d.html":      "<html><body><p>Page d.</p></body></html>",
		".hidden.txt":     "never read",
		".git/config.txt": "never read",
	}
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	texts := func(sources []string, stdin string) []string {
		var got []string
		err := Walk(context.Background(), sources, Options{Stdin: strings.NewReader(stdin)}, func(d *doc.Document) error {
			got = append(got, d.Text)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	if got, want := texts([]string{dir}, ""), []string{"a0", "a1", "Text b.", "c1", "c2", "Page d."}; !slices.Equal(got, want) {
		t.Errorf("folder: %q, want %q", got, want)
	}
	if got, want := texts([]string{filepath.Join(dir, "*.t?t"), "-"}, "From stdin."), []string{"Text b.", "From stdin."}; !slices.Equal(got, want) {
		t.Errorf("glob and stdin: %q, want %q", got, want)
	}
	// fn's error stops the walk and comes back as it is.
	stop := errors.New("stop")
	n := 0
	err := Walk(context.Background(), []string{dir}, Options{}, func(*doc.Document) error { n++; return stop })
	if err != stop || n != 1 {
		t.Errorf("fn error: %v after %d documents", err, n)
	}
	// A cancelled context stops it too.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := Walk(ctx, []string{dir}, Options{}, func(*doc.Document) error { return nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
}

func TestPublishedDefault(t *testing.T) {
	date := time.Date(2017, 1, 28, 0, 0, 0, 0, time.UTC)
	r := readBytes("x.txt", []byte("Some text."), Options{Published: date})
	if len(r.docs) != 1 || !r.docs[0].Published.Equal(date) || r.docs[0].PublishedHasClock {
		t.Errorf("got %+v", r.docs)
	}
}
