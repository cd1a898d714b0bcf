package journey

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// yamlErrorLine matches the line number yaml.v3 puts in its syntax errors.
var yamlErrorLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// ParseDocument parses src, the text of the map file named file, as one YAML document the
// way lint does before it reads any key: the checks of size and encoding, YAML syntax, a
// single document, a mapping at the top. It returns the document node, or nil and the
// diagnostics that say why the file is not exactly one well-formed YAML mapping. A file
// holding no document (only comments and blank lines) gives nil and no diagnostics. The
// YAML features format 1 leaves out (duplicate keys, custom tags, alias bombs) are not
// checked here: Parse reports them.
func ParseDocument(file string, src []byte) (*yaml.Node, []Diagnostic) {
	doc, ds := parseDocument(file, src)
	if len(ds) > 0 {
		return nil, ds
	}
	return doc, nil
}

// parseYAML parses src as exactly one YAML document holding a mapping and checks the YAML
// features format 1 allows (see checkTree). It returns the root mapping, or nil when the
// file cannot be used as a map at all.
func parseYAML(file string, src []byte) (*yaml.Node, []Diagnostic) {
	doc, ds := parseDocument(file, src)
	if doc == nil {
		if len(ds) == 0 {
			ds = []Diagnostic{ruleNotAMap.diag(file, Pos{Line: 1, Column: 1},
				"file holds no map; expected a mapping with version, id, title and stages")}
		}
		return nil, ds
	}
	tree, fatal := checkTree(file, src, doc)
	ds = append(ds, tree...)
	if fatal {
		return nil, ds
	}
	placeAliases(doc)
	return doc.Content[0], ds
}

// placeAliases replaces every alias below n with a copy of the node it repeats, every node
// of the copy at the alias's line and column, so that what is wrong in repeated content is
// reported where it is repeated, once for each time, and the elements the loader makes of it
// have the alias's position. checkTree has refused alias cycles and bounded the copies by
// AliasBudget; the checks it made of the repeated nodes stay with the anchor.
func placeAliases(n *yaml.Node) {
	for i, c := range n.Content {
		if c.Kind == yaml.AliasNode {
			n.Content[i] = copyAt(c.Alias, c.Line, c.Column)
		} else {
			placeAliases(c)
		}
	}
}

// copyAt returns a copy of n with its aliases replaced, every node at line and column.
func copyAt(n *yaml.Node, line, column int) *yaml.Node {
	if n.Kind == yaml.AliasNode {
		return copyAt(n.Alias, line, column)
	}
	c := *n
	c.Line, c.Column, c.Anchor = line, column, ""
	c.Content = make([]*yaml.Node, len(n.Content))
	for i, k := range n.Content {
		c.Content[i] = copyAt(k, line, column)
	}
	return &c
}

// parseDocument prechecks src and decodes its first YAML document, which must hold a
// mapping. It returns the document, nil when there is none or it is unusable, and the
// problems found: a second document is reported while the first is still returned.
func parseDocument(file string, src []byte) (*yaml.Node, []Diagnostic) {
	if ds := precheck(file, src); len(ds) > 0 {
		return nil, ds
	}
	dec := yaml.NewDecoder(bytes.NewReader(AsYAML11(src)))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, nil
		}
		return nil, []Diagnostic{yamlError(file, src, err)}
	}
	var ds []Diagnostic
	if d, ok := secondDocument(file, src, dec); ok {
		ds = append(ds, d)
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, append(ds, ruleNotAMap.diag(file, nodePos(root),
			"file holds %s; expected a mapping with version, id, title and stages", kindName(root)))
	}
	return &doc, ds
}

// yaml12Directive matches a %YAML 1.2 directive, which yaml.v3 refuses ("incompatible YAML
// document") though it reads maps by YAML 1.2's core schema anyway.
var yaml12Directive = regexp.MustCompile(`(?m)^%YAML[ \t]+1\.2([ \t#]|\r?$)`)

// AsYAML11 returns src with a %YAML 1.2 directive written 1.1, the only version yaml.v3
// takes: the same number of bytes, so positions stay.
func AsYAML11(src []byte) []byte {
	loc := yaml12Directive.FindIndex(src)
	if loc == nil {
		return src
	}
	out := bytes.Clone(src)
	i := loc[0] + bytes.Index(src[loc[0]:loc[1]], []byte("1.2"))
	out[i+2] = '1'
	return out
}

// secondDocument reports a YAML document after the first one.
func secondDocument(file string, src []byte, dec *yaml.Decoder) (Diagnostic, bool) {
	var next yaml.Node
	err := dec.Decode(&next)
	if errors.Is(err, io.EOF) {
		return Diagnostic{}, false
	}
	pos := nodePos(&next)
	if err != nil {
		pos = yamlError(file, src, err).pos()
	}
	return ruleYAMLSyntax.diag(file, pos, "a second YAML document starts here; a map file holds one document"), true
}

// pos returns the position a diagnostic points at.
func (d Diagnostic) pos() Pos { return Pos{Line: d.Line, Column: d.Column} }

// yamlParserErrors are the yaml.v3 parser (not scanner) errors. yaml.v3 reports their line
// 0-based, at the start of the collection being parsed; the others are 1-based.
var yamlParserErrors = map[string]bool{
	"did not find expected key":              true,
	"did not find expected '-' indicator":    true,
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"did not find expected node content":     false,
	"did not find expected <document start>": false,
}

// yamlUnknownAnchor matches the one yaml.v3 error that names no line.
var yamlUnknownAnchor = regexp.MustCompile(`^yaml: unknown anchor '(.*)' referenced$`)

// yamlError turns a yaml.v3 error into a diagnostic on the line it names, recognising a tab
// in indentation, the most common cause of a confusing message.
func yamlError(file string, src []byte, err error) Diagnostic {
	line, msg := 1, strings.TrimPrefix(err.Error(), "yaml: ")
	if m := yamlErrorLine.FindStringSubmatch(err.Error()); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	}
	lines := bytes.Split(src, []byte("\n"))
	if l, col := tabAfterBlanks(lines, line); col > 0 {
		return tabDiag(file, lines, l, col)
	}
	// yaml.v3 names the line before the tab's, mostly; a valid tab of a block text may be
	// on the line before that
	for l := min(line+1, len(lines)); l >= max(line-1, 1); l-- {
		if col := indentTab(lines[l-1]); col > 0 {
			return tabDiag(file, lines, l, col)
		}
	}
	if m := yamlUnknownAnchor.FindStringSubmatch(err.Error()); m != nil {
		return ruleYAMLSyntax.diag(file, aliasPos(lines, m[1]), "alias *%s names no anchor; define &%s before it", m[1], m[1])
	}
	if inCollection, parser := yamlParserErrors[msg]; parser {
		line++
		if d, ok := blockOffender(file, lines, line, msg); ok {
			return d
		}
		if inCollection {
			msg += " in the collection that starts here"
		}
	}
	col := firstColumn(lines, line)
	if line >= 1 && line <= len(lines) {
		l := lines[line-1]
		switch {
		case strings.HasSuffix(msg, "or ']' in the collection that starts here"):
			col = max(col, lastOpen(l, "["))
		case strings.HasSuffix(msg, "or '}' in the collection that starts here"):
			col = max(col, lastOpen(l, "{"))
		case msg == "found unexpected end of stream" && lastOpen(l, `"'`) > 0:
			col, msg = lastOpen(l, `"'`), "the quoted text that starts here is never closed"
		}
	}
	return ruleYAMLSyntax.diag(file, Pos{Line: line, Column: col}, "invalid YAML: %s", msg)
}

// lastOpen returns the 1-based column of the last of the brackets or quotes the line opens
// and does not close that is one of kinds, the innermost; 0 when there is none.
func lastOpen(line []byte, kinds string) int {
	open := unclosed(line)
	for k := len(open) - 1; k >= 0; k-- {
		if strings.IndexByte(kinds, line[open[k]]) >= 0 {
			return utf8.RuneCount(line[:open[k]]) + 1
		}
	}
	return 0
}

// unclosed returns where the line opens brackets or a quote that it does not close, outer
// first. It reads the line as a flow of YAML: a quote opens only where a value starts, a #
// after a space starts a comment.
func unclosed(line []byte) []int {
	var stack []int
	for i := 0; i < len(line); i++ {
		switch c := line[i]; {
		case c == '#' && (i == 0 || line[i-1] == ' '):
			i = len(line)
		case (c == '"' || c == '\'') && valueStart(line, i):
			end := ClosingQuote(line, i)
			if end < 0 {
				stack = append(stack, i)
				i = len(line)
				continue
			}
			i = end
		case c == '[' || c == '{':
			stack = append(stack, i)
		case (c == ']' || c == '}') && len(stack) > 0:
			stack = stack[:len(stack)-1]
		}
	}
	return stack
}

// valueStart reports whether byte i of line starts a value: the line's first non-blank
// byte, or one after ": ", "- ", "[", "{" or ", " with blanks between.
func valueStart(line []byte, i int) bool {
	before := bytes.TrimRight(line[:i], " ")
	if len(before) == 0 {
		return true
	}
	switch before[len(before)-1] {
	case '[', '{', ',':
		return true
	case ':', '-':
		return len(before) < i // a blank between
	}
	return false
}

// ClosingQuote returns the index in s, a line of text as bytes or runes, of the quote that
// closes the YAML quoted scalar opened by the quote at s[i], minding the escapes \" (double
// quotes) and a doubled quote (single quotes); -1 when the line does not close it.
func ClosingQuote[T byte | rune](s []T, i int) int {
	q := s[i]
	for j := i + 1; j < len(s); j++ {
		switch {
		case q == '"' && s[j] == '\\':
			j++
		case s[j] == q && q == '\'' && j+1 < len(s) && s[j+1] == '\'':
			j++
		case s[j] == q:
			return j
		}
	}
	return -1
}

// aliasPos returns the position of the first *name in the source lines.
func aliasPos(lines [][]byte, name string) Pos {
	alias := regexp.MustCompile(`\*` + regexp.QuoteMeta(name) + `\b`)
	for i, l := range lines {
		if loc := alias.FindIndex(l); loc != nil {
			return Pos{Line: i + 1, Column: utf8.RuneCount(l[:loc[0]]) + 1}
		}
	}
	return Pos{Line: 1, Column: 1}
}

// blockHeader matches the end of a line that starts a block text (| or >, with its
// indicators) and a comment after it.
var blockHeader = regexp.MustCompile(`(^|[\s:-])[|>][0-9+-]*\s*(#.*)?$`)

// tabDiag reports the tab at column col of 1-based line l. When the line is the first of a
// block text, the tab is its text to a reader that takes it (YAML allows it), but not to
// the parser journey uses: it says how to keep the tab.
func tabDiag(file string, lines [][]byte, l, col int) Diagnostic {
	msg := "tab character in indentation; indent with spaces"
	if l > 1 && col > 1 && blockHeader.Match(bytes.TrimRight(lines[l-2], "\r")) {
		msg += fmt.Sprintf(" (to start the text with a tab, write its indentation after the | or >: |%d)",
			col-1-nodeIndent(lines[l-2]))
	}
	return ruleYAMLSyntax.diag(file, Pos{Line: l, Column: col}, "%s", msg)
}

// nodeIndent returns the indentation of the node a block text's header line starts: its
// spaces, and those of each "- " of a list item holding a mapping.
func nodeIndent(line []byte) int {
	rest := bytes.TrimLeft(line, " ")
	for len(rest) > 1 && rest[0] == '-' && rest[1] == ' ' {
		item := bytes.TrimLeft(rest[1:], " ")
		if len(item) > 0 && (item[0] == '|' || item[0] == '>') {
			break
		}
		rest = item
	}
	return len(line) - len(rest)
}

// blockOffender finds the line that breaks the block collection on 1-based line start, which
// yaml.v3 names for "did not find expected key" (a mapping) and "did not find expected '-'
// indicator" (a list) rather than the line at fault: the first line, blank and comment
// lines aside, that is indented as the collection's entries are but is not one (a list
// item among keys, a key among list items), or that is indented between the collection's
// entries and what holds them. ok is false when no line is found.
func blockOffender(file string, lines [][]byte, start int, msg string) (Diagnostic, bool) {
	list := msg == "did not find expected '-' indicator"
	if (!list && msg != "did not find expected key") || start < 1 || start > len(lines) {
		return Diagnostic{}, false
	}
	outer := indentOf(lines[start-1]) // the list's dashes, or the dashes holding the mapping
	entries, content := outer, nodeIndent(lines[start-1])
	if !list {
		entries = content
	}
	for l := start + 1; l <= len(lines); l++ {
		text := bytes.TrimRight(lines[l-1], "\r")
		body := bytes.TrimLeft(text, " ")
		if len(body) == 0 || body[0] == '#' {
			continue
		}
		switch at := len(text) - len(body); {
		case list && at > entries && at < content:
			return ruleYAMLSyntax.diag(file, Pos{Line: l, Column: at + 1},
				"invalid YAML: this line is indented less than the keys of the list item above it and more than the list's dashes (line %d); indent it as one of them", start), true
		case at > entries:
			continue
		case at == entries && isListItem(body) == list:
			if list {
				content = nodeIndent(text)
			}
			continue
		case at == entries && list:
			return ruleYAMLSyntax.diag(file, Pos{Line: l, Column: at + 1},
				"invalid YAML: expected a list item (- ...) here, as in the list that starts at line %d; indent a key of the item above further", start), true
		case at == entries:
			return ruleYAMLSyntax.diag(file, Pos{Line: l, Column: at + 1},
				"invalid YAML: expected a key (name: value) here, as in the mapping that starts at line %d; a list item goes under a key, indented further", start), true
		case !list && at > outer:
			return ruleYAMLSyntax.diag(file, Pos{Line: l, Column: at + 1},
				"invalid YAML: this line is indented less than the keys of the mapping that starts at line %d and more than what holds it; indent it as one of them", start), true
		default:
			return Diagnostic{}, false
		}
	}
	return Diagnostic{}, false
}

// indentOf returns the number of spaces a line starts with.
func indentOf(line []byte) int { return len(line) - len(bytes.TrimLeft(line, " ")) }

// isListItem reports whether a line's text, its indentation cut, is a list item: a dash
// followed by a blank or nothing.
func isListItem(body []byte) bool {
	return body[0] == '-' && (len(body) == 1 || body[1] == ' ' || body[1] == '\t')
}

// tabAfterBlanks returns the 1-based line and column of a tab in the indentation of the
// lines after line up to its next line of text, or 0 as column: yaml.v3 names the last line
// of text before a tab that blank lines follow.
func tabAfterBlanks(lines [][]byte, line int) (int, int) {
	for l := line + 1; l >= 1 && l <= len(lines); l++ {
		if col := indentTab(lines[l-1]); col > 0 {
			return l, col
		}
		if len(bytes.TrimSpace(lines[l-1])) > 0 {
			break
		}
	}
	return 0, 0
}

// indentTab returns the 1-based column of a tab in the line's indentation, or 0.
func indentTab(line []byte) int {
	for i, c := range line {
		switch c {
		case '\t':
			return i + 1
		case ' ':
		default:
			return 0
		}
	}
	return 0
}

// firstColumn returns the column of the first non-blank character of a 1-based line.
func firstColumn(lines [][]byte, line int) int {
	if line < 1 || line > len(lines) {
		return 1
	}
	l := lines[line-1]
	return len(l) - len(bytes.TrimLeft(l, " \t")) + 1
}

// nodePos returns the position of a YAML node.
func nodePos(n *yaml.Node) Pos { return Pos{Line: n.Line, Column: n.Column} }

// kindName describes a node's kind for messages: "a mapping", "a list", "text".
func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return kindName(n.Alias)
	}
	if n.Tag == "!!null" {
		return "nothing"
	}
	return "text"
}
