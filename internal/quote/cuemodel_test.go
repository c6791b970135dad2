package quote

import (
	"bytes"
	"fmt"
	"math"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dyadhq/dyad/internal/parse"
	"github.com/dyadhq/dyad/internal/segment"
	"github.com/dyadhq/dyad/internal/timex"
	"github.com/dyadhq/dyad/internal/tokenize"
	"github.com/dyadhq/dyad/pkg/doc"
)

var (
	parserOnce sync.Once
	parser     *parse.Parser
	parserErr  error
)

// parsed runs the whole syntax stack (tags, lemmas and the dependency
// parse, which the learned cues read) on text.
func parsed(t testing.TB, text string) *doc.Document {
	t.Helper()
	analyze(t, "", nil) // loads the tagger, lemmatizer and dictionary
	parserOnce.Do(func() { parser, parserErr = parse.Load() })
	if parserErr != nil {
		t.Skipf("parser unavailable: %v", parserErr)
	}
	d := &doc.Document{Text: text, Published: time.Date(2017, 1, 28, 0, 0, 0, 0, time.UTC)}
	d.Tokens = tokenize.Tokenize(text)
	d.Sentences = segment.Segment(text, d.Tokens)
	tagger.Tag(d)
	lemmas.Lemmatize(d)
	parser.Parse(d)
	return d
}

// toyCueModel trains a model on sentences written for the test, in which
// "fumed" (a verb no lexicon lists) and "scorn" (a noun none lists) are
// cues and other verbs are not.
func toyCueModel(t *testing.T) *CueModel {
	t.Helper()
	subjects := []string{"The senator", "Her rival", "The mayor", "A union leader", "The governor", "His lawyer"}
	var exs []CueExample
	for i, sub := range subjects {
		for _, tmpl := range []struct{ text, cue string }{
			{"%s fumed that the budget was a disgrace.", "fumed"},
			{"%s fumed that nobody had been warned.", "fumed"},
			{"Their scorn for the %d tax plan was plain.", "scorn"},
			{"%s walked to the station.", ""},
			{"%s ate lunch with the staff.", ""},
			{"%s drove the car to work.", ""},
			{"%s painted the fence on Sunday.", ""},
		} {
			var text string
			if strings.Contains(tmpl.text, "%d") {
				text = fmt.Sprintf(tmpl.text, 2000+i)
			} else {
				text = fmt.Sprintf(tmpl.text, sub)
			}
			e := CueExample{Doc: parsed(t, text)}
			if tmpl.cue != "" {
				at := strings.Index(text, tmpl.cue)
				e.Cues = [][2]int{{at, at + len(tmpl.cue)}}
			}
			exs = append(exs, e)
		}
	}
	return TrainCues(exs, CueTrainConfig{Epochs: 5, Seed: 1, MinCount: 1})
}

func TestLearnedCues(t *testing.T) {
	m := toyCueModel(t)
	x := New(dict).WithCues(m, 0, 0)
	for _, tc := range []struct {
		name, text           string
		cue, content, phrase string // "" cue: no attribution expected
		onlyLearned          bool   // the rules alone find nothing
	}{
		{"learned verb with a that clause", "The chairman fumed that the deal was unfair.", "fumed", "that the deal was unfair", "The chairman", false},
		{"learned noun with its possessor", "Our readers know his scorn for the new rules.", "scorn", "the new rules", "his", true},
		{"other verbs stay out", "The chairman walked to the meeting.", "", "", "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := parsed(t, tc.text)
			qs := x.Extract(d, timex.Extract(d, d.Published), nil)
			if tc.cue == "" {
				if len(qs) != 0 {
					t.Fatalf("got %s, want none", dump(d, qs))
				}
				return
			}
			if len(qs) != 1 {
				t.Fatalf("got %d attributions, want 1: %s", len(qs), dump(d, qs))
			}
			q := qs[0]
			if got := d.Text[q.Cue.Start:q.Cue.End]; got != tc.cue {
				t.Errorf("cue = %q, want %q", got, tc.cue)
			}
			if got := d.Text[q.Start:q.End]; got != tc.content {
				t.Errorf("content = %q, want %q", got, tc.content)
			}
			if q.Speaker.First < 0 || d.Text[d.Tokens[q.Speaker.First].Start:d.Tokens[q.Speaker.Last-1].End] != tc.phrase {
				t.Errorf("source = %+v, want %q: %s", q.Speaker, tc.phrase, dump(d, qs))
			}
			if qs := New(dict).WithCues(nil, 0, 0).Extract(d, nil, nil); tc.onlyLearned && len(qs) != 0 {
				t.Errorf("without the model: %s", dump(d, qs))
			}
		})
	}
}

func TestCueModelRoundTrip(t *testing.T) {
	m := toyCueModel(t)
	m.Threshold, m.Fallback = 1.5, float32(math.NaN())
	var a, b bytes.Buffer
	if err := m.Write(&a); err != nil {
		t.Fatal(err)
	}
	m2 := toyCueModel(t)
	m2.Threshold, m2.Fallback = m.Threshold, m.Fallback
	if err := m2.Write(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("training twice gave different bytes")
	}
	r, err := ReadCueModel(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if r.Len() != m.Len() || r.Threshold != 1.5 || r.Fallback == r.Fallback {
		t.Errorf("read %d features, thresholds %v %v; wrote %d", r.Len(), r.Threshold, r.Fallback, m.Len())
	}
	for h, w := range m.w {
		if r.w[h] != w {
			t.Fatalf("weight of %x: read %v, wrote %v", h, r.w[h], w)
		}
	}
	if _, err := ReadCueModel(strings.NewReader("not a model")); err == nil {
		t.Error("read garbage without an error")
	}
}

func TestEmbeddedCueModel(t *testing.T) {
	m, err := LoadCueModel()
	if err != nil {
		t.Fatal(err)
	}
	if m.Len() < 1000 || m.Threshold != m.Threshold || m.Fallback != m.Fallback {
		t.Errorf("embedded model: %d features, thresholds %v %v", m.Len(), m.Threshold, m.Fallback)
	}
}

func TestDirectParse(t *testing.T) {
	for _, tc := range []struct {
		name, text, content, cue, phrase string
	}{
		{"long subject between quote and cue, no comma",
			"“We will win this state easily,” the senator from Ohio who leads the race by a wide margin in every recent poll said.",
			"“We will win this state easily,”", "said", "the senator from Ohio who leads the race by a wide margin in every recent poll"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := parsed(t, tc.text)
			qs := quotesOnly(New(dict).Extract(d, nil, nil))
			if len(qs) != 1 {
				t.Fatalf("got %d quotes, want 1: %s", len(qs), dump(d, qs))
			}
			q := qs[0]
			if got := d.Text[q.Start:q.End]; got != tc.content {
				t.Errorf("content = %q, want %q", got, tc.content)
			}
			if got := d.Text[q.Cue.Start:q.Cue.End]; got != tc.cue {
				t.Errorf("cue = %q, want %q", got, tc.cue)
			}
			if q.Speaker.First < 0 || d.Text[d.Tokens[q.Speaker.First].Start:d.Tokens[q.Speaker.Last-1].End] != tc.phrase {
				t.Errorf("source: %s", dump(d, qs))
			}
			// The rules alone leave it out.
			if qs := quotesOnly(New(dict).WithCues(nil, 0, 0).Extract(d, nil, nil)); len(qs) != 0 {
				t.Errorf("without the model: %s", dump(d, qs))
			}
		})
	}
}
