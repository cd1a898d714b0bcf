package page

import (
	"github.com/journey-cx/journey/journey/analysis"
	"github.com/journey-cx/journey/journey/lang"
)

// none stands for a value that does not exist (a JSON null).
const none = "–"

// formatter writes numbers the way the page's language writes them.
type formatter struct{ l *lang.Language }

func (f formatter) int(n int64) string { return f.l.Int(n) }

func (f formatter) percent(v *float64) string {
	if v == nil {
		return none
	}
	return f.l.Percent(*v)
}

func (f formatter) duration(v *float64) string {
	if v == nil {
		return none
	}
	return f.l.Duration(*v)
}

// kpiValue writes a KPI value or bound in its metric's unit: a count of users, a time or a
// share.
func (f formatter) kpiValue(metric string, v *float64) string {
	switch {
	case v == nil:
		return none
	case metric == analysis.MetricUsers:
		return f.l.Float(*v, -1)
	case metric == analysis.MetricMedianTimeToNext:
		return f.l.Duration(*v)
	}
	return f.l.Percent(*v)
}

// kpiTarget writes a KPI's target: "≥ 25.0%", "≤ 2.0h", "10 – 20".
func (f formatter) kpiTarget(k analysis.KPIResult) string {
	switch {
	case k.Min != nil && k.Max != nil:
		return f.kpiValue(k.Metric, k.Min) + " – " + f.kpiValue(k.Metric, k.Max)
	case k.Min != nil:
		return "≥ " + f.kpiValue(k.Metric, k.Min)
	}
	return "≤ " + f.kpiValue(k.Metric, k.Max)
}
