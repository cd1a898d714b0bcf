package warehouse

import (
	"fmt"
	"slices"
	"strings"

	"github.com/journey-cx/journey/journey/events"
)

// maxReported is how many rows of each kind of problem are listed, as the CSV engine
// lists them.
const maxReported = 5

// coverage writes cov: what the map does not explain, as analysis.Coverage. Skipped rows
// and implausible times name the table and the row's identity and time where the CSV
// engine gives a file and line; notices about the whole table name the table.
func (c *compiler) coverage() {
	d := c.d
	unmatched := "(SELECT " + d.Agg("l.id", "l.tp") + " FROM " + ctePrefix + "tpl AS l LEFT JOIN " + ctePrefix +
		"stp AS n ON n.sk = '' AND n.tp = l.tp WHERE n.events IS NULL)"
	unmapped := "(SELECT " + d.Agg(d.Object("'event'", "ev", "'count'", "n"), "n DESC, "+d.OrderText("ev")) + " FROM (SELECT ev, COUNT(*) AS n FROM " +
		ctePrefix + "rows WHERE st = 0 AND NOT flt AND tp < 0 GROUP BY ev ORDER BY n DESC, " + d.OrderText("ev") + fmt.Sprintf(" LIMIT %d) AS u)", events.MostUnmapped)
	q := func(x string) string { return `'"' || ` + x + ` || '"'` }
	col := func(name string) string { return d.Lit(fmt.Sprintf("%q", name)) }
	zone := "UTC"
	if c.q.Events.Location != nil {
		zone = c.q.Events.Location.String()
	}
	msg := fmt.Sprintf("CASE st WHEN %d THEN 'empty ' || %s || ' (the identity column)' "+
		"WHEN %d THEN 'unparsable time ' || %s || ' in column ' || %s || '; expected RFC 3339, YYYY-MM-DD or Unix epoch seconds, ms, us or ns' "+
		"WHEN %d THEN 'time ' || %s || ' in column ' || %s || ' is out of range (a month, day, hour or minute past its end, or a year outside 1678-2261, which journey cannot hold)' "+
		"ELSE 'local time ' || %s || ' does not exist in ' || %s || ' (a daylight-saving gap)' END",
		stNoID, col(c.q.Events.ID), stUnparsable, q("traw"), col(c.q.Events.Time), stOutOfRange, q("traw"), col(c.q.Events.Time),
		q("traw"), d.Lit(zone))
	problem := func(m string) string { return d.Object("'table'", d.Lit(c.q.Table), "'message'", m) }
	rowProblem := func(m string) string {
		return d.Object("'table'", d.Lit(c.q.Table), "'identity'", "uid", "'time'", "traw", "'message'", m)
	}
	skipped := "(SELECT " + d.Agg(rowProblem(msg), "ord") + " FROM (SELECT uid, traw, st, ord, ROW_NUMBER() OVER (PARTITION BY CASE WHEN st = " +
		fmt.Sprint(stOutOfRange) + " THEN " + fmt.Sprint(stUnparsable) + " ELSE st END ORDER BY ord) AS r FROM " + ctePrefix +
		fmt.Sprintf("rows WHERE st <> 0) AS s WHERE r <= %d)", maxReported)
	c.add("warn", "SELECT 0 AS k, ord, "+rowProblem("'time ' || "+q("traw")+" || ' is before 1990 or after 2100; the row is kept'")+" AS j FROM (SELECT uid, traw, ord, "+
		"ROW_NUMBER() OVER (ORDER BY ord) AS r FROM "+ctePrefix+"rows WHERE "+implausible+") AS s WHERE r <= "+fmt.Sprint(maxReported)+"\n"+
		"UNION ALL SELECT 1, NULL, "+problem("CAST(n AS TEXT) || ' rows in all have times before 1990 or after 2100; the first "+fmt.Sprint(maxReported)+" are listed'")+
		" FROM (SELECT COUNT(*) AS n FROM "+ctePrefix+"rows WHERE "+implausible+") AS s WHERE n > "+fmt.Sprint(maxReported)+"\n"+
		"UNION ALL SELECT 2, NULL, "+problem("'the table has no rows'")+" FROM (SELECT COUNT(*) AS n FROM "+ctePrefix+"rows) AS s WHERE n = 0"+
		c.lackWarnings(problem))
	warnings := "(SELECT " + d.Agg("j", "k, ord") + " FROM " + ctePrefix + "warn)"
	c.add("cov", "SELECT "+d.Object("'unmatched_touchpoints'", unmatched, "'unmapped_events'", unmapped, "'skipped'", skipped, "'warnings'", warnings)+" AS j")
}

// lackWarnings are the warn rows of the columns the matchers compare that the table lacks,
// whose conditions match nothing, as the CSV engine warns of a column no event file has:
// in the order of the columns' names, as it does (each its own k, from 3 on, so that the
// order is certain). None when the columns are not known.
func (c *compiler) lackWarnings(problem func(string) string) string {
	if c.cols == nil {
		return ""
	}
	var b strings.Builder
	k := 3
	for _, name := range slices.Sorted(slices.Values(c.comparedColumns())) {
		if !c.has(name) {
			fmt.Fprintf(&b, "\nUNION ALL SELECT %d, NULL, %s", k, problem(c.d.Lit(fmt.Sprintf(
				"the table has no column %q that the map's where conditions compare: they match nothing", name))))
			k++
		}
	}
	return b.String()
}
