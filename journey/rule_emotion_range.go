package journey

// ruleEmotionRange checks that `emotion` is a whole number from -2 to +2.
var ruleEmotionRange = registerRule(&Rule{
	ID:       "emotion-range",
	Severity: Error,
	Summary:  "`emotion` is a whole number from -2 to +2",
	Example: `version: 1
id: webshop
title: Buying flowers
stages:
  - id: visit
    name: Visit
    touchpoints:
      - id: home
        name: Home page
        emotion: 1.5
        goal: true
`,
	Message: "emotion must be a whole number from -2 to +2, found \"1.5\"",
})
