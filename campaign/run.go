package campaign

import (
	"context"
	"fmt"
	"iter"
	"sync"

	"github.com/spinwise/spinwise/plan"
)

// batchSize is how many recipients travel together through the pipeline:
// large enough that channel operations cost little per row, small enough
// that the first rows come out at once.
const batchSize = 64

// batch is a run of consecutive recipients and, once rendered, their rows.
type batch struct {
	seq   int // 0-based order of the batch in the run
	pos   int // position of recipients[0]
	recs  []Recipient
	field string   // the phone column, "" for none
	rows  []Row    // rendered by a worker
	keys  []uint64 // the rows' phones as numbers (0: none), by the worker
	// withField counts the messages whose data has Options.KnownField.
	withField int
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
// the number of rows handed to sink (with Options.Resume, the first Start
// records are read for their phones only and give none). A bad recipient is
// an error row, never the end of the run. The run stops early only when src
// yields an error (an unreadable input), when Options.PhoneField names a
// field the first readable record lacks, when sink returns an error, or when
// ctx is done; Run then returns that error with the report of the rows
// emitted so far. On return every goroutine Run started has ended. A blocked
// read of src is noticed at its next record.
//
// With a phone column, the workers read each recipient's phone and this
// goroutine, which sees the rows in input order, turns a row whose phone an
// earlier row had into a row of KindDuplicatePhone: the result does not
// depend on the number of workers, and a run resumed with Options.Resume
// tells the same duplicates as the whole run.
func (c *Campaign) Run(ctx context.Context, src iter.Seq2[Recipient, error], sink func(Row) error) (*Report, error) {
	var pl *plan.Planner
	if c.opts.Plan != nil {
		var err error
		if pl, err = c.planner(); err != nil { // New checked the options: not expected
			rep, _ := newAccumulator(c).finish(ctx)
			return rep, fmt.Errorf("campaign: %w", err)
		}
	}
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
	// The reader decides the phone column, the workers read the phones,
	// this goroutine tells duplicates (it sees the rows in order).
	pr := &phoneRun{c: c}
	var phoneErr error // written by the reader, read after it ends
	skip := 0          // records read for their phones only (Options.Resume)
	if c.opts.Resume {
		skip = c.opts.Start
	}

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
			if err := pr.decide(&rec); err != nil {
				phoneErr = err
				break
			}
			if skip > 0 {
				// Before any batch is sent: the writer reads pr.seen
				// only after it receives one.
				pr.skip(&rec)
				skip--
				continue
			}
			if b == nil {
				select {
				case b = <-free:
					b.recs = b.recs[:0]
				default:
					b = &batch{recs: make([]Recipient, 0, batchSize)}
				}
				b.seq, b.pos, b.field = seq, pos, pr.field
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
				b.rows, b.keys, b.withField = b.rows[:0], b.keys[:0], 0
				if ctx.Err() == nil {
					for i, r := range b.recs {
						po := c.phoneOf(&r, b.field)
						b.rows = append(b.rows, c.message(r, b.pos+i, &po))
						b.keys = append(b.keys, po.key)
						if kf := c.opts.KnownField; kf != "" && b.rows[i].Err == nil {
							if _, ok := r.Data[kf]; ok {
								b.withField++
							}
						}
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

	// Writer: this goroutine, in order. The plan, when asked for, gives
	// each message its time here, in input order.
	acc := newAccumulator(c)
	acc.plan = pl
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
					if k := nb.keys[i]; k != 0 {
						pr.dedup(&nb.rows[i], k, nb.recs[i].Line, nb.field)
					}
					acc.schedule(&nb.rows[i])
					if err := sink(nb.rows[i]); err != nil {
						runErr = fmt.Errorf("campaign: writing row %d (key %q): %w", nb.rows[i].Index, nb.rows[i].Key, err)
						cancel()
						break
					}
					acc.add(&nb.rows[i])
				}
				acc.rep.withField += nb.withField
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
	if runErr == nil && phoneErr != nil {
		runErr = phoneErr
	}
	// The report always describes what reached the sink.
	acc.finishPhones(pr.field)
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
