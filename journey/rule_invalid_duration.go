package journey

// ruleInvalidDuration checks that durations and windows are whole numbers with units s, m, h, d or w.
var ruleInvalidDuration = registerRule(&Rule{
	ID:       "invalid-duration",
	Severity: Error,
	Summary:  "durations and windows are whole numbers with units s, m, h, d or w",
	Example: `version: 1
id: webshop
title: Buying flowers
window: 2 weeks
stages:
  - id: visit
    name: Visit
    touchpoints:
      - id: home
        name: Home page
        goal: true
`,
	Message: "window: invalid duration \"2 weeks\"; expected whole numbers each with a unit (s, m, h, d, w), like \"30m\", \"14d\" or \"1h30m\"",
})
