// Package suites links every evaluation suite into the binary; importing it
// registers them with package eval.
package suites

import (
	_ "github.com/dyadhq/dyad/internal/eval/actoreval"    // actor coding (PETRARCH records, Reuters gold)
	_ "github.com/dyadhq/dyad/internal/eval/goldenrules"  // sentence segmentation (Golden Rules)
	_ "github.com/dyadhq/dyad/internal/eval/petrarcheval" // event coding (PETRARCH records)
	_ "github.com/dyadhq/dyad/internal/eval/ploverreval"  // PLOVER event types and modes
	_ "github.com/dyadhq/dyad/internal/eval/polnear"      // quote attribution (PolNeAR)
	_ "github.com/dyadhq/dyad/internal/eval/timeml"       // time expressions (TempEval-3)
	_ "github.com/dyadhq/dyad/internal/eval/ud"           // UD EWT tokens, sentences, tags, lemmas, trees
	_ "github.com/dyadhq/dyad/internal/eval/uner"         // named entities (UNER EWT)
	_ "github.com/dyadhq/dyad/internal/parse/parseeval"   // dependency parser on gold tokens
)
