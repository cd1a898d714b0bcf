package journey

import "time"

// timeLayouts are the ways a person writes a time on the command line (--since, --until,
// --periods): RFC 3339, with or without a zone, or a date, which means midnight.
var timeLayouts = []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02"}

// ParseTime parses a time written on the command line: RFC 3339 (2024-03-01T09:00:00Z),
// the same without a zone, or YYYY-MM-DD for midnight; a space may stand for the T, as in
// event files. Times without a zone are in loc (nil means UTC). ok is false when v is none
// of these.
//
// A local time that loc's clock skips (a daylight-saving gap) is the instant the clock
// jumps over it: a date whose midnight is skipped starts when the date does. A local time
// the clock shows twice is the earlier instant, as in event files.
func ParseTime(v string, loc *time.Location) (t time.Time, ok bool) {
	if loc == nil {
		loc = time.UTC
	}
	if len(v) > 10 && v[10] == ' ' {
		v = v[:10] + "T" + v[11:]
	}
	for i, layout := range timeLayouts {
		t, err := time.ParseInLocation(layout, v, loc)
		if err != nil {
			continue
		}
		if i == 0 {
			return t, true // it has its zone
		}
		wall, _ := time.Parse(layout, v)
		return localInstant(wall, loc), true
	}
	return time.Time{}, false
}

// localInstant returns the instant at which loc's clock shows the wall time wall (whose
// fields are read in UTC): the earlier of two, or the end of the gap that skips it.
func localInstant(wall time.Time, loc *time.Location) time.Time {
	t := time.Date(wall.Year(), wall.Month(), wall.Day(), wall.Hour(), wall.Minute(), wall.Second(),
		wall.Nanosecond(), loc)
	shows := func(x time.Time) bool { return sameWall(x.In(loc), wall) }
	start, end := t.ZoneBounds()
	if !shows(t) {
		// in a gap: t shows a later time past the jump that starts its period, or an earlier
		// one before the jump that ends it
		if isAfterWall(t.In(loc), wall) {
			return start
		}
		return end
	}
	// the earlier of two instants the clock shows it, when the period before t's shows it too
	if !start.IsZero() {
		if earlier := t.Add(-offsetStep(start, loc)); earlier.Before(start) && shows(earlier) {
			return earlier
		}
	}
	return t
}

// offsetStep returns how far the clock turned back at start, the beginning of a period of
// loc: the offset before it minus the one from it (0 when it moved forward).
func offsetStep(start time.Time, loc *time.Location) time.Duration {
	_, before := start.Add(-time.Nanosecond).In(loc).Zone()
	_, after := start.In(loc).Zone()
	return max(0, time.Duration(before-after)*time.Second)
}

// sameWall reports whether the local time x shows the wall clock wall (read in UTC).
func sameWall(x, wall time.Time) bool {
	return x.Year() == wall.Year() && x.YearDay() == wall.YearDay() && x.Hour() == wall.Hour() &&
		x.Minute() == wall.Minute() && x.Second() == wall.Second() && x.Nanosecond() == wall.Nanosecond()
}

// isAfterWall reports whether the local time x shows a wall clock after wall (read in UTC).
func isAfterWall(x, wall time.Time) bool {
	return time.Date(x.Year(), x.Month(), x.Day(), x.Hour(), x.Minute(), x.Second(), x.Nanosecond(), time.UTC).After(wall)
}
