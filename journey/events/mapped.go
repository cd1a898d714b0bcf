package events

import (
	"bytes"
	"fmt"
	"os"
	"unsafe"
)

// A plain file, neither compressed nor standard input, is mapped into memory where the
// system allows (mapped_unix.go) and its CSV or JSON Lines text read in place: a chunk's data
// is a slice of the mapping, not a copy of the page cache in a buffer of its own, and a row
// that a block's end cuts is not carried over, as the next block starts where the last was
// cut. The pages of a chunk are dropped from the process's memory once the chunk is merged,
// so the memory a read holds stays the chunks in flight, as when blocks are copied.
//
// A file that shrinks while it is mapped makes the pages past its new end fault (SIGBUS)
// when touched. The goroutines that touch the mapping (the producer and the workers) turn
// such a fault into a panic (debug.SetPanicOnFault) and recover it as an *Error.

// mapping is an event file mapped into memory.
type mapping struct {
	name string
	data []byte // the whole file
}

// mapText maps the opened source o when it is a plain regular file; it returns nil when it
// is not, or when mapping fails, and the file is then read block by block.
func (pl *pipeline) mapText(s Source, o *opened) *mapping {
	if o.compressed || o.file == nil {
		return nil
	}
	fi, err := o.file.Stat()
	if err != nil || !fi.Mode().IsRegular() || fi.Size() == 0 {
		return nil
	}
	data, err := mapFile(o.file, fi.Size())
	if err != nil {
		return nil
	}
	m := &mapping{name: s.Name, data: data}
	pl.maps = append(pl.maps, m)
	return m
}

// unmap unmaps every file the read mapped. It runs once no goroutine of the read is left.
func (pl *pipeline) unmap() {
	for _, m := range pl.maps {
		unmapFile(m.data)
		m.data = nil
	}
	pl.maps = nil
}

// mapped starts reading f from its mapping m: after the byte order mark, if any.
func (f *fileReader) mapped(m *mapping) {
	f.m = m
	if bytes.HasPrefix(m.data, []byte("\xef\xbb\xbf")) {
		f.off = 3
	}
}

// view makes c's data the next block of the mapping: the row start the last block left,
// which the mapping holds just before the unread bytes, and as many of those as a block read
// from a file would hold.
func (f *fileReader) view(c *chunk) {
	start := f.off - len(f.carry)
	f.off = min(len(f.m.data), start+f.nextSize())
	f.eof = f.off == len(f.m.data)
	c.data, c.plan, c.src, c.from = f.m.data[start:f.off], f.plan, f.m, f.from
	f.raw.n = int64(f.off)
	f.pl.report(f.raw.n, false)
}

// keep keeps rest, the start of a row the block's end cut, for the next block: read in
// place, the next block starts with it; read from a file, it is copied.
func (f *fileReader) keep(rest []byte) {
	if f.m != nil {
		f.carry, f.from = rest, f.off-len(rest)
		return
	}
	f.carry = append(f.carry[:0], rest...)
}

// skipMapped skips the rest of a row longer than MaxRowBytes in the mapping, up to where
// end finds it ends; the next chunk drops its pages.
func (f *fileReader) skipMapped(end *rowEnd) {
	f.carry = nil
	if k, done := end.feed(f.m.data[f.off:]); done {
		f.off += k
	} else {
		f.off, f.eof = len(f.m.data), true
	}
	f.raw.n = int64(f.off)
}

// drop drops the pages of the mapping's bytes from start to end: the page start is on, and
// those up to the one end is on, which the next block starts on and drops (all of them at
// the end of the file). Chunks are merged in order, so a page is dropped once no chunk
// being parsed holds it: touched again, a dropped page would be mapped again with the pages
// near it, which the kernel maps ahead on a fault, and those would not be dropped again.
func (m *mapping) drop(start, end int) {
	if end < len(m.data) {
		end -= end % mapPage
	}
	start -= start % mapPage
	if start < end {
		dropPages(m.data[start:end])
	}
}

// release drops the pages of c's data, when it is read in place, and of a row skipped
// before it; it is called once c is merged.
func (c *chunk) release() {
	if c.src != nil {
		c.src.drop(c.from, c.src.offset(c.data)+len(c.data))
	}
}

// offset returns where b, a slice of the mapping, starts in it.
func (m *mapping) offset(b []byte) int {
	return int(uintptr(unsafe.Pointer(unsafe.SliceData(b))) - uintptr(unsafe.Pointer(unsafe.SliceData(m.data))))
}

// catch recovers from a fault on touching the mapping, as the file shrank while it was read,
// and sets *err to an *Error saying so; any other panic goes on. It must be deferred, in a
// goroutine that panics on faults (debug.SetPanicOnFault).
func (m *mapping) catch(err *error) {
	r := recover()
	if r == nil {
		return
	}
	if f, ok := r.(interface{ Addr() uintptr }); !ok || !m.holds(f.Addr()) {
		panic(r)
	}
	*err = &Error{File: m.name, Message: fmt.Sprintf(
		"the file changed while it was read: it is shorter than the %d bytes it had when the read began; read it again once it is written",
		len(m.data))}
}

// holds reports whether the address addr is on a page of the mapping.
func (m *mapping) holds(addr uintptr) bool {
	base := uintptr(unsafe.Pointer(unsafe.SliceData(m.data)))
	return addr >= base && addr-base < uintptr(len(m.data)+mapPage-1)/uintptr(mapPage)*uintptr(mapPage)
}

// mapPage is the size of a page of a mapping.
var mapPage = os.Getpagesize()
