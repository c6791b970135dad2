package reader

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
)

// format is one of the document formats the package reads.
type format int

const (
	fmtText format = iota
	fmtJSON
	fmtJSONL
	fmtHTML
	fmtFeed
	fmtSGML
)

var formatNames = [...]string{"text", "JSON", "JSON Lines", "HTML", "feed", "Reuters SGML"}

func (f format) String() string { return formatNames[f] }

// extFormats maps extensions that decide the format. ".xml" is absent on
// purpose: feeds, XHTML and SGML all use it, so its content decides.
var extFormats = map[string]format{
	".txt": fmtText, ".text": fmtText, ".md": fmtText,
	".json":  fmtJSON,
	".jsonl": fmtJSONL, ".ndjson": fmtJSONL, ".jsonlines": fmtJSONL,
	".html": fmtHTML, ".htm": fmtHTML, ".xhtml": fmtHTML, ".shtml": fmtHTML,
	".rss": fmtFeed, ".atom": fmtFeed,
	".sgm": fmtSGML, ".sgml": fmtSGML,
}

func isGzip(head []byte) bool {
	return len(head) >= 3 && head[0] == 0x1f && head[1] == 0x8b && head[2] == 8
}

// magic lists binary formats worth naming in an error, by their first bytes.
var magic = []struct {
	prefix string
	what   string
}{
	{"\x89PNG\r\n\x1a\n", "a PNG image"},
	{"\xff\xd8\xff", "a JPEG image"},
	{"GIF87a", "a GIF image"},
	{"GIF89a", "a GIF image"},
	{"%PDF-", "a PDF document"},
	{"PK\x03\x04", "a zip archive (or an Office/EPUB file)"},
	{"PK\x05\x06", "an empty zip archive"},
	{"\xfd7zXZ\x00", "an xz archive"},
	{"\x28\xb5\x2f\xfd", "a zstd archive"},
	{"BZh", "a bzip2 archive"},
	{"7z\xbc\xaf\x27\x1c", "a 7-zip archive"},
	{"Rar!\x1a\x07", "a RAR archive"},
	{"\x7fELF", "an ELF executable"},
	{"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office file"},
	{"SQLite format 3\x00", "an SQLite database"},
	{"OggS\x00", "an Ogg media file"},
	{"\x00asm", "a WebAssembly module"},
	{"\xff\xfe", "UTF-16 text (convert it to UTF-8)"},
	{"\xfe\xff", "UTF-16 text (convert it to UTF-8)"},
}

// binaryKind names the binary format head starts with, or "".
func binaryKind(head []byte) string {
	for _, m := range magic {
		if bytes.HasPrefix(head, []byte(m.prefix)) {
			if m.prefix == "BZh" && !(len(head) > 3 && head[3] >= '1' && head[3] <= '9' && bytes.HasPrefix(head[4:], []byte("1AY&SY"))) {
				continue
			}
			return m.what
		}
	}
	switch {
	case len(head) >= 12 && string(head[:4]) == "RIFF" && (string(head[8:12]) == "WAVE" || string(head[8:12]) == "AVI " || string(head[8:12]) == "WEBP"):
		return "a RIFF media file (WAV, AVI or WebP)"
	case len(head) >= 12 && string(head[4:8]) == "ftyp":
		return "an MP4/QuickTime media file"
	case len(head) >= 262 && string(head[257:262]) == "ustar":
		return "a tar archive"
	case len(head) >= 5 && string(head[:3]) == "ID3" && head[3] >= 2 && head[3] <= 4 && head[4] == 0:
		return "an MP3 audio file"
	}
	return ""
}

// detect chooses the format of a source from its name and first bytes, or
// says why it cannot be read.
func detect(name string, head []byte) (format, error) {
	if what := binaryKind(head); what != "" {
		return 0, fmt.Errorf("%w: %s, not a format dyad reads", ErrBinary, what)
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return 0, ErrBinary
	}
	if f, ok := extFormats[strings.ToLower(filepath.Ext(name))]; ok {
		return f, nil
	}
	return sniff(head), nil
}

// sniff chooses a format from content alone.
func sniff(head []byte) format {
	b := bytes.TrimLeft(bytes.TrimPrefix(head, bom), " \t\r\n")
	if len(b) == 0 {
		return fmtText
	}
	switch b[0] {
	case '{':
		if bytes.Contains(head, []byte("jsonfeed.org/version")) {
			return fmtFeed
		}
		if next := firstNonSpace(b[1:]); next == '"' || next == '}' || next == 0 {
			return fmtJSON
		}
	case '[':
		if next := firstNonSpace(b[1:]); next == '{' || next == ']' {
			return fmtJSON
		}
	case '<':
		return sniffMarkup(b)
	}
	return fmtText
}

func firstNonSpace(b []byte) byte {
	b = bytes.TrimLeft(b, " \t\r\n")
	if len(b) == 0 {
		return 0
	}
	return b[0]
}

// sniffMarkup tells feeds, Reuters SGML and HTML apart by the document type
// and the first element.
func sniffMarkup(b []byte) format {
	root, doctype, xmlDecl := firstElement(b)
	switch {
	case strings.HasPrefix(doctype, "lewis"), root == "reuters",
		root == "data" && bytes.Contains(b, []byte("<REUTERS")):
		return fmtSGML
	case root == "rss", root == "feed", root == "rdf:rdf":
		return fmtFeed
	case strings.HasPrefix(doctype, "html"), root == "html", root == "head", root == "body":
		return fmtHTML
	case xmlDecl:
		// Some other XML: the feed reader says what it is not.
		return fmtFeed
	}
	return fmtHTML
}

// firstElement skips an XML declaration, processing instructions, comments
// and a document type declaration, and returns the first element's name and
// the doctype's text, lower-cased, and whether an XML declaration came first.
func firstElement(b []byte) (root, doctype string, xmlDecl bool) {
	xmlDecl = bytes.HasPrefix(b, []byte("<?xml"))
	for len(b) > 0 {
		b = bytes.TrimLeft(b, " \t\r\n")
		if len(b) < 2 || b[0] != '<' {
			return "", doctype, xmlDecl
		}
		var end []byte
		switch {
		case b[1] == '?':
			end = []byte("?>")
		case bytes.HasPrefix(b, []byte("<!--")):
			end = []byte("-->")
		case b[1] == '!':
			end = []byte(">")
			if len(b) > 9 && strings.EqualFold(string(b[2:9]), "doctype") {
				if i := bytes.IndexByte(b, '>'); i > 0 {
					doctype = strings.ToLower(strings.TrimSpace(string(b[9:i])))
				}
			}
		default:
			i := 1
			for i < len(b) && b[i] != '>' && b[i] != '/' && b[i] != ' ' && b[i] != '\t' && b[i] != '\r' && b[i] != '\n' {
				i++
			}
			return strings.ToLower(string(b[1:i])), doctype, xmlDecl
		}
		i := bytes.Index(b, end)
		if i < 0 {
			return "", doctype, xmlDecl
		}
		b = b[i+len(end):]
	}
	return "", doctype, xmlDecl
}

var bom = []byte("\ufeff")
