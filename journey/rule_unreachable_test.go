package journey

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestUnreachableSaysWhatLeadsThere checks the reason each unreachable touchpoint is given:
// nothing leads to one, and only unreachable touchpoints to the others of a cycle apart from
// the journey.
func TestUnreachableSaysWhatLeadsThere(t *testing.T) {
	src := `version: 1
id: m
title: M
stages:
  - id: s1
    name: S1
    touchpoints:
      - {id: a, name: A, next: [done]}
  - id: s2
    name: S2
    touchpoints:
      - {id: lone, name: Lone, next: [b]}
      - {id: b, name: B, next: [c]}
      - {id: c, name: C, next: [b, done]}
      - {id: done, name: Done, goal: true}
`
	m, ds := Parse("m.journey.yaml", []byte(src))
	if HasErrors(ds, false) {
		t.Fatal(ds)
	}
	var got []string
	for _, d := range Lint(m) {
		if d.Rule == "unreachable" {
			_, why, _ := strings.Cut(d.Message, "; ")
			got = append(got, why)
		}
	}
	want := []string{
		"no next leads to it",
		`only touchpoints unreachable themselves lead to it ("lone", "c")`,
		`only touchpoints unreachable themselves lead to it ("b")`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("reasons (-want +got):\n%s", diff)
	}
}
