package warehouse

import (
	"fmt"
	"slices"
	"strings"
)

// touchpoints writes the per-touchpoint numbers and the transitions of SPEC section 3.
func (c *compiler) touchpoints() {
	c.sequence()
	sg := c.segCol()
	// ug holds per user both each touchpoint's events (bytp: their count, shortest gap and
	// exits) and each transition's count: one sort makes both. The sorted source makes
	// PostgreSQL group by sorting, which is twice as fast here as its hash table.
	c.add("ug", "SELECT u, tp, ntp"+sg+", GROUPING(ntp) = 1 AS bytp, COUNT(*) AS n, MIN(gap) AS mingap, COUNT(*) FILTER (WHERE ntp IS NULL) AS nexit\n"+
		"FROM (SELECT * FROM "+part("gap")+" ORDER BY u, tp, ntp) AS g GROUP BY GROUPING SETS ((u, tp"+sg+"), (u, tp, ntp"+sg+"))")
	utp := part("ug") + " WHERE bytp"
	sk, group := c.scoped("tp")
	c.add("stp", "SELECT "+sk+", tp, COUNT(*) AS users, SUM(n) AS events, COUNT(*) FILTER (WHERE n > 1) AS nrepeat, "+
		"COUNT(mingap) AS continued, COUNT(*) FILTER (WHERE nexit > 0) AS nexits\nFROM "+utp+" "+group)
	c.stats("tpstat", "(SELECT tp AS k, mingap AS v"+sg+" FROM "+utp+" AND mingap IS NOT NULL) AS x")
	sk, group = c.scoped("tp", "ntp")
	c.add("str", "SELECT "+sk+", tp, ntp, SUM(n) AS n, COUNT(*) AS users FROM "+part("ug")+" WHERE NOT bytp AND ntp IS NOT NULL "+group)
	goals := []string{}
	for i, t := range c.tps {
		if t.Goal {
			goals = append(goals, fmt.Sprint(i))
		}
	}
	goal := "FALSE"
	if len(goals) > 0 {
		goal = "tp IN (" + strings.Join(goals, ", ") + ")"
	}
	sk, group = c.scoped()
	c.add("goal", "SELECT "+sk+", COUNT(*) AS ngoal\n"+
		"FROM (SELECT u"+sg+" FROM "+utp+" AND "+goal+" GROUP BY u"+sg+") AS x "+group)
	c.catalog()
}

// segCol is ", sg" with --by: the user's segment, carried along where users are grouped.
func (c *compiler) segCol() string {
	if c.by() {
		return ", sg"
	}
	return ""
}

// sequence gives each mapped event of a user its successor's touchpoint (ntp) and its
// shortest gap, within the window, to a later or same-instant event at one of its next
// touchpoints (gap). Every window runs over the user's events from the last to the first,
// so that one sort serves them all.
func (c *compiler) sequence() {
	targets, self := c.nextTargets()
	w := "PARTITION BY u ORDER BY t DESC RANGE BETWEEN "
	cols := []string{"u", "t", "tp", "LAG(tp) OVER (PARTITION BY u ORDER BY t DESC, rn DESC) AS ntp"}
	if c.by() {
		cols = append(cols, "sg")
	}
	for _, n := range targets {
		cols = append(cols, fmt.Sprintf("MIN(CASE WHEN tp = %d THEN t END) OVER (%sUNBOUNDED PRECEDING AND CURRENT ROW) AS ge%d", n, w, n))
	}
	for _, n := range self {
		cols = append(cols, fmt.Sprintf("MIN(CASE WHEN tp = %d THEN t END) OVER (%sUNBOUNDED PRECEDING AND 1 PRECEDING) AS gt%d", n, w, n))
		cols = append(cols, fmt.Sprintf("COUNT(*) FILTER (WHERE tp = %d) OVER (%sCURRENT ROW AND CURRENT ROW) AS same%d", n, w, n))
	}
	c.add("seq", "SELECT "+strings.Join(cols, ", ")+"\nFROM "+part("ev")+" WHERE tp >= 0 AND NOT flt")
	c.add("gap", "SELECT u, tp, ntp"+c.segCol()+", "+c.gapExpr()+" AS gap FROM "+part("seq"))
}

// nextTargets lists the touchpoints that are some touchpoint's next (targets) and those
// that are their own next (self).
func (c *compiler) nextTargets() (targets, self []int) {
	for _, t := range c.tps {
		for _, n := range c.m.NextOf(t) {
			if n == t {
				if !slices.Contains(self, n.Index) {
					self = append(self, n.Index)
				}
			} else if !slices.Contains(targets, n.Index) {
				targets = append(targets, n.Index)
			}
		}
	}
	slices.Sort(targets)
	slices.Sort(self)
	return targets, self
}

// gapExpr is a mapped event's shortest gap to one of its touchpoint's next touchpoints:
// the same instant counts (for the touchpoint itself, only with another event of its own),
// and a gap longer than the window does not.
func (c *compiler) gapExpr() string {
	var b strings.Builder
	b.WriteString("CASE tp")
	any := false
	for i, t := range c.tps {
		var gaps []string
		for _, n := range c.m.NextOf(t) {
			later := fmt.Sprintf("ge%d", n.Index)
			if n == t {
				later = fmt.Sprintf("gt%d", n.Index)
			}
			gap := fmt.Sprintf("CASE WHEN %s THEN %s - t END", within(later, "t", c.window), later)
			if n == t && c.window >= 0 {
				gap = fmt.Sprintf("CASE WHEN same%d > 1 THEN 0 ELSE %s END", n.Index, gap)
			}
			gaps = append(gaps, gap)
		}
		if len(gaps) == 0 {
			continue
		}
		any = true
		fmt.Fprintf(&b, " WHEN %d THEN %s", i, least(gaps))
	}
	if !any {
		return "CAST(NULL AS BIGINT)"
	}
	return b.String() + " END"
}

// least is the smallest non-NULL of xs, NULL when all are, in any dialect: NULLs count as
// the largest integer, which no gap reaches.
func least(xs []string) string {
	if len(xs) == 1 {
		return xs[0]
	}
	for i, x := range xs {
		xs[i] = "COALESCE(" + x + ", " + maxInt + ")"
	}
	return "NULLIF(LEAST(" + strings.Join(xs, ", ") + "), " + maxInt + ")"
}

// maxInt is the largest BIGINT.
const maxInt = "9223372036854775807"

// tpCost is what a touchpoint's events cost: events times the touchpoint's cost in the
// map, NULL when the map gives none.
func (c *compiler) tpCost(tp, events string) string {
	var whens []string
	for i, t := range c.tps {
		if t.Cost != nil {
			whens = append(whens, fmt.Sprintf("WHEN %s = %d THEN CAST(%s AS DOUBLE PRECISION) * %s", tp, i, events, floatLit(*t.Cost)))
		}
	}
	if len(whens) == 0 {
		return "CAST(NULL AS DOUBLE PRECISION)"
	}
	return "CASE " + strings.Join(whens, " ") + " END"
}

// catalog writes the map's touchpoints as a part: index, id, name, stage, whether it has a
// next touchpoint.
func (c *compiler) catalog() {
	var rows [][]string
	for i, t := range c.tps {
		stage := ""
		if t.Stage != nil {
			stage = t.Stage.ID
		}
		rows = append(rows, []string{fmt.Sprint(i), c.d.Lit(t.ID), c.d.Lit(t.Name), c.d.Lit(stage),
			fmt.Sprint(len(c.m.NextOf(t)) > 0)})
	}
	c.values("tpl", []string{"tp", "id", "name", "stage", "hasnext"}, rows)
	c.add("tpn", "SELECT s.sk, l.tp, COALESCE(n.users, 0) AS users, COALESCE(n.events, 0) AS events, COALESCE(n.nrepeat, 0) AS nrepeat, "+
		"COALESCE(n.continued, 0) AS continued, COALESCE(n.nexits, 0) AS nexits, "+
		"CASE WHEN l.hasnext THEN "+ratio("n.continued", "n.users")+" END AS conversion, "+
		"CASE WHEN l.hasnext AND n.users > 0 THEN CAST(1 AS DOUBLE PRECISION) - "+ratio("n.continued", "n.users")+" END AS dropoff, "+
		median("g")+" AS med, "+c.tpCost("l.tp", "COALESCE(n.events, 0)")+" AS cost\n"+
		"FROM "+ctePrefix+"scopes AS s CROSS JOIN "+ctePrefix+"tpl AS l\n"+
		"LEFT JOIN "+ctePrefix+"stp AS n ON n.sk = s.sk AND n.tp = l.tp\n"+
		"LEFT JOIN "+ctePrefix+"tpstat AS g ON g.sk = s.sk AND g.k = l.tp")
}
