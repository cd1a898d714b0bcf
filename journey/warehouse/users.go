package warehouse

import (
	"fmt"
	"strings"
)

// noSegment is the segment of users without a value in the --by column.
const noSegment = "(none)"

// users writes the per-user parts: each identity's row counts, its segment (the first
// non-empty --by value on its mapped rows, by time then storage order) and the scopes it
// counts in: ” for the total, and its segment with --by.
func (c *compiler) users() {
	c.add("user", "SELECT uid, COUNT(*) AS nrows, COUNT(*) FILTER (WHERE NOT flt AND tp >= 0) AS nmapped, "+
		"COUNT(*) FILTER (WHERE NOT flt AND tp < 0) AS nunmapped, COUNT(*) FILTER (WHERE flt) AS nfiltered\n"+
		"FROM "+ctePrefix+"rows WHERE st = 0 GROUP BY uid")
	scope := "SELECT uid, '' AS sk FROM " + ctePrefix + "user"
	if c.q.Events.By != "" {
		c.add("useg", "SELECT uid, seg FROM (SELECT uid, seg, ROW_NUMBER() OVER (PARTITION BY uid ORDER BY rn) AS r\n"+
			"FROM "+ctePrefix+"ev WHERE tp >= 0 AND seg <> '') AS s WHERE r = 1")
		scope += "\nUNION ALL SELECT u.uid, COALESCE(s.seg, " + c.d.Lit(noSegment) + ") FROM " + ctePrefix + "user AS u LEFT JOIN " +
			ctePrefix + "useg AS s ON s.uid = u.uid"
	}
	c.add("scope", scope)
	c.add("scopes", "SELECT '' AS sk UNION SELECT sk FROM "+ctePrefix+"scope")
	c.add("input", "SELECT '' AS sk, COUNT(*) AS nrows, COUNT(*) FILTER (WHERE st = 0 AND NOT flt AND tp >= 0) AS nmapped, "+
		"COUNT(*) FILTER (WHERE st = 0 AND NOT flt AND tp < 0) AS nunmapped, COUNT(*) FILTER (WHERE st <> 0) AS nskipped, "+
		"COUNT(*) FILTER (WHERE flt) AS nfiltered, (SELECT COUNT(*) FROM "+ctePrefix+"user WHERE nmapped > 0) AS nusers\n"+
		"FROM "+ctePrefix+"rows\n"+
		"UNION ALL SELECT s.sk, SUM(nrows), SUM(nmapped), SUM(nunmapped), 0, SUM(nfiltered), COUNT(*) FILTER (WHERE nmapped > 0)\n"+
		"FROM "+ctePrefix+"user AS u JOIN "+ctePrefix+"scope AS s ON s.uid = u.uid WHERE s.sk <> '' GROUP BY s.sk")
}

// stats writes the part name with, per scope sk and key k of the part src (columns sk, k
// and v, a gap in nanoseconds), the count n, the two middle gaps lo and hi (equal for an
// odd count) and the sums of the gaps' whole seconds and of their nanoseconds, from which
// the mean and median are computed exactly as the CSV engine computes them.
func (c *compiler) stats(name, src string) {
	c.add(name+"_r", "SELECT sk, k, v, ROW_NUMBER() OVER (PARTITION BY sk, k ORDER BY v) AS r, COUNT(*) OVER (PARTITION BY sk, k) AS n\nFROM "+src)
	c.add(name, "SELECT sk, k, MAX(n) AS n, MIN(CASE WHEN r = "+c.d.Div("n + 1", "2")+" THEN v END) AS lo, "+
		"MIN(CASE WHEN r = "+c.d.Div("n", "2")+" + 1 THEN v END) AS hi, "+
		"SUM("+c.d.Div("v", "1000000000")+") AS ssec, SUM(v % 1000000000) AS sns\nFROM "+ctePrefix+name+"_r GROUP BY sk, k")
}

// median and mean are the statistics of a stats part's row s, NULL without gaps.
func median(s string) string {
	return "CASE WHEN " + s + ".n > 0 THEN (" + seconds(s+".lo") + " + " + seconds(s+".hi") + ") / CAST(2 AS DOUBLE PRECISION) END"
}

func mean(s string) string {
	return "CASE WHEN " + s + ".n > 0 THEN (CAST(" + s + ".ssec AS DOUBLE PRECISION) + CAST(" + s + ".sns AS DOUBLE PRECISION) / " +
		"CAST(1000000000 AS DOUBLE PRECISION)) / CAST(" + s + ".n AS DOUBLE PRECISION) END"
}

// values writes a part from literal rows, with the given column names.
func (c *compiler) values(name string, cols []string, rows [][]string) {
	if len(rows) == 0 {
		nulls := make([]string, len(cols))
		for i, col := range cols {
			nulls[i] = "NULL AS " + col
		}
		c.add(name, "SELECT "+strings.Join(nulls, ", ")+" WHERE FALSE")
		return
	}
	var lines []string
	for _, r := range rows {
		lines = append(lines, "("+strings.Join(r, ", ")+")")
	}
	c.add(name, fmt.Sprintf("SELECT * FROM (VALUES %s) AS v(%s)", strings.Join(lines, ",\n  "), strings.Join(cols, ", ")))
}
