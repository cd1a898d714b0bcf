package journey

// ruleInvalidCost checks that a touchpoint's cost is a number of 0 or more and the map's
// currency an ISO 4217 code.
var ruleInvalidCost = registerRule(&Rule{
	ID:       "invalid-cost",
	Severity: Error,
	Summary:  "a touchpoint's cost is a number of 0 or more, the map's currency an ISO 4217 code",
	Example: `version: 1
id: webshop
title: Buying flowers
currency: EUR
stages:
  - id: visit
    name: Visit
    touchpoints:
      - id: call
        name: Phone call
        cost: -4
      - id: order
        name: Order
        goal: true
`,
	Message: "cost -4 is negative; a cost is a number of 0 or more",
})
