package events

import (
	"math"
	"slices"
)

// pageShift sets how many events a page of the store holds: 1<<pageShift.
const pageShift = 18

// eventsPerPage is how many events a page holds.
const eventsPerPage = 1 << pageShift

// eventStore holds events in pages of eventsPerPage, so it grows without copying what it
// holds, and its memory is populated a page at a time (see populate). Events are numbered
// in the order they were added.
type eventStore struct {
	pages []*page
	n     int
	// excludes says whether the pages keep exclusion bits; without exclusions they are 0.
	excludes bool
}

// page is a run of events, field by field. Times are kept as 32-bit ticks after base,
// whole seconds or milliseconds, while every time of the page is a whole tick within 32
// bits of it: what exports give, in half the memory. A time in milliseconds moves a page of
// seconds to milliseconds when its times allow; one that does not fit otherwise moves the
// page to nanoseconds in times.
type page struct {
	base        int64 // Unix nanoseconds of tick 0
	unit        int64 // the nanoseconds of a tick: a second or a millisecond
	ticks       []uint32
	times       []int64 // nil while ticks holds the times
	touchpoints []int16
	excludes    *excludeBits // nil without exclusions
}

// tickUnit returns the longest tick t is a whole number of, a second or a millisecond, or
// 0 when it is neither.
func tickUnit(t int64) int64 {
	switch {
	case t%1e9 == 0:
		return 1e9
	case t%1e6 == 0:
		return 1e6
	}
	return 0
}

// halfSpan returns half the span of 32-bit ticks of unit, in nanoseconds: a page's base is
// its first time minus this, so the page takes times on both sides of its first.
func halfSpan(unit int64) int64 { return 1 << 31 * unit }

// newPage returns an empty page whose first time is t, with room for size events: the
// first page of a store starts small and grows as a slice does, so a small store stays
// small; the others are made whole.
func newPage(t int64, excludes bool, size int) *page {
	p := &page{touchpoints: populate(make([]int16, 0, size))}
	if excludes {
		p.excludes = newExcludeBits(size)
	}
	if u := tickUnit(t); u != 0 && t > math.MinInt64+halfSpan(u) {
		p.base, p.unit, p.ticks = t-halfSpan(u), u, populate(make([]uint32, 0, size))
	} else {
		p.times = populate(make([]int64, 0, size))
	}
	return p
}

// nextPage adds a page for events from time t on.
func (s *eventStore) nextPage(t int64) {
	size := eventsPerPage
	if len(s.pages) == 0 {
		size = 0
	}
	s.pages = append(s.pages, newPage(t, s.excludes, size))
}

// tick returns t as ticks after the page's base, and whether it fits there: a whole tick,
// at or after base, within 32 bits. The two units are spelled out, as a division by a
// constant is a multiplication.
func (p *page) tick(t int64) (uint32, bool) {
	d := uint64(t) - uint64(p.base) // exact when t >= base, even where t-base overflows
	if p.unit == 1e9 {
		return uint32(d / 1e9), t >= p.base && d%1e9 == 0 && d/1e9 <= math.MaxUint32
	}
	return uint32(d / 1e6), t >= p.base && d%1e6 == 0 && d/1e6 <= math.MaxUint32
}

// fit readies a page that keeps ticks for more, times that do not all fit them: it moves to
// milliseconds when they and its own times are whole milliseconds within 32 bits of each
// other, else to nanoseconds.
func (p *page) fit(more []int64) {
	if !p.toMillis(more) {
		p.widen()
	}
}

// toMillis moves the page to milliseconds, its times and more in the middle of the span of
// 32-bit ticks, and reports whether it could.
func (p *page) toMillis(more []int64) bool {
	const span = math.MaxUint32 * 1e6
	lo, hi := int64(math.MaxInt64), int64(math.MinInt64)
	if len(p.ticks) > 0 {
		first, last := tickRange(p.ticks)
		lo, hi = p.base+int64(first)*p.unit, p.base+int64(last)*p.unit
	}
	for _, t := range more {
		if t%1e6 != 0 {
			return false
		}
		lo, hi = min(lo, t), max(hi, t)
	}
	d := uint64(hi) - uint64(lo)
	if d > span {
		return false
	}
	before := int64((span - d) / 2e6 * 1e6) // whole milliseconds, so that base is one
	if lo < math.MinInt64+before {
		return false
	}
	base := lo - before
	for i, s := range p.ticks {
		p.ticks[i] = uint32((p.base + int64(s)*p.unit - base) / 1e6)
	}
	p.base, p.unit = base, 1e6
	return true
}

// tickRange returns the least and the greatest of ticks, which must not be empty, in one
// pass.
func tickRange(ticks []uint32) (lo, hi uint32) {
	lo, hi = ticks[0], ticks[0]
	for _, t := range ticks {
		lo, hi = min(lo, t), max(hi, t)
	}
	return lo, hi
}

// widen moves the page's times to nanoseconds.
func (p *page) widen() {
	p.times = make([]int64, len(p.ticks), cap(p.ticks))
	for i, s := range p.ticks {
		p.times[i] = p.base + int64(s)*p.unit
	}
	p.ticks = nil
}

// time returns the time of the page's event i.
func (p *page) time(i int) int64 {
	if p.ticks != nil {
		return p.base + int64(p.ticks[i])*p.unit
	}
	return p.times[i]
}

// set replaces the page's event i.
func (p *page) set(i int, e Event) {
	if p.ticks != nil {
		if _, fits := p.tick(e.Time); !fits {
			p.fit([]int64{e.Time})
		}
	}
	if p.ticks != nil {
		p.ticks[i], _ = p.tick(e.Time)
	} else {
		p.times[i] = e.Time
	}
	p.touchpoints[i] = int16(e.Touchpoint)
	if p.excludes != nil {
		p.excludes.set(i, e.Exclude)
	}
}

// add appends one event, which must have a touchpoint below 32768.
func (s *eventStore) add(e Event) {
	s.addColumns([]int64{e.Time}, []int16{int16(e.Touchpoint)}, []uint32{e.Exclude})
}

// addColumns appends events given field by field; excl is only read when the store keeps
// exclusion bits. It fills a page a stretch at a time, with the loops kept simple enough to
// run at memory speed.
func (s *eventStore) addColumns(times []int64, tps []int16, excl []uint32) {
	for len(times) > 0 {
		if s.n&(eventsPerPage-1) == 0 {
			s.nextPage(times[0])
		}
		p := s.pages[len(s.pages)-1]
		k := min(len(times), eventsPerPage-s.n&(eventsPerPage-1))
		if s.excludes {
			p.addColumns(times[:k], tps[:k], excl[:k])
			excl = excl[k:]
		} else {
			p.addColumns(times[:k], tps[:k], nil)
		}
		s.n += k
		times, tps = times[k:], tps[k:]
	}
}

// addColumns appends events given field by field to a page with room for them; excl is
// nil when the page keeps no exclusion bits.
func (p *page) addColumns(times []int64, tps []int16, excl []uint32) {
	p.reserve(len(times))
	if p.ticks != nil && !p.addTicks(times) {
		if p.fit(times); p.ticks != nil {
			p.addTicks(times)
		}
	}
	if p.times != nil {
		p.times = append(p.times, times...)
	}
	p.touchpoints = append(p.touchpoints, tps...)
	if p.excludes != nil {
		p.excludes.add(excl)
	}
}

// addTicks appends times as ticks, or, when one of them does not fit, appends none and
// returns false.
func (p *page) addTicks(times []int64) bool {
	n := len(p.ticks)
	ticks := p.ticks[n : n+len(times)]
	for i, t := range times {
		tick, fits := p.tick(t)
		if !fits {
			return false
		}
		ticks[i] = tick
	}
	p.ticks = p.ticks[:n+len(times)]
	return true
}

// reserve makes room for n more events in a page that grows (the first of its store),
// doubling its fields in populated memory.
func (p *page) reserve(n int) {
	p.touchpoints = extend(p.touchpoints, n)
	if p.ticks != nil {
		p.ticks = extend(p.ticks, n)
	} else {
		p.times = extend(p.times, n)
	}
	if p.excludes != nil {
		p.excludes.reserve(n)
	}
}

// resize makes an empty store hold n events, without pages: regrouping makes each page as
// it reaches it (see clock.makePages), so that a store filled from another, which lets go
// of its pages as they are read, does not need all of its own at once.
func (s *eventStore) resize(n int) {
	s.pages, s.n = make([]*page, (n+eventsPerPage-1)>>pageShift), n
}

// withExcludes returns a copy of the store that keeps exclusion bits, 0 for the events
// it holds.
func (s *eventStore) withExcludes() eventStore {
	out := eventStore{excludes: true}
	for j := range s.n {
		out.add(s.at(j))
	}
	return out
}

// at returns event j.
func (s *eventStore) at(j int) Event {
	return s.pages[j>>pageShift].event(j & (eventsPerPage - 1))
}

// event returns the page's event i.
func (p *page) event(i int) Event {
	e := Event{Time: p.time(i), Touchpoint: int32(p.touchpoints[i])}
	if p.excludes != nil {
		e.Exclude = p.excludes.at(i)
	}
	return e
}

// set replaces event j.
func (s *eventStore) set(j int, e Event) {
	s.pages[j>>pageShift].set(j&(eventsPerPage-1), e)
}

// appendRange appends events lo to hi-1 to dst, a page segment at a time.
func (s *eventStore) appendRange(dst []Event, lo, hi int) []Event {
	for lo < hi {
		p, i := s.pages[lo>>pageShift], lo&(eventsPerPage-1)
		n := min(hi-lo, eventsPerPage-i)
		dst = p.appendEvents(dst, i, i+n)
		lo += n
	}
	return dst
}

// appendEvents appends the page's events lo to hi-1 to dst.
func (p *page) appendEvents(dst []Event, lo, hi int) []Event {
	for i := lo; i < hi; i++ {
		e := Event{Touchpoint: int32(p.touchpoints[i])}
		if p.ticks != nil {
			e.Time = p.base + int64(p.ticks[i])*p.unit
		} else {
			e.Time = p.times[i]
		}
		if p.excludes != nil {
			e.Exclude = p.excludes.at(i)
		}
		dst = append(dst, e)
	}
	return dst
}

// tallyRange adds events lo to hi-1 to t: mapped when they have a touchpoint, unmapped
// when not.
func (s *eventStore) tallyRange(t *tally, lo, hi int) {
	for lo < hi {
		p, i := s.pages[lo>>pageShift], lo&(eventsPerPage-1)
		n := min(hi-lo, eventsPerPage-i)
		for _, tp := range p.touchpoints[i : i+n] {
			if tp >= 0 {
				t.mapped++
			} else {
				t.unmapped++
			}
		}
		lo += n
	}
}

// sortedRange reports whether events lo to hi-1 are in time order, a page segment at a time.
func (s *eventStore) sortedRange(lo, hi int) bool {
	prev := int64(math.MinInt64)
	for lo < hi {
		p, i := s.pages[lo>>pageShift], lo&(eventsPerPage-1)
		n := min(hi-lo, eventsPerPage-i)
		if p.time(i) < prev {
			return false
		}
		if p.ticks != nil && !slices.IsSorted(p.ticks[i:i+n]) || p.ticks == nil && !slices.IsSorted(p.times[i:i+n]) {
			return false
		}
		prev = p.time(i + n - 1)
		lo += n
	}
	return true
}
