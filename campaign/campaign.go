package campaign

import (
	"errors"
	"fmt"
	"hash/fnv"
	"math"
	"math/big"
	"math/bits"
	"runtime"
	"strings"

	"github.com/spinwise/spinwise/chunk"
	"github.com/spinwise/spinwise/internal/mix"
	"github.com/spinwise/spinwise/linkcheck"
	"github.com/spinwise/spinwise/plan"
	"github.com/spinwise/spinwise/randomizer"
	"github.com/spinwise/spinwise/template"
)

// Options configures a Campaign. The zero value works: distinct variants by
// position, seed 0, the shipped link lists, chunks of at most 300 runes, the
// uniqueness report at threshold 0.9, GOMAXPROCS workers.
type Options struct {
	// Fields maps CRM display names or Bitrix24 codes to data keys, as
	// template.Options.Fields does.
	Fields map[string]string
	// Syntax is the template's spintax dialect, as template.Options.Syntax.
	Syntax template.Syntax
	// MaxOutput caps one rendered message, in bytes; 0 means the template
	// package's default (64 KiB).
	MaxOutput int

	// Seed makes the run repeatable: the same seed, template and input
	// give the same rows.
	Seed uint64
	// ByKey picks each recipient's variant from (Seed, Key) alone instead of
	// from its position. Use it where recipients come one at a time (a CRM
	// robot) and the same client must always get the same wording. It gives
	// up the guarantee that recipients get pairwise different variants.
	ByKey bool
	// Start is the position of the first recipient of this run: a run
	// resumed at recipient N (0-based, counting every input record) with
	// Start N continues the variant sequence of the full run exactly.
	Start int

	// Suppress lists recipient keys that must not get a message (people
	// who asked not to be written to, or complained). Their rows carry an
	// error of KindSuppressed. With a phone column an entry also matches
	// the recipients whose phone it is, normalized as ParsePhone does
	// ("8 (999) 123-45-67" matches +79991234567): a list of opted-out
	// numbers works as well as a list of keys.
	Suppress []string
	// Links configures the link checker; nil means the shipped shortener
	// list with wa.me allowed.
	Links *linkcheck.Options
	// Chunk configures the split into short messages; the zero value means
	// at most 300 runes a chunk.
	Chunk chunk.Options

	// Threshold is the similarity at or above which two messages count as
	// near-duplicates in the report; 0 means 0.9.
	Threshold float64
	// NoAnalysis skips the uniqueness analysis. The analysis keeps every
	// message's text until the end of the run (memory grows with the
	// batch, about the size of the texts); without it a run's memory is
	// bounded whatever the number of recipients.
	NoAnalysis bool
	// Workers is the number of goroutines that render; 0 means GOMAXPROCS.
	// More than MaxWorkers are taken as MaxWorkers: the work is CPU-bound,
	// and each worker holds batches in flight.
	Workers int

	// PhoneField names the data field that holds the recipient's phone
	// number (see ParsePhone). "" means the field whose name says it is one
	// ("Телефон", "Мобильный телефон", "Phone", "PHONE", "Контакт: Телефон",
	// "WhatsApp", ...; a mobile one before a generic one, a work or home
	// one last), found on the first readable record; the report names it.
	// With a phone column, each row carries the number in E.164 (Row.Phone,
	// Row.WAID), a missing or invalid number is an error row of KindPhone,
	// and a recipient whose number an earlier one has is an error row of
	// KindDuplicatePhone. Without one, rows are as they were. A PhoneField
	// that the first readable record lacks is Run's error.
	PhoneField string
	// NoPhone turns the phone column off, found or named.
	NoPhone bool
	// Region is the ISO 3166 code of the country of numbers written
	// without a country code; "" means DefaultRegion (RU).
	Region string
	// Resume says the source holds the whole input, from its first record,
	// and not the records from Start on: Run reads the first Start records
	// without giving them rows (their phones still count, so a phone that
	// the interrupted run already wrote to is a duplicate in this one too),
	// and the rows start at record Start.
	Resume bool

	// Risk, when not nil, makes the report carry a risk assessment of the
	// batch for the sending account (see RiskInput).
	Risk *RiskInput

	// Plan, when not nil, gives every message a send time (Row.SendAt)
	// from a plan.Planner with these options, in input order, and makes
	// the report carry the plan (Report.Plan). Its Seed is replaced by
	// Options.Seed. Known and KnownField say which recipients are already
	// in a dialog with the business: they are not new recipients, so they
	// count against the plan's message cap only (and not in the risk
	// assessment's NewRecipients, unless the RiskInput gives that number).
	Plan *plan.Options
	// Known lists the keys of recipients already in a dialog with the
	// business.
	Known []string
	// KnownField names a data field that marks a recipient as known: any
	// value but a missing or empty one, false, 0, and "0", "false", "no",
	// "n", "нет", "н", "-" (in any case, trimmed).
	KnownField string

	// Progress, when not nil, is called from Run's goroutine after each
	// group of rows reaches the sink, with the number of rows so far.
	Progress func(rows int)
	// BeforeReport, when not nil, is called from Run's goroutine once every
	// row has reached the sink and before the report is made (the
	// uniqueness analysis can take a while): a caller flushes its output
	// there, so that every row is written before the wait. An error ends
	// the run with that error.
	BeforeReport func() error
	// AnalysisProgress, when not nil, is called from Run's goroutine as the
	// uniqueness analysis advances, with done growing from 0 to total.
	AnalysisProgress func(done, total int)
}

// Campaign is a parsed template with its settings, ready to run over any
// number of recipient lists. It is safe for concurrent use.
type Campaign struct {
	opts     Options
	tmpl     *template.Template
	spin     *randomizer.Spintax
	count    *big.Int
	count64  uint64 // count when it fits in 64 bits, else 0
	links    *linkcheck.Checker
	suppress map[string]struct{}
	known    map[string]struct{}
	fields   []string
	region   string              // Options.Region, checked
	supPhone map[uint64]struct{} // the suppression list's phones (E.164 digits)
	names    fieldScores         // phone column scores of field names, for Message

	spacedLinks []spacedLink // the template's rejected links written with spaces
}

// MaxStart is the largest Options.Start (2^62-1 where int has 64 bits):
// positions count on from it without overflowing an int.
const MaxStart = math.MaxInt >> 1

// MaxWorkers caps Options.Workers.
const MaxWorkers = 256

// New parses src and prepares a campaign. A template syntax error is a
// *template.Error (with line and column); other errors are about the options.
func New(src string, opts *Options) (*Campaign, error) {
	c := &Campaign{}
	if opts != nil {
		c.opts = *opts
	}
	if c.opts.Start < 0 || c.opts.Start > MaxStart {
		return nil, fmt.Errorf("campaign: Start is %d; it must be between 0 and %d", c.opts.Start, MaxStart)
	}
	if !(c.opts.Threshold >= 0 && c.opts.Threshold <= 1) { // NaN too
		return nil, fmt.Errorf("campaign: Threshold is %v; it must be between 0 and 1", c.opts.Threshold)
	}
	if c.opts.Threshold == 0 {
		c.opts.Threshold = 0.9
	}
	if c.opts.Workers <= 0 {
		c.opts.Workers = runtime.GOMAXPROCS(0)
	}
	c.opts.Workers = min(c.opts.Workers, MaxWorkers)
	region, err := validRegion(c.opts.Region)
	if err != nil {
		return nil, err
	}
	c.region = region
	tmpl, err := template.Parse(src, &template.Options{Fields: c.opts.Fields, Seed: c.opts.Seed, MaxOutput: c.opts.MaxOutput, Syntax: c.opts.Syntax})
	if err != nil {
		return nil, err
	}
	c.tmpl = tmpl
	c.count = tmpl.Count()
	if c.count.Sign() <= 0 {
		return nil, errors.New("campaign: the template has no variants")
	}
	if c.count.IsUint64() {
		c.count64 = c.count.Uint64()
	}
	if !c.opts.ByKey {
		// The template's variants are its spintax's, whose keyed
		// permutation indexes them.
		c.spin = tmpl.Spintax()
	}
	c.fields = tmpl.Fields()
	c.links = linkcheck.New(c.opts.Links)
	c.untidied(src)
	if len(c.opts.Suppress) > 0 {
		c.suppress = make(map[string]struct{}, len(c.opts.Suppress))
		for _, k := range c.opts.Suppress {
			c.suppress[strings.TrimSpace(k)] = struct{}{}
		}
		c.supPhone = phoneSuppress(c.opts.Suppress, c.region)
	}
	if len(c.opts.Known) > 0 {
		c.known = make(map[string]struct{}, len(c.opts.Known))
		for _, k := range c.opts.Known {
			c.known[strings.TrimSpace(k)] = struct{}{}
		}
	}
	if c.opts.Plan != nil {
		if _, err := c.planner(); err != nil {
			return nil, fmt.Errorf("campaign: %w", err)
		}
	}
	return c, nil
}

// Template returns the parsed template.
func (c *Campaign) Template() *template.Template { return c.tmpl }

// Count returns the number of spintax variants of the template: how many
// recipients can get pairwise different variants.
func (c *Campaign) Count() *big.Int { return new(big.Int).Set(c.count) }

// Variant returns the index of the variant the recipient with this key at
// this position gets: with ByKey, a function of (Seed, key); otherwise the
// position's item of the randomizer's seeded sample, wrapping around after
// Count() positions.
func (c *Campaign) Variant(key string, pos int) (*big.Int, error) {
	if c.opts.ByKey {
		return c.keyVariant(key), nil
	}
	var k *big.Int
	if c.count64 != 0 {
		k = new(big.Int).SetUint64(uint64(pos) % c.count64)
	} else {
		k = big.NewInt(int64(pos)) // pos < 2^63 <= count: no wrap
	}
	return c.spin.SampleAt(c.opts.Seed, k)
}

// keyVariant maps (Seed, key) to a variant index, uniformly enough.
func (c *Campaign) keyVariant(key string) *big.Int {
	h := fnv.New64a()
	h.Write([]byte(key))
	x := h.Sum64() ^ c.opts.Seed*0x9E3779B97F4A7C15
	if c.count64 != 0 {
		hi, _ := bits.Mul64(mix.SplitMix64(&x), c.count64)
		return new(big.Int).SetUint64(hi)
	}
	// Huge counts: 256 bits of hash reduced modulo the count.
	words := make([]big.Word, 256/bits.UintSize)
	for i := range words {
		words[i] = big.Word(mix.SplitMix64(&x))
	}
	n := new(big.Int).SetBits(words)
	return n.Mod(n, c.count)
}

// Message renders, checks and splits the message for one recipient at
// position pos (see Options.Start; with ByKey the position does not matter).
// It is what each worker of Run does; a CRM robot that sends one message at
// a time calls it directly (with ByKey, so the same client always gets the
// same wording). Failures are in Row.Err, never a panic. Message does not
// count anything: reports come from Run.
//
// With a phone column (see Options.PhoneField) Message normalizes the
// recipient's phone, but it cannot tell duplicates: that takes the whole
// input, in Run.
func (c *Campaign) Message(r Recipient, pos int) Row {
	po := c.phoneOf(&r, c.phoneField(&r))
	return c.message(r, pos, &po)
}

// message is Message with the phone already read from the column Run
// decided.
func (c *Campaign) message(r Recipient, pos int, po *phoneOutcome) Row {
	row := Row{Index: pos, Key: r.Key}
	if r.Err != nil {
		row.Err = &RowError{Kind: KindInput, Message: inputMessage(r.Err), Line: r.Line, Err: r.Err}
		return row
	}
	if !c.phoneRow(&row, po, r.Line) {
		return row
	}
	if _, ok := c.suppress[r.Key]; ok {
		row.Err = &RowError{Kind: KindSuppressed, Message: "the key is on the suppression list", Line: r.Line}
		return row
	}
	if _, ok := c.supPhone[po.key]; ok && po.key != 0 {
		row.Err = &RowError{Kind: KindSuppressed, Message: "the phone " + row.Phone + " is on the suppression list", Line: r.Line}
		return row
	}
	idx, err := c.Variant(r.Key, pos)
	if err != nil {
		row.Err = &RowError{Kind: KindRender, Message: err.Error(), Line: r.Line, Err: err}
		return row
	}
	row.Variant = idx.String()
	text, err := c.tmpl.RenderVariant(r.Data, idx)
	if err != nil {
		row.Err = renderError(err, r.Line)
		return row
	}
	if strings.TrimSpace(text) == "" {
		// Nothing to send: an empty row must not pass for a message.
		row.Err = &RowError{Kind: KindRender, Line: r.Line,
			Message: "the message is empty: this variant and the recipient's fields give no text; give the template text outside its empty options and fields"}
		return row
	}
	row.Links = c.links.Check(text)
	if l := c.untidiedLink(r, text, idx); l != nil {
		row.Links = append(row.Links, *l) // judged before the tidy; it fails the row below
	}
	for _, l := range row.Links {
		if l.Verdict != linkcheck.OK {
			msg := l.Text
			if l.Reason != "" {
				msg += ": " + l.Reason
			}
			row.Err = &RowError{Kind: KindLink, Message: msg, Link: l.Text, Line: r.Line}
			row.Links = nil
			return row
		}
	}
	// The links just checked are the spans Split must keep whole: it need
	// not look for them again.
	chunks, err := chunk.SplitLinks(text, row.Links, &c.opts.Chunk)
	if err != nil {
		row.Links = nil
		var se *chunk.SpanError
		if errors.As(err, &se) {
			row.Err = &RowError{Kind: KindTooLong, Message: err.Error(), Line: r.Line, Err: err}
		} else {
			row.Err = &RowError{Kind: KindRender, Message: err.Error(), Line: r.Line, Err: err}
		}
		return row
	}
	row.Text = text
	row.Chunks = chunks
	row.Known = c.isKnown(r)
	return row
}

func inputMessage(err error) string {
	var ie *InputError
	if errors.As(err, &ie) {
		return ie.Msg // the line is in RowError.Line
	}
	return err.Error()
}

func renderError(err error, line int) *RowError {
	var me *template.MissingError
	if errors.As(err, &me) {
		return &RowError{Kind: KindMissingField, Message: err.Error(), Field: me.Field, Line: line, Err: err}
	}
	return &RowError{Kind: KindRender, Message: err.Error(), Line: line, Err: err}
}

var one = big.NewInt(1)
