package analysis

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/analysis/analysistest"
)

func TestFunnels(t *testing.T) {
	for _, tt := range analysistest.FunnelCases {
		t.Run(tt.Name, func(t *testing.T) {
			m := newMap([]string{"a", "b", "c"}, []string{"d"})
			f := funnel(m, "f", tt.Order, tt.Window, tt.Steps...)
			f.Exclude = tt.Exclude
			r := Analyze(m, newLog(t, m, tt.Users...), Options{})
			steps := r.Funnels[0].Steps
			var got, mean, median = []int64{}, []*float64{}, []*float64{}
			for _, s := range steps {
				got = append(got, s.Users)
				mean = append(mean, s.MeanSecondsFromPrevious)
				median = append(median, s.MedianSecondsFromPrevious)
			}
			if diff := cmp.Diff(tt.Want, got); diff != "" {
				t.Errorf("users per step (-want +got):\n%s", diff)
			}
			if tt.Mean != nil {
				if diff := cmp.Diff(tt.Mean, mean); diff != "" {
					t.Errorf("mean seconds (-want +got):\n%s", diff)
				}
			}
			if tt.Median != nil {
				if diff := cmp.Diff(tt.Median, median); diff != "" {
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

// TestFirstOnly checks that the users a funnel counts at step 1 without a run (see
// funnelPlan.firstOnly) are those its run would count there.
func TestFirstOnly(t *testing.T) {
	m := newMap([]string{"a", "b", "c"}, []string{"d"})
	funnel(m, "ordered", journey.Ordered, time.Hour, "b", "c")
	funnel(m, "strict", journey.Strict, 0, "a", "stage-2")
	funnel(m, "stages", journey.Ordered, 0, "stage-1", "d")
	log := generate(m, 5000, 3, 7)
	p := newPlan(m, 0)
	fast := accumulate(p, log, nil, 1, 1)[0]
	for _, fp := range p.funnels {
		if !fp.firstOnly {
			t.Fatalf("funnel %s: firstOnly is false", fp.f.ID)
		}
		fp.firstOnly = false
	}
	slow := accumulate(p, log, nil, 1, 1)[0]
	for i, fp := range p.funnels {
		if diff := cmp.Diff(slow.funnels[i].furthest, fast.funnels[i].furthest); diff != "" {
			t.Errorf("funnel %s: users per furthest step (-run +firstOnly):\n%s", fp.f.ID, diff)
		}
	}
}
