package warehouse

import (
	"fmt"
	"slices"
	"strings"

	"github.com/journey-cx/journey/journey"
)

// closedForm reports whether an ordered funnel's attempt slots can be computed step by step
// instead of event by event: it has no exclusions and no event fills more than one of its
// steps. Then, in the order the CSV engine takes a user's events (time, then step, then
// row), slot k-1 at an event of step k holds the attempt of the most recent event that
// filled step k-1 (the slots' starts only grow), and the event fills step k exactly when
// the event just before it, among the events that filled step k-1 and those of step k, is
// one that filled step k-1 (else it belongs to an earlier event of step k's attempt, or
// there is none) and the attempt is within the window. The furthest step is the highest
// step filled; the attempt that counts is the first that filled it.
func (fp *funnelPlan) closedForm() bool {
	return fp.order == journey.Ordered && len(fp.excl) == 0 &&
		!slices.ContainsFunc(fp.lists, func(st []int) bool { return len(st) > 1 })
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
	c.add(fmt.Sprintf("f%d_e", fp.i), "SELECT u, rn, t, "+fp.col("k")+" AS st FROM "+part("ev")+" WHERE NOT flt AND "+fp.col("k")+" <> 0")
	// Step 1: the first event of each instant starts an attempt.
	c.add(fmt.Sprintf("f%d_s1", fp.i), "SELECT u, t, rn, t AS p1 FROM (SELECT u, t, rn, LAG(t) OVER (PARTITION BY u ORDER BY t, rn) AS pt\n"+
		"FROM "+fp.name("e")+" WHERE st = 1) AS x WHERE pt IS NULL OR pt <> t")
	for k := 2; k <= fp.n; k++ {
		c.closedStep(fp, k)
	}
	var all []string
	for k := 1; k <= fp.n; k++ {
		cols := []string{"u", "t", "rn", fmt.Sprintf("%d AS k", k)}
		for j := 1; j <= fp.n; j++ {
			if j <= k {
				cols = append(cols, fmt.Sprintf("p%d", j))
			} else {
				cols = append(cols, fmt.Sprintf("CAST(NULL AS BIGINT) AS p%d", j))
			}
		}
		all = append(all, "SELECT "+strings.Join(cols, ", ")+" FROM "+fp.name(fmt.Sprintf("s%d", k)))
	}
	gaps := []string{"u", "k AS furthest"}
	for k := 2; k <= fp.n; k++ {
		gaps = append(gaps, fmt.Sprintf("p%d - p%d AS g%d", k, k-1, k))
	}
	c.add(fmt.Sprintf("f%d_fin", fp.i), "SELECT "+strings.Join(gaps, ", ")+"\nFROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY u ORDER BY k DESC, t, rn) AS r FROM (\n"+
		strings.Join(all, "\nUNION ALL ")+") AS a) AS b WHERE r = 1")
}

// closedStep writes sK: the events of step k whose previous event, among those that filled
// step k-1 (which come first at one instant) and those of step k, filled step k-1, within
// the window from that attempt's start.
func (c *compiler) closedStep(fp *funnelPlan, k int) {
	w := "(PARTITION BY u ORDER BY t, o, rn)"
	var path, nulls, lags []string
	for j := 1; j < k; j++ {
		p := fmt.Sprintf("p%d", j)
		path = append(path, p)
		nulls = append(nulls, "CAST(NULL AS BIGINT) AS "+p)
		lags = append(lags, "LAG("+p+") OVER "+w+" AS "+p)
	}
	ps := strings.Join(path, ", ")
	body := fmt.Sprintf("SELECT u, t, rn, %s, t AS p%d\nFROM (SELECT u, t, rn, a, LAG(a) OVER %s AS pa, %s\n"+
		"FROM (SELECT u, t, rn, TRUE AS a, 0 AS o, %s FROM %s\nUNION ALL SELECT u, t, rn, FALSE, 1, %s FROM %s WHERE st = %d) AS m) AS x\n"+
		"WHERE NOT a AND pa AND t - p1 <= %d",
		ps, k, w, strings.Join(lags, ", "), ps, fp.name(fmt.Sprintf("s%d", k-1)), strings.Join(nulls, ", "), fp.name("e"), k, fp.window)
	c.add(fmt.Sprintf("f%d_s%d", fp.i, k), body)
}
