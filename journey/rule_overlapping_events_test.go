package journey

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestOverlappingEventsNamesWhereRowsGo checks that each warning names the touchpoint the
// shared rows really go to, the first whose matcher can match them, says whether that is
// all the later one's rows or those that match both, and that touchpoints sharing one event
// are reported once each rather than in every pair.
func TestOverlappingEventsNamesWhereRowsGo(t *testing.T) {
	tests := []struct {
		name     string
		matchers []string // the events of touchpoints t0, t1, ...
		want     []string // "later <- earlier all" or "... both" for every warning
	}{
		{"one event on four touchpoints", []string{"{event: click}", "{event: click}", "{event: click}", "{event: click}"},
			[]string{"t1 <- t0 all", "t2 <- t0 all", "t3 <- t0 all"}},
		{"conditions apart, then none", []string{"{event: view, where: {page: /a}}", "{event: view, where: {page: /b}}", "{event: view}"},
			[]string{"t2 <- t0 both", "t2 <- t1 both"}},
		{"a narrower one first", []string{"{event: view, where: {page: /a}}", "{event: view}", "{event: view, where: {page: [/a, /b]}}"},
			[]string{"t1 <- t0 both", "t2 <- t0 both", "t2 <- t1 all"}},
		{"conditions on two columns", []string{"{event: view, where: {page: /a, source: ads}}", "{event: view, where: {page: /a}}", "{event: view, where: {source: seo}}"},
			[]string{"t1 <- t0 both", "t2 <- t1 both"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			b.WriteString("version: 1\nid: m\ntitle: M\nstages:\n  - id: s\n    name: S\n    touchpoints:\n")
			for i, ev := range tt.matchers {
				b.WriteString("      - {id: t" + string(rune('0'+i)) + ", name: T, events: [" + ev + "]}\n")
			}
			b.WriteString("      - {id: done, name: Done, goal: true}\n")
			m, ds := Parse("m.journey.yaml", []byte(b.String()))
			if HasErrors(ds, false) {
				t.Fatal(ds)
			}
			var got []string
			for _, d := range Lint(m) {
				if d.Rule != "overlapping-events" {
					continue
				}
				_, rest, _ := strings.Cut(d.Message, "touchpoint \"")
				later, rest, _ := strings.Cut(rest, "\"")
				rows, first, _ := strings.Cut(rest, " go to the first, \"")
				which := map[bool]string{true: "all", false: "both"}[strings.HasSuffix(rows, "such rows all")]
				got = append(got, later+" <- "+strings.TrimSuffix(first, "\"")+" "+which)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("warnings (-want +got):\n%s", diff)
			}
		})
	}
}

// TestOverlappingEventsSkipsMatchersInError checks that matchers the map gets wrong, events
// written as bare text or without an event, are not also reported as overlapping on the
// empty event they leave.
func TestOverlappingEventsSkipsMatchersInError(t *testing.T) {
	for _, events := range []string{"[ad_click]", "[{where: {page: /a}}]"} {
		src := "version: 1\nid: m\ntitle: M\nstages:\n  - id: s\n    name: S\n    touchpoints:\n" +
			"      - id: a\n        name: A\n        events: " + events + "\n" +
			"      - id: b\n        name: B\n        goal: true\n        events: " + events + "\n"
		m, ds := Parse("m.journey.yaml", []byte(src))
		if !HasErrors(ds, false) {
			t.Fatalf("%s: want an error for the matchers, got %v", events, ds)
		}
		for _, d := range Lint(m) {
			if d.Rule == "overlapping-events" {
				t.Errorf("%s: %s", events, d.Message)
			}
		}
	}
}
