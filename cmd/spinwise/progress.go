package main

import (
	"fmt"
	"io"
	"os"
	"sync/atomic"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// countingReader counts the bytes read through it, for the progress bar.
// The reader's goroutine adds and the bar's reads: the count is atomic.
type countingReader struct {
	r io.Reader
	n atomic.Int64
}

func (cr *countingReader) Read(p []byte) (int, error) {
	n, err := cr.r.Read(p)
	cr.n.Add(int64(n))
	return n, err
}

// progressDelay is how long a run goes before its bar shows: a small batch
// never shows one.
var progressDelay = time.Second

// progress draws a one-line progress bar on stderr: the rows written, their
// rate, and, when the input's size is known, the share of it read and the
// time left. It is drawn only when stderr is a terminal and the messages do
// not go to that terminal too (stdout a terminal with -o -): a bar among the
// JSON lines would garble both.
type progress struct {
	w       io.Writer
	bar     *progressbar.ProgressBar
	abar    *progressbar.ProgressBar // the analysis phase, once it starts
	counter *countingReader
	size    int64 // bytes; 0 when unknown
	delay   time.Duration
	start   time.Time
	last    time.Time // of the last draw: at most ten a second
}

// isTerminal reports whether f is a terminal.
func isTerminal(f *os.File) bool { return f != nil && term.IsTerminal(int(f.Fd())) }

// newProgress returns the bar of a run that reads ds and writes its
// messages to stdout when toStdout, or nil when no bar must be drawn.
func (c *cli) newProgress(ds *dataSource, toStdout bool) *progress {
	if !isTerminal(c.errFile) {
		return nil
	}
	if toStdout && isTerminal(c.outFile) {
		return nil
	}
	return newProgressTo(c.stderr, ds.counter, ds.size, progressDelay)
}

func newProgressTo(w io.Writer, counter *countingReader, size int64, delay time.Duration) *progress {
	p := &progress{w: w, counter: counter, size: size, delay: delay, start: time.Now()}
	opts := []progressbar.Option{
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetWidth(20),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionClearOnFinish(),
	}
	max := int64(-1)
	if size > 0 {
		max = size
		opts = append(opts, progressbar.OptionShowBytes(false))
	} else {
		opts = append(opts, progressbar.OptionSetItsString("rows"), progressbar.OptionShowIts(),
			progressbar.OptionSpinnerType(14),
			progressbar.OptionSetSpinnerChangeInterval(0)) // no goroutine of its own: it draws on update only
	}
	p.bar = progressbar.NewOptions64(max, opts...)
	return p
}

// update is campaign.Options.Progress: rows have been written so far.
func (p *progress) update(rows int) {
	if p == nil {
		return
	}
	now := time.Now()
	elapsed := now.Sub(p.start)
	if elapsed < p.delay || now.Sub(p.last) < 100*time.Millisecond {
		return
	}
	p.last = now
	if p.size <= 0 {
		// The bar's count and rate are rows; no time left without a size.
		p.bar.Set64(int64(rows))
		p.bar.Describe(fmt.Sprintf("%d rows", rows))
		return
	}
	// The bar's value is the bytes read (its share and time left); the
	// description says the rows and their rate.
	rate := float64(rows) / max(elapsed.Seconds(), 1e-3)
	p.bar.Set64(min(p.counter.n.Load(), p.size-1)) // the end is done's to draw
	p.bar.Describe(fmt.Sprintf("%d rows, %.0f rows/s", rows, rate))
}

// analysis is campaign.Options.AnalysisProgress: the report's phase, drawn
// as a bar of its own (done of total, rate, time left) in place of the
// rows' bar.
func (p *progress) analysis(done, total int) {
	if p == nil {
		return
	}
	now := time.Now()
	if now.Sub(p.start) < p.delay || now.Sub(p.last) < 100*time.Millisecond && done < total {
		return
	}
	p.last = now
	if p.abar == nil {
		p.bar.Finish() // clears the rows' bar
		p.abar = progressbar.NewOptions64(int64(max(total, 1)),
			progressbar.OptionSetWriter(p.w),
			progressbar.OptionSetWidth(20),
			progressbar.OptionSetDescription("analysing similarity"),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionClearOnFinish())
	}
	p.abar.Set64(int64(min(done, total-1))) // the end is done's to draw
}

// done removes the bar from the terminal (Finish with OptionClearOnFinish
// clears it under the bar's lock).
func (p *progress) done() {
	if p == nil {
		return
	}
	p.bar.Finish()
	if p.abar != nil {
		p.abar.Finish()
	}
}
