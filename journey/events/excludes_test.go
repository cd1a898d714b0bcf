package events

import (
	"slices"
	"testing"
)

// TestExcludeBits keeps masks through a page's byte indexes and past them, when a page
// meets more distinct masks than a byte numbers.
func TestExcludeBits(t *testing.T) {
	for _, distinct := range []int{1, 2, 255, 256, 300} {
		x := newExcludeBits(0)
		var want []uint32
		for i := range 2 * distinct {
			m := uint32(i % distinct)
			want = append(want, m)
			x.reserve(1)
			x.add([]uint32{m})
		}
		x.reserve(3)
		x.add([]uint32{0, 0, 0})
		want = append(want, 0, 0, 0)
		x.set(1, 1<<31)
		want[1] = 1 << 31
		var got []uint32
		for i := range want {
			got = append(got, x.at(i))
		}
		if !slices.Equal(got, want) {
			t.Errorf("%d distinct masks: got %v, want %v", distinct, got, want)
		}
		if wide := x.wide != nil; wide != (distinct >= 256) {
			t.Errorf("%d distinct masks: widened %v", distinct, wide)
		}
	}
}

// TestExcludeBitsBatch adds masks a batch at a time, one batch widening the page midway.
func TestExcludeBitsBatch(t *testing.T) {
	x := newExcludeBits(0)
	var want []uint32
	for _, n := range []int{3, 400, 5} {
		batch := make([]uint32, n)
		for i := range batch {
			if i%3 != 0 {
				batch[i] = uint32(len(want) + i)
			}
		}
		x.reserve(n)
		x.add(batch)
		want = append(want, batch...)
	}
	var got []uint32
	for i := range want {
		got = append(got, x.at(i))
	}
	if !slices.Equal(got, want) || x.wide == nil {
		t.Errorf("got %v, want %v (widened %v)", got, want, x.wide != nil)
	}
}
