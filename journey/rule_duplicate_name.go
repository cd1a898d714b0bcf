package journey

import "strings"

// The duplicate-name rule checks that stages have distinct names, and so do touchpoints.
func init() {
	registerRule(&Rule{
		ID:       "duplicate-name",
		Severity: Warning,
		Summary:  "stages have distinct names, and so do touchpoints",
		Example: `version: 1
id: webshop
title: Buying flowers
stages:
  - id: visit
    name: Visit
    touchpoints:
      - id: home
        name: Home page
      - id: start
        name: home page
        goal: true
`,
		Message: "touchpoint name \"home page\" is also the name of touchpoint \"home\" (line 9)",
		check:   checkDuplicateName,
	})
}

// checkDuplicateName reports a stage or touchpoint named like an earlier one (ignoring case
// and surrounding spaces): on the rendered map the two cannot be told apart.
func checkDuplicateName(r *Rule, m *Map) []Diagnostic {
	var ds []Diagnostic
	stages := map[string]*Stage{}
	touchpoints := map[string]*Touchpoint{}
	for _, s := range m.Stages {
		key := nameKey(s.Name)
		if first, dup := stages[key]; dup && key != "" {
			ds = append(ds, r.diag(m.File, s.At("name"),
				"stage name %q is also the name of stage %q (line %d)", s.Name, first.ID, first.At("name").Line))
		} else if !dup {
			stages[key] = s
		}
		for _, t := range s.Touchpoints {
			key := nameKey(t.Name)
			if first, dup := touchpoints[key]; dup && key != "" {
				ds = append(ds, r.diag(m.File, t.At("name"),
					"touchpoint name %q is also the name of touchpoint %q (line %d)", t.Name, first.ID, first.At("name").Line))
			} else if !dup {
				touchpoints[key] = t
			}
		}
	}
	return ds
}

// nameKey is the form of a name that two names must share to look the same.
func nameKey(name string) string { return strings.ToLower(strings.TrimSpace(name)) }
