package output

import (
	"fmt"
	"math"
	"strconv"
	"strings"

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

// percent formats a ratio as a percentage with one decimal.
func percent(v *float64) string {
	if v == nil {
		return missing
	}
	return strconv.FormatFloat(*v*100, 'f', 1, 64) + "%"
}

// duration formats seconds for people: "45s", "12.5m", "3.2h", "4.0d".
func duration(v *float64) string {
	if v == nil {
		return missing
	}
	s := *v
	switch {
	case s < 60:
		return strconv.FormatFloat(s, 'f', 1, 64) + "s"
	case s < 3600:
		return strconv.FormatFloat(s/60, 'f', 1, 64) + "m"
	case s < 86400:
		return strconv.FormatFloat(s/3600, 'f', 1, 64) + "h"
	}
	return strconv.FormatFloat(s/86400, 'f', 1, 64) + "d"
}

// window formats a window in seconds the way maps write it: "14d", "90m", "45s".
func window(s float64) string {
	for _, u := range []struct {
		unit string
		secs float64
	}{{"d", 86400}, {"h", 3600}, {"m", 60}} {
		if s >= u.secs && math.Mod(s, u.secs) == 0 {
			return strconv.FormatFloat(s/u.secs, 'f', -1, 64) + u.unit
		}
	}
	return strconv.FormatFloat(s, 'f', -1, 64) + "s"
}

// count formats an integer count.
func count(n int64) string { return strconv.FormatInt(n, 10) }

// dropoff formats a funnel step's drop-off count; none is the text when there is none.
func dropoff(n *int64, none string) string {
	if n == nil {
		return none
	}
	return count(*n)
}

// KPIValue formats a KPI value (or target bound) in the unit of its metric, as the reports
// show it: "25.0%", "2.0h", "10"; "-" when v is nil.
func KPIValue(metric string, v *float64) string {
	switch {
	case v == nil:
		return missing
	case metric == analysis.MetricUsers:
		return strconv.FormatFloat(*v, 'f', -1, 64)
	case metric == analysis.MetricMedianTimeToNext:
		return duration(v)
	}
	return percent(v)
}

// KPITarget formats a KPI's target in the unit of its metric: ">= 25.0%", "<= 2.0h",
// ">= 10 and <= 20".
func KPITarget(k analysis.KPIResult) string {
	var parts []string
	if k.Min != nil {
		parts = append(parts, ">= "+KPIValue(k.Metric, k.Min))
	}
	if k.Max != nil {
		parts = append(parts, "<= "+KPIValue(k.Metric, k.Max))
	}
	return strings.Join(parts, " and ")
}

// kpiStatus is "ok" or "missed".
func kpiStatus(k analysis.KPIResult) string {
	if k.OK {
		return "ok"
	}
	return "missed"
}

// kpiSummary counts the KPI targets met and missed: "KPI targets: 1 missed, 2 met", or ""
// when the map sets none. missed wraps the missed count, for emphasis.
func kpiSummary(ks []analysis.KPIResult, missed func(string) string) string {
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
		return fmt.Sprintf("KPI targets: all %d met", len(ks))
	}
	return fmt.Sprintf("KPI targets: %s, %d met", missed(fmt.Sprintf("%d missed", n)), len(ks)-n)
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
func inputSummary(in analysis.Input) string {
	return fmt.Sprintf("%d rows: %d mapped, %d unmapped, %d skipped, %d filtered; %d users",
		in.Rows, in.Mapped, in.Unmapped, in.Skipped, in.Filtered, in.Users)
}

// coverageNotes are the coverage report as sentences, for the human formats; quote shows
// user text (event names) safely in the format at hand.
func coverageNotes(r *analysis.Report, quote func(string) string) []string {
	c := r.Coverage
	var notes []string
	if len(c.UnmatchedTouchpoints) > 0 {
		notes = append(notes, "touchpoints no row matched: "+strings.Join(c.UnmatchedTouchpoints, ", "))
	}
	if len(c.UnmappedEvents) > 0 {
		var names []string
		for _, e := range c.UnmappedEvents {
			names = append(names, fmt.Sprintf("%s (%d)", quote(e.Event), e.Count))
		}
		notes = append(notes, "most frequent unmapped events: "+strings.Join(names, ", "))
	}
	for _, p := range c.Skipped {
		notes = append(notes, "skipped "+problem(p, quote))
	}
	for _, p := range c.Warnings {
		notes = append(notes, "warning: "+problem(p, quote))
	}
	return notes
}

func problem(p analysis.RowProblem, quote func(string) string) string {
	if p.Line > 0 {
		return quote(fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Message))
	}
	return quote(p.File + ": " + p.Message)
}

// funnelTitle names a funnel with its order and window: "main (ordered, window 30d)".
func funnelTitle(f analysis.Funnel) string {
	return fmt.Sprintf("%s (%s, window %s)", f.ID, f.Order, window(f.WindowSeconds))
}

// lastStep returns a funnel's last step, for segment summaries.
func lastStep(f analysis.Funnel) analysis.Step {
	if len(f.Steps) == 0 {
		return analysis.Step{}
	}
	return f.Steps[len(f.Steps)-1]
}

// section is one titled table of a human format; rows[0] is the header, and the columns
// from text on hold numbers.
type section struct {
	title string
	text  int
	rows  [][]string
}

// sections are the tables the human formats show, in order: touchpoints, funnels, off-map
// transitions, KPIs and segments.
func sections(r *analysis.Report, l *lang.Language) []section {
	out := []section{{"Touchpoints", 2, withCostColumn(touchpointRows(r.Touchpoints), l, r.Touchpoints, r.Cost)}}
	for _, f := range r.Funnels {
		out = append(out, section{"Funnel " + funnelTitle(f), 2, stepRows(f)})
	}
	return append(out,
		section{"Off-map transitions", 2, transitionRows(offMap(r.Transitions))},
		section{"KPIs", 5, kpiRows(r.KPIs)},
		section{"Segments", 1, withSegmentCost(segmentRows(r), l, r)})
}
