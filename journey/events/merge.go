package events

import (
	"cmp"
	"fmt"
	"math"
	"runtime"
	"slices"
	"sync"
	"unsafe"
)

// merger folds parsed chunks, in input order, into the log: it numbers users in the order
// they are first met, adds up their tallies and appends the kept events to one store in
// input order. Taking chunks in order is what keeps numbering and ties deterministic however
// the workers were scheduled.
type merger struct {
	opts  *Options
	table *userTable
	users column[userInfo]
	// segOf and segTime are each user's first-touch segment (an index in segments, 0 for
	// none) and the time of the row it came from; only with a By column.
	segOf    column[uint32]
	segTime  column[int64]
	segIx    map[string]uint32
	segments []string
	vals     valueMerger // the value picks, only with a Value column
	store    eventStore
	// While every user's kept events come in one run, the store is laid out user by user
	// already, each userInfo.start says where, and scattered is false. Once a user's events
	// come back after another user's, runs lists the users' runs of kept events in input
	// order, for regroup.
	scattered bool
	runs      column[userRun]
	lastRun   int64 // the user of the last run of kept events, -1 before the first
	counts    Counts
	skipped   []Problem
	perKind   [numKinds]int
	// warnings are the implausible times reported so far.
	warnings []Problem
	// fileRows and fileWarned count the rows and implausible times of the current file.
	fileRows, fileWarned int64
}

// userRun is a run of one user's kept events in the store.
type userRun struct {
	user, events uint32
}

// userInfo is what the log keeps of a user besides the identity and segment: the row
// tallies and the range of its events.
type userInfo struct {
	tally
	start, count uint32 // the user's events are start to start+count-1 of the store
}

// newMerger returns an empty merger.
func newMerger(opts *Options) *merger {
	return &merger{opts: opts, table: newUserTable(), segIx: map[string]uint32{"": 0},
		segments: []string{""}, store: eventStore{excludes: len(opts.Exclusions) > 0}, lastRun: -1}
}

// add merges one chunk. Under Options.Strict its first skipped row is an error.
func (m *merger) add(c *chunk) error {
	if m.opts.Strict && len(c.problems) > 0 {
		p := c.problems[0]
		return &Error{File: p.File, Line: p.Line, Message: p.Message + " (strict mode stops at the first skipped row)"}
	}
	if c.eof {
		m.endFile(c.plan)
		if m.opts.Value != "" {
			m.vals.noteFile(c.plan)
		}
		return nil
	}
	m.addCounts(c)
	if m.store.n+len(c.times) > math.MaxUint32 {
		return fmt.Errorf("at most %d kept events are supported", uint32(math.MaxUint32))
	}
	if m.users.n+len(c.runs) > maxUsers {
		return fmt.Errorf("at most %d users are supported", maxUsers)
	}
	next := uint32(m.store.n) // where the next run's events go
	for i := range c.runs {
		r := &c.runs[i]
		if i%touchAhead == 0 {
			m.touch(c.runs[i:min(i+touchAhead, len(c.runs))])
		}
		u, info := m.user(c.runID(i), r.hash)
		info.tally.add(r.tally)
		if r.segEnd > r.segStart {
			m.pickSegment(u, c.segs[r.segStart:r.segEnd], r.segTime)
		}
		if r.value > 0 {
			m.vals.add(u, &c.picks[r.value-1], c.plan)
		}
		if r.events > 0 {
			m.addRun(u, info, next, r.events)
			next += r.events
		}
	}
	m.store.addColumns(c.times, c.touchpoints, c.excludes)
	return nil
}

// touchAhead is how many runs' table slots the merger loads at once.
const touchAhead = 16

// touch loads the table slots of runs (see userTable.touch).
func (m *merger) touch(runs []run) {
	var hs [touchAhead]uint64
	for i := range runs {
		hs[i] = runs[i].hash
	}
	m.table.touch(hs[:len(runs)])
}

// user returns the number and the info of identity id, whose idHash is h, adding the
// info of a new user.
func (m *merger) user(id []byte, h uint64) (uint32, *userInfo) {
	u, added := m.table.lookup(id, h)
	if !added {
		return u, m.users.at(int(u))
	}
	info := m.users.add()
	if m.opts.By != "" {
		m.segOf.add()
		m.segTime.add()
	}
	if m.opts.Value != "" {
		m.vals.users.add()
	}
	return u, info
}

// addRun records a run of n kept events of user u, stored from at on.
func (m *merger) addRun(u uint32, info *userInfo, at, n uint32) {
	switch {
	case m.scattered:
	case int64(u) == m.lastRun:
	case info.count == 0:
		info.start = at
	default:
		m.scatter()
	}
	info.count += n
	m.lastRun = int64(u)
	if m.scattered {
		if m.runs.n > 0 && m.runs.at(m.runs.n-1).user == u {
			m.runs.at(m.runs.n - 1).events += n
		} else {
			*m.runs.add() = userRun{u, n}
		}
	}
}

// scatter notes that the store is no longer laid out user by user, listing the runs so far:
// one per user with kept events, in the order they were stored.
func (m *merger) scatter() {
	m.scattered = true
	var runs []userRun
	for u := range m.users.n {
		if info := m.users.at(u); info.count > 0 {
			runs = append(runs, userRun{uint32(u), info.count})
		}
	}
	slices.SortFunc(runs, func(a, b userRun) int {
		return cmp.Compare(m.users.at(int(a.user)).start, m.users.at(int(b.user)).start)
	})
	for _, r := range runs {
		*m.runs.add() = r
	}
}

// pickSegment makes v user u's segment when the user has none yet or v comes from an
// earlier row; on a tie the earlier chunk, merged first, keeps it.
func (m *merger) pickSegment(u uint32, v []byte, t int64) {
	seg, segTime := m.segOf.at(int(u)), m.segTime.at(int(u))
	if *seg != 0 && t >= *segTime {
		return
	}
	ix, ok := m.segIx[string(v)]
	if !ok {
		ix = uint32(len(m.segments))
		m.segments = append(m.segments, string(v))
		m.segIx[m.segments[ix]] = ix
	}
	*seg, *segTime = ix, t
}

// addCounts adds a chunk's totals and its reported problems.
func (m *merger) addCounts(c *chunk) {
	m.counts.Add(c.tally)
	m.fileRows += c.tally.Rows
	for _, p := range c.problems {
		if m.perKind[p.kind] < maxReported {
			m.skipped = append(m.skipped, p.Problem)
		}
		m.perKind[p.kind]++
	}
	for _, w := range c.warnings {
		if m.fileWarned < maxReported {
			m.warnings = append(m.warnings, w)
		}
		m.fileWarned++
	}
	m.fileWarned += c.nWarned - int64(len(c.warnings))
}

// endFile adds the warnings that concern a whole file.
func (m *merger) endFile(p *plan) {
	if m.fileRows == 0 {
		m.warnings = append(m.warnings, Problem{File: p.file, Message: "the file has a header but no rows"})
	}
	if m.fileWarned > maxReported {
		m.warnings = append(m.warnings, Problem{File: p.file, Message: fmt.Sprintf(
			"%d rows in all have times before 1990 or after 2100; the first %d are listed", m.fileWarned, maxReported)})
	}
	m.fileRows, m.fileWarned = 0, 0
}

// log builds the result: users in the order they were first met, each user's events in
// one range of the store, sorted by time (stably, so ties keep input order).
func (m *merger) log(workers []*worker) (*Log, error) {
	if len(m.table.ids) > math.MaxUint32 {
		return nil, fmt.Errorf("at most %d bytes of identities are supported, got %d", uint32(math.MaxUint32), len(m.table.ids))
	}
	m.table.release()
	l := &Log{ids: unsafe.String(unsafe.SliceData(m.table.ids), len(m.table.ids)), idEnds: m.table.ends, users: m.users,
		segments: m.segments, events: m.store, Counts: m.counts, Unmapped: map[string]int64{},
		Skipped: m.skipped, Warnings: m.warnings}
	if m.opts.By != "" {
		l.segOf = &m.segOf
	}
	if err := m.vals.log(l, m.opts.Value); err != nil {
		return nil, err
	}
	for _, w := range workers {
		for name, n := range w.unmapped {
			l.Unmapped[name] += n
		}
	}
	if m.scattered {
		l.events = m.regroup()
	}
	m.store, m.runs = eventStore{}, column[userRun]{}
	l.sortEvents()
	return l, nil
}

// regroup copies the store's events into a new store, user by user, each user's in input
// order, and sets the users' starts to match. The runs are in input order, so the old
// store's pages are let go of as soon as they are copied.
func (m *merger) regroup() eventStore {
	out := eventStore{excludes: m.store.excludes}
	out.resize(m.store.n, m.store.at(0).Time)
	next := uint32(0)
	for u := range m.users.n {
		info := m.users.at(u)
		info.start = next
		next += info.count
	}
	filled := make([]uint32, m.users.n)
	from, freed := 0, 0
	for i := range m.runs.n {
		r := m.runs.at(i)
		to := int(m.users.at(int(r.user)).start + filled[r.user])
		for k := range int(r.events) {
			out.set(to+k, m.store.at(from+k))
		}
		filled[r.user] += r.events
		from += int(r.events)
		for ; freed < from>>pageShift; freed++ {
			m.store.pages[freed] = nil
		}
	}
	return out
}

// tally is one user's row counts.
type tally struct {
	mapped, unmapped, filtered uint32
}

// add adds o's counts to t.
func (t *tally) add(o tally) {
	t.mapped += o.mapped
	t.unmapped += o.unmapped
	t.filtered += o.filtered
}

// sortEvents orders each user's events by time, keeping input order for ties. Most exports
// are already in time order, which costs one pass to see; that pass runs on every CPU,
// and the few users it finds out of order are sorted after, one by one, as sorting may
// move a page to nanoseconds.
func (l *Log) sortEvents() {
	parts := runtime.GOMAXPROCS(0)
	unsorted := make([][]int, parts)
	var wg sync.WaitGroup
	for part := range parts {
		wg.Go(func() {
			for u := part * l.users.n / parts; u < (part+1)*l.users.n/parts; u++ {
				if info := l.users.at(u); !l.events.sortedRange(int(info.start), int(info.start+info.count)) {
					unsorted[part] = append(unsorted[part], u)
				}
			}
		})
	}
	wg.Wait()
	var evs []Event
	for _, us := range unsorted {
		for _, u := range us {
			info := l.users.at(u)
			lo, hi := int(info.start), int(info.start+info.count)
			evs = l.events.appendRange(evs[:0], lo, hi)
			slices.SortStableFunc(evs, func(x, y Event) int { return cmp.Compare(x.Time, y.Time) })
			for j, e := range evs {
				l.events.set(lo+j, e)
			}
		}
	}
}
