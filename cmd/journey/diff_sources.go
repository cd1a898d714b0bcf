package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"runtime/debug"
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
	repo, err := openRepo(context.Background())
	if err != nil {
		return nil, gitUsage(err, fmt.Sprintf("%q is not a file, and reading REV:PATH needs a git repository", name))
	}
	src, err := repo.Show(rev, path)
	if err != nil {
		return nil, fmt.Errorf("cannot read %q: %w", name, err)
	}
	return src, nil
}

// openRepo finds the git repository of the current directory, reading no more of a file
// than a map may hold (and one byte, so that the loader can say it is too large).
func openRepo(ctx context.Context) (*git.Repo, error) {
	repo, err := git.Open(ctx, ".")
	if err != nil {
		return nil, err
	}
	repo.Limit = journey.MaxFileSize + 1
	return repo, nil
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

// comparePairs loads both sides of every pair that exist and compares them, pairs on every
// core. When a side is invalid, the errors of every invalid side are printed as lint prints
// them and errReported is returned; warnings are not printed, since they do not make a map
// invalid.
func comparePairs(e *env, pairs [][2]diffSide) ([]*diff.Diff, error) {
	diffs := make([]*diff.Diff, len(pairs))
	errs := make([][]journey.Diagnostic, len(pairs))
	forEach(len(pairs), func(i int) {
		var maps [2]*journey.Map
		for j, side := range pairs[i] {
			if side.src == nil {
				continue
			}
			m, ds := journey.CheckErrors(side.name, side.src)
			maps[j] = m
			errs[i] = append(errs[i], errorsOnly(ds)...)
		}
		if len(errs[i]) == 0 {
			diffs[i] = diff.Of(pairs[i][0].name, pairs[i][1].name, maps[0], maps[1])
			pairs[i][0].src, pairs[i][1].src = nil, nil // only the sources of errors are shown
		}
	})
	var all []journey.Diagnostic
	sources := map[string][]byte{}
	for i, ds := range errs {
		all = append(all, ds...)
		for _, side := range pairs[i] {
			sources[side.name] = side.src
		}
	}
	if len(all) == 0 {
		return diffs, nil
	}
	printErrors(e, all, sources)
	return nil, errReported
}

// printErrors prints diagnostics on standard error as lint prints them, with the source
// lines they point at.
func printErrors(e *env, ds []journey.Diagnostic, sources map[string][]byte) {
	r := output.LintResult{Diagnostics: journey.SortDiagnostics(ds), Sources: sources, Files: len(sources)}
	if printer, err := output.Lint.Lookup("text"); err == nil {
		printer(e.stderr, r, output.Options{})
	}
}

// errorsOnly returns the diagnostics of ds that are errors.
func errorsOnly(ds []journey.Diagnostic) []journey.Diagnostic {
	var out []journey.Diagnostic
	for _, d := range ds {
		if d.Severity == journey.Error {
			out = append(out, d)
		}
	}
	return out
}

// noMaps explains paths under which neither the working tree nor the revision rev holds a
// map: a path that is nowhere is a file the tool cannot read (exit 3), as for lint; one that
// exists holds no map, a usage error.
func noMaps(rev string, paths []string) error {
	for _, p := range paths {
		if _, err := os.Stat(p); errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("cannot read %q: no such file or directory in the working tree, nor at %s", p, rev)
		}
	}
	return &journey.NoMapsError{Dir: cmp.Or(strings.Join(paths, ", "), ".")}
}

// diffGit compares every map below the paths in the working tree with the same file at the
// revision of --git: the files that differ in bytes are loaded, two sides each, and those
// whose meaning differs make the report, sorted by path.
func diffGit(ctx context.Context, e *env, opts *diffOptions) (output.DiffReport, error) {
	repo, err := openRepo(ctx)
	if err != nil {
		return output.DiffReport{}, gitUsage(err, "--git needs a git repository")
	}
	files, found, err := repo.Changed(opts.git, opts.args, journey.IsMapFile)
	if err != nil {
		return output.DiffReport{}, err
	}
	if found == 0 {
		return output.DiffReport{}, noMaps(opts.git, opts.args)
	}
	if os.Getenv("GOGC") == "" {
		// Loading many maps allocates far more than it keeps: collecting garbage half as
		// often saves about a tenth of the CPU for about a fifth more memory.
		defer debug.SetGCPercent(debug.SetGCPercent(200))
	}
	pairs := make([][2]diffSide, len(files))
	for i, f := range files {
		pairs[i] = [2]diffSide{{name: opts.git + ":" + f.Name, src: f.Old}, {name: f.Path, src: f.New}}
	}
	diffs, err := comparePairs(e, pairs)
	if err != nil {
		return output.DiffReport{}, err
	}
	report := output.DiffReport{Git: true}
	for _, d := range diffs {
		if len(d.Changes) > 0 {
			report.Diffs = append(report.Diffs, d)
		} else {
			report.Unchanged = append(report.Unchanged, d.NewMap)
		}
	}
	return report, nil
}
