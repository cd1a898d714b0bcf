package events

import "bytes"

// maxReported is how many rows of each kind of problem are reported with their line.
const maxReported = 5

// chunk is a run of whole rows of one file, parsed by a worker into records and merged, in
// input order, into the log. Chunks without data carry a note from the reader instead: a
// row too long to hold, the end of a file, or the error that stopped the read.
type chunk struct {
	plan  *plan
	buf   []byte // the reusable buffer data lives in
	data  []byte
	line  int64 // the line data starts on
	done  chan struct{}
	err   error
	eof   bool // the end of plan's file: data is empty
	recs  []rec
	ids   []byte
	segs  []string
	segIx map[string]uint32
	// unmapped counts the unmapped rows of each event name.
	unmapped map[string]*int64
	tally    Counts
	problems []problem // the first maxReported of each kind, in row order
	perKind  [numKinds]int
	warnings []Problem // rows with implausible times, the first maxReported
	nWarned  int64
}

// problem is a skipped row and why.
type problem struct {
	Problem
	kind kind
}

// What a record stands for.
const (
	recMapped uint8 = iota
	recUnmapped
	recFiltered
)

// rec is one row that was not skipped: its user (a slice of chunk.ids), its event, its
// segment value (an index into chunk.segs, 0 for none) and what happened to it.
type rec struct {
	ev    Event
	idOff uint32
	idLen uint32
	seg   uint32
	what  uint8
	keep  bool
}

// reset empties c for reuse, keeping its allocations.
func (c *chunk) reset() {
	*c = chunk{buf: c.buf, recs: c.recs[:0], ids: c.ids[:0], segs: c.segs[:0],
		segIx: c.segIx, unmapped: c.unmapped, problems: c.problems[:0], warnings: c.warnings[:0]}
	clear(c.segIx)
	clear(c.unmapped)
	c.done = make(chan struct{})
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

// segment interns a segment value and returns its index; 0 is the empty value.
func (c *chunk) segment(v []byte) uint32 {
	if len(v) == 0 {
		return 0
	}
	if i, ok := c.segIx[string(v)]; ok {
		return i
	}
	if len(c.segs) == 0 {
		c.segs = append(c.segs, "")
	}
	i := uint32(len(c.segs))
	c.segs = append(c.segs, string(v))
	c.segIx[string(v)] = i
	return i
}

// countUnmapped adds one to the unmapped rows of event name.
func (c *chunk) countUnmapped(name []byte) {
	n := c.unmapped[string(name)]
	if n == nil {
		n = new(int64)
		c.unmapped[string(name)] = n
	}
	*n++
}

// addRec appends a record for the row of user id.
func (c *chunk) addRec(id []byte, r rec) {
	r.idOff, r.idLen = uint32(len(c.ids)), uint32(len(id))
	c.ids = append(c.ids, id...)
	c.recs = append(c.recs, r)
}

// splitFields splits an unquoted row on commas into fields, which has room for one field
// more than the header; it returns the number of fields, or len(fields) when there are more.
func splitFields(row []byte, fields [][]byte) int {
	n := 0
	for n < len(fields)-1 {
		j := bytes.IndexByte(row, ',')
		if j < 0 {
			fields[n] = row
			return n + 1
		}
		fields[n] = row[:j]
		n++
		row = row[j+1:]
	}
	return len(fields)
}
