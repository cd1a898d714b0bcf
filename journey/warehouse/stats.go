package warehouse

import (
	"fmt"
	"strings"
)

// stats writes the part name with, per scope sk and key k of src (a FROM item with columns
// k, v, a gap in nanoseconds, and sg with --by), the count n, the two middle gaps lo and hi
// (equal for an odd count: the lower middle of the gaps in ascending and in descending
// order) and the sums of the gaps' whole seconds and of their nanoseconds, from which the
// mean and median are computed exactly as the CSV engine computes them.
func (c *compiler) stats(name, src string) {
	sk, group := c.scoped("k")
	c.add(name, "SELECT "+sk+", k, COUNT(*) AS n, PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY v) AS lo, "+
		"PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY v DESC) AS hi, "+
		"SUM("+c.d.Div("v", "1000000000")+") AS ssec, SUM(v % 1000000000) AS sns\nFROM "+src+" "+group)
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
