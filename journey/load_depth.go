package journey

import "bytes"

// structureScanner estimates, line by line and without parsing, how deeply a YAML source
// nests and how many values it holds, so that a hostile file is refused before the parser
// spends seconds and memory on it. It counts indentation levels, compact sequence or key
// indicators and open flow collections for depth, and lines, keys, list items and flow
// separators for values; quoted text, comments and block scalars are skipped. The
// estimates are rough but err high only on pathological files.
type structureScanner struct {
	indents     []int
	flow        int
	quote       byte
	blockIndent int
	values      int
}

// structureProblem is what scanStructure found wrong.
type structureProblem int

const (
	structureOK structureProblem = iota
	structureTooDeep
	structureTooMany
)

// scanStructure returns the first place where the estimated depth passes MaxDepth or the
// estimated number of values passes MaxValues.
func scanStructure(src []byte) (Pos, structureProblem) {
	s := structureScanner{blockIndent: -1}
	n := 0
	for line := range bytes.Lines(src) {
		n++
		if col, p := s.line(bytes.TrimRight(line, "\n")); p != structureOK {
			return Pos{Line: n, Column: col}, p
		}
	}
	return Pos{}, structureOK
}

// line scans one line and returns the 1-based column where a limit is passed.
func (s *structureScanner) line(line []byte) (int, structureProblem) {
	content := bytes.TrimLeft(line, " ")
	indent := len(line) - len(content)
	if s.quote == 0 && s.flow == 0 {
		if len(bytes.TrimSpace(content)) == 0 || content[0] == '#' {
			return 0, structureOK
		}
		if s.blockIndent >= 0 && indent > s.blockIndent {
			return 0, structureOK
		}
		s.blockIndent = -1
		for len(s.indents) > 0 && s.indents[len(s.indents)-1] >= indent {
			s.indents = s.indents[:len(s.indents)-1]
		}
		s.indents = append(s.indents, indent)
	}
	s.values++
	return s.scan(line, indent)
}

// scan walks the characters of a line from its indentation on.
func (s *structureScanner) scan(line []byte, indent int) (int, structureProblem) {
	depth, prev, plain := len(s.indents), byte(':'), false
	for i := indent; i < len(line); i++ {
		c := line[i]
		switch {
		case s.quote != 0:
			if c == s.quote && (c == '\'' || i == 0 || line[i-1] != '\\') {
				s.quote = 0
			}
			continue
		case c == ' ' || c == '\r':
			continue
		case c == '#' && (i == 0 || line[i-1] == ' '):
			return 0, structureOK
		case plain:
			plain = !s.endsPlain(line, i)
		case c == ']' || c == '}' || c == ',':
			s.endsPlain(line, i)
		case !tokenStart(prev):
		case c == '"' || c == '\'':
			s.quote = c
		case c == '[' || c == '{':
			s.flow++
		case (c == '-' || c == '?') && (i+1 == len(line) || line[i+1] == ' '):
			depth++
			s.values++
		case (c == '|' || c == '>') && s.flow == 0:
			s.blockIndent = indent
		case c == '&' || c == '!':
			for i+1 < len(line) && line[i+1] != ' ' {
				i++
			}
			continue
		default:
			plain = !s.endsPlain(line, i)
		}
		switch {
		case depth+s.flow > MaxDepth:
			return i + 1, structureTooDeep
		case s.values > MaxValues:
			return i + 1, structureTooMany
		}
		prev = c
	}
	return 0, structureOK
}

// endsPlain reports whether line[i] ends a plain scalar (or a key, or a flow item),
// counting the value it completes and the flow collection it closes.
func (s *structureScanner) endsPlain(line []byte, i int) bool {
	switch c := line[i]; {
	case c == ':' && (i+1 == len(line) || line[i+1] == ' ' || s.flow > 0):
		s.values++
	case c == ',' && s.flow > 0:
		s.values++
	case (c == ']' || c == '}') && s.flow > 0:
		s.flow--
	default:
		return false
	}
	return true
}

// tokenStart reports whether a token may start after the character prev.
func tokenStart(prev byte) bool {
	return bytes.IndexByte([]byte(":[{,-?"), prev) >= 0
}
