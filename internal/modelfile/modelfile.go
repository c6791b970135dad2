// Package modelfile writes the gzip streams that dyad's trained models are
// stored in, so that every model file is compressed the same way and the
// same model always gives the same bytes. What goes inside the stream is
// each model's own business; this package knows nothing of it.
package modelfile

import (
	"bufio"
	"compress/gzip"
	"io"
)

// Write writes to w a gzip stream (best compression, no name or time in
// the header) of what body writes to its buffered writer, flushing and
// closing the stream after it.
func Write(w io.Writer, body func(bw *bufio.Writer) error) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	if err := body(bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}
