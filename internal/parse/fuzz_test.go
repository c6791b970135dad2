package parse

import (
	"bytes"
	"testing"
)

// FuzzRead: a model file of any content is read or refused, never a panic,
// and a model that reads parses a sentence into a tree.
func FuzzRead(f *testing.F) {
	f.Add(gzipped(magicV3))
	f.Add(gzipped(magic + "\x07"))
	f.Add([]byte("garbage"))
	var small bytes.Buffer
	if p, err := Train(Config{Train: tinyTreesF(f), Epochs: 1, MinWordCount: 1, MinUpdates: 1, Features: DefaultFeatures}); err == nil {
		_ = p.Save(&small)
		f.Add(small.Bytes())
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := Read(bytes.NewReader(b))
		if err != nil {
			return
		}
		d := GoldTokens(tinyTreesF(t))
		p.Parse(d)
		checkTrees(t, d)
	})
}
