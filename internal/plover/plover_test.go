package plover

import (
	"testing"

	"github.com/dyadhq/dyad/internal/cameo"
)

func TestTypes(t *testing.T) {
	if n := len(Types()); n != 16 {
		t.Errorf("%d PLOVER types, want 16", n)
	}
	if m, ok := Lookup("CONSULT", "phone"); !ok || m.Score != 1.5 || m.QuadClass != 1 {
		t.Errorf("CONSULT:phone = %+v", m)
	}
}

func TestFromCAMEO(t *testing.T) {
	for _, tc := range []struct {
		code string
		want Coding
		ok   bool
	}{
		{"041", Coding{"CONSULT", "phone", ""}, true},
		{"04", Coding{"CONSULT", "", ""}, true},
		{"0331", Coding{"AGREE", "", "economic"}, true},
		{"163", Coding{"COERCE", "restrict", "diplomatic"}, true},
		{"0871", Coding{"RETREAT", "ceasefire", "military"}, true},
		{"1384", Coding{"THREATEN", "violence", "military"}, true},
		{"012", Coding{}, false}, // statements are dropped by PLOVER
		{"0234", Coding{}, false},
	} {
		got, ok := FromCAMEO(tc.code)
		if ok != tc.ok || got != tc.want {
			t.Errorf("FromCAMEO(%s) = %+v %v, want %+v %v", tc.code, got, ok, tc.want, tc.ok)
		}
	}
}

// Every CAMEO code outside 01 and 02 has a PLOVER type.
func TestEveryCAMEOCodeMaps(t *testing.T) {
	for _, c := range cameo.All() {
		_, ok := FromCAMEO(c.Code)
		dropped := c.Root == "01" || c.Root == "02"
		if ok == dropped {
			t.Errorf("CAMEO %s (%s): mapped %v", c.Code, c.Name, ok)
		}
	}
}
