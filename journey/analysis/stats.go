package analysis

import (
	"math"
	"math/bits"
	"runtime"
	"sync"
	"sync/atomic"
)

// float returns a pointer to v, for the report's nullable numbers.
func float(v float64) *float64 { return &v }

// ratio returns a/b, or nil when b is zero.
func ratio(a, b int64) *float64 {
	if b == 0 {
		return nil
	}
	return float(float64(a) / float64(b))
}

// seconds converts nanoseconds to seconds.
func seconds(ns int64) float64 { return float64(ns) / 1e9 }

// gapStat asks for the mean and median, in seconds, of one gap list; either destination
// may be nil when that number is not wanted.
type gapStat struct {
	gaps         *gapList
	mean, median **float64
}

// digitBits is how many bits of a gap one radix pass looks at: its histogram stays small
// enough for the first-level cache, and gaps of whole seconds within about six months
// (2^24 s) take two passes.
const digitBits = 12

// maxGathered is how many candidates a radix select copies out of a list after a pass, so
// that the passes after it read them alone rather than the whole list again: 512 KiB of
// scratch space per goroutine.
const maxGathered = 1 << 16

// scratch is the space the statistics of one goroutine reuse from list to list: the
// histogram of a radix pass and the candidates gathered for the passes after it.
type scratch struct {
	hist []int
	cand []uint64
}

// newScratch returns scratch space that gathers at most gathered candidates.
func newScratch(gathered int) *scratch {
	return &scratch{hist: make([]int, 1<<digitBits), cand: make([]uint64, 0, gathered)}
}

// computeStats fills every stat's destinations, spreading the lists over one goroutine per
// usable CPU: each list is only read, so they need no locks and allocate nothing per list.
func computeStats(stats []gapStat) {
	workers := min(runtime.GOMAXPROCS(0), len(stats))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			sc := newScratch(maxGathered)
			for i := int(next.Add(1) - 1); i < len(stats); i = int(next.Add(1) - 1) {
				s := stats[i]
				s.gaps.seal()
				if s.mean != nil {
					*s.mean = s.gaps.mean()
				}
				if s.median != nil {
					*s.median = s.gaps.median(sc)
				}
			}
		})
	}
	wg.Wait()
}

// mean returns the mean of a sealed list's gaps in seconds, or nil when there are none.
// It sums whole seconds and remainders apart, so that it neither overflows nor depends on
// the order of gaps.
func (g *gapList) mean() *float64 {
	if g.n == 0 {
		return nil
	}
	sec, ns := sum(g.short.done, sum(g.secs.done, 0)), int64(0)
	for _, c := range g.nano.done {
		for _, v := range c {
			sec += v / 1e9
			ns += v % 1e9
		}
	}
	return float((float64(sec) + float64(ns)/1e9) / float64(g.n))
}

// median returns the median of a sealed list's gaps in seconds, or nil when there are
// none; the median of an even count is the mean of the two middle values.
func (g *gapList) median(sc *scratch) *float64 {
	n := g.n
	if n == 0 {
		return nil
	}
	s := g.selector(sc)
	hi, lo, ok := s.rank(n / 2)
	if n%2 == 1 {
		return float(s.seconds(hi))
	}
	if !ok {
		lo, _, _ = s.rank(n/2 - 1)
	}
	return float((s.seconds(lo) + s.seconds(hi)) / 2)
}

// selector finds gaps of a list by rank without sorting it: a radix select over each gap's
// offset from the smallest, digitBits bits a pass from the highest bit that differs. Once
// a pass leaves few enough candidates and more than one pass to go, it copies their
// offsets out and the later passes read those alone. When every gap is whole seconds it works on the seconds themselves,
// so that their offsets span fewer bits; otherwise on nanoseconds.
type selector struct {
	g     *gapList
	scale int64 // what a second is multiplied by: 1 (work in seconds) or 1e9
	min   int64 // the smallest gap, in the selector's unit
	width uint  // bits of the largest offset
	sc    *scratch
}

func (g *gapList) selector(sc *scratch) *selector {
	s := &selector{g: g, scale: 1, sc: sc}
	if len(g.nano.done) > 0 {
		s.scale = 1e9
	}
	lo, hi := bounds(g.short.done, s.scale, math.MaxInt64, math.MinInt64)
	lo, hi = bounds(g.secs.done, s.scale, lo, hi)
	lo, hi = bounds(g.nano.done, 1, lo, hi)
	s.min, s.width = lo, uint(bits.Len64(uint64(hi-lo)))
	return s
}

// sum adds the values of chunks to total.
func sum[T uint16 | uint32](chunks [][]T, total int64) int64 {
	for _, c := range chunks {
		for _, x := range c {
			total += int64(x)
		}
	}
	return total
}

// bounds widens lo and hi to take in every value of chunks, each multiplied by scale.
func bounds[T uint16 | uint32 | int64](chunks [][]T, scale, lo, hi int64) (int64, int64) {
	for _, c := range chunks {
		for _, x := range c {
			v := int64(x) * scale
			lo, hi = min(lo, v), max(hi, v)
		}
	}
	return lo, hi
}

// seconds converts a gap in the selector's unit to seconds, exactly as from nanoseconds.
func (s *selector) seconds(v int64) float64 { return seconds(v * (1e9 / s.scale)) }

// rank returns the gap a sort would put at index k, in the selector's unit, and, when the
// last pass saw it (ok), as it mostly does, the one at index k-1: so the median of an even
// count seldom needs a second search.
func (s *selector) rank(k int) (v, below int64, ok bool) {
	prefix, shift := uint64(0), s.width
	below, ok = s.min, k > 0
	gathered := false
	for shift > 0 {
		w := min(digitBits, shift)
		h := s.sc.hist[:1<<w]
		clear(h)
		if gathered {
			countOffsets(h, s.sc.cand, prefix, shift, w)
		} else {
			s.count(h, prefix, shift, w)
		}
		d := 0
		for ; k >= h[d]; d++ {
			k -= h[d]
		}
		prefix, shift = prefix<<w|uint64(d), shift-w
		switch {
		case shift == 0:
			below, ok = predecessor(h, d, k, s.min+int64(prefix))
		case !gathered && shift > digitBits && h[d] <= cap(s.sc.cand):
			s.gather(prefix, shift)
			gathered = true
		}
	}
	return s.min + int64(prefix), below, ok
}

// count adds to h the digit of w bits below bit shift of every gap's offset whose bits
// from shift up equal prefix.
func (s *selector) count(h []int, prefix uint64, shift, w uint) {
	count(h, s.g.short.done, s.scale, s.min, prefix, shift, w)
	count(h, s.g.secs.done, s.scale, s.min, prefix, shift, w)
	count(h, s.g.nano.done, 1, s.min, prefix, shift, w)
}

// gather copies to the scratch space the offsets whose bits from shift up equal prefix.
func (s *selector) gather(prefix uint64, shift uint) {
	c := s.sc.cand[:0]
	c = gather(c, s.g.short.done, s.scale, s.min, prefix, shift)
	c = gather(c, s.g.secs.done, s.scale, s.min, prefix, shift)
	s.sc.cand = gather(c, s.g.nano.done, 1, s.min, prefix, shift)
}

// predecessor returns, from the histogram h of a last pass, where digits are values one
// apart, the value before the one of rank k within digit d, which stands for base: base
// itself when k > 0, else the value of the highest non-empty digit below d; ok is false
// when digit d holds the smallest value the pass saw.
func predecessor(h []int, d, k int, base int64) (int64, bool) {
	if k > 0 {
		return base, true
	}
	for e := d - 1; e >= 0; e-- {
		if h[e] > 0 {
			return base - int64(d-e), true
		}
	}
	return 0, false
}

// count adds to h the digit of w bits below bit shift of the offset from lo of every value
// of chunks (multiplied by scale) whose offset's bits from shift up equal prefix.
func count[T uint16 | uint32 | int64](h []int, chunks [][]T, scale, lo int64, prefix uint64, shift, w uint) {
	mask := uint64(1)<<w - 1
	for _, c := range chunks {
		for _, x := range c {
			d := uint64(int64(x)*scale - lo)
			if d>>shift == prefix {
				h[d>>(shift-w)&mask]++
			}
		}
	}
}

// gather appends to dst the offset from lo of every value of chunks (multiplied by scale)
// whose bits from shift up equal prefix.
func gather[T uint16 | uint32 | int64](dst []uint64, chunks [][]T, scale, lo int64, prefix uint64, shift uint) []uint64 {
	for _, c := range chunks {
		for _, x := range c {
			if d := uint64(int64(x)*scale - lo); d>>shift == prefix {
				dst = append(dst, d)
			}
		}
	}
	return dst
}

// countOffsets is count over gathered offsets.
func countOffsets(h []int, offs []uint64, prefix uint64, shift, w uint) {
	mask := uint64(1)<<w - 1
	for _, d := range offs {
		if d>>shift == prefix {
			h[d>>(shift-w)&mask]++
		}
	}
}
