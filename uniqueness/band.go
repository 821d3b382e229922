package uniqueness

import "math/bits"

// bandMax is the largest cutoff the one-word banded kernel (distBand)
// takes: its frame of 64 rows holds the diagonal band of 2k+1 rows plus one
// row below it.
const bandMax = (wordBits - 2) / 2

// bandFits reports whether distBand runs for a pattern of mEff runes and a
// cutoff k: patterns longer than one word (shorter ones take dist1), dense
// tables, and a band of one word.
func (mt *matcher) bandFits(mEff, k int) bool {
	return k >= 0 && k <= bandMax && mEff > wordBits && !mt.sparse
}

// prefixColumn returns the vertical deltas of column pre after a common
// prefix of pre runes: D[i][pre] = |i-pre|, so -1 down to row pre, +1 below.
func prefixColumn(pre int) (vp, vn uint64) {
	vn = 1<<uint(pre) - 1
	return ^vn, vn
}

// fixedScore returns D[r][end] of a column of the fixed frame (rows
// 1..64) from its deltas: end plus the deltas of rows 1..r, 0 <= r <= 64.
func fixedScore(vp, vn uint64, end int, r uint) int {
	mask := uint64(1)<<r - 1
	return end + bits.OnesCount64(vp&mask) - bits.OnesCount64(vn&mask)
}

// intoFrame moves the deltas of the last column of the fixed frame into
// the moving frame of the next column: rows 2..65 of the column.
func intoFrame(vp, vn uint64) (uint64, uint64) {
	return vp>>1 | 1<<63, vn >> 1
}

// frameStart returns the deltas of column pre of a common prefix in the
// moving frame (pre > 64-k): rows pre+k-62..pre+k+1, row pre at bit 62-k.
func frameStart(k int) (vp, vn uint64) {
	vn = 1<<uint(63-k) - 1
	return ^vn, vn
}

// frameEq returns the match vector of the moving frame of column j+1 from
// the table row that begins at base: bit b is pattern index pos+b, where
// pos = j+1+k-64. peq has one readable word past the table.
func frameEq(peq []uint64, base, pos int) uint64 {
	w, sh := base+pos>>6, uint(pos)&63
	return peq[w]>>sh | (peq[w+1]<<1)<<(63-sh)
}

// distBand is the kernel for a cutoff k <= bandMax on a pattern longer than
// one word: only a frame of 64 consecutive rows is advanced per column, a
// frame that moves one row down per column so that it always holds the
// diagonal band of the cells that can lie on a path of cost <= k (rows
// j-k..j+k of column j), however long the pattern. The result is the
// distance between the first mEff runes of the pattern and text if it is
// <= k, else k+1. The first pre runes of the pattern and text are equal
// (a common prefix): the kernel starts from column pre, whose values are
// known, without reading them. It needs bandFits(mEff, k), |mEff-n| <= k,
// pre <= min(mEff, n), and one readable word past the table (build leaves
// wavePad of them).
//
// The frame of column j (1-based) holds rows j+k-63..j+k, bit b for row
// j+k-63+b, so the cell of the end's diagonal (row j+mEff-n) is always bit
// 63-k+mEff-n. Along a diagonal D grows by 0 or 1, by 0 exactly where
// Hyyrö's diagonal vector D0 has a 1; so that cell's value is tracked by
// one bit per column, it is a lower bound of the distance (D never
// decreases along a diagonal), and at the last column it is the distance.
// Above the frame the kernel takes the horizontal delta +1, an
// over-estimate; so is the vertical delta +1 given to the row entering the
// frame below. Computed values are never below the true ones, and a cell
// whose value is <= k is reached by a path inside the band, all of whose
// cells are computed exactly; so a tracked value <= k is exact and one
// above k means the distance is above k. Rows past mEff (a stripped
// suffix, the bits of the next row of the table) never influence the rows
// above them.
//
// Columns up to 64-k, where the frame would reach above row 1, run the
// plain one-word kernel on rows 1..64 instead, and the diagonal cell's
// value is read from the column's deltas at their end.
func (mt *matcher) distBand(text []int32, mEff, pre, k int) int {
	n := len(text)
	stride := mt.stride
	peq := mt.peq[:len(mt.peq)+1]
	j1 := wordBits - k // the last column of the fixed frame
	var vp, vn uint64
	var score int
	j := pre
	if pre <= j1 {
		vp, vn = prefixColumn(pre)
		end := min(n, j1)
		for ; j < end; j++ {
			vp, vn, _, _ = step(peq[int(text[j])*stride], vp, vn, 1, 0)
		}
		score = fixedScore(vp, vn, end, uint(end+mEff-n)) // the end's diagonal
		if score > k {
			return k + 1
		}
		if end == n {
			return score
		}
		vp, vn = intoFrame(vp, vn)
	} else {
		vp, vn = frameStart(k)
		score = abs(mEff - n)
	}
	dbit := uint(63 - k + mEff - n)
	for ; j < n; j++ {
		var d0 uint64
		vp, vn, d0 = bandStep(frameEq(peq, int(text[j])*stride, j+1+k-wordBits), vp, vn)
		score += 1 - int(d0>>dbit&1)
		if score > k {
			return k + 1
		}
	}
	return score
}
