package events

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"time"
)

// blockSize is how much the reader reads at once; a chunk is one block cut back to its last
// whole row, so workers parse big runs of rows with no coordination. It bounds the header
// row, and it is at least MaxRowBytes, so that a block always has room for the rest of a
// row that the last one cut.
const blockSize = 1 << 20

// pipeline moves chunks from the one producer, which reads and cuts the byte stream at row
// boundaries, to the workers, which parse them, and on, in input order, to the merger.
type pipeline struct {
	ctx     context.Context
	cancel  context.CancelFunc
	opts    *Options
	shards  int         // how many shards merge each chunk
	seq     uint64      // the number of the next chunk dispatched
	files   int         // the files whose header was read
	jobs    chan *chunk // to the workers
	ordered chan *chunk // to the merger, in input order
	free    chan *chunk // back from the merger, for reuse
	maps    []*mapping  // the files mapped, unmapped once the read is over
	// progress state: bytes of finished sources, the total, and when it was last reported.
	doneBytes, total int64
	lastReport       time.Time
}

// newPipeline prepares a pipeline with room for a few chunks per worker.
func newPipeline(ctx context.Context, cancel context.CancelFunc, opts *Options, workers int, sources []Source) *pipeline {
	n := 2*workers + 2
	pl := &pipeline{ctx: ctx, cancel: cancel, opts: opts, shards: workers, jobs: make(chan *chunk, workers),
		ordered: make(chan *chunk, n+1), free: make(chan *chunk, n)}
	for range n {
		pl.free <- &chunk{}
	}
	for _, s := range sources {
		if s.Size <= 0 {
			pl.total = 0
			break
		}
		pl.total += s.Size
	}
	return pl
}

// produce reads every source in turn, as one stream, and closes the channels at the end.
func (pl *pipeline) produce(sources []Source) {
	defer close(pl.jobs)
	defer close(pl.ordered)
	for _, s := range sources {
		if err := pl.file(s); err != nil {
			pl.note(&chunk{err: err})
			return
		}
	}
	pl.report(0, true)
}

// file reads one source: its header, then its rows in chunks.
func (pl *pipeline) file(s Source) error {
	o, err := openSource(s)
	if err != nil {
		return err
	}
	defer o.close()
	f := &fileReader{pl: pl, name: s.Name, r: o.r, raw: o.raw, bufSize: firstBlockSize}
	err = pl.readAs(f, s, o)
	pl.doneBytes += o.raw.n
	return err
}

// fileReader cuts one file into chunks of whole rows.
type fileReader struct {
	pl     *pipeline
	name   string
	r      io.Reader
	raw    *countingReader
	plan   *plan
	parser rowParser
	carry  []byte // the start of a row that the last block cut in two
	line   int64  // the line the next chunk starts on
	eof    bool
	// bufSize is the least buffer the next block needs: small for the first block, so a
	// small file costs little and is parsed on several cores, doubling up to blockSize.
	bufSize int
	// m is the file's mapping when it is read in place (see mapped.go), and off where its
	// unread bytes start; r is then not read. The next chunk drops the pages from byte from
	// on: those of its data, and of a row skipped before it.
	m         *mapping
	off, from int
}

// firstBlockSize is the size of a file's first block.
const firstBlockSize = 64 << 10

// run reads the header, then hands out chunks until the end of the file.
func (f *fileReader) run() error {
	c, err := f.firstBlock()
	if err != nil {
		return err
	}
	if c.data, err = f.header(c.data); err != nil {
		f.pl.free <- c
		return err
	}
	for {
		cut, st, firstQuote := scanCut(&f.parser, c.data, f.eof)
		f.keep(c.data[cut:])
		c.data, c.quoted = c.data[:cut], firstQuote < cut
		if err := f.dispatch(c); err != nil {
			return err
		}
		if st == rowPartialQuoted && f.eof {
			return f.unterminated(f.line)
		}
		if f.eof {
			return f.pl.note(&chunk{plan: f.plan, eof: true})
		}
		if len(f.carry) >= MaxRowBytes {
			if err := f.discardLongRow(true); err != nil {
				return err
			}
		}
		if c, err = f.fill(); err != nil {
			return err
		}
	}
}

// firstBlock reads the first block, in which the header row must end: when a small block
// ends inside the header, it reads on up to a full block.
func (f *fileReader) firstBlock() (*chunk, error) {
	c, err := f.fill()
	for err == nil && !f.eof && len(c.data) < blockSize {
		if f.headerEnds(c.data) {
			break
		}
		f.keep(c.data)
		f.pl.free <- c
		f.bufSize = blockSize
		c, err = f.fill()
	}
	return c, err
}

// headerEnds reports whether the header row, after any blank lines, ends within data.
func (f *fileReader) headerEnds(data []byte) bool {
	skip, _ := blankLines(data)
	if skip == len(data) {
		return false
	}
	_, _, st := f.parser.parse(data, skip, false)
	return st == rowDone
}

// header parses the header row at the start of data, after any blank lines (as
// encoding/csv skips them), builds the file's plan and returns the data after the header.
func (f *fileReader) header(data []byte) ([]byte, error) {
	skip, blank := blankLines(data)
	if skip == len(data) && f.eof {
		return nil, &Error{File: f.name, Message: "file has blank lines only; expected a header row naming the columns"}
	}
	at := 1 + blank // the header's line
	end, bad, st := f.parser.parse(data, skip, f.eof)
	switch {
	case st != rowDone:
		return nil, &Error{File: f.name, Line: at, Message: fmt.Sprintf(
			"the header row does not end within %d MiB; is a quote unterminated?", blockSize>>20)}
	case semicolons(data[skip:end]):
		return nil, &Error{File: f.name, Line: at, Message: semicolonMessage}
	case bad != kindNone:
		return nil, &Error{File: f.name, Line: at, Message: "bad header row: " + badRowMessage(bad)()}
	}
	header := make([]string, len(f.parser.fields))
	for i, h := range f.parser.fields {
		header[i] = string(h)
	}
	p, err := newPlan(f.name, header, f.pl.opts)
	if err != nil {
		return nil, err
	}
	p.ordinal = f.pl.files
	f.pl.files++
	f.plan = p
	f.line = 1 + int64(bytes.Count(data[:end], []byte{'\n'}))
	return data[end:], nil
}

// blankLines returns how many bytes of blank lines (LF or CRLF) data starts with, and how
// many lines they are.
func blankLines(data []byte) (n int, lines int64) {
	for {
		switch {
		case n < len(data) && data[n] == '\n':
			n++
		case n+1 < len(data) && data[n] == '\r' && data[n+1] == '\n':
			n += 2
		default:
			return n, lines
		}
		lines++
	}
}

// fill takes a free chunk and fills its buffer with the carried-over row start and as much
// new data as fits.
func (f *fileReader) fill() (*chunk, error) {
	c, err := f.pl.get()
	if err != nil {
		return nil, err
	}
	if f.m != nil {
		f.view(c)
		return c, nil
	}
	if size := f.nextSize(); cap(c.buf) < size {
		c.buf = populate(make([]byte, 0, size))
	}
	buf := append(c.buf[:0], f.carry...)
	n, err := io.ReadFull(f.r, buf[len(buf):cap(buf)])
	buf = buf[:len(buf)+n]
	switch {
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		f.eof = true
	case err != nil:
		f.pl.free <- c
		return nil, err
	}
	c.buf, c.data, c.plan = buf, buf, f.plan
	f.pl.report(f.raw.n, false)
	return c, nil
}

// nextSize returns the size of the next block, the carried row start included, and doubles
// the least size of the one after.
func (f *fileReader) nextSize() int {
	size := min(blockSize, max(f.bufSize, 2*len(f.carry)))
	f.bufSize = min(2*f.bufSize, blockSize)
	return size
}

// dispatch sends a chunk to a worker and, in order, to the merger; an empty one goes back.
func (f *fileReader) dispatch(c *chunk) error {
	c.plan, c.line, c.seq = f.plan, f.line, f.pl.seq
	f.pl.seq++
	c.lines = int64(bytes.Count(c.data, []byte{'\n'}))
	f.line += c.lines
	if len(c.data) == 0 {
		f.pl.free <- c
		return nil
	}
	return f.pl.send(c)
}

// send hands a chunk with data to a worker and, in order, to the merger.
func (pl *pipeline) send(c *chunk) error {
	select {
	case pl.ordered <- c:
	case <-pl.ctx.Done():
		return pl.ctx.Err()
	}
	select {
	case pl.jobs <- c:
		return nil
	case <-pl.ctx.Done():
		return pl.ctx.Err()
	}
}

// unterminated is the error of a quoted field that the file's end leaves open, in the row
// that starts on line.
func (f *fileReader) unterminated(line int64) error {
	return &Error{File: f.name, Line: line, Message: fmt.Sprintf(
		"unterminated quote in the row starting on line %d; rows from line %d on were not loaded", line, line)}
}

// discardLongRow skips the rest of a row longer than MaxRowBytes, the carry holding its
// start, up to the line feed that ends it (outside quotes in CSV, when quotes is set), and
// reports it as skipped.
func (f *fileReader) discardLongRow(quotes bool) error {
	line, end := f.line, rowEnd{quotes: quotes}
	end.feed(f.carry) // the carry is a row cut before its end
	if f.m != nil {
		f.skipMapped(&end)
	} else if err := f.skipRead(&end); err != nil {
		return err
	}
	if f.eof && end.unterminated() {
		return f.unterminated(line)
	}
	f.line += end.lines + 1
	c := &chunk{plan: f.plan}
	c.tally.Rows++
	c.skip(kindTooLong, line, tooLongMessage)
	return f.pl.note(c)
}

// skipRead reads past the rest of a row longer than MaxRowBytes, up to where end finds it
// ends, and carries what follows over to the next block.
func (f *fileReader) skipRead(end *rowEnd) error {
	f.carry = f.carry[:0]
	buf := make([]byte, 64<<10)
	for {
		n, err := f.r.Read(buf)
		if k, done := end.feed(buf[:n]); done {
			f.carry = append(f.carry, buf[k:n]...)
			return nil
		}
		if errors.Is(err, io.EOF) {
			f.eof = true
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// scanCut returns where data can be cut after its last whole row, whether the row after
// the cut ends inside a quoted field, and where the first quote is (len(data) for none).
// Without quotes the cut is after the last line feed; with quotes, rows are scanned from
// the one holding the first quote.
func scanCut(p *rowParser, data []byte, atEOF bool) (cut int, st scanState, firstQuote int) {
	q := bytes.IndexByte(data, '"')
	if q < 0 {
		if atEOF {
			return len(data), rowDone, len(data)
		}
		return bytes.LastIndexByte(data, '\n') + 1, rowPartial, len(data)
	}
	i := bytes.LastIndexByte(data[:q], '\n') + 1
	for i < len(data) {
		end, _, st := p.parse(data, i, atEOF)
		if st != rowDone {
			return i, st, q
		}
		i = end
	}
	return i, rowDone, q
}

// note sends a chunk that needs no worker straight to the merger.
func (pl *pipeline) note(c *chunk) error {
	c.done = make(chan struct{})
	close(c.done)
	select {
	case pl.ordered <- c:
		return nil
	case <-pl.ctx.Done():
		return pl.ctx.Err()
	}
}

// get takes a free chunk, waiting for the merger to return one.
func (pl *pipeline) get() (*chunk, error) {
	select {
	case c := <-pl.free:
		c.reset(pl.shards)
		return c, nil
	case <-pl.ctx.Done():
		return nil, pl.ctx.Err()
	}
}

// report calls Options.Progress at most ten times a second, and once at the end.
func (pl *pipeline) report(read int64, final bool) {
	if pl.opts.Progress == nil {
		return
	}
	now := time.Now()
	if !final && now.Sub(pl.lastReport) < 100*time.Millisecond {
		return
	}
	pl.lastReport = now
	pl.opts.Progress(pl.doneBytes+read, pl.total)
}
