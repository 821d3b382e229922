package uniqueness

import (
	"cmp"
	"fmt"
	"math"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"unicode/utf8"
)

// Defaults of Options.
const (
	DefaultThreshold = 0.9
	DefaultMaxPairs  = 100_000
	DefaultExactUpTo = 5_000
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
	// compared (the report is then exact). 0 means DefaultExactUpTo (5,000);
	// negative means always use MinHash candidates.
	ExactUpTo int
	// Seed seeds the MinHash hash functions, so a report is repeatable.
	Seed uint64
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
}

// dpair is a pair of distinct texts g < h at or above the floor.
type dpair struct {
	g, h int32
	sim  float64
}

// batch is the prepared input of Analyze.
type batch struct {
	group  []int32 // message -> distinct text
	first  []int32 // distinct text -> first message
	size   []int32 // distinct text -> number of messages
	off    []int32 // distinct text -> its ids are ids[off[g]:off[g+1]]
	ids    []int32 // runes as global ids 1..alpha
	alpha  int
	thr    float64
	floor  float64
	nwork  int
	memOff []int32 // members of g: mem[memOff[g]:memOff[g+1]], ascending
	mem    []int32
}

func (b *batch) text(g int32) []int32 { return b.ids[b.off[g]:b.off[g+1]] }

// Analyze reports how alike the messages of a batch are: every pair whose
// Similarity is at least the threshold, exact duplicates, a score, the most
// similar pair, the nearest-neighbour histogram and clusters. With up to
// Options.ExactUpTo distinct texts every pair is compared (upper triangle,
// split across workers, each row's table built once, the cutoff kernel per
// pair); beyond, candidate pairs come from MinHash over character 3-grams
// (one-permutation hashing with densification) and LSH banding tuned to the
// threshold, and each candidate is verified exactly. It panics if opts fails
// Validate.
func Analyze(msgs []string, opts *Options) *Report {
	if err := opts.Validate(); err != nil {
		panic(err.Error())
	}
	var o Options
	if opts != nil {
		o = *opts
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

	b := prepare(msgs)
	b.thr, b.floor, b.nwork = o.Threshold, o.Floor, o.Workers
	r := &Report{N: len(msgs), Distinct: len(b.first), Threshold: o.Threshold, Floor: o.Floor}
	var pairs []dpair
	if o.ExactUpTo >= 0 && r.Distinct <= o.ExactUpTo {
		pairs, r.Compared = b.exactPairs()
		r.Exact = true
	} else {
		pairs, r.Compared = b.lshPairs(o.Seed)
	}
	b.report(r, pairs, o.MaxPairs)
	return r
}

// prepare groups equal texts and maps runes to global dense ids.
func prepare(msgs []string) *batch {
	b := &batch{group: make([]int32, len(msgs))}
	seen := make(map[string]int32, len(msgs))
	runes := 0
	for i, s := range msgs {
		g, ok := seen[s]
		if !ok {
			g = int32(len(b.first))
			seen[s] = g
			b.first = append(b.first, int32(i))
			b.size = append(b.size, 0)
			runes += utf8.RuneCountInString(s)
		}
		b.group[i] = g
		b.size[g]++
	}
	var lut runeIDs
	b.ids = make([]int32, 0, runes)
	b.off = make([]int32, 1, len(b.first)+1)
	for _, i := range b.first {
		for _, r := range msgs[i] {
			b.ids = append(b.ids, lut.add(r))
		}
		b.off = append(b.off, int32(len(b.ids)))
	}
	b.alpha = lut.len()
	d := len(b.first)
	b.memOff = make([]int32, d+1)
	for g := 0; g < d; g++ {
		b.memOff[g+1] = b.memOff[g] + b.size[g]
	}
	b.mem = make([]int32, len(msgs))
	fill := make([]int32, d)
	for i, g := range b.group {
		b.mem[b.memOff[g]+fill[g]] = int32(i)
		fill[g]++
	}
	return b
}

// worker is one goroutine's working memory for verifying pairs.
type worker struct {
	b       *batch
	remap   []int32 // global id -> local id of the current row's pattern
	touched []int32
	pat     []int32
	text    []int32
	tc      []int32
	mt, win matcher
	out     []dpair
	n       int64
	kcache  map[int]int
	hs      []int32
}

func newWorker(b *batch) *worker {
	return &worker{b: b, remap: make([]int32, b.alpha+1), kcache: make(map[int]int)}
}

// maxDist is maxDist(l, floor), memoized per length.
func (w *worker) maxDist(l int) int {
	if k, ok := w.kcache[l]; ok {
		return k
	}
	k := maxDist(l, w.b.floor)
	w.kcache[l] = k
	return k
}

// row builds the pattern of distinct text g and compares it with each h in
// hs, appending pairs at or above the floor to w.out.
func (w *worker) row(g int32, hs []int32) {
	b := w.b
	src := b.text(g)
	w.pat = grow32(w.pat, len(src))
	d := int32(0)
	for i, c := range src {
		l := w.remap[c]
		if l == 0 {
			d++
			l = d
			w.remap[c] = l
			w.touched = append(w.touched, c)
		}
		w.pat[i] = l
	}
	w.mt.build(w.pat, int(d))
	w.tc = grow32(w.tc, int(d)+1)
	m := len(src)
	for _, h := range hs {
		t := b.text(h)
		n := len(t)
		l := max(m, n)
		k := w.maxDist(l)
		if m-n > k || n-m > k {
			continue
		}
		w.text = grow32(w.text, n)
		for i, c := range t {
			w.text[i] = w.remap[c]
		}
		w.n++
		dist := runPair(&w.mt, &w.win, w.pat, w.text, w.tc, int(d), k)
		if dist <= k {
			x, y := g, h
			if x > y {
				x, y = y, x
			}
			w.out = append(w.out, dpair{x, y, similarity(dist, l)})
		}
	}
	for _, c := range w.touched {
		w.remap[c] = 0
	}
	w.touched = w.touched[:0]
}

// parallel runs rows 0..tasks-1 on the batch's workers, task(w, i) doing
// row i, and returns every worker's pairs and comparison count.
func (b *batch) parallel(tasks int, task func(w *worker, i int)) ([]dpair, int64) {
	nw := max(1, min(b.nwork, tasks))
	ws := make([]*worker, nw)
	var next atomic.Int64
	var wg sync.WaitGroup
	for wi := range ws {
		w := newWorker(b)
		ws[wi] = w
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= tasks {
					return
				}
				task(w, i)
			}
		}()
	}
	wg.Wait()
	var out []dpair
	var n int64
	for _, w := range ws {
		out = append(out, w.out...)
		n += w.n
	}
	return out, n
}

// exactPairs compares every pair of distinct texts whose lengths allow the
// floor: texts sorted by length, row p meets the longer texts after it
// until their length difference alone rules the floor out.
func (b *batch) exactPairs() ([]dpair, int64) {
	d := len(b.first)
	order := make([]int32, d)
	for g := range order {
		order[g] = int32(g)
	}
	length := func(g int32) int { return int(b.off[g+1] - b.off[g]) }
	slices.SortStableFunc(order, func(x, y int32) int { return cmp.Compare(length(x), length(y)) })
	return b.parallel(d, func(w *worker, p int) {
		g := order[p]
		lg := length(g)
		end := p + 1
		for end < d {
			lh := length(order[end])
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

// report fills r from the pairs of distinct texts at or above the floor.
func (b *batch) report(r *Report, pairs []dpair, maxPairs int) {
	slices.SortFunc(pairs, func(x, y dpair) int {
		if c := cmp.Compare(x.g, y.g); c != 0 {
			return c
		}
		return cmp.Compare(x.h, y.h)
	})
	d := len(b.first)
	// Nearest-neighbour similarity per distinct text.
	nn := make([]float64, d)
	for g := range nn {
		nn[g] = -1
		if b.size[g] > 1 {
			nn[g] = 1
		}
	}
	// Adjacency at the threshold (both directions), union-find.
	parent := make([]int32, d)
	for g := range parent {
		parent[g] = int32(g)
	}
	find := func(x int32) int32 {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	deg := make([]int32, d+1)
	var total int64
	var best *dpair
	for i := range pairs {
		p := &pairs[i]
		nn[p.g] = max(nn[p.g], p.sim)
		nn[p.h] = max(nn[p.h], p.sim)
		if best == nil || p.sim > best.sim {
			best = p
		} else if p.sim == best.sim {
			// ties by message indexes
			bi, bj := b.msgPair(best.g, best.h)
			pi, pj := b.msgPair(p.g, p.h)
			if pi < bi || pi == bi && pj < bj {
				best = p
			}
		}
		if p.sim >= b.thr {
			deg[p.g+1]++
			deg[p.h+1]++
			total += int64(b.size[p.g]) * int64(b.size[p.h])
			if x, y := find(p.g), find(p.h); x != y {
				parent[x] = y
			}
		}
	}
	for g := 0; g < d; g++ {
		s := int64(b.size[g])
		total += s * (s - 1) / 2
		deg[g+1] += deg[g]
	}
	adj := make([]int32, deg[d])
	fill := slices.Clone(deg[:d])
	for _, p := range pairs {
		if p.sim >= b.thr {
			adj[fill[p.g]] = p.h
			fill[p.g]++
			adj[fill[p.h]] = p.g
			fill[p.h]++
		}
	}
	simOf := func(g, h int32) float64 {
		if g > h {
			g, h = h, g
		}
		i, _ := slices.BinarySearchFunc(pairs, dpair{g: g, h: h}, func(x, y dpair) int {
			if c := cmp.Compare(x.g, y.g); c != 0 {
				return c
			}
			return cmp.Compare(x.h, y.h)
		})
		return pairs[i].sim
	}
	r.TotalPairs = total

	// Duplicates, unique, score, most similar.
	for g := 0; g < d; g++ {
		if b.size[g] > 1 {
			r.Duplicates += int(b.size[g])
		} else if deg[g+1] == deg[g] {
			r.Unique++
		}
	}
	r.Score = 1
	if r.N > 0 {
		r.Score = float64(r.Unique) / float64(r.N)
	}
	if r.Duplicates > 0 {
		// the first message that has a later copy, and its next copy
		bi, bj := -1, -1
		for g := 0; g < d; g++ {
			if b.size[g] > 1 {
				i := int(b.mem[b.memOff[g]])
				if bi < 0 || i < bi {
					bi, bj = i, int(b.mem[b.memOff[g]+1])
				}
			}
		}
		r.MostSimilar = &Pair{I: bi, J: bj, Similarity: 1}
	} else if best != nil {
		i, j := b.msgPair(best.g, best.h)
		r.MostSimilar = &Pair{I: i, J: j, Similarity: best.sim}
	}

	// Nearest-neighbour histogram.
	r.Nearest = make([]Bin, NearestBins)
	width := (1 - r.Floor) / NearestBins
	for k := range r.Nearest {
		r.Nearest[k] = Bin{Lo: r.Floor + float64(k)*width, Hi: r.Floor + float64(k+1)*width}
	}
	r.Nearest[NearestBins-1].Hi = 1
	for g := 0; g < d; g++ {
		s := nn[g]
		if s < r.Floor {
			r.BelowFloor += int(b.size[g])
			continue
		}
		k := NearestBins - 1
		if width > 0 {
			k = min(NearestBins-1, int((s-r.Floor)/width))
			for k > 0 && s < r.Nearest[k].Lo {
				k--
			}
			for k < NearestBins-1 && s >= r.Nearest[k].Hi {
				k++
			}
		}
		r.Nearest[k].Count += int(b.size[g])
	}

	// Clusters: components of two or more messages.
	byRoot := make(map[int32][]int)
	for g := 0; g < d; g++ {
		if b.size[g] < 2 && deg[g+1] == deg[g] {
			continue
		}
		root := find(int32(g))
		for _, i := range b.mem[b.memOff[g]:b.memOff[g+1]] {
			byRoot[root] = append(byRoot[root], int(i))
		}
	}
	for _, c := range byRoot {
		slices.Sort(c)
		r.Clusters = append(r.Clusters, c)
	}
	slices.SortFunc(r.Clusters, func(x, y []int) int {
		if c := cmp.Compare(len(y), len(x)); c != 0 {
			return c
		}
		return cmp.Compare(x[0], y[0])
	})

	// Pairs in (I, J) order, at most maxPairs.
	var js []int
	for i := 0; i < r.N; i++ {
		if maxPairs >= 0 && len(r.Pairs) >= maxPairs {
			break
		}
		g := b.group[i]
		js = js[:0]
		js = appendAfter(js, b.mem[b.memOff[g]:b.memOff[g+1]], i)
		for _, h := range adj[deg[g]:deg[g+1]] {
			js = appendAfter(js, b.mem[b.memOff[h]:b.memOff[h+1]], i)
		}
		slices.Sort(js)
		for _, j := range js {
			if maxPairs >= 0 && len(r.Pairs) >= maxPairs {
				break
			}
			s := 1.0
			if h := b.group[j]; h != g {
				s = simOf(g, h)
			}
			r.Pairs = append(r.Pairs, Pair{I: i, J: j, Similarity: s})
		}
	}
	r.Truncated = int64(len(r.Pairs)) < total
}

// appendAfter appends the members of ms (ascending) greater than i.
func appendAfter(js []int, ms []int32, i int) []int {
	k, _ := slices.BinarySearch(ms, int32(i+1))
	for _, m := range ms[k:] {
		js = append(js, int(m))
	}
	return js
}

// msgPair returns the first messages of distinct texts g and h, in order.
func (b *batch) msgPair(g, h int32) (int, int) {
	i, j := int(b.first[g]), int(b.first[h])
	if i > j {
		i, j = j, i
	}
	return i, j
}
