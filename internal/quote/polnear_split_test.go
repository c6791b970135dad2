//go:build quotelearn || polneardump

package quote_test

import (
	"bufio"
	"encoding/gob"
	"os"
	"testing"

	"github.com/dyadhq/dyad/internal/actor"
	"github.com/dyadhq/dyad/internal/eval/polnear"
	"github.com/dyadhq/dyad/internal/pipeline"
	"github.com/dyadhq/dyad/internal/quote"
	"github.com/dyadhq/dyad/internal/timex"
	"github.com/dyadhq/dyad/pkg/doc"
)

// learnItem is one PolNeAR article run through the pipeline up to the
// time expressions, with its quotes.
type learnItem struct {
	st  *pipeline.State
	art polnear.Article
}

// loadSplit reads a PolNeAR-format split folder, runs every article
// through the pipeline up to the time expressions and extracts its quotes
// with the package's current rules and embedded models, for the tag-gated
// tools that learn from it or dump its errors. Speakers resolve through
// the actor dictionary, without the entity stage: the spans scored are
// the same. When DYAD_QUOTE_CACHE names a file, the parsed documents and
// their time expressions are kept there (written on the first run, read
// on later ones, for the same folder), so that a change to the rules is
// measured in seconds.
func loadSplit(t *testing.T, dir string) []learnItem {
	arts, err := polnear.Load(dir, 0)
	if err != nil {
		t.Fatal(err)
	}
	cache := os.Getenv("DYAD_QUOTE_CACHE")
	if cache != "" {
		if items, ok := readSplitCache(t, cache, dir, arts); ok {
			return items
		}
	}
	p, err := pipeline.New(pipeline.Options{Until: "timex"})
	if err != nil {
		t.Fatal(err)
	}
	c := splitCache{Dir: dir}
	for _, a := range arts {
		d := &doc.Document{ID: a.Name, Text: a.Text, Origin: a.Name}
		st, err := p.Process(d)
		if err != nil {
			t.Fatal(err)
		}
		c.Docs = append(c.Docs, st.Doc)
		c.Times = append(c.Times, st.Times)
	}
	if cache != "" {
		writeSplitCache(t, cache, &c)
	}
	return extractSplit(t, &c, arts)
}

// splitCache is the file DYAD_QUOTE_CACHE holds.
type splitCache struct {
	Dir   string
	Docs  []*doc.Document
	Times [][]timex.Timex
}

func readSplitCache(t *testing.T, path, dir string, arts []polnear.Article) ([]learnItem, bool) {
	f, err := os.Open(path)
	if err != nil {
		return nil, false
	}
	defer f.Close()
	var c splitCache
	if err := gob.NewDecoder(f).Decode(&c); err != nil || c.Dir != dir || len(c.Docs) != len(arts) {
		t.Logf("cache %s unusable; parsing again", path)
		return nil, false
	}
	return extractSplit(t, &c, arts), true
}

// extractSplit extracts the quotes of the parsed articles of c.
func extractSplit(t *testing.T, c *splitCache, arts []polnear.Article) []learnItem {
	dict, err := actor.Load()
	if err != nil {
		t.Fatal(err)
	}
	x := quote.New(dict)
	out := make([]learnItem, len(arts))
	for i, a := range arts {
		st := &pipeline.State{Doc: c.Docs[i], Times: c.Times[i]}
		st.Quotes = x.Extract(st.Doc, st.Times, nil)
		out[i] = learnItem{st, a}
	}
	return out
}

func writeSplitCache(t *testing.T, path string, c *splitCache) {
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := gob.NewEncoder(f).Encode(c); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// toolOutput opens the file that environment variable env names (default
// def) for a tag-gated tool's lines; it is flushed and closed when the
// test ends.
func toolOutput(t *testing.T, env, def string) *bufio.Writer {
	t.Helper()
	out := os.Getenv(env)
	if out == "" {
		out = def
	}
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	t.Cleanup(func() {
		if err := w.Flush(); err != nil {
			t.Error(err)
		}
		f.Close()
	})
	return w
}
