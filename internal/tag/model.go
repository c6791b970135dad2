package tag

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"embed"
	"errors"
	"fmt"
	"io"
	"math"
	"sync"

	"github.com/dyadhq/dyad/internal/modelfile"
)

// The model file is gzip-compressed binary: a magic string, the classes, the
// lexicon, the passes' weights and the features table. Everything is written
// in sorted order, so the same model gives the same bytes.
const magic = "dyad-tagger/1"

// ModelPath is where the embedded model lives, relative to the project root.
const ModelPath = "internal/tag/models/tagger.bin.gz"

//go:embed models
var models embed.FS

var loadOnce = sync.OnceValues(func() (*Tagger, error) {
	f, err := models.Open("models/tagger.bin.gz")
	if err != nil {
		return nil, fmt.Errorf("tag: embedded model: %w (train it with `dyad train tagger`)", err)
	}
	defer f.Close()
	t, err := Read(f)
	if err != nil {
		return nil, fmt.Errorf("tag: embedded model: %w", err)
	}
	return t, nil
})

// Load returns the embedded model, read once on first use and shared.
func Load() (*Tagger, error) { return loadOnce() }

// Save writes the model.
func (t *Tagger) Save(w io.Writer) error {
	return modelfile.Write(w, func(bw *bufio.Writer) error {
		e := newEncoder(bw)
		e.String(magic)
		e.Uvarint(uint64(len(t.classes)))
		for _, c := range t.classes {
			e.String(c.upos)
			e.String(c.xpos)
		}
		writeLex(e, t.lex.items)
		writeLex(e, t.lex.caseItems)
		e.Bytes(t.open)
		passes := []*weights{t.m1}
		if t.m2 != nil {
			passes = append(passes, t.m2)
		}
		e.Uint64(math.Float64bits(t.sureMargin))
		e.Uvarint(uint64(len(passes)))
		for _, m := range passes {
			writeWeights(e, m)
		}
		writeMorph(e, t.morph)
		return e.Err()
	})
}

func writeLex(e *encoder, items []lexItem) {
	e.Uvarint(uint64(len(items)))
	prev := ""
	for _, it := range items {
		e.PrefixString(prev, it.word)
		prev = it.word
		e.Bytes(it.amb)
		e.Varint(int64(it.fixed))
		if it.restrict {
			e.Uvarint(1)
		} else {
			e.Uvarint(0)
		}
	}
}

func writeWeights(e *encoder, m *weights) {
	rows := m.rows()
	e.Uint64(math.Float64bits(m.scale))
	e.Uvarint(uint64(len(rows)))
	prev := uint32(0)
	for _, r := range rows {
		e.Uvarint(uint64(r.key - prev))
		prev = r.key
		e.Bytes(r.cls)
		for _, w := range r.w {
			e.Varint(int64(math.Round(float64(w) / m.scale)))
		}
	}
}

func writeMorph(e *encoder, m *morphTable) {
	e.Uvarint(uint64(len(m.values)))
	for _, v := range m.values {
		e.String(v)
	}
	e.Uvarint(uint64(len(m.byClass)))
	for _, v := range m.byClass {
		e.Uvarint(uint64(v))
	}
	e.Uvarint(uint64(len(m.items)))
	prev := uint64(0)
	for _, it := range m.items {
		e.Uvarint(it.key - prev)
		prev = it.key
		e.Uvarint(uint64(it.value))
	}
}

// Read reads a model written by Save.
func Read(r io.Reader) (*Tagger, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("tagger model: %w", err)
	}
	d := newDecoder(bufio.NewReader(zr))
	if m := d.String(); m != magic {
		if d.Err() != nil {
			return nil, fmt.Errorf("tagger model: %w", d.Err())
		}
		return nil, fmt.Errorf("tagger model: bad magic %q", m)
	}
	t := &Tagger{}
	nc := d.Count(maxClasses)
	for i := 0; i < nc; i++ {
		t.classes = append(t.classes, class{upos: d.String(), xpos: d.String()})
	}
	t.lex = &lexicon{items: readLex(d, nc), caseItems: readLex(d, nc)}
	t.open = d.Bytes(nc)
	for _, c := range t.open {
		if int(c) >= nc {
			d.Fail(fmt.Errorf("open class %d out of range", c))
		}
	}
	if len(t.open) == 0 && d.Err() == nil {
		d.Fail(errors.New("no open classes"))
	}
	t.sureMargin = math.Float64frombits(d.Uint64())
	if !(t.sureMargin >= 0) {
		d.Fail(errors.New("bad margin"))
	}
	np := d.Count(2)
	if np == 0 && d.Err() == nil {
		return nil, errors.New("tagger model: no weights")
	}
	for i := 0; i < np; i++ {
		m := readWeights(d, nc)
		if i == 0 {
			t.m1 = m
		} else {
			t.m2 = m
		}
	}
	t.morph = readMorph(d, nc)
	if err := d.Err(); err != nil {
		return nil, fmt.Errorf("tagger model: %w", err)
	}
	t.lex.index()
	t.morph.index()
	t.init()
	t.prepare()
	return t, nil
}

func readLex(d *decoder, nc int) []lexItem {
	n := d.Count(1 << 24)
	items := make([]lexItem, 0, min(n, 1<<16))
	prev := ""
	for i := 0; i < n && d.Err() == nil; i++ {
		it := lexItem{word: d.PrefixString(prev)}
		prev = it.word
		it.amb = d.Bytes(nc)
		it.fixed = int16(d.Varint())
		it.restrict = d.Uvarint() == 1
		for _, c := range it.amb {
			if int(c) >= nc {
				d.Fail(fmt.Errorf("lexicon word %q: class %d out of range", it.word, c))
			}
		}
		if int(it.fixed) >= nc || it.fixed < -1 {
			d.Fail(fmt.Errorf("lexicon word %q: class %d out of range", it.word, it.fixed))
		}
		items = append(items, it)
	}
	return items
}

func readWeights(d *decoder, nc int) *weights {
	scale := math.Float64frombits(d.Uint64())
	n := d.Count(1 << 26)
	rows := make([]sparseRow, 0, min(n, 1<<16))
	key := uint32(0)
	for i := 0; i < n && d.Err() == nil; i++ {
		key += uint32(d.Uvarint())
		r := sparseRow{key: key, cls: d.Bytes(nc)}
		r.w = make([]float32, len(r.cls))
		for j, c := range r.cls {
			if int(c) >= nc {
				d.Fail(fmt.Errorf("weights: class %d out of range", c))
			}
			r.w[j] = float32(float64(d.Varint()) * scale)
		}
		rows = append(rows, r)
	}
	if d.Err() != nil || !(scale > 0) {
		d.Fail(errors.New("weights: bad scale"))
		return &weights{}
	}
	return buildWeights(rows, scale)
}

func readMorph(d *decoder, nc int) *morphTable {
	m := &morphTable{}
	nv := d.Count(1 << 16)
	for i := 0; i < nv; i++ {
		m.values = append(m.values, d.String())
	}
	nb := d.Count(maxClasses)
	if nb != nc && d.Err() == nil {
		d.Fail(fmt.Errorf("features table: %d classes, want %d", nb, nc))
	}
	for i := 0; i < nb; i++ {
		m.byClass = append(m.byClass, uint16(d.Uvarint()))
	}
	n := d.Count(1 << 24)
	key := uint64(0)
	for i := 0; i < n && d.Err() == nil; i++ {
		key += d.Uvarint()
		m.items = append(m.items, morphItem{key: key, value: uint16(d.Uvarint())})
	}
	for _, v := range m.byClass {
		if int(v) >= len(m.values) {
			d.Fail(errors.New("features table: value out of range"))
		}
	}
	for _, it := range m.items {
		if int(it.value) >= len(m.values) {
			d.Fail(errors.New("features table: value out of range"))
		}
	}
	return m
}

// Bytes returns the saved model.
func (t *Tagger) Bytes() ([]byte, error) {
	var b bytes.Buffer
	err := t.Save(&b)
	return b.Bytes(), err
}
