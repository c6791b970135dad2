package quote

import "testing"

func TestFindQuotes(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		paras      []int
		want       []string
	}{
		{"straight", `He said "yes" and "no".`, nil, []string{`"yes"`, `"no"`}},
		{"curly", "\u201cYes,\u201d he said.", nil, []string{"\u201cYes,\u201d"}},
		{"single inside double", `"No 'reset' now," he said.`, nil, []string{`"No 'reset' now,"`}},
		{"single alone", `He was 'cautious' about it.`, nil, []string{`'cautious'`}},
		{"apostrophes", `Iran's and the States' programmes don't matter.`, nil, nil},
		{"open paragraph continues", "\"One.\n\"Two,\" he said.", []int{6}, []string{"\"One.\n\"Two,\""}},
		{"open paragraph ends", "\"One.\nTwo.", []int{6}, []string{"\"One."}},
		{"unclosed at end", `He said "yes`, nil, []string{`"yes`}},
		{"two apostrophes", "''We won,'' he said.", nil, []string{"''We won,''"}},
		{"backticks", "``We won,'' he said.", nil, []string{"``We won,''"}},
		{"reversed curly open", "He said \u201dyes\u201d.", nil, []string{"\u201dyes\u201d"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := findQuotes(tc.text, tc.paras)
			if len(got) != len(tc.want) {
				t.Fatalf("got %d spans %+v, want %q", len(got), got, tc.want)
			}
			for i, w := range tc.want {
				if s := tc.text[got[i].Start:got[i].End]; s != w {
					t.Errorf("span %d = %q, want %q", i, s, w)
				}
			}
		})
	}
}

func FuzzFindQuotes(f *testing.F) {
	for _, s := range []string{`"a" 'b' “c” ‘d’`, "\"x\n\"y\"", `'`, "\u201d\u201c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, sp := range findQuotes(s, []int{len(s) / 2}) {
			if sp.Start < prev || sp.End <= sp.Start || sp.End > len(s) {
				t.Fatalf("bad span %+v (prev end %d) in %q", sp, prev, s)
			}
			prev = sp.End
		}
	})
}
