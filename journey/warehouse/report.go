package warehouse

import (
	"fmt"
	"strings"

	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/analysis"
)

// report is the expression of the whole report as JSON, the shape of analysis.Report.
func (c *compiler) report() string {
	d := c.d
	c.scopeParts()
	segments := d.EmptyArr
	if c.q.Events.By != "" {
		segments = "(SELECT " + d.Agg(d.Object(append([]string{"'column'", d.Lit(c.q.Events.By), "'value'", "sk"}, c.numbers()...)...),
			d.OrderText("sk")) + " FROM " + ctePrefix + "sj WHERE sk <> '' AND nusers > 0)" // as Report.DropEmptySegments
	}
	pairs := []string{"'journey'", d.Lit(c.m.ID), "'identity'", d.Lit(c.q.Analysis.Identity),
		"'window_seconds'", floatLit(float64(c.window) / 1e9)}
	pairs = append(pairs, c.totalNumbers()...)
	pairs = append(pairs, "'segments'", segments, "'coverage'", "(SELECT j FROM "+ctePrefix+"cov)")
	return d.Object(pairs...)
}

// numbers are the key/value pairs of analysis.Numbers, read from a row of the part sj.
func (c *compiler) numbers() []string {
	return []string{"'input'", "input", "'touchpoints'", "touchpoints", "'transitions'", "transitions",
		"'funnels'", "funnels", "'goal'", "goal", "'cost'", "cost", "'kpis'", "kpis"}
}

// totalNumbers are the pairs of the total's numbers.
func (c *compiler) totalNumbers() []string {
	nums := c.numbers()
	for i := 1; i < len(nums); i += 2 {
		nums[i] = "(SELECT " + nums[i] + " FROM " + ctePrefix + "sj WHERE sk = '')"
	}
	return nums
}

// scopeParts writes sj: per scope, each of the report's numbers as JSON.
func (c *compiler) scopeParts() {
	d := c.d
	input := d.Object("'rows'", "i.nrows", "'mapped'", "i.nmapped", "'unmapped'", "i.nunmapped", "'skipped'", "i.nskipped",
		"'filtered'", "i.nfiltered", "'users'", "i.nusers")
	tp := d.Object("'id'", "l.id", "'name'", "l.name", "'stage'", "l.stage", "'users'", "n.users", "'events'", "n.events",
		"'repeat_users'", "n.nrepeat", "'continued'", "n.continued", "'conversion'", "n.conversion", "'dropoff'", "n.dropoff",
		"'exits'", "n.nexits", "'median_seconds_to_next'", "n.med", "'cost'", "n.cost")
	c.add("tpj", "SELECT n.sk, "+d.Agg(tp, "n.tp")+" AS j FROM "+ctePrefix+"tpn AS n JOIN "+ctePrefix+"tpl AS l ON l.tp = n.tp GROUP BY n.sk")
	tr := d.Object("'from'", "a.id", "'to'", "b.id", "'count'", "x.n", "'users'", "x.users", "'on_map'", c.onMap("x.tp", "x.ntp"))
	c.add("trj", "SELECT x.sk, "+d.Agg(tr, "x.n DESC, "+d.OrderText("a.id")+", "+d.OrderText("b.id"))+" AS j\n"+
		"FROM "+ctePrefix+"str AS x JOIN "+ctePrefix+"tpl AS a ON a.tp = x.tp JOIN "+ctePrefix+"tpl AS b ON b.tp = x.ntp GROUP BY x.sk")
	c.funnelJSON()
	goal := d.Object("'users'", "COALESCE(g.ngoal, 0)", "'rate'", ratio("COALESCE(g.ngoal, 0)", "i.nusers"))
	c.add("sj", "SELECT s.sk, i.nusers, "+input+" AS input, COALESCE(tpj.j, "+d.EmptyArr+") AS touchpoints, COALESCE(trj.j, "+d.EmptyArr+") AS transitions, "+
		"fj.j AS funnels, "+goal+" AS goal, "+c.cost()+" AS cost, "+c.kpis()+" AS kpis\n"+
		"FROM "+ctePrefix+"scopes AS s JOIN "+ctePrefix+"input AS i ON i.sk = s.sk\n"+
		"LEFT JOIN "+ctePrefix+"tpj AS tpj ON tpj.sk = s.sk LEFT JOIN "+ctePrefix+"trj AS trj ON trj.sk = s.sk\n"+
		"LEFT JOIN "+ctePrefix+"fj AS fj ON fj.sk = s.sk LEFT JOIN "+ctePrefix+"goal AS g ON g.sk = s.sk\n"+
		"LEFT JOIN "+ctePrefix+"cost AS c ON c.sk = s.sk")
}

// cost is the expression of a scope's cost object, from the part cost and the goal
// users g; NULL when no touchpoint of the map has a cost.
func (c *compiler) cost() string {
	d := c.d
	total := "CAST(0 AS DOUBLE PRECISION)"
	any := false
	for i, t := range c.tps {
		if t.Cost != nil {
			// Added in document order, as the CSV engine adds them: a sum in another order
			// can differ in its last bit.
			total = fmt.Sprintf("(%s + MAX(CASE WHEN tp = %d THEN cost END))", total, i)
			any = true
		}
	}
	if !any {
		c.add("cost", "SELECT sk, CAST(NULL AS DOUBLE PRECISION) AS total FROM "+ctePrefix+"scopes")
		return "NULL"
	}
	c.add("cost", "SELECT sk, "+total+" AS total FROM "+ctePrefix+"tpn GROUP BY sk")
	currency := "NULL"
	if c.m.Currency != "" {
		currency = d.Lit(c.m.Currency)
	}
	return d.Object("'total'", "c.total", "'per_goal_user'", "CASE WHEN COALESCE(g.ngoal, 0) > 0 THEN c.total / CAST(g.ngoal AS DOUBLE PRECISION) END",
		"'currency'", currency)
}

// onMap is whether the transition a -> b is drawn on the map.
func (c *compiler) onMap(a, b string) string {
	var pairs []string
	for i, t := range c.tps {
		for _, n := range c.m.NextOf(t) {
			pairs = append(pairs, fmt.Sprintf("(%s = %d AND %s = %d)", a, i, b, n.Index))
		}
	}
	if len(pairs) == 0 {
		return "FALSE"
	}
	return "(" + strings.Join(pairs, " OR ") + ")"
}

// funnelJSON writes fj: per scope, the funnels as JSON.
func (c *compiler) funnelJSON() {
	d := c.d
	var rows [][]string
	for i, f := range c.m.EffectiveFunnels() {
		for k, id := range f.Steps {
			rows = append(rows, []string{fmt.Sprint(i), fmt.Sprint(k + 1), d.Lit(id)})
		}
	}
	c.values("fsl", []string{"fid", "k", "id"}, rows)
	// reach: users who reached step k or further, per scope, funnel and step.
	c.add("reach", "SELECT s.sk, l.fid, l.k, l.id, COALESCE(SUM(x.users), 0) AS users\n"+
		"FROM "+ctePrefix+"scopes AS s CROSS JOIN "+ctePrefix+"fsl AS l\n"+
		"LEFT JOIN "+ctePrefix+"fsc AS x ON x.sk = s.sk AND x.fid = l.fid AND x.furthest >= l.k GROUP BY s.sk, l.fid, l.k, l.id")
	step := d.Object("'id'", "r.id", "'users'", "r.users",
		"'conversion_from_previous'", "CASE WHEN r.k > 1 THEN "+ratio("r.users", "p.users")+" END",
		"'conversion_from_start'", ratio("r.users", "f1.users"),
		"'dropoff'", "CASE WHEN r.k > 1 THEN p.users - r.users END",
		"'mean_seconds_from_previous'", mean("st"), "'median_seconds_from_previous'", median("st"))
	c.add("stj", "SELECT r.sk, r.fid, "+d.Agg(step, "r.k")+" AS j\nFROM "+ctePrefix+"reach AS r\n"+
		"JOIN "+ctePrefix+"reach AS f1 ON f1.sk = r.sk AND f1.fid = r.fid AND f1.k = 1\n"+
		"LEFT JOIN "+ctePrefix+"reach AS p ON p.sk = r.sk AND p.fid = r.fid AND p.k = r.k - 1\n"+
		"LEFT JOIN "+ctePrefix+"fstat AS st ON st.sk = r.sk AND st.k = r.fid * 1000 + r.k AND r.k > 1\nGROUP BY r.sk, r.fid")
	var frows [][]string
	for i, f := range c.m.EffectiveFunnels() {
		order := f.Order
		if order == "" {
			order = journey.Ordered
		}
		w := c.m.EffectiveWindow(f, c.q.Analysis.Window)
		frows = append(frows, []string{fmt.Sprint(i), d.Lit(f.ID), d.Lit(order), floatLit(w.Seconds())})
	}
	c.values("fl", []string{"fid", "id", "ord", "ws"}, frows)
	fn := d.Object("'id'", "l.id", "'order'", "l.ord", "'window_seconds'", "l.ws", "'steps'", "x.j")
	c.add("fj", "SELECT x.sk, "+d.Agg(fn, "l.fid")+" AS j FROM "+ctePrefix+"stj AS x JOIN "+ctePrefix+"fl AS l ON l.fid = x.fid GROUP BY x.sk")
}

// kpis is the expression of a scope's KPI results, from the touchpoint numbers tpn.
func (c *compiler) kpis() string {
	d := c.d
	var objs []string
	for i, t := range c.tps {
		for _, k := range t.KPIs {
			v := "(SELECT " + c.metric(k.Metric) + " FROM " + ctePrefix + "tpn AS m WHERE m.sk = s.sk AND m.tp = " + fmt.Sprint(i) + ")"
			ok := []string{"v IS NOT NULL"}
			pairs := []string{"'touchpoint'", d.Lit(t.ID), "'metric'", d.Lit(k.Metric)}
			if k.Min != nil {
				pairs = append(pairs, "'min'", floatLit(*k.Min))
				ok = append(ok, "v >= "+floatLit(*k.Min-analysis.KPISlack(*k.Min)))
			}
			if k.Max != nil {
				pairs = append(pairs, "'max'", floatLit(*k.Max))
				ok = append(ok, "v <= "+floatLit(*k.Max+analysis.KPISlack(*k.Max)))
			}
			pairs = append(pairs, "'value'", "v", "'ok'", "COALESCE("+strings.Join(ok, " AND ")+", FALSE)")
			objs = append(objs, "(SELECT "+d.Object(pairs...)+" FROM (SELECT "+v+" AS v) AS kv)")
		}
	}
	if len(objs) == 0 {
		return d.EmptyArr
	}
	rows := make([]string, len(objs))
	for i, o := range objs {
		rows[i] = fmt.Sprintf("SELECT %d AS n, %s AS j", i, o)
	}
	return "(SELECT " + d.Agg("j", "n") + " FROM (" + strings.Join(rows, " UNION ALL ") + ") AS k)"
}

// metric is the value of a KPI metric from a row m of tpn, as analysis computes it.
func (c *compiler) metric(name string) string {
	switch name {
	case analysis.MetricConversion:
		return "m.conversion"
	case analysis.MetricDropoff:
		return "m.dropoff"
	case analysis.MetricUsers:
		return "CAST(m.users AS DOUBLE PRECISION)"
	case analysis.MetricRepeatRate:
		return ratio("m.nrepeat", "m.users")
	case analysis.MetricMedianTimeToNext:
		return "m.med"
	}
	return "CAST(NULL AS DOUBLE PRECISION)"
}
