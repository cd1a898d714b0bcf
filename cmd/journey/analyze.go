package main

import (
	"bufio"
	"context"
	"fmt"
	"strings"
	_ "time/tzdata" // --tz and events' zones work on machines without zone files

	"github.com/journey-cx/journey/journey/analysis"
	"github.com/journey-cx/journey/journey/lang"
	"github.com/journey-cx/journey/journey/output"
	"github.com/spf13/cobra"
)

func init() { register(newAnalyzeCmd) }

// analyzeOptions are the flags and arguments of `journey analyze`.
type analyzeOptions struct {
	mapPath string
	events  []string
	format  string
	strict  bool
	check   bool
	lang    string
	columns columnFlags
	db      dbFlags
}

func newAnalyzeCmd(e *env) *cobra.Command {
	opts := &analyzeOptions{}
	cmd := &cobra.Command{
		Use:   "analyze MAP --events FILE...",
		Short: "Join event files to a map: conversion, drop-off, funnels and KPIs",
		Long: `analyze reads event exports (CSV, JSON Lines or Parquet) and joins every row to the
first touchpoint of MAP whose events entry matches it. It reports, per touchpoint, the
users, repeat users, conversion to a next touchpoint within the window and the drop-off; the
observed flow between touchpoints, with the transitions the map does not draw; the map's
funnels, counted the way PostHog counts them; the goal rate; the KPI targets; and what the
map does not explain (unmapped events, touchpoints no row matched, skipped rows).

--events may be repeated, and takes every file that follows it, so that --events
data/*.csv reads every file the shell finds. They are read as one stream.

Formats are told apart by their bytes, not their names, and files of different formats may
be given together. CSV has a header row. JSON Lines (.jsonl, .ndjson, as Segment, Mixpanel
and Amplitude export them) has one object per line; a nested object's keys are columns named
with dots, as in --id properties.distinct_id, --by context.campaign.source or a where on
properties.page. Parquet (.parquet, as warehouses and GA4 write it) names nested fields the
same way, and its TIMESTAMP and DATE columns are times as such; it is read from a file, not a
pipe. CSV and JSON Lines may be gzip-compressed, and - reads either from standard input.

Columns: the identity column is --id, else the map's identity, else user_id; the time and
event name columns are --time (default timestamp) and --event (default event). Times without
a zone are UTC unless --tz names one: an IANA zone like Europe/Amsterdam, read from the
zone data built into journey (Local, the machine's own zone, is refused, so that results do
not depend on the machine). --since and --until keep a time range (rows outside it are
counted as filtered). --window overrides every window of the map. --by COLUMN splits
every number by the first non-empty value of that column on each user's mapped rows.

--db URL --table NAME computes every number inside a database instead, where the events
already are, with the same results as --events on the same rows exported to CSV: postgres://
URLs (PostgreSQL), and duckdb:PATH in the build made with -tags duckdb. JOURNEY_DB stands in
for --db. journey sql prints the statement it runs.

Skipped rows (a missing identity, a time that does not parse...) are summarised on standard
error with file and line; --strict turns the first one into an error.

The table and markdown formats are written in the map's language (language: nl or en), or
--lang's, numbers included (1.640 and 59,7% in Dutch); json and csv never change with it.

Exit codes: 0 success; 1 the map has errors, an event file cannot be trusted, or (with
--check) a KPI target is missed; 2 wrong usage; 3 a file could not be read.`,
		Example: `  journey analyze examples/florist/florist.journey.yaml --events examples/florist/events.csv
  journey analyze examples/florist/florist.journey.yaml --events examples/florist/events.jsonl.gz --by source
  journey analyze examples/florist/florist.journey.yaml --events examples/florist/events.parquet --format json
  journey analyze shop.journey.yaml --events mixpanel.jsonl --id properties.distinct_id --time properties.time
  journey analyze shop.journey.yaml --events jan.csv.gz --events feb.csv.gz --format json
  zcat events.csv.gz | journey analyze shop.journey.yaml --events - --format csv > numbers.csv
  journey analyze shop.journey.yaml --events events.csv --by channel --window 7d
  journey analyze shop.journey.yaml --events events.csv --id session_id --tz Europe/Amsterdam
  journey analyze shop.journey.yaml --events events.csv --since 2024-01-01 --until 2024-04-01
  journey analyze shop.journey.yaml --events events.csv --format markdown --check > comment.md
  journey analyze shop.journey.yaml --db postgres://me@localhost/shop --table events --by source
  journey analyze examples/florist/florist.journey.yaml --events examples/florist/events.csv --lang en`,
		Args: mapArgs(-1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.mapPath = args[0]
			var err error
			if opts.events, err = eventFiles("analyze", args, opts.events); err != nil {
				return err
			}
			return analyzeRun(cmd.Context(), e, opts)
		},
	}
	f := cmd.Flags()
	f.StringArrayVar(&opts.events, "events", nil, "read event `FILE` (repeatable; - reads standard input)")
	f.StringVar(&opts.format, "format", output.Analysis.Names()[0], "output format: "+strings.Join(output.Analysis.Names(), ", "))
	completeFormats(cmd, output.Analysis.Names())
	f.StringVar(&opts.columns.by, "by", "", "split every number by the first value of `COLUMN` on each user's mapped rows")
	f.BoolVar(&opts.strict, "strict", false, "fail on the first row that would be skipped")
	f.BoolVar(&opts.check, "check", false, "exit 1 when a KPI target of the map is missed")
	addLangFlag(f, &opts.lang)
	opts.columns.add(f)
	opts.db.add(f)
	return cmd
}

func analyzeRun(ctx context.Context, e *env, opts *analyzeOptions) error {
	printer, err := output.Analysis.Lookup(opts.format)
	if err != nil {
		return usageError{err}
	}
	useDB, err := opts.db.use(opts.events)
	if err != nil {
		return err
	}
	if len(opts.events) == 0 && !useDB {
		return usageError{fmt.Errorf("no event files: give one or more with --events FILE (- reads standard input), or --db URL --table NAME")}
	}
	report, l, err := analyzeReport(ctx, e, opts)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(e.stdout)
	if err := printer(w, report, e.printOptions(l)); err != nil {
		return err
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if opts.check {
		return missedKPIs(report)
	}
	return nil
}

// analyzeReport loads the map (printing its diagnostics), reads the event files and
// analyzes them; it returns the report and the language to print it in.
func analyzeReport(ctx context.Context, e *env, opts *analyzeOptions) (*analysis.Report, *lang.Language, error) {
	m, err := loadMap(e, opts.mapPath)
	if err != nil {
		return nil, nil, err
	}
	l, err := chooseLang(opts.lang, m)
	if err != nil {
		return nil, nil, err
	}
	eo, ao, err := opts.columns.options(m)
	if err != nil {
		return nil, nil, err
	}
	eo.Strict = opts.strict
	var r *analysis.Report
	if opts.db.table != "" {
		r, err = dbReport(ctx, e, m, opts.db, eo, ao)
	} else {
		r, err = readReport(ctx, e, m, opts.events, eo, ao)
	}
	return r, l, err
}

// missedKPIs returns a problems error listing every KPI target the report misses, or nil.
func missedKPIs(r *analysis.Report) error {
	var lines []string
	for _, k := range r.KPIs {
		if k.OK {
			continue
		}
		value := "no value"
		if k.Value != nil {
			value = output.KPIValue(k.Metric, k.Value)
		}
		lines = append(lines, fmt.Sprintf("  %s %s = %s, want %s", k.Touchpoint, k.Metric, value, output.KPITarget(k)))
	}
	if len(lines) == 0 {
		return nil
	}
	noun := "targets"
	if len(lines) == 1 {
		noun = "target"
	}
	return problemsError{fmt.Errorf("%d kpi %s missed:\n%s", len(lines), noun, strings.Join(lines, "\n"))}
}
