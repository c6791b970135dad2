package reader

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

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

func TestMissingSource(t *testing.T) {
	err := Walk(context.Background(), []string{"no/such/file.txt"}, Options{}, func(*doc.Document) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "no/such/file.txt") {
		t.Errorf("got %v", err)
	}
}
