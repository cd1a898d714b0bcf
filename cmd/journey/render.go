package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/lang"
	"github.com/journey-cx/journey/journey/output"
	"github.com/journey-cx/journey/render"
	"github.com/spf13/cobra"
)

func init() { register(newRenderCmd) }

type renderOptions struct {
	mapPath string
	out     string
	format  string
	events  []string
	check   bool
	watch   bool
	lang    string
	columns columnFlags
	db      dbFlags
	// diff is the older version to draw the changes since: a file, REV:PATH or a revision.
	diff string
}

func newRenderCmd(e *env) *cobra.Command {
	opts := &renderOptions{}
	cmd := &cobra.Command{
		Use:   "render MAP",
		Short: "Draw a journey map as an SVG or PNG picture",
		Long: `render draws a journey map as a picture for workshops and reports: the title and persona on
top, the stages as columns from left to right, one card per touchpoint (name, channel, owner,
its emotion as a colour, a face and a score), pains and gains under each card, the emotion
curve across the journey, moments of truth and goals marked, the designed flow as arrows, and
a legend.

With --events the numbers of the event files are drawn over the map: users, conversion and
drop-off on every card, arrows as wide as the users who took them, the largest transitions the
map does not design (dashed), and the funnels in the side panel. The column flags are those
of journey analyze; --db URL --table NAME draws the numbers computed in a database instead,
as journey analyze --db computes them.

The picture goes to MAP's name with the format's extension (florist.journey.yaml becomes
florist.svg), to -o FILE, or with -o - to standard output. Without --format the format is
-o's extension (.svg, .png or .dot; svg for -o - or any other extension), so -o florist.png
writes a PNG; a --format that contradicts -o's extension is refused. The picture is written
whole or not at all, and the same inputs always give the same bytes, so pictures can be
committed and checked in CI with --check, which writes nothing and exits 1 when the file is
not what would be written.

The picture speaks the map's language (language: nl or en), or --lang's: its header, cards,
legend and numbers (1.640, 59,7% in Dutch). What the map says is shown as written.

With --watch the picture is drawn again whenever the map or an event file changes, one line
per drawing on standard error (none with -q), until interrupted; a broken save is reported
and the last good picture kept.

SVG is the picture to use. PNG draws the same picture at 96 dpi, its text in DejaVu Sans,
which has no emoji (faces become :-) and the like); a PNG of more than 100 million pixels
is refused (exit 1). The first run on a machine takes about half a second longer while Graphviz's
WebAssembly is compiled into a cache under the temp dir. See docs/render.md.

With --diff the picture shows what changed since an older version of the map: a git revision
(the same file at REV, like HEAD~1 or origin/main), REV:PATH, or a map file (an existing file
wins). Added touchpoints and flow edges are marked, removed ones drawn faintly where they
were, changed and moved touchpoints say what changed, a changed emotion is drawn beside the
old one and the old emotion curve faintly behind the current one; the legend explains the
marks. It goes to MAP's name with -diff and the format's extension (florist-diff.svg).`,
		Example: `  journey render examples/florist/florist.journey.yaml --events examples/florist/events.csv   # the committed florist.svg
  journey render examples/florist/florist.journey.yaml -o florist-map.svg    # the map alone, without numbers
  journey render shop.journey.yaml --db postgres://me@localhost/shop --table events -o shop-data.svg
  journey render examples/florist/florist.journey.yaml --lang en -o florist-en.svg
  journey render examples/florist/florist.journey.yaml --format png
  journey render examples/florist/florist.journey.yaml -o florist.png
  journey render examples/florist/florist.journey.yaml --format dot -o - | dot -Tpdf > florist.pdf
  journey render --check examples/florist/florist.journey.yaml --events examples/florist/events.csv   # in CI
  journey render --watch examples/florist/florist.journey.yaml --events examples/florist/events.csv
  journey render examples/florist/florist.journey.yaml --diff examples/florist/before/florist.journey.yaml
  journey render maps/shop.journey.yaml --diff origin/main       # what a pull request changes`,
		Args: mapArgs(-1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.mapPath = args[0]
			var err error
			if opts.events, err = eventFiles("render", args, opts.events); err != nil {
				return err
			}
			return renderRun(cmd.Context(), e, opts)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.out, "output", "o", "", "write the picture to `FILE` (- for standard output; default: MAP's name with the format's extension)")
	f.StringVar(&opts.format, "format", "", "picture format: "+strings.Join(render.Formats.Names(), ", ")+" (default: -o's extension, else svg)")
	completeFormats(cmd, render.Formats.Names())
	f.StringArrayVar(&opts.events, "events", nil, "overlay the numbers of event `FILE` (repeatable; - reads standard input)")
	opts.columns.add(f)
	opts.db.add(f)
	f.BoolVar(&opts.check, "check", false, "write nothing; exit 1 when the output file is not what would be written")
	f.BoolVar(&opts.watch, "watch", false, "draw again whenever the map or an event file changes, until interrupted")
	f.StringVar(&opts.diff, "diff", "", "mark what changed since `OLD`: a git revision of the same file, REV:PATH or a map file")
	addLangFlag(f, &opts.lang)
	return cmd
}

func renderRun(ctx context.Context, e *env, opts *renderOptions) error {
	if err := renderValidate(opts); err != nil {
		return usageError{err}
	}
	printer, err := render.Formats.Lookup(opts.format)
	if err != nil {
		return usageError{err}
	}
	if opts.watch {
		ctx, stop := signal.NotifyContext(ctx, os.Interrupt)
		defer stop()
		return renderWatch(ctx, e, opts, printer)
	}
	b, l, err := renderBytes(ctx, e, opts, printer)
	if err != nil {
		return err
	}
	if err := renderWrite(e, opts, b); err != nil {
		return err
	}
	if opts.out != "-" && !opts.check && !e.quiet {
		fmt.Fprintln(e.stderr, fmt.Sprintf(l.WroteF, opts.out))
	}
	return nil
}

// renderValidate refuses flag combinations that cannot work, and an output that would
// overwrite an input.
func renderValidate(opts *renderOptions) error {
	if err := renderFormat(opts); err != nil {
		return err
	}
	if opts.out == "" {
		opts.out = renderDefaultOut(opts.mapPath, opts.format)
		if opts.diff != "" { // a picture of a change goes beside the picture
			opts.out = strings.TrimSuffix(opts.out, "."+opts.format) + "-diff." + opts.format
		}
	}
	switch {
	case opts.out == "-" && (opts.check || opts.watch):
		return errors.New("--check and --watch need an output file, not -o -")
	case opts.check && opts.watch:
		return errors.New("--check and --watch cannot be used together")
	case opts.watch && slices.Contains(opts.events, "-"):
		return errors.New("--watch cannot read --events - (standard input is read only once); give the event file's name")
	case opts.watch && opts.diff == "-":
		return errors.New("--watch cannot read --diff - (standard input is read only once); give the older map's file")
	case opts.diff == "-" && slices.Contains(opts.events, "-"):
		return errors.New("--diff - and --events - cannot both read standard input")
	}
	return outputIsInput(opts.out, append([]string{opts.mapPath}, opts.events...)...)
}

// renderFormat takes the format from -o's extension when --format is not given (svg when
// the extension names no format, or for -o -), and refuses a known --format that
// contradicts it; an unknown one is left for the lookup, which lists the formats.
func renderFormat(opts *renderOptions) error {
	ext := ""
	if opts.out != "" && opts.out != "-" {
		ext = strings.ToLower(strings.TrimPrefix(filepath.Ext(opts.out), "."))
	}
	names := render.Formats.Names()
	known := slices.Contains(names, ext)
	switch {
	case opts.format == "" && known:
		opts.format = ext
	case opts.format == "":
		opts.format = string(render.SVG)
	case known && ext != opts.format && slices.Contains(names, opts.format):
		return fmt.Errorf("-o %q is a .%s file but --format is %q; drop --format or make them agree", opts.out, ext, opts.format)
	}
	return nil
}

// renderDefaultOut is the map's path with the format's extension in place of
// ".journey.yaml" (or ".journey.yml", ".yaml", ".yml").
func renderDefaultOut(mapPath, format string) string {
	base := mapPath
	for _, ext := range []string{".journey.yaml", ".journey.yml", ".yaml", ".yml"} {
		if strings.HasSuffix(base, ext) {
			base = strings.TrimSuffix(base, ext)
			break
		}
	}
	return base + "." + format
}

// renderBytes loads the map (and the events), and draws the picture; it returns the picture
// and the language it speaks. An invalid map prints its diagnostics and returns errReported.
func renderBytes(ctx context.Context, e *env, opts *renderOptions, printer output.Printer[render.Picture]) ([]byte, *lang.Language, error) {
	m, err := loadMap(e, opts.mapPath)
	if err != nil {
		return nil, nil, err
	}
	l, err := chooseLang(opts.lang, m)
	if err != nil {
		return nil, nil, err
	}
	report, err := renderReport(ctx, e, m, opts)
	if err != nil {
		return nil, nil, err
	}
	change, err := renderChange(e, opts, m)
	if err != nil {
		return nil, nil, err
	}
	var buf bytes.Buffer
	if err := printer(&buf, render.Picture{Ctx: ctx, Map: m, Report: report, Change: change}, e.printOptions(l)); err != nil {
		return nil, nil, renderFailed(opts.mapPath, err)
	}
	return buf.Bytes(), l, nil
}

// renderWrite writes the picture, or under --check compares it with the file on disk.
func renderWrite(e *env, opts *renderOptions, b []byte) error {
	switch {
	case opts.out == "-":
		_, err := e.stdout.Write(b)
		return err
	case opts.check:
		old, err := os.ReadFile(opts.out)
		if errors.Is(err, os.ErrNotExist) {
			return problemsError{fmt.Errorf("%s does not exist: run journey render to draw it", opts.out)}
		}
		if err != nil {
			return err
		}
		if !bytes.Equal(old, b) {
			return problemsError{fmt.Errorf("%s is out of date: run journey render to redraw it", opts.out)}
		}
		return nil
	}
	return journey.WriteFileAtomic(opts.out, b, 0o644)
}

// renderWatch draws the picture, then again whenever an input changes, until ctx ends.
func renderWatch(ctx context.Context, e *env, opts *renderOptions, printer output.Printer[render.Picture]) error {
	inputs := append([]string{opts.mapPath}, opts.events...)
	if _, err := os.Stat(opts.diff); err == nil {
		inputs = append(inputs, opts.diff)
	}
	watchFiles(ctx, inputs, func() { renderOnce(ctx, e, opts, printer) })
	return nil
}

// renderOnce draws and writes the picture once for --watch, and says how it went on standard
// error: a drawing is reported unless -q, a failure always, and the last good picture stays.
// A drawing cut short by the end of ctx (Ctrl-C) is not a failure and says nothing.
func renderOnce(ctx context.Context, e *env, opts *renderOptions, printer output.Printer[render.Picture]) {
	start := time.Now()
	b, l, err := renderBytes(ctx, e, opts, printer)
	if err == nil {
		err = renderWrite(e, opts, b)
	}
	switch {
	case err == nil && !e.quiet:
		fmt.Fprintln(e.stderr, fmt.Sprintf(l.RenderedF, opts.out, time.Since(start).Round(time.Millisecond)))
		return
	case err == nil || ctx.Err() != nil:
		return
	}
	if msg := errorMessage(err); msg != "" {
		fmt.Fprintf(e.stderr, "journey: %s; keeping the last picture\n", msg)
		return
	}
	fmt.Fprintf(e.stderr, "journey: %s has errors; keeping the last picture\n", opts.mapPath)
}

// renderFailed says which map could not be drawn. A layout that takes too long, or a PNG too
// large to paint, is a problem of the input (exit 1), not of the tool: the map is too big
// for the picture, and the message says what to do.
func renderFailed(mapPath string, err error) error {
	switch {
	case errors.Is(err, render.ErrTimeout):
		return problemsError{fmt.Errorf("%s: %w; split it into smaller maps (a stage or two each), or draw it without --events", mapPath, err)}
	case errors.Is(err, render.ErrTooLarge):
		return problemsError{fmt.Errorf("%s: %w", mapPath, err)}
	}
	return err
}
