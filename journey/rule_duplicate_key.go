package journey

// ruleDuplicateKey checks that a mapping holds each key once.
var ruleDuplicateKey = registerRule(&Rule{
	ID:       "duplicate-key",
	Severity: Error,
	Summary:  "a mapping holds each key once",
	Example: `version: 1
id: webshop
title: Buying flowers
stages:
  - id: visit
    name: Visit
    touchpoints:
      - id: home
        name: Home page
        name: Homepage
        goal: true
`,
	Message: "key \"name\" is already defined at line 9",
})
