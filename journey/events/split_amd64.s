#include "textflag.h"

// func separatorsAVX2(data *byte, n int, masks *uint64) (wide, cr bool)
TEXT ·separatorsAVX2(SB), NOSPLIT, $0-26
	MOVQ data+0(FP), SI
	MOVQ n+8(FP), CX
	MOVQ masks+16(FP), DI
	MOVQ $0x2c, AX
	MOVQ AX, X0
	VPBROADCASTB X0, Y0 // commas
	MOVQ $0x0a, AX
	MOVQ AX, X1
	VPBROADCASTB X1, Y1 // line feeds
	MOVQ $0x0d, AX
	MOVQ AX, X8
	VPBROADCASTB X8, Y8 // carriage returns
	VPXOR Y6, Y6, Y6    // every byte seen, or-ed
	VPXOR Y7, Y7, Y7    // carriage returns seen, or-ed

loop:
	VMOVDQU (SI), Y2
	VMOVDQU 32(SI), Y3
	VPOR Y2, Y6, Y6
	VPOR Y3, Y6, Y6
	VPCMPEQB Y2, Y8, Y4
	VPCMPEQB Y3, Y8, Y5
	VPOR Y4, Y7, Y7
	VPOR Y5, Y7, Y7
	VPCMPEQB Y2, Y0, Y4
	VPCMPEQB Y2, Y1, Y2
	VPOR Y4, Y2, Y2
	VPCMPEQB Y3, Y0, Y5
	VPCMPEQB Y3, Y1, Y3
	VPOR Y5, Y3, Y3
	VPMOVMSKB Y2, AX
	VPMOVMSKB Y3, BX
	SHLQ $32, BX
	ORQ BX, AX
	MOVQ AX, (DI)
	ADDQ $64, SI
	ADDQ $8, DI
	DECQ CX
	JNZ loop

	VPMOVMSKB Y6, AX
	TESTL AX, AX
	SETNE wide+24(FP)
	VPMOVMSKB Y7, AX
	TESTL AX, AX
	SETNE cr+25(FP)
	VZEROUPPER
	RET
