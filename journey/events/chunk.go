package events

import "bytes"

// maxReported is how many rows of each kind of problem are reported with their line.
const maxReported = 5

// chunk is a run of whole rows of one file, parsed by a worker and merged, in input order,
// into the log. Chunks without data carry a note from the reader instead: a row too long
// to hold, the end of a file, or the error that stopped the read.
type chunk struct {
	seq   int64 // the chunk's place in the stream, for first-touch ties across workers
	plan  *plan
	buf   []byte // the reusable buffer data lives in
	data  []byte
	line  int64 // the line data starts on
	lines int64 // the line feeds in data, which bounds its rows
	done  chan struct{}
	err   error
	eof   bool // the end of plan's file: data is empty
	// worker is the worker that parsed the chunk; recs refer to its users.
	worker   *worker
	recs     []rec
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

// rec is one kept event of a worker-local user.
type rec struct {
	ev   Event
	user uint32
}

// reset empties c for reuse, keeping its allocations.
func (c *chunk) reset() {
	*c = chunk{buf: c.buf, recs: c.recs[:0], problems: c.problems[:0],
		warnings: c.warnings[:0]}
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
