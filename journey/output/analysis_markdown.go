package output

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/journey-cx/journey/journey/analysis"
)

// printAnalysisMarkdown writes the report as GitHub-flavoured markdown, for a pull request
// comment: a summary, the touchpoints, the funnels, the off-map flow, the KPIs, the segments
// and the coverage notes.
func printAnalysisMarkdown(w io.Writer, r *analysis.Report, o Options) error {
	h := human{o.Language()}
	b := bufio.NewWriter(w)
	fmt.Fprintf(b, "## %s\n\n", fmt.Sprintf(h.MarkdownTitleF, mdCode(r.Journey)))
	fmt.Fprintf(b, "%s. %s, %s.\n", h.inputSummary(r.Input),
		fmt.Sprintf(h.MarkdownIdentityF, mdCode(r.Identity), window(r.WindowSeconds)), h.goalReached(r))
	if s := CostLine(h.Language, r.Cost); s != "" {
		fmt.Fprintf(b, "\n%s.\n", s)
	}
	if s := h.kpiSummary(r.KPIs, func(s string) string { return "**" + s + "**" }); s != "" {
		fmt.Fprintf(b, "\n%s.\n", s)
	}
	for _, s := range h.sections(r) {
		mdTable(b, s)
	}
	if notes := h.coverageNotes(r, mdCode); len(notes) > 0 {
		fmt.Fprintf(b, "\n### %s\n\n", h.SectionCoverage)
		for _, n := range notes {
			fmt.Fprintf(b, "- %s\n", termEscape(n))
		}
	}
	return b.Flush()
}

// mdTable writes a titled table, numbers aligned right; a table without data rows is left
// out. Every cell is escaped (mdText), so that user text shows as written: a name with
// asterisks or a tag neither emphasises nor runs HTML, and a pipe does not split the cell.
func mdTable(w io.Writer, s section) {
	if len(s.rows) < 2 {
		return
	}
	fmt.Fprintf(w, "\n### %s\n\n", mdText(s.title))
	for i, row := range s.rows {
		cells := make([]string, len(row))
		for j, c := range row {
			cells[j] = mdText(c)
		}
		fmt.Fprintf(w, "| %s |\n", strings.Join(cells, " | "))
		if i == 0 {
			fmt.Fprintln(w, mdRule(s, len(row)))
		}
	}
}

// mdRule is the line under a table's header: text aligned left, numbers right.
func mdRule(s section, n int) string {
	var b strings.Builder
	b.WriteString("|")
	for i := range n {
		if s.isText(i, n) {
			b.WriteString(" --- |")
		} else {
			b.WriteString(" ---: |")
		}
	}
	return b.String()
}

// mdCode writes user text as an inline code span, outside tables. Nothing inside a code span is
// escaped by markdown, so the text is not backslash-escaped: control characters are written as
// Go escapes, and the fence is one backtick longer than the longest run of backticks in the
// text. The text is padded with a space each side when it is empty, begins or ends with a
// backtick, or both begins and ends with a space, as CommonMark strips one such pair.
func mdCode(s string) string {
	s = termEscape(s)
	longest, run := 0, 0
	for _, r := range s {
		if r != '`' {
			run = 0
			continue
		}
		run++
		longest = max(longest, run)
	}
	fence := strings.Repeat("`", longest+1)
	if s == "" || strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") ||
		(strings.HasPrefix(s, " ") && strings.HasSuffix(s, " ")) {
		s = " " + s + " "
	}
	return fence + s + fence
}

func (h human) touchpointRows(tps []analysis.Touchpoint) [][]string {
	rows := [][]string{{h.ColStage, h.ColTouchpoint, h.ColUsers, h.ColEvents, h.ColRepeat, h.ColContinued,
		h.ColConversion, h.ColDropoff, h.ColExits, h.ColMedianToNext}}
	stage := ""
	for _, t := range tps {
		s := t.Stage
		if s == stage {
			s = ""
		}
		stage = t.Stage
		rows = append(rows, []string{s, t.ID, h.count(t.Users), h.count(t.Events), h.count(t.RepeatUsers), h.count(t.Continued),
			h.percent(t.Conversion), h.percent(t.Dropoff), h.count(t.Exits), h.duration(t.MedianSecondsToNext)})
	}
	return rows
}

func (h human) stepRows(f analysis.Funnel) [][]string {
	rows := [][]string{{"#", h.ColStep, h.ColUsers, h.ColFromPrevious, h.ColFromStart, h.ColDropoff, h.ColMeanTime, h.ColMedianTime}}
	for i, s := range f.Steps {
		drop := missing
		if s.Dropoff != nil {
			drop = h.count(*s.Dropoff)
		}
		rows = append(rows, []string{fmt.Sprint(i + 1), s.ID, h.count(s.Users), h.percent(s.ConversionFromPrevious),
			h.percent(s.ConversionFromStart), drop, h.duration(s.MeanSecondsFromPrevious), h.duration(s.MedianSecondsFromPrevious)})
	}
	return rows
}

func (h human) transitionRows(ts []analysis.Transition) [][]string {
	rows := [][]string{{h.ColFrom, h.ColTo, h.ColCount, h.ColUsers}}
	for _, t := range ts {
		rows = append(rows, []string{t.From, t.To, h.count(t.Count), h.count(t.Users)})
	}
	return rows
}

func (h human) kpiRows(ks []analysis.KPIResult) [][]string {
	rows := [][]string{{h.ColTouchpoint, h.ColMetric, h.ColTarget, h.ColValue, h.ColStatus}}
	for _, k := range ks {
		rows = append(rows, []string{k.Touchpoint, k.Metric, h.kpiTarget(k), h.kpiValue(k.Metric, k.Value), h.kpiStatus(k)})
	}
	return rows
}

// segmentRows summarises each segment: its users, goal rate (not for a map without a goal)
// and each funnel's conversion from start to the last step.
func (h human) segmentRows(r *analysis.Report) [][]string {
	if len(r.Segments) == 0 {
		return nil
	}
	head := []string{r.Segments[0].Column, h.ColUsers}
	if !r.NoGoal {
		head = append(head, h.ColGoalRate)
	}
	for _, f := range r.Funnels {
		head = append(head, fmt.Sprintf(h.ColFunnelF, f.ID))
	}
	rows := [][]string{head}
	for _, s := range r.Segments {
		row := []string{s.Value, h.count(s.Input.Users)}
		if !r.NoGoal {
			row = append(row, h.percent(s.Goal.Rate))
		}
		for i := range r.Funnels {
			v := missing
			if i < len(s.Funnels) {
				v = h.percent(lastStep(s.Funnels[i]).ConversionFromStart)
			}
			row = append(row, v)
		}
		rows = append(rows, row)
	}
	return rows
}
