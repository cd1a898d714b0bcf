package convert

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/compress"
)

// Empty says how a JSON Lines line writes an empty CSV cell.
type Empty uint8

const (
	// Omit leaves the key out.
	Omit Empty = iota
	// Null writes null.
	Null
	// EmptyString writes "".
	EmptyString
)

// JSONL writes the rows of the CSV text r to w as JSON Lines, one object per row with the
// header's names as keys, in the header's order. A column named with a dot, "a.b", becomes
// the key b of a nested object a when nest is set.
func JSONL(w io.Writer, r io.Reader, empty Empty, nest bool) error {
	cr := csv.NewReader(r)
	header, err := cr.Read()
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	var line bytes.Buffer
	for {
		row, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return bw.Flush()
		}
		if err != nil {
			return err
		}
		line.Reset()
		writeObject(&line, header, row, empty, nest)
		line.WriteByte('\n')
		if _, err := bw.Write(line.Bytes()); err != nil {
			return err
		}
	}
}

// writeObject writes one row as a JSON object.
func writeObject(b *bytes.Buffer, header, row []string, empty Empty, nest bool) {
	b.WriteByte('{')
	first := true
	for i := 0; i < len(header); i++ {
		name, v := header[i], row[i]
		if v == "" && empty == Omit {
			continue
		}
		if !first {
			b.WriteByte(',')
		}
		first = false
		group, key, nested := strings.Cut(name, ".")
		if !nest || !nested {
			writeMember(b, name, v, empty)
			continue
		}
		// The columns of one group follow each other.
		writeKey(b, group)
		b.WriteByte('{')
		writeMember(b, key, v, empty)
		for i+1 < len(header) && strings.HasPrefix(header[i+1], group+".") {
			i++
			if row[i] == "" && empty == Omit {
				continue
			}
			b.WriteByte(',')
			writeMember(b, strings.TrimPrefix(header[i], group+"."), row[i], empty)
		}
		b.WriteByte('}')
	}
	b.WriteByte('}')
}

// writeMember writes "key": value.
func writeMember(b *bytes.Buffer, key, v string, empty Empty) {
	writeKey(b, key)
	if v == "" && empty == Null {
		b.WriteString("null")
		return
	}
	text, _ := json.Marshal(v)
	b.Write(text)
}

func writeKey(b *bytes.Buffer, key string) {
	text, _ := json.Marshal(key)
	b.Write(text)
	b.WriteByte(':')
}

// ParquetOptions say how to write a Parquet file.
type ParquetOptions struct {
	// Time names the column written as a TIMESTAMP (nanoseconds): adjusted to UTC when its
	// first value has a zone, else a time without a zone. Empty writes every column as text.
	Time string
	// Codec compresses the pages; nil means Snappy.
	Codec compress.Codec
	// RowGroupRows caps the rows of a row group; 0 leaves the writer's default.
	RowGroupRows int64
	// Plain writes text without dictionaries. Otherwise a column's dictionary grows to
	// DictionaryBytes (0 means 1 MiB, as pyarrow writes them), after which the row group's
	// pages are plain.
	Plain           bool
	DictionaryBytes int64
	// PageBytes caps the bytes of a page; 0 leaves the writer's default.
	PageBytes int
}

// Parquet writes the rows of the CSV text r to w as Parquet: every column optional text
// (an empty cell is null), except the time column of o. Rows are written as they are read.
func Parquet(w io.Writer, r io.Reader, o ParquetOptions) error {
	cr := csv.NewReader(bufio.NewReaderSize(r, 1<<20))
	header, err := cr.Read()
	if err != nil {
		return err
	}
	first, err := cr.Read()
	if err != nil && !errors.Is(err, io.EOF) {
		return err
	}
	cols, err := newColumns(header, first, o)
	if err != nil {
		return err
	}
	schema := parquet.NewSchema("events", cols.group)
	opts := []parquet.WriterOption{schema, parquet.Compression(cmpOr(o.Codec, compress.Codec(&parquet.Snappy))),
		parquet.DictionaryMaxBytes(cmp.Or(o.DictionaryBytes, 1<<20))}
	if o.RowGroupRows > 0 {
		opts = append(opts, parquet.MaxRowsPerRowGroup(o.RowGroupRows))
	}
	if o.PageBytes > 0 {
		opts = append(opts, parquet.PageBufferSize(o.PageBytes))
	}
	pw := parquet.NewWriter(w, opts...)
	for row := first; row != nil; {
		pr, err := cols.row(row)
		if err != nil {
			return err
		}
		if _, err := pw.WriteRows([]parquet.Row{pr}); err != nil {
			return err
		}
		if row, err = cr.Read(); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return err
		}
	}
	return pw.Close()
}

func cmpOr(c, d compress.Codec) compress.Codec {
	if c != nil {
		return c
	}
	return d
}

// columns maps CSV columns to the leaf columns of a schema (parquet.Group orders its fields
// by name).
type columns struct {
	group  parquet.Group
	order  []int // the CSV column of each leaf column, in schema order
	time   int   // the CSV column written as a TIMESTAMP, -1 for none
	layout string
}

// newColumns builds the schema for a CSV header and its first row (nil for none).
func newColumns(header, first []string, o ParquetOptions) (*columns, error) {
	c := &columns{group: parquet.Group{}, time: -1}
	for i, name := range header {
		var node parquet.Node = parquet.String()
		if !o.Plain {
			node = parquet.Encoded(node, &parquet.RLEDictionary)
		}
		if name == o.Time {
			zoned, layout, err := timeLayout(first, i)
			if err != nil {
				return nil, err
			}
			c.time, c.layout = i, layout
			node = parquet.TimestampAdjusted(parquet.Nanosecond, zoned)
		}
		c.group[name] = parquet.Optional(node)
	}
	for _, path := range parquet.NewSchema("events", c.group).Columns() {
		for i, name := range header {
			if path[0] == name {
				c.order = append(c.order, i)
			}
		}
	}
	return c, nil
}

// timeLayout finds the layout of the time column from its first value.
func timeLayout(first []string, col int) (zoned bool, layout string, err error) {
	if first == nil {
		return true, time.RFC3339Nano, nil
	}
	v := first[col]
	for _, l := range []struct {
		layout string
		zoned  bool
	}{{time.RFC3339Nano, true}, {"2006-01-02 15:04:05.999999999Z07:00", true},
		{"2006-01-02T15:04:05.999999999", false}, {"2006-01-02 15:04:05.999999999", false}} {
		if _, err := time.Parse(l.layout, v); err == nil {
			return l.zoned, l.layout, nil
		}
	}
	return false, "", fmt.Errorf("time %q: no known layout", v)
}

// row turns a CSV row into a Parquet row.
func (c *columns) row(row []string) (parquet.Row, error) {
	out := make(parquet.Row, len(c.order))
	for leaf, i := range c.order {
		v := row[i]
		switch {
		case v == "":
			out[leaf] = parquet.Value{}.Level(0, 0, leaf)
		case i == c.time:
			t, err := time.Parse(c.layout, v)
			if err != nil {
				return nil, err
			}
			out[leaf] = parquet.Int64Value(t.UnixNano()).Level(0, 1, leaf)
		default:
			out[leaf] = parquet.ByteArrayValue([]byte(v)).Level(0, 1, leaf)
		}
	}
	return out, nil
}
