package journey

// ruleInvisibleCharacter checks that text holds no bidirectional controls or zero-width characters, which can hide what it says.
var ruleInvisibleCharacter = registerRule(&Rule{
	ID:       "invisible-character",
	Severity: Warning,
	Summary:  "text holds no bidirectional controls or zero-width characters (a joiner inside an emoji sequence aside), which can hide what it says; each kind is reported, in block text (| or >) at its line and column",
	Example: `version: 1
id: webshop
title: Buying flowers
stages:
  - id: visit
    name: Visit
    touchpoints:
      - id: home
        name: "Home\u200Bpage"
        goal: true
`,
	Message: "text holds the invisible character U+200B, which can make it read differently than it is",
})
