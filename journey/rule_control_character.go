package journey

// ruleControlCharacter checks that text holds no control characters (C0 and C1 other than tab and newline, U+FFFE, U+FFFF).
var ruleControlCharacter = registerRule(&Rule{
	ID:       "control-character",
	Severity: Error,
	Summary:  "text holds no control characters (C0 and C1 other than tab and newline, U+FFFE, U+FFFF)",
	Example: `version: 1
id: webshop
title: Buying flowers
stages:
  - id: visit
    name: Visit
    touchpoints:
      - id: home
        name: "Home\apage"
        goal: true
`,
	Message: "text holds the control character U+0007; remove it",
})
