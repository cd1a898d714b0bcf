package journey

import "slices"

// The overlapping-events rule checks that no two touchpoints have event matchers that can match the same row.
func init() {
	registerRule(&Rule{
		ID:       "overlapping-events",
		Severity: Warning,
		Summary:  "no two touchpoints have event matchers that can match the same row",
		Example: `version: 1
id: webshop
title: Buying flowers
stages:
  - id: visit
    name: Visit
    touchpoints:
      - id: home
        name: Home page
        events:
          - event: page_view
      - id: order
        name: Order
        goal: true
        events:
          - event: page_view
            where: {page: /order}
`,
		Message: "touchpoint \"order\" matches event \"page_view\" like touchpoint \"home\" does (line 11); such rows all go to the first, \"home\"",
		check:   checkOverlappingEvents,
	})
}

// matcherAt is an event matcher with the touchpoint that holds it.
type matcherAt struct {
	t *Touchpoint
	m Matcher
}

// checkOverlappingEvents reports a touchpoint with a matcher that can match the same row as
// a matcher of an earlier touchpoint: such rows always go to the earlier one, so the later
// touchpoint silently loses them. Each pair of touchpoints is reported once.
func checkOverlappingEvents(r *Rule, m *Map) []Diagnostic {
	byEvent := map[string][]matcherAt{}
	reported := map[[2]*Touchpoint]bool{}
	var ds []Diagnostic
	for _, t := range m.Touchpoints() {
		for _, mt := range t.Events {
			for _, prev := range byEvent[mt.Event] {
				pair := [2]*Touchpoint{prev.t, t}
				if prev.t == t || reported[pair] || !overlap(prev.m.Where, mt.Where) {
					continue
				}
				reported[pair] = true
				ds = append(ds, r.diag(m.File, mt.Pos,
					"touchpoint %q matches event %q like touchpoint %q does (line %d); such rows all go to the first, %q",
					t.ID, mt.Event, prev.t.ID, prev.m.Pos.Line, prev.t.ID))
			}
			byEvent[mt.Event] = append(byEvent[mt.Event], matcherAt{t, mt})
		}
	}
	return ds
}

// overlap reports whether one row can satisfy both condition lists (sorted by column): it
// can unless a column both constrain has no value in common.
func overlap(a, b []Where) bool {
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i].Column < b[j].Column:
			i++
		case a[i].Column > b[j].Column:
			j++
		default:
			if !slices.ContainsFunc(a[i].Values, func(v string) bool { return slices.Contains(b[j].Values, v) }) {
				return false
			}
			i, j = i+1, j+1
		}
	}
	return true
}
