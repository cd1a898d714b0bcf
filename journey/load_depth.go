package journey

import "bytes"

// depthScanner estimates the nesting depth of a YAML source line by line, without parsing
// it, so that a hostile file is refused before the parser builds a deep tree. It counts
// indentation levels, compact sequence or key indicators, and open flow collections; quoted
// text, comments and block scalars are skipped. The estimate is rough but errs high only
// on pathological files.
type depthScanner struct {
	indents     []int
	flow        int
	quote       byte
	blockIndent int
}

// tooDeep returns the position of the first place whose estimated depth exceeds MaxDepth.
func tooDeep(src []byte) (Pos, bool) {
	s := depthScanner{blockIndent: -1}
	for n, line := range bytes.Split(src, []byte("\n")) {
		if col, deep := s.line(line); deep {
			return Pos{Line: n + 1, Column: col}, true
		}
	}
	return Pos{}, false
}

// line scans one line and returns the 1-based column where the depth limit is passed.
func (s *depthScanner) line(line []byte) (int, bool) {
	content := bytes.TrimLeft(line, " ")
	indent := len(line) - len(content)
	if s.quote == 0 && s.flow == 0 {
		if len(bytes.TrimSpace(content)) == 0 || content[0] == '#' {
			return 0, false
		}
		if s.blockIndent >= 0 && indent > s.blockIndent {
			return 0, false
		}
		s.blockIndent = -1
		for len(s.indents) > 0 && s.indents[len(s.indents)-1] >= indent {
			s.indents = s.indents[:len(s.indents)-1]
		}
		s.indents = append(s.indents, indent)
	}
	return s.scan(line, indent)
}

// scan walks the characters of a line from its indentation on.
func (s *depthScanner) scan(line []byte, indent int) (int, bool) {
	depth, prev := len(s.indents), byte(':')
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
			return 0, false
		case tokenStart(prev) && (c == '"' || c == '\''):
			s.quote = c
		case tokenStart(prev) && (c == '[' || c == '{'):
			s.flow++
		case (c == ']' || c == '}') && s.flow > 0:
			s.flow--
		case (c == '-' || c == '?') && tokenStart(prev) && (i+1 == len(line) || line[i+1] == ' '):
			depth++
		case (c == '|' || c == '>') && (prev == ':' || prev == '-') && s.flow == 0:
			s.blockIndent = indent
		}
		if depth+s.flow > MaxDepth {
			return i + 1, true
		}
		prev = c
	}
	return 0, false
}

// tokenStart reports whether a token may start after the character prev.
func tokenStart(prev byte) bool {
	return bytes.IndexByte([]byte(":[{,-?"), prev) >= 0
}
