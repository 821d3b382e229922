package uniqueness

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"runtime"
	"slices"
)

// Defaults of Options.
const (
	DefaultThreshold  = 0.9
	DefaultMaxPairs   = 100_000
	DefaultExactUpTo  = 1_000
	DefaultWorstPairs = 10
	// TopGroups is the most groups Report.Groups lists.
	TopGroups = 10
	// NearestBins is the number of bins of Report.Nearest.
	NearestBins = 10
)

// Options configures Analyze. The zero value (and a nil *Options) means the
// defaults.
type Options struct {
	// Threshold is the similarity at or above which two messages are near
	// duplicates. 0 means DefaultThreshold (0.9); otherwise it must be in
	// (0, 1].
	Threshold float64
	// Workers is the number of goroutines; <= 0 means GOMAXPROCS.
	Workers int
	// Floor is the lowest similarity Report.MostSimilar and Report.Nearest
	// look at. 0 means Threshold-0.05 (Threshold itself if that is not
	// positive); otherwise it must be in (0, Threshold]. A lower floor costs
	// time: every pair is computed up to the distance the floor allows
	// (0.8 instead of 0.85 costs about three times as much on template
	// messages).
	Floor float64
	// MaxPairs caps len(Report.Pairs); Report.TotalPairs still counts every
	// pair. 0 means DefaultMaxPairs (100,000); negative means no cap.
	MaxPairs int
	// ExactUpTo is the number of distinct texts up to which every pair is
	// compared (the report is then exact). 0 means DefaultExactUpTo (1,000);
	// negative means always use MinHash candidates.
	ExactUpTo int
	// Seed seeds the MinHash hash functions and the sampling of
	// TotalPairs' estimate, so a report is repeatable.
	Seed uint64
	// WorstPairs is the number of pairs Report.WorstPairs keeps. 0 means
	// DefaultWorstPairs (10); negative means none.
	WorstPairs int
	// Labels, when not nil, has one label per message: messages with equal
	// labels are alike by construction (a campaign's template variant:
	// they differ only in the recipients' data), so they are compared with
	// each other first. Labels only choose which pairs are compared first;
	// every reported pair is still verified, so wrong labels cost time,
	// never a false pair. Its length must equal the number of messages.
	Labels []uint64
	// Progress, when not nil, is called from Analyze's goroutine as the
	// analysis advances, with done growing from 0 to total.
	Progress func(done, total int)
}

// Validate reports whether o is usable by Analyze, and why not. Analyze
// panics on options that Validate rejects: check first when the values come
// from a user.
func (o *Options) Validate() error {
	if o == nil {
		return nil
	}
	t := o.Threshold
	if math.IsNaN(t) || t < 0 || t > 1 {
		return fmt.Errorf("uniqueness: Threshold %v is outside (0, 1]; use 0 for the default %v", t, DefaultThreshold)
	}
	if t == 0 {
		t = DefaultThreshold
	}
	if f := o.Floor; math.IsNaN(f) || f < 0 || f > t {
		return fmt.Errorf("uniqueness: Floor %v is outside (0, Threshold=%v]; use 0 for the default", f, t)
	}
	return nil
}

// Group is one group of Report.Groups: a leader and the messages within the
// threshold of it.
type Group struct {
	Leader   int // the leader's first message
	Messages int // messages in the group, the leader's included
	Texts    int // distinct texts in the group
}

// Quantiles summarizes the messages' nearest-neighbour similarities. A
// message whose nearest neighbour is below Report.Floor counts as 0 (its
// exact similarity is not computed: below the floor it does not matter).
type Quantiles struct {
	P50, P90, Max float64
}

// Pair is two messages of a batch, by their indexes I < J, and their
// similarity.
type Pair struct {
	I, J       int
	Similarity float64
}

// Bin is one bin of a histogram of similarities: Count messages have a
// value s with Lo <= s < Hi (the last bin also holds s == Hi).
type Bin struct {
	Lo, Hi float64
	Count  int
}

// Report is what Analyze finds in a batch. Indexes are into the batch.
type Report struct {
	N        int    // messages
	Distinct int    // distinct texts (exact, byte for byte)
	Pairs    []Pair // pairs with Similarity >= Threshold, sorted by I, then J; at most MaxPairs
	// Score is the share of messages in no pair at or above Threshold: 1
	// means every message is unique at this threshold, 0 that every
	// message has a near duplicate (or an exact one).
	Score float64

	Threshold float64 // the threshold used
	Floor     float64 // the floor used for MostSimilar and Nearest

	// TotalPairs counts every pair at or above the threshold, also those
	// beyond MaxPairs: n identical messages make n(n-1)/2 pairs, so Pairs
	// keeps the first MaxPairs of them in (I, J) order and Truncated says so.
	TotalPairs int64
	Truncated  bool

	// Duplicates counts messages whose exact text occurs more than once.
	Duplicates int
	// Unique counts messages in no pair at or above the threshold:
	// Score = Unique/N (1 for an empty batch).
	Unique int

	// MostSimilar is the most similar pair of the batch (ties: the smallest
	// I, then J), or nil when no pair reaches Floor.
	MostSimilar *Pair

	// Nearest is the histogram of each message's nearest-neighbour
	// similarity (1 for a message with an exact duplicate), in NearestBins
	// equal bins from Floor to 1; BelowFloor counts the messages whose
	// nearest neighbour is below Floor.
	Nearest    []Bin
	BelowFloor int

	// Clusters are the connected groups of near duplicates: messages linked
	// by pairs at or above the threshold, each cluster sorted, clusters
	// biggest first (ties: smallest first index). Only clusters of two or
	// more messages are listed.
	Clusters [][]int

	// Exact is true when every pair of distinct texts was compared; else
	// pairs came from MinHash candidates: every reported pair is real,
	// a few may be missed, and Nearest below the threshold is a lower
	// estimate. Compared counts the pairs of distinct texts compared.
	Exact    bool
	Compared int64

	// MaxSameText is the most messages that share one exact text.
	MaxSameText int

	// Wordings is the number of groups of the greedy leader clustering:
	// the texts, taken in batch order, each join the first group whose
	// leader they are within the threshold of, or lead a new group. Every
	// member of a group is within the threshold of its leader, so a group
	// is one wording, however many variants or recipients it has; unlike
	// Clusters, groups never chain. Exact when Exact is true; beyond, a
	// text whose leader the candidates missed leads a group of its own, so
	// Wordings is an upper estimate. LargestGroup is the number of messages
	// in the biggest group, and Groups lists the TopGroups biggest
	// (ties: the earliest leader first).
	Wordings     int
	LargestGroup int
	Groups       []Group

	// NearestQuantiles are the median, 90th percentile and maximum of each
	// message's nearest-neighbour similarity over the batch. Exact when
	// Exact is true; beyond, each message's nearest neighbour is the most
	// similar of the candidates compared with it, a lower bound of the true
	// one, so the quantiles are lower bounds too.
	NearestQuantiles Quantiles

	// WorstPairs are the most similar pairs, most similar first (ties: the
	// smallest I, then J), at most Options.WorstPairs. Exact when Exact is
	// true; beyond, the most similar of the pairs verified.
	WorstPairs []Pair

	// PairsEstimated is true when TotalPairs is an estimate: beyond the
	// exact path, the pairs of exact copies are counted exactly, and the
	// rest are estimated from a random sample of pairs of messages (pairs
	// within a group and pairs across groups sampled apart, sampleSize of
	// each, every sampled pair verified exactly), never below the pairs
	// actually found. The standard error is about one percent of the pairs
	// of each kind.
	PairsEstimated bool
}

// Analyze reports how alike the messages of a batch are; it is
// AnalyzeContext without a context. It panics if opts fails Validate or if
// Options.Labels does not have one label per message.
func Analyze(msgs []string, opts *Options) *Report {
	r, err := AnalyzeContext(context.Background(), msgs, opts)
	if err != nil {
		panic(err.Error())
	}
	return r
}

// AnalyzeContext reports how alike the messages of a batch are: exact
// copies, every pair whose Similarity is at least the threshold, a score,
// the groups of one wording, the nearest-neighbour distribution, the most
// similar pairs, and clusters.
//
// With up to Options.ExactUpTo distinct texts every pair is compared (upper
// triangle, split across workers, each row's table built once, the cutoff
// kernel per pair) and the report is exact. Beyond, texts with equal
// Options.Labels are compared first, then the texts still without a near
// duplicate are looked up by MinHash over character 3-grams (LSH banding
// tuned to the threshold) among all texts, and every candidate is verified
// exactly: no reported pair is false, and time and memory stay linear in
// the batch (see the package doc).
//
// It returns ctx's error, and no report, when ctx is done first; an error
// if Options.Labels has the wrong length. It panics if opts fails Validate.
func AnalyzeContext(ctx context.Context, msgs []string, opts *Options) (*Report, error) {
	if err := opts.Validate(); err != nil {
		panic(err.Error())
	}
	var o Options
	if opts != nil {
		o = *opts
	}
	if o.Labels != nil && len(o.Labels) != len(msgs) {
		return nil, fmt.Errorf("uniqueness: %d labels for %d messages", len(o.Labels), len(msgs))
	}
	if o.Threshold == 0 {
		o.Threshold = DefaultThreshold
	}
	if o.Floor == 0 {
		o.Floor = o.Threshold - 0.05
		if o.Floor <= 0 {
			o.Floor = o.Threshold
		}
	}
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	if o.MaxPairs == 0 {
		o.MaxPairs = DefaultMaxPairs
	}
	if o.ExactUpTo == 0 {
		o.ExactUpTo = DefaultExactUpTo
	}
	if o.WorstPairs == 0 {
		o.WorstPairs = DefaultWorstPairs
	}

	b := prepare(msgs, o.Labels)
	b.thr, b.floor, b.nwork = o.Threshold, o.Floor, o.Workers
	d := len(b.first)
	r := &Report{N: len(msgs), Distinct: d, Threshold: o.Threshold, Floor: o.Floor}
	// Progress: the candidates take the first half, the groups the second.
	total := 2 * d
	progress := func(base int) func(int) {
		if o.Progress == nil {
			return nil
		}
		return func(done int) { o.Progress(base+done, total) }
	}
	if o.Progress != nil {
		o.Progress(0, total)
	}

	var pairs []dpair
	var searched []bool
	if o.ExactUpTo >= 0 && d <= o.ExactUpTo {
		pairs, r.Compared = b.exactPairs(ctx)
		r.Exact = true
	} else {
		var n int64
		pairs, n = b.labelPairs(ctx)
		r.Compared += n
		// Settled: a near duplicate of another text is known. Copies of
		// one text are not enough: the groups need a text's neighbours.
		settled := make([]bool, d)
		for _, p := range pairs {
			if p.sim >= b.thr {
				settled[p.g], settled[p.h] = true, true
			}
		}
		var us []int32
		for g, ok := range settled {
			if !ok {
				us = append(us, int32(g))
			}
		}
		searched = make([]bool, d)
		for _, u := range us {
			searched[u] = true
		}
		more, n := b.lshPairs(ctx, us, o.Seed, progress(0))
		pairs = append(pairs, more...)
		r.Compared += n
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if o.Progress != nil {
		o.Progress(d, total)
	}
	pairs = normalizePairs(pairs)
	gr, err := b.groups(ctx, newAdjacency(d, pairs, b.thr), r.Exact, searched, o.Seed, progress(d))
	if err != nil {
		return nil, err
	}
	r.Compared += gr.n
	pairs = normalizePairs(append(pairs, gr.pairs...))
	b.summarize(r, pairs, gr, &o)
	if o.Progress != nil {
		o.Progress(total, total)
	}
	return r, nil
}

// normalizePairs sorts pairs by (g, h) and drops repeats.
func normalizePairs(pairs []dpair) []dpair {
	slices.SortFunc(pairs, func(x, y dpair) int {
		if c := cmp.Compare(x.g, y.g); c != 0 {
			return c
		}
		return cmp.Compare(x.h, y.h)
	})
	return slices.CompactFunc(pairs, func(x, y dpair) bool { return x.g == y.g && x.h == y.h })
}

// exactPairs compares every pair of distinct texts whose lengths allow the
// floor: texts sorted by length, row p meets the longer texts after it
// until their length difference alone rules the floor out.
func (b *batch) exactPairs(ctx context.Context) ([]dpair, int64) {
	d := len(b.first)
	order := make([]int32, d)
	for g := range order {
		order[g] = int32(g)
	}
	slices.SortStableFunc(order, func(x, y int32) int { return cmp.Compare(b.length(x), b.length(y)) })
	return b.parallel(ctx, d, func(w *worker, p int) {
		g := order[p]
		lg := b.length(g)
		end := p + 1
		for end < d {
			lh := b.length(order[end])
			if lh-lg > w.maxDist(lh) {
				break
			}
			end++
		}
		if end > p+1 {
			w.row(g, order[p+1:end])
		}
	})
}
