package analysis

import (
	"math"
	"slices"
)

// gapList collects gaps (nanoseconds) in chunks, so that growing never copies and merging
// two lists only joins their chunk lists. Gaps of whole seconds, what exports with second
// precision give, are kept as 32-bit seconds, half the memory; the others as nanoseconds.
// The statistics taken of a list do not depend on the order of its gaps.
type gapList struct {
	secs [][]uint32
	nano [][]int64
	n    int
}

// minChunk and maxChunk bound the size of a new chunk, which grows with the list.
const (
	minChunk = 64
	maxChunk = 1 << 16
)

func (g *gapList) add(v int64) {
	if v >= 0 && v%1e9 == 0 && v/1e9 <= math.MaxUint32 {
		g.secs = addTo(g.secs, uint32(v/1e9), g.n)
	} else {
		g.nano = addTo(g.nano, v, g.n)
	}
	g.n++
}

// addTo appends v to the last of chunks, starting a new chunk, sized for a list of n, when
// it is full.
func addTo[T uint32 | int64](chunks [][]T, v T, n int) [][]T {
	last := len(chunks) - 1
	if last < 0 || len(chunks[last]) == cap(chunks[last]) {
		chunks = append(chunks, make([]T, 0, min(max(minChunk, n), maxChunk)))
		last++
	}
	chunks[last] = append(chunks[last], v)
	return chunks
}

// merge adds o's gaps to g. The chunks are shared and clipped, so that neither list can
// write into the other's.
func (g *gapList) merge(o *gapList) {
	for _, c := range o.secs {
		g.secs = append(g.secs, slices.Clip(c))
	}
	for _, c := range o.nano {
		g.nano = append(g.nano, slices.Clip(c))
	}
	g.n += o.n
}
