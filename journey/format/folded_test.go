package format

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"go.yaml.in/yaml/v3"
)

// TestBlockScalarEnds checks the lines after block scalars: no blank line is added below a
// text, one the author wrote between keys goes as it does after any value, and every text
// reads back as it was, its final line breaks included.
func TestBlockScalarEnds(t *testing.T) {
	const head = "version: 1\nid: a\ntitle: A\n"
	const tp = "stages:\n  - id: s\n    name: S\n    touchpoints:\n      - id: t\n        name: T\n"
	tests := []struct{ name, src, want string }{
		{"folded", head + "description: >\n  Een lange\n  tekst\nwindow: 3d\n" + tp + "        goal: true\n",
			head + "description: >\n  Een lange tekst\nwindow: 3d\n" + tp + "        goal: true\n"},
		{"folded, stripped", head + "description: >-\n  Een lange tekst\nwindow: 3d\n" + tp + "        goal: true\n", ""},
		{"folded, kept", head + "description: >+\n  Een lange tekst\n\nwindow: 3d\n" + tp + "        goal: true\n",
			head + "description: |+\n  Een lange tekst\n\nwindow: 3d\n" + tp + "        goal: true\n"},
		{"literal", head + "description: |\n  Een lange\n  tekst\nwindow: 3d\n" + tp + "        goal: true\n", ""},
		{"literal, kept", head + "description: |+\n  Een lange\n  tekst\n\nwindow: 3d\n" + tp + "        goal: true\n", ""},
		{"folded with a blank line inside", head + "description: >\n  Een\n\n  tekst\nwindow: 3d\n" + tp + "        goal: true\n", ""},
		{"blank line written after", head + "description: >\n  Een tekst\n\nwindow: 3d\n" + tp + "        goal: true\n",
			head + "description: >\n  Een tekst\nwindow: 3d\n" + tp + "        goal: true\n"},
		{"comments on and after", head + "description: > # de tekst\n  Een tekst\n# het venster\nwindow: 3d\n" + tp + "        goal: true\n", ""},
		{"in a touchpoint", head + tp + "        description: >\n          Een tekst\n        goal: true\n", ""},
		{"in a touchpoint, then a comment", head + tp + "        description: >\n          Een tekst\n        # het doel\n        goal: true\n", ""},
		{"last in the file", head + tp + "        goal: true\n        x-note: >\n          Een tekst\n", ""},
		{"items of a list", head + tp + "        pains:\n          - >\n            Traag\n          - >-\n            Duur\n          - |\n            Lastig\n        goal: true\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := tt.want
			if want == "" {
				want = tt.src
			}
			out, diags := Source("m.journey.yaml", []byte(tt.src))
			if len(diags) > 0 || string(out) != want {
				t.Fatalf("Source = %v\n%s\nwant:\n%s", diags, out, want)
			}
			if again, _ := Source("m.journey.yaml", out); string(again) != string(out) {
				t.Errorf("second pass changed the output:\n%s", again)
			}
			if diff := cmp.Diff(decode(t, tt.src), decode(t, string(out))); diff != "" {
				t.Errorf("the values changed (-before +after):\n%s", diff)
			}
		})
	}
}

// decode returns the value the YAML text src holds.
func decode(t *testing.T, src string) any {
	t.Helper()
	var v any
	if err := yaml.Unmarshal([]byte(src), &v); err != nil {
		t.Fatal(err)
	}
	return v
}
