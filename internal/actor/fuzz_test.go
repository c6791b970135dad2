package actor

import (
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/dyadhq/dyad/pkg/doc"
)

// FuzzLoadTSV feeds arbitrary bytes to each own-format file: loading never
// panics and every issue names a file and line.
func FuzzLoadTSV(f *testing.F) {
	f.Add(uint8(0), []byte("RUS\tname\tRussia | Russian Federation\nRUSGOV\tmetonym\tKremlin\t2000-01-01..\n"))
	f.Add(uint8(2), []byte("GOV\tagent\tminister | spokesman {spokesmen} | police {}\n- :: honorific\n"))
	f.Add(uint8(4), []byte("X.pm\tXXX\tXXXGOV\t&pm | PM of X\tlabel\n"))
	f.Add(uint8(5), []byte("Ann\tRUS\t~?Ann | @ann\n"))
	f.Add(uint8(6), []byte("RUS.fm\t2004-03-09\t-\tSergei Lavrov\nRUS.fm\t2004-02-30\tx\ty\n"))
	base := fstest.MapFS{
		"countries.tsv": {Data: []byte("XXX\tname\tXland\nRUS\tname\tRussia\n")},
		"titles.tsv":    {Data: []byte("&pm\tGOV\tprime minister\n")},
		"offices.tsv":   {Data: []byte("RUS.fm\tRUS\tRUSGOV\t-\tFM\n")},
		"people.tsv":    {Data: []byte("Sergei Lavrov\tRUS\tLavrov\n")},
	}
	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		fsys := fstest.MapFS{}
		for k, v := range base {
			fsys[k] = v
		}
		fsys[Files[int(which)%len(Files)]] = &fstest.MapFile{Data: data}
		b := NewBuilder()
		if err := LoadTSV(b, fsys, false); err != nil {
			return // a line too long for the reader
		}
		d := b.Build()
		for _, i := range d.Issues() {
			if i.Source == "" || i.Msg == "" {
				t.Fatalf("issue without source or message: %+v", i)
			}
		}
		d.MatchText(string(data))
	})
}

// FuzzMatch checks the matcher's invariants on arbitrary text: mentions lie
// in the text, in order, without overlap, and resolve without panic.
func FuzzMatch(f *testing.F) {
	for _, s := range []string{
		"U.S. Secretary of State Rex Tillerson met Russia's Lavrov.",
		"Britain's prime minister, the former P.M., @POTUS and Israeli-Palestinian talks",
		"'s 's . .. U.S.-led ’s ‘Russia’ Élysée e\u0301 @ @@ --",
		"Mr. Mrs May in May; former deputy foreign ministers of the of the",
	} {
		f.Add(s)
	}
	d, err := Load()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		ms := d.Match(&doc.Document{Text: text})
		prev := 0
		for _, m := range ms {
			if m.Start < prev || m.End <= m.Start || m.End > len(text) {
				t.Fatalf("mention [%d,%d) out of order or outside %q", m.Start, m.End, text)
			}
			if !utf8.ValidString(text[m.Start:m.End]) {
				t.Fatalf("mention [%d,%d) splits a character of %q", m.Start, m.End, text)
			}
			if m.Entry == nil || len(m.Candidates) == 0 {
				t.Fatalf("mention without entry: %+v", m)
			}
			prev = m.End
			d.ResolveMatch(&m, 20170120)
			d.ResolveMatch(&m, 0)
		}
	})
}
