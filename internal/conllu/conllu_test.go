package conllu

import (
	"bytes"
	"strings"
	"testing"
)

const sample = `# newdoc id = d1
# sent_id = s1
# text = I don't know.
1	I	I	PRON	PRP	_	4	nsubj	4:nsubj	_
2-3	don't	_	_	_	_	_	_	_	_
2	do	do	AUX	VBP	_	4	aux	4:aux	_
3	n't	not	PART	RB	_	4	advmod	4:advmod	_
4	know	know	VERB	VB	_	0	root	0:root	SpaceAfter=No
4.1	know	know	VERB	VB	_	_	_	0:root	_
5	.	.	PUNCT	.	_	4	punct	4:punct	_

# sent_id = s2
# text = Yes!
1	Yes	yes	INTJ	UH	_	0	root	0:root	SpaceAfter=No
2	!	!	PUNCT	.	_	1	punct	1:punct	SpaceAfter=No

# newpar
# sent_id = s3
# text = No
1	No	no	INTJ	UH	_	0	root	0:root	_

`

func TestReadWriteRoundTrip(t *testing.T) {
	sents, err := Read(strings.NewReader(sample), "sample")
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 3 {
		t.Fatalf("got %d sentences, want 3", len(sents))
	}
	s := sents[0]
	if s.ID() != "s1" || s.Text() != "I don't know." || !s.NewDoc() || !s.NewPar() {
		t.Errorf("comments: id %q text %q newdoc %v", s.ID(), s.Text(), s.NewDoc())
	}
	if len(s.Words) != 5 || len(s.Multi) != 1 || len(s.Empty) != 1 {
		t.Fatalf("words %d multi %d empty %d", len(s.Words), len(s.Multi), len(s.Empty))
	}
	if s.Words[3].Head != 0 || s.Words[2].Lemma != "not" {
		t.Errorf("word fields wrong: %+v", s.Words[2])
	}
	var buf bytes.Buffer
	if err := Write(&buf, sents); err != nil {
		t.Fatal(err)
	}
	if buf.String() != sample {
		t.Errorf("round trip differs:\n%s", buf.String())
	}
}

func TestTokensAndRawText(t *testing.T) {
	sents, err := Read(strings.NewReader(sample), "sample")
	if err != nil {
		t.Fatal(err)
	}
	toks := sents[0].Tokens()
	var forms []string
	for _, tk := range toks {
		forms = append(forms, tk.Form)
	}
	if got := strings.Join(forms, "|"); got != "I|don't|know|." {
		t.Errorf("tokens %q", got)
	}
	if toks[1].First != 1 || toks[1].Last != 3 {
		t.Errorf("multiword token covers words [%d,%d), want [1,3)", toks[1].First, toks[1].Last)
	}
	raw := RawText(sents)
	if want := "I don't know. Yes!\n\nNo"; raw.Text != want {
		t.Errorf("raw text %q, want %q", raw.Text, want)
	}
	for i, sp := range raw.Sentences {
		if got := raw.Text[sp.Start:sp.End]; got != sents[i].Text() {
			t.Errorf("sentence %d span %q != text %q", i, got, sents[i].Text())
		}
		for j, ts := range raw.TokSpans[i] {
			if got := raw.Text[ts.Start:ts.End]; got != raw.Tokens[i][j].Form {
				t.Errorf("token span %q != form %q", got, raw.Tokens[i][j].Form)
			}
		}
	}
}

func TestReadErrors(t *testing.T) {
	for _, tc := range []struct{ name, in string }{
		{"columns", "1\tI\tI\n\n"},
		{"sequence", "1\tI\t_\t_\t_\t_\t0\troot\t_\t_\n3\tx\t_\t_\t_\t_\t1\tdep\t_\t_\n\n"},
		{"range", "2-1\tab\t_\t_\t_\t_\t_\t_\t_\t_\n\n"},
		{"head", "1\tI\t_\t_\t_\t_\tx\troot\t_\t_\n\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Read(strings.NewReader(tc.in), "bad.conllu")
			if err == nil || !strings.Contains(err.Error(), "bad.conllu:") {
				t.Errorf("want an error naming the file and line, got %v", err)
			}
		})
	}
}
