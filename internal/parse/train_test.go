package parse

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/dyadhq/dyad/internal/conllu"
)

// tiny is a hand-made treebank: enough to train on in a blink.
const tiny = `# sent_id = t1
1	The	the	DET	DT	_	2	det	_	_
2	dog	dog	NOUN	NN	_	3	nsubj	_	_
3	barked	bark	VERB	VBD	_	0	root	_	_
4	.	.	PUNCT	.	_	3	punct	_	_

# sent_id = t2
1	A	a	DET	DT	_	2	det	_	_
2	cat	cat	NOUN	NN	_	3	nsubj	_	_
3	saw	see	VERB	VBD	_	0	root	_	_
4	the	the	DET	DT	_	5	det	_	_
5	dog	dog	NOUN	NN	_	3	obj	_	_
6	in	in	ADP	IN	_	8	case	_	_
7	the	the	DET	DT	_	8	det	_	_
8	garden	garden	NOUN	NN	_	3	obl	_	_
9	.	.	PUNCT	.	_	3	punct	_	_

# sent_id = t3
1	Dogs	dog	NOUN	NNS	_	3	nsubj:pass	_	_
2	were	be	AUX	VBD	_	3	aux:pass	_	_
3	seen	see	VERB	VBN	_	0	root	_	_
4	by	by	ADP	IN	_	6	case	_	_
5	the	the	DET	DT	_	6	det	_	_
6	cat	cat	NOUN	NN	_	3	obl:agent	_	_
7	.	.	PUNCT	.	_	3	punct	_	_

# sent_id = t4
1	She	she	PRON	PRP	_	2	nsubj	_	_
2	said	say	VERB	VBD	_	0	root	_	_
3	that	that	SCONJ	IN	_	6	mark	_	_
4	the	the	DET	DT	_	5	det	_	_
5	dog	dog	NOUN	NN	_	6	nsubj	_	_
6	left	leave	VERB	VBD	_	2	ccomp	_	_
7	.	.	PUNCT	.	_	2	punct	_	_

# sent_id = t5
1	Which	which	DET	WDT	_	2	det	_	_
2	dog	dog	NOUN	NN	_	5	obj	_	_
3	did	do	AUX	VBD	_	5	aux	_	_
4	you	you	PRON	PRP	_	5	nsubj	_	_
5	think	think	VERB	VB	_	0	root	_	_
6	of	of	ADP	IN	_	2	nmod	_	_
7	?	?	PUNCT	.	_	5	punct	_	_

`

func tinyTrees(t *testing.T) []conllu.Sentence { return tinyTreesF(t) }

func tinyTreesF(tb testing.TB) []conllu.Sentence {
	tb.Helper()
	s, err := conllu.Read(strings.NewReader(tiny), "tiny")
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

func trainTiny(t *testing.T, seed uint64, feats int) []byte {
	t.Helper()
	s := tinyTrees(t)
	p, err := Train(Config{Train: s, Dev: s, Seed: seed, Epochs: 4, MinWordCount: 1, MinUpdates: 1, MinLiftCount: 1, Features: feats})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := p.Save(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestTrainDeterministic: the same data and seed give the same bytes.
func TestTrainDeterministic(t *testing.T) {
	a, b := trainTiny(t, 3, DefaultFeatures), trainTiny(t, 3, DefaultFeatures)
	if !bytes.Equal(a, b) {
		t.Fatal("two trainings with one seed differ")
	}
	if c := trainTiny(t, 4, DefaultFeatures); bytes.Equal(a, c) {
		t.Log("another seed gave the same model (possible on a tiny corpus)")
	}
}

// TestTrainLearnsTiny: a model trained on the tiny treebank, with each
// feature set, parses it into trees, mostly right, keeps the non-projective
// arc of t5 after the pseudo-projective round trip, and keeps its feature
// set through a save and read.
func TestTrainLearnsTiny(t *testing.T) {
	s := tinyTrees(t)
	for _, feats := range []int{0, FeatLabelContext, FeatUPOS, DefaultFeatures, allFeatures} {
		t.Run(fmt.Sprint(feats), func(t *testing.T) {
			p, err := Read(bytes.NewReader(trainTiny(t, 1, feats)))
			if err != nil {
				t.Fatal(err)
			}
			if int(p.lx.feats) != feats {
				t.Errorf("read feature set %d, trained with %d", p.lx.feats, feats)
			}
			d := GoldTokens(s)
			p.Parse(d)
			checkTrees(t, d)
			sc := ScoreDocument(d, s)
			if sc.LAS() < 90 {
				t.Errorf("LAS on the training sentences %.1f, want >= 90", sc.LAS())
			}
			last := d.Sentences[len(d.Sentences)-1]
			if of := d.Tokens[last.First+5]; of.Head != last.First+1 || of.Deprel != "nmod" {
				t.Errorf("t5 'of': head %d %s, want %d nmod", of.Head-last.First, of.Deprel, 1)
			}
		})
	}
}

// TestReadVersion3: a model file of the format before feature sets reads as
// the base set and parses as it did.
func TestReadVersion3(t *testing.T) {
	v4 := trainTiny(t, 1, 0)
	zr, err := gzip.NewReader(bytes.NewReader(v4))
	if err != nil {
		t.Fatal(err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	// Version 4 is the version 3 layout with the feature set (here one
	// byte, 0) after the magic line.
	if !bytes.HasPrefix(raw, []byte(magic+"\x00")) {
		t.Fatalf("unexpected header %q", raw[:min(len(raw), 16)])
	}
	v3 := gzipped(magicV3 + string(raw[len(magic)+1:]))
	p, err := Read(bytes.NewReader(v3))
	if err != nil {
		t.Fatal(err)
	}
	q, err := Read(bytes.NewReader(v4))
	if err != nil {
		t.Fatal(err)
	}
	a, b := GoldTokens(tinyTrees(t)), GoldTokens(tinyTrees(t))
	p.Parse(a)
	q.Parse(b)
	if p.lx.feats != 0 || !slices.Equal(a.Tokens, b.Tokens) {
		t.Error("the version 3 file reads or parses differently")
	}
}

func TestTrainRejectsUnknownFeatures(t *testing.T) {
	if _, err := Train(Config{Train: tinyTrees(t), Features: 1 << 7}); err == nil {
		t.Error("training with an unknown feature set succeeded")
	}
}

func TestTrainRejectsBadTrees(t *testing.T) {
	bad := strings.Replace(tiny, "3	barked	bark	VERB	VBD	_	0	root", "3	barked	bark	VERB	VBD	_	4	root", 1)
	s, err := conllu.Read(strings.NewReader(bad), "bad")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Train(Config{Train: s}); err == nil || !strings.Contains(err.Error(), "t1") {
		t.Errorf("training on a tree without root: err %v, want one naming t1", err)
	}
}
