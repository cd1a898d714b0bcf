package output

import (
	"encoding/csv"
	"io"
	"strconv"

	"github.com/journey-cx/journey/journey/analysis"
)

// csvHeader is the header of the analysis CSV: one number per row, so that a spreadsheet
// can filter and pivot it. section says what the row is about (input, goal, touchpoint,
// transition, funnel, step, kpi, cost, unmatched, unmapped); segment is the --by value, empty
// for the total; parent and id name the thing (stage and touchpoint, from and to, funnel and
// step, touchpoint and KPI metric; a cost's id is its currency); position orders things whose id may repeat (funnel steps)
// or whose rank matters (transitions). An empty value is a null.
var csvHeader = []string{"section", "segment", "parent", "id", "position", "metric", "value"}

// csvWriter writes the rows of the analysis CSV.
type csvWriter struct {
	w       *csv.Writer
	segment string
}

// printAnalysisCSV writes the report as one tidy table (see csvHeader).
func printAnalysisCSV(w io.Writer, r *analysis.Report, _ Options) error {
	c := &csvWriter{w: csv.NewWriter(w)}
	c.w.Write(csvHeader)
	c.all(r.Input, r.Goal, r.Touchpoints, r.Transitions, r.Funnels, r.KPIs)
	c.cost(r.Cost)
	for _, s := range r.Segments {
		c.segment = s.Value
		c.all(s.Input, s.Goal, s.Touchpoints, s.Transitions, s.Funnels, s.KPIs)
		c.cost(s.Cost)
	}
	c.segment = ""
	for _, id := range r.Coverage.UnmatchedTouchpoints {
		c.row("unmatched", "", id, "", "events", "0")
	}
	for i, e := range r.Coverage.UnmappedEvents {
		c.row("unmapped", "", e.Event, strconv.Itoa(i+1), "rows", count(e.Count))
	}
	c.w.Flush()
	return c.w.Error()
}

func (c *csvWriter) all(in analysis.Input, g analysis.Goal, tps []analysis.Touchpoint, ts []analysis.Transition, fs []analysis.Funnel, ks []analysis.KPIResult) {
	for _, kv := range []struct {
		k string
		v int64
	}{{"rows", in.Rows}, {"mapped", in.Mapped}, {"unmapped", in.Unmapped}, {"skipped", in.Skipped},
		{"filtered", in.Filtered}, {"users", in.Users}} {
		c.row("input", "", "", "", kv.k, count(kv.v))
	}
	c.row("goal", "", "", "", "users", count(g.Users))
	c.row("goal", "", "", "", "rate", number(g.Rate))
	for i, t := range tps {
		c.touchpoint(i+1, t)
	}
	for i, t := range ts {
		pos := strconv.Itoa(i + 1)
		c.row("transition", t.From, t.To, pos, "count", count(t.Count))
		c.row("transition", t.From, t.To, pos, "users", count(t.Users))
		c.row("transition", t.From, t.To, pos, "on_map", strconv.FormatBool(t.OnMap))
	}
	for _, f := range fs {
		c.funnel(f)
	}
	for i, k := range ks {
		pos := strconv.Itoa(i + 1)
		c.row("kpi", k.Touchpoint, k.Metric, pos, "value", number(k.Value))
		c.row("kpi", k.Touchpoint, k.Metric, pos, "min", number(k.Min))
		c.row("kpi", k.Touchpoint, k.Metric, pos, "max", number(k.Max))
		c.row("kpi", k.Touchpoint, k.Metric, pos, "ok", strconv.FormatBool(k.OK))
	}
}

func (c *csvWriter) touchpoint(pos int, t analysis.Touchpoint) {
	p := strconv.Itoa(pos)
	for _, kv := range []struct{ k, v string }{
		{"users", count(t.Users)}, {"events", count(t.Events)}, {"repeat_users", count(t.RepeatUsers)},
		{"continued", count(t.Continued)}, {"conversion", number(t.Conversion)}, {"dropoff", number(t.Dropoff)},
		{"exits", count(t.Exits)}, {"median_seconds_to_next", number(t.MedianSecondsToNext)},
		{"cost", number(t.Cost)},
	} {
		c.row("touchpoint", t.Stage, t.ID, p, kv.k, kv.v)
	}
}

func (c *csvWriter) funnel(f analysis.Funnel) {
	c.row("funnel", "", f.ID, "", "window_seconds", strconv.FormatFloat(f.WindowSeconds, 'f', -1, 64))
	for i, s := range f.Steps {
		p := strconv.Itoa(i + 1)
		for _, kv := range []struct{ k, v string }{
			{"users", count(s.Users)}, {"conversion_from_previous", number(s.ConversionFromPrevious)},
			{"conversion_from_start", number(s.ConversionFromStart)}, {"dropoff", dropoff(s.Dropoff)},
			{"mean_seconds_from_previous", number(s.MeanSecondsFromPrevious)},
			{"median_seconds_from_previous", number(s.MedianSecondsFromPrevious)},
		} {
			c.row("step", f.ID, s.ID, p, kv.k, kv.v)
		}
	}
}

// row writes one row; the text cells are guarded against formula injection, the value is
// a number, a boolean or empty.
func (c *csvWriter) row(section, parent, id, position, metric, value string) {
	c.w.Write([]string{section, cellText(c.segment), cellText(parent), cellText(id), position, metric, value})
}

// cellText prefixes a text cell that a spreadsheet would take for a formula with '.
func cellText(s string) string {
	if s != "" && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@') {
		return "'" + s
	}
	return s
}

// number formats a nullable number in full precision, empty for null.
func number(v *float64) string {
	if v == nil {
		return ""
	}
	return strconv.FormatFloat(*v, 'f', -1, 64)
}
