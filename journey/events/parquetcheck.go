package events

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/parquet-go/parquet-go/encoding/thrift"
	"github.com/parquet-go/parquet-go/format"
)

// A Parquet file describes itself in thrift structures, its footer and a header before each
// page, and the library reading it allocates what they claim before it reads what follows:
// a damaged length can make it ask for gigabytes. So the footer and the page headers of the
// columns read are checked first: every length in a structure must fit in the bytes that
// follow it (then decoding it allocates in proportion to its bytes), and a page's sizes and
// counts must fit its column chunk and stay within bounds no real page comes near.

// Bounds on what one page may claim.
const (
	maxPageBytes    = 256 << 20 // compressed or not
	maxPageRatio    = 10000     // uncompressed bytes per compressed byte, beyond a slack
	pageRatioSlack  = 8 << 20
	minPageValues   = 1 << 22 // values a page may always claim; more need bytes to be in
	maxFooterBytes  = 256 << 20
	maxThriftNested = 64
)

// errDamaged is a thrift structure whose lengths do not fit its bytes.
var errDamaged = errors.New("a structure of the file is damaged")

// checkFooter checks the footer of a Parquet file of size bytes.
func checkFooter(r io.ReaderAt, size int64) error {
	if size < 12 {
		return fmt.Errorf("the file has %d bytes, fewer than any Parquet file", size)
	}
	var tail [8]byte
	if _, err := r.ReadAt(tail[:], size-8); err != nil {
		return err
	}
	switch string(tail[4:]) {
	case parquetMagic:
	case "PARE":
		return errors.New("the file is encrypted, which journey does not read")
	default:
		return errors.New("the file does not end as a Parquet file does (truncated?)")
	}
	n := int64(binary.LittleEndian.Uint32(tail[:4]))
	if n > size-12 || n > maxFooterBytes {
		return fmt.Errorf("the footer claims %d bytes of a %d-byte file", n, size)
	}
	footer := make([]byte, n)
	if _, err := r.ReadAt(footer, size-8-n); err != nil {
		return err
	}
	if end := thriftStruct(footer, 0, 0); end < 0 {
		return fmt.Errorf("the footer: %w", errDamaged)
	}
	return nil
}

// unsupportedCodec is a column compressed with a codec the library does not read.
type unsupportedCodec struct {
	column []string
	codec  format.CompressionCodec
}

func (u unsupportedCodec) Error() string {
	return fmt.Sprintf("column %q is compressed with %s, which journey does not read; write the file with snappy, zstd, gzip, brotli or lz4_raw, or none",
		strings.Join(u.column, "."), u.codec)
}

// checkChunk checks the codec and the page headers of a column chunk, and the runs of its
// pages where their bytes are as the file holds them (see pageRuns).
func checkChunk(r io.ReaderAt, size int64, m *format.ColumnMetaData, runs *pageRuns) error {
	switch m.Codec {
	case format.Uncompressed, format.Snappy, format.Gzip, format.Brotli, format.Zstd, format.Lz4Raw:
	default:
		return unsupportedCodec{m.PathInSchema, m.Codec}
	}
	start := m.DataPageOffset
	if m.DictionaryPageOffset != 0 {
		start = m.DictionaryPageOffset
	}
	end := start + m.TotalCompressedSize
	if start < 4 || m.TotalCompressedSize < 0 || end > size {
		return fmt.Errorf("column %q: its pages lie outside the file", m.PathInSchema)
	}
	var win []byte
	for off := start; off < end; {
		h, n, after, err := readPageHeader(r, off, end, &win)
		if err != nil {
			return fmt.Errorf("column %q, page at byte %d: %w", m.PathInSchema, off, err)
		}
		if err := checkPage(h, end-off-n); err != nil {
			return fmt.Errorf("column %q, page at byte %d: %w", m.PathInSchema, off, err)
		}
		if err := runs.check(h, off+n, after); err != nil {
			return fmt.Errorf("column %q, page at byte %d: %w", m.PathInSchema, off, err)
		}
		off += n + int64(h.CompressedPageSize)
	}
	return nil
}

// readPageHeader reads and checks the page header at off, before end, and returns it, its
// size and the bytes after it that it read too (in win, a buffer to reuse).
func readPageHeader(r io.ReaderAt, off, end int64, win *[]byte) (*format.PageHeader, int64, []byte, error) {
	for size := int64(4 << 10); ; size *= 16 {
		n := min(size, end-off)
		if int64(cap(*win)) < n {
			*win = make([]byte, n)
		}
		b := (*win)[:n]
		if _, err := r.ReadAt(b, off); err != nil {
			return nil, 0, nil, err
		}
		if hn := thriftStruct(b, 0, 0); hn >= 0 {
			var h format.PageHeader
			if err := thrift.Unmarshal(new(thrift.CompactProtocol), b[:hn], &h); err != nil {
				return nil, 0, nil, err
			}
			return &h, int64(hn), b[hn:], nil
		}
		if n == end-off || n >= maxPageBytes {
			return nil, 0, nil, errDamaged
		}
	}
}

// checkPage checks a page's sizes and counts; left is the chunk's bytes after its header.
func checkPage(h *format.PageHeader, left int64) error {
	c, u := int64(h.CompressedPageSize), int64(h.UncompressedPageSize)
	switch {
	case c < 0 || c > left:
		return fmt.Errorf("it claims %d bytes where %d are left", c, left)
	case u < 0 || u > maxPageBytes || u > maxPageRatio*c+pageRatioSlack:
		return fmt.Errorf("it claims %d bytes uncompressed from %d", u, c)
	}
	limit := max(minPageValues, 8*u)
	for _, n := range pageCounts(h) {
		if n < 0 || int64(n) > limit {
			return fmt.Errorf("it claims %d values in %d bytes", n, u)
		}
	}
	return nil
}

// pageCounts lists the counts a page header claims.
func pageCounts(h *format.PageHeader) []int32 {
	var n []int32
	if d := h.DataPageHeader; d.Valid {
		n = append(n, d.V.NumValues)
	}
	if d := h.DictionaryPageHeader; d.Valid {
		n = append(n, d.V.NumValues)
	}
	if d := h.DataPageHeaderV2; d.Valid {
		n = append(n, d.V.NumValues, d.V.NumNulls, d.V.NumRows, d.V.RepetitionLevelsByteLength, d.V.DefinitionLevelsByteLength)
	}
	return n
}

// thriftStruct checks the thrift struct (compact protocol) at b[i]: every length in it must
// fit in the bytes that follow, and it may nest maxThriftNested deep. It returns the index
// past it, or -1.
func thriftStruct(b []byte, i, depth int) int {
	if depth > maxThriftNested {
		return -1
	}
	for i >= 0 && i < len(b) {
		h := b[i]
		i++
		if h == 0 {
			return i
		}
		if h>>4 == 0 { // the field's id follows
			i = skipVarint(b, i)
		}
		if t := h & 0xf; t != 1 && t != 2 && i >= 0 { // a boolean field holds its value in its type
			i = thriftValue(b, i, t, depth)
		}
	}
	return -1
}

// thriftValue checks a value of compact type t at b[i] and returns the index past it, or -1.
func thriftValue(b []byte, i int, t byte, depth int) int {
	switch t {
	case 1, 2, 3: // a boolean in a list, a byte
		return skipBytes(b, i, 1)
	case 4, 5, 6:
		return skipVarint(b, i)
	case 7:
		return skipBytes(b, i, 8)
	case 13:
		return skipBytes(b, i, 16)
	case 8:
		n, j := readVarint(b, i)
		if j < 0 || n > uint64(len(b)-j) {
			return -1
		}
		return j + int(n)
	case 9, 10:
		return thriftList(b, i, depth)
	case 11:
		return thriftMap(b, i, depth)
	case 12:
		return thriftStruct(b, i, depth+1)
	}
	return -1
}

// thriftList checks a list or set: each element takes at least a byte.
func thriftList(b []byte, i, depth int) int {
	if i >= len(b) {
		return -1
	}
	h := b[i]
	n, j := uint64(h>>4), i+1
	if n == 15 {
		n, j = readVarint(b, j)
	}
	if j < 0 || n > uint64(len(b)-j) {
		return -1
	}
	for range n {
		if j = thriftValue(b, j, h&0xf, depth+1); j < 0 {
			return -1
		}
	}
	return j
}

// thriftMap checks a map: each entry takes at least two bytes.
func thriftMap(b []byte, i, depth int) int {
	n, j := readVarint(b, i)
	if j < 0 || n == 0 {
		return j
	}
	if j >= len(b) || n > uint64(len(b)-j)/2 {
		return -1
	}
	kv := b[j]
	j++
	for range n {
		if j = thriftValue(b, j, kv>>4, depth+1); j < 0 {
			return -1
		}
		if j = thriftValue(b, j, kv&0xf, depth+1); j < 0 {
			return -1
		}
	}
	return j
}

// readVarint reads an unsigned varint at b[i] and returns it and the index past it (-1 when
// there is none).
func readVarint(b []byte, i int) (uint64, int) {
	if i < 0 || i >= len(b) {
		return 0, -1
	}
	v, n := binary.Uvarint(b[i:])
	if n <= 0 {
		return 0, -1
	}
	return v, i + n
}

func skipVarint(b []byte, i int) int {
	_, j := readVarint(b, i)
	return j
}

func skipBytes(b []byte, i, n int) int {
	if i < 0 || n > len(b)-i {
		return -1
	}
	return i + n
}

// checkRowGroup checks the page headers of the columns a read needs in a row group.
func (pf *parquetFile) checkRowGroup(r io.ReaderAt, size int64, rg *format.RowGroup) error {
	for _, c := range pf.cols {
		for _, leaf := range leaves(c.col) {
			if leaf.Index() >= len(rg.Columns) {
				return errDamaged
			}
			m := &rg.Columns[leaf.Index()].MetaData
			runs := &pageRuns{r: r, compressed: m.Codec != format.Uncompressed,
				maxRep: leaf.MaxRepetitionLevel(), maxDef: leaf.MaxDefinitionLevel()}
			if err := checkChunk(r, size, m, runs); err != nil {
				return err
			}
		}
	}
	return nil
}
