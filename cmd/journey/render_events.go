package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/analysis"
	"github.com/journey-cx/journey/journey/events"
	"github.com/spf13/pflag"
)

// columnFlags are the flags that say how event files are read and joined to a map: the
// columns, the time zone, the window and the time range.
type columnFlags struct {
	id, time, event string
	tz              string
	window          string
	since, until    string
}

// add registers the flags on fs.
func (c *columnFlags) add(fs *pflag.FlagSet) {
	fs.StringVar(&c.id, "id", "", "identity `COLUMN` (default: the map's identity, else user_id)")
	fs.StringVar(&c.time, "time", "", "time `COLUMN` (default timestamp)")
	fs.StringVar(&c.event, "event", "", "event name `COLUMN` (default event)")
	fs.StringVar(&c.tz, "tz", "", "time `ZONE` of times written without one, like Europe/Amsterdam (default UTC)")
	fs.StringVar(&c.window, "window", "", "conversion `WINDOW` for every funnel and touchpoint, like 14d (default: the map's)")
	fs.StringVar(&c.since, "since", "", "keep rows at or after `TIME` (RFC 3339 or YYYY-MM-DD)")
	fs.StringVar(&c.until, "until", "", "keep rows before `TIME` (RFC 3339 or YYYY-MM-DD)")
}

// options turns the flags into reading and analysis options for m. Bad values are usage
// errors.
func (c *columnFlags) options(m *journey.Map) (events.Options, analysis.Options, error) {
	eo := events.Options{ID: cmp.Or(c.id, m.Identity, events.DefaultID), Time: c.time, Event: c.event}
	ao := analysis.Options{Identity: eo.ID}
	var err error
	if c.tz != "" {
		if eo.Location, err = time.LoadLocation(c.tz); err != nil {
			return eo, ao, usageError{fmt.Errorf("--tz %q is not a time zone name like Europe/Amsterdam", c.tz)}
		}
	}
	if c.window != "" {
		if ao.Window, err = journey.ParseDuration(c.window); err != nil {
			return eo, ao, usageError{fmt.Errorf("--window %q: %w", c.window, err)}
		}
	}
	if eo.Since, err = flagTime("since", c.since, eo.Location); err != nil {
		return eo, ao, err
	}
	if eo.Until, err = flagTime("until", c.until, eo.Location); err != nil {
		return eo, ao, err
	}
	return eo, ao, analysis.Prepare(m, &eo)
}

// flagTime parses a --since or --until value; empty gives the zero time.
func flagTime(name, v string, loc *time.Location) (time.Time, error) {
	if v == "" {
		return time.Time{}, nil
	}
	if loc == nil {
		loc = time.UTC
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02"} {
		if t, err := time.ParseInLocation(layout, v, loc); err == nil {
			return t, nil
		}
	}
	return time.Time{}, usageError{fmt.Errorf("--%s %q is not a time: expected RFC 3339 (2024-03-01T09:00:00Z) or YYYY-MM-DD", name, v)}
}

// renderReport reads the event files and analyzes them against m. Problems in the event
// files (an *events.Error) are problems in the inputs: exit 1.
func renderReport(ctx context.Context, e *env, m *journey.Map, opts *renderOptions) (*analysis.Report, error) {
	eo, ao, err := opts.columns.options(m)
	if err != nil {
		return nil, err
	}
	log, err := events.Read(ctx, events.Sources(opts.events, e.stdin), eo)
	if err != nil {
		return nil, eventsError(err)
	}
	return analysis.Analyze(m, log, ao), nil
}

// eventsError marks errors about the content of event files as problems in the inputs.
func eventsError(err error) error {
	var pe *events.Error
	if errors.As(err, &pe) {
		return problemsError{err}
	}
	return err
}
