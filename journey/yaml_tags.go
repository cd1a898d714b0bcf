package journey

import (
	"regexp"
	"strconv"

	"go.yaml.in/yaml/v3"
)

// coreTags are the explicit tags format 1 accepts, those of the YAML 1.2 core schema, and
// what a node so tagged must be: its kind, and for a scalar the text the core schema
// allows (nil: any text). A tagged node takes its tag's type: `!!str true` is text,
// `!!int "1"` the number 1.
var coreTags = map[string]tagRule{
	strTag:   {yaml.ScalarNode, nil, "text"},
	intTag:   {yaml.ScalarNode, regexp.MustCompile(`^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$`), "an integer"},
	floatTag: {yaml.ScalarNode, regexp.MustCompile(`^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$`), "a number"},
	boolTag:  {yaml.ScalarNode, regexp.MustCompile(`^(?:true|True|TRUE|false|False|FALSE)$`), "true or false"},
	nullTag:  {yaml.ScalarNode, regexp.MustCompile(`^(?:~|null|Null|NULL|)$`), "nothing (null or ~)"},
	"!!seq":  {yaml.SequenceNode, nil, "a list"},
	"!!map":  {yaml.MappingNode, nil, "a mapping"},
}

// tagRule is what a core tag requires of the node it tags.
type tagRule struct {
	kind     yaml.Kind
	text     *regexp.Regexp
	expected string
}

// tagProblem returns the rule and the message for an explicit tag that n may not carry: a
// tag outside the core schema, or a core tag on a node that is not of its type (`!!int abc`,
// `!!seq x`). It returns nil for an untagged node or a fitting tag.
func tagProblem(n *yaml.Node) (*Rule, string) {
	if n.Style&yaml.TaggedStyle == 0 {
		return nil, ""
	}
	tr, core := coreTags[n.ShortTag()]
	switch {
	case !core:
		return ruleUnsupportedYAML, "tag " + strconv.Quote(n.Tag) + " is not supported; format 1 allows only the YAML core tags (!!str, !!int, !!float, !!bool, !!null, !!seq, !!map)"
	case n.Kind != tr.kind:
		return ruleWrongType, "tag " + n.ShortTag() + ": expected " + tr.expected + ", found " + kindName(n)
	case tr.text != nil && !tr.text.MatchString(n.Value):
		return ruleWrongType, "tag " + n.ShortTag() + ": expected " + tr.expected + ", found " + strconv.Quote(n.Value) + "; fix the value or remove the tag"
	}
	return nil, ""
}

// badlyTagged reports a scalar whose explicit tag checkTree refused: whatever else is wrong
// with its value follows from the tag, and is not reported a second time.
func badlyTagged(n *yaml.Node) bool {
	n = resolve(n)
	if n.Kind != yaml.ScalarNode {
		return false
	}
	r, _ := tagProblem(n)
	return r != nil
}
