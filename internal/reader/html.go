package reader

// HTML pages. The page is parsed as browsers do (the HTML5 algorithm, so
// there is no malformed HTML, only pages too deeply nested or without text),
// its main text is found with go-readability (codeberg.org/readeck/
// go-readability/v2, the maintained successor of go-shiori/go-readability),
// and rendered so that each block (paragraph, heading, list item, quote,
// table row...) is one paragraph, separated by a blank line; <br> is a line
// break, runs of white space are one space, and script, style and hidden
// elements are skipped. When readability finds less than 500 bytes of main
// text (its own threshold: a short page, or one it cannot score), the whole
// <body> is rendered instead if it has more.
//
// Metadata: the title is readability's (JSON-LD headline, og:title, <title>
// less the site name), else og:title, <title> or the first <h1>; Published is
// the first that parses of article:published_time, og:published_time,
// itemprop="datePublished" (on a <meta> or any element), JSON-LD
// datePublished, a <time pubdate> and then the first <time datetime>; URL is
// <link rel="canonical">, else og:url; Source is og:site_name, else the
// site name readability finds; Language is <html lang>, else the
// Content-Language meta. Meta holds "author" (readability's byline or the
// author meta) and "modified" (article:modified_time) when present.
//
// Encoding: a page that is not valid UTF-8 is decoded with the charset it
// declares (<meta charset> or http-equiv Content-Type), recorded in Meta
// "encoding"; without a declaration it is ErrUTF8.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"strings"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"

	"github.com/dyadhq/dyad/pkg/doc"
)

// minMainText is readability's own threshold (500 characters): below it the
// main text is likely a fragment, and the whole body is taken instead.
const minMainText = 500

func readHTML(name string, r io.Reader, s *sink) error {
	return s.single(name, r, s.rawLimit(), htmlDocument)
}

func parseHTML(data []byte) (*html.Node, error) {
	root, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%w: HTML: %v", ErrMalformed, err)
	}
	return root, nil
}

// htmlDocument reads one page.
func htmlDocument(name string, data []byte) (*doc.Document, error) {
	data = bytes.TrimPrefix(data, bom)
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, ErrEmpty
	}
	root, err := parseHTML(data)
	if err != nil {
		return nil, err
	}
	m := scanHTMLMeta(root)
	encodingName := ""
	if !utf8.Valid(data) {
		if m.charset == "" {
			return nil, fmt.Errorf("%w (and the page declares no charset)", ErrUTF8)
		}
		enc, cname := charset.Lookup(m.charset)
		if enc == nil || cname == "utf-8" {
			return nil, fmt.Errorf("%w (the page declares charset %q)", ErrUTF8, m.charset)
		}
		if data, err = enc.NewDecoder().Bytes(data); err != nil {
			return nil, fmt.Errorf("%w: %s: %v", ErrUTF8, cname, err)
		}
		if root, err = parseHTML(data); err != nil {
			return nil, err
		}
		m = scanHTMLMeta(root)
		encodingName = cname
	}

	d := &doc.Document{ID: docID(name), Origin: name, Language: m.lang, URL: m.canonical, Meta: map[string]string{}}
	if d.URL == "" {
		d.URL = m.metas["og:url"]
	}
	if d.Language == "" {
		d.Language = strings.TrimSpace(m.metas["content-language"])
	}
	if encodingName != "" {
		d.Meta["encoding"] = encodingName
	}
	if v := m.metas["article:modified_time"]; v != "" {
		d.Meta["modified"] = v
	}
	for _, v := range []string{m.metas["article:published_time"], m.metas["og:published_time"], m.metas["og:article:published_time"],
		m.metas["datepublished"], m.itempropDate, m.jsonLDDate, m.pubdate, m.timeDate} {
		if t, clock, err := parseDate(v); err == nil {
			d.Published, d.PublishedHasClock = t, clock
			break
		}
	}

	article, aerr := mainText(root, d.URL)
	if aerr == nil && article.Node != nil {
		d.Text = htmlText(article.Node)
	}
	if len(d.Text) < minMainText {
		// Little or no main text found: the whole body of a fresh tree, when
		// it has more.
		if root, err = parseHTML(data); err != nil {
			return nil, err
		}
		if body := htmlText(findElement(root, "body")); len(body) > len(d.Text) {
			d.Text = body
		}
	}
	d.Title = firstNonEmpty(clean1(article.Title()), m.metas["og:title"], m.title, m.h1)
	d.Source = firstNonEmpty(m.metas["og:site_name"], clean1(article.SiteName()))
	if a := firstNonEmpty(clean1(article.Byline()), m.metas["author"]); a != "" {
		d.Meta["author"] = a
	}
	if len(d.Meta) == 0 {
		d.Meta = nil
	}
	return d, nil
}

// mainText runs readability; a panic in it (outside input reaches deep into
// the library) counts as finding nothing.
func mainText(root *html.Node, page string) (a readability.Article, err error) {
	defer func() {
		if r := recover(); r != nil {
			a, err = readability.Article{}, fmt.Errorf("readability: %v", r)
		}
	}()
	pageURL, _ := url.Parse(page)
	parser := readability.NewParser()
	return parser.ParseAndMutate(root, pageURL)
}

func firstNonEmpty(vs ...string) string {
	for _, v := range vs {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

// clean1 makes s one line with single spaces.
func clean1(s string) string { return strings.Join(strings.Fields(s), " ") }

// htmlMeta is what the page says about itself.
type htmlMeta struct {
	lang, charset, canonical, title, h1 string
	// metas maps <meta> name, property and itemprop (lower-cased) to content.
	metas                                map[string]string
	itempropDate, jsonLDDate, pubdate    string
	timeDate                             string
	sawHTML, sawTitle, sawH1, sawPubdate bool
	sawItemprop, sawJSONLDDate, sawCanon bool
	sawTime                              bool
}

// scanHTMLMeta walks the tree once for the page's metadata.
func scanHTMLMeta(root *html.Node) *htmlMeta {
	m := &htmlMeta{metas: map[string]string{}}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			m.element(n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return m
}

func (m *htmlMeta) element(n *html.Node) {
	switch n.Data {
	case "html":
		if !m.sawHTML {
			m.sawHTML = true
			m.lang = strings.TrimSpace(attr(n, "lang"))
		}
	case "meta":
		if cs := attr(n, "charset"); cs != "" && m.charset == "" {
			m.charset = strings.TrimSpace(cs)
		}
		content := strings.TrimSpace(attr(n, "content"))
		if he := strings.ToLower(attr(n, "http-equiv")); he != "" {
			if he == "content-type" && m.charset == "" {
				if _, after, ok := strings.Cut(strings.ToLower(content), "charset="); ok {
					m.charset = strings.Trim(strings.TrimSpace(after), `"'`)
				}
			}
			m.setMeta(he, content)
		}
		for _, k := range []string{"name", "property", "itemprop"} {
			m.setMeta(strings.ToLower(strings.TrimSpace(attr(n, k))), content)
		}
	case "link":
		if !m.sawCanon && strings.EqualFold(strings.TrimSpace(attr(n, "rel")), "canonical") {
			m.sawCanon = true
			m.canonical = strings.TrimSpace(attr(n, "href"))
		}
	case "title":
		if !m.sawTitle {
			m.sawTitle = true
			m.title = clean1(innerText(n))
		}
	case "h1":
		if !m.sawH1 {
			m.sawH1 = true
			m.h1 = clean1(innerText(n))
		}
	case "script":
		if !m.sawJSONLDDate && strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") {
			var v any
			if json.Unmarshal([]byte(innerText(n)), &v) == nil {
				if s := findJSONKey(v, "datePublished", 0); s != "" {
					m.sawJSONLDDate = true
					m.jsonLDDate = s
				}
			}
		}
	case "time":
		dt := strings.TrimSpace(attr(n, "datetime"))
		if dt == "" {
			dt = clean1(innerText(n))
		}
		if hasAttr(n, "pubdate") && !m.sawPubdate {
			m.sawPubdate = true
			m.pubdate = dt
		}
		if !m.sawTime && dt != "" {
			m.sawTime = true
			m.timeDate = dt
		}
	}
	if n.Data != "meta" && !m.sawItemprop && strings.EqualFold(attr(n, "itemprop"), "datePublished") {
		m.sawItemprop = true
		m.itempropDate = firstNonEmpty(attr(n, "datetime"), attr(n, "content"), clean1(innerText(n)))
	}
}

func (m *htmlMeta) setMeta(key, content string) {
	if key == "" || content == "" {
		return
	}
	if _, ok := m.metas[key]; !ok {
		m.metas[key] = content
	}
}

// findJSONKey returns the first string value of key in a JSON-LD tree.
func findJSONKey(v any, key string, depth int) string {
	if depth > 20 {
		return ""
	}
	switch t := v.(type) {
	case map[string]any:
		if s, ok := t[key].(string); ok && s != "" {
			return s
		}
		for _, k := range []string{"@graph", "mainEntity", "mainEntityOfPage"} {
			if s := findJSONKey(t[k], key, depth+1); s != "" {
				return s
			}
		}
	case []any:
		for _, e := range t {
			if s := findJSONKey(e, key, depth+1); s != "" {
				return s
			}
		}
	}
	return ""
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// innerText is the concatenated text of n's descendants.
func innerText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

func findElement(n *html.Node, tag string) *html.Node {
	if n == nil {
		return nil
	}
	if n.Type == html.ElementNode && n.Data == tag {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := findElement(c, tag); f != nil {
			return f
		}
	}
	return nil
}

// Elements htmlText skips, and those that make a paragraph.
var (
	skipElements = map[string]bool{"script": true, "style": true, "noscript": true, "template": true,
		"head": true, "title": true, "svg": true, "math": true, "iframe": true, "object": true, "embed": true,
		"canvas": true, "video": true, "audio": true, "map": true, "select": true, "button": true,
		"input": true, "textarea": true}
	blockElements = map[string]bool{"p": true, "div": true, "h1": true, "h2": true, "h3": true, "h4": true,
		"h5": true, "h6": true, "li": true, "ul": true, "ol": true, "dl": true, "dt": true, "dd": true,
		"blockquote": true, "pre": true, "table": true, "tr": true, "thead": true, "tbody": true,
		"tfoot": true, "caption": true, "section": true, "article": true, "header": true, "footer": true,
		"aside": true, "nav": true, "main": true, "figure": true, "figcaption": true, "address": true,
		"hr": true, "details": true, "summary": true, "form": true, "fieldset": true, "center": true,
		"body": true}
)

// textBuilder writes text with pending separators: a space, a line break
// or a paragraph break, whichever is strongest, before the next word.
type textBuilder struct {
	b     []byte
	space bool
	nl    int // 0, 1 (line break) or 2 (paragraph break)
}

func (t *textBuilder) breakLine(n int) { t.nl = max(t.nl, n) }

func (t *textBuilder) writeText(s string, pre bool) {
	for _, r := range s {
		switch {
		case r == '\n' && pre:
			t.breakLine(1)
		case r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\u00a0':
			t.space = true
		case r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0 || r == utf8.RuneError:
			// control characters and broken bytes are dropped
		default:
			if len(t.b) > 0 {
				switch {
				case t.nl == 2:
					t.b = append(t.b, '\n', '\n')
				case t.nl == 1:
					t.b = append(t.b, '\n')
				case t.space:
					t.b = append(t.b, ' ')
				}
			}
			t.nl, t.space = 0, false
			t.b = utf8.AppendRune(t.b, r)
		}
	}
}

// htmlText renders the text under n (see the comment at the top).
func htmlText(n *html.Node) string {
	if n == nil {
		return ""
	}
	var t textBuilder
	var walk func(n *html.Node, pre bool)
	walk = func(n *html.Node, pre bool) {
		switch n.Type {
		case html.TextNode:
			t.writeText(n.Data, pre)
			return
		case html.ElementNode:
			if skipElements[n.Data] || hasAttr(n, "hidden") || attr(n, "aria-hidden") == "true" {
				return
			}
			switch {
			case n.Data == "br":
				t.breakLine(1)
			case n.Data == "td" || n.Data == "th":
				t.space = true
			case blockElements[n.Data]:
				t.breakLine(2)
				defer t.breakLine(2)
			}
			pre = pre || n.Data == "pre"
		case html.CommentNode, html.DoctypeNode:
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, pre)
		}
	}
	walk(n, false)
	return string(t.b)
}
