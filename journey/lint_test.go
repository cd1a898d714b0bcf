package journey

import (
	"slices"
	"testing"
)

func TestOverlap(t *testing.T) {
	w := func(col string, vs ...string) Where { return Where{Column: col, Values: vs} }
	tests := []struct {
		name string
		a, b []Where
		want bool
	}{
		{"no conditions", nil, nil, true},
		{"one side unconditioned", nil, []Where{w("page", "/a")}, true},
		{"different columns", []Where{w("page", "/a")}, []Where{w("ref", "x")}, true},
		{"same value", []Where{w("page", "/a")}, []Where{w("page", "/b", "/a")}, true},
		{"different values", []Where{w("page", "/a")}, []Where{w("page", "/b")}, false},
		{"one column apart", []Where{w("page", "/a"), w("ref", "x")}, []Where{w("page", "/a"), w("ref", "y")}, false},
	}
	for _, tt := range tests {
		if got := overlap(tt.a, tt.b); got != tt.want {
			t.Errorf("%s: overlap = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestGraphRules checks the graph rules on flows the documented examples do not cover.
func TestGraphRules(t *testing.T) {
	tests := []struct {
		name, touchpoints string
		want              []string // rule ids, in position order
	}{
		{"cycle back to the start", "      - {id: a, name: A, next: [b]}\n      - {id: b, name: B, next: [a, c]}\n      - {id: c, name: C, goal: true}\n", nil},
		{"branch skips a touchpoint", "      - {id: a, name: A, next: [c]}\n      - {id: b, name: B}\n      - {id: c, name: C, goal: true}\n", nil},
		{"explicit end is no dead end", "      - {id: a, name: A, next: [b]}\n      - {id: b, name: B, next: []}\n      - {id: c, name: C, goal: true, next: [b]}\n", nil},
		{"a touchpoint that leads only to itself", "      - {id: a, name: A, next: [b]}\n      - {id: b, name: B, next: [b]}\n      - {id: c, name: C, goal: true}\n", []string{"dead-end"}},
		{"a loop the flow never leaves", "      - {id: a, name: A, next: [b, d]}\n      - {id: b, name: B, next: [c]}\n      - {id: c, name: C, next: [b]}\n      - {id: d, name: D, goal: true}\n", []string{"dead-end"}},
		{"a loop with a way out", "      - {id: a, name: A, next: [b]}\n      - {id: b, name: B, next: [c]}\n      - {id: c, name: C, next: [b, d]}\n      - {id: d, name: D, goal: true}\n", nil},
		{"a loop with an end", "      - {id: a, name: A, next: [b]}\n      - {id: b, name: B, next: [a, c]}\n      - {id: c, name: C, next: []}\n      - {id: d, name: D, goal: true}\n", nil},
		{"a loop into a loop", "      - {id: a, name: A, next: [a, b]}\n      - {id: b, name: B, next: [b]}\n      - {id: d, name: D, goal: true}\n", []string{"dead-end"}},
		{"same matcher twice in one touchpoint", "      - {id: a, name: A, goal: true, events: [{event: v}, {event: v}]}\n", nil},
		{"overlap reported once per pair", "      - {id: a, name: A, events: [{event: v}, {event: w}]}\n      - {id: b, name: B, goal: true, events: [{event: v}, {event: w}]}\n", []string{"overlapping-events"}},
	}
	for _, tt := range tests {
		src := "version: 1\nid: m\ntitle: M\nstages:\n  - id: s\n    name: S\n    touchpoints:\n" + tt.touchpoints
		_, ds := Check("m.journey.yaml", []byte(src))
		var got []string
		for _, d := range ds {
			got = append(got, d.Rule)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: rules %v, want %v\n%s", tt.name, got, tt.want, diagLines(ds))
		}
	}
}

// TestKebabCase: the id suggested for a name spells its letters in ASCII rather than
// cutting them out.
func TestKebabCase(t *testing.T) {
	for in, want := range map[string]string{
		"Home Page": "home-page", "__x__": "x", "!!": "",
		"Oriëntatie": "orientatie", "Café": "cafe", "über-uns": "uber-uns", "ÉÊÈ à la carte": "eee-a-la-carte",
		"Straße": "strasse", "Æbleskiver": "aebleskiver", "Smørrebrød": "smorrebrod", "Łódź": "lodz",
		"İstanbul": "istanbul", "ﬁnance": "finance", "Ｗeb": "web", "Cœur": "coeur", "Þing": "thing",
		"日本": "", "Zoë 日本 2": "zoe-2",
	} {
		if got := KebabCase(in); got != want {
			t.Errorf("KebabCase(%q) = %q, want %q", in, got, want)
		}
	}
}
