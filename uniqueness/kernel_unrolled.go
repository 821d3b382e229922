package uniqueness

import "math/bits"

// distFull2, distFull3 and distFull4 are distFull for 2, 3 and 4 blocks
// with the vectors in registers instead of memory: in assembly on amd64
// when the table's stride is the block count (kernel_amd64.s), in Go
// otherwise. The loop does not track the score: D[m][n] is n plus the sum
// of the last column's vertical deltas over rows 1..mEff.

func (mt *matcher) distFull2(text []int32, mEff int) int {
	if mt.waveOK() {
		return mt.distWave(text, mEff, 2)
	}
	var st [8]uint64
	if mt.stride == 2 {
		full2(mt.peq, text, &st)
	} else {
		full2Strided(mt.peq, mt.stride, text, &st)
	}
	return lastScore(len(text), mEff, st[:4])
}

func (mt *matcher) distFull3(text []int32, mEff int) int {
	if mt.waveOK() {
		return mt.distWave(text, mEff, 3)
	}
	var st [8]uint64
	if mt.stride == 3 {
		full3(mt.peq, text, &st)
	} else {
		full3Strided(mt.peq, mt.stride, text, &st)
	}
	return lastScore(len(text), mEff, st[:6])
}

func (mt *matcher) distFull4(text []int32, mEff int) int {
	if mt.waveOK() {
		return mt.distWave(text, mEff, 4)
	}
	var st [8]uint64
	if mt.stride == 4 {
		full4(mt.peq, text, &st)
	} else {
		full4Strided(mt.peq, mt.stride, text, &st)
	}
	return lastScore(len(text), mEff, st[:8])
}

// wavePad is the number of words past a table's last row that wave4 may
// read: lane b reads word b of a row, whatever the table's stride.
const wavePad = 4

// waveOK reports whether the wavefront kernel can run on this table: the
// CPU has it, and every row has 4 readable words (the table's capacity
// reaches 4 words past the start of its last row).
func (mt *matcher) waveOK() bool {
	return useWave && cap(mt.peq)-len(mt.peq) >= wavePad-mt.stride
}

// distWave is distFull for 2 to 4 blocks on the wavefront kernel.
func (mt *matcher) distWave(text []int32, mEff, w int) int {
	var st [8]uint64
	wave4(mt.peq[:cap(mt.peq)], mt.stride*8, text, &st)
	il := [8]uint64{st[0], st[4], st[1], st[5], st[2], st[6], st[3], st[7]}
	return lastScore(len(text), mEff, il[:2*w])
}

// lastScore returns D[mEff][n] from the last column's vertical deltas st
// (VP0, VN0, VP1, VN1, ...): n plus the +1 rows minus the -1 rows among
// rows 1..mEff. Rows past mEff (a stripped suffix still in the table) are
// masked off; they never influence the rows above them.
func lastScore(n, mEff int, st []uint64) int {
	w := len(st) / 2
	score := n
	for b := 0; b < w-1; b++ {
		score += bits.OnesCount64(st[2*b]) - bits.OnesCount64(st[2*b+1])
	}
	mask := ^uint64(0) >> uint(w*wordBits-mEff)
	return score + bits.OnesCount64(st[2*w-2]&mask) - bits.OnesCount64(st[2*w-1]&mask)
}

// full2Strided, full3Strided and full4Strided are the Go kernels for 2, 3
// and 4 blocks of a table of the given stride (>= the block count), leaving
// VP0, VN0, VP1, VN1, ... of the last column in st.

func full2Strided(peq []uint64, stride int, text []int32, st *[8]uint64) {
	vp0, vp1 := ^uint64(0), ^uint64(0)
	var vn0, vn1 uint64
	for _, c := range text {
		eqs := (*[2]uint64)(peq[int(c)*stride:])
		var ph, mh uint64
		vp0, vn0, ph, mh = step(eqs[0], vp0, vn0, 1, 0)
		vp1, vn1, _, _ = step(eqs[1], vp1, vn1, ph>>63, mh>>63)
	}
	*st = [8]uint64{vp0, vn0, vp1, vn1}
}

func full3Strided(peq []uint64, stride int, text []int32, st *[8]uint64) {
	vp0, vp1, vp2 := ^uint64(0), ^uint64(0), ^uint64(0)
	var vn0, vn1, vn2 uint64
	for _, c := range text {
		eqs := (*[3]uint64)(peq[int(c)*stride:])
		var ph, mh uint64
		vp0, vn0, ph, mh = step(eqs[0], vp0, vn0, 1, 0)
		vp1, vn1, ph, mh = step(eqs[1], vp1, vn1, ph>>63, mh>>63)
		vp2, vn2, _, _ = step(eqs[2], vp2, vn2, ph>>63, mh>>63)
	}
	*st = [8]uint64{vp0, vn0, vp1, vn1, vp2, vn2}
}

func full4Strided(peq []uint64, stride int, text []int32, st *[8]uint64) {
	vp0, vp1, vp2, vp3 := ^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0)
	var vn0, vn1, vn2, vn3 uint64
	for _, c := range text {
		eqs := (*[4]uint64)(peq[int(c)*stride:])
		var ph, mh uint64
		vp0, vn0, ph, mh = step(eqs[0], vp0, vn0, 1, 0)
		vp1, vn1, ph, mh = step(eqs[1], vp1, vn1, ph>>63, mh>>63)
		vp2, vn2, ph, mh = step(eqs[2], vp2, vn2, ph>>63, mh>>63)
		vp3, vn3, _, _ = step(eqs[3], vp3, vn3, ph>>63, mh>>63)
	}
	*st = [8]uint64{vp0, vn0, vp1, vn1, vp2, vn2, vp3, vn3}
}
