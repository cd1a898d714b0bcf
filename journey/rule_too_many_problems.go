package journey

import "strings"

// ruleTooManyProblems says that a file has more problems than lint shows.
var ruleTooManyProblems = registerRule(&Rule{
	ID:       "too-many-problems",
	Severity: Error,
	Summary:  "a file has at most 100 problems shown, errors first; the rest are counted (a warning when they are all warnings), and the summary of the run counts them all",
	Example:  "A map with 102 unknown keys.",
	source: func() []byte {
		var b strings.Builder
		b.WriteString("version: 1\nid: webshop\ntitle: Buying flowers\nstages:\n  - id: visit\n    name: Visit\n" +
			"    touchpoints:\n      - id: home\n        name: Home page\n        goal: true\n")
		for i := range MaxDiagnostics + 2 {
			b.WriteString("        x" + strings.Repeat("y", i) + ": 1\n")
		}
		return []byte(b.String())
	},
	Message: "file has 2 more problems not shown; fix these first",
})
