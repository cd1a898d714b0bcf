package journey

// The duplicate-kpi rule checks that a touchpoint has at most one KPI target per metric, so
// that a target has one id (TOUCHPOINT/METRIC) for journey diff and one verdict in reports.
func init() {
	registerRule(&Rule{
		ID:       "duplicate-kpi",
		Severity: Error,
		Summary:  "a touchpoint has at most one KPI target per metric; one target takes both min and max",
		Example: `version: 1
id: webshop
title: Buying flowers
stages:
  - id: visit
    name: Visit
    touchpoints:
      - id: home
        name: Home page
        kpis:
          - metric: conversion
            min: 0.25
          - metric: conversion
            max: 0.9
      - id: order
        name: Order
        goal: true
`,
		Message: "touchpoint \"home\" already has a target for KPI \"conversion\" (line 11); give one target per metric, with min and max together",
		check:   checkDuplicateKPI,
	})
}

// checkDuplicateKPI reports every KPI target after the first of its metric on a touchpoint.
func checkDuplicateKPI(r *Rule, m *Map) []Diagnostic {
	var ds []Diagnostic
	for _, t := range m.Touchpoints() {
		first := map[string]KPI{}
		for _, k := range t.KPIs {
			if k.Metric == "" {
				continue
			}
			if f, dup := first[k.Metric]; dup {
				ds = append(ds, r.diag(m.File, k.At("metric"),
					"touchpoint %q already has a target for KPI %q (line %d); give one target per metric, with min and max together",
					t.ID, k.Metric, f.At("metric").Line))
				continue
			}
			first[k.Metric] = k
		}
	}
	return ds
}
