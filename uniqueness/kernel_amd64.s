//go:build !purego

#include "textflag.h"

// func full4(peq []uint64, text []int32, st *[8]uint64)
// func full3(peq []uint64, text []int32, st *[8]uint64)
// func full2(peq []uint64, text []int32, st *[8]uint64)
//
// The 4-block kernel of distFull4 (and the 3- and 2-block ones) with the eight vertical-delta vectors in
// registers: R8/R9, R10/R11, R12/R13, R14/R15 hold VP/VN of blocks 0..3.
// AX is the current table row (4 words), SI the text pointer, BX/CX the
// horizontal deltas (+1/-1) carried from one block into the next, DX/DI
// temporaries. The caller guarantees that every id c in text has a full
// row: (c+1)*w <= len(peq), w the number of blocks and the table's stride.
// On return st holds VP0, VN0, ..., VP(w-1), VN(w-1).

// BLOCK advances block P/M (at byte offset OFF in the row) by one column,
// taking the carries in BX (hp) and CX (hn) and leaving its own in them.
#define BLOCK(OFF, P, M) \
	MOVQ OFF(AX), DX \
	ORQ  CX, DX \
	MOVQ DX, DI \
	ANDQ P, DI \
	ADDQ P, DI \
	XORQ P, DI \
	ORQ  DX, DI \
	MOVQ DI, DX \
	ORQ  P, DX \
	NOTQ DX \
	ORQ  M, DX \
	ANDQ P, DI \
	MOVQ OFF(AX), P \
	ORQ  M, P \
	MOVQ DX, M \
	SHRQ $63, M \
	SHLQ $1, DX \
	ORQ  BX, DX \
	MOVQ M, BX \
	MOVQ DI, M \
	SHRQ $63, M \
	SHLQ $1, DI \
	ORQ  CX, DI \
	MOVQ M, CX \
	MOVQ DX, M \
	ANDQ P, M \
	ORQ  DX, P \
	NOTQ P \
	ORQ  DI, P

// BLOCK0 is BLOCK for block 0 (in R8/R9), whose incoming horizontal delta
// is the constant +1 of row 0 (hp = 1, hn = 0).
#define BLOCK0 \
	MOVQ 0(AX), DX \
	MOVQ DX, DI \
	ANDQ R8, DI \
	ADDQ R8, DI \
	XORQ R8, DI \
	ORQ  DX, DI \
	MOVQ DI, DX \
	ORQ  R8, DX \
	NOTQ DX \
	ORQ  R9, DX \
	ANDQ R8, DI \
	MOVQ 0(AX), R8 \
	ORQ  R9, R8 \
	MOVQ DX, BX \
	SHRQ $63, BX \
	LEAQ 1(DX)(DX*1), DX \
	MOVQ DI, CX \
	SHRQ $63, CX \
	SHLQ $1, DI \
	MOVQ DX, R9 \
	ANDQ R8, R9 \
	ORQ  DX, R8 \
	NOTQ R8 \
	ORQ  DI, R8

TEXT ·full4(SB), NOSPLIT, $0-56
	MOVQ text_base+24(FP), SI
	MOVQ text_len+32(FP), AX
	LEAQ (SI)(AX*4), AX
	MOVQ AX, text_len+32(FP) // from here on: the end of text
	MOVQ $-1, R8
	XORQ R9, R9
	MOVQ $-1, R10
	XORQ R11, R11
	MOVQ $-1, R12
	XORQ R13, R13
	MOVQ $-1, R14
	XORQ R15, R15
	CMPQ SI, AX
	JEQ  done

loop:
	MOVLQZX (SI), AX
	SHLQ    $5, AX
	ADDQ    peq_base+0(FP), AX
	BLOCK0
	BLOCK(8, R10, R11)
	BLOCK(16, R12, R13)
	BLOCK(24, R14, R15)
	ADDQ    $4, SI
	CMPQ    SI, text_len+32(FP)
	JNE     loop

done:
	MOVQ st+48(FP), AX
	MOVQ R8, 0(AX)
	MOVQ R9, 8(AX)
	MOVQ R10, 16(AX)
	MOVQ R11, 24(AX)
	MOVQ R12, 32(AX)
	MOVQ R13, 40(AX)
	MOVQ R14, 48(AX)
	MOVQ R15, 56(AX)
	RET

TEXT ·full3(SB), NOSPLIT, $0-56
	MOVQ text_base+24(FP), SI
	MOVQ text_len+32(FP), AX
	LEAQ (SI)(AX*4), AX
	MOVQ AX, text_len+32(FP) // from here on: the end of text
	MOVQ $-1, R8
	XORQ R9, R9
	MOVQ $-1, R10
	XORQ R11, R11
	MOVQ $-1, R12
	XORQ R13, R13
	CMPQ SI, AX
	JEQ  done

loop:
	MOVLQZX (SI), AX
	LEAQ    (AX)(AX*2), AX
	SHLQ    $3, AX
	ADDQ    peq_base+0(FP), AX
	BLOCK0
	BLOCK(8, R10, R11)
	BLOCK(16, R12, R13)
	ADDQ    $4, SI
	CMPQ    SI, text_len+32(FP)
	JNE     loop

done:
	MOVQ st+48(FP), AX
	MOVQ R8, 0(AX)
	MOVQ R9, 8(AX)
	MOVQ R10, 16(AX)
	MOVQ R11, 24(AX)
	MOVQ R12, 32(AX)
	MOVQ R13, 40(AX)
	RET

TEXT ·full2(SB), NOSPLIT, $0-56
	MOVQ text_base+24(FP), SI
	MOVQ text_len+32(FP), AX
	LEAQ (SI)(AX*4), AX
	MOVQ AX, text_len+32(FP) // from here on: the end of text
	MOVQ $-1, R8
	XORQ R9, R9
	MOVQ $-1, R10
	XORQ R11, R11
	CMPQ SI, AX
	JEQ  done

loop:
	MOVLQZX (SI), AX
	SHLQ    $4, AX
	ADDQ    peq_base+0(FP), AX
	BLOCK0
	BLOCK(8, R10, R11)
	ADDQ    $4, SI
	CMPQ    SI, text_len+32(FP)
	JNE     loop

done:
	MOVQ st+48(FP), AX
	MOVQ R8, 0(AX)
	MOVQ R9, 8(AX)
	MOVQ R10, 16(AX)
	MOVQ R11, 24(AX)
	RET
