package analysis

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestCost: a touchpoint's cost is its events times its cost in the map; the report's cost
// adds them up and divides by the goal users; each segment counts its own users' events.
// Here a costs 2.5 per event and c (the goal) 10; b has none. Segment x: u1 (a, a, c) and
// u2 (a): 3 events at a (7.5) and 1 at c (10) = 17.5 over 1 goal user. Segment y: u3 (b)
// costs 0 and no one reaches the goal. In all: 17.5 over 1 goal user.
func TestCost(t *testing.T) {
	m := newMap([]string{"a", "b"}, []string{"c"})
	a, c := m.Stages[0].Touchpoints[0], m.Stages[1].Touchpoints[0]
	a.Cost, c.Cost, c.Goal = ptr(2.5), ptr(10.0), true
	m.Currency = "EUR"
	r := Analyze(m, newLog(t, m, "u1/x: a@0 a@1 c@2", "u2/x: a@0", "u3/y: b@0"), Options{By: "channel"})
	eur := "EUR"
	want := &Cost{Total: 17.5, PerGoalUser: ptr(17.5), Currency: &eur}
	if diff := cmp.Diff(want, r.Cost); diff != "" {
		t.Errorf("cost (-want +got):\n%s", diff)
	}
	if got := []*float64{r.Touchpoints[0].Cost, r.Touchpoints[1].Cost, r.Touchpoints[2].Cost}; *got[0] != 7.5 || got[1] != nil || *got[2] != 10 {
		t.Errorf("touchpoint costs %v %v %v, want 7.5, null, 10", got[0], got[1], got[2])
	}
	if diff := cmp.Diff(want, r.Segments[0].Cost); diff != "" {
		t.Errorf("segment x cost (-want +got):\n%s", diff)
	}
	y := r.Segments[1].Cost
	if y == nil || y.Total != 0 || y.PerGoalUser != nil || *r.Segments[1].Touchpoints[0].Cost != 0 {
		t.Errorf("segment y: %+v; want a total of 0, no cost per goal user, a at 0", y)
	}
}

// TestNoCost: without costs in the map the report's cost is null, and so is every
// touchpoint's; without a currency the cost has none.
func TestNoCost(t *testing.T) {
	m := newMap([]string{"a", "b"})
	r := Analyze(m, newLog(t, m, "u1: a@0 b@1"), Options{})
	if r.Cost != nil || r.Touchpoints[0].Cost != nil {
		t.Errorf("cost %+v, touchpoint cost %v; want null", r.Cost, r.Touchpoints[0].Cost)
	}
	m.Stages[0].Touchpoints[1].Cost = ptr(0.0)
	r = Analyze(m, newLog(t, m, "u1: a@0 b@1"), Options{})
	if r.Cost == nil || r.Cost.Total != 0 || r.Cost.Currency != nil || r.Cost.PerGoalUser != nil {
		t.Errorf("cost %+v; want a total of 0 without currency", r.Cost)
	}
}
