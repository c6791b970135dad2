package lemma

import (
	"testing"

	"github.com/dyadhq/dyad/internal/conllu"
	"github.com/dyadhq/dyad/internal/datadir/datatest"
)

// readEWT reads a UD English EWT file, skipping the test when it is absent.
func readEWT(tb testing.TB, name string) []conllu.Sentence {
	tb.Helper()
	sents, err := conllu.ReadFile(datatest.Require(tb, "ud-ewt", name))
	if err != nil {
		tb.Fatal(err)
	}
	return sents
}
