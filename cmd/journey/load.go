package main

import (
	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/output"
)

// loadMap loads and lints the map for a command that uses it (analyze, render, simulate):
// errors are printed and make it fail, warnings are printed (unless quiet) and let it go on.
func loadMap(e *env, path string) (*journey.Map, error) {
	src, err := journey.ReadSource(path)
	if err != nil {
		return nil, err
	}
	m, ds := journey.Check(path, src)
	failed := journey.HasErrors(ds, false)
	if len(ds) > 0 && (failed || !e.quiet) {
		res := output.LintResult{Diagnostics: ds, Sources: map[string][]byte{path: src}, Files: 1}
		if printer, err := output.Lint.Lookup("text"); err == nil {
			printer(e.stderr, res, output.Options{})
		}
	}
	if failed || m == nil {
		return nil, errReported
	}
	return m, nil
}
