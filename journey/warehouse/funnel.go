package warehouse

import (
	"fmt"
	"slices"
	"strings"

	"github.com/journey-cx/journey/journey"
)

// Operations of a funnel fold, one row each, applied to a user's state in order.
const (
	opStep    = 1 // an event fills step st of the most recent attempt that can take it
	opExclude = 2 // an excluded event hits the attempt that reached step st
	opReset   = 3 // strict funnels: a row that is no step breaks the attempts
	opPush    = 4 // unordered funnels: an event takes one of its steps
	opRestart = 5 // unordered funnels: an excluded event starts the progress over
)

// funnelPlan is one funnel compiled against the touchpoint indexes, as the CSV engine
// compiles it.
type funnelPlan struct {
	i      int
	f      *journey.Funnel
	order  string
	window int64
	n      int
	steps  [][]int // steps[tp]: the 1-based steps an event at tp fills, ascending
	keys   []int   // keys[tp]: steps[tp] as a small number, 0 for none
	lists  [][]int // lists[key-1]: the steps of key
	excl   []exclusion
}

// exclusion is one funnel exclusion: its bit among the row's exclusion bits and the
// attempt slots (bit k: an attempt that reached step k and not k+1) it applies to.
type exclusion struct {
	bit, slots int64
}

// funnels writes every funnel's parts and the part fres (funnel, user, furthest step) and
// fgap (funnel, user, step, gap) they add up to.
func (c *compiler) funnels() error {
	var res, gaps []string
	first := 0
	for i, f := range c.m.EffectiveFunnels() {
		fp := c.funnelPlan(i, f, first)
		first += len(f.Exclude)
		if fp.n > 62 {
			return fmt.Errorf("funnel %q: %d steps; the warehouse computes funnels of at most 62", f.ID, fp.n)
		}
		c.funnelEvents(fp)
		if fp.order == journey.Unordered {
			c.unordered(fp)
		} else {
			c.ordered(fp)
		}
		name := fmt.Sprintf("%sf%d_fin", ctePrefix, i)
		res = append(res, fmt.Sprintf("SELECT %d AS fid, uid, furthest FROM %s WHERE furthest > 0", i, name))
		for k := 2; k <= fp.n; k++ {
			gaps = append(gaps, fmt.Sprintf("SELECT %d AS fid, uid, %d AS k, g%d AS v FROM %s WHERE furthest >= %d AND g%d <> 0", i, k, k, name, k, k))
		}
	}
	c.add("fres", strings.Join(res, "\nUNION ALL "))
	if len(gaps) == 0 {
		gaps = []string{"SELECT 0 AS fid, '' AS uid, 0 AS k, CAST(0 AS BIGINT) AS v WHERE FALSE"}
	}
	c.add("fgap", strings.Join(gaps, "\nUNION ALL "))
	c.add("fsc", "SELECT s.sk, r.fid, r.furthest, COUNT(*) AS users FROM "+ctePrefix+"fres AS r JOIN "+ctePrefix+
		"scope AS s ON s.uid = r.uid GROUP BY s.sk, r.fid, r.furthest")
	c.add("fgs", "SELECT s.sk, g.fid * 1000 + g.k AS k, g.v FROM "+ctePrefix+"fgap AS g JOIN "+ctePrefix+"scope AS s ON s.uid = g.uid")
	c.stats("fstat", ctePrefix+"fgs")
	return nil
}

// funnelPlan compiles funnel f; first is the bit of its first exclusion.
func (c *compiler) funnelPlan(i int, f *journey.Funnel, first int) *funnelPlan {
	fp := &funnelPlan{i: i, f: f, order: f.Order, window: int64(c.m.EffectiveWindow(f, c.q.Analysis.Window)), n: len(f.Steps)}
	if fp.order == "" {
		fp.order = journey.Ordered
	}
	for _, t := range c.tps {
		var st []int
		for s, id := range f.Steps {
			if id == t.ID || (t.Stage != nil && id == t.Stage.ID) {
				st = append(st, s+1)
			}
		}
		fp.steps = append(fp.steps, st)
		key := 0
		if len(st) > 0 {
			k := slices.IndexFunc(fp.lists, func(x []int) bool { return slices.Equal(x, st) })
			if k < 0 {
				k = len(fp.lists)
				fp.lists = append(fp.lists, st)
			}
			key = k + 1
		}
		fp.keys = append(fp.keys, key)
	}
	for j, x := range f.Exclude {
		from, to := x.From, x.To
		if from == 0 && to == 0 {
			from, to = 1, fp.n
		}
		e := exclusion{bit: int64(1) << (first + j)}
		for k := from; k < to && k < 63; k++ {
			e.slots |= int64(1) << k
		}
		fp.excl = append(fp.excl, e)
	}
	return fp
}

// name is the name of one of the funnel's parts.
func (fp *funnelPlan) name(part string) string { return fmt.Sprintf("%sf%d_%s", ctePrefix, fp.i, part) }

// funnelEvents writes the part e: the events the funnel looks at, with their step key, their
// exclusion slots (xs) and whether their instant holds events of different kinds (multi).
// Ordered and unordered funnels look at events that fill a step or match an exclusion;
// strict funnels at every row. Users without an event that can start the funnel are left
// out: they reach no step.
func (c *compiler) funnelEvents(fp *funnelPlan) {
	key := "CASE tp"
	for tp, k := range fp.keys {
		if k != 0 {
			key += fmt.Sprintf(" WHEN %d THEN %d", tp, k)
		}
	}
	key += " ELSE 0 END"
	xs := "CAST(0 AS BIGINT)"
	for _, x := range fp.excl {
		xs += fmt.Sprintf(" + CASE WHEN (ex & %d) <> 0 THEN %d ELSE 0 END", x.bit, x.slots)
	}
	if fp.order == journey.Unordered {
		xs = "CAST(0 AS BIGINT)"
		for _, x := range fp.excl {
			xs += fmt.Sprintf(" + CASE WHEN (ex & %d) <> 0 THEN 1 ELSE 0 END", x.bit)
		}
	}
	starts := []string{}
	for tp, st := range fp.steps {
		if len(st) > 0 && (st[0] == 1 || fp.order == journey.Unordered) {
			starts = append(starts, fmt.Sprint(tp))
		}
	}
	if len(starts) == 0 {
		starts = []string{"-2"}
	}
	w := fmt.Sprintf("w%d", fp.i) // window names are the query's, not the part's, in some engines
	where := "k <> 0 OR xs <> 0"
	if fp.order == journey.Strict {
		where = "TRUE"
	}
	c.add(fmt.Sprintf("f%d_k", fp.i), "SELECT uid, t, rn, "+key+" AS k, "+xs+" AS xs FROM "+ctePrefix+"ev\n"+
		"WHERE uid IN (SELECT uid FROM "+ctePrefix+"ev WHERE tp IN ("+strings.Join(starts, ", ")+"))")
	c.add(fmt.Sprintf("f%d_e", fp.i), "SELECT uid, t, rn, k, xs, "+
		strings.ReplaceAll("(MIN(k) OVER G <> MAX(k) OVER G OR MIN(xs) OVER G <> MAX(xs) OVER G) AS multi, MAX(k) OVER G > 0 AS gstep\n", "G", w)+
		"FROM "+fp.name("k")+" WHERE "+where+" WINDOW "+w+" AS (PARTITION BY uid, t)")
}

// ops writes the part o: the funnel's operations numbered per user (i), each with its
// event's time, row number, step mask and whether it is the user's last (fin), from the
// part of operations ops (columns uid, t, k1, k2 ordering them within an instant, op, st,
// rn, mask).
func (c *compiler) ops(fp *funnelPlan, ops string) {
	c.add(fmt.Sprintf("f%d_o0", fp.i), ops)
	c.add(fmt.Sprintf("f%d_o", fp.i), "SELECT uid, op, st, t, rn, mask, multi, "+
		"ROW_NUMBER() OVER (PARTITION BY uid ORDER BY t, k1, k2) AS i, "+
		"COUNT(*) OVER (PARTITION BY uid) AS nops\nFROM "+fp.name("o0"))
}

// stepTable writes the part p of the funnel's step templates: per step key, the steps it
// fills (op 1) and the mask of those steps; key 0 carries the exclusion (op 2, one per
// slot) and every key the strict reset (op 3).
func (c *compiler) stepTable(fp *funnelPlan) {
	var rows [][]string
	row := func(key, op, st int, mask int64) {
		rows = append(rows, []string{fmt.Sprint(key), fmt.Sprint(op), fmt.Sprint(st), fmt.Sprint(mask), fmt.Sprint(int64(1) << st)})
	}
	for k := 0; k <= len(fp.lists); k++ {
		var mask int64
		if k > 0 {
			for _, st := range fp.lists[k-1] {
				mask |= int64(1) << st
			}
			for _, st := range fp.lists[k-1] {
				row(k, opStep, st, mask)
			}
		} else {
			for st := 1; st < fp.n; st++ {
				row(0, opExclude, st, 0)
			}
		}
		if fp.order == journey.Strict {
			row(k, opReset, 0, mask)
		}
	}
	c.values(fmt.Sprintf("f%d_p", fp.i), []string{"k", "op", "st", "mask", "bit"}, rows)
}

// ordered writes the fold of an ordered or strict funnel: the operations of the CSV
// engine's attempt slots, one per step an event fills (from the last step to the first,
// or, among different events of one instant, in step order), per exclusion slot an
// excluded event hits, and per strict reset; then a recursive part that applies them one
// by one to each user's slots.
func (c *compiler) ordered(fp *funnelPlan) {
	c.stepTable(fp)
	n := fp.n
	ops := fmt.Sprintf("SELECT e.uid, e.t, e.rn, e.multi, p.op, p.st, p.mask,\n"+
		"  CASE WHEN e.multi THEN p.st ELSE e.rn END AS k1,\n"+
		"  CASE WHEN e.multi THEN e.rn WHEN p.op = %d THEN %d - p.st WHEN p.op = %d THEN %d - p.st ELSE %d END AS k2\n"+
		"FROM %s AS e JOIN %s AS p ON p.k = e.k AND (p.op = %d OR (NOT e.multi AND (p.op = %d OR (e.xs & p.bit) <> 0)))",
		opExclude, n, opStep, 3*n, 4*n, fp.name("e"), fp.name("p"), opStep, opReset)
	c.ops(fp, ops)
	o := orderedFold{fp: fp, d: c.d}
	c.add(fmt.Sprintf("f%d_r", fp.i), o.fold())
	gaps := []string{}
	for k := 2; k <= n; k++ {
		gaps = append(gaps, fmt.Sprintf("bt%d - bt%d AS g%d", k, k-1, k))
	}
	cols := append([]string{"uid", "CASE WHEN bexc THEN 0 ELSE bstep END AS furthest"}, gaps...)
	c.add(fmt.Sprintf("f%d_fin", fp.i), "SELECT "+strings.Join(cols, ", ")+" FROM "+fp.name("r")+" WHERE fin")
}
