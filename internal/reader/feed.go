package reader

// RSS, Atom (and JSON Feed) with github.com/mmcdole/gofeed. Each item is a
// document, named "item N" (from 1) in errors: the title; the text of the
// item's content, else its description, rendered from HTML as for pages
// (blocks become paragraphs); Published from the published date, else the
// updated one (the dates of date.go decide whether a time of day is known;
// otherwise gofeed's parse is used, with the clock); URL the link; ID the
// guid, else the link, else the file's name and the item number; Source the
// feed's title; Language the feed's. Meta holds "guid", "author" and
// "categories" (comma-separated). An item with neither content nor
// description carries its title as text (Meta "text_from"="title"), like a
// Reuters brief; one with no title either is ErrEmpty. A feed without items
// is ErrEmpty; XML that is not a feed, or a broken feed, is ErrMalformed.

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"

	"github.com/dyadhq/dyad/pkg/doc"
)

func readFeed(name string, r io.Reader, s *sink) error {
	data, err := readAll(r, s.rawLimit())
	if err != nil {
		return s.bad(name, "", err)
	}
	feed, err := parseFeed(data)
	if err != nil {
		return s.bad(name, "", err)
	}
	if len(feed.Items) == 0 {
		return s.bad(name, "", fmt.Errorf("%w: the feed has no items", ErrEmpty))
	}
	base := docID(name)
	for i, it := range feed.Items {
		rec := "item " + strconv.Itoa(i+1)
		d, err := feedItem(feed, it)
		if err != nil {
			if err := s.bad(name, rec, err); err != nil {
				return err
			}
			continue
		}
		if d.ID == "" {
			d.ID = base + "-" + strconv.Itoa(i+1)
		}
		d.Origin = name + ": " + rec
		if err := s.deliver(name, rec, d); err != nil {
			return err
		}
	}
	return nil
}

// parseFeed runs gofeed, turning its failures (and any panic, since this is
// outside input) into ErrMalformed.
func parseFeed(data []byte) (feed *gofeed.Feed, err error) {
	defer func() {
		if r := recover(); r != nil {
			feed, err = nil, fmt.Errorf("%w: the feed parser failed: %v", ErrMalformed, r)
		}
	}()
	feed, err = gofeed.NewParser().Parse(bytes.NewReader(bytes.TrimPrefix(data, bom)))
	switch {
	case errors.Is(err, gofeed.ErrFeedTypeNotDetected):
		return nil, fmt.Errorf("%w: not an RSS, Atom or JSON feed", ErrMalformed)
	case err != nil:
		return nil, fmt.Errorf("%w: feed: %v", ErrMalformed, err)
	}
	return feed, nil
}

func feedItem(feed *gofeed.Feed, it *gofeed.Item) (*doc.Document, error) {
	if it == nil {
		return nil, ErrEmpty
	}
	d := &doc.Document{
		ID:       firstNonEmpty(it.GUID, it.Link),
		Title:    clean1(fragmentText(it.Title)),
		URL:      strings.TrimSpace(it.Link),
		Source:   clean1(feed.Title),
		Language: strings.TrimSpace(feed.Language),
		Meta:     map[string]string{},
	}
	d.Text = fragmentText(firstNonEmpty(it.Content, it.Description))
	if strings.TrimSpace(d.Text) == "" && d.Title != "" {
		d.Text = d.Title
		d.Meta["text_from"] = "title"
	}
	d.Published, d.PublishedHasClock = feedDate(it.Published, it.PublishedParsed)
	if d.Published.IsZero() {
		d.Published, d.PublishedHasClock = feedDate(it.Updated, it.UpdatedParsed)
	}
	if g := strings.TrimSpace(it.GUID); g != "" {
		d.Meta["guid"] = g
	}
	var authors []string
	for _, a := range it.Authors {
		if a != nil && strings.TrimSpace(a.Name) != "" {
			authors = append(authors, clean1(a.Name))
		}
	}
	if len(authors) > 0 {
		d.Meta["author"] = strings.Join(authors, ", ")
	}
	if len(it.Categories) > 0 {
		d.Meta["categories"] = strings.Join(it.Categories, ",")
	}
	if len(d.Meta) == 0 {
		d.Meta = nil
	}
	return d, nil
}

// feedDate prefers our own reading of the date, which knows whether a time
// of day was given, and falls back to gofeed's.
func feedDate(raw string, parsed *time.Time) (time.Time, bool) {
	if t, clock, err := parseDate(raw); err == nil {
		return t, clock
	}
	if parsed != nil {
		return *parsed, true
	}
	return time.Time{}, false
}

// fragmentText renders an HTML fragment (or plain text) as text.
func fragmentText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		var t textBuilder
		for _, para := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n\n") {
			t.breakLine(2)
			t.writeText(para, false)
		}
		return string(t.b)
	}
	root, err := html.Parse(strings.NewReader(s))
	if err != nil {
		return "" // nested too deep: the item reports no text
	}
	return htmlText(findElement(root, "body"))
}
