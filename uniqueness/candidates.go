package uniqueness

import (
	"cmp"
	"context"
	"slices"
	"sort"
	"sync"
)

// Candidate pairs beyond the exact path come from two sources, and only
// verified pairs are ever reported.
//
// Labels (Options.Labels, a campaign's template variant): the texts of one
// label differ only in the recipients' data, so each is compared with the
// first text of its label, one table per label. For a campaign this settles
// almost every message with one comparison.
//
// MinHash (lsh.go): the texts that labels left without a near duplicate are
// signed, their band keys sorted into a table, and then every text of the
// batch is signed and probed against that table, in chunks, in batch order.
// Each such text keeps the maxCand texts that agree with it in the most
// bands, and the verifier compares it with the maxVerify of them that agree
// in the most, raising the cutoff to the best similarity found so far (but
// not above the threshold). Work and memory are linear in the batch: a band
// bucket of more than maxProbe texts (text that every message shares) gives
// a probe only the maxProbe entries nearest the probing text in batch order.
const (
	maxCand   = 64 // candidates kept per unsettled text
	maxVerify = 12 // candidates verified per unsettled text
	maxProbe  = 8  // a band bucket of more texts is wide
	window    = 2  // a probe of a wide bucket takes the 2·window+1 entries nearest it
	// narrowWeight is what a shared band of a narrow bucket counts for,
	// against 1 for a wide bucket's window: telling bands rank first.
	narrowWeight = 16
	chunkSize    = 4096
)

// labelPairs compares each text with the first text of its label.
func (b *batch) labelPairs(ctx context.Context) ([]dpair, int64) {
	if b.label == nil {
		return nil, 0
	}
	d := len(b.first)
	rep := make(map[uint64]int32)
	order := make([]int32, 0, d)
	for g := range int32(d) {
		if _, ok := rep[b.label[g]]; !ok {
			rep[b.label[g]] = g
		} else {
			order = append(order, g)
		}
	}
	if len(order) == 0 {
		return nil, 0
	}
	// Group the followers by their label's first text, so each table is
	// built once.
	repOf := func(g int32) int32 { return rep[b.label[g]] }
	slices.SortStableFunc(order, func(x, y int32) int { return cmp.Compare(repOf(x), repOf(y)) })
	var starts []int
	for i := range order {
		if i == 0 || repOf(order[i]) != repOf(order[i-1]) {
			starts = append(starts, i)
		}
	}
	starts = append(starts, len(order))
	reps := make([]int32, len(starts)-1)
	for t := range reps {
		reps[t] = repOf(order[starts[t]])
	}
	return b.parallel(ctx, len(reps), func(w *worker, t int) {
		w.row(reps[t], order[starts[t]:starts[t+1]])
	})
}

// A probe table entry packs a band key's top 64-textBits bits over the
// unsettled text's index: sorting plain integers is several times faster
// than sorting structs, and a key cut to 36 bits only adds a few false
// candidates, which are verified like any other.
const (
	textBits = 28 // texts beyond 2^28 (268 million) are not looked up
	textMask = 1<<textBits - 1
)

func entryKey(e uint64) uint64 { return e &^ textMask }

// cand is a candidate partner of an unsettled text.
type cand struct {
	h     int32
	bands int32
}

// lshPairs finds candidates for the unsettled texts us (ascending) among all
// texts and verifies them.
func (b *batch) lshPairs(ctx context.Context, us []int32, seed uint64, progress func(done int)) ([]dpair, int64) {
	if len(us) == 0 {
		return nil, 0
	}
	d := len(b.first)
	bands, rows := lshParams(b.thr)
	nw := max(1, b.nwork)

	// The table of the unsettled texts' band keys.
	if n := len(us); n > 0 && us[n-1] > textMask {
		us = us[:sort.Search(n, func(i int) bool { return us[i] > textMask })]
	}
	table := make([]uint64, len(us)*bands)
	var wg sync.WaitGroup
	for wi := range nw {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := newSigner(bands, rows, seed)
			keys := make([]uint64, bands)
			var buf []int32
			for i := wi; i < len(us); i += nw {
				buf = b.text(buf, us[i])
				s.keys(buf, keys)
				for band, k := range keys {
					table[i*bands+band] = entryKey(bandKey(band, k)) | uint64(us[i])
				}
			}
		}()
	}
	wg.Wait()
	slices.Sort(table)
	// band key -> its entries, table[lo:hi], as lo<<32 | hi
	bucket := make(map[uint64]uint64, len(table))
	for lo := 0; lo < len(table); {
		hi := lo + 1
		for hi < len(table) && entryKey(table[hi]) == entryKey(table[lo]) {
			hi++
		}
		bucket[entryKey(table[lo])] = uint64(lo)<<32 | uint64(hi)
		lo = hi
	}
	slot := make([]int32, d) // unsettled text -> its index in us
	for i, u := range us {
		slot[u] = int32(i)
	}
	cands := make([][]cand, len(us))

	// Probe every text, a chunk at a time; each worker takes a contiguous
	// part of the chunk and counts, per probing text h, the weight of the
	// bands each unsettled text shares with it: a band whose bucket holds
	// at most maxProbe texts is telling (weight narrowWeight), one whose
	// bucket is bigger (text many messages share) only offers the
	// window nearest h in batch order, weight 1.
	type counted3 struct{ u, h, n int32 }
	counts := make([][]counted3, nw)
	tallies := make([][]int32, nw) // per worker: weight per slot, zero between texts
	for wi := range tallies {
		tallies[wi] = make([]int32, len(us))
	}
	low := make([]int8, len(us)) // index of a lightest candidate, -1: unknown
	for lo := 0; lo < d; lo += chunkSize {
		if ctx.Err() != nil {
			return nil, 0
		}
		hi := min(d, lo+chunkSize)
		per := (hi - lo + nw - 1) / nw
		for wi := range nw {
			wg.Add(1)
			go func() {
				defer wg.Done()
				s := newSigner(bands, rows, seed)
				keys := make([]uint64, bands)
				tally := tallies[wi]
				var touched []int32
				counted := counts[wi][:0]
				var buf []int32
				for h := lo + wi*per; h < min(hi, lo+(wi+1)*per); h++ {
					buf = b.text(buf, int32(h))
					s.keys(buf, keys)
					for band, k := range keys {
						key := entryKey(bandKey(band, k))
						span, ok := bucket[key]
						if !ok {
							continue
						}
						lo, hi := int(span>>32), int(span&0xffffffff)
						weight := int32(narrowWeight)
						if hi-lo > maxProbe {
							at, _ := slices.BinarySearch(table[lo:hi], key|uint64(h))
							at = lo + at
							lo, hi = max(lo, at-window), min(hi, at+window+1)
							weight = 1
						}
						for j := lo; j < hi; j++ {
							if u := int32(table[j] & textMask); u != int32(h) {
								sl := slot[u]
								if tally[sl] == 0 {
									touched = append(touched, sl)
								}
								tally[sl] += weight
							}
						}
					}
					slices.Sort(touched)
					for _, sl := range touched {
						counted = append(counted, counted3{sl, int32(h), tally[sl]})
						tally[sl] = 0
					}
					touched = touched[:0]
				}
				counts[wi] = counted
			}()
		}
		wg.Wait()
		// Keep, per unsettled text, the maxCand candidates of the most
		// weight (ties: the earliest).
		for _, counted := range counts {
			for _, m := range counted {
				k := m.u
				c := cand{m.h, m.n}
				cs := cands[k]
				if len(cs) < maxCand {
					cands[k] = append(cs, c)
					low[k] = -1
					continue
				}
				if low[k] < 0 {
					l := 0
					for x := range cs {
						if cs[x].bands < cs[l].bands {
							l = x
						}
					}
					low[k] = int8(l)
				}
				if c.bands > cs[low[k]].bands {
					cs[low[k]] = c
					low[k] = -1
				}
			}
		}
		if progress != nil {
			progress(hi)
		}
	}

	// Verify: per unsettled text, the candidates that share the most bands
	// first, with the cutoff raised to the best similarity found (up to the threshold, so
	// that every pair at or above it is kept).
	return b.parallel(ctx, len(us), func(w *worker, i int) {
		cs := cands[i]
		if len(cs) == 0 {
			return
		}
		slices.SortStableFunc(cs, func(x, y cand) int { return cmp.Compare(y.bands, x.bands) })
		u := us[i]
		best := b.floor
		for _, c := range cs[:min(len(cs), maxVerify)] {
			if s, ok := w.compare(u, c.h, best); ok {
				w.out = append(w.out, orderedPair(u, c.h, s))
				best = max(best, min(s, b.thr)) // every pair at the threshold is kept
			}
		}
		cands[i] = nil
	})
}

func bandKey(band int, k uint64) uint64 {
	return k ^ uint64(band)*0x9e3779b97f4a7c15
}
