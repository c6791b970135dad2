package cluster

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/dyadhq/dyad/internal/store"
	"github.com/dyadhq/dyad/pkg/doc"
)

// Connect opens a connection that keeps reconnecting for as long as the
// process lives, so a NATS restart pauses work instead of ending it.
func Connect(url, name string) (*nats.Conn, jetstream.JetStream, error) {
	nc, err := nats.Connect(url, nats.Name(name), nats.MaxReconnects(-1),
		nats.ReconnectWait(250*time.Millisecond), nats.RetryOnFailedConnect(false),
		nats.ReconnectBufSize(64<<20))
	if err != nil {
		return nil, nil, fmt.Errorf("nats %s: %w", url, err)
	}
	js, err := jetstream.New(nc)
	if err != nil {
		nc.Close()
		return nil, nil, fmt.Errorf("nats %s: %w", url, err)
	}
	return nc, js, nil
}

// SubmitOptions tune Submit.
type SubmitOptions struct {
	// Window is how many publishes may await the server's acknowledgement
	// (0: 256): the back-pressure that keeps a fast reader from running
	// ahead of the server.
	Window int
	// Progress is called with the number of documents handled.
	Progress func(n int)
}

// SubmitResult counts what Submit did.
type SubmitResult struct {
	Read      int // documents from the source
	Queued    int // new on the queue
	Duplicate int // dropped by the server as already submitted
	TooLarge  int // larger than a message may be: recorded as dead letters
}

// Submit publishes the documents of src to the work queue, each with its
// store key as message id. It waits while the queue is full, and returns
// once every message is acknowledged by the server.
func Submit(ctx context.Context, js jetstream.JetStream, src func(emit func(*doc.Document) error) error, opts SubmitOptions) (SubmitResult, error) {
	if opts.Window <= 0 {
		opts.Window = 256
	}
	progress := opts.Progress
	if progress == nil {
		progress = func(int) {}
	}
	var res SubmitResult
	maxPayload := js.Conn().MaxPayload()
	type pending struct {
		fut jetstream.PubAckFuture
		msg *nats.Msg
	}
	var window []pending
	// settle waits for the oldest publish; a refused one (queue full, a
	// server restart) is published again after a pause.
	settle := func() error {
		p := window[0]
		window = window[1:]
		for {
			select {
			case ack := <-p.fut.Ok():
				if ack.Duplicate {
					res.Duplicate++
				} else {
					res.Queued++
				}
				progress(1)
				return nil
			case err := <-p.fut.Err():
				if !retryable(err) {
					return fmt.Errorf("submit: %w", err)
				}
			case <-ctx.Done():
				return ctx.Err()
			}
			if err := sleep(ctx, 200*time.Millisecond); err != nil {
				return err
			}
			fut, err := publishAsync(ctx, js, p.msg)
			if err != nil {
				return err
			}
			p.fut = fut
		}
	}
	err := src(func(d *doc.Document) error {
		res.Read++
		key := store.Key(d.Title, d.Text)
		data, err := json.Marshal(NewJob(d))
		if err != nil {
			return err
		}
		if int64(len(data))+1024 > maxPayload {
			res.TooLarge++
			progress(1)
			return deadLetter(ctx, js, nil, key, d.Origin, "submit", 0,
				fmt.Sprintf("document of %d bytes is larger than a message may be (%d)", len(data), maxPayload))
		}
		msg := &nats.Msg{Subject: WorkSubject, Data: data, Header: nats.Header{}}
		msg.Header.Set(nats.MsgIdHdr, key)
		if d.Origin != "" {
			msg.Header.Set(HeaderOrigin, d.Origin)
		}
		fut, err := publishAsync(ctx, js, msg)
		if err != nil {
			return err
		}
		window = append(window, pending{fut, msg})
		if len(window) >= opts.Window {
			return settle()
		}
		return nil
	})
	for err == nil && len(window) > 0 {
		err = settle()
	}
	return res, err
}

// publishAsync publishes msg, waiting while the client's own buffer of
// unacknowledged publishes is full.
func publishAsync(ctx context.Context, js jetstream.JetStream, msg *nats.Msg) (jetstream.PubAckFuture, error) {
	for {
		fut, err := js.PublishMsgAsync(msg)
		if err == nil {
			return fut, nil
		}
		if !retryable(err) {
			return nil, fmt.Errorf("submit: %w", err)
		}
		if err := sleep(ctx, 200*time.Millisecond); err != nil {
			return nil, err
		}
	}
}

// retryable tells errors that pass (a full queue, a server restarting)
// from those that will not.
func retryable(err error) bool {
	if errors.Is(err, jetstream.ErrNoStreamResponse) || errors.Is(err, jetstream.ErrTooManyStalledMsgs) ||
		errors.Is(err, nats.ErrTimeout) || errors.Is(err, nats.ErrNoResponders) ||
		errors.Is(err, context.DeadlineExceeded) || errors.Is(err, jetstream.ErrAsyncPublishTimeout) {
		return true
	}
	s := err.Error()
	// The server's words for a full stream (limits with DiscardNew).
	return strings.Contains(s, "maximum bytes exceeded") || strings.Contains(s, "maximum messages exceeded") ||
		strings.Contains(s, "resource limits exceeded") || strings.Contains(s, "storage resources exceeded")
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// deadLetter records a document set aside: its original message (when
// there is one) with the reason in the headers. The message id makes a
// repeat (a worker that died between this and its ack) a no-op.
func deadLetter(ctx context.Context, js jetstream.JetStream, data []byte, key, origin, who string, deliveries uint64, reason string) error {
	msg := &nats.Msg{Subject: DeadSubject, Data: data, Header: nats.Header{}}
	if len(reason) > 2000 {
		reason = reason[:2000] + "..."
	}
	// Header values are one line.
	msg.Header.Set(HeaderError, strings.Join(strings.Fields(reason), " "))
	if key != "" {
		msg.Header.Set(HeaderKey, key)
		msg.Header.Set(nats.MsgIdHdr, "dead-"+key)
	}
	if origin != "" {
		msg.Header.Set(HeaderOrigin, origin)
	}
	msg.Header.Set(HeaderWorker, who)
	if deliveries > 0 {
		msg.Header.Set(HeaderDeliveries, fmt.Sprint(deliveries))
	}
	for {
		_, err := js.PublishMsg(ctx, msg)
		if err == nil {
			return nil
		}
		if !retryable(err) {
			return fmt.Errorf("dead letter: %w", err)
		}
		if err := sleep(ctx, 200*time.Millisecond); err != nil {
			return err
		}
	}
}
