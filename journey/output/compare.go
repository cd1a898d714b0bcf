package output

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"

	"github.com/journey-cx/journey/journey/compare"
	"github.com/journey-cx/journey/journey/lang"
	"github.com/journey-cx/journey/journey/stats"
)

// Compare holds the printers of comparisons; "table" is the default.
var Compare Registry[*compare.Report]

func init() {
	Compare.Register("table", printCompareTable)
	Compare.Register("json", printJSON[*compare.Report])
	Compare.Register("csv", printCompareCSV)
	Compare.Register("markdown", printCompareMarkdown)
}

// printCompareTable leads with what changed significantly, then lists every rate.
func printCompareTable(w io.Writer, r *compare.Report, o Options) error {
	b := bufio.NewWriter(w)
	l := o.Language()
	fmt.Fprintln(b, termEscape(compareTitle(r, l)))
	fmt.Fprintln(b)
	head, changes := compareChanges(r, l)
	fmt.Fprintln(b, head)
	for _, c := range changes {
		fmt.Fprintf(b, "  %s\n", termEscape(c))
	}
	if err := termTable(b, compareSection(r, l)); err != nil {
		return err
	}
	return b.Flush()
}

// printCompareMarkdown writes the same as the table, as markdown.
func printCompareMarkdown(w io.Writer, r *compare.Report, o Options) error {
	b := bufio.NewWriter(w)
	l := o.Language()
	fmt.Fprintf(b, "## %s\n\n", mdText(compareTitle(r, l)))
	head, changes := compareChanges(r, l)
	fmt.Fprintln(b, head)
	if len(changes) > 0 {
		fmt.Fprintln(b)
	}
	for _, c := range changes {
		fmt.Fprintf(b, "- %s\n", mdText(c))
	}
	mdTable(b, compareSection(r, l))
	return b.Flush()
}

// compareTitle names the groups.
func compareTitle(r *compare.Report, l *lang.Language) string {
	if r.Groups.Column != "" {
		return fmt.Sprintf(l.CompareSegmentsF, r.Journey, r.Groups.A, r.Groups.B, r.Groups.Column)
	}
	return fmt.Sprintf(l.ComparePeriodsF, r.Journey, r.Groups.A, r.Groups.B)
}

// compareChanges is the heading of the significant changes and one line for each.
func compareChanges(r *compare.Report, l *lang.Language) (string, []string) {
	alpha := l.Float(r.Alpha, -1)
	sig := r.Significant()
	if len(sig) == 0 {
		return fmt.Sprintf(l.NothingSignificantF, alpha), nil
	}
	var lines []string
	for _, rt := range sig {
		lines = append(lines, fmt.Sprintf(l.ChangeLineF, rateLabel(l, rt), rateCell(l, rt.A), rateCell(l, rt.B),
			signedPoints(l, *rt.Difference), interval(l, rt.Comparison), "p "+pRelation(l, *rt.PValue)))
	}
	return fmt.Sprintf(l.SignificantF, alpha), lines
}

// compareSection is the table of every rate.
func compareSection(r *compare.Report, l *lang.Language) section {
	rows := [][]string{{l.Rate, "A", "B", l.Difference, l.Interval, l.PValue, l.Significant}}
	for _, rt := range r.Rates {
		diff := missing
		if rt.Difference != nil {
			diff = signedPoints(l, *rt.Difference)
		}
		yes := l.No
		if rt.Significant {
			yes = l.Yes
		}
		rows = append(rows, []string{rateLabel(l, rt), groupCell(l, rt.A), groupCell(l, rt.B), diff,
			interval(l, rt.Comparison), pValue(l, rt.PValue), yes})
	}
	return section{title: l.AllRates, text: 1, rows: rows}
}

// rateLabel names a rate for people.
func rateLabel(l *lang.Language, rt compare.Rate) string {
	switch rt.Metric {
	case compare.Conversion:
		return fmt.Sprintf(l.RateConversionF, rt.Touchpoint)
	case compare.FromStart:
		return fmt.Sprintf(l.RateFromStartF, rt.Funnel, rt.Step, rt.StepID)
	case compare.FromPrevious:
		return fmt.Sprintf(l.RateFromPreviousF, rt.Funnel, rt.Step, rt.StepID)
	}
	return l.RateGoal
}

// rateCell is a group's rate, "-" without users.
func rateCell(l *lang.Language, g stats.Group) string {
	if g.Rate == nil {
		return missing
	}
	return l.Percent(*g.Rate)
}

// groupCell is a group's rate with its x of n: "59.7% (120/201)".
func groupCell(l *lang.Language, g stats.Group) string {
	return fmt.Sprintf("%s (%s/%s)", rateCell(l, g), l.Int(g.X), l.Int(g.N))
}

// interval writes the 95% interval of the difference in points, "-" without one.
func interval(l *lang.Language, c stats.Comparison) string {
	if c.CI == nil {
		return missing
	}
	return fmt.Sprintf(l.IntervalF, signed(l, c.CI[0]*100, 1), signed(l, c.CI[1]*100, 1))
}

// pValue writes a p-value with three decimals, "< 0.001" below that, "-" without one.
func pValue(l *lang.Language, p *float64) string {
	switch {
	case p == nil:
		return missing
	case *p < 0.001:
		return "< " + l.Float(0.001, 3)
	}
	return l.Float(*p, 3)
}

// pRelation writes a p-value for a sentence: "= 0.031", "< 0.001".
func pRelation(l *lang.Language, p float64) string {
	if p < 0.001 {
		return pValue(l, &p)
	}
	return "= " + pValue(l, &p)
}

// printCompareCSV writes one row per rate, with every number of it.
func printCompareCSV(w io.Writer, r *compare.Report, _ Options) error {
	c := csv.NewWriter(w)
	c.Write([]string{"metric", "touchpoint", "funnel", "step", "a_x", "a_n", "a_rate", "b_x", "b_n", "b_rate",
		"difference", "relative", "ci_lower", "ci_upper", "p_value", "significant"})
	for _, rt := range r.Rates {
		step := ""
		if rt.Step > 0 {
			step = strconv.Itoa(rt.Step)
		}
		lo, hi := "", ""
		if rt.CI != nil {
			lo, hi = number(&rt.CI[0]), number(&rt.CI[1])
		}
		c.Write([]string{rt.Metric, cellText(rt.Touchpoint), cellText(rt.Funnel), step,
			count(rt.A.X), count(rt.A.N), number(rt.A.Rate), count(rt.B.X), count(rt.B.N), number(rt.B.Rate),
			number(rt.Difference), number(rt.Relative), lo, hi, number(rt.PValue), strconv.FormatBool(rt.Significant)})
	}
	c.Flush()
	return c.Error()
}
