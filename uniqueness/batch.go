package uniqueness

import (
	"context"
	"math"
	"sync"
	"sync/atomic"
	"unicode/utf8"
)

// dpair is a verified pair of distinct texts g < h at or above the floor.
type dpair struct {
	g, h int32
	sim  float64
}

// batch is the prepared input of Analyze: the distinct texts, their
// messages, and their runes as global ids.
type batch struct {
	group  []int32  // message -> distinct text
	first  []int32  // distinct text -> first message
	size   []int32  // distinct text -> number of messages
	off    []int32  // distinct text -> its ids are ids[off[g]:off[g+1]]
	ids    []uint16 // runes as global ids 1..alpha, when alpha fits 16 bits
	ids32  []int32  // the same, when it does not (65,536 distinct runes or more)
	alpha  int
	label  []uint64 // distinct text -> label of its first message; nil without labels
	thr    float64
	floor  float64
	nwork  int
	memOff []int32 // members of g: mem[memOff[g]:memOff[g+1]], ascending
	mem    []int32
}

// text writes the ids of distinct text g to buf (grown as needed) and
// returns them. The ids are kept in 16 bits where they fit, halving the
// memory of a big batch: a million 150-rune texts take 300 MB, not 600.
func (b *batch) text(buf []int32, g int32) []int32 {
	lo, hi := b.off[g], b.off[g+1]
	if b.ids32 != nil {
		return append(buf[:0], b.ids32[lo:hi]...)
	}
	buf = grow32(buf, int(hi-lo))
	for i, c := range b.ids[lo:hi] {
		buf[i] = int32(c)
	}
	return buf
}

func (b *batch) length(g int32) int { return int(b.off[g+1] - b.off[g]) }

// prepare groups equal texts and maps runes to global dense ids.
func prepare(msgs []string, labels []uint64) *batch {
	b := &batch{group: make([]int32, len(msgs))}
	seen := make(map[string]int32, min(len(msgs), 1<<20))
	runes := 0
	for i, s := range msgs {
		g, ok := seen[s]
		if !ok {
			g = int32(len(b.first))
			seen[s] = g
			b.first = append(b.first, int32(i))
			b.size = append(b.size, 0)
			runes += utf8.RuneCountInString(s)
			if labels != nil {
				b.label = append(b.label, labels[i])
			}
		}
		b.group[i] = g
		b.size[g]++
	}
	seen = nil
	var lut runeIDs
	b.ids = make([]uint16, 0, runes)
	b.off = make([]int32, 1, len(b.first)+1)
	for _, i := range b.first {
		for _, r := range msgs[i] {
			id := lut.add(r)
			if id > math.MaxUint16 && b.ids32 == nil {
				b.ids32 = make([]int32, len(b.ids), runes)
				for j, c := range b.ids {
					b.ids32[j] = int32(c)
				}
				b.ids = nil
			}
			if b.ids32 != nil {
				b.ids32 = append(b.ids32, id)
			} else {
				b.ids = append(b.ids, uint16(id))
			}
		}
		b.off = append(b.off, int32(len(b.ids)+len(b.ids32)))
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

// worker is one goroutine's working memory for verifying pairs. It keeps
// the table of the last pattern it built, so that many texts compared with
// one pattern (a row, a group's leader) cost one table.
type worker struct {
	b       *batch
	remap   []int32 // global id -> local id of the current pattern
	touched []int32
	cur     int32 // the distinct text whose table is built; -1: none
	d       int32 // distinct runes of the current pattern
	pat     []int32
	src     []int32 // the current pattern's global ids
	text    []int32
	tc      []int32
	mt, win matcher
	out     []dpair
	n       int64
	kcache  map[int]int
	kfloor  float64
}

func newWorker(b *batch) *worker {
	return &worker{b: b, remap: make([]int32, b.alpha+1), cur: -1, kcache: make(map[int]int), kfloor: b.floor}
}

// maxDist is maxDist(l, floor), memoized per length.
func (w *worker) maxDist(l int) int {
	if k, ok := w.kcache[l]; ok {
		return k
	}
	k := maxDist(l, w.kfloor)
	w.kcache[l] = k
	return k
}

// setPattern builds the table of distinct text g, unless it is built.
func (w *worker) setPattern(g int32) {
	if w.cur == g {
		return
	}
	for _, c := range w.touched {
		w.remap[c] = 0
	}
	w.touched = w.touched[:0]
	w.src = w.b.text(w.src, g)
	src := w.src
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
	w.cur, w.d = g, d
}

// dist returns the distance between the current pattern and distinct text
// h if it is at most k, else some value > k.
func (w *worker) dist(h int32, k int) int {
	n := w.b.length(h)
	m := len(w.pat)
	if m-n > k || n-m > k {
		return k + 1
	}
	w.text = w.b.text(w.text, h)
	for i, c := range w.text {
		w.text[i] = w.remap[c]
	}
	w.n++
	return runPair(&w.mt, &w.win, w.pat, w.text, w.tc, int(w.d), k)
}

// compare returns the similarity of distinct texts g and h and true when it
// is at least min; g's table is built (or kept) as the pattern.
func (w *worker) compare(g, h int32, min float64) (float64, bool) {
	l := max(w.b.length(g), w.b.length(h))
	k := maxDist(l, min)
	if k < 0 {
		return 0, false
	}
	w.setPattern(g)
	d := w.dist(h, k)
	if d > k {
		return 0, false
	}
	return similarity(d, l), true
}

// row compares distinct text g with each h in hs, appending pairs at or
// above the floor to w.out.
func (w *worker) row(g int32, hs []int32) {
	w.setPattern(g)
	m := len(w.pat)
	for _, h := range hs {
		n := w.b.length(h)
		l := max(m, n)
		k := w.maxDist(l)
		if m-n > k || n-m > k {
			continue
		}
		if dist := w.dist(h, k); dist <= k {
			w.out = append(w.out, orderedPair(g, h, similarity(dist, l)))
		}
	}
}

func orderedPair(g, h int32, sim float64) dpair {
	if g > h {
		g, h = h, g
	}
	return dpair{g, h, sim}
}

// parallel runs tasks 0..tasks-1 on the batch's workers, task(w, i) doing
// task i, and returns every worker's pairs (in worker order) and comparison
// count. It stops handing out tasks once ctx is done.
func (b *batch) parallel(ctx context.Context, tasks int, task func(w *worker, i int)) ([]dpair, int64) {
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
				if i >= tasks || i&63 == 0 && ctx.Err() != nil {
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
