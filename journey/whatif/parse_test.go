package whatif

import (
	"math"
	"strings"
	"testing"
)

// TestParseImprove: T=F with F a fraction or a percentage in (0, 1].
func TestParseImprove(t *testing.T) {
	for in, want := range map[string]Change{
		"account-approved=0.5": {Improve: "account-approved", By: 0.5},
		"a=50%":                {Improve: "a", By: 0.5},
		"a=1":                  {Improve: "a", By: 1},
		"a=100%":               {Improve: "a", By: 1},
		"a=.25":                {Improve: "a", By: 0.25},
		"a=12.5%":              {Improve: "a", By: 0.125},
	} {
		got, err := ParseImprove(in)
		if err != nil || got != want {
			t.Errorf("ParseImprove(%q) = %+v, %v; want %+v", in, got, err, want)
		}
	}
	for in, msg := range map[string]string{
		"a":       `--improve "a": expected TOUCHPOINT=F: the id of one of the map's touchpoints, =, and a fraction like 0.5 or a percentage like 50%`,
		"=0.5":    `--improve "=0.5": expected TOUCHPOINT=F: the id of one of the map's touchpoints, =, and a fraction like 0.5 or a percentage like 50%`,
		"a=0":     `--improve "a=0": F must be more than 0 and at most 1 (or 100%), found "0"`,
		"a=1.5":   `--improve "a=1.5": F must be more than 0 and at most 1 (or 100%), found "1.5"`,
		"a=150%":  `--improve "a=150%": F must be more than 0 and at most 1 (or 100%), found "150%"`,
		"a=-0.5":  `--improve "a=-0.5": F must be more than 0 and at most 1 (or 100%), found "-0.5"`,
		"a=half":  `--improve "a=half": F must be a number like 0.5 or a percentage like 50%, found "half"`,
		"a=NaN":   `--improve "a=NaN": F must be a number like 0.5 or a percentage like 50%, found "NaN"`,
		"a=1e-1":  `--improve "a=1e-1": F must be a number like 0.5 or a percentage like 50%, found "1e-1"`,
		"a=0.5=1": `--improve "a=0.5=1": F must be a number like 0.5 or a percentage like 50%, found "0.5=1"`,
	} {
		if _, err := ParseImprove(in); err == nil || err.Error() != msg {
			t.Errorf("ParseImprove(%q) error = %v, want %s", in, err, msg)
		}
	}
}

// FuzzParseImprove: whatever the text, ParseImprove neither panics nor accepts an F
// outside (0, 1] or a NaN, and an accepted change names the text before the first =.
func FuzzParseImprove(f *testing.F) {
	for _, s := range []string{"a=0.5", "a=50%", "a=", "=", "x=1e308", "a=0.0000001%", "ü=1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParseImprove(s)
		if err != nil {
			return
		}
		if math.IsNaN(c.By) || c.By <= 0 || c.By > 1 {
			t.Fatalf("ParseImprove(%q) = %v", s, c.By)
		}
		if id, _, _ := strings.Cut(s, "="); c.Improve != id || id == "" {
			t.Fatalf("ParseImprove(%q) names %q", s, c.Improve)
		}
	})
}
