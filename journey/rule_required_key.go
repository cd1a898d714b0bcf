package journey

// ruleRequiredKey checks that every required key is present and has a value.
var ruleRequiredKey = registerRule(&Rule{
	ID:       "required-key",
	Severity: Error,
	Summary:  "every required key is present and has a value, not white space alone",
	Example: `version: 1
id: webshop
title: Buying flowers
stages:
  - id: visit
    name: Visit
    touchpoints:
      - id: home
        goal: true
`,
	Message: "touchpoint is missing the required key \"name\"",
})
