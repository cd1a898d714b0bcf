package journey

import "testing"

// TestNoGoalNeedsTouchpoints: a map without a single touchpoint has no goal, but the
// errors that say why it has none are all there is to say; a map with touchpoints and no
// goal still has the warning.
func TestNoGoalNeedsTouchpoints(t *testing.T) {
	head := "version: 1\nid: a\ntitle: A\n"
	tests := []struct {
		name, src string
		warn      bool
	}{
		{"only a key", "journey:\n", false},
		{"stages not a list", head + "stages: nope\n", false},
		{"no stages", head + "stages: []\n", false},
		{"a stage without touchpoints", head + "stages:\n  - id: s\n    name: S\n    touchpoints: []\n", false},
		{"touchpoints, no goal", head + "stages:\n  - id: s\n    name: S\n    touchpoints:\n      - id: t\n        name: T\n", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, ds := Check("m.journey.yaml", []byte(tt.src))
			got := false
			for _, d := range ds {
				got = got || d.Rule == "no-goal"
			}
			if got != tt.warn {
				t.Errorf("no-goal %v, want %v; diagnostics %v", got, tt.warn, ds)
			}
		})
	}
}
