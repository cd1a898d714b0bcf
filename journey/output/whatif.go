package output

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/journey-cx/journey/journey/lang"
	"github.com/journey-cx/journey/journey/whatif"
)

// Whatif holds the printers of what-if reports; "table" is the default. There is no csv:
// a scenario is a story with a few numbers, not a table to pivot.
var Whatif Registry[*whatif.Report]

func init() {
	Whatif.Register("table", printWhatifTable)
	Whatif.Register("json", printJSON[*whatif.Report])
	Whatif.Register("markdown", printWhatifMarkdown)
}

// printWhatifTable writes the answer, the check, the outcome and the expected visits.
func printWhatifTable(w io.Writer, r *whatif.Report, o Options) error {
	b := bufio.NewWriter(w)
	l := o.Language()
	title, answer, check := whatifLines(r, l)
	fmt.Fprintf(b, "%s\n\n%s\n\n%s\n%s\n", termEscape(title), termEscape(answer), termEscape(check), l.ScenarioNote)
	for _, s := range whatifSections(r, l) {
		if err := termTable(b, s); err != nil {
			return err
		}
	}
	return b.Flush()
}

// printWhatifMarkdown writes the same as the table, as markdown.
func printWhatifMarkdown(w io.Writer, r *whatif.Report, o Options) error {
	b := bufio.NewWriter(w)
	l := o.Language()
	title, answer, check := whatifLines(r, l)
	fmt.Fprintf(b, "## %s\n\n**%s**\n\n%s %s\n", mdText(title), mdText(answer), mdText(check), l.ScenarioNote)
	for _, s := range whatifSections(r, l) {
		mdTable(b, s)
	}
	return b.Flush()
}

// whatifLines are the title, the answer in a consultant's words, and the check. The answer
// says nothing changed only when the outcome table shows no change: the rate and the goal
// users as it writes them.
func whatifLines(r *whatif.Report, l *lang.Language) (title, answer, check string) {
	title = fmt.Sprintf(l.WhatifTitleF, r.Journey, l.Count(l.UsersF, r.Users))
	changes := capitalize(changeText(r, l))
	goal := l.AGoal
	if r.Goal != "" {
		goal = fmt.Sprintf(l.NameF, r.Goal)
	}
	if l.Percent(r.Baseline.P) == l.Percent(r.Scenario.P) && l.Float(r.Baseline.GoalUsers, 1) == l.Float(r.Scenario.GoalUsers, 1) {
		answer = fmt.Sprintf(l.WhatifSameF, changes, l.Percent(r.Baseline.P), goal)
	} else {
		words, diff := l.WhatifMoreF, r.Difference.GoalUsers
		if diff < 0 {
			words, diff = l.WhatifFewerF, -diff
		}
		n, form := about(l, diff), words[1]
		if n == l.Int(1) {
			form = words[0]
		}
		answer = fmt.Sprintf(form, n, changes, goal, l.Count(l.UsersF, r.Users), l.Percent(r.Baseline.P), l.Percent(r.Scenario.P))
	}
	check = l.Count(l.CheckOKF, r.Users, l.Int(r.GoalUsers), l.Percent(r.ObservedGoalRate))
	if !r.BaselineMatchesObserved {
		check = fmt.Sprintf(l.CheckFailedF, l.Percent(r.Baseline.P), l.Percent(r.ObservedGoalRate))
	}
	return title, answer, check
}

// changeText describes the changes, in order: "halving the exits after Account
// goedgekeurd, then skipping Vakbeurs".
func changeText(r *whatif.Report, l *lang.Language) string {
	parts := make([]string, len(r.Changes))
	for i, c := range r.Changes {
		name := fmt.Sprintf(l.NameF, r.ChangeNames[i])
		switch {
		case c.Skip != "":
			parts[i] = fmt.Sprintf(l.SkipF, name)
		case c.By == 0.5:
			parts[i] = fmt.Sprintf(l.ImproveHalfF, name)
		case c.By == 1:
			parts[i] = fmt.Sprintf(l.ImproveAllF, name)
		default:
			parts[i] = fmt.Sprintf(l.ImproveF, name, l.Percent(c.By))
		}
	}
	return strings.Join(parts, l.Then)
}

// about rounds a number of users the way a consultant says it: whole from 1 up ("6"), one
// decimal below ("0.4"), and below 0.05 as many decimals as its first digit needs ("0.02").
func about(l *lang.Language, v float64) string {
	switch a := math.Abs(v); {
	case a >= 1:
		return l.Float(math.Round(v), 0)
	case a >= 0.05 || a == 0:
		return l.Float(v, 1)
	default:
		// less a little: 0.01 computed as 0.00999… is still given to its first digit
		return l.Float(v, min(int(math.Ceil(-math.Log10(a)-1e-9)), 9))
	}
}

// whatifSections are the outcome (the chance to reach a goal and the goal users, now and
// in the scenario) and the expected visits per user of every touchpoint.
func whatifSections(r *whatif.Report, l *lang.Language) []section {
	outcome := [][]string{{"", l.Now, l.Scenario, l.Change},
		{l.ReachGoal, l.Percent(r.Baseline.P), l.Percent(r.Scenario.P), signedPoints(l, r.Difference.P)},
		{l.GoalUsers, l.Float(r.Baseline.GoalUsers, 1), l.Float(r.Scenario.GoalUsers, 1), signed(l, r.Difference.GoalUsers, 1)}}
	visits := [][]string{{capitalize(l.DimTouchpoint), l.Name, l.Now, l.Scenario, l.Change}}
	for _, t := range r.Touchpoints {
		v := t.Visits
		visits = append(visits, []string{t.ID, t.Name, l.Float(v.Baseline, 2), l.Float(v.Scenario, 2), signed(l, v.Scenario-v.Baseline, 2)})
	}
	return []section{{title: l.Outcome, text: 1, rows: outcome}, {title: l.ExpectedVisits, text: 2, rows: visits}}
}

// signed writes v with prec decimals and its sign: "+6.3", "-0.12", "0.0".
func signed(l *lang.Language, v float64, prec int) string {
	s := l.Float(v, prec)
	if v > 0 && s != l.Float(0, prec) {
		return "+" + s
	}
	if strings.Trim(s, "-0.,") == "" {
		return l.Float(0, prec)
	}
	return s
}

// signedPoints writes a difference of ratios in percentage points: "+2.6 pt".
func signedPoints(l *lang.Language, d float64) string { return signed(l, d*100, 1) + l.Points }
