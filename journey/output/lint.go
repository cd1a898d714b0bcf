package output

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/journey-cx/journey/journey"
)

// LintResult is what one `journey lint` run prints.
type LintResult struct {
	// Diagnostics of every file linted, sorted by file, line and column.
	Diagnostics []journey.Diagnostic
	// Sources maps a file name to its content, so the text format can show the line a
	// diagnostic points at; a file missing here is shown without source lines.
	Sources map[string][]byte
	// Files is the number of files linted.
	Files int
}

// Lint holds the printers of lint results; "text" is the default.
var Lint Registry[LintResult]

func init() {
	Lint.Register("text", printLintText)
	Lint.Register("json", printLintJSON)
	Lint.Register("sarif", printLintSARIF)
	Lint.Register("github", printLintGitHub)
}

// LintSummary is the one-line summary of a lint run: "2 errors, 1 warning in 3 files",
// "1 warning in 1 file", or "no problems in 3 files". It counts every problem found, those a
// too-many-problems notice hides included, and not the notice itself.
func LintSummary(r LintResult) string {
	c := journey.Count(r.Diagnostics)
	errs, warns := c.Errors, c.Warnings
	files := plural(r.Files, "file")
	switch {
	case errs+warns == 0:
		return "no problems in " + files
	case warns == 0:
		return plural(errs, "error") + " in " + files
	case errs == 0:
		return plural(warns, "warning") + " in " + files
	}
	return fmt.Sprintf("%s, %s in %s", plural(errs, "error"), plural(warns, "warning"), files)
}

// plural counts things in English: "1 file", "2 files".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// printLintJSON writes the diagnostics as the JSON array of the SPEC, [] when clean.
func printLintJSON(w io.Writer, r LintResult, _ Options) error {
	ds := r.Diagnostics
	if ds == nil {
		ds = []journey.Diagnostic{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(ds)
}
