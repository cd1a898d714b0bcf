package journey

// ruleKPITarget checks that a KPI has a target (min and/or max), min is not above max, ratios are fractions.
var ruleKPITarget = registerRule(&Rule{
	ID:       "kpi-target",
	Severity: Error,
	Summary:  "a KPI has a target (min and/or max), min is not above max, ratios are fractions",
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
            min: 25
      - id: order
        name: Order
        goal: true
`,
	Message: "min 25 of KPI \"conversion\" is outside 0..1; write ratios as fractions (0.25 for 25%)",
})
