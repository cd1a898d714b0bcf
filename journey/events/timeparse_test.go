package events

import (
	"testing"
	"time"
)

func TestParseTime(t *testing.T) {
	amsterdam, err := time.LoadLocation("Europe/Amsterdam")
	if err != nil {
		t.Fatal(err)
	}
	utc := func(s string) int64 {
		v, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			t.Fatal(err)
		}
		return v.UnixNano()
	}
	tests := []struct {
		in   string
		loc  *time.Location
		want int64
		st   timeStatus
	}{
		{in: "2020-02-04T19:16:09Z", want: utc("2020-02-04T19:16:09Z")},
		{in: "2020-02-04t19:16:09z", want: utc("2020-02-04T19:16:09Z")},
		{in: "2020-02-04T19:16:09.5Z", want: utc("2020-02-04T19:16:09.5Z")},
		{in: "2020-02-04 19:16:09.182546", want: utc("2020-02-04T19:16:09.182546Z")},
		{in: "2020-02-04 19:16:09,25", want: utc("2020-02-04T19:16:09.25Z")},
		{in: "2020-02-04T19:16:09.1234567891234", want: utc("2020-02-04T19:16:09.123456789Z")},
		{in: "2010-12-30 14:32:00+01:00", want: utc("2010-12-30T13:32:00Z")},
		{in: "2010-12-30 14:32:00-0530", want: utc("2010-12-30T20:02:00Z")},
		{in: "2010-12-30 14:32:00+01", want: utc("2010-12-30T13:32:00Z")},
		{in: "2024-02-29", want: utc("2024-02-29T00:00:00Z")},
		{in: "1969-12-31T23:59:59Z", want: -1e9},
		{in: "1600000000", want: 1600000000e9},
		{in: "1600000000.25", want: 1600000000250000000},
		{in: "1600000000123", want: 1600000000123000000},
		{in: "1600000000123.5", want: 1600000000123500000},
		{in: "1600000000123456", want: 1600000000123456000},
		{in: "1600000000123456789", want: 1600000000123456789},
		{in: "99999999999", st: timeOutOfRange},
		{in: "100000000000", want: 1e17},
		{in: "0", want: 0},
		{in: "2020-02-04T19:16:09", loc: amsterdam, want: utc("2020-02-04T18:16:09Z")},
		{in: "2020-07-04 19:16:09", loc: amsterdam, want: utc("2020-07-04T17:16:09Z")},
		{in: "2020-07-04 19:16:09Z", loc: amsterdam, want: utc("2020-07-04T19:16:09Z")},
		{in: "2021-03-28 02:30:00", loc: amsterdam, st: timeInGap},
		{in: "2021-03-28 01:59:59", loc: amsterdam, want: utc("2021-03-28T00:59:59Z")},
		{in: "2021-03-28 03:00:00", loc: amsterdam, want: utc("2021-03-28T01:00:00Z")},
		{in: "2021-10-31 02:30:00", loc: amsterdam, want: utc("2021-10-31T00:30:00Z")},
		{in: "2021-10-31 03:00:00", loc: amsterdam, want: utc("2021-10-31T02:00:00Z")},
		{in: "", st: timeUnparsable},
		{in: "1.6e9", st: timeUnparsable},
		{in: "-5", st: timeUnparsable},
		{in: "12.", st: timeUnparsable},
		{in: "yesterday", st: timeUnparsable},
		{in: "2020-02-04T19:16", st: timeUnparsable},
		{in: "2020-02-04T19:16:09 ", st: timeUnparsable},
		{in: "2020-02-04T19:16:09+1", st: timeUnparsable},
		{in: "2020/02/04", st: timeUnparsable},
		{in: "2020-02-04T1a:16:09Z", st: timeUnparsable},
		{in: "2020-02-04T19:1:09Z0", st: timeUnparsable},
		{in: "2020-02-04T19-16-09Z", st: timeUnparsable},
		{in: "2020-02-04T19:16:0:Z", st: timeUnparsable},
		{in: "2020-02-04T/9:16:09Z", st: timeUnparsable},
		{in: "2020-02-04T\xb9:16:09Z", st: timeUnparsable},
		{in: "2020-02-04T24:00:00Z", st: timeOutOfRange},
		{in: "2020-02-04T23:60:00Z", st: timeOutOfRange},
		{in: "2020-02-30T23:00:00Z", st: timeOutOfRange},
		{in: "2020-02-30Tzz", st: timeUnparsable},
		{in: "2020-13-04", st: timeOutOfRange},
		{in: "2021-02-29", st: timeOutOfRange},
		{in: "2020-02-04T24:00:00Z", st: timeOutOfRange},
		{in: "2020-02-04T23:00:60Z", st: timeOutOfRange},
		{in: "2020-02-04T23:00:00+24:00", st: timeOutOfRange},
		{in: "9999-12-31", st: timeOutOfRange},
		{in: "99999999999999999999", st: timeOutOfRange},
		{in: "9300000000", st: timeOutOfRange},
	}
	for _, tt := range tests {
		got, st := parseTime([]byte(tt.in), newZones(tt.loc))
		if st != tt.st || (st == timeOK && got != tt.want) {
			t.Errorf("parseTime(%q, %v) = %d, %d; want %d, %d (%s)", tt.in, tt.loc, got, st, tt.want, tt.st,
				time.Unix(0, got).UTC())
		}
	}
}

// TestParseTimeMatchesTimeDate compares the zone handling with time.Date for every quarter
// hour of two years in zones with unusual transitions; where the local time exists once,
// both must agree.
func TestParseTimeMatchesTimeDate(t *testing.T) {
	for _, name := range []string{"Europe/Amsterdam", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata"} {
		loc, err := time.LoadLocation(name)
		if err != nil {
			t.Fatal(err)
		}
		z := newZones(loc)
		for s := int64(1577836800); s < 1640995200; s += 900 {
			lt := time.Unix(s, 0).UTC()
			want := time.Date(lt.Year(), lt.Month(), lt.Day(), lt.Hour(), lt.Minute(), 0, 0, loc)
			got, st := parseTime([]byte(lt.Format("2006-01-02 15:04:05")), z)
			exists := want.Hour() == lt.Hour() && want.Minute() == lt.Minute()
			if !exists {
				if st != timeInGap {
					t.Errorf("%s %s: status %d, want a gap", name, lt, st)
				}
				continue
			}
			if st != timeOK || (got != want.UnixNano() && got != want.Add(-time.Hour).UnixNano() && got != want.Add(-30*time.Minute).UnixNano()) {
				t.Errorf("%s %s: got %d (%d), want %s", name, lt, got, st, want)
			}
		}
	}
}
