package journey

import "strings"

// ruleTextTooLong checks that a text value is at most 10,000 characters.
var ruleTextTooLong = registerRule(&Rule{
	ID:       "text-too-long",
	Severity: Error,
	Summary:  "a text value is at most 10,000 characters",
	Example:  `A touchpoint whose description is 10,001 characters long.`,
	source: func() []byte {
		return []byte("version: 1\nid: webshop\ntitle: Buying flowers\nstages:\n  - id: visit\n    name: Visit\n" +
			"    touchpoints:\n      - id: home\n        name: Home page\n        goal: true\n" +
			"        description: " + strings.Repeat("a", MaxTextLength+1) + "\n")
	},
	Message: "text is 10001 characters long; expected at most 10000",
})
