package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"

	"github.com/spinwise/spinwise/campaign"
	"github.com/spinwise/spinwise/chunk"
	"github.com/spinwise/spinwise/linkcheck"
	"github.com/spinwise/spinwise/risk"
)

// runFlags are the flags of the commands that render recipients.
type runFlags struct {
	data, format, key      string
	encoding               string
	seed                   uint64
	start                  int
	byKey                  bool
	max                    int
	unit                   string
	block, allow, suppress string
	threshold              float64
	workers                int
	noAnalysis             bool
	account                string
	force                  bool
	out, report            string
	quiet                  bool
	plan                   planFlags
	phone, region          string
	noPhone, resume        bool
}

func (rf *runFlags) register(f *flags, full bool) {
	f.StringVar(&rf.data, "data", "", "recipients `FILE`: CSV with a header, or JSON Lines (\"-\": stdin)")
	f.StringVar(&rf.format, "format", "", "data format: csv or jsonl (default: by the file's extension or first character)")
	f.StringVar(&rf.key, "key", "", "key column (default: \"key\", else the first column)")
	f.StringVar(&rf.encoding, "encoding", "utf-8", "character encoding of CSV data: utf-8, windows-1251, utf-16, or auto (by the byte-order mark); a file with a UTF-8 BOM is UTF-8")
	f.Uint64Var(&rf.seed, "seed", 0, "campaign seed: the same seed and input give the same messages")
	f.IntVar(&rf.start, "start", 0, "position of the first recipient, to resume a run at recipient `N` (0-based)")
	f.BoolVar(&rf.byKey, "by-key", false, "choose each variant from the seed and the recipient's key, not its position (variants may repeat)")
	f.IntVar(&rf.max, "max", 300, "longest short message, in -unit units")
	f.StringVar(&rf.unit, "unit", "runes", "unit of -max: runes, utf16 or graphemes")
	f.StringVar(&rf.block, "block", "", "list `FILE` of blocked domains, one a line")
	f.StringVar(&rf.allow, "allow", "", "list `FILE` of allowed domains, one a line (overrides every list)")
	f.StringVar(&rf.suppress, "suppress", "", "list `FILE` of recipient keys or phone numbers that must get no message, one a line")
	f.StringVar(&rf.phone, "phone", "", "phone `COLUMN` (default: the column whose name says it, such as Телефон, Мобильный телефон, Phone or PHONE)")
	f.BoolVar(&rf.noPhone, "no-phone", false, "read no phone column: no phone check, no duplicates by phone")
	f.StringVar(&rf.region, "region", "RU", "country (ISO 3166 `CODE`) of phone numbers written without a country code")
	f.BoolVar(&rf.resume, "resume", false, "with -start N, -data is the whole input: its first N records are skipped (their phones still count as duplicates)")
	if !full {
		return
	}
	f.Float64Var(&rf.threshold, "threshold", 0.9, "similarity at or above which two messages are near-duplicates")
	f.IntVar(&rf.workers, "workers", 0, "rendering goroutines (default GOMAXPROCS)")
	f.BoolVar(&rf.noAnalysis, "no-analysis", false, "skip the uniqueness analysis (bounded memory for huge batches)")
	f.StringVar(&rf.account, "account", "", "sending account `FILE` (JSON) for the risk assessment")
	f.BoolVar(&rf.force, "force", false, "write the messages even when the risk is maximal")
	f.StringVar(&rf.out, "o", "-", "output `FILE` of JSON Lines (\"-\": stdout)")
	f.StringVar(&rf.report, "report", "", "also write the report as JSON to `FILE`")
	f.BoolVar(&rf.quiet, "q", false, "do not print the report on stderr (except when refusing at maximal risk)")
	rf.plan.register(f)
}

// options builds the campaign options, reading the list files.
func (rf *runFlags) options(c *cli) (*campaign.Options, error) {
	unit, err := parseUnit(rf.unit)
	if err != nil {
		return nil, err
	}
	if rf.max <= 0 {
		return nil, fmt.Errorf("-max is %d; it must be positive", rf.max)
	}
	if rf.start < 0 || rf.start > campaign.MaxStart {
		return nil, fmt.Errorf("-start is %d; it must be between 0 and %d", rf.start, campaign.MaxStart)
	}
	if !(rf.threshold >= 0 && rf.threshold <= 1) { // NaN too
		return nil, fmt.Errorf("-threshold is %v; it must be between 0 and 1", rf.threshold)
	}
	o := &campaign.Options{
		Seed:       rf.seed,
		ByKey:      rf.byKey,
		Start:      rf.start,
		Chunk:      chunk.Options{Max: rf.max, Unit: unit},
		Threshold:  rf.threshold,
		NoAnalysis: rf.noAnalysis,
		Workers:    rf.workers,
		PhoneField: rf.phone,
		NoPhone:    rf.noPhone,
		Region:     rf.region,
		Resume:     rf.resume,
	}
	if rf.phone != "" && rf.noPhone {
		return nil, fmt.Errorf("-phone %s and -no-phone contradict each other; give one", rf.phone)
	}
	if o.Suppress, err = c.readList(rf.suppress); err != nil {
		return nil, err
	}
	var lo linkcheck.Options
	if lo.Block, err = c.readList(rf.block); err != nil {
		return nil, err
	}
	if lo.Allow, err = c.readList(rf.allow); err != nil {
		return nil, err
	}
	if lo.Block != nil || lo.Allow != nil {
		o.Links = &lo
	}
	if rf.account != "" {
		in, err := c.readAccount(rf.account)
		if err != nil {
			return nil, err
		}
		o.Risk = in
	}
	return o, nil
}

// checkOutputs refuses an -o or -report file that is one of the input
// files (or each other): creating it would truncate the CRM export or the
// template before it is read.
func (rf *runFlags) checkOutputs(tmpl string) error {
	inputs := rf.inputs(tmpl)
	outputs := []struct{ flag, name string }{{"-o", rf.out}, {"-report", rf.report}}
	if rf.out != "" && rf.out != "-" && filepath.Clean(rf.out) == filepath.Clean(rf.report) {
		return fmt.Errorf("-o %s is also -report: the report would overwrite the messages; write to another file", rf.out)
	}
	for i, out := range outputs {
		if out.name == "" || out.name == "-" {
			continue
		}
		ost, err := os.Stat(out.name)
		if err != nil {
			continue // not there yet: it cannot be an input
		}
		others := append(append([]struct{ flag, name string }(nil), inputs...), outputs[i+1:]...)
		for _, in := range others {
			if in.name == "" || in.name == "-" {
				continue
			}
			if ist, err := os.Stat(in.name); err == nil && os.SameFile(ost, ist) {
				return fmt.Errorf("%s %s is also %s: writing it would destroy it; write to another file", out.flag, out.name, in.flag)
			}
		}
	}
	return nil
}

// inputs are the files the command reads, by the flag that names them.
func (rf *runFlags) inputs(tmpl string) []struct{ flag, name string } {
	return []struct{ flag, name string }{
		{"the template", tmpl}, {"-data", rf.data}, {"-suppress", rf.suppress}, {"-block", rf.block},
		{"-allow", rf.allow}, {"-account", rf.account}, {"-known", rf.plan.known},
	}
}

// checkStdin refuses two inputs read from stdin ("-"): the first would take
// all of it, and the second would find it empty.
func (rf *runFlags) checkStdin(tmpl string) error {
	first := ""
	for _, in := range rf.inputs(tmpl) {
		if in.name != "-" {
			continue
		}
		if first != "" {
			return fmt.Errorf("%s and %s are both \"-\": only one input can be read from stdin", first, in.flag)
		}
		first = in.flag
	}
	return nil
}

// readAccount reads the -account JSON file (see risk.Input).
func (c *cli) readAccount(name string) (*campaign.RiskInput, error) {
	b, err := c.readInput(name)
	if err != nil {
		return nil, err
	}
	in, err := risk.ParseInput(b)
	if err != nil {
		var ie *risk.InputError
		if errors.As(err, &ie) {
			pos := name
			if ie.Line > 0 {
				pos = fmt.Sprintf("%s:%d:%d", name, ie.Line, ie.Col)
			}
			if ie.Field != "" {
				pos += ": " + ie.Field
			}
			return nil, fmt.Errorf("%s: %s", pos, ie.Msg)
		}
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	return &campaign.RiskInput{Input: in}, nil
}

const generateDesc = `Renders, checks and splits a message for every recipient of -data and writes one JSON
line per recipient, in input order: {"key","phone","wa_id","text","chunks","variant"} or
{"key",...,"error":{"kind","message",...}}. Error kinds: input, suppressed, missing-field, render,
link, too-long, phone, duplicate-phone.
Recipient n (0-based, plus -start) gets the n-th variant of the seeded sample of the template's
variants: the first Count() recipients get pairwise different texts; the same -seed and input
give the same output; -start N resumes a run at recipient N (on the records from N on, or on
the whole input with -resume, which also remembers the phones before N).

Data: CSV with a header (UTF-8 with or without BOM; Windows-1251 or UTF-16 with -encoding, or auto;
',', ';' or a tab detected; a "key" column or the first column is the key) or JSON
Lines (one object a line, "key" member). A row with the wrong number of fields, invalid UTF-8
or a stray quote (ООО "Ромашка" unquoted) is that recipient's error row (exit 1); a file that
cannot be read as a whole (a header that is not UTF-8, a quote that does not close on its
line) stops the run (exit 2) after the rows before the fault.

Phones: the column -phone names, or the one whose header says it (Телефон, Мобильный телефон,
Phone, PHONE, Контакт: Телефон, WhatsApp, ...; the report names it; -no-phone: none). Numbers
are normalized to E.164 (-region RU: 8 (999) 123-45-67 is +79991234567; extensions dropped; of
several numbers in a cell the first mobile one): rows carry "phone" and "wa_id". A missing or
invalid number is an error row of kind phone, with the reason in Russian; a landline is a
warning in the row. A phone that an earlier row has is a row of kind duplicate-phone naming
its key (not a failure: the person gets one message). -suppress matches keys and phones.

The report goes to stderr (and as JSON to -report FILE). With -account FILE the report carries
the risk assessment, and at maximal risk nothing is written unless -force is given.

With -plan (and -account) a batch too big for one day is planned, not refused: every message row
gains "send_at", when to send it (RFC 3339 with the -tz zone's offset), so that each day keeps
within the account's limits (20 new recipients a day in the first 10 days after connecting, then
more each day; nothing in the warm-up or after a block), inside -hours on -days, with random
-gap between messages, in input order; -seed draws the gaps. Recipients listed in -known or marked
by -known-column are not new. The report shows the plan day by day with each day's risk; when no
day can be made safe (the findings say why) nothing is written unless -force is given. To go on
with the next recipient in another run, give -start N, the same -from and the report's
-plan-state. spinwise sends nothing itself.

Exit codes: 0 every recipient got a message (suppressed ones aside); 1 some recipients failed,
or maximal risk without -force; 2 bad usage, unreadable input, a template that does not parse,
or an interrupt (Ctrl-C: the rows written so far are whole lines, and stderr says where to
resume with -start; a second Ctrl-C ends the program at once).`

func (c *cli) generate(args []string) int {
	const cmd = "generate"
	f := newFlags(cmd, "TEMPLATE -data FILE [flags]", generateDesc)
	var rf runFlags
	rf.register(f, true)
	pos, code, ok := f.parse(c, args, 1, 1)
	if !ok {
		return code
	}
	if rf.data == "" {
		return f.usageError(c, "-data FILE is required")
	}
	if err := rf.plan.check(f, &rf); err != nil {
		return f.usageError(c, err.Error())
	}
	if err := rf.checkStdin(pos[0]); err != nil {
		return c.errorf(exitUsage, cmd, "%v", err)
	}
	if err := rf.checkOutputs(pos[0]); err != nil {
		return c.errorf(exitUsage, cmd, "%v", err)
	}
	opts, err := rf.options(c)
	if err == nil {
		err = rf.plan.apply(c, opts)
	}
	if err != nil {
		return c.errorf(exitUsage, cmd, "%v", err)
	}
	var bar *progress
	opts.Progress = func(rows int) {
		if bar != nil {
			bar.update(rows)
		}
	}
	camp, _, code := c.loadTemplate(cmd, pos[0], opts)
	if camp == nil {
		return code
	}
	ds, err := c.openData(rf.data, rf.format, rf.key, rf.encoding)
	if err != nil {
		return c.errorf(exitUsage, cmd, "%v", err)
	}
	defer ds.close()

	// Output: straight to its file, or, when the risk assessment may forbid
	// writing, to a spool file first (the output file is not even created
	// when it does).
	var out io.Writer = c.stdout
	var outFile *os.File
	toFile := rf.out != "-" && rf.out != ""
	if toFile && opts.Risk == nil {
		if outFile, err = os.Create(rf.out); err != nil {
			return c.errorf(exitUsage, cmd, "%v", err)
		}
		defer outFile.Close()
		out = outFile
	}
	var spool *os.File
	if opts.Risk != nil {
		if spool, err = os.CreateTemp("", "spinwise-*.jsonl"); err != nil {
			return c.errorf(exitUsage, cmd, "%v", err)
		}
		defer os.Remove(spool.Name())
		defer spool.Close()
		out = spool
	}

	bw := bufio.NewWriterSize(out, 64<<10)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	bar = c.newProgress(ds)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	go func() {
		// After the first interrupt, a second one ends the process at once
		// (the run may be waiting for a record from a blocked stdin).
		<-ctx.Done()
		stop()
	}()
	rep, runErr := camp.Run(ctx, ds.recipients, func(r campaign.Row) error { return enc.Encode(r) })
	bar.done()
	if err := bw.Flush(); err != nil && runErr == nil {
		runErr = err
	}
	if runErr != nil {
		var ie *campaign.InputError
		switch {
		case errors.Is(runErr, context.Canceled) && ctx.Err() != nil:
			if spool != nil {
				return c.errorf(exitUsage, cmd, "interrupted: no messages written")
			}
			next := rf.start + rep.Recipients
			if rf.start == 0 || rf.resume {
				// -data holds the whole input: it can be read again.
				return c.errorf(exitUsage, cmd, "interrupted after %d rows (each a whole JSON line); to resume, run again with the same -data and -start %d -resume (or on the recipients from record %d on, 0-based, not counting the header, with -start %d)",
					rep.Recipients, next, next, next)
			}
			return c.errorf(exitUsage, cmd, "interrupted after %d rows (each a whole JSON line); to resume, run again on the recipients from record %d on (0-based, not counting the header) with -start %d",
				rep.Recipients, next, next)
		case errors.As(runErr, &ie):
			return c.errorf(exitUsage, cmd, "%s: %v", displayName(rf.data), ie)
		default:
			return c.errorf(exitUsage, cmd, "%v", runErr)
		}
	}
	if code := c.writeReport(cmd, rep, rf.report, rf.quiet); code != exitOK {
		return code
	}
	if spool != nil {
		if why := rf.plan.refusal(rep); why != "" && !rf.force {
			if rf.quiet {
				rep.WriteText(c.stderr) // the findings say what to fix
			}
			fmt.Fprintf(c.stderr, "spinwise %s: %s\n", cmd, why)
			return exitFailed
		}
		if _, err := spool.Seek(0, io.SeekStart); err != nil {
			return c.errorf(exitUsage, cmd, "%v", err)
		}
		dest := c.stdout
		if toFile {
			if outFile, err = os.Create(rf.out); err != nil {
				return c.errorf(exitUsage, cmd, "%v", err)
			}
			defer outFile.Close()
			dest = outFile
		}
		if _, err := io.Copy(dest, spool); err != nil {
			return c.errorf(exitUsage, cmd, "writing the messages: %v", err)
		}
	}
	if outFile != nil {
		if err := outFile.Close(); err != nil {
			return c.errorf(exitUsage, cmd, "%v", err)
		}
	}
	if rep.Failed > 0 {
		return exitFailed
	}
	return exitOK
}

// writeReport prints the report on stderr (unless quiet) and writes it as
// JSON to file (when not empty).
func (c *cli) writeReport(cmd string, rep *campaign.Report, file string, quiet bool) int {
	if !quiet {
		rep.WriteText(c.stderr)
	}
	if file == "" {
		return exitOK
	}
	b, err := json.MarshalIndent(rep, "", "  ")
	if err != nil {
		return c.errorf(exitUsage, cmd, "report: %v", err)
	}
	if err := os.WriteFile(file, append(b, '\n'), 0o644); err != nil {
		return c.errorf(exitUsage, cmd, "%v", err)
	}
	return exitOK
}
