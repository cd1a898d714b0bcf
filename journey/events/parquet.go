package events

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"sync/atomic"
	"unsafe"

	"github.com/journey-cx/journey/journey"
	"github.com/parquet-go/parquet-go"
)

// The Parquet reader runs in the producer goroutine: it opens the file by its footer, picks
// the columns the plan reads, and decodes them row group by row group into batches of rows,
// column by column (see pqCells), which the workers turn into records and map as they map
// CSV rows. The chunk of a batch holds its text in buf.

// maxBatchRows caps the rows of one batch (about as many as a CSV chunk holds); blockSize
// caps its text.
const maxBatchRows = 1 << 15

// readRows is how many rows of each column are read at a time.
const readRows = 4096

// pqTime is the state of a time cell.
const (
	pqInstant    byte = iota // Unix nanoseconds of an instant
	pqLocal                  // a time without a zone, in nanoseconds as if in UTC
	pqNull                   // no time: an empty cell
	pqOutOfRange             // a time that does not fit in Unix nanoseconds
)

// parquetFile is a Parquet source being read.
type parquetFile struct {
	name    string
	plan    *plan
	cols    []pqColumn // the plan's columns
	types   []leafType // of each column's leaf, zero for a nested column
	defs    []byte     // the greatest definition level of each column's leaf
	batches lender[*pqBatch]
	// typed says the time column holds times as such (of timeKind); timeText that a
	// matcher or --by reads it as text as well.
	typed    bool
	timeKind timeKind
	timeText bool
}

// readParquet reads a Parquet source. The library it reads with may panic on a corrupt
// file: that, too, is reported as a corrupt file.
func (pl *pipeline) readParquet(s Source, o *opened) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = &Error{File: s.Name, Message: "corrupt or truncated Parquet file: it does not decode"}
		}
	}()
	ra, size, err := parquetInput(s, o)
	if err != nil {
		return err
	}
	if err := checkFooter(ra, size); err != nil {
		return corruptParquet(s.Name, err)
	}
	f, err := parquet.OpenFile(ra, size, parquet.SkipPageIndex(true), parquet.SkipBloomFilters(true))
	if err != nil {
		return corruptParquet(s.Name, err)
	}
	pf, err := newParquetFile(pl, s.Name, f)
	if err != nil {
		return err
	}
	defer func() { o.raw.n += ra.n.Load() }()
	row := int64(1)
	for g, rg := range f.RowGroups() {
		if g >= len(f.Metadata().RowGroups) {
			return corruptParquet(s.Name, errDamaged)
		}
		if err := pf.checkRowGroup(ra, size, &f.Metadata().RowGroups[g]); err != nil {
			return corruptParquet(s.Name, err)
		}
		if err := pf.rowGroup(pl, rg, &row, &ra.n); err != nil {
			return corruptParquet(s.Name, err)
		}
	}
	return pl.note(&chunk{plan: pf.plan, eof: true})
}

// corruptParquet explains an error met reading a Parquet file: a failure to read the file
// passes through; anything else means the file is corrupt or truncated.
func corruptParquet(name string, err error) error {
	var pathErr *fs.PathError
	var e *Error
	var codec unsupportedCodec
	switch {
	case errors.As(err, &pathErr) || errors.As(err, &e) || errors.Is(err, errStopped):
		return err
	case errors.As(err, &codec):
		return &Error{File: name, Message: codec.Error()}
	}
	return &Error{File: name, Message: "corrupt or truncated Parquet file: " + err.Error()}
}

// errStopped is returned when the read was cancelled.
var errStopped = errors.New("the read was stopped")

// parquetInput returns the source's bytes for random access, as a Parquet file is read from
// its footer: a file, or standard input when it is a file. A compressed file or a pipe
// cannot be read so.
func parquetInput(s Source, o *opened) (*countingReaderAt, int64, error) {
	if o.compressed {
		return nil, 0, &Error{File: s.Name, Message: "a compressed Parquet file cannot be read: decompress it first (Parquet compresses its pages itself)"}
	}
	r := s.reader
	if r == nil {
		r = o.raw.r
	}
	ra, ok := r.(io.ReaderAt)
	size := int64(-1)
	switch f := r.(type) {
	case *os.File:
		if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
			size = fi.Size()
		}
	case interface{ Size() int64 }:
		size = f.Size()
	}
	if !ok || size < 0 {
		return nil, 0, &Error{File: s.Name, Message: "a Parquet file cannot be read from a pipe, as it is read from its end first; give the file's name instead"}
	}
	return &countingReaderAt{r: ra}, size, nil
}

// countingReaderAt counts the bytes read, for progress; the columns' pages are read on
// goroutines of their own.
type countingReaderAt struct {
	r io.ReaderAt
	n atomic.Int64
}

func (c *countingReaderAt) ReadAt(p []byte, off int64) (int, error) {
	n, err := c.r.ReadAt(p, off)
	c.n.Add(int64(n))
	return n, err
}

// newParquetFile picks the columns the options read and builds the plan.
func newParquetFile(pl *pipeline, name string, f *parquet.File) (*parquetFile, error) {
	opts := pl.opts
	required, others := columnsRead(opts)
	all := pqColumns(f.Root())
	header, cols, err := pqPick(name, all, required, others)
	if err != nil {
		return nil, err
	}
	p, err := pl.filePlan(name, header)
	if err != nil {
		return nil, err
	}
	p.found = make([]string, len(all))
	for i, c := range all {
		p.found[i] = c.name
	}
	pf := &parquetFile{name: name, plan: p, cols: cols, types: make([]leafType, len(cols)), defs: make([]byte, len(cols))}
	n := len(cols)
	pf.batches.make = func() *pqBatch { return newBatch(n) }
	for i, c := range cols {
		if !c.nested {
			pf.types[i], pf.defs[i] = newLeafType(c.col.Type()), byte(c.col.MaxDefinitionLevel())
		}
	}
	if tc := cols[p.time]; !tc.nested {
		pf.timeKind = newLeafType(tc.col.Type()).timeKind()
		pf.typed = pf.timeKind != timeText
	}
	pf.timeText = p.by == p.time || p.value == p.time || slices.ContainsFunc(matchers(opts), func(m journey.Matcher) bool {
		return slices.ContainsFunc(m.Where, func(w journey.Where) bool { return w.Column == header[p.time] })
	})
	return pf, nil
}

// cellReader reads the cells of one column of a row group.
type cellReader interface {
	read(cells *pqCells, text []byte, n int) ([]byte, error)
	close()
}

// pqBatch is the rows of a chunk, column by column; the chunk's buf holds their texts. A
// worker turns them into records a block of rows at a time: block holds the cells of the
// block row by row (so that a row's cells are the record's fields as they are), bad the
// rows to skip (as kind+1), nanos and states the time cells, buf[j] the text written for
// column j's cells. A mostly null column is written sparsely (see pqCells.fillSparse): set[j]
// lists the rows of the block where column j's cell is not nil, unless dense[j] says that
// any may be.
type pqBatch struct {
	rows    int
	cols    []pqCells
	scratch [][]byte
	block   [][]byte
	bad     []uint8
	nanos   []int64
	states  []byte
	buf     [][]byte
	set     [][]int32
	dense   []bool
	// rules are the rules of the block's event names when ruled is set (see pqCells.rulesOf).
	rules []*rule
	ruled bool
}

// blockRows is how many rows a worker turns into records at a time.
const blockRows = 1024

// newBatch returns a batch of n columns.
func newBatch(n int) *pqBatch {
	return &pqBatch{cols: make([]pqCells, n), scratch: make([][]byte, n), block: make([][]byte, n*blockRows),
		bad: make([]uint8, blockRows), nanos: make([]int64, blockRows), states: make([]byte, blockRows),
		buf: make([][]byte, n), set: make([][]int32, n), dense: make([]bool, n), rules: make([]*rule, blockRows)}
}

// rowGroup reads a row group into chunks; row is the number of its first row in the file.
func (pf *parquetFile) rowGroup(pl *pipeline, rg parquet.RowGroup, row *int64, read *atomic.Int64) error {
	readers := make([]cellReader, len(pf.cols))
	for i, c := range pf.cols {
		if c.nested {
			readers[i] = newNestedReader(rg, c.col)
		} else {
			var names *nameTable
			if i == pf.plan.event {
				names = &pf.plan.rules
			}
			readers[i] = newLeafReader(rg.ColumnChunks()[c.col.Index()], c.col, pf.typed && i == pf.plan.time, names)
		}
	}
	defer func() {
		for _, r := range readers {
			r.close()
		}
	}()
	for left := rg.NumRows(); left > 0; {
		c, err := pl.get()
		if err != nil {
			return errStopped
		}
		b := pf.batches.get()
		if c.buf == nil {
			// the merger hands back chunks with a buffer only
			c.buf = make([]byte, 0, 64<<10)
		}
		if c.buf, err = pf.fill(b, readers, c.buf[:0], left); err != nil {
			pl.free <- c
			return err
		}
		n := int64(b.rows)
		c.data, c.plan, c.line, c.lines, c.seq = c.buf, pf.plan, *row, n, pl.seq
		pl.seq++
		c.parse = func(w *worker, c *chunk) { pf.parse(w, c, b) }
		*row, left = *row+n, left-n
		pl.report(read.Load(), false)
		if err := pl.send(c); err != nil {
			return errStopped
		}
	}
	return nil
}

// fill reads rows into a batch, up to left rows, maxBatchRows or blockSize bytes of text.
func (pf *parquetFile) fill(b *pqBatch, readers []cellReader, text []byte, left int64) ([]byte, error) {
	for j := range b.cols {
		b.cols[j].reset(pf.types[j], pf.defs[j])
	}
	var n int64
	for k := int64(64); n < left && n < maxBatchRows && len(text) < blockSize; {
		k = min(k, left-n, maxBatchRows-n)
		before := len(text)
		for j, r := range readers {
			var err error
			if text, err = r.read(&b.cols[j], text, int(k)); err != nil {
				return text, fmt.Errorf("column %q: %w", pf.plan.header[j], err)
			}
		}
		n += k
		// read as many rows next as the text left room for, at the last rows' size
		perRow := max(1, int64(len(text)-before)/k)
		k = max(1, min(readRows, int64(blockSize-len(text))/perRow))
	}
	b.rows = int(n)
	return text, nil
}

// parse is the parse function (see chunk.parse) of a chunk holding batch b: the line of a
// row is its number in the file, from 1.
func (pf *parquetFile) parse(w *worker, c *chunk, b *pqBatch) {
	defer pf.batches.put(b)
	for j := range b.cols {
		b.cols[j].start()
		defer b.cols[j].release()
	}
	for done := 0; done < b.rows; done += blockRows {
		n := min(blockRows, b.rows-done)
		clear(b.bad[:n])
		b.ruled = b.cols[pf.plan.event].rulesOf(b.rules[:n])
		for j := range b.cols {
			switch out := (cellsOut{b.block[j:], len(b.cols)}); {
			case pf.typed && j == pf.plan.time:
				b.cols[j].fillTimes(b.nanos[:n], b.states[:n])
			case b.cols[j].sparse(n):
				b.clearCells(j)
				b.set[j], b.dense[j] = b.cols[j].fillSparse(out, n, b.set[j][:0]), false
			default:
				b.buf[j], b.dense[j] = b.cols[j].fill(out, b.bad[:n], c.buf, b.buf[j][:0]), true
			}
		}
		pf.rows(w, c, b, n, c.line+int64(done))
	}
}

// clearCells sets column j's cells of the block to nil: those that set lists, or all.
func (b *pqBatch) clearCells(j int) {
	out := cellsOut{b.block[j:], len(b.cols)}
	if !b.dense[j] {
		for _, k := range b.set[j] {
			out.set(int(k), nil)
		}
		return
	}
	for k := range blockRows {
		out.set(k, nil)
	}
}

// rows hands the first n rows of the batch's block to the worker; line is the first's.
func (pf *parquetFile) rows(w *worker, c *chunk, b *pqBatch, n int, line int64) {
	var rec record
	cols := len(b.cols)
	for i := range n {
		if i%lookAhead == 0 {
			prefetchCells(b.block, cols, pf.plan.id, i+lookAhead, min(i+2*lookAhead, n))
		}
		rec.fields = b.block[i*cols : (i+1)*cols]
		rec.rule, rec.ruled = b.rules[i], b.ruled
		switch {
		case b.bad[i] != 0:
			c.tally.Rows++
			c.skip(kind(b.bad[i]-1), line, pqBadMessage(kind(b.bad[i]-1)))
		case pf.typed && b.states[i] == pqInstant && plausible(b.nanos[i]) && !pf.timeText:
			// the common time: an instant to use as it is, whose text nothing reads
			rec.fields[pf.plan.time] = nil
			w.goodAt(c, &rec, line, b.nanos[i], timeOK)
		case pf.typed:
			t, st, text := pf.timeCell(w, b.states[i], b.nanos[i], &b.scratch[pf.plan.time])
			rec.fields[pf.plan.time] = text
			w.goodAt(c, &rec, line, t, st)
		default:
			w.good(c, &rec, line)
		}
		line++
	}
}

// prefetchCells asks for the bytes of column col of rows from to to-1 of block, which holds
// rows of cols cells (to-from is at most lookAhead). Identities are mostly dictionary
// encoded, and a file sorted by time names them in no order: each row's would be a cache
// miss in the dictionary, which the rows before it now overlap.
func prefetchCells(block [][]byte, cols, col, from, to int) {
	var addrs [lookAhead]uintptr
	n := 0
	for i := from; i < to; i++ {
		if cell := block[i*cols+col]; len(cell) > 0 {
			addrs[n] = uintptr(unsafe.Pointer(&cell[0]))
			n++
		}
	}
	prefetchAddrs(&addrs[0], n)
}

// pqBadMessage says why a Parquet row is skipped.
func pqBadMessage(k kind) func() string {
	if k == kindTooLong {
		return func() string { return fmt.Sprintf("a value of the row is longer than %d MiB", MaxRowBytes>>20) }
	}
	return func() string { return "a text value of the row is not valid UTF-8" }
}

// timeCell reads a time cell (a pq state and nanoseconds): the time, whether it can be
// used, and, when it cannot, is implausible or is compared as text, its text (in scratch).
func (pf *parquetFile) timeCell(w *worker, state byte, ns int64, scratch *[]byte) (int64, timeStatus, []byte) {
	t, st := ns, timeOK
	switch state {
	case pqNull:
		return 0, timeUnparsable, nil
	case pqOutOfRange:
		*scratch = fmt.Appendf((*scratch)[:0], "%d", ns)
		return 0, timeOutOfRange, *scratch
	case pqLocal:
		sec := floorDiv(ns, 1e9)
		t, st = w.zones.toUTC(sec, ns-sec*1e9)
	}
	if st != timeOK || !plausible(t) || pf.timeText {
		*scratch = appendTime((*scratch)[:0], ns, pf.timeKind)
		return t, st, *scratch
	}
	return t, st, nil
}
