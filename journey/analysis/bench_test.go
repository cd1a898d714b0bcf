package analysis

import (
	"math/rand/v2"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/events"
)

// generate builds a log of users with about perUser events each, wandering over m's
// touchpoints (and now and then off the map), seeded so that runs agree.
func generate(m *journey.Map, users, perUser int, seed uint64) *events.Log {
	rng := rand.New(rand.NewPCG(seed, 1))
	n := len(m.Touchpoints())
	log := &events.Log{Unmapped: map[string]int64{"other": 0}}
	all := make([]events.Event, 0, users*perUser)
	for i := range users {
		id, seg := strconv.Itoa(1e7+i), strconv.Itoa(rng.IntN(4))
		t := int64(1.6e18) + rng.Int64N(int64(30*24*time.Hour))
		k := 1 + rng.IntN(2*perUser)
		tp := rng.IntN(n)
		for range k {
			t += rng.Int64N(int64(6 * time.Hour))
			e := events.Event{Time: t, Touchpoint: int32(tp)}
			if rng.IntN(10) == 0 {
				e.Touchpoint = -1
			}
			all = append(all, e)
			tp = (tp + rng.IntN(3)) % n
		}
		log.Append(id, seg, all[len(all)-k:], events.UserCounts{Rows: uint32(k), Mapped: uint32(k)})
	}
	return log
}

// benchMap is a seven-touchpoint map with an ordered, a strict and an unordered funnel.
func benchMap() *journey.Map {
	m := newMap([]string{"visit", "search", "product"}, []string{"cart", "checkout"}, []string{"order", "review"})
	funnel(m, "main", "", 7*24*time.Hour, "visit", "product", "cart", "order")
	funnel(m, "stages", journey.Strict, 0, "stage-1", "stage-2", "stage-3")
	funnel(m, "any", journey.Unordered, 0, "search", "cart", "review")
	return m
}

var benchLog = sync.OnceValue(func() *events.Log { return generate(benchMap(), 1_000_000, 10, 42) })

// BenchmarkAnalyze runs the engine on about 10M events of 1M users. Besides wall time it
// reports the process's CPU time per run (cpu-ms/op), which a busy machine distorts less.
func BenchmarkAnalyze(b *testing.B) {
	m, log := benchMap(), benchLog()
	start := cpuTime()
	for b.Loop() {
		Analyze(m, log, Options{})
	}
	b.ReportMetric(float64((cpuTime()-start).Milliseconds())/float64(b.N), "cpu-ms/op")
}

// cpuTime is the CPU time (user and system) the process has used so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkScan is the baseline for BenchmarkAnalyze: one pass reading every event of the
// same log, the least any analysis must do.
func BenchmarkScan(b *testing.B) {
	log := benchLog()
	var sum int64
	start := cpuTime()
	var evs []events.Event
	for b.Loop() {
		for i := range log.NumUsers() {
			evs = log.AppendEvents(evs[:0], i)
			for _, e := range evs {
				sum += e.Time ^ int64(e.Touchpoint)
			}
		}
	}
	b.ReportMetric(float64((cpuTime()-start).Milliseconds())/float64(b.N), "cpu-ms/op")
	if sum == 0 {
		b.Log(sum)
	}
}
