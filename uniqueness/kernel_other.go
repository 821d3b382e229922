//go:build !amd64 || purego

package uniqueness

// full4, full3 and full2 run the 4-, 3- and 2-block kernel over text with
// a table of that stride and leave the final column's vertical deltas in
// st.
func full4(peq []uint64, text []int32, st *[8]uint64) { full4Strided(peq, 4, text, st) }
func full3(peq []uint64, text []int32, st *[8]uint64) { full3Strided(peq, 3, text, st) }
func full2(peq []uint64, text []int32, st *[8]uint64) { full2Strided(peq, 2, text, st) }

// useWave is false: wave4 is the AVX2 kernel of amd64.
var useWave = false

// wave4 leaves the 4-block kernel's vertical deltas in st as the amd64
// wavefront kernel does: VP of blocks 0..3, then VN of blocks 0..3.
func wave4(peq []uint64, stride8 int, text []int32, st *[8]uint64) {
	var il [8]uint64
	full4Strided(peq, stride8/8, text, &il)
	*st = [8]uint64{il[0], il[2], il[4], il[6], il[1], il[3], il[5], il[7]}
}
