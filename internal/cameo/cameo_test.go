package cameo

import "testing"

func TestCodebook(t *testing.T) {
	all := All()
	if len(all) < 300 {
		t.Fatalf("codebook has %d codes, want the full CAMEO set (>300)", len(all))
	}
	if r := Roots(); len(r) != 20 {
		t.Fatalf("%d roots, want 20", len(r))
	}
	for _, c := range all {
		if _, ok := Lookup(c.Root); !ok {
			t.Errorf("code %s: root %s not listed", c.Code, c.Root)
		}
		if len(c.Code) > 2 {
			if _, ok := Lookup(c.Code[:len(c.Code)-1]); !ok && len(c.Code) == 4 {
				t.Errorf("code %s: parent not listed", c.Code)
			}
		}
	}
	for _, tc := range []struct {
		code      string
		quad      int
		goldstein float64
		name      string
	}{
		{"041", 1, 1.0, "Discuss by telephone"},
		{"012", 1, -0.4, "Make pessimistic comment"},
		{"036", 1, 4.0, "Express intent to meet or negotiate"},
		{"0874", 2, 10.0, "Retreat or surrender militarily"},
		{"138", 3, -7.0, "Threaten to use military force, not specified below"},
		{"163", 4, -8.0, "Impose embargo, boycott, or sanctions"},
		{"2042", 4, -10.0, "Detonate nuclear weapons"},
	} {
		c, ok := Lookup(tc.code)
		if !ok || c.QuadClass != tc.quad || c.Goldstein != tc.goldstein || c.Name != tc.name {
			t.Errorf("Lookup(%s) = %+v, %v", tc.code, c, ok)
		}
	}
}

func TestResolve(t *testing.T) {
	for code, want := range map[string]string{"0215": "Appeal for material cooperation, not specified below", "1213": "Reject material cooperation", "04": "Consult"} {
		c, ok := Resolve(code)
		if !ok || c.Name != want || c.Code != code {
			t.Errorf("Resolve(%s) = %+v", code, c)
		}
	}
	for _, bad := range []string{"", "0", "21", "00", "abc", "12345", "---"} {
		if _, ok := Resolve(bad); ok {
			t.Errorf("Resolve(%q) accepted", bad)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, in := range []string{"01\t0\n", "xx\t0\tn\n", "01\t11\tn\n", "01\t0\ta\n01\t0\tb\n"} {
		if _, err := Parse(in); err == nil {
			t.Errorf("Parse(%q) accepted", in)
		}
	}
}
