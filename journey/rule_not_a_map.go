package journey

// ruleNotAMap checks that the file holds a mapping: not nothing, only comments, a list or a single value.
var ruleNotAMap = registerRule(&Rule{
	ID:       "not-a-map",
	Severity: Error,
	Summary:  "the file holds a mapping: not nothing, only comments, a list or a single value",
	Example: `# the florist journey, still to be written
`,
	Message: "file holds no map; expected a mapping with version, id, title and stages",
})
