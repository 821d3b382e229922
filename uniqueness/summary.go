package uniqueness

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"
	"sort"
)

// sampleSize is the number of pairs of messages sampled for each kind of
// pair (within a group, across groups) when TotalPairs is estimated.
const sampleSize = 4000

// summarize fills r from the verified pairs of distinct texts (sorted by
// (g, h), at or above the floor) and the grouping.
func (b *batch) summarize(r *Report, pairs []dpair, gr *grouping, o *Options) {
	d := len(b.first)

	// Nearest-neighbour similarity per distinct text.
	nn := make([]float64, d)
	for g := range nn {
		nn[g] = -1
		if b.size[g] > 1 {
			nn[g] = 1
		}
	}
	near := make([]bool, d) // in a pair at or above the threshold
	var lower int64         // message pairs at or above the threshold found
	for _, p := range pairs {
		nn[p.g] = max(nn[p.g], p.sim)
		nn[p.h] = max(nn[p.h], p.sim)
		if p.sim >= b.thr {
			near[p.g], near[p.h] = true, true
			lower += int64(b.size[p.g]) * int64(b.size[p.h])
		}
	}
	var dupPairs int64
	for g := 0; g < d; g++ {
		s := int64(b.size[g])
		dupPairs += s * (s - 1) / 2
		r.MaxSameText = max(r.MaxSameText, int(s))
		if s > 1 {
			r.Duplicates += int(s)
		} else if !near[g] {
			r.Unique++
		}
	}
	r.Score = 1
	if r.N > 0 {
		r.Score = float64(r.Unique) / float64(r.N)
	}
	r.TotalPairs = dupPairs + lower

	b.nearest(r, nn)
	b.worst(r, pairs, o.WorstPairs)
	b.groupReport(r, gr)
	if !r.Exact && r.N > 1 {
		r.PairsEstimated = true
		if est := b.estimatePairs(gr, o.Seed, dupPairs); est > r.TotalPairs {
			r.TotalPairs = est
		}
	}
	adj := newAdjacency(d, pairs, b.thr)
	b.clusters(r, adj)
	b.listPairs(r, adj, o.MaxPairs)
}

// nearest fills the histogram and quantiles of the messages' nearest
// neighbours.
func (b *batch) nearest(r *Report, nn []float64) {
	r.Nearest = make([]Bin, NearestBins)
	width := (1 - r.Floor) / NearestBins
	for k := range r.Nearest {
		r.Nearest[k] = Bin{Lo: r.Floor + float64(k)*width, Hi: r.Floor + float64(k+1)*width}
	}
	r.Nearest[NearestBins-1].Hi = 1
	type wv struct {
		v float64
		n int
	}
	vals := make([]wv, 0, len(nn))
	for g, s := range nn {
		n := int(b.size[g])
		if s < r.Floor {
			r.BelowFloor += n
			vals = append(vals, wv{0, n})
			continue
		}
		vals = append(vals, wv{s, n})
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
		r.Nearest[k].Count += n
	}
	if r.N == 0 {
		return
	}
	slices.SortFunc(vals, func(x, y wv) int { return cmp.Compare(x.v, y.v) })
	// quantile q: the value of the message at rank ceil(q*N) (1-based).
	at := func(q float64) float64 {
		rank := max(1, int(math.Ceil(q*float64(r.N))))
		seen := 0
		for _, x := range vals {
			seen += x.n
			if seen >= rank {
				return x.v
			}
		}
		return vals[len(vals)-1].v
	}
	r.NearestQuantiles = Quantiles{P50: at(0.5), P90: at(0.9), Max: vals[len(vals)-1].v}
}

// worst fills WorstPairs and MostSimilar: the k most similar pairs of
// messages, ties by (I, J). Copies of one text are pairs of similarity 1.
func (b *batch) worst(r *Report, pairs []dpair, k int) {
	if k < 0 {
		k = 0
	}
	kk := max(k, 1) // MostSimilar needs one
	var out []Pair
	// Copies: each text's first kk pairs in (I, J) order.
	for g := range b.size {
		ms := b.mem[b.memOff[g]:b.memOff[g+1]]
		if len(ms) < 2 {
			continue
		}
		n := 0
	copies:
		for x := 0; x < len(ms); x++ {
			for y := x + 1; y < len(ms); y++ {
				if n >= kk {
					break copies
				}
				out = append(out, Pair{I: int(ms[x]), J: int(ms[y]), Similarity: 1})
				n++
			}
		}
		if len(out) > 8*kk {
			out = topPairs(out, kk)
		}
	}
	// Distinct texts: the pairs down to the kk-th best similarity, each
	// expanded to its first kk pairs of messages.
	if len(pairs) > 0 {
		idx := make([]int, len(pairs))
		for i := range idx {
			idx[i] = i
		}
		slices.SortStableFunc(idx, func(x, y int) int { return cmp.Compare(pairs[y].sim, pairs[x].sim) })
		cut := pairs[idx[min(kk, len(idx))-1]].sim
		for _, i := range idx {
			p := pairs[i]
			if p.sim < cut {
				break
			}
			gm := b.mem[b.memOff[p.g]:b.memOff[p.g+1]]
			hm := b.mem[b.memOff[p.h]:b.memOff[p.h+1]]
			for _, x := range gm[:min(len(gm), kk)] {
				for _, y := range hm[:min(len(hm), kk)] {
					i, j := int(x), int(y)
					if i > j {
						i, j = j, i
					}
					out = append(out, Pair{I: i, J: j, Similarity: p.sim})
				}
			}
			if len(out) > 8*kk {
				out = topPairs(out, kk)
			}
		}
	}
	out = topPairs(out, kk)
	if len(out) > 0 && out[0].Similarity >= r.Floor {
		p := out[0]
		r.MostSimilar = &p
	}
	r.WorstPairs = out[:min(len(out), k)]
}

// topPairs sorts ps by similarity (descending), then I, then J, and keeps
// the first k.
func topPairs(ps []Pair, k int) []Pair {
	slices.SortFunc(ps, func(x, y Pair) int {
		if c := cmp.Compare(y.Similarity, x.Similarity); c != 0 {
			return c
		}
		if c := cmp.Compare(x.I, y.I); c != 0 {
			return c
		}
		return cmp.Compare(x.J, y.J)
	})
	ps = slices.CompactFunc(ps, func(x, y Pair) bool { return x.I == y.I && x.J == y.J })
	return ps[:min(len(ps), k)]
}

// groupReport fills Wordings, LargestGroup and Groups.
func (b *batch) groupReport(r *Report, gr *grouping) {
	r.Wordings = len(gr.leaders)
	slot := make(map[int32]int, len(gr.leaders))
	gs := make([]Group, len(gr.leaders))
	for i, l := range gr.leaders {
		slot[l] = i
		gs[i].Leader = int(b.first[l])
	}
	for g, l := range gr.leaderOf {
		x := &gs[slot[l]]
		x.Messages += int(b.size[g])
		x.Texts++
	}
	slices.SortStableFunc(gs, func(x, y Group) int {
		if c := cmp.Compare(y.Messages, x.Messages); c != 0 {
			return c
		}
		return cmp.Compare(x.Leader, y.Leader)
	})
	if len(gs) > 0 {
		r.LargestGroup = gs[0].Messages
	}
	r.Groups = gs[:min(len(gs), TopGroups)]
}

// estimatePairs estimates the pairs of messages at or above the threshold:
// copies exactly, the rest from samples within groups and across groups.
func (b *batch) estimatePairs(gr *grouping, seed uint64, dupPairs int64) int64 {
	n := len(b.group)
	// Messages by group (leader), in a CSR.
	slot := make(map[int32]int32, len(gr.leaders))
	for i, l := range gr.leaders {
		slot[l] = int32(i)
	}
	ng := len(gr.leaders)
	off := make([]int64, ng+1)
	for _, g := range b.group {
		off[slot[gr.leaderOf[g]]+1]++
	}
	for i := range ng {
		off[i+1] += off[i]
	}
	mem := make([]int32, n)
	fill := slices.Clone(off[:ng])
	gOf := make([]int32, n) // message -> group slot
	for i, g := range b.group {
		s := slot[gr.leaderOf[g]]
		mem[fill[s]] = int32(i)
		fill[s]++
		gOf[i] = s
	}
	c2 := func(x int64) float64 { return float64(x) * float64(x-1) / 2 }
	// Pairs of different texts within groups, and across groups.
	var within float64
	cum := make([]float64, ng) // cumulative weight of groups for sampling
	copies := make([]float64, ng)
	for g := range b.size {
		copies[slot[gr.leaderOf[g]]] += c2(int64(b.size[g]))
	}
	for i := range ng {
		w := c2(off[i+1] - off[i])
		within += w - copies[i]
		cum[i] = w
		if i > 0 {
			cum[i] += cum[i-1]
		}
	}
	all := c2(int64(n))
	var sameGroup float64
	if ng > 0 {
		sameGroup = cum[ng-1]
	}
	across := all - sameGroup

	rng := rand.New(rand.NewPCG(seed, 0x7a3d))
	w := newWorker(b)
	frac := func(draw func() (int32, int32, bool)) float64 {
		hits, tries := 0, 0
		for range sampleSize {
			g, h, ok := draw()
			if !ok {
				continue
			}
			tries++
			if _, ok := w.compare(g, h, b.thr); ok {
				hits++
			}
		}
		if tries == 0 {
			return 0
		}
		return float64(hits) / float64(tries)
	}
	var est float64
	if within > 0 {
		est += within * frac(func() (int32, int32, bool) {
			x := rng.Float64() * sameGroup
			gi := sort.SearchFloat64s(cum, x)
			gi = min(gi, ng-1)
			ms := mem[off[gi]:off[gi+1]]
			for range 8 {
				i, j := ms[rng.IntN(len(ms))], ms[rng.IntN(len(ms))]
				if g, h := b.group[i], b.group[j]; g != h {
					return g, h, true
				}
			}
			return 0, 0, false
		})
	}
	if across > 0 {
		est += across * frac(func() (int32, int32, bool) {
			for range 8 {
				i, j := rng.IntN(n), rng.IntN(n)
				if gOf[i] != gOf[j] {
					return b.group[i], b.group[j], true
				}
			}
			return 0, 0, false
		})
	}
	return dupPairs + int64(math.Round(est))
}

// clusters fills Clusters: connected components of the pairs at or above
// the threshold and of exact copies.
func (b *batch) clusters(r *Report, adj *adjacency) {
	d := len(b.first)
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
	for g := range int32(d) {
		for _, h := range adj.nb[adj.off[g]:adj.off[g+1]] {
			if x, y := find(g), find(h); x != y {
				parent[x] = y
			}
		}
	}
	byRoot := make(map[int32][]int)
	for g := range int32(d) {
		if b.size[g] < 2 && adj.off[g+1] == adj.off[g] {
			continue
		}
		root := find(g)
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
}

// listPairs fills Pairs: the pairs of messages at or above the threshold
// that were found, in (I, J) order, at most maxPairs; Truncated says when
// TotalPairs counts more.
func (b *batch) listPairs(r *Report, adj *adjacency, maxPairs int) {
	var js []int
	sims := map[int32]float64{}
	for i := 0; i < r.N; i++ {
		if maxPairs >= 0 && len(r.Pairs) >= maxPairs {
			break
		}
		g := b.group[i]
		js = js[:0]
		js = appendAfter(js, b.mem[b.memOff[g]:b.memOff[g+1]], i)
		clear(sims)
		for k, h := range adj.nb[adj.off[g]:adj.off[g+1]] {
			sims[h] = adj.sim[adj.off[g]+int32(k)]
			js = appendAfter(js, b.mem[b.memOff[h]:b.memOff[h+1]], i)
		}
		slices.Sort(js)
		for _, j := range js {
			if maxPairs >= 0 && len(r.Pairs) >= maxPairs {
				break
			}
			s := 1.0
			if h := b.group[j]; h != g {
				s = sims[h]
			}
			r.Pairs = append(r.Pairs, Pair{I: i, J: j, Similarity: s})
		}
	}
	r.Truncated = int64(len(r.Pairs)) < r.TotalPairs
}

// appendAfter appends the members of ms (ascending) greater than i.
func appendAfter(js []int, ms []int32, i int) []int {
	k, _ := slices.BinarySearch(ms, int32(i+1))
	for _, m := range ms[k:] {
		js = append(js, int(m))
	}
	return js
}

// MostSimilar returns the n most similar of pairs (all of them when n is
// negative), most similar first; pairs of equal similarity keep their order.
// pairs itself is not changed. Report.WorstPairs is already so ranked; this
// ranks any list of pairs, such as a filtered Report.Pairs.
func MostSimilar(pairs []Pair, n int) []Pair {
	out := slices.Clone(pairs)
	slices.SortStableFunc(out, func(p, q Pair) int { return cmp.Compare(q.Similarity, p.Similarity) })
	if n >= 0 && len(out) > n {
		out = out[:n]
	}
	return out
}
