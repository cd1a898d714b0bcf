package events

import (
	"cmp"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
)

// merger folds parsed chunks, in input order, into per-user logs. Taking chunks in order is
// what keeps ties deterministic however the workers were scheduled.
type merger struct {
	opts  *Options
	index map[string]int32 // identity -> global number
	ids   []string         // global number -> identity
	kept  []int64          // global number -> kept events
	spill *spill           // the kept events, in input order
	// tables maps, per worker, its local user numbers to global ones.
	tables   [][]int32
	counts   Counts
	skipped  []Problem
	perKind  [numKinds]int
	warnings []Problem
	// fileRows and fileWarned count the rows and implausible times of the current file.
	fileRows, fileWarned int64
}

// newMerger returns an empty merger for the given number of workers.
func newMerger(opts *Options, workers int) *merger {
	return &merger{opts: opts, index: map[string]int32{}, tables: make([][]int32, workers), spill: newSpill()}
}

// add merges one chunk. Under Options.Strict its first skipped row is an error.
func (m *merger) add(c *chunk) error {
	if m.opts.Strict && len(c.problems) > 0 {
		p := c.problems[0]
		return &Error{File: p.File, Line: p.Line, Message: p.Message + " (strict mode stops at the first skipped row)"}
	}
	if c.eof {
		m.endFile(c.plan)
		return nil
	}
	m.addCounts(c)
	if c.worker == nil {
		return nil
	}
	tbl := m.tables[c.worker.index]
	for _, id := range c.newIDs {
		tbl = append(tbl, m.user(id))
	}
	m.tables[c.worker.index] = tbl
	for i := range c.recs {
		r := &c.recs[i]
		g := tbl[r.user]
		m.kept[g]++
		m.spill.add(uint32(g), r.ev)
	}
	return nil
}

// user returns the global number of identity id, numbering it when new.
func (m *merger) user(id string) int32 {
	g, ok := m.index[id]
	if !ok {
		g = int32(len(m.ids))
		m.index[id] = g
		m.ids = append(m.ids, id)
		m.kept = append(m.kept, 0)
	}
	return g
}

// addCounts adds a chunk's totals and its reported problems.
func (m *merger) addCounts(c *chunk) {
	m.counts.Rows += c.tally.Rows
	m.counts.Mapped += c.tally.Mapped
	m.counts.Unmapped += c.tally.Unmapped
	m.counts.Skipped += c.tally.Skipped
	m.counts.Filtered += c.tally.Filtered
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

// log builds the result from the spilled events and the workers' tallies: users sorted by
// id, each user's events sorted by time (stably, so ties keep input order).
func (m *merger) log(workers []*worker) (*Log, error) {
	users := make([]User, len(m.ids))
	segs := make([]segChoice, len(m.ids))
	l := &Log{Users: users, Counts: m.counts, Unmapped: map[string]int64{}, Skipped: m.skipped, Warnings: m.warnings}
	for _, w := range workers {
		m.addWorker(w, users, segs, l.Unmapped)
		w.users = nil
	}
	// The workers' tables and the chunks are garbage now, as big as a tenth of the events;
	// collecting them before the events' array is made lets it reuse their memory instead
	// of adding to the peak. The heap holds few pointers, so this costs milliseconds.
	runtime.GC()
	if err := m.fillEvents(users); err != nil {
		return nil, err
	}
	for g := range users {
		u := &users[g]
		u.ID = m.ids[g]
		u.Counts.Rows = u.Counts.Mapped + u.Counts.Unmapped + u.Counts.Filtered
		sortEvents(u.Events)
	}
	slices.SortFunc(users, func(a, b User) int { return strings.Compare(a.ID, b.ID) })
	return l, nil
}

// fillEvents gives every user a slice of one array, exactly as long as their kept events,
// and replays the spilled events into them in input order. The replay keeps each user's
// next position in a compact array, so a record costs one store into the events.
func (m *merger) fillEvents(users []User) error {
	all := make([]Event, m.spill.n)
	next := make([]int64, len(m.kept))
	var at int64
	for g, n := range m.kept {
		next[g] = at
		users[g].Events = all[at : at+n : at+n]
		at += n
	}
	parts := runtime.GOMAXPROCS(0)
	return m.spill.replay(func(batch []byte) {
		var wg sync.WaitGroup
		for part := range parts {
			wg.Go(func() { scatter(batch, all, next, uint32(part), uint32(parts)) })
		}
		wg.Wait()
	})
}

// scatter stores the spilled records of the users numbered part modulo parts at their next
// positions; the parts run at once, each storing into its own users' slices.
func scatter(batch []byte, all []Event, next []int64, part, parts uint32) {
	for ; len(batch) >= spillRecord; batch = batch[spillRecord:] {
		if g, ev := decodeSpilled(batch); g%parts == part {
			all[next[g]] = ev
			next[g]++
		}
	}
}

// segChoice is the first-touch segment of a user among the workers seen so far.
type segChoice struct {
	time, seq int64
	set       bool
}

// addWorker adds one worker's per-user tallies and unmapped counts.
func (m *merger) addWorker(w *worker, users []User, segs []segChoice, unmapped map[string]int64) {
	tbl := m.tables[w.index]
	for i := range w.users.slots {
		st := &w.users.slots[i]
		if st.hash == 0 {
			continue
		}
		g := tbl[st.local]
		u := &users[g]
		u.Counts.Mapped += int64(st.mapped)
		u.Counts.Unmapped += int64(st.unmapped)
		u.Counts.Filtered += int64(st.filtered)
		s := &segs[g]
		seq := int64(st.segSeq)
		if st.seg != 0 && (!s.set || st.segTime < s.time || (st.segTime == s.time && seq < s.seq)) {
			*s = segChoice{time: st.segTime, seq: seq, set: true}
			u.Segment = w.segs[st.seg]
		}
	}
	for name, n := range w.unmapped {
		unmapped[name] += n
	}
}

// sortEvents orders events by time, keeping input order for ties; most exports are already
// in time order, which costs one pass to see.
func sortEvents(evs []Event) {
	byTime := func(x, y Event) int { return cmp.Compare(x.Time, y.Time) }
	if !slices.IsSortedFunc(evs, byTime) {
		slices.SortStableFunc(evs, byTime)
	}
}
