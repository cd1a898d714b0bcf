package journey

// The dead-end rule checks that the flow ends only at goals or where `next: []` says it may.
func init() {
	registerRule(&Rule{
		ID:       "dead-end",
		Severity: Warning,
		Summary:  "the flow ends only at goals or where `next: []` says it may",
		Example: `version: 1
id: webshop
title: Buying flowers
stages:
  - id: visit
    name: Visit
    touchpoints:
      - id: home
        name: Home page
        goal: true
        next: [review]
      - id: review
        name: Review
`,
		Message: "touchpoint \"review\" is a dead end: the flow stops here but it is not a goal; add `goal: true`, a next, or `next: []` if the journey may end here",
		check:   checkDeadEnd,
	})
}

// checkDeadEnd reports a journey whose flow runs out at a touchpoint that is not a goal
// without saying it may end there (`next: []`).
func checkDeadEnd(r *Rule, m *Map) []Diagnostic {
	var ds []Diagnostic
	next := m.successors()
	for _, t := range m.Touchpoints() {
		if !t.Goal && t.Next == nil && len(next[t]) == 0 {
			ds = append(ds, r.diag(m.File, t.At("id"),
				"touchpoint %q is a dead end: the flow stops here but it is not a goal; add `goal: true`, a next, or `next: []` if the journey may end here", t.ID))
		}
	}
	return ds
}
