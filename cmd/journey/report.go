package main

import (
	"bytes"
	"context"
	"fmt"
	"io"

	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/page"
	"github.com/spf13/cobra"
)

func init() { register(newReportCmd) }

// reportOptions are the flags and arguments of `journey report`.
type reportOptions struct {
	mapPath string
	out     string
	page    pageFlags
}

func newReportCmd(e *env) *cobra.Command {
	opts := &reportOptions{}
	cmd := &cobra.Command{
		Use:   "report MAP [--events FILE...]",
		Short: "Write one self-contained HTML page of a map: picture, numbers, funnels, KPIs",
		Long: `report writes one HTML file to send after a workshop or keep as a CI artifact: the title
and persona, the picture of the map, the touchpoint table and, with --events, the numbers of
the event files: users, conversion and drop-off per touchpoint, every funnel as a bar chart
and a table, the KPI targets met and missed, the flow the map does not draw, and what the
map does not explain of the data. The column flags are those of journey analyze.

The file stands alone: no script, no font, no image or stylesheet to fetch (it opens offline
and from an e-mail), and it prints on A4 landscape. It is written in the map's language, or
--lang's; the same inputs give the same bytes.

The page goes to MAP's name with .html (florist.journey.yaml becomes florist.html), to
-o FILE, or with -o - to standard output. It is written whole or not at all; -o never
creates a folder and never names an input.

Exit codes: 0 success; 1 the map has errors or an event file cannot be trusted; 2 wrong
usage (-o naming an input, an unknown --lang); 3 a file could not be read or written.`,
		Example: `  journey report examples/florist/florist.journey.yaml --events examples/florist/events.csv
  journey report examples/saas/trial.journey.yaml -o trial-map.html
  journey report examples/florist/florist.journey.yaml --events examples/florist/events.csv --lang en -o florist-en.html
  journey report examples/florist/florist.journey.yaml --events examples/florist/events.csv -o - > report.html`,
		Args: mapArgs(-1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.mapPath = args[0]
			var err error
			if opts.page.events, err = eventFiles("report", args, opts.page.events); err != nil {
				return err
			}
			return reportRun(cmd.Context(), e, opts)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.out, "output", "o", "", "write the page to `FILE` (- for standard output; default: MAP's name with .html)")
	opts.page.add(f)
	return cmd
}

func reportRun(ctx context.Context, e *env, opts *reportOptions) error {
	if opts.out == "" {
		opts.out = renderDefaultOut(opts.mapPath, "html")
	}
	if err := opts.page.validate(); err != nil {
		return err
	}
	if err := outputIsInput(opts.out, append([]string{opts.mapPath}, opts.page.events...)...); err != nil {
		return usageError{err}
	}
	m, err := loadMap(e, opts.mapPath)
	if err != nil {
		return err
	}
	p, err := pageOf(ctx, e, m, &opts.page)
	if err != nil {
		return err
	}
	if opts.out == "-" {
		var buf bytes.Buffer
		if err := page.Write(&buf, p); err != nil {
			return err
		}
		_, err := e.stdout.Write(buf.Bytes())
		return err
	}
	if err := journey.WriteAtomic(opts.out, 0o644, func(w io.Writer) error { return page.Write(w, p) }); err != nil {
		return err
	}
	if !e.quiet {
		fmt.Fprintf(e.stderr, p.Lang.WroteF+"\n", opts.out)
	}
	return nil
}
