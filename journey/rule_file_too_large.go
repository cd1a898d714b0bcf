package journey

import "bytes"

// ruleFileTooLarge checks that the file is at most 10 MB and holds at most 100,000 YAML values.
var ruleFileTooLarge = registerRule(&Rule{
	ID:       "file-too-large",
	Severity: Error,
	Summary:  "the file is at most 10 MB and holds at most 100,000 YAML values (keys, items, scalars)",
	Example:  `A map file of 10 MB and one byte or more.`,
	source:   func() []byte { return append([]byte("version: 1\n"), bytes.Repeat([]byte("#"), MaxFileSize)...) },
	Message:  "file is larger than 10 MB, the limit for a map; split it into several maps",
})
