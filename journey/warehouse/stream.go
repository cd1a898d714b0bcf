package warehouse

import (
	"strings"
)

// noSegment is the segment of users without a value in the --by column.
const noSegment = "(none)"

// column is one output column of a part: an expression and its name.
type column struct{ expr, name string }

// selectList writes columns as a SELECT list.
func selectList(cols []column) string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.expr
		if c.expr != c.name {
			out[i] += " AS " + c.name
		}
	}
	return strings.Join(out, ", ")
}

// names are the columns' names, to pass them on unchanged.
func names(cols []column) []column {
	out := make([]column, len(cols))
	for i, c := range cols {
		out[i] = column{c.name, c.name}
	}
	return out
}

// stream writes ev, the rows every later part reads: each readable row (st = 0, the ones
// --since and --until filter out included, for the counts of --by) with its user as a
// number u (the rank of the identity) and its place rn in one order of all rows (by
// identity, then time, then storage order; u is the rn of the user's first row), so that
// the later parts join, group and sort integers, not identities. It costs one sort of the
// rows: in the same pass, windows over
// each user and each instant add um (true on the user's first mapped row, to count users),
// the user's segment sg with --by, and each funnel's columns (funnelStream).
func (c *compiler) stream() {
	a := []column{{"uid", "uid"}, {"t", "t"}, {"tp", "tp"}, {"flt", "flt"}, {"ROW_NUMBER() OVER (ORDER BY uid, t, ord)", "rn"}}
	if c.by() {
		a = append(a, column{"seg", "seg"})
	}
	for _, fp := range c.plans {
		a = append(a, fp.rowColumns()...)
	}
	b := []column{{"MIN(rn) OVER (PARTITION BY uid)", "u"}, {"rn", "rn"}, {"t", "t"}, {"tp", "tp"}, {"flt", "flt"},
		{"MIN(CASE WHEN NOT flt AND tp >= 0 THEN rn END) OVER (PARTITION BY uid) = rn", "um"}}
	for _, fp := range c.plans {
		b = append(b, fp.streamColumns()...)
	}
	from := "FROM " + part("rows") + " WHERE ok"
	if !c.by() {
		c.add("ev", "SELECT "+selectList(b)+"\nFROM (SELECT "+selectList(a)+"\n"+from+") AS a")
		return
	}
	// The segment is the first non-empty value on a mapped row: its row number per user,
	// then, one level up in the same order, its value.
	seg := append(b, column{"uid", "uid"}, column{"seg", "seg"},
		column{"MIN(CASE WHEN NOT flt AND tp >= 0 AND seg <> '' THEN rn END) OVER (PARTITION BY uid)", "fseg"})
	out := append(names(b), column{"COALESCE(MAX(CASE WHEN rn = fseg THEN seg END) OVER (PARTITION BY uid), " + c.d.Lit(noSegment) + ")", "sg"})
	c.add("ev", "SELECT "+selectList(out)+"\nFROM (SELECT "+selectList(seg)+"\nFROM (SELECT "+selectList(a)+"\n"+from+") AS a) AS b")
	c.add("usr", "SELECT u, sg FROM "+part("ev")+" WHERE um")
}

// input writes input, the rows read per scope, and scopes, the scopes: ” for the total
// and, with --by, each segment.
func (c *compiler) input() {
	body := "SELECT '' AS sk, COUNT(*) AS nrows, COUNT(*) FILTER (WHERE st = 0 AND NOT flt AND tp >= 0) AS nmapped, " +
		"COUNT(*) FILTER (WHERE st = 0 AND NOT flt AND tp < 0) AS nunmapped, COUNT(*) FILTER (WHERE st <> 0) AS nskipped, " +
		"COUNT(*) FILTER (WHERE flt) AS nfiltered, (SELECT COUNT(*) FROM " + part("ev") + " WHERE um) AS nusers\nFROM " + part("rows")
	if c.by() {
		body += "\nUNION ALL SELECT sg, COUNT(*), COUNT(*) FILTER (WHERE NOT flt AND tp >= 0), COUNT(*) FILTER (WHERE NOT flt AND tp < 0), 0, " +
			"COUNT(*) FILTER (WHERE flt), COUNT(*) FILTER (WHERE um)\nFROM " + part("ev") + " GROUP BY sg"
	}
	c.add("input", body)
	c.add("scopes", "SELECT sk FROM "+part("input"))
}

// scoped returns the scope column sk and the GROUP BY clause of an aggregate, by keys, over
// the total (sk ”) and, with --by, each segment (the source's column sg) too.
func (c *compiler) scoped(keys ...string) (sk, group string) {
	if !c.by() {
		if len(keys) == 0 {
			return "'' AS sk", ""
		}
		return "'' AS sk", "GROUP BY " + strings.Join(keys, ", ")
	}
	return "COALESCE(sg, '') AS sk", "GROUP BY GROUPING SETS ((" + strings.Join(keys, ", ") + "), (" + strings.Join(append([]string{"sg"}, keys...), ", ") + "))"
}
