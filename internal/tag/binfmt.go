package tag

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// encoder writes the model file's primitives and keeps the first error.
type encoder struct {
	w   *bufio.Writer
	err error
	buf [binary.MaxVarintLen64]byte
}

func newEncoder(w *bufio.Writer) *encoder { return &encoder{w: w} }

func (e *encoder) write(b []byte) {
	if e.err == nil {
		_, e.err = e.w.Write(b)
	}
}

func (e *encoder) Uvarint(v uint64) { e.write(e.buf[:binary.PutUvarint(e.buf[:], v)]) }
func (e *encoder) Varint(v int64)   { e.write(e.buf[:binary.PutVarint(e.buf[:], v)]) }
func (e *encoder) Uint64(v uint64) {
	binary.LittleEndian.PutUint64(e.buf[:8], v)
	e.write(e.buf[:8])
}
func (e *encoder) Bytes(b []byte) { e.Uvarint(uint64(len(b))); e.write(b) }
func (e *encoder) String(s string) {
	e.Uvarint(uint64(len(s)))
	if e.err == nil {
		_, e.err = e.w.WriteString(s)
	}
}

// PrefixString writes s as the length of its common prefix with prev and
// the rest (sorted word lists compress well this way).
func (e *encoder) PrefixString(prev, s string) {
	n := 0
	for n < len(prev) && n < len(s) && prev[n] == s[n] {
		n++
	}
	e.Uvarint(uint64(n))
	e.String(s[n:])
}

func (e *encoder) Err() error { return e.err }

// decoder reads what encoder wrote, keeping the first error; after an error
// every read returns a zero value.
type decoder struct {
	r   *bufio.Reader
	err error
}

func newDecoder(r *bufio.Reader) *decoder { return &decoder{r: r} }

func (d *decoder) Fail(err error) {
	if d.err == nil {
		d.err = err
	}
}

func (d *decoder) Err() error { return d.err }

func (d *decoder) Uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	v, err := binary.ReadUvarint(d.r)
	if err != nil {
		d.Fail(eofIsUnexpected(err))
	}
	return v
}

func (d *decoder) Varint() int64 {
	if d.err != nil {
		return 0
	}
	v, err := binary.ReadVarint(d.r)
	if err != nil {
		d.Fail(eofIsUnexpected(err))
	}
	return v
}

func (d *decoder) Uint64() uint64 {
	var b [8]byte
	if d.err != nil {
		return 0
	}
	if _, err := io.ReadFull(d.r, b[:]); err != nil {
		d.Fail(eofIsUnexpected(err))
		return 0
	}
	return binary.LittleEndian.Uint64(b[:])
}

// Count reads a length and checks it against limit.
func (d *decoder) Count(limit int) int {
	v := d.Uvarint()
	if v > uint64(limit) {
		d.Fail(fmt.Errorf("count %d over limit %d", v, limit))
		return 0
	}
	return int(v)
}

func (d *decoder) Bytes(limit int) []byte {
	n := d.Count(limit)
	if d.err != nil || n == 0 {
		return nil
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(d.r, b); err != nil {
		d.Fail(eofIsUnexpected(err))
		return nil
	}
	return b
}

func (d *decoder) String() string { return string(d.Bytes(1 << 20)) }

func (d *decoder) PrefixString(prev string) string {
	n := d.Count(len(prev))
	rest := d.String()
	if d.err != nil {
		return ""
	}
	return prev[:n] + rest
}

func eofIsUnexpected(err error) error {
	if errors.Is(err, io.EOF) {
		return io.ErrUnexpectedEOF
	}
	return err
}
