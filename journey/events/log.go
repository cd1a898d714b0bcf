package events

import (
	"math"
	"slices"
	"time"
	"unsafe"

	"github.com/journey-cx/journey/journey"
)

// Options says how to read event files and how rows map to a journey map.
type Options struct {
	// ID, Time and Event name the identity, time and event-name columns.
	ID, Time, Event string
	// By names the segment column (--by); empty for none. With a By column the log keeps
	// every user and all its rows' counts, as the segments' numbers need; without one, only
	// the users with a kept event (see Log).
	By string
	// Value names a column whose cell is kept, as a number, from each user's first row at
	// a touchpoint marked in ValueAt (attribute --value: the goal event's order value);
	// empty for none. It costs 24 bytes per user. A file without the column gives its rows
	// no value; a column no file has is an *Error.
	Value string
	// ValueAt marks, per touchpoint in document order, the touchpoints whose rows carry
	// the value.
	ValueAt []bool
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
	// Exclusions are the funnel exclusion matchers (at most MaxExclusions), tested against
	// every row.
	Exclusions []journey.Matcher
	// KeepUnmapped keeps rows that map to no touchpoint in the users' logs (strict funnels
	// need them); rows matching an exclusion are kept whatever this says.
	KeepUnmapped bool
	// Progress, when set, is called at most ten times a second, from another goroutine, with
	// the bytes of the files read so far and their total size (0 when unknown, as for
	// standard input). For gzip files both count compressed bytes.
	Progress func(read, total int64)
	// keepIDs keeps the users' identities in the log, for Log.UserID: the tests check who
	// is who with them, while no report needs them, and a short identity is otherwise kept
	// only in the table that numbers the users while the files are read.
	keepIDs bool
}

// Event is one kept row of a user, as the analysis reads it; the Log itself stores its
// fields in log-wide arrays, so memory grows with kept events only.
type Event struct {
	// Time is the row's time in Unix nanoseconds.
	Time int64
	// Touchpoint is the index of the mapped touchpoint in document order, or -1.
	Touchpoint int32
	// Exclude has bit i set when the row matches Options.Exclusions[i].
	Exclude uint32
}

// KeptRange returns the first and the last time, in Unix nanoseconds, that a row kept by
// Options.Since and Until may have: the whole range of times when they are zero, and, for
// a bound beyond the times an int64 of nanoseconds holds (1678-2261), what the bound means
// for every time it holds (--until 3000-01-01 keeps them all, --since 3000-01-01 none).
// When no time is kept, first is after last.
func KeptRange(since, until time.Time) (first, last int64) {
	first, last = math.MinInt64, math.MaxInt64
	if !since.IsZero() {
		switch {
		case since.After(maxTime):
			return math.MaxInt64, math.MinInt64
		case !since.Before(minTime):
			first = since.UnixNano()
		}
	}
	if !until.IsZero() {
		switch {
		case !until.After(minTime):
			return math.MaxInt64, math.MinInt64
		case !until.After(maxTime):
			last = until.UnixNano() - 1
		}
	}
	return first, last
}

// minTime and maxTime are the least and the greatest time an int64 of nanoseconds holds.
var (
	minTime = time.Unix(0, math.MinInt64)
	maxTime = time.Unix(0, math.MaxInt64)
)

// Since returns how long after earlier the time later is, for later at or after earlier, in
// nanoseconds: as an unsigned number, as times centuries apart are further apart than an
// int64 holds (a row of 1700 and one of 2024).
func Since(later, earlier int64) uint64 { return uint64(later) - uint64(earlier) }

// Within reports whether the time later, at or after earlier, is at most window
// nanoseconds after it; never for a negative window.
func Within(later, earlier, window int64) bool {
	return window >= 0 && Since(later, earlier) <= uint64(window)
}

// Counts are row counts: Rows = Mapped + Unmapped + Skipped + Filtered.
type Counts struct {
	Rows, Mapped, Unmapped, Skipped, Filtered int64
}

// Add adds o's counts to c.
func (c *Counts) Add(o Counts) {
	c.Rows += o.Rows
	c.Mapped += o.Mapped
	c.Unmapped += o.Unmapped
	c.Skipped += o.Skipped
	c.Filtered += o.Filtered
}

// MaxExclusions is how many exclusion matchers a Log can flag: one bit each of
// Event.Exclude.
const MaxExclusions = 32

// UserCounts are one user's row counts: Rows = Mapped + Unmapped + Filtered (a skipped row
// has no user). They are 32-bit to keep a million users small: one identity with more
// than 4 billion rows is beyond any file this reads.
type UserCounts struct {
	Rows, Mapped, Unmapped, Filtered uint32
}

// Counts returns u as Counts, for adding up; Skipped is 0.
func (u UserCounts) Counts() Counts {
	return Counts{Rows: int64(u.Rows), Mapped: int64(u.Mapped), Unmapped: int64(u.Unmapped), Filtered: int64(u.Filtered)}
}

// Problem points at a row (or, with Line 0, a whole file) and says what is wrong with it.
type Problem struct {
	File    string
	Line    int64
	Message string
}

// Log is everything the analysis needs from the event files. Its users are numbered from 0
// to NumUsers()-1 in the order the input first names them, so every result is
// deterministic; their identities, segments, counts and events are kept in a few log-wide
// arrays rather than a value per user, so a million users cost tens of bytes each plus six
// per kept event (seven with funnel exclusions).
//
// Read without a By column, a log holds only the users with a kept event, and their counts
// only of those rows: a row that keeps no event (unmapped, or outside Since and Until) is
// counted in Counts and Unmapped, and its identity is not looked up. No number reads such
// users then: they have no event, and the total counts are Counts. In an export full of
// events the map does not know, that spares most lookups. With a By column every user is
// kept, with all its rows' counts, and the users are counted as they first appear in any
// row; without, as they first appear in a row that keeps an event.
type Log struct {
	// ids holds every identity, one after the other; idEnds.at(i) is where user i's ends.
	ids    string
	idBuf  []byte // what ids views, for Append
	idEnds column[uint32]
	users  column[userInfo]
	// segments are the distinct segment values, "" first; segOf.at(i) is user i's index
	// there; segOf is nil when no user has a segment.
	segments []string
	segOf    *column[uint32]
	events   eventStore
	// Counts are the totals over every row read.
	Counts Counts
	// Unmapped counts the rows of each event name that matched no touchpoint. A log Read
	// returns keeps only the MostUnmapped names with the most rows (among names with as
	// many, the first in byte order), however many distinct names the files hold.
	Unmapped map[string]int64
	// Skipped are the first few skipped rows, with why; Counts.Skipped has them all.
	Skipped []Problem
	// Warnings are notices that did not skip rows: a header-only file, implausible times.
	Warnings []Problem
	// everyUser says whether the log holds every user with all its rows' counts (it was
	// read with a By column, or built by Append).
	everyUser bool
	// values are the users' value picks (Options.Value); nil without one.
	values *column[userValue]
	// BadValues counts the users whose value cell is not a number (or whose file lacks the
	// value column), which counts 0; ValueProblems are the first few, with file and line.
	BadValues     int64
	ValueProblems []Problem
}

// NumUsers returns the number of users: identities with at least one row, or, for a log
// read without a By column, with at least one kept event.
func (l *Log) NumUsers() int { return l.users.n }

// UserID returns user i's identity, or "" when the log does not keep them: a log built by
// Append keeps them, one Read builds does not (but for the tests').
func (l *Log) UserID(i int) string {
	if l.idEnds.n == 0 {
		return ""
	}
	start := uint32(0)
	if i > 0 {
		start = *l.idEnds.at(i - 1)
	}
	return l.ids[start:*l.idEnds.at(i)]
}

// Segment returns user i's segment: the first non-empty value of the By column on the
// user's mapped rows, in time order (first touch); empty when there is none.
func (l *Log) Segment(i int) string {
	return l.Segments()[l.SegmentIndex(i)]
}

// Segments returns the distinct segment values of the users, "" (none) first.
func (l *Log) Segments() []string {
	if l.segments == nil {
		return []string{""}
	}
	return l.segments
}

// SegmentIndex returns the index of user i's segment in Segments.
func (l *Log) SegmentIndex(i int) int {
	if l.segOf == nil {
		return 0
	}
	return int(*l.segOf.at(i))
}

// UserCounts returns user i's own row counts (only of its rows with a kept event, for a log
// read without a By column).
func (l *Log) UserCounts(i int) UserCounts {
	t := l.users.at(i).tally
	return UserCounts{Rows: t.mapped + t.unmapped + t.filtered, Mapped: t.mapped, Unmapped: t.unmapped, Filtered: t.filtered}
}

// AppendEvents appends user i's kept events to dst, in time order (ties keep input order),
// and returns the extended slice; reusing dst, a loop over the users does not allocate.
func (l *Log) AppendEvents(dst []Event, i int) []Event {
	info := l.users.at(i)
	return l.events.appendRange(dst, int(info.start), int(info.start+info.count))
}

// Append adds a user after the last one, for logs built other than by Read: id must be new,
// evs must be in time order, and every touchpoint below 32768. The user's Rows count is the
// sum of the others, whatever c.Rows says.
func (l *Log) Append(id, segment string, evs []Event, c UserCounts) {
	// The identities grow in a byte slice the string views: bytes once written never
	// change, so earlier views stay valid, and adding is not quadratic.
	if len(l.idBuf) != len(l.ids) {
		l.idBuf = []byte(l.ids)
	}
	l.idBuf = append(l.idBuf, id...)
	l.ids = unsafe.String(unsafe.SliceData(l.idBuf), len(l.idBuf))
	l.appendSegment(segment)
	*l.idEnds.add() = uint32(len(l.ids))
	l.everyUser = true
	*l.users.add() = userInfo{tally: tally{c.Mapped, c.Unmapped, c.Filtered},
		start: uint32(l.events.n), count: uint32(len(evs))}
	for _, e := range evs {
		if e.Exclude != 0 && !l.events.excludes {
			l.events = l.events.withExcludes()
		}
		l.events.add(e)
	}
}

// appendSegment gives the user being appended a segment index, adding the value to the
// table the first time it is seen.
func (l *Log) appendSegment(v string) {
	if l.segments == nil {
		l.segments = []string{""}
	}
	ix := slices.Index(l.segments, v)
	if ix < 0 {
		ix = len(l.segments)
		l.segments = append(l.segments, v)
	}
	if ix != 0 && l.segOf == nil {
		l.segOf = &column[uint32]{}
		for l.segOf.n < l.users.n {
			l.segOf.add()
		}
	}
	if l.segOf != nil {
		*l.segOf.add() = uint32(ix)
	}
}
