package events

import (
	"fmt"
	"slices"
	"testing"
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
