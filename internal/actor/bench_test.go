package actor

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dyadhq/dyad/internal/datadir/datatest"
	"github.com/dyadhq/dyad/internal/reader"
	"github.com/dyadhq/dyad/internal/tokenize"
	"github.com/dyadhq/dyad/pkg/doc"
)

// benchDocs are Reuters-21578 bodies, tokenized once.
var (
	benchOnce  sync.Once
	benchDocs  []*doc.Document
	benchWords int
)

var errEnough = errors.New("enough")

func reutersDocs(b *testing.B) ([]*doc.Document, int) {
	b.Helper()
	dir := datatest.Require(b, "reuters21578")
	benchOnce.Do(func() {
		err := reader.Walk(context.Background(), []string{dir}, reader.Options{OnBad: func(*reader.Error) error { return nil }}, func(d *doc.Document) error {
			d.Tokens = tokenize.Tokenize(d.Text)
			benchDocs = append(benchDocs, d)
			benchWords += len(strings.Fields(d.Text))
			if len(benchDocs) >= 4000 {
				return errEnough
			}
			return nil
		})
		if err != nil && err != errEnough {
			b.Fatal(err)
		}
	})
	return benchDocs, benchWords
}

// syntheticDictionary is the shipped dictionary plus n generated entries:
// people, organizations and places whose names mix invented words with
// frequent capitalized words, so that real text walks into the trie.
func syntheticDictionary(tb testing.TB, n int) *Dictionary {
	tb.Helper()
	b := NewBuilder()
	sub, err := fs.Sub(embedded, "data")
	if err != nil {
		tb.Fatal(err)
	}
	if err := LoadTSV(b, sub, true); err != nil {
		tb.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	syl := []string{"ka", "lo", "mi", "ter", "van", "dor", "sel", "qu", "ri", "bas", "ne", "to", "zan", "mor", "el", "fi", "gra", "hu", "pol", "ust"}
	common := []string{"National", "United", "Democratic", "People's", "Liberation", "Front", "Party", "Council", "Union", "Movement", "Army", "Alliance", "Federal", "Republic", "Socialist", "New", "First", "General", "Bank", "Company", "Group", "International", "Corp", "Trade", "Oil", "Minister", "President", "South", "North", "West"}
	word := func() string {
		var sb strings.Builder
		for k := 1 + rng.IntN(3); k >= 0; k-- {
			sb.WriteString(syl[rng.IntN(len(syl))])
		}
		w := sb.String()
		return strings.ToUpper(w[:1]) + w[1:]
	}
	codes := []string{"USAGOV", "RUSMIL", "FRABUS", "NGO", "IGO", "CHNGOV", "GBRMED"}
	for i := 0; i < n; i++ {
		e := b.AddEntry(&Entry{Kind: KindActor, Code: codes[i%len(codes)], Source: fmt.Sprintf("synthetic:%d", i)})
		var name string
		switch i % 3 {
		case 0: // a person
			name = word() + " " + word()
		case 1: // an organization
			name = common[rng.IntN(len(common))] + " " + word() + " " + common[rng.IntN(len(common))]
		default: // a place or party
			name = word() + " " + common[rng.IntN(len(common))]
		}
		e.Name = name
		b.AddTerm(e, name, Legacy, e.Source)
		if i%2 == 0 {
			b.AddTerm(e, word(), Legacy, e.Source)
		}
	}
	return b.Build()
}

func benchMatch(b *testing.B, d *Dictionary) {
	docs, words := reutersDocs(b)
	b.ResetTimer()
	t0 := time.Now()
	found := 0
	for i := 0; i < b.N; i++ {
		for _, dc := range docs {
			found += len(d.Match(dc))
		}
	}
	secs := time.Since(t0).Seconds()
	b.ReportMetric(float64(words)*float64(b.N)/secs, "words/s")
	b.ReportMetric(float64(found)/float64(b.N), "mentions/op")
}

// BenchmarkMatch measures the matcher (scan, trie, composition, token
// spans) over Reuters-21578 bodies, one core: words/s.
func BenchmarkMatch(b *testing.B) {
	b.Run("shipped", func(b *testing.B) { benchMatch(b, load(b)) })
	b.Run("synthetic100k", func(b *testing.B) {
		d := syntheticDictionary(b, 100_000)
		benchMatch(b, d)
		b.ReportMetric(float64(len(d.Entries())), "entries")
	})
}

// BenchmarkTokenizeMatch adds the tokenizer, the stage before.
func BenchmarkTokenizeMatch(b *testing.B) {
	d := load(b)
	docs, words := reutersDocs(b)
	b.ResetTimer()
	t0 := time.Now()
	for i := 0; i < b.N; i++ {
		for _, dc := range docs {
			c := *dc
			c.Tokens = tokenize.Tokenize(c.Text)
			d.Match(&c)
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/time.Since(t0).Seconds(), "words/s")
}

// BenchmarkLoad measures building the shipped dictionary from its files.
func BenchmarkLoad(b *testing.B) {
	sub, err := fs.Sub(embedded, "data")
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < b.N; i++ {
		bl := NewBuilder()
		if err := LoadTSV(bl, sub, true); err != nil {
			b.Fatal(err)
		}
		bl.Build()
	}
}
