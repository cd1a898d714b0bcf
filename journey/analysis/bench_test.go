package analysis

import (
	"math/rand/v2"
	"strconv"
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
		u := events.User{ID: strconv.Itoa(1e7 + i), Segment: strconv.Itoa(rng.IntN(4))}
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
		u.Events = all[len(all)-k:]
		u.Counts.Rows = int64(k)
		log.Users = append(log.Users, u)
	}
	return log
}

func BenchmarkAnalyze(b *testing.B) {
	m := newMap([]string{"visit", "search", "product"}, []string{"cart", "checkout"}, []string{"order", "review"})
	funnel(m, "main", "", 7*24*time.Hour, "visit", "product", "cart", "order")
	funnel(m, "stages", journey.Strict, 0, "stage-1", "stage-2", "stage-3")
	funnel(m, "any", journey.Unordered, 0, "search", "cart", "review")
	log := generate(m, 1_000_000, 10, 42)
	var evs int
	for _, u := range log.Users {
		evs += len(u.Events)
	}
	b.ReportMetric(float64(evs), "events/op")
	b.ResetTimer()
	for b.Loop() {
		Analyze(m, log, Options{})
	}
}
