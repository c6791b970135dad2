package reader

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dyadhq/dyad/pkg/doc"
)

// result is what reading one source gave.
type result struct {
	docs []*doc.Document
	bad  []*Error
	err  error
}

// readBytes reads data as the source name (its extension counts), through
// the same path as a file: gzip, sniffing, the format's reader. Bad input
// goes to r.bad and reading goes on.
func readBytes(name string, data []byte, opts Options) result {
	var r result
	opts.OnBad = func(e *Error) error { r.bad = append(r.bad, e); return nil }
	s := newSink(context.Background(), opts, func(d *doc.Document) error {
		r.docs = append(r.docs, d)
		return nil
	})
	r.err = (&walker{sink: s}).stream(name, name, bytes.NewReader(data), 0)
	return r
}

// records lists the Record of each bad input.
func (r result) records() []string {
	var out []string
	for _, e := range r.bad {
		out = append(out, e.Record)
	}
	return out
}

// checkInvariants is what every reader promises, checked by the tests and
// the fuzz targets: documents have valid, non-blank UTF-8 text within the
// limit; errors are *Error naming the file.
func checkInvariants(t *testing.T, name string, r result, maxBytes int) {
	t.Helper()
	if r.err != nil {
		t.Fatalf("reading with OnBad set returned %v", r.err)
	}
	for _, d := range r.docs {
		if !utf8.ValidString(d.Text) || !utf8.ValidString(d.Title) || strings.TrimSpace(d.Text) == "" {
			t.Fatalf("accepted a bad document: %q / %q", d.Title, d.Text)
		}
		if strings.IndexByte(d.Text, 0) >= 0 || len(d.Text) > maxBytes {
			t.Fatalf("accepted text with NUL or over the limit (%d bytes)", len(d.Text))
		}
		if d.Origin == "" || d.ID == "" || d.Language == "" {
			t.Fatalf("document without origin, ID or language: %+v", d)
		}
		for k, v := range d.Meta {
			if !utf8.ValidString(k) || !utf8.ValidString(v) {
				t.Fatalf("meta not UTF-8: %q=%q", k, v)
			}
		}
	}
	for _, e := range r.bad {
		if e.File != name || !strings.Contains(e.Error(), name) || e.Err == nil {
			t.Fatalf("error does not name the file %q: %v", name, e)
		}
		known := false
		for _, s := range []error{ErrEmpty, ErrBinary, ErrUTF8, ErrTooLarge, ErrMalformed} {
			known = known || errors.Is(e, s)
		}
		if !known {
			t.Fatalf("error is none of the reader's kinds: %v", e)
		}
	}
}

func gz(t testing.TB, data []byte) []byte {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	if _, err := zw.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
