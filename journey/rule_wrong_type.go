package journey

// ruleWrongType checks that every value has the expected type: text, list, mapping, true or
// false; a value with a core tag has the tag's type (`!!str true` is text) and must fit it.
var ruleWrongType = registerRule(&Rule{
	ID:       "wrong-type",
	Severity: Error,
	Summary:  "every value has the expected type: text, list, mapping, true or false, or the type of its tag when it has one",
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
