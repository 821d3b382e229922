package campaign

import (
	"context"
	"fmt"
	"hash/fnv"
	"io"
	"math/big"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/spinwise/spinwise/linkcheck"
	"github.com/spinwise/spinwise/plan"
	"github.com/spinwise/spinwise/risk"
	"github.com/spinwise/spinwise/uniqueness"
)

// Report describes a run: what came in, what went out, why some recipients
// got no message, how varied the batch is and, when asked, the risk. It
// marshals to JSON (the CLI's -report file) and prints for people with
// WriteText.
type Report struct {
	// Recipients is the number of records read: always the number of rows.
	Recipients int `json:"recipients"`
	// Messages is the number of rows with a message.
	Messages int `json:"messages"`
	// Chunks is the number of short messages over all messages.
	Chunks int `json:"chunks"`
	// Failed is the number of error rows other than suppressed ones and
	// duplicate phones (see Kind.Failure).
	Failed int `json:"failed"`
	// Errors counts error rows by kind (suppressed ones included).
	Errors map[Kind]int `json:"errors"`
	// Variants says how many of the template's variants the batch used.
	Variants Variants `json:"variants"`
	// Length is the range of the messages' lengths, in runes (whole
	// texts, before splitting).
	Length Length `json:"length_runes"`
	// Uniqueness is the near-duplicate analysis of the messages; nil with
	// Options.NoAnalysis.
	Uniqueness *Uniqueness `json:"uniqueness,omitempty"`
	// Risk is the risk assessment for the sending account; nil unless
	// Options.Risk is set. With a plan it assesses the batch sent at once;
	// Plan assesses each planned day.
	Risk *risk.Assessment `json:"risk,omitempty"`
	// Plan is the send plan (Options.Plan): its days, the recipients of
	// each, the first and last send, each day's risk; nil without a plan.
	Plan *plan.Report `json:"plan,omitempty"`
	// DuplicateKeys is the number of messages whose key an earlier message
	// of the batch already has: the same person would be written to twice.
	// It is counted with the uniqueness analysis (it needs every key), so
	// it is 0 with Options.NoAnalysis.
	DuplicateKeys int `json:"duplicate_keys,omitempty"`
	// Phones counts the phones when the data has a phone column (see
	// Options.PhoneField); nil otherwise.
	Phones *PhoneReport `json:"phones,omitempty"`
	// Warnings are sentences a sender should read before sending.
	Warnings []string `json:"warnings,omitempty"`

	questions int              // messages whose text asks a question
	known     int              // messages to known recipients
	withField int              // messages whose data has Options.KnownField
	links     []linkcheck.Link // distinct hosts of the messages' links
}

// Variants is the variant part of a Report.
type Variants struct {
	// Count is the template's number of variants, in decimal (it can
	// exceed 64 bits).
	Count string `json:"count"`
	// Used is the number of different variants the messages got.
	Used int `json:"used"`
	// Seed, Start and ByKey repeat the options that chose them.
	Seed  uint64 `json:"seed"`
	Start int    `json:"start"`
	ByKey bool   `json:"by_key,omitempty"`
}

// Length is a range of lengths in runes.
type Length struct {
	Min  int     `json:"min"`
	Max  int     `json:"max"`
	Mean float64 `json:"mean"`
}

// Uniqueness is the report's summary of uniqueness.Analyze over the texts of
// the batch's messages: whether one text goes to many people, how many
// different wordings the batch really has, and where the template repeats
// itself. Verdict and Advice say it in a sentence each.
type Uniqueness struct {
	Threshold float64 `json:"threshold"`
	// Score is the share of messages with no near-duplicate at Threshold:
	// 1 means every message is unique. ScorePercent is the same in
	// percent, rounded to one decimal.
	Score        float64 `json:"score"`
	ScorePercent float64 `json:"score_percent"`
	// Verdict is one line on how varied the batch reads; Advice says what
	// to change, or is empty when nothing needs to.
	Verdict string `json:"verdict"`
	Advice  string `json:"advice,omitempty"`
	// Distinct is the number of different texts; MaxSameText the most
	// recipients that get one exact text.
	Distinct    int `json:"distinct"`
	MaxSameText int `json:"max_same_text"`
	// EffectiveWordings is the number of groups of messages within
	// Threshold of their group's leader (greedy leader clustering: groups
	// never chain), LargestGroup the number of recipients of the biggest,
	// and Groups the biggest few, each with its leader's key.
	EffectiveWordings int         `json:"effective_wordings"`
	LargestGroup      int         `json:"largest_group"`
	Groups            []GroupInfo `json:"groups,omitempty"`
	// Nearest is the distribution of each message's nearest-neighbour
	// similarity (0 stands for "below the floor", Threshold-0.05).
	Nearest Nearest `json:"nearest"`
	// SimilarPairs is the number of pairs at or above Threshold; an
	// estimate when SimilarPairsEstimated (see uniqueness.Report).
	SimilarPairs          int64 `json:"similar_pairs"`
	SimilarPairsEstimated bool  `json:"similar_pairs_estimated,omitempty"`
	// Exact is true when every pair was compared; false when the batch
	// was large enough for candidate pairs (every reported pair is real;
	// a few may be missed, and Nearest is a lower bound).
	Exact bool `json:"exact"`
	// Clusters is the number of connected groups of near-duplicates
	// (messages linked by similar pairs, chains included); LargestCluster
	// lists the keys of the biggest one (at most ten) and
	// LargestClusterSize its size. EffectiveWordings is the more telling
	// count: a campaign's messages often chain into one cluster.
	Clusters           int      `json:"clusters"`
	LargestClusterSize int      `json:"largest_cluster_size,omitempty"`
	LargestCluster     []string `json:"largest_cluster,omitempty"`
	// WorstPairs are the most similar pairs, most similar first (at most
	// ten; ties by row order), by recipient key.
	WorstPairs []SimilarPair `json:"worst_pairs,omitempty"`
	// Invariant are the longest runs of template text that every variant
	// shares (outside every spintax group, placeholder and condition),
	// longest first: where to add options. At most five, each at least
	// ten runes.
	Invariant []InvariantRun `json:"invariant,omitempty"`
	// Analysis is the full analysis, with message indexes into the batch's
	// messages (error rows skipped) in row order.
	Analysis *uniqueness.Report `json:"-"`
}

// GroupInfo is one group of messages of one wording.
type GroupInfo struct {
	LeaderKey  string `json:"leader_key"`
	Recipients int    `json:"recipients"`
	Texts      int    `json:"texts"`
}

// Nearest is a distribution of nearest-neighbour similarities.
type Nearest struct {
	P50   float64 `json:"p50"`
	P90   float64 `json:"p90"`
	Max   float64 `json:"max"`
	Exact bool    `json:"exact"`
}

// SimilarPair is a pair of near-duplicate messages, by recipient key.
type SimilarPair struct {
	A          string  `json:"a"`
	B          string  `json:"b"`
	Similarity float64 `json:"similarity"`
}

// accumulator builds the Report from the rows, in Run's goroutine.
type accumulator struct {
	c       *Campaign
	rep     Report
	texts   []string // for the analysis
	keys    []string
	labels  []uint64 // each message's variant, hashed
	arena   *arena   // holds the texts and keys
	runes   int
	maxPos  int
	bitmap  []uint64            // used variants when the count is small
	hashes  map[uint64]struct{} // used variants otherwise, when they may repeat
	hostSet map[string]bool
	plan    *plan.Planner // nil without Options.Plan
	phones  PhoneReport
}

const bitmapMax = 1 << 20 // variants; a bitmap of at most 128 KiB

func newAccumulator(c *Campaign) *accumulator {
	a := &accumulator{c: c, maxPos: -1, hostSet: map[string]bool{}}
	a.rep.Errors = map[Kind]int{}
	a.rep.Variants = Variants{Count: c.count.String(), Seed: c.opts.Seed, Start: c.opts.Start, ByKey: c.opts.ByKey}
	if c.count64 != 0 && c.count64 <= bitmapMax {
		a.bitmap = make([]uint64, (c.count64+63)/64)
	}
	return a
}

func (a *accumulator) add(r *Row) {
	a.rep.Recipients++
	a.maxPos = max(a.maxPos, r.Index)
	a.addPhone(r)
	if r.Err != nil {
		a.rep.Errors[r.Err.Kind]++
		if r.Err.Kind.Failure() {
			a.rep.Failed++
		}
		return
	}
	a.rep.Messages++
	if r.Known {
		a.rep.known++
	}

	a.rep.Chunks += len(r.Chunks)
	n := utf8.RuneCountInString(r.Text)
	if a.rep.Messages == 1 || n < a.rep.Length.Min {
		a.rep.Length.Min = n
	}
	a.rep.Length.Max = max(a.rep.Length.Max, n)
	a.runes += n
	if risk.AsksQuestion(r.Text) {
		a.rep.questions++
	}
	for _, l := range r.Links {
		if !a.hostSet[l.Host] && len(a.hostSet) < 100 {
			a.hostSet[l.Host] = true
			a.rep.links = append(a.rep.links, l)
		}
	}
	a.useVariant(r)
	if !a.c.opts.NoAnalysis {
		if a.arena == nil {
			a.arena = newArena()
		}
		a.texts = append(a.texts, a.arena.intern(r.Text))
		a.keys = append(a.keys, a.arena.copy(r.Key))
		a.labels = append(a.labels, variantLabel(r.Variant))
	}
}

func (a *accumulator) useVariant(r *Row) {
	switch {
	case a.bitmap != nil:
		v, err := strconv.ParseUint(r.Variant, 10, 64)
		if err == nil && v < a.c.count64 {
			if a.bitmap[v/64]&(1<<(v%64)) == 0 {
				a.bitmap[v/64] |= 1 << (v % 64)
				a.rep.Variants.Used++
			}
		}
	case !a.c.opts.ByKey && (a.c.count64 == 0 || uint64(r.Index) < a.c.count64):
		// Positions below the count get pairwise different variants.
		a.rep.Variants.Used++
	default:
		if a.hashes == nil {
			a.hashes = map[uint64]struct{}{}
		}
		h := fnv.New64a()
		h.Write([]byte(r.Variant))
		if _, seen := a.hashes[h.Sum64()]; !seen {
			a.hashes[h.Sum64()] = struct{}{}
			a.rep.Variants.Used++
		}
	}
}

// finish completes the report. It returns ctx's error when ctx is done
// during the uniqueness analysis; the report then has no Uniqueness.
func (a *accumulator) finish(ctx context.Context) (*Report, error) {
	rep := &a.rep
	c := a.c
	if rep.Messages > 0 {
		rep.Length.Mean = float64(a.runes) / float64(rep.Messages)
	}
	if rep.Recipients == 0 {
		rep.Warnings = append(rep.Warnings, "the input has no recipients: nothing to send; check that the export has rows under its header")
	}
	if !c.opts.ByKey && a.maxPos >= 0 && new(big.Int).SetInt64(int64(a.maxPos)).Cmp(c.count) >= 0 {
		if c.count.Cmp(big.NewInt(1)) == 0 {
			rep.Warnings = append(rep.Warnings, fmt.Sprintf(
				"the template has one variant: all %d recipient positions get the same wording; add spintax options to give everyone a different text",
				a.maxPos+1))
		} else {
			rep.Warnings = append(rep.Warnings, fmt.Sprintf(
				"the template has %s variants, fewer than the %d recipient positions: variants repeat every %s recipients; add spintax options to give everyone a different text",
				c.count, a.maxPos+1, c.count))
		}
	}
	if c.opts.ByKey && rep.Variants.Used < rep.Messages {
		rep.Warnings = append(rep.Warnings, fmt.Sprintf(
			"%s a variant with another (variants chosen by key)", plural(rep.Messages-rep.Variants.Used, "message shares", "messages share")))
	}
	if !c.opts.NoAnalysis {
		seen := make(map[string]struct{}, len(a.keys))
		first := ""
		for _, k := range a.keys {
			if _, dup := seen[k]; dup {
				if rep.DuplicateKeys == 0 {
					first = k
				}
				rep.DuplicateKeys++
				continue
			}
			seen[k] = struct{}{}
		}
		if rep.DuplicateKeys > 0 {
			rep.Warnings = append(rep.Warnings, fmt.Sprintf(
				"%s to a key that already got one (the first: %q): if the key is the person, they would be written to twice; remove the repeated rows, or key the data by a column that is unique",
				plural(rep.DuplicateKeys, "message goes", "messages go"), first))
		}
		u, err := a.uniqueness(ctx)
		if err != nil {
			return rep, err
		}
		rep.Uniqueness = u
		if u.Advice != "" {
			rep.Warnings = append(rep.Warnings, fmt.Sprintf("the messages read as %s; %s", u.Verdict, u.Advice))
		}
		a.texts, a.keys, a.labels, a.arena = nil, nil, nil, nil
	}
	if c.opts.KnownField != "" && rep.Messages > 0 && rep.withField == 0 {
		rep.Warnings = append(rep.Warnings, fmt.Sprintf(
			"no recipient's data has the field %q that marks known recipients: every recipient counts as new; check the name of the column (Options.KnownField)",
			c.opts.KnownField))
	}
	if c.opts.Risk != nil {
		as := c.assess(rep)
		rep.Risk = &as
	}
	if a.plan != nil {
		rep.Plan = a.plan.Report(c.batchPlan(rep))
		if !rep.Plan.OK() {
			rep.Warnings = append(rep.Warnings, "no safe send plan: "+rep.Plan.Error)
		}
	}
	return rep, nil
}

// WriteText prints the report for people, in a few lines.
func (r *Report) WriteText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "recipients: %d, messages: %d (%d chunks), failed: %d\n", r.Recipients, r.Messages, r.Chunks, r.Failed)
	if len(r.Errors) > 0 {
		kinds := make([]string, 0, len(r.Errors))
		for k := range r.Errors {
			kinds = append(kinds, string(k))
		}
		slices.Sort(kinds)
		b.WriteString("errors:")
		for i, k := range kinds {
			if i > 0 {
				b.WriteString(",")
			}
			fmt.Fprintf(&b, " %s %d", k, r.Errors[Kind(k)])
		}
		b.WriteString("\n")
	}
	mode := "distinct by position"
	if r.Variants.ByKey {
		mode = "by key"
	}
	fmt.Fprintf(&b, "variants: %d used of %s (%s, seed %d, start %d)\n", r.Variants.Used, r.Variants.Count, mode, r.Variants.Seed, r.Variants.Start)
	if r.Messages > 0 {
		fmt.Fprintf(&b, "length: %d to %d runes, mean %.0f\n", r.Length.Min, r.Length.Max, r.Length.Mean)
	}
	if u := r.Uniqueness; u != nil {
		u.writeText(&b)
	}
	if r.Phones != nil {
		r.Phones.writeText(&b)
	}
	if rk := r.Risk; rk != nil {
		if r.Plan != nil {
			fmt.Fprintf(&b, "risk of the whole batch at once: %s (each planned day's risk is in the plan below)\n", rk.Level)
		} else {
			fmt.Fprintf(&b, "risk: %s\n", rk.Level)
		}
		for _, f := range rk.Findings {
			fmt.Fprintf(&b, "  [%s] %s: %s\n", f.Level, f.Code, f.Message)
		}
		fmt.Fprintf(&b, "  limits: new recipients a day %s, messages a day %s, groups %v\n",
			limit(rk.Limits.NewRecipientsPerDay), limit(rk.Limits.MessagesPerDay), rk.Limits.Groups)
	}
	if r.Plan != nil {
		var pb strings.Builder
		r.Plan.WriteText(&pb)
		b.WriteString(pb.String())
		if r.Plan.OK() && r.Plan.Messages > 0 {
			fmt.Fprintf(&b, "  to go on with the next recipient in another run: -start %d -from %s -plan-state %s\n",
				r.Variants.Start+r.Recipients, r.Plan.From.Format(time.RFC3339), r.Plan.Next)
		}
	}
	for _, wn := range r.Warnings {
		fmt.Fprintf(&b, "warning: %s\n", wn)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// plural prints n with the singular or plural noun (English: one, many).
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

func plural64(n int64, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.FormatInt(n, 10) + " " + many
}

func limit(n int) string {
	if n < 0 {
		return "no fixed cap"
	}
	return strconv.Itoa(n)
}

// MostSimilar returns the n most similar of pairs (all of them when n is
// negative), most similar first; pairs of equal similarity keep their order.
// pairs itself is not changed.
//
// Deprecated: use [uniqueness.MostSimilar], where it belongs; the report's
// own worst pairs come from [uniqueness.Report].WorstPairs.
func MostSimilar(pairs []uniqueness.Pair, n int) []uniqueness.Pair {
	return uniqueness.MostSimilar(pairs, n)
}

// schedule gives a message its time in the plan.
func (a *accumulator) schedule(r *Row) {
	if a.plan == nil || r.Err != nil {
		return
	}
	if t, err := a.plan.Next(r.Index, r.Known); err == nil {
		r.SendAt = t
	}
}
