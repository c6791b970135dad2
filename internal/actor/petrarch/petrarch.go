// Package petrarch reads PETRARCH and TABARI actor and agent dictionaries
// (the Phoenix set, PETR.Validate.*) into an actor.Dictionary, so that the
// matcher, `dyad actors lookup` and the coders work the same on them as on
// dyad's own dictionary.
//
// The files themselves are the specification (see docs/actors.md):
//
//	Actors: a name line (words joined by '_' or spaces, optionally followed
//	by [CODE] blocks), '+' synonym lines, and code lines "[CODE]" or
//	"[CODE DATE-RESTRICTION]" with <DATE, >DATE or DATE-DATE, dates
//	YYYYMMDD or YYMMDD (YY <= 30 is 20YY). Limits are inclusive; the first
//	restriction that holds wins, else the undated code.
//	Agents: "PHRASE {PLURAL} [~ROLE]" or "[ROLE~]", "!MARKER! = A, B" sets.
//	Comments: '#' to the end of the line, <!-- ... --> (also over lines).
//
// Real dictionaries have mistakes (impossible dates, a missing bracket, a
// name without codes); they load anyway and each problem is a warning naming
// the file and line. This package knows nothing of text or matching.
package petrarch

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/dyadhq/dyad/internal/actor"
)

// maxFile bounds a dictionary file (the Phoenix country file is 1.5 MB).
const maxFile = 256 << 20

// Load reads dictionaries from paths: a directory contributes its
// *.actors.txt and *.agents.txt files (and dyad's own *.tsv files when
// present), a file is read by its name's suffix. It fails on unreadable
// paths or when no dictionary file is found; problems inside the files are
// the dictionary's issues.
func Load(paths ...string) (*actor.Dictionary, error) {
	b := actor.NewBuilder()
	n := 0
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		if !st.IsDir() {
			if err := loadFile(b, p); err != nil {
				return nil, err
			}
			n++
			continue
		}
		own := false
		for _, name := range actor.Files {
			if _, err := os.Stat(filepath.Join(p, name)); err == nil {
				own = true
			}
		}
		if own {
			if err := actor.LoadTSV(b, os.DirFS(p), false); err != nil {
				return nil, err
			}
			n++
		}
		ents, err := os.ReadDir(p)
		if err != nil {
			return nil, err
		}
		var files []string
		for _, e := range ents {
			if name := e.Name(); !e.IsDir() && (isActors(name) || isAgents(name)) {
				files = append(files, filepath.Join(p, name))
			}
		}
		sort.Strings(files)
		for _, f := range files {
			if err := loadFile(b, f); err != nil {
				return nil, err
			}
			n++
		}
	}
	if n == 0 {
		return nil, fmt.Errorf("no dictionary files (*.actors.txt, *.agents.txt, %s) in %s", strings.Join(actor.Files, ", "), strings.Join(paths, ", "))
	}
	return b.Build(), nil
}

func isActors(name string) bool {
	n := strings.ToLower(name)
	return strings.HasSuffix(n, ".actors.txt") || strings.HasSuffix(n, ".actors")
}

func isAgents(name string) bool {
	n := strings.ToLower(name)
	return strings.HasSuffix(n, ".agents.txt") || strings.HasSuffix(n, ".agents")
}

func loadFile(b *actor.Builder, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	name := filepath.Base(path)
	switch {
	case isActors(name):
		return ReadActors(b, name, f)
	case isAgents(name):
		return ReadAgents(b, name, f)
	}
	return fmt.Errorf("%s: not an actors or agents dictionary (want *.actors.txt or *.agents.txt)", path)
}

// line is one logical line of a dictionary with comments removed.
type line struct {
	n    int
	text string
}

// readLines reads a dictionary file: UTF-8, or Latin-1 for lines that are
// not valid UTF-8 (the Phoenix country file has some), without NUL bytes,
// '#' comments and <!-- --> comments.
func readLines(b *actor.Builder, name string, r io.Reader) ([]line, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxFile+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(data) > maxFile {
		return nil, fmt.Errorf("%s: larger than %d bytes", name, maxFile)
	}
	var out []line
	inComment := false
	latin1 := 0
	for n, raw := range bytes.Split(data, []byte{'\n'}) {
		if bytes.IndexByte(raw, 0) >= 0 {
			raw = bytes.ReplaceAll(raw, []byte{0}, nil)
		}
		s := string(raw)
		if !utf8.ValidString(s) {
			if latin1 == 0 {
				latin1 = n + 1
			}
			s = fromLatin1(raw)
		}
		if n == 0 {
			s = strings.TrimPrefix(s, "\ufeff")
		}
		var sb strings.Builder
		for s != "" {
			if inComment {
				i := strings.Index(s, "-->")
				if i < 0 {
					s = ""
					break
				}
				s = s[i+3:]
				inComment = false
				continue
			}
			i := strings.Index(s, "<!")
			h := strings.IndexByte(s, '#')
			if h >= 0 && (i < 0 || h < i) {
				sb.WriteString(s[:h])
				break
			}
			if i < 0 {
				sb.WriteString(s)
				break
			}
			sb.WriteString(s[:i])
			s = strings.TrimLeft(s[i+2:], " ")
			if !strings.HasPrefix(s, "--") {
				break // "<!...": a one-line markup comment
			}
			s = s[2:]
			inComment = true
		}
		t := strings.TrimRight(sb.String(), " \t\r\f\v")
		if strings.TrimSpace(t) != "" {
			out = append(out, line{n + 1, t})
		}
	}
	if latin1 > 0 {
		b.Warnf(fmt.Sprintf("%s:%d", name, latin1), "not UTF-8: read as Latin-1 (this line and others)")
	}
	return out, nil
}

func fromLatin1(p []byte) string {
	var sb strings.Builder
	for _, c := range p {
		sb.WriteRune(rune(c))
	}
	return sb.String()
}

// phrase turns a dictionary phrase ("GEORGE_W._BUSH_") into text words.
func phrase(s string) string {
	s = strings.ReplaceAll(s, "_", " ")
	return strings.Join(strings.Fields(s), " ")
}

// restriction is one parsed code block.
type restriction struct {
	code  string
	rng   actor.Range
	dated bool
}

// parseBlock reads the inside of "[CODE RESTRICTION]".
func parseBlock(in string) (restriction, error) {
	fs := strings.Fields(in)
	if len(fs) == 0 {
		return restriction{}, errors.New("empty code block []")
	}
	r := restriction{code: fs[0]}
	rest := strings.Join(fs[1:], "")
	if rest == "" {
		return r, nil
	}
	r.dated = true
	switch {
	case rest[0] == '<':
		d, err := legacyDate(rest[1:])
		if err != nil {
			return r, err
		}
		r.rng.To = next(d)
	case rest[0] == '>':
		d, err := legacyDate(rest[1:])
		if err != nil {
			return r, err
		}
		r.rng.From = d
	case strings.Contains(rest, "-"):
		a, z, _ := strings.Cut(rest, "-")
		from, err := legacyDate(a)
		if err != nil {
			return r, err
		}
		to, err := legacyDate(z)
		if err != nil {
			return r, err
		}
		if to < from {
			return r, fmt.Errorf("date range %s ends before it starts", rest)
		}
		r.rng = actor.Range{From: from, To: next(to)}
	default:
		d, err := legacyDate(rest)
		if err != nil {
			return r, err
		}
		r.rng.From = d // a bare date: from then on, as PETRARCH reads it
	}
	return r, nil
}

// legacyDate reads YYYYMMDD or YYMMDD (YY <= 30 is 20YY, else 19YY).
func legacyDate(s string) (actor.Date, error) {
	if (len(s) != 6 && len(s) != 8) || strings.Trim(s, "0123456789") != "" {
		return 0, fmt.Errorf("date %q is not YYYYMMDD or YYMMDD", s)
	}
	var y, m, d int
	if len(s) == 8 {
		y, m, d = atoi(s[:4]), atoi(s[4:6]), atoi(s[6:8])
	} else {
		y, m, d = atoi(s[:2]), atoi(s[2:4]), atoi(s[4:6])
		if y <= 30 {
			y += 2000
		} else {
			y += 1900
		}
	}
	return actor.MakeDate(y, m, d)
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// next returns the day after d (inclusive limits become half-open ranges).
func next(d actor.Date) actor.Date {
	t := time.Date(int(d)/10000, time.Month(int(d)/100%100), int(d)%100, 0, 0, 0, 0, time.UTC).AddDate(0, 0, 1)
	return actor.DateOf(t)
}

// splitBlocks cuts "NAME [A] [B 2001-2002]" into the name and the block
// contents. A block closed by '}' instead of ']' is accepted with a warning.
func splitBlocks(s string) (name string, blocks []string, bad string) {
	i := strings.IndexByte(s, '[')
	if i < 0 {
		return s, nil, ""
	}
	name = s[:i]
	rest := s[i:]
	for rest != "" {
		rest = strings.TrimSpace(rest)
		if rest == "" {
			break
		}
		if rest[0] != '[' {
			return name, blocks, fmt.Sprintf("text %q after the codes is ignored", rest)
		}
		j := strings.IndexAny(rest, "]}")
		if j < 0 {
			blocks = append(blocks, rest[1:])
			return name, blocks, "missing ']'"
		}
		if rest[j] == '}' {
			bad = "code block closed by '}'"
		}
		blocks = append(blocks, rest[1:j])
		rest = rest[j+1:]
	}
	return name, blocks, bad
}

// ReadActors reads a PETRARCH/TABARI actor dictionary into b. Problems in
// the file are warnings of b naming name and the line; the error is for
// unreadable input.
func ReadActors(b *actor.Builder, name string, r io.Reader) error {
	lines, err := readLines(b, name, r)
	if err != nil {
		return err
	}
	type group struct {
		names []line
		codes []restriction
		src   string
	}
	var cur *group
	var pending []line // names of a record without codes: they join the next
	broken := 0
	brokenAt := ""
	flush := func() {
		if cur == nil {
			return
		}
		g := cur
		cur = nil
		if len(g.codes) == 0 {
			pending = append(pending, g.names...)
			return
		}
		names := append(pending, g.names...)
		pending = nil
		e := &actor.Entry{Kind: actor.KindActor, Name: phrase(names[0].text), Source: g.src}
		defaulted := false
		for _, c := range g.codes {
			if c.dated {
				e.Dated = append(e.Dated, actor.DatedCode{Code: c.code, Range: c.rng})
			} else if !defaulted {
				e.Code, defaulted = c.code, true
			}
		}
		e.Owner = e.Code
		b.AddEntry(e)
		for _, nm := range names {
			p := phrase(nm.text)
			src := fmt.Sprintf("%s:%d", name, nm.n)
			if p == "" {
				b.Warnf(src, "empty name")
				continue
			}
			if b.AddTerm(e, p, actor.LegacyCase|actor.Legacy, src) > 0 && strings.ContainsAny(p, ",()[]{};:!?\"") {
				broken++
				if brokenAt == "" {
					brokenAt = src
				}
			}
		}
	}
	addBlocks := func(blocks []string, src string) {
		for _, blk := range blocks {
			rs, err := parseBlock(blk)
			if err != nil {
				b.Warnf(src, "[%s]: %v; restriction skipped", strings.TrimSpace(blk), err)
				continue
			}
			cur.codes = append(cur.codes, rs)
		}
	}
	for _, ln := range lines {
		src := fmt.Sprintf("%s:%d", name, ln.n)
		t := strings.TrimSpace(ln.text)
		switch t[0] {
		case '[':
			if cur == nil {
				b.Warnf(src, "code line %q before any name; skipped", t)
				continue
			}
			_, blocks, bad := splitBlocks(t)
			if bad != "" {
				b.Warnf(src, "%s", bad)
			}
			addBlocks(blocks, src)
		case '+':
			if cur == nil {
				b.Warnf(src, "synonym %q before any name; skipped", t)
				continue
			}
			nm, blocks, bad := splitBlocks(t[1:])
			if bad != "" {
				b.Warnf(src, "%s", bad)
			}
			// "+A_ +B_" is two synonyms on one line
			for _, syn := range strings.Split(nm, " +") {
				if syn = strings.TrimSpace(strings.TrimPrefix(syn, "+")); syn != "" {
					cur.names = append(cur.names, line{ln.n, syn})
				}
			}
			addBlocks(blocks, src)
		default:
			flush()
			nm, blocks, bad := splitBlocks(t)
			if bad != "" {
				b.Warnf(src, "%s", bad)
			}
			cur = &group{names: []line{{ln.n, strings.TrimSpace(nm)}}, src: src}
			addBlocks(blocks, src)
		}
	}
	flush()
	if len(pending) > 0 {
		b.Warnf(fmt.Sprintf("%s:%d", name, pending[0].n), "%d names at the end of the file have no code; ignored", len(pending))
	}
	if broken > 0 {
		b.Warnf(brokenAt, "%d names contain punctuation ( , ( ) ; ...) that text is never matched across; they never match", broken)
	}
	return nil
}

// ReadAgents reads a PETRARCH agent dictionary into b.
func ReadAgents(b *actor.Builder, name string, r io.Reader) error {
	lines, err := readLines(b, name, r)
	if err != nil {
		return err
	}
	markers := map[string][]string{}
	for _, ln := range lines {
		src := fmt.Sprintf("%s:%d", name, ln.n)
		t := strings.TrimSpace(ln.text)
		if strings.Contains(t, "!") && strings.Contains(t, "=") {
			defineMarker(b, markers, t, src)
			continue
		}
		nm, blocks, bad := splitBlocks(t)
		if len(blocks) == 0 {
			b.Warnf(src, "agent %q has no [CODE]; skipped", t)
			continue
		}
		if bad != "" {
			b.Warnf(src, "%s", bad)
		}
		code := strings.Join(strings.Fields(blocks[0]), "")
		e := &actor.Entry{Kind: actor.KindAgent, Source: src}
		switch {
		case strings.HasPrefix(code, "~"):
			e.Code = code[1:]
		case strings.HasSuffix(code, "~"):
			e.Code, e.Prefix = code[:len(code)-1], true
		default:
			b.Warnf(src, "agent code %q has no '~'; taken as a role after the actor's code", code)
			e.Code = code
		}
		if e.Code == "" {
			b.Warnf(src, "empty agent code; skipped")
			continue
		}
		// PHRASE {PLURAL}
		sing, plural, hasPlural := nm, "", false
		if i := strings.IndexByte(nm, '{'); i >= 0 {
			j := strings.IndexByte(nm, '}')
			if j < i {
				b.Warnf(src, "missing '}'; skipped")
				continue
			}
			sing, plural, hasPlural = nm[:i], phrase(nm[i+1:j]), true
		}
		forms := []string{phrase(sing)}
		if strings.Contains(sing, "!") {
			exp, err := expand(sing, markers)
			if err != nil {
				b.Warnf(src, "%v; skipped", err)
				continue
			}
			forms = exp
			hasPlural, plural = true, "" // substitutions take no plurals
		}
		if forms[0] == "" {
			b.Warnf(src, "empty agent phrase; skipped")
			continue
		}
		e.Name = forms[0]
		b.AddEntry(e)
		for _, f := range forms {
			b.AddTerm(e, f, actor.AnyCase|actor.Legacy, src)
		}
		if !hasPlural {
			plural = legacyPlural(forms[0])
		}
		if plural != "" && plural != forms[0] {
			b.AddTerm(e, plural, actor.AnyCase|actor.Plural|actor.Legacy, src)
		}
	}
	return nil
}

// legacyPlural forms the regular plural of an upper-case phrase.
func legacyPlural(p string) string {
	return strings.ToUpper(actor.PluralOf(strings.ToLower(p)))
}

// defineMarker reads "!PERSON! = MAN, MEN, WOMAN".
func defineMarker(b *actor.Builder, markers map[string][]string, t, src string) {
	i := strings.IndexByte(t, '!')
	j := strings.IndexByte(t[i+1:], '!')
	eq := strings.IndexByte(t, '=')
	if j < 0 || eq < i+j+2 {
		b.Warnf(src, "substitution marker %q is not !NAME! = A, B; skipped", t)
		return
	}
	m := t[i+1 : i+1+j]
	var items []string
	for _, it := range strings.Split(t[eq+1:], ",") {
		if it = strings.TrimSpace(it); it != "" {
			items = append(items, it)
		}
	}
	markers[m] = items
}

// expand substitutes the marker in an agent phrase ("!MINIST!_OF_X").
func expand(s string, markers map[string][]string) ([]string, error) {
	i := strings.IndexByte(s, '!')
	j := strings.IndexByte(s[i+1:], '!')
	if j < 0 {
		return nil, fmt.Errorf("substitution marker in %q has no closing '!'", strings.TrimSpace(s))
	}
	m := s[i+1 : i+1+j]
	items, ok := markers[m]
	if !ok {
		return nil, fmt.Errorf("substitution marker !%s! is not defined", m)
	}
	var out []string
	for _, it := range items {
		if p := phrase(s[:i] + it + s[i+2+j:]); p != "" {
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("substitution marker !%s! is empty", m)
	}
	return out, nil
}
