package reader

import (
	"strings"
	"testing"
	"unicode/utf8"
)

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
