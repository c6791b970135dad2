//go:build quotelearn

package quote

import (
	"github.com/dyadhq/dyad/internal/timex"
	"github.com/dyadhq/dyad/pkg/doc"
)

// ProbeCue reports, for token i of d, whether the cue model scores it, the
// frame child learned would take (-1 none), its score and the threshold
// it must reach.
func ProbeCue(x *Extractor, d *doc.Document, times []timex.Timex, i int) (cand bool, c int, score, th float32) {
	s := newState(x, d, times, nil)
	if !s.parsed || x.cues == nil || !s.cueCandidate(i) {
		return false, -1, 0, 0
	}
	c, _ = s.frameChild(i)
	th = x.cues.Fallback
	if !s.isVerb(i) {
		th += nounOffset
	}
	return true, c, s.cueScoreOf(i), th
}
