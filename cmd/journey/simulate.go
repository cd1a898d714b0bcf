package main

import (
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"time"

	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/simulate"
	"github.com/spf13/cobra"
)

func init() { register(newSimulateCmd) }

type simulateOptions struct {
	mapPath string
	users   int
	seed    uint64
	start   string
	order   string
	out     string
	lang    string
}

func newSimulateCmd(e *env) *cobra.Command {
	opts := &simulateOptions{}
	cmd := &cobra.Command{
		Use:   "simulate MAP",
		Short: "Generate a synthetic event file for a map",
		Long: `simulate writes a synthetic CSV event file for a journey map, to try analyze and render
on a map before real data exists, or to measure them on millions of rows.

Simulated users enter at the map's entry touchpoints (those no next leads to) and follow
its flow along next. Each visit writes a row that the touchpoint's first events matcher
matches: the event name, and for every where column the first value it asks for. Users drop
off along the way (more often where the emotion is negative), sometimes do a touchpoint
twice, now and then jump off the map, and do events the map does not know. Times start on
a fixed date and grow by the touchpoints' durations plus minutes to days of thinking time.

Rows come in time order, as real exports write them; rows of the same second come in the
order of their users (u1, u2, ...). --order user writes them user by user instead, each
user's in time order: the same rows, so the time-ordered file is the user-ordered one
sorted stably by its timestamp column. Time order holds about 100 bytes per user while it
writes, user order one user at a time.

The columns are the map's identity column (or user_id), timestamp, event, then every column
a where condition names. The same map, options and --seed give the same bytes. A map with
lint errors is refused. The file goes to standard output, or with -o to a file written whole
or not at all; the line that says so is in the map's language, or --lang's.`,
		Example: `  journey simulate shop.journey.yaml --users 1000 -o events.csv
  journey simulate shop.journey.yaml --users 5000000 --seed 7 -o big.csv
  journey simulate shop.journey.yaml --users 1000 --order user -o by-user.csv
  journey simulate shop.journey.yaml --users 200 | journey analyze shop.journey.yaml --events -`,
		Args: mapArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.mapPath = args[0]
			return simulateRun(e, opts)
		},
	}
	f := cmd.Flags()
	f.IntVar(&opts.users, "users", 1000, "number of users to simulate")
	f.Uint64Var(&opts.seed, "seed", 1, "seed of the random generator; the same seed gives the same file")
	f.StringVar(&opts.start, "start", simulate.DefaultStart.Format(time.DateOnly), "earliest day a user starts (YYYY-MM-DD, UTC)")
	f.StringVar(&opts.order, "order", "time", "order of the rows: time (as exports are) or user (user by user)")
	_ = cmd.RegisterFlagCompletionFunc("order", cobra.FixedCompletions(slices.Sorted(maps.Keys(simulateOrders)), cobra.ShellCompDirectiveNoFileComp))
	f.StringVarP(&opts.out, "output", "o", "-", `file to write; "-" is standard output`)
	addLangFlag(f, &opts.lang)
	return cmd
}

func simulateRun(e *env, opts *simulateOptions) error {
	sopts, err := simulateValidate(opts)
	if err != nil {
		return usageError{err}
	}
	m, err := loadMap(e, opts.mapPath)
	if err != nil {
		return err
	}
	l, err := chooseLang(opts.lang, m)
	if err != nil {
		return err
	}
	var stats simulate.Stats
	write := func(w io.Writer) (err error) {
		stats, err = simulate.Write(w, m, sopts)
		return err
	}
	if opts.out == "-" {
		err = write(e.stdout)
	} else {
		err = journey.WriteAtomic(opts.out, 0o644, write)
	}
	if err == nil && !e.quiet && opts.out != "-" {
		fmt.Fprintln(e.stderr, fmt.Sprintf(l.SimulatedF, l.Count(l.RowsF, stats.Rows), l.Count(l.UsersF, int64(stats.Users)), opts.out))
	}
	if err == nil && !e.quiet && !namesEvents(m) {
		fmt.Fprintln(e.stderr, "journey: warning: no touchpoint of the map has events, so every row written is noise that maps to no touchpoint; give the touchpoints events: to simulate their visits")
	}
	return err
}

// namesEvents reports whether some touchpoint of m has events, the rows simulate writes
// for its visits.
func namesEvents(m *journey.Map) bool {
	for _, t := range m.Touchpoints() {
		if len(t.Events) > 0 {
			return true
		}
	}
	return false
}

// simulateValidate checks the flags and turns them into simulation options.
func simulateValidate(opts *simulateOptions) (simulate.Options, error) {
	if opts.users < 1 {
		return simulate.Options{}, fmt.Errorf("--users must be at least 1, found %d", opts.users)
	}
	start, err := time.Parse(time.DateOnly, opts.start)
	if err != nil {
		return simulate.Options{}, fmt.Errorf("--start %q is not a date; expected YYYY-MM-DD", opts.start)
	}
	order, ok := simulateOrders[opts.order]
	if !ok {
		msg := fmt.Sprintf("unknown --order %q; expected time or user", opts.order)
		if s := journey.Suggest(opts.order, []string{"time", "user"}); s != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", s)
		}
		return simulate.Options{}, errors.New(msg)
	}
	if err := outputIsInput(opts.out, opts.mapPath); err != nil {
		return simulate.Options{}, err
	}
	return simulate.Options{Users: opts.users, Seed: opts.seed, Start: start, Order: order}, nil
}

// simulateOrders are the values of --order.
var simulateOrders = map[string]simulate.Order{"time": simulate.ByTime, "user": simulate.ByUser}
