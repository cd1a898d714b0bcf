package analysis

import (
	"cmp"
	"math"
	"slices"
)

// touchpointsOf lists the touchpoints' numbers and adds their medians to stats; the slice
// is sized once so that the medians' destinations stay put.
func touchpointsOf(p *plan, a *acc, stats *[]gapStat) []Touchpoint {
	out := make([]Touchpoint, 0, len(p.tps))
	for i, t := range p.tps {
		x := &a.tp[i]
		r := Touchpoint{ID: t.ID, Name: t.Name, Users: x.users, Events: x.events,
			RepeatUsers: x.repeat, Continued: x.continued, Exits: x.exits}
		if t.Stage != nil {
			r.Stage = t.Stage.ID
		}
		if t.Cost != nil {
			r.Cost = float(float64(x.events) * *t.Cost)
		}
		if len(p.next[i]) > 0 {
			r.Conversion = ratio(x.continued, x.users)
			if r.Conversion != nil {
				r.Dropoff = float(1 - *r.Conversion)
			}
		}
		out = append(out, r)
		*stats = append(*stats, gapStat{gaps: &x.gaps, median: &out[i].MedianSecondsToNext})
	}
	return out
}

// costOf adds up the touchpoints' costs; nil when no touchpoint of the map has one.
func costOf(p *plan, tps []Touchpoint, goalUsers int64) *Cost {
	var c *Cost
	for _, t := range tps {
		if t.Cost == nil {
			continue
		}
		if c == nil {
			c = &Cost{}
		}
		c.Total += *t.Cost
	}
	if c == nil {
		return nil
	}
	if goalUsers > 0 {
		c.PerGoalUser = float(c.Total / float64(goalUsers))
	}
	if p.currency != "" {
		c.Currency = &p.currency
	}
	return c
}

// transitionsOf lists the observed directly-follows pairs, most frequent first.
func transitionsOf(p *plan, a *acc) []Transition {
	n := len(p.tps)
	out := []Transition{}
	a.tr.each(func(pair int32, x *pairTally) {
		out = append(out, Transition{From: p.tps[int(pair)/n].ID, To: p.tps[int(pair)%n].ID, Count: x.count,
			Users: x.users, OnMap: p.onMap[pair]})
	})
	slices.SortFunc(out, func(x, y Transition) int {
		return cmp.Or(cmp.Compare(y.Count, x.Count), cmp.Compare(x.From, y.From), cmp.Compare(x.To, y.To))
	})
	return out
}

// funnelsOf lists the funnels' numbers and adds their steps' times to stats; each funnel's
// steps are sized once so that the times' destinations stay put.
func funnelsOf(p *plan, a *acc, stats *[]gapStat) []Funnel {
	out := make([]Funnel, 0, len(p.funnels))
	for i, fp := range p.funnels {
		fa := &a.funnels[i]
		f := Funnel{ID: fp.f.ID, Order: fp.order, WindowSeconds: seconds(fp.window), Steps: make([]Step, fp.n)}
		reached := make([]int64, fp.n+2)
		for k := fp.n; k >= 1; k-- {
			reached[k] = reached[k+1] + fa.furthest[k]
		}
		for k := 1; k <= fp.n; k++ {
			s := &f.Steps[k-1]
			*s = Step{ID: fp.f.Steps[k-1], Users: reached[k], ConversionFromStart: ratio(reached[k], reached[1])}
			if k > 1 {
				s.ConversionFromPrevious = ratio(reached[k], reached[k-1])
				d := reached[k-1] - reached[k]
				s.Dropoff = &d
				*stats = append(*stats, gapStat{gaps: &fa.gaps[k], mean: &s.MeanSecondsFromPrevious,
					median: &s.MedianSecondsFromPrevious})
			}
		}
		out = append(out, f)
	}
	return out
}

// kpisOf checks every KPI target of the map against the measured touchpoints. A value that
// does not exist (no users, no next touchpoint) misses its target; a bound is met within
// KPISlack.
func kpisOf(p *plan, tps []Touchpoint) []KPIResult {
	out := []KPIResult{}
	for i, t := range p.tps {
		for _, k := range t.KPIs {
			r := KPIResult{Touchpoint: t.ID, Metric: k.Metric, Min: k.Min, Max: k.Max, Value: metric(&tps[i], k.Metric)}
			r.OK = r.Value != nil && (k.Min == nil || *r.Value >= *k.Min-KPISlack(*k.Min)) &&
				(k.Max == nil || *r.Value <= *k.Max+KPISlack(*k.Max))
			out = append(out, r)
		}
	}
	return out
}

// KPISlack is how far a value may miss a KPI bound and still meet it: a billionth of the
// bound, or of 1 when the bound is smaller. A drop-off of 3 users in 10 is 1 - 0.7 =
// 0.30000000000000004 in binary floating point, and must meet `max: 0.3`.
func KPISlack(bound float64) float64 { return 1e-9 * max(1, math.Abs(bound)) }

// KPI metric names, as written in maps.
const (
	MetricConversion       = "conversion"
	MetricDropoff          = "dropoff"
	MetricUsers            = "users"
	MetricRepeatRate       = "repeat_rate"
	MetricMedianTimeToNext = "median_time_to_next"
)

func metric(t *Touchpoint, name string) *float64 {
	switch name {
	case MetricConversion:
		return t.Conversion
	case MetricDropoff:
		return t.Dropoff
	case MetricUsers:
		return float(float64(t.Users))
	case MetricRepeatRate:
		return ratio(t.RepeatUsers, t.Users)
	case MetricMedianTimeToNext:
		return t.MedianSecondsToNext
	}
	return nil
}
