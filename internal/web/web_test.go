package web

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"

	"github.com/chromedp/chromedp"

	"github.com/dyadhq/dyad/internal/api"
	"github.com/dyadhq/dyad/internal/datadir"
	"github.com/dyadhq/dyad/internal/pipeline"
	"github.com/dyadhq/dyad/internal/store/sqlite"
	"github.com/dyadhq/dyad/internal/store/storetest"
	"github.com/dyadhq/dyad/pkg/contract"
	"github.com/dyadhq/dyad/pkg/doc"
)

func TestHandler(t *testing.T) {
	srv := httptest.NewServer(Handler())
	defer srv.Close()
	for _, tt := range []struct {
		method, path string
		status       int
		ctype        string
	}{
		{"GET", "/", 200, "text/html"},
		{"GET", "/static/app.js", 200, "javascript"},
		{"GET", "/static/style.css", 200, "text/css"},
		{"GET", "/static/", 404, ""},
		{"GET", "/static/../web.go", 404, ""},
		{"GET", "/nope", 404, ""},
		{"POST", "/", 405, ""},
	} {
		req, _ := http.NewRequest(tt.method, srv.URL+tt.path, nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != tt.status || !strings.Contains(resp.Header.Get("Content-Type"), tt.ctype) {
			t.Errorf("%s %s: %d %s", tt.method, tt.path, resp.StatusCode, resp.Header.Get("Content-Type"))
		}
		if resp.Header.Get("Content-Security-Policy") != CSP {
			t.Errorf("%s %s: no CSP", tt.method, tt.path)
		}
	}
	// No inline script or style in the page, which the CSP would block.
	b, _ := files.ReadFile("static/index.html")
	if bytes.Contains(b, []byte("<script>")) || bytes.Contains(b, []byte("style=")) || bytes.Contains(b, []byte(" on")) && bytes.Contains(b, []byte("onclick=")) {
		t.Error("index.html has inline script or style")
	}
	js, _ := files.ReadFile("static/app.js")
	for _, bad := range []string{"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"} {
		if bytes.Contains(js, []byte(bad)) {
			t.Errorf("app.js uses %s", bad)
		}
	}
}

// wordAt finds the n-th occurrence of s in text as a whole word.
func wordAt(text, s string, n int) (int, int, bool) {
	off := 0
	for {
		i := strings.Index(text[off:], s)
		if i < 0 {
			return 0, 0, false
		}
		a, b := off+i, off+i+len(s)
		before := a == 0 || !unicode.IsLetter(rune(text[a-1]))
		after := b == len(text) || !unicode.IsLetter(rune(text[b]))
		if before && after {
			if n == 0 {
				return a, b, true
			}
			n--
		}
		off = b
	}
}

func sentenceOf(d *contract.Document, at int) int {
	for _, s := range d.Sentences {
		if at >= s.Start && at < s.End {
			return s.Index
		}
	}
	return 0
}

// annotateExample adds to an extracted document hand-made annotations of
// the example story (actors, events, quotes, dates), located by searching
// their words, so the UI test exercises every kind of highlight while the
// pipeline fills only sentences. Stories with markup get annotations whose
// names are markup too.
func annotateExample(d *contract.Document) {
	type ent struct{ id, text, code, country, role, typ string }
	ents := []ent{
		{"e1", "Trump", "USAGOV", "USA", "GOV", "PER"}, {"e2", "Putin", "RUSGOV", "RUS", "GOV", "PER"},
		{"e3", "Russia", "RUS", "RUS", "", "GPE"}, {"e4", "Lavrov", "RUSGOV", "RUS", "GOV", "PER"},
		{"e5", "Sean Spicer", "USAGOV", "USA", "GOV", "PER"}, {"e6", "the Kremlin", "RUSGOV", "RUS", "GOV", "ORG"},
		{"e7", "United States", "USA", "USA", "", "GPE"}, {"e8", "ISIS", "IMGMOSISI", "", "", "ORG"},
		{"e9", "<script>window.__xss=1</script>", "XSS", "XSS", "", "ORG"},
	}
	index := map[string]int{}
	for _, e := range ents {
		var ms []contract.Mention
		for n := 0; ; n++ {
			a, b, ok := wordAt(d.Text, e.text, n)
			if !ok {
				break
			}
			ms = append(ms, contract.Mention{Start: a, End: b, Text: e.text, Sentence: sentenceOf(d, a), Kind: "name"})
		}
		if len(ms) == 0 {
			continue
		}
		canonical := e.text
		if e.id == "e9" {
			canonical = `<img src=x onerror="window.__xss=1">`
		}
		index[e.id] = len(d.Entities)
		d.Entities = append(d.Entities, contract.Entity{ID: e.id, Text: e.text, Canonical: canonical, Type: e.typ,
			Actor: &contract.Actor{Code: e.code, Country: e.country, Role: e.role}, Mentions: ms})
	}
	part := func(id string) contract.Participant {
		i, ok := index[id]
		if !ok {
			return contract.Participant{Code: "---"}
		}
		e := d.Entities[i]
		m := e.Mentions[0]
		return contract.Participant{Entity: id, Code: e.Actor.Code, Text: m.Text, Start: m.Start, End: m.End}
	}
	events := []struct {
		trigger, src, tgt, code, name string
		quad                          int
		gs                            float64
		plover                        string
	}{
		{"discussed", "e1", "e2", "040", "Consult", 1, 1, "CONSULT"},
		{"easing", "e7", "e3", "081", "Ease administrative sanctions", 2, 5, "CONCEDE"},
		{"defeat", "e6", "e8", "190", "Use conventional military force", 4, -10, "ASSAULT"},
		{"<script>", "e9", "e9", "112", "Accuse <b>bold</b>", 3, -2, "ACCUSE"},
	}
	for _, ev := range events {
		a, b, ok := wordAt(d.Text, ev.trigger, 0)
		if !ok {
			continue
		}
		d.Events = append(d.Events, contract.Event{ID: fmt.Sprintf("ev%d", len(d.Events)+1), Sentence: sentenceOf(d, a),
			Source: part(ev.src), Target: part(ev.tgt),
			Cameo:   contract.Cameo{Code: ev.code, Name: ev.name, Root: ev.code[:2], QuadClass: ev.quad, Goldstein: ev.gs},
			Plover:  contract.Plover{Type: ev.plover},
			Trigger: contract.Span{Start: a, End: b, Text: ev.trigger}, Date: d.Published, DateFrom: "published"})
	}
	quotes := []struct{ text, speaker, cue string }{
		{"They have sanctions on Russia \u2014 let's see if we can make some good deals with Russia,", "e1", "told"},
		{"We have no illusions that there will be a new 'reset' with the United States, we have no naive expectations,", "e4", "said"},
		{"The Presidents have spoken in favor of establishing a real coordination between the US and Russian actions in order to defeat ISIS and other terrorist organizations in Syria,", "e6", "said"},
		{"window.__xss=1", "e9", "script"},
	}
	for _, q := range quotes {
		a := strings.Index(d.Text, q.text)
		i, ok := index[q.speaker]
		if a < 0 || !ok {
			continue
		}
		b := a + len(q.text)
		e := d.Entities[i]
		sp := contract.Speaker{Entity: e.ID, Name: e.Canonical, Code: e.Actor.Code}
		for _, m := range e.Mentions {
			if m.Start >= b && m.Sentence == sentenceOf(d, a) {
				sp.Text, sp.Start, sp.End = m.Text, m.Start, m.End
				break
			}
		}
		cs, ce, _ := wordAt(d.Text[b:], q.cue, 0)
		d.Quotes = append(d.Quotes, contract.Quote{ID: fmt.Sprintf("q%d", len(d.Quotes)+1), Kind: "direct", Text: q.text,
			Start: a, End: b, Speaker: sp, Cue: contract.Cue{Lemma: q.cue, Start: b + cs, End: b + ce, Text: q.cue}})
	}
	for _, tm := range []struct{ text, typ, value string }{
		{"January 16", "DATE", "2017-01-16"}, {"Friday", "DATE", "2017-01-27"}, {"Wednesday", "DATE", "2017-01-25"},
		{"50-minute", "DURATION", "PT50M"},
	} {
		if a, b, ok := wordAt(d.Text, tm.text, 0); ok {
			d.Times = append(d.Times, contract.Time{Text: tm.text, Start: a, End: b, Type: tm.typ, Value: tm.value})
		}
	}
}

// browserEnv is a server with a store, the UI, and a headless Chromium.
type browserEnv struct {
	t       *testing.T
	srv     *httptest.Server
	ctx     context.Context
	mu      sync.Mutex
	console []string
}

// newBrowserEnv starts the server. With handMade, /v1/extract stops the
// pipeline after segment and adds the test's own annotations (every kind of
// highlight, and hostile names); without, it runs the whole pipeline.
func newBrowserEnv(t *testing.T, handMade bool) *browserEnv {
	chrome := os.Getenv("DYAD_TEST_CHROME")
	if chrome == "" {
		t.Skip("DYAD_TEST_CHROME is not set: source scripts/testenv.sh to run the browser tests")
	}
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "web.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := st.Put(context.Background(), storetest.Rows(t, storetest.Corpus()...)); err != nil {
		t.Fatal(err)
	}
	opts := pipeline.Options{}
	if handMade {
		opts.Until = "segment"
	}
	p, err := pipeline.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	extract := func(ctx context.Context, d *doc.Document, tokens bool) (*contract.Document, error) {
		s, err := p.Process(d)
		if err != nil {
			return nil, err
		}
		out := pipeline.Render(s, pipeline.RenderOptions{Tokens: tokens})
		if handMade {
			annotateExample(&out)
		}
		return &out, nil
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	srv := httptest.NewServer(api.New(api.Config{Store: st, Pipeline: p, Extract: extract, UI: Handler(), Logger: log}).Handler())
	t.Cleanup(srv.Close)

	copts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chrome),
		chromedp.Flag("headless", true), chromedp.Flag("no-sandbox", true), chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true), chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1280, 1000),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), copts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	ctx, cancelTime := context.WithTimeout(ctx, 2*time.Minute)
	t.Cleanup(func() { cancelTime(); cancelCtx(); cancelAlloc() })
	e := &browserEnv{t: t, srv: srv, ctx: ctx}
	messages := chromedp.Console(ctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			e.mu.Lock()
			e.console = append(e.console, m.String())
			e.mu.Unlock()
		}
	}()
	return e
}

func (e *browserEnv) do(steps ...chromedp.Action[chromedp.Void]) {
	e.t.Helper()
	if err := chromedp.Do(e.ctx, steps...); err != nil {
		e.t.Fatal(err)
	}
}

func eval[T any](e *browserEnv, js string) T {
	e.t.Helper()
	v, err := chromedp.Run(e.ctx, chromedp.Evaluate[T](js))
	if err != nil {
		e.t.Fatalf("%s: %v", js, err)
	}
	return v
}

func (e *browserEnv) waitFor(js string) {
	e.t.Helper()
	if _, err := chromedp.Run(e.ctx, chromedp.Poll[chromedp.Void](js, chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		e.t.Fatalf("waiting for %s: %v", js, err)
	}
}

// open loads the page fresh at a view.
func (e *browserEnv) open(view string) {
	e.t.Helper()
	e.do(chromedp.Navigate(e.srv.URL + "/#" + view))
	e.waitFor(`document.body.dataset.ready === 'true'`)
}

// errors returns console errors and exceptions, but for missing favicons.
func (e *browserEnv) errors() []string {
	e.mu.Lock()
	defer e.mu.Unlock()
	var out []string
	for _, m := range e.console {
		if (strings.HasPrefix(m, "error") || strings.HasPrefix(m, "exception")) && !strings.Contains(m, "favicon") {
			out = append(out, m)
		}
	}
	return out
}

// paste fills the annotate form and submits it.
func (e *browserEnv) paste(title, date, text string) {
	e.t.Helper()
	e.open("annotate")
	e.do(chromedp.SetValue("#in-title", title), chromedp.SetValue("#in-date", date),
		chromedp.SetValue("#in-text", text), chromedp.Click("#annotate"))
	e.waitFor(`document.getElementById('doc-text').dataset.state === 'done'`)
}

// extract asks the API what the page should show.
func (e *browserEnv) extract(title, date, text string) contract.Document {
	e.t.Helper()
	body, _ := json.Marshal(map[string]string{"title": title, "published": date, "text": text})
	resp, err := http.Post(e.srv.URL+"/v1/extract", "application/json", bytes.NewReader(body))
	if err != nil {
		e.t.Fatal(err)
	}
	defer resp.Body.Close()
	var d contract.Document
	if err := json.NewDecoder(resp.Body).Decode(&d); err != nil || resp.StatusCode != 200 {
		e.t.Fatalf("extract: %d %v", resp.StatusCode, err)
	}
	return d
}

// pageView is what the annotated view shows.
type pageView struct {
	Text   string            `json:"text"`
	Title  string            `json:"title"`
	Spans  map[string]string `json:"spans"`
	Tips   map[string]string `json:"tips"`
	Colour map[string]string `json:"colour"`
	Quotes []struct {
		Speaker string `json:"speaker"`
		Text    string `json:"text"`
	} `json:"quotes"`
	Events   int `json:"events"`
	Entities int `json:"entities"`
	Times    int `json:"times"`
}

const readView = `(() => {
  const v = {spans: {}, tips: {}, colour: {}};
  for (const n of document.querySelectorAll('#doc-text [data-ann]')) {
    for (const k of n.dataset.ann.split(' ')) {
      v.spans[k] = (v.spans[k] || '') + n.textContent;
      if (!v.tips[k]) v.tips[k] = n.title;
      if (!v.colour[k]) v.colour[k] = n.style.backgroundColor;
    }
  }
  v.text = document.getElementById('doc-text').textContent;
  v.title = document.getElementById('doc-title').textContent;
  v.quotes = [...document.querySelectorAll('#quote-list li')].map((li) =>
    ({speaker: li.querySelector('.speaker').textContent, text: li.querySelector('q').textContent}));
  v.events = document.querySelectorAll('#event-list li').length;
  v.entities = document.querySelectorAll('#entity-list li').length;
  v.times = document.querySelectorAll('#time-list li').length;
  return v;
})()`

// checkView compares the page with the extracted document: every span the
// contract gives is highlighted over exactly its text, and nothing else is.
func checkView(t *testing.T, v pageView, d contract.Document) {
	t.Helper()
	if v.Text != d.Text {
		t.Errorf("the page shows a different text:\n got %.200q\nwant %.200q", v.Text, d.Text)
	}
	want := map[string]string{}
	for i, e := range d.Entities {
		for j, m := range e.Mentions {
			want[fmt.Sprintf("m%d-%d", i, j)] = m.Text
		}
	}
	for i, e := range d.Events {
		want[fmt.Sprintf("t%d", i)] = e.Trigger.Text
	}
	for i, q := range d.Quotes {
		want[fmt.Sprintf("q%d", i)] = q.Text
		if q.Speaker.End > q.Speaker.Start {
			want[fmt.Sprintf("s%d", i)] = d.Text[q.Speaker.Start:q.Speaker.End]
		}
	}
	for i, tm := range d.Times {
		want[fmt.Sprintf("x%d", i)] = tm.Text
	}
	for k, w := range want {
		if v.Spans[k] != w {
			t.Errorf("highlight %s shows %q, want %q", k, v.Spans[k], w)
		}
	}
	for k := range v.Spans {
		if _, ok := want[k]; !ok {
			t.Errorf("unexpected highlight %s over %q", k, v.Spans[k])
		}
	}
	if len(v.Quotes) != len(d.Quotes) || v.Events != len(d.Events) || v.Entities != len(d.Entities) || v.Times != len(d.Times) {
		t.Errorf("lists: %d quotes, %d events, %d entities, %d times; want %d, %d, %d, %d",
			len(v.Quotes), v.Events, v.Entities, v.Times, len(d.Quotes), len(d.Events), len(d.Entities), len(d.Times))
	}
	for i := range min(len(v.Quotes), len(d.Quotes)) {
		q := d.Quotes[i]
		if v.Quotes[i].Text != q.Text || !strings.HasPrefix(v.Quotes[i].Speaker, q.Speaker.Name) {
			t.Errorf("quote %d listed as %q by %q, want %q by %q", i, v.Quotes[i].Text, v.Quotes[i].Speaker, q.Text, q.Speaker.Name)
		}
	}
}

func exampleStory(t *testing.T) (title, text string) {
	path := filepath.Join(datadir.Dir(), "..", "examples", "trump-putin-call.txt")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("example story not found: %v", err)
	}
	title, text, _ = strings.Cut(string(b), "\n")
	return title, text
}

// screenshot saves the page to $DYAD_UI_SCREENSHOT (relative to the
// project root) when it is set.
func (e *browserEnv) screenshot() {
	shot := os.Getenv("DYAD_UI_SCREENSHOT")
	if shot == "" {
		return
	}
	if !filepath.IsAbs(shot) {
		shot = filepath.Join("..", "..", shot)
	}
	png, err := chromedp.Run(e.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		e.t.Fatal(err)
	}
	if err := os.WriteFile(shot, png, 0o644); err != nil {
		e.t.Fatal(err)
	}
	e.t.Logf("screenshot: %s", shot)
}

// TestBrowserPipeline pastes the example story into the page served with
// the whole pipeline and checks that every span the pipeline finds is
// highlighted over its text, and the quote list.
func TestBrowserPipeline(t *testing.T) {
	e := newBrowserEnv(t, false)
	title, text := exampleStory(t)
	e.paste(title, "2017-01-28", text)
	v := eval[pageView](e, readView)
	d := e.extract(title, "2017-01-28", text)
	if len(d.Entities) == 0 {
		t.Fatal("the pipeline found no entity in the example story")
	}
	checkView(t, v, d)
	e.screenshot()
	if errs := e.errors(); len(errs) > 0 {
		t.Errorf("browser console errors: %v", errs)
	}
}

// TestBrowser checks the page with hand-made annotations of every kind,
// hostile markup, and the corpus views over a synthetic store.
func TestBrowser(t *testing.T) {
	e := newBrowserEnv(t, true)
	title, text := exampleStory(t)

	t.Run("AnnotateExample", func(t *testing.T) {
		e.t = t
		e.paste(title, "2017-01-28", text)
		v := eval[pageView](e, readView)
		d := e.extract(title, "2017-01-28", text)
		if len(d.Quotes) < 3 || len(d.Events) < 3 {
			t.Fatalf("the test's annotations did not apply: %d quotes, %d events", len(d.Quotes), len(d.Events))
		}
		checkView(t, v, d)
		if v.Title != title {
			t.Errorf("title %q", v.Title)
		}
		if tip := v.Tips["t0"]; !strings.Contains(tip, "CAMEO 040 Consult") || !strings.Contains(tip, "PLOVER CONSULT") {
			t.Errorf("trigger tooltip %q", tip)
		}
		if v.Colour["m0-0"] == "" || v.Colour["m0-0"] == v.Colour["m1-0"] {
			t.Errorf("actors not coloured by country: %q (USA) vs %q (RUS)", v.Colour["m0-0"], v.Colour["m1-0"])
		}
		// A quote in the list links to its text and its speaker.
		e.do(chromedp.Click(`#quote-list li[data-quote="0"]`))
		focused := eval[[]string](e, `[...document.querySelectorAll('#doc-text .focus')].map((n) => n.dataset.ann)`)
		var quote, speaker bool
		for _, f := range focused {
			quote = quote || strings.Contains(" "+f+" ", " q0 ")
			speaker = speaker || strings.Contains(" "+f+" ", " s0 ")
		}
		if !quote || !speaker {
			t.Errorf("clicking quote 0 focused %v", focused)
		}
	})

	t.Run("XSS", func(t *testing.T) {
		e.t = t
		hostile := `<script>window.__xss=1</script> Markup <img src=x onerror="window.__xss=1"> is text.` +
			"\n\n" + `<svg onload="window.__xss=1"></svg><iframe src="javascript:window.__xss=1"></iframe> & done.`
		htitle := `<img src=x onerror="window.__xss=1">`
		e.paste(htitle, "", hostile)
		time.Sleep(300 * time.Millisecond) // give an injected handler the chance to run
		v := eval[pageView](e, readView)
		checkView(t, v, e.extract(htitle, "", hostile))
		if v.Title != htitle {
			t.Errorf("hostile title shown as %q", v.Title)
		}
		injected := eval[int](e, `document.querySelectorAll('main script, main img, main svg:not(.series):not(.network), main iframe').length`)
		if flag := eval[bool](e, `window.__xss !== undefined`); flag || injected != 0 {
			t.Errorf("hostile markup ran or was inserted: flag %v, %d elements", flag, injected)
		}
		// The stored hostile story, opened from the documents list.
		e.open("documents")
		e.waitFor(`document.querySelectorAll('#doc-results tbody tr').length === 4`)
		e.do(chromedp.Click(`#doc-results tbody tr:first-child a`))
		e.waitFor(`document.getElementById('doc-text').dataset.state === 'done'`)
		time.Sleep(300 * time.Millisecond)
		if got := eval[string](e, `document.getElementById('doc-title').textContent`); got != storetest.Corpus()[3].Title {
			t.Errorf("stored hostile title shown as %q", got)
		}
		if flag := eval[bool](e, `window.__xss !== undefined`); flag {
			t.Error("stored hostile markup ran")
		}
	})

	t.Run("CorpusViews", func(t *testing.T) {
		e.t = t
		e.open("dyad")
		e.do(chromedp.SetValue("#dy-source", "RUS"), chromedp.SetValue("#dy-target", "USA"),
			chromedp.SetValue("#dy-interval", "day"), chromedp.Click(`#dyad-form button[type=submit]`))
		e.waitFor(`document.querySelectorAll('#dyad-events tbody tr').length === 3`)
		if n := eval[int](e, `document.querySelectorAll('#dyad-chart g[data-bucket]').length`); n != 3 {
			t.Errorf("dyad chart has %d buckets, want 3 days", n)
		}
		e.open("network")
		e.waitFor(`document.querySelectorAll('#network-chart path.edge').length === 5`)
		if n := eval[int](e, `document.querySelectorAll('#network-chart g.node').length`); n != 5 {
			t.Errorf("network has %d nodes, want 5 countries", n)
		}
		e.open("quotes")
		e.waitFor(`document.querySelectorAll('#quote-results li q').length === 2`)
		e.do(chromedp.SetValue("#qu-speaker", "orlov"), chromedp.Click(`#quote-form button[type=submit]`))
		e.waitFor(`document.querySelectorAll('#quote-results li q').length === 1`)
		if q := eval[string](e, `document.querySelector('#quote-results li q').textContent`); q != "We have no hopes of relief from sanctions," {
			t.Errorf("quote search found %q", q)
		}
	})

	if errs := e.errors(); len(errs) > 0 {
		t.Errorf("browser console errors: %v", errs)
	}
}
