package events

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// merger folds parsed chunks, in input order, into per-user logs. Taking chunks in order is
// what keeps ties and first touch deterministic however the workers were scheduled.
type merger struct {
	opts     *Options
	index    map[string]int32
	users    []account
	counts   Counts
	unmapped map[string]int64
	skipped  []Problem
	perKind  [numKinds]int
	warnings []Problem
	// fileRows and fileWarned count the rows and implausible times of the current file.
	fileRows, fileWarned int64
	lastID               []byte
	last                 int32
}

// account is a user being built: their events so far and their first-touch segment.
type account struct {
	id      string
	events  []Event
	counts  Counts
	segTime int64
	seg     string
}

// newMerger returns an empty merger.
func newMerger(opts *Options) *merger {
	return &merger{opts: opts, index: map[string]int32{}, unmapped: map[string]int64{}, last: -1}
}

// add merges one chunk. Under Options.Strict its first skipped row is an error.
func (m *merger) add(c *chunk) error {
	if m.opts.Strict && len(c.problems) > 0 {
		p := c.problems[0]
		return &Error{File: p.File, Line: p.Line, Message: p.Message + " (--strict stops at the first skipped row)"}
	}
	if c.eof {
		m.endFile(c.plan)
		return nil
	}
	m.addCounts(c)
	for i := range c.recs {
		r := &c.recs[i]
		m.addRec(m.user(c.ids[r.idOff:r.idOff+r.idLen]), r, c)
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
	for name, n := range c.unmapped {
		m.unmapped[name] += *n
	}
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

// user returns the index of the user with id, adding the user when new. Consecutive rows of
// one user, common in exports, skip the lookup.
func (m *merger) user(id []byte) int32 {
	if m.last >= 0 && string(id) == string(m.lastID) {
		return m.last
	}
	u, ok := m.index[string(id)]
	if !ok {
		u = int32(len(m.users))
		s := string(id)
		m.index[s] = u
		m.users = append(m.users, account{id: s})
	}
	m.last, m.lastID = u, append(m.lastID[:0], id...)
	return u
}

// addRec adds one record to user u.
func (m *merger) addRec(u int32, r *rec, c *chunk) {
	a := &m.users[u]
	switch r.what {
	case recFiltered:
		a.counts.Filtered++
		return
	case recMapped:
		a.counts.Mapped++
		if r.seg != 0 && (a.seg == "" || r.ev.Time < a.segTime) {
			a.seg, a.segTime = c.segs[r.seg], r.ev.Time
		}
	default:
		a.counts.Unmapped++
	}
	if r.keep {
		a.events = append(a.events, r.ev)
	}
}

// log builds the result: users sorted by id, each user's events sorted by time (stably, so
// ties keep input order).
func (m *merger) log() *Log {
	slices.SortFunc(m.users, func(a, b account) int { return strings.Compare(a.id, b.id) })
	l := &Log{Users: make([]User, len(m.users)), Counts: m.counts, Unmapped: m.unmapped,
		Skipped: m.skipped, Warnings: m.warnings}
	for i := range m.users {
		a := &m.users[i]
		byTime := func(x, y Event) int { return cmp.Compare(x.Time, y.Time) }
		if !slices.IsSortedFunc(a.events, byTime) {
			slices.SortStableFunc(a.events, byTime)
		}
		a.counts.Rows = a.counts.Mapped + a.counts.Unmapped + a.counts.Filtered
		l.Users[i] = User{ID: a.id, Segment: a.seg, Events: a.events, Counts: a.counts}
	}
	return l
}
