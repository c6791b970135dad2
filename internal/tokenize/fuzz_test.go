package tokenize

import "testing"

// FuzzTokenize feeds arbitrary bytes (valid UTF-8 or not) to the tokenizer
// and checks its invariants: no panic, tokens in order, not overlapping,
// substrings of the text, only whitespace between them, every other byte
// covered.
func FuzzTokenize(f *testing.F) {
	for _, s := range []string{
		"I don't know.", "U.S. Sen. Smith's e-mail: jane.doe@example.com!", "http://x.com/a_(b).",
		"“Quoted” — ‘single’…", "1,000.50 7am 3-5 9/11 +44 $ome", "\xff\xfe bad \xc3", "a\u0301 \u200b x",
		"*~*~* ---->", ":) ;-) <3 (: ^_^", "'90s '' `` ’’ ‘’", "rock'n'roll y'all O’Brien’s",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkInvariants(t, text, Tokenize(text))
	})
}
