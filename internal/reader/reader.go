// Package reader turns files, folders, globs and standard input into
// documents. It picks a format per source by extension and content, reports
// bad input as an *Error naming the file and record, and never truncates or
// silently drops a document. It knows nothing of what is done with the
// documents: it fills doc.Document's text and metadata, never its tokens.
//
// # Sources
//
// A source is a file, a folder (read recursively, in name order, hidden
// files and folders skipped, links to folders not followed), a glob pattern
// (whose wildcards, as in the shell, do not match a leading dot), or "-" for
// standard input. Every source is streamed: gzip is recognised by its magic
// bytes (a ".gz" suffix is dropped before the extension is looked at), known
// binary formats (PNG, JPEG, PDF, zip, tar...) are reported as such, and a
// file holding several documents (JSON Lines, a JSON array, a Reuters
// archive) is read one record at a time, so memory stays bounded by the
// largest record, not the file.
//
// # Formats
//
// The extension decides when it is known (.txt .text .md; .json; .jsonl
// .ndjson; .html .htm .xhtml; .rss .atom; .sgm .sgml; .xml is sniffed);
// otherwise, and for standard input, the content does: '{' or '[' opens JSON,
// a leading <rss>, <feed> or <rdf:RDF> a feed, <REUTERS> (or the archive's
// <!DOCTYPE lewis> / <DATA> wrapper) the Reuters-21578 SGML, other markup
// HTML, and anything else is plain text.
//
// Plain text: the first line with text is the title when a blank line
// follows it and it is at most 25 words (at most 8 when it ends with a full
// stop: a longer line ending so is a one-line lede, not a headline), or when
// it looks like a headline: at most 20 words, not ending in . , ; : - or a
// closing quote or bracket, and not followed by a line that starts in lower
// case (a hard-wrapped sentence). A title must hold a letter. The text is then
// the rest, from its first line with text; otherwise the whole file is the
// text and the title is empty. The text is never otherwise changed.
//
// JSON and JSON Lines: see json.go. HTML: see html.go. RSS and Atom: see
// feed.go. Reuters-21578: see sgml.go. Dates: see date.go.
//
// # Documents
//
// Every document delivered has valid UTF-8 text that is not blank, holds no
// NUL byte and is at most Options.MaxBytes long; anything else is an *Error
// (ErrEmpty, ErrUTF8, ErrBinary, ErrTooLarge, ErrMalformed) passed to
// Options.OnBad. An ErrUTF8 says which byte is wrong and where (line and
// column in a file, offset in a record). A document's own publication date
// wins over Options.Published. Language is "en" unless the input names
// another.
package reader

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/dyadhq/dyad/pkg/doc"
)

// DefaultMaxBytes is the largest document accepted unless Options says otherwise.
const DefaultMaxBytes = 8 << 20

// Options control reading.
type Options struct {
	// MaxBytes is the largest document text accepted (0: DefaultMaxBytes).
	// It applies to each document, also inside archives and JSON Lines; the
	// raw form of one record (markup, JSON escapes) may be up to four times
	// larger, which bounds the memory a single record can take.
	MaxBytes int
	// Published is the publication date for documents that carry none (--date).
	Published time.Time
	// OnBad is called for each bad file or record. Returning nil skips it and
	// goes on; returning an error stops reading with it. Nil stops at the first.
	OnBad func(*Error) error
	// Stdin is read for the source "-" (nil: os.Stdin).
	Stdin io.Reader
}

// Error is bad input: the file, the record within it (when the file holds
// several documents), and what is wrong.
type Error struct {
	File string
	// Record names the record: "line 12" (JSON Lines, from 1), "index 3"
	// (JSON array, from 0), "object 2" (concatenated JSON objects, from 1),
	// "item 3" (feed items, from 1), "NEWID 17001" or "record 5" (Reuters);
	// "" for the whole file.
	Record string
	Err    error
}

func (e *Error) Error() string {
	if e.Record != "" {
		return fmt.Sprintf("%s: %s: %v", e.File, e.Record, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.File, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// Problems a reader reports.
var (
	ErrEmpty     = errors.New("empty document")
	ErrBinary    = errors.New("binary data, not text")
	ErrUTF8      = errors.New("invalid UTF-8")
	ErrTooLarge  = errors.New("document larger than the limit")
	ErrMalformed = errors.New("malformed input")
)

// rawFactor bounds the raw size of one record (markup, JSON escapes) against
// the text limit; rawSlack covers metadata around a small text.
const (
	rawFactor = 4
	rawSlack  = 64 << 10
	// maxGzipDepth stops gzip nested in gzip from recursing without end.
	maxGzipDepth = 3
	// sniffLen is how much of a source is looked at to choose its format.
	sniffLen = 4096
)

// Walk reads every source in order and calls fn for each document. A source
// is a file, a folder (read recursively, in name order, hidden files
// skipped), a glob pattern, or "-" for standard input. An error returned by
// fn stops the walk and is returned as is.
func Walk(ctx context.Context, sources []string, opts Options, fn func(*doc.Document) error) error {
	w := &walker{sink: newSink(ctx, opts, fn)}
	for _, src := range sources {
		if err := w.source(src); err != nil {
			return err
		}
	}
	return nil
}

// sink receives what the format readers make: it checks each document,
// applies the defaults, and routes problems to OnBad.
type sink struct {
	ctx  context.Context
	opts Options
	fn   func(*doc.Document) error
	// sgmlBuf is the Reuters reader's buffer, kept from file to file.
	sgmlBuf []byte
}

func newSink(ctx context.Context, opts Options, fn func(*doc.Document) error) *sink {
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = DefaultMaxBytes
	}
	return &sink{ctx: ctx, opts: opts, fn: fn}
}

// rawLimit is the largest raw record a reader buffers.
func (s *sink) rawLimit() int { return rawFactor*s.opts.MaxBytes + rawSlack }

// bad reports a problem; a nil return means go on.
func (s *sink) bad(file, record string, err error) error {
	e := &Error{File: file, Record: record, Err: err}
	if s.opts.OnBad == nil {
		return e
	}
	return s.opts.OnBad(e)
}

// deliver checks d and passes it on, or reports why it cannot.
func (s *sink) deliver(file, record string, d *doc.Document) error {
	if err := s.ctx.Err(); err != nil {
		return err
	}
	if err := s.check(d); err != nil {
		return s.bad(file, record, err)
	}
	if d.Published.IsZero() && !s.opts.Published.IsZero() {
		d.Published = s.opts.Published
		d.PublishedHasClock = false
	}
	if d.Language == "" {
		d.Language = "en"
	}
	return s.fn(d)
}

func (s *sink) check(d *doc.Document) error {
	switch {
	case len(d.Text) > s.opts.MaxBytes:
		return fmt.Errorf("%w (%d bytes of text, limit %d)", ErrTooLarge, len(d.Text), s.opts.MaxBytes)
	case strings.TrimSpace(d.Text) == "":
		return ErrEmpty
	case !utf8.ValidString(d.Text):
		return utf8Error([]byte(d.Text), "the text")
	case !utf8.ValidString(d.Title):
		return utf8Error([]byte(d.Title), "the title")
	case strings.IndexByte(d.Text, 0) >= 0:
		return fmt.Errorf("%w: the text holds a NUL byte", ErrBinary)
	}
	return nil
}

type walker struct {
	*sink
}

func (w *walker) source(src string) error {
	if src == "-" {
		in := w.opts.Stdin
		if in == nil {
			in = os.Stdin
		}
		return w.stream("stdin", "stdin", in, 0)
	}
	st, err := os.Stat(src)
	if err != nil {
		matches, gerr := filepath.Glob(src)
		if gerr != nil || len(matches) == 0 {
			return w.bad(src, "", errors.New("no such file, folder or matching glob"))
		}
		sort.Strings(matches)
		for _, m := range matches {
			// As in the shell, a wildcard does not match a leading dot.
			if strings.HasPrefix(filepath.Base(m), ".") && !strings.HasPrefix(filepath.Base(src), ".") {
				continue
			}
			if err := w.source(m); err != nil {
				return err
			}
		}
		return nil
	}
	if st.IsDir() {
		// WalkDir visits entries in lexical order.
		return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return w.bad(p, "", err)
			}
			if strings.HasPrefix(d.Name(), ".") && p != src {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.Type()&fs.ModeSymlink != 0 {
				// Links to files are read; links to folders are not followed,
				// which also keeps a link loop from going round for ever.
				st, err := os.Stat(p)
				if err != nil {
					return w.bad(p, "", err)
				}
				if !st.Mode().IsRegular() {
					return nil
				}
			} else if !d.Type().IsRegular() {
				return nil
			}
			return w.path(p)
		})
	}
	return w.path(src)
}

func (w *walker) path(p string) error {
	if err := w.ctx.Err(); err != nil {
		return err
	}
	f, err := os.Open(p)
	if err != nil {
		return w.bad(p, "", err)
	}
	defer f.Close()
	return w.stream(p, p, f, 0)
}

// stream reads one source. name names it in errors; kindName is the name
// whose extension chooses the format (name less any ".gz").
func (w *walker) stream(name, kindName string, r io.Reader, depth int) error {
	br := bufio.NewReaderSize(r, 64<<10)
	head, err := br.Peek(sniffLen)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return w.bad(name, "", readErr(err))
	}
	if len(bytes.TrimSpace(head)) == 0 && len(head) < sniffLen {
		return w.bad(name, "", ErrEmpty)
	}
	if isGzip(head) {
		if depth >= maxGzipDepth {
			return w.bad(name, "", fmt.Errorf("%w: gzip nested %d deep", ErrMalformed, depth+1))
		}
		zr, err := gzip.NewReader(br)
		if err != nil {
			return w.bad(name, "", fmt.Errorf("%w: gzip: %v", ErrMalformed, err))
		}
		defer zr.Close()
		inner := kindName
		if ext := strings.ToLower(filepath.Ext(kindName)); ext == ".gz" || ext == ".gzip" {
			inner = strings.TrimSuffix(kindName, filepath.Ext(kindName))
		} else if ext == ".tgz" {
			inner = strings.TrimSuffix(kindName, filepath.Ext(kindName)) + ".tar"
		}
		return w.stream(name, inner, zr, depth+1)
	}
	f, err := detect(kindName, head)
	if err != nil {
		return w.bad(name, "", err)
	}
	return readFormat(f, name, br, w.sink)
}

// readFormat runs the reader for format f over r.
func readFormat(f format, name string, r *bufio.Reader, s *sink) error {
	switch f {
	case fmtJSON:
		return readJSON(name, r, s, false)
	case fmtJSONL:
		return readJSON(name, r, s, true)
	case fmtHTML:
		return readHTML(name, r, s)
	case fmtFeed:
		return readFeed(name, r, s)
	case fmtSGML:
		return readSGML(name, r, s)
	default:
		return readTextSource(name, r, s)
	}
}

// single reads a source that is one document: at most limit bytes, made a
// document by parse.
func (s *sink) single(name string, r io.Reader, limit int, parse func(name string, data []byte) (*doc.Document, error)) error {
	data, err := readAll(r, limit)
	if err != nil {
		return s.bad(name, "", err)
	}
	d, err := parse(name, data)
	if err != nil {
		return s.bad(name, "", err)
	}
	return s.deliver(name, "", d)
}

// readAll reads r to its end, refusing more than limit bytes.
func readAll(r io.Reader, limit int) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, int64(limit)+1))
	if err != nil {
		return nil, readErr(err)
	}
	if len(data) > limit {
		return nil, fmt.Errorf("%w (more than %d bytes)", ErrTooLarge, limit)
	}
	return data, nil
}

// readErr turns a failure of the underlying stream into a reader error;
// a broken gzip stream is malformed input, not an I/O failure.
func readErr(err error) error {
	if errors.Is(err, gzip.ErrChecksum) || errors.Is(err, gzip.ErrHeader) || errors.Is(err, io.ErrUnexpectedEOF) {
		return fmt.Errorf("%w: %v", ErrMalformed, err)
	}
	var ce flate.CorruptInputError
	if errors.As(err, &ce) {
		return fmt.Errorf("%w: %v", ErrMalformed, err)
	}
	return err
}

// utf8Error is ErrUTF8 saying where the first byte that is not UTF-8 is,
// and which byte it is, so that the user can find it: in a whole file
// (what == "") by line and column ("byte 0xe9 at line 3, column 12"; both
// from 1, the column in bytes), in a part of the input (a JSON record, a
// document's text) by its offset there ("byte 0xe9 at offset 57 of the
// record").
func utf8Error(data []byte, what string) error {
	off := 0
	for off < len(data) {
		r, n := utf8.DecodeRune(data[off:])
		if r == utf8.RuneError && n <= 1 {
			break
		}
		off += n
	}
	if off >= len(data) {
		return ErrUTF8
	}
	if what != "" {
		return fmt.Errorf("%w: byte 0x%02x at offset %d of %s", ErrUTF8, data[off], off, what)
	}
	line := 1 + bytes.Count(data[:off], []byte("\n"))
	col := off - (bytes.LastIndexByte(data[:off], '\n') + 1) + 1
	return fmt.Errorf("%w: byte 0x%02x at line %d, column %d", ErrUTF8, data[off], line, col)
}

func docID(name string) string {
	base := filepath.Base(name)
	for ext := filepath.Ext(base); ext != "" && ext != base; ext = filepath.Ext(base) {
		base = strings.TrimSuffix(base, ext)
	}
	return base
}
