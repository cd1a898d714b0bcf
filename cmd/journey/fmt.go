package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"slices"

	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/format"
	"github.com/journey-cx/journey/journey/output"
	"github.com/spf13/cobra"
)

func init() { register(newFmtCmd) }

type fmtOptions struct {
	check bool
	paths []string
}

func newFmtCmd(e *env) *cobra.Command {
	opts := &fmtOptions{}
	cmd := &cobra.Command{
		Use:   "fmt [PATH...]",
		Short: "Rewrite journey maps in canonical form, comments kept",
		Long: `fmt rewrites journey maps in one canonical layout, so that diffs show changes of meaning
only: keys in the order of the format's documentation, two-space indentation, short lists of
words on one line ([a, b]) when they fit in 80 columns and one item per line otherwise.
Comments, quoting and anchors are kept, and so is every text: a folded block (>) that cannot
be written back folded as it reads (more-indented lines, kept trailing blank lines) is
written literal (|). Formatting a formatted map changes nothing.

A directory stands for every *.journey.yaml and *.journey.yml file below it; no path means the
current directory; "-" reads a map from standard input and writes it to standard output.
Files are rewritten in place (whole or not at all) only when they change. A file that is not
well-formed YAML is reported and left alone.

With --check nothing is written: the files that would change are listed and the exit code
is 1 when there is any.`,
		Example: `  journey fmt                      # every map below the current directory
  journey fmt maps/onboarding.journey.yaml
  journey fmt --check .            # in CI: fail when a map is not formatted
  cat a.journey.yaml | journey fmt -`,
		RunE: func(_ *cobra.Command, args []string) error {
			opts.paths = args
			return fmtRun(e, opts)
		},
	}
	cmd.Flags().BoolVar(&opts.check, "check", false, "list the files that would change and exit 1 if any; write nothing")
	return cmd
}

func fmtRun(e *env, opts *fmtOptions) error {
	if len(opts.paths) == 1 && opts.paths[0] == "-" {
		return fmtStdin(e, opts)
	}
	if slices.Contains(opts.paths, "-") {
		return usageError{fmt.Errorf("- (standard input) is formatted alone, to standard output: give it without other paths")}
	}
	files, err := journey.FindMaps(opts.paths)
	if err != nil {
		return err
	}
	refused := output.LintResult{Sources: map[string][]byte{}, Files: len(files)}
	changed := false
	for _, file := range files {
		src, out, diags, err := fmtFile(opts, file)
		if err != nil {
			return err
		}
		if len(diags) > 0 {
			refused.Diagnostics = append(refused.Diagnostics, diags...)
			refused.Sources[file] = src
			continue
		}
		if opts.check && !bytes.Equal(out, src) {
			changed = true
			fmt.Fprintln(e.stdout, file)
		}
	}
	return fmtResult(e, refused, changed)
}

// fmtFile formats one file, rewriting it unless --check is set; it returns the source, the
// formatted text, and the diagnostics of a file that cannot be formatted.
func fmtFile(opts *fmtOptions, file string) (src, out []byte, diags []journey.Diagnostic, err error) {
	if src, err = journey.ReadSource(file); err != nil {
		return nil, nil, nil, err
	}
	out, diags = format.Source(file, src)
	if len(diags) > 0 || opts.check || bytes.Equal(out, src) {
		return src, out, diags, nil
	}
	info, err := os.Stat(file)
	if err != nil {
		return nil, nil, nil, err
	}
	return src, out, nil, journey.WriteFileAtomic(file, out, info.Mode().Perm())
}

// fmtResult prints the diagnostics of the files that could not be formatted and fails
// when there were any, or when --check found a file that would change.
func fmtResult(e *env, refused output.LintResult, changed bool) error {
	if len(refused.Diagnostics) > 0 {
		refused.Diagnostics = journey.SortDiagnostics(refused.Diagnostics)
		if err := fmtPrintDiagnostics(e, refused); err != nil {
			return err
		}
	}
	if changed || len(refused.Diagnostics) > 0 {
		return errReported
	}
	return nil
}

// fmtStdin formats the map on standard input to standard output; under --check it writes
// nothing and fails when the map would change.
func fmtStdin(e *env, opts *fmtOptions) error {
	src, err := io.ReadAll(e.stdin)
	if err != nil {
		return err
	}
	out, diags := format.Source("-", src)
	if len(diags) > 0 {
		res := output.LintResult{Diagnostics: diags, Sources: map[string][]byte{"-": src}, Files: 1}
		return fmtResult(e, res, false)
	}
	if opts.check {
		if !bytes.Equal(out, src) {
			fmt.Fprintln(e.stdout, "-")
			return errReported
		}
		return nil
	}
	_, err = e.stdout.Write(out)
	return err
}

// fmtPrintDiagnostics prints diagnostics on standard error as lint's text format does:
// position, message and rule, then the source line they point at.
func fmtPrintDiagnostics(e *env, res output.LintResult) error {
	printer, err := output.Lint.Lookup("text")
	if err != nil {
		return err
	}
	return printer(e.stderr, res, e.printOptions(nil))
}
