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

// funnelPlans compiles the map's funnels.
func (c *compiler) funnelPlans() error {
	first := 0
	for i, f := range c.m.EffectiveFunnels() {
		fp := c.funnelPlan(i, f, first)
		first += len(f.Exclude)
		if fp.n > 62 {
			return fmt.Errorf("funnel %q: %d steps; the warehouse computes funnels of at most 62", f.ID, fp.n)
		}
		c.plans = append(c.plans, fp)
	}
	return nil
}

// funnels writes every funnel's parts and the part fres (funnel, user, furthest step) and
// fgap (funnel, user, step, gap) they add up to.
func (c *compiler) funnels() {
	var res, gaps []string
	for _, fp := range c.plans {
		switch {
		case fp.closedForm():
			c.closed(fp)
		case fp.order == journey.Unordered:
			c.funnelEvents(fp)
			c.unordered(fp)
		default:
			c.funnelEvents(fp)
			c.ordered(fp)
		}
		name := fp.name("fin")
		res = append(res, fmt.Sprintf("SELECT %d AS fid, u, furthest FROM %s WHERE furthest > 0", fp.i, name))
		for k := 2; k <= fp.n; k++ {
			gaps = append(gaps, fmt.Sprintf("SELECT %d AS fid, u, %d AS k, g%d AS v FROM %s WHERE furthest >= %d AND g%d <> 0", fp.i, k, k, name, k, k))
		}
	}
	if len(res) == 0 {
		res = []string{"SELECT 0 AS fid, CAST(0 AS BIGINT) AS u, 0 AS furthest WHERE FALSE"}
	}
	c.add("fres", strings.Join(res, "\nUNION ALL "))
	if len(gaps) == 0 {
		gaps = []string{"SELECT 0 AS fid, CAST(0 AS BIGINT) AS u, 0 AS k, CAST(0 AS BIGINT) AS v WHERE FALSE"}
	}
	c.add("fgap", strings.Join(gaps, "\nUNION ALL "))
	res0, gap0 := part("fres"), part("fgap")
	if c.by() {
		res0 = "(SELECT r.*, s.sg FROM " + part("fres") + " AS r JOIN " + part("usr") + " AS s ON s.u = r.u) AS r"
		gap0 = "(SELECT g.*, s.sg FROM " + part("fgap") + " AS g JOIN " + part("usr") + " AS s ON s.u = g.u) AS g"
	} else {
		gap0 += " AS g"
	}
	sk, group := c.scoped("fid", "furthest")
	c.add("fsc", "SELECT "+sk+", fid, furthest, COUNT(*) AS users FROM "+res0+" "+group)
	c.stats("fstat", "(SELECT fid * 1000 + k AS k, v"+c.segCol()+" FROM "+gap0+") AS x")
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

// col is the name of one of the funnel's columns in the part ev.
func (fp *funnelPlan) col(name string) string { return fmt.Sprintf("%s%d", name, fp.i) }

// keyExpr is an event's step key: which steps its touchpoint fills, 0 for none.
func (fp *funnelPlan) keyExpr() string {
	key := "CASE tp"
	for tp, k := range fp.keys {
		if k != 0 {
			key += fmt.Sprintf(" WHEN %d THEN %d", tp, k)
		}
	}
	return key + " ELSE 0 END"
}

// slotsExpr is an event's exclusion slots (the attempts its exclusions hit, as bits); in an
// unordered funnel, 1 when it has one. Exclusions over the same slots add each slot once.
func (fp *funnelPlan) slotsExpr() string {
	xs := "CAST(0 AS BIGINT)"
	for _, x := range fp.excl {
		v := x.slots
		if fp.order == journey.Unordered {
			v = 1
		}
		xs += fmt.Sprintf(" | CASE WHEN (ex & %d) <> 0 THEN %d ELSE 0 END", x.bit, v)
	}
	return xs
}

// relevant is the condition of the events the funnel looks at: those that fill a step or
// match an exclusion; in strict funnels every row.
func (fp *funnelPlan) relevant() string {
	if fp.order == journey.Strict {
		return "TRUE"
	}
	if len(fp.excl) == 0 {
		return fp.col("k") + " <> 0"
	}
	return fmt.Sprintf("(%s <> 0 OR %s <> 0)", fp.col("k"), fp.col("xs"))
}

// rowColumns are the funnel's columns of a row, computed before the rows are sorted: its
// step key (its step, in a funnel of closed form) and exclusion slots.
func (fp *funnelPlan) rowColumns() []column {
	cols := []column{{fp.keyExpr(), fp.col("k")}}
	if fp.closedForm() {
		cols = []column{{fp.stepExpr(), fp.col("k")}}
	}
	if len(fp.excl) > 0 {
		cols = append(cols, column{fp.slotsExpr(), fp.col("xs")})
	}
	return cols
}

// streamColumns are the funnel's columns of the part ev, windows over the user and the
// instant: fs, the time of the user's first event that can start the funnel (before it,
// every operation leaves the state as it is, so the fold starts there); multi, whether the
// instant's relevant events are of different kinds; gstep (unordered funnels), whether
// one of them fills a step. A funnel of closed form needs none of them.
func (fp *funnelPlan) streamColumns() []column {
	k, xs := fp.col("k"), fp.col("xs")
	cols := []column{{k, k}}
	if len(fp.excl) > 0 {
		cols = append(cols, column{xs, xs})
	}
	if fp.closedForm() {
		return cols
	}
	var starts []string
	for key, st := range fp.lists {
		if st[0] == 1 || fp.order == journey.Unordered {
			starts = append(starts, fmt.Sprint(key+1))
		}
	}
	start := "FALSE"
	if len(starts) > 0 {
		start = k + " IN (" + strings.Join(starts, ", ") + ")"
	}
	cols = append(cols, column{"MIN(CASE WHEN NOT flt AND " + start + " THEN t END) OVER (PARTITION BY uid)", fp.col("fs")},
		column{fp.multiExpr(), fp.col("multi")})
	if fp.order == journey.Unordered {
		cols = append(cols, column{fp.instant("MAX", k) + " > 0", fp.col("gstep")})
	}
	return cols
}

// instant is aggregate f of x over the relevant events of the row's instant.
func (fp *funnelPlan) instant(f, x string) string {
	filter := ""
	if fp.order != journey.Strict {
		filter = " FILTER (WHERE " + fp.relevant() + ")"
	}
	return f + "(" + x + ")" + filter + " OVER (PARTITION BY uid, t)"
}

// multiExpr is whether the relevant events of the row's instant are of different kinds:
// step keys or, with exclusions, exclusion slots.
func (fp *funnelPlan) multiExpr() string {
	k, xs := fp.col("k"), fp.col("xs")
	multi := fp.instant("MIN", k) + " <> " + fp.instant("MAX", k)
	if len(fp.excl) > 0 {
		multi = "(" + multi + " OR " + fp.instant("MIN", xs) + " <> " + fp.instant("MAX", xs) + ")"
	}
	return multi
}

// funnelEvents writes the part e: the events the funnel looks at, from the user's first
// event that can start it on, with their step key, exclusion slots (xs) and whether their
// instant holds events of different kinds (multi).
func (c *compiler) funnelEvents(fp *funnelPlan) {
	xs := "CAST(0 AS BIGINT)"
	if len(fp.excl) > 0 {
		xs = fp.col("xs")
	}
	cols := []column{{"u", "u"}, {"rn", "rn"}, {"t", "t"}, {fp.col("k"), "k"}, {xs, "xs"}, {fp.col("multi"), "multi"}}
	if fp.order == journey.Unordered {
		cols = append(cols, column{fp.col("gstep"), "gstep"})
	}
	c.add(fmt.Sprintf("f%d_e", fp.i), "SELECT "+selectList(cols)+" FROM "+part("ev")+
		"\nWHERE NOT flt AND t >= "+fp.col("fs")+" AND "+fp.relevant())
}

// ops writes the part o: the funnel's operations, each with its event's time, row number
// and step mask, numbered in one order of all users' operations (i), with whether it is
// its user's first and last; from the part of operations ops (columns u, t, k1, k2
// ordering them within an instant, op, st, rn, mask, multi). The fold takes a user's next
// operation by its number alone.
func (c *compiler) ops(fp *funnelPlan, ops string) {
	c.add(fmt.Sprintf("f%d_o0", fp.i), ops)
	w := " OVER (ORDER BY u, t, k1, k2)"
	c.add(fmt.Sprintf("f%d_o", fp.i), "SELECT u, op, st, t, rn, mask, multi, ROW_NUMBER()"+w+" AS i,\n"+
		"  COALESCE(LAG(u)"+w+" <> u, TRUE) AS first, COALESCE(LEAD(u)"+w+" <> u, TRUE) AS last\nFROM "+fp.name("o0"))
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
		} else if len(fp.excl) > 0 {
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
	ops := fmt.Sprintf("SELECT e.u, e.t, e.rn, e.multi, p.op, p.st, p.mask,\n"+
		"  CASE WHEN e.multi THEN p.st ELSE e.rn END AS k1,\n"+
		"  CASE WHEN e.multi THEN e.rn WHEN p.op = %d THEN %d - p.st WHEN p.op = %d THEN %d - p.st ELSE %d END AS k2\n"+
		"FROM %s AS e JOIN %s AS p ON p.k = e.k AND (p.op = %d OR (NOT e.multi AND (p.op = %d OR (e.xs & p.bit) <> 0)))",
		opExclude, n, opStep, 3*n, 4*n, fp.name("e"), fp.name("p"), opStep, opReset)
	c.ops(fp, ops)
	o := newOrderedFold(fp)
	c.add(fmt.Sprintf("f%d_r", fp.i), o.fold())
	c.add(fmt.Sprintf("f%d_fin", fp.i), "SELECT "+strings.Join(o.finish(), ", ")+" FROM "+fp.name("r")+" WHERE fin")
}
