package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/analysis"
	"github.com/journey-cx/journey/journey/events"
	"github.com/journey-cx/journey/journey/warehouse"
	"github.com/spf13/pflag"
)

// dbFlags read the events from a database table instead of files (SPEC section 10).
type dbFlags struct {
	url, table string
}

// add registers --db and --table on fs.
func (d *dbFlags) add(fs *pflag.FlagSet) {
	fs.StringVar(&d.url, "db", "", "compute the numbers in the database at `URL` (postgres://..., duckdb:PATH; default $JOURNEY_DB)")
	fs.StringVar(&d.table, "table", "", "the `TABLE` or view (schema.table allowed; \"my.table\" for a name with a dot) that holds the events, with --db")
}

// use reports whether the events come from a database: --db or --table was given. It
// checks the combination with event files and fills the URL from JOURNEY_DB.
func (d *dbFlags) use(eventFiles []string) (bool, error) {
	if d.url == "" && d.table == "" {
		return false, nil
	}
	if len(eventFiles) > 0 {
		return false, usageError{fmt.Errorf("--db and --table read the events from a database: leave --events out")}
	}
	if d.url == "" {
		d.url = os.Getenv("JOURNEY_DB")
	}
	if d.url == "" {
		return false, usageError{fmt.Errorf("--table needs a database: give --db URL or set JOURNEY_DB")}
	}
	if d.table == "" {
		return false, usageError{fmt.Errorf("--db needs the table that holds the events: give --table NAME")}
	}
	if _, err := warehouse.SplitTable(d.table); err != nil {
		return false, usageError{err}
	}
	return true, nil
}

// dbReport computes the report of m in the database, and summarises its skipped rows on
// standard error unless quiet; under --strict a skipped row is an error.
func dbReport(ctx context.Context, e *env, m *journey.Map, d dbFlags, eo events.Options, ao analysis.Options) (*analysis.Report, error) {
	conn, err := warehouse.Open(ctx, d.url)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	r, err := warehouse.Analyze(ctx, conn, m, &warehouse.Query{Table: d.table, Events: eo, Analysis: ao})
	if err != nil {
		return nil, err
	}
	if eo.Strict && len(r.Coverage.Skipped) > 0 {
		p := r.Coverage.Skipped[0]
		return nil, problemsError{fmt.Errorf("%s: %s (strict mode stops at the first skipped row)", p.Where(), p.Message)}
	}
	if !e.quiet {
		dbSummary(e.stderr, r)
	}
	return r, nil
}

// dbSummary tells on standard error which rows were skipped and why, and the warnings.
func dbSummary(w io.Writer, r *analysis.Report) {
	for _, p := range r.Coverage.Skipped {
		fmt.Fprintf(w, "%s: skipped: %s\n", p.Where(), p.Message)
	}
	if n := r.Input.Skipped; n > int64(len(r.Coverage.Skipped)) {
		fmt.Fprintf(w, "%d rows skipped in all (the first %d are listed)\n", n, len(r.Coverage.Skipped))
	}
	for _, p := range r.Coverage.Warnings {
		fmt.Fprintf(w, "%s: warning: %s\n", p.Where(), p.Message)
	}
}

// renderReport computes the numbers drawn over the map: from the database with --db, else
// from the event files, none without either.
func renderReport(ctx context.Context, e *env, m *journey.Map, opts *renderOptions) (*analysis.Report, error) {
	useDB, err := opts.db.use(opts.events)
	if err != nil || !useDB {
		if err != nil {
			return nil, err
		}
		return mapReport(ctx, e, m, opts.events, &opts.columns)
	}
	eo, ao, err := opts.columns.options(m)
	if err != nil {
		return nil, err
	}
	return dbReport(ctx, e, m, opts.db, eo, ao)
}
