package events

import "runtime"

// A store that is not laid out user by user is regrouped in two passes, so that neither
// writes all over memory. The first reads the store and the runs in input order and hands
// each event, with its user, to the bucket of its user: the users are split into buckets
// whose events take a few hundred kilobytes in the new store. The second lays each
// bucket's events out in the new store, user by user, in a stretch of it small enough to
// stay in cache. Both let go of what they have read as they go, so the buckets take about
// the memory the old store and runs did.

// bucketEvents is about how many events a bucket holds.
const bucketEvents = 1 << 16

// collectEvery is how many pages of events regrouping lets go of between collections of
// its garbage, so that what it makes reuses that memory instead of taking fresh.
const collectEvery = 4

// regroup copies the store's events into a new store, user by user, each user's in input
// order, and sets the users' starts and kept events to match, and, for a shard that does
// not add tallies up as runs come (see shard.everyUser), their tallies.
func (s *shard) regroup() eventStore {
	out := eventStore{excludes: s.store.excludes}
	out.resize(s.store.n)
	n := max(1, s.store.n/bucketEvents)
	users := s.users.n
	buckets := s.bucket(n)
	var c collector
	at := uint32(0)
	var next []uint32
	for b := range buckets {
		bk := &buckets[b]
		lo, hi := (b*users+n-1)/n, ((b+1)*users+n-1)/n // the bucket's users
		next = s.starts(bk, lo, hi, at, next)
		at += uint32(bk.n)
		for j := range bk.n {
			u := bk.of[j>>arrivalShift][j&(1<<arrivalShift-1)]
			e := bk.at(j)
			out.put(int(next[int(u)-lo]), e)
			next[int(u)-lo]++
			if !s.everyUser {
				s.users.at(int(u)).tally.addEvent(e)
			}
			if j&(1<<arrivalShift-1) == 1<<arrivalShift-1 {
				bk.pages[j>>arrivalShift], bk.of[j>>arrivalShift] = nil, nil
				c.let(1)
			}
		}
		*bk = arrivals{}
	}
	return out
}

// starts counts the events of users lo to hi-1 in bucket bk and sets their starts, the
// bucket's first at at, and returns where each one's first event goes, reusing next.
func (s *shard) starts(bk *arrivals, lo, hi int, at uint32, next []uint32) []uint32 {
	next = append(next[:0], make([]uint32, hi-lo)...)
	for j := range bk.n {
		next[int(bk.of[j>>arrivalShift][j&(1<<arrivalShift-1)])-lo]++
	}
	for u := lo; u < hi; u++ {
		info := s.users.at(u)
		info.start, info.count = at, next[u-lo]
		next[u-lo] = at
		at += info.count
	}
	return next
}

// bucket hands the store's events, in input order, to n buckets by user, letting go of the
// store's pages and the runs as it reads them.
func (s *shard) bucket(n int) []arrivals {
	buckets := make([]arrivals, n)
	for b := range buckets {
		buckets[b].excludes = s.store.excludes
	}
	var c collector
	from := 0
	for i := range s.runs.n {
		e := *s.runs.at(i)
		u := e >> runBits
		bk := &buckets[int(uint64(u)*uint64(n)/uint64(s.users.n))] // see regroup
		for range e&(runMaxSize-1) + 1 {
			bk.push(u, s.store.at(from))
			if from++; from&(eventsPerPage-1) == 0 {
				s.store.pages[from>>pageShift-1] = nil
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

// arrivals are events in pages of 1<<arrivalShift, each with a number (of) such as its
// user. The pages keep their times as a store's pages do.
type arrivals struct {
	pages    []*page
	of       [][]uint32
	n        int
	excludes bool // whether the pages keep exclusion bits
}

// push appends event e of number k.
func (a *arrivals) push(k uint32, e Event) {
	i := a.n & (1<<arrivalShift - 1)
	if i == 0 {
		a.pages = append(a.pages, newPage(e.Time, a.excludes, 1<<arrivalShift))
		a.of = append(a.of, make([]uint32, 1<<arrivalShift))
	}
	a.pages[len(a.pages)-1].push(e)
	a.of[len(a.of)-1][i] = k
	a.n++
}

// at returns event j.
func (a *arrivals) at(j int) Event {
	return a.pages[j>>arrivalShift].event(j & (1<<arrivalShift - 1))
}
