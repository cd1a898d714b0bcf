package journey

// ruleInvalidLanguage checks that a map's language is one the pictures and reports are
// written in.
var ruleInvalidLanguage = registerRule(&Rule{
	ID:       "invalid-language",
	Severity: Error,
	Summary:  "a map's language is en or nl",
	Example: `version: 1
id: webshop
title: Bloemen kopen
language: NL
stages:
  - id: visit
    name: Bezoek
    touchpoints:
      - id: order
        name: Bestelling
        goal: true
`,
	Message: "unknown language \"NL\"; expected one of en, nl; did you mean \"nl\"?",
})
