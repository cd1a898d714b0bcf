package analysis

import (
	"runtime"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/analysis/analysistest"
	"github.com/journey-cx/journey/journey/events"
)

func TestTouchpoints(t *testing.T) {
	third := 1.0 / 3
	tests := []struct {
		name   string
		window time.Duration
		users  []string
		want   Touchpoint // of touchpoint a, whose next is b
	}{
		{name: "continued", users: []string{"u1: a@0 b@10", "u2: a@0", "u3: b@0 a@5"},
			want: Touchpoint{Users: 3, Events: 3, Continued: 1, Exits: 2, Conversion: ptr(1.0 / 3), Dropoff: ptr(1 - third), MedianSecondsToNext: ptr(10.0)}},
		{name: "same instant counts whatever the input order", users: []string{"u1: b@0 a@0"},
			want: Touchpoint{Users: 1, Events: 1, Continued: 1, Exits: 1, Conversion: ptr(1.0), Dropoff: ptr(0.0), MedianSecondsToNext: ptr(0.0)}},
		{name: "window is inclusive", window: time.Minute, users: []string{"u1: a@0 b@60", "u2: a@0 b@60+1"},
			want: Touchpoint{Users: 2, Events: 2, Continued: 1, Conversion: ptr(0.5), Dropoff: ptr(0.5), MedianSecondsToNext: ptr(60.0)}},
		{name: "shortest gap per user", users: []string{"u1: a@0 a@50 b@60 a@70 b@100", "u2: a@0 b@40"},
			want: Touchpoint{Users: 2, Events: 4, RepeatUsers: 1, Continued: 2, Conversion: ptr(1.0), Dropoff: ptr(0.0), MedianSecondsToNext: ptr(25.0)}},
		{name: "any later event within the window", window: time.Minute, users: []string{"u1: a@0 a@100 b@130"},
			want: Touchpoint{Users: 1, Events: 2, RepeatUsers: 1, Continued: 1, Conversion: ptr(1.0), Dropoff: ptr(0.0), MedianSecondsToNext: ptr(30.0)}},
		{name: "a next event centuries later is not within the window", users: []string{"u1: a@-9000000000 b@1000000000", "u2: a@0 b@10"},
			want: Touchpoint{Users: 2, Events: 2, Continued: 1, Conversion: ptr(0.5), Dropoff: ptr(0.5), MedianSecondsToNext: ptr(10.0)}},
		{name: "unmapped rows do not count", users: []string{"u1: a@0 -@5"},
			want: Touchpoint{Users: 1, Events: 1, Exits: 1, Conversion: ptr(0.0), Dropoff: ptr(1.0)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := newMap([]string{"a", "b"}, []string{"c"})
			m.Window = tt.window
			r := Analyze(m, newLog(t, m, tt.users...), Options{})
			tt.want.ID, tt.want.Name, tt.want.Stage = "a", "A", "stage-1"
			if diff := cmp.Diff(tt.want, r.Touchpoints[0]); diff != "" {
				t.Errorf("touchpoint a (-want +got):\n%s", diff)
			}
		})
	}
}

func TestTouchpointNext(t *testing.T) {
	m := newMap([]string{"a", "b"}, []string{"c"})
	m.Stages[0].Touchpoints[0].Next = []string{"a", "c"}
	m.Stages[0].Touchpoints[1].Next = []string{}
	r := Analyze(m, newLog(t, m, "u1: a@0 a@30", "u2: a@0 c@20", "u3: a@0 b@1"), Options{})
	a, b, c := r.Touchpoints[0], r.Touchpoints[1], r.Touchpoints[2]
	if a.Continued != 2 || *a.MedianSecondsToNext != 25 {
		t.Errorf("a: continued %d, median %v; want 2 (a loop needs a second event), 25", a.Continued, *a.MedianSecondsToNext)
	}
	if b.Conversion != nil || b.Dropoff != nil || c.Conversion != nil {
		t.Errorf("touchpoints without next: conversion %v %v, want null", b.Conversion, c.Conversion)
	}
}

func TestTransitions(t *testing.T) {
	m := newMap([]string{"a", "b"}, []string{"c"})
	r := Analyze(m, newLog(t, m, "u1: a@0 b@1 a@2 a@3 -@4 c@5", "u2: a@0 b@1"), Options{})
	want := []Transition{
		{From: "a", To: "b", Count: 2, Users: 2, OnMap: true},
		{From: "a", To: "a", Count: 1, Users: 1},
		{From: "a", To: "c", Count: 1, Users: 1},
		{From: "b", To: "a", Count: 1, Users: 1},
	}
	if diff := cmp.Diff(want, r.Transitions); diff != "" {
		t.Errorf("transitions (-want +got):\n%s", diff)
	}
}

func TestGoalAndInput(t *testing.T) {
	m := newMap([]string{"a", "b"}, []string{"c"})
	m.Stages[1].Touchpoints[0].Goal = true
	log := newLog(t, m, "u1: a@0 c@1", "u2: a@0", "u3: -@0", "u4: b@0 -@1")
	log.Counts.Rows += 3
	log.Counts.Skipped, log.Counts.Filtered = 2, 1
	r := Analyze(m, log, Options{Identity: "visit"})
	if diff := cmp.Diff(Goal{Users: 1, Rate: ptr(1.0 / 3)}, r.Goal); diff != "" {
		t.Errorf("goal (-want +got):\n%s", diff)
	}
	want := Input{Rows: 9, Mapped: 4, Unmapped: 2, Skipped: 2, Filtered: 1, Users: 3}
	if diff := cmp.Diff(want, r.Input); diff != "" {
		t.Errorf("input (-want +got):\n%s", diff)
	}
	if r.Identity != "visit" || r.Journey != "test" {
		t.Errorf("identity %q, journey %q", r.Identity, r.Journey)
	}
}

func TestKPIs(t *testing.T) {
	m := newMap([]string{"a", "b"}, []string{"c"})
	a := m.Stages[0].Touchpoints[0]
	a.KPIs = []journey.KPI{
		{Metric: MetricConversion, Min: ptr(0.5)},
		{Metric: MetricDropoff, Max: ptr(0.4)},
		{Metric: MetricUsers, Min: ptr(2.0), Max: ptr(3.0)},
		{Metric: MetricRepeatRate, Max: ptr(0.5)},
		{Metric: MetricMedianTimeToNext, Max: ptr(60.0)},
	}
	m.Stages[1].Touchpoints[0].KPIs = []journey.KPI{{Metric: MetricConversion, Min: ptr(0.1)}}
	r := Analyze(m, newLog(t, m, "u1: a@0 a@5 b@30", "u2: a@0", "u3: c@0"), Options{})
	want := []KPIResult{
		{Touchpoint: "a", Metric: "conversion", Min: ptr(0.5), Value: ptr(0.5), OK: true},
		{Touchpoint: "a", Metric: "dropoff", Max: ptr(0.4), Value: ptr(0.5)},
		{Touchpoint: "a", Metric: "users", Min: ptr(2.0), Max: ptr(3.0), Value: ptr(2.0), OK: true},
		{Touchpoint: "a", Metric: "repeat_rate", Max: ptr(0.5), Value: ptr(0.5), OK: true},
		{Touchpoint: "a", Metric: "median_time_to_next", Max: ptr(60.0), Value: ptr(25.0), OK: true},
		{Touchpoint: "c", Metric: "conversion", Min: ptr(0.1)},
	}
	if diff := cmp.Diff(want, r.KPIs); diff != "" {
		t.Errorf("kpis (-want +got):\n%s", diff)
	}
}

// TestKPIBoundMetExactly: 3 users in 10 leaving is a drop-off of 1 - 0.7, which binary
// floating point makes 0.30000000000000004; it meets `max: 0.3`, and a conversion of 0.7
// meets `min: 0.7`, while a value a hundredth past its bound still misses.
func TestKPIBoundMetExactly(t *testing.T) {
	m := newMap([]string{"a", "b"})
	m.Stages[0].Touchpoints[0].KPIs = []journey.KPI{
		{Metric: MetricDropoff, Max: ptr(0.3)}, {Metric: MetricConversion, Min: ptr(0.7), Max: ptr(0.7)},
		{Metric: MetricDropoff, Max: ptr(0.29)}, {Metric: MetricConversion, Min: ptr(0.71)},
	}
	r := Analyze(m, newLog(t, m, analysistest.GoOn(10, 7)...), Options{})
	var got []bool
	for _, k := range r.KPIs {
		got = append(got, k.OK)
	}
	if want := []bool{true, true, false, false}; !slices.Equal(got, want) {
		t.Errorf("ok %v, want %v (values %v)", got, want, r.KPIs)
	}
}

func TestSegments(t *testing.T) {
	m := newMap([]string{"a", "b"}, []string{"c"})
	log := newLog(t, m, "u1/email: a@0 b@1", "u2/email: a@0", "u3: a@0 b@1 c@2", "u4/ads: b@0")
	r := Analyze(m, log, Options{By: "channel"})
	var got []string
	for _, s := range r.Segments {
		if s.Column != "channel" {
			t.Errorf("segment column %q", s.Column)
		}
		got = append(got, s.Value)
		if s.Value == "email" {
			if s.Input.Users != 2 || s.Touchpoints[0].Users != 2 || s.Touchpoints[0].Continued != 1 || s.Funnels[0].Steps[0].Users != 2 {
				t.Errorf("email segment = %+v", s)
			}
		}
	}
	if diff := cmp.Diff([]string{"(none)", "ads", "email"}, got); diff != "" {
		t.Errorf("segment values (-want +got):\n%s", diff)
	}
	whole := Analyze(m, log, Options{})
	if diff := cmp.Diff(whole.Touchpoints, r.Touchpoints); diff != "" {
		t.Errorf("totals change with --by (-without +with):\n%s", diff)
	}
}

// TestSegmentsOnlyOfUsers: an identity whose rows are all unmapped is no user, so it makes
// no (none) segment of no users.
func TestSegmentsOnlyOfUsers(t *testing.T) {
	m := newMap([]string{"a", "b"}, []string{"c"})
	log := newLog(t, m, "u1/email: a@0 b@1", "u2: -@0", "u3: -@0 -@1")
	r := Analyze(m, log, Options{By: "channel"})
	var got []string
	for _, s := range r.Segments {
		got = append(got, s.Value)
	}
	if diff := cmp.Diff([]string{"email"}, got); diff != "" {
		t.Errorf("segment values (-want +got):\n%s", diff)
	}
	if r.Input.Rows != 5 || r.Input.Unmapped != 3 || r.Input.Users != 1 {
		t.Errorf("input %+v, want 5 rows, 3 unmapped, 1 user", r.Input)
	}
}

func TestCoverage(t *testing.T) {
	m := newMap([]string{"a", "b"}, []string{"c"})
	log := newLog(t, m, "u1: a@0")
	log.Unmapped = map[string]int64{}
	for i, name := range []string{"k", "j", "i", "h", "g", "f", "e", "d", "c", "b", "a"} {
		log.Unmapped[name] = int64(1 + i%3)
	}
	log.Skipped = []events.Problem{{File: "e.csv", Line: 3, Message: "missing identity"}}
	r := Analyze(m, log, Options{})
	c := r.Coverage
	if diff := cmp.Diff([]string{"b", "c"}, c.UnmatchedTouchpoints); diff != "" {
		t.Errorf("unmatched (-want +got):\n%s", diff)
	}
	want := []EventCount{{"c", 3}, {"f", 3}, {"i", 3}, {"a", 2}, {"d", 2}, {"g", 2}, {"j", 2}, {"b", 1}, {"e", 1}, {"h", 1}}
	if diff := cmp.Diff(want, c.UnmappedEvents); diff != "" {
		t.Errorf("unmapped events (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]RowProblem{{File: "e.csv", Line: 3, Message: "missing identity"}}, c.Skipped); diff != "" {
		t.Errorf("skipped (-want +got):\n%s", diff)
	}
}

// TestWorkersAgree checks that splitting the users between workers changes nothing.
func TestWorkersAgree(t *testing.T) {
	m := newMap([]string{"a", "b"}, []string{"c", "d"})
	funnel(m, "f", "", time.Hour, "a", "stage-2")
	log := generate(m, 300, 12, 1)
	want := Analyze(m, log, Options{Workers: 1, By: "x"})
	for _, w := range []int{2, 3, 7} {
		if diff := cmp.Diff(want, Analyze(m, log, Options{Workers: w, By: "x"})); diff != "" {
			t.Errorf("%d workers differ from 1 (-1 +%d):\n%s", w, w, diff)
		}
	}
}

// TestSparsePairsAgree checks that the transitions tallied in a map of the pairs met, as a
// map of many touchpoints or many segments has them, give the numbers of the arrays.
func TestSparsePairsAgree(t *testing.T) {
	m := benchMap()
	log := generate(m, 400, 10, 3)
	want := Analyze(m, log, Options{By: "x", Workers: 2})
	defer func(b float64) { densePairsBytes = b }(densePairsBytes)
	densePairsBytes = 0
	got := Analyze(m, log, Options{By: "x", Workers: 2})
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("sparse tallies differ (-dense +sparse):\n%s", diff)
	}
	if len(want.Transitions) == 0 {
		t.Fatal("no transitions to compare")
	}
}

// TestPairsMemory analyzes a map of 300 touchpoints split into 500 segments: arrays of
// every pair would take 300*300 tallies per segment and worker (over 2 GB); the tallies
// of the pairs met take a few megabytes.
func TestPairsMemory(t *testing.T) {
	var stage []string
	for i := range 300 {
		stage = append(stage, "t"+strconv.Itoa(i))
	}
	m := newMap(stage)
	log := &events.Log{Unmapped: map[string]int64{}}
	for u := range 2000 {
		evs := []events.Event{{Time: int64(u), Touchpoint: int32(u % 300)}, {Time: int64(u) + 1, Touchpoint: int32((u + 1) % 300)}}
		log.Append("u"+strconv.Itoa(u), "s"+strconv.Itoa(u%500), evs, events.UserCounts{Rows: 2, Mapped: 2})
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	r := Analyze(m, log, Options{By: "x", Workers: 2})
	runtime.ReadMemStats(&after)
	if len(r.Segments) != 500 {
		t.Fatalf("%d segments, want 500", len(r.Segments))
	}
	if mb := (after.TotalAlloc - before.TotalAlloc) >> 20; mb > 200 {
		t.Errorf("the analysis allocated %d MB, want at most 200", mb)
	}
}
