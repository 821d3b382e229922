//go:build !purego

package uniqueness

// full4 runs the 4-block kernel over text with a table of stride 4 and
// leaves the final column's vertical deltas in st (kernel_amd64.s). Every
// id c of text must have a full row: (c+1)*4 <= len(peq).
//
//go:noescape
func full4(peq []uint64, text []int32, st *[8]uint64)
