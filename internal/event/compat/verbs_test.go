package compat

import (
	"strings"
	"testing"

	"github.com/dyadhq/dyad/internal/datadir/datatest"
	"github.com/dyadhq/dyad/internal/event"
)

const sample = `<!-- a comment
over lines -->
&TIES
+RELATIONS
+TIES_

--- MEET [040] ---
MEET {MET MEETING}
- * WITH +  [046]  # with a preposition
- * &TIES [050]
- SAID * TO ATTEND [082]
- * +  [043]
KLM_NOP +RST [002]
`

func TestReadVerbs(t *testing.T) {
	lex, st, err := ReadVerbs(strings.NewReader(sample), "sample")
	if err != nil {
		t.Fatal(err)
	}
	// per verb (MEET, and the multi-word KLM_NOP): default + WITH + 2
	// synset members + pre-verb "SAID" + bare "+"
	if st.Verbs != 2 || st.Patterns != 4 || st.Skipped != 0 || lex.Rules() != 12 {
		t.Errorf("stats %+v, rules %d", st, lex.Rules())
	}
	var mw *event.Rule
	for _, r := range lex.RulesFor("klm", false) {
		if r.Code == "002" {
			mw = r
		}
	}
	if mw == nil || strings.Join(mw.Words, " ") != "nop" || len(mw.Pre) != 0 {
		t.Errorf("multi-word verb KLM_NOP read as %+v", mw)
	}
	wire, _, err := ReadVerbs(strings.NewReader("--- TAP [1711] ---\nWIRE_+TAP\n- WILL NOT * [081]\n"), "mw")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range wire.RulesFor("tap", false) {
		want := "wire"
		if r.Code == "081" {
			want = "wire will not"
		}
		if strings.Join(r.Pre, " ") != want || len(r.Words) != 0 {
			t.Errorf("WIRE_+TAP rule %s read with pre %q words %q, want pre %q", r.Code, r.Pre, r.Words, want)
		}
	}
	var pre, with *event.Rule
	for _, r := range lex.RulesFor("meet", false) {
		if r.Code == "082" {
			pre = r
		}
		if r.Code == "046" {
			with = r
		}
	}
	if pre == nil || strings.Join(pre.Pre, " ") != "said" || strings.Join(pre.Words, " ") != "to attend" {
		t.Errorf("pre-verb pattern read as %+v", pre)
	}
	if with == nil || with.Target != "with" || len(with.Words) != 0 {
		t.Errorf("WITH + pattern read as %+v", with)
	}
}

func TestReadVerbsEmpty(t *testing.T) {
	if _, _, err := ReadVerbs(strings.NewReader("# nothing\n"), "x"); err == nil {
		t.Error("a file without patterns was accepted")
	}
}

func TestRealDictionaries(t *testing.T) {
	for _, p := range [][]string{{"petrarch", "unit-tests", "dictionaries", "PETR.Validate.verbs.txt"},
		{"petrarch", "gsr", "dictionaries", "CAMEO.2.0.txt"}} {
		path := datatest.Require(t, p...)
		lex, st, err := LoadVerbs(path)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %+v rules=%d", p[len(p)-1], st, lex.Rules())
		if st.Verbs < 50 || lex.Rules() < 100 {
			t.Errorf("%s: too little read: %+v", path, st)
		}
	}
}

func FuzzReadVerbs(f *testing.F) {
	f.Add(sample)
	f.Add("--- X [---] ---\nX\n- * (TO +) [1]\n&A\n+&A\n")
	f.Fuzz(func(t *testing.T, s string) {
		lex, _, err := ReadVerbs(strings.NewReader(s), "fuzz")
		if err == nil && lex == nil {
			t.Fatal("nil lexicon")
		}
	})
}

func TestDiscards(t *testing.T) {
	d, err := ReadDiscards(strings.NewReader("BASEBALL  # sport\n+TYPHOON\n+World_Golf Championships\n\n"), "x")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		text      string
		ok, story bool
	}{
		{"A typhoon hit the coast.", true, true},
		{"Arnor will restore baseball competition.", true, false},
		{"the World Golf Championships, in Gondor", true, true},
		{"Baseballs are round.", false, false},
		{"Arnor restored ties.", false, false},
	} {
		ok, story := d.Match(c.text)
		if ok != c.ok || story != c.story {
			t.Errorf("Match(%q) = %v, %v; want %v, %v", c.text, ok, story, c.ok, c.story)
		}
	}
}

func FuzzReadDiscards(f *testing.F) {
	f.Add("BASEBALL\n+TYPHOON # c\n")
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ReadDiscards(strings.NewReader(s), "fuzz")
		if err != nil {
			return
		}
		d.Match(s)
	})
}

func TestSourcePattern(t *testing.T) {
	lex, _, err := ReadVerbs(strings.NewReader("--- RECEIVE [---] ---\nRECEIVE\n- * MONEY FROM $ [071]\n- DID N'T * + [912]\n"), "x")
	if err != nil {
		t.Fatal(err)
	}
	rs := lex.RulesFor("receive", false)
	if len(rs) != 2 {
		t.Fatalf("got %d rules", len(rs))
	}
	for _, r := range rs {
		switch r.Code {
		case "071":
			if r.Source != "from" || r.Target != "subj" || strings.Join(r.Words, " ") != "money" {
				t.Errorf("$ pattern read as %+v", r)
			}
		case "912":
			if strings.Join(r.Pre, " ") != "did n't" || r.Target != "obj" {
				t.Errorf("pre-verb pattern read as %+v", r)
			}
		}
	}
}
