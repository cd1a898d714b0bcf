package warehouse

import (
	"fmt"
	"strings"
)

// unordered writes the fold of an unordered funnel, as the CSV engine runs it: per step, a
// queue of the times of the events assigned to it that are still inside the window of the
// latest event (qK); the most steps ever held at once (mx) and the sorted first times of
// the queues when that maximum was first reached (mf), whose differences are the step
// times. An event takes the one of its steps that waited longest (an empty one first); an
// excluded event at an instant without step events starts the progress over.
func (c *compiler) unordered(fp *funnelPlan) {
	c.ops(fp, fmt.Sprintf("SELECT u, t, rn, multi, CASE WHEN k <> 0 THEN %d ELSE %d END AS op, k AS st, CAST(0 AS BIGINT) AS mask, "+
		"rn AS k1, 0 AS k2\nFROM %s WHERE k <> 0 OR (xs <> 0 AND NOT gstep)", opPush, opRestart, fp.name("e")))
	d, n := c.d, fp.n
	init := []string{"u", "CAST(i - 1 AS BIGINT) AS i", "FALSE AS fin"}
	var bt, least, choice, nq, count, fronts []string
	for k := 1; k <= n; k++ {
		q := fmt.Sprintf("r.q%d", k)
		init = append(init, d.ArrEmpty+fmt.Sprintf(" AS q%d", k))
		bt = append(bt, fmt.Sprintf("CASE WHEN %s = 0 THEN -9223372036854775807 - 1 ELSE %s END AS bt%d", d.ArrLen(q), d.ArrAt(q, d.ArrLen(q)), k))
		grown := fmt.Sprintf("CASE WHEN h.ch = %d THEN %s ELSE %s END", k, d.ArrAppend(q, "o.t"), q)
		nq = append(nq, fmt.Sprintf("CASE WHEN o.op = %d THEN %s ELSE %s END AS q%d", opRestart, d.ArrEmpty, d.ArrKeep(grown, "v", within("o.t", "v", fp.window)), k))
		count = append(count, fmt.Sprintf("CASE WHEN %s > 0 THEN 1 ELSE 0 END", d.ArrLen(fmt.Sprintf("x.q%d", k))))
		fronts = append(fronts, d.ArrAt(fmt.Sprintf("x.q%d", k), "1"))
	}
	for key, steps := range fp.lists {
		var bts, firsts []string
		for _, s := range steps {
			bts = append(bts, fmt.Sprintf("b.bt%d", s))
		}
		m := bts[0]
		if len(bts) > 1 {
			m = "LEAST(" + strings.Join(bts, ", ") + ")"
		}
		least = append(least, fmt.Sprintf("WHEN %d THEN %s", key+1, m))
		for _, s := range steps {
			firsts = append(firsts, fmt.Sprintf("WHEN b.bt%d = m.lo THEN %d", s, s))
		}
		choice = append(choice, fmt.Sprintf("WHEN %d THEN CASE %s END", key+1, strings.Join(firsts, " ")))
	}
	init = append(init, "0 AS mx", d.ArrEmpty+" AS mf")
	done := fmt.Sprintf("(%s)", strings.Join(count, " + "))
	var next []string
	for k := 1; k <= n; k++ {
		next = append(next, fmt.Sprintf("x.q%d", k))
	}
	body := "SELECT " + strings.Join(init, ", ") + "\nFROM " + fp.name("o") + " WHERE first\nUNION ALL\n" +
		"SELECT r.u, o.i, o.last, " + strings.Join(next, ", ") + ",\n" +
		"  CASE WHEN " + done + " > r.mx THEN " + done + " ELSE r.mx END,\n" +
		"  CASE WHEN " + done + " > r.mx THEN " + d.Sorted(fronts) + " ELSE r.mf END\n" +
		"FROM " + fp.name("r") + " AS r JOIN " + fp.name("o") + " AS o ON o.i = r.i + 1\n" +
		"CROSS JOIN LATERAL (SELECT " + strings.Join(bt, ", ") + " OFFSET 0) AS b\n" +
		"CROSS JOIN LATERAL (SELECT CASE o.st " + strings.Join(least, " ") + " END AS lo OFFSET 0) AS m\n" +
		"CROSS JOIN LATERAL (SELECT CASE WHEN o.op = " + fmt.Sprint(opPush) + " THEN CASE o.st " + strings.Join(choice, " ") + " END ELSE 0 END AS ch OFFSET 0) AS h\n" +
		"CROSS JOIN LATERAL (SELECT " + strings.Join(nq, ", ") + " OFFSET 0) AS x\n" +
		"WHERE NOT r.fin"
	c.add(fmt.Sprintf("f%d_r", fp.i), body)
	cols := []string{"u", "mx AS furthest"}
	for k := 2; k <= n; k++ {
		cols = append(cols, fmt.Sprintf("%s - %s AS g%d", d.ArrAt("mf", fmt.Sprint(k)), d.ArrAt("mf", fmt.Sprint(k-1)), k))
	}
	c.add(fmt.Sprintf("f%d_fin", fp.i), "SELECT "+strings.Join(cols, ", ")+" FROM "+fp.name("r")+" WHERE fin")
}
