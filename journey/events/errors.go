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

// maxQuoted is how many bytes of a user value quote shows.
const maxQuoted = 40

// quote quotes a user value for a message, shortening values too long to be read.
func quote(b []byte) string {
	if len(b) > maxQuoted {
		return fmt.Sprintf("%q...", b[:maxQuoted])
	}
	return fmt.Sprintf("%q", b)
}

// maxListed is how many names quoteList shows: a wide export (a JSON Lines file with a
// thousand property keys) would otherwise bury the message.
const maxListed = 50

// quoteList quotes each name and joins them with commas, as a header is shown in messages;
// past maxListed names it says how many more there are.
func quoteList(names []string) string {
	q := make([]string, 0, min(len(names), maxListed)+1)
	for _, n := range names[:min(len(names), maxListed)] {
		q = append(q, fmt.Sprintf("%q", n))
	}
	if len(names) > maxListed {
		q = append(q, fmt.Sprintf("and %d more", len(names)-maxListed))
	}
	return strings.Join(q, ", ")
}
