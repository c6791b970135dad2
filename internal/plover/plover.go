// Package plover is the PLOVER event ontology (types, modes, scores) and the
// published CAMEO-to-PLOVER mapping, read from embedded data files. It is
// reference data only and knows nothing of how events are found in text.
package plover

import (
	"bufio"
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"sync"
)

var (
	//go:embed data/types.tsv
	typesTSV string
	//go:embed data/cameo2plover.tsv
	mapTSV string
)

// Mode is one PLOVER type or type:mode with its score.
type Mode struct {
	Type, Mode  string // Mode "" for the type itself
	Score       float64
	QuadClass   int
	Description string
}

// Coding is the PLOVER form of a CAMEO code.
type Coding struct {
	Type, Mode, Context string
}

var (
	once    sync.Once
	modes   []Mode
	byKey   map[string]Mode
	mapping map[string]Coding
)

func load() {
	var err error
	if modes, err = parseTypes(typesTSV); err != nil {
		panic("plover: embedded types: " + err.Error())
	}
	byKey = map[string]Mode{}
	for _, m := range modes {
		byKey[m.Type+":"+m.Mode] = m
	}
	if mapping, err = parseMapping(mapTSV); err != nil {
		panic("plover: embedded mapping: " + err.Error())
	}
	for code, c := range mapping {
		if _, ok := byKey[c.Type+":"]; !ok {
			panic(fmt.Sprintf("plover: mapping %s names unknown type %q", code, c.Type))
		}
	}
}

func fields(s string, n int, fn func(line int, f []string) error) error {
	sc := bufio.NewScanner(strings.NewReader(s))
	for line := 1; sc.Scan(); line++ {
		t := sc.Text()
		if t == "" || t[0] == '#' {
			continue
		}
		f := strings.Split(t, "\t")
		if len(f) != n {
			return fmt.Errorf("line %d: want %d tab-separated fields, got %d", line, n, len(f))
		}
		for i := range f {
			if f[i] == "-" {
				f[i] = ""
			}
		}
		if err := fn(line, f); err != nil {
			return fmt.Errorf("line %d: %w", line, err)
		}
	}
	return sc.Err()
}

func parseTypes(s string) ([]Mode, error) {
	var out []Mode
	err := fields(s, 5, func(_ int, f []string) error {
		score, err := strconv.ParseFloat(f[2], 64)
		if err != nil {
			return err
		}
		q, err := strconv.Atoi(f[3])
		if err != nil || q < 1 || q > 4 {
			return fmt.Errorf("bad quad class %q", f[3])
		}
		out = append(out, Mode{Type: f[0], Mode: f[1], Score: score, QuadClass: q, Description: f[4]})
		return nil
	})
	return out, err
}

func parseMapping(s string) (map[string]Coding, error) {
	out := map[string]Coding{}
	err := fields(s, 4, func(_ int, f []string) error {
		if _, dup := out[f[0]]; dup {
			return fmt.Errorf("code %s listed twice", f[0])
		}
		out[f[0]] = Coding{Type: f[1], Mode: f[2], Context: f[3]}
		return nil
	})
	return out, err
}

// FromCAMEO maps a CAMEO code to PLOVER, using the nearest listed ancestor
// for codes the table does not list. CAMEO 01 (statements) and 02 (appeals)
// have no PLOVER category: ok is false for them.
func FromCAMEO(code string) (c Coding, ok bool) {
	once.Do(load)
	for k := code; len(k) >= 3; k = k[:len(k)-1] {
		if c, ok := mapping[k]; ok {
			return c, true
		}
	}
	if len(code) >= 2 {
		// A bare root: its "not specified" child ("04" -> "040").
		if c, ok := mapping[code[:2]+"0"]; ok {
			return c, true
		}
	}
	return Coding{}, false
}

// Types returns the sixteen event types (rows without a mode).
func Types() []Mode {
	once.Do(load)
	var out []Mode
	for _, m := range modes {
		if m.Mode == "" {
			out = append(out, m)
		}
	}
	return out
}

// Modes returns every type and type:mode row.
func Modes() []Mode {
	once.Do(load)
	return append([]Mode(nil), modes...)
}

// Lookup returns the row for a type and mode ("" for the type itself).
func Lookup(typ, mode string) (Mode, bool) {
	once.Do(load)
	m, ok := byKey[typ+":"+mode]
	return m, ok
}
