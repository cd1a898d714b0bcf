package warehouse

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/analysis"
	"github.com/journey-cx/journey/journey/events"
)

// Query is what to compile: the table, the columns and options as analyze takes them, and
// what is known of the table's columns.
type Query struct {
	// Table names the table or view, schema.table allowed.
	Table string
	// Events holds the columns (ID, Time, Event, By), the zone, the time range and the
	// matchers, filled by analysis.Prepare; Analysis the window and the identity shown.
	Events   events.Options
	Analysis analysis.Options
	// Columns are the table's columns with their kinds, as the database describes them;
	// nil when unknown (journey sql without --db), then every column is read as its text
	// and every column a matcher names is taken to exist.
	Columns []Column
	// View says the relation has no storage order: ties are taken in the order it returns
	// rows.
	View bool
}

// Kind is what the compiler needs to know of a column's type.
type Kind int

// Column kinds.
const (
	KindText        Kind = iota // anything read as its text
	KindTimestampTZ             // an instant
	KindTimestamp               // a wall-clock time without zone
	KindDate                    // a calendar day
	KindBool                    // a boolean, from which no time is read
	KindOther                   // a type no time can be read from (json, bytea, arrays...)
)

// Column is one column of the table.
type Column struct {
	Name string
	Type string // the database's name of the type, for messages
	Kind Kind
}

// defaults fills the column names a Query leaves empty, as events.Read does.
func (q *Query) defaults() {
	q.Events.ID = cmp.Or(q.Events.ID, events.DefaultID)
	q.Events.Time = cmp.Or(q.Events.Time, events.DefaultTime)
	q.Events.Event = cmp.Or(q.Events.Event, events.DefaultEvent)
	q.Analysis.Identity = cmp.Or(q.Analysis.Identity, q.Events.ID)
}

// compiler holds what the parts of one query share.
type compiler struct {
	d      *Dialect
	m      *journey.Map
	q      *Query
	tps    []*journey.Touchpoint
	ctes   []string
	window int64 // map-level window in nanoseconds
	cols   map[string]Column
	plans  []*funnelPlan
}

// Compile writes the one statement that computes the report of m over q's table in
// dialect d: its single row holds the report as JSON, the shape of analyze --format json,
// in a column named report.
func Compile(m *journey.Map, q *Query, d *Dialect) (string, error) {
	q.defaults()
	c := &compiler{d: d, m: m, q: q, tps: m.Touchpoints(),
		window: int64(m.EffectiveWindow(nil, q.Analysis.Window))}
	if q.Columns != nil {
		c.cols = map[string]Column{}
		for _, col := range q.Columns {
			c.cols[col.Name] = col
		}
	}
	if err := c.check(); err != nil {
		return "", err
	}
	if err := c.funnelPlans(); err != nil {
		return "", err
	}
	c.rows()
	c.stream()
	c.input()
	c.touchpoints()
	c.funnels()
	c.coverage()
	report := c.report()
	return "WITH RECURSIVE\n" + strings.Join(c.ctes, ",\n") + "\nSELECT " + report + " AS report", nil
}

// ctePrefix is the prefix of every name the query defines; a table of that name would be
// hidden by them.
const ctePrefix = "journey_"

// part is the name of one of the query's parts.
func part(name string) string { return ctePrefix + name }

// by reports whether the numbers are split by a column's values (--by).
func (c *compiler) by() bool { return c.q.Events.By != "" }

// check refuses what the dialect cannot compute exactly.
func (c *compiler) check() error {
	if c.q.Table == "" {
		return fmt.Errorf("no table: name it with --table")
	}
	parts, err := SplitTable(c.q.Table)
	if err != nil {
		return err
	}
	if last := parts[len(parts)-1]; strings.HasPrefix(strings.ToLower(last), ctePrefix) {
		return fmt.Errorf("table %q: names starting with %q are the query's own; use a view with another name", c.q.Table, ctePrefix)
	}
	if c.q.Events.Location != nil && c.q.Events.Location != time.UTC && c.d.LocalToUTC == nil && c.localTimes() {
		return fmt.Errorf("--tz: the %s dialect cannot convert local times exactly; leave --tz out or use timestamptz times", c.d.Name)
	}
	return nil
}

// localTimes reports whether the time column may hold times without a zone.
func (c *compiler) localTimes() bool {
	col, ok := c.cols[c.q.Events.Time]
	return !ok || col.Kind != KindTimestampTZ
}

// add appends a named part of the query.
func (c *compiler) add(name, body string) {
	c.ctes = append(c.ctes, ctePrefix+name+" AS (\n"+body+"\n)")
}

// addRow appends a part that computes per-row values from the part before: it is fenced
// (OFFSET 0), so that the engine computes each value once per row instead of copying its
// expression into every use in the next part.
func (c *compiler) addRow(name, body string) {
	c.add(name, body+" OFFSET 0")
}

// text is the expression of a column as the text a CSV export would hold: NULL is empty.
// It compares and sorts byte by byte, as the CSV engine compares: a column's own collation
// could call two different identities equal, and sorts slower.
func (c *compiler) text(name string) string {
	x := c.d.ExportText(Ident(name))
	if col, ok := c.cols[name]; ok && slices.Contains(c.d.TextTypes, withoutLength(col.Type)) {
		x = "CAST(" + Ident(name) + " AS TEXT)"
	}
	return c.d.OrderText("COALESCE(" + x + ", '')")
}

// withoutLength is a type's name without its length or precision: character varying for
// character varying(20).
func withoutLength(typ string) string {
	if i := strings.IndexByte(typ, '('); i > 0 && strings.HasSuffix(typ, ")") {
		return strings.TrimSpace(typ[:i])
	}
	return typ
}

// has reports whether the table has a column; unknown columns are taken to exist.
func (c *compiler) has(name string) bool {
	if c.cols == nil {
		return true
	}
	_, ok := c.cols[name]
	return ok
}

// int64Lit writes an integer literal.
func int64Lit(v int64) string { return strconv.FormatInt(v, 10) }

// within is SQL that holds when the time later, at or after earlier, is at most window
// nanoseconds after it, as events.Within: later <= earlier + window, which never takes a
// difference that overflows 64 bits (rows centuries apart, which later - earlier does). An
// earlier time so late that adding the window would overflow has every later time within
// (later = later: NULL for a NULL time, as the comparison gives).
func within(later, earlier string, window int64) string {
	if window < 0 {
		return "FALSE"
	}
	return fmt.Sprintf("(CASE WHEN %s > %d THEN %s = %s ELSE %s <= %s + %d END)",
		earlier, int64(math.MaxInt64)-window, later, later, later, earlier, window)
}

// floatLit writes a float literal that the engine reads back as exactly v.
func floatLit(v float64) string {
	return "CAST(" + strconv.FormatFloat(v, 'g', -1, 64) + " AS DOUBLE PRECISION)"
}

// seconds is the expression of nanoseconds x as seconds, computed as Go computes them.
func seconds(x string) string {
	return "(CAST(" + x + " AS DOUBLE PRECISION) / CAST(1000000000 AS DOUBLE PRECISION))"
}

// ratio is a/b as a double, NULL when b is 0.
func ratio(a, b string) string {
	return "CASE WHEN " + b + " = 0 THEN NULL ELSE CAST(" + a + " AS DOUBLE PRECISION) / CAST(" + b + " AS DOUBLE PRECISION) END"
}
