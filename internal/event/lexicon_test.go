package event

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dyadhq/dyad/internal/cameo"
)

func TestOwnLexiconLoads(t *testing.T) {
	l, err := LoadOwn()
	if err != nil {
		t.Fatal(err)
	}
	if l.Rules() < 300 {
		t.Errorf("own lexicon has %d rules, want >= 300", l.Rules())
	}
	// Every CAMEO root category has patterns.
	roots := map[string]bool{}
	for _, m := range []map[string][]*Rule{l.verbs, l.nouns} {
		for _, rs := range m {
			for _, r := range rs {
				if root, ok := cameo.RootOf(r.Code); ok {
					roots[root] = true
				}
			}
		}
	}
	for _, r := range cameo.Roots() {
		if !roots[r.Code] {
			t.Errorf("no pattern for CAMEO root %s (%s)", r.Code, r.Name)
		}
	}
	for _, name := range []string{"intent", "appeal", "threat", "reject", "demand"} {
		if l.frames[name] == nil {
			t.Errorf("frame %s missing", name)
		}
	}
}

func TestParsePattern(t *testing.T) {
	l, err := ParseLexicon(strings.NewReader("@class prep with on of between from\n"+
		"046\thold talk with +\tsym\n175\tcrack down on +\n190\tknock hell out of +\n042\tvisit +\n040\tn:talk between +\n"+
		"100\tface pressure from $\n"), "t")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		lemma  string
		noun   bool
		words  string
		target string
		sym    bool
		source string
	}{
		{"hold", false, "talk", "with", true, ""},
		{"crack", false, "down", "on", false, ""},
		{"knock", false, "hell out", "of", false, ""},
		{"visit", false, "", "obj", false, ""},
		{"talk", true, "", "between", false, ""},
		{"face", false, "pressure", "subj", false, "from"},
	}
	for _, c := range cases {
		m := l.verbs
		if c.noun {
			m = l.nouns
		}
		rs := m[c.lemma]
		if len(rs) != 1 {
			t.Fatalf("%s: %d rules", c.lemma, len(rs))
		}
		r := rs[0]
		if strings.Join(r.Words, " ") != c.words || r.Target != c.target || r.Sym != c.sym || r.Source != c.source {
			t.Errorf("%s: got words %q target %q sym %v source %q", c.lemma, r.Words, r.Target, r.Sym, r.Source)
		}
	}
}

func TestRoleFlag(t *testing.T) {
	l, err := ParseLexicon(strings.NewReader("190\tstrike +\tby:LAB=143 strict\n"), "t")
	if err != nil {
		t.Fatal(err)
	}
	rs := l.verbs["strike"]
	if len(rs) != 1 || !rs[0].Strict || len(rs[0].ByRole) != 1 || rs[0].ByRole[0] != (RoleCode{Role: "LAB", Code: "143"}) {
		t.Fatalf("got %+v", rs)
	}
}

func TestParseLexiconErrors(t *testing.T) {
	for _, in := range []string{
		"999\tfoo +\n",              // unknown code
		"04x\tmeet\n",               // bad code
		"040\t+ meet\n",             // no lemma first
		"040\tmeet + with\n",        // + not last
		"040\tmeet $ with\n",        // $ not last
		"040\tn:talk from $\n",      // $ on a noun
		"040\tmeet\tweird\n",        // unknown flag
		"190\tstrike\tby:LAB=999\n", // unknown code for a role
		"190\tstrike\tby:LAB\n",     // no code for a role
		"040 meet\n",                // no tab
		"@frame f 04=036\n",         // no default
		"@govern nosuch agree\n",    // undeclared frame
		"@cue 999 sad\n",            // bad cue code
		"@bogus x y\n",              // unknown directive
		"@frame f 04=9999 *=030\n",  // bad frame code
		"@class\n",                  // no name
	} {
		if _, err := ParseLexicon(strings.NewReader(in), "t"); err == nil {
			t.Errorf("ParseLexicon(%q) accepted bad input", in)
		}
	}
}

func FuzzParseLexicon(f *testing.F) {
	f.Add("040\tmeet with +\tsym\n@class prep with\n")
	f.Add("@frame intent 04=036 *=030\n@govern intent agree\n")
	f.Add("190\tstrike +\tby:LAB=143 strict\n")
	f.Fuzz(func(t *testing.T, s string) {
		l, err := ParseLexicon(strings.NewReader(s), "fuzz")
		if err == nil && l == nil {
			t.Fatal("nil lexicon without error")
		}
	})
}

// TestOwnLexiconNoDuplicates: a pattern listed twice would be decided by
// file order alone.
func TestOwnLexiconNoDuplicates(t *testing.T) {
	l, err := LoadOwn()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]string{}
	for _, m := range []map[string][]*Rule{l.verbs, l.nouns} {
		for _, rs := range m {
			for _, r := range rs {
				key := fmt.Sprintf("%v %s %v %s", r.Noun, r.Lemma, r.Words, r.Target)
				if prev, ok := seen[key]; ok {
					t.Errorf("%s: pattern %q also at %s", r.Src, key, prev)
				}
				seen[key] = r.Src
			}
		}
	}
}
