package petrarch

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyadhq/dyad/internal/actor"
	"github.com/dyadhq/dyad/internal/datadir/datatest"
)

// code returns the code of the first mention in text on date.
func code(t *testing.T, d *actor.Dictionary, text, date string) (string, string) {
	t.Helper()
	day, err := actor.ParseDate(date)
	if err != nil {
		t.Fatal(err)
	}
	ms := d.MatchText(text)
	if len(ms) == 0 {
		return "", ""
	}
	return string(d.ResolveMatch(&ms[0], day).Code), text[ms[0].Start:ms[0].End]
}

const fixtureActors = `<!-- a test dictionary -->
<!-- a comment
over lines -->
# a comment line
ARNOR_  [ARN]
+ARNORIAN # trailing comment
GONDOR [GON]
+MINAS_TIRITH +ANORIEN
ROHAN_
+ROHIRRIM
	[ROHGOV 20000101-20041231]
	[ROHELI >050101]
	[ROH]
SAM_GAMGEE [HOB]
	[HOBCIV <080120]
	[ORCHOB 20100109-20100112]
	[HOBMIL 20080120-20121109]
	[HOBELI >20130119]
LONELY_NAME
GROUPED_NAME
	[GRP]
BAD_DATES
	[BAD 20100231-20110101]
	[BAD2 9008223]
	[OK >900101]
JAVIER_SOLANA_	[IGOEUREEC 950701-951231][IGOWSTNAT 951205-991006] # two blocks
UNITED_STATES [USA]
+US
+U.S.
`

const fixtureAgents = `!PERSON! = MAN, MEN, WOMAN
TROOPS {} [~MIL]
SOLDIER [~MIL]
POLICE!PERSON! [~COP]
MINISTRY [~GOV]
HUMAN_RIGHTS_GROUP [NGO~]
BROKEN_BRACKET [~ENV}
NO_CODE_HERE
!UNKNOWN!_THING [~GOV]
`

func fixture(t *testing.T) *actor.Dictionary {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "Test.actors.txt"), []byte(fixtureActors), 0o644); err != nil {
		t.Fatal(err)
	}
	latin1 := append([]byte("CAF\xc9_NOIR [CNR]\n"), 0) // Latin-1 É and a NUL byte
	if err := os.WriteFile(filepath.Join(dir, "Latin.actors.txt"), latin1, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "Test.agents.txt"), []byte(fixtureAgents), 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestFixture(t *testing.T) {
	d := fixture(t)
	tests := []struct{ text, date, span, code string }{
		{"Arnor", "2010-01-01", "Arnor", "ARN"},
		{"the Arnorian envoy", "2010-01-01", "Arnorian", "ARN"},
		{"Minas Tirith", "2010-01-01", "Minas Tirith", "GON"},
		{"Anorien", "2010-01-01", "Anorien", "GON"},
		{"Rohan", "2003-01-01", "Rohan", "ROHGOV"},
		{"the Rohirrim", "2004-12-31", "Rohirrim", "ROHGOV"}, // limits are inclusive
		{"Rohan", "2005-01-01", "Rohan", "ROHELI"},
		{"Rohan", "1990-01-01", "Rohan", "ROH"},
		{"Sam Gamgee", "2007-01-01", "Sam Gamgee", "HOBCIV"},
		{"Sam Gamgee", "2010-01-10", "Sam Gamgee", "ORCHOB"}, // the first restriction that holds wins
		{"Sam Gamgee", "2009-01-01", "Sam Gamgee", "HOBMIL"},
		{"Sam Gamgee", "2012-12-01", "Sam Gamgee", "HOB"},
		{"Sam Gamgee", "2014-01-01", "Sam Gamgee", "HOBELI"},
		{"Lonely Name", "2014-01-01", "Lonely Name", "GRP"}, // a name without codes joins the next record
		{"Grouped Name", "2014-01-01", "Grouped Name", "GRP"},
		{"Bad Dates", "1995-01-01", "Bad Dates", "OK"},
		{"Javier Solana", "1995-08-01", "Javier Solana", "IGOEUREEC"},
		{"Javier Solana", "1997-08-01", "Javier Solana", "IGOWSTNAT"},
		{"the US", "2010-01-01", "US", "USA"},
		{"the U.S.", "2010-01-01", "U.S.", "USA"},
		{"Café Noir", "2010-01-01", "Café Noir", "CNR"},
		{"Arnorian troops", "2010-01-01", "Arnorian troops", "ARNMIL"},
		{"Gondor policemen", "2010-01-01", "Gondor policemen", "GONCOP"},
		{"Gondor soldiers", "2010-01-01", "Gondor soldiers", "GONMIL"},
		{"Gondor ministries", "2010-01-01", "Gondor ministries", "GONGOV"},
		{"Arnor human rights groups", "2010-01-01", "Arnor human rights groups", "NGOARN"},
		{"troops", "2010-01-01", "troops", "---MIL"},
	}
	for _, tc := range tests {
		c, span := code(t, d, tc.text, tc.date)
		if c != tc.code || span != tc.span {
			t.Errorf("%q on %s: got %q %s, want %q %s", tc.text, tc.date, span, c, tc.span, tc.code)
		}
	}
	// "us" is a pronoun, "US" the country
	if ms := d.MatchText("let us go"); len(ms) != 0 {
		t.Errorf("matched %q", "us")
	}
	var msgs []string
	for _, i := range d.Issues() {
		if i.Severity != actor.Warning {
			t.Errorf("legacy problem is not a warning: %s", i)
		}
		msgs = append(msgs, i.String())
	}
	all := strings.Join(msgs, "\n")
	for _, w := range []string{
		"Test.actors.txt:23: warning: [BAD 20100231-20110101]: no such date 2010-02-31",
		"Test.actors.txt:24: warning: [BAD2 9008223]: date \"9008223\" is not YYYYMMDD or YYMMDD",
		"Latin.actors.txt:1: warning: not UTF-8",
		"Test.agents.txt:7: warning: code block closed by '}'",
		"Test.agents.txt:8: warning: agent \"NO_CODE_HERE\" has no [CODE]",
		"Test.agents.txt:9: warning: substitution marker !UNKNOWN! is not defined",
	} {
		if !strings.Contains(all, w) {
			t.Errorf("missing warning %q in\n%s", w, all)
		}
	}
}

type dated struct{ text, date, code string }

func checkCodes(t *testing.T, d *actor.Dictionary, tests []dated) {
	t.Helper()
	for _, tc := range tests {
		if c, span := code(t, d, tc.text, tc.date); c != tc.code {
			t.Errorf("%q on %s: got %q %s, want %s", tc.text, tc.date, span, c, tc.code)
		}
	}
}

// The PETRARCH validation dictionaries load and code their own test actors.
func TestValidationDictionaries(t *testing.T) {
	dir := datatest.Require(t, "petrarch", "unit-tests", "dictionaries")
	d, err := Load(filepath.Join(dir, "PETR.Validate.actors.txt"), filepath.Join(dir, "PETR.Validate.agents.txt"))
	if err != nil {
		t.Fatal(err)
	}
	checkCodes(t, d, []dated{
		{"Sam Gamgee", "2009-01-01", "HOBMIL"},
		{"Sam Gamgee", "2010-01-10", "ORCHOB"},
		{"Sam Gamgee", "2014-01-01", "HOBELI"},
		{"Gollum", "1994-01-01", "HOB"},
		{"Smeagol", "1997-01-01", "HOBGOV"},
		{"Gollum", "2000-01-01", "HOBREB"},
		{"Hamas gunmen", "2000-01-01", "PSEHMSMIL"},
		{"Israeli troops", "2000-01-01", "ISRMIL"},
		{"Gondor's foreign minister", "2000-01-01", "GONGOVFRM"},
		{"Interpol", "2000-01-01", "IGOCOPITP"},
	})
}

// The full Phoenix set loads without failing, and codes by date.
func TestPhoenixDictionaries(t *testing.T) {
	dir := datatest.Require(t, "petrarch", "gsr", "dictionaries")
	d, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	st := d.Stats()
	if st.ByKind[actor.KindActor] < 25000 || st.ByKind[actor.KindAgent] < 2000 {
		t.Errorf("too few entries: %+v", st)
	}
	if n := d.Errors(); n != 0 {
		t.Errorf("%d errors loading Phoenix", n)
	}
	checkCodes(t, d, []dated{
		{"Vladimir Putin", "2010-06-01", "RUSGOV"},
		{"Barack Obama", "2012-06-01", "USAGOV"},
		{"the Taliban", "2012-06-01", "AFGREB"},
		{"Russian troops", "2012-06-01", "RUSMIL"},
		{"the United Nations", "2012-06-01", "IGOUNO"},
		{"Afghanistan", "2012-06-01", "AFG"},
	})
}

func TestLoadErrors(t *testing.T) {
	if _, err := Load(filepath.Join(t.TempDir(), "missing")); err == nil {
		t.Error("missing path accepted")
	}
	if _, err := Load(t.TempDir()); err == nil || !strings.Contains(err.Error(), "no dictionary files") {
		t.Errorf("empty directory: %v", err)
	}
	f := filepath.Join(t.TempDir(), "x.verbs.txt")
	os.WriteFile(f, []byte("x"), 0o644)
	if _, err := Load(f); err == nil {
		t.Error("verbs file accepted as a dictionary")
	}
}

func BenchmarkLoadPhoenix(b *testing.B) {
	dir := datatest.Require(b, "petrarch", "gsr", "dictionaries")
	for i := 0; i < b.N; i++ {
		if _, err := Load(dir); err != nil {
			b.Fatal(err)
		}
	}
}
