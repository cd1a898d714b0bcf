package warehouse

import (
	"fmt"
	"strings"
)

// orderedFold writes the recursive part that runs an ordered or strict funnel the way the
// CSV engine's attempt slots do. The state of a user is, per slot k (the most recent
// attempt that reached step k): its start sK (NULL when the slot is empty), whether it is
// excluded xK, and the times tK_J and row numbers iK_J of its steps J <= K; and the attempt
// that counts: its step bstep, excluded flag bexc, start bstart and step times btJ. Slot 0,
// the attempt starting at the current instant, needs no state. Slot n keeps only its
// start: nothing reads more of it.
type orderedFold struct {
	fp *funnelPlan
	d  *Dialect
}

// fold returns the recursive part's body.
func (o orderedFold) fold() string {
	return "SELECT " + strings.Join(o.initial(), ", ") + "\nFROM (SELECT DISTINCT uid FROM " + o.fp.name("o") + ") AS u\n" +
		"UNION ALL\nSELECT " + strings.Join(o.next(), ",\n  ") + "\n" +
		"FROM " + o.fp.name("r") + " AS r JOIN " + o.fp.name("o") + " AS o ON o.uid = r.uid AND o.i = r.i + 1\n" +
		"CROSS JOIN LATERAL (SELECT " + strings.Join(o.flags(), ",\n  ") + " OFFSET 0) AS f\n" +
		"CROSS JOIN LATERAL (SELECT " + strings.Join(o.decisions(), ", ") + " OFFSET 0) AS g\n" +
		"WHERE NOT r.fin"
}

// columns lists the state's columns with their types, in order.
func (o orderedFold) columns() [][2]string {
	n := o.fp.n
	cols := [][2]string{{"i", "BIGINT"}, {"fin", "BOOLEAN"}}
	for k := 1; k <= n; k++ {
		cols = append(cols, [2]string{fmt.Sprintf("s%d", k), "BIGINT"})
		if k == n {
			break
		}
		cols = append(cols, [2]string{fmt.Sprintf("x%d", k), "BOOLEAN"})
		for j := 1; j <= k; j++ {
			cols = append(cols, [2]string{fmt.Sprintf("t%d_%d", k, j), "BIGINT"}, [2]string{fmt.Sprintf("i%d_%d", k, j), "BIGINT"})
		}
	}
	cols = append(cols, [2]string{"bstep", "INTEGER"}, [2]string{"bexc", "BOOLEAN"}, [2]string{"bstart", "BIGINT"})
	for j := 1; j <= n; j++ {
		cols = append(cols, [2]string{fmt.Sprintf("bt%d", j), "BIGINT"})
	}
	return cols
}

// initial is the state before a user's first operation: every slot empty.
func (o orderedFold) initial() []string {
	out := []string{"uid"}
	for _, c := range o.columns() {
		v := "NULL"
		switch {
		case c[0] == "i", c[0] == "bstep":
			v = "0"
		case c[1] == "BOOLEAN":
			v = "FALSE"
		}
		out = append(out, "CAST("+v+" AS "+c[1]+") AS "+c[0])
	}
	return out
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
	slot := func(k int) string { return fmt.Sprintf("r.s%d", k) }
	pset := byStep(1, n, func(k int) string {
		if k == 1 {
			return "TRUE"
		}
		return slot(k-1) + " IS NOT NULL"
	})
	pstart := byStep(1, n, func(k int) string {
		if k == 1 {
			return "o.t"
		}
		return slot(k - 1)
	})
	pexc := byStep(1, n, func(k int) string {
		if k == 1 {
			return "FALSE"
		}
		return fmt.Sprintf("r.x%d", k-1)
	})
	csame := byStep(1, n, func(k int) string {
		prev := "o.t"
		if k > 1 {
			prev = slot(k - 1)
		}
		return fmt.Sprintf("(%s IS NOT NULL AND %s = %s)", slot(k), slot(k), prev)
	})
	filled := byStep(2, n, func(k int) string {
		var ids []string
		for j := 1; j < k; j++ {
			ids = append(ids, fmt.Sprintf("r.i%d_%d", k-1, j))
		}
		return "o.rn IN (" + strings.Join(ids, ", ") + ")"
	})
	xok := byStep(1, n-1, func(k int) string {
		return fmt.Sprintf("(%s IS NOT NULL AND o.t - %s <= %d AND NOT (%s IS NOT NULL AND %s = %s) AND NOT r.x%d)",
			slot(k), slot(k), w, slot(k+1), slot(k+1), slot(k), k)
	})
	return []string{
		"COALESCE(" + pset + ", FALSE) AS pset", pstart + " AS pstart", "COALESCE(" + pexc + ", FALSE) AS pexc",
		"COALESCE(" + csame + ", FALSE) AS csame", "COALESCE(o.multi AND " + filled + ", FALSE) AS filled",
		"(o.st > r.bstep OR (o.st = r.bstep AND r.bexc)) AS better", "COALESCE(" + xok + ", FALSE) AS xok",
	}
}

// decisions are what the operation does: a step is taken (take), replaces the attempt that
// counts (bupd) and fills slot st (supd); an exclusion hits (xhit).
func (o orderedFold) decisions() []string {
	take := fmt.Sprintf("(o.op = %d AND f.pset AND o.t - f.pstart <= %d AND NOT f.csame AND NOT f.filled AND (f.better OR NOT f.pexc))",
		opStep, o.fp.window)
	return []string{
		"COALESCE(" + take + " AND f.better, FALSE) AS bupd",
		"COALESCE(" + take + " AND NOT f.pexc, FALSE) AS supd",
		fmt.Sprintf("(o.op = %d AND f.xok) AS xhit", opExclude),
	}
}

// next is the state after the operation.
func (o orderedFold) next() []string {
	n, w := o.fp.n, o.fp.window
	out := []string{"r.uid", "r.i + 1", fmt.Sprintf("o.i = o.nops OR (%s) IS NOT NULL", o.slotStart(n))}
	for k := 1; k <= n; k++ {
		out = append(out, o.slotStart(k))
		if k == n {
			break
		}
		out = append(out, fmt.Sprintf("CASE WHEN g.supd AND o.st = %d THEN FALSE WHEN g.xhit AND o.st = %d THEN TRUE ELSE r.x%d END", k, k, k))
		for j := 1; j <= k; j++ {
			t, i := fmt.Sprintf("r.t%d_%d", k-1, j), fmt.Sprintf("r.i%d_%d", k-1, j)
			if j == k {
				t, i = "o.t", "o.rn"
			}
			out = append(out,
				fmt.Sprintf("CASE WHEN g.supd AND o.st = %d THEN %s ELSE r.t%d_%d END", k, t, k, j),
				fmt.Sprintf("CASE WHEN g.supd AND o.st = %d THEN %s ELSE r.i%d_%d END", k, i, k, j))
		}
	}
	out = append(out, "CASE WHEN g.bupd THEN o.st ELSE r.bstep END",
		fmt.Sprintf("CASE WHEN g.bupd THEN f.pexc WHEN g.xhit AND r.bstep = o.st AND o.t - r.bstart <= %d THEN TRUE ELSE r.bexc END", w),
		"CASE WHEN g.bupd THEN f.pstart ELSE r.bstart END")
	for j := 1; j <= n; j++ {
		prev := byStep(j+1, n, func(k int) string { return fmt.Sprintf("r.t%d_%d", k-1, j) })
		out = append(out, fmt.Sprintf("CASE WHEN g.bupd AND o.st = %d THEN o.t WHEN g.bupd AND o.st > %d THEN %s ELSE r.bt%d END", j, j, prev, j))
	}
	return out
}

// slotStart is slot k's start after the operation.
func (o orderedFold) slotStart(k int) string {
	return fmt.Sprintf("CASE WHEN g.supd AND o.st = %d THEN f.pstart WHEN o.op = %d AND (o.mask & %d) = 0 THEN NULL ELSE r.s%d END",
		k, opReset, int64(1)<<k, k)
}
