package events

import (
	"encoding/binary"
	"hash/maphash"
)

// maxReported is how many rows of each kind of problem are reported with their line.
const maxReported = 5

// chunk is a run of whole rows of one file, parsed by a worker and merged, in input order,
// into the log. Chunks without data carry a note from the reader instead: a row too long
// to hold, the end of a file, or the error that stopped the read.
type chunk struct {
	plan  *plan
	buf   []byte // the reusable buffer data lives in
	data  []byte
	line  int64 // the line data starts on
	lines int64 // the line feeds in data, which bounds its rows
	// quoted says whether data holds a quote, and so needs the RFC 4180 parser.
	quoted bool
	done   chan struct{}
	err    error
	eof    bool // the end of plan's file: data is empty
	// What the worker parsed: the runs of rows of one identity, in row order, and the kept
	// events of every run, one after the other, field by field (excludes only with
	// exclusions).
	runs []run
	ids  []byte // the runs' identities, one after the other
	// lastHead and lastLen are the last run's identity's headOf and length.
	lastHead    uint64
	lastLen     int
	segs        []byte // the runs' segment values, one after the other
	times       []int64
	touchpoints []int16
	excludes    []uint32
	tally       Counts
	problems    []problem // the first maxReported of each kind, in row order
	perKind     [numKinds]int
	warnings    []Problem // rows with implausible times, the first maxReported
	nWarned     int64
	// picks are the runs' value picks (Options.Value).
	picks []valuePick

	// parse, when set, parses the chunk instead of the CSV parsers: it is how the readers of
	// other formats (JSON Lines, Parquet; see format.go) hand their rows to a worker. It must
	// turn each row into a record and call worker.good or worker.goodAt, or skip it.
	parse func(w *worker, c *chunk)
}

// run is a run of consecutive rows with the same identity: exports often group rows by
// user, so the merger looks an identity up once per run instead of once per row.
type run struct {
	hash   uint64 // the identity's idHash
	idEnd  uint32 // where the identity ends in chunk.ids; it starts where the last run's ends
	events uint32 // kept events, following the last run's in the chunk's event fields
	tally         // the run's rows
	// value is the run's value pick, picks[value-1]; 0 for none.
	value int32
	// seg is the run's first-touch segment value, segs[segStart:segEnd], from a mapped row
	// at segTime; empty for none.
	segStart, segEnd uint32
	segTime          int64
}

// problem is a skipped row and why.
type problem struct {
	Problem
	kind kind
}

// reset empties c for reuse, keeping its allocations.
func (c *chunk) reset() {
	*c = chunk{buf: c.buf, runs: c.runs[:0], ids: c.ids[:0], segs: c.segs[:0],
		times: c.times[:0], touchpoints: c.touchpoints[:0], excludes: c.excludes[:0],
		problems: c.problems[:0], warnings: c.warnings[:0], picks: c.picks[:0]}
	c.done = make(chan struct{})
}

// run returns the run of identity id: the last run when it has that identity, else a new one,
// hashed with seed so that the merger does not have to. The pointer is valid until the next
// call.
func (c *chunk) run(id []byte, seed maphash.Seed) *run {
	head := headOf(id)
	if n := len(c.runs); n > 0 && head == c.lastHead && len(id) == c.lastLen &&
		(len(id) <= 8 || sameBytes(c.runID(n-1), id)) {
		return &c.runs[n-1]
	}
	c.lastHead, c.lastLen = head, len(id)
	c.ids = append(c.ids, id...)
	// Appending a zero run and setting two fields spares copying a whole run built on the
	// stack, which stalls on store forwarding.
	c.runs = append(c.runs, run{})
	r := &c.runs[len(c.runs)-1]
	r.hash, r.idEnd = idHash(seed, id), uint32(len(c.ids))
	return r
}

// sameBytes reports whether a and b are equal. It is asked of identities and event names
// longer than 8 bytes, which are mostly short, so up to 16 bytes it compares two
// overlapping 8-byte words instead of calling the general comparison.
func sameBytes(a, b []byte) bool {
	switch n := len(a); {
	case n != len(b):
		return false
	case n >= 8 && n <= 16:
		return binary.LittleEndian.Uint64(a) == binary.LittleEndian.Uint64(b) &&
			binary.LittleEndian.Uint64(a[n-8:]) == binary.LittleEndian.Uint64(b[n-8:])
	}
	return string(a) == string(b)
}

// runID returns the identity of run i.
func (c *chunk) runID(i int) []byte {
	start := uint32(0)
	if i > 0 {
		start = c.runs[i-1].idEnd
	}
	return c.ids[start:c.runs[i].idEnd]
}

// keep adds a kept event to run r, the chunk's last.
func (c *chunk) keep(r *run, t int64, tp int32, excl uint32) {
	r.events++
	c.times = append(c.times, t)
	c.touchpoints = append(c.touchpoints, int16(tp))
	if c.plan.exclusions {
		c.excludes = append(c.excludes, excl)
	}
}

// pickSegment makes v the segment of run r, the chunk's last, when it is the run's first
// value or comes from an earlier row.
func (c *chunk) pickSegment(r *run, v []byte, t int64) {
	if r.segEnd > r.segStart && t >= r.segTime {
		return
	}
	r.segStart = uint32(len(c.segs))
	c.segs = append(c.segs, v...)
	r.segEnd, r.segTime = uint32(len(c.segs)), t
}

// skip counts a skipped row and keeps its problem when it is among the first of its kind;
// msg is only called then, so messages cost nothing on a flood of bad rows.
func (c *chunk) skip(k kind, line int64, msg func() string) {
	c.tally.Skipped++
	if c.perKind[k] < maxReported {
		c.problems = append(c.problems, problem{Problem{File: c.plan.file, Line: line, Message: msg()}, k})
	}
	c.perKind[k]++
}

// warn notes a kept row with an implausible time.
func (c *chunk) warn(line int64, msg func() string) {
	if c.nWarned < maxReported {
		c.warnings = append(c.warnings, Problem{File: c.plan.file, Line: line, Message: msg()})
	}
	c.nWarned++
}
