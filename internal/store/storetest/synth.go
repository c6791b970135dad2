package storetest

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/dyadhq/dyad/pkg/contract"
)

// synthActors are actor codes for synthetic events, most frequent first.
var synthActors = []string{
	"USA", "USAGOV", "RUS", "RUSGOV", "CHN", "CHNGOV", "GBR", "FRA", "DEU", "JPN", "IRN", "ISR", "UKR",
	"SAU", "IND", "BRA", "TUR", "EGY", "PAK", "KOR", "PRK", "SYR", "IRQ", "AFG", "MEX", "CAN", "ITA", "ESP",
	"USAMIL", "RUSMIL", "IGOUNO", "IGOEUREEC", "USABUS", "JPNBUS", "GBRGOV", "FRAGOV",
}

var synthCodes = []struct {
	code, name string
	quad       int
	goldstein  float64
	plover     string
}{
	{"010", "Make statement", 1, 0, "CONSULT"}, {"036", "Express intent to meet or negotiate", 1, 4, "CONSULT"},
	{"040", "Consult", 1, 1, "CONSULT"}, {"042", "Make a visit", 1, 1.9, "CONSULT"},
	{"051", "Praise or endorse", 1, 3.4, "SUPPORT"}, {"057", "Sign formal agreement", 1, 8, "AGREE"},
	{"061", "Cooperate economically", 2, 6.4, "COOPERATE"}, {"071", "Provide economic aid", 2, 7.4, "AID"},
	{"081", "Ease administrative sanctions", 2, 5, "CONCEDE"}, {"111", "Criticize or denounce", 3, -2, "ACCUSE"},
	{"112", "Accuse", 3, -2, "ACCUSE"}, {"125", "Reject proposal to meet", 3, -5, "REJECT"},
	{"130", "Threaten", 3, -4.4, "THREATEN"}, {"163", "Impose embargo or sanctions", 4, -8, "SANCTION"},
	{"173", "Arrest or detain", 4, -5, "COERCE"}, {"190", "Use conventional military force", 4, -10, "ASSAULT"},
}

// Synthesize adds made-up events to d, about one sentence in rate, for
// benchmarks and load tests that need a store full of events while the
// pipeline makes none. Actors follow a skewed distribution (a few are in
// most events) as in real news; the trigger is the sentence's first word.
func Synthesize(d *contract.Document, rng *rand.Rand, rate float64) {
	pick := func() string {
		// Squaring a uniform number favours the start of the list.
		u := rng.Float64()
		return synthActors[int(u*u*float64(len(synthActors)))]
	}
	for _, s := range d.Sentences {
		if rng.Float64() >= rate {
			continue
		}
		text := d.Text[s.Start:s.End]
		w := strings.IndexAny(text, " \n\t")
		if w <= 0 {
			w = len(text)
		}
		src, tgt := pick(), pick()
		for tgt == src {
			tgt = pick()
		}
		c := synthCodes[rng.IntN(len(synthCodes))]
		d.Events = append(d.Events, contract.Event{
			ID: fmt.Sprintf("ev%d", len(d.Events)+1), Sentence: s.Index,
			Source:   contract.Participant{Code: src, Text: src},
			Target:   contract.Participant{Code: tgt, Text: tgt},
			Cameo:    contract.Cameo{Code: c.code, Name: c.name, Root: c.code[:2], QuadClass: c.quad, Goldstein: c.goldstein},
			Plover:   contract.Plover{Type: c.plover},
			Trigger:  contract.Span{Start: s.Start, End: s.Start + w, Text: text[:w]},
			Date:     d.Published,
			DateFrom: "published",
		})
	}
}
