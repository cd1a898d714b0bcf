package events

import (
	"bytes"
	"fmt"
	"hash/maphash"
	"regexp"
	"strconv"
	"unicode/utf8"
)

// Times outside [plausibleFrom, plausibleTo) are kept but reported: before 1990 or after
// 2100 a time is more likely a unit or parsing mistake than a real event.
const (
	plausibleFrom = 631152000 * 1e9  // 1990-01-01T00:00:00Z
	plausibleTo   = 4133980800 * 1e9 // 2101-01-01T00:00:00Z
)

// worker parses chunks into runs and events. Each worker has its own zone cache and parser,
// so workers share nothing but the read-only options and plans.
type worker struct {
	opts *Options
	seed maphash.Seed // the merger's user table's, to hash identities with
	// since and last are the first and the last time a row may have (--since, and the
	// instant before --until); without them, the least and the greatest time.
	since, last int64
	zones       *zones
	parser      rowParser
	split       splitter
	rec         record     // the fields of the row being parsed
	unmapped    nameCounts // unmapped rows per event name
	// everyUser says whether the log keeps every user (Options.By is set), not only those
	// with a kept event.
	everyUser bool
}

// newWorker prepares a worker for opts.
func newWorker(opts *Options, seed maphash.Seed) *worker {
	w := &worker{opts: opts, seed: seed, zones: newZones(opts.Location), everyUser: opts.By != ""}
	w.since, w.last = KeptRange(opts.Since, opts.Until)
	return w
}

// process parses every row of c. Chunks without quotes take the fast path: rows end at line
// feeds and fields at commas. Others go through the full RFC 4180 parser.
func (w *worker) process(c *chunk) {
	switch {
	case c.parse != nil:
		c.parse(w, c)
	case c.quoted:
		w.slow(c)
	default:
		w.fast(c)
	}
}

// fast parses a chunk that holds no quote.
func (w *worker) fast(c *chunk) {
	data, line := c.data, c.line
	rec := &w.rec
	if cap(rec.seps) <= c.plan.need {
		rec.seps = make([]int32, c.plan.need+1)
	}
	rec.seps = rec.seps[:c.plan.need+1]
	w.split.reset(data)
	for p := 0; p < len(data); line++ {
		n, end, flags := w.split.row(p, rec)
		row := data[p:end]
		p = end + 1
		cr := flags&carriageReturns != 0
		if cr && len(row) > 0 && row[len(row)-1] == '\r' {
			row = row[:len(row)-1]
			if n < len(rec.seps) {
				rec.seps[n]--
			}
		}
		switch {
		case len(row) == 0:
		case len(row) > MaxRowBytes:
			c.tally.Rows++
			c.skip(kindTooLong, line, tooLongMessage)
		case cr && bytes.IndexByte(row, '\r') >= 0:
			c.tally.Rows++
			c.skip(kindCR, line, crMessage)
		case flags&wideBytes != 0 && !utf8.Valid(row):
			c.tally.Rows++
			c.skip(kindUTF8, line, utf8Message)
		default:
			w.row(c, rec, n, line)
		}
	}
}

// slow parses a chunk with quotes, row by row, by RFC 4180.
func (w *worker) slow(c *chunk) {
	data, line := c.data, c.line
	for p := 0; p < len(data); {
		if data[p] == '\n' || (data[p] == '\r' && p+1 < len(data) && data[p+1] == '\n') {
			p = bytes.IndexByte(data[p:], '\n') + p + 1
			line++
			continue
		}
		end, bad, _ := w.parser.parse(data, p, true)
		if end-p > MaxRowBytes {
			bad = kindTooLong
		}
		if bad == kindNone {
			w.rec.fields = w.parser.fields
			w.row(c, &w.rec, len(w.parser.fields), line)
		} else {
			c.tally.Rows++
			c.skip(bad, line, badRowMessage(bad))
		}
		line += int64(bytes.Count(data[p:end], []byte{'\n'}))
		p = end
	}
}

// row handles one well-formed row with n fields (r holds those the plan reads when n is
// right).
func (w *worker) row(c *chunk, r *record, n int, line int64) {
	pl := c.plan
	if n != len(pl.header) {
		c.tally.Rows++
		c.skip(kindFields, line, func() string {
			return fmt.Sprintf("row has %d fields, expected %d as in the header", n, len(pl.header))
		})
		return
	}
	w.good(c, r, line)
}

// good maps a row with the right number of fields, or skips it for a missing identity or a
// bad time.
func (w *worker) good(c *chunk, rec *record, line int64) {
	t, st := parseTime(rec.field(c.plan.time), w.zones)
	w.goodAt(c, rec, line, t, st)
}

// goodAt is good for a row whose time is parsed already: t, or why it cannot be used. It is
// where rows of every format meet (see format.go); a reader that parses times itself must
// leave their text in the record's time field when st is not timeOK or t not plausible, for
// the messages.
func (w *worker) goodAt(c *chunk, rec *record, line, t int64, st timeStatus) {
	pl := c.plan
	id := rec.field(pl.id)
	if c.tally.Rows++; len(id) == 0 {
		c.skip(kindNoID, line, func() string { return fmt.Sprintf("empty %q (the identity column)", pl.header[pl.id]) })
		return
	}
	if st != timeOK {
		w.badTime(c, st, rec.field(pl.time), line)
		return
	}
	if t < w.since || t > w.last {
		c.tally.Filtered++
		if w.everyUser {
			w.counted(c, id).filtered++
		}
		return
	}
	if !plausible(t) {
		cell := rec.field(pl.time)
		c.warn(line, func() string {
			return fmt.Sprintf("time %s is before 1990 or after 2100; the row is kept%s", quote(cell), smallNumberHint(cell))
		})
	}
	w.mapRow(c, rec, id, t, line)
}

// plausible reports whether t (Unix nanoseconds) lies in 1990-2100.
func plausible(t int64) bool { return t >= plausibleFrom && t < plausibleTo }

// mapRow records a row in time range as mapped or unmapped, keeping its event when the
// analysis needs it. A row that keeps no event only counts (see Log), unless the log keeps
// every user.
func (w *worker) mapRow(c *chunk, rec *record, id []byte, t, line int64) {
	pl := c.plan
	tp, excl := pl.match(rec)
	if tp < 0 {
		c.tally.Unmapped++
		w.unmapped.add(rec.field(pl.event))
		if !w.opts.KeepUnmapped && excl == 0 {
			if w.everyUser {
				w.counted(c, id).unmapped++
			}
			return
		}
		c.run(id, w.seed, w.everyUser)
		if w.everyUser {
			c.counts().unmapped++
		}
	} else {
		c.tally.Mapped++
		r := c.run(id, w.seed, w.everyUser)
		if w.everyUser {
			w.countMapped(c, rec, t)
		}
		if pl.valueAt != nil && pl.valueAt[tp] {
			c.pickValue(r, rec, t, line)
		}
	}
	c.keep(t, tp, excl)
}

// counted returns the counts of the run of identity id, for a log that keeps every user.
func (w *worker) counted(c *chunk, id []byte) *runCounts {
	c.run(id, w.seed, true)
	return c.counts()
}

// countMapped counts a mapped row at time t in the chunk's last run, for a log that keeps
// every user, and picks its segment.
func (w *worker) countMapped(c *chunk, rec *record, t int64) {
	r := c.counts()
	r.mapped++
	if by := c.plan.by; by >= 0 {
		if v := rec.field(by); len(v) > 0 {
			c.pickSegment(r, v, t)
		}
	}
}

// smallNumberHint says what a time written as a number below 1e8 more likely is than Unix
// seconds before 1973: a spreadsheet's serial date (46082.375) or a date written YYYYMMDD
// (20260301, GA4's event_date), which the time column should not hold.
func smallNumberHint(cell []byte) string {
	v, err := strconv.ParseFloat(string(cell), 64)
	if err != nil || v < 0 || v >= 1e8 || len(cell) == 0 || cell[0] < '0' || cell[0] > '9' {
		return ""
	}
	return " (a spreadsheet's serial date, or a date written YYYYMMDD? a number is read as Unix epoch seconds: give a column of RFC 3339 times)"
}

// dayFirst matches a date written day first, as a spreadsheet set to Dutch (or most of
// Europe) writes it: 7-12-2026, 07/12/2026 14:03.
var dayFirst = regexp.MustCompile(`^[0-9]{1,2}[-/.][0-9]{1,2}[-/.][0-9]{4}([ T]|$)`)

// dayFirstHint says what an unparsable time written day first is, and how to write it.
func dayFirstHint(cell []byte) string {
	if !dayFirst.Match(cell) {
		return ""
	}
	return " (a date written day first, as a spreadsheet set to Dutch writes it? give the column the format yyyy-mm-dd hh:mm:ss)"
}

// badTime skips a row whose time cannot be used, saying why.
func (w *worker) badTime(c *chunk, st timeStatus, cell []byte, line int64) {
	col := c.plan.header[c.plan.time]
	switch st {
	case timeInGap:
		c.skip(kindGap, line, func() string {
			return fmt.Sprintf("local time %s does not exist in %s (a daylight-saving gap)", quote(cell), w.zones.loc)
		})
	case timeOutOfRange:
		c.skip(kindTime, line, func() string {
			return fmt.Sprintf("time %s in column %q is out of range (a month, day, hour or minute past its end, or a year outside 1678-2261, which journey cannot hold)", quote(cell), col)
		})
	default:
		c.skip(kindTime, line, func() string {
			return fmt.Sprintf("unparsable time %s in column %q; expected RFC 3339, YYYY-MM-DD or Unix epoch seconds, ms, us or ns%s", quote(cell), col, dayFirstHint(cell))
		})
	}
}

// badRowMessage returns the message function for a row the parser found bad.
func badRowMessage(k kind) func() string {
	switch k {
	case kindQuote:
		return quoteMessage
	case kindCR:
		return crMessage
	case kindTooLong:
		return tooLongMessage
	}
	return utf8Message
}

func tooLongMessage() string { return fmt.Sprintf("row is longer than %d MiB", MaxRowBytes>>20) }

func quoteMessage() string {
	return "bare quote in a field; quote the whole field and double the quotes inside it"
}

func crMessage() string {
	return "carriage return without a line feed (old Mac line endings); save the file with LF or CRLF line endings"
}

func utf8Message() string { return "row is not valid UTF-8; save the file as UTF-8" }
