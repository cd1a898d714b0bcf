package analysis

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/events"
)

func TestPrepare(t *testing.T) {
	m := newMap([]string{"a", "b"}, []string{"c"})
	m.Stages[0].Touchpoints[0].Events = []journey.Matcher{{Event: "visit"}}
	f1 := funnel(m, "f1", "", 0, "a", "b")
	f1.Exclude = []journey.Exclusion{{Matcher: journey.Matcher{Event: "x1"}}}
	f2 := funnel(m, "f2", journey.Strict, 0, "a", "c")
	f2.Exclude = []journey.Exclusion{{Matcher: journey.Matcher{Event: "x2"}}, {Matcher: journey.Matcher{Event: "x3"}, From: 1, To: 2}}
	var eo events.Options
	if err := Prepare(m, &eo); err != nil {
		t.Fatal(err)
	}
	if len(eo.Touchpoints) != 3 || eo.Touchpoints[0][0].Event != "visit" {
		t.Errorf("touchpoints = %+v", eo.Touchpoints)
	}
	var got []string
	for _, x := range eo.Exclusions {
		got = append(got, x.Event)
	}
	if diff := cmp.Diff([]string{"x1", "x2", "x3"}, got); diff != "" {
		t.Errorf("exclusions in funnel order (-want +got):\n%s", diff)
	}
	if !eo.KeepUnmapped {
		t.Error("a strict funnel needs the unmapped rows")
	}
	for range 30 {
		f1.Exclude = append(f1.Exclude, journey.Exclusion{})
	}
	if err := Prepare(m, &eo); err == nil || !strings.Contains(err.Error(), "33 exclusions") {
		t.Errorf("33 exclusions: err = %v", err)
	}
}

// TestExclusionBits checks that each funnel reads its own bits of Event.Exclude, in the order
// Prepare gives them.
func TestExclusionBits(t *testing.T) {
	m := newMap([]string{"a", "b"})
	f1 := funnel(m, "f1", "", 0, "a", "b")
	f1.Exclude = []journey.Exclusion{{}}
	f2 := funnel(m, "f2", "", 0, "a", "b")
	f2.Exclude = []journey.Exclusion{{}, {}}
	log := newLog(t, m, "u1: a@0 -@1!1 b@2", "u2: a@0 -@1!2 b@2", "u3: a@0 -@1!4 b@2")
	r := Analyze(m, log, Options{})
	if got := []int64{r.Funnels[0].Steps[1].Users, r.Funnels[1].Steps[1].Users}; !cmp.Equal(got, []int64{2, 1}) {
		t.Errorf("converted users per funnel = %v, want [2 1] (u1 excluded from f1, u2 and u3 from f2)", got)
	}
}

func TestStrictWithExclusion(t *testing.T) {
	m := newMap([]string{"a", "b", "c"})
	f := funnel(m, "f", journey.Strict, time.Hour, "a", "b")
	f.Exclude = []journey.Exclusion{{}}
	r := Analyze(m, newLog(t, m, "u1: a@0 -@1!1 b@2", "u2: a@0 -@2!1 b@2", "u3: a@0 b@2 a@3 -@4!1"), Options{})
	// u1 is dropped: excluded between the steps; u2: a row at the same instant as b neither
	// breaks the sequence nor excludes; u3 completed before the exclusion.
	if got := []int64{r.Funnels[0].Steps[0].Users, r.Funnels[0].Steps[1].Users}; !cmp.Equal(got, []int64{2, 2}) {
		t.Errorf("users per step = %v, want [2 2]", got)
	}
}

func TestUnorderedSameInstant(t *testing.T) {
	m := newMap([]string{"a", "b", "c"})
	funnel(m, "f", journey.Unordered, time.Hour, "a", "b", "c")
	r := Analyze(m, newLog(t, m, "u1: c@5 b@5 a@5", "u2: a@0 a@0 b@10"), Options{})
	want := []int64{2, 2, 1}
	var got []int64
	for _, s := range r.Funnels[0].Steps {
		got = append(got, s.Users)
	}
	if !cmp.Equal(got, want) {
		t.Errorf("users per step = %v, want %v", got, want)
	}
	if s := r.Funnels[0].Steps[1]; *s.MeanSecondsFromPrevious != 10 {
		t.Errorf("mean seconds to step 2 = %v, want 10 (u1's gaps are 0 and left out)", *s.MeanSecondsFromPrevious)
	}
}

func TestSegmentKPIs(t *testing.T) {
	m := newMap([]string{"a", "b"})
	m.Stages[0].Touchpoints[0].KPIs = []journey.KPI{{Metric: MetricConversion, Min: ptr(0.5)}}
	r := Analyze(m, newLog(t, m, "u1/x: a@0 b@1", "u2/y: a@0"), Options{By: "s"})
	if len(r.Segments) != 2 || !r.Segments[0].KPIs[0].OK || r.Segments[1].KPIs[0].OK || !r.KPIs[0].OK {
		t.Errorf("segment KPIs = %+v %+v, total %+v", r.Segments[0].KPIs, r.Segments[1].KPIs, r.KPIs)
	}
}

func TestWindowOverride(t *testing.T) {
	m := newMap([]string{"a", "b"})
	m.Window = time.Hour
	funnel(m, "f", "", 2*time.Hour, "a", "b")
	r := Analyze(m, newLog(t, m, "u1: a@0 b@600"), Options{Window: time.Minute})
	if r.WindowSeconds != 60 || r.Funnels[0].WindowSeconds != 60 || r.Funnels[0].Steps[1].Users != 0 || r.Touchpoints[0].Continued != 0 {
		t.Errorf("--window 1m: report window %v, funnel window %v, converted %d, continued %d",
			r.WindowSeconds, r.Funnels[0].WindowSeconds, r.Funnels[0].Steps[1].Users, r.Touchpoints[0].Continued)
	}
	r = Analyze(m, newLog(t, m, "u1: a@0 b@5400"), Options{})
	if r.Funnels[0].Steps[1].Users != 1 || r.Touchpoints[0].Continued != 0 {
		t.Errorf("funnel window 2h, map window 1h: converted %d (want 1), continued %d (want 0)",
			r.Funnels[0].Steps[1].Users, r.Touchpoints[0].Continued)
	}
}

func TestMedian(t *testing.T) {
	// The small scratch space gathers the candidates of only some lists' last passes.
	big, small := newScratch(maxGathered), newScratch(16)
	for _, tt := range []struct {
		gaps []int64
		want *float64
	}{
		{nil, nil},
		{[]int64{5e9}, ptr(5.0)},
		{[]int64{9e9, 1e9, 5e9}, ptr(5.0)},
		{[]int64{4e9, 1e9, 3e9, 2e9}, ptr(2.5)},
		{[]int64{7e9, 7e9, 7e9, 1e9, 7e9, 7e9}, ptr(7.0)},
		{[]int64{3e9, 1e9, 2e9, 2e9, 1e9, 3e9, 5e9, 4e9}, ptr(2.5)},
	} {
		for _, sc := range []*scratch{big, small} {
			if got := sealed(tt.gaps...).median(sc); !cmp.Equal(got, tt.want) {
				t.Errorf("median(%v) = %v, want %v", tt.gaps, got, tt.want)
			}
		}
	}
	if got := *sealed(1_500_000_000, 2_500_000_001).mean(); got != 2.0000000005 {
		t.Errorf("mean = %v", got)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 600 {
		gaps := make([]int64, 1+rng.IntN(5000))
		for j := range gaps {
			gaps[j] = randomGap(rng, i%3)
		}
		sorted := slices.Sorted(slices.Values(gaps))
		n := len(sorted)
		want := (seconds(sorted[(n-1)/2]) + seconds(sorted[n/2])) / 2
		for _, sc := range []*scratch{big, small} {
			if got := sealed(gaps...).median(sc); *got != want {
				t.Fatalf("median(%v) with %d gathered = %v, want %v", sorted, cap(sc.cand), *got, want)
			}
		}
		var sec, ns int64
		for _, g := range gaps {
			sec, ns = sec+g/1e9, ns+g%1e9
		}
		if got, want := *sealed(gaps...).mean(), (float64(sec)+float64(ns)/1e9)/float64(n); got != want {
			t.Fatalf("mean(%v) = %v, want %v", sorted, got, want)
		}
	}
}

// randomGap returns a gap of one of three kinds of list: whole seconds, whole seconds with
// some nanoseconds and negatives among them, and nanoseconds across a wide range.
func randomGap(rng *rand.Rand, kind int) int64 {
	switch {
	case kind == 0:
		return rng.Int64N(1<<(1+rng.IntN(31))) * 1e9
	case kind == 1 && rng.IntN(4) == 0:
		return rng.Int64N(2e12) - 1e12
	case kind == 1:
		return rng.Int64N(2000) * 1e9
	}
	return rng.Int64N(1 << (1 + rng.IntN(62)))
}

func TestFirstBits(t *testing.T) {
	fs := []*journey.Funnel{{Exclude: make([]journey.Exclusion, 2)}, {}, {Exclude: make([]journey.Exclusion, 3)}, {Exclude: make([]journey.Exclusion, 1)}}
	first, n := firstBits(fs)
	if want := []int{0, 2, 2, 5}; !slices.Equal(first, want) || n != 6 {
		t.Errorf("firstBits = %v, %d; want %v, 6", first, n, want)
	}
}
