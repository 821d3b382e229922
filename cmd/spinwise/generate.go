package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"os/signal"
	"path/filepath"

	"github.com/spinwise/spinwise/campaign"
	"github.com/spinwise/spinwise/chunk"
	"github.com/spinwise/spinwise/linkcheck"
	"github.com/spinwise/spinwise/risk"
	"github.com/spinwise/spinwise/template"
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
	allowMissing           bool
	plan                   planFlags
	phone, region          string
	noPhone, resume        bool
	syntax                 template.Syntax
}

// syntaxUsage is the help of the -syntax flag of every command that reads a template.
const syntaxUsage = "spintax `syntax` of the template: spinwise, or textrandomizer (the PHP TextRandomizer's: [+и+a|b], a top-level | permutes paragraphs, white space folded)"

func (rf *runFlags) register(f *flags, full bool) {
	f.StringVar(&rf.data, "data", "", "recipients `FILE`: CSV with a header, or JSON Lines (\"-\": stdin)")
	f.StringVar(&rf.format, "format", "", "data format: csv or jsonl (default: by the file's extension or first character)")
	f.StringVar(&rf.key, "key", "", "key column (default: \"key\", else the first column)")
	f.StringVar(&rf.encoding, "encoding", "utf-8", "character encoding of CSV data: utf-8, windows-1251, utf-16, or auto (UTF-8, or Windows-1251 when the bytes read so); a file with a byte-order mark is read as the mark says")
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
	f.BoolVar(&rf.allowMissing, "allow-missing", false, "run even when the CSV header lacks a column the template reads in every message (each recipient gets an error row)")
	f.TextVar(&rf.syntax, "syntax", template.Spinwise, syntaxUsage)
	if !full {
		rf.threshold = 0.9 // not a flag here; options checks it
		return
	}
	f.Float64Var(&rf.threshold, "threshold", 0.9, "similarity at or above which two messages are near-duplicates")
	f.IntVar(&rf.workers, "workers", 0, "rendering goroutines (default GOMAXPROCS)")
	f.BoolVar(&rf.noAnalysis, "no-analysis", false, "skip the uniqueness analysis (bounded memory for huge batches)")
	f.StringVar(&rf.account, "account", "", "sending account `FILE` (JSON) for the risk assessment")
	f.BoolVar(&rf.force, "force", false, "write the messages even when the risk is maximal")
	f.StringVar(&rf.out, "o", "-", "output `FILE` of JSON Lines (\"-\": stdout)")
	f.StringVar(&rf.report, "report", "", "also write the report as JSON to `FILE` (\"-\": stdout, when -o is a file)")
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
	if err := checkThreshold(rf.threshold); err != nil {
		return nil, err
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
		Syntax:     rf.syntax,
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

// checkOutputs refuses an output that is one of the inputs (or the other
// output), compared as files (device and inode), before any output is
// opened: writing it would destroy the CRM export or the template before it
// is read, or, appended to, make the run read its own output forever. The
// outputs are -o (stdout for "-", when it is a regular file) and -report;
// the inputs are the files the flags name and stdin (for "-").
func (rf *runFlags) checkOutputs(c *cli, tmpl string) error {
	if rf.out != "" && rf.out != "-" && filepath.Clean(rf.out) == filepath.Clean(rf.report) && !isSpecial(rf.out) {
		return fmt.Errorf("-o %s is also -report: the report would overwrite the messages; write to another file", rf.out)
	}
	if rf.report == "-" && (rf.out == "-" || rf.out == "") {
		return fmt.Errorf("-report - and -o - would both write to stdout: give -o FILE for the messages, or -report FILE")
	}
	outputs := []struct{ flag, name string }{{"-o", rf.out}, {"-report", rf.report}}
	for i, out := range outputs {
		if out.name == "" {
			continue
		}
		ost, ok := c.stat(out.name, c.outFile)
		if !ok || !ost.Mode().IsRegular() {
			continue // not there yet, or a device or pipe: nothing to destroy
		}
		what := out.flag + " " + out.name
		if out.name == "-" {
			what = "stdout"
		}
		others := append(append([]struct{ flag, name string }(nil), rf.inputs(tmpl)...), outputs[i+1:]...)
		for _, in := range others {
			if in.name == "" {
				continue
			}
			ist, ok := c.stat(in.name, c.stdin)
			if !ok || !os.SameFile(ost, ist) {
				continue
			}
			src := in.flag
			if in.name == "-" {
				src = in.flag + " (stdin)"
			}
			return fmt.Errorf("%s is also %s: writing it would destroy it; write to another file", what, src)
		}
	}
	return nil
}

// isSpecial reports whether name is there and is neither a regular file
// nor a folder: a device or a pipe, written to directly.
func isSpecial(name string) bool {
	st, err := os.Stat(name)
	return err == nil && !st.Mode().IsRegular() && !st.IsDir()
}

// stat returns the file information of name, or of std (stdin or stdout)
// for "-" when it is a file.
func (c *cli) stat(name string, std any) (os.FileInfo, bool) {
	if name == "-" {
		f, ok := std.(*os.File)
		if !ok || f == nil {
			return nil, false
		}
		st, err := f.Stat()
		return st, err == nil
	}
	st, err := os.Stat(name)
	return st, err == nil
}

// checkThreshold accepts a -threshold above 0 and at most 1 (0 would make
// every pair a near-duplicate; the library reads it as its default).
func checkThreshold(t float64) error {
	if !(t > 0 && t <= 1) { // NaN too
		return fmt.Errorf("-threshold is %v; it must be above 0 and at most 1", t)
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
	b, err := c.readInput(name, "an account file", maxAccountBytes)
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

Data: CSV with a header (UTF-8, or UTF-16 with its BOM; Windows-1251 with -encoding, or auto;
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
	if err := rf.checkOutputs(c, pos[0]); err != nil {
		return c.errorf(exitUsage, cmd, "%v", err)
	}
	if rf.report != "" && rf.report != "-" {
		if err := checkWritable(rf.report); err != nil {
			return c.errorf(exitUsage, cmd, "-report: %v", err)
		}
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
	// Every row is written and flushed before the analysis starts, which
	// shows as a phase of its own.
	var flush func() error
	opts.BeforeReport = func() error {
		if flush != nil {
			return flush()
		}
		return nil
	}
	opts.AnalysisProgress = func(done, total int) {
		if bar != nil {
			bar.analysis(done, total)
		}
	}
	camp, src, code := c.loadTemplate(cmd, pos[0], opts)
	if camp == nil {
		return code
	}
	ds, err := c.openData(rf.data, rf.format, rf.key, rf.encoding)
	if err != nil {
		return c.errorf(exitUsage, cmd, "%v", err)
	}
	defer ds.close()
	// From here a signal stops the run after whole rows (the header check
	// below may already wait for a pipe).
	ctx, stop := interruptContext()
	defer stop()
	runDone := make(chan struct{})
	defer close(runDone)
	go func() {
		select {
		case <-ctx.Done():
			ds.interrupt() // a read blocked on a pipe, or endless, ends now
		case <-runDone:
		}
	}()
	if code, ok := c.failFast(cmd, pos[0], src, opts, camp, ds, rf.data, rf.allowMissing); !ok {
		if ctx.Err() != nil {
			return c.errorf(exitUsage, cmd, "interrupted before the first row: nothing written")
		}
		return code
	}

	// Output: -o FILE through a temporary file renamed at the end, or
	// stdout. When the risk assessment may forbid writing, stdout gets
	// the messages from a spool file only once the report allows it.
	var out io.Writer = c.stdout
	var outFile *outputFile
	toFile := rf.out != "-" && rf.out != ""
	if toFile {
		if outFile, err = createOutput(rf.out); err != nil {
			return c.errorf(exitUsage, cmd, "-o: %v", err)
		}
		defer outFile.abort() // a no-op after commit
		out = outFile
	}
	var spool *os.File
	if opts.Risk != nil && !toFile {
		if spool, err = os.CreateTemp("", "spinwise-*.jsonl"); err != nil {
			return c.errorf(exitUsage, cmd, "%v", err)
		}
		defer os.Remove(spool.Name())
		defer spool.Close()
		out = spool
	}

	bw := bufio.NewWriterSize(out, 64<<10)
	flush = func() error {
		if err := bw.Flush(); err != nil {
			return fmt.Errorf("writing the messages: %w", err)
		}
		return nil
	}
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	bar = c.newProgress(ds, !toFile)
	recipients, read := countRecipients(ds.recipients)
	var legacy campaign.Encoding // of rows that are not UTF-8 but read as another encoding
	rep, runErr := camp.Run(ctx, recipients, func(r campaign.Row) error {
		if legacy == "" {
			legacy = rowEncoding(r)
		}
		return enc.Encode(r)
	})
	bar.done()
	if err := bw.Flush(); err != nil && runErr == nil {
		runErr = fmt.Errorf("writing the messages: %w", err)
	}
	if runErr != nil {
		var ie *campaign.InputError
		switch {
		case ctx.Err() != nil: // interrupted (the read may fail as the data file is closed)
			if opts.Risk != nil {
				// The risk of a batch cut short was not assessed.
				return c.errorf(exitUsage, cmd, "interrupted after %d rows: no messages written (the risk of the whole batch was not assessed); run again", rep.Recipients)
			}
			where := ""
			if outFile != nil {
				// The rows so far are whole lines: keep them for the resume.
				if err := outFile.commit(); err != nil {
					return c.errorf(exitUsage, cmd, "interrupted; writing the messages: %v", err)
				}
				where = " in " + rf.out + "; write the rest to another file"
			}
			next := rf.start + rep.Recipients
			if rf.start == 0 || rf.resume {
				// -data holds the whole input: it can be read again.
				return c.errorf(exitUsage, cmd, "interrupted after %d rows (each a whole JSON line)%s; to resume, run again with the same -data and -start %d -resume (or on the recipients from record %d on, 0-based, not counting the header, with -start %d)",
					rep.Recipients, where, next, next, next)
			}
			return c.errorf(exitUsage, cmd, "interrupted after %d rows (each a whole JSON line)%s; to resume, run again on the recipients from record %d on (0-based, not counting the header) with -start %d",
				rep.Recipients, where, next, next)
		case errors.As(runErr, &ie):
			return c.errorf(exitUsage, cmd, "%s: %v%s", displayName(rf.data), ie, encodingHint(ie.Encoding))
		default:
			return c.errorf(exitUsage, cmd, "%v", runErr)
		}
	}
	if legacy != "" {
		fmt.Fprintf(c.stderr, "spinwise %s: some rows are not UTF-8 but read as %s%s\n", cmd, legacy, encodingHint(legacy))
	}
	want := *read
	if rf.resume {
		want -= min(rf.start, want) // records read for their phones only
	}
	if want != rep.Recipients {
		return c.errorf(exitUsage, cmd, "%d recipients read but %d rows written: the output is incomplete", want, rep.Recipients)
	}
	if code := c.writeReport(cmd, rep, rf.report, rf.quiet); code != exitOK {
		return code
	}
	if opts.Risk != nil {
		if why := rf.plan.refusal(rep); why != "" && !rf.force {
			if rf.quiet {
				c.printReport(rep) // the findings say what to fix
			}
			fmt.Fprintf(c.stderr, "spinwise %s: %s\n", cmd, why)
			return exitFailed
		}
	}
	if spool != nil {
		if _, err := spool.Seek(0, io.SeekStart); err != nil {
			return c.errorf(exitUsage, cmd, "%v", err)
		}
		if _, err := io.Copy(c.stdout, spool); err != nil {
			return c.errorf(exitUsage, cmd, "writing the messages: %v", err)
		}
	}
	if outFile != nil {
		if err := outFile.commit(); err != nil {
			return c.errorf(exitUsage, cmd, "writing the messages: %v", err)
		}
	}
	if rep.Failed > 0 {
		return exitFailed
	}
	return exitOK
}

// interruptArmed is called once the signals are caught (a test hook).
var interruptArmed = func() {}

// interruptContext is cancelled by the first SIGINT (Ctrl-C) or SIGTERM (a
// service manager, kill, a container stop): the run stops after whole rows.
// A second signal ends the process at once (the run may be waiting for a
// record from a blocked stdin).
func interruptContext() (context.Context, context.CancelFunc) {
	ctx, stop := signal.NotifyContext(context.Background(), interruptSignals...)
	interruptArmed()
	go func() {
		<-ctx.Done()
		stop()
	}()
	return ctx, stop
}

// countRecipients passes src through, counting its records in *n: the run
// checks that every record read got its row.
func countRecipients(src iter.Seq2[campaign.Recipient, error]) (iter.Seq2[campaign.Recipient, error], *int) {
	n := new(int)
	return func(yield func(campaign.Recipient, error) bool) {
		for r, err := range src {
			if err == nil {
				*n++
			}
			if !yield(r, err) {
				return
			}
		}
	}, n
}

// writeReport prints the report on stderr (unless quiet) and writes it as
// JSON to file (when not empty).
func (c *cli) writeReport(cmd string, rep *campaign.Report, file string, quiet bool) int {
	if !quiet {
		c.printReport(rep)
	}
	if file == "" {
		return exitOK
	}
	b, err := json.MarshalIndent(rep, "", "  ")
	if err != nil {
		return c.errorf(exitUsage, cmd, "report: %v", err)
	}
	if file == "-" { // the messages went to a file (checkOutputs)
		if _, err := c.stdout.Write(append(b, '\n')); err != nil {
			return c.errorf(exitUsage, cmd, "-report: %v", err)
		}
		return exitOK
	}
	if err := writeFileAtomic(file, append(b, '\n')); err != nil {
		return c.errorf(exitUsage, cmd, "-report: %v", err)
	}
	return exitOK
}

// encodingHint is the CLI's advice for input that reads as enc: how to
// pass it ("" for no encoding).
func encodingHint(enc campaign.Encoding) string {
	if enc == "" {
		return ""
	}
	return fmt.Sprintf("; run again with -encoding %s (or -encoding auto)", enc)
}

// rowEncoding returns the encoding an input error row's bytes read as, or "".
func rowEncoding(r campaign.Row) campaign.Encoding {
	var ie *campaign.InputError
	if r.Err != nil && r.Err.Kind == campaign.KindInput && errors.As(r.Err.Err, &ie) {
		return ie.Encoding
	}
	return ""
}
