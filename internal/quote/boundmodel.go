package quote

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"sync"

	"github.com/dyadhq/dyad/internal/modelfile"
)

// BoundModel chooses where a reported-speech or stance content starts and
// ends: an averaged perceptron scoring each candidate edge token (within
// the content's sentence, up to the cue, the speaker and other quotes)
// from the words, tags and dependency relations on either side of the
// edge, how many arcs the edge cuts, the quote's kind and where its cue
// is, and how far the edge moves from the one the rules set. It is
// learned from an attribution corpus by TrainBounds, on the contents the
// rules found for gold cues. An edge moves only when the best candidate
// outscores the rules' edge by Margin: where the rules and the model
// agree, or the model is unsure, the rules' edge stays.
type BoundModel struct {
	// w holds the weights by feature hash modulo its length (features
	// that share a slot share a weight); n is how many are not zero.
	w []float32
	n int
	// Margin is the least score by which a candidate edge must beat the
	// rules' edge to replace it, chosen by five-fold cross-validation on
	// PolNeAR train.
	Margin float32
}

// BoundModelPath is where the build embeds the bounds model, from the
// project root (`dyad train quote-bounds` writes it there).
const BoundModelPath = "internal/quote/models/bounds.bin.gz"

//go:embed models/bounds.bin.gz
var boundModelData []byte

var embeddedBounds = sync.OnceValues(func() (*BoundModel, error) {
	return ReadBoundModel(bytes.NewReader(boundModelData))
})

// LoadBoundModel returns the embedded bounds model, read once per process.
func LoadBoundModel() (*BoundModel, error) { return embeddedBounds() }

// Len is the number of weights that are not zero.
func (m *BoundModel) Len() int { return m.n }

// boundBits sizes the weight table: 2^18 slots, a megabyte, for some
// forty thousand features.
const (
	boundBits = 18
	boundMask = 1<<boundBits - 1
)

// boundHook is an extractor's bounds model (nil: none) and, for training,
// a function shown every document's quotes before the model runs.
type boundHook struct {
	m       *BoundModel
	collect func(s *state, fixed map[int]bool)
}

// WithBounds returns a copy of x that sets content edges with m (nil: by
// the rules alone).
func (x *Extractor) WithBounds(m *BoundModel) *Extractor {
	y := *x
	y.bounds = boundHook{m: m}
	return &y
}

const boundMagic = "dyad-quote-bounds-2\n"

// Write stores m gzipped: a magic line, the margin, the count of weights
// that are not zero, then (slot, weight) pairs in slot order, so that the
// same weights give the same bytes.
func (m *BoundModel) Write(w io.Writer) error {
	return modelfile.Write(w, func(bw *bufio.Writer) error {
		bw.WriteString(boundMagic)
		var b [8]byte
		binary.LittleEndian.PutUint32(b[:4], math.Float32bits(m.Margin))
		binary.LittleEndian.PutUint32(b[4:8], uint32(m.n))
		bw.Write(b[:])
		for i, v := range m.w {
			if v != 0 {
				binary.LittleEndian.PutUint32(b[:4], uint32(i))
				binary.LittleEndian.PutUint32(b[4:8], math.Float32bits(v))
				bw.Write(b[:])
			}
		}
		return nil
	})
}

// ReadBoundModel reads a model stored by Write.
func ReadBoundModel(r io.Reader) (*BoundModel, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	// Read whole, then decode: reading eight bytes at a time costs more
	// than the weights are worth.
	data, err := io.ReadAll(io.LimitReader(zr, int64(len(boundMagic))+8+8<<boundBits))
	if err != nil {
		return nil, fmt.Errorf("quote: bounds model: %w", err)
	}
	if len(data) < len(boundMagic)+8 || string(data[:len(boundMagic)]) != boundMagic {
		return nil, errors.New("quote: not a bounds model")
	}
	h := data[len(boundMagic):]
	m := &BoundModel{Margin: math.Float32frombits(binary.LittleEndian.Uint32(h)), w: make([]float32, 1<<boundBits)}
	n := binary.LittleEndian.Uint32(h[4:])
	body := h[8:]
	if n > 1<<boundBits || len(body) != 8*int(n) {
		return nil, errors.New("quote: bounds model: bad length")
	}
	for k := 0; k < len(body); k += 8 {
		i := binary.LittleEndian.Uint32(body[k:])
		if i > boundMask {
			return nil, errors.New("quote: bounds model: slot out of range")
		}
		m.w[i] = math.Float32frombits(binary.LittleEndian.Uint32(body[k+4:]))
	}
	m.n = int(n)
	return m, nil
}
