package main

import (
	"bufio"
	"context"
	"fmt"

	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/analysis"
	"github.com/journey-cx/journey/journey/events"
	"github.com/journey-cx/journey/journey/lang"
	"github.com/journey-cx/journey/journey/output"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// eventsCommand is what attribute, whatif and compare share: a map and event files as
// arguments, the reading flags, --lang and --strict, and printing a result.
type eventsCommand struct {
	name    string
	mapPath string
	events  []string
	lang    string
	strict  bool
	columns columnFlags
}

// addFlags registers the shared flags; window says whether the command has a window
// (compare analyzes, attribute and whatif do not).
func (c *eventsCommand) addFlags(f *pflag.FlagSet, window bool) {
	f.StringArrayVar(&c.events, "events", nil, "read event `FILE` (repeatable; - reads standard input)")
	addLangFlag(f, &c.lang)
	f.BoolVar(&c.strict, "strict", false, "fail on the first row that would be skipped")
	if window {
		c.columns.add(f)
	} else {
		c.columns.addReading(f)
	}
}

// runE takes the command's arguments, MAP --events FILE... (see eventFiles), and runs run.
// No event files at all is a usage error.
func (c *eventsCommand) runE(run func(ctx context.Context) error) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, args []string) error {
		var err error
		c.mapPath = args[0]
		if c.events, err = eventFiles(c.name, args, c.events); err != nil {
			return err
		}
		if len(c.events) == 0 {
			return usageError{fmt.Errorf("no event files: give one or more with --events FILE (- reads standard input)")}
		}
		return run(cmd.Context())
	}
}

// load loads the map (printing its diagnostics) and chooses the language of the output.
func (c *eventsCommand) load(e *env) (*journey.Map, *lang.Language, error) {
	m, err := loadMap(e, c.mapPath)
	if err != nil {
		return nil, nil, err
	}
	l, err := chooseLang(c.lang, m)
	return m, l, err
}

// options turns the reading flags into reading and analysis options for m.
func (c *eventsCommand) options(m *journey.Map) (events.Options, analysis.Options, error) {
	eo, ao, err := c.columns.options(m)
	eo.Strict = c.strict
	return eo, ao, err
}

// read reads the event files with eo; see readLog.
func (c *eventsCommand) read(ctx context.Context, e *env, eo events.Options) (*events.Log, error) {
	return readLog(ctx, e, c.events, eo, true)
}

// printResult prints v with p to standard output in language l.
func printResult[T any](e *env, p output.Printer[T], v T, l *lang.Language) error {
	w := bufio.NewWriter(e.stdout)
	if err := p(w, v, e.printOptions(l)); err != nil {
		return err
	}
	return w.Flush()
}
