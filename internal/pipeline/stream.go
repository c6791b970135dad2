package pipeline

import (
	"context"
	"sync"

	"github.com/dyadhq/dyad/pkg/doc"
)

// Source feeds documents to Stream by calling emit for each, in order.
type Source func(emit func(*doc.Document) error) error

// Stream runs the pipeline over the documents from src on workers goroutines
// and hands each result to sink in input order. It stops at the first error
// from src or sink, or when ctx ends; a document the pipeline fails on is
// passed to sink with its error, and sink decides whether to go on.
func (p *Pipeline) Stream(ctx context.Context, workers int, src Source, sink func(*State, error) error) error {
	if workers < 1 {
		workers = 1
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type result struct {
		st  *State
		err error
	}
	type job struct {
		d   *doc.Document
		out chan result
	}
	queue := make(chan job, 2*workers) // input order, for the sink
	work := make(chan job, workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range work {
				st, err := p.Process(j.d)
				j.out <- result{st, err}
			}
		}()
	}

	srcErr := make(chan error, 1)
	go func() {
		defer close(queue)
		defer close(work)
		srcErr <- src(func(d *doc.Document) error {
			j := job{d: d, out: make(chan result, 1)}
			select {
			case queue <- j:
			case <-ctx.Done():
				return ctx.Err()
			}
			select {
			case work <- j:
			case <-ctx.Done():
				j.out <- result{err: ctx.Err()} // queued for the sink: it must not wait forever
				return ctx.Err()
			}
			return nil
		})
	}()

	var sinkErr error
	for j := range queue {
		r := <-j.out
		if sinkErr == nil {
			if sinkErr = sink(r.st, r.err); sinkErr != nil {
				cancel()
			}
		}
	}
	wg.Wait()
	if sinkErr != nil {
		return sinkErr
	}
	if err := <-srcErr; err != nil {
		return err
	}
	return ctx.Err()
}
