package events

import (
	"time"

	"github.com/journey-cx/journey/journey"
)

// Options says how to read event files and how rows map to a journey map.
type Options struct {
	// ID, Time and Event name the identity, time and event-name columns.
	ID, Time, Event string
	// By names the segment column (--by); empty for none.
	By string
	// Location is the zone of times written without one; nil means UTC.
	Location *time.Location
	// Since and Until, when non-zero, keep only rows with Since <= time < Until; the rest
	// are counted as filtered.
	Since, Until time.Time
	// Strict turns the first skipped row into an error.
	Strict bool
	// Touchpoints holds, per touchpoint in document order, the matchers of its `events`;
	// a row maps to the first touchpoint with a matching entry.
	Touchpoints [][]journey.Matcher
	// Exclusions are the funnel exclusion matchers (at most 32), tested against every row.
	Exclusions []journey.Matcher
	// KeepUnmapped keeps rows that map to no touchpoint in the users' logs (strict funnels
	// need them); rows matching an exclusion are kept whatever this says.
	KeepUnmapped bool
	// Progress, when set, is called now and then with the bytes read so far and the total
	// (0 when unknown, as for standard input or gzip).
	Progress func(read, total int64)
}

// Event is one kept row of a user: 16 bytes, so memory grows with mapped events only.
type Event struct {
	// Time is the row's time in Unix nanoseconds.
	Time int64
	// Touchpoint is the index of the mapped touchpoint in document order, or -1.
	Touchpoint int32
	// Exclude has bit i set when the row matches Options.Exclusions[i].
	Exclude uint32
}

// Counts are row counts: Rows = Mapped + Unmapped + Skipped + Filtered.
type Counts struct {
	Rows, Mapped, Unmapped, Skipped, Filtered int64
}

// User is one identity with at least one row.
type User struct {
	ID string
	// Segment is the first non-empty value of the By column on the user's mapped rows, in
	// time order (first touch); empty when there is none.
	Segment string
	// Events are the kept rows in time order; ties keep input order.
	Events []Event
	// Counts are the user's own rows.
	Counts UserCounts
}

// UserCounts are one user's row counts: Rows = Mapped + Unmapped + Filtered (a skipped row
// has no user). They are 32-bit to keep a million users small: one identity with more
// than 4 billion rows is beyond any file this reads.
type UserCounts struct {
	Rows, Mapped, Unmapped, Filtered uint32
}

// Problem points at a row (or, with Line 0, a whole file) and says what is wrong with it.
type Problem struct {
	File    string
	Line    int64
	Message string
}

// Log is everything the analysis needs from the event files.
type Log struct {
	// Users are sorted by ID, so every result is deterministic.
	Users []User
	// Counts are the totals over every row read.
	Counts Counts
	// Unmapped counts the rows of each event name that matched no touchpoint.
	Unmapped map[string]int64
	// Skipped are the first few skipped rows, with why; Counts.Skipped has them all.
	Skipped []Problem
	// Warnings are notices that did not skip rows: a header-only file, implausible times.
	Warnings []Problem
}
