package analysis

import (
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/events"
)

// fuzzMap has touchpoints a..e and one funnel per order over the same steps, plus an ordered
// funnel with an exclusion.
func fuzzMap() *journey.Map {
	m := newMap([]string{"a", "b", "c"}, []string{"d", "e"})
	m.Window = 5 * time.Second
	for _, order := range []string{journey.Ordered, journey.Strict, journey.Unordered} {
		funnel(m, order, order, 4*time.Second, "a", "b", "stage-2", "a")
	}
	x := funnel(m, "excluded", journey.Ordered, 4*time.Second, "a", "b", "c")
	x.Exclude = []journey.Exclusion{{From: 1, To: 2}}
	return m
}

// fuzzLog decodes three bytes per event: the user, the touchpoint (or an unmapped row, some
// matching the exclusion) and the seconds since the user's previous event (0 is the same
// instant).
func fuzzLog(data []byte) *events.Log {
	users := make([]user, 4)
	now := make([]int64, 4)
	for i := 0; i+2 < len(data); i += 3 {
		u := int(data[i] % 4)
		now[u] += int64(data[i+2]%4) * int64(time.Second)
		e := events.Event{Time: now[u], Touchpoint: int32(data[i+1]%7) - 1}
		if e.Touchpoint == 5 {
			e.Touchpoint, e.Exclude = -1, 1<<3
		}
		users[u].Events = append(users[u].Events, e)
		users[u].Counts.Rows++
		if e.Touchpoint < 0 {
			users[u].Counts.Unmapped++
		} else {
			users[u].Counts.Mapped++
		}
	}
	log := &events.Log{Unmapped: map[string]int64{}}
	for i, u := range users {
		if len(u.Events) > 0 {
			log.Append(strconv.Itoa(i), strconv.Itoa(i%2), u.Events, u.Counts)
		}
	}
	return log
}

// FuzzAnalyze checks invariants of the engine on arbitrary logs: funnel counts never grow
// along the steps, a strict funnel never beats its ordered twin nor an ordered one its
// unordered twin, the ordered funnel agrees with an exhaustive search, and the split
// between workers changes nothing.
func FuzzAnalyze(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{0, 1, 0, 0, 2, 1, 0, 4, 1, 0, 1, 1})
	f.Add([]byte{1, 1, 0, 1, 6, 0, 1, 2, 1, 2, 2, 0, 2, 1, 0, 2, 4, 3})
	m := fuzzMap()
	f.Fuzz(func(t *testing.T, data []byte) {
		log := fuzzLog(data)
		r := Analyze(m, log, Options{Workers: 1, By: "s"})
		for _, fn := range r.Funnels {
			for k := 1; k < len(fn.Steps); k++ {
				if fn.Steps[k].Users > fn.Steps[k-1].Users {
					t.Fatalf("funnel %s grows at step %d: %+v", fn.ID, k+1, fn.Steps)
				}
			}
		}
		ordered, strict, unordered := r.Funnels[0].Steps, r.Funnels[1].Steps, r.Funnels[2].Steps
		for k := range ordered {
			if strict[k].Users > ordered[k].Users || ordered[k].Users > unordered[k].Users {
				t.Fatalf("step %d: strict %d, ordered %d, unordered %d", k+1, strict[k].Users, ordered[k].Users, unordered[k].Users)
			}
		}
		distinct := distinctTimes(log)
		got := Analyze(m, distinct, Options{}).Funnels[0].Steps
		if want := searchOrdered(m, distinct); want != got[len(got)-1].Users {
			t.Fatalf("ordered funnel completes for %d users, exhaustive search says %d", got[len(got)-1].Users, want)
		}
		if diff := cmp.Diff(r, Analyze(m, log, Options{Workers: 3, By: "s"})); diff != "" {
			t.Fatalf("workers disagree (-1 +3):\n%s", diff)
		}
	})
}

// distinctTimes keeps the users whose events all have distinct times. Among events at one
// instant, PostHog's engine fills steps in step order, so a new step-1 attempt at that
// instant may take over later steps from an older attempt: a rule the search below does not
// model.
func distinctTimes(log *events.Log) *events.Log {
	out := &events.Log{Unmapped: log.Unmapped}
	for _, u := range usersOf(log) {
		same := false
		for i := 1; i < len(u.Events); i++ {
			same = same || u.Events[i].Time == u.Events[i-1].Time
		}
		if !same {
			out.Append(u.ID, u.Segment, u.Events, u.Counts)
		}
	}
	return out
}

// searchOrdered counts the users who complete m's first funnel, by trying every start and
// filling each later step with the earliest unused event not before the previous one.
func searchOrdered(m *journey.Map, log *events.Log) int64 {
	fp := newPlan(m, 0).funnels[0]
	var n int64
	for _, u := range usersOf(log) {
		for i := range u.Events {
			if completes(fp, u.Events, i) {
				n++
				break
			}
		}
	}
	return n
}

func completes(fp *funnelPlan, evs []events.Event, start int) bool {
	if !slices.Contains(fp.steps(&evs[start]), 1) {
		return false
	}
	used := map[int]bool{start: true}
	t := evs[start].Time
	for st := int32(2); st <= int32(fp.n); st++ {
		best := -1
		for j := range evs {
			if !used[j] && evs[j].Time >= t && slices.Contains(fp.steps(&evs[j]), st) && (best < 0 || evs[j].Time < evs[best].Time) {
				best = j
			}
		}
		if best < 0 || evs[best].Time-evs[start].Time > fp.window {
			return false
		}
		used[best], t = true, evs[best].Time
	}
	return true
}
