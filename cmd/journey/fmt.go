package main

import (
	"bytes"
	"fmt"
	"io"
	"os"

	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/format"
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
Comments, quoting and anchors are kept; formatting a formatted map changes nothing.

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
	if len(opts.paths) == 0 {
		opts.paths = []string{"."}
	}
	files, err := format.Files(opts.paths)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return usageError{fmt.Errorf("no map files (*.journey.yaml, *.journey.yml) in %q", opts.paths)}
	}
	failed := false
	for _, file := range files {
		bad, err := fmtFile(e, opts, file)
		if err != nil {
			return err
		}
		failed = failed || bad
	}
	if failed {
		return errReported
	}
	return nil
}

// fmtFile formats one file and reports whether it counts as a failure: a file that is not
// YAML, or, under --check, a file that would change.
func fmtFile(e *env, opts *fmtOptions, file string) (bool, error) {
	src, err := os.ReadFile(file)
	if err != nil {
		return false, err
	}
	out, diags := format.Source(file, src)
	if len(diags) > 0 {
		fmtDiagnostics(e.stderr, diags)
		return true, nil
	}
	switch {
	case bytes.Equal(out, src):
		return false, nil
	case opts.check:
		_, err := fmt.Fprintln(e.stdout, file)
		return true, err
	}
	info, err := os.Stat(file)
	if err != nil {
		return false, err
	}
	return false, journey.WriteFileAtomic(file, out, info.Mode().Perm())
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
		fmtDiagnostics(e.stderr, diags)
		return errReported
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

// fmtDiagnostics writes diagnostics one a line as file:line:col: message [rule].
func fmtDiagnostics(w io.Writer, diags []journey.Diagnostic) {
	for _, d := range journey.SortDiagnostics(diags) {
		fmt.Fprintln(w, d.Error())
	}
}
