package api

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"slices"
	"time"

	"github.com/dyadhq/dyad/internal/store"
)

// Latency is what MeasureLatency found.
type Latency struct {
	Queries  int
	P50, P99 time.Duration
	Max      time.Duration
	Paths    []string // the query mix
	// Median is each path's median latency, to tell a slow query from a
	// slow machine.
	Median map[string]time.Duration
}

// MeasureLatency serves st on a loopback port and times n filtered events
// queries through HTTP, one at a time, cycling through a mix built from
// what the store holds (its busiest actors and dyad, a month of its range,
// a full-text word, the second page of a listing).
func MeasureLatency(ctx context.Context, st store.Store, n int) (*Latency, error) {
	paths, err := queryMix(ctx, st)
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	srv := NewHTTPServer(New(Config{Store: st, Logger: log}).Handler(), log)
	go srv.Serve(ln)
	defer srv.Close()
	base := "http://" + ln.Addr().String()
	client := &http.Client{Timeout: 30 * time.Second}
	get := func(p string) (time.Duration, error) {
		t0 := time.Now()
		resp, err := client.Get(base + p)
		if err != nil {
			return 0, err
		}
		_, err = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return 0, fmt.Errorf("%s: %s", p, resp.Status)
		}
		return time.Since(t0), err
	}
	// One round to warm the caches, untimed.
	for _, p := range paths {
		if _, err := get(p); err != nil {
			return nil, err
		}
	}
	lat := make([]time.Duration, 0, n)
	byPath := map[string][]time.Duration{}
	for i := range n {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		d, err := get(paths[i%len(paths)])
		if err != nil {
			return nil, err
		}
		lat = append(lat, d)
		byPath[paths[i%len(paths)]] = append(byPath[paths[i%len(paths)]], d)
	}
	slices.Sort(lat)
	pct := func(p float64) time.Duration { return lat[min(len(lat)-1, int(p*float64(len(lat))))] }
	median := map[string]time.Duration{}
	for p, ds := range byPath {
		slices.Sort(ds)
		median[p] = ds[len(ds)/2]
	}
	return &Latency{Queries: n, P50: pct(0.50), P99: pct(0.99), Max: lat[len(lat)-1], Paths: paths, Median: median}, nil
}

func queryMix(ctx context.Context, st store.Store) ([]string, error) {
	actors, err := st.Actors(ctx, store.ActorFilter{Limit: 3})
	if err != nil {
		return nil, err
	}
	if len(actors) < 2 {
		return nil, fmt.Errorf("the store has too few events to measure (%d actors)", len(actors))
	}
	edges, err := st.Network(ctx, store.NetworkFilter{By: "code", Limit: 1})
	if err != nil {
		return nil, err
	}
	stats, err := st.Stats(ctx)
	if err != nil {
		return nil, err
	}
	a, b := actors[0].Code, actors[1].Code
	src, tgt := edges[0].Source, edges[0].Target
	from, to := monthOf(stats.FirstDay, stats.LastDay)
	page, err := st.Events(ctx, store.EventFilter{Source: a})
	if err != nil {
		return nil, err
	}
	q := func(v url.Values) string { return "/v1/events?" + v.Encode() }
	paths := []string{
		q(url.Values{"source": {a}}),
		q(url.Values{"source": {src}, "target": {tgt}}),
		q(url.Values{"source": {a}, "target": {b}, "symmetric": {"true"}, "from": {from}, "to": {to}}),
		q(url.Values{"actor": {b}, "code": {"19"}}),
		q(url.Values{"actor": {a}, "quad": {"4"}, "from": {from}, "to": {to}}),
		q(url.Values{"q": {"oil"}, "source": {a}}),
		q(url.Values{"plover": {"ACCUSE"}, "from": {from}, "to": {to}}),
		q(url.Values{"code": {"04"}, "target": {b}}),
	}
	if page.Next != "" {
		paths = append(paths, q(url.Values{"source": {a}, "cursor": {page.Next}}))
	}
	return paths, nil
}

// monthOf picks a month in the middle of a range of days.
func monthOf(first, last string) (string, string) {
	f, err1 := time.Parse(time.DateOnly, first)
	l, err2 := time.Parse(time.DateOnly, last)
	if err1 != nil || err2 != nil {
		return "", ""
	}
	mid := f.Add(l.Sub(f) / 2)
	start := time.Date(mid.Year(), mid.Month(), 1, 0, 0, 0, 0, time.UTC)
	return start.Format(time.DateOnly), start.AddDate(0, 1, -1).Format(time.DateOnly)
}
