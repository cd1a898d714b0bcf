package analysistest

import (
	"time"

	"github.com/journey-cx/journey/journey"
)

// FunnelCase is one funnel over touchpoints a, b, c (stage-1) and d (stage-2) of
// NewMap("a", "b", "c"; "d"), with users written as Users documents.
type FunnelCase struct {
	Name    string
	Order   string
	Window  time.Duration
	Steps   []string
	Exclude []journey.Exclusion
	Users   []string
	Want    []int64    // users per step
	Mean    []*float64 // mean seconds from previous, per step (nil slice: not checked)
	Median  []*float64
}

// FunnelCases are the table tests of the funnel rules of SPEC section 3: the CSV engine's
// tests check them against their expected numbers, the warehouse's tests check that the
// database gives the CSV engine's numbers for them.
var FunnelCases = []FunnelCase{
	{Name: "ordered converts", Steps: []string{"a", "b", "c"},
		Users: []string{"u1: a@0 b@10 c@30", "u2: a@0 b@20", "u3: b@0 c@5", "u4: c@0 b@1 a@2"},
		Want:  []int64{3, 2, 1}, Mean: []*float64{nil, Ptr(15.0), Ptr(20.0)}, Median: []*float64{nil, Ptr(15.0), Ptr(20.0)}},
	{Name: "re-entry converts from the second start", Window: time.Minute, Steps: []string{"a", "b"},
		Users: []string{"u1: a@0 a@100 b@150"}, Want: []int64{1, 1}, Mean: []*float64{nil, Ptr(50.0)}},
	{Name: "later steps go to the most recent attempt", Window: time.Hour, Steps: []string{"a", "b"},
		Users: []string{"u1: a@0 a@30 b@40"}, Want: []int64{1, 1}, Mean: []*float64{nil, Ptr(10.0)}},
	{Name: "one event cannot fill two steps", Steps: []string{"a", "a", "b"},
		Users: []string{"u1: a@0 b@10", "u2: a@0 a@5 b@10"}, Want: []int64{2, 1, 1}},
	{Name: "same instant events are taken in step order", Steps: []string{"a", "b"},
		Users: []string{"u1: b@0 a@0"}, Want: []int64{1, 1}, Mean: []*float64{nil, nil}},
	{Name: "same instant, one event for two steps", Steps: []string{"a", "a"},
		Users: []string{"u1: a@0", "u2: a@0 a@0"}, Want: []int64{2, 1}},
	{Name: "window is inclusive", Window: time.Hour, Steps: []string{"a", "b"},
		Users: []string{"u1: a@0 b@3600", "u2: a@0 b@3600+1"}, Want: []int64{2, 1}},
	{Name: "window counts from step 1", Window: time.Hour, Steps: []string{"a", "b", "c"},
		Users: []string{"u1: a@0 b@3000 c@3601"}, Want: []int64{1, 1, 0}},
	{Name: "zero second gaps are left out of times", Steps: []string{"a", "b"},
		Users: []string{"u1: a@0 b@0", "u2: a@0 b@10", "u3: a@0 b@30"}, Want: []int64{3, 3},
		Mean: []*float64{nil, Ptr(20.0)}, Median: []*float64{nil, Ptr(20.0)}},
	{Name: "median of an even count is the mean of the middle two", Steps: []string{"a", "b"},
		Users: []string{"u1: a@0 b@10", "u2: a@0 b@20", "u3: a@0 b@40", "u4: a@0 b@1000"},
		Want:  []int64{4, 4}, Median: []*float64{nil, Ptr(30.0)}},
	{Name: "stage steps take any of their touchpoints", Steps: []string{"stage-1", "d"},
		Users: []string{"u1: b@0 d@5", "u2: c@0", "u3: d@0"}, Want: []int64{2, 1}},
	{Name: "strict is broken by an unmapped row", Order: journey.Strict, Steps: []string{"a", "b"},
		Users: []string{"u1: a@0 -@5 b@10", "u2: a@0 c@5 b@10", "u3: a@0 b@10"}, Want: []int64{3, 1}},
	{Name: "strict is not broken by a row at the same instant", Order: journey.Strict, Steps: []string{"a", "b"},
		Users: []string{"u1: a@0 -@10 b@10", "u2: a@0 -@0 b@10"}, Want: []int64{2, 2}},
	{Name: "strict is broken by rows of no step at one instant, mapped or not", Order: journey.Strict, Steps: []string{"a", "b"},
		Users: []string{"u1: a@0 d@5 -@5 b@10", "u2: a@0 d@5 d@5 b@10", "u3: a@0 -@5 -@5 b@10"}, Want: []int64{3, 0}},
	{Name: "exclusions of rows of no step at one instant, mapped or not", Steps: []string{"a", "b", "c"},
		Exclude: []journey.Exclusion{{}}, Users: []string{"u1: a@0 b@1 d@5!1 -@5!1 c@10"}, Want: []int64{0, 0, 0}},
	{Name: "ordered ignores rows between steps", Steps: []string{"a", "b"},
		Users: []string{"u1: a@0 -@5 c@6 b@10"}, Want: []int64{1, 1}},
	{Name: "strict restarts on the next step 1", Order: journey.Strict, Steps: []string{"a", "b"},
		Users: []string{"u1: a@0 c@5 a@6 b@10"}, Want: []int64{1, 1}, Mean: []*float64{nil, Ptr(4.0)}},
	{Name: "exclusion between steps drops the user", Steps: []string{"a", "b", "c"},
		Exclude: []journey.Exclusion{{From: 1, To: 2}},
		Users:   []string{"u1: a@0 -@5!1 b@10 c@20", "u2: a@0 b@10 c@20"}, Want: []int64{1, 1, 1}},
	{Name: "exclusion outside its range does not count", Steps: []string{"a", "b", "c"},
		Exclude: []journey.Exclusion{{From: 1, To: 2}},
		Users:   []string{"u1: a@0 b@5 -@7!1 c@10", "u2: -@0!1 a@1 b@5 c@10"}, Want: []int64{2, 2, 2}},
	{Name: "whole-funnel exclusion", Steps: []string{"a", "b", "c"},
		Exclude: []journey.Exclusion{{}},
		Users:   []string{"u1: a@0 b@5 -@7!1 c@10", "u2: a@0 b@5 c@10 -@11!1"}, Want: []int64{1, 1, 1}},
	{Name: "a later clean attempt brings the user back", Steps: []string{"a", "b", "c"},
		Exclude: []journey.Exclusion{{From: 1, To: 3}},
		Users:   []string{"u1: a@0 -@5!1 b@10 a@100 b@110 c@120"}, Want: []int64{1, 1, 1},
		Mean: []*float64{nil, Ptr(10.0), Ptr(10.0)}},
	{Name: "an excluded attempt is replaced by a later one at the same step", Window: time.Hour, Steps: []string{"a", "b", "c"},
		Exclude: []journey.Exclusion{{From: 2, To: 3}},
		Users:   []string{"u1: a@0 b@10 -@20!1 a@5000 b@5030"}, Want: []int64{1, 1, 0},
		Mean: []*float64{nil, Ptr(30.0), nil}},
	{Name: "an exclusion after the window does not count", Window: time.Hour, Steps: []string{"a", "b"},
		Exclude: []journey.Exclusion{{}},
		Users:   []string{"u1: a@0 -@3601!1"}, Want: []int64{1, 0}},
	{Name: "an exclusion at the same instant as a step does not count", Steps: []string{"a", "b"},
		Exclude: []journey.Exclusion{{}},
		Users:   []string{"u1: a@0 -@10!1 b@10"}, Want: []int64{1, 1}},
	{Name: "a step event that matches an exclusion too does not exclude", Steps: []string{"a", "b"},
		Exclude: []journey.Exclusion{{}},
		Users:   []string{"u1: a@0 b@10!1"}, Want: []int64{1, 1}},
	{Name: "an excluded user still at step 1 is dropped", Steps: []string{"a", "b"},
		Exclude: []journey.Exclusion{{}},
		Users:   []string{"u1: a@0 -@10!1", "u2: a@0"}, Want: []int64{1, 0}},
	{Name: "unordered counts distinct steps in any order", Order: journey.Unordered, Steps: []string{"a", "b", "c"},
		Users: []string{"u1: c@0 a@5 b@15", "u2: b@0 b@1 a@3", "u3: a@0"}, Want: []int64{3, 2, 1},
		Mean: []*float64{nil, Ptr(4.0), Ptr(10.0)}},
	{Name: "unordered needs the steps within one window", Order: journey.Unordered, Window: time.Hour, Steps: []string{"a", "b", "c"},
		Users: []string{"u1: a@0 b@3000 c@4000", "u2: a@0 b@3000 c@3600"}, Want: []int64{2, 2, 1}},
	{Name: "unordered repeated step needs its own event", Order: journey.Unordered, Steps: []string{"a", "a", "b"},
		Users: []string{"u1: a@0 b@5", "u2: a@0 a@1 b@5"}, Want: []int64{2, 2, 1}},
	{Name: "unordered exclusion restarts progress", Order: journey.Unordered, Steps: []string{"a", "b", "c"},
		Exclude: []journey.Exclusion{{}},
		Users:   []string{"u1: a@0 b@5 -@7!1 c@10", "u2: a@0 -@3!1 a@4 b@5 c@10"}, Want: []int64{2, 2, 1}},
	{Name: "unordered exclusion between 1 and the last step is the whole funnel", Order: journey.Unordered, Steps: []string{"a", "b", "c"},
		Exclude: []journey.Exclusion{{From: 1, To: 3}},
		Users:   []string{"u1: a@0 b@5 -@7!1 c@10", "u2: a@0 -@3!1 a@4 b@5 c@10"}, Want: []int64{2, 2, 1}},
	// Events centuries apart (-9e9 and 1e9 seconds: from Base, 1738 and 2055) are further
	// apart than an int64 of nanoseconds holds: none is within another's window.
	{Name: "ordered steps centuries apart", Steps: []string{"a", "b", "c"},
		Users: []string{"u1: a@-9000000000 b@1000000000 c@1000000001", "u2: a@0 b@7000000000", "u3: a@0 b@1 c@2"},
		Want:  []int64{3, 1, 1}, Mean: []*float64{nil, Ptr(1.0), Ptr(1.0)}},
	{Name: "an exclusion centuries after the start is outside its window", Steps: []string{"a", "b"},
		Exclude: []journey.Exclusion{{}}, Users: []string{"u1: a@-9000000000 -@1000000000!1 b@1000000001", "u2: a@-9000000000 -@1000000000!1 a@1000000001 b@1000000002"},
		Want: []int64{2, 1}},
	{Name: "strict steps centuries apart", Order: journey.Strict, Steps: []string{"a", "b"},
		Users: []string{"u1: a@-9000000000 b@1000000000", "u2: a@0 b@1"}, Want: []int64{2, 1}},
	{Name: "unordered steps centuries apart", Order: journey.Unordered, Steps: []string{"a", "b", "c"},
		Users: []string{"u1: a@-9000000000 b@1000000000 c@1000000001", "u2: c@0 b@7000000000 a@7000000001"}, Want: []int64{2, 2, 0}},
}
