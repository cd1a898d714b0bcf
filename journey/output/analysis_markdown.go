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
	b := bufio.NewWriter(w)
	fmt.Fprintf(b, "## Journey %s\n\n", mdCode(r.Journey))
	fmt.Fprintf(b, "%s. Identity %s, window %s, goal reached by %d users (%s).\n",
		inputSummary(r.Input), mdCode(r.Identity), window(r.WindowSeconds), r.Goal.Users, percent(r.Goal.Rate))
	if s := costLine(o.Language(), r.Cost); s != "" {
		fmt.Fprintf(b, "\n%s.\n", s)
	}
	if s := kpiSummary(r.KPIs, func(s string) string { return "**" + s + "**" }); s != "" {
		fmt.Fprintf(b, "\n%s.\n", s)
	}
	for _, s := range sections(r, o.Language()) {
		mdTable(b, s)
	}
	if notes := coverageNotes(r, mdCode); len(notes) > 0 {
		fmt.Fprint(b, "\n### Coverage\n\n")
		for _, n := range notes {
			fmt.Fprintf(b, "- %s\n", termEscape(n))
		}
	}
	return b.Flush()
}

// mdTable writes a titled table, numbers aligned right; a table without data rows is left
// out.
func mdTable(w io.Writer, s section) {
	if len(s.rows) < 2 {
		return
	}
	fmt.Fprintf(w, "\n### %s\n\n", mdEscape(s.title))
	for i, row := range s.rows {
		cells := make([]string, len(row))
		for j, c := range row {
			cells[j] = mdEscape(c)
		}
		fmt.Fprintf(w, "| %s |\n", strings.Join(cells, " | "))
		if i == 0 {
			fmt.Fprintf(w, "|%s%s\n", strings.Repeat(" --- |", s.text), strings.Repeat(" ---: |", len(row)-s.text))
		}
	}
}

// mdEscape keeps user text from breaking a table cell or the layout: pipes are escaped and
// control characters (line breaks included) are written as Go escapes. It is for table cells
// only: outside a table a pipe needs no escape.
func mdEscape(s string) string {
	return termEscape(strings.ReplaceAll(s, "|", `\|`))
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

func touchpointRows(tps []analysis.Touchpoint) [][]string {
	rows := [][]string{{"Stage", "Touchpoint", "Users", "Events", "Repeat", "Continued", "Conversion", "Drop-off", "Exits", "Median to next"}}
	stage := ""
	for _, t := range tps {
		s := t.Stage
		if s == stage {
			s = ""
		}
		stage = t.Stage
		rows = append(rows, []string{s, t.ID, count(t.Users), count(t.Events), count(t.RepeatUsers), count(t.Continued),
			percent(t.Conversion), percent(t.Dropoff), count(t.Exits), duration(t.MedianSecondsToNext)})
	}
	return rows
}

func stepRows(f analysis.Funnel) [][]string {
	rows := [][]string{{"#", "Step", "Users", "From previous", "From start", "Drop-off", "Mean time", "Median time"}}
	for i, s := range f.Steps {
		rows = append(rows, []string{fmt.Sprint(i + 1), s.ID, count(s.Users), percent(s.ConversionFromPrevious),
			percent(s.ConversionFromStart), dropoff(s.Dropoff, missing), duration(s.MeanSecondsFromPrevious), duration(s.MedianSecondsFromPrevious)})
	}
	return rows
}

func transitionRows(ts []analysis.Transition) [][]string {
	rows := [][]string{{"From", "To", "Count", "Users"}}
	for _, t := range ts {
		rows = append(rows, []string{t.From, t.To, count(t.Count), count(t.Users)})
	}
	return rows
}

func kpiRows(ks []analysis.KPIResult) [][]string {
	rows := [][]string{{"Touchpoint", "Metric", "Target", "Value", "Status"}}
	for _, k := range ks {
		rows = append(rows, []string{k.Touchpoint, k.Metric, KPITarget(k), KPIValue(k.Metric, k.Value), kpiStatus(k)})
	}
	return rows
}

// segmentRows summarises each segment: its users, goal rate and each funnel's conversion
// from start to the last step.
func segmentRows(r *analysis.Report) [][]string {
	if len(r.Segments) == 0 {
		return nil
	}
	head := []string{r.Segments[0].Column, "Users", "Goal rate"}
	for _, f := range r.Funnels {
		head = append(head, "Funnel "+f.ID)
	}
	rows := [][]string{head}
	for _, s := range r.Segments {
		row := []string{s.Value, count(s.Input.Users), percent(s.Goal.Rate)}
		for i := range r.Funnels {
			v := missing
			if i < len(s.Funnels) {
				v = percent(lastStep(s.Funnels[i]).ConversionFromStart)
			}
			row = append(row, v)
		}
		rows = append(rows, row)
	}
	return rows
}
