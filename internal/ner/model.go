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
)

// The model file is gzip-compressed binary: a magic string, the label
// names, the transition weights, then the features sorted by hash (as
// deltas) with their weights quantized to int16. Sorted order makes the
// same model give the same bytes. Version 2 adds, after the label names,
// the fingerprint of the cluster table the model was trained with (0 for
// none); the table itself is embedded beside the model (ClustersPath).
const magic = "dyad-ner/2"

// ModelPath is where the embedded model lives, relative to the project root.
const ModelPath = "internal/ner/models/ner.bin.gz"

//go:embed models
var models embed.FS

// Model is a trained recognizer.
type Model struct {
	index *featIndex // feature hash -> row
	w     []float32  // rows of nLabels weights
	// trans[a+1][b] scores label b after a; row 0 is the sentence start.
	trans [nLabels + 1][nLabels]float32
	cl    *Clusters // word classes the features read; nil for none
	pool  sync.Pool
}

type scratch struct {
	sent  sentence
	score []float32 // n x nLabels emission scores
	vit   []float32
	back  []int8
	out   []int
}

func (m *Model) getScratch() *scratch {
	if s, ok := m.pool.Get().(*scratch); ok {
		return s
	}
	return &scratch{sent: sentence{cl: m.cl}}
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

// emissions fills sc.score with each token's score for each label.
func (m *Model) emissions(sc *scratch, s *sentence) {
	n := s.len()
	sc.score = growF(sc.score, n*nLabels)
	clear(sc.score)
	for i := 0; i < n; i++ {
		row := sc.score[i*nLabels : (i+1)*nLabels]
		for _, f := range s.feats[s.off[i]:s.off[i+1]] {
			if k, ok := m.index.get(f); ok {
				wr := m.w[int(k)*nLabels : int(k+1)*nLabels]
				for l := range row {
					row[l] += wr[l]
				}
			}
		}
	}
}

// decode returns the best label sequence of s (Viterbi under the BIO
// constraint). The slice is the scratch's.
func (m *Model) decode(sc *scratch, s *sentence) []int {
	s.featurize()
	m.emissions(sc, s)
	return viterbi(sc, s.len(), &m.trans)
}

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
			for a := 0; a < nLabels; a++ {
				if !allowed(a, b) {
					continue
				}
				if v := sc.vit[(i-1)*nLabels+a] + trans[a+1][b]; v > best {
					best, arg = v, a
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
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
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
	for a := range m.trans {
		for b := range m.trans[a] {
			f32(m.trans[a][b])
		}
	}
	keys := make([]uint64, 0, m.index.len())
	var maxAbs float32
	m.index.each(func(k uint64, r int32) {
		keys = append(keys, k)
		for _, v := range m.w[int(r)*nLabels : int(r+1)*nLabels] {
			maxAbs = max(maxAbs, float32(math.Abs(float64(v))))
		}
	})
	slices.Sort(keys)
	scale := maxAbs / 32767
	if scale == 0 {
		scale = 1
	}
	f32(scale)
	uv(uint64(len(keys)))
	prev := uint64(0)
	for _, k := range keys {
		uv(k - prev)
		prev = k
		r, _ := m.index.get(k)
		for _, v := range m.w[int(r)*nLabels : int(r+1)*nLabels] {
			q := uint16(int16(math.Round(float64(v / scale))))
			bw.WriteByte(byte(q))
			bw.WriteByte(byte(q >> 8))
		}
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
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
	m.w = make([]float32, int(n)*nLabels)
	prev := uint64(0)
	var q [2 * nLabels]byte
	for i := 0; i < int(n); i++ {
		prev += uv()
		if _, err := io.ReadFull(br, q[:]); err != nil {
			return nil, err
		}
		m.index.put(prev, int32(i))
		for l := 0; l < nLabels; l++ {
			m.w[i*nLabels+l] = float32(int16(binary.LittleEndian.Uint16(q[2*l:]))) * scale
		}
	}
	if rerr != nil {
		return nil, rerr
	}
	return m, nil
}
