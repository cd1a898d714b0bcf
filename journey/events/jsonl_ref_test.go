package events

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"
)

// The reference reading of JSON Lines: SPEC section 2 done with encoding/json, line by
// line, to check the reader against and to write the CSV file that holds the same rows.

// refLine is one line of a JSON Lines text as the reference reads it.
type refLine struct {
	blank bool              // white space only
	cells map[string]string // the cells of an object, by column
	// bad says the line is skipped: syntax (not a JSON object) or invalid UTF-8; both when it
	// is both, and the reader may report either.
	syntax, utf8 bool
	clash        bool // two keys give one column
}

// refRead reads every line of a JSON Lines text.
func refRead(text []byte) []refLine {
	text = bytes.TrimPrefix(text, []byte("\xef\xbb\xbf"))
	var out []refLine
	for line := range bytes.Lines(text) {
		out = append(out, refParse(bytes.TrimSuffix(line, []byte{'\n'})))
	}
	return out
}

// refParse reads one line, without its line feed.
func refParse(line []byte) refLine {
	trimmed := bytes.TrimLeft(line, " \t\r\n")
	switch {
	case len(trimmed) == 0:
		return refLine{blank: true}
	case trimmed[0] != '{' || !json.Valid(line):
		return refLine{syntax: true, utf8: trimmed[0] == '{' && !utf8.Valid(line)}
	case !utf8.Valid(line):
		return refLine{utf8: true}
	}
	cells := map[string]string{}
	if !refFlatten(line, "", cells) {
		return refLine{clash: true}
	}
	return refLine{cells: cells}
}

// refFlatten adds the cells of the object obj to cells, its keys prefixed with prefix, and
// reports false when a column comes twice.
func refFlatten(obj []byte, prefix string, cells map[string]string) bool {
	dec := json.NewDecoder(bytes.NewReader(obj))
	dec.UseNumber()
	if _, err := dec.Token(); err != nil {
		panic(err)
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			panic(err)
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			panic(err)
		}
		name := prefix + tok.(string)
		if raw[0] == '{' {
			if !refFlatten(raw, name+".", cells) {
				return false
			}
			continue
		}
		if _, dup := cells[name]; dup {
			return false
		}
		cells[name] = refCell(raw)
	}
	return true
}

// refCell is the text of a value that is not an object.
func refCell(raw json.RawMessage) string {
	switch raw[0] {
	case '"':
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			panic(err)
		}
		return s
	case 'n':
		return ""
	}
	return string(raw)
}

// refCSV writes the CSV file that holds the same rows as the lines, line for line after its
// header: the columns are those of every object and the required ones; a line that is not
// an object becomes a row with too few fields, and one with invalid UTF-8 a row with invalid
// UTF-8, so that both are skipped on the same line (plus one, for the header). It also
// says whether the lines can be compared one by one: no cell holds a line break (which would
// shift the CSV's lines), no line is both badly formed and invalid UTF-8 (which the two
// readers may report as either) and no line has a clash (which stops the read).
func refCSV(lines []refLine, required []string) (string, bool) {
	cols := map[string]bool{}
	for _, c := range required {
		cols[c] = true
	}
	comparable := true
	for _, l := range lines {
		for name, v := range l.cells {
			cols[name] = true
			comparable = comparable && !strings.ContainsAny(v, "\r\n")
		}
		comparable = comparable && !(l.syntax && l.utf8) && !l.clash
	}
	header := slices.Sorted(maps.Keys(cols))
	var b strings.Builder
	w := csv.NewWriter(&b)
	w.Write(header)
	w.Flush()
	for _, l := range lines {
		b.WriteString(refRow(l, header))
	}
	return b.String(), comparable
}

// refRow is the CSV row of one line, with its line feed.
func refRow(l refLine, header []string) string {
	switch {
	case l.blank:
		return "\n"
	case l.syntax:
		return "not an object\n"
	case l.utf8:
		return "\xff" + strings.Repeat(",", len(header)-1) + "\n"
	}
	var b strings.Builder
	w := csv.NewWriter(&b)
	row := make([]string, len(header))
	for i, c := range header {
		row[i] = l.cells[c]
	}
	w.Write(row)
	w.Flush()
	return b.String()
}
