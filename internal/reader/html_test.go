package reader

import (
	"errors"
	"strings"
	"testing"
	"time"
)

const articleBody = `
<p>The harbour authority said on Tuesday that the northern pier would close for repairs, forcing ferries to dock at the old quay for at least three months while engineers replace the damaged pilings.</p>
<p>Officials said the work, estimated at 4.2 million euros, had been planned for next year but was brought forward after a storm in January cracked two of the supports. <a href="/storm">Storm coverage</a>.</p>
<p>"We cannot take any risk with passenger safety," the authority's director told reporters at a briefing.<br>Ferry operators said timetables would change from Monday.</p>
<ul><li>Northern pier: closed</li><li>Old quay: open to ferries</li></ul>
<p>Local businesses near the pier said they expected fewer visitors during the spring season, and asked the city for support.</p>
`

func page(head, body string) string {
	return `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">` + head + `</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>Pier to close for repairs</h1>` + body + `</article>
<footer><p>Copyright Example Media. All rights reserved.</p></footer>
<script>var tracking = "should never appear";</script>
</body></html>`
}

func TestHTMLPage(t *testing.T) {
	head := `<title>Pier to close for repairs | Harbour Times</title>
<meta property="og:site_name" content="Harbour Times">
<meta property="article:published_time" content="2024-03-05T08:30:00+01:00">
<meta name="author" content="Jo Reporter">
<link rel="canonical" href="https://example.org/news/pier">`
	r := readBytes("pier.html", []byte(page(head, articleBody)), Options{})
	checkInvariants(t, "pier.html", r, DefaultMaxBytes)
	if len(r.docs) != 1 {
		t.Fatalf("got %d documents, bad %v", len(r.docs), r.bad)
	}
	d := r.docs[0]
	if d.Title != "Pier to close for repairs" || d.Source != "Harbour Times" || d.URL != "https://example.org/news/pier" ||
		d.Language != "en-GB" || d.ID != "pier" || d.Meta["author"] != "Jo Reporter" {
		t.Errorf("metadata: title %q source %q url %q lang %q id %q meta %v", d.Title, d.Source, d.URL, d.Language, d.ID, d.Meta)
	}
	if want := time.Date(2024, 3, 5, 7, 30, 0, 0, time.UTC); !d.Published.Equal(want) || !d.PublishedHasClock {
		t.Errorf("published %v", d.Published)
	}
	paras := strings.Split(d.Text, "\n\n")
	if len(paras) != 6 || !strings.HasPrefix(paras[0], "The harbour authority said") ||
		paras[2] != "\"We cannot take any risk with passenger safety,\" the authority's director told reporters at a briefing.\nFerry operators said timetables would change from Monday." ||
		paras[3] != "Northern pier: closed" || !strings.Contains(paras[1], "January cracked two of the supports. Storm coverage.") {
		t.Errorf("paragraphs %d:\n%s", len(paras), strings.Join(paras, "\n--\n"))
	}
	for _, noise := range []string{"Home", "Copyright", "tracking"} {
		if strings.Contains(d.Text, noise) {
			t.Errorf("boilerplate %q in the text", noise)
		}
	}
}

func TestHTMLDates(t *testing.T) {
	for _, tc := range []struct {
		name, head, body string
		want             time.Time
		clock            bool
	}{
		{"og published_time", `<meta property="og:published_time" content="2024-03-06">`, "", time.Date(2024, 3, 6, 0, 0, 0, 0, time.UTC), false},
		{"itemprop meta", `<meta itemprop="datePublished" content="2024-03-07T10:00:00Z">`, "", time.Date(2024, 3, 7, 10, 0, 0, 0, time.UTC), true},
		{"itemprop element", "", `<span itemprop="datePublished" datetime="2024-03-08">8 March</span>`, time.Date(2024, 3, 8, 0, 0, 0, 0, time.UTC), false},
		{"json-ld", `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","datePublished":"2024-03-09T12:00:00+00:00"}]}</script>`,
			"", time.Date(2024, 3, 9, 12, 0, 0, 0, time.UTC), true},
		{"time element", "", `<p>Posted <time datetime="2024-03-10 09:15">Sunday</time></p>`, time.Date(2024, 3, 10, 9, 15, 0, 0, time.UTC), true},
		{"meta wins over time", `<meta property="article:published_time" content="2024-03-11">`, `<time datetime="2020-01-01">x</time>`,
			time.Date(2024, 3, 11, 0, 0, 0, 0, time.UTC), false},
		{"unparsable skipped", `<meta property="article:published_time" content="soon">`, `<time datetime="2024-03-12">x</time>`,
			time.Date(2024, 3, 12, 0, 0, 0, 0, time.UTC), false},
		{"none", "", "", time.Time{}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := readBytes("d.html", []byte(page(tc.head, tc.body+articleBody)), Options{})
			if len(r.docs) != 1 {
				t.Fatalf("bad %v", r.bad)
			}
			if d := r.docs[0]; !d.Published.Equal(tc.want) || d.PublishedHasClock != tc.clock {
				t.Errorf("published %v clock %v, want %v %v", d.Published, d.PublishedHasClock, tc.want, tc.clock)
			}
		})
	}
}

func TestHTMLBad(t *testing.T) {
	latin := strings.Replace(page(`<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">`, articleBody), `<meta charset="utf-8">`, "", 1)
	latin = strings.Replace(latin, "director", "directeur g\xe9n\xe9ral", 1)
	r := readBytes("latin.html", []byte(latin), Options{})
	if len(r.docs) != 1 || !strings.Contains(r.docs[0].Text, "directeur général") || r.docs[0].Meta["encoding"] != "windows-1252" {
		t.Errorf("declared Latin-1 page: bad %v, docs %d", r.bad, len(r.docs))
	}
	for _, tc := range []struct {
		name, in string
		err      error
	}{
		{"undeclared Latin-1", strings.Replace(latin, "charset=iso-8859-1", "", 1), ErrUTF8},
		{"UTF-8 declared, not UTF-8", strings.Replace(latin, "charset=iso-8859-1", "charset=utf-8", 1), ErrUTF8},
		{"no text", `<html><head><title>Only a title</title></head><body><script>x()</script></body></html>`, ErrEmpty},
		{"too deep", strings.Repeat("<div>", 600) + "text", ErrMalformed},
		{"too large", page("", strings.Repeat("<p>word word word</p>", 1000)), ErrTooLarge},
	} {
		r := readBytes("bad.html", []byte(tc.in), Options{MaxBytes: 2000})
		checkInvariants(t, "bad.html", r, 2000)
		if len(r.docs) != 0 || len(r.bad) != 1 || !errors.Is(r.bad[0], tc.err) {
			t.Errorf("%s: docs %d bad %v, want %v", tc.name, len(r.docs), r.bad, tc.err)
		}
	}
	// A short page readability passes over still gives its body text.
	r = readBytes("short.htm", []byte(`<html><body><p>Two ministers resigned on Friday.</p></body></html>`), Options{})
	if len(r.docs) != 1 || r.docs[0].Text != "Two ministers resigned on Friday." {
		t.Errorf("short page: %v %v", r.docs, r.bad)
	}
}
