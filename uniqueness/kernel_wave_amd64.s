//go:build !purego

#include "textflag.h"

// func wave4(peq []uint64, stride8 int, text []int32, st *[8]uint64)
//
// The 4-block kernel as a wavefront over the four 64-bit lanes of an AVX2
// register: at step t, lane b advances block b by text column t-b. Block b
// of column j needs the vertical deltas of block b at column j-1 (its own
// lane, one step earlier) and the horizontal carries of block b-1 at
// column j (the lane below, one step earlier), so each step is one vector
// update plus a one-lane rotation of the carries, and the chain of
// dependent operations per column is one block long instead of four. A
// lane whose column is outside [0, n) keeps its vectors (the first and last
// three steps); its carries only ever reach lanes that are outside too.
//
// stride8 is the table's row size in bytes; lane b reads word b of a row,
// so every row the text names and row 0 must have 4 readable words. On
// return st holds VP of blocks 0..3, then VN of blocks 0..3.
//
// Registers: Y0 VP, Y1 VN, Y2/Y3 the carries entering this step (hp, hn),
// Y4 the match vector, Y5..Y10 temporaries, Y11 all ones, Y12 each lane's
// column, Y13 n in every lane. R8..R11 are the table rows of text columns
// t, t-1, t-2, t-3; SI walks the text, DI is its end.

DATA colinit<>+0(SB)/8, $0
DATA colinit<>+8(SB)/8, $-1
DATA colinit<>+16(SB)/8, $-2
DATA colinit<>+24(SB)/8, $-3
GLOBL colinit<>(SB), RODATA|NOPTR, $32

DATA lane0one<>+0(SB)/8, $1
DATA lane0one<>+8(SB)/8, $0
DATA lane0one<>+16(SB)/8, $0
DATA lane0one<>+24(SB)/8, $0
GLOBL lane0one<>(SB), RODATA|NOPTR, $32

DATA upper3<>+0(SB)/8, $0
DATA upper3<>+8(SB)/8, $-1
DATA upper3<>+16(SB)/8, $-1
DATA upper3<>+24(SB)/8, $-1
GLOBL upper3<>(SB), RODATA|NOPTR, $32

// STEP advances every lane by one column, keeping the lanes whose column
// is outside [0, n). R8..R11 must hold the rows of this step's columns.
#define STEP \
	VMOVQ      0(R8), X4 \
	VPINSRQ    $1, 8(R9), X4, X4 \
	VMOVQ      16(R10), X5 \
	VPINSRQ    $1, 24(R11), X5, X5 \
	VINSERTI128 $1, X5, Y4, Y4 \
	VPOR       Y1, Y4, Y5 \
	VPOR       Y3, Y4, Y4 \
	VPAND      Y0, Y4, Y6 \
	VPADDQ     Y0, Y6, Y6 \
	VPXOR      Y0, Y6, Y6 \
	VPOR       Y4, Y6, Y6 \
	VPOR       Y0, Y6, Y7 \
	VPXOR      Y11, Y7, Y7 \
	VPOR       Y1, Y7, Y7 \
	VPAND      Y0, Y6, Y8 \
	VPSRLQ     $63, Y7, Y9 \
	VPSRLQ     $63, Y8, Y10 \
	VPSLLQ     $1, Y7, Y7 \
	VPOR       Y2, Y7, Y7 \
	VPSLLQ     $1, Y8, Y8 \
	VPOR       Y3, Y8, Y8 \
	VPERMQ     $0x90, Y9, Y2 \
	VPBLENDD   $3, lane0one<>(SB), Y2, Y2 \
	VPERMQ     $0x90, Y10, Y3 \
	VPAND      upper3<>(SB), Y3, Y3 \
	VPOR       Y7, Y5, Y6 \
	VPXOR      Y11, Y6, Y6 \
	VPOR       Y8, Y6, Y6 \
	VPAND      Y5, Y7, Y7 \
	VPCMPGTQ   Y11, Y12, Y9 \
	VPCMPGTQ   Y12, Y13, Y10 \
	VPAND      Y9, Y10, Y10 \
	VPBLENDVB  Y10, Y6, Y0, Y0 \
	VPBLENDVB  Y10, Y7, Y1, Y1 \
	VPSUBQ     Y11, Y12, Y12

TEXT ·wave4(SB), NOSPLIT, $0-64
	MOVQ peq_base+0(FP), R8
	MOVQ stride8+24(FP), DX
	MOVQ text_base+32(FP), SI
	MOVQ text_len+40(FP), DI
	VPBROADCASTQ text_len+40(FP), Y13
	LEAQ (SI)(DI*4), DI
	MOVQ R8, BX          // row 0: the safe row of columns outside the text
	MOVQ R8, R9
	MOVQ R8, R10
	MOVQ R8, R11
	VPCMPEQQ Y11, Y11, Y11
	VMOVDQU Y11, Y0
	VPXOR Y1, Y1, Y1
	VMOVDQU lane0one<>(SB), Y2
	VPXOR Y3, Y3, Y3
	VMOVDQU colinit<>(SB), Y12
	CMPQ SI, DI
	JEQ  tail

loop:
	MOVQ    R10, R11
	MOVQ    R9, R10
	MOVQ    R8, R9
	MOVLQZX (SI), R8
	IMULQ   DX, R8
	ADDQ    BX, R8
	STEP
	ADDQ    $4, SI
	CMPQ    SI, DI
	JNE     loop

tail:
	MOVQ R10, R11
	MOVQ R9, R10
	MOVQ R8, R9
	MOVQ BX, R8
	STEP
	MOVQ R10, R11
	MOVQ R9, R10
	MOVQ R8, R9
	STEP
	MOVQ R10, R11
	MOVQ R9, R10
	MOVQ R8, R9
	STEP

	MOVQ    st+56(FP), AX
	VMOVDQU Y0, 0(AX)
	VMOVDQU Y1, 32(AX)
	VZEROUPPER
	RET
