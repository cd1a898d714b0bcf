package journey

// ruleEncoding checks that the file is UTF-8 text: not UTF-16, not binary, no invalid bytes.
var ruleEncoding = registerRule(&Rule{
	ID:       "encoding",
	Severity: Error,
	Summary:  "the file is UTF-8 text: not UTF-16, not binary, no invalid bytes",
	Example:  "\xff\xfev\x00e\x00r\x00s\x00i\x00o\x00n\x00:\x00 \x001\x00\n\x00",
	Message:  "file is UTF-16; save it as UTF-8",
})
