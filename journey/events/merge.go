package events

import (
	"cmp"
	"fmt"
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
}

// newMerger returns an empty merger for the given number of workers.
func newMerger(opts *Options, workers int) *merger {
	return &merger{opts: opts, workers: workers, spill: newSpill()}
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
	}
	return nil
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
	tallies := takeTallies(workers)
	rk := rankUsers(workers)
	users := make([]User, len(rk.ends))
	var segs []segChoice // only a By column has segments to choose from
	if m.opts.By != "" {
		segs = make([]segChoice, len(users))
	}
	l := &Log{Users: users, Counts: m.counts, Unmapped: map[string]int64{}, Skipped: m.skipped, Warnings: m.warnings}
	for i, w := range workers {
		m.addWorker(w, tallies[i], rk.rank, users, segs, l.Unmapped)
		w.picks, w.ids, w.idEnd = nil, nil, nil
	}
	// The workers' identities and the chunks are garbage now; collecting them before the
	// events' array is made lets it reuse their memory instead of adding to the peak. The
	// heap holds few pointers, so this costs milliseconds.
	runtime.GC()
	if err := m.fillEvents(users, rk.rank); err != nil {
		return nil, err
	}
	for p := range users {
		u := &users[p]
		u.ID = rk.id(p)
		u.Counts.Rows = u.Counts.Mapped + u.Counts.Unmapped + u.Counts.Filtered
		sortEvents(u.Events)
	}
	// What only the reading needed (the ranking, the workers' identities, the chunks) is
	// garbage now, but far from the heap's next collection: without one, the analysis's
	// allocations would take fresh pages instead of reusing that memory.
	runtime.GC()
	return l, nil
}

// fillEvents gives every user a slice of one array, exactly as long as their kept events,
// and replays the spilled events into them in input order. The replay keeps each user's
// next position in a compact array, so a record costs one store into the events.
func (m *merger) fillEvents(users []User, rank []uint32) error {
	all := make([]Event, m.spill.n)
	next := make([]int64, len(users))
	for key, n := range m.kept {
		next[rank[key]] += int64(n)
	}
	var at int64
	for p, n := range next {
		next[p] = at
		users[p].Events = all[at : at+n : at+n]
		at += n
	}
	parts := runtime.GOMAXPROCS(0)
	return m.spill.replay(func(batch []byte) {
		var wg sync.WaitGroup
		for part := range parts {
			wg.Go(func() { scatter(batch, all, next, rank, uint32(part), uint32(parts)) })
		}
		wg.Wait()
	})
}

// scatter stores the spilled records of the users placed part modulo parts at their next
// positions; the parts run at once, each storing into its own users' slices.
func scatter(batch []byte, all []Event, next []int64, rank []uint32, part, parts uint32) {
	for ; len(batch) >= spillRecord; batch = batch[spillRecord:] {
		key, ev := decodeSpilled(batch)
		if p := rank[key]; p%parts == part {
			all[next[p]] = ev
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
			ts[i], w.users = t, nil
		})
	}
	wg.Wait()
	runtime.GC()
	return ts
}

// addWorker adds one worker's per-user tallies and unmapped counts.
func (m *merger) addWorker(w *worker, ts []tally, rank []uint32, users []User, segs []segChoice, unmapped map[string]int64) {
	for local, t := range ts {
		u := &users[rank[local*m.workers+w.index]]
		u.Counts.Mapped += t.mapped
		u.Counts.Unmapped += t.unmapped
		u.Counts.Filtered += t.filtered
	}
	for local, p := range w.picks {
		if p.seg == 0 {
			continue
		}
		g := rank[local*m.workers+w.index]
		s, seq := &segs[g], int64(p.seq)
		if !s.set || p.time < s.time || (p.time == s.time && seq < s.seq) {
			*s = segChoice{time: p.time, seq: seq, set: true}
			users[g].Segment = w.segs[p.seg]
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
