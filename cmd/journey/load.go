package main

import (
	"io"
	"strings"

	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/output"
)

// loadMap loads and lints the map for a command that uses it (analyze, render, simulate...):
// errors are printed and make it fail, warnings are printed (unless quiet) and let it go on.
func loadMap(e *env, path string) (*journey.Map, error) {
	m, diagnostics, failed, err := checkMap(path)
	if err != nil {
		return nil, err
	}
	if diagnostics != "" && (failed || !e.quiet) {
		io.WriteString(e.stderr, diagnostics)
	}
	if failed {
		return nil, errReported
	}
	return m, nil
}

// checkMap loads and lints the map at path. It returns the map, its diagnostics as `journey
// lint` prints them (without colour), and whether any is an error, which makes the map
// unusable. err is set only when the file cannot be read.
func checkMap(path string) (m *journey.Map, diagnostics string, failed bool, err error) {
	src, err := journey.ReadSource(path)
	if err != nil {
		return nil, "", false, err
	}
	m, ds := journey.Check(path, src)
	var b strings.Builder
	if len(ds) > 0 {
		res := output.LintResult{Diagnostics: ds, Sources: map[string][]byte{path: src}, Files: 1}
		if printer, err := output.Lint.Lookup("text"); err == nil {
			printer(&b, res, output.Options{})
		}
	}
	return m, b.String(), journey.HasErrors(ds, false) || m == nil, nil
}
