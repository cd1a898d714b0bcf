package journey

// ruleEmptyList checks that stages, touchpoints, funnel steps and where values are not empty.
var ruleEmptyList = registerRule(&Rule{
	ID:       "empty-list",
	Severity: Error,
	Summary:  "stages, touchpoints, funnel steps and where values are not empty",
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
  - id: later
    name: Later
    touchpoints: []
`,
	Message: "touchpoints is empty; a stage needs at least one touchpoint",
})
