package journey

// ruleVersion checks that the file says `version: 1`, the format version this build reads.
var ruleVersion = registerRule(&Rule{
	ID:       "version",
	Severity: Error,
	Summary:  "the file says `version: 1`, the format version this build reads",
	Example: `version: 2
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
`,
	Message: "version 2 is not supported; this build reads version 1",
})
