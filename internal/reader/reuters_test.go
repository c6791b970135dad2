package reader

import (
	"context"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dyadhq/dyad/internal/datadir/datatest"
	"github.com/dyadhq/dyad/pkg/doc"
)

// TestReutersArchive reads the whole Reuters-21578 archive and checks the
// counts its README gives.
func TestReutersArchive(t *testing.T) {
	dir := datatest.Require(t, "reuters21578")
	var (
		docs, brief, unproc, withBody, latin1 int
		noClock                               int
		words                                 int
		next                                  = 1
	)
	var bad []string
	onBad := func(e *Error) error { bad = append(bad, e.Error()); return nil }
	err := Walk(context.Background(), []string{filepath.Join(dir, "*.sgm")}, Options{OnBad: onBad}, func(d *doc.Document) error {
		if next == 12793 {
			next++ // reported as empty, below
		}
		docs++
		if want := reutersIDPrefix + strconv.Itoa(next); d.ID != want {
			t.Fatalf("document %d: ID %q, want %q (NEWIDs run 1..21578 in order)", docs, d.ID, want)
		}
		next++
		switch d.Meta["type"] {
		case "BRIEF":
			brief++
			if d.Text != d.Title || d.Meta["text_from"] != "title" {
				t.Errorf("%s: a brief's text should be its headline: %q / %q", d.Origin, d.Title, d.Text)
			}
		case "UNPROC":
			unproc++
		case "":
			withBody++
			words += len(strings.Fields(d.Text))
			if d.Title == "" {
				t.Errorf("%s: no title", d.Origin)
			}
		default:
			t.Errorf("%s: unexpected type %q", d.Origin, d.Meta["type"])
		}
		if d.Meta["encoding"] != "" {
			latin1++
			if d.ID != "reuters-21578-17980" || !strings.Contains(d.Origin, "reut2-017.sgm") || !strings.ContainsRune(d.Text, 'ü') {
				t.Errorf("%s: re-decoded document is not the one with 0xFC", d.Origin)
			}
		}
		if d.Published.Year() != 1987 {
			t.Errorf("%s: published %v", d.Origin, d.Published)
		}
		if !d.PublishedHasClock {
			noClock++
		}
		if !utf8.ValidString(d.Text) || strings.TrimSpace(d.Text) == "" {
			t.Errorf("%s: bad text", d.Origin)
		}
		if strings.ContainsAny(d.Text, "\x00\x01\x02\x03\x05\x1e\x1f\x7f\r") || strings.Contains(d.Text, "&#") {
			t.Errorf("%s: control characters or references left in the text", d.Origin)
		}
		if strings.HasSuffix(strings.ToLower(d.Text), "reuter") {
			t.Errorf("%s: sign-off left: %q", d.Origin, d.Text[max(0, len(d.Text)-40):])
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// NEWID 12793 is an UNPROC story with no text at all: the one story
	// reported, as empty.
	if len(bad) != 1 || !strings.HasSuffix(bad[0], "reut2-012.sgm: NEWID 12793: empty document") {
		t.Errorf("bad stories: %q, want only NEWID 12793 (empty)", bad)
	}
	// The README: 21,578 documents, 19,043 with BODY, 1,798 BRIEF, 737
	// UNPROC (one of them empty), one byte 0xFC.
	if docs+len(bad) != 21578 || withBody != 19043 || brief != 1798 || unproc != 736 || latin1 != 1 {
		t.Errorf("documents %d + %d bad (BODY %d, BRIEF %d, UNPROC %d, re-decoded %d); want 21577 + 1 (19043, 1798, 736, 1)",
			docs, len(bad), withBody, brief, unproc, latin1)
	}
	// One DATE has a garbled clock ("31-MAR-1987 605:12:19.12").
	if noClock != 1 {
		t.Errorf("%d documents without a clock, want 1", noClock)
	}
	// 2,586,293 raw BODY words, less one "&#3;" and (nearly always) one
	// sign-off per story.
	if words < 2586293-2*19043 || words > 2586293-19043 {
		t.Errorf("BODY words %d, want about 2,548,000", words)
	}
	t.Logf("documents %d, BODY %d, BRIEF %d, UNPROC %d, BODY words %d", docs, withBody, brief, unproc, words)
}
