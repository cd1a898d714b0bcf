package analysis

import "slices"

// gapList collects gaps (nanoseconds) in chunks, so that growing never copies and merging
// two lists only joins their chunk lists.
type gapList struct {
	chunks [][]int64
	n      int
}

// minChunk and maxChunk bound the size of a new chunk, which grows with the list.
const (
	minChunk = 64
	maxChunk = 1 << 16
)

func (g *gapList) add(v int64) {
	last := len(g.chunks) - 1
	if last < 0 || len(g.chunks[last]) == cap(g.chunks[last]) {
		g.chunks = append(g.chunks, make([]int64, 0, min(max(minChunk, g.n), maxChunk)))
		last++
	}
	g.chunks[last] = append(g.chunks[last], v)
	g.n++
}

// merge adds o's gaps to g. The chunks are shared and clipped, so that neither list can
// write into the other's.
func (g *gapList) merge(o *gapList) {
	for _, c := range o.chunks {
		g.chunks = append(g.chunks, slices.Clip(c))
	}
	g.n += o.n
}

// values returns the gaps in one slice, buf's memory when it is big enough: callers pass
// the previous list's slice back in, so a report's lists share one buffer.
func (g *gapList) values(buf []int64) []int64 {
	out := slices.Grow(buf[:0], g.n)
	for _, c := range g.chunks {
		out = append(out, c...)
	}
	return out
}
