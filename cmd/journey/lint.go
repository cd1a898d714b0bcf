package main

import (
	"cmp"
	"fmt"
	"strings"

	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/output"
	"github.com/spf13/cobra"
)

func init() { register(newLintCmd) }

// lintOptions are the flags and arguments of `journey lint`.
type lintOptions struct {
	paths  []string
	format string
	strict bool
}

func newLintCmd(e *env) *cobra.Command {
	opts := &lintOptions{}
	cmd := &cobra.Command{
		Use:   "lint [PATH...]",
		Short: "Check journey maps: format, references, and the journey as a graph",
		Long: `lint checks journey map files and reports every problem it finds, each as
file:line:col: message [rule], with the source line and a marker under the offending token.

A PATH may be a map file or a directory; a directory means every *.journey.yaml and
*.journey.yml file below it (hidden directories skipped). Without a PATH, lint checks the
current directory.

Errors break the format (unknown keys, bad references, an emotion outside -2..2...); warnings
are workshop advice (unreachable touchpoints, dead ends, a map without a goal...). Every rule
is documented in docs/rules.md.

Exit codes: 0 no errors (warnings allowed unless --strict), 1 errors found, 2 wrong usage or
no map under a PATH, 3 a file could not be read.`,
		Example: `  journey lint
  journey lint maps/florist.journey.yaml
  journey lint --strict maps/
  journey lint --format json maps/ | jq '.[] | select(.severity == "error")'
  journey lint --format github maps/   # annotations in GitHub Actions
  journey lint --format sarif maps/ > journey.sarif`,
		RunE: func(_ *cobra.Command, args []string) error {
			opts.paths = args
			return lintRun(e, opts)
		},
	}
	cmd.Flags().StringVar(&opts.format, "format", "text",
		"output format: "+strings.Join(output.Lint.Names(), ", "))
	completeFormats(cmd, output.Lint.Names())
	cmd.Flags().BoolVar(&opts.strict, "strict", false, "fail on warnings too")
	return cmd
}

func lintRun(e *env, opts *lintOptions) error {
	printer, err := output.Lint.Lookup(opts.format)
	if err != nil {
		return usageError{err}
	}
	files, err := journey.FindMaps(opts.paths)
	if err != nil {
		return err
	}
	result, readErr := lintFiles(files)
	if err := printer(e.stdout, result, e.printOptions(nil)); err != nil {
		return err
	}
	if readErr != nil {
		return readErr
	}
	if !e.quiet {
		fmt.Fprintln(e.stderr, output.LintSummary(result))
	}
	if journey.HasErrors(result.Diagnostics, opts.strict) {
		return errReported
	}
	return nil
}

// lintOutcome is the result of linting one file.
type lintOutcome struct {
	src   []byte
	diags []journey.Diagnostic
	err   error
}

// lintFiles lints files concurrently and gathers the results in file order, so that the
// output does not depend on scheduling. A file that cannot be read fails the run: the first
// such error is returned, with the results of the files that could be read.
func lintFiles(files []string) (output.LintResult, error) {
	outcomes := lintConcurrently(files)
	result := output.LintResult{Sources: map[string][]byte{}, Files: len(files)}
	var readErr error
	for i, o := range outcomes {
		if o.err != nil {
			readErr = cmp.Or(readErr, o.err)
			continue
		}
		if len(o.diags) > 0 {
			result.Sources[files[i]] = o.src
			result.Diagnostics = append(result.Diagnostics, o.diags...)
		}
	}
	result.Diagnostics = journey.SortDiagnostics(result.Diagnostics)
	return result, readErr
}

// lintConcurrently lints every file with one worker per core.
func lintConcurrently(files []string) []lintOutcome {
	outcomes := make([]lintOutcome, len(files))
	forEach(len(files), func(i int) { outcomes[i] = lintFile(files[i]) })
	return outcomes
}

func lintFile(file string) lintOutcome {
	src, err := journey.ReadSource(file)
	if err != nil {
		return lintOutcome{err: err}
	}
	_, ds := journey.Check(file, src)
	return lintOutcome{src: src, diags: ds}
}
