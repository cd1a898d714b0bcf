package events

import (
	"cmp"
	"math"
	"slices"
	"testing"
)

// TestEventStore stores events across page boundaries, with times a page keeps as seconds
// or milliseconds and times that move it to nanoseconds, and reads them back in ranges,
// also after set.
func TestEventStore(t *testing.T) {
	const sec = int64(1e9)
	base := int64(1_700_000_000) * sec
	const day = 86400 * sec
	tests := []struct {
		name string
		time func(i int) int64
		wide bool  // some page must move to nanoseconds
		unit int64 // of the ticks of every page that keeps them
	}{
		{"whole seconds", func(i int) int64 { return base + int64(i)*sec }, false, sec},
		{"milliseconds", func(i int) int64 { return base + int64(i)*1e6 }, false, 1e6},
		{"a millisecond among seconds", func(i int) int64 {
			if i == eventsPerPage+5 {
				return base + 1e6
			}
			return base + int64(i)*sec
		}, false, 0},
		{"milliseconds, 49 days apart, either way", func(i int) int64 {
			return base + []int64{49*day + 7e6, 0, 1e6, 48 * day, -3e6}[i%5]
		}, false, 1e6},
		{"milliseconds, 50 days apart", func(i int) int64 { return base + []int64{50 * day, 1e6}[i%2] }, true, 1e6},
		{"microseconds", func(i int) int64 { return base + int64(i)*1e3 }, true, 1e6},
		{"one fraction", func(i int) int64 {
			if i == eventsPerPage+5 {
				return base + 1
			}
			return base + int64(i)*sec
		}, true, sec},
		{"more than 136 years apart", func(i int) int64 {
			if i%eventsPerPage == 7 {
				return base - 100*365*86400*sec
			}
			return base + 50*365*86400*sec
		}, true, sec},
		{"extremes", func(i int) int64 { return []int64{math.MinInt64, math.MaxInt64, 0, -1}[i%4] }, true, sec},
		{"extreme milliseconds", func(i int) int64 {
			return []int64{math.MinInt64 + 775_808, math.MinInt64 + 1_775_808, math.MaxInt64 - 775_807}[i%3]
		}, true, sec},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := 2*eventsPerPage + 10
			var want []Event
			for i := range n {
				want = append(want, Event{Time: tt.time(i), Touchpoint: int32(i % 7), Exclude: uint32(i % 3)})
			}
			s := eventStore{excludes: true}
			for lo := 0; lo < n; {
				hi := min(n, lo+1000+lo%777)
				var times []int64
				var tps []int16
				var excl []uint32
				for _, e := range want[lo:hi] {
					times, tps, excl = append(times, e.Time), append(tps, int16(e.Touchpoint)), append(excl, e.Exclude)
				}
				s.addColumns(times, tps, excl)
				lo = hi
			}
			if got := s.appendRange(nil, 0, n); !slices.Equal(got, want) {
				t.Fatalf("the events read back differ")
			}
			wide := false
			for i, p := range s.pages {
				wide = wide || p.ticks == nil
				if p.ticks != nil && tt.unit != 0 && p.unit != tt.unit {
					t.Errorf("page %d keeps ticks of %d ns, want %d", i, p.unit, tt.unit)
				}
			}
			if wide != tt.wide {
				t.Errorf("some page keeps nanoseconds: %v, want %v", wide, tt.wide)
			}
			j := eventsPerPage - 1
			e := Event{Time: base + 3, Touchpoint: 6, Exclude: 1 << 31}
			s.set(j, e)
			want[j] = e
			if got := s.appendRange(nil, j-2, j+3); !slices.Equal(got, want[j-2:j+3]) {
				t.Errorf("after set: got %v, want %v", got, want[j-2:j+3])
			}
			if s.sortedRange(0, n) != slices.IsSortedFunc(want, func(a, b Event) int { return cmp.Compare(a.Time, b.Time) }) {
				t.Errorf("sortedRange disagrees with the events")
			}
		})
	}
}

// TestColumn grows a column over several pages and finds every element where it was put.
func TestColumn(t *testing.T) {
	var c column[uint32]
	n := 3<<columnShift + 5
	for i := range n {
		*c.add() = uint32(i)
	}
	for i := range n {
		if got := *c.at(i); got != uint32(i) {
			t.Fatalf("element %d is %d", i, got)
		}
	}
}

// TestColumnExtendTo extends columns to sizes within the first page, past it, and from
// elements already added, and finds zeros where it extended and what was added before.
func TestColumnExtendTo(t *testing.T) {
	for _, tc := range []struct{ added, n int }{
		{0, 0}, {0, 1}, {0, 1000}, {0, 1 << columnShift}, {0, 1<<columnShift + 1}, {3, 5<<columnShift - 7},
		{1<<columnShift - 1, 1<<columnShift + 2}, {2 << columnShift, 4<<columnShift + 9}, {10, 5},
	} {
		var c column[uint32]
		for i := range tc.added {
			*c.add() = uint32(i) + 1
		}
		c.extendTo(tc.n)
		if want := max(tc.added, tc.n); c.n != want {
			t.Fatalf("%d added, extended to %d: %d elements, want %d", tc.added, tc.n, c.n, want)
		}
		for i := range c.n {
			want := uint32(0)
			if i < tc.added {
				want = uint32(i) + 1
			}
			if got := *c.at(i); got != want {
				t.Fatalf("%d added, extended to %d: element %d is %d, want %d", tc.added, tc.n, i, got, want)
			}
		}
		if *c.add() = 7; *c.at(c.n - 1) != 7 {
			t.Fatalf("%d added, extended to %d: adding after does not hold", tc.added, tc.n)
		}
	}
}
