package petrarch

import (
	"bytes"
	"testing"

	"github.com/dyadhq/dyad/internal/actor"
)

func FuzzReadActors(f *testing.F) {
	f.Add([]byte(fixtureActors))
	f.Add([]byte("A_ [X <950601]\n\t[Y 1-2]\n+B +C [Z]\n[ ]\n<!-- x\n"))
	f.Add([]byte("\t[Q >]\n+\n[\n]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		b := actor.NewBuilder()
		if err := ReadActors(b, "fuzz.actors.txt", bytes.NewReader(data)); err != nil {
			t.Fatal(err)
		}
		d := b.Build()
		for _, i := range d.Issues() {
			if i.Source == "" {
				t.Fatalf("issue without source: %+v", i)
			}
		}
		for _, e := range d.Entries() {
			d.Resolve(e, 20100101)
		}
	})
}

func FuzzReadAgents(f *testing.F) {
	f.Add([]byte(fixtureAgents))
	f.Add([]byte("!A! = B, , C\n!A!_X {} [~GOV]\nY {Z [~X]\n{} [~]\n[NGO~]\n! = !\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		b := actor.NewBuilder()
		if err := ReadAgents(b, "fuzz.agents.txt", bytes.NewReader(data)); err != nil {
			t.Fatal(err)
		}
		d := b.Build()
		d.MatchText(string(data))
	})
}
