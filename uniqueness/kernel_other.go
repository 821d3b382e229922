//go:build !amd64 || purego

package uniqueness

// full4, full3 and full2 run the 4-, 3- and 2-block kernel over text with
// a table of that stride and leave the final column's vertical deltas in
// st.
func full4(peq []uint64, text []int32, st *[8]uint64) { full4Strided(peq, 4, text, st) }
func full3(peq []uint64, text []int32, st *[8]uint64) { full3Strided(peq, 3, text, st) }
func full2(peq []uint64, text []int32, st *[8]uint64) { full2Strided(peq, 2, text, st) }
