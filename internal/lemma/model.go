package lemma

import (
	"bufio"
	"compress/gzip"
	"embed"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/dyadhq/dyad/internal/modelfile"
)

// The model file is gzip-compressed text, one entry a line, tab-separated:
//
//	dyad-lemmatizer/2	MAXSUFFIX
//	R	XPOS	SUFFIX	STRIP	ADD     a suffix rule
//	L	XPOS	FORM	LEMMA           a lower-cased exception
//	E	XPOS	FORM	LEMMA           an exact exception
//	K	CLASS	LEMMA                   a known open-class lemma (N, V, J, R)
//
// in sorted order, so the same model gives the same bytes. Version 1 files
// (without K lines) still read.
const magic = "dyad-lemmatizer/2"

// ModelPath is where the embedded model lives, relative to the project root.
const ModelPath = "internal/lemma/models/lemmatizer.tsv.gz"

//go:embed models
var models embed.FS

var loadOnce = sync.OnceValues(func() (*Lemmatizer, error) {
	f, err := models.Open("models/lemmatizer.tsv.gz")
	if err != nil {
		return nil, fmt.Errorf("lemma: embedded model: %w (train it with `dyad train lemmatizer`)", err)
	}
	defer f.Close()
	l, err := Read(f)
	if err != nil {
		return nil, fmt.Errorf("lemma: embedded model: %w", err)
	}
	return l, nil
})

// Load returns the embedded model, read once on first use and shared.
func Load() (*Lemmatizer, error) { return loadOnce() }

// Save writes the model.
func (l *Lemmatizer) Save(w io.Writer) error {
	return modelfile.Write(w, func(bw *bufio.Writer) error {
		fmt.Fprintf(bw, "%s\t%d\n", magic, l.maxSuffix)
		for _, k := range sortedKeys(l.rules) {
			r := l.rules[k]
			fmt.Fprintf(bw, "R\t%s\t%s\t%d\t%s\n", k.xpos, k.form, r.strip, r.add)
		}
		for _, k := range sortedKeys(l.lower) {
			fmt.Fprintf(bw, "L\t%s\t%s\t%s\n", k.xpos, k.form, l.lower[k])
		}
		for _, k := range sortedKeys(l.table) {
			fmt.Fprintf(bw, "E\t%s\t%s\t%s\n", k.xpos, k.form, l.table[k])
		}
		kn := make([]string, 0, len(l.known))
		for k := range l.known {
			kn = append(kn, string(k.class)+"\t"+k.lemma)
		}
		slices.Sort(kn)
		for _, k := range kn {
			fmt.Fprintf(bw, "K\t%s\n", k)
		}
		return nil
	})
}

// Read reads a model written by Save.
func Read(r io.Reader) (*Lemmatizer, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("lemmatizer model: %w", err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	l := &Lemmatizer{table: map[key]string{}, lower: map[key]string{}, rules: map[key]rule{}}
	line := 0
	for sc.Scan() {
		line++
		f := strings.Split(sc.Text(), "\t")
		bad := func(why string) error { return fmt.Errorf("lemmatizer model: line %d: %s", line, why) }
		if line == 1 {
			if len(f) != 2 || f[0] != magic && f[0] != "dyad-lemmatizer/1" {
				return nil, bad("not a lemmatizer model")
			}
			n, err := strconv.Atoi(f[1])
			if err != nil || n < 0 || n > 64 {
				return nil, bad("bad suffix length")
			}
			l.maxSuffix = n
			continue
		}
		switch {
		case len(f) == 5 && f[0] == "R":
			strip, err := strconv.Atoi(f[3])
			if err != nil || strip < 0 || strip > 64 {
				return nil, bad("bad strip count")
			}
			l.rules[key{f[2], f[1]}] = rule{strip: strip, add: f[4]}
		case len(f) == 4 && f[0] == "L":
			l.lower[key{f[2], f[1]}] = f[3]
		case len(f) == 4 && f[0] == "E":
			l.table[key{f[2], f[1]}] = f[3]
		case len(f) == 3 && f[0] == "K" && len(f[1]) == 1:
			if l.known == nil {
				l.known = map[known]bool{}
			}
			l.known[known{f[2], f[1][0]}] = true
		default:
			return nil, bad("unknown entry")
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("lemmatizer model: %w", err)
	}
	if line == 0 {
		return nil, fmt.Errorf("lemmatizer model: empty")
	}
	return l, nil
}
