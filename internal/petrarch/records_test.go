package petrarch

import (
	"strings"
	"testing"

	"github.com/dyadhq/dyad/internal/datadir/datatest"
)

const nested = `<Validation>
<!-- a comment with -- dashes -->
<Environment>
  <Verbfile>V.txt</Verbfile>
  <Actorfile>A.txt, B.txt</Actorfile>
  <Include>valid DEMO</Include>
</Environment>
<Sentences>
<Sentence date="19950101" id="DEMO-00" category="DEMO" sentence="true">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<EventCoding sourcecode="GON" targetcode="ARN" eventcode="064"></EventCoding>
<Text>
Arnor is about to restore   full ties
with Gondor &amp; others.
</Text>
<Parse>(ROOT (S (NP (NNP Arnor))))</Parse>
</Sentence>
<Sentence date="19950102" id="DEMO-01" category="DEMO" sentence="true">
<EventCoding noevents = "True"></EventCoding>
<Text>Nothing happened.</Text>
</Sentence>
<Sentence date="19950102" id="DEMO-02" category="ERROR" sentence="true">
<EventCoding error="storydiscard"></EventCoding>
<Text>Discarded.</Text>
</Sentence>
</Sentences>
</Validation>`

const flat = `<?xml version='1.0' encoding='utf-8'?>
<Validation>
# free text the format allows
<Environment><Verbfile>CAMEO.2.0.txt</Verbfile><Actorfile>X.actors.txt,Y.actors.txt</Actorfile></Environment>
<Sentences>
<Sentence category="AFP" date="20080804" id="AFP_1" evaluate="true"/>
<EventCoding eventcode="042" sourcecode="USA" targetcode="CHN" />
<Text>
The US leader visited China.
</Text>
<Parse>
1	The	the	DET	DT	_	2	det	_	_
</Parse>
</Sentence>
<Sentence category="AFP" date="20080805" id="AFP_2" evaluate="false"/>
<Text>Second.</Text>
</Sentences>
</Validation>`

func TestReadLayouts(t *testing.T) {
	f, err := Read(strings.NewReader(nested), "nested.xml")
	if err != nil {
		t.Fatal(err)
	}
	if f.Env.VerbFile != "V.txt" || strings.Join(f.Env.ActorFiles, "|") != "A.txt|B.txt" || strings.Join(f.Env.Include, "|") != "valid|DEMO" {
		t.Errorf("environment %+v", f.Env)
	}
	if len(f.Records) != 3 || f.Records[2].Error != "storydiscard" || len(f.Records[2].Codings) != 0 {
		t.Fatalf("%d records", len(f.Records))
	}
	r := f.Records[0]
	if r.Text != "Arnor is about to restore full ties with Gondor & others." || len(r.Codings) != 2 || r.Codings[1] != (Coding{"GON", "ARN", "064"}) {
		t.Errorf("record 0: %+v", r)
	}
	if r.Date.Format("2006-01-02") != "1995-01-01" || r.Parse == "" {
		t.Errorf("date %v parse %q", r.Date, r.Parse)
	}
	if !f.Records[1].NoEvents || len(f.Records[1].Codings) != 0 {
		t.Errorf("record 1: %+v", f.Records[1])
	}

	g, err := Read(strings.NewReader(flat), "flat.xml")
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Records) != 2 || g.Records[0].Codings[0] != (Coding{"USA", "CHN", "042"}) || g.Records[0].Text != "The US leader visited China." {
		t.Errorf("flat: %+v", g.Records)
	}
	if !g.Records[0].Evaluate || g.Records[1].Evaluate {
		t.Error("evaluate attribute not read")
	}
	if len(g.Env.ActorFiles) != 2 {
		t.Errorf("flat env %+v", g.Env)
	}
}

func TestReadErrors(t *testing.T) {
	for _, in := range []string{
		"",
		"<Validation><EventCoding sourcecode='A'/></Validation>",
		"<Validation><Sentence id='x' date='1995'/><Text>a</Text></Validation>",
		"<Validation><Sentence date='19950101'/><Text>a</Text></Validation>",
		"<Validation><Sentence id='x' date='19950101'/></Validation>",
	} {
		if _, err := Read(strings.NewReader(in), "bad.xml"); err == nil || !strings.Contains(err.Error(), "bad.xml") {
			t.Errorf("Read(%q): %v", in, err)
		}
	}
}

func TestRealFiles(t *testing.T) {
	for _, tc := range []struct {
		path             []string
		records, codings int
	}{
		{[]string{"petrarch", "unit-tests", "PETR.UnitTest.records.xml"}, 284, 359}, // + 17 noevents + 9 error markers = 385 elements
		{[]string{"petrarch", "gsr", "gsr_dev.xml"}, 41, 49},                        // its README counts the 2 noevents markers as events
	} {
		p := datatest.Require(t, tc.path...)
		f, err := ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, r := range f.Records {
			n += len(r.Codings)
		}
		if len(f.Records) != tc.records || n != tc.codings {
			t.Errorf("%s: %d records, %d codings; want %d, %d", p, len(f.Records), n, tc.records, tc.codings)
		}
	}
}

func FuzzRead(f *testing.F) {
	f.Add(nested)
	f.Add(flat)
	f.Fuzz(func(t *testing.T, s string) {
		file, err := Read(strings.NewReader(s), "fuzz.xml")
		if err != nil {
			return
		}
		for _, r := range file.Records {
			if r.ID == "" || r.Text == "" {
				t.Fatalf("accepted record without id or text: %+v", r)
			}
		}
	})
}
