package compat

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode"
)

// Discards is a PETRARCH discard list: phrases ("baseball", "+typhoon")
// whose sentence (plain) or story (marked "+") is not coded, because it is
// about sport, weather and the like.
type Discards struct {
	sentence, story []string // normalized " phrase " forms
}

// LoadDiscards reads a discard file.
func LoadDiscards(path string) (*Discards, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadDiscards(f, filepath.Base(path))
}

// ReadDiscards reads a discard list: one phrase a line, "+" marks a story
// discard, "#" starts a comment.
func ReadDiscards(r io.Reader, name string) (*Discards, error) {
	d := &Discards{}
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		story := strings.HasPrefix(line, "+")
		p := normalize(strings.TrimPrefix(line, "+"))
		if strings.TrimSpace(p) == "" {
			continue
		}
		if story {
			d.story = append(d.story, p)
		} else {
			d.sentence = append(d.sentence, p)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return d, nil
}

// Match reports whether text holds a discard phrase (as whole words, in any
// letter case); story tells whether it discards the whole story.
func (d *Discards) Match(text string) (ok, story bool) {
	if d == nil {
		return false, false
	}
	t := normalize(text)
	for _, p := range d.story {
		if strings.Contains(t, p) {
			return true, true
		}
	}
	for _, p := range d.sentence {
		if strings.Contains(t, p) {
			return true, false
		}
	}
	return false, false
}

// normalize lower-cases s, turns "_" and punctuation into spaces and pads it,
// so that phrases match as whole words.
func normalize(s string) string {
	var b strings.Builder
	b.WriteByte(' ')
	space := true
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
			space = false
		} else if !space {
			b.WriteByte(' ')
			space = true
		}
	}
	if !space {
		b.WriteByte(' ')
	}
	return b.String()
}
