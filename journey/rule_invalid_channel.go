package journey

// ruleInvalidChannel checks that a channel is a kebab-case word.
var ruleInvalidChannel = registerRule(&Rule{
	ID:       "invalid-channel",
	Severity: Error,
	Summary:  "a channel is a kebab-case word",
	Example: `version: 1
id: webshop
title: Buying flowers
stages:
  - id: visit
    name: Visit
    touchpoints:
      - id: home
        name: Home page
        channel: Face to face
        goal: true
`,
	Message: "channel \"Face to face\" is not a kebab-case word (website, email, face-to-face...); did you mean \"face-to-face\"?",
})
