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
//
// Documents go to the workers in batches (ProcessBatch), which keeps each
// stage's models in cache: on short news stories the pipeline runs about a
// quarter faster than document by document. A batch goes out as soon as a
// worker is idle, so a slow source (a feed, a pipe) is not held back
// waiting for a batch to fill.
func (p *Pipeline) Stream(ctx context.Context, workers int, src Source, sink func(*State, error) error) error {
	if workers < 1 {
		workers = 1
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type result struct {
		sts  []*State
		errs []error
	}
	type job struct {
		ds  []*doc.Document
		out chan result
	}
	queue := make(chan job, 2*workers) // input order, for the sink
	work := make(chan job)             // unbuffered: a send succeeds when a worker is idle
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range work {
				sts, errs := p.ProcessBatch(j.ds)
				j.out <- result{sts, errs}
			}
		}()
	}

	srcErr := make(chan error, 1)
	go func() {
		defer close(queue)
		defer close(work)
		var batch []*doc.Document
		words := 0
		// send hands the batch to a worker (waiting for one when wait is
		// set, else only if one is idle) and queues it for the sink.
		send := func(wait bool) error {
			j := job{ds: batch, out: make(chan result, 1)}
			if wait {
				select {
				case work <- j:
				case <-ctx.Done():
					return ctx.Err()
				}
			} else {
				select {
				case work <- j:
				default:
					return nil
				}
			}
			batch, words = nil, 0
			select {
			case queue <- j:
			case <-ctx.Done():
				return ctx.Err()
			}
			return nil
		}
		err := src(func(d *doc.Document) error {
			batch = append(batch, d)
			words += CountWords(d.Text)
			return send(len(batch) >= batchDocs || words >= batchWords)
		})
		if err == nil && len(batch) > 0 {
			err = send(true)
		}
		srcErr <- err
	}()

	var sinkErr error
	for j := range queue {
		r := <-j.out
		for i := range r.sts {
			if sinkErr == nil {
				if sinkErr = sink(r.sts[i], r.errs[i]); sinkErr != nil {
					cancel()
				}
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
