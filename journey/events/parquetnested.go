package events

import (
	"errors"
	"io"
	"unicode/utf8"

	"github.com/parquet-go/parquet-go"
)

// nestedReader writes the value of a repeated field, a LIST or a MAP as JSON text, row by
// row, by assembling it from the values of its leaves and their repetition and definition
// levels: a list is a JSON array, a map or a group a JSON object (keys in schema order), a
// null null, text a JSON string, numbers and booleans as they are.
type nestedReader struct {
	root    *parquet.Column
	cursors map[*parquet.Column]*leafCursor
	all     []*leafCursor
}

// leafCursor reads the values of one leaf, with one value of look-ahead.
type leafCursor struct {
	r   parquet.ColumnChunkValueReader
	typ leafType
	buf []parquet.Value
	i   int
}

// newNestedReader reads the column under root of a row group.
func newNestedReader(rg parquet.RowGroup, root *parquet.Column) *nestedReader {
	nr := &nestedReader{root: root, cursors: map[*parquet.Column]*leafCursor{}}
	chunks := rg.ColumnChunks()
	for _, leaf := range leaves(root) {
		c := &leafCursor{r: parquet.NewColumnChunkValueReader(chunks[leaf.Index()]), typ: newLeafType(leaf.Type())}
		nr.cursors[leaf], nr.all = c, append(nr.all, c)
	}
	return nr
}

// close lets go of the leaves' pages.
func (nr *nestedReader) close() {
	for _, c := range nr.all {
		c.r.Close()
	}
}

// peek returns the cursor's next value without taking it.
func (c *leafCursor) peek() (parquet.Value, error) {
	if c.i == len(c.buf) {
		if cap(c.buf) == 0 {
			c.buf = make([]parquet.Value, 256)
		}
		n, err := c.r.ReadValues(c.buf[:cap(c.buf)])
		if n == 0 {
			if err == nil || errors.Is(err, io.EOF) {
				err = errors.New("a nested column has fewer values than its rows need")
			}
			return parquet.Value{}, err
		}
		c.buf, c.i = c.buf[:n], 0
	}
	return c.buf[c.i], nil
}

// next peeks and takes the cursor's next value.
func (c *leafCursor) next() (parquet.Value, error) {
	v, err := c.peek()
	c.i++
	return v, err
}

// first returns the cursor of the first leaf under c.
func (nr *nestedReader) first(c *parquet.Column) *leafCursor {
	for !c.Leaf() {
		c = c.Columns()[0]
	}
	return nr.cursors[c]
}

// read appends the next n rows' cells to cells (texts to text, returned).
func (nr *nestedReader) read(cells *pqCells, text []byte, n int) ([]byte, error) {
	cells.segs = append(cells.segs, pqSegment{kind: segConverted, rows: n, val: len(cells.src)})
	for range n {
		start := len(text)
		var st cellState
		var err error
		if text, st, err = nr.appendText(text); err != nil {
			return text, err
		}
		if st == cellNull {
			cells.add(srcNull, 0)
			continue
		}
		text = cells.addText(text[:start], text[start:], st)
	}
	return text, nil
}

// appendText appends the JSON text of the next row's value; a null top-level value is an
// empty cell (nothing).
func (nr *nestedReader) appendText(dst []byte) ([]byte, cellState, error) {
	v, err := nr.first(nr.root).peek()
	if err != nil {
		return dst, cellNull, err
	}
	if nr.root.Optional() && int(v.DefinitionLevel()) < nr.root.MaxDefinitionLevel() {
		return dst, cellNull, nr.skip(nr.root)
	}
	dst, err = nr.field(dst, nr.root)
	return dst, cellText, err
}

// field appends a field's value: a list of its instances when it is repeated.
func (nr *nestedReader) field(dst []byte, c *parquet.Column) ([]byte, error) {
	if c.Repeated() {
		return nr.list(dst, c, nr.instance)
	}
	return nr.value(dst, c)
}

// value appends the value of a field that is not repeated: null, a scalar, a list, a map or
// an object.
func (nr *nestedReader) value(dst []byte, c *parquet.Column) ([]byte, error) {
	v, err := nr.first(c).peek()
	if err != nil {
		return dst, err
	}
	if int(v.DefinitionLevel()) < c.MaxDefinitionLevel() {
		return append(dst, "null"...), nr.skip(c)
	}
	return nr.instance(dst, c)
}

// instance appends the value of a field known to be present.
func (nr *nestedReader) instance(dst []byte, c *parquet.Column) ([]byte, error) {
	switch {
	case c.Leaf():
		return nr.scalar(dst, nr.cursors[c])
	case isListOrMap(c) && !c.Columns()[0].Leaf() && c.Columns()[0].Repeated() && isMap(c):
		return nr.mapping(dst, c.Columns()[0])
	case isListOrMap(c) && c.Columns()[0].Repeated():
		return nr.list(dst, c.Columns()[0], nr.element(c))
	}
	dst = append(dst, '{')
	for i, child := range c.Columns() {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(appendJSONString(dst, []byte(child.Name())), ':')
		var err error
		if dst, err = nr.field(dst, child); err != nil {
			return dst, err
		}
	}
	return append(dst, '}'), nil
}

// element returns how a LIST's repeated field writes one element, by the rules of the
// Parquet format for lists written by older tools: a repeated group of one field, not named
// "array" nor LIST_tuple, holds the element; otherwise the repeated field is the element.
func (nr *nestedReader) element(list *parquet.Column) func([]byte, *parquet.Column) ([]byte, error) {
	rep := list.Columns()[0]
	if !rep.Leaf() && len(rep.Columns()) == 1 && rep.Name() != "array" && rep.Name() != list.Name()+"_tuple" {
		return func(dst []byte, r *parquet.Column) ([]byte, error) { return nr.value(dst, r.Columns()[0]) }
	}
	return nr.instance
}

// list appends the instances of the repeated field rep as a JSON array, each written by
// each.
func (nr *nestedReader) list(dst []byte, rep *parquet.Column, each func([]byte, *parquet.Column) ([]byte, error)) ([]byte, error) {
	first := nr.first(rep)
	v, err := first.peek()
	if err != nil {
		return dst, err
	}
	if int(v.DefinitionLevel()) < rep.MaxDefinitionLevel() {
		return append(dst, "[]"...), nr.skip(rep)
	}
	dst = append(dst, '[')
	for n := 0; ; n++ {
		if n > 0 {
			dst = append(dst, ',')
		}
		if dst, err = each(dst, rep); err != nil {
			return dst, err
		}
		if v, err = first.peek(); err != nil || int(v.RepetitionLevel()) != rep.MaxRepetitionLevel() {
			// the next value starts another row or an outer list (or there is none)
			return append(dst, ']'), nil
		}
	}
}

// mapping appends the entries of a MAP's repeated key_value group as a JSON object, keys as
// strings.
func (nr *nestedReader) mapping(dst []byte, kv *parquet.Column) ([]byte, error) {
	start := len(dst)
	dst, err := nr.list(dst, kv, nr.entry)
	if err != nil {
		return dst, err
	}
	// list wrote [e1,e2]: entries are "key":value, so the brackets become braces.
	dst[start], dst[len(dst)-1] = '{', '}'
	return dst, nil
}

// entry appends one "key":value of a MAP.
func (nr *nestedReader) entry(dst []byte, kv *parquet.Column) ([]byte, error) {
	cols := kv.Columns()
	var key []byte
	var err error
	if key, err = nr.value(nil, cols[0]); err != nil {
		return dst, err
	}
	if len(key) > 0 && key[0] == '"' {
		dst = append(dst, key...)
	} else {
		dst = appendJSONString(dst, key)
	}
	dst = append(dst, ':')
	if len(cols) < 2 {
		return append(dst, "null"...), nil
	}
	return nr.field(dst, cols[1])
}

// scalar appends the JSON of a leaf's next value.
func (nr *nestedReader) scalar(dst []byte, c *leafCursor) ([]byte, error) {
	v, err := c.next()
	switch {
	case err != nil:
		return dst, err
	case v.IsNull():
		return append(dst, "null"...), nil
	}
	text, _ := c.typ.appendValue(nil, v)
	if c.typ.numeric(v) {
		return append(dst, text...), nil
	}
	return appendJSONString(dst, text), nil
}

// skip takes one value from each leaf under c: a null or empty c has one there.
func (nr *nestedReader) skip(c *parquet.Column) error {
	for _, leaf := range leaves(c) {
		if _, err := nr.cursors[leaf].next(); err != nil {
			return err
		}
	}
	return nil
}

// isMap reports whether a group is annotated as a MAP.
func isMap(c *parquet.Column) bool {
	lt := c.Type().LogicalType()
	return lt != nil && lt.Value != nil && lt.Value.String() == "MAP"
}

// appendJSONString appends s as a JSON string; invalid UTF-8 becomes U+FFFD, as
// encoding/json writes it.
func appendJSONString(dst, s []byte) []byte {
	const hexDigits = "0123456789abcdef"
	dst = append(dst, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRune(s[i:])
			dst, i = utf8.AppendRune(dst, r), i+size
			continue
		}
		switch {
		case c == '"' || c == '\\':
			dst = append(dst, '\\', c)
		case c == '\n':
			dst = append(dst, '\\', 'n')
		case c == '\r':
			dst = append(dst, '\\', 'r')
		case c == '\t':
			dst = append(dst, '\\', 't')
		case c < 0x20:
			dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
		default:
			dst = append(dst, c)
		}
		i++
	}
	return append(dst, '"')
}
