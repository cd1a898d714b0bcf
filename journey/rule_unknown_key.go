package journey

// ruleUnknownKey checks that every key is one the format knows.
var ruleUnknownKey = registerRule(&Rule{
	ID:       "unknown-key",
	Severity: Error,
	Summary:  "every key is one the format knows",
	Example: `version: 1
id: webshop
title: Buying flowers
stages:
  - id: visit
    name: Visit
    touchpoints:
      - id: home
        name: Home page
        chanel: website
        goal: true
`,
	Message: "unknown key \"chanel\" in touchpoint; did you mean \"channel\"?",
})
