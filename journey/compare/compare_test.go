package compare

import (
	"encoding/csv"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/journey-cx/journey/journey"
	"github.com/journey-cx/journey/journey/analysis"
)

// abMap has touchpoints a (next b), b (next c), c (goal, no next) and one funnel a, b, c.
const abMap = `version: 1
id: ab
title: AB
stages:
  - id: s
    name: S
    touchpoints:
      - {id: a, name: A}
      - {id: b, name: B}
      - {id: c, name: C, goal: true}
funnels:
  - id: f
    steps: [a, b, c]
`

func load(t *testing.T) *journey.Map {
	t.Helper()
	m, ds := journey.Check("m.journey.yaml", []byte(abMap))
	if journey.HasErrors(ds, false) {
		t.Fatal(ds)
	}
	return m
}

// numbers builds the numbers of a group: users, goal users, continued/users of a and b
// (c has no next), and the funnel's users per step.
func numbers(users, goal int64, a, b [2]int64, steps ...int64) analysis.Numbers {
	n := analysis.Numbers{Input: analysis.Input{Users: users}, Goal: analysis.Goal{Users: goal},
		Touchpoints: []analysis.Touchpoint{
			{ID: "a", Continued: a[0], Users: a[1]}, {ID: "b", Continued: b[0], Users: b[1]}, {ID: "c", Users: 9}}}
	f := analysis.Funnel{ID: "f"}
	for _, s := range steps {
		f.Steps = append(f.Steps, analysis.Step{Users: s})
	}
	n.Funnels = []analysis.Funnel{f}
	return n
}

// TestRates lists every rate of SPEC section 8 with its x and n in each group: the goal
// rate, each touchpoint with a next, and each funnel step from 2 on, from start and from
// previous.
func TestRates(t *testing.T) {
	m := load(t)
	a := numbers(80, 48, [2]int64{60, 80}, [2]int64{50, 60}, 80, 60, 48)
	b := numbers(70, 56, [2]int64{0, 0}, [2]int64{56, 66}, 70, 66, 56)
	r := Compare(m, &a, &b, Groups{Column: "variant", A: "control", B: "test"}, 0.05)
	type xn struct {
		Metric, Touchpoint, Funnel string
		Step                       int
		A, B                       [2]int64
	}
	var got []xn
	for _, rt := range r.Rates {
		got = append(got, xn{rt.Metric, rt.Touchpoint, rt.Funnel, rt.Step, [2]int64{rt.A.X, rt.A.N}, [2]int64{rt.B.X, rt.B.N}})
	}
	want := []xn{
		{GoalRate, "", "", 0, [2]int64{48, 80}, [2]int64{56, 70}},
		{Conversion, "a", "", 0, [2]int64{60, 80}, [2]int64{0, 0}},
		{Conversion, "b", "", 0, [2]int64{50, 60}, [2]int64{56, 66}},
		{FromStart, "", "f", 2, [2]int64{60, 80}, [2]int64{66, 70}},
		{FromPrevious, "", "f", 2, [2]int64{60, 80}, [2]int64{66, 70}},
		{FromStart, "", "f", 3, [2]int64{48, 80}, [2]int64{56, 70}},
		{FromPrevious, "", "f", 3, [2]int64{48, 60}, [2]int64{56, 66}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("rates (-want +got):\n%s", diff)
	}
	goal := r.Rates[0]
	if goal.CI == nil || round4(goal.CI[0]) != 0.0524 || round4(goal.CI[1]) != 0.3339 || !goal.Significant {
		t.Errorf("goal rate 48/80 -> 56/70: %+v; want Newcombe's 0.0524 to 0.3339, significant", goal.Comparison)
	}
	if empty := r.Rates[1]; empty.B.Rate != nil || empty.Difference != nil || empty.Significant {
		t.Errorf("a group without users: %+v", empty.Comparison)
	}
}

// TestWorse lists the rates significantly lower in B.
func TestWorse(t *testing.T) {
	m := load(t)
	a := numbers(70, 56, [2]int64{60, 80}, [2]int64{50, 60}, 70, 60, 56)
	b := numbers(80, 48, [2]int64{60, 80}, [2]int64{50, 60}, 80, 60, 48)
	r := Compare(m, &a, &b, Groups{A: "2024-01-01..2024-04-01", B: "2024-04-01..2024-07-01"}, 0.05)
	var worse []string
	for _, rt := range r.Worse() {
		worse = append(worse, rt.Label())
	}
	want := []string{"goal_rate", "f step 3 conversion_from_start", "f step 3 conversion_from_previous"}
	if diff := cmp.Diff(want, worse); diff != "" {
		t.Errorf("worse (-want +got):\n%s", diff)
	}
}

// TestSegment finds a group's numbers among the segments; a value no user has is an
// error listing the values found.
func TestSegment(t *testing.T) {
	users := func(n int64) analysis.Numbers { return analysis.Numbers{Input: analysis.Input{Users: n}} }
	r := &analysis.Report{Segments: []analysis.Segment{
		{Column: "variant", Value: "(none)", Numbers: users(2)}, {Column: "variant", Value: "control", Numbers: users(7)},
		{Column: "variant", Value: "test", Numbers: users(1)}}}
	n, err := Segment(r, "variant", "control")
	if err != nil || n.Input.Users != 7 {
		t.Fatalf("control: %v, %v", n, err)
	}
	if _, err := Segment(r, "variant", "(none)"); err != nil {
		t.Errorf("(none) may be named: %v", err)
	}
	_, err = Segment(r, "variant", "tset")
	var e *Error
	want := `no user has "tset" in column "variant" (did you mean "test"?); the values found: "(none)", "control", "test"`
	if !errors.As(err, &e) || err.Error() != want {
		t.Errorf("got  %v\nwant %s", err, want)
	}
	// (none) of identities without a mapped row only: its rows are counted, but it has
	// no user, so it is no group, nor a value found
	r.Segments[0].Numbers = analysis.Numbers{Input: analysis.Input{Rows: 3, Unmapped: 3}}
	_, err = Segment(r, "variant", "(none)")
	want = `no user has "(none)" in column "variant"; the values found: "control", "test"`
	if !errors.As(err, &e) || err.Error() != want {
		t.Errorf("got  %v\nwant %s", err, want)
	}
}

// TestParseGroups: two values, A then B, as a CSV record: a value with a comma or a quote
// is written in double quotes.
func TestParseGroups(t *testing.T) {
	for in, want := range map[string][2]string{"control,test": {"control", "test"}, `"x,y",z`: {"x,y", "z"},
		`z,"say ""hi"""`: {"z", `say "hi"`}, " a,b ": {" a", "b "}} {
		if a, b, err := ParseGroups(in); err != nil || a != want[0] || b != want[1] {
			t.Errorf("ParseGroups(%q) = %q, %q, %v; want %q", in, a, b, err, want)
		}
	}
	for _, in := range []string{"", "control", "a,b,c", ",b", "a,", "a,a", `"x,y,z`, "a,b\nc,d", `a"b,c`} {
		if _, _, err := ParseGroups(in); err == nil {
			t.Errorf("ParseGroups(%q) accepted", in)
		}
	}
}

// TestParsePeriods: two periods SINCE..UNTIL, dates at midnight in the zone or RFC 3339
// times; a period that does not move forward, or two that overlap, are refused. Periods
// that only touch do not overlap.
func TestParsePeriods(t *testing.T) {
	ps, err := ParsePeriods("2024-01-01..2024-04-01,2024-04-01..2024-07-01T12:00:00Z", time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	want := [2]Period{
		{Text: "2024-01-01..2024-04-01", Since: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), Until: time.Date(2024, 4, 1, 0, 0, 0, 0, time.UTC)},
		{Text: "2024-04-01..2024-07-01T12:00:00Z", Since: time.Date(2024, 4, 1, 0, 0, 0, 0, time.UTC), Until: time.Date(2024, 7, 1, 12, 0, 0, 0, time.UTC)},
	}
	if !ps[0].Since.Equal(want[0].Since) || !ps[1].Until.Equal(want[1].Until) || ps[0].Text != want[0].Text || ps[1].Text != want[1].Text {
		t.Errorf("got %+v, want %+v", ps, want)
	}
	for in, msg := range map[string]string{
		"2024-01-01..2024-04-01":                        `--periods "2024-01-01..2024-04-01": expected two periods SINCE..UNTIL,SINCE..UNTIL, like 2024-01-01..2024-04-01,2024-04-01..2024-07-01`,
		"2024-01-01-2024-04-01,2024-04-01..2024-07-01":  `--periods: "2024-01-01-2024-04-01" is not a period SINCE..UNTIL, like 2024-01-01..2024-04-01`,
		"2024-01-01..April,2024-04-01..2024-07-01":      `--periods: "April" is not a time: expected RFC 3339 (2024-03-01T09:00:00Z) or YYYY-MM-DD`,
		"2024-04-01..2024-01-01,2024-04-01..2024-07-01": `--periods: period "2024-04-01..2024-01-01" is empty: its start is not before its end`,
		"2024-01-01..2024-01-01,2024-04-01..2024-07-01": `--periods: period "2024-01-01..2024-01-01" is empty: its start is not before its end`,
		"2024-01-01..2024-05-01,2024-04-01..2024-07-01": `--periods: "2024-01-01..2024-05-01" and "2024-04-01..2024-07-01" overlap; compare periods that do not`,
		"2024-04-01..2024-07-01,2024-01-01..2024-05-01": `--periods: "2024-04-01..2024-07-01" and "2024-01-01..2024-05-01" overlap; compare periods that do not`,
	} {
		if _, err := ParsePeriods(in, time.UTC); err == nil || err.Error() != msg {
			t.Errorf("ParsePeriods(%q):\n got %v\nwant %s", in, err, msg)
		}
	}
}

// FuzzParsePeriods: whatever the text, ParsePeriods does not panic, and two periods it
// accepts each move forward and do not overlap.
func FuzzParsePeriods(f *testing.F) {
	for _, s := range []string{"2024-01-01..2024-04-01,2024-04-01..2024-07-01", "..,..", "a..b,c..d", "2024-01-01T00:00:00+14:00..2024-01-01,2024-01-02..2024-01-03"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ps, err := ParsePeriods(s, time.UTC)
		if err != nil {
			return
		}
		for _, p := range ps {
			if !p.Since.Before(p.Until) {
				t.Fatalf("%q: empty period %+v", s, p)
			}
		}
		if ps[0].Since.Before(ps[1].Until) && ps[1].Since.Before(ps[0].Until) {
			t.Fatalf("%q: overlapping periods %+v", s, ps)
		}
	})
}

func round4(v float64) float64 { return float64(int64(v*1e4+0.5)) / 1e4 }

// FuzzParseGroups: whatever the text, ParseGroups does not panic, and two groups it accepts
// are different and not empty.
func FuzzParseGroups(f *testing.F) {
	for _, s := range []string{"control,test", "a,a", ",", "(none),b", "a,b,c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, b, err := ParseGroups(s)
		if err != nil {
			return
		}
		if a == "" || b == "" || a == b {
			t.Fatalf("ParseGroups(%q) = %q, %q", s, a, b)
		}
		// Written back as a CSV record, the two values read the same.
		var w strings.Builder
		cw := csv.NewWriter(&w)
		if err := cw.Write([]string{a, b}); err != nil {
			t.Fatal(err)
		}
		cw.Flush()
		if a2, b2, err := ParseGroups(w.String()); err != nil || a2 != a || b2 != b {
			t.Fatalf("ParseGroups(%q) = %q, %q; written back as %q it reads %q, %q, %v", s, a, b, w.String(), a2, b2, err)
		}
		// Without quotes or line breaks, they are the text on either side of its one comma.
		if !strings.ContainsAny(s, "\"\r\n") && a+","+b != s {
			t.Fatalf("ParseGroups(%q) = %q, %q", s, a, b)
		}
	})
}
