package events

import (
	"fmt"
	"hash/maphash"
	"math/rand/v2"
	"testing"

	"github.com/journey-cx/journey/journey"
)

// BenchmarkLayout lays out, once merged, the events of 600k users who come back in random
// order, as a shard of a file sorted by time does: 5M events, a few with exclusion bits,
// with times in whole seconds, in milliseconds (both kept as 32-bit ticks) and in
// nanoseconds.
// The time per event is the cost of grouping the events user by user.
func BenchmarkLayout(b *testing.B) {
	for _, step := range []struct {
		name string
		step int64
	}{{"seconds", 1e9}, {"milliseconds", 501e6}, {"nanoseconds", 1e9 + 1}} {
		b.Run(step.name, func(b *testing.B) { benchmarkLayout(b, step.step) })
	}
}

// benchmarkLayout is BenchmarkLayout with step nanoseconds between one event and the next.
func benchmarkLayout(b *testing.B, step int64) {
	const users, events, perChunk = 600_000, 5_000_000, 20_000
	seed := maphash.MakeSeed()
	r := rand.New(rand.NewPCG(1, 2))
	opts := &Options{Exclusions: []journey.Matcher{{}}}
	pl := &plan{exclusions: true}
	var chunks []*chunk
	for k := 0; k < events; k += perChunk {
		c := &chunk{}
		c.reset(1)
		c.plan, c.seq = pl, uint64(len(chunks))
		for i := range perChunk {
			c.run(fmt.Appendf(nil, "u%d", r.IntN(users)), seed, false)
			c.keep(1577836800e9+int64(k+i)*step, int32(r.IntN(20)), uint32(r.IntN(50)/49))
		}
		chunks = append(chunks, c)
	}
	b.ResetTimer()
	for b.Loop() {
		b.StopTimer()
		s := newShard(0, opts, seed)
		for _, c := range chunks {
			if err := s.add(c); err != nil {
				b.Fatal(err)
			}
		}
		s.table.release() // as merger.log does
		b.StartTimer()
		s.finish()
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/events, "ns/event")
}
