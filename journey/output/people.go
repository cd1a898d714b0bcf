package output

import (
	"github.com/journey-cx/journey/journey/analysis"
	"github.com/journey-cx/journey/journey/lang"
)

// The sentences and numbers of the formats for people, for the HTML page of journey report
// and journey serve, which says the same things as the table and markdown formats in the
// same words.

// InputSummary accounts for the rows read and the goal rate, in language l: "1,640 rows:
// 1,512 mapped, ...; 240 users; goal reached by 67 users (27.9%)", or that the map has
// no goal.
func InputSummary(l *lang.Language, r *analysis.Report) string {
	h := human{l}
	return h.inputSummary(r.Input) + "; " + h.goalReached(r)
}

// KPISummary counts the KPI targets met and missed, in language l: "KPI targets: 1 missed,
// 2 met", or "" when the map sets none.
func KPISummary(l *lang.Language, ks []analysis.KPIResult) string {
	return human{l}.kpiSummary(ks, func(s string) string { return s })
}

// KPIValueIn formats a KPI value (or target bound) in the unit of its metric, in language
// l: "25.0%", "2.0h", "10"; "-" when v is nil.
func KPIValueIn(l *lang.Language, metric string, v *float64) string {
	return human{l}.kpiValue(metric, v)
}

// KPITargetIn formats a KPI's target in the unit of its metric, in language l: ">= 25.0%",
// ">= 10 and <= 20".
func KPITargetIn(l *lang.Language, k analysis.KPIResult) string { return human{l}.kpiTarget(k) }

// KPIStatus is a KPI's status in language l: "ok" or "missed".
func KPIStatus(l *lang.Language, k analysis.KPIResult) string { return human{l}.kpiStatus(k) }

// FunnelTitle names a funnel with its order and window, in language l: "Funnel main
// (ordered, window 30d)".
func FunnelTitle(l *lang.Language, f analysis.Funnel) string { return human{l}.funnelTitle(f) }

// CoverageNotes are the coverage report as sentences, in language l: the touchpoints no row
// matched, the most frequent unmapped events, the rows skipped and the warnings.
func CoverageNotes(l *lang.Language, r *analysis.Report) []string {
	return human{l}.coverageNotes(r, func(s string) string { return s })
}

// OffMap returns the most frequent transitions that the map does not draw, as many as the
// formats for people list.
func OffMap(ts []analysis.Transition) []analysis.Transition { return offMap(ts) }

// OffMapTitle titles the off-map transitions of ts in language l, saying so when OffMap
// lists only the most frequent of them, for a page: without the command's flags.
func OffMapTitle(l *lang.Language, ts []analysis.Transition) string {
	return human{l}.offMapTitle(ts, false)
}
