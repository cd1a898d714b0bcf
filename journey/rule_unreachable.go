package journey

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// The unreachable rule checks that every touchpoint can be reached from a touchpoint of the first stage.
func init() {
	registerRule(&Rule{
		ID:       "unreachable",
		Severity: Warning,
		Summary:  "every touchpoint can be reached from a touchpoint of the first stage",
		Example: `version: 1
id: webshop
title: Buying flowers
stages:
  - id: visit
    name: Visit
    touchpoints:
      - id: home
        name: Home page
        next: [order]
  - id: buy
    name: Buy
    touchpoints:
      - id: newsletter
        name: Newsletter
        next: [order]
      - id: order
        name: Order
        goal: true
`,
		Message: "touchpoint \"newsletter\" cannot be reached from the first stage; no next leads to it",
		check:   checkUnreachable,
	})
}

// checkUnreachable walks the flow from the touchpoints of the first stage, the entries of
// the journey, and reports every touchpoint it never reaches.
func checkUnreachable(r *Rule, m *Map) []Diagnostic {
	if len(m.Stages) == 0 {
		return nil
	}
	next := m.successors()
	seen := map[*Touchpoint]bool{}
	queue := append([]*Touchpoint(nil), m.Stages[0].Touchpoints...)
	for len(queue) > 0 {
		t := queue[0]
		queue = queue[1:]
		if seen[t] {
			continue
		}
		seen[t] = true
		queue = append(queue, next[t]...)
	}
	from := map[*Touchpoint][]string{} // the touchpoints whose next leads to each, in order
	for _, t := range m.Touchpoints() {
		for _, n := range next[t] {
			if !slices.Contains(from[n], t.ID) {
				from[n] = append(from[n], t.ID)
			}
		}
	}
	var ds []Diagnostic
	for _, t := range m.Touchpoints() {
		if !seen[t] {
			ds = append(ds, r.diag(m.File, t.At("id"),
				"touchpoint %q cannot be reached from the first stage; %s", t.ID, leadsTo(from[t])))
		}
	}
	return ds
}

// leadsTo says what leads to an unreachable touchpoint: nothing, or touchpoints that are
// unreachable themselves (a cycle apart from the journey, say), the first three named.
func leadsTo(ids []string) string {
	switch {
	case len(ids) == 0:
		return "no next leads to it"
	case len(ids) > 3:
		return fmt.Sprintf("only touchpoints unreachable themselves lead to it (%s and %d more)", quoteIDs(ids[:3]), len(ids)-3)
	}
	return fmt.Sprintf("only touchpoints unreachable themselves lead to it (%s)", quoteIDs(ids))
}

// quoteIDs quotes ids and joins them with commas.
func quoteIDs(ids []string) string {
	q := make([]string, len(ids))
	for i, id := range ids {
		q[i] = strconv.Quote(id)
	}
	return strings.Join(q, ", ")
}
