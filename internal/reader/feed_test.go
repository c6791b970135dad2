package reader

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
)

const rssFeed = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Harbour Times: World</title>
  <link>https://example.org/</link>
  <language>en-us</language>
  <item>
    <title>Ministers meet over &lt;b&gt;fishing&lt;/b&gt; rights</title>
    <link>https://example.org/a</link>
    <guid isPermaLink="false">tag:example.org,2024:a</guid>
    <pubDate>Tue, 05 Mar 2024 08:30:00 GMT</pubDate>
    <dc:creator>Jo Reporter</dc:creator>
    <category>politics</category><category>fishing</category>
    <description>Short summary.</description>
    <content:encoded><![CDATA[<p>Ministers from both countries met in Oslo.</p><p>They agreed to talk again in May.</p>]]></content:encoded>
  </item>
  <item>
    <title>Storm warning lifted</title>
    <link>https://example.org/b</link>
    <description>The national weather service &lt;i&gt;lifted&lt;/i&gt; its warning &amp; reopened roads.</description>
  </item>
  <item>
    <title>Markets open higher</title>
    <link>https://example.org/c</link>
  </item>
  <item>
    <description>   </description>
  </item>
</channel>
</rss>`

const atomFeed = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">
  <title>Example Atom</title>
  <id>urn:example:feed</id>
  <updated>2024-03-05T10:00:00Z</updated>
  <entry>
    <title>Port reopens</title>
    <id>urn:example:1</id>
    <link href="https://example.org/port"/>
    <updated>2024-03-05T09:00:00+01:00</updated>
    <summary type="html">&lt;p&gt;The port reopened.&lt;/p&gt;&lt;p&gt;Ships sailed at dawn.&lt;/p&gt;</summary>
  </entry>
</feed>`

func TestRSS(t *testing.T) {
	r := readBytes("world.rss", []byte(rssFeed), Options{})
	checkInvariants(t, "world.rss", r, DefaultMaxBytes)
	if len(r.docs) != 3 || !slices.Equal(r.records(), []string{"item 4"}) || !errors.Is(r.bad[0], ErrEmpty) {
		t.Fatalf("documents %d, bad %v", len(r.docs), r.bad)
	}
	a := r.docs[0]
	if a.Title != "Ministers meet over fishing rights" || a.Text != "Ministers from both countries met in Oslo.\n\nThey agreed to talk again in May." ||
		a.URL != "https://example.org/a" || a.ID != "tag:example.org,2024:a" || a.Source != "Harbour Times: World" ||
		a.Language != "en-us" || a.Origin != "world.rss: item 1" {
		t.Errorf("item 1: %+v", a)
	}
	if want := time.Date(2024, 3, 5, 8, 30, 0, 0, time.UTC); !a.Published.Equal(want) || !a.PublishedHasClock {
		t.Errorf("item 1 published %v", a.Published)
	}
	if a.Meta["author"] != "Jo Reporter" || a.Meta["categories"] != "politics,fishing" || a.Meta["guid"] != "tag:example.org,2024:a" {
		t.Errorf("item 1 meta %v", a.Meta)
	}
	if b := r.docs[1]; b.Text != "The national weather service lifted its warning & reopened roads." || b.ID != "https://example.org/b" {
		t.Errorf("item 2: %q %q", b.Text, b.ID)
	}
	if c := r.docs[2]; c.Text != "Markets open higher" || c.Meta["text_from"] != "title" {
		t.Errorf("item 3: %q %v", c.Text, c.Meta)
	}
}

func TestAtom(t *testing.T) {
	// No extension: the content says it is a feed.
	r := readBytes("stdin", []byte(atomFeed), Options{})
	checkInvariants(t, "stdin", r, DefaultMaxBytes)
	if len(r.docs) != 1 || len(r.bad) != 0 {
		t.Fatalf("documents %d, bad %v", len(r.docs), r.bad)
	}
	d := r.docs[0]
	if d.Title != "Port reopens" || d.Text != "The port reopened.\n\nShips sailed at dawn." || d.URL != "https://example.org/port" ||
		d.ID != "urn:example:1" || d.Source != "Example Atom" {
		t.Errorf("entry: %+v", d)
	}
	if want := time.Date(2024, 3, 5, 8, 0, 0, 0, time.UTC); !d.Published.Equal(want) {
		t.Errorf("published %v (from updated)", d.Published)
	}
}

func TestFeedBad(t *testing.T) {
	for _, tc := range []struct {
		name, file, in string
		err            error
	}{
		{"no items", "e.rss", `<rss version="2.0"><channel><title>Empty</title></channel></rss>`, ErrEmpty},
		{"broken XML", "b.rss", `<rss version="2.0"><channel><item><title>x</title><description>y</item></channel>`, ErrMalformed},
		{"XML that is no feed", "n.xml", `<?xml version="1.0"?><catalog><book>x</book></catalog>`, ErrMalformed},
		{"not XML at all", "t.atom", `just words`, ErrMalformed},
	} {
		r := readBytes(tc.file, []byte(tc.in), Options{})
		checkInvariants(t, tc.file, r, DefaultMaxBytes)
		if len(r.docs) != 0 || len(r.bad) != 1 || !errors.Is(r.bad[0], tc.err) || r.bad[0].Record != "" {
			t.Errorf("%s: docs %d bad %v, want %v", tc.name, len(r.docs), r.bad, tc.err)
		}
	}
}

func TestFeedEncoding(t *testing.T) {
	in := `<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><item><title>x</title><description>caf` + "\xe9" + ` au lait</description></item></channel></rss>`
	r := readBytes("latin.rss", []byte(in), Options{})
	if len(r.docs) != 1 || r.docs[0].Text != "café au lait" {
		t.Errorf("declared ISO-8859-1: %v %v", r.docs, r.bad)
	}
	// Without the declaration the bytes are not UTF-8: the feed is broken.
	r = readBytes("latin.rss", []byte(strings.Replace(in, ` encoding="ISO-8859-1"`, "", 1)), Options{})
	if len(r.docs) != 0 || len(r.bad) != 1 || !errors.Is(r.bad[0], ErrMalformed) {
		t.Errorf("undeclared: %v %v", r.docs, r.bad)
	}
}
