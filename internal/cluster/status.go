package cluster

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// Status is the state of the queue and its workers.
type Status struct {
	Queued      uint64        `json:"queued"`      // waiting for a worker
	InFlight    int           `json:"in_flight"`   // delivered, not yet acknowledged
	Redelivered int           `json:"redelivered"` // in flight for a second time or more
	Dead        uint64        `json:"dead_letters"`
	QueueBytes  uint64        `json:"queue_bytes"`
	Rate        float64       `json:"docs_per_s"` // sum over live workers
	Workers     []WorkerStats `json:"workers"`
}

// DeadLetter is one document set aside.
type DeadLetter struct {
	Seq        uint64    `json:"seq"`
	Time       time.Time `json:"time"`
	Key        string    `json:"key,omitempty"`
	Origin     string    `json:"origin,omitempty"`
	Worker     string    `json:"worker"`
	Deliveries string    `json:"deliveries,omitempty"`
	Error      string    `json:"error"`
	Bytes      int       `json:"bytes"` // of the original message kept
}

// live is how recent a worker's report must be for it to count as running.
const live = 20 * time.Second

// GetStatus reads the queue, the dead letters and the workers' reports.
func GetStatus(ctx context.Context, js jetstream.JetStream) (*Status, error) {
	cons, err := js.Consumer(ctx, WorkStream, Consumer)
	if err != nil {
		return nil, fmt.Errorf("cluster status: %w (has anything been submitted or a worker started?)", err)
	}
	ci, err := cons.Info(ctx)
	if err != nil {
		return nil, fmt.Errorf("cluster status: %w", err)
	}
	st := &Status{Queued: ci.NumPending, InFlight: ci.NumAckPending, Redelivered: ci.NumRedelivered}
	if ws, err := js.Stream(ctx, WorkStream); err == nil {
		if info, err := ws.Info(ctx); err == nil {
			st.QueueBytes = info.State.Bytes
		}
	}
	if ds, err := js.Stream(ctx, DeadStream); err == nil {
		if info, err := ds.Info(ctx); err == nil {
			st.Dead = info.State.Msgs
		}
	}
	kv, err := js.KeyValue(ctx, WorkersBucket)
	if err != nil {
		return st, nil
	}
	keys, err := kv.ListKeys(ctx)
	if err != nil {
		return nil, fmt.Errorf("cluster status: %w", err)
	}
	for k := range keys.Keys() {
		e, err := kv.Get(ctx, k)
		if err != nil {
			continue
		}
		var w WorkerStats
		if json.Unmarshal(e.Value(), &w) != nil {
			continue
		}
		if !w.Stopped && time.Since(w.Updated) < live {
			st.Rate += w.Rate
		} else {
			w.Rate = 0
		}
		st.Workers = append(st.Workers, w)
	}
	slices.SortFunc(st.Workers, func(a, b WorkerStats) int { return a.Started.Compare(b.Started) })
	return st, nil
}

// DeadLetters lists up to n dead letters, the most recent last.
func DeadLetters(ctx context.Context, js jetstream.JetStream, n int) ([]DeadLetter, error) {
	ds, err := js.Stream(ctx, DeadStream)
	if err != nil {
		return nil, fmt.Errorf("dead letters: %w", err)
	}
	info, err := ds.Info(ctx)
	if err != nil {
		return nil, fmt.Errorf("dead letters: %w", err)
	}
	var out []DeadLetter
	first := info.State.FirstSeq
	if info.State.LastSeq >= uint64(n) && info.State.LastSeq-uint64(n)+1 > first {
		first = info.State.LastSeq - uint64(n) + 1
	}
	for seq := first; seq <= info.State.LastSeq && info.State.Msgs > 0; seq++ {
		m, err := ds.GetMsg(ctx, seq)
		if errors.Is(err, jetstream.ErrMsgNotFound) {
			continue
		}
		if err != nil {
			return out, fmt.Errorf("dead letters: %w", err)
		}
		out = append(out, DeadLetter{Seq: m.Sequence, Time: m.Time, Key: m.Header.Get(HeaderKey),
			Origin: m.Header.Get(HeaderOrigin), Worker: m.Header.Get(HeaderWorker),
			Deliveries: m.Header.Get(HeaderDeliveries), Error: m.Header.Get(HeaderError), Bytes: len(m.Data)})
	}
	return out, nil
}
