package main

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/attribution"
	"github.com/journey-cx/journey/journey/events"
	"github.com/journey-cx/journey/journey/output"
	"github.com/spf13/cobra"
)

func init() { register(newAttributeCmd) }

// attributeOptions are the flags and arguments of `journey attribute`.
type attributeOptions struct {
	eventsCommand
	format   string
	by       string
	model    string
	halfLife string
	lookback string
	value    string
}

func newAttributeCmd(e *env) *cobra.Command {
	opts := &attributeOptions{eventsCommand: eventsCommand{name: "attribute"}}
	cmd := &cobra.Command{
		Use:   "attribute MAP --events FILE...",
		Short: "Who gets the credit for the goal: by channel, owner, stage or touchpoint",
		Long: `attribute answers "who gets the credit for a new customer: sales, marketing or the call
centre?". A conversion is a user's first event at a goal touchpoint; its path is the user's
touches before it (for users who never reach a goal, all their touches: a path that did not
convert). Each conversion is split over its path's touches by six models, shown side by side:

  first        all to the first touch
  last         all to the last touch
  linear       the same share to every touch (a channel touched twice gets twice)
  position     40% to the first, 40% to the last, 20% over the touches between
  time-decay   touches weigh 2^(-age / half-life), age counted back from the conversion
  markov       the removal effect: how many conversions the journey loses without the
               channel, from the paths as an absorbing Markov chain, solved exactly

Touches are grouped by --by: channel (default), owner, stage or touchpoint; a touchpoint
without that field counts as (none). --model shows one model only. --lookback keeps only
touches at most that long before the path's end; a converting path left without touches is
credited to (direct). --value COLUMN makes each conversion worth the number in that column
of the goal event's row (an order's amount, like 12 or 12.50); a cell that is not such a
number counts 0 and is reported on standard error with its file, line and text (a decimal
comma, as in 12,50, is not read: write 12.50).

The reading flags (--id, --time, --event, --tz, --since, --until, --strict) are those of
journey analyze. See the README and SPEC section 6 for the exact definitions.

Exit codes: 0 success; 1 the map has errors, an event file cannot be trusted, or no event file
has the --value column; 2 wrong usage; 3 a file could not be read.`,
		Example: `  journey attribute examples/florist/florist.journey.yaml --events examples/florist/events.csv
  journey attribute examples/florist/florist.journey.yaml --events examples/florist/events.csv --by owner
  journey attribute examples/florist/florist.journey.yaml --events examples/florist/events.csv --value amount --model markov
  journey attribute examples/saas/trial.journey.yaml --events examples/saas/events.csv --lookback 7d --format json
  journey attribute examples/saas/trial.journey.yaml --events examples/saas/events.csv --by touchpoint --half-life 1d --format csv`,
		Args: mapArgs(-1),
		RunE: opts.runE(func(ctx context.Context) error { return attributeRun(ctx, e, opts) }),
	}
	f := cmd.Flags()
	f.StringVar(&opts.format, "format", output.Attribution.Names()[0], "output format: "+strings.Join(output.Attribution.Names(), ", "))
	completeFormats(cmd, output.Attribution.Names())
	f.StringVar(&opts.by, "by", attribution.ByChannel, "group touches by `WHAT`: "+strings.Join(attribution.Dimensions, ", "))
	f.StringVar(&opts.model, "model", "", "show one `MODEL` only: "+strings.Join(attribution.Models, ", ")+" (default: all)")
	f.StringVar(&opts.halfLife, "half-life", "7d", "the time-decay model's half-life, like 7d or 12h")
	f.StringVar(&opts.lookback, "lookback", "", "keep only touches at most `DURATION` before the path's end, like 30d (default: all)")
	f.StringVar(&opts.value, "value", "", "a conversion is worth the number in `COLUMN` of its goal row (default: 1)")
	opts.addFlags(f, false)
	return cmd
}

func attributeRun(ctx context.Context, e *env, opts *attributeOptions) error {
	printer, err := output.Attribution.Lookup(opts.format)
	if err != nil {
		return usageError{err}
	}
	ao, err := opts.attribution()
	if err != nil {
		return err
	}
	m, l, err := opts.load(e)
	if err != nil {
		return err
	}
	log, err := opts.readValues(ctx, e, m)
	if err != nil {
		return err
	}
	r, err := attribution.Attribute(m, log, ao)
	if err != nil {
		return err
	}
	return printResult(e, printer, r, l)
}

// attribution turns the flags into attribution options; bad values are usage errors.
func (opts *attributeOptions) attribution() (attribution.Options, error) {
	ao := attribution.Options{By: opts.by, Value: opts.value != "", ValueColumn: opts.value}
	if !slices.Contains(attribution.Dimensions, opts.by) {
		return ao, usageError{fmt.Errorf("--by %q: expected one of %s", opts.by, strings.Join(attribution.Dimensions, ", "))}
	}
	if opts.model != "" {
		if !slices.Contains(attribution.Models, opts.model) {
			msg := fmt.Sprintf("--model %q: expected one of %s", opts.model, strings.Join(attribution.Models, ", "))
			if s := journey.Suggest(opts.model, attribution.Models); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			}
			return ao, usageError{fmt.Errorf("%s", msg)}
		}
		ao.Models = []string{opts.model}
	}
	var err error
	if ao.HalfLife, err = durationFlag("half-life", opts.halfLife); err != nil {
		return ao, err
	}
	ao.Lookback, err = durationFlag("lookback", opts.lookback)
	return ao, err
}

// durationFlag parses a duration flag in the map's units; empty gives 0.
func durationFlag(name, v string) (time.Duration, error) {
	if v == "" {
		return 0, nil
	}
	d, err := journey.ParseDuration(v)
	if err != nil {
		return 0, usageError{fmt.Errorf("--%s %q: %w", name, v, err)}
	}
	return d, nil
}

// readValues reads the event files for attribution, and reports on standard error the
// conversions whose value is not a number.
func (opts *attributeOptions) readValues(ctx context.Context, e *env, m *journey.Map) (*events.Log, error) {
	eo, _, err := opts.options(m)
	if err != nil {
		return nil, err
	}
	attribution.Prepare(m, &eo, opts.value)
	log, err := opts.read(ctx, e, eo)
	if err != nil || e.quiet {
		return log, err
	}
	for _, p := range log.ValueProblems {
		fmt.Fprintf(e.stderr, "%s: value: %s\n", where(p), p.Message)
	}
	switch {
	case log.BadValues == 1:
		fmt.Fprintf(e.stderr, "1 conversion has no number in column %q and counts 0\n", opts.value)
	case log.BadValues > 1:
		fmt.Fprintf(e.stderr, "%d conversions in all have no number in column %q and count 0 (the first %d are listed)\n",
			log.BadValues, opts.value, len(log.ValueProblems))
	}
	return log, nil
}
