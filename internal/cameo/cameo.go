// Package cameo is the CAMEO event codebook: every event code with its name,
// root, quad class and Goldstein value, read from data/cameo.tsv embedded in
// the binary. It is reference data only and knows nothing of how events are
// found in text.
package cameo

import (
	"bufio"
	_ "embed"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
)

//go:embed data/cameo.tsv
var tsv string

// Code is one CAMEO event code.
type Code struct {
	Code      string
	Name      string
	Root      string // the two-digit cue category, "01".."20"
	QuadClass int    // 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict
	Goldstein float64
}

// QuadNames names the quad classes 1..4.
var QuadNames = [5]string{"", "verbal cooperation", "material cooperation", "verbal conflict", "material conflict"}

var (
	once  sync.Once
	codes map[string]Code
	list  []Code
)

func load() {
	cs, err := Parse(tsv)
	if err != nil {
		panic("cameo: embedded codebook: " + err.Error())
	}
	codes = make(map[string]Code, len(cs))
	for _, c := range cs {
		codes[c.Code] = c
	}
	list = cs
}

// Parse reads a codebook in the TSV format of data/cameo.tsv.
func Parse(s string) ([]Code, error) {
	var out []Code
	seen := map[string]bool{}
	sc := bufio.NewScanner(strings.NewReader(s))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			return nil, fmt.Errorf("line %d: want 3 tab-separated fields, got %d", n, len(f))
		}
		code := f[0]
		root, ok := RootOf(code)
		if !ok {
			return nil, fmt.Errorf("line %d: bad code %q", n, code)
		}
		g, err := strconv.ParseFloat(f[1], 64)
		if err != nil || g < -10 || g > 10 {
			return nil, fmt.Errorf("line %d: bad Goldstein value %q", n, f[1])
		}
		if seen[code] {
			return nil, fmt.Errorf("line %d: code %s listed twice", n, code)
		}
		seen[code] = true
		out = append(out, Code{Code: code, Name: f[2], Root: root, QuadClass: quadOf(root), Goldstein: g})
	}
	return out, sc.Err()
}

// RootOf returns the two-digit root of a code of 2 to 4 digits.
func RootOf(code string) (string, bool) {
	if len(code) < 2 || len(code) > 4 {
		return "", false
	}
	for i := 0; i < len(code); i++ {
		if code[i] < '0' || code[i] > '9' {
			return "", false
		}
	}
	r := code[:2]
	if n, _ := strconv.Atoi(r); n < 1 || n > 20 {
		return "", false
	}
	return r, true
}

func quadOf(root string) int {
	n, _ := strconv.Atoi(root)
	switch {
	case n <= 5:
		return 1
	case n <= 9:
		return 2
	case n <= 14:
		return 3
	default:
		return 4
	}
}

// Lookup returns the codebook entry for an exact code.
func Lookup(code string) (Code, bool) {
	once.Do(load)
	c, ok := codes[code]
	return c, ok
}

// Resolve returns the entry for code, or for its nearest listed ancestor
// ("0874x" is not valid, but a dictionary's "1013" resolves to itself and an
// unknown "0215" to "021"), so codes from older dictionaries still get a
// name, quad class and Goldstein value.
func Resolve(code string) (Code, bool) {
	once.Do(load)
	if _, ok := RootOf(code); !ok {
		return Code{}, false
	}
	for c := code; len(c) >= 2; c = c[:len(c)-1] {
		if e, ok := codes[c]; ok {
			if c != code {
				e.Code = code
			}
			return e, true
		}
	}
	return Code{}, false
}

// All returns every code in codebook order.
func All() []Code {
	once.Do(load)
	return append([]Code(nil), list...)
}

// Roots returns the twenty root categories, sorted.
func Roots() []Code {
	once.Do(load)
	var out []Code
	for _, c := range list {
		if len(c.Code) == 2 {
			out = append(out, c)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out
}
