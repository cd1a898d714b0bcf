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
	returns    = 0x0d0d0d0d0d0d0d0d
	highBitsOf = 0x8080808080808080
	// gatherHighBits, multiplied with a word holding 0 or 1 in each byte, gathers the eight
	// bytes' bits into its top byte, the first byte's bit lowest.
	gatherHighBits = 0x0102040810204080
)

// batchWords is how many 64-byte blocks a splitter finds the separators of at once: enough
// to amortise the call, few enough that the masks stay in the first-level cache.
const batchWords = 64

// rowFlags says what a row may hold that most rows do not.
type rowFlags uint8

const (
	wideBytes       rowFlags = 1 << iota // bytes beyond ASCII: the row may be invalid UTF-8
	carriageReturns                      // a carriage return: CRLF, or a lone one
)

// splitter splits unquoted rows on commas and line feeds. It finds the separators of 64
// bytes at a time (with AVX2 where the processor has it) as one bit mask, a batch of masks
// ahead, and then walks from separator to separator, so a row costs a few steps per field
// whatever its length.
type splitter struct {
	data []byte
	base int    // where the batch in masks starts in data
	k    int    // the mask being walked
	n    int    // how many masks the batch has
	cur  uint64 // the separators of mask k not yet walked past
	pos  int    // where mask k starts in data
	// inBatch flags what the batch holds; inRow what the batches the current row overlaps do.
	inBatch, inRow rowFlags
	masks          [batchWords]uint64
	tail           [64]byte // the last, partial 64 bytes of data, padded with zeros
}

// reset starts splitting data.
func (s *splitter) reset(data []byte) {
	s.data, s.base, s.inBatch = data, 0, 0
	s.fill()
}

// fill finds the separators of the batch from s.base and makes its first mask current.
// With no data left, the current mask is a separator at len(data), which stays put.
func (s *splitter) fill() {
	rest := s.data[s.base:]
	whole := min(len(rest)/64, batchWords)
	var wide, cr bool
	switch {
	case whole > 0:
		s.n = whole
		wide, cr = findSeparators(rest[:whole*64], s.masks[:whole])
	case len(rest) > 0:
		clear(s.tail[copy(s.tail[:], rest):])
		s.n = 1
		wide, cr = findSeparators(s.tail[:], s.masks[:1])
	default:
		s.n, s.masks[0] = 1, 1
	}
	s.inBatch = 0
	if wide {
		s.inBatch |= wideBytes
	}
	if cr {
		s.inBatch |= carriageReturns
	}
	s.inRow |= s.inBatch
	s.k, s.cur, s.pos = 0, s.masks[0], s.base
}

// advance makes the next mask current, filling the next batch after the last, and returns
// it and where it starts.
func (s *splitter) advance() (uint64, int) {
	if s.k++; s.k < s.n {
		s.pos += 64
		return s.masks[s.k], s.pos
	}
	s.base = min(s.base+s.n*64, len(s.data))
	s.fill()
	return s.cur, s.pos
}

// row splits the row starting at p, which must follow the last separator walked (or be 0),
// into r: the fields up to the last one r holds. It returns how many fields the row has
// in all, where its line feed is (or len(data) without one), and what the row may hold.
func (s *splitter) row(p int, r *record) (n, end int, flags rowFlags) {
	data, cur, pos, seps := s.data, s.cur, s.pos, r.seps
	r.data, r.fields = data, nil
	s.inRow = s.inBatch
	seps[0] = int32(p - 1)
	for {
		for cur == 0 {
			cur, pos = s.advance()
		}
		q := pos + bits.TrailingZeros64(cur)
		cur &= cur - 1
		if n++; n < len(seps) {
			seps[n] = int32(q)
		}
		if q == len(data) || data[q] == '\n' {
			s.cur, s.pos = cur, pos
			return n, q, s.inRow
		}
	}
}

// record holds the fields of a row. Split by the fast path, they are offsets into the
// bytes they are in, which is cheaper to fill than slices: field i is
// data[seps[i]+1 : seps[i+1]], and the record holds the first len(seps)-1 fields. Parsed
// by RFC 4180, they are in fields.
type record struct {
	data   []byte
	seps   []int32
	fields [][]byte
	// rule is the rule of the row's event name when ruled is set: a reader that knows it
	// already (see pqDict.rules) spares the name's lookup.
	rule  *rule
	ruled bool
}

// field returns field i.
func (r *record) field(i int) []byte {
	if r.fields != nil {
		return r.fields[i]
	}
	return r.data[r.seps[i]+1 : r.seps[i+1]]
}

// findSeparatorsGo stores in masks[i] the commas and line feeds of data[64*i:64*i+64], bit
// j for byte j, and reports whether data holds bytes beyond ASCII and carriage returns.
// len(data) must be 64*len(masks).
func findSeparatorsGo(data []byte, masks []uint64) (wide, cr bool) {
	seen, returned := uint64(0), uint64(0)
	for i := range masks {
		m := uint64(0)
		for j := range 8 {
			w := binary.LittleEndian.Uint64(data[64*i+8*j:])
			seen |= w
			returned |= zeroBytes(w ^ returns)
			sep := (zeroBytes(w^commas) | zeroBytes(w^lineFeeds)) & highBitsOf
			m |= ((sep >> 7) * gatherHighBits >> 56) << (8 * j)
		}
		masks[i] = m
	}
	return seen&highBitsOf != 0, returned&highBitsOf != 0
}

// zeroBytes returns a word with the high bit set in exactly the bytes of x that are zero.
func zeroBytes(x uint64) uint64 {
	return ^((x&low7s + low7s) | x | low7s)
}
