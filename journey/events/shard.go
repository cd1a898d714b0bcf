package events

import (
	"cmp"
	"fmt"
	"hash/maphash"
	"math"
	"slices"
)

// shard merges the runs of the identities it owns (see shardOf): it numbers its users in
// the order the input first names them, adds up their tallies and first-touch segments, and
// appends their kept events to its own store in input order. Each CPU has a shard, which
// takes every chunk in input order, so a shard's table holds its share of the users only,
// the shards work side by side, and what one merges does not depend on scheduling.
type shard struct {
	index int
	opts  *Options
	table *userTable
	// users are the users' records, numbered by table. Without a By column nothing reads
	// them while the files are read, so they are made when the shard finishes, once its
	// table has handed back its slots and identities, and do not add to the memory reading
	// peaks with.
	users column[userInfo]
	// first holds where each user was first named: the chunk's seq << 32 | the run's ord.
	// Merging the shards' users by it numbers all users in the order the input names them.
	first column[uint64]
	// segOf and segTime are each user's first-touch segment (an index in segments, 0 for
	// none) and the time of the row it came from; only with a By column.
	segOf    column[uint32]
	segTime  column[int64]
	segIx    map[string]uint32
	segments []string
	// values are each user's value pick; only with a Value column. badCells are the cells
	// of the picks that are not numbers, by their input position (userValue.where).
	values   column[userValue]
	badCells map[uint64]string
	store    eventStore
	// While every user's kept events come in one run, the store is laid out user by user
	// already, each userInfo.start says where, and scattered is false. Once a user's events
	// come back after another user's, runs lists the users' runs of kept events in input
	// order (see runEntry), for regroup.
	scattered bool
	runs      column[uint32]
	lastRun   int64 // the user of the last run of kept events, -1 before the first
	// everyUser says whether users' tallies are added up as runs come (Options.By is set).
	// Without, a run touches only its user's slot and lists its events in runs: the
	// users' kept events and tallies are counted once every chunk is merged, from runs and
	// the events (see settle and regroup), since every row of such a log keeps an event.
	everyUser bool
	// unsorted lists, in order, the users whose events are not in time order once laid out
	// (see finish).
	unsorted []uint32
	err      error
}

// userInfo is what the log keeps of a user besides the identity and segment: the row
// tallies and the range of its events.
type userInfo struct {
	tally
	start, count uint32 // the user's events are start to start+count-1 of the store
}

// newShard returns the empty shard number index, whose table hashes with seed.
func newShard(index int, opts *Options, seed maphash.Seed) *shard {
	return &shard{index: index, opts: opts, table: newUserTable(seed, opts.keepIDs), segIx: map[string]uint32{"": 0},
		segments: []string{""}, store: eventStore{excludes: len(opts.Exclusions) > 0}, lastRun: -1,
		everyUser: opts.By != ""}
}

// lookAhead is how many runs a shard looks up at once. Before a batch it asks for the
// table slots of the batch prefetchAhead batches on and the stored identities of the next
// (see userTable.prefetchSlots), so that their cache misses overlap with the lookups at
// hand; with a By column, once it knows the batch's users, it loads their tallies, so that
// those misses overlap too.
const (
	lookAhead     = 16
	prefetchAhead = 3
)

// add merges the shard's part of chunk c.
func (s *shard) add(c *chunk) error {
	p := &c.parts[s.index]
	if s.store.n+len(p.times) > math.MaxUint32 {
		return fmt.Errorf("at most %d kept events are supported", uint32(math.MaxUint32))
	}
	if s.table.n+len(p.runs) > maxUsers {
		return fmt.Errorf("at most %d users are supported", maxUsers)
	}
	if s.table.ids.full(len(p.ids)) {
		return fmt.Errorf("at most %d bytes of identities are supported", uint32(math.MaxUint32))
	}
	next := uint32(s.store.n) // where the next run's events go
	var users [lookAhead]uint32
	for k := 0; k < prefetchAhead*lookAhead; k += lookAhead {
		s.table.prefetchSlots(p, k)
	}
	s.table.prefetchIDs(p, 0)
	for k := 0; k < len(p.runs); k += lookAhead {
		runs := p.runs[k:min(k+lookAhead, len(p.runs))]
		s.table.prefetchSlots(p, k+prefetchAhead*lookAhead)
		s.table.prefetchIDs(p, k+lookAhead)
		for j := range runs {
			users[j] = s.user(p.runID(k+j), runs[j].hash, c.seq<<32|uint64(runs[j].ord))
		}
		if s.everyUser {
			s.touchUsers(users[:len(runs)])
		}
		for j := range runs {
			next = s.merge(users[j], p, k+j, c, next)
		}
	}
	s.store.addColumns(p.times, p.touchpoints, p.excludes)
	return nil
}

// user returns the number of identity id, whose idHash is h, adding a user first named at
// where when it is new.
func (s *shard) user(id []byte, h uint64, where uint64) uint32 {
	u, added := s.table.lookup(id, h)
	if added {
		if s.everyUser {
			s.users.add()
		}
		*s.first.add() = where
		if s.opts.By != "" {
			s.segOf.add()
			s.segTime.add()
		}
		if s.opts.Value != "" {
			s.values.add()
		}
	}
	return u
}

// touchUsers loads the tallies of users one after the other, so that their cache misses
// overlap (see lookAhead).
func (s *shard) touchUsers(users []uint32) {
	for _, u := range users {
		s.table.sink += s.users.at(int(u)).count
	}
}

// merge adds run i of part p of chunk c to user u, its events stored from next on, and
// returns where the next run's events go.
func (s *shard) merge(u uint32, p *part, i int, c *chunk, next uint32) uint32 {
	r := &p.runs[i]
	if !s.everyUser {
		if r.value > 0 {
			s.pickValue(u, &c.picks[r.value-1], c.plan)
		}
		if r.events > 0 {
			s.addRunEntries(u, r.events)
		}
		return next + r.events
	}
	info, rc := s.users.at(int(u)), &p.counts[i]
	info.tally.add(rc.tally)
	if rc.segEnd > rc.segStart {
		s.pickSegment(u, c.segs[rc.segStart:rc.segEnd], rc.segTime)
	}
	if r.value > 0 {
		s.pickValue(u, &c.picks[r.value-1], c.plan)
	}
	if r.events > 0 {
		s.addRun(u, info, next, r.events)
	}
	return next + r.events
}

// addRun records a run of n kept events of user u, stored from at on.
func (s *shard) addRun(u uint32, info *userInfo, at, n uint32) {
	switch {
	case s.scattered:
		s.addRunEntries(u, n)
	case int64(u) == s.lastRun:
	case info.count == 0:
		info.start = at
	default:
		s.scatter()
		s.addRunEntries(u, n)
	}
	info.count += n
	s.lastRun = int64(u)
}

// A run entry is a user's number << runBits | the events of the run minus one: a run of
// more events takes several entries. In a file sorted by time most runs hold one event,
// so an entry costs four bytes an event.
const (
	runBits    = 4
	runMaxSize = 1 << runBits
)

// addRunEntries lists a run of n kept events of user u.
func (s *shard) addRunEntries(u uint32, n uint32) {
	for ; n > 0; n -= min(n, runMaxSize) {
		*s.runs.add() = u<<runBits | (min(n, runMaxSize) - 1)
	}
}

// scatter notes that the store is no longer laid out user by user, listing the runs so far:
// one per user with kept events, in the order they were stored.
func (s *shard) scatter() {
	s.scattered = true
	var users []uint32
	for u := range s.users.n {
		if s.users.at(u).count > 0 {
			users = append(users, uint32(u))
		}
	}
	slices.SortFunc(users, func(a, b uint32) int {
		return cmp.Compare(s.users.at(int(a)).start, s.users.at(int(b)).start)
	})
	for _, u := range users {
		s.addRunEntries(u, s.users.at(int(u)).count)
	}
}

// pickSegment makes v user u's segment when the user has none yet or v comes from an
// earlier row; on a tie the earlier chunk, merged first, keeps it.
func (s *shard) pickSegment(u uint32, v []byte, t int64) {
	seg, segTime := s.segOf.at(int(u)), s.segTime.at(int(u))
	if *seg != 0 && t >= *segTime {
		return
	}
	ix, ok := s.segIx[string(v)]
	if !ok {
		ix = uint32(len(s.segments))
		s.segments = append(s.segments, string(v))
		s.segIx[s.segments[ix]] = ix
	}
	*seg, *segTime = ix, t
}

// finish lays the store out user by user, once every chunk is merged and the table has
// handed back what it holds (see merger.log), and lists the users whose events are out of
// time order.
func (s *shard) finish() {
	if !s.everyUser {
		s.users.extendTo(s.table.n)
		s.scattered = s.interleaved()
		if !s.scattered {
			s.settle()
		}
	}
	if s.scattered {
		s.store = s.regroup() // which lists the unsorted users as it goes
		s.runs = column[uint32]{}
		return
	}
	for u := range s.users.n {
		if info := s.users.at(u); !s.store.sortedRange(int(info.start), int(info.start+info.count)) {
			s.unsorted = append(s.unsorted, uint32(u))
		}
	}
}

// interleaved reports whether the runs of a user come apart in runs, so that the store is
// not laid out user by user.
func (s *shard) interleaved() bool {
	seen := make([]uint64, (s.users.n+63)/64)
	last := int64(-1)
	for i := range s.runs.n {
		u := *s.runs.at(i) >> runBits
		if int64(u) == last {
			continue
		}
		if seen[u/64]&(1<<(u%64)) != 0 {
			return true
		}
		seen[u/64] |= 1 << (u % 64)
		last = int64(u)
	}
	return false
}

// settle sets the users' starts, kept events and tallies from runs and the events of a
// store laid out user by user (see everyUser).
func (s *shard) settle() {
	at := 0
	for i := range s.runs.n {
		e := *s.runs.at(i)
		info, n := s.users.at(int(e>>runBits)), int(e&(runMaxSize-1)+1)
		if info.count == 0 {
			info.start = uint32(at)
		}
		info.count += uint32(n)
		s.store.tallyRange(&info.tally, at, at+n)
		at += n
	}
	s.runs = column[uint32]{}
}
