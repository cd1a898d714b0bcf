package events

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math/bits"
	"slices"
	"unicode/utf8"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/encoding"
)

// leafReader reads a leaf column of a row group that no repeated field holds, one value a
// row, page by page, into the cells of batches: the common pages (dictionary indexes, plain
// BYTE_ARRAY, INT32 and INT64 values) as segments of the page itself, which the workers
// read; other pages value by value, written out as they are read.
type leafReader struct {
	typ    leafType
	pages  *pageStream
	counts pqCounts // of the current page
	maxDef byte
	// nanos says the column is read as times (see timeKind), not as text.
	nanos bool
	page  parquet.Page
	defs  []byte // the page's definition levels; nil when no value can be null
	row   int    // the next row of the page
	rows  int
	val   int // the next value of the page: its values skip the nulls
	// The page's values, in one of these forms (kind says which).
	kind    byte
	idx     []int32 // indexes into the dictionary
	bytes   []byte  // plain BYTE_ARRAY values: bytes[offs[i]:offs[i+1]]
	offs    []uint32
	ints    []int64 // plain INT64 values
	ints32  []int32 // plain INT32 values
	generic []parquet.Value
	buf     []parquet.Value
	// dict is the dictionary of the column chunk, and dictCells it written out.
	dict      parquet.Dictionary
	dictCells *pqDict
	// names, for the column of event names, finds the rules of its dictionaries' entries.
	names *nameTable
}

// pqDict is a dictionary written out: entry i is text[offs[i]:offs[i+1]], one run of bytes
// for all, to be read at random from little memory (an empty entry is in bad when it stands
// for a value that is not UTF-8); or, for a column read as times, nanos[i] with its pq state
// in states[i].
type pqDict struct {
	text   []byte
	offs   []uint32
	bad    map[int32]bool
	nanos  []int64
	states []byte
	// views are the entries as slices, for a dictionary of up to maxViews entries: one load
	// a cell instead of two. One more, nil, follows them: the cell of a null.
	views [][]byte
	// rules, for a column of event names with views, are the rules of the views' names
	// (see pqCells.rulesOf): a name is looked up once a dictionary, not once a row.
	rules []*rule
}

// maxViews bounds the entries of a dictionary that has views.
const maxViews = 1 << 16

// newLeafReader reads column c of a row group, as text or, with nanos, as times; names is
// set for the column of event names (see pqDict.rules).
func newLeafReader(chunk parquet.ColumnChunk, c *parquet.Column, nanos bool, names *nameTable) *leafReader {
	return &leafReader{typ: newLeafType(c.Type()), pages: streamPages(chunk.Pages(), byte(c.MaxDefinitionLevel())), maxDef: byte(c.MaxDefinitionLevel()), nanos: nanos, names: names}
}

// errCorrupt marks values that contradict their own page.
var errCorrupt = errors.New("the values do not match the page's counts")

// close lets go of the pages.
func (r *leafReader) close() {
	if r.page != nil {
		parquet.Release(r.page)
		r.page = nil
	}
	r.pages.Close()
}

// read adds the next n rows' cells to cells (texts written out to text, returned).
func (r *leafReader) read(cells *pqCells, text []byte, n int) ([]byte, error) {
	for n > 0 {
		if err := r.advance(); err != nil {
			return text, err
		}
		m := min(n, r.rows-r.row)
		if r.generic != nil {
			text = r.convert(cells, text, m)
		} else {
			cells.segs = append(cells.segs, r.segment(m))
		}
		r.row += m
		n -= m
	}
	return text, nil
}

// advance moves to the next page when the current one is read.
func (r *leafReader) advance() error {
	for r.row >= r.rows {
		if r.page != nil {
			parquet.Release(r.page)
			r.page = nil
		}
		p, counts, err := r.pages.next()
		if errors.Is(err, io.EOF) {
			return fmt.Errorf("the column has fewer values than the row group has rows")
		}
		if err != nil {
			return err
		}
		r.counts = counts
		if err := r.load(p); err != nil {
			return err
		}
	}
	return nil
}

// load makes p the current page.
func (r *leafReader) load(p parquet.Page) error {
	r.page, r.row, r.val = p, 0, 0
	r.rows = int(p.NumRows())
	r.idx, r.bytes, r.offs, r.ints, r.ints32, r.generic, r.defs = nil, nil, nil, nil, nil, nil, nil
	if r.maxDef > 0 {
		r.defs = p.DefinitionLevels()
	}
	if r.defs != nil && len(r.defs) != r.rows {
		return r.loadGeneric(p)
	}
	data := p.Data()
	if d := p.Dictionary(); d != nil {
		r.kind, r.idx = segDict, data.Int32()
		return r.loadDictionary(d)
	}
	switch {
	case data.Kind() == encoding.ByteArray && !r.nanos:
		r.kind = segBytes
		r.bytes, r.offs = data.ByteArray()
		if len(r.offs) == 0 {
			r.offs = []uint32{0}
		}
		return r.checkValues(len(r.offs) - 1)
	case data.Kind() == encoding.Int64:
		r.kind, r.ints = segInts, data.Int64()
		return r.checkValues(len(r.ints))
	case data.Kind() == encoding.Int32 && (!r.nanos || r.typ.timeKind() == timeDate):
		r.kind, r.ints32 = segInts32, data.Int32()
		return r.checkValues(len(r.ints32))
	}
	return r.loadGeneric(p)
}

// checkValues checks that the page has as many values as its rows that are not null.
func (r *leafReader) checkValues(n int) error {
	want := r.rows
	if r.defs != nil {
		want = r.counts.defined
	}
	if n < want {
		return errCorrupt
	}
	return nil
}

// loadGeneric reads every value of the page, nulls included, as parquet.Values.
func (r *leafReader) loadGeneric(p parquet.Page) error {
	r.idx, r.bytes, r.offs, r.ints, r.ints32, r.defs = nil, nil, nil, nil, nil, nil
	r.generic = r.generic[:0]
	vr := p.Values()
	for {
		if cap(r.buf) == 0 {
			r.buf = make([]parquet.Value, 1024)
		}
		n, err := vr.ReadValues(r.buf)
		r.generic = append(r.generic, r.buf[:n]...)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
	}
	if len(r.generic) != r.rows {
		return errCorrupt
	}
	return nil
}

// loadDictionary writes out the dictionary of a page, once per dictionary, and checks the
// page's indexes.
func (r *leafReader) loadDictionary(d parquet.Dictionary) error {
	if d != r.dict {
		r.dict, r.dictCells = d, r.textDict(d)
		if r.dictCells == nil {
			r.dictCells = &pqDict{offs: []uint32{0}}
			for i := range d.Len() {
				r.dictCells.add(r.typ, d.Index(int32(i)), r.nanos)
			}
		}
		r.dictCells.view()
		if r.names != nil && r.dictCells.views != nil {
			r.dictCells.rules = make([]*rule, len(r.dictCells.views))
			for i, v := range r.dictCells.views {
				r.dictCells.rules[i] = r.names.lookup(v)
			}
		}
	}
	if len(r.idx) > 0 && r.counts.top >= uint32(d.Len()) {
		return errCorrupt
	}
	return r.checkValues(len(r.idx))
}

// defined counts the definition levels of values that are not null: those at maxDef. It
// compares eight levels at a time (see definedBits), as columns are often mostly null in no
// pattern.
func defined(defs []byte, maxDef byte) int {
	n := 0
	if maxDef >= 1 && maxDef <= 128 {
		add := levelsAdd(maxDef)
		for ; len(defs) >= 8; defs = defs[8:] {
			n += bits.OnesCount64(definedBits(binary.LittleEndian.Uint64(defs), add))
		}
	}
	for _, d := range defs {
		n += int(b2u8(d >= maxDef))
	}
	return n
}

// levelsAdd is what definedBits adds to each level for a greatest level maxDef, from 1 to 128.
func levelsAdd(maxDef byte) uint64 { return uint64(128-maxDef) * 0x0101010101010101 }

// definedBits returns the high bit of each byte of eight definition levels that is at least
// the greatest level (of levelsAdd): its low seven bits plus 128-maxDef reach the high bit
// exactly then, or it has the high bit already.
func definedBits(levels, add uint64) uint64 {
	const highs = 0x8080808080808080
	return ((levels &^ highs) + add | levels) & highs
}

// b2u8 is 1 for true, 0 for false.
func b2u8(b bool) uint8 {
	if b {
		return 1
	}
	return 0
}

// textDict copies a dictionary of text that is text as it is, all valid UTF-8, in one go;
// it returns nil for any other.
func (r *leafReader) textDict(d parquet.Dictionary) *pqDict {
	data := d.Page().Data()
	if r.nanos || r.typ.special() || data.Kind() != encoding.ByteArray {
		return nil
	}
	text, offs := data.ByteArray()
	if len(offs) != d.Len()+1 || !utf8.Valid(text) {
		return nil
	}
	return &pqDict{text: slices.Clone(text), offs: slices.Clone(offs)}
}

// view makes the views of a small dictionary of text with no bad entry.
func (d *pqDict) view() {
	if len(d.offs) < 2 || len(d.offs) > maxViews+1 || d.bad != nil {
		return
	}
	d.views = make([][]byte, len(d.offs))
	for i := range len(d.offs) - 1 {
		d.views[i] = d.text[d.offs[i]:d.offs[i+1]]
	}
}

// add writes out one dictionary value.
func (d *pqDict) add(typ leafType, v parquet.Value, nanos bool) {
	if nanos {
		ns, ok := typ.nanos(v)
		d.nanos, d.states = append(d.nanos, ns), append(d.states, typ.timeState(ok))
		return
	}
	start := len(d.text)
	var st cellState
	if d.text, st = typ.appendValue(d.text, v); st == cellInvalid {
		d.text = d.text[:start]
		if d.bad == nil {
			d.bad = map[int32]bool{}
		}
		d.bad[int32(len(d.offs)-1)] = true
	}
	d.offs = append(d.offs, uint32(len(d.text)))
}

// segment returns the next m rows of the page as a segment, which keeps the page.
func (r *leafReader) segment(m int) pqSegment {
	parquet.Retain(r.page)
	s := pqSegment{kind: r.kind, rows: m, page: r.page, val: r.val, idx: r.idx, dict: r.dictCells,
		bytes: r.bytes, offs: r.offs, ints: r.ints, ints32: r.ints32}
	if r.defs == nil {
		r.val += m
		return s
	}
	s.defs = r.defs[r.row : r.row+m]
	values := defined(s.defs, r.maxDef)
	r.val += values
	if values == m {
		s.defs = nil // no null: the rows take the quicker way
	}
	return s
}

// convert writes out the next m rows of a page read value by value: times to nanos and
// times, other values to src and ref.
func (r *leafReader) convert(cells *pqCells, text []byte, m int) []byte {
	first := len(cells.src)
	if r.nanos {
		first = len(cells.nanos)
	}
	cells.segs = append(cells.segs, pqSegment{kind: segConverted, rows: m, val: first})
	for _, v := range r.generic[r.row : r.row+m] {
		switch {
		case r.nanos && v.IsNull():
			cells.addTime(0, pqNull)
		case r.nanos:
			ns, ok := r.typ.nanos(v)
			cells.addTime(ns, r.typ.timeState(ok))
		case v.IsNull():
			cells.add(srcNull, 0)
		default:
			start := len(text)
			var st cellState
			text, st = r.typ.appendValue(text, v)
			text = cells.addText(text[:start], text[start:], st)
		}
	}
	return text
}

// pageStream reads the pages of a column chunk ahead, on a goroutine of its own, so that the
// columns of a row group are decompressed and decoded side by side rather than one after
// the other in the producer. A panic of the library there comes back as an error.
type pageStream struct {
	pages  parquet.Pages
	maxDef byte
	ch     chan streamedPage
	stop   chan struct{}
}

// streamedPage is a page read ahead with its counts, or the error that ended the reading.
type streamedPage struct {
	page   parquet.Page
	counts pqCounts
	err    error
}

// pqCounts are what the checks of a page (see leafReader.load) count over its levels and
// indexes, counted where the page is read, while they are in that core's cache: the values
// that are not null (when the page has as many definition levels as rows), and the greatest
// dictionary index, a negative one counted as huge.
type pqCounts struct {
	defined int
	top     uint32
}

// countPage counts a page of a column of greatest definition level maxDef.
func countPage(p parquet.Page, maxDef byte) pqCounts {
	var c pqCounts
	if defs := p.DefinitionLevels(); maxDef > 0 && len(defs) == int(p.NumRows()) {
		c.defined = defined(defs, maxDef)
	}
	if p.Dictionary() != nil {
		data := p.Data()
		for _, i := range data.Int32() {
			c.top = max(c.top, uint32(i))
		}
	}
	return c
}

// pagesAhead is how many pages a stream reads ahead.
const pagesAhead = 1

// streamPages starts reading pages ahead.
func streamPages(pages parquet.Pages, maxDef byte) *pageStream {
	s := &pageStream{pages: pages, maxDef: maxDef, ch: make(chan streamedPage, pagesAhead), stop: make(chan struct{})}
	go s.run()
	return s
}

// run reads pages until the end, an error, or close.
func (s *pageStream) run() {
	defer close(s.ch)
	for {
		p, counts, err := s.read()
		select {
		case s.ch <- streamedPage{p, counts, err}:
		case <-s.stop:
			if p != nil {
				parquet.Release(p)
			}
			return
		}
		if err != nil {
			return
		}
	}
}

// read reads a page and counts it, turning a panic into an error.
func (s *pageStream) read() (p parquet.Page, c pqCounts, err error) {
	defer func() {
		if r := recover(); r != nil {
			if p != nil {
				parquet.Release(p)
			}
			// what the library says of its own slices tells a user nothing
			p, err = nil, errors.New("a page does not decode")
		}
	}()
	if p, err = s.pages.ReadPage(); err != nil {
		return p, c, err
	}
	return p, countPage(p, s.maxDef), nil
}

// next returns the next page and its counts.
func (s *pageStream) next() (parquet.Page, pqCounts, error) {
	sp, ok := <-s.ch
	if !ok {
		return nil, pqCounts{}, io.EOF
	}
	return sp.page, sp.counts, sp.err
}

// Close stops the reading and lets go of the pages read ahead.
func (s *pageStream) Close() error {
	close(s.stop)
	for sp := range s.ch {
		if sp.page != nil {
			parquet.Release(sp.page)
		}
	}
	return s.pages.Close()
}
