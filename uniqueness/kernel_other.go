//go:build !amd64 || purego

package uniqueness

// full4 runs the 4-block kernel over text with a table of stride 4 and
// leaves the final column's vertical deltas in st.
func full4(peq []uint64, text []int32, st *[8]uint64) { full4Go(peq, text, st) }
