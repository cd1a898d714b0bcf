package journey

// The no-goal rule checks that the map has a goal: a touchpoint with `goal: true`.
func init() {
	registerRule(&Rule{
		ID:       "no-goal",
		Severity: Warning,
		Summary:  "a map with touchpoints has a goal: a touchpoint with `goal: true`",
		Example: `version: 1
id: webshop
title: Buying flowers
stages:
  - id: visit
    name: Visit
    touchpoints:
      - id: home
        name: Home page
        next: []
`,
		Message: "map has no goal; mark the touchpoint that converts the journey with `goal: true`",
		check:   checkNoGoal,
	})
}

// checkNoGoal reports a map none of whose touchpoints is a goal: its goal rate is undefined.
// A map without touchpoints is left alone: the errors that say why it has none (a missing
// or empty list, a wrong type) are what to fix first.
func checkNoGoal(r *Rule, m *Map) []Diagnostic {
	if m.HasGoal() || len(m.Touchpoints()) == 0 {
		return nil
	}
	return []Diagnostic{r.diag(m.File, m.At("stages"),
		"map has no goal; mark the touchpoint that converts the journey with `goal: true`")}
}
