package parse

import (
	"bytes"
	"testing"
)

// FuzzRead: a model file of any content is read or refused, never a panic,
// and a model that reads parses a sentence into a tree.
func FuzzRead(f *testing.F) {
	f.Add(gzipped("dyad-parse/3\n"))
	f.Add([]byte("garbage"))
	var small bytes.Buffer
	if p, err := Train(Config{Train: tinyTreesF(f), Epochs: 1, MinWordCount: 1, MinUpdates: 1}); err == nil {
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
