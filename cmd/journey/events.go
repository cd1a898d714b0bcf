package main

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/analysis"
	"github.com/journey-cx/journey/journey/events"
	"github.com/spf13/pflag"
)

// columnFlags are the flags that say how event files are read and joined to a map: the
// columns, the time zone, the window and the time range. by, the segment column, is
// registered by the commands that segment (analyze --by), not by add.
type columnFlags struct {
	id, time, event string
	by              string
	tz              string
	window          string
	since, until    string
}

// add registers the flags on fs.
func (c *columnFlags) add(fs *pflag.FlagSet) {
	c.addReading(fs)
	fs.StringVar(&c.window, "window", "", "conversion `WINDOW` for every funnel and touchpoint, like 14d (default: the map's)")
}

// addReading registers the flags that say how rows are read, without --window, for the
// commands that have no window (attribute, whatif).
func (c *columnFlags) addReading(fs *pflag.FlagSet) {
	fs.StringVar(&c.id, "id", "", "identity `COLUMN` (default: the map's identity, else user_id)")
	fs.StringVar(&c.time, "time", "", "time `COLUMN` (default timestamp)")
	fs.StringVar(&c.event, "event", "", "event name `COLUMN` (default event)")
	fs.StringVar(&c.tz, "tz", "", "IANA time `ZONE` of times written without one, like Europe/Amsterdam, not Local (default UTC)")
	fs.StringVar(&c.since, "since", "", "keep rows at or after `TIME` (RFC 3339 or YYYY-MM-DD)")
	fs.StringVar(&c.until, "until", "", "keep rows before `TIME` (RFC 3339 or YYYY-MM-DD)")
}

// options turns the flags into reading and analysis options for m. Bad values are usage
// errors.
func (c *columnFlags) options(m *journey.Map) (events.Options, analysis.Options, error) {
	eo := events.Options{ID: cmp.Or(c.id, m.Identity, events.DefaultID), Time: c.time, Event: c.event, By: c.by}
	ao := analysis.Options{Identity: eo.ID, By: c.by}
	var err error
	if c.tz != "" {
		if eo.Location, err = loadZone(c.tz); err != nil {
			return eo, ao, usageError{err}
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
	if !eo.Since.IsZero() && !eo.Until.IsZero() && !eo.Since.Before(eo.Until) {
		return eo, ao, usageError{fmt.Errorf("--since %s is not before --until %s: no row could be kept", c.since, c.until)}
	}
	return eo, ao, analysis.Prepare(m, &eo)
}

// flagTime parses a --since or --until value; empty gives the zero time.
func flagTime(name, v string, loc *time.Location) (time.Time, error) {
	if v == "" {
		return time.Time{}, nil
	}
	if t, ok := journey.ParseTime(v, loc); ok {
		return t, nil
	}
	return time.Time{}, usageError{fmt.Errorf("--%s %q is not a time: expected RFC 3339 (2024-03-01T09:00:00Z) or YYYY-MM-DD", name, v)}
}

// readReport reads the event files and analyzes them against m: the one path from event
// files to numbers, shared by analyze, render and compare. See readLog.
func readReport(ctx context.Context, e *env, m *journey.Map, files []string, eo events.Options, ao analysis.Options) (*analysis.Report, error) {
	log, err := readLog(ctx, e, files, eo, true)
	if err != nil {
		return nil, err
	}
	return analysis.Analyze(m, log, ao), nil
}

// readLog reads the event files into a log: the one read every command with events makes.
// Progress is drawn on a terminal; skipped rows and warnings are summarised on standard
// error when summary is set, unless quiet. Problems in the event files come back as
// *events.Error, which exitCode maps to exit 1.
func readLog(ctx context.Context, e *env, files []string, eo events.Options, summary bool) (*events.Log, error) {
	if n := countOf(files, "-"); n > 1 {
		return nil, usageError{fmt.Errorf("--events - (standard input) is given %d times; standard input can be read once", n)}
	}
	done := func() {}
	if e.progress {
		done = progressBar(e.stderr, &eo)
	}
	log, err := events.Read(ctx, events.Sources(files, e.stdin), eo)
	done()
	if err != nil {
		return nil, err
	}
	if summary && !e.quiet {
		skippedSummary(e.stderr, log)
	}
	return log, nil
}

// mapReport reads the event files and analyzes them against m, with the column flags; it
// returns nil when there are no event files (a picture or page without numbers).
func mapReport(ctx context.Context, e *env, m *journey.Map, files []string, columns *columnFlags) (*analysis.Report, error) {
	if len(files) == 0 {
		return nil, nil
	}
	eo, ao, err := columns.options(m)
	if err != nil {
		return nil, err
	}
	return readReport(ctx, e, m, files, eo, ao)
}

// skippedSummary tells on standard error which rows were skipped and why, and the read's
// warnings, as file:line: message.
func skippedSummary(w io.Writer, log *events.Log) {
	for _, p := range log.Skipped {
		fmt.Fprintf(w, "%s: skipped: %s\n", where(p), p.Message)
	}
	if n := log.Counts.Skipped; n > int64(len(log.Skipped)) {
		fmt.Fprintf(w, "%d rows skipped in all (the first %d are listed)\n", n, len(log.Skipped))
	}
	if c := log.Counts; c.Rows > 0 && c.Skipped == c.Rows {
		fmt.Fprintln(w, "journey: warning: every row was skipped, so every number is zero; the reasons above say what to change")
	}
	for _, p := range log.Warnings {
		fmt.Fprintf(w, "%s: warning: %s\n", where(p), p.Message)
	}
}

func where(p events.Problem) string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return p.File
}

// progressBar makes the read report its progress on w (a terminal) and returns the function
// that clears the line when the read is over.
func progressBar(w io.Writer, eo *events.Options) func() {
	var mu sync.Mutex
	last := -1
	eo.Progress = func(read, total int64) {
		mu.Lock()
		defer mu.Unlock()
		mb := read >> 20
		pct := -1
		if total > 0 {
			pct = int(read * 100 / total)
		}
		if key := int(mb)*101 + pct; key != last {
			last = key
			if pct >= 0 {
				fmt.Fprintf(w, "\rreading events: %3d%% (%d MB)", pct, mb)
			} else {
				fmt.Fprintf(w, "\rreading events: %d MB", mb)
			}
		}
	}
	return func() {
		if last >= 0 {
			fmt.Fprint(w, "\r\033[K")
		}
	}
}

// countOf counts the items of list equal to v.
func countOf(list []string, v string) int {
	n := 0
	for _, x := range list {
		if x == v {
			n++
		}
	}
	return n
}
