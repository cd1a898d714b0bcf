package main

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/journey-cx/journey/journey/output"
	"github.com/journey-cx/journey/journey/whatif"
	"github.com/spf13/cobra"
)

func init() { register(newWhatifCmd) }

// whatifOptions are the flags and arguments of `journey whatif`.
type whatifOptions struct {
	eventsCommand
	format string
	// changes are the --improve and --skip values in command-line order, each with its
	// flag's name.
	changes [][2]string
}

// changeFlag is --improve or --skip: each value is kept, with the flag's name, in one list
// shared by both, so that their order on the command line is kept.
type changeFlag struct {
	name string
	list *[][2]string
}

func (f changeFlag) String() string { return "" }
func (f changeFlag) Type() string {
	if f.name == "improve" {
		return "T=F"
	}
	return "T"
}
func (f changeFlag) Set(v string) error {
	*f.list = append(*f.list, [2]string{f.name, v})
	return nil
}

func newWhatifCmd(e *env) *cobra.Command {
	opts := &whatifOptions{eventsCommand: eventsCommand{name: "whatif"}}
	cmd := &cobra.Command{
		Use:   "whatif MAP --events FILE... (--improve T=F | --skip T)...",
		Short: "What a change to the journey is worth: fewer exits after a step, or a step skipped",
		Long: `whatif answers "if we halve the drop-off after the account request, how many more first
orders?". It fits the observed flow as a Markov chain: each user walks from (start) through
their mapped touchpoints, in time order, to (goal) at their first goal event, or to (exit)
after their last event, and every step a user took is counted. Then it replays the chain
with the changes given and solves both exactly (a linear system, not a simulation).

  --improve T=F   F of the users who leave after touchpoint T go on instead, as T's other
                  users go on (to other touchpoints or the goal, in proportion). F is a
                  fraction in (0, 1] or a percentage: 0.5 and 50% both halve the exits.
  --skip T        T is taken out of the journey and nobody is lost there: whoever would
                  reach T goes on as T's users go on.

Both may be repeated; they apply in the order given. The answer comes in a sentence, with
the chance to reach a goal now and in the scenario and the expected visits per user of
every touchpoint. The baseline reproduces the data by construction (its goal rate and
visits are the observed ones), which the output checks; only the scenario is the model's.

The reading flags (--id, --time, --event, --tz, --since, --until, --strict) are those of
journey analyze. See the README and SPEC section 7 for the exact definitions.

Exit codes: 0 success; 1 the map has errors, an event file cannot be trusted, a touchpoint
given is unknown, a goal, not visited before a goal or without a way on, or the scenario
traps users in a loop; 2 wrong usage (no change, an F that is not in (0, 1]); 3 a file could
not be read.`,
		Example: `  journey whatif examples/florist/florist.journey.yaml --events examples/florist/events.csv --improve account-approved=0.5
  journey whatif examples/florist/florist.journey.yaml --events examples/florist/events.csv --improve webshop-visit=25% --skip account-request
  journey whatif examples/florist/florist.journey.yaml --events examples/florist/events.csv --skip trade-fair --lang nl
  journey whatif examples/saas/trial.journey.yaml --events examples/saas/events.csv --improve signup=0.3 --format json`,
		Args: mapArgs(-1),
		RunE: opts.runE(func(ctx context.Context) error { return whatifRun(ctx, e, opts) }),
	}
	f := cmd.Flags()
	f.Var(changeFlag{"improve", &opts.changes}, "improve", "F (0 < F <= 1, or a percentage) of the exits after touchpoint T go on instead (repeatable)")
	f.Var(changeFlag{"skip", &opts.changes}, "skip", "take touchpoint T out, nobody lost there (repeatable)")
	f.StringVar(&opts.format, "format", output.Whatif.Names()[0], "output format: "+strings.Join(output.Whatif.Names(), ", "))
	completeFormats(cmd, output.Whatif.Names())
	opts.addFlags(f, false)
	return cmd
}

func whatifRun(ctx context.Context, e *env, opts *whatifOptions) error {
	printer, err := output.Whatif.Lookup(opts.format)
	if err != nil {
		return usageError{err}
	}
	changes, err := opts.parseChanges()
	if err != nil {
		return err
	}
	m, l, err := opts.load(e)
	if err != nil {
		return err
	}
	eo, _, err := opts.options(m)
	if err != nil {
		return err
	}
	whatif.Prepare(m, &eo)
	log, err := opts.read(ctx, e, eo)
	if err != nil {
		return err
	}
	r, err := whatif.Fit(m, log, 0).Run(changes)
	var problem *whatif.Error
	if errors.As(err, &problem) {
		return problemsError{err}
	}
	if err != nil {
		return err
	}
	return printResult(e, printer, r, l)
}

// parseChanges parses the --improve and --skip values, in order; none at all, an empty
// --skip, or an F that does not parse or lies outside (0, 1], is a usage error.
func (opts *whatifOptions) parseChanges() ([]whatif.Change, error) {
	if len(opts.changes) == 0 {
		return nil, usageError{fmt.Errorf("no change: give --improve TOUCHPOINT=F, F a fraction like 0.5 or a percentage like 50%%, or --skip TOUCHPOINT, TOUCHPOINT the id of one of the map's touchpoints")}
	}
	var out []whatif.Change
	for _, c := range opts.changes {
		if c[0] == "skip" {
			if strings.TrimSpace(c[1]) == "" {
				return nil, usageError{fmt.Errorf("--skip %q: expected the id of one of the map's touchpoints", c[1])}
			}
			out = append(out, whatif.Change{Skip: c[1]})
			continue
		}
		ch, err := whatif.ParseImprove(c[1])
		if err != nil {
			return nil, usageError{err}
		}
		out = append(out, ch)
	}
	return out, nil
}
