package warehouse

import (
	"fmt"
	"slices"
	"strings"

	"github.com/journey-cx/journey/journey"
)

// closedForm reports whether an ordered funnel's attempt slots can be computed step by step
// instead of event by event: no event fills more than one of its steps. Then, in the order
// the CSV engine takes a user's events (time, then step, then row), slot k-1 at an event of
// step k holds the attempt of the most recent event that filled step k-1 (the slots' starts
// and step times only grow), and the event fills step k exactly when it is the first event
// of step k after that one (a later one finds the attempt in slot k already, or an earlier
// one out of the window), the attempt is within the window, and no excluded event hit the
// attempt in between (see closedStepExcluded). The furthest step is the highest step
// filled; the attempt that counts is the first that filled it, unless exclusions drop it
// (see closedFinExcluded).
func (fp *funnelPlan) closedForm() bool {
	return fp.order == journey.Ordered && !slices.ContainsFunc(fp.lists, func(st []int) bool { return len(st) > 1 })
}

// stepExpr is, in a funnel of closed form, the step an event's touchpoint fills, 0 for none.
func (fp *funnelPlan) stepExpr() string {
	step := "CASE tp"
	for tp, st := range fp.steps {
		if len(st) > 0 {
			step += fmt.Sprintf(" WHEN %d THEN %d", tp, st[0])
		}
	}
	return step + " ELSE 0 END"
}

// closed writes a funnel of closed form: the part sK per step, the events that filled step
// K with the times p1...pK of their attempt's steps, and fin.
func (c *compiler) closed(fp *funnelPlan) {
	excl := len(fp.excl) > 0
	cols, where := "u, rn, t, "+fp.col("k")+" AS st", fp.col("k")+" <> 0"
	if excl {
		cols += ", " + fp.col("xs") + " AS xs"
		where = fp.relevant()
	}
	c.add(fmt.Sprintf("f%d_e", fp.i), "SELECT "+cols+" FROM "+part("ev")+" WHERE NOT flt AND "+where)
	if excl {
		// The excluded events that count: those whose instant holds no event of another
		// kind (an excluded event at the instant of a step event, or of an event excluded
		// otherwise, does not count). The join finds them from the few excluded events.
		e := fp.name("e")
		c.add(fmt.Sprintf("f%d_x", fp.i), "SELECT u, t, rn, xs FROM "+e+" WHERE st = 0 AND rn NOT IN (SELECT c.rn FROM "+e+" AS c JOIN "+
			e+" AS o ON o.u = c.u AND o.t = c.t AND (o.st <> 0 OR o.xs <> c.xs) WHERE c.st = 0)")
	}
	// Step 1: the first event of each instant starts an attempt.
	c.add(fmt.Sprintf("f%d_s1", fp.i), "SELECT u, t, rn, FALSE AS b, t AS p1 FROM (SELECT u, t, rn, LAG(t) OVER (PARTITION BY u ORDER BY t, rn) AS pt\n"+
		"FROM "+fp.name("e")+" WHERE st = 1) AS x WHERE pt IS NULL OR pt <> t")
	for k := 2; k <= fp.n; k++ {
		if excl {
			c.closedStepExcluded(fp, k)
		} else {
			c.closedStep(fp, k)
		}
	}
	// A user's furthest step K is the highest step any event reached (b or not): the
	// events that filled step K (b false) of the users no event took further.
	var top []string
	for k := 1; k <= fp.n; k++ {
		q := "SELECT u, t, rn, " + fmt.Sprint(k) + " AS k, b, " + fp.path(k) + " FROM " + fp.name(fmt.Sprintf("s%d", k)) + " WHERE NOT b"
		if k < fp.n {
			q += " AND u NOT IN (SELECT u FROM " + fp.name(fmt.Sprintf("s%d", k+1)) + ")"
		}
		top = append(top, q)
	}
	gaps := []string{"u", "k AS furthest"}
	for k := 2; k <= fp.n; k++ {
		gaps = append(gaps, fmt.Sprintf("p%d - p%d AS g%d", k, k-1, k))
	}
	if excl {
		c.closedFinExcluded(fp, top, gaps)
		return
	}
	c.add(fmt.Sprintf("f%d_fin", fp.i), "SELECT "+strings.Join(gaps, ", ")+"\nFROM "+fp.first("SELECT * FROM ("+strings.Join(top, "\nUNION ALL ")+") AS a"))
}

// first is the first of each user's rows of q (columns u, k and p1...pn, one k per
// user), as minima: the times of the attempts in slot k only grow.
func (fp *funnelPlan) first(q string) string {
	cols := []string{"u", "MIN(k) AS k"}
	for j := 1; j <= fp.n; j++ {
		cols = append(cols, fmt.Sprintf("MIN(p%d) AS p%d", j, j))
	}
	return "(SELECT " + strings.Join(cols, ", ") + " FROM (" + q + ") AS q GROUP BY u) AS f"
}

// path lists the step times p1...pn of an attempt that reached step k, NULL beyond it.
func (fp *funnelPlan) path(k int) string {
	var cols []string
	for j := 1; j <= fp.n; j++ {
		if j <= k {
			cols = append(cols, fmt.Sprintf("p%d", j))
		} else {
			cols = append(cols, fmt.Sprintf("CAST(NULL AS BIGINT) AS p%d", j))
		}
	}
	return strings.Join(cols, ", ")
}

// pathColumns lists, for the steps before step k, the columns of an attempt's times
// (p1, p2, ...), the same as NULLs for the rows of step k, and each column as over
// computes it from the rows before.
func pathColumns(k int, over func(p string) string) (path, nulls, computed []string) {
	for j := 1; j < k; j++ {
		p := fmt.Sprintf("p%d", j)
		path = append(path, p)
		nulls = append(nulls, "CAST(NULL AS BIGINT) AS "+p)
		computed = append(computed, over(p))
	}
	return path, nulls, computed
}

// closedStep writes sK: the events of step k whose previous event, among those that filled
// step k-1 (which come first at one instant) and those of step k, filled step k-1, within
// the window from that attempt's start.
func (c *compiler) closedStep(fp *funnelPlan, k int) {
	w := "(PARTITION BY u ORDER BY t, o, rn)"
	path, nulls, lags := pathColumns(k, func(p string) string { return "LAG(" + p + ") OVER " + w + " AS " + p })
	ps := strings.Join(path, ", ")
	body := fmt.Sprintf("SELECT u, t, rn, FALSE AS b, %s, t AS p%d\nFROM (SELECT u, t, rn, a, LAG(a) OVER %s AS pa, %s\n"+
		"FROM (SELECT u, t, rn, TRUE AS a, 0 AS o, %s FROM %s\nUNION ALL SELECT u, t, rn, FALSE, 1, %s FROM %s WHERE st = %d) AS m) AS x\n"+
		"WHERE NOT a AND pa AND %s",
		ps, k, w, strings.Join(lags, ", "), ps, fp.name(fmt.Sprintf("s%d", k-1)), strings.Join(nulls, ", "), fp.name("e"), k,
		within("t", "p1", fp.window))
	c.add(fmt.Sprintf("f%d_s%d", fp.i, k), body)
}

// excluded is the part of the excluded events that hit slot k.
func (fp *funnelPlan) excluded(k int) string {
	return fmt.Sprintf("%s WHERE (xs & %d) <> 0", fp.name("x"), int64(1)<<k)
}

// closedStepExcluded writes sK of a funnel with exclusions: among the events that filled
// step k-1 (o = 0, b false), those of step k (o = 1) and the excluded events that hit slot
// k-1 (o = 2, never at the instant of a step event), an event of step k whose latest
// earlier event of step k is before the latest event that filled step k-1 takes that
// attempt, within its window. It fills step k (b false) when no excluded event came in
// between; else the attempt in slot k-1 is excluded, and the event only reaches step k
// for the attempt that counts (b true), which never fills step k+1. The latest event
// that filled step k-1 gives its attempt's times as maxima, since they only grow. Every
// maximum is over the rows before the event (for the event's own kind, o = 1, that
// matters), so that one window computes them all.
func (c *compiler) closedStepExcluded(fp *funnelPlan, k int) {
	w := "PARTITION BY u ORDER BY t, o, rn ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING"
	path, nulls, maxes := pathColumns(k, func(p string) string {
		return "MAX(CASE WHEN o = 0 THEN " + p + " END) OVER (" + w + ") AS " + p
	})
	ps := strings.Join(path, ", ")
	last := func(o int) string {
		return fmt.Sprintf("MAX(CASE WHEN o = %d THEN t END) OVER (%s)", o, w)
	}
	body := fmt.Sprintf("SELECT u, t, rn, COALESCE(lx > lf, FALSE) AS b, %s, t AS p%d\n"+
		"FROM (SELECT u, t, rn, o, %s AS lf, %s AS lx, %s AS ls, %s\n"+
		"FROM (SELECT u, t, rn, 0 AS o, %s FROM %s WHERE NOT b\nUNION ALL SELECT u, t, rn, 1, %s FROM %s WHERE st = %d\n"+
		"UNION ALL SELECT u, t, rn, 2, %s FROM %s) AS m) AS x\n"+
		"WHERE o = 1 AND lf IS NOT NULL AND (ls IS NULL OR ls < lf) AND %s",
		ps, k, last(0), last(2), last(1), strings.Join(maxes, ", "),
		ps, fp.name(fmt.Sprintf("s%d", k-1)), strings.Join(nulls, ", "), fp.name("e"), k,
		strings.Join(nulls, ", "), fp.excluded(k-1), within("t", "p1", fp.window))
	c.add(fmt.Sprintf("f%d_s%d", fp.i, k), body)
}

// closedFinExcluded writes fin of a funnel with exclusions, from top, the events that
// filled the users' furthest step K. At K the attempt that counts is replaced only when
// excluded, and an excluded event in slot K excludes it when it is the first after the
// latest event that filled step K and within the window of the attempt that counts,
// whose start is no later than that event's. So the attempt that counts is the first
// event that filled step K whose next excluded event in slot K, if any, is beyond its
// window; with none, every step's attempt was excluded and the user is dropped (as
// when only b events reached step K).
func (c *compiler) closedFinExcluded(fp *funnelPlan, top, gaps []string) {
	rows := strings.Join(top, "\nUNION ALL ")
	var nulls []string
	for j := 1; j <= fp.n; j++ {
		nulls = append(nulls, fmt.Sprintf("CAST(NULL AS BIGINT) AS p%d", j))
	}
	for k := 1; k < fp.n; k++ {
		if slices.ContainsFunc(fp.excl, func(x exclusion) bool { return x.slots&(int64(1)<<k) != 0 }) {
			rows += fmt.Sprintf("\nUNION ALL SELECT u, t, rn, %d, CAST(NULL AS BOOLEAN), %s FROM %s", k, strings.Join(nulls, ", "), fp.excluded(k))
		}
	}
	c.add(fmt.Sprintf("f%d_fin", fp.i), "SELECT "+strings.Join(gaps, ", ")+"\nFROM "+fp.first(
		"SELECT * FROM (SELECT *, MIN(CASE WHEN b IS NULL THEN t END) OVER (PARTITION BY u, k ORDER BY t DESC RANGE BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS nx\n"+
			"FROM ("+rows+") AS a) AS x\n"+
			fmt.Sprintf("WHERE b = FALSE AND (nx IS NULL OR NOT %s)", within("nx", "p1", fp.window))))
}
