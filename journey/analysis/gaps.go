package analysis

import (
	"math"
	"slices"
)

// gapList collects gaps (nanoseconds) in chunks, so that growing never copies and merging
// two lists only joins their chunk lists. Gaps of whole seconds, what exports with second
// precision give, are kept as seconds: 16-bit below 18 hours, where most fall, else
// 32-bit; the others as nanoseconds. Every byte counts twice, once written and once read
// per statistic, and a fresh page costs a fault. The statistics taken of a list do not
// depend on the order of its gaps; they read sealed lists.
type gapList struct {
	short chunks[uint16]
	secs  chunks[uint32]
	nano  chunks[int64]
	n     int
}

// minChunk and maxChunk bound the size of a new chunk, which grows with the list.
const (
	minChunk = 64
	maxChunk = 1 << 16
)

func (g *gapList) add(v int64) {
	sec := v / 1e9
	switch {
	case sec*1e9 != v || uint64(sec) > math.MaxUint32:
		g.nano.add(v, g.n)
	case sec <= math.MaxUint16:
		g.short.add(uint16(sec), g.n)
	default:
		g.secs.add(uint32(sec), g.n)
	}
	g.n++
}

// merge adds o's gaps to g, sealing both. The chunks are shared and clipped, so that
// neither list can write into the other's.
func (g *gapList) merge(o *gapList) {
	g.short.merge(&o.short)
	g.secs.merge(&o.secs)
	g.nano.merge(&o.nano)
	g.n += o.n
}

// seal makes every gap of the list part of its done chunks, for reading.
func (g *gapList) seal() {
	g.short.seal()
	g.secs.seal()
	g.nano.seal()
}

// chunks holds values of one kind: done, the chunks filled or sealed, and cur, the rest of
// the chunk being filled. Adding stores into cur alone, one slice header the caller
// already has at hand, rather than into the last of done.
type chunks[T uint16 | uint32 | int64] struct {
	done [][]T
	cur  []T
}

// add appends v, starting a new chunk, sized for a list of n, when cur is full.
func (c *chunks[T]) add(v T, n int) {
	if len(c.cur) == cap(c.cur) {
		c.seal()
		c.cur = make([]T, 0, min(max(minChunk, n), maxChunk))
	}
	c.cur = append(c.cur, v)
}

// seal moves what cur holds to done; later values go to cur's free capacity.
func (c *chunks[T]) seal() {
	if len(c.cur) > 0 {
		c.done = append(c.done, slices.Clip(c.cur))
		c.cur = c.cur[len(c.cur):]
	}
}

// merge seals c and o and adds o's chunks to c.
func (c *chunks[T]) merge(o *chunks[T]) {
	c.seal()
	o.seal()
	c.done = append(c.done, o.done...)
}
