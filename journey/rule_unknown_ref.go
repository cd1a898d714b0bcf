package journey

// ruleUnknownRef checks that every `next` and funnel step names an existing id of the right kind.
var ruleUnknownRef = registerRule(&Rule{
	ID:       "unknown-ref",
	Severity: Error,
	Summary:  "every `next` and funnel step names an existing id of the right kind",
	Example: `version: 1
id: webshop
title: Buying flowers
stages:
  - id: visit
    name: Visit
    touchpoints:
      - id: home
        name: Home page
        next: [odrer]
      - id: order
        name: Order
        goal: true
`,
	Message: "next: no touchpoint has the id \"odrer\"; did you mean \"order\"?",
})
