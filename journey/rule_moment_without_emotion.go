package journey

// The moment-without-emotion rule checks that every moment of truth says how it feels (`emotion`).
func init() {
	registerRule(&Rule{
		ID:       "moment-without-emotion",
		Severity: Warning,
		Summary:  "every moment of truth says how it feels (`emotion`)",
		Example: `version: 1
id: webshop
title: Buying flowers
stages:
  - id: visit
    name: Visit
    touchpoints:
      - id: home
        name: Home page
        moment_of_truth: true
        goal: true
`,
		Message: "touchpoint \"home\" is a moment of truth without an emotion; add `emotion:` from -2 to +2",
		check:   checkMomentWithoutEmotion,
	})
}

// checkMomentWithoutEmotion reports moments of truth that do not say how they feel. An
// emotion written but invalid (out of range, not a number) has its own error instead.
func checkMomentWithoutEmotion(r *Rule, m *Map) []Diagnostic {
	var ds []Diagnostic
	for _, t := range m.Touchpoints() {
		if _, written := t.Keys["emotion"]; t.MomentOfTruth && t.Emotion == nil && !written {
			ds = append(ds, r.diag(m.File, t.At("moment_of_truth"),
				"touchpoint %q is a moment of truth without an emotion; add `emotion:` from -2 to +2", t.ID))
		}
	}
	return ds
}
