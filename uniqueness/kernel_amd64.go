//go:build !purego

package uniqueness

// full4, full3 and full2 run the 4-, 3- and 2-block kernel over text with
// a table of that stride and leave the final column's vertical deltas in
// st (kernel_amd64.s). Every id c of text must have a full row:
// (c+1)*stride <= len(peq).
//
//go:noescape
func full4(peq []uint64, text []int32, st *[8]uint64)

//go:noescape
func full3(peq []uint64, text []int32, st *[8]uint64)

//go:noescape
func full2(peq []uint64, text []int32, st *[8]uint64)
