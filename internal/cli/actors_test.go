package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestActorsLookup(t *testing.T) {
	code, out, errs := run(t, "", "actors", "lookup", "Russian foreign minister", "--date", "2017-01-20")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "Sergei Lavrov") || !strings.Contains(out, "RUSGOV") {
		t.Errorf("lookup output:\n%s", out)
	}
	code, out, errs = run(t, "", "actors", "lookup", "President Trump and @POTUS", "--date", "2022-03-01", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var res []lookupResult
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if len(res) != 2 || res[0].Code != "USAELI" || res[1].Code != "USAGOV" || res[1].Person != "Joe Biden" {
		t.Errorf("lookup: %+v", res)
	}
	if code, _, _ := run(t, "", "actors", "lookup", "x", "--date", "2017-02-30"); code != 2 {
		t.Errorf("bad date: exit %d, want 2", code)
	}
}

func TestActorsCheck(t *testing.T) {
	code, out, errs := run(t, "", "actors", "check")
	if code != 0 || !strings.Contains(out, "0 errors, 0 warnings") {
		t.Fatalf("shipped dictionary: exit %d\n%s%s", code, out, errs)
	}
	dir := t.TempDir()
	bad := "A_B [XYZ]\n\t[XYZGOV 20100231-20110101]\n"
	if err := os.WriteFile(filepath.Join(dir, "Bad.actors.txt"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, _ = run(t, "", "actors", "check", "--dictionaries", dir)
	if code != 0 || !strings.Contains(out, "Bad.actors.txt:2: warning:") {
		t.Errorf("legacy check: exit %d\n%s", code, out)
	}
	own := "AAA\tname\tAland\nBBB\tname\tAland\n"
	if err := os.WriteFile(filepath.Join(dir, "countries.tsv"), []byte(own), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, _ = run(t, "", "actors", "check", "--dictionaries", dir)
	if code != 1 || !strings.Contains(out, "countries.tsv:2: error: conflicting codes") {
		t.Errorf("own-format errors: exit %d\n%s", code, out)
	}
}
