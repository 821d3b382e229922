package main

import (
	"fmt"
	"iter"
	"slices"
	"strings"

	"github.com/spinwise/spinwise/campaign"
	"github.com/spinwise/spinwise/internal/srcpos"
	"github.com/spinwise/spinwise/linkcheck"
)

// checkTemplateLinks judges the links in the template's own text (as check
// does) and prints each one that is not OK: a link every recipient would
// get is one error before any row, not an error row per recipient. It
// reports whether the template passed.
func (c *cli) checkTemplateLinks(file, src string, lo *linkcheck.Options) bool {
	ok := true
	for _, l := range linkcheck.New(lo).Check(src) {
		if l.Verdict == linkcheck.OK {
			continue
		}
		ok = false
		line, col := srcpos.Position(src, l.Start)
		fmt.Fprintf(c.stderr, "%s:%d:%d: link %s: %s", displayName(file), line, col, l.Text, l.Verdict)
		if l.Reason != "" {
			fmt.Fprintf(c.stderr, " (%s)", l.Reason)
		}
		fmt.Fprintln(c.stderr)
	}
	return ok
}

// headerProbe is how many records checkHeader reads, at most, to find one
// that shows the header (error rows do not).
const headerProbe = 1000

// checkHeader reads the first records of a CSV source until one shows the
// columns (its Data holds every header name), and checks that every field
// the template needs (campaign's Template().CheckRequired) is a column. It
// returns the source to run, the records read included, and the problems
// found, one line each, with the template's position and the closest
// header names.
func checkHeader(file string, camp *campaign.Campaign, src iter.Seq2[campaign.Recipient, error]) (_ iter.Seq2[campaign.Recipient, error], problems []string) {
	next, stop := iter.Pull2(src)
	type item struct {
		r   campaign.Recipient
		err error
	}
	var head []item
	var header []string
	for len(head) < headerProbe {
		r, err, ok := next()
		if !ok {
			break
		}
		head = append(head, item{r, err})
		if err != nil {
			break
		}
		if r.Err == nil && r.Data != nil {
			for k := range r.Data {
				header = append(header, k)
			}
			break
		}
	}
	rest := func(yield func(campaign.Recipient, error) bool) {
		defer stop()
		for _, it := range head {
			if !yield(it.r, it.err) {
				return
			}
		}
		for {
			r, err, ok := next()
			if !ok || !yield(r, err) {
				return
			}
		}
	}
	if header == nil {
		return rest, nil
	}
	defer func() {
		if problems != nil {
			stop() // the run stops here
		}
	}()
	slices.Sort(header)
	for _, p := range camp.Template().CheckRequired(header) {
		s := fmt.Sprintf("%s:%d:%d: column %q is not in the header", displayName(file), p.Line, p.Col, p.Key)
		if p.Suggestion != "" {
			s += fmt.Sprintf("; did you mean %q?", p.Suggestion)
		} else {
			s += "; the header has: " + headerList(header)
		}
		problems = append(problems, s)
	}
	return rest, problems
}

// headerList prints at most ten header names.
func headerList(header []string) string {
	q := make([]string, 0, min(len(header), 10))
	for _, h := range header[:min(len(header), 10)] {
		q = append(q, fmt.Sprintf("%q", h))
	}
	s := strings.Join(q, ", ")
	if len(header) > 10 {
		s += fmt.Sprintf(" and %d more", len(header)-10)
	}
	return s
}

// failFast runs the checks before the first row of generate and preview: the
// template's own links, and, for CSV data, the columns the template needs
// (unless allowMissing). On a failure it prints the problems and returns
// false with the exit code; otherwise ds.recipients is the source to run.
func (c *cli) failFast(cmd, tmplFile, src string, opts *campaign.Options, camp *campaign.Campaign, ds *dataSource, dataFile string, allowMissing bool) (int, bool) {
	if !c.checkTemplateLinks(tmplFile, src, opts.Links) {
		return c.errorf(exitUsage, cmd, "the template's own text has a rejected link: fix it (or list its domain in -allow); nothing written"), false
	}
	if ds.format != "csv" || allowMissing {
		return exitOK, true
	}
	rest, problems := checkHeader(tmplFile, camp, ds.recipients)
	if problems != nil {
		for _, p := range problems {
			fmt.Fprintln(c.stderr, p)
		}
		return c.errorf(exitUsage, cmd, "%s lacks %s the template reads in every message: every recipient would fail; fix the header or the template (-allow-missing writes the error rows instead); nothing written",
			displayName(dataFile), plural(len(problems), "a column", "columns")), false
	}
	ds.recipients = rest
	return exitOK, true
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return fmt.Sprintf("%d %s", n, many)
}
