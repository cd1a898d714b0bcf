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
// a matcher of an earlier touchpoint: such rows go to the earlier one, so the later
// touchpoint silently loses them. A pair is left out when a touchpoint before the earlier
// one takes every row the two share (its own pair with the later one says so), so that
// touchpoints sharing one event are reported once each, not in every pair. Each pair of
// touchpoints is reported once. A matcher without an event (an error another rule reports,
// such as an event written as bare text) overlaps nothing.
func checkOverlappingEvents(r *Rule, m *Map) []Diagnostic {
	byEvent := map[string][]matcherAt{}
	reported := map[[2]*Touchpoint]bool{}
	var ds []Diagnostic
	for _, t := range m.Touchpoints() {
		for _, mt := range t.Events {
			if mt.Event == "" {
				continue
			}
			earlier := byEvent[mt.Event]
			for _, prev := range earlier {
				pair := [2]*Touchpoint{prev.t, t}
				if prev.t == t || reported[pair] || !overlap(prev.m.Where, mt.Where) ||
					takenBefore(earlier, prev.t, both(prev.m.Where, mt.Where)) {
					continue
				}
				reported[pair] = true
				rows := "such rows all go"
				if !covers(prev.m.Where, mt.Where) {
					rows = "rows that match both go"
				}
				ds = append(ds, r.diag(m.File, mt.Pos,
					"touchpoint %q matches event %q like touchpoint %q does (line %d); %s to the first, %q",
					t.ID, mt.Event, prev.t.ID, prev.m.Pos.Line, rows, prev.t.ID))
			}
			byEvent[mt.Event] = append(byEvent[mt.Event], matcherAt{t, mt})
		}
	}
	return ds
}

// takenBefore reports whether a matcher of a touchpoint before t, among ms (in document
// order), matches every row that meets where.
func takenBefore(ms []matcherAt, t *Touchpoint, where []Where) bool {
	for _, e := range ms {
		if e.t == t {
			return false
		}
		if covers(e.m.Where, where) {
			return true
		}
	}
	return false
}

// covers reports whether every row that meets where meets cond: each column cond constrains,
// where constrains to some of cond's values.
func covers(cond, where []Where) bool {
	for _, c := range cond {
		i := slices.IndexFunc(where, func(w Where) bool { return w.Column == c.Column })
		if i < 0 || slices.ContainsFunc(where[i].Values, func(v string) bool { return !slices.Contains(c.Values, v) }) {
			return false
		}
	}
	return true
}

// both returns the conditions a row meets when it meets a and b (each sorted by column, with
// a value in common on every column both constrain), sorted by column.
func both(a, b []Where) []Where {
	var out []Where
	for i, j := 0, 0; i < len(a) || j < len(b); {
		switch {
		case j == len(b) || i < len(a) && a[i].Column < b[j].Column:
			out, i = append(out, a[i]), i+1
		case i == len(a) || a[i].Column > b[j].Column:
			out, j = append(out, b[j]), j+1
		default:
			values := slices.DeleteFunc(slices.Clone(a[i].Values), func(v string) bool { return !slices.Contains(b[j].Values, v) })
			out, i, j = append(out, Where{Column: a[i].Column, Values: values}), i+1, j+1
		}
	}
	return out
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
