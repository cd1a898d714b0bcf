package events

import (
	"cmp"
	"fmt"
	"math"
	"runtime"
	"slices"
	"sync"
)

// merger folds parsed chunks, in input order, into per-user logs. Taking chunks in order is
// what keeps ties deterministic however the workers were scheduled.
type merger struct {
	opts    *Options
	workers int
	kept    []uint32 // user key -> kept events
	spill   *spill   // the kept events, in input order, by user key
	counts  Counts
	skipped []Problem
	perKind [numKinds]int
	// warnings are the implausible times reported so far.
	warnings []Problem
	// fileRows and fileWarned count the rows and implausible times of the current file.
	fileRows, fileWarned int64
	// minTime and maxTime bound the kept events' times; subSecond is set when one is not a
	// whole second. They say whether the log can keep times as 32-bit seconds.
	minTime, maxTime int64
	subSecond        bool
}

// newMerger returns an empty merger for the given number of workers.
func newMerger(opts *Options, workers int) *merger {
	return &merger{opts: opts, workers: workers, spill: newSpill(), minTime: math.MaxInt64, maxTime: math.MinInt64}
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
	w, ix := uint32(m.workers), uint32(c.worker.index)
	for i := range c.recs {
		r := &c.recs[i]
		key := r.user*w + ix
		if int(key) >= len(m.kept) {
			m.kept = append(m.kept, make([]uint32, int(key)+1-len(m.kept))...)
		}
		m.kept[key]++
		m.spill.add(key, r.ev)
		m.minTime, m.maxTime = min(m.minTime, r.ev.Time), max(m.maxTime, r.ev.Time)
		m.subSecond = m.subSecond || r.ev.Time%1e9 != 0
	}
	return nil
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

// log builds the result from the spilled events and the workers' tallies: users sorted by
// id, each user's events sorted by time (stably, so ties keep input order).
func (m *merger) log(workers []*worker) (*Log, error) {
	idBytes := 0
	for _, w := range workers {
		idBytes += len(w.ids)
	}
	if idBytes > math.MaxUint32 {
		return nil, fmt.Errorf("at most %d bytes of identities are supported, got %d", uint32(math.MaxUint32), idBytes)
	}
	tallies := takeTallies(workers)
	rk := rankUsers(workers)
	n := len(rk.ends)
	l := &Log{ids: rk.ids, idEnds: rk.ends, tallies: make([]tally, n), segments: []string{""},
		Counts: m.counts, Unmapped: map[string]int64{}, Skipped: m.skipped, Warnings: m.warnings}
	var segs []segChoice // only a By column has segments to choose from
	if m.opts.By != "" {
		segs, l.segOf = make([]segChoice, n), make([]uint32, n)
	}
	segIx := map[string]uint32{"": 0}
	for i, w := range workers {
		m.addWorker(w, tallies[i], rk.rank, l, segs, segIx)
		w.picks, w.ids, w.idEnd = nil, nil, nil
	}
	rk.ids, rk.ends = "", nil
	// The workers' identities and the chunks are garbage now; collecting them before the
	// events' arrays are made lets them reuse their memory instead of adding to the peak.
	// The heap holds few pointers, so this costs milliseconds.
	runtime.GC()
	if err := m.fillEvents(l, rk.rank); err != nil {
		return nil, err
	}
	l.sortEvents()
	// What only the reading needed (the ranking, the workers' identities, the chunks) is
	// garbage now, but far from the heap's next collection: without one, the analysis's
	// allocations would take fresh pages instead of reusing that memory.
	runtime.GC()
	return l, nil
}

// fillEvents lays out the log's event arrays, each user's events in one range exactly as
// long as their kept events, and replays the spilled events into them in input order. The
// replay keeps each user's next position in a compact array, so a record costs one store
// into each array.
func (m *merger) fillEvents(l *Log, rank []uint32) error {
	if m.spill.n > math.MaxUint32 {
		return fmt.Errorf("at most %d kept events are supported, got %d", uint32(math.MaxUint32), m.spill.n)
	}
	if m.wholeSeconds() {
		l.secs, l.base = make([]uint32, m.spill.n), m.minTime
	} else {
		l.times = make([]int64, m.spill.n)
	}
	l.touchpoints = make([]int16, m.spill.n)
	if len(m.opts.Exclusions) > 0 {
		l.excludes = make([]uint32, m.spill.n)
	}
	n := len(l.idEnds)
	l.starts = make([]uint32, n+1)
	for key, k := range m.kept {
		l.starts[rank[key]+1] += k
	}
	for p := range n {
		l.starts[p+1] += l.starts[p]
	}
	next := slices.Clone(l.starts[:n])
	parts := runtime.GOMAXPROCS(0)
	return m.spill.replay(func(batch []byte) {
		var wg sync.WaitGroup
		for part := range parts {
			wg.Go(func() { scatter(batch, l, next, rank, uint32(part), uint32(parts)) })
		}
		wg.Wait()
	})
}

// wholeSeconds reports whether every kept time fits in 32-bit seconds after the first.
func (m *merger) wholeSeconds() bool {
	return m.spill.n > 0 && !m.subSecond && uint64(m.maxTime-m.minTime)/1e9 <= math.MaxUint32
}

// scatter stores the spilled records of the users placed part modulo parts at their next
// positions; the parts run at once, each storing into its own users' ranges.
func scatter(batch []byte, l *Log, next, rank []uint32, part, parts uint32) {
	for ; len(batch) >= spillRecord; batch = batch[spillRecord:] {
		key, ev := decodeSpilled(batch)
		if p := rank[key]; p%parts == part {
			at := next[p]
			l.setTime(at, ev.Time)
			l.touchpoints[at] = int16(ev.Touchpoint)
			if l.excludes != nil {
				l.excludes[at] = ev.Exclude
			}
			next[p]++
		}
	}
}

// segChoice is the first-touch segment of a user among the workers seen so far.
type segChoice struct {
	time, seq int64
	set       bool
}

// tally is one worker-local user's row counts, out of the user table.
type tally struct {
	mapped, unmapped, filtered uint32
}

// takeTallies copies every worker's per-user tallies, on a goroutine per worker, into an
// array by worker-local number, a quarter of the user table's size, and drops the tables,
// whose memory the log's arrays then reuse instead of adding to the peak.
func takeTallies(ws []*worker) [][]tally {
	ts := make([][]tally, len(ws))
	var wg sync.WaitGroup
	for i, w := range ws {
		wg.Go(func() {
			t := make([]tally, w.nusers)
			for j := range w.users.slots {
				if st := &w.users.slots[j]; st.hash != 0 {
					t[st.local] = tally{st.mapped, st.unmapped, st.filtered}
				}
			}
			w.users.release()
			ts[i], w.users = t, nil
		})
	}
	wg.Wait()
	runtime.GC()
	return ts
}

// addWorker adds one worker's per-user tallies and unmapped counts, and the segments it
// picked, numbered in the log's table of values through segIx.
func (m *merger) addWorker(w *worker, ts []tally, rank []uint32, l *Log, segs []segChoice, segIx map[string]uint32) {
	for local, t := range ts {
		u := &l.tallies[rank[local*m.workers+w.index]]
		u.mapped += t.mapped
		u.unmapped += t.unmapped
		u.filtered += t.filtered
	}
	for local, p := range w.picks {
		if p.seg == 0 {
			continue
		}
		g := rank[local*m.workers+w.index]
		s, seq := &segs[g], int64(p.seq)
		if !s.set || p.time < s.time || (p.time == s.time && seq < s.seq) {
			*s = segChoice{time: p.time, seq: seq, set: true}
			l.segOf[g] = l.segmentIndex(w.segs[p.seg], segIx)
		}
	}
	for name, n := range w.unmapped {
		l.Unmapped[name] += n
	}
}

// segmentIndex returns v's index in the log's table of segment values, adding it there
// the first time.
func (l *Log) segmentIndex(v string, segIx map[string]uint32) uint32 {
	ix, ok := segIx[v]
	if !ok {
		ix = uint32(len(l.segments))
		l.segments = append(l.segments, v)
		segIx[v] = ix
	}
	return ix
}

// sortEvents orders each user's events by time, keeping input order for ties; most exports
// are already in time order, which costs one pass to see.
func (l *Log) sortEvents() {
	var evs []Event
	for p := range len(l.idEnds) {
		lo, hi := l.starts[p], l.starts[p+1]
		if l.sortedTimes(lo, hi) {
			continue
		}
		evs = l.AppendEvents(evs[:0], p)
		slices.SortStableFunc(evs, func(x, y Event) int { return cmp.Compare(x.Time, y.Time) })
		for j, e := range evs {
			l.setTime(lo+uint32(j), e.Time)
			l.touchpoints[lo+uint32(j)] = int16(e.Touchpoint)
			if l.excludes != nil {
				l.excludes[lo+uint32(j)] = e.Exclude
			}
		}
	}
}

// sortedTimes reports whether the events from lo to hi are in time order.
func (l *Log) sortedTimes(lo, hi uint32) bool {
	if l.secs != nil {
		return slices.IsSorted(l.secs[lo:hi])
	}
	return slices.IsSorted(l.times[lo:hi])
}
