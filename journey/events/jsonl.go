package events

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/journey-cx/journey/journey"
)

// jsonlFile is what the workers share to parse the lines of one JSON Lines file: its plan,
// whose header is the columns the options read, and parsers to lend them.
type jsonlFile struct {
	plan    *plan
	parsers lender[*jsonParser]
}

// readJSONL reads a JSON Lines source: it cuts the text into chunks of whole lines, which the
// workers parse (see parse), and once every line is parsed it checks that the file has the
// columns it must have.
func (pl *pipeline) readJSONL(f *fileReader, s Source) error {
	required, others := columnsRead(pl.opts)
	matters := absenceMatters(pl.opts)
	absent, err := absentColumns(s, matters)
	if err != nil {
		return err
	}
	header := slices.Concat(required, slices.DeleteFunc(others, func(c string) bool { return slices.Contains(absent, c) }))
	p, err := pl.filePlan(s.Name, header)
	if err != nil {
		return err
	}
	cols := newColumnHashes(header)
	jf := &jsonlFile{plan: p, parsers: lender[*jsonParser]{make: func() *jsonParser { return newJSONParser(cols) }}}
	f.plan, f.line = p, 1
	pending, err := f.lines(jf.parse)
	if err != nil {
		return err
	}
	if err := pl.wait(pending); err != nil {
		return err
	}
	unsure := matters
	if s.reopenable {
		unsure = nil
	}
	if err := jf.check(required, unsure, whereColumns(pl.opts)); err != nil {
		return err
	}
	return pl.note(&chunk{plan: p, eof: true})
}

// lines hands the file's lines to the workers in chunks of whole lines, each to be parsed by
// parse, and returns the chunks' done channels. A line longer than MaxRowBytes is skipped
// without being held.
func (f *fileReader) lines(parse func(*worker, *chunk)) ([]chan struct{}, error) {
	var pending []chan struct{}
	for {
		c, err := f.fill()
		if err != nil {
			return nil, err
		}
		cut := len(c.data)
		if !f.eof {
			cut = bytes.LastIndexByte(c.data, '\n') + 1
		}
		f.keep(c.data[cut:])
		c.data, c.parse = c.data[:cut], parse
		if len(c.data) > 0 {
			pending = append(pruneDone(pending), c.done)
		}
		if err := f.dispatch(c); err != nil {
			return nil, err
		}
		if f.eof {
			return pending, nil
		}
		if len(f.carry) >= MaxRowBytes {
			if err := f.discardLongRow(false); err != nil {
				return nil, err
			}
		}
	}
}

// pruneDone drops the channels that are closed, once there are a few.
func pruneDone(dones []chan struct{}) []chan struct{} {
	if len(dones) < 64 {
		return dones
	}
	return slices.DeleteFunc(dones, func(d chan struct{}) bool {
		select {
		case <-d:
			return true
		default:
			return false
		}
	})
}

// wait waits until every chunk of dones is parsed (or skipped after cancellation).
func (pl *pipeline) wait(dones []chan struct{}) error {
	for _, d := range dones {
		select {
		case <-d:
		case <-pl.ctx.Done():
			return pl.ctx.Err()
		}
	}
	return nil
}

// parse is a chunk's parse function (see chunk.parse): it parses each line into the plan's
// fields and hands the row to the worker, or skips it.
func (jf *jsonlFile) parse(w *worker, c *chunk) {
	p := jf.parsers.get()
	defer jf.parsers.put(p)
	rec := record{fields: p.fields}
	data, line := c.data, c.line
	for ; len(data) > 0; line++ {
		row := data
		if k := bytes.IndexByte(data, '\n'); k >= 0 {
			row, data = data[:k], data[k+1:]
		} else {
			data = nil
		}
		if len(row) > MaxRowBytes {
			c.tally.Rows++
			c.skip(kindTooLong, line, tooLongMessage)
			continue
		}
		switch p.parse(row) {
		case lineRow:
			w.good(c, &rec, line)
		case lineBad:
			c.tally.Rows++
			c.skip(p.badKind(), line, func() string { return badLineMessage(row, p.why) })
		case lineClash:
			c.err = &Error{File: c.plan.file, Line: line, Message: fmt.Sprintf(
				"two keys of the line give the column %q (a key with a dot beside a nested object, or a key written twice); the columns of a line must be unique",
				p.clash)}
			return
		}
	}
}

// badKind is the kind of problem of the last bad line: invalid UTF-8, or not a JSON object
// (counted as a row with the wrong fields, as a ragged CSV row is).
func (p *jsonParser) badKind() kind {
	if p.why.why == invalidUTF8 {
		return kindUTF8
	}
	return kindFields
}

// badLineMessage says why a line is not a JSON object.
func badLineMessage(line []byte, e syntaxError) string {
	switch {
	case e.why == invalidUTF8:
		return "line is not valid UTF-8; save the file as UTF-8"
	case e.why != notAnObject:
		return fmt.Sprintf("line is not a JSON object: %s at byte %d", e.why, e.at+1)
	}
	what := "not JSON"
	switch value := bytes.TrimSpace(line); {
	case !json.Valid(value):
	case value[0] == '[':
		what = "a JSON array"
	case value[0] == '"':
		what = "a JSON string"
	case value[0] == '-' || isDigit(value[0]):
		what = "a JSON number"
	default:
		what = string(value) // true, false or null
	}
	return "line is " + what + ", not an object; JSON Lines has one object per line"
}

// check runs once every line is parsed: every required column must be a key of some line,
// and so must the columns in unsure, whose absence matters (see absenceMatters) but which
// could not be looked for before the read (the file was standard input). The columns of
// wheres (those the matchers compare) that no line has are noted in the plan's lacks, and
// every column of the plan that no line has in its unseen.
func (jf *jsonlFile) check(required, unsure, wheres []string) error {
	seen := map[string]bool{}
	names := map[string]struct{}{}
	for _, p := range jf.parsers.all {
		for i, ok := range p.seen {
			seen[jf.plan.header[i]] = seen[jf.plan.header[i]] || ok
		}
		for n := range p.names {
			names[n] = struct{}{}
		}
	}
	found := slices.Sorted(func(yield func(string) bool) {
		for n := range names {
			if !yield(n) {
				return
			}
		}
	})
	for _, name := range required {
		if !seen[name] {
			return missingKey(jf.plan.file, found, name)
		}
	}
	jf.plan.found = found
	for _, name := range jf.plan.header {
		if seen[name] {
			continue
		}
		jf.plan.unseen = append(jf.plan.unseen, name)
		if slices.Contains(wheres, name) && !slices.Contains(jf.plan.lacks, name) {
			jf.plan.lacks = append(jf.plan.lacks, name)
		}
	}
	for _, name := range unsure {
		if !seen[name] {
			return &Error{File: jf.plan.file, Message: fmt.Sprintf(
				"no line has the key %q, which the map compares with an empty value or --value reads; read from standard input, the file cannot be checked for the key before its lines are mapped: give the file's name instead",
				name)}
		}
	}
	return nil
}

// missingKey explains a required column that no line of a JSON Lines file has.
func missingKey(file string, found []string, name string) error {
	msg := fmt.Sprintf("no line has the column %q", name)
	if s := journey.Suggest(name, found); s != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", s)
	}
	if len(found) == 0 {
		return &Error{File: file, Message: msg + "; no line is a JSON object with keys (pretty-printed JSON? JSON Lines has each object whole on one line: jq -c . FILE)"}
	}
	if len(found) >= maxNames {
		msg += "; the first columns found"
	} else {
		msg += "; the columns found"
	}
	return &Error{File: file, Message: msg + " (nested keys joined with dots): " + quoteList(found)}
}

// absentColumns reads a JSON Lines source once to find which of cols no line has. It does
// so only when cols is not empty and the source can be read again; see absenceMatters.
func absentColumns(s Source, cols []string) ([]string, error) {
	if len(cols) == 0 || !s.reopenable {
		return nil, nil
	}
	o, err := openSource(s)
	if err != nil {
		return nil, err
	}
	defer o.close()
	p := newJSONParser(newColumnHashes(cols))
	if err := eachLine(o.r, func(line []byte) { p.parse(line) }); err != nil {
		return nil, err
	}
	var absent []string
	for i, name := range cols {
		if !p.seen[i] {
			absent = append(absent, name)
		}
	}
	return absent, nil
}

// eachLine calls fn with each line of r up to MaxRowBytes long, without its line feed.
func eachLine(r io.Reader, fn func([]byte)) error {
	br := bufio.NewReaderSize(r, 64<<10)
	var long []byte
	for {
		b, err := br.ReadSlice('\n')
		switch {
		case errors.Is(err, bufio.ErrBufferFull):
			if len(long) <= MaxRowBytes {
				long = append(long, b...)
			}
			continue
		case len(long) > 0:
			b, long = append(long, b...), long[:0]
		}
		if len(b) <= MaxRowBytes {
			fn(bytes.TrimSuffix(b, []byte{'\n'}))
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
	}
}
