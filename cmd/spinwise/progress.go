package main

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// progress draws a one-line progress bar on stderr with '\r', only when
// stderr is a terminal, and only once a run has lasted a second (a small
// batch never shows it). With the input's size known it shows the share of
// bytes read; otherwise rows and rows per second.
type progress struct {
	w       io.Writer
	counter *countingReader
	size    int64
	start   time.Time
	last    time.Time
	drawn   bool
}

func (c *cli) newProgress(ds *dataSource) *progress {
	if !isTerminal(c.errFile) {
		return nil
	}
	now := time.Now()
	return &progress{w: c.stderr, counter: ds.counter, size: ds.size, start: now, last: now}
}

// update is campaign.Options.Progress.
func (p *progress) update(rows int) {
	now := time.Now()
	if now.Sub(p.start) < time.Second || now.Sub(p.last) < 100*time.Millisecond {
		return
	}
	p.last = now
	rate := float64(rows) / now.Sub(p.start).Seconds()
	if p.size > 0 {
		frac := min(float64(p.counter.n)/float64(p.size), 1)
		const width = 30
		full := int(frac * width)
		fmt.Fprintf(p.w, "\r[%s%s] %3.0f%% %d rows, %.0f/s ", strings.Repeat("#", full), strings.Repeat("-", width-full), 100*frac, rows, rate)
	} else {
		fmt.Fprintf(p.w, "\r%d rows, %.0f/s ", rows, rate)
	}
	p.drawn = true
}

// analysis is campaign.Options.AnalysisProgress: the report's phase.
func (p *progress) analysis(done, total int) {
	now := time.Now()
	if now.Sub(p.start) < time.Second || now.Sub(p.last) < 100*time.Millisecond && done < total {
		return
	}
	p.last = now
	frac := 1.0
	if total > 0 {
		frac = min(float64(done)/float64(total), 1)
	}
	const width = 30
	full := int(frac * width)
	fmt.Fprintf(p.w, "\r\033[Kanalysing similarity [%s%s] %3.0f%% ", strings.Repeat("#", full), strings.Repeat("-", width-full), 100*frac)
	p.drawn = true
}

// done clears the bar.
func (p *progress) done() {
	if p != nil && p.drawn {
		fmt.Fprint(p.w, "\r\033[K")
	}
}
