package uniqueness

// The kernel: the bit-parallel Levenshtein algorithm of Myers (1999) in the
// formulation of Hyyrö (2003), on 64-bit words, in blocks for patterns longer
// than one word, restricted to Ukkonen's diagonal band when a cutoff is given.
//
// Both strings are sequences of small dense ids: the pattern's distinct runes
// are numbered 1..d, and a text rune that is not in the pattern is id 0,
// whose match vector is all zeros. So the match-vector table (Peq) is a flat
// array of (d+1)×stride words, indexed without hashing.
//
// Rows are pattern positions (1..m), columns text positions (1..n). The
// vertical deltas of one column, D[i][j]-D[i-1][j] in {-1,0,+1}, are held as
// two bit vectors VP (+1) and VN (-1); each text rune advances every block by
// a constant number of word operations.

const (
	wordBits = 64
	// denseStride is the widest table (in words per id) built densely for
	// every distinct rune. Beyond it, runes rarer than stride/8 occurrences
	// keep a list of positions instead of a row, so the table's memory stays
	// O(m) words even when a long pattern has many distinct runes.
	denseStride = 16
)

// bandStep advances the banded kernel (see distBand) by one text rune in
// its moving frame: eq is the match vector of the frame's rows, vp, vn the
// deltas of the column before, shifted into the frame. d0 is the column's
// diagonal-zero vector; its bit for the tracked diagonal tells whether the
// score holds or grows by one.
func bandStep(eq, vp, vn uint64) (nvp, nvn, d0 uint64) {
	d0 = (((eq & vp) + vp) ^ vp) | eq | vn
	hp := vn | ^(d0 | vp)
	hn := vp & d0
	return 1<<63 | hn | ^(d0>>1 | hp), hp & (d0 >> 1), d0
}

// matcher holds the match-vector table of one pattern and the working
// vectors of the kernel. It is owned by one goroutine at a time.
type matcher struct {
	m      int // pattern length in runes
	stride int // words per table row: ceil(m/64)
	sparse bool

	peq []uint64 // dense rows; row 0 (id 0) is all zeros

	// sparse mode (stride > denseStride): rowOf[id] >= 0 is a dense row,
	// -(s+1) is sparse list s, whose positions are spPos[spStart[s]:spStart[s+1]].
	rowOf   []int32
	spStart []int32
	spPos   []int32
	eq      []uint64 // one column's match vector for a sparse id

	cnt    []int32 // occurrences per id in the pattern (whole pattern)
	vp, vn []uint64
	sc     []int
}

func grow64(s []uint64, n int) []uint64 {
	if cap(s) < n {
		return make([]uint64, n)
	}
	return s[:n]
}

func grow32(s []int32, n int) []int32 {
	if cap(s) < n {
		return make([]int32, n)
	}
	return s[:n]
}

// build makes the table of pat, whose ids are in 1..d.
func (mt *matcher) build(pat []int32, d int) {
	m := len(pat)
	mt.m = m
	stride := (m + wordBits - 1) / wordBits
	if stride == 0 {
		stride = 1
	}
	mt.stride = stride
	mt.cnt = grow32(mt.cnt, d+1)
	clear(mt.cnt)
	for _, c := range pat {
		mt.cnt[c]++
	}
	mt.vp = grow64(mt.vp, stride)
	mt.vn = grow64(mt.vn, stride)
	mt.sparse = stride > denseStride
	if !mt.sparse {
		mt.peq = grow64(mt.peq, (d+1)*stride+wavePad)
		clear(mt.peq)
		mt.peq = mt.peq[:(d+1)*stride]
		for i, c := range pat {
			mt.peq[int(c)*stride+i/wordBits] |= 1 << uint(i%wordBits)
		}
		return
	}
	// Sparse mode: ids with at least stride/8 occurrences get a row; there
	// are at most 8m/stride <= 512 of them.
	minDense := int32(stride / 8)
	mt.rowOf = grow32(mt.rowOf, d+1)
	rows, lists := int32(1), int32(0)
	mt.rowOf[0] = 0
	for c := 1; c <= d; c++ {
		if mt.cnt[c] >= minDense {
			mt.rowOf[c] = rows
			rows++
		} else {
			mt.rowOf[c] = -(lists + 1)
			lists++
		}
	}
	mt.peq = grow64(mt.peq, int(rows)*stride)
	clear(mt.peq)
	mt.spStart = grow32(mt.spStart, int(lists)+1)
	clear(mt.spStart)
	for c := 1; c <= d; c++ {
		if r := mt.rowOf[c]; r < 0 {
			mt.spStart[-r] = mt.cnt[c] // count into slot s+1
		}
	}
	for s := 1; s <= int(lists); s++ {
		mt.spStart[s] += mt.spStart[s-1]
	}
	mt.spPos = grow32(mt.spPos, int(mt.spStart[lists]))
	fill := make([]int32, lists) // build time only, once per pattern
	for i, c := range pat {
		r := mt.rowOf[c]
		if r >= 0 {
			mt.peq[int(r)*stride+i/wordBits] |= 1 << uint(i%wordBits)
		} else {
			s := -r - 1
			mt.spPos[mt.spStart[s]+fill[s]] = int32(i)
			fill[s]++
		}
	}
	mt.eq = grow64(mt.eq, stride)
	clear(mt.eq)
}

// boundPays reports whether the histogram bound (boundExceeds) is worth
// computing before the kernel for a pattern of m runes and a cutoff k: not
// where dist runs the one-word banded kernel, nor where it runs the
// wavefront kernel (up to 4 blocks, a band wider than
// one word), which costs about as much as the bound, while messages of one
// template share most of their runes, so the bound rarely decides.
func boundPays(m, k int) bool {
	if k <= bandMax && m > wordBits {
		return false // the one-word banded kernel stops sooner than the bound is computed
	}
	return !useWave || m > 4*wordBits || 2*k+1 <= wordBits
}

// boundExceeds reports whether max(m, n) minus the number of runes the
// pattern and text have in common as multisets exceeds k: an exact lower
// bound of the edit distance, since one edit removes at most one rune of
// excess from each side. It stops as soon as enough common runes are seen.
// tc is zeroed scratch of len >= d+1 and is zeroed again on return.
func (mt *matcher) boundExceeds(text []int32, tc []int32, k int) bool {
	need := max(mt.m, len(text)) - k // common runes that keep the bound <= k
	common, i := 0, 0
	for ; i < len(text) && common < need; i++ {
		c := text[i] // id 0 (not in the pattern) has cnt 0: never common
		if tc[c] < mt.cnt[c] {
			common++
		}
		tc[c]++
	}
	for _, c := range text[:i] {
		tc[c] = 0
	}
	return common < need
}

// dist returns the Levenshtein distance between the first mEff runes of the
// pattern and text, or some value > k when it exceeds k (k < 0: no cutoff).
// mEff < m is how a common suffix is stripped without rebuilding the table:
// bit i of the vectors depends only on bits <= i.
func (mt *matcher) dist(text []int32, mEff, k int) int {
	n := len(text)
	if mEff == 0 {
		return n
	}
	if n == 0 {
		return mEff
	}
	if k < 0 || k > max(mEff, n) {
		k = max(mEff, n)
	}
	if diff := mEff - n; diff > k || -diff > k {
		return k + 1
	}
	if mEff <= wordBits && !mt.sparse {
		return mt.dist1(text, mEff, k)
	}
	if mt.bandFits(mEff, k) {
		return mt.distBand(text, mEff, 0, k)
	}
	// Ukkonen's doubling: a band for distance k costs about (2k+1)/64
	// blocks per column instead of all of them, and a result <= k is
	// exact, so similar strings finish in a narrow band.
	full := max(mEff, n)
	if !mt.sparse && mEff <= 4*wordBits && (k == full || 2*k+1 > wordBits) && mt.waveOK() {
		// The wavefront kernel runs all four blocks of a column in about
		// the time the banded one takes for one block, and its result is
		// exact, so it answers any cutoff; only a band of one word (a
		// high threshold, as Analyze's) is cheaper, and exits early.
		if d := mt.distFull(text, mEff); d <= k {
			return d
		}
		return k + 1
	}
	if k == full && !mt.sparse {
		if full < 8*wordBits {
			return mt.distFull(text, mEff)
		}
		for kk := max(wordBits/2, abs(mEff-n)); kk < full/8; kk *= 2 {
			if d := mt.distBlocks(text, mEff, kk); d <= kk {
				return d
			}
		}
	}
	return mt.distBlocks(text, mEff, k)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// dist1 is the one-word kernel (mEff <= 64).
func (mt *matcher) dist1(text []int32, mEff, k int) int {
	peq, stride := mt.peq, mt.stride
	vp, vn := ^uint64(0), uint64(0)
	score := mEff
	bit := uint(mEff - 1)
	n := len(text)
	check := k < max(mEff, n)
	for j, c := range text {
		var ph, mh uint64
		vp, vn, ph, mh = step(peq[int(c)*stride], vp, vn, 1, 0)
		score += int((ph>>bit)&1) - int((mh>>bit)&1)
		if check && score-(n-j-1) > k {
			return k + 1
		}
	}
	return score
}

// row returns the match vector of id c, filling mt.eq for a sparse id; the
// caller clears a sparse fill with unrow.
func (mt *matcher) row(c int32) []uint64 {
	stride := mt.stride
	if !mt.sparse {
		return mt.peq[int(c)*stride : int(c)*stride+stride]
	}
	r := mt.rowOf[c]
	if r >= 0 {
		return mt.peq[int(r)*stride : int(r)*stride+stride]
	}
	s := -r - 1
	for _, p := range mt.spPos[mt.spStart[s]:mt.spStart[s+1]] {
		mt.eq[p/wordBits] |= 1 << uint(p%wordBits)
	}
	return mt.eq
}

func (mt *matcher) unrow(c int32) {
	if mt.sparse {
		if r := mt.rowOf[c]; r < 0 {
			s := -r - 1
			for _, p := range mt.spPos[mt.spStart[s]:mt.spStart[s+1]] {
				mt.eq[p/wordBits] = 0
			}
		}
	}
}

// distFull is the multi-word kernel without a band: every block, every
// column (no cutoff, short patterns, where a band would save little).
func (mt *matcher) distFull(text []int32, mEff int) int {
	w := (mEff + wordBits - 1) / wordBits
	switch w {
	case 2:
		return mt.distFull2(text, mEff)
	case 3:
		return mt.distFull3(text, mEff)
	case 4:
		return mt.distFull4(text, mEff)
	}
	lastBit := uint(mEff - (w-1)*wordBits - 1)
	vp, vn := mt.vp[:w], mt.vn[:w]
	for b := range vp {
		vp[b], vn[b] = ^uint64(0), 0
	}
	peq, stride := mt.peq, mt.stride
	score := mEff
	lastVP, lastVN := vp[:w-1], vn[:w-1]
	for _, c := range text {
		eqs := peq[int(c)*stride : int(c)*stride+w]
		hp, hn := uint64(1), uint64(0)
		for b := range lastVP {
			npv, nmv, ph, mh := step(eqs[b], lastVP[b], lastVN[b], hp, hn)
			lastVP[b], lastVN[b] = npv, nmv
			hp, hn = ph>>63, mh>>63
		}
		npv, nmv, ph, mh := step(eqs[w-1], vp[w-1], vn[w-1], hp, hn)
		vp[w-1], vn[w-1] = npv, nmv
		score += int((ph>>lastBit)&1) - int((mh>>lastBit)&1)
	}
	return score
}

// step advances one block by one text column: eq is the block's match
// vector, pv/mv its vertical deltas, hp/hn the horizontal delta entering at
// its top (1 in one of them, or both 0). It returns the new vertical deltas
// and the horizontal deltas of its rows before the shift.
func step(eq, pv, mv, hp, hn uint64) (npv, nmv, ph, mh uint64) {
	xv := eq | mv
	eq |= hn
	xh := (((eq & pv) + pv) ^ pv) | eq
	ph = mv | ^(xh | pv)
	mh = pv & xh
	sp := ph<<1 | hp
	sm := mh<<1 | hn
	return sm | ^(xv | sp), sp & xv, ph, mh
}

// distBlocks is the multi-word kernel restricted to the cells that can lie
// on a path of cost <= k ("viable" cells: D[i][j] + |(m-i)-(n-j)| <= k).
// Only a contiguous range of blocks is advanced per column:
//   - a block is dropped from either end of the range when the lower bound
//     of D + |(m-i)-(n-j)| over its rows exceeds k; vertical deltas are
//     within ±1, so D[i][j] >= score(bottom) - (bottom - i); block 0's rows
//     include row 0, which no block holds but which is viable while the
//     path's first steps are insertions;
//   - a block is entered below the range when its top row can become
//     viable: a viable cell's best predecessor is viable, so the new top
//     row is reached from the bottom row of the range, from the previous
//     column (diagonal) or the current one (vertical);
//   - the first block of the range takes a horizontal delta of +1 from
//     above and an entered block starts from a column growing by 1 per row.
//
// Cells outside the range hold over-estimates, never under-estimates, and
// every viable cell is computed from viable cells, so a distance <= k is
// exact and a larger one is reported as larger than k.
func (mt *matcher) distBlocks(text []int32, mEff, k int) int {
	n := len(text)
	w := (mEff + wordBits - 1) / wordBits
	lastRows := mEff - (w-1)*wordBits // rows in block w-1, 1..64
	lastBit := uint(lastRows - 1)
	mt.sc = growInt(mt.sc, w)
	vp, vn, sc := mt.vp[:w], mt.vn[:w], mt.sc[:w]
	stride := mt.stride
	rows := func(b int) int {
		if b == w-1 {
			return lastRows
		}
		return wordBits
	}
	// bound is the least D+|c-i| over the rows i of block b, c = m-n+j.
	// Block 0 answers for row 0 too (D[0][j] = j, exact in every column):
	// when the text is longer, the cheapest paths run along row 0 first,
	// so row 0 can be viable while no row of block 0 is yet, and dropping
	// block 0 or stopping then would lose a distance of exactly k.
	bound := func(b, c int) int {
		top := b*wordBits + 1
		if b == 0 {
			top = 0
		}
		bottom := b*wordBits + rows(b)
		return sc[b] - bottom + max(c, 2*top-c)
	}
	first, last := 0, 0
	vp[0], vn[0], sc[0] = ^uint64(0), 0, rows(0)
	for last < w-1 {
		top := (last+1)*wordBits + 1
		if top+abs(mEff-n-top) > k {
			break
		}
		last++
		vp[last], vn[last], sc[last] = ^uint64(0), 0, sc[last-1]+rows(last)
	}
	for j1, c := range text {
		c0 := mEff - n + j1 + 1
		var eqs []uint64
		if !mt.sparse {
			eqs = mt.peq[int(c)*stride : int(c)*stride+w]
		} else {
			eqs = mt.row(c)[:w]
		}
		sPrev := sc[last]
		hp, hn := uint64(1), uint64(0)
		full := min(last+1, w-1) // blocks first..full-1 have 64 rows
		for b := first; b < full; b++ {
			npv, nmv, ph, mh := step(eqs[b], vp[b], vn[b], hp, hn)
			vp[b], vn[b] = npv, nmv
			hp, hn = ph>>63, mh>>63
			sc[b] += int(hp) - int(hn)
		}
		if last == w-1 {
			npv, nmv, ph, mh := step(eqs[last], vp[last], vn[last], hp, hn)
			vp[last], vn[last] = npv, nmv
			sc[last] += int((ph>>lastBit)&1) - int((mh>>lastBit)&1)
		} else if top := (last+1)*wordBits + 1; min(sPrev, sc[last]+1)+abs(c0-top) <= k {
			// enter block last+1 in this column
			last++
			vp[last], vn[last], sc[last] = ^uint64(0), 0, sPrev+rows(last)
			npv, nmv, ph, mh := step(eqs[last], vp[last], vn[last], hp, hn)
			vp[last], vn[last] = npv, nmv
			bit := uint(rows(last) - 1)
			sc[last] += int((ph>>bit)&1) - int((mh>>bit)&1)
		}
		if mt.sparse {
			mt.unrow(c)
		}
		for first < last && bound(first, c0) > k {
			first++
		}
		for last > first && bound(last, c0) > k {
			last--
		}
		if bound(first, c0) > k {
			return k + 1
		}
	}
	if last != w-1 {
		return k + 1
	}
	return sc[w-1]
}

func growInt(s []int, n int) []int {
	if cap(s) < n {
		return make([]int, n)
	}
	return s[:n]
}
