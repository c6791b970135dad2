package entity

import (
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/dyadhq/dyad/internal/actor"
	"github.com/dyadhq/dyad/internal/lemma"
	"github.com/dyadhq/dyad/internal/ner"
	"github.com/dyadhq/dyad/internal/parse"
	"github.com/dyadhq/dyad/internal/segment"
	"github.com/dyadhq/dyad/internal/tag"
	"github.com/dyadhq/dyad/internal/tokenize"
	"github.com/dyadhq/dyad/pkg/doc"
)

var testResolver = sync.OnceValues(func() (*Resolver, error) {
	dict, err := actor.Load()
	if err != nil {
		return nil, err
	}
	m, err := ner.Load()
	if err != nil {
		return nil, err
	}
	return New(dict, m), nil
})

// process runs the stages before this one on text (as the pipeline does:
// tokenize, segment, tag, lemma, parse).
func process(t testing.TB, text, date string) (*doc.Document, *Result) {
	t.Helper()
	return processTitled(t, "", text, date)
}

// processTitled is process with a headline.
func processTitled(t testing.TB, title, text, date string) (*doc.Document, *Result) {
	t.Helper()
	r, err := testResolver()
	if err != nil {
		t.Fatal(err)
	}
	tg, err := tag.Load()
	if err != nil {
		t.Skipf("tagger model not available: %v", err)
	}
	lm, err := lemma.Load()
	if err != nil {
		t.Skipf("lemmatizer model not available: %v", err)
	}
	d := &doc.Document{Title: title, Text: text}
	if date != "" {
		if d.Published, err = time.Parse(time.DateOnly, date); err != nil {
			t.Fatal(err)
		}
	}
	d.Tokens = tokenize.Tokenize(text)
	d.Sentences = segment.Segment(text, d.Tokens)
	tg.Tag(d)
	lm.Lemmatize(d)
	ps, err := parse.Load()
	if err != nil {
		t.Skipf("parser model not available: %v", err)
	}
	ps.Parse(d)
	return d, r.Resolve(d)
}

// exampleStory reads the worked example from the shared folder.
func exampleStory(t testing.TB) string {
	p := filepath.Join("..", "..", "..", "shared", "examples", "trump-putin-call.txt")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Skipf("example story not found: %v", err)
	}
	return string(b)
}

// codeCase is a text and a word in it with the actor code the word's
// entity must have ("" for none).
type codeCase struct{ text, word, code string }

// expectCodes checks every occurrence of each case's word.
func expectCodes(t *testing.T, date string, cases []codeCase) {
	t.Helper()
	for _, tc := range cases {
		d, res := process(t, tc.text, date)
		found := false
		for i := range d.Tokens {
			if d.TokenText(i) != tc.word {
				continue
			}
			found = true
			got := ""
			if e := res.ActorAt(i); e != nil {
				got = string(e.Code)
			}
			if got != tc.code {
				t.Errorf("%q: %s coded %q, want %q", tc.text, tc.word, got, tc.code)
			}
		}
		if !found {
			t.Fatalf("%q has no word %q", tc.text, tc.word)
		}
	}
}
