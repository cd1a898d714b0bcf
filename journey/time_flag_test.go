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
	} {
		if got, ok := ParseTime(tc.in, tc.loc); !ok || !got.Equal(tc.want) {
			t.Errorf("ParseTime(%q) = %v, %v; want %v", tc.in, got, ok, tc.want)
		}
	}
	for _, in := range []string{"", "2024-3-1", "yesterday", "1709280000"} {
		if _, ok := ParseTime(in, nil); ok {
			t.Errorf("ParseTime(%q) accepted", in)
		}
	}
}
