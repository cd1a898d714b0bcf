package journey

import (
	"testing"
	"time"
)

func TestParseTime(t *testing.T) {
	ams, err := time.LoadLocation("Europe/Amsterdam")
	if err != nil {
		t.Skip(err)
	}
	for _, tc := range []struct {
		in   string
		loc  *time.Location
		want time.Time
	}{
		{"2024-03-01", nil, time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)},
		{"2024-03-01", ams, time.Date(2024, 3, 1, 0, 0, 0, 0, ams)},
		{"2024-03-01T09:30:00", ams, time.Date(2024, 3, 1, 9, 30, 0, 0, ams)},
		{"2024-03-01T09:30:00+02:00", ams, time.Date(2024, 3, 1, 7, 30, 0, 0, time.UTC)},
		// a space for the T, as event files may write it
		{"2024-03-01 09:30:00", ams, time.Date(2024, 3, 1, 9, 30, 0, 0, ams)},
		{"2024-03-01 09:30:00Z", ams, time.Date(2024, 3, 1, 9, 30, 0, 0, time.UTC)},
		// the clock skips 02:00-03:00 on 2024-03-31, and shows 02:00-03:00 twice on 2024-10-27
		{"2024-03-31T02:30:00", ams, time.Date(2024, 3, 31, 1, 0, 0, 0, time.UTC)},
		{"2024-03-31T03:00:00", ams, time.Date(2024, 3, 31, 1, 0, 0, 0, time.UTC)},
		{"2024-03-31T01:59:59", ams, time.Date(2024, 3, 31, 0, 59, 59, 0, time.UTC)},
		{"2024-10-27T02:30:00", ams, time.Date(2024, 10, 27, 0, 30, 0, 0, time.UTC)},
		{"2024-10-27T03:00:00", ams, time.Date(2024, 10, 27, 2, 0, 0, 0, time.UTC)},
		{"2024-10-27T01:59:59", ams, time.Date(2024, 10, 26, 23, 59, 59, 0, time.UTC)},
	} {
		if got, ok := ParseTime(tc.in, tc.loc); !ok || !got.Equal(tc.want) {
			t.Errorf("ParseTime(%q) = %v, %v; want %v", tc.in, got, ok, tc.want)
		}
	}
	for _, in := range []string{"", "2024-3-1", "yesterday", "1709280000", "2024-03-01  09:30:00", "2024-03-01 "} {
		if _, ok := ParseTime(in, nil); ok {
			t.Errorf("ParseTime(%q) accepted", in)
		}
	}
}

// TestParseTimeMidnightGap: where the clock skips midnight, a date starts when the clock
// jumps to it, whichever offset Go's time.Date picks for the skipped time.
func TestParseTimeMidnightGap(t *testing.T) {
	for _, tc := range []struct {
		zone, date string
		want       time.Time
	}{
		// 2024-09-08 00:00 -04 jumps to 01:00 -03
		{"America/Santiago", "2024-09-08", time.Date(2024, 9, 8, 4, 0, 0, 0, time.UTC)},
		// the day before is whole: it starts at 00:00 -04
		{"America/Santiago", "2024-09-07", time.Date(2024, 9, 7, 4, 0, 0, 0, time.UTC)},
		// 2018-11-04 00:00 -03 jumps to 01:00 -02
		{"America/Sao_Paulo", "2018-11-04", time.Date(2018, 11, 4, 3, 0, 0, 0, time.UTC)},
		// 2024-04-07 00:00 -03 turns back to 23:00 -04 the day before, whose last hour is
		// shown twice: the day starts at 00:00 -04
		{"America/Santiago", "2024-04-07", time.Date(2024, 4, 7, 4, 0, 0, 0, time.UTC)},
		// Beirut: 2024-03-31 00:00 +02 jumps to 01:00 +03
		{"Asia/Beirut", "2024-03-31", time.Date(2024, 3, 30, 22, 0, 0, 0, time.UTC)},
	} {
		loc, err := time.LoadLocation(tc.zone)
		if err != nil {
			t.Skip(err)
		}
		if got, ok := ParseTime(tc.date, loc); !ok || !got.Equal(tc.want) {
			t.Errorf("ParseTime(%q) in %s = %v, %v; want %v", tc.date, tc.zone, got.UTC(), ok, tc.want)
		}
	}
}
