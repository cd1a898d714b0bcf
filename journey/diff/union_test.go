package diff

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// flowMap writes a map from stages written "s1: a b | s2: c": each stage's id, then its
// touchpoints' ids.
func flowMap(spec string) string {
	var b strings.Builder
	b.WriteString("version: 1\nid: m\ntitle: M\nstages:\n")
	for _, st := range strings.Split(spec, "|") {
		id, tps, _ := strings.Cut(st, ":")
		id = strings.TrimSpace(id)
		b.WriteString("  - id: " + id + "\n    name: " + strings.ToUpper(id) + "\n    touchpoints:\n")
		for _, t := range strings.Fields(tps) {
			b.WriteString("      - {id: " + t + ", name: " + strings.ToUpper(t) + "}\n")
		}
	}
	return b.String()
}

// unionText writes a union as "s1: a -b | -s2: -c", removed elements marked with "-".
func unionText(vs []StageView) string {
	var parts []string
	for _, v := range vs {
		s := mark(v.Removed) + v.Stage.ID + ":"
		for _, t := range v.Touchpoints {
			s += " " + mark(t.Removed) + t.Touchpoint.ID
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " | ")
}

func mark(removed bool) string {
	if removed {
		return "-"
	}
	return ""
}

func TestUnion(t *testing.T) {
	tests := []struct{ old, new, want string }{
		{old: "s1: a b c", new: "s1: a c", want: "s1: a -b c"},
		{old: "s1: a b c", new: "s1: c", want: "s1: -a -b c"},
		{old: "s1: a b c", new: "s1: x", want: "s1: -a -b -c x"},
		{old: "s1: a b | s2: c | s3: d", new: "s1: a | s3: d", want: "s1: a -b | -s2: -c | s3: d"},
		{old: "s1: a | s2: c", new: "s0: z | s1: a", want: "s0: z | s1: a | -s2: -c"},
		{old: "s1: a b | s2: c", new: "s1: a | s2: b", want: "s1: a | s2: -c b"},
		{old: "s1: a b c d", new: "s1: d c b", want: "s1: -a d c b"},
		{old: "s1: a | s2: b c", new: "s1: a b c", want: "s1: a b c | -s2:"},
	}
	for _, tt := range tests {
		got := unionText(Union(load(t, flowMap(tt.old)), load(t, flowMap(tt.new))))
		if got != tt.want {
			t.Errorf("Union(%q, %q) = %q, want %q", tt.old, tt.new, got, tt.want)
		}
	}
}

// TestGroups checks that the records go under their touchpoint's stage in NEW, in OLD for a
// touchpoint removed (the edges of a touchpoint that moved stage, removed or not, go with
// it), the map-level records first, and each stage's touchpoints in the union's order.
func TestGroups(t *testing.T) {
	old := load(t, flowMap("s1: a b c | s2: d"))
	new := load(t, strings.Replace(flowMap("s2: d c | s1: a"), "title: M", "title: N", 1))
	var got []string
	for _, g := range Of("old", "new", old, new).Groups() {
		line := "(map)"
		if g.Stage != nil {
			line = g.Stage.Stage.ID
		}
		for _, c := range g.Own {
			line += " " + c.Entity + ":" + c.ID + ":" + c.Kind
		}
		for _, s := range g.Touchpoints {
			line += " [" + s.ID + ":" + s.Touchpoint.Name
			for _, c := range s.Changes {
				line += " " + c.Entity + ":" + c.ID + ":" + c.Kind
			}
			line += "]"
		}
		got = append(got, line)
	}
	want := []string{
		"(map) map:m:changed",
		"s2 stage:s2:moved [d:D edge:d->c:added] [c:C touchpoint:c:moved edge:c->a:added edge:c->d:removed]",
		"s1 [a:A edge:a->b:removed] [b:B touchpoint:b:removed edge:b->c:removed]",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("groups (-want +got):\n%s", diff)
	}
}
