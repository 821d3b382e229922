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
		// Column pre of a common prefix: D[i][pre] = |i-pre|.
		vn = 1<<uint(pre) - 1
		vp = ^vn
		end := min(n, j1)
		for ; j < end; j++ {
			eq := peq[int(text[j])*stride]
			xv := eq | vn
			xh := (((eq & vp) + vp) ^ vp) | eq
			ph := vn | ^(xh | vp)
			mh := vp & xh
			ph = ph<<1 | 1
			mh <<= 1
			vp = mh | ^(xv | ph)
			vn = ph & xv
		}
		// D[r][end] = end + the deltas of rows 1..r; 0 <= r <= 64.
		r := uint(end + mEff - n)
		mask := uint64(1)<<r - 1
		score = end + bits.OnesCount64(vp&mask) - bits.OnesCount64(vn&mask)
		if score > k {
			return k + 1
		}
		if end == n {
			return score
		}
		// Into the moving frame of column end+1: rows 2..65 of column end.
		vp = vp>>1 | 1<<63
		vn >>= 1
	} else {
		// Column pre in the moving frame: rows pre+k-62..pre+k+1, row pre
		// at bit 62-k.
		vn = 1<<uint(63-k) - 1
		vp = ^vn
		score = abs(mEff - n)
	}
	dbit := uint(63 - k + mEff - n)
	for ; j < n; j++ {
		// Column j+1: bit b is pattern index j+1+k-64+b.
		pos := j + 1 + k - wordBits
		base := int(text[j])*stride + pos>>6
		sh := uint(pos) & 63
		eq := peq[base]>>sh | (peq[base+1]<<1)<<(63-sh)
		d0 := (((eq & vp) + vp) ^ vp) | eq | vn
		hp := vn | ^(d0 | vp)
		hn := vp & d0
		score += 1 - int(d0>>dbit&1)
		if score > k {
			return k + 1
		}
		vp = 1<<63 | hn | ^(d0>>1 | hp)
		vn = hp & (d0 >> 1)
	}
	return score
}
