// Package reader turns files, folders, globs and standard input into
// documents. It picks a format per source by extension and content and
// reports bad input as an *Error naming the file and record; it never
// truncates or silently drops a document. It knows nothing of what is done
// with the documents.
package reader

import (
	"bytes"
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
	File   string
	Record string // "line 12", "NEWID 17001", "item 3"; "" for the whole file
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
	ErrEmpty    = errors.New("empty document")
	ErrBinary   = errors.New("binary data, not text")
	ErrUTF8     = errors.New("invalid UTF-8")
	ErrTooLarge = errors.New("document larger than the limit")
)

// Walk reads every source in order and calls fn for each document. A source
// is a file, a folder (read recursively, in name order, hidden files
// skipped), a glob pattern, or "-" for standard input.
func Walk(ctx context.Context, sources []string, opts Options, fn func(*doc.Document) error) error {
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = DefaultMaxBytes
	}
	w := &walker{ctx: ctx, opts: opts, fn: fn}
	for _, src := range sources {
		if err := w.source(src); err != nil {
			return err
		}
	}
	return nil
}

type walker struct {
	ctx  context.Context
	opts Options
	fn   func(*doc.Document) error
}

func (w *walker) source(src string) error {
	if src == "-" {
		in := w.opts.Stdin
		if in == nil {
			in = os.Stdin
		}
		data, err := io.ReadAll(io.LimitReader(in, int64(w.opts.MaxBytes)+1))
		if err != nil {
			return &Error{File: "stdin", Err: err}
		}
		return w.file("stdin", data)
	}
	st, err := os.Stat(src)
	if err != nil {
		matches, gerr := filepath.Glob(src)
		if gerr != nil || len(matches) == 0 {
			return w.bad(&Error{File: src, Err: errors.New("no such file, folder or matching glob")})
		}
		sort.Strings(matches)
		for _, m := range matches {
			if err := w.source(m); err != nil {
				return err
			}
		}
		return nil
	}
	if st.IsDir() {
		return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return w.bad(&Error{File: p, Err: err})
			}
			if strings.HasPrefix(d.Name(), ".") && p != src {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() {
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
	data, err := os.ReadFile(p)
	if err != nil {
		return w.bad(&Error{File: p, Err: err})
	}
	return w.file(p, data)
}

func (w *walker) file(name string, data []byte) error {
	if len(data) > w.opts.MaxBytes {
		return w.bad(&Error{File: name, Err: fmt.Errorf("%w (%d bytes, limit %d)", ErrTooLarge, len(data), w.opts.MaxBytes)})
	}
	d, err := readText(name, data)
	if err != nil {
		return w.bad(&Error{File: name, Err: err})
	}
	return w.emit(d)
}

func (w *walker) emit(d *doc.Document) error {
	if d.Published.IsZero() && !w.opts.Published.IsZero() {
		d.Published = w.opts.Published
	}
	return w.fn(d)
}

func (w *walker) bad(e *Error) error {
	if w.opts.OnBad == nil {
		return e
	}
	return w.opts.OnBad(e)
}

// checkText rejects text that is not a usable document.
func checkText(data []byte) error {
	if len(bytes.TrimSpace(data)) == 0 {
		return ErrEmpty
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return ErrBinary
	}
	if !utf8.Valid(data) {
		return ErrUTF8
	}
	return nil
}

// readText reads a plain-text document. The first line is the title when a
// blank line follows it, or when it looks like a headline: short, with no
// sentence-final punctuation, followed by more text.
func readText(name string, data []byte) (*doc.Document, error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if err := checkText(data); err != nil {
		return nil, err
	}
	text := string(data)
	d := &doc.Document{ID: docID(name), Origin: name, Language: "en"}
	if title, body, ok := splitTitle(text); ok {
		d.Title, text = title, body
	}
	d.Text = text
	return d, nil
}

func splitTitle(text string) (title, body string, ok bool) {
	line, rest, found := strings.Cut(text, "\n")
	line = strings.TrimRight(line, "\r")
	if !found || strings.TrimSpace(rest) == "" || strings.TrimSpace(line) == "" {
		return "", text, false
	}
	blankNext := strings.HasPrefix(strings.TrimLeft(rest, " \t\r"), "\n")
	if blankNext || looksLikeHeadline(line) {
		return strings.TrimSpace(line), strings.TrimLeft(rest, "\r\n"), true
	}
	return "", text, false
}

func looksLikeHeadline(line string) bool {
	l := strings.TrimSpace(line)
	if l == "" || len(strings.Fields(l)) > 20 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(l)
	switch r {
	case '.', ',', ';', ':', '"', '\u201d', '\'', '\u2019', ')':
		return false
	}
	return true
}

func docID(name string) string {
	base := filepath.Base(name)
	for ext := filepath.Ext(base); ext != ""; ext = filepath.Ext(base) {
		base = strings.TrimSuffix(base, ext)
	}
	return base
}
