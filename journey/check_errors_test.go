package journey

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestCheckErrors checks that CheckErrors finds exactly the errors Check finds, on every
// rule's example and the test maps, and none of the warning rules' diagnostics.
func TestCheckErrors(t *testing.T) {
	sources := map[string][]byte{"generated": generateMap(20)}
	for _, r := range Rules() {
		sources[r.ID] = r.exampleSource()
	}
	for name, src := range sources {
		_, all := Check("m.journey.yaml", src)
		_, some := CheckErrors("m.journey.yaml", src)
		if diff := cmp.Diff(severity(all, Error), severity(some, Error)); diff != "" {
			t.Errorf("%s: errors differ (-Check +CheckErrors):\n%s", name, diff)
		}
		for _, d := range some {
			if r := ruleByID(d.Rule); d.Severity == Warning && r != nil && r.check != nil {
				t.Errorf("%s: CheckErrors ran the warning rule %s", name, d.Rule)
			}
		}
	}
}

// severity returns the diagnostics of ds of severity s.
func severity(ds []Diagnostic, s Severity) []Diagnostic {
	var out []Diagnostic
	for _, d := range ds {
		if d.Severity == s {
			out = append(out, d)
		}
	}
	return out
}

func ruleByID(id string) *Rule {
	for _, r := range Rules() {
		if r.ID == id {
			return r
		}
	}
	return nil
}
