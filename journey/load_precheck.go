package journey

import (
	"bytes"
	"unicode/utf8"
)

// maxRawControls caps how many raw control characters one file reports.
const maxRawControls = 10

// precheck rejects files that are not worth handing to the YAML parser: too large (in bytes
// or values), UTF-16, binary, invalid UTF-8, holding raw control characters, or nested too
// deeply. Each problem
// is a diagnostic; none means the file may be parsed.
func precheck(file string, src []byte) []Diagnostic {
	start := Pos{Line: 1, Column: 1}
	switch {
	case len(src) > MaxFileSize:
		return []Diagnostic{ruleFileTooLarge.diag(file, start,
			"file is larger than %d MB, the limit for a map; split it into several maps", MaxFileSize>>20)}
	case isUTF16(src):
		return []Diagnostic{ruleEncoding.diag(file, start, "file is UTF-16; save it as UTF-8")}
	}
	if ds := scanCharacters(file, src); len(ds) > 0 {
		return ds
	}
	switch pos, problem := scanStructure(src); problem {
	case structureTooDeep:
		return []Diagnostic{ruleYAMLSyntax.diag(file, pos, "collections are nested more than %d levels deep", MaxDepth)}
	case structureTooMany:
		return []Diagnostic{ruleFileTooLarge.diag(file, pos,
			"file holds more than %d values, the limit for a map; split it into several maps", MaxValues)}
	}
	return nil
}

// isUTF16 reports whether src starts with a UTF-16 byte order mark, or with the NUL byte
// pattern of UTF-16 text without one.
func isUTF16(src []byte) bool {
	if bytes.HasPrefix(src, []byte{0xFE, 0xFF}) || bytes.HasPrefix(src, []byte{0xFF, 0xFE}) {
		return true
	}
	return len(src) >= 4 && ((src[0] == 0 && src[1] != 0 && src[2] == 0 && src[3] != 0) ||
		(src[0] != 0 && src[1] == 0 && src[2] != 0 && src[3] == 0))
}

// scanCharacters reports the first NUL byte or invalid UTF-8 sequence, or else the raw
// control characters (which YAML forbids outside escapes).
func scanCharacters(file string, src []byte) []Diagnostic {
	if utf8.Valid(src) && !hasControlBytes(src) {
		return nil
	}
	var ds []Diagnostic
	line, col := 1, 1
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		pos := Pos{Line: line, Column: col}
		switch {
		case r == 0:
			return []Diagnostic{ruleEncoding.diag(file, pos, "file holds a NUL byte; a map is UTF-8 text, not a binary file")}
		case r == utf8.RuneError && size == 1:
			return []Diagnostic{ruleEncoding.diag(file, pos, "invalid UTF-8 byte 0x%02X; save the file as UTF-8", src[i])}
		case r != '\r' && r != utf8.RuneError && isControl(r) && len(ds) < maxRawControls:
			ds = append(ds, ruleControlCharacter.diag(file, pos, "control character %U in the file", r))
		}
		col++
		if r == '\n' {
			line, col = line+1, 1
		}
		i += size
	}
	return ds
}

// hasControlBytes is a fast test of valid UTF-8 for the characters scanCharacters reports:
// NUL and other C0 controls but tab, LF and CR, DEL, C1 controls (0xC2 0x80-0x9F) and
// U+FFFE, U+FFFF (0xEF 0xBF 0xBE-0xBF).
func hasControlBytes(src []byte) bool {
	for i, b := range src {
		switch {
		case b < 0x20 && b != '\t' && b != '\n' && b != '\r', b == 0x7F:
			return true
		case b == 0xC2 && i+1 < len(src) && src[i+1] <= 0x9F:
			return true
		case b == 0xEF && i+2 < len(src) && src[i+1] == 0xBF && src[i+2] >= 0xBE:
			return true
		}
	}
	return false
}
