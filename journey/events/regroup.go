package events

import (
	"math"
	"math/bits"
	"runtime"
)

// A store that is not laid out user by user is regrouped in two passes, so that neither
// writes all over memory. The first reads the store and the runs in input order and hands
// each event, with its user, to the bucket of its user: the users are split into buckets
// of a power of two of consecutive numbers, whose events take a few hundred kilobytes in
// the new store. The second lays each bucket's events out in the new store, user by user,
// in a stretch of it small enough to stay in cache. Both let go of what they have read as
// they go, so the buckets take about the memory the old store and runs did. Times move as
// they are kept (see clock), field by field, so that an event costs a few loads and stores
// in each pass.

// bucketEvents is about how many events a bucket holds: between half and all of it, on
// average over its users.
const bucketEvents = 1 << 16

// collectEvery is how many pages of events regrouping lets go of between collections of
// its garbage, so that what it makes reuses that memory instead of taking fresh.
const collectEvery = 4

// maxBucketShift bounds the users of a bucket to 1<<maxBucketShift, so that an arrival
// keeps its user as a 16-bit number within its bucket.
const maxBucketShift = 16

// regroup copies the store's events into a new store, user by user, each user's in input
// order, and sets the users' starts and kept events to match, and, for a shard that does
// not add tallies up as runs come (see shard.everyUser), their tallies.
func (s *shard) regroup() eventStore {
	clk := s.store.clock()
	if clk.ticks {
		return regroupAs[uint32](s, &clk)
	}
	return regroupAs[int64](s, &clk)
}

// timeWord is how arrivals keep times: as ticks after the clock's base or nanoseconds.
type timeWord interface{ uint32 | int64 }

// regroupAs is regroup with times kept as T.
func regroupAs[T timeWord](s *shard, clk *clock) eventStore {
	masks := s.store.maskNumbers()
	out := eventStore{excludes: s.store.excludes}
	out.resize(s.store.n)
	shift := bucketShift(s.store.n, s.users.n)
	buckets := bucketAs[T](s, shift, clk, &masks)
	var c collector
	var next, mapped []uint32
	var order bucketOrder[T]
	at := 0
	for b := range buckets {
		bk := &buckets[b]
		lo, hi := b<<shift, min((b+1)<<shift, s.users.n)
		next = bk.starts(s, lo, hi, uint32(at), next)
		clk.makePages(&out, at, at+bk.n)
		at += bk.n
		mapped = append(mapped[:0], make([]uint32, hi-lo)...)
		order.reset(hi - lo)
		for i, ap := range bk.pages {
			ap.layOut(bk.on(i), &out, next, mapped, &order, &masks)
			bk.pages[i] = nil
			c.let(1)
		}
		if !s.everyUser {
			s.addTallies(lo, hi, mapped)
		}
		for u, late := range order.late {
			if late {
				s.unsorted = append(s.unsorted, uint32(lo+u))
			}
		}
		*bk = arrivals[T]{}
	}
	return out
}

// bucketShift returns log2 of the users a bucket takes, so that it holds about
// bucketEvents of n events of the users (at most that many on average, and at least one
// user), within maxBucketShift.
func bucketShift(n, users int) int {
	per := max(1, int(int64(users)*bucketEvents/int64(max(n, 1))))
	return min(bits.Len(uint(per))-1, maxBucketShift)
}

// starts counts the events of users lo to hi-1, those of the bucket, and sets their
// starts, the bucket's first at at, and returns where each one's first event goes,
// reusing next.
func (a *arrivals[T]) starts(s *shard, lo, hi int, at uint32, next []uint32) []uint32 {
	next = append(next[:0], make([]uint32, hi-lo)...)
	for i, ap := range a.pages {
		for _, e := range ap.whos[:a.on(i)] {
			next[e.user]++
		}
	}
	for u := lo; u < hi; u++ {
		info := s.users.at(u)
		info.start, info.count = at, next[u-lo]
		next[u-lo] = at
		at += info.count
	}
	return next
}

// addTallies adds to users lo to hi-1 their kept events, mapped[u-lo] of them mapped.
func (s *shard) addTallies(lo, hi int, mapped []uint32) {
	for u := lo; u < hi; u++ {
		info := s.users.at(u)
		info.mapped += mapped[u-lo]
		info.unmapped += info.count - mapped[u-lo]
	}
}

// bucketAs hands the store's events, in input order, to buckets of 1<<shift users each,
// letting go of the store's pages and the runs as it reads them.
func bucketAs[T timeWord](s *shard, shift int, clk *clock, masks *maskNumbers) []arrivals[T] {
	buckets := make([]arrivals[T], (s.users.n+1<<shift-1)>>shift)
	excludes, within := s.store.excludes, uint32(1)<<shift-1
	var c collector
	from := 0
	for i := range s.runs.n {
		e := *s.runs.at(i)
		u := e >> runBits
		bk := &buckets[u>>shift]
		for range e&(runMaxSize-1) + 1 {
			pg, j := from>>pageShift, from&(eventsPerPage-1)
			p := s.store.pages[pg]
			k := bk.next(masks)
			bk.times[k], bk.whos[k] = T(clk.read(p, pg, j)), who{user: uint16(u & within), touchpoint: p.touchpoints[j]}
			if excludes {
				bk.exclude(k, masks, p, pg, j)
			}
			if from++; from&(eventsPerPage-1) == 0 {
				s.store.pages[pg] = nil
				c.let(1 << (pageShift - arrivalShift))
			}
		}
		if i&(1<<columnShift-1) == 1<<columnShift-1 {
			s.runs.pages[i>>columnShift] = nil
		}
	}
	s.store, s.runs = eventStore{}, column[uint32]{}
	return buckets
}

// collector collects the garbage after every so many small pages let go of.
type collector struct{ pages int }

// let notes that n small pages (of 1<<arrivalShift events) were let go of.
func (c *collector) let(n int) {
	if c.pages += n; c.pages >= collectEvery<<(pageShift-arrivalShift) {
		c.pages = 0
		runtime.GC()
	}
}

// arrivalShift sets how many events a page of a bucket holds: few, as there are many
// buckets.
const arrivalShift = 11

// arrivalsPerPage is how many events a page of a bucket holds.
const arrivalsPerPage = 1 << arrivalShift

// arrivals are the events of a bucket, in pages. The fields of the last page, which events
// are added to, are at hand too.
type arrivals[T timeWord] struct {
	pages   []*arrivalPage[T]
	times   []T
	whos    []who
	numbers []uint16
	masks   []uint32
	n       int
}

// arrivalPage holds events of a bucket, and, when the store keeps exclusion bits, their
// masks: as numbers (see maskNumbers), or as they are when there are too many to number.
// An event's time as T and who it is lie in two arrays, so that an event takes 8 bytes
// with times in ticks and 12 with nanoseconds, and handing events to many buckets
// writes to two places in each.
type arrivalPage[T timeWord] struct {
	times   [arrivalsPerPage]T
	whos    [arrivalsPerPage]who
	numbers []uint16
	masks   []uint32
}

// who is an event of a bucket but its time: its user's number in the bucket and its
// touchpoint.
type who struct {
	user       uint16
	touchpoint int16
}

// next makes room for an event in the bucket and returns its index in the last page.
func (a *arrivals[T]) next(m *maskNumbers) int {
	k := a.n & (arrivalsPerPage - 1)
	if k == 0 {
		p := &arrivalPage[T]{}
		switch {
		case m.wide:
			p.masks = make([]uint32, arrivalsPerPage)
		case m.masks != nil:
			p.numbers = make([]uint16, arrivalsPerPage)
		}
		a.pages = append(a.pages, p)
		a.times, a.whos, a.numbers, a.masks = p.times[:], p.whos[:], p.numbers, p.masks
	}
	a.n++
	return k
}

// exclude sets the mask of the last page's event k to that of event j of page p, page pg of
// the store.
func (a *arrivals[T]) exclude(k int, m *maskNumbers, p *page, pg, j int) {
	if m.wide {
		a.masks[k] = p.excludes.at(j)
	} else {
		a.numbers[k] = m.of(p, pg, j)
	}
}

// on returns how many events page i of the bucket holds.
func (a *arrivals[T]) on(i int) int {
	return min(a.n-i<<arrivalShift, arrivalsPerPage)
}

// layOut puts the page's first n events in out, each where next says for its user,
// advancing next, counts each user's mapped events in mapped, and notes in order the users
// whose events come out of time order.
func (ap *arrivalPage[T]) layOut(n int, out *eventStore, next, mapped []uint32, order *bucketOrder[T], m *maskNumbers) {
	for i, a := range ap.whos[:n] {
		t := ap.times[i]
		k := next[a.user]
		next[a.user]++
		order.late[a.user] = order.late[a.user] || t < order.last[a.user]
		order.last[a.user] = t
		p, j := out.pages[k>>pageShift], int(k&(eventsPerPage-1))
		if p.ticks != nil {
			p.ticks[j] = uint32(t)
		} else {
			p.times[j] = int64(t)
		}
		p.touchpoints[j] = a.touchpoint
		if a.touchpoint >= 0 {
			mapped[a.user]++
		}
		switch {
		case ap.numbers != nil && ap.numbers[i] != 0:
			p.excludes.set(j, m.masks[ap.numbers[i]])
		case ap.masks != nil && ap.masks[i] != 0:
			p.excludes.set(j, ap.masks[i])
		}
	}
}

// bucketOrder tells, for the users of a bucket, whose events come out of time order: last
// is the time of each one's last event so far, late whether one came before the one before.
type bucketOrder[T timeWord] struct {
	last []T
	late []bool
}

// reset readies the order for a bucket of n users.
func (o *bucketOrder[T]) reset(n int) {
	lowest := int64(math.MinInt64)
	o.last = o.last[:0]
	for range n {
		o.last = append(o.last, T(lowest)) // 0 for ticks after a base
	}
	o.late = append(o.late[:0], make([]bool, n)...)
}

// maskNumbers numbers the distinct exclusion masks of a store, 0 for none, so that an
// arrival keeps a 16-bit number instead of a 32-bit mask. With more masks than 16 bits
// number, wide is set and arrivals keep the masks.
type maskNumbers struct {
	masks  []uint32          // by number; nil when the store keeps no exclusion bits
	pages  [][]uint16        // for each page that keeps a byte an event, its masks' numbers
	number map[uint32]uint16 // the number of each mask
	wide   bool
}

// maskNumbers numbers the masks of the store's events.
func (s *eventStore) maskNumbers() maskNumbers {
	if !s.excludes {
		return maskNumbers{}
	}
	m := maskNumbers{masks: []uint32{0}, number: map[uint32]uint16{0: 0}, pages: make([][]uint16, len(s.pages))}
	for pg, p := range s.pages {
		if p.excludes.wide != nil {
			m.add(p.excludes.wide)
			continue
		}
		for _, mask := range p.excludes.masks {
			m.add([]uint32{mask})
			m.pages[pg] = append(m.pages[pg], m.number[mask])
		}
	}
	return m
}

// add numbers masks not numbered yet, or sets wide when there are too many.
func (m *maskNumbers) add(masks []uint32) {
	for _, mask := range masks {
		if _, ok := m.number[mask]; ok || m.wide {
			continue
		}
		if len(m.masks) > math.MaxUint16 {
			m.wide = true
			continue
		}
		m.number[mask] = uint16(len(m.masks))
		m.masks = append(m.masks, mask)
	}
}

// of returns the number of the mask of event j of page p, page pg of the store.
func (m *maskNumbers) of(p *page, pg, j int) uint16 {
	if x := p.excludes; x.wide != nil {
		return m.number[x.wide[j]]
	}
	return m.pages[pg][p.excludes.ix[j]]
}

// clock is how regrouping keeps times. When every page of a store keeps ticks and every
// time is within 32 bits of ticks of the earliest, what exports in whole seconds or
// milliseconds give, times are kept as ticks after the earliest, the shortest tick of the
// pages, and the new store's pages keep them so too; otherwise as nanoseconds, and the new
// store's pages keep nanoseconds.
type clock struct {
	ticks bool
	unit  int64 // the nanoseconds of a tick
	base  int64 // the earliest time
	// scales and deltas make a page's ticks the clock's: for each page of the store, its
	// ticks in the clock's and the clock's ticks from base to the page's base; mixed says
	// whether some page's ticks are longer than the clock's (scales are 1 without)
	scales, deltas []int64
	mixed          bool
}

// clock returns the clock for regrouping the store.
func (s *eventStore) clock() clock {
	c := clock{ticks: len(s.pages) > 0, unit: 1e9, base: math.MaxInt64}
	highest := make([]int64, len(s.pages)) // of each page's ticks
	for i, p := range s.pages {
		if p.ticks == nil {
			return clock{}
		}
		c.unit = min(c.unit, p.unit)
		if len(p.ticks) > 0 {
			lo, hi := tickRange(p.ticks)
			c.base, highest[i] = min(c.base, p.base+int64(lo)*p.unit), int64(hi)
		}
	}
	for i, p := range s.pages {
		d := p.base - c.base
		if (d < 0) != (p.base < c.base) { // the pages are more than 292 years apart
			return clock{}
		}
		scale, d := p.unit/c.unit, d/c.unit // exact: a base is a whole tick of its page
		if len(p.ticks) > 0 && highest[i]*scale+d > math.MaxUint32 {
			return clock{}
		}
		c.scales, c.deltas, c.mixed = append(c.scales, scale), append(c.deltas, d), c.mixed || scale != 1
	}
	return c
}

// read returns, as the clock keeps it, the time of event j of page p, page pg of the store.
func (c *clock) read(p *page, pg, j int) int64 {
	switch {
	case c.mixed:
		return int64(p.ticks[j])*c.scales[pg] + c.deltas[pg]
	case c.ticks:
		return int64(p.ticks[j]) + c.deltas[pg]
	}
	return p.time(j)
}

// makePages makes the pages of out, a store made by resize, that events lo to hi-1 fall in,
// keeping times as the clock does.
func (c *clock) makePages(out *eventStore, lo, hi int) {
	for k := lo >> pageShift; lo < hi && k<<pageShift < hi; k++ {
		if out.pages[k] != nil {
			continue
		}
		size := min(out.n-k<<pageShift, eventsPerPage)
		p := &page{touchpoints: populate(make([]int16, size))}
		if c.ticks {
			p.base, p.unit, p.ticks = c.base, c.unit, populate(make([]uint32, size))
		} else {
			p.times = populate(make([]int64, size))
		}
		if out.excludes {
			p.excludes = newExcludeBits(size)
			p.excludes.resize(size)
		}
		out.pages[k] = p
	}
}
