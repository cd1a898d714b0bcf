package main

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/journey-cx/journey/journey/warehouse"
	"github.com/spf13/cobra"
)

func init() { register(newSQLCmd) }

// sqlOptions are the flags and arguments of `journey sql`.
type sqlOptions struct {
	mapPath string
	dialect string
	columns columnFlags
	db      dbFlags
}

func newSQLCmd(e *env) *cobra.Command {
	opts := &sqlOptions{}
	cmd := &cobra.Command{
		Use:   "sql MAP --table NAME [--dialect NAME]",
		Short: "Print the SQL statement that computes analyze's report inside a database",
		Long: `sql prints the one statement that analyze --db runs: its single row holds the report,
the shape of analyze --format json, in a column named report. A data team can read it,
schedule it or run it in their own tool; every number is the one analyze gives for the same
rows exported to CSV.

It takes analyze's flags: --id, --time, --event, --by, --tz, --window, --since, --until.
With --db (or JOURNEY_DB) it reads the table's column types from the database and writes
the statement for them (a timestamptz time column is read as such, a column the table
lacks never matches); without, every column is read as its text, as a CSV export holds it,
and the table must have every column the map's matchers name. Without --db the statement is
written for a table, read in its storage order (ctid, rowid): for a view, give --db.

In PostgreSQL, analyze --db runs it in a read-only transaction after SET LOCAL
extra_float_digits = 3 (every digit of a ratio, for the same numbers), work_mem = '512MB',
hash_mem_multiplier = 8 (a funnel's recursive part builds its hash table once),
enable_mergejoin = off and jit = off (compiling costs seconds and gains little). It keeps the
session's time zone, as COPY does: a timestamptz column other than the time column compares as
the text COPY writes in that zone, while the time column is the same instant in any zone. Rows
with the same identity and time are taken in the table's storage order; a view's in the order
it returns them.

Dialects (--dialect):
` + dialectHelp() + `
Exit codes: 0 success; 1 the map has errors or (with --db) the table lacks a column;
2 wrong usage; 3 the database could not be read.`,
		Example: `  journey sql examples/florist/florist.journey.yaml --table events > florist.sql
  journey sql examples/florist/florist.journey.yaml --table analytics.events --dialect duckdb --by source
  journey sql examples/saas/trial.journey.yaml --table events --db postgres://me@localhost/shop`,
		Args: mapArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.mapPath = args[0]
			return sqlRun(cmd.Context(), e, opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.dialect, "dialect", warehouse.Dialects[0].Name, "SQL `DIALECT`: "+strings.Join(warehouse.DialectNames(), ", "))
	_ = cmd.RegisterFlagCompletionFunc("dialect", cobra.FixedCompletions(warehouse.DialectNames(), cobra.ShellCompDirectiveNoFileComp))
	f.StringVar(&opts.columns.by, "by", "", "split every number by the first value of `COLUMN` on each user's mapped rows")
	opts.columns.add(f)
	opts.db.add(f)
	return cmd
}

// dialectHelp lists the dialects and how each is verified.
func dialectHelp() string {
	var b strings.Builder
	for _, d := range warehouse.Dialects {
		fmt.Fprintf(&b, "  %-9s %s\n", d.Name, d.Verified)
	}
	return b.String()
}

func sqlRun(ctx context.Context, e *env, opts *sqlOptions) error {
	d, err := warehouse.LookupDialect(opts.dialect)
	if err != nil {
		return usageError{err}
	}
	if opts.db.table == "" {
		return usageError{fmt.Errorf("no table: name the table that holds the events with --table NAME")}
	}
	if _, err := warehouse.SplitTable(opts.db.table); err != nil {
		return usageError{err}
	}
	m, err := loadMap(e, opts.mapPath)
	if err != nil {
		return err
	}
	eo, ao, err := opts.columns.options(m)
	if err != nil {
		return err
	}
	q := &warehouse.Query{Table: opts.db.table, Events: eo, Analysis: ao}
	if opts.db.url == "" {
		opts.db.url = os.Getenv("JOURNEY_DB")
	}
	if opts.db.url != "" {
		conn, err := warehouse.Open(ctx, opts.db.url)
		if err != nil {
			return err
		}
		defer conn.Close()
		if err := warehouse.Describe(ctx, conn, q); err != nil {
			return err
		}
		d = conn.Dialect()
	}
	stmt, err := warehouse.Compile(m, q, d)
	if err != nil {
		return problemsError{err}
	}
	_, err = fmt.Fprintln(e.stdout, stmt+";")
	return err
}
