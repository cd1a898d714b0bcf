package events

import "bytes"

// rowEnd finds where a row too long to parse ends, in its bytes fed in turn from its
// start: at its first line feed, or, in CSV (quotes set), at the first one outside quotes as
// the row parser reads them. A quote opens a field only at the field's start, two quotes in
// a quoted field are one, and a row the parser finds bad (a bare quote, a stray carriage
// return, text after a closing quote) ends at its next line feed whatever follows.
type rowEnd struct {
	quotes bool
	state  rowEndState
	lines  int64 // the line feeds inside the row's quoted fields
}

// rowEndState is where rowEnd is in a CSV row.
type rowEndState byte

const (
	atFieldStart rowEndState = iota
	inUnquoted
	inQuoted
	afterQuote // a quote in a quoted field: its end, or the first of two
	inBadRow
)

// feed reads the row's next bytes, b, and returns the index just past the line feed that
// ends the row and true, or len(b) and false when the row goes on after b.
func (r *rowEnd) feed(b []byte) (int, bool) {
	for i := 0; i < len(b); i++ {
		if !r.quotes || r.state == inBadRow {
			if k := bytes.IndexByte(b[i:], '\n'); k >= 0 {
				return i + k + 1, true
			}
			return len(b), false
		}
		if r.state == inQuoted {
			k := bytes.IndexByte(b[i:], '"')
			if k < 0 {
				r.lines += int64(bytes.Count(b[i:], []byte{'\n'}))
				return len(b), false
			}
			r.lines += int64(bytes.Count(b[i:i+k], []byte{'\n'}))
			i, r.state = i+k, afterQuote
			continue
		}
		if b[i] == '\n' {
			return i + 1, true
		}
		r.state = r.next(b[i])
	}
	return len(b), false
}

// next returns the state after byte c, which is not a line feed, outside a quoted field's
// text.
func (r *rowEnd) next(c byte) rowEndState {
	switch {
	case c == ',':
		return atFieldStart
	case c == '"' && r.state == atFieldStart, c == '"' && r.state == afterQuote:
		return inQuoted
	case c == '"', r.state == afterQuote:
		return inBadRow // a bare quote, or text (a carriage return too) after a closing one
	}
	return inUnquoted
}

// unterminated reports whether the row, fed to the end of its file, ends inside a quoted
// field.
func (r *rowEnd) unterminated() bool { return r.quotes && r.state == inQuoted }
