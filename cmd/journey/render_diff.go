package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/git"
	"github.com/journey-cx/journey/render"
)

// renderChange loads the older version --diff names, or returns nil without --diff. An
// invalid older version prints its errors as lint does and returns errReported.
func renderChange(e *env, opts *renderOptions, m *journey.Map) (*render.Change, error) {
	if opts.diff == "" {
		return nil, nil
	}
	name, src, err := olderVersion(e, opts.diff, opts.mapPath)
	if err != nil {
		return nil, err
	}
	old, err := loadValid(e, name, src)
	if err != nil {
		return nil, err
	}
	return &render.Change{Old: old, Since: opts.diff}, nil
}

// olderVersion reads the older version of the map at mapPath that value names: an existing
// file (or - for standard input), REV:PATH, or a revision, at which the same file is read.
func olderVersion(e *env, value, mapPath string) (name string, src []byte, err error) {
	if _, statErr := os.Stat(value); value == "-" || statErr == nil || strings.Contains(value, ":") {
		src, err = readSide(e, value)
		return value, src, err
	}
	repo, err := openRepo(context.Background())
	if err != nil {
		return "", nil, gitUsage(err, fmt.Sprintf("--diff %q is not a file, and reading a revision needs a git repository", value))
	}
	file, err := repo.Name(mapPath)
	if err != nil {
		return "", nil, err
	}
	src, err = repo.Show(value, file)
	var rev *git.RevisionError
	if errors.As(err, &rev) {
		return "", nil, fmt.Errorf("--diff %q is neither a file nor a revision of this repository", value)
	}
	if err != nil {
		return "", nil, fmt.Errorf("--diff %q: %w", value, err)
	}
	return value + ":" + file, src, nil
}

// loadValid loads a map read from name; when it has errors, they are printed as lint prints
// them and errReported is returned.
func loadValid(e *env, name string, src []byte) (*journey.Map, error) {
	m, ds := journey.CheckErrors(name, src)
	if errs := errorsOnly(ds); len(errs) > 0 {
		printErrors(e, errs, map[string][]byte{name: src})
		return nil, errReported
	}
	return m, nil
}
