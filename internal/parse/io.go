package parse

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"slices"

	"github.com/dyadhq/dyad/internal/modelfile"
)

// The model file is gzip-compressed: a magic line, the feature set (from
// version 4; version 3 files have the base set), the string tables (words
// in id order, XPOS, UPOS, labels), then the features: the table size, the
// number of label weights, and each feature as its home slot (as one more
// than the step from the previous one), fingerprint and weights, in the
// table's canonical order; a 0 ends them. Homes let a reader rebuild the
// table at a smaller size.

const (
	magic   = "dyad-parse/4\n"
	magicV3 = "dyad-parse/3\n"
)

// maxLogSize bounds the table a model file may ask for (2^23 slots of 16
// bytes), since the reader allocates it before reading the features.
const maxLogSize = 23

// maxModelBytes bounds a decompressed model.
const maxModelBytes = 1 << 30

// Save writes the parser's model to w. The bytes depend only on the model.
func (p *Parser) Save(w io.Writer) error {
	return modelfile.Write(w, func(bw *bufio.Writer) error {
		enc := &encoder{w: bw}
		enc.bytes([]byte(magic))
		enc.uvarint(uint64(p.lx.feats))
		words := make([]string, len(p.lx.words))
		for s, id := range p.lx.words {
			words[id-firstWord] = s
		}
		enc.strings(words)
		enc.strings(byIndex(p.lx.xpos))
		enc.strings(byIndex(p.lx.upos))
		enc.strings(p.lx.labels)
		m := p.m
		enc.uvarint(uint64(64 - m.shift))
		enc.uvarint(uint64(len(m.lw)))
		prev := uint64(0)
		ents := m.slots()
		sortCanonical(ents)
		for _, e := range ents {
			enc.uvarint(e.home - prev + 1)
			prev = e.home
			enc.u32(e.fp)
			for _, w := range e.mv {
				enc.varint(int64(w))
			}
			enc.byte(uint8(len(e.left)))
			enc.byte(uint8(len(e.right)))
			for _, lw := range append(e.left[:len(e.left):len(e.left)], e.right...) {
				enc.byte(lw.l)
				enc.varint(int64(lw.w))
			}
		}
		enc.uvarint(0)
		return enc.err
	})
}

// SaveFile writes the model to path.
func (p *Parser) SaveFile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := p.Save(f); err != nil {
		f.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	return f.Close()
}

// Read reads a model written by Save. It decodes the stream straight into
// the table, so that loading needs little more memory than the model.
func Read(r io.Reader) (*Parser, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	dec := &decoder{r: bufio.NewReaderSize(io.LimitReader(zr, maxModelBytes), 1<<16)}
	lx := &lexicon{words: map[string]int32{}, xpos: map[string]int32{}, upos: map[string]int32{}}
	switch string(dec.bytes(len(magic))) {
	case magic:
		fs := dec.uvarint()
		if fs&^allFeatures != 0 {
			return nil, fmt.Errorf("unknown feature set %#x", fs)
		}
		lx.feats = uint8(fs)
	case magicV3:
	default:
		if dec.err != nil {
			return nil, dec.err
		}
		return nil, errors.New("not a dyad parser model")
	}
	for i, s := range dec.strings() {
		lx.words[s] = int32(firstWord + i)
	}
	for i, s := range dec.strings() {
		lx.xpos[s] = int32(i)
	}
	ups := dec.strings()
	for i, s := range ups {
		lx.upos[s] = int32(i)
	}
	lx.nUPOS = len(ups)
	lx.labels = dec.strings()
	if dec.err != nil {
		return nil, dec.err
	}
	if len(lx.labels) < 2 || len(lx.labels) > 255 || !slices.Contains(lx.labels, "root") {
		return nil, fmt.Errorf("model has %d labels, or none for the root", len(lx.labels))
	}
	lx.index()
	logSize, nlw := dec.uvarint(), dec.uvarint()
	if logSize < 4 || logSize > maxLogSize || nlw > 1<<28 {
		return nil, fmt.Errorf("bad table size 2^%d or %d label weights", logSize, nlw)
	}
	// The features come in the table's canonical order, which is also the
	// order of the widened table's (see widened), so placing each as it
	// comes builds the widened table exactly, with no table in between.
	size := uint64(1) << logSize
	m := &model{shift: uint(64 - logSize), xb: readXB, ents: make([]entry, size<<readXB),
		disp: make([]uint16, size<<readXB), lw: make([]lpack, 0, min(nlw, 1<<22))}
	hugePages(m.ents, false)
	mask := size<<readXB - 1
	home, count := uint64(0), uint64(0)
	var prevFP uint32
	var ws []qweight
	for dec.err == nil {
		step := dec.uvarint()
		if step == 0 {
			break
		}
		home += step - 1
		if home >= size {
			return nil, fmt.Errorf("home slot %d outside the table", home)
		}
		fp := dec.u32()
		if fp&1 == 0 {
			return nil, fmt.Errorf("slot %d: bad key", home)
		}
		if count > 0 && step == 1 && prevFP >= fp {
			return nil, fmt.Errorf("slot %d: features out of order", home)
		}
		if count++; count >= size {
			return nil, fmt.Errorf("more than %d features in a table of %d", count-1, size)
		}
		prevFP = fp
		var mv [nMoves]int16
		for k := range mv {
			mv[k] = dec.int16()
		}
		nl, nr := int(dec.byte()), int(dec.byte())
		ws = ws[:0]
		for range nl + nr {
			lw := qweight{l: dec.byte(), w: dec.int16()}
			if int(lw.l) >= len(lx.labels) {
				return nil, fmt.Errorf("slot %d: label %d out of range", home, lw.l)
			}
			ws = append(ws, lw)
		}
		if dec.err != nil {
			break
		}
		wide := wideHome(home, fp, readXB)
		j := wide
		for m.ents[j].fp != 0 {
			j = (j + 1) & mask
		}
		m.put(int(j), fp, mv, ws[:nl], ws[nl:])
		m.disp[j] = uint16(min((j-wide)&mask, math.MaxUint16))
	}
	if dec.err != nil {
		return nil, dec.err
	}
	if uint64(len(m.lw)) != nlw {
		return nil, fmt.Errorf("%d label weights, header says %d", len(m.lw), nlw)
	}
	if small := newModel(int(count), 0); small.shift > m.shift {
		// A table saved larger than it needs is rebuilt at its own size.
		return newParser(lx, rebuild(m.slots(), uint(logSize), len(m.lw)).widened(readXB)), nil
	}
	hugePages(m.ents, true)
	m.setKnown(int(count))
	return newParser(lx, m), nil
}

// readXB is how many times a read table is widened (see widened): four
// times the slots, a load of a sixth, 64 MB for the shipped model. Against
// twice (xb 1), fewer probes run past their home slot, which saves about 5%
// of the parser's time for 36 MB more memory.
const readXB = 2

// ReadFile reads a model file.
func ReadFile(path string) (*Parser, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	p, err := Read(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return p, nil
}

func byIndex(m map[string]int32) []string {
	out := make([]string, len(m))
	for s, i := range m {
		out[i] = s
	}
	return out
}

type encoder struct {
	w   *bufio.Writer
	err error
	b   [binary.MaxVarintLen64]byte
}

func (e *encoder) bytes(b []byte) {
	if e.err == nil {
		_, e.err = e.w.Write(b)
	}
}
func (e *encoder) byte(b byte) {
	if e.err == nil {
		e.err = e.w.WriteByte(b)
	}
}
func (e *encoder) uvarint(x uint64) { e.bytes(e.b[:binary.PutUvarint(e.b[:], x)]) }
func (e *encoder) varint(x int64)   { e.bytes(e.b[:binary.PutVarint(e.b[:], x)]) }
func (e *encoder) u32(x uint32) {
	binary.LittleEndian.PutUint32(e.b[:4], x)
	e.bytes(e.b[:4])
}
func (e *encoder) strings(ss []string) {
	e.uvarint(uint64(len(ss)))
	for _, s := range ss {
		e.uvarint(uint64(len(s)))
		e.bytes([]byte(s))
	}
}

// decoder reads the decompressed model as a stream; the first error sticks.
type decoder struct {
	r   *bufio.Reader
	err error
	buf []byte
}

func (d *decoder) fail(err error) {
	if d.err == nil {
		d.err = err
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			d.err = errors.New("truncated model")
		}
	}
}

// bytes returns the next n bytes, valid until the next call.
func (d *decoder) bytes(n int) []byte {
	if d.err != nil {
		return nil
	}
	if cap(d.buf) < n {
		d.buf = make([]byte, n)
	}
	b := d.buf[:n]
	if _, err := io.ReadFull(d.r, b); err != nil {
		d.fail(err)
		return nil
	}
	return b
}
func (d *decoder) byte() byte {
	if d.err != nil {
		return 0
	}
	b, err := d.r.ReadByte()
	if err != nil {
		d.fail(err)
	}
	return b
}
func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	x, err := binary.ReadUvarint(d.r)
	if err != nil {
		d.fail(err)
		return 0
	}
	return x
}
func (d *decoder) u32() uint32 {
	if b := d.bytes(4); b != nil {
		return binary.LittleEndian.Uint32(b)
	}
	return 0
}
func (d *decoder) int16() int16 {
	if d.err != nil {
		return 0
	}
	x, err := binary.ReadVarint(d.r)
	if err != nil {
		d.fail(err)
		return 0
	}
	if x < math.MinInt16 || x > math.MaxInt16 {
		d.err = fmt.Errorf("weight %d out of range", x)
	}
	return int16(x)
}

// maxString bounds one string of the tables.
const maxString = 1 << 16

func (d *decoder) strings() []string {
	n := d.uvarint()
	out := make([]string, 0, min(n, 1<<16))
	for i := uint64(0); i < n && d.err == nil; i++ {
		l := d.uvarint()
		if l > maxString {
			d.fail(fmt.Errorf("string of %d bytes", l))
			return nil
		}
		out = append(out, string(d.bytes(int(l))))
	}
	return out
}
