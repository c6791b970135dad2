package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyadhq/dyad/internal/datadir/datatest"
	"github.com/dyadhq/dyad/pkg/contract"
)

func run(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

// decodeAll reads a stream of JSON documents.
func decodeAll(t *testing.T, s string) []contract.Document {
	t.Helper()
	var docs []contract.Document
	dec := json.NewDecoder(strings.NewReader(s))
	for dec.More() {
		var d contract.Document
		if err := dec.Decode(&d); err != nil {
			t.Fatalf("output is not a JSON stream: %v", err)
		}
		docs = append(docs, d)
	}
	return docs
}

func checkOffsets(t *testing.T, d contract.Document) {
	t.Helper()
	for _, s := range d.Sentences {
		if d.Text[s.Start:s.End] != s.Text {
			t.Errorf("sentence %d: text[%d:%d] = %q, want %q", s.Index, s.Start, s.End, d.Text[s.Start:s.End], s.Text)
		}
	}
	for _, tk := range d.Tokens {
		if d.Text[tk.Start:tk.End] != tk.Text {
			t.Errorf("token %d: text[%d:%d] = %q, want %q", tk.Index, tk.Start, tk.End, d.Text[tk.Start:tk.End], tk.Text)
		}
	}
}

func TestExtractExample(t *testing.T) {
	path := filepath.Join(filepath.Dir(datatest.Require(t, "ud-ewt")), "..", "examples", "trump-putin-call.txt")
	code, out, errs := run(t, "", "extract", "--date", "2017-01-28", "--tokens", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	docs := decodeAll(t, out)
	if len(docs) != 1 {
		t.Fatalf("got %d documents", len(docs))
	}
	d := docs[0]
	if d.Contract != contract.Version || d.Published != "2017-01-28" || d.Title != "Trump, Putin hold first official telephone call" {
		t.Errorf("header: %q %q %q", d.Contract, d.Published, d.Title)
	}
	if len(d.Sentences) < 14 || len(d.Tokens) < 300 {
		t.Errorf("%d sentences, %d tokens", len(d.Sentences), len(d.Tokens))
	}
	checkOffsets(t, d)
	if d.Entities == nil || d.Events == nil || d.Quotes == nil || d.Times == nil {
		t.Error("contract arrays must be [] not null")
	}
}

func TestExtractStdinJSONL(t *testing.T) {
	code, out, errs := run(t, "Russia condemned the attack. Ukraine agreed.", "extract", "--format", "jsonl", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if lines := strings.Split(strings.TrimSpace(out), "\n"); len(lines) != 1 {
		t.Fatalf("jsonl gave %d lines", len(lines))
	}
	d := decodeAll(t, out)[0]
	checkOffsets(t, d)
	if len(d.Sentences) != 2 {
		t.Errorf("got %d sentences", len(d.Sentences))
	}
}

func TestExtractBadInput(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "a.txt")
	bad := filepath.Join(dir, "b.txt")
	os.WriteFile(good, []byte("Good text here."), 0o644)
	os.WriteFile(bad, []byte("bad \xff byte"), 0o644)
	code, _, errs := run(t, "", "extract", dir)
	if code == 0 || !strings.Contains(errs, "b.txt") || !strings.Contains(errs, "UTF-8") {
		t.Errorf("bad file: exit %d, stderr %q", code, errs)
	}
	code, out, errs := run(t, "", "extract", "--skip-bad", "--format", "jsonl", dir)
	if code != 0 || len(decodeAll(t, out)) != 1 || !strings.Contains(errs, "b.txt") {
		t.Errorf("--skip-bad: exit %d, stderr %q", code, errs)
	}
	for _, args := range [][]string{{"extract", "--date", "28/01/2017", good}, {"extract", "--format", "xml", good}} {
		if code, _, _ := run(t, "", args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}

func TestEvalAndVersion(t *testing.T) {
	if code, out, _ := run(t, "", "version"); code != 0 || !strings.HasPrefix(out, "dyad ") {
		t.Errorf("version: %d %q", code, out)
	}
	if code, out, _ := run(t, "", "eval"); code != 0 || !strings.Contains(out, "Suites:") {
		t.Errorf("eval: %d %q", code, out)
	}
	if code, _, errs := run(t, "", "eval", "no-such-suite"); code != 2 || !strings.Contains(errs, "no-such-suite") {
		t.Errorf("unknown suite: %d %q", code, errs)
	}
}
