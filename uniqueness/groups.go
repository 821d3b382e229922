package uniqueness

import (
	"cmp"
	"context"
	"slices"
)

// Groups: greedy leader clustering. The distinct texts are taken in batch
// order; each joins the group of the first leader it is tried against and
// found within the threshold of, or else leads a group of its own. So every
// member of a group is within the threshold of its leader, and a group never
// chains: unlike connected components, which join a whole campaign into one
// cluster when its messages differ by a word or two each, the groups count
// the wordings a reader would tell apart.
//
// The leaders a text is tried against, in order, at most maxTries of them:
// the leaders of its verified neighbours (most similar first; on the exact
// path this alone is exact greedy clustering), the leader of the first text
// of its label, and then the leaders that a MinHash index of the leaders
// (leaderBands bands of leaderRows rows, built as leaders appear) offers,
// those agreeing in the most bands first; while there are at most
// linearLeaders leaders, every leader is tried instead of the index. A text
// whose leader the index misses leads a group of its own, so beyond the
// exact path the number of groups is an upper estimate.
const (
	maxTries      = 8
	linearLeaders = 32
	leaderBands   = 32
	// maxBucketLeaders caps the leaders one index bucket holds, so a bucket
	// that every leader falls in costs no more than it can tell.
	maxBucketLeaders = 16
)

func leaderRows(thr float64) int {
	switch {
	case thr >= 0.85:
		return 4
	case thr >= 0.7:
		return 3
	default:
		return 2
	}
}

// grouping is the result of the leader clustering.
type grouping struct {
	leaderOf []int32 // distinct text -> its leader (a distinct text)
	leaders  []int32 // in order of appearance
	pairs    []dpair // member-leader pairs found (all at or above the threshold)
	n        int64
}

// adjacency is the verified pairs of each distinct text, both directions.
type adjacency struct {
	off []int32
	nb  []int32
	sim []float64
}

func newAdjacency(d int, pairs []dpair, min float64) *adjacency {
	a := &adjacency{off: make([]int32, d+1)}
	for _, p := range pairs {
		if p.sim >= min {
			a.off[p.g+1]++
			a.off[p.h+1]++
		}
	}
	for g := range d {
		a.off[g+1] += a.off[g]
	}
	a.nb = make([]int32, a.off[d])
	a.sim = make([]float64, a.off[d])
	fill := slices.Clone(a.off[:d])
	for _, p := range pairs {
		if p.sim >= min {
			a.nb[fill[p.g]], a.sim[fill[p.g]] = p.h, p.sim
			fill[p.g]++
			a.nb[fill[p.h]], a.sim[fill[p.h]] = p.g, p.sim
			fill[p.h]++
		}
	}
	return a
}

// groups runs the leader clustering. searched[g] says that text g went
// through the MinHash search of its own (it had no near duplicate by its
// label): its verified neighbours are already what MinHash finds, so only
// the other texts make the index worth building; it is built the first
// time one of them looks a leader up, and from then on every text may.
func (b *batch) groups(ctx context.Context, adj *adjacency, exact bool, searched []bool, seed uint64, progress func(done int)) (*grouping, error) {
	d := len(b.first)
	gr := &grouping{leaderOf: make([]int32, d)}
	w := newWorker(b)
	rows := leaderRows(b.thr)
	s := newSigner(leaderBands, rows, seed^0x5bd1e995)
	keys := make([]uint64, leaderBands)
	index := make(map[uint64][]int32)
	repLeader := map[uint64]int32{} // label -> leader of its first text
	type try struct {
		l   int32
		sim float64 // known similarity, or -1
	}
	var tries []try
	counts := make([]int32, d) // index hits per leader, zero between texts
	var order []int32
	indexed, built := 0, false // leaders[:indexed] are in the index
	addLeaders := func(buf []int32) []int32 {
		for ; indexed < len(gr.leaders); indexed++ {
			l := gr.leaders[indexed]
			buf = b.text(buf, l)
			s.keys(buf, keys)
			for band, k := range keys {
				key := bandKey(band, k)
				if ls := index[key]; len(ls) < maxBucketLeaders {
					index[key] = append(ls, l)
				}
			}
		}
		return buf
	}
	var idx []int
	var buf []int32
	for g := range int32(d) {
		if g&255 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			if progress != nil {
				progress(int(g))
			}
		}
		tries = tries[:0]
		tried := func(l int32) bool {
			for _, t := range tries {
				if t.l == l {
					return true
				}
			}
			return false
		}
		// Verified neighbours that came earlier: a leader among them is
		// known to be within the threshold; others give their leader.
		nbs := adj.nb[adj.off[g]:adj.off[g+1]]
		sims := adj.sim[adj.off[g]:adj.off[g+1]]
		idx = idx[:0]
		for i, h := range nbs {
			if h < g {
				idx = append(idx, i)
			}
		}
		slices.SortStableFunc(idx, func(x, y int) int { return cmp.Compare(sims[y], sims[x]) })
		for _, i := range idx {
			h := nbs[i]
			if gr.leaderOf[h] == h && !tried(h) {
				tries = append(tries, try{h, sims[i]})
			}
		}
		if exact {
			// Every pair at or above the threshold is known: the leaders
			// among the neighbours are all the leaders it could join.
			if len(tries) > 0 {
				gr.leaderOf[g] = tries[0].l
				gr.pairs = append(gr.pairs, orderedPair(tries[0].l, g, tries[0].sim))
			} else {
				gr.leaderOf[g] = g
				gr.leaders = append(gr.leaders, g)
			}
			continue
		}
		for _, i := range idx {
			if l := gr.leaderOf[nbs[i]]; !tried(l) {
				tries = append(tries, try{l, -1})
			}
		}
		if b.label != nil {
			if l, ok := repLeader[b.label[g]]; ok && !tried(l) {
				tries = append(tries, try{l, -1})
			}
		}
		joined := int32(-1)
		var joinSim float64
		check := func(t try) bool {
			sim := t.sim
			if sim < 0 {
				var ok bool
				if sim, ok = w.compare(t.l, g, b.thr); !ok {
					return false
				}
			}
			if sim >= b.thr {
				joined, joinSim = t.l, sim
				return true
			}
			return false
		}
		for _, t := range tries[:min(len(tries), maxTries)] {
			if check(t) {
				break
			}
		}
		n := min(len(tries), maxTries)
		if joined < 0 && n < maxTries {
			if len(gr.leaders) <= linearLeaders {
				for _, l := range gr.leaders {
					if !tried(l) && check(try{l, -1}) {
						break
					}
				}
			} else if searched == nil || !searched[g] || built {
				built = true
				buf = addLeaders(buf)
				buf = b.text(buf, g)
				s.keys(buf, keys)
				order = order[:0]
				for band, k := range keys {
					for _, l := range index[bandKey(band, k)] {
						if counts[l] == 0 {
							order = append(order, l)
						}
						counts[l]++
					}
				}
				// The leaders agreeing in the most bands first (ties: the
				// earliest found), by selection: only a few are tried.
				for n < maxTries {
					best := -1
					for i, l := range order {
						if l >= 0 && !tried(l) && (best < 0 || counts[l] > counts[order[best]]) {
							best = i
						}
					}
					if best < 0 {
						break
					}
					l := order[best]
					order[best] = -1 - l // taken
					n++
					tries = append(tries, try{l, -1})
					if check(try{l, -1}) {
						break
					}
				}
				for _, l := range order {
					if l < 0 {
						l = -1 - l
					}
					counts[l] = 0
				}
			}
		}
		if joined >= 0 {
			gr.leaderOf[g] = joined
			gr.pairs = append(gr.pairs, orderedPair(joined, g, joinSim))
		} else {
			gr.leaderOf[g] = g
			gr.leaders = append(gr.leaders, g)
			if built {
				buf = addLeaders(buf)
			}
		}
		if b.label != nil {
			if _, ok := repLeader[b.label[g]]; !ok {
				repLeader[b.label[g]] = gr.leaderOf[g]
			}
		}
	}
	gr.n = w.n
	return gr, nil
}
