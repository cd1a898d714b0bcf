package output

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/journey-cx/journey/journey/analysis"
	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"
)

// printAnalysisTable writes the report as terminal tables: the input summary, the
// touchpoints grouped by stage, one table per funnel, the top off-map transitions, the KPIs,
// the segments and the coverage notes. Control characters in user text are escaped.
func printAnalysisTable(w io.Writer, r *analysis.Report, o Options) error {
	h := human{o.Language()}
	b := bufio.NewWriter(w)
	fmt.Fprintln(b, fmt.Sprintf(h.ReportHeadF, termEscape(r.Journey), termEscape(r.Identity), window(r.WindowSeconds)))
	fmt.Fprintf(b, "%s; %s\n", h.inputSummary(r.Input), h.goalReached(r))
	if s := CostLine(h.Language, r.Cost); s != "" {
		fmt.Fprintln(b, s)
	}
	if s := h.kpiSummary(r.KPIs, func(s string) string { return s }); s != "" {
		fmt.Fprintln(b, s)
	}
	for _, s := range h.sections(r) {
		if err := termTable(b, s); err != nil {
			return err
		}
	}
	if notes := h.coverageNotes(r, termEscape); len(notes) > 0 {
		fmt.Fprintf(b, "\n%s\n", h.SectionCoverage)
		for _, n := range notes {
			fmt.Fprintf(b, "  %s\n", n)
		}
	}
	return b.Flush()
}

// termTable writes a titled table, numbers aligned right; a table without data rows is
// left out.
func termTable(w io.Writer, s section) error {
	rows := s.rows
	if len(rows) < 2 {
		return nil
	}
	fmt.Fprintf(w, "\n%s\n", termEscape(s.title))
	align := make([]tw.Align, len(rows[0]))
	for i := range align {
		align[i] = tw.AlignRight
		if s.isText(i, len(align)) {
			align[i] = tw.AlignLeft
		}
	}
	t := tablewriter.NewTable(w,
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithRowAlignmentConfig(tw.CellAlignment{PerColumn: align}),
		tablewriter.WithTrimSpace(tw.Off),
	)
	t.Header(escapeAll(rows[0]))
	for _, row := range rows[1:] {
		if err := t.Append(escapeAll(row)); err != nil {
			return err
		}
	}
	return t.Render()
}

func escapeAll(cells []string) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = termEscape(c)
	}
	return out
}

// termEscape replaces control characters (C0, DEL, C1) with Go escapes, so that user text
// cannot move the cursor or recolour a terminal.
func termEscape(s string) string {
	if !strings.ContainsFunc(s, isControl) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if isControl(r) {
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isControl(r rune) bool { return r < 0x20 || (r >= 0x7f && r < 0xa0) }
