package journey

import "time"

// timeLayouts are the ways a person writes a time on the command line (--since, --until,
// --periods): RFC 3339, with or without a zone, or a date, which means midnight.
var timeLayouts = []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02"}

// ParseTime parses a time written on the command line: RFC 3339 (2024-03-01T09:00:00Z),
// the same without a zone, or YYYY-MM-DD for midnight. Times without a zone are in loc (nil
// means UTC). ok is false when v is none of these.
func ParseTime(v string, loc *time.Location) (t time.Time, ok bool) {
	if loc == nil {
		loc = time.UTC
	}
	for _, layout := range timeLayouts {
		if t, err := time.ParseInLocation(layout, v, loc); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}
