package main

import (
	"bufio"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/journey-cx/journey/journey/lang"
	"github.com/journey-cx/journey/journey/output"
	"github.com/spf13/cobra"
)

func init() { register(newDiffCmd) }

// diffOptions are the flags and arguments of `journey diff`.
type diffOptions struct {
	args     []string
	git      string
	format   string
	exitCode bool
	lang     string
}

func newDiffCmd(e *env) *cobra.Command {
	opts := &diffOptions{}
	cmd := &cobra.Command{
		Use:   "diff OLD NEW | diff --git REV [PATH...]",
		Short: "Show what changed between two versions of a map, by meaning",
		Long: `diff compares two versions of a journey map by what they mean, not by their text: stages,
touchpoints, funnels and KPI targets matched by id, with every field that changed (old and
new value), items added to or removed from a list (a pain point closed, a frustration
added), touchpoints moved to another stage or place, and the flow's edges added or
removed (from the effective next, so an explicit next equal to the document order is no
change). Comments, key order, quoting, layout and spellings of one value (1h and 60m) never
count.

OLD and NEW are map files, - for standard input (one side only), or REV:PATH, the file at
a git revision (PATH from the repository's root, as git show takes it; an existing file of
that name wins). With --git REV, every map below each PATH (default: the current directory)
in the working tree, untracked ones included and ignored ones not, is compared with the same
file at REV; a map file added or deleted is one change.

--format text (default) groups the changes by stage for a terminal; markdown writes a
pull-request comment; json is the machine contract of SPEC section 9. --lang sets the
language of text and markdown (default: the map's language).

Exit codes: 0 success, whatever changed (with --exit-code: 1 when something changed); 1 a
map is invalid (its errors are printed as lint prints them, nothing else); 2 wrong usage,
or --git outside a git repository; 3 a file could not be read, an unknown REV, or a PATH
missing at REV.`,
		Example: `  journey diff examples/florist/before/florist.journey.yaml examples/florist/florist.journey.yaml
  journey diff examples/florist/before/florist.journey.yaml examples/florist/florist.journey.yaml --format markdown
  journey diff examples/florist/before/florist.journey.yaml examples/florist/florist.journey.yaml --format json --lang nl
  journey diff HEAD:examples/florist/florist.journey.yaml examples/florist/florist.journey.yaml
  journey diff --git HEAD examples                    # every map changed since the last commit
  journey diff --git origin/main maps --format markdown > comment.md
  git show main:maps/shop.journey.yaml | journey diff - maps/shop.journey.yaml --exit-code`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.args = args
			return diffRun(cmd.Context(), e, opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.git, "git", "", "compare every map below PATH in the working tree with the same file at `REV`")
	f.StringVar(&opts.format, "format", output.Diff.Names()[0], "output format: "+strings.Join(output.Diff.Names(), ", "))
	completeFormats(cmd, output.Diff.Names())
	f.BoolVar(&opts.exitCode, "exit-code", false, "exit 1 when something changed")
	addLangFlag(f, &opts.lang)
	return cmd
}

func diffRun(ctx context.Context, e *env, opts *diffOptions) error {
	printer, err := output.Diff.Lookup(opts.format)
	if err != nil {
		return usageError{err}
	}
	var report output.DiffReport
	if opts.git != "" {
		report, err = diffGit(ctx, e, opts)
	} else {
		report, err = diffPair(e, opts)
	}
	if err != nil {
		return err
	}
	if err := diffPrint(e, opts, printer, report); err != nil {
		return err
	}
	if opts.exitCode && diffChanged(report) {
		return errReported
	}
	return nil
}

// diffPrint writes the report, and with the machine format the note on maps of different
// ids on standard error, since the output itself has no place for it.
func diffPrint(e *env, opts *diffOptions, printer output.Printer[output.DiffReport], r output.DiffReport) error {
	report, err := diffLanguages(opts, r)
	if err != nil {
		return err
	}
	if opts.format == "json" && !e.quiet {
		for _, d := range r.Diffs {
			if d.IDsDiffer() {
				fmt.Fprintf(e.stderr, "note: %s has id %q and %s has id %q; compared by the ids of their parts\n", d.Old, d.OldMap.ID, d.New, d.NewMap.ID)
			}
		}
	}
	l, err := chooseLang(opts.lang, nil)
	if err != nil {
		return err
	}
	if opts.lang == "" {
		langs := slices.Clone(report.Langs)
		for _, m := range report.Unchanged {
			ml, _ := chooseLang("", m) // a map's language was checked when it was loaded
			langs = append(langs, ml)
		}
		l = sharedLanguage(langs, l)
	}
	w := bufio.NewWriter(e.stdout)
	if err := printer(w, report, e.printOptions(l)); err != nil {
		return err
	}
	return w.Flush()
}

// diffLanguages sets the language of each diff: --lang, else its map's.
func diffLanguages(opts *diffOptions, r output.DiffReport) (output.DiffReport, error) {
	r.Langs = make([]*lang.Language, len(r.Diffs))
	for i, d := range r.Diffs {
		m := d.NewMap
		if m == nil {
			m = d.OldMap
		}
		l, err := chooseLang(opts.lang, m)
		if err != nil {
			return r, err
		}
		r.Langs[i] = l
	}
	return r, nil
}

// sharedLanguage is the language of what is said about all the diffs (the heading of
// journey diff --git) when --lang does not set it: the language every map has, else def.
func sharedLanguage(langs []*lang.Language, def *lang.Language) *lang.Language {
	if len(langs) == 0 || slices.ContainsFunc(langs, func(l *lang.Language) bool { return l != langs[0] }) {
		return def
	}
	return langs[0]
}

// diffChanged reports whether any diff of the report has a change.
func diffChanged(r output.DiffReport) bool {
	for _, d := range r.Diffs {
		if len(d.Changes) > 0 {
			return true
		}
	}
	return false
}

// diffPair compares the two maps named on the command line.
func diffPair(e *env, opts *diffOptions) (output.DiffReport, error) {
	if len(opts.args) != 2 {
		found := lang.English().Count(lang.Counted{"%s argument", "%s arguments"}, int64(len(opts.args)))
		return output.DiffReport{}, usageError{fmt.Errorf("diff takes two maps, OLD and NEW, found %s; to compare every map with a git revision use --git REV [PATH...]", found)}
	}
	if opts.args[0] == "-" && opts.args[1] == "-" {
		return output.DiffReport{}, usageError{fmt.Errorf("only one side may be - (standard input)")}
	}
	pair := [2]diffSide{{name: opts.args[0]}, {name: opts.args[1]}}
	for i := range pair {
		src, err := readSide(e, pair[i].name)
		if err != nil {
			return output.DiffReport{}, err
		}
		pair[i].src = src
	}
	diffs, err := comparePairs(e, [][2]diffSide{pair})
	if err != nil {
		return output.DiffReport{}, err
	}
	return output.DiffReport{Diffs: diffs}, nil
}
