package main

import (
	"errors"

	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/events"
	"github.com/journey-cx/journey/journey/warehouse"
)

// Exit codes, the same for every command (SPEC section 4).
const (
	exitOK       = 0 // success
	exitProblems = 1 // the inputs have problems: lint errors, a missed KPI, a stale image
	exitUsage    = 2 // wrong usage: unknown flag or format, missing argument
	exitFailure  = 3 // the tool failed: a file it could not read or write
)

// usageError marks wrong usage of the command line (exit 2).
type usageError struct{ error }

func (e usageError) Unwrap() error { return e.error }

// problemsError marks problems in the user's inputs (exit 1). A nil inner error means the
// problems were already reported (diagnostics printed) and nothing more is to be said.
type problemsError struct{ error }

func (e problemsError) Error() string {
	if e.error == nil {
		return ""
	}
	return e.error.Error()
}

func (e problemsError) Unwrap() error { return e.error }

// errReported is returned when the problems were already printed: exit 1, no message.
var errReported = problemsError{}

// ranError wraps an error returned by a command's own code, as opposed to cobra's parsing.
type ranError struct{ error }

func (e ranError) Unwrap() error { return e.error }

// exitCode is the one place that maps an error to the process exit code.
func exitCode(err error) int {
	var (
		usage    usageError
		problems problemsError
		ran      ranError
	)
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &usage), errors.As(err, new(*journey.NoMapsError)), errors.As(err, new(*warehouse.URLError)):
		return exitUsage
	case errors.As(err, &problems), errors.As(err, new(*events.Error)), errors.As(err, new(*warehouse.ProblemError)):
		return exitProblems
	case !errors.As(err, &ran):
		// cobra's own errors: unknown command, wrong number of arguments.
		return exitUsage
	}
	// Anything else a command returns is the tool failing: a file it could not read or
	// write (fs.ErrNotExist, fs.ErrPermission...).
	return exitFailure
}

// errorMessage is the text printed for err on standard error, empty when already reported.
func errorMessage(err error) string {
	var problems problemsError
	if errors.As(err, &problems) && problems.error == nil {
		return ""
	}
	return err.Error()
}
