package events

import (
	"fmt"
	"math"
	"slices"
	"testing"
	"time"
)

func TestCountsAdd(t *testing.T) {
	c := Counts{Rows: 1, Mapped: 2, Unmapped: 3, Skipped: 4, Filtered: 5}
	c.Add(Counts{Rows: 10, Mapped: 20, Unmapped: 30, Skipped: 40, Filtered: 50})
	c.Add(UserCounts{Rows: 100, Mapped: 200, Unmapped: 300, Filtered: 400}.Counts())
	want := Counts{Rows: 111, Mapped: 222, Unmapped: 333, Skipped: 44, Filtered: 455}
	if c != want {
		t.Errorf("got %+v, want %+v", c, want)
	}
}

// TestSegments numbers a log's distinct segment values, none first, and gives each user's
// index among them.
func TestSegments(t *testing.T) {
	var l Log
	if got := l.Segments(); !slices.Equal(got, []string{""}) {
		t.Errorf("an empty log's segments are %q, want only none", got)
	}
	for i, s := range []string{"", "b", "a", "b"} {
		l.Append(fmt.Sprint("u", i), s, nil, UserCounts{})
	}
	if got := l.Segments(); !slices.Equal(got, []string{"", "b", "a"}) {
		t.Errorf("segments %q, want none, b, a", got)
	}
	for i, want := range []int{0, 1, 2, 1} {
		if got := l.SegmentIndex(i); got != want || l.Segment(i) != l.Segments()[want] {
			t.Errorf("user %d: index %d (%q), want %d", i, got, l.Segment(i), want)
		}
	}
}

// TestKeptRange: --since and --until as the first and the last time kept, a bound beyond
// the times an int64 of nanoseconds holds meaning what it means for every time it holds.
func TestKeptRange(t *testing.T) {
	day := func(y int) time.Time { return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC) }
	none := [2]int64{math.MaxInt64, math.MinInt64}
	tests := []struct {
		name         string
		since, until time.Time
		want         [2]int64
	}{
		{"no bounds", time.Time{}, time.Time{}, [2]int64{math.MinInt64, math.MaxInt64}},
		{"2024", day(2024), day(2025), [2]int64{day(2024).UnixNano(), day(2025).UnixNano() - 1}},
		{"until 3000 keeps every time", time.Time{}, day(3000), [2]int64{math.MinInt64, math.MaxInt64}},
		{"since 1000 keeps every time", day(1000), time.Time{}, [2]int64{math.MinInt64, math.MaxInt64}},
		{"since 2300 keeps none", day(2300), time.Time{}, none},
		{"until 1000 keeps none", time.Time{}, day(1000), none},
		{"500 to 2500 keeps every time", day(500), day(2500), [2]int64{math.MinInt64, math.MaxInt64}},
	}
	for _, tt := range tests {
		first, last := KeptRange(tt.since, tt.until)
		if [2]int64{first, last} != tt.want {
			t.Errorf("%s: %d..%d, want %d..%d", tt.name, first, last, tt.want[0], tt.want[1])
		}
	}
}
