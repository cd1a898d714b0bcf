package journey

// ruleAliasBudget checks that aliases stay within the expansion budget and do not contain themselves.
var ruleAliasBudget = registerRule(&Rule{
	ID:       "alias-budget",
	Severity: Error,
	Summary:  "aliases stay within the expansion budget and do not contain themselves",
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
        pains: &a [x, x, x, x, x, x, x, x, x, x]
        gains: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
        opportunities: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
        systems: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
        feeling: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]
`,
	Message: "aliases expand the file by more than 100000 nodes (an alias bomb?); repeat less",
})
