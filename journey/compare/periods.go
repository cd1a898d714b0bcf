package compare

import (
	"fmt"
	"strings"
	"time"

	"github.com/journey-cx/journey/journey"
)

// Period is one group of --periods: the rows in [Since, Until), written as Text.
type Period struct {
	Text         string
	Since, Until time.Time
}

// ParsePeriods parses --periods SINCE..UNTIL,SINCE..UNTIL. Each bound is a date (midnight
// in loc, nil meaning UTC) or an RFC 3339 time. A period whose start is not before its
// end, or two periods that overlap, are refused; its errors are about the command line.
func ParsePeriods(s string, loc *time.Location) ([2]Period, error) {
	var out [2]Period
	parts := strings.Split(s, ",")
	if len(parts) != 2 {
		return out, fmt.Errorf("--periods %q: expected two periods SINCE..UNTIL,SINCE..UNTIL, like 2024-01-01..2024-04-01,2024-04-01..2024-07-01", s)
	}
	for i, p := range parts {
		var err error
		if out[i], err = parsePeriod(p, loc); err != nil {
			return out, err
		}
	}
	if out[0].Since.Before(out[1].Until) && out[1].Since.Before(out[0].Until) {
		return out, fmt.Errorf("--periods: %q and %q overlap; compare periods that do not", out[0].Text, out[1].Text)
	}
	return out, nil
}

// parsePeriod parses one SINCE..UNTIL.
func parsePeriod(s string, loc *time.Location) (Period, error) {
	since, until, ok := strings.Cut(s, "..")
	if !ok {
		return Period{}, fmt.Errorf("--periods: %q is not a period SINCE..UNTIL, like 2024-01-01..2024-04-01", s)
	}
	p := Period{Text: s}
	for _, b := range []struct {
		text string
		dst  *time.Time
	}{{since, &p.Since}, {until, &p.Until}} {
		t, ok := journey.ParseTime(b.text, loc)
		if !ok {
			return Period{}, fmt.Errorf("--periods: %q is not a time: expected RFC 3339 (2024-03-01T09:00:00Z) or YYYY-MM-DD", b.text)
		}
		*b.dst = t
	}
	if !p.Since.Before(p.Until) {
		return Period{}, fmt.Errorf("--periods: period %q is empty: its start is not before its end", s)
	}
	return p, nil
}
