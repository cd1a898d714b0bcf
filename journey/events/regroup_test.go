package events

import (
	"cmp"
	"fmt"
	"hash/maphash"
	"math/rand/v2"
	"slices"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/journey-cx/journey/journey"
)

// TestRegroup merges users who come back in random order into one shard and checks that,
// laid out, each user's events are theirs in input order, their tallies count them, and the
// users whose events are out of time order are listed, whichever way the times and
// exclusion masks have to be kept.
func TestRegroup(t *testing.T) {
	const base = int64(1577836800e9)
	seconds := func(_ *rand.Rand, i int) int64 { return base + int64(i)*1e9 }
	for _, c := range []struct {
		name        string
		time        func(r *rand.Rand, i int) int64
		mask        func(r *rand.Rand, i int) uint32
		ticks, wide bool // how the times and masks are kept
	}{
		{"whole seconds", seconds, nil, true, false},
		{"milliseconds", func(_ *rand.Rand, i int) int64 { return base + int64(i)*1e6 }, nil, true, false},
		{"seconds, then milliseconds", func(_ *rand.Rand, i int) int64 {
			if i < eventsPerPage {
				return base + int64(i)*1e9
			}
			return base + int64(i)*1e9 + 1e6
		}, nil, true, false},
		{"milliseconds, 45 days out of order", func(r *rand.Rand, _ int) int64 { return base + r.Int64N(45*86400e3)*1e6 }, nil, true, false},
		{"milliseconds, 50 days apart", func(r *rand.Rand, i int) int64 {
			return base + int64(r.IntN(2))*50*86400e9 + int64(i)*1e6
		}, nil, false, false},
		{"microseconds", func(_ *rand.Rand, i int) int64 { return base + int64(i)*1e3 }, nil, false, false},
		{"whole seconds out of order", func(r *rand.Rand, _ int) int64 { return base + r.Int64N(1e6)*1e9 }, nil, true, false},
		{"before 1970, out of order", func(r *rand.Rand, _ int) int64 { return -base + r.Int64N(1e15) }, nil, false, false},
		{"whole seconds, two centuries apart", func(r *rand.Rand, i int) int64 {
			return base + int64(r.IntN(2))*200*365*86400e9 + int64(i)*1e9
		}, nil, false, false},
		{"a few masks", seconds, func(r *rand.Rand, _ int) uint32 { return uint32(r.IntN(4)) }, true, false},
		{"more masks than a page numbers in a byte", seconds,
			func(r *rand.Rand, _ int) uint32 { return uint32(r.IntN(1000)) }, true, false},
		{"more masks than 16 bits number", seconds, func(_ *rand.Rand, i int) uint32 { return uint32(i) }, true, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := rand.New(rand.NewPCG(7, 8))
			opts := &Options{}
			if c.mask != nil {
				opts.Exclusions = []journey.Matcher{{}}
			}
			s, want := regroupInput(t, r, opts, 300_000, c.time, c.mask)
			clk, masks := s.store.clock(), s.store.maskNumbers()
			if clk.ticks != c.ticks || masks.wide != c.wide {
				t.Fatalf("times kept as ticks: %v, masks as they are: %v; want %v and %v", clk.ticks, masks.wide,
					c.ticks, c.wide)
			}
			s.table.release() // as merger.log does
			s.finish()
			if !s.scattered {
				t.Fatal("the users' events did not come apart")
			}
			var unsorted []uint32
			for u, events := range want {
				if !slices.IsSortedFunc(events, func(a, b Event) int { return cmp.Compare(a.Time, b.Time) }) {
					unsorted = append(unsorted, uint32(u))
				}
			}
			if diff := gocmp.Diff(unsorted, s.unsorted); diff != "" {
				t.Errorf("users out of time order (-want +got):\n%s", diff)
			}
			for u, events := range want {
				info := s.users.at(u)
				got := s.store.appendRange(nil, int(info.start), int(info.start+info.count))
				if diff := gocmp.Diff(events, got); diff != "" {
					t.Fatalf("user %d (-want +got):\n%s", u, diff)
				}
				if m := mappedOf(events); info.mapped != m || info.unmapped != uint32(len(events))-m {
					t.Fatalf("user %d: tallies %d mapped, %d unmapped, want %d and %d", u, info.mapped, info.unmapped,
						m, uint32(len(events))-m)
				}
			}
		})
	}
}

// regroupInput merges n events of users drawn at random into a new shard, in chunks, and
// returns it and each user's events in input order, users numbered as they are first met.
func regroupInput(t *testing.T, r *rand.Rand, opts *Options, n int, time func(*rand.Rand, int) int64,
	mask func(*rand.Rand, int) uint32) (*shard, [][]Event) {
	seed := maphash.MakeSeed()
	s := newShard(0, opts, seed)
	pl := &plan{exclusions: len(opts.Exclusions) > 0}
	number := map[string]int{}
	var want [][]Event
	for k := 0; k < n; k += 10_000 {
		c := &chunk{}
		c.reset(1)
		c.plan, c.seq = pl, uint64(k)
		for i := k; i < min(n, k+10_000); i++ {
			id := fmt.Sprintf("u%d", r.IntN(n/8))
			e := Event{Time: time(r, i), Touchpoint: int32(r.IntN(5)) - 1}
			if mask != nil {
				e.Exclude = mask(r, i)
			}
			if _, ok := number[id]; !ok {
				number[id] = len(want)
				want = append(want, nil)
			}
			want[number[id]] = append(want[number[id]], e)
			c.run([]byte(id), seed, false)
			c.keep(e.Time, e.Touchpoint, e.Exclude)
		}
		if err := s.add(c); err != nil {
			t.Fatal(err)
		}
	}
	return s, want
}

// mappedOf counts the events with a touchpoint.
func mappedOf(events []Event) uint32 {
	n := uint32(0)
	for _, e := range events {
		if e.Touchpoint >= 0 {
			n++
		}
	}
	return n
}
