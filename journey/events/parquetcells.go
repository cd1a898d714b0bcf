package events

import (
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

// step moves to the next row and returns its segment, its row in the segment, and its
// value (-1 for a null in a page).
func (c *pqCells) step() (*pqSegment, int, int) {
	s := &c.segs[c.seg]
	for c.row >= s.rows {
		c.seg++
		s = &c.segs[c.seg]
		c.row, c.val = 0, s.val
	}
	r := c.row
	c.row++
	if s.kind == segConverted {
		return s, r, s.val + r
	}
	if s.defs != nil && s.defs[r] < c.maxDef {
		return s, r, -1
	}
	c.val++
	return s, r, c.val - 1
}

// next returns the next row's cell: its text (in scratch when written for it) and what it
// is.
func (c *pqCells) next(text []byte, scratch *[]byte) ([]byte, byte) {
	s, _, v := c.step()
	switch {
	case v < 0:
		return nil, srcNull
	case s.kind == segConverted:
		if src := c.src[v]; src != srcText {
			return nil, src
		}
		ref := c.ref[v]
		return text[c.texts[2*ref]:c.texts[2*ref+1]], srcText
	case s.kind == segDict:
		d, i := s.dict, s.idx[v]
		if start, end := d.offs[i], d.offs[i+1]; start < end || !d.bad[i] {
			return d.text[start:end], srcText
		}
		return nil, srcInvalid
	case s.kind == segBytes:
		return c.bytes(s.bytes[s.offs[v]:s.offs[v+1]], scratch)
	case s.kind == segInts:
		*scratch = c.typ.appendInt((*scratch)[:0], s.ints[v])
	case c.typ.unsigned:
		*scratch = c.typ.appendInt((*scratch)[:0], int64(uint32(s.ints32[v])))
	default:
		*scratch = c.typ.appendInt((*scratch)[:0], int64(s.ints32[v]))
	}
	return *scratch, srcText
}

// bytes returns the text of a BYTE_ARRAY value.
func (c *pqCells) bytes(b []byte, scratch *[]byte) ([]byte, byte) {
	switch {
	case len(b) > MaxRowBytes:
		return nil, srcTooLong
	case c.typ.special():
		var st cellState
		if *scratch, st = c.typ.appendBytes((*scratch)[:0], b); st == cellInvalid {
			return nil, srcInvalid
		}
		return *scratch, srcText
	case !utf8.Valid(b):
		return nil, srcInvalid
	}
	return b, srcText
}

// nextTime returns the next row's time cell: nanoseconds and a pq state.
func (c *pqCells) nextTime() (int64, byte) {
	s, _, v := c.step()
	switch {
	case s.kind == segConverted:
		return c.nanos[v], c.times[v]
	case v < 0:
		return 0, pqNull
	case s.kind == segDict:
		i := s.idx[v]
		return s.dict.nanos[i], s.dict.states[i]
	case s.kind == segInts32:
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
