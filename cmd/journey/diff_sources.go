package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/diff"
	"github.com/journey-cx/journey/journey/git"
	"github.com/journey-cx/journey/journey/output"
)

// diffSide is one version of a map to compare: its name as given and its bytes (nil when
// the file does not exist on that side).
type diffSide struct {
	name string
	src  []byte
}

// readSide reads a side given on the command line: - is standard input, an existing file is
// read, and REV:PATH is read from git.
func readSide(e *env, name string) ([]byte, error) {
	if name == "-" {
		return io.ReadAll(io.LimitReader(e.stdin, journey.MaxFileSize+1))
	}
	rev, path, isRev := strings.Cut(name, ":")
	if _, err := os.Stat(name); err == nil || !isRev || rev == "" {
		return journey.ReadSource(name)
	}
	repo, err := git.Open(context.Background(), ".")
	if err != nil {
		return nil, gitUsage(err, fmt.Sprintf("%q is not a file, and reading REV:PATH needs a git repository", name))
	}
	src, err := repo.Show(rev, path)
	if err != nil {
		return nil, fmt.Errorf("cannot read %q: %w", name, err)
	}
	return src, nil
}

// gitUsage turns a repository that could not be found into a usage error that says what
// needed it; other errors are left alone.
func gitUsage(err error, what string) error {
	var notRepo *git.NotRepositoryError
	if errors.As(err, &notRepo) {
		return usageError{fmt.Errorf("%s: the current directory is not in one", what)}
	}
	return err
}

// loadSides loads every side that exists, concurrently. When any is invalid, the errors of
// every invalid side are printed as lint prints them and errReported is returned; warnings
// are not printed, since they do not make a map invalid.
func loadSides(e *env, sides []diffSide) ([]*journey.Map, error) {
	maps := make([]*journey.Map, len(sides))
	diags := make([][]journey.Diagnostic, len(sides))
	forEach(len(sides), func(i int) {
		if sides[i].src != nil {
			maps[i], diags[i] = journey.Check(sides[i].name, sides[i].src)
		}
	})
	bad := output.LintResult{Sources: map[string][]byte{}}
	for i, ds := range diags {
		for _, d := range ds {
			if d.Severity == journey.Error {
				bad.Diagnostics = append(bad.Diagnostics, d)
				bad.Sources[sides[i].name] = sides[i].src
			}
		}
	}
	if len(bad.Diagnostics) == 0 {
		return maps, nil
	}
	bad.Files = len(bad.Sources)
	if printer, err := output.Lint.Lookup("text"); err == nil {
		printer(e.stderr, bad, output.Options{Color: false})
	}
	return nil, errReported
}

// diffGit compares every map below the paths in the working tree with the same file at the
// revision of --git: the files that differ in bytes are loaded, two sides each, and those
// whose meaning differs make the report, sorted by path.
func diffGit(ctx context.Context, e *env, opts *diffOptions) (output.DiffReport, error) {
	repo, err := git.Open(ctx, ".")
	if err != nil {
		return output.DiffReport{}, gitUsage(err, "--git needs a git repository")
	}
	files, found, err := repo.Changed(opts.git, opts.args, journey.IsMapFile)
	if err != nil {
		return output.DiffReport{}, err
	}
	if found == 0 {
		return output.DiffReport{}, &journey.NoMapsError{Dir: cmp.Or(strings.Join(opts.args, ", "), ".")}
	}
	sides := make([]diffSide, 0, 2*len(files))
	for _, f := range files {
		sides = append(sides, diffSide{name: opts.git + ":" + f.Name, src: f.Old}, diffSide{name: f.Path, src: f.New})
	}
	maps, err := loadSides(e, sides)
	if err != nil {
		return output.DiffReport{}, err
	}
	report := output.DiffReport{Git: true}
	for i := range files {
		d := diff.Of(sides[2*i].name, sides[2*i+1].name, maps[2*i], maps[2*i+1])
		if len(d.Changes) > 0 {
			report.Diffs = append(report.Diffs, d)
		}
	}
	return report, nil
}
