package api

import (
	"net/url"
	"sort"
	"strconv"
	"strings"
)

// params reads query parameters, remembering the first problem and which
// names were read, so that a misspelt parameter is an error rather than a
// silently ignored filter.
type params struct {
	q    url.Values
	err  error
	used map[string]bool
}

func newParams(q url.Values) *params { return &params{q: q, used: map[string]bool{}} }

func (p *params) str(name string) string {
	p.used[name] = true
	v := p.q[name]
	if len(v) > 1 && p.err == nil {
		p.err = badf("parameter %s given %d times", name, len(v))
	}
	if len(v) == 0 {
		return ""
	}
	return v[0]
}

func (p *params) int(name string) int {
	s := p.str(name)
	if s == "" {
		return 0
	}
	n, err := strconv.Atoi(s)
	if err != nil && p.err == nil {
		p.err = badf("parameter %s: %q is not a whole number", name, clip(s, 32))
	}
	return n
}

func (p *params) bool(name string) bool {
	switch s := strings.ToLower(p.str(name)); s {
	case "", "0", "false", "no":
		return false
	case "1", "true", "yes":
		return true
	default:
		if p.err == nil {
			p.err = badf("parameter %s: %q is not true or false", name, clip(s, 32))
		}
		return false
	}
}

// done returns the first problem, or names the parameters nobody read.
func (p *params) done() error {
	if p.err != nil {
		return p.err
	}
	var unknown []string
	for k := range p.q {
		if !p.used[k] {
			unknown = append(unknown, clip(k, 32))
		}
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		known := make([]string, 0, len(p.used))
		for k := range p.used {
			known = append(known, k)
		}
		sort.Strings(known)
		return badf("unknown parameter %s (this endpoint takes: %s)", strings.Join(unknown, ", "), strings.Join(known, ", "))
	}
	return nil
}
