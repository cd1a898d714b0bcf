package events

import "testing"

func TestCountsAdd(t *testing.T) {
	c := Counts{Rows: 1, Mapped: 2, Unmapped: 3, Skipped: 4, Filtered: 5}
	c.Add(Counts{Rows: 10, Mapped: 20, Unmapped: 30, Skipped: 40, Filtered: 50})
	c.Add(UserCounts{Rows: 100, Mapped: 200, Unmapped: 300, Filtered: 400}.Counts())
	want := Counts{Rows: 111, Mapped: 222, Unmapped: 333, Skipped: 44, Filtered: 455}
	if c != want {
		t.Errorf("got %+v, want %+v", c, want)
	}
}
