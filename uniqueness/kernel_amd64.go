//go:build !purego

package uniqueness

import "golang.org/x/sys/cpu"

// useWave selects the AVX2 wavefront kernel (wave4) for 2 to 4 blocks.
var useWave = cpu.X86.HasAVX2

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

// wave4 runs the 4-block kernel as a wavefront over the lanes of one AVX2
// register (kernel_wave_amd64.s); it needs useWave. Every row the text
// names, and row 0, must have 4 readable words at stride8 bytes per row. It
// leaves VP of blocks 0..3, then VN of blocks 0..3, in st.
//
//go:noescape
func wave4(peq []uint64, stride8 int, text []int32, st *[8]uint64)
