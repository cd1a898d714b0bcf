package events

import (
	"encoding/binary"
	"math"
	"math/bits"
	"unicode/utf8"

	"github.com/parquet-go/parquet-go"
)

// pqCells are one column's cells of a batch of rows, in segments. Most segments are runs of
// rows of a page, which the batch keeps (retained) until a worker has read them; the worker
// reads each cell from the page and writes it as text. Pages read value by value, and nested
// columns, are written out by the producer instead (segConverted), each cell one of src and
// ref (or of nanos and times, for the time column).
type pqCells struct {
	typ    leafType
	maxDef byte
	// unit and state are the nanoseconds of a step of a TIMESTAMP column and the pq state of
	// its times in range.
	unit  int64
	state byte
	segs  []pqSegment
	src   []byte
	ref   []uint32
	texts []uint32 // text i is the batch's text[texts[2i]:texts[2i+1]]
	nanos []int64
	times []byte
	// the worker's place: the segment, its row, and the row's value in the segment's page
	seg, row, val int
}

// Kinds of segments: what the page holds.
const (
	segDict      byte = iota // dictionary indexes
	segBytes                 // plain BYTE_ARRAY values
	segInts                  // plain INT64 values
	segInts32                // plain INT32 values
	segConverted             // cells written out, from src, ref and texts
)

// pqSegment is a run of rows of one page (or of cells written out).
type pqSegment struct {
	kind byte
	rows int
	page parquet.Page
	defs []byte // the rows' definition levels, nil when none is null
	// val is the index of the first row's value among the page's values (which skip the
	// nulls), or of the first cell written out.
	val    int
	idx    []int32
	dict   *pqDict
	bytes  []byte
	offs   []uint32
	ints   []int64
	ints32 []int32
}

// Sources of a cell written out, and what a cell turned out to be.
const (
	srcNull    byte = iota
	srcText         // good text
	srcRaw          // text to be checked as UTF-8
	srcInvalid      // text that is not UTF-8
	srcTooLong      // a value longer than MaxRowBytes
)

// reset empties the cells for a new batch of a column of type typ.
func (c *pqCells) reset(typ leafType, maxDef byte) {
	*c = pqCells{typ: typ, maxDef: maxDef, unit: typ.unitNanos(), state: typ.timeState(true), segs: c.segs[:0], src: c.src[:0], ref: c.ref[:0], texts: c.texts[:0],
		nanos: c.nanos[:0], times: c.times[:0]}
}

// add writes out a cell.
func (c *pqCells) add(src byte, ref uint32) {
	c.src, c.ref = append(c.src, src), append(c.ref, ref)
}

// addText writes out a cell whose text is b, appended to the batch's text.
func (c *pqCells) addText(text, b []byte, st cellState) []byte {
	switch {
	case st == cellInvalid:
		c.add(srcInvalid, 0)
		return text
	case len(b) > MaxRowBytes:
		c.add(srcTooLong, 0)
		return text
	}
	c.add(srcText, uint32(len(c.texts)/2))
	start := len(text)
	text = append(text, b...)
	c.texts = append(c.texts, uint32(start), uint32(len(text)))
	return text
}

// addTime writes out a time cell.
func (c *pqCells) addTime(ns int64, state byte) {
	c.nanos, c.times = append(c.nanos, ns), append(c.times, state)
}

// timeState is the pq state of a time of the type that is (ok) or is not in range.
func (lt leafType) timeState(ok bool) byte {
	switch {
	case !ok:
		return pqOutOfRange
	case lt.timeKind() == timeInstant:
		return pqInstant
	}
	return pqLocal
}

// start puts the worker's place at the first row.
func (c *pqCells) start() {
	c.seg, c.row, c.val = 0, 0, 0
	if len(c.segs) > 0 {
		c.val = c.segs[0].val
	}
}

// segment returns the segment of the next row, moving on when the current one is read.
func (c *pqCells) segment() *pqSegment {
	s := &c.segs[c.seg]
	for c.row >= s.rows {
		c.seg++
		s = &c.segs[c.seg]
		c.row, c.val = 0, s.val
	}
	return s
}

// fill writes the text of the next len(bad) rows' cells to out, row k's at out[k*stride]
// (nil for a null), and marks in bad, as kind+1, the rows a cell makes skipped. text is the
// batch's text; the text written for cells (integers, decimals) is appended to buf, which is
// returned. It reads a segment at a time, in a loop of its own for each kind, as that is
// where the time goes.
func (c *pqCells) fill(out cellsOut, bad []uint8, text, buf []byte) []byte {
	for i := 0; i < len(bad); {
		s := c.segment()
		n := min(len(bad)-i, s.rows-c.row)
		o := out.from(i)
		b := bad[i : i+n]
		switch s.kind {
		case segConverted:
			c.fillConverted(s, o, b, text)
		case segDict:
			c.fillDict(s, o, b)
		case segBytes:
			buf = c.fillBytes(s, o, b, buf)
		default:
			buf = c.fillInts(s, o, b, buf)
		}
		c.row += n
		i += n
	}
	return buf
}

// cellsOut is where fill writes a column's cells: row k's at cells[k*stride], in a block of
// rows whose cells are row by row.
type cellsOut struct {
	cells  [][]byte
	stride int
}

func (o cellsOut) set(k int, v []byte) { o.cells[k*o.stride] = v }

// from returns the cells from row i on.
func (o cellsOut) from(i int) cellsOut { return cellsOut{o.cells[i*o.stride:], o.stride} }

// sparse reports whether the next n rows are in dictionary pages with nulls and views,
// which fillSparse writes.
func (c *pqCells) sparse(n int) bool {
	for i, row := c.seg, c.row; n > 0 && i < len(c.segs); i, row = i+1, 0 {
		s := &c.segs[i]
		if row >= s.rows {
			continue
		}
		if s.kind != segDict || s.defs == nil || s.dict.views == nil || c.maxDef > 128 {
			return false
		}
		n -= s.rows - row
	}
	return true
}

// rulesOf writes the rules of the next len(rules) rows' event names (see pqDict.rules)
// without moving the worker's place, and reports whether it could: only when the rows are
// in dictionary pages without nulls whose dictionaries have rules.
func (c *pqCells) rulesOf(rules []*rule) bool {
	seg, row, val := c.seg, c.row, c.val
	for i := 0; i < len(rules); {
		s := &c.segs[seg]
		for row >= s.rows {
			seg++
			s = &c.segs[seg]
			row, val = 0, s.val
		}
		if s.kind != segDict || s.defs != nil || s.dict.rules == nil {
			return false
		}
		m := min(len(rules)-i, s.rows-row)
		for k, x := range s.idx[val : val+m] {
			rules[i+k] = s.dict.rules[x]
		}
		i, row, val = i+m, row+m, val+m
	}
	return true
}

// fillSparse writes the cells that are not null of the next n rows (see sparse) to out,
// whose cells are nil, and appends their rows to set, which it returns. A column that is
// mostly null so costs a store a value, not one a row; the levels are read eight at a time
// (see definedBits), without a branch on each row.
func (c *pqCells) fillSparse(out cellsOut, n int, set []int32) []int32 {
	for i := 0; i < n; {
		s := c.segment()
		m := min(n-i, s.rows-c.row)
		views, idx, val := s.dict.views, s.idx, c.val
		defs, add := s.defs[c.row:c.row+m], levelsAdd(c.maxDef)
		k := 0
		for ; k+8 <= m; k += 8 {
			for bits8 := definedBits(binary.LittleEndian.Uint64(defs[k:]), add); bits8 != 0; bits8 &= bits8 - 1 {
				r := i + k + bits.TrailingZeros64(bits8)/8
				out.set(r, views[idx[val]])
				set = append(set, int32(r))
				val++
			}
		}
		for ; k < m; k++ {
			if defs[k] >= c.maxDef {
				out.set(i+k, views[idx[val]])
				set = append(set, int32(i+k))
				val++
			}
		}
		c.val = val
		c.row += m
		i += m
	}
	return set
}

// fillConverted reads cells written out.
func (c *pqCells) fillConverted(s *pqSegment, out cellsOut, bad []uint8, text []byte) {
	from := s.val + c.row
	for k := range bad {
		out.set(k, nil)
		switch src := c.src[from+k]; src {
		case srcText:
			ref := c.ref[from+k]
			out.set(k, text[c.texts[2*ref]:c.texts[2*ref+1]])
		case srcInvalid:
			bad[k] = uint8(kindUTF8) + 1
		case srcTooLong:
			bad[k] = uint8(kindTooLong) + 1
		}
	}
}

// fillDict reads the rows of a dictionary page.
func (c *pqCells) fillDict(s *pqSegment, out cellsOut, bad []uint8) {
	d := s.dict
	if d.views != nil && s.defs == nil {
		for k, i := range s.idx[c.val : c.val+len(bad)] {
			out.set(k, d.views[i])
		}
		c.val += len(bad)
		return
	}
	if s.defs == nil {
		for k, i := range s.idx[c.val : c.val+len(bad)] {
			out.set(k, d.entry(i, &bad[k]))
		}
		c.val += len(bad)
		return
	}
	if d.views != nil {
		c.fillDictViews(s, out, len(bad))
		return
	}
	for k, def := range s.defs[c.row : c.row+len(bad)] {
		if def < c.maxDef {
			out.set(k, nil)
			continue
		}
		out.set(k, d.entry(s.idx[c.val], &bad[k]))
		c.val++
	}
}

// fillDictViews reads n rows of a dictionary page with nulls whose dictionary has views
// (so no entry is bad). Such columns are mostly null, in no pattern: each row's cell is the
// view of its value or the nil after the views, picked without a branch.
func (c *pqCells) fillDictViews(s *pqSegment, out cellsOut, n int) {
	views, idx, val, maxDef := s.dict.views, s.idx, c.val, c.maxDef
	null := int32(len(views) - 1)
	if len(idx) == 0 {
		idx = []int32{null}
	}
	last := len(idx) - 1
	for k, def := range s.defs[c.row : c.row+n] {
		ok := int32(b2u8(def >= maxDef))
		i := idx[min(val, last)]&-ok | null&(ok-1)
		out.set(k, views[i])
		val += int(ok)
	}
	c.val = val
}

// entry returns the text of entry i, marking bad when it is not UTF-8.
func (d *pqDict) entry(i int32, bad *uint8) []byte {
	start, end := d.offs[i], d.offs[i+1]
	if start == end && d.bad[i] {
		*bad = uint8(kindUTF8) + 1
	}
	return d.text[start:end]
}

// fillBytes reads the rows of a plain BYTE_ARRAY page: text as it is, checked as UTF-8, or
// a DECIMAL, UUID or FLOAT16 written out.
func (c *pqCells) fillBytes(s *pqSegment, out cellsOut, bad []uint8, buf []byte) []byte {
	special := c.typ.special()
	if !special && s.defs == nil && c.fillASCII(s, out, len(bad)) {
		return buf
	}
	for k := range bad {
		if s.defs != nil && s.defs[c.row+k] < c.maxDef {
			out.set(k, nil)
			continue
		}
		v := s.bytes[s.offs[c.val]:s.offs[c.val+1]]
		c.val++
		switch {
		case len(v) > MaxRowBytes:
			out.set(k, nil)
			bad[k] = uint8(kindTooLong) + 1
		case special:
			start := len(buf)
			var st cellState
			if buf, st = c.typ.appendBytes(buf, v); st == cellInvalid {
				bad[k] = uint8(kindUTF8) + 1
			}
			out.set(k, buf[start:])
		case !utf8.Valid(v):
			out.set(k, nil)
			bad[k] = uint8(kindUTF8) + 1
		default:
			out.set(k, v)
		}
	}
	return buf
}

// fillASCII reads n rows of a plain BYTE_ARRAY page without nulls when their values are all
// ASCII and short, checked in one go rather than value by value; it reports whether it did.
func (c *pqCells) fillASCII(s *pqSegment, out cellsOut, n int) bool {
	offs := s.offs[c.val : c.val+n+1]
	if all := s.bytes[offs[0]:offs[n]]; len(all) > MaxRowBytes || !allASCII(all) {
		return false
	}
	for k := range n {
		out.set(k, s.bytes[offs[k]:offs[k+1]])
	}
	c.val += n
	return true
}

// allASCII reports whether b holds ASCII bytes only.
func allASCII(b []byte) bool {
	const high = 0x8080808080808080
	for ; len(b) >= 8; b = b[8:] {
		if binary.LittleEndian.Uint64(b)&high != 0 {
			return false
		}
	}
	for _, x := range b {
		if x >= 0x80 {
			return false
		}
	}
	return true
}

// fillInts reads the rows of a plain INT64 or INT32 page, written as text.
func (c *pqCells) fillInts(s *pqSegment, out cellsOut, bad []uint8, buf []byte) []byte {
	for k := range bad {
		if s.defs != nil && s.defs[c.row+k] < c.maxDef {
			out.set(k, nil)
			continue
		}
		var v int64
		switch {
		case s.ints != nil:
			v = s.ints[c.val]
		case c.typ.unsigned:
			v = int64(uint32(s.ints32[c.val]))
		default:
			v = int64(s.ints32[c.val])
		}
		c.val++
		start := len(buf)
		buf = c.typ.appendInt(buf, v)
		out.set(k, buf[start:])
	}
	return buf
}

// fillTimes reads the next len(nanos) rows' time cells: nanoseconds and pq states.
func (c *pqCells) fillTimes(nanos []int64, states []byte) {
	for i := 0; i < len(nanos); {
		s := c.segment()
		n := min(len(nanos)-i, s.rows-c.row)
		switch {
		case s.kind == segConverted:
			from := s.val + c.row
			copy(nanos[i:i+n], c.nanos[from:from+n])
			copy(states[i:i+n], c.times[from:from+n])
		case s.kind == segInts && s.defs == nil:
			c.intTimes(s.ints[c.val:c.val+n], nanos[i:i+n], states[i:i+n])
		default:
			for k := i; k < i+n; k++ {
				nanos[k], states[k] = c.time(s, c.row+k-i)
			}
		}
		c.row += n
		i += n
	}
}

// intTimes reads the times of plain INT64 values without nulls, the common TIMESTAMP
// column: in range, a time is its value times the unit.
func (c *pqCells) intTimes(ints, nanos []int64, states []byte) {
	lo, hi := math.MinInt64/c.unit, math.MaxInt64/c.unit
	for k, v := range ints {
		nanos[k], states[k] = v*c.unit, c.state
		if v < lo || v > hi {
			nanos[k], states[k] = v, pqOutOfRange
		}
	}
	c.val += len(ints)
}

// time reads the time of row r of a page segment.
func (c *pqCells) time(s *pqSegment, r int) (int64, byte) {
	if s.defs != nil && s.defs[r] < c.maxDef {
		return 0, pqNull
	}
	v := c.val
	c.val++
	switch s.kind {
	case segDict:
		i := s.idx[v]
		return s.dict.nanos[i], s.dict.states[i]
	case segInts32:
		return int64(s.ints32[v]) * 86400e9, pqLocal
	}
	ns, ok := scaled(s.ints[v], c.unit)
	if !ok {
		return s.ints[v], pqOutOfRange
	}
	return ns, c.state
}

// release lets go of the pages the cells keep.
func (c *pqCells) release() {
	for _, s := range c.segs {
		if s.page != nil {
			parquet.Release(s.page)
		}
	}
}
