//go:build quotelearn || polneardump

package quote_test

import (
	"testing"

	"github.com/dyadhq/dyad/internal/eval/polnear"
	"github.com/dyadhq/dyad/internal/pipeline"
	"github.com/dyadhq/dyad/pkg/doc"
)

// learnItem is one PolNeAR article run through the pipeline up to quotes.
type learnItem struct {
	st  *pipeline.State
	art polnear.Article
}

// loadSplit reads a PolNeAR-format split folder and runs every article
// through the pipeline up to the quotes stage, for the tag-gated tools that
// learn from it or dump its errors.
func loadSplit(t *testing.T, dir string) []learnItem {
	arts, err := polnear.Load(dir, 0)
	if err != nil {
		t.Fatal(err)
	}
	p, err := pipeline.New(pipeline.Options{Until: "quotes"})
	if err != nil {
		t.Fatal(err)
	}
	var out []learnItem
	for _, a := range arts {
		d := &doc.Document{ID: a.Name, Text: a.Text, Origin: a.Name}
		st, err := p.Process(d)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, learnItem{st, a})
	}
	return out
}
