package events

import (
	"bytes"
	"unicode/utf8"
)

// MaxRowBytes caps the bytes of one row, quoted newlines included. A longer row is skipped
// (or, when a quoted field is what makes it long, the quote is taken to be unterminated and
// the read stops), so hostile input never makes the reader hold more than this per row.
const MaxRowBytes = 1 << 20

// kind classifies why a row was skipped; each kind reports its first few rows.
type kind uint8

const (
	kindFields  kind = iota // wrong number of fields
	kindUTF8                // invalid UTF-8
	kindQuote               // a bare quote, or text after a closing quote
	kindCR                  // a carriage return not followed by a line feed
	kindTooLong             // a row above MaxRowBytes
	kindNoID                // an empty identity
	kindTime                // an unparsable or out-of-range time
	kindGap                 // a local time in a daylight-saving gap
	numKinds
	kindNone kind = numKinds // not skipped
)

// scanState says whether a row ended within the data scanned.
type scanState uint8

const (
	rowDone          scanState = iota // the row is complete (well-formed or bad)
	rowPartial                        // the data ends inside the row, outside quotes
	rowPartialQuoted                  // the data ends inside a quoted field
)

// field locates one field of a row: in the data, or, when quotes had to be unescaped, in
// the parser's scratch buffer.
type field struct {
	start, end int
	scratch    bool
}

// rowParser splits rows by full RFC 4180 rules: quoted fields may hold commas, newlines and
// doubled quotes. A bad row ends at the next line feed, whatever quotes follow, so the end
// of every row depends only on where it starts; chunk boundaries rely on that.
type rowParser struct {
	spans   []field
	scratch []byte
	fields  [][]byte
}

// parse scans the row starting at data[i] and returns the index just past it, why it is
// bad (kindNone when it is not), and whether it is complete. atEOF says no data follows.
// On a good row, p.fields holds its fields.
func (p *rowParser) parse(data []byte, i int, atEOF bool) (int, kind, scanState) {
	p.spans, p.scratch = p.spans[:0], p.scratch[:0]
	start := i
	for {
		var end int
		var bad kind
		var st scanState
		if i < len(data) && data[i] == '"' {
			end, bad, st = p.quoted(data, i, atEOF)
		} else {
			end, bad, st = p.unquoted(data, i, atEOF)
		}
		if st != rowDone {
			return end, kindNone, st
		}
		if bad != kindNone {
			return skipLine(data, end, atEOF, bad)
		}
		if end > i && data[end-1] == ',' {
			i = end
			continue
		}
		return end, p.finish(data, start, end), rowDone
	}
}

// unquoted scans an unquoted field at data[i] and returns the index past its terminator.
func (p *rowParser) unquoted(data []byte, i int, atEOF bool) (int, kind, scanState) {
	for j := i; j < len(data); j++ {
		switch data[j] {
		case ',', '\n':
			p.spans = append(p.spans, field{start: i, end: j})
			return j + 1, kindNone, rowDone
		case '\r':
			if j+1 == len(data) && !atEOF {
				return len(data), kindNone, rowPartial
			}
			if j+1 == len(data) || data[j+1] == '\n' {
				p.spans = append(p.spans, field{start: i, end: j})
				return min(j+2, len(data)), kindNone, rowDone
			}
			return j, kindCR, rowDone
		case '"':
			return j, kindQuote, rowDone
		}
	}
	if !atEOF {
		return len(data), kindNone, rowPartial
	}
	p.spans = append(p.spans, field{start: i, end: len(data)})
	return len(data), kindNone, rowDone
}

// quoted scans a quoted field whose opening quote is at data[i]. Doubled quotes are
// unescaped into scratch; a field without them stays a slice of data.
func (p *rowParser) quoted(data []byte, i int, atEOF bool) (int, kind, scanState) {
	j, seg, from := i+1, i+1, -1
	for {
		k := bytes.IndexByte(data[j:], '"')
		if k < 0 || (j+k+1 == len(data) && !atEOF) {
			return len(data), kindNone, rowPartialQuoted
		}
		q := j + k
		if q+1 < len(data) && data[q+1] == '"' {
			if from < 0 {
				from = len(p.scratch)
			}
			p.scratch = append(p.scratch, data[seg:q+1]...)
			j, seg = q+2, q+2
			continue
		}
		f := field{start: i + 1, end: q}
		if from >= 0 {
			p.scratch = append(p.scratch, data[seg:q]...)
			f = field{start: from, end: len(p.scratch), scratch: true}
		}
		return p.afterQuote(data, f, q+1, atEOF)
	}
}

// afterQuote checks what follows a closing quote: a comma, a line end or the end of data.
func (p *rowParser) afterQuote(data []byte, f field, j int, atEOF bool) (int, kind, scanState) {
	switch {
	case j == len(data):
		p.spans = append(p.spans, f)
		return j, kindNone, rowDone
	case data[j] == ',' || data[j] == '\n':
		p.spans = append(p.spans, f)
		return j + 1, kindNone, rowDone
	case data[j] == '\r' && j+1 == len(data) && !atEOF:
		return len(data), kindNone, rowPartial
	case data[j] == '\r' && (j+1 == len(data) || data[j+1] == '\n'):
		p.spans = append(p.spans, f)
		return min(j+2, len(data)), kindNone, rowDone
	case data[j] == '\r':
		return j, kindCR, rowDone
	}
	return j, kindQuote, rowDone
}

// skipLine ends a bad row at the next line feed from data[i].
func skipLine(data []byte, i int, atEOF bool, bad kind) (int, kind, scanState) {
	k := bytes.IndexByte(data[i:], '\n')
	switch {
	case k >= 0:
		return i + k + 1, bad, rowDone
	case atEOF:
		return len(data), bad, rowDone
	}
	return len(data), kindNone, rowPartial
}

// finish builds p.fields for the good row data[start:end] and checks it is valid UTF-8.
func (p *rowParser) finish(data []byte, start, end int) kind {
	if !utf8.Valid(data[start:end]) {
		return kindUTF8
	}
	p.fields = p.fields[:0]
	for _, f := range p.spans {
		if f.scratch {
			p.fields = append(p.fields, p.scratch[f.start:f.end])
		} else {
			p.fields = append(p.fields, data[f.start:f.end])
		}
	}
	return kindNone
}
