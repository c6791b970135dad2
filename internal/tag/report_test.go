package tag

import (
	"os"
	"runtime"
	"testing"
)

// TestReport prints the embedded model's accuracy on EWT dev and test with
// gold tokens. It runs only when DYAD_REPORT is set:
//
//	DYAD_REPORT=1 go test -run TestReport -v ./internal/tag
func TestReport(t *testing.T) {
	if os.Getenv("DYAD_REPORT") == "" {
		t.Skip("set DYAD_REPORT=1 to print the figures")
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	tg, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	t.Logf("model in memory: %.1f MB of heap", float64(after.HeapAlloc-before.HeapAlloc)/1e6)
	for _, name := range []string{"dev", "test"} {
		s := tg.Evaluate(readEWT(t, "en_ewt-ud-"+name+".conllu"))
		t.Logf("%s: UPOS %.2f%%  XPOS %.2f%%  UFeats %.2f%%  AllTags %.2f%%  (%d words)", name,
			100*s.Acc(s.UPOS), 100*s.Acc(s.XPOS), 100*s.Acc(s.UFeats), 100*s.Acc(s.AllTag), s.Words)
	}
}
