// Package timex finds time expressions in a tokenized, segmented document
// and normalizes them to TIMEX3 values (the TimeML standard as the
// TempEval-3 corpora use it): dates, times, durations and sets, relative
// ones resolved against the publication date and the tense of their clause.
//
// It reads the document's text, tokens (and their XPOS tags when a tagger
// has filled them: VBD, VBZ, MD... decide the tense, MD and VB rule out
// "may" and "march" as months) and sentences; it knows nothing of how they
// were made, nor of entities, events or quotes, which may later read its
// output. It works on its own atoms cut from the raw text (letter runs,
// digit runs, single marks), so "Jan.", "p.m.", "50-minute" and "1/16/2017"
// are read the same whatever the tokenizer made of them.
//
// Recognition triggers on a small set of words (month and weekday names,
// digits, temporal nouns and adverbs, determiners) found through a lookup
// table; only there does the hand-written grammar run, so the cost stays a
// few hundred nanoseconds per word.
//
// Values follow TIMEX3: days 2017-01-27, months 2017-01, years 2017, ISO
// weeks 2017-W04 (weekends 2017-W04-WE), quarters 2016-Q3, halves 2016-H1,
// seasons 2016-SU, decades 199 (the 1990s), centuries 19 (the 20th
// century), parts of day 2017-01-28TMO/TAF/TEV/TNI, clock times
// 2017-01-28T15:30 (a time zone stays in the extent, not in the value),
// durations P3Y, PT50M, PXY (an unspecified number of years), sets P1W or
// XXXX-WXX-4 with Quant/Freq, and the vague PRESENT_REF, PAST_REF,
// FUTURE_REF. Modifiers (early, late, nearly, more than...) go to Mod.
//
// A relative expression takes its direction from the tense of its clause:
// "Friday" in a past clause is the last Friday up to the anchor, in a
// future or present one the next Friday from it ("Friday's ruling" looks
// back whatever the clause, unless it names a scheduled event such as an
// election); a month or day without a year takes the occurrence nearest
// the anchor, with the tense making the wrong side count as farther. A
// deadline ("by May", "until Tuesday") looks ahead unless the verb it
// hangs on is past, and even then after "extended", "postponed", "gave".
// What is arranged ("scheduled a news conference Thursday", "were planning
// to march Monday", "has until Monday") lies ahead; a plan in the past
// perfect ("had been due to expire Friday") and a starting point ("since
// March") lie behind. Earnings-story references ("the quarter", "a year
// earlier", "the year-ago period") follow the last quarter the story
// reported (a quarter not yet over is a forecast and does not displace
// it), or a year when a months span ("the first nine months") was named
// after it; "from a year earlier" after a month in the same sentence is
// that month a year before. Anaphora ("that year", "the following month",
// "the previous Friday", "the next day", "that night") follow the last date
// the story named, and a clock time takes the day after it ("6 a.m. on
// Sunday").
//
// Without an anchor (zero time: publication date unknown), relative
// expressions keep TIMEX3's unresolved shapes instead of guessing: "Friday"
// is "XXXX-WXX-5", "January 16" is "XXXX-01-16", "yesterday" is
// "XXXX-XX-XX", "last year" is "XXXX", "next week" is "XXXX-WXX", "the
// third quarter" is "XXXX-Q3"; Anchored is false for them. Absolute dates,
// durations and the vague references need no anchor.
package timex

import (
	"sync"
	"time"

	"github.com/dyadhq/dyad/pkg/doc"
)

// Types of time expression (TIMEX3 type attribute).
const (
	Date     = "DATE"
	Time     = "TIME"
	Duration = "DURATION"
	Set      = "SET"
)

// Timex is one time expression.
type Timex struct {
	// Start, End are byte offsets into Document.Text.
	Start, End int
	Type       string // DATE, TIME, DURATION, SET
	// Value is the TIMEX3 value: 2017-01-27, 2016-Q3, 199, P3Y, PT50M,
	// PAST_REF, 2017-01-28TMO, 2017-01-28T15:30, XXXX-WXX-5...
	Value string
	// Mod is the TIMEX3 mod: START, MID, END, APPROX, LESS_THAN,
	// MORE_THAN, EQUAL_OR_LESS, EQUAL_OR_MORE, ON_OR_AFTER... ("" none).
	Mod string
	// Quant and Freq qualify sets: "every week" has Quant EVERY, "twice a
	// week" has Freq 2X.
	Quant, Freq string
	// Sentence is the index of the sentence holding the first token (-1
	// when the document has no sentences).
	Sentence int
	// FirstTok, LastTok are the tokens the expression overlaps, [FirstTok,
	// LastTok) as in doc.Sentence; both -1 when the document has no tokens.
	FirstTok, LastTok int
	// Anchored is set when Value was computed from the anchor (a relative
	// expression resolved against the publication date).
	Anchored bool
}

// Extract returns the time expressions of d in text order, resolving
// relative ones against anchor (the publication date; zero when unknown).
// Only the anchor's calendar date is used, in its own location.
func Extract(d *doc.Document, anchor time.Time) []Timex {
	if d == nil || len(d.Text) == 0 {
		return nil
	}
	x := &extractor{d: d, text: d.Text, exprStart: -1, spanAt: -1}
	if !anchor.IsZero() {
		x.anch = true
		x.dct = time.Date(anchor.Year(), anchor.Month(), anchor.Day(), 0, 0, 0, 0, time.UTC)
	}
	buf := atomPool.Get().(*[]atom)
	x.a = atomize(d.Text, d.Tokens, d.Sentences, (*buf)[:0])
	x.run()
	if cap(x.a) <= maxPooled {
		*buf = x.a[:0]
		atomPool.Put(buf)
	}
	return x.out
}

// Atom buffers are reused across documents; very large ones are let go.
const maxPooled = 1 << 20

var atomPool = sync.Pool{New: func() any { b := make([]atom, 0, 4096); return &b }}
