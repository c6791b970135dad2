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
)

// The model file is gzip-compressed: a magic line, the string tables (words
// in id order, XPOS, UPOS, labels), then the features: the table size, the
// number of label weights, and each feature as its home slot (as one more
// than the step from the previous one), fingerprint and weights, in the
// table's canonical order; a 0 ends them. Homes let a reader rebuild the
// table at a smaller size.

const magic = "dyad-parse/3\n"

// maxModelBytes bounds a decompressed model.
const maxModelBytes = 1 << 30

// Save writes the parser's model to w. The bytes depend only on the model.
func (p *Parser) Save(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	enc := &encoder{w: bw}
	enc.bytes([]byte(magic))
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
	for _, e := range m.slots() {
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
	if enc.err != nil {
		return enc.err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
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

// Read reads a model written by Save.
func Read(r io.Reader) (*Parser, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	raw, err := io.ReadAll(io.LimitReader(zr, maxModelBytes+1))
	if err != nil {
		return nil, err
	}
	if len(raw) > maxModelBytes {
		return nil, fmt.Errorf("model larger than %d bytes", maxModelBytes)
	}
	dec := &decoder{b: raw}
	if string(dec.bytes(len(magic))) != magic {
		if dec.err != nil {
			return nil, dec.err
		}
		return nil, errors.New("not a dyad parser model")
	}
	lx := &lexicon{words: map[string]int32{}, xpos: map[string]int32{}, upos: map[string]int32{}}
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
	if logSize < 4 || logSize > 25 || nlw > 1<<28 {
		return nil, fmt.Errorf("bad table size 2^%d or %d label weights", logSize, nlw)
	}
	var ents []slotted
	home := uint64(0)
	nlTotal := 0
	for dec.err == nil {
		step := dec.uvarint()
		if step == 0 {
			break
		}
		home += step - 1
		if home >= 1<<logSize {
			return nil, fmt.Errorf("home slot %d outside the table", home)
		}
		e := slotted{home: home, fp: dec.u32()}
		if e.fp&1 == 0 {
			return nil, fmt.Errorf("slot %d: bad key", home)
		}
		if len(ents) > 0 && ents[len(ents)-1].home == home && ents[len(ents)-1].fp >= e.fp {
			return nil, fmt.Errorf("slot %d: features out of order", home)
		}
		for k := range e.mv {
			e.mv[k] = dec.int16()
		}
		nl, nr := int(dec.byte()), int(dec.byte())
		ws := make([]qweight, nl+nr)
		for k := range ws {
			ws[k].l = dec.byte()
			ws[k].w = dec.int16()
			if int(ws[k].l) >= len(lx.labels) {
				return nil, fmt.Errorf("slot %d: label %d out of range", home, ws[k].l)
			}
		}
		e.left, e.right = ws[:nl], ws[nl:]
		nlTotal += nl + nr
		ents = append(ents, e)
	}
	if dec.err != nil {
		return nil, dec.err
	}
	if uint64(len(ents)) > 1<<logSize {
		return nil, fmt.Errorf("%d features in a table of %d", len(ents), 1<<logSize)
	}
	if uint64(nlTotal) != nlw {
		return nil, fmt.Errorf("%d label weights, header says %d", nlTotal, nlw)
	}
	m := rebuild(ents, uint(logSize), nlTotal)
	return newParser(lx, m), nil
}

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

// decoder reads the decompressed model from memory; the first error sticks.
type decoder struct {
	b   []byte
	err error
}

func (d *decoder) fail() {
	if d.err == nil {
		d.err = errors.New("truncated model")
	}
	d.b = nil
}

func (d *decoder) bytes(n int) []byte {
	if d.err != nil || n > len(d.b) {
		d.fail()
		return nil
	}
	out := d.b[:n]
	d.b = d.b[n:]
	return out
}
func (d *decoder) byte() byte {
	if b := d.bytes(1); b != nil {
		return b[0]
	}
	return 0
}
func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	x, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
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
	x, n := binary.Varint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	if x < math.MinInt16 || x > math.MaxInt16 {
		d.err = fmt.Errorf("weight %d out of range", x)
	}
	return int16(x)
}
func (d *decoder) strings() []string {
	n := d.uvarint()
	if n > uint64(len(d.b)) {
		d.fail()
		return nil
	}
	out := make([]string, 0, n)
	for i := uint64(0); i < n && d.err == nil; i++ {
		l := d.uvarint()
		if l > uint64(len(d.b)) {
			d.fail()
			return nil
		}
		out = append(out, string(d.bytes(int(l))))
	}
	return out
}
