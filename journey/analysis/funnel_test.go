package analysis

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/journey-cx/journey/journey"
)

// funnelCase is one funnel over touchpoints a, b, c (stage-1) and d (stage-2), with users
// written for newLog.
type funnelCase struct {
	name    string
	order   string
	window  time.Duration
	steps   []string
	exclude []journey.Exclusion
	users   []string
	want    []int64    // users per step
	mean    []*float64 // mean seconds from previous, per step (nil slice: not checked)
	median  []*float64
}

var funnelCases = []funnelCase{
	{name: "ordered converts", steps: []string{"a", "b", "c"},
		users: []string{"u1: a@0 b@10 c@30", "u2: a@0 b@20", "u3: b@0 c@5", "u4: c@0 b@1 a@2"},
		want:  []int64{3, 2, 1}, mean: []*float64{nil, ptr(15.0), ptr(20.0)}, median: []*float64{nil, ptr(15.0), ptr(20.0)}},
	{name: "re-entry converts from the second start", window: time.Minute, steps: []string{"a", "b"},
		users: []string{"u1: a@0 a@100 b@150"}, want: []int64{1, 1}, mean: []*float64{nil, ptr(50.0)}},
	{name: "later steps go to the most recent attempt", window: time.Hour, steps: []string{"a", "b"},
		users: []string{"u1: a@0 a@30 b@40"}, want: []int64{1, 1}, mean: []*float64{nil, ptr(10.0)}},
	{name: "one event cannot fill two steps", steps: []string{"a", "a", "b"},
		users: []string{"u1: a@0 b@10", "u2: a@0 a@5 b@10"}, want: []int64{2, 1, 1}},
	{name: "same instant events are taken in step order", steps: []string{"a", "b"},
		users: []string{"u1: b@0 a@0"}, want: []int64{1, 1}, mean: []*float64{nil, nil}},
	{name: "same instant, one event for two steps", steps: []string{"a", "a"},
		users: []string{"u1: a@0", "u2: a@0 a@0"}, want: []int64{2, 1}},
	{name: "window is inclusive", window: time.Hour, steps: []string{"a", "b"},
		users: []string{"u1: a@0 b@3600", "u2: a@0 b@3600+1"}, want: []int64{2, 1}},
	{name: "window counts from step 1", window: time.Hour, steps: []string{"a", "b", "c"},
		users: []string{"u1: a@0 b@3000 c@3601"}, want: []int64{1, 1, 0}},
	{name: "zero second gaps are left out of times", steps: []string{"a", "b"},
		users: []string{"u1: a@0 b@0", "u2: a@0 b@10", "u3: a@0 b@30"}, want: []int64{3, 3},
		mean: []*float64{nil, ptr(20.0)}, median: []*float64{nil, ptr(20.0)}},
	{name: "median of an even count is the mean of the middle two", steps: []string{"a", "b"},
		users: []string{"u1: a@0 b@10", "u2: a@0 b@20", "u3: a@0 b@40", "u4: a@0 b@1000"},
		want:  []int64{4, 4}, median: []*float64{nil, ptr(30.0)}},
	{name: "stage steps take any of their touchpoints", steps: []string{"stage-1", "d"},
		users: []string{"u1: b@0 d@5", "u2: c@0", "u3: d@0"}, want: []int64{2, 1}},
	{name: "strict is broken by an unmapped row", order: journey.Strict, steps: []string{"a", "b"},
		users: []string{"u1: a@0 -@5 b@10", "u2: a@0 c@5 b@10", "u3: a@0 b@10"}, want: []int64{3, 1}},
	{name: "strict is not broken by a row at the same instant", order: journey.Strict, steps: []string{"a", "b"},
		users: []string{"u1: a@0 -@10 b@10", "u2: a@0 -@0 b@10"}, want: []int64{2, 2}},
	{name: "ordered ignores rows between steps", steps: []string{"a", "b"},
		users: []string{"u1: a@0 -@5 c@6 b@10"}, want: []int64{1, 1}},
	{name: "strict restarts on the next step 1", order: journey.Strict, steps: []string{"a", "b"},
		users: []string{"u1: a@0 c@5 a@6 b@10"}, want: []int64{1, 1}, mean: []*float64{nil, ptr(4.0)}},
	{name: "exclusion between steps drops the user", steps: []string{"a", "b", "c"},
		exclude: []journey.Exclusion{{From: 1, To: 2}},
		users:   []string{"u1: a@0 -@5!1 b@10 c@20", "u2: a@0 b@10 c@20"}, want: []int64{1, 1, 1}},
	{name: "exclusion outside its range does not count", steps: []string{"a", "b", "c"},
		exclude: []journey.Exclusion{{From: 1, To: 2}},
		users:   []string{"u1: a@0 b@5 -@7!1 c@10", "u2: -@0!1 a@1 b@5 c@10"}, want: []int64{2, 2, 2}},
	{name: "whole-funnel exclusion", steps: []string{"a", "b", "c"},
		exclude: []journey.Exclusion{{}},
		users:   []string{"u1: a@0 b@5 -@7!1 c@10", "u2: a@0 b@5 c@10 -@11!1"}, want: []int64{1, 1, 1}},
	{name: "a later clean attempt brings the user back", steps: []string{"a", "b", "c"},
		exclude: []journey.Exclusion{{From: 1, To: 3}},
		users:   []string{"u1: a@0 -@5!1 b@10 a@100 b@110 c@120"}, want: []int64{1, 1, 1},
		mean: []*float64{nil, ptr(10.0), ptr(10.0)}},
	{name: "an excluded attempt is replaced by a later one at the same step", window: time.Hour, steps: []string{"a", "b", "c"},
		exclude: []journey.Exclusion{{From: 2, To: 3}},
		users:   []string{"u1: a@0 b@10 -@20!1 a@5000 b@5030"}, want: []int64{1, 1, 0},
		mean: []*float64{nil, ptr(30.0), nil}},
	{name: "an exclusion after the window does not count", window: time.Hour, steps: []string{"a", "b"},
		exclude: []journey.Exclusion{{}},
		users:   []string{"u1: a@0 -@3601!1"}, want: []int64{1, 0}},
	{name: "an exclusion at the same instant as a step does not count", steps: []string{"a", "b"},
		exclude: []journey.Exclusion{{}},
		users:   []string{"u1: a@0 -@10!1 b@10"}, want: []int64{1, 1}},
	{name: "a step event that matches an exclusion too does not exclude", steps: []string{"a", "b"},
		exclude: []journey.Exclusion{{}},
		users:   []string{"u1: a@0 b@10!1"}, want: []int64{1, 1}},
	{name: "an excluded user still at step 1 is dropped", steps: []string{"a", "b"},
		exclude: []journey.Exclusion{{}},
		users:   []string{"u1: a@0 -@10!1", "u2: a@0"}, want: []int64{1, 0}},
	{name: "unordered counts distinct steps in any order", order: journey.Unordered, steps: []string{"a", "b", "c"},
		users: []string{"u1: c@0 a@5 b@15", "u2: b@0 b@1 a@3", "u3: a@0"}, want: []int64{3, 2, 1},
		mean: []*float64{nil, ptr(4.0), ptr(10.0)}},
	{name: "unordered needs the steps within one window", order: journey.Unordered, window: time.Hour, steps: []string{"a", "b", "c"},
		users: []string{"u1: a@0 b@3000 c@4000", "u2: a@0 b@3000 c@3600"}, want: []int64{2, 2, 1}},
	{name: "unordered repeated step needs its own event", order: journey.Unordered, steps: []string{"a", "a", "b"},
		users: []string{"u1: a@0 b@5", "u2: a@0 a@1 b@5"}, want: []int64{2, 2, 1}},
	{name: "unordered exclusion restarts progress", order: journey.Unordered, steps: []string{"a", "b", "c"},
		exclude: []journey.Exclusion{{}},
		users:   []string{"u1: a@0 b@5 -@7!1 c@10", "u2: a@0 -@3!1 a@4 b@5 c@10"}, want: []int64{2, 2, 1}},
	{name: "unordered exclusion between 1 and the last step is the whole funnel", order: journey.Unordered, steps: []string{"a", "b", "c"},
		exclude: []journey.Exclusion{{From: 1, To: 3}},
		users:   []string{"u1: a@0 b@5 -@7!1 c@10", "u2: a@0 -@3!1 a@4 b@5 c@10"}, want: []int64{2, 2, 1}},
}

func TestFunnels(t *testing.T) {
	for _, tt := range funnelCases {
		t.Run(tt.name, func(t *testing.T) {
			m := newMap([]string{"a", "b", "c"}, []string{"d"})
			f := funnel(m, "f", tt.order, tt.window, tt.steps...)
			f.Exclude = tt.exclude
			r := Analyze(m, newLog(t, m, tt.users...), Options{})
			steps := r.Funnels[0].Steps
			var got, mean, median = []int64{}, []*float64{}, []*float64{}
			for _, s := range steps {
				got = append(got, s.Users)
				mean = append(mean, s.MeanSecondsFromPrevious)
				median = append(median, s.MedianSecondsFromPrevious)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("users per step (-want +got):\n%s", diff)
			}
			if tt.mean != nil {
				if diff := cmp.Diff(tt.mean, mean); diff != "" {
					t.Errorf("mean seconds (-want +got):\n%s", diff)
				}
			}
			if tt.median != nil {
				if diff := cmp.Diff(tt.median, median); diff != "" {
					t.Errorf("median seconds (-want +got):\n%s", diff)
				}
			}
		})
	}
}

func TestFunnelRatios(t *testing.T) {
	m := newMap([]string{"a", "b", "c"})
	funnel(m, "f", "", 0, "a", "b", "c")
	r := Analyze(m, newLog(t, m, "u1: a@0 b@1 c@2", "u2: a@0 b@1", "u3: a@0", "u4: a@0"), Options{})
	want := []Step{
		{ID: "a", Users: 4, ConversionFromStart: ptr(1.0)},
		{ID: "b", Users: 2, ConversionFromPrevious: ptr(0.5), ConversionFromStart: ptr(0.5), Dropoff: ptr[int64](2),
			MeanSecondsFromPrevious: ptr(1.0), MedianSecondsFromPrevious: ptr(1.0)},
		{ID: "c", Users: 1, ConversionFromPrevious: ptr(0.5), ConversionFromStart: ptr(0.25), Dropoff: ptr[int64](1),
			MeanSecondsFromPrevious: ptr(1.0), MedianSecondsFromPrevious: ptr(1.0)},
	}
	if diff := cmp.Diff(want, r.Funnels[0].Steps); diff != "" {
		t.Errorf("steps (-want +got):\n%s", diff)
	}
	empty := Analyze(m, newLog(t, m), Options{})
	for _, s := range empty.Funnels[0].Steps {
		if s.ConversionFromStart != nil || s.ConversionFromPrevious != nil {
			t.Errorf("step %s over zero users: ratios %v %v, want null", s.ID, s.ConversionFromStart, s.ConversionFromPrevious)
		}
	}
}

func TestDefaultFunnelIsStages(t *testing.T) {
	m := newMap([]string{"a", "b"}, []string{"c"})
	r := Analyze(m, newLog(t, m, "u1: b@0 c@5", "u2: a@0"), Options{})
	f := r.Funnels[0]
	if f.ID != "stages" || f.Order != journey.Ordered || len(f.Steps) != 2 || f.Steps[0].Users != 2 || f.Steps[1].Users != 1 {
		t.Errorf("default funnel = %+v", f)
	}
	if f.WindowSeconds != journey.DefaultWindow.Seconds() {
		t.Errorf("window = %v, want the default", f.WindowSeconds)
	}
}
