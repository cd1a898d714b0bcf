package main

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/analysis"
	"github.com/journey-cx/journey/journey/compare"
	"github.com/journey-cx/journey/journey/lang"
	"github.com/journey-cx/journey/journey/output"
	"github.com/spf13/cobra"
)

func init() { register(newCompareCmd) }

// compareOptions are the flags and arguments of `journey compare`.
type compareOptions struct {
	eventsCommand
	format  string
	groups  string
	periods string
	alpha   float64
	check   bool
}

func newCompareCmd(e *env) *cobra.Command {
	opts := &compareOptions{eventsCommand: eventsCommand{name: "compare"}}
	cmd := &cobra.Command{
		Use:   "compare MAP --events FILE... (--by COLUMN --groups A,B | --periods A..B,C..D)",
		Short: "Compare two groups rate by rate: an A/B test, or one period against another",
		Long: `compare sets two groups of users side by side, A (the baseline) and B, and says which rates
changed significantly: the goal rate, every touchpoint's conversion and every funnel step's
conversion from the start and from the previous step. Each group's numbers are computed
exactly as journey analyze computes them.

  --by COLUMN --groups A,B      an A/B test: the users whose segment (the first value of
                                COLUMN on their mapped rows, as analyze --by takes it) is A
                                or B; (none) names the users without one; a value with a
                                comma or a quote goes in double quotes, a quote in it
                                doubled, as in CSV: --groups '"x,y",z'
  --periods SINCE..UNTIL,SINCE..UNTIL
                                monitoring: the same files analyzed twice, each time with the
                                rows in [SINCE, UNTIL); dates are midnight in --tz (UTC by
                                default), or RFC 3339 times

Every rate comes with B's difference from A, its 95% interval (Newcombe's hybrid score
method) and the p-value of the pooled two-proportion z-test; a rate changed significantly
when p < --alpha (default 0.05). The table leads with those. --check exits 1 when a rate is
significantly lower in B, listing those rates on standard error: a CI job that watches the
journey month over month.

The column flags are those of journey analyze; --since and --until do not go with --periods.
See the README and SPEC section 8 for the exact definitions.

Exit codes: 0 success; 1 the map has errors, an event file cannot be trusted, a group value
no user has, or (with --check) a rate significantly lower in B; 2 wrong usage (both or neither
of --groups and --periods, periods that are empty or overlap); 3 a file could not be read.`,
		Example: `  journey compare examples/florist/florist.journey.yaml --events examples/florist/events.csv --by source --groups linkedin,vakbeurs
  journey compare examples/florist/florist.journey.yaml --events examples/florist/events.csv --periods 2026-03-01..2026-04-01,2026-04-01..2026-05-16
  journey compare examples/saas/trial.journey.yaml --events examples/saas/events.csv --by utm_source --groups google,review-site --format json
  journey compare examples/saas/trial.journey.yaml --events examples/saas/events.csv --periods 2026-01-01..2026-02-15,2026-02-15..2026-04-05 --check`,
		Args: mapArgs(-1),
		RunE: opts.runE(func(ctx context.Context) error { return compareRun(ctx, e, opts) }),
	}
	f := cmd.Flags()
	f.StringVar(&opts.format, "format", output.Compare.Names()[0], "output format: "+strings.Join(output.Compare.Names(), ", "))
	completeFormats(cmd, output.Compare.Names())
	f.StringVar(&opts.columns.by, "by", "", "compare segments of `COLUMN` (with --groups)")
	f.StringVar(&opts.groups, "groups", "", "the two segment values `A,B` to compare, the baseline first (with --by)")
	f.StringVar(&opts.periods, "periods", "", "compare the rows of two periods `SINCE..UNTIL,SINCE..UNTIL` (dates or RFC 3339 times), the baseline first")
	f.Float64Var(&opts.alpha, "alpha", compare.DefaultAlpha, "significance level: a rate changed significantly when its p-value is below it")
	f.BoolVar(&opts.check, "check", false, "exit 1 when a rate is significantly lower in B")
	opts.addFlags(f, true)
	return cmd
}

func compareRun(ctx context.Context, e *env, opts *compareOptions) error {
	printer, err := output.Compare.Lookup(opts.format)
	if err != nil {
		return usageError{err}
	}
	if err := opts.checkModes(); err != nil {
		return err
	}
	m, l, err := opts.load(e)
	if err != nil {
		return err
	}
	r, err := opts.compare(ctx, e, m)
	var problem *compare.Error
	if errors.As(err, &problem) {
		return problemsError{err}
	}
	if err != nil {
		return err
	}
	if err := printResult(e, printer, r, l); err != nil {
		return err
	}
	if opts.check {
		return worseRates(r)
	}
	return nil
}

// checkModes refuses flags that do not make one comparison: exactly one of --by with
// --groups and --periods, an alpha in (0, 1), and no standard input to read twice.
func (opts *compareOptions) checkModes() error {
	bySet, periodsSet := opts.columns.by != "" || opts.groups != "", opts.periods != ""
	switch {
	case bySet && periodsSet:
		return usageError{errors.New("give either --by COLUMN --groups A,B or --periods, not both")}
	case !bySet && !periodsSet:
		return usageError{errors.New("nothing to compare: give --by COLUMN --groups A,B (an A/B test) or --periods SINCE..UNTIL,SINCE..UNTIL")}
	case bySet && (opts.columns.by == "" || opts.groups == ""):
		return usageError{errors.New("--by and --groups go together: --by COLUMN --groups A,B")}
	case !(opts.alpha > 0 && opts.alpha < 1):
		return usageError{fmt.Errorf("--alpha %s: expected a number between 0 and 1, like 0.05", strconv.FormatFloat(opts.alpha, 'g', -1, 64))}
	case periodsSet && (opts.columns.since != "" || opts.columns.until != ""):
		return usageError{errors.New("--since and --until do not go with --periods, which sets each group's time range")}
	case periodsSet && slices.Contains(opts.events, "-"):
		return usageError{errors.New("--periods reads the event files twice, so it cannot read standard input; save it to a file first")}
	}
	return nil
}

// compare reads the events and pairs the two groups' numbers.
func (opts *compareOptions) compare(ctx context.Context, e *env, m *journey.Map) (*compare.Report, error) {
	if opts.periods != "" {
		return opts.comparePeriods(ctx, e, m)
	}
	a, b, err := compare.ParseGroups(opts.groups)
	if err != nil {
		return nil, usageError{err}
	}
	eo, ao, err := opts.options(m)
	if err != nil {
		return nil, err
	}
	r, err := readReport(ctx, e, m, opts.events, eo, ao)
	if err != nil {
		return nil, err
	}
	na, err := compare.Segment(r, opts.columns.by, a)
	if err != nil {
		return nil, err
	}
	nb, err := compare.Segment(r, opts.columns.by, b)
	if err != nil {
		return nil, err
	}
	return compare.Compare(m, na, nb, compare.Groups{Column: opts.columns.by, A: a, B: b}, opts.alpha), nil
}

// comparePeriods analyzes the files once per period.
func (opts *compareOptions) comparePeriods(ctx context.Context, e *env, m *journey.Map) (*compare.Report, error) {
	eo, ao, err := opts.options(m)
	if err != nil {
		return nil, err
	}
	periods, err := compare.ParsePeriods(opts.periods, eo.Location)
	if err != nil {
		return nil, usageError{err}
	}
	var numbers [2]*analysis.Numbers
	for i, p := range periods {
		eo.Since, eo.Until = p.Since, p.Until
		log, err := readLog(ctx, e, opts.events, eo, i == 0)
		if err != nil {
			return nil, err
		}
		numbers[i] = &analysis.Analyze(m, log, ao).Numbers
		if numbers[i].Input.Users == 0 && !e.quiet {
			outside := lang.English().Count(lang.Counted{"%s row was", "%s rows were"}, numbers[i].Input.Filtered)
			fmt.Fprintf(e.stderr, "journey: warning: period %s holds no user with a mapped row (%s outside it); check its dates\n", p.Text, outside)
		}
	}
	g := compare.Groups{A: periods[0].Text, B: periods[1].Text}
	return compare.Compare(m, numbers[0], numbers[1], g, opts.alpha), nil
}

// worseRates is the --check verdict: a problems error listing the rates significantly
// lower in B, or nil.
func worseRates(r *compare.Report) error {
	worse := r.Worse()
	if len(worse) == 0 {
		return nil
	}
	lines := make([]string, len(worse))
	for i, rt := range worse {
		lines[i] = fmt.Sprintf("  %s: %.1f%% -> %.1f%% (p = %.3g)", rt.Label(), 100**rt.A.Rate, 100**rt.B.Rate, *rt.PValue)
	}
	noun := "rates are"
	if len(worse) == 1 {
		noun = "rate is"
	}
	return problemsError{fmt.Errorf("%d %s significantly lower in %s than in %s:\n%s", len(worse), noun, r.Groups.B, r.Groups.A, strings.Join(lines, "\n"))}
}
