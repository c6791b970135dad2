package timeml

import "testing"

// FuzzParse feeds arbitrary bytes to the TimeML reader: it must fail
// cleanly or return spans inside the text.
func FuzzParse(f *testing.F) {
	f.Add([]byte(sample))
	f.Add([]byte("<TimeML><TEXT>a <TIMEX3 tid=\"t1\" value=\"P1D\">day</TIMEX3> b</TEXT></TimeML>"))
	f.Add([]byte("<TEXT><TIMEX3><TIMEX3/></TIMEX3></TEXT>"))
	f.Add([]byte("<a><TEXT>&amp;&#65;&#x42;<![CDATA[x<y]]></TEXT></a>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Parse(data)
		if err != nil {
			return
		}
		for _, s := range d.Times {
			if s.Start < 0 || s.End < s.Start || s.End > len(d.Text) {
				t.Fatalf("span [%d,%d) outside text of %d bytes", s.Start, s.End, len(d.Text))
			}
		}
		d.Anchor()
	})
}
