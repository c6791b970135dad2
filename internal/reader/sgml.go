package reader

// The Reuters-21578 archive (Distribution 1.0): SGML, not XML. Each story is
//
//	<REUTERS TOPICS=".." LEWISSPLIT=".." CGISPLIT=".." OLDID=".." NEWID="..">
//	<DATE>26-FEB-1987 15:01:01.79</DATE> <TOPICS><D>..</D></TOPICS> <PLACES>..
//	<PEOPLE>.. <ORGS>.. <EXCHANGES>.. <COMPANIES>.. <UNKNOWN>..</UNKNOWN>
//	<TEXT [TYPE="BRIEF"|"UNPROC"]> <TITLE>.. <AUTHOR>.. <DATELINE>.. <BODY>..
//	</TEXT></REUTERS>
//
// Anything outside <REUTERS> ... </REUTERS> (the DOCTYPE line, a <DATA>
// wrapper, a missing final newline) is skipped. The file is streamed one story
// at a time; each story is cut out with byte searches and its text decoded in
// one pass, without regular expressions.
//
// Mapping: NEWID gives the ID "reuters-21578-NEWID"; DATE gives Published
// with its clock (the archive records no zone: UTC is assumed; hundredths and
// trailing notes are dropped; when the clock or the whole date does not
// parse, as in "31-MAR-1987 605:12:19.12", Published keeps what does and Meta
// "date" keeps the raw value: a bad date does not cost the story); TITLE the
// title; BODY the text. Meta holds "dateline" (without its trailing " -"),
// "author", "topics", "places", "people", "orgs", "exchanges", "companies"
// (the <D> items joined by commas; absent when empty), the REUTERS
// attributes "lewissplit", "cgisplit", "oldid", "csecs" and "topics_attr"
// (the TOPICS attribute: YES, NO or BYPASS), and "type" for BRIEF and UNPROC
// stories. Source is "Reuters", Language "en".
//
// Text cleaning, on purpose: character references are resolved (&lt; &gt;
// &amp; &quot; &apos; and &#N;); control characters, written as references
// (&#2; &#3; &#5; &#22; &#31; &#127; ...) or raw, and carriage returns are
// dropped, keeping newlines and tabs; trailing spaces on a line are dropped;
// an indented line, the wire's paragraph mark, gets a blank line before it
// so later stages see paragraphs; more than one blank line becomes one; and
// the sign-off ("Reuter", "REUTER", "Reuters...") is removed from the end
// (of the body, and of the title, where a few briefs have it).
// Words and line breaks are otherwise as in the archive.
//
// TYPE="BRIEF" stories (1,798) have only a headline (their text is the
// placeholder "Blah blah blah."): they become documents whose text is the
// headline, with Meta "text_from"="title", since the headline is the news.
// TYPE="UNPROC" stories (737) have no TITLE or BODY tags: their whole TEXT is
// cleaned as a body, and the plain-text title rule takes its first line as the
// title when it looks like one. Any story left without body text (an empty
// BODY, an UNPROC with only a headline) likewise carries its headline as text;
// one with no text at all is ErrEmpty (NEWID 12793, an UNPROC holding only
// control characters, is the one such story in the archive, so a full read
// gives 21,577 documents and that one error).
//
// Encoding: the archive is ASCII except one byte 0xFC ("ü" in Latin-1) in
// reut2-017.sgm (NEWID 17980). A story that is not valid UTF-8 is decoded as Windows-1252
// (the superset of Latin-1 that 8-bit text of the time really is) and gets
// Meta "encoding"="windows-1252"; it is neither dropped nor an error.
//
// Errors name the story by NEWID ("NEWID 17001"), or by its number in the file
// ("record 5") when it has none: a story without its end tag or its TEXT, an
// element not closed, a story larger than the limit (then skipped without
// holding it in memory), a story with no text.

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/dyadhq/dyad/pkg/doc"
)

const reutersIDPrefix = "reuters-21578-"

// readSGML reads a Reuters-21578 file, one story at a time.
func readSGML(name string, r io.Reader, s *sink) error {
	sc := &storyScanner{r: r, buf: s.sgmlBuf[:0], open: -1}
	defer func() { s.sgmlBuf = sc.buf[:0] }()
	if sc.buf == nil {
		sc.buf = make([]byte, 0, 1<<20)
	}
	p := &sgmlParser{}
	limit := s.rawLimit()
	stories := 0
	for {
		piece, kind, err := sc.next(limit)
		if kind == pieceEOF {
			switch {
			case err != nil:
				return s.bad(name, "", readErr(err))
			case stories == 0:
				return s.bad(name, "", fmt.Errorf("%w: no <REUTERS> story", ErrEmpty))
			}
			return nil
		}
		stories++
		var perr error
		label := ""
		switch kind {
		case pieceOrphanEnd:
			label, perr = "record "+strconv.Itoa(stories), fmt.Errorf("%w: </REUTERS> without <REUTERS>", ErrMalformed)
		case pieceTooLarge:
			label, perr = storyLabel(piece, stories), fmt.Errorf("%w (story over %d bytes)", ErrTooLarge, limit)
		case pieceUnterminated:
			label, perr = storyLabel(piece, stories), fmt.Errorf("%w: no </REUTERS> end tag", ErrMalformed)
		default:
			var d *doc.Document
			if d, label, perr = p.parse(name, piece, stories); perr == nil {
				if err := s.deliver(name, label, d); err != nil {
					return err
				}
				continue
			}
		}
		if err := s.bad(name, label, perr); err != nil {
			return err
		}
	}
}

// Kinds of piece storyScanner returns.
const (
	pieceStory        = iota // "<REUTERS" ... "</REUTERS>"
	pieceUnterminated        // "<REUTERS" ... up to the next story or the end
	pieceOrphanEnd           // "</REUTERS>" with no story open
	pieceTooLarge            // the start of a story over the limit, the rest skipped
	pieceEOF                 // the end (with the read error, if any)
)

// storyScanner cuts a stream into stories, holding at most one story (up to
// the limit) in memory. It finds both tags with one search for "REUTERS":
// a search for "<" would stop at every tag.
type storyScanner struct {
	r        io.Reader
	buf      []byte
	pos      int // data before pos is no longer needed
	scan     int // where the search resumes
	open     int // start of the story being read, or -1
	skipping bool
	head     []byte // the start of a story over the limit
	eof      bool
	err      error
}

var reutersKeyword = []byte("REUTERS")

func (sc *storyScanner) next(limit int) (piece []byte, kind int, err error) {
	const n = len("REUTERS")
	for {
		if i := bytes.Index(sc.buf[sc.scan:], reutersKeyword); i >= 0 {
			k := sc.scan + i
			if k+n >= len(sc.buf) && !sc.eof {
				sc.scan = k // the byte after the keyword is not read yet
				sc.fill()
				continue
			}
			sc.scan = k + n
			after := byte(0)
			if k+n < len(sc.buf) {
				after = sc.buf[k+n]
			}
			switch {
			case k >= 1 && sc.buf[k-1] == '<' && (after == ' ' || after == '>'): // a start tag
				start := k - 1
				prev, skipped, head := sc.open, sc.skipping, sc.head
				sc.open, sc.skipping, sc.head, sc.pos = start, false, nil, start
				switch {
				case skipped:
					return head, pieceTooLarge, nil
				case prev >= 0:
					return sc.buf[prev:start], pieceUnterminated, nil
				}
			case k >= 2 && sc.buf[k-2] == '<' && sc.buf[k-1] == '/' && after == '>': // an end tag
				end := k + n + 1
				sc.scan, sc.pos = end, end
				prev, skipped, head := sc.open, sc.skipping, sc.head
				sc.open, sc.skipping, sc.head = -1, false, nil
				switch {
				case skipped:
					return head, pieceTooLarge, nil
				case prev < 0:
					return nil, pieceOrphanEnd, nil
				}
				return sc.buf[prev:end], pieceStory, nil
			}
			continue
		}
		sc.scan = max(sc.scan, len(sc.buf)-n+1)
		if sc.eof {
			prev, skipped, head := sc.open, sc.skipping, sc.head
			sc.open, sc.skipping, sc.head = -1, false, nil
			switch {
			case skipped:
				return head, pieceTooLarge, nil
			case prev >= 0:
				return sc.buf[prev:], pieceUnterminated, nil
			}
			return nil, pieceEOF, sc.err
		}
		if sc.open >= 0 && len(sc.buf)-sc.open > limit {
			sc.head = append([]byte(nil), sc.buf[sc.open:sc.open+min(1024, len(sc.buf)-sc.open)]...)
			sc.skipping, sc.open = true, -1
		}
		if sc.open < 0 {
			sc.pos = max(sc.pos, sc.scan-2) // junk between stories, or a story being skipped
		}
		sc.fill()
	}
}

// fill moves the data still needed to the front of the buffer and reads more.
func (sc *storyScanner) fill() {
	if sc.pos > 0 {
		m := copy(sc.buf, sc.buf[sc.pos:])
		sc.buf = sc.buf[:m]
		sc.scan -= sc.pos
		if sc.open >= 0 {
			sc.open -= sc.pos
		}
		sc.pos = 0
	}
	const minRead = 128 << 10
	if cap(sc.buf)-len(sc.buf) < minRead {
		nb := make([]byte, len(sc.buf), 2*cap(sc.buf)+minRead)
		copy(nb, sc.buf)
		sc.buf = nb
	}
	m, err := sc.r.Read(sc.buf[len(sc.buf):cap(sc.buf)])
	sc.buf = sc.buf[:len(sc.buf)+m]
	if err != nil {
		sc.eof = true
		if err != io.EOF {
			sc.err = err
		}
	}
}

// sgmlParser turns one story into a document; its buffers are reused.
type sgmlParser struct {
	text, tmp, tmp2 []byte
	// strs interns metadata values, which repeat from story to story.
	strs map[string]string
}

// intern returns b as a string, shared with earlier equal values.
func (p *sgmlParser) intern(b []byte) string {
	if s, ok := p.strs[string(b)]; ok {
		return s
	}
	s := string(b)
	if p.strs == nil {
		p.strs = make(map[string]string)
	}
	if len(p.strs) < 1<<14 {
		p.strs[s] = s
	}
	return s
}

// storyLabel names a story in errors: by NEWID, else by its number in the
// file.
func storyLabel(story []byte, n int) string {
	var id []byte
	if end := bytes.IndexByte(story, '>'); end > len("<REUTERS") {
		attrs := story[len("<REUTERS"):end]
		for k, v, i, ok := nextAttr(attrs, 0); ok; k, v, i, ok = nextAttr(attrs, i) {
			if string(k) == "NEWID" {
				id = v
			}
		}
	}
	return label(id, n)
}

func label(newid []byte, n int) string {
	if validNewID(newid) {
		return "NEWID " + string(newid)
	}
	return "record " + strconv.Itoa(n)
}

func validNewID(id []byte) bool {
	if len(id) == 0 || len(id) > 12 {
		return false
	}
	for i := 0; i < len(id); i++ {
		if id[i] < '0' || id[i] > '9' {
			return false
		}
	}
	return true
}

// knownTag is an element the parser reads: its name, and its closing tag
// (nil for TEXT, whose children are read in turn).
type knownTag struct {
	name  string
	close []byte
}

var knownTagList = func() (t [14]knownTag) {
	for i, name := range []string{"DATE", "TOPICS", "PLACES", "PEOPLE", "ORGS", "EXCHANGES", "COMPANIES",
		"UNKNOWN", "MKNOTE", "TEXT", "TITLE", "AUTHOR", "DATELINE", "BODY"} {
		t[i] = knownTag{name, []byte("</" + name + ">")}
	}
	t[9].close = nil
	return t
}()

// listKey is the Meta key of a list element.
func listKey(tag string) string {
	switch tag {
	case "TOPICS":
		return "topics"
	case "PLACES":
		return "places"
	case "PEOPLE":
		return "people"
	case "ORGS":
		return "orgs"
	case "EXCHANGES":
		return "exchanges"
	}
	return "companies"
}

// lookupTag finds a known element by name; a switch, faster than a map here.
func lookupTag(name []byte) (knownTag, bool) {
	i := -1
	switch string(name) {
	case "DATE":
		i = 0
	case "TOPICS":
		i = 1
	case "PLACES":
		i = 2
	case "PEOPLE":
		i = 3
	case "ORGS":
		i = 4
	case "EXCHANGES":
		i = 5
	case "COMPANIES":
		i = 6
	case "UNKNOWN":
		i = 7
	case "MKNOTE":
		i = 8
	case "TEXT":
		i = 9
	case "TITLE":
		i = 10
	case "AUTHOR":
		i = 11
	case "DATELINE":
		i = 12
	case "BODY":
		i = 13
	}
	if i < 0 {
		return knownTag{}, false
	}
	return knownTagList[i], true
}

// attrKey is the Meta key of a REUTERS attribute ("" for NEWID and
// unknown ones).
func attrKey(name []byte) string {
	switch string(name) {
	case "LEWISSPLIT":
		return "lewissplit"
	case "CGISPLIT":
		return "cgisplit"
	case "OLDID":
		return "oldid"
	case "CSECS":
		return "csecs"
	case "TOPICS":
		return "topics_attr"
	}
	return ""
}

// attrValue returns the common attribute values without allocating.
func attrValue(v []byte) string {
	switch string(v) {
	case "TRAIN":
		return "TRAIN"
	case "TEST":
		return "TEST"
	case "NOT-USED":
		return "NOT-USED"
	case "TRAINING-SET":
		return "TRAINING-SET"
	case "PUBLISHED-TESTSET":
		return "PUBLISHED-TESTSET"
	case "YES":
		return "YES"
	case "NO":
		return "NO"
	case "BYPASS":
		return "BYPASS"
	case "BRIEF":
		return "BRIEF"
	case "UNPROC":
		return "UNPROC"
	case "NORM":
		return "NORM"
	}
	return string(v)
}

// parse reads one story, which starts with "<REUTERS" and ends with
// "</REUTERS>".
func (p *sgmlParser) parse(name string, story []byte, n int) (*doc.Document, string, error) {
	latin := !utf8.Valid(story)
	if latin {
		// Windows-1252 maps every byte, and ASCII to itself, so the markup
		// is unchanged.
		var err error
		if p.tmp, err = charmap.Windows1252.NewDecoder().Bytes(story); err != nil {
			return nil, storyLabel(story, n), fmt.Errorf("%w: %v", ErrUTF8, err)
		}
		story = p.tmp
	}
	end := bytes.IndexByte(story, '>')
	if end < 0 || end >= len(story)-len("</REUTERS>") {
		return nil, "record " + strconv.Itoa(n), fmt.Errorf("%w: <REUTERS tag not closed", ErrMalformed)
	}
	d := &doc.Document{Source: "Reuters", Language: "en", Meta: make(map[string]string, 8)}
	var newid []byte
	attrs := story[len("<REUTERS"):end]
	for k, v, i, ok := nextAttr(attrs, 0); ok; k, v, i, ok = nextAttr(attrs, i) {
		if string(k) == "NEWID" {
			newid = v
		} else if key := attrKey(k); key != "" && len(v) > 0 {
			d.Meta[key] = attrValue(v)
		}
	}
	label := label(newid, n)
	if validNewID(newid) {
		d.ID = reutersIDPrefix + string(newid)
	} else {
		d.ID = docID(name) + "-" + strconv.Itoa(n)
	}
	d.Origin = name + ": " + label
	b := story[end+1 : len(story)-len("</REUTERS>")]
	if latin {
		d.Meta["encoding"] = "windows-1252"
	}
	hasText := false
	for i := 0; i < len(b); {
		j := bytes.IndexByte(b[i:], '<')
		if j < 0 {
			break
		}
		i += j
		tag, attrs, content, next, err := element(b, i)
		if err != nil {
			return nil, label, err
		}
		i = next
		switch tag {
		case "DATE":
			t, clock, ok := parseReutersDate(content)
			if ok {
				d.Published, d.PublishedHasClock = t, clock
			}
			if !clock {
				// Keep what could not be read.
				d.Meta["date"] = string(appendInline(p.text[:0], content))
			}
		case "TOPICS", "PLACES", "PEOPLE", "ORGS", "EXCHANGES", "COMPANIES":
			if v := p.list(content); v != "" {
				d.Meta[listKey(tag)] = v
			}
		case "TEXT":
			if hasText {
				return nil, label, fmt.Errorf("%w: two <TEXT> elements", ErrMalformed)
			}
			hasText = true
			used, err := p.textElement(d, attrs, content)
			if err != nil {
				return nil, label, err
			}
			i += used
		}
	}
	if !hasText {
		return nil, label, fmt.Errorf("%w: no <TEXT>", ErrEmpty)
	}
	return d, label, nil
}

// element reads the element whose start tag opens at b[i] ('<'). Elements
// the parser knows must be closed; for any other tag only the tag is read.
// For TEXT, content is everything after the start tag.
func element(b []byte, i int) (tag string, attrs, content []byte, next int, err error) {
	k := i + 1
	for k < len(b) && (b[k] >= 'A' && b[k] <= 'Z' || b[k] >= 'a' && b[k] <= 'z') {
		k++
	}
	gt := bytes.IndexByte(b[k:], '>')
	if k == i+1 || gt < 0 || k < len(b) && b[k] != '>' && b[k] != ' ' {
		return "", nil, nil, i + 1, nil // a bare '<' in text, or a closing tag
	}
	kt, known := lookupTag(b[i+1 : k])
	if !known {
		return "", nil, nil, k + gt + 1, nil
	}
	start := k + gt + 1
	if kt.close == nil {
		// TEXT: its children are read in turn, its end after them.
		return kt.name, b[k : k+gt], b[start:], start, nil
	}
	if bytes.HasPrefix(b[start:], kt.close) { // empty, as most lists are
		return kt.name, b[k : k+gt], nil, start + len(kt.close), nil
	}
	e := bytes.Index(b[start:], kt.close)
	if e < 0 {
		return "", nil, nil, 0, fmt.Errorf("%w: <%s> without %s", ErrMalformed, kt.name, kt.close)
	}
	return kt.name, b[k : k+gt], b[start : start+e], start + e + len(kt.close), nil
}

// textElement reads the TEXT element whose content starts b into d, and
// returns the length read, through </TEXT>.
func (p *sgmlParser) textElement(d *doc.Document, attrs, b []byte) (int, error) {
	var typ string
	for k, v, i, ok := nextAttr(attrs, 0); ok; k, v, i, ok = nextAttr(attrs, i) {
		if string(k) == "TYPE" {
			typ = attrValue(v)
		}
	}
	if typ != "" && typ != "NORM" {
		d.Meta["type"] = typ
	}
	end := -1
	if typ == "UNPROC" {
		if end = bytes.Index(b, closeText); end < 0 {
			return 0, fmt.Errorf("%w: <TEXT> without </TEXT>", ErrMalformed)
		}
		p.text = trimSignoff(appendBody(p.text[:0], b[:end]))
		text := string(p.text)
		if title, body, ok := splitTitle(text); ok {
			d.Title, text = title, body
		}
		d.Text = text
	}
	for i := 0; end < 0; {
		j := bytes.IndexByte(b[i:], '<')
		if j < 0 {
			return 0, fmt.Errorf("%w: <TEXT> without </TEXT>", ErrMalformed)
		}
		i += j
		if bytes.HasPrefix(b[i:], closeText) {
			end = i
			break
		}
		tag, _, content, next, err := element(b, i)
		if err != nil {
			return 0, err
		}
		i = next
		switch tag {
		case "TITLE":
			// Some brief headlines carry the sign-off too.
			p.tmp2 = trimSignoff(appendBody(p.tmp2[:0], content))
			d.Title = string(appendInline(p.text[:0], p.tmp2))
		case "AUTHOR":
			if v := appendInline(p.text[:0], content); len(v) > 0 {
				d.Meta["author"] = string(v)
			}
		case "DATELINE":
			v := appendInline(p.text[:0], content)
			v = bytes.TrimRight(bytes.TrimSuffix(v, []byte("-")), " ")
			if len(v) > 0 {
				d.Meta["dateline"] = string(v)
			}
		case "BODY":
			p.text = trimSignoff(appendBody(p.text[:0], content))
			d.Text = string(p.text)
		case "TEXT":
			return 0, fmt.Errorf("%w: <TEXT> inside <TEXT>", ErrMalformed)
		}
	}
	if d.Text == "" && d.Title != "" {
		d.Text = d.Title
		d.Meta["text_from"] = "title"
	}
	return end + len(closeText), nil
}

var closeText = []byte("</TEXT>")

// list joins the <D> items of a list element with commas.
func (p *sgmlParser) list(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	out := p.text[:0]
	for {
		i := bytes.Index(b, []byte("<D>"))
		if i < 0 {
			break
		}
		b = b[i+3:]
		e := bytes.Index(b, []byte("</D>"))
		if e < 0 {
			e = len(b)
		}
		if len(out) > 0 {
			out = append(out, ',')
		}
		out = appendInline(out, b[:e])
		b = b[min(e+4, len(b)):]
	}
	p.text = out
	return p.intern(out)
}

// nextAttr reads the attribute NAME="value" (or NAME=value, or a bare
// NAME) starting at or after b[i]; ok is false when there is none left.
func nextAttr(b []byte, i int) (k, v []byte, next int, ok bool) {
	isSpace := func(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }
	for i < len(b) && isSpace(b[i]) {
		i++
	}
	ks := i
	for i < len(b) && b[i] != '=' && !isSpace(b[i]) {
		i++
	}
	if i == ks {
		return nil, nil, i, false
	}
	k = b[ks:i]
	for i < len(b) && isSpace(b[i]) {
		i++
	}
	if i == len(b) || b[i] != '=' {
		return k, nil, i, true
	}
	i++
	for i < len(b) && isSpace(b[i]) {
		i++
	}
	if i < len(b) && (b[i] == '"' || b[i] == '\'') {
		e := bytes.IndexByte(b[i+1:], b[i])
		if e < 0 {
			return nil, nil, len(b), false
		}
		return k, b[i+1 : i+1+e], i + e + 2, true
	}
	vs := i
	for i < len(b) && !isSpace(b[i]) {
		i++
	}
	return k, b[vs:i], i, true
}

var months = map[string]time.Month{"JAN": 1, "FEB": 2, "MAR": 3, "APR": 4, "MAY": 5, "JUN": 6,
	"JUL": 7, "AUG": 8, "SEP": 9, "OCT": 10, "NOV": 11, "DEC": 12}

// parseReutersDate reads "26-FEB-1987 15:01:01.79" (the day may be space
// padded; anything after the seconds is ignored). A date whose clock does
// not parse ("31-MAR-1987 605:12:19.12") gives the day alone.
func parseReutersDate(b []byte) (t time.Time, clock, ok bool) {
	s := bytes.TrimLeft(b, " \t\r\n")
	num := func(n int) (int, bool) {
		if len(s) < n {
			return 0, false
		}
		v := 0
		for _, c := range s[:n] {
			if c < '0' || c > '9' {
				return 0, false
			}
			v = v*10 + int(c-'0')
		}
		s = s[n:]
		return v, true
	}
	sep := func(c byte) bool {
		if len(s) == 0 || s[0] != c {
			return false
		}
		s = s[1:]
		return true
	}
	dayLen := 2
	if len(s) > 1 && s[1] == '-' {
		dayLen = 1
	}
	day, ok := num(dayLen)
	if !ok || !sep('-') || len(s) < 4 {
		return time.Time{}, false, false
	}
	mon, ok := months[string([]byte{s[0] &^ 0x20, s[1] &^ 0x20, s[2] &^ 0x20})]
	s = s[3:]
	if !ok || !sep('-') {
		return time.Time{}, false, false
	}
	year, ok := num(4)
	if !ok || day < 1 || day > 31 {
		return time.Time{}, false, false
	}
	t = time.Date(year, mon, day, 0, 0, 0, 0, time.UTC)
	if t.Day() != day {
		return time.Time{}, false, false
	}
	s = bytes.TrimLeft(s, " ")
	hh, ok1 := num(2)
	ok2 := sep(':')
	mm, ok3 := num(2)
	ok4 := sep(':')
	ss, ok5 := num(2)
	if !ok1 || !ok2 || !ok3 || !ok4 || !ok5 || hh > 23 || mm > 59 || ss > 59 || len(s) > 0 && s[0] >= '0' && s[0] <= '9' {
		return t, false, true
	}
	return t.Add(time.Duration(hh)*time.Hour + time.Duration(mm)*time.Minute + time.Duration(ss)*time.Second), true, true
}
