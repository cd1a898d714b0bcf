package events

import (
	"encoding/binary"
	"math/bits"
)

// Byte patterns for finding commas and line feeds eight bytes at a time.
const (
	low7s      = 0x7f7f7f7f7f7f7f7f
	commas     = 0x2c2c2c2c2c2c2c2c
	lineFeeds  = 0x0a0a0a0a0a0a0a0a
	highBitsOf = 0x8080808080808080
)

// zeroBytes returns a word with the high bit set in exactly the bytes of x that are zero.
func zeroBytes(x uint64) uint64 {
	return ^((x&low7s + low7s) | x | low7s)
}

// scanRow splits the unquoted row starting at data[p] on commas, up to its line feed or the
// end of data, which it returns as end. It stores the first len(fields) fields, counts the
// others, and returns how many there are in all, and whether the row may hold bytes beyond
// ASCII (it may then be invalid UTF-8). It reads eight bytes at a time, finding every comma
// and line feed of a word with a few arithmetic operations, so a row costs a handful of
// steps per stored field, and a population count per word of the fields only counted.
func scanRow(data []byte, p int, fields [][]byte) (n, end int, wide bool) {
	start, seen := p, uint64(0)
	for ; p+8 <= len(data); p += 8 {
		w := binary.LittleEndian.Uint64(data[p:])
		seen |= w
		cm := zeroBytes(w^commas) & highBitsOf
		lf := zeroBytes(w^lineFeeds) & highBitsOf
		if lf != 0 {
			// the commas before the first line feed: lf-1 keeps the bits below its lowest
			// one, and a comma's bit is never one of lf's
			cm &= lf - 1
		}
		for ; cm != 0 && n < len(fields); cm &= cm - 1 {
			q := p + bits.TrailingZeros64(cm)>>3
			fields[n] = data[start:q]
			n++
			start = q + 1
		}
		n += bits.OnesCount64(cm)
		if lf != 0 {
			q := p + bits.TrailingZeros64(lf)>>3
			if n < len(fields) {
				fields[n] = data[start:q]
			}
			return n + 1, q, seen&highBitsOf != 0
		}
	}
	for ; p < len(data); p++ {
		c := data[p]
		seen |= uint64(c)
		if c == ',' || c == '\n' {
			if n < len(fields) {
				fields[n] = data[start:p]
			}
			n++
			if c == '\n' {
				return n, p, seen&highBitsOf != 0
			}
			start = p + 1
		}
	}
	if n < len(fields) {
		fields[n] = data[start:]
	}
	return n + 1, len(data), seen&highBitsOf != 0
}
