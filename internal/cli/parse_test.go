package cli

import (
	"strings"
	"testing"
)

// TestParseCommand: every line of a plain text comes out as CoNLL-U,
// the headline the reader sets apart included.
func TestParseCommand(t *testing.T) {
	cases := []struct {
		name, stdin string
		texts       []string // the "# text" lines, in order
	}{
		{"headline and body", "Rebels seize town\n\nThe army withdrew. Talks resume today.\n",
			[]string{"Rebels seize town", "The army withdrew.", "Talks resume today."}},
		{"body only", "Russia condemned the attack.\n", []string{"Russia condemned the attack."}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, errs := run(t, c.stdin, "parse")
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errs)
			}
			var texts []string
			words := 0
			for _, line := range strings.Split(out, "\n") {
				switch {
				case strings.HasPrefix(line, "# text = "):
					texts = append(texts, strings.TrimPrefix(line, "# text = "))
				case line != "" && line[0] != '#':
					if f := strings.Split(line, "\t"); len(f) != 10 || f[6] == "_" || f[7] == "_" {
						t.Errorf("word line without a tree: %q", line)
					}
					words++
				}
			}
			if strings.Join(texts, "|") != strings.Join(c.texts, "|") {
				t.Errorf("sentences %q, want %q", texts, c.texts)
			}
			if words == 0 {
				t.Error("no words")
			}
		})
	}
}
