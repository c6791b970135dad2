package pipeline

import (
	"testing"
	"time"

	"github.com/dyadhq/dyad/pkg/doc"
)

// TestEventLocation: a city the entity stage names is where the event
// happened, in the rendered event, and never a participant.
func TestEventLocation(t *testing.T) {
	p, err := New(Options{})
	if err != nil {
		t.Skipf("pipeline models unavailable: %v", err)
	}
	cases := []struct{ text, source, target, location string }{
		{"Russian troops attacked Georgian positions near Tbilisi on Friday.", "RUSMIL", "GEO", "Tbilisi"},
		{"In Cairo, Egypt condemned Israel on Monday.", "EGY", "ISR", "Cairo"},
	}
	for _, c := range cases {
		t.Run(c.text, func(t *testing.T) {
			d := &doc.Document{Text: c.text, Published: time.Date(2017, 1, 28, 0, 0, 0, 0, time.UTC)}
			st, err := p.Process(d)
			if err != nil {
				t.Fatal(err)
			}
			out := Render(st, RenderOptions{})
			if len(out.Events) == 0 {
				t.Fatal("no event")
			}
			e := out.Events[0]
			if e.Source.Code != c.source || e.Target.Code != c.target {
				t.Errorf("%s -> %s, want %s -> %s", e.Source.Code, e.Target.Code, c.source, c.target)
			}
			if e.Location == nil || e.Location.Text != c.location {
				t.Errorf("location %+v, want %q", e.Location, c.location)
			}
		})
	}
}
