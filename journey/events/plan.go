package events

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/journey-cx/journey/journey"
)

// plan is what a worker needs to turn the rows of one file into records: the columns it
// reads and the matchers compiled against this file's header.
type plan struct {
	file    string
	ordinal int // the file's number in the stream, from 0
	header  []string
	// id, time, event and by are column indexes; by is -1 without Options.By.
	id, time, event, by int
	// value is the index of the Options.Value column, -1 when the file has none;
	// valueAt[t] says whether rows at touchpoint t carry it (nil without Options.Value).
	value   int
	valueAt []bool
	// rules holds, per event name, the touchpoint and exclusion candidates for it.
	rules nameTable
	// exclusions says whether events carry exclusion bits.
	exclusions bool
	// need is how many leading columns hold every column the plan reads.
	need int
	// lacks are the columns the matchers compare that the file does not have, whose
	// conditions never match in it: the merger warns of those no file has.
	lacks []string
	// found are the file's columns, for messages: a CSV file's header, a Parquet file's
	// columns, the keys of a JSON Lines file's lines (the first maxNames).
	found []string
	// unseen are the columns of header that no line of the file has (JSON Lines only).
	unseen []string
}

// rule lists the matchers for one event name: touchpoints in document order, then the
// exclusions. direct is the touchpoint every row of the name maps to, when the name has one
// touchpoint without conditions and no exclusion (most names), else -1.
type rule struct {
	touchpoints []candidate
	exclusions  []candidate
	direct      int32
}

// candidate is a matcher compiled for one file: idx is the touchpoint index (or exclusion
// bit) and where holds the conditions with their column indexes.
type candidate struct {
	idx   int32
	where []condition
}

// condition requires column col to equal one of values.
type condition struct {
	col    int
	values []string
}

// newPlan checks a file's header and compiles the matchers against it.
func newPlan(file string, header []string, opts *Options) (*plan, error) {
	cols, err := headerIndex(file, header)
	if err != nil {
		return nil, err
	}
	p := &plan{file: file, header: header, by: -1, value: -1, exclusions: len(opts.Exclusions) > 0, found: header}
	if i, ok := cols[opts.Value]; ok && opts.Value != "" {
		p.value = i
	}
	if i, ok := cols[opts.By]; ok && opts.By != "" {
		p.by = i
	}
	if opts.Value != "" {
		p.valueAt = opts.ValueAt
	}
	for _, n := range p.required(opts) {
		i, ok := cols[n.name]
		if !ok {
			return nil, missingColumn(file, header, n.name)
		}
		*n.dst = i
	}
	rules := map[string]*rule{}
	for i, ms := range opts.Touchpoints {
		for _, m := range ms {
			add(rules, m, int32(i), cols, false)
		}
	}
	for i, m := range opts.Exclusions {
		add(rules, m, int32(i), cols, true)
	}
	p.rules = newNameTable(rules)
	for _, c := range whereColumns(opts) {
		if _, ok := cols[c]; !ok {
			p.lacks = append(p.lacks, c)
		}
	}
	p.need = 1 + max(p.id, p.time, p.event, p.by, p.value)
	for _, r := range rules {
		r.direct = -1
		if len(r.touchpoints) == 1 && len(r.touchpoints[0].where) == 0 && len(r.exclusions) == 0 {
			r.direct = r.touchpoints[0].idx
		}
		for _, c := range slices.Concat(r.touchpoints, r.exclusions) {
			for _, w := range c.where {
				p.need = max(p.need, w.col+1)
			}
		}
	}
	return p, nil
}

// whereColumns lists the columns the matchers of opts compare, each once, in order.
func whereColumns(opts *Options) []string {
	var out []string
	for _, m := range slices.Concat(slices.Concat(opts.Touchpoints...), opts.Exclusions) {
		for _, w := range m.Where {
			if !slices.Contains(out, w.Column) {
				out = append(out, w.Column)
			}
		}
	}
	return out
}

// requiredColumn is a column every file must have, and where a plan keeps its index.
type requiredColumn struct {
	name string
	dst  *int
}

// required lists the columns every file must have for opts: the identity, time and event
// columns. Readers of formats without a header (JSON Lines, Parquet) take their column names
// from here and from the matchers (see columnsRead), so a column added here is read from
// every format. The By and Value columns are not required of every file, as files are one
// stream: some file must have them (see merger.missing).
func (p *plan) required(opts *Options) []requiredColumn {
	return []requiredColumn{{opts.ID, &p.id}, {opts.Time, &p.time}, {opts.Event, &p.event}}
}

// has reports whether the file has column col: it is one of the plan's, and, for a JSON
// Lines file, some line has it.
func (p *plan) has(col int) bool {
	return col >= 0 && !slices.Contains(p.unseen, p.header[col])
}

// add compiles one matcher into rules; a matcher on a column the file lacks never matches,
// so it is left out.
func add(rules map[string]*rule, m journey.Matcher, idx int32, cols map[string]int, exclusion bool) {
	c := candidate{idx: idx}
	for _, w := range m.Where {
		col, ok := cols[w.Column]
		if !ok {
			return
		}
		c.where = append(c.where, condition{col: col, values: w.Values})
	}
	r := rules[m.Event]
	if r == nil {
		r = &rule{}
		rules[m.Event] = r
	}
	if exclusion {
		r.exclusions = append(r.exclusions, c)
	} else {
		r.touchpoints = append(r.touchpoints, c)
	}
}

// headerIndex maps each column name to its index, refusing duplicate names and a header
// that looks split on another delimiter.
func headerIndex(file string, header []string) (map[string]int, error) {
	switch {
	case len(header) == 1 && strings.Contains(header[0], "\t"):
		return nil, &Error{File: file, Line: 1, Message: fmt.Sprintf(
			"the header has one column %q: the file looks tab-delimited; save it comma-separated", header[0])}
	}
	cols := make(map[string]int, len(header))
	for i, h := range header {
		if _, dup := cols[h]; dup && h == "" {
			return nil, unnamedColumns(file, header)
		} else if dup {
			return nil, &Error{File: file, Line: 1, Message: fmt.Sprintf(
				"duplicate column %q in the header; the header found: %s", h, quoteList(header))}
		}
		cols[h] = i
	}
	return cols, nil
}

// semicolonMessage says a file looks separated by semicolons, as a spreadsheet in a Dutch
// or German setting saves CSV.
const semicolonMessage = "the file looks semicolon-delimited (as a spreadsheet set to Dutch saves CSV); save it comma-separated"

// semicolons reports whether a header line looks separated by semicolons: it holds more of
// them than commas, and at least one.
func semicolons(line []byte) bool {
	n := bytes.Count(line, []byte{';'})
	return n > 0 && n > bytes.Count(line, []byte{','})
}

// unnamedColumns explains a header with more than one empty name, as a spreadsheet leaves
// after the last named column: it names their positions.
func unnamedColumns(file string, header []string) error {
	var at []string
	for i, h := range header {
		if h == "" {
			at = append(at, strconv.Itoa(i+1))
		}
	}
	return &Error{File: file, Line: 1, Message: fmt.Sprintf(
		"the header has %d columns without a name (columns %s); name them, or delete them (a spreadsheet leaves empty columns after the last one it filled)",
		len(at), strings.Join(at, ", "))}
}

// missingColumn explains a required column the header lacks, suggesting a close name.
func missingColumn(file string, header []string, name string) error {
	msg := fmt.Sprintf("no column %q in the header", name)
	if s := journey.Suggest(name, header); s != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", s)
	}
	return &Error{File: file, Line: 1, Message: msg + "; the columns found: " + quoteList(header)}
}

// match returns the touchpoint a row maps to (-1 for none) and its exclusion bits.
func (p *plan) match(rec *record) (tp int32, exclude uint32) {
	r := rec.rule
	if !rec.ruled {
		r = p.rules.lookup(rec.field(p.event))
	}
	switch {
	case r == nil:
		return -1, 0
	case r.direct >= 0:
		return r.direct, 0
	}
	tp = -1
	for i := range r.touchpoints {
		if r.touchpoints[i].matches(rec) {
			tp = r.touchpoints[i].idx
			break
		}
	}
	for i := range r.exclusions {
		if r.exclusions[i].matches(rec) {
			exclude |= 1 << uint(r.exclusions[i].idx)
		}
	}
	return tp, exclude
}

// matches reports whether every condition holds for the row.
func (c *candidate) matches(rec *record) bool {
	for _, w := range c.where {
		if !anyEqual(rec.field(w.col), w.values) {
			return false
		}
	}
	return true
}

// anyEqual reports whether b equals one of values.
func anyEqual(b []byte, values []string) bool {
	for _, v := range values {
		if string(b) == v {
			return true
		}
	}
	return false
}
