package udeval

import (
	"math"
	"strings"
	"testing"

	"github.com/dyadhq/dyad/internal/conllu"
)

// sentence builds a sentence from surface tokens written as in the
// official script's tests: "a" is a word, "abc a b c" a multiword token
// "abc" over the words a, b, c. Every word hangs on the first (root).
func sentence(toks ...string) conllu.Sentence {
	var s conllu.Sentence
	for _, t := range toks {
		parts := strings.Fields(t)
		if len(parts) > 1 {
			first := len(s.Words) + 1
			s.Multi = append(s.Multi, conllu.MultiWord{First: first, Last: first + len(parts) - 2, Form: parts[0], Misc: "_"})
			parts = parts[1:]
		}
		for _, p := range parts {
			id := len(s.Words) + 1
			head := 1
			if id == 1 {
				head = 0
			}
			s.Words = append(s.Words, conllu.Word{ID: id, Form: p, Lemma: "_", UPOS: "X", XPOS: "_", Feats: "_",
				Head: head, Deprel: "dep", Misc: "_"})
		}
	}
	return s
}

func TestWordAlignment(t *testing.T) {
	// The expected counts of correctly aligned words are worked out by hand
	// from the alignment rules (spans outside multiword tokens, LCS of
	// lower-cased forms inside multiword spans).
	tests := []struct {
		gold, sys []string
		correct   int
	}{
		{[]string{"a"}, []string{"a"}, 1},
		{[]string{"a", "b", "c"}, []string{"a", "b", "c"}, 3},
		{[]string{"abc a b c"}, []string{"a", "b", "c"}, 3},
		{[]string{"a", "bc b c", "d"}, []string{"a", "b", "c", "d"}, 4},
		{[]string{"abcd a b c d"}, []string{"ab a b", "cd c d"}, 4},
		{[]string{"abc a b c", "de d e"}, []string{"a", "bcd b c d", "e"}, 5},
		// misaligned tokenization
		{[]string{"abcd"}, []string{"a", "b", "c", "d"}, 0},
		{[]string{"abc", "d"}, []string{"a", "b", "c", "d"}, 1},
		{[]string{"a", "bc", "d"}, []string{"a", "b", "c", "d"}, 2},
		{[]string{"a", "bc b c", "d"}, []string{"a", "b", "cd"}, 2},
		{[]string{"abc a BX c", "def d EX f"}, []string{"ab a b", "cd c d", "ef e f"}, 4},
		{[]string{"ab a b", "cd bc d"}, []string{"a", "bc", "d"}, 2},
		{[]string{"a", "bc b c", "d"}, []string{"ab AX BX", "cd CX a"}, 1},
		// case is ignored when aligning words inside a multiword span
		{[]string{"Dont Do nt"}, []string{"Dont do NT"}, 2},
	}
	for _, tt := range tests {
		gold := []conllu.Sentence{sentence(tt.gold...)}
		sys := []conllu.Sentence{sentence(tt.sys...)}
		sc, err := Evaluate(gold, sys)
		if err != nil {
			t.Errorf("%q vs %q: %v", tt.gold, tt.sys, err)
			continue
		}
		gw, sw := countWords(tt.gold), countWords(tt.sys)
		want := Score{Gold: gw, System: sw, Correct: tt.correct, Aligned: tt.correct}
		if sc.Words != want {
			t.Errorf("%q vs %q: Words %+v, want %+v", tt.gold, tt.sys, sc.Words, want)
		}
		if f := sc.Words.F1(); math.Abs(f-2*float64(tt.correct)/float64(gw+sw)) > 1e-12 {
			t.Errorf("%q vs %q: F1 %v", tt.gold, tt.sys, f)
		}
	}
}

func countWords(toks []string) int {
	n := 0
	for _, t := range toks {
		if f := strings.Fields(t); len(f) > 1 {
			n += len(f) - 1
		} else {
			n++
		}
	}
	return n
}

func TestTextMismatch(t *testing.T) {
	_, err := Evaluate([]conllu.Sentence{sentence("a")}, []conllu.Sentence{sentence("b")})
	if err == nil || !strings.Contains(err.Error(), "differ") {
		t.Errorf("different texts: err %v", err)
	}
	// Spaces inside forms (category Zs) do not count: "1 000" equals "1000".
	spaced := sentence("1000")
	spaced.Words[0].Form = "1\u00a0000"
	_, err = Evaluate([]conllu.Sentence{spaced}, []conllu.Sentence{sentence("1000")})
	if err != nil {
		t.Errorf("space inside a form: %v", err)
	}
}

func TestTokensAndSentences(t *testing.T) {
	gold := []conllu.Sentence{sentence("He", "left", "."), sentence("She", "stayed", "."), sentence("Bye")}
	// The system joins the first two sentences and splits "stayed".
	sys := []conllu.Sentence{sentence("He", "left", ".", "She", "stay", "ed", "."), sentence("Bye")}
	sc, err := Evaluate(gold, sys)
	if err != nil {
		t.Fatal(err)
	}
	if want := (Score{Gold: 7, System: 8, Correct: 6, Aligned: 6}); sc.Tokens != want {
		t.Errorf("Tokens %+v, want %+v", sc.Tokens, want)
	}
	if want := (Score{Gold: 3, System: 2, Correct: 1, Aligned: 1}); sc.Sentences != want {
		t.Errorf("Sentences %+v, want %+v", sc.Sentences, want)
	}
	if got := sc.Sentences.F1(); math.Abs(got-0.4) > 1e-12 {
		t.Errorf("Sentences F1 %v, want 0.4", got)
	}
}

// parsed builds a sentence from rows "form lemma upos feats head deprel".
func parsed(rows ...string) conllu.Sentence {
	var s conllu.Sentence
	for i, r := range rows {
		f := strings.Fields(r)
		head := -1
		if f[4] != "_" {
			head = int(f[4][0] - '0')
		}
		s.Words = append(s.Words, conllu.Word{ID: i + 1, Form: f[0], Lemma: f[1], UPOS: f[2], XPOS: "_",
			Feats: f[3], Head: head, Deprel: f[5], Misc: "_"})
	}
	return s
}

func TestAnnotationMetrics(t *testing.T) {
	gold := []conllu.Sentence{parsed(
		"I I PRON Case=Nom|Number=Sing 2 nsubj",
		"saw see VERB Tense=Past 0 root",
		"her she PRON Case=Acc 2 obj",
		"there there ADV _ 2 advmod",
		". . PUNCT _ 2 punct",
	)}
	sys := []conllu.Sentence{parsed(
		"I I PRON Number=Sing|Case=Nom|Typo=Yes 2 nsubj:pass", // features reordered, Typo ignored; subtype ignored
		"saw saw VERB Tense=Past 0 root",                      // wrong lemma
		"her she DET Case=Acc 4 obj",                          // wrong UPOS, wrong head
		"there there ADV _ 2 obl",                             // wrong deprel
		". . PUNCT _ _ _",                                     // unparsed
	)}
	sc, err := Evaluate(gold, sys)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		correct int
		gold    int
	}{
		{"UPOS", 4, 5},
		{"UFeats", 5, 5},
		{"AllTags", 4, 5},
		{"Lemmas", 4, 5},
		{"UAS", 3, 5}, // I, saw, there
		{"LAS", 2, 5}, // I, saw
		// content relations: nsubj, root, obj, advmod (punct is not one)
		{"CLAS", 2, 4},
		// MLAS also needs UPOS and features: I and saw
		{"MLAS", 2, 4},
		// BLEX also needs the lemma: I only
		{"BLEX", 1, 4},
	}
	for _, tt := range tests {
		s, ok := sc.Get(tt.name)
		if !ok {
			t.Fatalf("no metric %s", tt.name)
		}
		if s.Correct != tt.correct || s.Gold != tt.gold || s.System != tt.gold {
			t.Errorf("%s: %+v, want correct %d of %d", tt.name, s, tt.correct, tt.gold)
		}
	}
	if got := sc.UAS.AlignedAccuracy(); math.Abs(got-0.6) > 1e-12 {
		t.Errorf("UAS aligned accuracy %v", got)
	}
}

func TestHeadsThroughAlignment(t *testing.T) {
	// The system splits "cannot" differently from gold; heads are compared
	// through the alignment, and a head on an unaligned word is wrong.
	gold := conllu.Sentence{
		Multi: []conllu.MultiWord{{First: 2, Last: 3, Form: "cannot", Misc: "_"}},
		Words: []conllu.Word{
			{ID: 1, Form: "I", Lemma: "I", UPOS: "PRON", Head: 4, Deprel: "nsubj"},
			{ID: 2, Form: "can", Lemma: "can", UPOS: "AUX", Head: 4, Deprel: "aux"},
			{ID: 3, Form: "not", Lemma: "not", UPOS: "PART", Head: 4, Deprel: "advmod"},
			{ID: 4, Form: "go", Lemma: "go", UPOS: "VERB", Head: 0, Deprel: "root"},
		},
	}
	sys := conllu.Sentence{
		Words: []conllu.Word{
			{ID: 1, Form: "I", Lemma: "I", UPOS: "PRON", Head: 3, Deprel: "nsubj"},
			{ID: 2, Form: "cannot", Lemma: "cannot", UPOS: "AUX", Head: 3, Deprel: "aux"},
			{ID: 3, Form: "go", Lemma: "go", UPOS: "VERB", Head: 0, Deprel: "root"},
		},
	}
	sc, err := Evaluate([]conllu.Sentence{gold}, []conllu.Sentence{sys})
	if err != nil {
		t.Fatal(err)
	}
	// Words: I and go align; "cannot" matches neither "can" nor "not".
	if want := (Score{Gold: 4, System: 3, Correct: 2, Aligned: 2}); sc.Words != want {
		t.Errorf("Words %+v, want %+v", sc.Words, want)
	}
	// Tokens: I, go; the multiword token "cannot" is one gold token too.
	if want := (Score{Gold: 3, System: 3, Correct: 3, Aligned: 3}); sc.Tokens != want {
		t.Errorf("Tokens %+v, want %+v", sc.Tokens, want)
	}
	if sc.UAS.Correct != 2 || sc.LAS.Correct != 2 {
		t.Errorf("UAS %+v LAS %+v, want 2 correct each", sc.UAS, sc.LAS)
	}
}

func TestErrors(t *testing.T) {
	bad := sentence("a", "b")
	bad.Words[1].Head = 7
	if _, err := Evaluate([]conllu.Sentence{bad}, []conllu.Sentence{sentence("a", "b")}); err == nil {
		t.Error("head outside the sentence: no error")
	}
	empty := sentence("a")
	empty.Words[0].Form = "\u00a0"
	if _, err := Evaluate([]conllu.Sentence{empty}, []conllu.Sentence{empty}); err == nil {
		t.Error("empty form: no error")
	}
}
