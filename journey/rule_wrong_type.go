package journey

// ruleWrongType checks that every value has the expected type: text, list, mapping, true or false.
var ruleWrongType = registerRule(&Rule{
	ID:       "wrong-type",
	Severity: Error,
	Summary:  "every value has the expected type: text, list, mapping, true or false",
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
        pains: Busy stand
`,
	Message: "pains: expected a list, found text",
})
