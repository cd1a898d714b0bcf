package warehouse

import (
	"fmt"
	"slices"
	"strings"

	"github.com/journey-cx/journey/journey"
)

// orderedFold writes the recursive part that runs an ordered or strict funnel the way the
// CSV engine's attempt slots do. The state of a user is, per slot k below n (the most
// recent attempt that reached step k): its start sK (the time of its step 1; NULL when the
// slot is empty), whether it is excluded xK, the times tK_J of its steps 2 <= J <= K and
// the row numbers iK_J of its steps; and the attempt that counts: its step bstep, excluded
// flag bexc, start bstart and step times btJ. Slot 0, the attempt starting at the current
// instant, needs no state, nor does slot n: the fold stops when it is filled. The state
// holds only what the funnel can use: exclusion flags when it has exclusions, row numbers
// when an event can fill more than one of its steps.
type orderedFold struct {
	fp    *funnelPlan
	excl  bool // the funnel has exclusions
	multi bool // an event can fill more than one step (a stage and its touchpoint, a repeated step)
}

// newOrderedFold plans the fold of fp.
func newOrderedFold(fp *funnelPlan) orderedFold {
	multi := slices.ContainsFunc(fp.lists, func(st []int) bool { return len(st) > 1 })
	return orderedFold{fp: fp, excl: len(fp.excl) > 0, multi: multi}
}

// stateCol is one column of the state: its name, type and value after an operation.
type stateCol struct{ name, typ, next string }

// fold returns the recursive part's body: each user's state before its first operation,
// then the state after each operation, the next one found by its number.
func (o orderedFold) fold() string {
	var init, next []string
	for _, c := range o.state() {
		v := "NULL"
		switch {
		case c.name == "i":
			v = "i - 1"
		case c.name == "bstep":
			v = "0"
		case c.typ == "BOOLEAN":
			v = "FALSE"
		}
		init = append(init, "CAST("+v+" AS "+c.typ+") AS "+c.name)
		next = append(next, c.next)
	}
	return "SELECT u, " + strings.Join(init, ", ") + "\nFROM " + o.fp.name("o") + " WHERE first\n" +
		"UNION ALL\nSELECT r.u,\n  " + strings.Join(next, ",\n  ") + "\n" +
		"FROM " + o.fp.name("r") + " AS r JOIN " + o.fp.name("o") + " AS o ON o.i = r.i + 1\n" +
		"CROSS JOIN LATERAL (SELECT " + strings.Join(o.flags(), ",\n  ") + " OFFSET 0) AS f\n" +
		"CROSS JOIN LATERAL (SELECT " + strings.Join(o.decisions(), ", ") + " OFFSET 0) AS g\n" +
		"WHERE NOT r.fin"
}

// state lists the state's columns, in order.
func (o orderedFold) state() []stateCol {
	n := o.fp.n
	cols := []stateCol{{"i", "BIGINT", "o.i"}, {"fin", "BOOLEAN", fmt.Sprintf("o.last OR (g.supd AND o.st = %d)", n)}}
	set := func(k int, v, col string) stateCol {
		return stateCol{col, "BIGINT", fmt.Sprintf("CASE WHEN g.supd AND o.st = %d THEN %s ELSE r.%s END", k, v, col)}
	}
	for k := 1; k < n; k++ {
		cols = append(cols, stateCol{fmt.Sprintf("s%d", k), "BIGINT", o.slotStart(k)})
		if o.excl {
			cols = append(cols, stateCol{fmt.Sprintf("x%d", k), "BOOLEAN",
				fmt.Sprintf("CASE WHEN g.supd AND o.st = %d THEN FALSE WHEN g.xhit AND o.st = %d THEN TRUE ELSE r.x%d END", k, k, k)})
		}
		for j := 1; j <= k; j++ {
			if j > 1 {
				cols = append(cols, set(k, o.path("t", k, j), fmt.Sprintf("t%d_%d", k, j)))
			}
			if o.multi {
				cols = append(cols, set(k, o.path("i", k, j), fmt.Sprintf("i%d_%d", k, j)))
			}
		}
	}
	return append(cols, o.best()...)
}

// path is step j of the attempt that an operation of step k puts in slot k: the event's
// own time (t) or row number (i) for step k, the slot before's for the steps before.
func (o orderedFold) path(x string, k, j int) string {
	if j == k {
		return map[string]string{"t": "o.t", "i": "o.rn"}[x]
	}
	return fmt.Sprintf("r.%s%d_%d", x, k-1, j)
}

// best lists the columns of the attempt that counts.
func (o orderedFold) best() []stateCol {
	n, w := o.fp.n, o.fp.window
	cols := []stateCol{{"bstep", "INTEGER", "CASE WHEN g.bupd THEN o.st ELSE r.bstep END"}}
	if o.excl {
		cols = append(cols, stateCol{"bexc", "BOOLEAN",
			fmt.Sprintf("CASE WHEN g.bupd THEN f.pexc WHEN g.xhit AND r.bstep = o.st AND %s THEN TRUE ELSE r.bexc END", within("o.t", "r.bstart", w))})
	}
	cols = append(cols, stateCol{"bstart", "BIGINT", "CASE WHEN g.bupd THEN f.pstart ELSE r.bstart END"})
	for j := 2; j <= n; j++ {
		prev := byStep(j+1, n, func(k int) string { return fmt.Sprintf("r.t%d_%d", k-1, j) })
		cols = append(cols, stateCol{fmt.Sprintf("bt%d", j), "BIGINT",
			fmt.Sprintf("CASE WHEN g.bupd AND o.st = %d THEN o.t WHEN g.bupd AND o.st > %d THEN %s ELSE r.bt%d END", j, j, prev, j)})
	}
	return cols
}

// byStep is a CASE over the operation's step: for each step k from lo to hi, f(k).
func byStep(lo, hi int, f func(k int) string) string {
	if lo > hi {
		return "NULL"
	}
	var b strings.Builder
	b.WriteString("CASE o.st")
	for k := lo; k <= hi; k++ {
		fmt.Fprintf(&b, " WHEN %d THEN %s", k, f(k))
	}
	b.WriteString(" END")
	return b.String()
}

// flags are what an operation finds in the state: for a step st, the slot before it
// (pset, pstart, pexc), whether slot st already holds that attempt (csame), whether the
// event already filled a step of it (filled, among events of one instant) and whether
// reaching st beats the attempt that counts (better); for an exclusion of slot st,
// whether it hits (xok).
func (o orderedFold) flags() []string {
	n, w := o.fp.n, o.fp.window
	prevStart := func(k int) string {
		if k == 1 {
			return "o.t"
		}
		return fmt.Sprintf("r.s%d", k-1)
	}
	pset := byStep(2, n, func(k int) string { return fmt.Sprintf("r.s%d IS NOT NULL", k-1) })
	csame := byStep(1, n-1, func(k int) string {
		return fmt.Sprintf("(r.s%d IS NOT NULL AND r.s%d = %s)", k, k, prevStart(k))
	})
	better := "o.st > r.bstep"
	if o.excl {
		better = "(o.st > r.bstep OR (o.st = r.bstep AND r.bexc))"
	}
	out := []string{"(o.st = 1 OR COALESCE(" + pset + ", FALSE)) AS pset", byStep(1, n, prevStart) + " AS pstart",
		"COALESCE(" + csame + ", FALSE) AS csame", better + " AS better"}
	if o.multi {
		filled := byStep(2, n, func(k int) string {
			var ids []string
			for j := 1; j < k; j++ {
				ids = append(ids, fmt.Sprintf("r.i%d_%d", k-1, j))
			}
			return "o.rn IN (" + strings.Join(ids, ", ") + ")"
		})
		out = append(out, "COALESCE(o.multi AND "+filled+", FALSE) AS filled")
	}
	if o.excl {
		pexc := byStep(2, n, func(k int) string { return fmt.Sprintf("r.x%d", k-1) })
		xok := byStep(1, n-1, func(k int) string {
			same := ""
			if k+1 < n {
				same = fmt.Sprintf(" AND NOT (r.s%d IS NOT NULL AND r.s%d = r.s%d)", k+1, k+1, k)
			}
			return fmt.Sprintf("(r.s%d IS NOT NULL AND %s%s AND NOT r.x%d)", k, within("o.t", fmt.Sprintf("r.s%d", k), w), same, k)
		})
		out = append(out, "COALESCE("+pexc+", FALSE) AS pexc", "COALESCE("+xok+", FALSE) AS xok")
	}
	return out
}

// decisions are what the operation does: a step is taken (take), replaces the attempt that
// counts (bupd) and fills slot st (supd); an exclusion hits (xhit).
func (o orderedFold) decisions() []string {
	take := fmt.Sprintf("o.op = %d AND f.pset AND %s AND NOT f.csame", opStep, within("o.t", "f.pstart", o.fp.window))
	if o.multi {
		take += " AND NOT f.filled"
	}
	supd := take
	if o.excl {
		take += " AND (f.better OR NOT f.pexc)"
		supd = take + " AND NOT f.pexc"
	}
	out := []string{"COALESCE(" + take + " AND f.better, FALSE) AS bupd", "COALESCE(" + supd + ", FALSE) AS supd"}
	if o.excl {
		out = append(out, fmt.Sprintf("(o.op = %d AND f.xok) AS xhit", opExclude))
	}
	return out
}

// slotStart is slot k's start after the operation; a strict funnel's reset empties the
// slots the event does not continue.
func (o orderedFold) slotStart(k int) string {
	reset := ""
	if o.fp.order == journey.Strict {
		reset = fmt.Sprintf(" WHEN o.op = %d AND (o.mask & %d) = 0 THEN NULL", opReset, int64(1)<<k)
	}
	return fmt.Sprintf("CASE WHEN g.supd AND o.st = %d THEN f.pstart%s ELSE r.s%d END", k, reset, k)
}

// finish is the select list of the part fin: the furthest step and the gaps between the
// counted attempt's steps.
func (o orderedFold) finish() []string {
	furthest := "bstep"
	if o.excl {
		furthest = "CASE WHEN bexc THEN 0 ELSE bstep END"
	}
	cols := []string{"u", furthest + " AS furthest"}
	for k := 2; k <= o.fp.n; k++ {
		prev := fmt.Sprintf("bt%d", k-1)
		if k == 2 {
			prev = "bstart"
		}
		cols = append(cols, fmt.Sprintf("bt%d - %s AS g%d", k, prev, k))
	}
	return cols
}
