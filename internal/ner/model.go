package ner

import (
	"bufio"
	"compress/gzip"
	"embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"sync"

	"github.com/dyadhq/dyad/internal/modelfile"
)

// The model file is gzip-compressed binary: a magic string, the label
// names, the transition weights, then the features sorted by hash (as
// deltas) with their weights quantized to int16. Sorted order makes the
// same model give the same bytes. Version 2 adds, after the label names,
// the fingerprint of the cluster table the model was trained with (0 for
// none); the table itself is embedded beside the model (ClustersPath).
// Version 3 adds, after the fingerprint, the name memory (NameMemory):
// its size, then each key (sorted, as deltas) with its code.
const magic = "dyad-ner/3"

// ModelPath is where the embedded model lives, relative to the project root.
const ModelPath = "internal/ner/models/ner.bin.gz"

//go:embed models
var models embed.FS

// Model is a trained recognizer.
type Model struct {
	// index maps feature hashes to rows of nLabels weights in units of
	// scale, as the file stores them: half the memory of float32 rows,
	// which the recognizer's lookups, scattered over the rows, feel more
	// than the arithmetic.
	index *featIndex
	scale float32
	// trans[a+1][b] scores label b after a; row 0 is the sentence start.
	trans [nLabels + 1][nLabels]float32
	cl    *Clusters   // word classes the features read; nil for none
	mem   *NameMemory // names of the training corpus; nil for none
	pool  sync.Pool
}

// scratch is one goroutine's working memory; it belongs to its model,
// whose weights its word cache holds sums of.
type scratch struct {
	in    input            // the sentence being labelled
	words wordCache        // word types seen
	buf   []uint64         // feature hashes of a sentence's tokens...
	to    []int32          // ...and the token of each
	acc   [][nLabels]int32 // each token's summed weights
	ibuf  []uint64         // feature hashes of a word type (fillInfo)...
	ito   []int32          // ...and the sum each goes to
	sink  uint32           // keeps addRows' cache-warming loads
	score []float32        // n x nLabels emission scores
	vit   []float32
	back  []int8
	out   []int
}

func (m *Model) getScratch() *scratch {
	if s, ok := m.pool.Get().(*scratch); ok {
		return s
	}
	return &scratch{}
}

var loadOnce = sync.OnceValues(func() (*Model, error) {
	f, err := models.Open("models/ner.bin.gz")
	if err != nil {
		return nil, fmt.Errorf("ner: embedded model: %w (train it with `dyad train ner`)", err)
	}
	defer f.Close()
	m, err := Read(f)
	if err != nil {
		return nil, fmt.Errorf("ner: embedded model: %w", err)
	}
	return m, nil
})

// Load returns the embedded model, read once on first use and shared.
func Load() (*Model, error) { return loadOnce() }

// decode returns the best label sequence of the sentence in sc.in
// (Viterbi under the BIO constraint). The slice is the scratch's.
func (m *Model) decode(sc *scratch) []int {
	m.scores(sc)
	return viterbi(sc, len(sc.in.info), &m.trans)
}

// preds lists, for each label, the labels that may come before it
// (allowed), so that Viterbi's inner loop needs no test.
var preds = func() (p [nLabels][]int8) {
	for b := range nLabels {
		for a := range nLabels {
			if allowed(a, b) {
				p[b] = append(p[b], int8(a))
			}
		}
	}
	return p
}()

func viterbi(sc *scratch, n int, trans *[nLabels + 1][nLabels]float32) []int {
	sc.out = sc.out[:0]
	if n == 0 {
		return sc.out
	}
	sc.vit = growF(sc.vit, n*nLabels)
	if cap(sc.back) < n*nLabels {
		sc.back = make([]int8, n*nLabels)
	}
	back := sc.back[:n*nLabels]
	neg := float32(math.Inf(-1))
	for b := 0; b < nLabels; b++ {
		if allowed(-1, b) {
			sc.vit[b] = trans[0][b] + sc.score[b]
		} else {
			sc.vit[b] = neg
		}
	}
	for i := 1; i < n; i++ {
		for b := 0; b < nLabels; b++ {
			best, arg := neg, 0
			prev := sc.vit[(i-1)*nLabels : i*nLabels]
			for _, a := range preds[b] {
				if v := prev[a] + trans[a+1][b]; v > best {
					best, arg = v, int(a)
				}
			}
			sc.vit[i*nLabels+b] = best + sc.score[i*nLabels+b]
			back[i*nLabels+b] = int8(arg)
		}
	}
	best, arg := neg, 0
	for b := 0; b < nLabels; b++ {
		if v := sc.vit[(n-1)*nLabels+b]; v > best {
			best, arg = v, b
		}
	}
	sc.out = slices.Grow(sc.out, n)[:n]
	for i := n - 1; i >= 0; i-- {
		sc.out[i] = arg
		arg = int(back[i*nLabels+arg])
	}
	return sc.out
}

func growF(s []float32, n int) []float32 {
	if cap(s) < n {
		return make([]float32, n)
	}
	return s[:n]
}

// Save writes the model.
func (m *Model) Save(w io.Writer) error {
	return modelfile.Write(w, func(bw *bufio.Writer) error {
		var buf [binary.MaxVarintLen64]byte
		uv := func(x uint64) { bw.Write(buf[:binary.PutUvarint(buf[:], x)]) }
		str := func(s string) { uv(uint64(len(s))); bw.WriteString(s) }
		f32 := func(f float32) { uv(uint64(math.Float32bits(f))) }
		str(magic)
		uv(nLabels)
		for _, l := range labelNames {
			str(l)
		}
		uv(m.cl.Sum())
		uv(uint64(m.mem.Len()))
		prevK := uint64(0)
		for _, k := range m.mem.sortedKeys() {
			uv(k - prevK)
			prevK = k
			bw.WriteByte(m.mem.codes[k])
		}
		for a := range m.trans {
			for b := range m.trans[a] {
				f32(m.trans[a][b])
			}
		}
		keys := make([]uint64, 0, m.index.len())
		m.index.each(func(k uint64, r int32) { keys = append(keys, k) })
		slices.Sort(keys)
		f32(m.scale)
		uv(uint64(len(keys)))
		prev := uint64(0)
		for _, k := range keys {
			uv(k - prev)
			prev = k
			r, _ := m.index.get(k)
			for _, v := range m.index.weights(r) {
				bw.WriteByte(byte(uint16(v)))
				bw.WriteByte(byte(uint16(v) >> 8))
			}
		}
		return nil
	})
}

// Read reads a model written by Save.
func Read(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	br := bufio.NewReader(zr)
	var rerr error
	uv := func() uint64 {
		x, err := binary.ReadUvarint(br)
		if err != nil && rerr == nil {
			rerr = err
		}
		return x
	}
	str := func() string {
		n := uv()
		if n > 1<<10 {
			rerr = errors.New("string too long")
			return ""
		}
		b := make([]byte, n)
		if _, err := io.ReadFull(br, b); err != nil && rerr == nil {
			rerr = err
		}
		return string(b)
	}
	f32 := func() float32 { return math.Float32frombits(uint32(uv())) }
	if s := str(); s != magic {
		return nil, fmt.Errorf("not a %s model", magic)
	}
	if n := uv(); n != nLabels {
		return nil, fmt.Errorf("model has %d labels, want %d", n, nLabels)
	}
	for _, l := range labelNames {
		if s := str(); s != l {
			return nil, fmt.Errorf("model label %q, want %q", s, l)
		}
	}
	m := &Model{}
	if sum := uv(); sum != 0 && rerr == nil {
		cl, err := LoadClusters()
		if err != nil {
			return nil, err
		}
		if cl.Sum() != sum {
			return nil, fmt.Errorf("model was trained with another cluster table (%x, embedded %x): retrain it", sum, cl.Sum())
		}
		m.cl = cl
	}
	if nm := uv(); nm > 0 && rerr == nil {
		if nm > 1<<22 {
			return nil, fmt.Errorf("model remembers %d names", nm)
		}
		m.mem = &NameMemory{codes: make(map[uint64]uint8, nm)}
		k := uint64(0)
		for i := 0; i < int(nm) && rerr == nil; i++ {
			k += uv()
			b, err := br.ReadByte()
			if err != nil {
				return nil, err
			}
			m.mem.codes[k] = b
		}
	}
	for a := range m.trans {
		for b := range m.trans[a] {
			m.trans[a][b] = f32()
		}
	}
	scale := f32()
	n := uv()
	if rerr != nil {
		return nil, rerr
	}
	if n > 1<<26 {
		return nil, fmt.Errorf("model has %d features", n)
	}
	m.index = newFeatIndex(int(n))
	m.scale = scale
	prev := uint64(0)
	var q [2 * nLabels]byte
	var w [nLabels]int16
	for i := 0; i < int(n); i++ {
		prev += uv()
		if _, err := io.ReadFull(br, q[:]); err != nil {
			return nil, err
		}
		for l := range w {
			w[l] = int16(binary.LittleEndian.Uint16(q[2*l:]))
		}
		m.index.put(prev, int32(i), &w)
	}
	if rerr != nil {
		return nil, rerr
	}
	return m, nil
}
