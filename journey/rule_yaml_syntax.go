package journey

// ruleYAMLSyntax checks that the file is valid YAML 1.2 with one document, spaces for indentation and limited nesting.
var ruleYAMLSyntax = registerRule(&Rule{
	ID:       "yaml-syntax",
	Severity: Error,
	Summary:  "the file is valid YAML 1.2 with one document, spaces for indentation and limited nesting",
	Example:  "version: 1\nid: webshop\ntitle: Buying flowers\nstages:\n  - id: visit\n    name: Visit\n    touchpoints:\n      - id: home\n        name: Home page\n\tgoal: true\n",
	Message:  "tab character in indentation; indent with spaces",
})
