package events

import (
	"fmt"
	"strings"
)

// Error is a problem with an event file that stops the read, because nothing after it can be
// trusted: an unterminated quote, a corrupt gzip stream, a header without a required column,
// or (with Options.Strict) the first skipped row. Line is 0 when the problem concerns the
// file as a whole. The CLI maps it to exit code 1: the input, not the tool, is at fault.
type Error struct {
	File    string
	Line    int64
	Message string
}

// Error formats the problem as file:line: message, or file: message without a line.
func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Message)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Message)
}

// quote quotes a user value for a message, shortening values too long to be read.
func quote(b []byte) string {
	const max = 40
	if len(b) > max {
		return fmt.Sprintf("%q...", b[:max])
	}
	return fmt.Sprintf("%q", b)
}

// quoteList quotes each name and joins them with commas, as a header is shown in messages.
func quoteList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	return strings.Join(q, ", ")
}
