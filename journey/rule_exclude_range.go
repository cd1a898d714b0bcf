package journey

// The exclude-range rule checks that an exclusion range `between: [a, b]` has 1 <= a < b <=
// the number of steps N; an unordered funnel has no order to put a range in, so there only
// [1, N], the whole funnel, is accepted (as PostHog does).
func init() {
	registerRule(&Rule{
		ID:       "exclude-range",
		Severity: Error,
		Summary:  "an exclusion range `between: [a, b]` has 1 <= a < b <= the number of steps N; in unordered funnels only [1, N], the whole funnel",
		Example: `version: 1
id: webshop
title: Buying flowers
stages:
  - id: visit
    name: Visit
    touchpoints:
      - id: home
        name: Home page
      - id: order
        name: Order
        goal: true
funnels:
  - id: main
    steps: [home, order]
    exclude:
      - event: unsubscribe
        between: [1, 3]
`,
		Message: "between [1, 3] does not fit funnel \"main\"; expected 1 <= a < b <= 2, its number of steps",
		check:   checkExcludeRange,
	})
}

// checkExcludeRange reports exclusion ranges that do not fit their funnel.
func checkExcludeRange(r *Rule, m *Map) []Diagnostic {
	var ds []Diagnostic
	for _, f := range m.Funnels {
		for _, e := range f.Exclude {
			if _, set := e.Keys["between"]; !set {
				continue
			}
			switch n := len(f.Steps); {
			case f.Order == Unordered && (e.From != 1 || e.To != n):
				ds = append(ds, r.diag(m.File, e.At("between"),
					"between [%d, %d] is not allowed in the unordered funnel %q; its exclusions apply to the whole funnel: leave between out or write [1, %d]", e.From, e.To, f.ID, n))
			case e.From < 1 || e.From >= e.To || e.To > n:
				ds = append(ds, r.diag(m.File, e.At("between"),
					"between [%d, %d] does not fit funnel %q; expected 1 <= a < b <= %d, its number of steps", e.From, e.To, f.ID, n))
			}
		}
	}
	return ds
}
