package campaign

import (
	"context"
	"fmt"
	"iter"
	"sync"
)

// batchSize is how many recipients travel together through the pipeline:
// large enough that channel operations cost little per row, small enough
// that the first rows come out at once.
const batchSize = 64

// batch is a run of consecutive recipients and, once rendered, their rows.
type batch struct {
	seq  int // 0-based order of the batch in the run
	pos  int // position of recipients[0]
	recs []Recipient
	rows []Row
}

// Run renders a message for every recipient of src and hands the rows to
// sink in input order, then returns the batch report.
//
// The pipeline streams: one goroutine reads src, Options.Workers goroutines
// render, and Run's own goroutine reorders the rows and calls sink, so sink
// needs no locking. At most a few thousand rows are in flight at any time,
// so memory does not grow with the number of recipients (except for the
// texts the uniqueness analysis keeps; see Options.NoAnalysis).
//
// Every recipient read gives exactly one row: the report's Recipients equals
// the number of rows handed to sink. A bad recipient is an error row, never
// the end of the run. The run stops early only when src yields an error (an
// unreadable input), when sink returns an error, or when ctx is done; Run
// then returns that error with the report of the rows emitted so far. On
// return every goroutine Run started has ended. A blocked read of src is
// noticed at its next record.
func (c *Campaign) Run(ctx context.Context, src iter.Seq2[Recipient, error], sink func(Row) error) (*Report, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	workers := c.opts.Workers
	window := 4 * workers // batches in flight: bounds memory
	tokens := make(chan struct{}, window)
	jobs := make(chan *batch, workers)
	results := make(chan *batch, window)
	free := make(chan *batch, window)

	var srcErr error // written by the reader, read after it ends
	var wg sync.WaitGroup

	// Reader: cut src into batches; a token per batch in flight.
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(jobs)
		seq, pos := 0, c.opts.Start
		var b *batch
		send := func() bool {
			select {
			case tokens <- struct{}{}:
			case <-ctx.Done():
				return false
			}
			jobs <- b // never blocks for long: workers drain jobs until it closes
			seq++
			b = nil
			return true
		}
		for rec, err := range src {
			if err != nil {
				srcErr = err
				break
			}
			if ctx.Err() != nil {
				return
			}
			if b == nil {
				select {
				case b = <-free:
					b.recs = b.recs[:0]
				default:
					b = &batch{recs: make([]Recipient, 0, batchSize)}
				}
				b.seq, b.pos = seq, pos
			}
			b.recs = append(b.recs, rec)
			pos++
			if len(b.recs) == batchSize && !send() {
				return
			}
		}
		if b != nil && len(b.recs) > 0 {
			send()
		}
	}()

	// Workers: render each batch.
	var wwg sync.WaitGroup
	for range workers {
		wwg.Add(1)
		go func() {
			defer wwg.Done()
			for b := range jobs {
				b.rows = b.rows[:0]
				if ctx.Err() == nil {
					for i, r := range b.recs {
						b.rows = append(b.rows, c.Message(r, b.pos+i))
					}
				}
				results <- b // never blocks: at most window batches are in flight
			}
		}()
	}
	go func() {
		wwg.Wait()
		close(results)
	}()

	// Writer: this goroutine, in order.
	acc := newAccumulator(c)
	pending := make(map[int]*batch, window)
	next := 0
	var runErr error
	for b := range results {
		pending[b.seq] = b
		for {
			nb, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			if runErr == nil && ctx.Err() == nil && len(nb.rows) == len(nb.recs) {
				for i := range nb.rows {
					if err := sink(nb.rows[i]); err != nil {
						runErr = fmt.Errorf("campaign: writing row %d (key %q): %w", nb.rows[i].Index, nb.rows[i].Key, err)
						cancel()
						break
					}
					acc.add(&nb.rows[i])
				}
				if c.opts.Progress != nil && runErr == nil {
					c.opts.Progress(acc.rep.Recipients)
				}
			}
			clear(nb.rows)
			clear(nb.recs)
			<-tokens
			select {
			case free <- nb:
			default:
			}
		}
	}
	wg.Wait()
	if runErr == nil {
		if err := ctx.Err(); err != nil {
			runErr = err
		}
	}
	if runErr == nil && srcErr != nil {
		runErr = fmt.Errorf("campaign: reading recipients: %w", srcErr)
	}
	// The report always describes what reached the sink.
	if runErr != nil {
		rep, _ := acc.finish(ctx)
		return rep, runErr
	}
	if c.opts.BeforeReport != nil {
		if err := c.opts.BeforeReport(); err != nil {
			rep, _ := acc.finish(ctx)
			return rep, err
		}
	}
	return acc.finish(ctx)
}
