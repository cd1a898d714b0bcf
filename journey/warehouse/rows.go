package warehouse

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/events"
)

// Row statuses: why a row was skipped, 0 when it was not.
const (
	stOK         = 0
	stNoID       = 1
	stUnparsable = 2
	stOutOfRange = 3
	stGap        = 4
)

// Bounds of the instants the CSV engine takes (Unix seconds that fit int64 nanoseconds,
// with the margin its parser keeps) and of plausible times (1990 to 2100).
const (
	maxSec        = math.MaxInt64/int64(time.Second) - 1
	minSec        = math.MinInt64/int64(time.Second) + 1
	plausibleFrom = 631152000 * int64(time.Second)
	plausibleTo   = 4133980800 * int64(time.Second)
)

// rows writes the per-row parts: each row's identity, event, segment value and matcher
// columns as text, its storage order, its time in Unix nanoseconds (or why it has none),
// and the touchpoint and exclusions it maps to. The part rows keeps what the later parts
// read: the event only of rows that map to no touchpoint (the coverage counts them) and
// the time's text only of rows a message names, so that it stays narrow. Its flag ok (the
// row is read) is a boolean because PostgreSQL estimates a boolean filter to keep half
// the rows, an equality 0.5% of them, and plans the later parts for that.
func (c *compiler) rows() {
	c.source()
	c.times()
	q := &c.q.Events
	var filtered []string
	first, last := events.KeptRange(q.Since, q.Until)
	if first > math.MinInt64 {
		filtered = append(filtered, "t < "+int64Lit(first))
	}
	if last < math.MaxInt64 {
		filtered = append(filtered, "t > "+int64Lit(last))
	}
	flt := "FALSE"
	if len(filtered) > 0 {
		flt = "st = 0 AND (" + strings.Join(filtered, " OR ") + ")"
	}
	c.addRow("map", "SELECT uid, ev, seg, ord, traw, st, t, "+flt+" AS flt, "+c.mapping()+" AS tp, "+c.exclusions()+" AS ex\nFROM "+part("utc"))
	seg := ""
	if c.by() {
		seg = "seg, "
	}
	c.add("rows", "SELECT uid, "+seg+"ord, st, st = 0 AS ok, t, flt, tp, ex, CASE WHEN tp < 0 THEN ev END AS ev, "+
		"CASE WHEN st <> 0 OR "+implausible+" THEN "+c.trawText()+" END AS traw\nFROM "+part("map"))
}

// implausible is the condition of a kept row whose time is before 1990 or after 2100.
var implausible = fmt.Sprintf("(st = 0 AND NOT flt AND (t < %d OR t >= %d))", plausibleFrom, plausibleTo)

// source reads the table's columns as text, with the storage order.
func (c *compiler) source() {
	q := &c.q.Events
	ord := c.d.StorageOrder
	if c.q.View {
		ord = "ROW_NUMBER() OVER ()"
	}
	cols := []string{c.text(q.ID) + " AS uid", c.text(q.Event) + " AS ev", ord + " AS ord"}
	if q.By != "" {
		cols = append(cols, c.text(q.By)+" AS seg")
	} else {
		cols = append(cols, "'' AS seg")
	}
	for i, name := range c.whereColumns() {
		cols = append(cols, fmt.Sprintf("%s AS w%d", c.text(name), i))
	}
	cols = append(cols, c.timeSource()...)
	c.addRow("src", "SELECT "+strings.Join(cols, ", ")+"\nFROM "+TableRef(c.q.Table))
}

// whereColumns lists, once each in order of first use, the columns the matchers compare
// that the table has.
func (c *compiler) whereColumns() []string {
	return slices.DeleteFunc(c.comparedColumns(), func(name string) bool { return !c.has(name) })
}

// comparedColumns lists the columns the matchers compare, each once, in order.
func (c *compiler) comparedColumns() []string {
	var out []string
	for _, ms := range append(append([][]journey.Matcher{}, c.q.Events.Touchpoints...), c.q.Events.Exclusions) {
		for _, m := range ms {
			for _, w := range m.Where {
				if !slices.Contains(out, w.Column) {
					out = append(out, w.Column)
				}
			}
		}
	}
	return out
}

// matcher is the condition of one matcher over the source's columns: the event name, and
// each where column equal to one of its values; a column the table lacks never matches.
func (c *compiler) matcher(m journey.Matcher) string {
	cond := []string{"ev = " + c.d.Lit(m.Event)}
	cols := c.whereColumns()
	for _, w := range m.Where {
		i := indexOf(cols, w.Column)
		if i < 0 {
			return "FALSE"
		}
		var vals []string
		for _, v := range w.Values {
			vals = append(vals, c.d.Lit(v))
		}
		cond = append(cond, fmt.Sprintf("w%d IN (%s)", i, strings.Join(vals, ", ")))
	}
	return "(" + strings.Join(cond, " AND ") + ")"
}

func indexOf(xs []string, x string) int {
	for i, v := range xs {
		if v == x {
			return i
		}
	}
	return -1
}

// mapping is the touchpoint index of a row: the first touchpoint, in document order, with
// a matching entry; -1 for none.
func (c *compiler) mapping() string {
	var b strings.Builder
	b.WriteString("CASE WHEN st <> 0 THEN -1")
	for i, ms := range c.q.Events.Touchpoints {
		for _, m := range ms {
			fmt.Fprintf(&b, "\n  WHEN %s THEN %d", c.matcher(m), i)
		}
	}
	b.WriteString(" ELSE -1 END")
	return b.String()
}

// exclusions is the sum of the bits of the exclusion matchers a row matches.
func (c *compiler) exclusions() string {
	terms := []string{"0"}
	for i, m := range c.q.Events.Exclusions {
		terms = append(terms, fmt.Sprintf("CASE WHEN %s THEN %d ELSE 0 END", c.matcher(m), int64(1)<<i))
	}
	return "CAST(" + strings.Join(terms, " + ") + " AS BIGINT)"
}
