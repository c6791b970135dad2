package ner

import (
	"bufio"
	"cmp"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/dyadhq/dyad/internal/modelfile"
)

// Clusters maps lower-case words to their place in a binary hierarchy of
// word classes learned from unlabelled text: a path of '0'/'1' from the
// root, so that a prefix of the path is a coarser class (as with Brown
// clusters). Words with similar neighbours share long prefixes, which lets
// the recognizer generalize from names it saw in training to names it did
// not ("Lufthansa" near "Airbus").
type Clusters struct {
	path map[string]string
	sum  uint64
}

// ClustersPath is where the embedded cluster table lives, relative to the
// project root.
const ClustersPath = "internal/ner/models/clusters.tsv.gz"

var loadClusters = sync.OnceValues(func() (*Clusters, error) {
	f, err := models.Open("models/clusters.tsv.gz")
	if err != nil {
		return nil, fmt.Errorf("ner: embedded clusters: %w (learn them with `dyad train ner-clusters`)", err)
	}
	defer f.Close()
	return ReadClusters(f)
})

// LoadClusters returns the embedded cluster table, read once.
func LoadClusters() (*Clusters, error) { return loadClusters() }

// Path returns the class path of a word (looked up in lower case), or ""
// for a word the table does not hold. c may be nil.
func (c *Clusters) Path(lower string) string {
	if c == nil {
		return ""
	}
	return c.path[lower]
}

// Len is the number of words in the table.
func (c *Clusters) Len() int { return len(c.path) }

// Sum is a fingerprint of the table; a model records the sum of the table
// it was trained with.
func (c *Clusters) Sum() uint64 {
	if c == nil {
		return 0
	}
	return c.sum
}

// entries returns (word, path) pairs sorted by path, then word.
func (c *Clusters) entries() [][2]string {
	out := make([][2]string, 0, len(c.path))
	for w, p := range c.path {
		out = append(out, [2]string{w, p})
	}
	slices.SortFunc(out, func(a, b [2]string) int {
		return cmp.Or(cmp.Compare(a[1], b[1]), cmp.Compare(a[0], b[0]))
	})
	return out
}

func (c *Clusters) fingerprint() {
	h := newHash(0)
	for _, e := range c.entries() {
		h = h.str(e[0]).str(e[1])
	}
	c.sum = uint64(h)
	if c.sum == 0 {
		c.sum = 1
	}
}

// Write writes the table as gzip-compressed lines "PATH\tWORD", sorted,
// so that the same table gives the same bytes.
func (c *Clusters) Write(w io.Writer) error {
	return modelfile.Write(w, func(bw *bufio.Writer) error {
		for _, e := range c.entries() {
			bw.WriteString(e[1])
			bw.WriteByte('\t')
			bw.WriteString(e[0])
			bw.WriteByte('\n')
		}
		return nil
	})
}

// ReadClusters reads a table written by Write.
func ReadClusters(r io.Reader) (*Clusters, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	c := &Clusters{path: map[string]string{}}
	sc := bufio.NewScanner(zr)
	line := 0
	for sc.Scan() {
		line++
		p, w, ok := strings.Cut(sc.Text(), "\t")
		if !ok || w == "" || strings.Trim(p, "01") != "" {
			return nil, fmt.Errorf("clusters:%d: want PATH<TAB>WORD", line)
		}
		c.path[w] = p
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(c.path) == 0 {
		return nil, errors.New("clusters: empty table")
	}
	c.fingerprint()
	return c, nil
}

// ClusterConfig configures LearnClusters. Zero fields take defaults.
type ClusterConfig struct {
	MinCount int // words seen fewer times are left out (default 2)
	MaxWords int // most words kept, most frequent first (default 60000)
	Contexts int // most frequent words used as context features (default 500)
	Depth    int // longest path (default 16)
	Iter     int // 2-means iterations per split (default 8)
}

// LearnClusters builds a class hierarchy of the lower-cased words of sents
// by divisive clustering: each word is described by the words one and two
// positions to its left and right (positive pointwise mutual information
// with the Contexts most frequent words, unit length), and every set is
// split in two by spherical 2-means, recursively, to Depth. It is
// deterministic: no randomness, ties broken by frequency rank.
func LearnClusters(sents [][]string, cfg ClusterConfig) *Clusters {
	if cfg.MinCount <= 0 {
		cfg.MinCount = 2
	}
	if cfg.MaxWords <= 0 {
		cfg.MaxWords = 60000
	}
	if cfg.Contexts <= 0 {
		cfg.Contexts = 500
	}
	if cfg.Depth <= 0 {
		cfg.Depth = 16
	}
	if cfg.Iter <= 0 {
		cfg.Iter = 8
	}
	count := map[string]int{}
	for _, s := range sents {
		for _, w := range s {
			count[strings.ToLower(w)]++
		}
	}
	var vocab []string
	for w, n := range count {
		if n >= cfg.MinCount {
			vocab = append(vocab, w)
		}
	}
	slices.SortFunc(vocab, func(a, b string) int {
		return cmp.Or(cmp.Compare(count[b], count[a]), cmp.Compare(a, b))
	})
	if len(vocab) > cfg.MaxWords {
		vocab = vocab[:cfg.MaxWords]
	}
	id := make(map[string]int32, len(vocab))
	for i, w := range vocab {
		id[w] = int32(i)
	}
	nc := min(cfg.Contexts, len(vocab))
	// Context dimension: position block (-2,-1,+1,+2) times (nc words +
	// sentence boundary).
	block := nc + 1
	dim := 4 * block
	ctx := make([]map[int32]float64, len(vocab))
	for i := range ctx {
		ctx[i] = map[int32]float64{}
	}
	ctxTotal := make([]float64, dim)
	total := 0.0
	ids := []int32{}
	for _, s := range sents {
		ids = ids[:0]
		for _, w := range s {
			k, ok := id[strings.ToLower(w)]
			if !ok {
				k = -1
			}
			ids = append(ids, k)
		}
		for i, k := range ids {
			if k < 0 {
				continue
			}
			for b, off := range [4]int{-2, -1, 1, 2} {
				j := i + off
				c := int32(nc) // boundary
				if j >= 0 && j < len(ids) {
					if ids[j] < 0 || int(ids[j]) >= nc {
						continue
					}
					c = ids[j]
				}
				d := int32(b*block) + c
				ctx[k][d]++
				ctxTotal[d]++
				total++
			}
		}
	}
	// Sparse PPMI vectors of unit length, dimensions in increasing order.
	type vec struct {
		dims []int32
		vals []float64
	}
	vecs := make([]vec, len(vocab))
	for k := range vocab {
		var v vec
		wt := 0.0
		for _, n := range ctx[k] {
			wt += n
		}
		dims := make([]int32, 0, len(ctx[k]))
		for d := range ctx[k] {
			dims = append(dims, d)
		}
		slices.Sort(dims)
		norm := 0.0
		for _, d := range dims {
			if p := math.Log(ctx[k][d] * total / (wt * ctxTotal[d])); p > 0 {
				v.dims = append(v.dims, d)
				v.vals = append(v.vals, p)
				norm += p * p
			}
		}
		if norm > 0 {
			norm = math.Sqrt(norm)
			for i := range v.vals {
				v.vals[i] /= norm
			}
		}
		vecs[k] = v
	}
	ctx = nil
	dot := func(c []float64, v *vec) float64 {
		s := 0.0
		for i, d := range v.dims {
			s += c[d] * v.vals[i]
		}
		return s
	}
	centroid := func(c []float64, members []int32) {
		clear(c)
		for _, m := range members {
			v := &vecs[m]
			for i, d := range v.dims {
				c[d] += v.vals[i]
			}
		}
		n := 0.0
		for _, x := range c {
			n += x * x
		}
		if n > 0 {
			n = math.Sqrt(n)
			for i := range c {
				c[i] /= n
			}
		}
	}
	out := &Clusters{path: make(map[string]string, len(vocab))}
	c0, c1 := make([]float64, dim), make([]float64, dim)
	var split func(members []int32, path string)
	split = func(members []int32, path string) {
		if len(members) < 2 || len(path) >= cfg.Depth {
			for _, m := range members {
				out.path[vocab[m]] = path
			}
			return
		}
		// Seeds: the member least like the set's centroid, then the member
		// least like that one (a far pair).
		farthest := func(c []float64) int32 {
			far, farSim := members[0], math.Inf(1)
			for _, m := range members {
				if s := dot(c, &vecs[m]); s < farSim {
					far, farSim = m, s
				}
			}
			return far
		}
		seed := func(c []float64, m int32) {
			clear(c)
			for i, d := range vecs[m].dims {
				c[d] = vecs[m].vals[i]
			}
		}
		centroid(c0, members)
		seed(c1, farthest(c0))
		seed(c0, farthest(c1))
		// Each side keeps at least a quarter of the set, so that paths
		// stay short and every bit says something.
		minSide := max(1, len(members)/4)
		diff := make([]float64, len(members))
		order := make([]int, len(members))
		var left, right []int32
		for it := 0; it < cfg.Iter; it++ {
			for i, m := range members {
				diff[i] = dot(c0, &vecs[m]) - dot(c1, &vecs[m])
				order[i] = i
			}
			slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(diff[b], diff[a]) })
			nl := 0
			for nl < len(order) && diff[order[nl]] >= 0 {
				nl++
			}
			nl = min(max(nl, minSide), len(members)-minSide)
			left, right = left[:0], right[:0]
			inLeft := make([]bool, len(members))
			for _, i := range order[:nl] {
				inLeft[i] = true
			}
			for i, m := range members {
				if inLeft[i] {
					left = append(left, m)
				} else {
					right = append(right, m)
				}
			}
			centroid(c0, left)
			centroid(c1, right)
		}
		// Children get their own slices: the recursion reuses the centroids.
		l, r := slices.Clone(left), slices.Clone(right)
		split(l, path+"0")
		split(r, path+"1")
	}
	all := make([]int32, len(vocab))
	for i := range all {
		all[i] = int32(i)
	}
	split(all, "")
	out.fingerprint()
	return out
}
