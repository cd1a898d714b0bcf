package journey

import (
	"cmp"
	"fmt"
	"slices"
)

// Severity says whether a diagnostic fails a lint run on its own.
type Severity int

const (
	// Error diagnostics make a map invalid: lint exits 1, analyze and render refuse the map.
	Error Severity = iota
	// Warning diagnostics are advice; they fail lint only under --strict.
	Warning
)

// String returns "error" or "warning", the words used in every output format.
func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// MarshalText makes a Severity encode as its word in JSON.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Prefix is what lint's text output writes before the message of a diagnostic of severity
// s: "warning: " for a warning, nothing for an error.
func (s Severity) Prefix() string {
	if s == Warning {
		return "warning: "
	}
	return ""
}

// Pos is a 1-based position in a source file. A zero Line means the position is unknown
// (a problem with the file as a whole).
type Pos struct {
	Line   int
	Column int
}

// Diagnostic is one problem found in a user's file, with the position it points at and the
// stable id of the rule that found it.
type Diagnostic struct {
	File     string   `json:"file"`
	Line     int      `json:"line"`
	Column   int      `json:"column"`
	Severity Severity `json:"severity"`
	Rule     string   `json:"rule"`
	Message  string   `json:"message"`
	// Hidden is set on a too-many-problems diagnostic only: the problems of the file it
	// stands for, which are not shown. It is no part of the machine-readable outputs.
	Hidden Counts `json:"-"`
}

// Counts are numbers of problems by severity.
type Counts struct {
	Errors, Warnings int
}

// Count returns how many errors and warnings ds stand for: each diagnostic counts as one of
// its severity, but a too-many-problems notice, which is no problem itself, counts the
// problems it hides instead. Summaries give the real totals so.
func Count(ds []Diagnostic) Counts {
	var c Counts
	for _, d := range ds {
		switch {
		case d.Rule == ruleTooManyProblems.ID:
			c.Errors += d.Hidden.Errors
			c.Warnings += d.Hidden.Warnings
		case d.Severity == Warning:
			c.Warnings++
		default:
			c.Errors++
		}
	}
	return c
}

// Error formats the diagnostic as file:line:col: message [rule], so that a diagnostic can be
// returned where an error is expected.
func (d Diagnostic) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s [%s]", d.File, d.Line, d.Column, d.Message, d.Rule)
}

// SortDiagnostics orders diagnostics by file, line, column, rule and message, and drops exact
// duplicates, so that every output is deterministic. A file's too-many-problems notice,
// which says that problems after it are not shown, comes after the file's others.
func SortDiagnostics(ds []Diagnostic) []Diagnostic {
	slices.SortStableFunc(ds, func(a, b Diagnostic) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(isNotice(a), isNotice(b)), cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Column, b.Column), cmp.Compare(a.Rule, b.Rule),
			cmp.Compare(a.Message, b.Message))
	})
	return slices.Compact(ds)
}

// isNotice is 1 for a too-many-problems notice, else 0.
func isNotice(d Diagnostic) int {
	if d.Rule == ruleTooManyProblems.ID {
		return 1
	}
	return 0
}

// HasErrors reports whether any diagnostic is an error (or, when strict, a warning).
func HasErrors(ds []Diagnostic, strict bool) bool {
	return slices.ContainsFunc(ds, func(d Diagnostic) bool { return d.Severity == Error || strict })
}
