package events

import (
	"encoding/binary"
	"hash/maphash"
	"sync/atomic"
)

// maxReported is how many rows of each kind of problem are reported with their line.
const maxReported = 5

// chunk is a run of whole rows of one file, parsed by a worker and merged, in input order,
// into the log. Chunks without data carry a note from the reader instead: a row too long
// to hold, the end of a file, or the error that stopped the read.
type chunk struct {
	plan *plan
	buf  []byte // the reusable buffer data lives in
	data []byte
	// src is the mapping data is a slice of when the file is read in place (see mapped.go);
	// buf is then not used. The pages the chunk drops once merged start at byte from.
	src   *mapping
	from  int
	seq   uint64 // the chunk's number in the stream, for numbering users in input order
	line  int64  // the line data starts on
	lines int64  // the line feeds in data, which bounds its rows
	// quoted says whether data holds a quote, and so needs the RFC 4180 parser.
	quoted bool
	done   chan struct{}
	err    error
	eof    bool // the end of plan's file: data is empty
	// pending counts the shards that have yet to merge the chunk; the last one frees it.
	pending atomic.Int32
	// What the worker parsed: the runs of rows of one identity, each in the part of the
	// shard that owns the identity (see shardOf), with their kept events.
	parts []part
	// nRuns counts the runs; lastPart is the part of the last run (-1 before the first),
	// and lastHead and lastLen its identity's headOf and length.
	nRuns    uint32
	lastPart int
	lastHead uint64
	lastLen  int
	segs     []byte // the runs' segment values, one after the other
	// picks are the runs' value picks (Options.Value).
	picks    []valuePick
	tally    Counts
	problems []problem // the first maxReported of each kind, in row order
	perKind  [numKinds]int
	warnings []Problem // rows with implausible times, the first maxReported
	nWarned  int64

	// parse, when set, parses the chunk instead of the CSV parsers: it is how the readers of
	// other formats (JSON Lines, Parquet; see format.go) hand their rows to a worker. It must
	// turn each row into a record and call worker.good or worker.goodAt, or skip it.
	parse func(w *worker, c *chunk)
}

// part is what one shard merges of a chunk: its runs in row order, their identities one
// after the other, and the kept events of every run, one after the other, field by field
// (excludes only with exclusions). When the log keeps every user (Options.By is set), each
// run has its counts in counts too.
type part struct {
	runs        []run
	counts      []runCounts
	ids         []byte
	times       []int64
	touchpoints []int16
	excludes    []uint32
}

// run is a run of consecutive rows with the same identity: exports often group rows by
// user, so the merger looks an identity up once per run instead of once per row.
type run struct {
	hash   uint64 // the identity's idHash
	idEnd  uint32 // where the identity ends in part.ids; it starts where the last run's ends
	ord    uint32 // the run's number in the chunk, counting every part's runs in row order
	events uint32 // kept events, following the part's last run's in its event fields
	// value is the run's value pick, picks[value-1]; 0 for none.
	value int32
}

// runCounts is what a run adds to its user in a log that keeps every user: its rows and
// first-touch segment. Without, a user's counts follow from its events (see shard.everyUser),
// so runs, one a row in a file sorted by time, stay small.
type runCounts struct {
	tally // the run's rows
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

// reset empties c for reuse by a stream of shards shards, keeping its allocations.
func (c *chunk) reset(shards int) {
	parts := c.parts
	if len(parts) != shards {
		parts = make([]part, shards)
	}
	for i := range parts {
		p := &parts[i]
		*p = part{runs: p.runs[:0], counts: p.counts[:0], ids: p.ids[:0], times: p.times[:0],
			touchpoints: p.touchpoints[:0], excludes: p.excludes[:0]}
	}
	*c = chunk{buf: c.buf, parts: parts, lastPart: -1, segs: c.segs[:0],
		problems: c.problems[:0], warnings: c.warnings[:0], picks: c.picks[:0]}
	c.done = make(chan struct{})
}

// run returns the run of identity id: the last run when it has that identity, else a new
// one in the part of the identity's shard, hashed with seed so that the merger does not
// have to, and with its counts when counted is set (see counts). The pointer is valid until
// the next call.
func (c *chunk) run(id []byte, seed maphash.Seed, counted bool) *run {
	head := headOf(id)
	if c.lastPart >= 0 && head == c.lastHead && len(id) == c.lastLen {
		p := &c.parts[c.lastPart]
		if n := len(p.runs); len(id) <= 8 || sameBytes(p.runID(n-1), id) {
			return &p.runs[n-1]
		}
	}
	h := idHash(seed, id)
	s := shardOf(h, len(c.parts))
	p := &c.parts[s]
	p.ids = append(p.ids, id...)
	// Appending a zero run and setting its fields spares copying a whole run built on the
	// stack, which stalls on store forwarding.
	p.runs = append(p.runs, run{})
	r := &p.runs[len(p.runs)-1]
	r.hash, r.idEnd, r.ord = h, uint32(len(p.ids)), c.nRuns
	if counted {
		p.counts = append(p.counts, runCounts{})
	}
	c.nRuns++
	c.lastPart, c.lastHead, c.lastLen = s, head, len(id)
	return r
}

// shardOf returns which of shards shards owns the identity of idHash h. It reads the low
// half of the hash; the user table places identities by the high half.
func shardOf(h uint64, shards int) int {
	return int(uint64(uint32(h)) * uint64(shards) >> 32)
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

// counts returns the counts of the chunk's last run, made by run with counted set.
func (c *chunk) counts() *runCounts {
	p := &c.parts[c.lastPart]
	return &p.counts[len(p.counts)-1]
}

// runID returns the identity of the part's run i.
func (p *part) runID(i int) []byte {
	return p.ids[p.runStart(i):p.runs[i].idEnd]
}

// runStart returns where the identity of the part's run i starts in ids.
func (p *part) runStart(i int) uint32 {
	if i > 0 {
		return p.runs[i-1].idEnd
	}
	return 0
}

// keep adds a kept event to the chunk's last run.
func (c *chunk) keep(t int64, tp int32, excl uint32) {
	p := &c.parts[c.lastPart]
	p.runs[len(p.runs)-1].events++
	p.times = append(p.times, t)
	p.touchpoints = append(p.touchpoints, int16(tp))
	if c.plan.exclusions {
		p.excludes = append(p.excludes, excl)
	}
}

// pickSegment makes v the segment of the run counted by r, the chunk's last, when it is the
// run's first value or comes from an earlier row.
func (c *chunk) pickSegment(r *runCounts, v []byte, t int64) {
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
