package events

import "golang.org/x/sys/cpu"

// findSeparators is findSeparatorsAVX2 where the processor has AVX2, else findSeparatorsGo.
var findSeparators = findSeparatorsGo

func init() {
	if cpu.X86.HasAVX2 {
		findSeparators = findSeparatorsAVX2
	}
}

// findSeparatorsAVX2 does what findSeparatorsGo does, 32 bytes per instruction.
func findSeparatorsAVX2(data []byte, masks []uint64) (wide, cr bool) {
	return separatorsAVX2(&data[0], len(masks), &masks[0])
}

// separatorsAVX2 is findSeparatorsAVX2 on n blocks of 64 bytes from data; n must be at
// least 1.
//
//go:noescape
func separatorsAVX2(data *byte, n int, masks *uint64) (wide, cr bool)
