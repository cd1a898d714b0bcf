package journey

// ruleDuplicateID checks that ids are unique across stages, touchpoints and funnels.
var ruleDuplicateID = registerRule(&Rule{
	ID:       "duplicate-id",
	Severity: Error,
	Summary:  "ids are unique across stages, touchpoints and funnels",
	Example: `version: 1
id: webshop
title: Buying flowers
stages:
  - id: visit
    name: Visit
    touchpoints:
      - id: visit
        name: Home page
        goal: true
`,
	Message: "id \"visit\" is already used by the stage at line 5; ids are unique across stages, touchpoints and funnels",
})
