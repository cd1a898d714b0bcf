package events

import (
	"bufio"
	"bytes"
	"runtime/debug"
	"slices"
	"sync"

	"github.com/journey-cx/journey/journey"
)

// How the formats other than CSV join the pipeline (see also chunk.parse and worker.goodAt):
//
//   - pipeline.file opens a source as for CSV (gzip, byte order mark, zip and UTF-16 refused)
//     and hands it to readAs, which tells the format from the first bytes and runs its reader
//     in the producer goroutine.
//   - A reader builds a plan from a header of the columns the options read (columnsRead),
//     since these formats have no header row (filePlan numbers it as the CSV reader numbers
//     a file), and sends chunks down the pipeline as the CSV reader does, each with its
//     parse function set and its number in the stream (chunk.seq). A worker calls parse instead of the CSV
//     split; parse turns each row into a record of fields (record.fields, one per plan
//     column) and hands it to worker.good, or, with a time already parsed (Parquet's
//     TIMESTAMP and DATE columns), to worker.goodAt. From there on a row is a row, whatever
//     its format.
//   - A reader sends the note that ends its file last, as the CSV reader does.

// fileFormat is an event file format.
type fileFormat uint8

const (
	fileCSV fileFormat = iota
	fileJSONL
	fileParquet
	// fileJSONArray is one JSON array of objects, which is not JSON Lines; it is refused.
	fileJSONArray
)

// sniffFormat tells the format of a text from its first bytes: Parquet starts with its
// magic "PAR1", JSON Lines with an object (after blank lines, if any), one JSON array of
// objects (which the reader refuses, saying how to convert it) with [ and {, anything else
// is CSV. A text whose first line is no object but a later line of its first bytes is, is
// JSON Lines with a broken first line, which the reader skips and reports: no CSV row
// starts with {" or {}.
func sniffFormat(br *bufio.Reader) fileFormat {
	head, _ := br.Peek(4 << 10)
	if bytes.HasPrefix(head, []byte(parquetMagic)) {
		return fileParquet
	}
	i := skipSpace(head, 0)
	if i < len(head) && head[i] == '[' {
		if j := skipSpace(head, i+1); j < len(head) && head[j] == '{' {
			return fileJSONArray
		}
	}
	if startsObject(head[i:]) {
		return fileJSONL
	}
	lines := bytes.Split(head, []byte("\n"))
	for i := 1; i < len(lines)-1; i++ { // the last may be cut short
		if line := bytes.TrimLeft(lines[i], " \t\r"); len(line) > 1 && startsObject(line) {
			return fileJSONL
		}
	}
	return fileCSV
}

// startsObject reports whether b starts with a JSON object: { and then, after white space,
// a key or }.
func startsObject(b []byte) bool {
	if len(b) == 0 || b[0] != '{' {
		return false
	}
	j := skipSpace(b, 1)
	return j == len(b) || b[j] == '"' || b[j] == '}'
}

// parquetMagic starts and ends every Parquet file.
const parquetMagic = "PAR1"

// readAs reads an opened source in the format its bytes show; CSV and JSON Lines in place
// when the source is a plain file that can be mapped (see mapped.go).
func (pl *pipeline) readAs(f *fileReader, s Source, o *opened) (err error) {
	br, _ := o.r.(*bufio.Reader)
	if br == nil {
		return f.run()
	}
	format := sniffFormat(br)
	switch format {
	case fileParquet:
		return pl.readParquet(s, o)
	case fileJSONArray:
		return &Error{File: f.name, Line: 1, Message: "the file is one JSON array, not JSON Lines (one object per line); convert it: jq -c '.[]' FILE > FILE.jsonl"}
	}
	if m := pl.mapText(s, o); m != nil {
		defer m.catch(&err)
		defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
		f.mapped(m)
	}
	if format == fileJSONL {
		return pl.readJSONL(f, s)
	}
	return f.run()
}

// filePlan builds the plan of the next file of the stream, numbered in turn as a CSV file's
// is from its header (plan.ordinal), for a format without a header row.
func (pl *pipeline) filePlan(file string, header []string) (*plan, error) {
	p, err := newPlan(file, header, pl.opts)
	if err != nil {
		return nil, err
	}
	p.ordinal = pl.files
	pl.files++
	return p, nil
}

// columnsRead lists the columns a plan for opts reads: the required ones first (see
// plan.required), then the others (the By column, those the matchers compare, and the
// value column), each once.
func columnsRead(opts *Options) (required, others []string) {
	for _, c := range (&plan{}).required(opts) {
		if !slices.Contains(required, c.name) {
			required = append(required, c.name)
		}
	}
	add := func(col string) {
		if col != "" && !slices.Contains(required, col) && !slices.Contains(others, col) {
			others = append(others, col)
		}
	}
	add(opts.By)
	for _, m := range matchers(opts) {
		for _, w := range m.Where {
			add(w.Column)
		}
	}
	add(opts.Value)
	return required, others
}

// absenceMatters lists the columns for which it matters whether a file has them at all, not
// only what their cells hold: those a matcher compares with an empty value (a column a file
// lacks never matches, while a key a line lacks is an empty cell), and the value column (a
// file without it is reported as such, and it is an error when no file has it).
func absenceMatters(opts *Options) []string {
	var cols []string
	for _, m := range matchers(opts) {
		for _, w := range m.Where {
			if slices.Contains(w.Values, "") && !slices.Contains(cols, w.Column) {
				cols = append(cols, w.Column)
			}
		}
	}
	if opts.Value != "" && !slices.Contains(cols, opts.Value) {
		cols = append(cols, opts.Value)
	}
	return cols
}

// matchers returns every matcher of opts: the touchpoints', then the exclusions.
func matchers(opts *Options) []journey.Matcher {
	var ms []journey.Matcher
	for _, tp := range opts.Touchpoints {
		ms = append(ms, tp...)
	}
	return append(ms, opts.Exclusions...)
}

// lender lends values to workers, making one with make when none is idle; all lists every
// value made, for a look at them all once no worker has one.
type lender[T any] struct {
	make func() T
	mu   sync.Mutex
	idle []T
	all  []T
}

// get lends a value.
func (l *lender[T]) get() T {
	l.mu.Lock()
	defer l.mu.Unlock()
	if n := len(l.idle); n > 0 {
		v := l.idle[n-1]
		l.idle = l.idle[:n-1]
		return v
	}
	v := l.make()
	l.all = append(l.all, v)
	return v
}

// put takes a value back.
func (l *lender[T]) put(v T) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.idle = append(l.idle, v)
}
