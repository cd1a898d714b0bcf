package journey

import (
	"cmp"
	"fmt"
	"io"
	"os"
	"slices"
)

// Limits on map files, so that a hostile or broken file costs little to reject.
const (
	// MaxFileSize is the largest map file accepted, in bytes.
	MaxFileSize = 10 << 20
	// MaxTextLength is the longest text value accepted, in characters.
	MaxTextLength = 10_000
	// MaxDepth is the deepest nesting of YAML collections accepted; format 1 needs eight.
	MaxDepth = 64
	// MaxValues is the most YAML values (keys, scalars, items) a map file may hold: room
	// for thousands of touchpoints, while parsing and linting stay under a second.
	MaxValues = 100_000
	// MaxDiagnostics is the most problems reported for one file; more are summarised.
	MaxDiagnostics = 100
)

// ReadSource reads a map file, at most one byte beyond MaxFileSize so that Parse can report
// an oversized file without reading all of it. Errors wrap the fs errors (fs.ErrNotExist,
// fs.ErrPermission).
func ReadSource(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, readError(path, err)
	}
	defer f.Close()
	src, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, readError(path, err)
	}
	return src, nil
}

// Load reads the map file at path, parses it and runs every lint rule. It returns the map
// (partial or nil when the file has errors) and the sorted diagnostics; the error is set only
// when the file cannot be read.
func Load(path string) (*Map, []Diagnostic, error) {
	src, err := ReadSource(path)
	if err != nil {
		return nil, nil, err
	}
	m, ds := Check(path, src)
	return m, ds, nil
}

// Check parses src as the map file named file and runs every lint rule over the result, so
// that callers holding the source (the lint command prints source lines) need not read it
// twice. Diagnostics are sorted.
func Check(file string, src []byte) (*Map, []Diagnostic) {
	m, ds := Parse(file, src)
	if m != nil {
		ds = append(ds, Lint(m)...)
	}
	return m, limitDiagnostics(file, SortDiagnostics(ds))
}

// CheckErrors is Check without the warning rules: it parses src and runs only the rules
// whose diagnostics are errors, which decide whether a map is valid. Commands that use maps
// without linting them (journey diff, many maps at a time) skip the cost of the workshop
// advice. Diagnostics are sorted; the loader's own warnings are among them.
func CheckErrors(file string, src []byte) (*Map, []Diagnostic) {
	m, ds := Parse(file, src)
	if m != nil {
		for _, r := range Rules() {
			if r.check != nil && r.Severity == Error {
				ds = append(ds, r.check(r, m)...)
			}
		}
	}
	return m, limitDiagnostics(file, SortDiagnostics(ds))
}

// limitDiagnostics keeps MaxDiagnostics diagnostics of a file, in order, and says how many
// more there were, so that a broken generated file does not flood the output. It keeps the
// errors first, so that no error hides behind warnings, and the count is a warning when
// every problem it hides is one: warnings alone never make a map invalid.
func limitDiagnostics(file string, ds []Diagnostic) []Diagnostic {
	if len(ds) <= MaxDiagnostics {
		return ds
	}
	byWeight := slices.Clone(ds)
	slices.SortStableFunc(byWeight, func(a, b Diagnostic) int { return cmp.Compare(a.Severity, b.Severity) })
	hidden := byWeight[MaxDiagnostics:]
	shown := SortDiagnostics(byWeight[:MaxDiagnostics:MaxDiagnostics])
	more := fmt.Sprintf("%d more problems", len(hidden))
	if len(hidden) == 1 {
		more = "1 more problem"
	}
	d := ruleTooManyProblems.diag(file, shown[len(shown)-1].pos(), "file has %s not shown; fix these first", more)
	d.Hidden = Count(hidden)
	if d.Hidden.Errors == 0 {
		d.Severity = Warning
	}
	return append(shown, d)
}

// Parse decodes a map file and enforces the format's own rules (syntax, keys, types, ids,
// references). It returns a partial Map when the file is readable as a map, and nil when it
// is hopeless (not YAML, not UTF-8, not a mapping, an unsupported version).
func Parse(file string, src []byte) (*Map, []Diagnostic) {
	root, ds := parseYAML(file, src)
	if root == nil {
		return nil, ds
	}
	d := newDecoder(file)
	d.diags = ds
	m := d.decodeVersioned(root)
	return m, d.diags
}
