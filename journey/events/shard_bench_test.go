package events

import (
	"fmt"
	"hash/maphash"
	"math/rand/v2"
	"testing"
)

// BenchmarkShard merges chunks of runs of users drawn at random from 600,000, as one shard
// merges a file sorted by time, and lays the events out: the time per run is the cost of
// numbering users and grouping their events when rows come in time order.
func BenchmarkShard(b *testing.B) {
	const users, runs, perChunk = 600_000, 4_000_000, 20_000
	seed := maphash.MakeSeed()
	r := rand.New(rand.NewPCG(1, 2))
	opts := &Options{}
	pl := &plan{}
	var chunks []*chunk
	for k := 0; k < runs; k += perChunk {
		c := &chunk{}
		c.reset(1)
		c.plan, c.seq = pl, uint64(len(chunks))
		for range perChunk {
			id := fmt.Appendf(nil, "u%d", r.IntN(users))
			c.run(id, seed, false)
			c.keep(1577836800e9+int64(k)*1e9, 1, 0)
		}
		chunks = append(chunks, c)
	}
	b.ResetTimer()
	for b.Loop() {
		s := newShard(0, opts, seed)
		for _, c := range chunks {
			if err := s.add(c); err != nil {
				b.Fatal(err)
			}
		}
		s.table.release() // as merger.log does
		s.finish()
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/runs, "ns/run")
}
