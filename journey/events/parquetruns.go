package events

import (
	"encoding/binary"
	"fmt"
	"io"
	"math/bits"

	"github.com/parquet-go/parquet-go/format"
)

// The levels and dictionary indexes of a page are runs (Parquet's RLE/bit-packing hybrid),
// each with a count the library allocates for as it decodes them, before it checks them
// against the page's count of values: a damaged count can make it ask for gigabytes. So the
// runs of a page whose bytes are as the file holds them (an uncompressed page, and the
// levels of a version 2 page) are counted first.

// pageRuns are what a column chunk's pages need to be checked for their runs.
type pageRuns struct {
	r              io.ReaderAt
	compressed     bool
	maxRep, maxDef int
	buf            []byte
}

// check counts the runs of the page with header h whose body starts at off; have is the
// start of the body as read with the header, which spares reading it again.
func (p *pageRuns) check(h *format.PageHeader, off int64, have []byte) error {
	switch {
	case h.DataPageHeader.Valid && !p.compressed:
		d := h.DataPageHeader.V
		body, err := p.read(off, int64(h.CompressedPageSize), have)
		if err != nil {
			return err
		}
		return p.v1(body, int(d.NumValues), d.Encoding)
	case h.DataPageHeaderV2.Valid:
		d := h.DataPageHeaderV2.V
		levels := int64(d.RepetitionLevelsByteLength) + int64(d.DefinitionLevelsByteLength)
		if levels > int64(h.CompressedPageSize) {
			return fmt.Errorf("its levels claim %d of its %d bytes", levels, h.CompressedPageSize)
		}
		plain := !p.compressed || d.IsCompressed.Valid && !d.IsCompressed.V
		read := levels // the values too when they are as the file holds them
		if plain {
			read = int64(h.CompressedPageSize)
		}
		body, err := p.read(off, read, have)
		if err != nil {
			return err
		}
		n := int(d.NumValues)
		rep, def := body[:d.RepetitionLevelsByteLength], body[d.RepetitionLevelsByteLength:levels]
		if err := p.levels(rep, p.maxRep, n); err != nil {
			return err
		}
		if err := p.levels(def, p.maxDef, n); err != nil {
			return err
		}
		if !plain {
			return nil
		}
		return p.values(body[levels:], n, d.Encoding)
	}
	return nil
}

// read returns the n bytes of the file at off: from have, the bytes there read already,
// when it holds them.
func (p *pageRuns) read(off, n int64, have []byte) ([]byte, error) {
	if n <= int64(len(have)) {
		return have[:n], nil
	}
	if int64(cap(p.buf)) < n {
		p.buf = make([]byte, n)
	}
	b := p.buf[:n]
	if _, err := p.r.ReadAt(b, off); err != nil {
		return nil, err
	}
	return b, nil
}

// v1 counts the runs of a version 1 page of n values: its levels, each after its length,
// then its values.
func (p *pageRuns) v1(body []byte, n int, enc format.Encoding) error {
	for _, max := range []int{p.maxRep, p.maxDef} {
		if max == 0 {
			continue
		}
		if len(body) < 4 {
			return fmt.Errorf("its levels are cut short")
		}
		size := binary.LittleEndian.Uint32(body)
		if uint64(size) > uint64(len(body)-4) {
			return fmt.Errorf("its levels claim %d bytes where %d are left", size, len(body)-4)
		}
		if err := p.levels(body[4:4+size], max, n); err != nil {
			return err
		}
		body = body[4+size:]
	}
	return p.values(body, n, enc)
}

// levels counts the runs of levels up to max of n values.
func (p *pageRuns) levels(b []byte, max, n int) error {
	if max == 0 {
		return nil
	}
	return countRuns(b, bits.Len(uint(max)), n)
}

// values counts the runs of n values written as dictionary indexes: a byte for their
// width, then runs. Values written otherwise hold no runs the library allocates for.
func (p *pageRuns) values(b []byte, n int, enc format.Encoding) error {
	//lint:ignore SA1019 DuckDB still marks its data pages PLAIN_DICTIONARY, as older writers did
	if enc != format.RLEDictionary && enc != format.PlainDictionary || len(b) == 0 {
		return nil
	}
	if b[0] > 32 {
		return fmt.Errorf("its dictionary indexes claim %d bits each", b[0])
	}
	return countRuns(b[1:], int(b[0]), n)
}

// countRuns checks that the runs of values width bits wide in b hold not many more than n
// values and fit in b. Writers pad the last bit-packed run, DuckDB to 256 values: twice n
// and a few thousand more leave room for any padding and still bound what is allocated.
func countRuns(b []byte, width, n int) error {
	limit, total := 2*uint64(n)+4096, uint64(0)
	for i := 0; i < len(b); {
		h, k := binary.Uvarint(b[i:])
		if k <= 0 {
			return fmt.Errorf("a run's header does not decode")
		}
		i += k
		if h>>1 == 0 {
			continue // an empty run: the library reads no value after it
		}
		count, size := h>>1, uint64(width+7)/8
		if h&1 == 1 && count <= limit/8+1 { // bit-packed: count groups of eight values
			count, size = 8*count, count*uint64(width)
		}
		if count > limit || total+count > limit {
			return fmt.Errorf("its runs claim far more than the %d values the page holds", n)
		}
		total += count
		if size > uint64(len(b)-i) {
			return fmt.Errorf("a run claims %d bytes where %d are left", size, len(b)-i)
		}
		i += int(size)
	}
	return nil
}
