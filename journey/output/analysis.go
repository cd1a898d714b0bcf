package output

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/analysis"
	"github.com/journey-cx/journey/journey/lang"
)

// Analysis holds the printers of analysis reports; "table" is the default.
var Analysis Registry[*analysis.Report]

func init() {
	Analysis.Register("table", printAnalysisTable)
	Analysis.Register("json", printAnalysisJSON)
	Analysis.Register("csv", printAnalysisCSV)
	Analysis.Register("markdown", printAnalysisMarkdown)
}

// maxOffMap is how many off-map transitions the human formats list.
const maxOffMap = 10

// missing stands for a value that does not exist (a JSON null) in the human formats.
const missing = "-"

// human writes the numbers and words of the formats for people (table, markdown) in one
// language: "1,640" and "59.7%" in English, "1.640" and "59,7%" in Dutch.
type human struct{ *lang.Language }

// percent formats a ratio as a percentage with one decimal.
func (h human) percent(v *float64) string {
	if v == nil {
		return missing
	}
	return h.Percent(*v)
}

// duration formats seconds for people: "45.0s", "12.5m", "3.2h", "4.0d" (English).
func (h human) duration(v *float64) string {
	if v == nil {
		return missing
	}
	return h.Duration(*v)
}

// count formats an integer count with the language's thousands separator.
func (h human) count(n int64) string { return h.Int(n) }

// window formats a window in seconds the way maps write it: "14d", "90m", "45s".
func window(s float64) string { return journey.FormatDuration(s) }

// count formats an integer count for the machine formats.
func count(n int64) string { return strconv.FormatInt(n, 10) }

// dropoff formats a funnel step's drop-off count for the machine formats; "" when there is
// none.
func dropoff(n *int64) string {
	if n == nil {
		return ""
	}
	return count(*n)
}

// KPIValue formats a KPI value (or target bound) in the unit of its metric, in English, as
// error messages show it: "25.0%", "2.0h", "10"; "-" when v is nil.
func KPIValue(metric string, v *float64) string { return human{lang.English()}.kpiValue(metric, v) }

// KPITarget formats a KPI's target in the unit of its metric, in English: ">= 25.0%",
// "<= 2.0h", ">= 10 and <= 20".
func KPITarget(k analysis.KPIResult) string { return human{lang.English()}.kpiTarget(k) }

// kpiValue formats a KPI value (or target bound) in the unit of its metric; "-" when v is
// nil.
func (h human) kpiValue(metric string, v *float64) string {
	switch {
	case v == nil:
		return missing
	case metric == analysis.MetricUsers:
		return h.Float(*v, -1)
	case metric == analysis.MetricMedianTimeToNext:
		return h.duration(v)
	}
	return h.percent(v)
}

// kpiTarget formats a KPI's target in the unit of its metric: ">= 25.0%", ">= 10 and <= 20".
func (h human) kpiTarget(k analysis.KPIResult) string {
	var parts []string
	if k.Min != nil {
		parts = append(parts, ">= "+h.kpiValue(k.Metric, k.Min))
	}
	if k.Max != nil {
		parts = append(parts, "<= "+h.kpiValue(k.Metric, k.Max))
	}
	return strings.Join(parts, " "+h.And+" ")
}

// kpiStatus is "ok" or "missed", in the language.
func (h human) kpiStatus(k analysis.KPIResult) string {
	if k.OK {
		return h.KPIOK
	}
	return h.KPIMissed
}

// kpiSummary counts the KPI targets met and missed: "KPI targets: 1 missed, 2 met", or ""
// when the map sets none. missed wraps the missed count, for emphasis.
func (h human) kpiSummary(ks []analysis.KPIResult, missed func(string) string) string {
	if len(ks) == 0 {
		return ""
	}
	n := 0
	for _, k := range ks {
		if !k.OK {
			n++
		}
	}
	if n == 0 {
		return h.Count(h.KPIAllMetF, int64(len(ks)))
	}
	return fmt.Sprintf(h.KPISomeMissedF, missed(fmt.Sprintf(h.KPIMissedF, h.count(int64(n)))), h.count(int64(len(ks)-n)))
}

// offMapTitle titles the off-map transitions of ts, saying so when offMap lists only the
// most frequent, and, when hint is set, that the json and csv formats list them all.
func (h human) offMapTitle(ts []analysis.Transition, hint bool) string {
	n := 0
	for _, t := range ts {
		if !t.OnMap {
			n++
		}
	}
	if n <= maxOffMap {
		return h.SectionOffMap
	}
	title := fmt.Sprintf(h.SectionOffMapSomeF, h.SectionOffMap, h.count(maxOffMap), h.count(int64(n)))
	if hint {
		title += h.OffMapAllHint
	}
	return title
}

// offMap returns the most frequent transitions that the map does not draw.
func offMap(ts []analysis.Transition) []analysis.Transition {
	var out []analysis.Transition
	for _, t := range ts {
		if !t.OnMap && len(out) < maxOffMap {
			out = append(out, t)
		}
	}
	return out
}

// inputSummary is the one-line account of the rows read.
func (h human) inputSummary(in analysis.Input) string {
	return fmt.Sprintf(h.InputF, h.Count(h.RowsF, in.Rows), h.count(in.Mapped), h.count(in.Unmapped),
		h.count(in.Skipped), h.count(in.Filtered), h.Count(h.UsersF, in.Users))
}

// goalReached is the goal rate: "goal reached by 67 users (27.9%)", or, for a map without
// a goal, that it has none.
func (h human) goalReached(r *analysis.Report) string {
	if r.NoGoal {
		return h.NoGoal
	}
	return h.Count(h.GoalReachedF, r.Goal.Users, h.percent(r.Goal.Rate))
}

// coverageNotes are the coverage report as sentences, for the human formats; quote shows
// user text (event names) safely in the format at hand. The problems of skipped rows are
// diagnostics, which stay in English.
func (h human) coverageNotes(r *analysis.Report, quote func(string) string) []string {
	c := r.Coverage
	var notes []string
	if len(c.UnmatchedTouchpoints) > 0 {
		notes = append(notes, h.CoverageUnmatched+": "+strings.Join(c.UnmatchedTouchpoints, ", "))
	}
	if len(c.UnmappedEvents) > 0 {
		var names []string
		for _, e := range c.UnmappedEvents {
			names = append(names, fmt.Sprintf("%s (%s)", quote(e.Event), h.count(e.Count)))
		}
		notes = append(notes, h.CoverageUnmapped+": "+strings.Join(names, ", "))
	}
	for _, p := range c.Skipped {
		notes = append(notes, fmt.Sprintf(h.CoverageSkippedF, problem(p, quote)))
	}
	for _, p := range c.Warnings {
		notes = append(notes, fmt.Sprintf(h.CoverageWarningF, problem(p, quote)))
	}
	return notes
}

func problem(p analysis.RowProblem, quote func(string) string) string {
	return quote(p.Where() + ": " + p.Message)
}

// funnelTitle names a funnel with its order and window: "Funnel main (ordered, window 30d)".
// The window is written as maps write it.
func (h human) funnelTitle(f analysis.Funnel) string {
	return fmt.Sprintf(h.SectionFunnelF, f.ID, f.Order, window(f.WindowSeconds))
}

// lastStep returns a funnel's last step, for segment summaries.
func lastStep(f analysis.Funnel) analysis.Step {
	if len(f.Steps) == 0 {
		return analysis.Step{}
	}
	return f.Steps[len(f.Steps)-1]
}

// section is one titled table of a human format; rows[0] is the header, and the columns
// from text on hold numbers, but the last tail, which hold text again.
type section struct {
	title string
	text  int
	rows  [][]string
	tail  int
}

// isText reports whether column i of the section's n columns holds text, which is aligned
// left; numbers are aligned right.
func (s section) isText(i, n int) bool { return i < s.text || i >= n-s.tail }

// sections are the tables the human formats show, in order: touchpoints, funnels, off-map
// transitions, KPIs and segments.
func (h human) sections(r *analysis.Report) []section {
	out := []section{{title: h.SectionTouchpoints, text: 2, rows: withCostColumn(h.touchpointRows(r.Touchpoints), h.Language, r.Touchpoints, r.Cost)}}
	for _, f := range r.Funnels {
		out = append(out, section{title: h.funnelTitle(f), text: 2, rows: h.stepRows(f)})
	}
	return append(out,
		section{title: h.offMapTitle(r.Transitions, true), text: 2, rows: h.transitionRows(offMap(r.Transitions))},
		section{title: h.SectionKPIs, text: 3, rows: h.kpiRows(r.KPIs), tail: 1}, // the value is a number, its status not
		section{title: h.SectionSegments, text: 1, rows: withSegmentCost(h.segmentRows(r), h.Language, r)})
}
