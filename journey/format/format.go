package format

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"

	"github.com/journey-cx/journey/journey"
	"go.yaml.in/yaml/v3"
)

// Width is the column a list (or a `where` mapping) must end within to be written on one line.
const Width = 80

// Rule is the rule id of the diagnostics Source returns: the file is not YAML it can rewrite.
const Rule = "yaml-syntax"

// Source returns src, the text of the map file named file, in canonical form. When src is not
// one well-formed YAML document it returns nil and diagnostics that say why: such a file must
// not be rewritten. A file holding nothing but comments and blank lines is returned as is.
func Source(file string, src []byte) ([]byte, []journey.Diagnostic) {
	doc, diag := decode(file, src)
	if diag != nil {
		return nil, []journey.Diagnostic{*diag}
	}
	if doc == nil {
		return src, nil
	}
	out, err := layoutAndEncode(doc, true)
	if err == nil && parses(out) {
		return out, nil
	}
	// Reordering keys can put an alias before its anchor: keep the author's key order then.
	doc, _ = decode(file, src)
	out, err = layoutAndEncode(doc, false)
	if err != nil {
		return nil, []journey.Diagnostic{{File: file, Line: 1, Column: 1, Rule: Rule,
			Message: fmt.Sprintf("cannot write the map back as YAML: %v", err)}}
	}
	return out, nil
}

// decode parses the one document of src. It returns a nil document for a file without one.
func decode(file string, src []byte) (*yaml.Node, *journey.Diagnostic) {
	if bytes.HasPrefix(src, []byte{0xFF, 0xFE}) || bytes.HasPrefix(src, []byte{0xFE, 0xFF}) {
		return nil, &journey.Diagnostic{File: file, Line: 1, Column: 1, Rule: Rule,
			Message: "the file is UTF-16: save it as UTF-8"}
	}
	dec := yaml.NewDecoder(bytes.NewReader(src))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, nil
		}
		return nil, syntaxDiagnostic(file, err)
	}
	var extra yaml.Node
	switch err := dec.Decode(&extra); {
	case errors.Is(err, io.EOF):
		return &doc, nil
	case err != nil:
		return nil, syntaxDiagnostic(file, err)
	}
	return nil, &journey.Diagnostic{File: file, Line: max(extra.Line, 1), Column: 1, Rule: Rule,
		Message: "a second YAML document: a map file holds exactly one map"}
}

var yamlErrorRE = regexp.MustCompile(`^yaml: line (\d+)(?:: column (\d+))?: (.*)$`)

// syntaxDiagnostic turns a YAML parse error into a diagnostic that points at its line.
func syntaxDiagnostic(file string, err error) *journey.Diagnostic {
	d := &journey.Diagnostic{File: file, Line: 1, Column: 1, Rule: Rule, Message: err.Error()}
	if m := yamlErrorRE.FindStringSubmatch(err.Error()); m != nil {
		d.Line, _ = strconv.Atoi(m[1])
		if m[2] != "" {
			d.Column, _ = strconv.Atoi(m[2])
		}
		d.Message = m[3]
	}
	return d
}

// layoutAndEncode puts doc in canonical layout (reordering keys when reorder is set) and
// encodes it with two-space indentation.
func layoutAndEncode(doc *yaml.Node, reorder bool) ([]byte, error) {
	l := layouter{reorder: reorder}
	for _, n := range doc.Content {
		l.node(n, mapShape, 0, 0)
	}
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// parses reports whether out is well-formed YAML.
func parses(out []byte) bool {
	var n yaml.Node
	return yaml.Unmarshal(out, &n) == nil
}

// layouter sets the key order and the block or flow style of every node.
type layouter struct {
	reorder bool
}

// node lays out n, whose block content starts at column block and whose one-line form
// would start at column inline.
func (l layouter) node(n *yaml.Node, s *shape, block, inline int) {
	switch n.Kind {
	case yaml.MappingNode:
		l.mapping(n, s, block, inline)
	case yaml.SequenceNode:
		for _, item := range n.Content {
			l.node(item, s, block+2, block+2)
		}
		setFlow(n, flowEligible(n) && fits(n, inline))
	}
}

// mapping lays out a mapping: known keys in canonical order, block style except for short
// `where` conditions.
func (l layouter) mapping(n *yaml.Node, s *shape, block, inline int) {
	if l.reorder && s != nil && !s.flow {
		sortPairs(n, s)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, value := n.Content[i], n.Content[i+1]
		l.node(value, s.child(key.Value), block+2, block+textWidth(key.Value)+2)
	}
	setFlow(n, s != nil && s.flow && flowEligible(n) && fits(n, inline))
}

// sortPairs orders the key/value pairs of n by the shape's key order, unknown keys last in
// their original order. The comment above the first key stays at the top of the mapping.
func sortPairs(n *yaml.Node, s *shape) {
	type pair struct{ key, value *yaml.Node }
	pairs := make([]pair, 0, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		pairs = append(pairs, pair{n.Content[i], n.Content[i+1]})
	}
	if len(pairs) == 0 {
		return
	}
	first := pairs[0].key
	slices.SortStableFunc(pairs, func(a, b pair) int {
		return cmp.Compare(s.rank(a.key.Value), s.rank(b.key.Value))
	})
	if newFirst := pairs[0].key; newFirst != first && first.HeadComment != "" {
		newFirst.HeadComment = joinComments(first.HeadComment, newFirst.HeadComment)
		first.HeadComment = ""
	}
	n.Content = n.Content[:0]
	for _, p := range pairs {
		n.Content = append(n.Content, p.key, p.value)
	}
}

func joinComments(a, b string) string {
	if b == "" {
		return a
	}
	return a + "\n" + b
}
