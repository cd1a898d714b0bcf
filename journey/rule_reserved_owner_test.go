package journey

import "testing"

// TestReservedOwner: both names journey gives groups of its own are refused as owners,
// where the owner is written; a name that only contains one is fine.
func TestReservedOwner(t *testing.T) {
	for owner, want := range map[string]string{
		`"(none)"`:     `11:16 reserved-owner owner "(none)" is the name journey gives the touches of touchpoints without an owner; give the owner another name, such as "none"`,
		`"(direct)"`:   `11:16 reserved-owner owner "(direct)" is the name journey gives conversions without touches`,
		`"direct (x)"`: "",
	} {
		_, ds := Check("m.journey.yaml", []byte(withTouchpointKeys("        owner: "+owner+"\n")))
		if want == "" {
			if len(ds) > 0 {
				t.Errorf("owner %s: %s", owner, diagLines(ds))
			}
			continue
		}
		if !hasDiagnostic(ds, want) {
			t.Errorf("owner %s: want %q, got:\n%s", owner, want, diagLines(ds))
		}
	}
}
