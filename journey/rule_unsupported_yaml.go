package journey

// ruleUnsupportedYAML checks that the file uses only the YAML features of format 1: no merge keys (<<), only core tags.
var ruleUnsupportedYAML = registerRule(&Rule{
	ID:       "unsupported-yaml",
	Severity: Error,
	Summary:  "the file uses only the YAML features of format 1: no merge keys (<<), only core tags",
	Example: `version: 1
id: webshop
title: Buying flowers
stages:
  - id: visit
    name: Visit
    touchpoints:
      - id: home
        name: !html <b>Home</b>
        goal: true
`,
	Message: "tag \"!html\" is not supported; format 1 allows only the YAML core tags (!!str, !!int, !!float, !!bool, !!null, !!seq, !!map)",
})
