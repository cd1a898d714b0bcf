package warehouse

import (
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/analysis/analysistest"
)

// randomUsers writes n users of random events in analysistest's notation: touchpoints a to
// d and unmapped rows, at a few instants so that many share one, some with a nanosecond
// more, some with exclusion bits, in no particular order.
func randomUsers(r *rand.Rand, n int) []string {
	tps := []string{"a", "a", "b", "b", "c", "d", "-"}
	var users []string
	for u := range n {
		var evs []string
		for range r.IntN(12) {
			ev := fmt.Sprintf("%s@%d", tps[r.IntN(len(tps))], 3*r.IntN(12))
			if r.IntN(6) == 0 {
				ev += "+1"
			}
			if r.IntN(8) == 0 {
				ev += fmt.Sprintf("!%d", 1+r.IntN(31))
			}
			evs = append(evs, ev)
		}
		users = append(users, fmt.Sprintf("u%d/s%d: %s", u, r.IntN(3), strings.Join(evs, " ")))
	}
	return users
}

// randomFunnelMap has a funnel of every kind the statement computes differently: ordered
// ones of closed form (touchpoints, a stage, exclusions), ordered ones that need the fold
// (an event filling two steps, with and without exclusions, a repeated step), strict and
// unordered ones.
func randomFunnelMap() *journey.Map {
	m := analysistest.NewMap([]string{"a", "b", "c"}, []string{"d"})
	w := 10 * time.Second
	analysistest.AddFunnel(m, "closed", journey.Ordered, w, "a", "b", "c", "d")
	analysistest.AddFunnel(m, "closed-stage", journey.Ordered, w, "stage-1", "d")
	analysistest.AddFunnel(m, "two-steps", journey.Ordered, w, "stage-1", "b", "d")
	f := analysistest.AddFunnel(m, "two-steps-excluded", journey.Ordered, w, "stage-1", "b", "d")
	f.Exclude = analysistest.Exclusions([]journey.Exclusion{{From: 1, To: 2}})
	analysistest.AddFunnel(m, "repeated", journey.Ordered, w, "a", "b", "a", "c")
	f = analysistest.AddFunnel(m, "excluded", journey.Ordered, w, "a", "b", "c", "d")
	f.Exclude = analysistest.Exclusions([]journey.Exclusion{{From: 1, To: 3}, {}})
	f = analysistest.AddFunnel(m, "strict", journey.Strict, w, "a", "b", "c")
	f.Exclude = analysistest.Exclusions([]journey.Exclusion{{From: 2, To: 3}})
	f = analysistest.AddFunnel(m, "unordered", journey.Unordered, w, "a", "b", "c", "d")
	f.Exclude = analysistest.Exclusions([]journey.Exclusion{{}})
	return m
}

// TestEqualRandomFunnels compares the funnels of random users, many events at one instant
// among them, with the CSV engine's: every way the statement computes a funnel. It runs 4
// sets of 400 users, JOURNEY_WAREHOUSE_SEEDS sets when set.
func TestEqualRandomFunnels(t *testing.T) {
	m := randomFunnelMap()
	seeds := uint64(4)
	if v := os.Getenv("JOURNEY_WAREHOUSE_SEEDS"); v != "" {
		n, err := strconv.ParseUint(v, 10, 64)
		if err != nil {
			t.Fatal(err)
		}
		seeds = n
	}
	eachDB(t, func(t *testing.T, db *testDB) {
		for seed := range seeds {
			t.Run(fmt.Sprint(seed), func(t *testing.T) {
				csv, err := analysistest.CSV(randomUsers(rand.New(rand.NewPCG(seed, 12)), 400)...)
				if err != nil {
					t.Fatal(err)
				}
				checkEqual(t, db, m, csv, options{by: "seg"})
			})
		}
	})
}
