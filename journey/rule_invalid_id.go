package journey

// ruleInvalidID checks that ids are kebab-case ASCII.
var ruleInvalidID = registerRule(&Rule{
	ID:       "invalid-id",
	Severity: Error,
	Summary:  "ids are kebab-case ASCII",
	Example: `version: 1
id: webshop
title: Buying flowers
stages:
  - id: visit
    name: Visit
    touchpoints:
      - id: Home_Page
        name: Home page
        goal: true
`,
	Message: "id \"Home_Page\" is not kebab-case; expected lower-case ASCII letters and digits joined by single hyphens, like \"home-page\"",
})
