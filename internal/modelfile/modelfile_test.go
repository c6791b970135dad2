package modelfile

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"testing"
)

func TestWrite(t *testing.T) {
	var a, b bytes.Buffer
	body := func(bw *bufio.Writer) error { _, err := bw.WriteString("weights\n"); return err }
	if err := Write(&a, body); err != nil {
		t.Fatal(err)
	}
	if err := Write(&b, body); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("the same body gave different bytes")
	}
	zr, err := gzip.NewReader(&a)
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(zr)
	if err != nil || string(got) != "weights\n" {
		t.Errorf("read back %q, %v", got, err)
	}
	bad := errors.New("bad model")
	if err := Write(io.Discard, func(*bufio.Writer) error { return bad }); !errors.Is(err, bad) {
		t.Errorf("body's error: got %v", err)
	}
}
