#include "textflag.h"

// func prefetchAddrs(addrs *uintptr, n int)
TEXT ·prefetchAddrs(SB), NOSPLIT, $0-16
	MOVQ addrs+0(FP), BX
	MOVQ n+8(FP), CX
	TESTQ CX, CX
	JLE done

loop:
	MOVQ (BX), SI
	PREFETCHT0 (SI)
	ADDQ $8, BX
	DECQ CX
	JNZ loop

done:
	RET
