package page

import (
	"strings"

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

// kpiTarget writes a KPI's target: "≥ 25.0%", "≤ 2.0h", "≥ 10 and ≤ 20".
func (f formatter) kpiTarget(k analysis.KPIResult) string {
	var parts []string
	if k.Min != nil {
		parts = append(parts, "≥ "+f.kpiValue(k.Metric, k.Min))
	}
	if k.Max != nil {
		parts = append(parts, "≤ "+f.kpiValue(k.Metric, k.Max))
	}
	return strings.Join(parts, " "+f.l.And+" ")
}
